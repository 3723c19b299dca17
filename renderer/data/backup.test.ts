import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createSampleOffice } from '../../shared/sample';
import { decodeBackupFile, readBackupHeader } from '../../shared/ipc';
import { auditedWrite } from './audited';
import { compareWithRecordedHead, HEAD_MESSAGES, headToRecord, watchAuditHead } from './backup-head';
import {
  backupBeforeMigration,
  exportStore,
  inspectBackup,
  readAllTables,
  rebuildFromBackup,
  replaceAllTables,
  restoreWithSafetyCopy,
  RESTORE_MESSAGES,
  salvageStore,
} from './backup';
import { HuiwenDb, SCHEMA_V1 } from './db';
import { openStore, type Store } from './index';

const now = () => new Date('2026-11-27T01:00:00.000Z');
const meta = { appVersion: '0.1.0-test', now };
const opened: Store[] = [];
async function fresh(): Promise<Store> {
  const store = await openStore(`backup-test-${Math.random()}`, now);
  opened.push(store);
  return store;
}
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

/** A store with the sample office, a meeting and an attachment with bytes, all through audited writes. */
async function populated(): Promise<Store> {
  const store = await fresh();
  await store.registry.loadSample(createSampleOffice('2026-11-27' as never), '2026-11-27');
  const { db } = store;
  await auditedWrite(db, [db.meetings, db.attachments], { context: '测试', now }, async (log) => {
    const meeting = {
      id: 'm1',
      kind: 'executive',
      state: 'planned',
      date: '2026-12-01',
      topics: ['甲', '乙'],
    };
    await db.meetings.put(meeting);
    log.record('create', 'meetings', 'm1', undefined, meeting);
    await db.attachments.put({
      id: 'a1',
      ownerId: 'm1',
      name: '议程.pdf',
      mime: 'application/pdf',
      bytes: new Uint8Array([37, 80, 68, 70, 0, 255]),
    });
    log.record('create', 'attachments', 'a1', undefined, { id: 'a1' });
  });
  return store;
}

const ok = async () => ({ ok: true as const });

