/**
 * The decisions ledger (决定事项督办台账, arts. 29, 47) as pure functions: one row per decision item across all
 * meetings, filters (meeting kind, owner unit, leader, state, due month, text with pinyin initials for units
 * and people), sorting, and the Excel columns of the filtered view.
 */
import type { IsoDate } from '../../../shared/calendar/iso-date';
import type { DecisionId, MeetingId, PersonId, UnitId } from '../../../shared/domain/ids';
import {
  MEETING_KIND_LABELS,
  type DecisionItem,
  type Meeting,
  type MeetingKind,
} from '../../../shared/domain/meeting';
import {
  DECISION_STATUS_LABELS,
  decisionStatus,
  type DecisionStatus,
} from '../../../shared/domain/meetings/decisions';
import { personName, unitName, type Registry } from '../../../shared/domain/registry';
import { matchesNameQuery } from '../../data/pinyin';
import type { XlsxColumn } from '../../ui/xlsx';

export interface LedgerRow {
  readonly key: string;
  readonly meetingId: MeetingId;
  readonly meetingTitle: string;
  readonly meetingKind: MeetingKind;
  readonly meetingDate: IsoDate;
  readonly decisionId: DecisionId;
  readonly text: string;
  readonly ownerUnitId?: UnitId;
  readonly ownerUnit: string;
  readonly leaderId?: PersonId;
  readonly leader: string;
  readonly dueDate?: IsoDate;
  readonly status: DecisionStatus;
  readonly progressCount: number;
  readonly lastProgress: string;
  readonly closedOn?: IsoDate;
  readonly closingSummary: string;
  /** Pinyin initials of the owner unit and of the leader ("zjj", "slh"), for the text search. */
  readonly unitInitials: string;
  readonly leaderInitials: string;
}

export interface LedgerFilters {
  readonly kind?: MeetingKind;
  readonly ownerUnitId?: UnitId;
  readonly leaderId?: PersonId;
  readonly status?: DecisionStatus;
  /** "YYYY-MM" of the due date. */
  readonly dueMonth?: string;
  readonly text: string;
}

export const EMPTY_LEDGER_FILTERS: LedgerFilters = { text: '' };

export type LedgerSortKey = 'meetingDate' | 'text' | 'ownerUnit' | 'leader' | 'dueDate' | 'status';

export interface LedgerSort {
  readonly by: LedgerSortKey;
  readonly desc: boolean;
}

/** Computes pinyin initials once per distinct name (thousands of rows share a few dozen units and leaders). */
export type InitialsOf = (name: string, kind: 'person' | 'other') => string;

function rowOf(m: Meeting, d: DecisionItem, reg: Registry, today: IsoDate, initials: InitialsOf): LedgerRow {
  const ownerUnit = d.ownerUnitId ? unitName(reg, d.ownerUnitId) : '';
  const leader = d.responsibleLeaderId ? personName(reg, d.responsibleLeaderId) : '';
  const last = d.progress[d.progress.length - 1];
  return {
    key: `${m.id}/${d.id}`,
    meetingId: m.id,
    meetingTitle: m.title,
    meetingKind: m.kind,
    meetingDate: m.date,
    decisionId: d.id,
    text: d.text,
    ownerUnit,
    leader,
    status: decisionStatus(d, today),
    progressCount: d.progress.length,
    lastProgress: last ? `${last.on} ${last.note}` : '',
    closingSummary: d.closingSummary ?? '',
    unitInitials: ownerUnit === '' ? '' : initials(ownerUnit, 'other'),
    leaderInitials: leader === '' ? '' : initials(leader, 'person'),
    ...(d.ownerUnitId ? { ownerUnitId: d.ownerUnitId } : {}),
    ...(d.responsibleLeaderId ? { leaderId: d.responsibleLeaderId } : {}),
    ...(d.dueDate ? { dueDate: d.dueDate } : {}),
    ...(d.closedOn ? { closedOn: d.closedOn } : {}),
  };
}

export function memoInitials(compute: InitialsOf): InitialsOf {
  const cache = new Map<string, string>();
  return (name, kind) => {
    const key = `${kind}:${name}`;
    let v = cache.get(key);
    if (v === undefined) {
      v = compute(name, kind);
      cache.set(key, v);
    }
    return v;
  };
}

/** Every decision item of every meeting that is not cancelled, as ledger rows. */
export function ledgerRows(
  meetings: readonly Meeting[],
  reg: Registry,
  today: IsoDate,
  initials: InitialsOf,
): LedgerRow[] {
  return meetings
    .filter((m) => m.state !== 'cancelled')
    .flatMap((m) => m.decisions.map((d) => rowOf(m, d, reg, today, initials)));
}

/** Text: the item, meeting, unit or leader contains it; Latin letters also match unit or leader initials. */
export function matchesLedgerText(r: LedgerRow, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  if ([r.text, r.meetingTitle].some((s) => s.toLowerCase().includes(q))) return true;
  return (
    (r.ownerUnit !== '' && matchesNameQuery(r.ownerUnit, q, r.unitInitials)) ||
    (r.leader !== '' && matchesNameQuery(r.leader, q, r.leaderInitials))
  );
}

