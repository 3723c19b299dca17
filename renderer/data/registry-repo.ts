/**
 * The registry repository: people, posts, units, portfolios, entrustments, travel reports and coverage
 * arrangements. Every write validates with the shared zod schema, checks that referenced records exist,
 * and runs in one audited transaction.
 */
import type { Table } from 'dexie';
import type { ZodType } from 'zod';
import {
  coverageSchema,
  entrustmentSchema,
  personSchema,
  portfolioSchema,
  postHoldingSchema,
  travelSchema,
  unitSchema,
} from '../../shared/domain/registry-schema';
import type {
  Coverage,
  Entrustment,
  Person,
  Portfolio,
  PostHolding,
  Registry,
  TravelReport,
  Unit,
} from '../../shared/domain/registry';
import { auditedWrite, type AuditLog } from './audited';
import { requireAdmin } from './operator';
import { fromPersonRow, fromUnitRow, toPersonRow, toUnitRow, type HuiwenDb } from './db';
import { fromZodError, StoreError } from './errors';
import { OFFICE_META_KEY, readSampleInfo, SAMPLE_META_KEY, type SampleInfo } from './meta';

export type RegistryKind = 'people' | 'posts' | 'units' | 'portfolios' | 'entrustments' | 'travels' | 'coverages';

export const REGISTRY_KINDS: readonly RegistryKind[] = [
  'people',
  'units',
  'posts',
  'portfolios',
  'entrustments',
  'travels',
  'coverages',
];

export interface RegistryRecords {
  people: Person;
  posts: PostHolding;
  units: Unit;
  portfolios: Portfolio;
  entrustments: Entrustment;
  travels: TravelReport;
  coverages: Coverage;
}

export const KIND_LABELS: Readonly<Record<RegistryKind, string>> = {
  people: '人员',
  posts: '任职记录',
  units: '单位',
  portfolios: '分工',
  entrustments: '区长委托',
  travels: '外出报告',
  coverages: '代管安排',
};

/** Field names in Chinese, for error messages that name the field. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  id: '编号',
  name: '名称',
  partyMember: '党员',
  note: '备注',
  personId: '人员',
  post: '职务',
  unitId: '单位',
  title: '具体职务名称',
  from: '开始日期',
  to: '结束日期',
  kind: '单位类别',
  outsideRole: '区外单位类别',
  roles: '固定角色',
  parentId: '上级单位',
  leaderId: '分管领导',
  relation: '分管或联系',
  grantorId: '委托人',
  granteeId: '受委托人',
  scope: '委托事项',
  description: '说明',
  recordedOn: '登记日期',
  destination: '外出地点',
  purpose: '事由',
  reportedTo: '报告对象',
  reportedOn: '报告日期',
  approvedBy: '同意人',
  approvedOn: '同意日期',
  absentId: '外出人',
  coveringId: '代管人',
  travelId: '对应外出报告',
};

interface Ref {
  readonly kind: 'people' | 'units' | 'travels';
  readonly id: string | undefined;
  readonly field: string;
}

interface KindSpec<K extends RegistryKind> {
  readonly schema: ZodType;
  readonly table: (db: HuiwenDb) => Table;
  readonly toRow: (r: RegistryRecords[K]) => unknown;
  readonly fromRow: (row: never) => RegistryRecords[K];
  readonly refs: (r: RegistryRecords[K]) => readonly Ref[];
}

const same = <T>(r: T): T => r;

const SPECS: { readonly [K in RegistryKind]: KindSpec<K> } = {
  people: {
    schema: personSchema,
    table: (db) => db.people,
    toRow: toPersonRow,
    fromRow: fromPersonRow as (row: never) => Person,
    refs: () => [],
  },
  units: {
    schema: unitSchema,
    table: (db) => db.units,
    toRow: toUnitRow,
    fromRow: fromUnitRow as (row: never) => Unit,
    refs: (u) => [{ kind: 'units', id: u.parentId, field: 'parentId' }],
  },
  posts: {
    schema: postHoldingSchema,
    table: (db) => db.posts,
    toRow: same,
    fromRow: same,
    refs: (p) => [
      { kind: 'people', id: p.personId, field: 'personId' },
      { kind: 'units', id: p.unitId, field: 'unitId' },
    ],
  },
  portfolios: {
    schema: portfolioSchema,
    table: (db) => db.portfolios,
    toRow: same,
    fromRow: same,
    refs: (p) => [
      { kind: 'people', id: p.leaderId, field: 'leaderId' },
      { kind: 'units', id: p.unitId, field: 'unitId' },
    ],
  },
  entrustments: {
    schema: entrustmentSchema,
    table: (db) => db.entrustments,
    toRow: same,
    fromRow: same,
    refs: (e) => [
      { kind: 'people', id: e.grantorId, field: 'grantorId' },
      { kind: 'people', id: e.granteeId, field: 'granteeId' },
    ],
  },
  travels: {
    schema: travelSchema,
    table: (db) => db.travels,
    toRow: same,
    fromRow: same,
    refs: (t) => [
      { kind: 'people', id: t.personId, field: 'personId' },
      { kind: 'people', id: t.approvedBy, field: 'approvedBy' },
    ],
  },
  coverages: {
    schema: coverageSchema,
    table: (db) => db.coverages,
    toRow: same,
    fromRow: same,
    refs: (c) => [
      { kind: 'people', id: c.absentId, field: 'absentId' },
      { kind: 'people', id: c.coveringId, field: 'coveringId' },
      { kind: 'travels', id: c.travelId, field: 'travelId' },
    ],
  },
};

/** Who points at a record of each kind: (kind of the referring record, indexed field). */
const REFERRERS: Readonly<Record<'people' | 'units' | 'travels', readonly (readonly [RegistryKind, string])[]>> = {
  people: [
    ['posts', 'personId'],
    ['portfolios', 'leaderId'],
    ['entrustments', 'grantorId'],
    ['entrustments', 'granteeId'],
    ['travels', 'personId'],
    ['travels', 'approvedBy'],
    ['coverages', 'absentId'],
    ['coverages', 'coveringId'],
  ],
  units: [
    ['posts', 'unitId'],
    ['portfolios', 'unitId'],
    ['units', 'parentId'],
  ],
  travels: [['coverages', 'travelId']],
};

