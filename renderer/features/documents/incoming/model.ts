/**
 * 收文 screens as pure functions: the registration draft (kept across reloads) and its checks, the draft as an
 * `IncomingDocument`, the register's filters and its Excel columns.
 */
import { isIsoDate, yearOf, type IsoDate } from '../../../../shared/calendar/iso-date';
import {
  CLASSIFICATION_LABELS,
  DOCUMENT_KIND_LABELS,
  URGENCY_LABELS,
  type Classification,
  type DocumentKind,
  type IncomingDocument,
  type Urgency,
} from '../../../../shared/domain/documents/model';
import { documentId, personId, unitId, type PersonId } from '../../../../shared/domain/ids';
import { personName, unitName, type Registry } from '../../../../shared/domain/registry';
import { INCOMING_STATE_LABELS, RETENTION_LABELS, type IncomingRecord, type IncomingState } from '../../../data/incoming-repo';
import type { XlsxColumn } from '../../../ui/xlsx';
import type { Finding } from '../../../../shared/domain/findings';

export interface CountersignDraft {
  readonly personId?: string;
  readonly date?: string;
}

export interface IncomingDraft {
  readonly fromUnitId?: string;
  readonly kind?: DocumentKind;
  readonly title: string;
  readonly senderNumber: string;
  readonly classification?: Classification;
  readonly classificationYears?: number;
  readonly urgency?: Urgency;
  readonly copies: number;
  readonly receivedOn: string;
  readonly addressee: 'government' | 'leader';
  readonly leaderId?: string;
  readonly assignedByLeader: boolean;
  readonly text: string;
  /** 请示 touching other departments' powers (art. 49). */
  readonly crossDepartment: boolean;
  readonly concernedUnitIds: readonly string[];
  readonly leadSignerId?: string;
  readonly leadSignedOn?: string;
  /** By concerned unit id. */
  readonly countersigns: Readonly<Record<string, CountersignDraft>>;
  readonly disagreement: boolean;
  /** Grounds by unit id (the sending unit and each concerned unit). */
  readonly grounds: Readonly<Record<string, string>>;
  readonly recommendation: string;
}

export const emptyIncomingDraft = (today: IsoDate): IncomingDraft => ({
  title: '',
  senderNumber: '',
  copies: 1,
  receivedOn: today,
  addressee: 'government',
  assignedByLeader: false,
  text: '',
  crossDepartment: false,
  concernedUnitIds: [],
  countersigns: {},
  disagreement: false,
  grounds: {},
  recommendation: '',
});

export type DraftErrors = Partial<Record<keyof IncomingDraft, string>>;

export function draftErrors(d: IncomingDraft): DraftErrors {
  const e: DraftErrors = {};
  if (d.fromUnitId === undefined) e.fromUnitId = '请选择来文单位';
  if (d.kind === undefined) e.kind = '请选择文种';
  if (d.title.trim() === '') e.title = '请填写来文标题';
  else if (d.title.length > 200) e.title = '来文标题过长（最多 200 字）';
  if (!Number.isInteger(d.copies) || d.copies < 1) e.copies = '份数至少 1 份';
  if (!isIsoDate(d.receivedOn)) e.receivedOn = '请选择收文日期';
  if (d.addressee === 'leader' && d.leaderId === undefined) e.leaderId = '请选择主送的领导';
  if (d.crossDepartment && d.kind === 'request' && d.concernedUnitIds.length === 0) {
    e.concernedUnitIds = '请选择涉及的其他部门，或取消“涉及其他部门职权”';
  }
  return e;
}

const trimOrUndefined = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim());

