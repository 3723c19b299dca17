import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { decodeBackupFile, type HuiwenBridge, type IpcResult } from '../../../shared/ipc';
import { DB_NAME, HuiwenDb, openStore } from '../../data';
import { exportStore, inspectBackup, readAllTables } from '../../data/backup';
import { RESTORE_MARKER_KEY } from '../../data/backup-startup';
import { loadBackup, rebuildStore, restoreInto } from './backup-actions';

const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });

/** A bridge that records what reaches "main"; only the methods these steps use. */
function fakeBridge(writeFails = false) {
  const written: Uint8Array[] = [];
  const heads: [number, string][] = [];
  const bridge = {
    appInfo: async () => ok({ version: '0.1.0-test' }),
    writeBackup: async (b: Uint8Array) => {
      if (writeFails) return { ok: false, error: { code: 'io-failed', message: '磁盘已满' } };
      written.push(b);
      return ok({ id: 'x', sizeBytes: b.length, header: {} });
    },
    readBackup: async () => ok(new Uint8Array([1, 2, 3])),
    recordAuditHead: async (sequence: number, hash: string) => {
      heads.push([sequence, hash]);
      return ok({ sequence, hash, writtenAt: '' });
    },
  } as unknown as HuiwenBridge;
  return { bridge, written, heads };
}

async function sourceSummary() {
  const store = await openStore(`actions-source-${Math.random()}`);
  for (const id of ['a', 'b'])
    await store.registry.save('people', { id, name: `人${id}`, partyMember: false });
  const bytes = await exportStore(store.db, { kind: 'manual', appVersion: 't' });
  const inspected = inspectBackup(bytes);
  if (!inspected.ok) throw new Error(inspected.message);
  return { store, summary: inspected.summary };
}

const idb = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** A store this app cannot open (raw IndexedDB: only renderer/data may use Dexie): newer, other tables. */
async function breakTheStore(): Promise<void> {
  await idb(indexedDB.deleteDatabase(DB_NAME));
  const request = indexedDB.open(DB_NAME, 990);
  request.onupgradeneeded = () => {
    request.result.createObjectStore('people', { keyPath: 'id' }).add({ id: 'old', name: '旧数据' });
    request.result.createObjectStore('junk', { keyPath: 'id' });
  };
  (await idb(request)).close();
}

const installedVersion = async (): Promise<number | undefined> =>
  (await indexedDB.databases()).find((d) => d.name === DB_NAME)?.version;

describe('rebuildStore (recovery screen, store does not open)', () => {
  it('saves what can be read, rebuilds from the backup, clears the marker and records the head', async () => {
    const { store, summary } = await sourceSummary();
    await breakTheStore();
    const { bridge, written, heads } = fakeBridge();
    const marks = new Map<string, string>();
    const storage = {
      setItem: (k: string, v: string) => void marks.set(k, v),
      removeItem: (k: string) => void marks.delete(k),
    };
    expect(await rebuildStore(bridge, 'electron', summary, storage)).toEqual({ ok: true, value: null });
    expect(marks.has(RESTORE_MARKER_KEY)).toBe(false);
    const salvage = decodeBackupFile(written[0]!);
    expect(salvage.ok && salvage.value.payload.kind).toBe('salvage');
    expect(salvage.ok && salvage.value.payload.tables['people']).toEqual([{ id: 'old', name: '旧数据' }]);
    expect(heads).toEqual([[summary.header.auditHead!.sequence, summary.header.auditHead!.hash]]);
    const db = new HuiwenDb(DB_NAME);
    await db.open();
    expect(await readAllTables(db)).toEqual(await readAllTables(store.db));
    db.close();
    store.close();
  });

  it('changes nothing when the readable data cannot be saved first', async () => {
    const { store, summary } = await sourceSummary();
    await breakTheStore();
    const { bridge } = fakeBridge(true);
    const marks = new Map<string, string>();
    const storage = {
      setItem: (k: string, v: string) => void marks.set(k, v),
      removeItem: (k: string) => void marks.delete(k),
    };
    const r = await rebuildStore(bridge, 'electron', summary, storage);
    expect(r).toEqual({ ok: false, message: expect.stringContaining('磁盘已满') });
    expect(marks.size).toBe(0);
    expect(await installedVersion()).toBe(990);
    store.close();
  });
});

describe('restoreInto and loadBackup', () => {
  it('refuses to restore when the safety copy fails, and reports an unusable backup in Chinese', async () => {
    const { store, summary } = await sourceSummary();
    const target = await openStore(`actions-target-${Math.random()}`);
    await target.registry.save('people', { id: 'keep', name: '留下', partyMember: false });
    const r = await restoreInto(fakeBridge(true).bridge, 'electron', target.db, summary);
    expect(r).toEqual({
      ok: false,
      message: expect.stringMatching(/^恢复前没能保存当前数据的备份.*磁盘已满/),
    });
    expect((await target.registry.load()).people.map((p) => p.id)).toEqual(['keep']);
    expect(await loadBackup(fakeBridge().bridge, { id: 'huiwen-20261127-080000000-daily.hwbak' })).toEqual({
      ok: false,
      message: expect.stringContaining('不是会文的备份文件'),
    });
    store.close();
    target.close();
  });
});
