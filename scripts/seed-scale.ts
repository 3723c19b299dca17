/**
 * Scale data for a ten-year office: 50k documents, 2k meetings, 20k decisions, 200k audit entries (by default),
 * on top of the sample registry. Deterministic for a seed, so benchmark runs compare.
 *
 *   npm run seed:scale -- <out-dir> [--years 10] [--seed 1]   → <out-dir>/<table>.jsonl, one row per line
 *   import { generateScale, scaleTables } from '../scripts/seed-scale'   → rows in memory / as generators
 *
 * The generic rows carry the fields the store indexes (see renderer/data/db.ts); their full shape comes with
 * the meeting and document features.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appendAuditEntry, digestOf, shanghaiTimestamp, type AuditEntry, type AuditHead } from '../shared/audit';
import { addDays, isoDate, yearOf, type IsoDate } from '../shared/calendar/iso-date';
import type { Registry } from '../shared/domain/registry';
import { createSampleOffice, SAMPLE_IDS } from '../shared/sample';

export interface ScaleOptions {
  readonly years: number;
  readonly seed: number;
  /** The last day of the generated period. */
  readonly asOf: IsoDate;
  readonly documents: number;
  readonly meetings: number;
  readonly decisions: number;
  readonly audit: number;
}

export const DEFAULT_SCALE: ScaleOptions = {
  years: 10,
  seed: 1,
  asOf: isoDate('2026-06-30'),
  documents: 50_000,
  meetings: 2_000,
  decisions: 20_000,
  audit: 200_000,
};

export interface ScaleRow {
  readonly id: string;
  readonly [field: string]: unknown;
}

/** mulberry32: tiny, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const pad = (n: number, w = 6) => String(n).padStart(w, '0');

const MEETING_KINDS = ['executive', 'special', 'headOffice', 'plenary', 'partyGroup'] as const;
const MEETING_WEIGHTS = [0.15, 0.55, 0.2, 0.05, 0.05];
const DOC_KINDS = ['notice', 'request', 'report', 'letter', 'reply', 'opinion', 'decision', 'minutes'] as const;
const CLASSIFICATIONS = ['none', 'none', 'none', 'none', 'internal', 'secret'] as const;
const TOPICS = ['重点项目建设', '安全生产', '乡村振兴', '城市管理', '教育发展', '医疗保障', '营商环境', '生态环境保护', '财政预算', '防汛抗旱'];

function weighted<T>(r: () => number, xs: readonly T[], weights: readonly number[]): T {
  let x = r();
  for (let i = 0; i < xs.length; i++) {
    x -= weights[i] as number;
    if (x <= 0) return xs[i] as T;
  }
  return xs[xs.length - 1] as T;
}

export interface ScaleTables {
  readonly registry: Registry;
  meetings(): Generator<ScaleRow>;
  decisions(): Generator<ScaleRow>;
  documents(): Generator<ScaleRow>;
  /** A valid hash chain: creates for the records above, then updates, up to `audit` entries. */
  audit(): Generator<AuditEntry>;
}