/** The draft as the domain document (only call when `draftErrors` is empty). */
export function docFromDraft(d: IncomingDraft, id: string, registeredOn: IsoDate): IncomingDocument {
  const senderNumber = trimOrUndefined(d.senderNumber);
  const cross: IncomingDocument['crossDepartment'] =
    d.kind === 'request' && d.crossDepartment
      ? {
          concernedUnitIds: d.concernedUnitIds.map(unitId),
          ...(d.leadSignerId !== undefined && isIsoDate(d.leadSignedOn ?? '')
            ? { leadSignature: { personId: personId(d.leadSignerId), date: d.leadSignedOn as IsoDate } }
            : {}),
          countersignatures: d.concernedUnitIds.flatMap((u) => {
            const c = d.countersigns[u];
            return c?.personId !== undefined && isIsoDate(c.date ?? '')
              ? [{ unitId: unitId(u), personId: personId(c.personId), date: c.date as IsoDate }]
              : [];
          }),
          ...(d.disagreement
            ? {
                disagreement: {
                  sides: [d.fromUnitId ?? '', ...d.concernedUnitIds]
                    .filter((u) => (d.grounds[u] ?? '').trim() !== '')
                    .map((u) => ({ unitId: unitId(u), grounds: (d.grounds[u] ?? '').trim() })),
                  ...(trimOrUndefined(d.recommendation) === undefined ? {} : { recommendation: d.recommendation.trim() }),
                },
              }
            : {}),
        }
      : undefined;
  return {
    id: documentId(id),
    direction: 'incoming',
    title: d.title.trim(),
    kind: d.kind ?? 'notice',
    fromUnitId: unitId(d.fromUnitId ?? ''),
    ...(senderNumber === undefined ? {} : { senderNumber }),
    addressedTo:
      d.addressee === 'leader' && d.leaderId !== undefined
        ? { kind: 'leader', personId: personId(d.leaderId) }
        : { kind: 'government' },
    ...(d.addressee === 'leader' && d.assignedByLeader ? { assignedByLeader: true } : {}),
    ...(d.classification === undefined
      ? {}
      : { classification: { level: d.classification, ...(d.classificationYears === undefined ? {} : { years: d.classificationYears }) } }),
    ...(d.urgency === undefined ? {} : { urgency: d.urgency }),
    registeredOn,
    ...(cross === undefined ? {} : { crossDepartment: cross }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The register.

export interface RegisterFilters {
  readonly year?: number;
  readonly kind?: DocumentKind;
  readonly unitId?: string;
  /** 'none' = 非涉密. */
  readonly classification?: Classification | 'none';
  readonly state?: IncomingState;
}

export function filterRecords(records: readonly IncomingRecord[], f: RegisterFilters): IncomingRecord[] {
  return records.filter(
    (r) =>
      (f.year === undefined || r.year === f.year) &&
      (f.kind === undefined || r.doc.kind === f.kind) &&
      (f.unitId === undefined || r.doc.fromUnitId === f.unitId) &&
      (f.classification === undefined || (r.doc.classification?.level ?? 'none') === f.classification) &&
      (f.state === undefined || r.state === f.state),
  );
}

export const yearsOf = (records: readonly IncomingRecord[]): number[] =>
  [...new Set(records.map((r) => r.year))].sort((a, b) => b - a);

export const classificationText = (r: IncomingRecord): string =>
  r.doc.classification === undefined
    ? '非涉密'
    : `${CLASSIFICATION_LABELS[r.doc.classification.level]}${r.doc.classification.years === undefined ? '' : `★${r.doc.classification.years}年`}`;

export const addresseeText = (doc: IncomingDocument, reg: Registry): string =>
  doc.addressedTo.kind === 'government'
    ? '区政府'
    : `${personName(reg, doc.addressedTo.personId)}${doc.assignedByLeader === true ? '（交办）' : ''}`;

export function registerColumns(reg: Registry): XlsxColumn<IncomingRecord>[] {
  return [
    { header: '收文编号', width: 18, value: (r) => r.receiptNumber },
    { header: '收文日期', width: 12, value: (r) => r.receivedOn },
    { header: '来文单位', width: 24, value: (r) => unitName(reg, r.doc.fromUnitId) },
    { header: '来文字号', width: 20, value: (r) => r.doc.senderNumber ?? '' },
    { header: '文种', width: 8, value: (r) => DOCUMENT_KIND_LABELS[r.doc.kind] },
    { header: '标题', width: 50, value: (r) => r.doc.title },
    { header: '密级', width: 10, value: classificationText },
    { header: '紧急程度', width: 8, value: (r) => (r.doc.urgency === undefined ? '' : URGENCY_LABELS[r.doc.urgency]) },
    { header: '份数', width: 6, value: (r) => r.copies },
    { header: '主送', width: 14, value: (r) => addresseeText(r.doc, reg) },
    { header: '呈批领导', width: 10, value: (r) => (r.doc.routing === undefined ? '' : personName(reg, r.doc.routing.leaderId)) },
    { header: '状态', width: 8, value: (r) => INCOMING_STATE_LABELS[r.state] },
    { header: '办结日期', width: 12, value: (r) => r.doc.completedOn ?? '' },
    { header: '保管期限', width: 10, value: (r) => (r.retention === undefined ? '' : RETENTION_LABELS[r.retention]) },
  ];
}

/** "收文登记簿（2026年，请示）" for the export file. */
export function exportFileName(f: RegisterFilters, today: IsoDate): string {
  const parts = [
    f.year === undefined ? undefined : `${f.year}年`,
    f.kind === undefined ? undefined : DOCUMENT_KIND_LABELS[f.kind],
    f.classification === undefined ? undefined : f.classification === 'none' ? '非涉密' : CLASSIFICATION_LABELS[f.classification],
    f.state === undefined ? undefined : INCOMING_STATE_LABELS[f.state],
  ].filter((p): p is string => p !== undefined);
  return `收文登记簿${parts.length === 0 ? '' : `（${parts.join('，')}）`}-${today}.xlsx`;
}

export const currentYear = (today: IsoDate): number => yearOf(today);

/** People to pick as 传阅 readers: the government's leaders first, then everyone else. */
export function readerOptions(reg: Registry, leaders: readonly PersonId[]) {
  const rest = reg.people.filter((p) => !leaders.includes(p.id));
  return [
    { label: '区政府领导', options: leaders.map((p) => ({ value: p as string, label: personName(reg, p) })) },
    { label: '其他人员', options: rest.map((p) => ({ value: p.id as string, label: p.name })) },
  ];
}

/** The override reason for the store (it goes into the audit context), with the rules it overrode. */
export function overrideReason(reason: string | undefined, findings: readonly Finding[]): string | undefined {
  if (reason === undefined || reason.trim() === '') return undefined;
  const rules = [...new Set(findings.filter((f) => f.severity === 'warn').map((f) => f.ruleId))];
  return rules.length === 0 ? reason.trim() : `${reason.trim()}；所涉提示：${rules.join('、')}`;
}
