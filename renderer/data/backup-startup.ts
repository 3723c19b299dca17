/**
 * What happens between "page loaded" and "app shown": back up an older database before it is upgraded,
 * open the store, verify the audit chain and compare its head with the one main recorded beside the data.
 * Any failure yields a recovery outcome (the app shows the recovery screen); the store is never silently
 * recreated empty. Once the app runs: the daily backup (first start of a day) and the head watcher.
 *
 * The bridge is passed in (renderer/data does not reach into renderer/platform).
 */
import { shanghaiTimestamp } from '../../shared/audit';
import type { HuiwenBridge } from '../../shared/ipc';
import { backupBeforeMigration, exportStore, migrationDue } from './backup';
import { compareWithRecordedHead, headToRecord, watchAuditHead } from './backup-head';
import { StoreError } from './errors';
import type { Store } from './index';

export type RecoveryReason =
  | 'open-failed' // IndexedDB refused to open the store (newer version, damaged, blocked)
  | 'chain-broken' // the audit chain does not verify
  | 'truncated' // the chain ends before the head recorded beside the data, or differs from it
  | 'restore-interrupted' // a restore from backup did not finish
  | 'pre-migration-failed'; // the backup before a schema upgrade could not be saved

export type StartupOutcome =
  | { readonly kind: 'ready'; readonly store: Store }
  | {
      readonly kind: 'recovery';
      readonly reason: RecoveryReason;
      readonly message: string;
      /** Set when the store opened (integrity warnings): the clerk may choose to go on working. */
      readonly store?: Store;
    };

/** localStorage key set while a store is rebuilt from a backup (delete + refill is two steps). */
export const RESTORE_MARKER_KEY = 'huiwen.restoreInProgress';

export const STARTUP_MESSAGES = {
  restoreInterrupted:
    '上次“从备份恢复”没有完成（可能中途关闭了会文或断电），本机数据可能不完整。请重新从备份恢复。',
  openFailed: (detail: string) => `本机数据无法打开：${detail}`,
  chainBroken: (detail: string) => `审计记录校验未通过：${detail}`,
} as const;

export interface StartupDeps {
  readonly bridge: Pick<HuiwenBridge, 'recordedAuditHead' | 'writeBackup'>;
  /** The browser has nowhere to keep automatic backups: no pre-migration backup there. */
  readonly canBackUp: boolean;
  /** Asked only when a backup is actually made (it costs a bridge call). */
  readonly appVersion: () => Promise<string>;
  readonly openStore: () => Promise<Store>;
  readonly marker: { get(key: string): string | null };
  readonly now?: () => Date;
}

const messageOf = (e: unknown): string =>
  e instanceof StoreError || e instanceof Error ? e.message : '未知错误。请重启会文后再试。';

export async function startStore(deps: StartupDeps): Promise<StartupOutcome> {
  if (deps.marker.get(RESTORE_MARKER_KEY) !== null) {
    return { kind: 'recovery', reason: 'restore-interrupted', message: STARTUP_MESSAGES.restoreInterrupted };
  }
  // The version costs a bridge call: asked only when an upgrade is actually due.
  if (deps.canBackUp && (await migrationDue()) !== null) {
    try {
      await backupBeforeMigration(
        async (bytes) => {
          const r = await deps.bridge.writeBackup(bytes);
          return r.ok ? { ok: true } : { ok: false, message: r.error.message };
        },
        { appVersion: await deps.appVersion(), ...(deps.now ? { now: deps.now } : {}) },
      );
    } catch (e) {
      return { kind: 'recovery', reason: 'pre-migration-failed', message: messageOf(e) };
    }
  }
  let store: Store;
  try {
    store = await deps.openStore();
  } catch (e) {
    return { kind: 'recovery', reason: 'open-failed', message: STARTUP_MESSAGES.openFailed(messageOf(e)) };
  }
  try {
    const verdict = await store.audit.verify();
    if (!verdict.ok) {
      return {
        kind: 'recovery',
        reason: 'chain-broken',
        message: STARTUP_MESSAGES.chainBroken(verdict.message),
        store,
      };
    }
    const recorded = await deps.bridge.recordedAuditHead();
    // An unreadable head file is reported by main in Chinese; without a file there is nothing to compare.
    if (!recorded.ok) {
      return { kind: 'recovery', reason: 'truncated', message: recorded.error.message, store };
    }
    const comparison = await compareWithRecordedHead(store.db, recorded.value);
    if (comparison.state === 'truncated' || comparison.state === 'diverged') {
      return { kind: 'recovery', reason: 'truncated', message: comparison.message, store };
    }
  } catch (e) {
    return { kind: 'recovery', reason: 'open-failed', message: STARTUP_MESSAGES.openFailed(messageOf(e)) };
  }
  return { kind: 'ready', store };
}

export interface DutiesDeps {
  readonly bridge: Pick<HuiwenBridge, 'backupStatus' | 'writeBackup' | 'recordAuditHead'>;
  readonly appVersion: () => Promise<string>;
  readonly now?: () => Date;
  readonly warn?: (message: string) => void;
}

/** Makes the daily backup when none exists for today (Beijing date). Returns whether it made one. */
export async function dailyBackupIfDue(store: Store, deps: DutiesDeps): Promise<boolean> {
  const now = deps.now ?? (() => new Date());
  const status = await deps.bridge.backupStatus();
  if (!status.ok) return false; // browser, or no data folder: said on the settings page
  const today = shanghaiTimestamp(now()).slice(0, 10);
  if (status.value.lastDailyDate === today) return false;
  const bytes = await exportStore(store.db, { kind: 'daily', appVersion: await deps.appVersion(), now });
  const written = await deps.bridge.writeBackup(bytes);
  if (!written.ok) deps.warn?.(`[backup] daily backup not written: ${written.error.message}`);
  return written.ok;
}

/** Background work while the app runs; returns a stop function. */
export function startBackgroundDuties(
  store: Store,
  deps: DutiesDeps & { readonly watchHead: boolean },
): () => void {
  // The browser keeps no head file; polling there would only collect refusals.
  const stop = deps.watchHead
    ? watchAuditHead(
        store.db,
        async (head) => (await deps.bridge.recordAuditHead(head.sequence, head.hash)).ok,
        null,
      )
    : () => undefined;
  void dailyBackupIfDue(store, deps).catch((e: unknown) =>
    deps.warn?.(`[backup] daily backup failed: ${String(e)}`),
  );
  return stop;
}

export { headToRecord };
