import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyModifications, documentSearchTokens, parseQuery, scanSearch, searchDocuments } from './document-search';
import { openStore, type Store } from './index';
import { toPersonRow, toUnitRow } from './db';
import { personId, unitId } from '../../shared/domain/ids';

const opened: Store[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

async function seeded() {
  const store = await openStore(`search-test-${Math.random()}`);
  opened.push(store);
  const db = store.db;
  await db.units.bulkAdd([
    toUnitRow({ id: unitId('u-fin'), kind: 'department', name: '区财政局' }),
    toUnitRow({ id: unitId('u-house'), kind: 'department', name: '区住房和城乡建设局' }),
  ]);
  await db.people.add(toPersonRow({ id: personId('p-li'), name: '李建国', partyMember: true }));
  await db.documents.bulkAdd([
    { id: 'i1', direction: 'incoming', title: '关于申请城市更新项目资金的请示', unitId: 'u-house', registeredOn: '2026-03-02', number: '收〔2026〕1号' },
    { id: 'i2', direction: 'incoming', title: '关于项目资金使用情况的报告', unitId: 'u-fin', registeredOn: '2026-03-05', doc: { routing: { leaderId: 'p-li' } } },
    { id: 'o1', direction: 'outgoing', title: '关于做好城市更新工作的通知', unitId: 'u-fin', registeredOn: '2026-04-01', body: [{ text: '加强安全生产' }] },
  ]);
  return { store, db };
}

const ids = (r: { hits: readonly { id: string }[] }) => r.hits.map((h) => h.id);

describe('document search tokens', () => {
  it('segments title and structured body into words, keeps numbers whole and names ids', () => {
    const t = documentSearchTokens({ id: 'x', title: '关于安全生产的请示', body: [{ text: '城市更新' }], number: '收〔2026〕3号', unitId: 'u1', doc: { routing: { leaderId: 'p1' } } });
    expect(t).toEqual(expect.arrayContaining(['安全', '生产', '请示', '城市', '更新', '收〔2026〕3号', '@u1', '@p1']));
    expect(t).not.toContain('@x');
  });

  it('applies dotted Dexie modifications to a copy', () => {
    const obj = { a: { b: 1, c: 2 }, d: 3 };
    expect(applyModifications(obj, { 'a.b': 5, d: undefined })).toEqual({ a: { b: 5, c: 2 } });
    expect(obj).toEqual({ a: { b: 1, c: 2 }, d: 3 });
  });

  it('keeps the index in step when a row is updated', async () => {
    const { db } = await seeded();
    await db.documents.update('i1', { title: '关于防汛抗旱的请示' });
    expect(await db.documents.where('searchTokens').equals('防汛').primaryKeys()).toEqual(['i1']);
    expect(await db.documents.where('searchTokens').equals('更新').primaryKeys()).toEqual(['o1']);
  });

  it('parses terms with their words', () => {
    expect(parseQuery('  城市更新  CZJ ')).toEqual([
      { raw: '城市更新', words: ['城市', '更新'], latin: false },
      { raw: 'czj', words: ['czj'], latin: true },
    ]);
  });
});

describe('searchDocuments (indexed) and scanSearch (baseline) agree', () => {
  const cases: [string, string[]][] = [
    ['更新', ['o1', 'i1']],
    ['城市更新', ['o1', 'i1']],
    ['更新项目', ['i1']],
    ['资金', ['i2', 'i1']],
    ['czj', ['o1', 'i2']],
    ['财政', ['o1', 'i2']],
    ['zfhcxjsj', ['i1']],
    ['ljg', ['i2']],
    ['资金 czj', ['i2']],
    ['安全生产', ['o1']],
    ['收〔2026〕1号', ['i1']],
    ['不存在的词', []],
    ['', []],
  ];
  it.each(cases)('%s', async (query, expected) => {
    const { db } = await seeded();
    const indexed = await searchDocuments(db, query);
    const scanned = await scanSearch(db, query);
    expect(ids(indexed)).toEqual(expected);
    expect(ids(scanned)).toEqual(expected);
    expect(indexed.total).toBe(expected.length);
  });

  it('filters by direction and limits the page, newest first', async () => {
    const { db } = await seeded();
    expect(ids(await searchDocuments(db, '关于', { direction: 'incoming' }))).toEqual(['i2', 'i1']);
    const page = await searchDocuments(db, '关于', { limit: 1 });
    expect([ids(page), page.total]).toEqual([['o1'], 3]);
  });

  it('pages the newest of many matches through the date index, like the scan', async () => {
    const { db } = await seeded();
    const rows = Array.from({ length: 1_500 }, (_, i) => ({
      id: `m${String(i).padStart(4, '0')}`,
      direction: i % 2 === 0 ? 'incoming' : 'outgoing',
      title: `关于防汛抗旱工作的通知${i}`,
      registeredOn: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    }));
    await db.documents.bulkAdd(rows);
    const indexed = await searchDocuments(db, '防汛抗旱', { limit: 50 });
    const scanned = await scanSearch(db, '防汛抗旱', { limit: 50 });
    expect(indexed.total).toBe(1_500);
    expect(ids(indexed)).toEqual(ids(scanned));
    expect(ids(indexed)).toHaveLength(50);
  });
});