const allTables = (db: HuiwenDb): Table[] => REGISTRY_KINDS.map((k) => SPECS[k].table(db));

function validate<K extends RegistryKind>(kind: K, input: unknown): RegistryRecords[K] {
  const parsed = SPECS[kind].schema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, KIND_LABELS[kind], FIELD_LABELS);
  return parsed.data as RegistryRecords[K];
}

interface Pending {
  readonly kind: RegistryKind;
  readonly record: RegistryRecords[RegistryKind];
}

const refsOf = (p: Pending): readonly Ref[] =>
  (SPECS[p.kind].refs as (r: RegistryRecords[RegistryKind]) => readonly Ref[])(p.record);

/**
 * Checks that every record's references exist (after the records themselves were put, so a batch may refer
 * to itself) and that no unit becomes its own ancestor. Only Dexie awaits: one bulkGet per table, because
 * awaiting plain promises inside a Dexie transaction can let it commit early.
 */
async function checkRefs(db: HuiwenDb, batch: readonly Pending[]): Promise<void> {
  const wanted = { people: new Set<string>(), units: new Set<string>(), travels: new Set<string>() };
  for (const p of batch) for (const r of refsOf(p)) if (r.id !== undefined) wanted[r.kind].add(r.id);
  const found = { people: new Set<string>(), units: new Set<string>(), travels: new Set<string>() };
  for (const k of ['people', 'units', 'travels'] as const) {
    const ids = [...wanted[k]];
    const rows = (await SPECS[k].table(db).bulkGet(ids)) as ({ id: string } | undefined)[];
    rows.forEach((row, i) => row !== undefined && found[k].add(ids[i] as string));
  }
  for (const p of batch) {
    for (const ref of refsOf(p)) {
      if (ref.id === undefined || found[ref.kind].has(ref.id)) continue;
      const message = `所选${KIND_LABELS[ref.kind]}已不存在（${ref.id}），请重新选择`;
      throw new StoreError('missing-reference', `${KIND_LABELS[p.kind]}未保存：${message}`, [
        { path: [ref.field], message },
      ]);
    }
  }
  if (batch.some((p) => p.kind === 'units')) {
    const parents = new Map((await db.units.toArray()).map((u) => [u.id as string, u.parentId as string | undefined]));
    for (const p of batch.filter((x) => x.kind === 'units')) checkNoUnitCycle(parents, p.record.id);
  }
}

