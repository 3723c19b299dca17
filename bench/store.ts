/**
 * Store bench, in Chromium: time to the first screen of the documents and meetings lists through the store
 * (Dexie, index order, first 50 rows) against raw IndexedDB `getAll()` of the same object store, over the
 * ten-year scale data (scripts/seed-scale.ts). Prints medians and the ratio store / raw (below 1 = faster).
 *   npm run bench -- store [--runs N] [--documents 50000] [--meetings 2000]
 * Not a unit test: it needs /usr/bin/chromium (or Playwright's) and takes a minute.
 */
import { numberArg as arg, withBenchPage } from './in-chromium';
import { generateScale } from '../scripts/seed-scale';

// Runs in the page: loads rows through the real HuiwenDb, then times both ways of reading the first screen.
const PAGE_ENTRY = `
import { HuiwenDb } from './renderer/data/db';
const ms = () => performance.now();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
window.bench = {
  async load(table, rows) {
    const db = new HuiwenDb('bench');
    await db.open();
    await db.table(table).clear();
    for (let i = 0; i < rows.length; i += 5000) await db.table(table).bulkPut(rows.slice(i, i + 5000));
    db.close();
  },
  async time(table, index, runs) {
    const viaStore = [], viaRaw = [];
    for (let r = 0; r < runs; r++) {
      // A fresh connection each run: what a page opening the list pays.
      let t = ms();
      const db = new HuiwenDb('bench');
      const first = await db.table(table).orderBy(index).reverse().limit(50).toArray();
      viaStore.push(ms() - t);
      db.close();
      t = ms();
      const all = await new Promise((res, rej) => {
        const open = indexedDB.open('bench');
        open.onerror = () => rej(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const req = idb.transaction(table, 'readonly').objectStore(table).getAll();
          req.onsuccess = () => { idb.close(); res(req.result); };
          req.onerror = () => rej(req.error);
        };
      });
      viaRaw.push(ms() - t);
      if (first.length !== Math.min(50, all.length)) throw new Error('row count mismatch');
    }
    return { store: median(viaStore), raw: median(viaRaw) };
  },
};
`;

export async function run(args: readonly string[] = process.argv.slice(2)): Promise<void> {
  const runs = arg(args, 'runs', 7);
  const data = generateScale({
    documents: arg(args, 'documents', 50_000),
    meetings: arg(args, 'meetings', 2_000),
    decisions: 1,
    audit: 1,
  });
  await withBenchPage(PAGE_ENTRY, async (page) => {
    const results: string[] = [];
    for (const [table, index, rows] of [
      ['documents', 'registeredOn', data.documents],
      ['meetings', 'date', data.meetings],
    ] as const) {
      await page.evaluate(
        ([t, r]) =>
          (window as unknown as { bench: { load(t: string, r: unknown[]): Promise<void> } }).bench.load(t, r),
        [table, rows] as const,
      );
      const { store, raw } = await page.evaluate(
        ([t, i, n]) =>
          (
            window as unknown as {
              bench: { time(t: string, i: string, n: number): Promise<{ store: number; raw: number }> };
            }
          ).bench.time(t, i, n),
        [table, index, runs] as const,
      );
      results.push(
        `${table}（${rows.length} 行）：首屏 50 行 ${store.toFixed(1)} ms，原生 getAll ${raw.toFixed(1)} ms，比值 ${(store / raw).toFixed(3)}`,
      );
    }
    console.info(`存储基准（Chromium，中位数，${runs} 次）`);
    for (const line of results) console.info(`  ${line}`);
  });
}