describe('backup and restore of the store', () => {
  it('a restored store deep-equals its source, every table', async () => {
    const source = await populated();
    const snapshot = await readAllTables(source.db);
    const bytes = await exportStore(source.db, { ...meta, kind: 'manual' });
    const header = readBackupHeader(bytes);
    expect(header.ok && header.value.auditHead).toEqual(await source.audit.head());

    // Into a different, changed store.
    const target = await fresh();
    await target.registry.save('people', { id: 'stray', name: '多余的人', partyMember: false });
    const inspected = inspectBackup(bytes);
    if (!inspected.ok) throw new Error(inspected.message);
    const safety: Uint8Array[] = [];
    const head = await restoreWithSafetyCopy(target.db, inspected.summary, {
      ...meta,
      saveSafetyCopy: async (b) => {
        safety.push(b);
        return { ok: true };
      },
    });
    expect(await readAllTables(target.db)).toEqual(snapshot);
    expect(head).toEqual(await source.audit.head());
    expect(await target.audit.verify(head ?? undefined)).toMatchObject({ ok: true });
    // The safety copy holds the target's state before the restore.
    const before = decodeBackupFile(safety[0]!);
    expect(before.ok && before.value.payload.kind).toBe('pre-restore');
    expect(before.ok && before.value.header.counts['people']).toBe(1);
  });

  it('restores nothing when the safety copy cannot be saved, or when the backup is damaged', async () => {
    const source = await populated();
    const bytes = await exportStore(source.db, { ...meta, kind: 'daily' });
    const target = await fresh();
    await target.registry.save('people', { id: 'keep', name: '留下', partyMember: false });
    const inspected = inspectBackup(bytes);
    if (!inspected.ok) throw new Error(inspected.message);
    await expect(
      restoreWithSafetyCopy(target.db, inspected.summary, {
        ...meta,
        saveSafetyCopy: async () => ({ ok: false, message: '磁盘已满' }),
      }),
    ).rejects.toThrow(RESTORE_MESSAGES.safetyCopyFailed('磁盘已满'));
    expect((await target.registry.load()).people.map((p) => p.id)).toEqual(['keep']);

    const tampered = bytes.slice();
    tampered[tampered.length - 3] = (tampered[tampered.length - 3] ?? 0) ^ 4;
    expect(inspectBackup(tampered)).toMatchObject({ ok: false, message: expect.stringMatching(/SHA-256/) });
  });

  it('refuses a backup whose audit chain was edited even if its hash was recomputed', async () => {
    const source = await populated();
    const entry = await source.db.audit.get(2);
    await source.db.audit.put({ ...entry!, context: '被改过' });
    const bytes = await exportStore(source.db, { ...meta, kind: 'manual' });
    expect(inspectBackup(bytes)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^备份中的审计记录未通过校验/),
    });
  });

  it('refuses backups of another schema or with other tables, in Chinese', async () => {
    const source = await fresh();
    const bytes = await exportStore(source.db, { ...meta, kind: 'manual' });
    expect(inspectBackup(bytes, ['people'])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/多出/),
    });
    const decoded = decodeBackupFile(bytes);
    if (!decoded.ok) throw new Error('bad');
    const { encodeBackupFile } = await import('../../shared/ipc');
    const newer = encodeBackupFile({ ...decoded.value.payload, schemaVersion: 99 });
    expect(inspectBackup(newer)).toMatchObject({ ok: false, message: RESTORE_MESSAGES.newerSchema(99) });
  });

  it('replaces all tables in one transaction: a failure leaves the store as it was', async () => {
    const source = await populated();
    const inspected = inspectBackup(await exportStore(source.db, { ...meta, kind: 'manual' }));
    if (!inspected.ok) throw new Error(inspected.message);
    const target = await fresh();
    await target.registry.save('people', { id: 'keep', name: '留下', partyMember: false });
    const before = await readAllTables(target.db);
    // Duplicate primary keys make the last bulkAdd fail after earlier tables were cleared and filled.
    const rows = { ...inspected.summary.rows, packets: [{ id: 'x' }, { id: 'x' }] };
    await expect(replaceAllTables(target.db, { ...inspected.summary, rows })).rejects.toThrow(
      RESTORE_MESSAGES.replaceFailed,
    );
    expect(await readAllTables(target.db)).toEqual(before);
  });

  it('rebuilds a store that could not be opened from a backup', async () => {
    const source = await populated();
    const inspected = inspectBackup(await exportStore(source.db, { ...meta, kind: 'manual' }));
    if (!inspected.ok) throw new Error(inspected.message);
    const name = `rebuild-${Math.random()}`;
    const broken = new Dexie(name);
    broken.version(7).stores({ junk: '&id' });
    await broken.open();
    broken.close();
    await rebuildFromBackup(inspected.summary, name);
    const db = new HuiwenDb(name);
    await db.open();
    expect(await readAllTables(db)).toEqual(await readAllTables(source.db));
    db.close();
  });

  it('salvages the readable tables of a store opened without its schema', async () => {
    const source = await populated();
    const bytes = await salvageStore(source.db.name, meta);
    const decoded = decodeBackupFile(bytes);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.payload.kind).toBe('salvage');
    expect(decoded.value.header.counts['people']).toBe(await source.db.people.count());
    // A salvage file is for reading, not for restoring.
    expect(inspectBackup(bytes)).toEqual({ ok: false, message: RESTORE_MESSAGES.partial });
  });

  it('backs up an older database before the upgrade, as it was', async () => {
    const name = `premigrate-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    await v1.table('people').add({ id: 'p1', name: '王明', partyMember: true });
    v1.close();
    const saved: Uint8Array[] = [];
    const save = async (b: Uint8Array) => {
      saved.push(b);
      return { ok: true as const };
    };
    expect(await backupBeforeMigration(save, meta, name)).toBe(true);
    const decoded = decodeBackupFile(saved[0]!);
    expect(decoded.ok && decoded.value.payload).toMatchObject({
      kind: 'pre-migration',
      schemaVersion: 1,
      tables: { people: [{ id: 'p1', name: '王明', partyMember: true }] },
    });
    // Left un-upgraded, so the store's own open does the migration.
    const again = await openStore(name);
    expect(await again.db.people.get('p1')).toMatchObject({ pinyinInitials: 'wm' });
    again.close();
    expect(await backupBeforeMigration(save, meta, name)).toBe(false);
    await expect(backupBeforeMigration(ok, meta, `none-${Math.random()}`)).resolves.toBe(false);
  });
});

describe('audit head beside the data', () => {
  it('detects a store cut back behind the recorded head, and a replaced entry', async () => {
    const store = await populated();
    const head = (await store.audit.head())!;
    const recorded = { ...head, writtenAt: '2026-11-27T01:00:00.000Z' };
    expect(await compareWithRecordedHead(store.db, null)).toEqual({ state: 'none' });
    expect(await compareWithRecordedHead(store.db, recorded)).toEqual({ state: 'match' });
    expect(
      await compareWithRecordedHead(store.db, {
        ...recorded,
        sequence: head.sequence - 1,
        hash: (await store.db.audit.get(head.sequence - 1))!.hash,
      }),
    ).toEqual({ state: 'ahead' });
    await store.db.audit.delete(head.sequence);
    expect(await compareWithRecordedHead(store.db, recorded)).toEqual({
      state: 'truncated',
      message: HEAD_MESSAGES.truncated(head.sequence - 1, head.sequence),
    });
    expect(
      await compareWithRecordedHead(store.db, { ...recorded, sequence: 1, hash: 'f'.repeat(64) }),
    ).toMatchObject({ state: 'diverged' });
    const empty = await fresh();
    expect(await compareWithRecordedHead(empty.db, { ...headToRecord(null), writtenAt: '' })).toEqual({
      state: 'match',
    });
  });

  it('reports the head when it changes, once per change', async () => {
    const store = await fresh();
    const reported: number[] = [];
    let tick = () => undefined as void;
    const settle = () => new Promise((r) => setTimeout(r, 20));
    const stop = watchAuditHead(
      store.db,
      async (h) => {
        reported.push(h.sequence);
        return true;
      },
      headToRecord(null),
      (t) => {
        tick = t;
        return () => undefined;
      },
    );
    tick();
    await settle();
    await store.registry.save('people', { id: 'p', name: '甲', partyMember: false });
    tick();
    await settle();
    tick();
    await settle();
    // A chain cut back under the running app is not reported: the file keeps the evidence.
    await store.db.audit.delete(1);
    tick();
    await settle();
    await store.registry.save('people', { id: 'q', name: '乙', partyMember: false });
    await store.registry.save('people', { id: 'r', name: '丙', partyMember: false });
    tick();
    await settle();
    stop();
    expect(reported).toEqual([1, 2]);
  });
});

describe('backups from an older schema version', () => {
  it('every schema version up to the current one is in SCHEMA_HISTORY', async () => {
    const { SCHEMA_HISTORY } = await import('./backup');
    const { CURRENT_SCHEMA_VERSION } = await import('./db');
    for (let v = 1; v <= CURRENT_SCHEMA_VERSION; v++) expect(SCHEMA_HISTORY[v], `schema v${v}`).toBeDefined();
  });

  it('a pre-migration backup of a v1 database restores into the current store, upgraded by the real migration', async () => {
    const { inspectAnyBackup } = await import('./backup');
    const name = `v1-backup-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    await v1.table('people').add({ id: 'p1', name: '王明', partyMember: true });
    v1.close();
    const saved: Uint8Array[] = [];
    await backupBeforeMigration(
      async (b) => {
        saved.push(b);
        return { ok: true };
      },
      meta,
      name,
    );
    expect(inspectBackup(saved[0]!)).toMatchObject({ ok: false, message: RESTORE_MESSAGES.olderSchema(1) });
    const inspected = await inspectAnyBackup(saved[0]!);
    if (!inspected.ok) throw new Error(inspected.message);
    const target = await fresh();
    await replaceAllTables(target.db, inspected.summary);
    expect(await target.db.people.get('p1')).toEqual({
      id: 'p1',
      name: '王明',
      partyMember: true,
      pinyinInitials: 'wm',
    });
    expect((await target.registry.load()).people).toEqual([{ id: 'p1', name: '王明', partyMember: true }]);
  });
});
