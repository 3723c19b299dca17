import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, HuiwenDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4 } from './db';
import { documentSearchKeys, documentSearchTokens, KEY_SEP, searchDocuments } from './document-search';
import { V1_PEOPLE, V1_POSTS, V1_UNITS } from './fixtures/v1-rows';
import { openStore } from './index';

async function writeV1(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.open();
  await v1.table('people').bulkAdd([...V1_PEOPLE]);
  await v1.table('units').bulkAdd([...V1_UNITS]);
  await v1.table('posts').bulkAdd([...V1_POSTS]);
  await v1.table('meetings').add({ id: 'm1', kind: 'executive', state: 'planned', date: '2024-03-01' });
  v1.close();
}

describe('schema migrations', () => {
  it('upgrades a v1 database: rows kept, pinyin initials derived and indexed', async () => {
    const name = `migrate-${Math.random()}`;
    await writeV1(name);
    const db = new HuiwenDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.people.get('p1')).toEqual({ ...V1_PEOPLE[0], pinyinInitials: 'wm' });
    // Surname reading: 曾 as a surname is zeng.
    expect((await db.people.get('p2'))?.pinyinInitials).toBe('zxd');
    expect((await db.units.get('u2'))?.pinyinInitials).toBe('qsz');
    expect((await db.people.where('pinyinInitials').equals('wm').first())?.name).toBe('王明');
    expect(await db.posts.toArray()).toEqual([...V1_POSTS]);
    expect(await db.meetings.get('m1')).toMatchObject({ kind: 'executive' });
    db.close();
  });

  it('serves upgraded rows through the repository as plain domain records', async () => {
    const name = `migrate-repo-${Math.random()}`;
    await writeV1(name);
    const store = await openStore(name);
    const reg = await store.registry.load();
    expect(reg.people).toEqual([...V1_PEOPLE]);
    expect(reg.units).toEqual([...V1_UNITS]);
    // The migration writes no audit entries: it changes no record's meaning, only derives a search field.
    expect(await store.audit.count()).toBe(0);
    store.close();
  });

  it('upgrades a v2 database: documents get their search tokens, indexed (v3)', async () => {
    const name = `migrate-v3-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    await v2
      .table('documents')
      .add({ id: 'doc1', direction: 'incoming', title: '关于安全生产的请示', unitId: 'u9' });
    v2.close();
    const db = new HuiwenDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect((await db.documents.get('doc1'))?.['title']).toBe('关于安全生产的请示');
    expect(await db.documents.where('searchTokens').equals('安全').primaryKeys()).toEqual(['doc1']);
    expect(await db.documents.where('searchTokens').equals('@u9').primaryKeys()).toEqual(['doc1']);
    db.close();
  });

  it('refuses, with a Chinese message, a database written by a newer version', async () => {
    const name = `newer-${Math.random()}`;
    const future = new Dexie(name);
    future.version(CURRENT_SCHEMA_VERSION + 5).stores({ people: '&id' });
    await future.open();
    future.close();
    await expect(openStore(name)).rejects.toThrow(/更新版本的会文/);
  });

  it('adds the operators table (v4): rows kept, no operator until the first-run administrator', async () => {
    const name = `migrate-operators-${Math.random()}`;
    const prev = new Dexie(name);
    prev.version(3).stores(SCHEMA_V3);
    await prev.open();
    await prev.table('people').add({ ...V1_PEOPLE[0], pinyinInitials: 'wm' });
    prev.close();
    const db = new HuiwenDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.people.get('p1')).toEqual({ ...V1_PEOPLE[0], pinyinInitials: 'wm' });
    expect(await db.operators.count()).toBe(0);
    expect(await db.operators.where('name').equals('王明').count()).toBe(0);
    db.close();
  });

  it('upgrades a v4 database: documents get date-ordered search keys (v5) and search finds them', async () => {
    const name = `migrate-v5-${Math.random()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(SCHEMA_V4);
    await v4.open();
    await v4.table('units').add({ id: 'u9', kind: 'department', name: '区财政局', pinyinInitials: 'qczj' });
    // As v4 wrote them: plain tokens from the v3 hook, no search keys.
    const rows = [
      {
        id: 'd1',
        direction: 'incoming',
        title: '关于安全生产的请示',
        unitId: 'u9',
        registeredOn: '2024-05-01',
      },
      {
        id: 'd2',
        direction: 'outgoing',
        title: '关于城市更新的通知',
        unitId: 'u8',
        registeredOn: '2025-01-02',
      },
      { id: 'd3', direction: 'incoming', title: '关于安全检查的报告', registeredOn: '2025-03-04' },
    ];
    await v4.table('documents').bulkAdd(rows.map((r) => ({ ...r, searchTokens: documentSearchTokens(r) })));
    v4.close();
    const db = new HuiwenDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const d1 = await db.documents.get('d1');
    expect(d1?.['searchKeys']).toEqual(documentSearchKeys(rows[0] as (typeof rows)[0]));
    expect(await db.documents.where('searchKeys').equals(`请示${KEY_SEP}2024-05-01`).primaryKeys()).toEqual([
      'd1',
    ]);
    expect(await db.documents.where('searchTokens').equals('安全').primaryKeys()).toEqual(['d1', 'd3']);
    const hit = await searchDocuments(db, '安全');
    expect([hit.hits.map((h) => h.id), hit.total]).toEqual([['d3', 'd1'], 2]);
    expect((await searchDocuments(db, 'czj 请示')).hits.map((h) => h.id)).toEqual(['d1']);
    expect((await searchDocuments(db, '关于', { direction: 'outgoing' })).hits.map((h) => h.id)).toEqual([
      'd2',
    ]);
    db.close();
  });
});