function checkNoUnitCycle(parents: ReadonlyMap<string, string | undefined>, unitId: string): void {
  const seen = new Set<string>();
  for (let at: string | undefined = unitId; at !== undefined; at = parents.get(at)) {
    if (seen.has(at)) {
      const message = parents.get(unitId) === unitId ? '上级单位不能是它自己' : '上级单位不能是它的下级单位';
      throw new StoreError('invalid', `单位未保存：${message}`, [{ path: ['parentId'], message }]);
    }
    seen.add(at);
  }
}

async function referencesTo(db: HuiwenDb, kind: RegistryKind, id: string): Promise<string[]> {
  if (kind !== 'people' && kind !== 'units' && kind !== 'travels') return [];
  const found: string[] = [];
  for (const [referrer, field] of REFERRERS[kind]) {
    const n = await SPECS[referrer].table(db).where(field).equals(id).count();
    if (n > 0) found.push(`${n} 条${KIND_LABELS[referrer]}`);
  }
  return found;
}

export interface RegistryRepository {
  /** The whole registry: small (hundreds of rows), and every rule needs it as of some date. */
  load(): Promise<Registry>;
  /** Creates or replaces one record; returns it as stored. */
  save<K extends RegistryKind>(kind: K, input: unknown): Promise<RegistryRecords[K]>;
  /** Deletes one record; refused while other records point at it. */
  remove(kind: RegistryKind, id: string): Promise<void>;
  /** Loads a whole registry (the sample office) in one transaction, marking it as sample data. */
  loadSample(registry: Registry, loadedOn: string, officeName?: string): Promise<void>;
  /** Removes the sample records and everything that depends on them, in one transaction. */
  clearSample(): Promise<number>;
  sampleInfo(): Promise<SampleInfo | undefined>;
}

