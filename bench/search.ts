/**
 * Search bench, in Chromium: document search through the date-ordered `*searchKeys` index (renderer/data/
 * document-search.ts: a term is one index range, its total a count or the size of intersected key lists, its page
 * the newest keys) against a plain scan of the same rows with the same matching rules (`matchTokens`), over the
 * ten-year scale data (scripts/seed-scale.ts, 50k incoming and outgoing documents) and the sample registry's units
 * and people. Prints per query the medians, the ratio indexed / scan (below 1 = faster) and the hit counts (which
 * must agree: total and the first page of ids), and the time the hooks took to write the rows with their index.
 *   npm run bench -- search [--runs N] [--documents 50000]
 * Not a unit test: it needs /usr/bin/chromium (or Playwright's) and takes a few minutes (most of it writing the rows).
 */
import { numberArg as arg, withBenchPage } from './in-chromium';
import { generateScale } from '../scripts/seed-scale';

// Runs in the page: rows go in through the real HuiwenDb (its hook builds the token index), then both searches.
const PAGE_ENTRY = `
import { HuiwenDb, toPersonRow, toUnitRow } from './renderer/data/db';
import { searchDocuments, scanSearch } from './renderer/data/document-search';
const ms = () => performance.now();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
window.bench = {
  async load(units, people, documents) {
    const db = new HuiwenDb('bench-search');
    await db.open();
    await Promise.all([db.units.clear(), db.people.clear(), db.documents.clear()]);
    await db.units.bulkPut(units.map(toUnitRow));
    await db.people.bulkPut(people.map(toPersonRow));
    const t = ms();
    for (let i = 0; i < documents.length; i += 5000) await db.documents.bulkPut(documents.slice(i, i + 5000));
    const indexing = ms() - t;
    db.close();
    return indexing;
  },
  async time(query, runs) {
    const db = new HuiwenDb('bench-search');
    await db.open();
    const viaIndex = [], viaScan = [];
    let a, b;
    // One warm-up each: the first query pays for opening the object stores.
    await searchDocuments(db, query); await scanSearch(db, query);
    for (let r = 0; r < runs; r++) {
      let t = ms();
      a = await searchDocuments(db, query);
      viaIndex.push(ms() - t);
      t = ms();
      b = await scanSearch(db, query);
      viaScan.push(ms() - t);
    }
    db.close();
    const same = a.total === b.total && a.hits.map((h) => h.id).join() === b.hits.map((h) => h.id).join();
    return { indexed: median(viaIndex), scan: median(viaScan), total: a.total, scanTotal: b.total, same };
  },
};
`;

/** What clerks type: a topic word, a kind, a unit's pinyin initials, both, a two-word phrase, a number, nothing. */
const QUERIES = [
  '安全生产',
  '请示',
  'czj',
  '乡村振兴 czj',
  '营商环境的通知',
  '收文〔2020〕15号',
  '不存在的事项',
];

export async function run(args: readonly string[] = process.argv.slice(2)): Promise<void> {
  const runs = arg(args, 'runs', 7);
  const data = generateScale({
    documents: arg(args, 'documents', 50_000),
    meetings: 1,
    decisions: 1,
    audit: 1,
  });
  const { units, people } = data.registry;
  type Bench = {
    load(u: readonly unknown[], p: readonly unknown[], d: readonly unknown[]): Promise<number>;
    time(
      q: string,
      n: number,
    ): Promise<{ indexed: number; scan: number; total: number; scanTotal: number; same: boolean }>;
  };
  await withBenchPage(PAGE_ENTRY, async (page) => {
    const indexing = await page.evaluate(
      ([u, p, d]) => (window as unknown as { bench: Bench }).bench.load(u, p, d),
      [units, people, data.documents] as const,
    );
    console.info(
      `检索基准（Chromium，${data.documents.length} 件公文，中位数，${runs} 次；建索引 ${(indexing / 1000).toFixed(1)} 秒）`,
    );
    let worst = 0;
    let mismatch = false;
    for (const q of QUERIES) {
      const r = await page.evaluate(
        ([query, n]) => (window as unknown as { bench: Bench }).bench.time(query, n),
        [q, runs] as const,
      );
      worst = Math.max(worst, r.indexed);
      mismatch ||= !r.same;
      console.info(
        `  “${q}”：索引 ${r.indexed.toFixed(1)} ms，逐行扫描 ${r.scan.toFixed(1)} ms，比值 ${(r.indexed / r.scan).toFixed(3)}，命中 ${r.total} 件${r.same ? '' : `（扫描命中 ${r.scanTotal} 件，结果不一致！）`}`,
      );
    }
    console.info(`  最慢的索引检索 ${worst.toFixed(1)} ms（目标：远低于 100 ms）`);
    if (mismatch) process.exitCode = 1;
  });
}