export function scaleTables(partial: Partial<ScaleOptions> = {}): ScaleTables {
  const o: ScaleOptions = { ...DEFAULT_SCALE, ...partial };
  const start = addDays(o.asOf, -Math.round(o.years * 365.25));
  const span = Math.round(o.years * 365.25);
  const registry = createSampleOffice(start);
  const units = registry.units.filter((u) => u.kind === 'department' || u.kind === 'township').map((u) => u.id);
  const deputies = [SAMPLE_IDS.executiveDeputy, ...SAMPLE_IDS.deputies];
  const dayAt = (i: number, n: number) => addDays(start, Math.floor((i / n) * span));

  function* meetings(): Generator<ScaleRow> {
    const r = rng(o.seed * 7 + 1);
    for (let i = 0; i < o.meetings; i++) {
      const kind = weighted(r, MEETING_KINDS, MEETING_WEIGHTS);
      const date = dayAt(i, o.meetings);
      const chairId = kind === 'special' ? pick(r, deputies) : SAMPLE_IDS.districtHead;
      yield { id: `m-${pad(i)}`, kind, state: date < o.asOf ? 'archived' : 'planned', date, chairId, title: `${pick(r, TOPICS)}专题研究` };
    }
  }

  function* decisions(): Generator<ScaleRow> {
    const r = rng(o.seed * 7 + 2);
    for (let i = 0; i < o.decisions; i++) {
      const m = Math.min(o.meetings - 1, Math.floor((i / o.decisions) * o.meetings));
      const decided = dayAt(m, o.meetings);
      const dueDate = addDays(decided, 15 + Math.floor(r() * 90));
      yield {
        id: `d-${pad(i)}`,
        meetingId: `m-${pad(m)}`,
        ownerUnitId: pick(r, units),
        dueDate,
        state: dueDate < o.asOf ? (r() < 0.9 ? 'done' : 'overdue') : 'open',
        text: `落实${pick(r, TOPICS)}有关事项`,
      };
    }
  }

  function* documents(): Generator<ScaleRow> {
    const r = rng(o.seed * 7 + 3);
    const perYear = new Map<string, number>();
    for (let i = 0; i < o.documents; i++) {
      const registeredOn = dayAt(i, o.documents);
      const direction = r() < 0.6 ? 'incoming' : 'outgoing';
      const year = yearOf(registeredOn);
      const key = `${direction}-${year}`;
      const n = (perYear.get(key) ?? 0) + 1;
      perYear.set(key, n);
      yield {
        id: `doc-${pad(i)}`,
        direction,
        kind: pick(r, DOC_KINDS),
        year,
        state: registeredOn < addDays(o.asOf, -30) ? 'archived' : 'inProgress',
        unitId: pick(r, units),
        classification: pick(r, CLASSIFICATIONS),
        registeredOn,
        number: direction === 'outgoing' ? `示政发〔${year}〕${n}号` : `收文〔${year}〕${n}号`,
        title: `关于${pick(r, TOPICS)}的${direction === 'outgoing' ? '通知' : '请示'}`,
      };
    }
  }

  function* audit(): Generator<AuditEntry> {
    let head: AuditHead | undefined;
    let n = 0;
    // Office hours in Beijing (UTC 00:00–08:00), spread by entry number.
    const at = (day: IsoDate, k: number) => shanghaiTimestamp(new Date(`${day}T0${k % 8}:00:00.000Z`));
    const emit = (recordType: string, row: ScaleRow, day: IsoDate, action: 'create' | 'update'): AuditEntry => {
      const entry = appendAuditEntry(head, {
        at: at(day, n),
        operatorId: 'admin',
        operatorName: '系统管理员',
        action,
        recordType,
        recordId: row.id,
        beforeDigest: action === 'create' ? null : digestOf({ ...row, state: 'previous' }),
        afterDigest: digestOf(row),
        context: action === 'create' ? '新建' : '修改',
      });
      head = entry;
      n++;
      return entry;
    };
    const dayOf = (row: ScaleRow) => (row.registeredOn ?? row.date ?? row.dueDate ?? start) as IsoDate;
    const sources: readonly [string, () => Generator<ScaleRow>][] = [
      ['meetings', meetings],
      ['decisions', decisions],
      ['documents', documents],
    ];
    for (const [type, gen] of sources) {
      for (const row of gen()) {
        if (n >= o.audit) return;
        yield emit(type, row, dayOf(row), 'create');
      }
    }
    // The rest are edits, cycling over the documents (the busiest records).
    while (n < o.audit) {
      for (const row of documents()) {
        if (n >= o.audit) return;
        yield emit('documents', row, dayOf(row), 'update');
      }
    }
  }

  return { registry, meetings, decisions, documents, audit };
}

/** Everything in memory (fine for benchmarks: ~270k small rows). */
export function generateScale(partial: Partial<ScaleOptions> = {}) {
  const t = scaleTables(partial);
  return {
    registry: t.registry,
    meetings: [...t.meetings()],
    decisions: [...t.decisions()],
    documents: [...t.documents()],
    audit: [...t.audit()],
  };
}

async function writeJsonl(path: string, rows: Iterable<unknown>): Promise<number> {
  const out = createWriteStream(path, 'utf8');
  let n = 0;
  for (const row of rows) {
    if (!out.write(`${JSON.stringify(row)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
    n++;
  }
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
  return n;
}

async function main(argv: readonly string[]): Promise<void> {
  const dir = argv.find((a) => !a.startsWith('--'));
  if (!dir) {
    console.error('用法：npm run seed:scale -- <输出目录> [--years 10] [--seed 1]');
    process.exit(2);
  }
  const opt = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : undefined;
  };
  const years = opt('years');
  const seed = opt('seed');
  const t = scaleTables({ ...(years ? { years } : {}), ...(seed ? { seed } : {}) });
  const out = resolve(dir);
  mkdirSync(out, { recursive: true });
  await writeJsonl(join(out, 'registry.jsonl'), [t.registry]);
  for (const [name, rows] of [
    ['meetings', t.meetings()],
    ['decisions', t.decisions()],
    ['documents', t.documents()],
    ['audit', t.audit()],
  ] as const) {
    const n = await writeJsonl(join(out, `${name}.jsonl`), rows);
    console.info(`${name}: ${n} 行`);
  }
  console.info(`已写入 ${out}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // No top-level await: benchmarks and tests may load this module from CommonJS.
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
