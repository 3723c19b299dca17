import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { IpcResult, RecordedAuditHead } from '../../shared/ipc';
import { HEAD_MESSAGES } from './backup-head';
import {
  dailyBackupIfDue,
  RESTORE_MARKER_KEY,
  startStore,
  STARTUP_MESSAGES,
  type StartupDeps,
} from './backup-startup';
import { openStore, StoreError, type Store } from './index';

const opened: Store[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});
async function fresh(): Promise<Store> {
  const s = await openStore(`startup-${Math.random()}`);
  opened.push(s);
  return s;
}
const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });

function deps(
  store: Store | Error,
  recorded: RecordedAuditHead | null = null,
  marker: string | null = null,
): StartupDeps {
  return {
    bridge: {
      recordedAuditHead: async () => ok(recorded),
      writeBackup: async () => ({ ok: false, error: { code: 'io-failed', message: '不应调用' } }),
    },
    canBackUp: true,
    appVersion: async () => '0.1.0',
    openStore: async () => {
      if (store instanceof Error) throw store;
      return store;
    },
    marker: { get: (k) => (k === RESTORE_MARKER_KEY ? marker : null) },
  };
}

describe('startStore', () => {
  it('opens a healthy store', async () => {
    const store = await fresh();
    await store.registry.save('people', { id: 'p', name: '甲', partyMember: false });
    const head = (await store.audit.head())!;
    const outcome = await startStore(deps(store, { ...head, writtenAt: 'x' }));
    expect(outcome.kind).toBe('ready');
    expect(outcome.store).toBe(store);
  });

  it('a store that does not open gives the recovery screen, never an empty store', async () => {
    const outcome = await startStore(deps(new StoreError('storage', '数据由更新版本的会文写入')));
    expect(outcome).toEqual({
      kind: 'recovery',
      reason: 'open-failed',
      message: STARTUP_MESSAGES.openFailed('数据由更新版本的会文写入'),
    });
  });

  it('an interrupted restore, a broken chain and a truncated chain each lead to recovery', async () => {
    const store = await fresh();
    expect(await startStore(deps(store, null, '2026-11-27'))).toMatchObject({
      reason: 'restore-interrupted',
    });
    for (const id of ['a', 'b', 'c'])
      await store.registry.save('people', { id, name: id, partyMember: false });
    const head = (await store.audit.head())!;
    await store.db.audit.delete(3);
    // (The store is compared by identity: deep-comparing a Dexie instance is slow and meaningless.)
    const truncated = await startStore(deps(store, { ...head, writtenAt: 'x' }));
    expect(truncated).toMatchObject({
      kind: 'recovery',
      reason: 'truncated',
      message: HEAD_MESSAGES.truncated(2, 3),
    });
    expect(truncated.store).toBe(store);
    await store.db.audit.update(1, { context: '改过' });
    const broken = await startStore(deps(store));
    expect(broken).toMatchObject({ kind: 'recovery', reason: 'chain-broken' });
    expect(broken.store).toBe(store);
  });
});

describe('dailyBackupIfDue', () => {
  it('writes one daily backup when none exists for today (Beijing date), and none otherwise', async () => {
    const store = await fresh();
    const written: Uint8Array[] = [];
    let last: string | null = '2026-11-26';
    const bridge = {
      backupStatus: async () =>
        ok({ folder: '/x', policy: { daily: 7, weekly: 4 }, lastDailyDate: last, count: 0, totalBytes: 0 }),
      writeBackup: async (b: Uint8Array) => {
        written.push(b);
        last = '2026-11-27';
        return ok({ id: 'x', sizeBytes: b.length, header: {} as never });
      },
      recordAuditHead: async () => ok({ sequence: 0, hash: '0'.repeat(64), writtenAt: '' }),
    };
    // 2026-11-26T17:00Z is already the 27th in Beijing.
    const now = () => new Date('2026-11-26T17:00:00Z');
    const d = { bridge, appVersion: async () => '0.1.0', now };
    expect(await dailyBackupIfDue(store, d)).toBe(true);
    expect(await dailyBackupIfDue(store, d)).toBe(false);
    expect(written).toHaveLength(1);
    const unsupported = {
      ...d,
      bridge: {
        ...bridge,
        backupStatus: async () => ({
          ok: false as const,
          error: { code: 'io-failed' as const, message: '浏览器版不支持' },
        }),
      },
    };
    expect(await dailyBackupIfDue(store, unsupported)).toBe(false);
  });
});
