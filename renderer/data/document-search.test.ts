import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyModifications,
  DEFAULT_TUNING,
  documentSearchKeys,
  documentSearchTokens,
  KEY_SEP,
  matchTokens,
  parseQuery,
  PREFIX_MAX,
  scanSearch,
  searchDocuments,
  segmentWords,
  type SearchOptions,
} from './document-search';
import { toPersonRow, toUnitRow, type HuiwenDb } from './db';
import { freshStore } from './test-store';
import { personId, unitId } from '../../shared/domain/ids';

async function seeded() {
  const store = await freshStore('search-test');
  const db = store.db;
  await db.units.bulkAdd([
    toUnitRow({ id: unitId('u-fin'), kind: 'department', name: '区财政局' }),
    toUnitRow({ id: unitId('u-house'), kind: 'department', name: '区住房和城乡建设局' }),
  ]);
  await db.people.add(toPersonRow({ id: personId('p-li'), name: '李建国', partyMember: true }));
  await db.documents.bulkAdd([
    {
      id: 'i1',
      direction: 'incoming',
      title: '关于申请城市更新项目资金的请示',
      unitId: 'u-house',
      registeredOn: '2026-03-02',
      number: '收〔2026〕1号',
    },
    {
      id: 'i2',
      direction: 'incoming',
      title: '关于项目资金使用情况的报告',
      unitId: 'u-fin',
      registeredOn: '2026-03-05',
      doc: { routing: { leaderId: 'p-li' } },
    },
    {
      id: 'o1',
      direction: 'outgoing',
      title: '关于做好城市更新工作的通知',
      unitId: 'u-fin',
      registeredOn: '2026-04-01',
      body: [{ text: '加强安全生产' }],
    },
  ]);
  return { store, db };
}

const ids = (r: { hits: readonly { id: string }[] }) => r.hits.map((h) => h.id);

