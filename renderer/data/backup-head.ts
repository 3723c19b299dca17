/**
 * Comparing the store's audit chain with the head main recorded beside the data (audit-head.json), and
 * keeping that file current.
 *
 * `auditedWrite` calls `notifyAuditChanged()` after each commit that added entries; `watchAuditHead` then
 * reads the head — one indexed read of the last audit entry — and reports it when it moved forward. No
 * polling: the head changes only through audited writes. See docs/backup.md.
 */
import { GENESIS_HASH, type AuditHead } from '../../shared/audit';
import type { RecordedAuditHead } from '../../shared/ipc';
import { readAuditHead } from './audited';
import type { HuiwenDb } from './db';

export type HeadComparison =
  | { readonly state: 'none' } // nothing recorded yet (first start, or the browser version)
  | { readonly state: 'match' }
  | { readonly state: 'ahead' } // the store continues past the recorded head: the last report was missed
  | { readonly state: 'truncated'; readonly message: string }
  | { readonly state: 'diverged'; readonly message: string };

export const HEAD_MESSAGES = {
  truncated: (store: number, recorded: number) =>
    `审计记录被截断：本机数据中的审计记录只到第 ${store} 条，而数据文件夹中登记的链头为第 ${recorded} 条，其后的记录缺失。数据可能被人改动过，或被旧的数据覆盖。`,
  diverged: (sequence: number) =>
    `审计记录与登记的链头不符：第 ${sequence} 条审计记录与数据文件夹中登记的不同，记录可能被替换过。`,
} as const;

/** Compares the store's chain with the recorded head (the chain itself is verified separately). */
export async function compareWithRecordedHead(
  db: HuiwenDb,
  recorded: RecordedAuditHead | null,
): Promise<HeadComparison> {
  if (recorded === null) return { state: 'none' };
  const head = await readAuditHead(db);
  const storeSequence = head?.sequence ?? 0;
  if (storeSequence < recorded.sequence) {
    return { state: 'truncated', message: HEAD_MESSAGES.truncated(storeSequence, recorded.sequence) };
  }
  if (recorded.sequence === 0) {
    return recorded.hash === GENESIS_HASH
      ? { state: storeSequence === 0 ? 'match' : 'ahead' }
      : { state: 'diverged', message: HEAD_MESSAGES.diverged(0) };
  }
  const entry = await db.audit.get(recorded.sequence);
  if (!entry || entry.hash !== recorded.hash) {
    return { state: 'diverged', message: HEAD_MESSAGES.diverged(recorded.sequence) };
  }
  return { state: storeSequence === recorded.sequence ? 'match' : 'ahead' };
}

/** The head as main records it: an empty chain is sequence 0 with the genesis hash. */
export const headToRecord = (head: AuditHead | null | undefined): AuditHead =>
  head ?? { sequence: 0, hash: GENESIS_HASH };

const listeners = new Set<() => void>();

/** Called by `auditedWrite` after a commit that appended audit entries: the head file follows at once. */
export function notifyAuditChanged(): void {
  for (const l of listeners) l();
}

/**
 * Reports the head to `record` whenever it moved forward since the last one reported: once at start, then
 * after every audited write. Returns a stop function. `schedule` may add extra ticks (tests drive it by hand).
 */
export function watchAuditHead(
  db: HuiwenDb,
  record: (head: AuditHead) => Promise<boolean>,
  initial: AuditHead | null,
  schedule: (tick: () => void) => () => void = (tick) => {
    tick();
    return () => undefined;
  },
): () => void {
  let last = initial;
  let running = false;
  // A write that lands while a report is under way is reported right after it (no poll would catch it later).
  let again = false;
  const tick = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    void (async () => {
      try {
        const head = headToRecord(await readAuditHead(db));
        // Only forward: a chain that got shorter or changed under the running app is exactly what the
        // file must keep evidence of (a restore records its head itself, then reloads the page).
        if (last === null || head.sequence > last.sequence) {
          if (await record(head)) last = head;
        }
      } catch {
        // The next tick tries again; a closed database stops mattering when the page goes.
      } finally {
        running = false;
        if (again) tick();
      }
    })();
  };
  listeners.add(tick);
  const stop = schedule(tick);
  return () => {
    listeners.delete(tick);
    stop();
  };
}