export function registryRepository(db: HuiwenDb, now?: () => Date): RegistryRepository {
  const opts = (context: string) => ({ context, ...(now ? { now } : {}) });

  async function put<K extends RegistryKind>(log: AuditLog, kind: K, record: RegistryRecords[K]): Promise<void> {
    const spec = SPECS[kind];
    const table = spec.table(db);
    const before = (await table.get(record.id)) as unknown;
    const row = spec.toRow(record);
    await table.put(row);
    log.record(before === undefined ? 'create' : 'update', kind, record.id, before, row);
  }

  return {
    async load() {
      return db.transaction('r', allTables(db), async () => {
        const [people, posts, units, portfolios, entrustments, travels, coverages] = await Promise.all([
          db.people.toArray(),
          db.posts.toArray(),
          db.units.toArray(),
          db.portfolios.toArray(),
          db.entrustments.toArray(),
          db.travels.toArray(),
          db.coverages.toArray(),
        ]);
        return {
          people: people.map(fromPersonRow),
          posts,
          units: units.map(fromUnitRow),
          portfolios,
          entrustments,
          travels,
          coverages,
        };
      });
    },

    async save(kind, input) {
      requireAdmin('修改人员与单位');
      const record = validate(kind, input);
      await auditedWrite(db, allTables(db), opts(`保存${KIND_LABELS[kind]}`), async (log) => {
        await put(log, kind, record);
        await checkRefs(db, [{ kind, record }]);
      });
      return record;
    },

    async remove(kind, id) {
      requireAdmin('修改人员与单位');
      await auditedWrite(db, allTables(db), opts(`删除${KIND_LABELS[kind]}`), async (log) => {
        const table = SPECS[kind].table(db);
        const before = (await table.get(id)) as unknown;
        if (before === undefined) {
          throw new StoreError('not-found', `该${KIND_LABELS[kind]}已不存在，可能已被删除。请刷新页面。`);
        }
        const refs = await referencesTo(db, kind, id);
        if (refs.length > 0) {
          throw new StoreError(
            'referenced',
            `该${KIND_LABELS[kind]}仍被 ${refs.join('、')} 引用，不能删除。请先删除或改动这些记录；人员离任请在任职记录中填写结束日期。`,
          );
        }
        await table.delete(id);
        log.record('delete', kind, id, before, undefined);
      });
    },

    async loadSample(registry, loadedOn, officeName) {
      requireAdmin('载入示例数据');
      const records = REGISTRY_KINDS.flatMap((kind) =>
        (registry[kind] as readonly unknown[]).map((r) => ({ kind, record: validate(kind, r) })),
      );
      await auditedWrite(db, [...allTables(db), db.meta], opts('载入示例数据'), async (log) => {
        if ((await readSampleInfo(db)) !== undefined) {
          throw new StoreError('invalid', '示例数据已经载入，无需重复载入。');
        }
        const ids: Partial<Record<RegistryKind, string[]>> = {};
        // One bulkGet and one bulkPut per table: hundreds of single puts in one transaction take seconds.
        for (const kind of REGISTRY_KINDS) {
          const batch = records.filter((r) => r.kind === kind).map((r) => r.record);
          if (batch.length === 0) continue;
          const table = SPECS[kind].table(db);
          const before = (await table.bulkGet(batch.map((r) => r.id))) as unknown[];
          const rows = batch.map((r) => (SPECS[kind].toRow as (x: RegistryRecords[RegistryKind]) => unknown)(r));
          await table.bulkPut(rows);
          batch.forEach((r, i) => log.record(before[i] === undefined ? 'create' : 'update', kind, r.id, before[i], rows[i]));
          ids[kind] = batch.map((r) => r.id);
        }
        // Checked after all puts, so order inside the sample does not matter; a failure aborts everything.
        await checkRefs(db, records);
        const info: SampleInfo = { loadedOn, ids };
        await db.meta.put({ key: SAMPLE_META_KEY, value: info });
        log.record('create', 'meta', SAMPLE_META_KEY, undefined, info);
        // The sample's office name shows in the header until the office records its own.
        if (officeName !== undefined && (await db.meta.get(OFFICE_META_KEY)) === undefined) {
          const office = { name: officeName, sample: true };
          await db.meta.put({ key: OFFICE_META_KEY, value: office });
          log.record('create', 'meta', OFFICE_META_KEY, undefined, office);
        }
      });
    },

    async clearSample() {
      requireAdmin('清除示例数据');
      return auditedWrite(db, [...allTables(db), db.meta], opts('清除示例数据'), async (log) => {
        const info = await readSampleInfo(db);
        if (info === undefined) return 0;
        // Start from the sample ids, then follow references until nothing new depends on a removed record.
        const doomed = new Map<RegistryKind, Set<string>>(
          REGISTRY_KINDS.map((k) => [k, new Set(info.ids[k] ?? [])]),
        );
        const rows = new Map<RegistryKind, readonly RegistryRecords[RegistryKind][]>();
        for (const k of REGISTRY_KINDS) {
          rows.set(k, (await SPECS[k].table(db).toArray()) as RegistryRecords[RegistryKind][]);
        }
        let grew = true;
        while (grew) {
          grew = false;
          for (const k of REGISTRY_KINDS) {
            const set = doomed.get(k) as Set<string>;
            for (const r of rows.get(k) ?? []) {
              if (set.has(r.id)) continue;
              const refs = (SPECS[k].refs as (x: RegistryRecords[RegistryKind]) => readonly Ref[])(r);
              if (refs.some((ref) => ref.id !== undefined && doomed.get(ref.kind)?.has(ref.id))) {
                set.add(r.id);
                grew = true;
              }
            }
          }
        }
        let removed = 0;
        for (const k of REGISTRY_KINDS) {
          const gone = (rows.get(k) ?? []).filter((r) => doomed.get(k)?.has(r.id));
          await SPECS[k].table(db).bulkDelete(gone.map((r) => r.id));
          for (const r of gone) log.record('delete', k, r.id, r, undefined);
          removed += gone.length;
        }
        await db.meta.delete(SAMPLE_META_KEY);
        log.record('delete', 'meta', SAMPLE_META_KEY, info, undefined);
        const office = (await db.meta.get(OFFICE_META_KEY))?.value as { sample?: boolean } | undefined;
        if (office?.sample === true) {
          await db.meta.delete(OFFICE_META_KEY);
          log.record('delete', 'meta', OFFICE_META_KEY, office, undefined);
        }
        return removed;
      });
    },

    sampleInfo: () => readSampleInfo(db),
  };
}