describe('document search tokens', () => {
  it('segments title and structured body into words, keeps numbers whole and names ids', () => {
    const t = documentSearchTokens({
      id: 'x',
      title: '关于安全生产的请示',
      body: [{ text: '城市更新' }],
      number: '收〔2026〕3号',
      unitId: 'u1',
      doc: { routing: { leaderId: 'p1' } },
    });
    expect(t).toEqual(
      expect.arrayContaining(['安全', '生产', '请示', '城市', '更新', '收〔2026〕3号', '@u1', '@p1']),
    );
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

describe('match tokens and date-ordered search keys (v5)', () => {
  it('indexes word prefixes, whole words, numbers, pairs and ids, each key ending in the row date', () => {
    const row = {
      id: 'x',
      title: '关于安全生产的请示',
      number: 'ABC-7',
      unitId: 'u1',
      registeredOn: '2026-03-02',
    };
    const t = matchTokens(row);
    expect([...t]).toEqual(
      expect.arrayContaining(['关', '关于', '安', '安全', '请', '请示', 'abc-7', '~安全生产', '@u1']),
    );
    expect(t.has('@x')).toBe(false);
    expect(documentSearchKeys(row)).toContain(`请示${KEY_SEP}2026-03-02`);
    expect(documentSearchKeys({ id: 'y', title: '通知' })).toEqual([`通${KEY_SEP}`, `通知${KEY_SEP}`]);
  });

  it('matches a phrase of three or more words by its runs of three, not by pairs scattered in the text', async () => {
    const { db } = await seeded();
    await db.documents.add({
      id: 'i3',
      direction: 'incoming',
      title: '城市更新项目，另附项目资金表',
      registeredOn: '2026-05-01',
    });
    expect(matchTokens({ id: 'x', title: '城市更新项目' }).has('~~城市更新项目')).toBe(true);
    for (const search of [searchDocuments, scanSearch]) {
      expect(ids(await search(db, '更新项目资金'))).toEqual(['i1']);
      expect(ids(await search(db, '城市更新项目'))).toEqual(['i3', 'i1']);
    }
  });

  it('indexes prefixes of a long word only up to PREFIX_MAX, and no word too long to be one', () => {
    const long = 'a'.repeat(PREFIX_MAX + 4);
    const t = matchTokens({ id: 'x', title: `${long} ${'b'.repeat(100)}` });
    expect(t.has('a'.repeat(PREFIX_MAX))).toBe(true);
    expect(t.has('a'.repeat(PREFIX_MAX + 1))).toBe(false);
    expect(t.has(long)).toBe(true);
    expect([...t].some((x) => x.startsWith('b'))).toBe(false);
  });

  it('never indexes a reference number as a pair or an id', () => {
    const t = matchTokens({ id: 'x', number: '@u1', senderNumber: '~ab' });
    expect(t.has('@u1')).toBe(false);
    expect(t.has('~ab')).toBe(false);
  });

  it('moves the keys when a row is re-dated and drops them when it is deleted', async () => {
    const { db } = await seeded();
    await db.documents.update('i1', { registeredOn: '2026-05-01' });
    const keys = (await db.documents.get('i1'))?.['searchKeys'] as string[];
    expect(keys).toContain(`请示${KEY_SEP}2026-05-01`);
    expect(keys.some((k) => k.endsWith('2026-03-02'))).toBe(false);
    expect(ids(await searchDocuments(db, '关于'))).toEqual(['i1', 'o1', 'i2']);
    await db.documents.delete('i1');
    expect(ids(await searchDocuments(db, '城市更新'))).toEqual(['o1']);
  });

  it('pages a union of names newest first, ties by id, with the exact total', async () => {
    const { db } = await seeded();
    await db.units.add(toUnitRow({ id: unitId('u-edu'), kind: 'department', name: '区教育局' }));
    const rows = Array.from({ length: 30 }, (_, i) => ({
      id: `n${String(i).padStart(2, '0')}`,
      direction: 'incoming',
      title: '关于工作安排的函',
      unitId: i % 3 === 0 ? 'u-edu' : i % 3 === 1 ? 'u-fin' : 'u-house',
      registeredOn: `2026-05-${String((i % 4) + 1).padStart(2, '0')}`,
    }));
    await db.documents.bulkAdd(rows);
    // "局" names all three units: three id lists, merged by date.
    for (const options of [{ limit: 7 }, { limit: 7, direction: 'incoming' as const }, {}]) {
      const indexed = await searchDocuments(db, '局', options);
      const scanned = await scanSearch(db, '局', options);
      expect(indexed.total).toBe(scanned.total);
      expect(ids(indexed)).toEqual(ids(scanned));
    }
    expect((await searchDocuments(db, '局', { limit: 3 })).hits.map((h) => h.id)).toEqual([
      'n27',
      'n23',
      'n19',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The index and the scan agree on random small corpora and on queries drawn from their own words, word
// prefixes, phrases, names, pinyin initials and numbers, after random updates and deletes.

const UNITS = [
  toUnitRow({ id: unitId('u-fin'), kind: 'department', name: '区财政局' }),
  toUnitRow({ id: unitId('u-edu'), kind: 'department', name: '区教育局' }),
  toUnitRow({ id: unitId('u-house'), kind: 'department', name: '区住房和城乡建设局' }),
];
const PEOPLE = [
  toPersonRow({ id: personId('p-li'), name: '李建国', partyMember: true }),
  toPersonRow({ id: personId('p-wang'), name: '王明', partyMember: false }),
];
const WORDS = [
  '关于',
  '城市',
  '更新',
  '项目',
  '资金',
  '安全',
  '生产',
  '请示',
  '通知',
  '报告',
  '的',
  '工作',
  '财政',
  '教育',
  '2026',
];
const DATES = ['2025-01-02', '2025-11-30', '2026-03-01', '2026-03-01', ''];
const NAME_PARTS = ['财政', '区', '教育局', '李', '王明', '建设', 'czj', 'qjyj', 'ljg', 'wm', 'q', 'j', 'zf'];
const NUMBERS = ['收〔2026〕1号', 'ABC-7', 'abc', 'ab', '2026'];

const rowArb = fc.record({
  idPrefix: fc.constantFrom('a', 'B', 'a-', '_', 'Z'),
  title: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((ws) => ws.join('')),
  registeredOn: fc.constantFrom(...DATES),
  direction: fc.constantFrom('incoming', 'outgoing', ''),
  unitId: fc.constantFrom('u-fin', 'u-edu', 'u-house', ''),
  leaderId: fc.constantFrom('p-li', 'p-wang', ''),
  number: fc.constantFrom(...NUMBERS, ''),
});
type RowSpec = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

/** A row as a writer would store it: fields left out rather than empty. */
function toRow(spec: RowSpec, i: number): Record<string, unknown> & { id: string } {
  const row: Record<string, unknown> & { id: string } = { id: `${spec.idPrefix}${i}`, title: spec.title };
  if (spec.registeredOn !== '') row['registeredOn'] = spec.registeredOn;
  if (spec.direction !== '') row['direction'] = spec.direction;
  if (spec.unitId !== '') row['unitId'] = spec.unitId;
  if (spec.leaderId !== '') row['doc'] = { routing: { leaderId: spec.leaderId } };
  if (spec.number !== '') row['number'] = spec.number;
  return row;
}

function queryArb(specs: readonly RowSpec[]): fc.Arbitrary<string> {
  const titleWords = specs.map((s) => segmentWords(s.title));
  const words = titleWords.flat();
  const term = fc.oneof(
    fc.constantFrom(...words),
    fc.constantFrom(...words).map((w) => w.slice(0, 1)),
    fc
      .tuple(fc.nat(titleWords.length - 1), fc.nat(5), fc.integer({ min: 2, max: 3 }))
      .map(([t, start, n]) => (titleWords[t] ?? []).slice(start, start + n).join(''))
      .filter((p) => p !== ''),
    fc.constantFrom(...NAME_PARTS),
    fc.constantFrom(...NUMBERS),
    fc.constant('不存在'),
  );
  return fc.array(term, { minLength: 1, maxLength: 3 }).map((ts) => ts.join(' '));
}

const optionsArb: fc.Arbitrary<SearchOptions> = fc.record(
  {
    limit: fc.integer({ min: 1, max: 5 }),
    direction: fc.constantFrom('incoming' as const, 'outgoing' as const),
  },
  { requiredKeys: [] },
);

const caseArb = fc.array(rowArb, { minLength: 1, maxLength: 25 }).chain((specs) =>
  fc.record({
    specs: fc.constant(specs),
    queries: fc.array(fc.tuple(queryArb(specs), optionsArb), { minLength: 1, maxLength: 4 }),
    edits: fc.array(fc.tuple(fc.nat(specs.length - 1), rowArb), { maxLength: 3 }),
    deletes: fc.array(fc.nat(specs.length - 1), { maxLength: 2 }),
    // A tiny row-check limit so a few rows reach the paths 50k rows take (long lists fetched, rows checked).
    tuning: fc.oneof(
      fc.constant(DEFAULT_TUNING),
      fc.record({ verifyOnRowsMax: fc.integer({ min: 0, max: 5 }) }),
    ),
  }),
);

async function loaded(
  db: HuiwenDb,
  c: { specs: readonly RowSpec[]; edits: readonly [number, RowSpec][]; deletes: readonly number[] },
) {
  await db.units.bulkAdd(UNITS);
  await db.people.bulkAdd(PEOPLE);
  const rows = c.specs.map(toRow);
  await db.documents.bulkAdd(rows);
  for (const [i, spec] of c.edits) {
    const { id, ...fields } = toRow(spec, i);
    await db.documents.update(rows[i]?.id ?? id, {
      title: fields['title'],
      registeredOn: fields['registeredOn'],
      unitId: fields['unitId'],
    });
  }
  for (const i of c.deletes) await db.documents.delete(rows[i]?.id ?? '');
}

describe('searchDocuments ≡ scanSearch (property)', () => {
  it('same total and same first page for random corpora and queries', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const store = await freshStore('search-prop');
        const db = store.db;
        await loaded(db, c);
        for (const row of await db.documents.toArray()) {
          expect([...((row['searchKeys'] as string[] | undefined) ?? [])].sort()).toEqual(
            documentSearchKeys(row).sort(),
          );
        }
        for (const [query, options] of c.queries) {
          const indexed = await searchDocuments(db, query, options, c.tuning);
          const scanned = await scanSearch(db, query, options);
          expect({ query, options, total: indexed.total, ids: ids(indexed) }).toEqual({
            query,
            options,
            total: scanned.total,
            ids: ids(scanned),
          });
        }
        store.close();
      }),
      { numRuns: 40 },
    );
  });
});
