/**
 * Hooks for the e2e "interrupted write" test: a large single-transaction write the test can start and then
 * kill by closing the page. Installed only when the page URL carries `?e2e-hooks` (the desktop app is always
 * loaded from a fixed URL without it); they grant nothing page script could not do with IndexedDB directly.
 */
import type { ChainVerdict } from '../../shared/audit';
import { auditedWrite } from './audited';
import type { Store } from './index';

export interface StoreTestHooks {
  /** Set once the first row of `bulkWrite` is written inside its transaction. */
  started: boolean;
  done: boolean;
  bulkWrite(rows: number): Promise<void>;
  counts(): Promise<{ readonly meetings: number; readonly audit: number }>;
  verify(): Promise<ChainVerdict>;
  /** Saves a person straight through the repository, past the UI: 'ok' or the refusal's message (issue 4). */
  savePerson(id: string, name: string): Promise<string>;
}

declare global {
  interface Window {
    __huiwenStoreTest?: StoreTestHooks;
  }
}

export function wantsTestHooks(search: string): boolean {
  return new URLSearchParams(search).has('e2e-hooks');
}

export function installTestHooks(store: Store, target: Window): void {
  const hooks: StoreTestHooks = {
    started: false,
    done: false,
    async bulkWrite(rows) {
      const { db } = store;
      await auditedWrite(db, [db.meetings], { context: '测试：批量写入' }, async (log) => {
        for (let i = 0; i < rows; i++) {
          const row = { id: `e2e-bulk-${i}`, kind: 'e2e', state: 'planned', date: '2026-01-01' };
          await db.meetings.put(row);
          log.record('create', 'meetings', row.id, undefined, row);
          if (i === 0) hooks.started = true;
        }
      });
      hooks.done = true;
    },
    async counts() {
      return { meetings: await store.db.meetings.count(), audit: await store.db.audit.count() };
    },
    verify: () => store.audit.verify(),
    async savePerson(id, name) {
      try {
        await store.registry.save('people', { id, name, partyMember: false });
        return 'ok';
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    },
  };
  target.__huiwenStoreTest = hooks;
}