export function filterLedger(rows: readonly LedgerRow[], f: LedgerFilters): LedgerRow[] {
  return rows.filter(
    (r) =>
      (f.kind === undefined || r.meetingKind === f.kind) &&
      (f.ownerUnitId === undefined || r.ownerUnitId === f.ownerUnitId) &&
      (f.leaderId === undefined || r.leaderId === f.leaderId) &&
      (f.status === undefined || r.status === f.status) &&
      (f.dueMonth === undefined || r.dueDate?.slice(0, 7) === f.dueMonth) &&
      matchesLedgerText(r, f.text),
  );
}

const STATUS_RANK: Readonly<Record<DecisionStatus, number>> = { overdue: 0, open: 1, closed: 2 };
const collator = new Intl.Collator('zh-Hans-CN');

function compare(a: LedgerRow, b: LedgerRow, by: LedgerSortKey): number {
  switch (by) {
    case 'meetingDate':
      return a.meetingDate.localeCompare(b.meetingDate);
    case 'text':
      return collator.compare(a.text, b.text);
    case 'ownerUnit':
      return collator.compare(a.ownerUnit, b.ownerUnit);
    case 'leader':
      return collator.compare(a.leader, b.leader);
    case 'dueDate':
      // Items without a due date go last: they are the ones to complete first (art. 47).
      return (a.dueDate ?? '9999-99-99').localeCompare(b.dueDate ?? '9999-99-99');
    case 'status':
      return STATUS_RANK[a.status] - STATUS_RANK[b.status];
    default: {
      const never: never = by;
      throw new Error(`未知的排序列：${String(never)}`);
    }
  }
}

/** Stable sort by one column; ties keep meeting date then due date order. */
export function sortLedger(rows: readonly LedgerRow[], sort: LedgerSort): LedgerRow[] {
  const sign = sort.desc ? -1 : 1;
  return [...rows].sort(
    (a, b) =>
      sign * compare(a, b, sort.by) ||
      compare(a, b, 'meetingDate') ||
      compare(a, b, 'dueDate') ||
      a.key.localeCompare(b.key),
  );
}

export interface LedgerOptions {
  readonly units: readonly { readonly value: UnitId; readonly label: string }[];
  readonly leaders: readonly { readonly value: PersonId; readonly label: string }[];
  readonly months: readonly string[];
}

/** Filter choices from the rows present (units, leaders by name; due months newest first). */
export function ledgerOptions(rows: readonly LedgerRow[]): LedgerOptions {
  const units = new Map<UnitId, string>();
  const leaders = new Map<PersonId, string>();
  const months = new Set<string>();
  for (const r of rows) {
    if (r.ownerUnitId) units.set(r.ownerUnitId, r.ownerUnit);
    if (r.leaderId) leaders.set(r.leaderId, r.leader);
    if (r.dueDate) months.add(r.dueDate.slice(0, 7));
  }
  const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);
  return {
    units: [...units].map(([value, label]) => ({ value, label })).sort(byLabel),
    leaders: [...leaders].map(([value, label]) => ({ value, label })).sort(byLabel),
    months: [...months].sort().reverse(),
  };
}

export const monthLabel = (ym: string): string => `${ym.slice(0, 4)}年${Number(ym.slice(5, 7))}月`;

/** The Excel sheet of the ledger: the filtered, sorted rows as shown. */
export const LEDGER_XLSX_COLUMNS: readonly XlsxColumn<LedgerRow>[] = [
  { header: '序号', width: 6, value: () => null },
  { header: '会议日期', width: 12, value: (r) => r.meetingDate },
  { header: '会议类型', width: 16, value: (r) => MEETING_KIND_LABELS[r.meetingKind] },
  { header: '会议名称', width: 30, value: (r) => r.meetingTitle },
  { header: '决定事项', width: 50, value: (r) => r.text },
  { header: '承办单位', width: 24, value: (r) => r.ownerUnit },
  { header: '责任领导', width: 10, value: (r) => r.leader },
  { header: '完成时限', width: 12, value: (r) => r.dueDate ?? '' },
  { header: '状态', width: 8, value: (r) => DECISION_STATUS_LABELS[r.status] },
  { header: '进展次数', width: 8, value: (r) => r.progressCount },
  { header: '最新进展', width: 40, value: (r) => r.lastProgress },
  { header: '办结日期', width: 12, value: (r) => r.closedOn ?? '' },
  { header: '办结情况', width: 40, value: (r) => r.closingSummary },
];

/** The columns with 序号 filled in by position (the export numbers rows as they are shown). */
export function ledgerSheet(rows: readonly LedgerRow[]): {
  readonly columns: readonly XlsxColumn<{ readonly n: number; readonly row: LedgerRow }>[];
  readonly rows: readonly { readonly n: number; readonly row: LedgerRow }[];
} {
  return {
    columns: LEDGER_XLSX_COLUMNS.map((c, i) =>
      i === 0
        ? { ...c, value: (x: { n: number }) => x.n }
        : { ...c, value: (x: { row: LedgerRow }) => c.value(x.row) },
    ),
    rows: rows.map((row, i) => ({ n: i + 1, row })),
  };
}
