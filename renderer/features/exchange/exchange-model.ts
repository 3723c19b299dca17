/**
 * Pure helpers of the exchange screens: sizes, chunking for the progress bar, and the field-by-field view of a
 * conflict (本机 and 来件 side by side).
 */
import { canonicalJson } from '../../../shared/audit';
import {
  MEETING_KIND_LABELS,
  MEETING_STATE_LABELS,
  type MeetingKind,
  type MeetingState,
} from '../../../shared/domain/meeting';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} 字节`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Chunk boundaries for `writeExportChunk`: big packets go in pieces so the bar moves. */
export function chunkRanges(total: number, chunkSize: number): [number, number][] {
  if (chunkSize <= 0) throw new RangeError('chunkSize must be positive');
  const out: [number, number][] = [];
  for (let start = 0; start < total; start += chunkSize)
    out.push([start, Math.min(total, start + chunkSize)]);
  return out;
}

export const EXPORT_CHUNK_BYTES = 1024 * 1024;

const MEETING_FIELDS: readonly (readonly [string, string])[] = [
  ['title', '会议名称'],
  ['kind', '会议类型'],
  ['date', '会议日期'],
  ['time', '会议时间'],
  ['place', '会议地点'],
  ['convenorId', '召集人'],
  ['chairId', '主持人'],
  ['recorderId', '记录人'],
  ['state', '会议状态'],
  ['postponed', '延期'],
  ['cancelled', '取消'],
  ['reschedules', '改期记录'],
  ['important', '重要会议'],
  ['acting', '代为召集主持'],
  ['deliveries', '材料送达'],
  ['topics', '议题'],
  ['attendees', '参会人员'],
  ['leaves', '请假'],
  ['signIns', '签到'],
  ['records', '会议纪录'],
  ['minutes', '会议纪要'],
  ['decisions', '决定事项'],
  ['reportTasks', '报告事项'],
  ['documentsToIssue', '待印发文件'],
];

const DECISION_FIELDS: readonly (readonly [string, string])[] = [
  ['text', '决定事项'],
  ['ownerUnitId', '承办单位'],
  ['responsibleLeaderId', '责任领导'],
  ['dueDate', '办结时限'],
  ['progress', '办理进展'],
  ['evidence', '佐证材料'],
  ['closedOn', '办结日期'],
  ['closingSummary', '办结情况'],
];

const DOCUMENT_FIELDS: readonly (readonly [string, string])[] = [
  ['title', '标题'],
  ['kind', '文种'],
  ['state', '办理状态'],
  ['classification', '密级'],
  ['documentNumber', '文号'],
  ['number', '收文编号'],
  ['registeredOn', '登记日期'],
];

export interface FieldDiff {
  readonly field: string;
  readonly label: string;
  readonly local: string;
  readonly incoming: string;
}

/** A value as a clerk reads it: labels for kinds and states, counts and short text for lists. */
export function displayValue(field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '（空）';
  if (field === 'kind' && typeof value === 'string')
    return MEETING_KIND_LABELS[value as MeetingKind] ?? value;
  if (field === 'state' && typeof value === 'string')
    return MEETING_STATE_LABELS[value as MeetingState] ?? value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '（无）';
    const items = value.map((v) => {
      if (typeof v !== 'object' || v === null) return String(v);
      const o = v as Record<string, unknown>;
      const label = o['title'] ?? o['text'] ?? o['note'] ?? o['name'] ?? o['personId'] ?? o['id'];
      const on = typeof o['on'] === 'string' ? `${o['on']} ` : '';
      return typeof label === 'string' ? `${on}${label}` : canonicalJson(v);
    });
    return `${value.length} 项：${items.join('；')}`;
  }
  const o = value as Record<string, unknown>;
  if (typeof o['reason'] === 'string')
    return `原因：${o['reason']}${typeof o['to'] === 'string' ? `（改至 ${o['to']}）` : ''}`;
  const text = canonicalJson(value);
  return text.length > 300 ? `${text.slice(0, 297)}…` : text;
}

/** Fields whose values differ, in a fixed order, for a `meeting` or `decision` record's data. */
export function conflictFields(type: string, local: unknown, incoming: unknown): FieldDiff[] {
  const pick = (data: unknown, key: 'meeting' | 'decision' | 'row'): Record<string, unknown> =>
    ((data as Record<string, unknown> | null)?.[key] as Record<string, unknown> | undefined) ?? {};
  const [fields, l, r] =
    type === 'meeting'
      ? [MEETING_FIELDS, pick(local, 'meeting'), pick(incoming, 'meeting')]
      : type === 'document'
        ? [DOCUMENT_FIELDS, pick(local, 'row'), pick(incoming, 'row')]
        : [DECISION_FIELDS, pick(local, 'decision'), pick(incoming, 'decision')];
  const out: FieldDiff[] = [];
  const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
  const known = new Set(fields.map(([f]) => f));
  for (const [field, label] of fields) {
    if (!same(l[field], r[field]))
      out.push({
        field,
        label,
        local: displayValue(field, l[field]),
        incoming: displayValue(field, r[field]),
      });
  }
  for (const field of [...new Set([...Object.keys(l), ...Object.keys(r)])].sort()) {
    if (known.has(field) || same(l[field], r[field])) continue;
    out.push({
      field,
      label: field,
      local: displayValue(field, l[field]),
      incoming: displayValue(field, r[field]),
    });
  }
  if (type === 'meeting' || type === 'document') {
    const la = (local as { attachments?: unknown } | null)?.attachments;
    const ra = (incoming as { attachments?: unknown } | null)?.attachments;
    if (!same(la, ra))
      out.push({
        field: 'attachments',
        label: '附件',
        local: displayValue('attachments', la),
        incoming: displayValue('attachments', ra),
      });
  }
  return out;
}
