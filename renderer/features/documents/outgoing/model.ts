/**
 * Pure functions behind the 发文 screens: the register's filters, sort and export columns, the 拟稿 wizard's
 * draft and how it becomes an `OutgoingRecord`, deadline countdowns, and the signer choices a step offers.
 * The rules are the engine's (shared/domain/documents); this module only shapes data for them.
 */
import { daysBetween, type IsoDate } from '../../../../shared/calendar/iso-date';
import {
  checkNecessity,
  CLASSIFICATION_LABELS,
  DOCUMENT_DIRECTION_LABELS,
  DOCUMENT_KIND_LABELS,
  ISSUER_KIND_LABELS,
  OUTGOING_STATE_LABELS,
  outgoingStateOf,
  registerYear,
  suggestedDirection,
  type BodyParagraph,
  type Classification,
  type CounterpartSignerPost,
  type DocumentDirection,
  type DocumentKind,
  type Issuer,
  type IssuerKind,
  type NecessityAnswers,
  type OutgoingDocument,
  type OutgoingRecord,
  type OutgoingState,
  type RecipientLevel,
  type Recipient,
  type ReservedContent,
  type SigningSlot,
  type Urgency,
} from '../../../../shared/domain/documents';
import type { Finding } from '../../../../shared/domain/findings';
import { documentId, personId, unitId, type PersonId } from '../../../../shared/domain/ids';
import { personName, unitName, type Registry } from '../../../../shared/domain/registry';
import type { XlsxColumn } from '../../../ui/xlsx';

// ---------------------------------------------------------------------------------------------------------
// Register.

export interface OutgoingFilters {
  readonly year?: number;
  readonly kind?: DocumentKind;
  readonly issuer?: IssuerKind;
  /** 'none' = not classified. */
  readonly classification?: Classification | 'none';
  readonly state?: OutgoingState;
}

export function filterOutgoing(records: readonly OutgoingRecord[], f: OutgoingFilters): OutgoingRecord[] {
  return records.filter(
    (r) =>
      (f.year === undefined || registerYear(r) === f.year) &&
      (f.kind === undefined || r.doc.kind === f.kind) &&
      (f.issuer === undefined || r.doc.issuer.kind === f.issuer) &&
      (f.classification === undefined || (r.doc.classification?.level ?? 'none') === f.classification) &&
      (f.state === undefined || outgoingStateOf(r) === f.state),
  );
}

export type SortKey = 'createdOn' | 'number' | 'title' | 'kind' | 'state';

/** 文号 sort is by year then serial, so 崆政发〔2026〕10号 follows 9号. */
function numberKey(r: OutgoingRecord): string {
  const m = /〔(\d{4})〕(\d+)号/.exec(r.doc.documentNumber ?? '');
  return m ? `${m[1]}-${(m[2] ?? '').padStart(6, '0')}-${r.doc.documentNumber ?? ''}` : '';
}

export function sortOutgoing(
  records: readonly OutgoingRecord[],
  key: SortKey,
  desc: boolean,
): OutgoingRecord[] {
  const value = (r: OutgoingRecord): string => {
    switch (key) {
      case 'createdOn':
        return r.createdOn;
      case 'number':
        return numberKey(r);
      case 'title':
        return r.doc.title;
      case 'kind':
        return DOCUMENT_KIND_LABELS[r.doc.kind];
      case 'state':
        return String(OUTGOING_STATE_ORDER.indexOf(outgoingStateOf(r)));
      default: {
        const never: never = key;
        return never;
      }
    }
  };
  const sorted = [...records].sort(
    (a, b) => value(a).localeCompare(value(b), 'zh') || a.doc.id.localeCompare(b.doc.id),
  );
  return desc ? sorted.reverse() : sorted;
}

const OUTGOING_STATE_ORDER: readonly OutgoingState[] = [
  'drafting',
  'signed',
  'numbered',
  'printed',
  'sealed',
  'distributed',
  'archived',
];

export const classificationText = (r: OutgoingRecord): string =>
  r.doc.classification === undefined ? '' : CLASSIFICATION_LABELS[r.doc.classification.level];

export function signersText(r: OutgoingRecord, reg: Registry): string {
  return (r.doc.signatures ?? [])
    .map(
      (s) =>
        `${personName(reg, s.personId)}${s.actingForId ? `（代${personName(reg, s.actingForId)}）` : ''}${s.role === 'countersign' ? '会签' : '签发'}`,
    )
    .join('、');
}

export function registerColumns(reg: Registry): XlsxColumn<OutgoingRecord>[] {
  return [
    { header: '文号', width: 22, value: (r) => r.doc.documentNumber ?? '' },
    { header: '标题', width: 48, value: (r) => r.doc.title },
    { header: '文种', width: 8, value: (r) => DOCUMENT_KIND_LABELS[r.doc.kind] },
    { header: '发文机关', width: 24, value: (r) => ISSUER_KIND_LABELS[r.doc.issuer.kind] },
    { header: '行文方向', width: 10, value: (r) => DOCUMENT_DIRECTION_LABELS[r.doc.flow] },
    { header: '密级', width: 8, value: classificationText },
    { header: '主送', width: 30, value: (r) => r.mainRecipients.map((x) => x.name).join('、') },
    { header: '签发', width: 24, value: (r) => signersText(r, reg) },
    { header: '拟稿日期', width: 12, value: (r) => r.createdOn },
    { header: '印制日期', width: 12, value: (r) => r.doc.print?.date ?? '' },
    { header: '状态', width: 10, value: (r) => OUTGOING_STATE_LABELS[outgoingStateOf(r)] },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// The 拟稿 wizard.

export type NecessityKey = Exclude<keyof NecessityAnswers, 'answeredBy' | 'answeredOn'>;

export interface NewOutgoingDraft {
  readonly necessity: Partial<Record<NecessityKey, boolean>>;
  readonly kind?: DocumentKind;
  readonly issuerKind?: IssuerKind;
  readonly counterpartName?: string;
  readonly counterpartSignerPost?: CounterpartSignerPost;
  readonly recipientLevel?: RecipientLevel;
  readonly flow?: DocumentDirection;
  readonly draftingUnitId?: string;
  readonly responsibleDeputyId?: string;
  readonly reservedContent?: ReservedContent;
  readonly mainRecipientIds: readonly string[];
  readonly ccRecipientIds: readonly string[];
  readonly classification?: Classification;
  readonly classificationYears?: number;
  readonly urgency?: Urgency;
  readonly normative?: boolean;
  readonly meetingDate?: string;
  readonly majorRevisions?: boolean;
  readonly title: string;
  readonly body: readonly BodyParagraph[];
}

export const EMPTY_OUTGOING_DRAFT: NewOutgoingDraft = {
  necessity: {},
  mainRecipientIds: [],
  ccRecipientIds: [],
  title: '',
  body: [{ level: 0, text: '' }],
};

/** The kinds the wizard offers first (the rest are under “其他文种”). */
export const COMMON_KINDS: readonly DocumentKind[] = [
  'notice',
  'request',
  'report',
  'letter',
  'minutes',
  'decision',
  'opinion',
  'reply',
];

export function issuerOf(d: NewOutgoingDraft): Issuer | undefined {
  switch (d.issuerKind) {
    case undefined:
      return undefined;
    case 'governmentWithPeer':
      return {
        kind: 'governmentWithPeer',
        counterpartName: d.counterpartName ?? '',
        counterpartSignerPost: d.counterpartSignerPost ?? 'governmentHead',
      };
    case 'government':
    case 'governmentOffice':
    case 'partyAndGovernment':
    case 'partyOfficeAndGovernmentOffice':
      return { kind: d.issuerKind };
    default: {
      const never: never = d.issuerKind;
      return never;
    }
  }
}

/** The direction the draft will be stored with: chosen, or suggested by kind and recipient. */
export function flowOf(d: NewOutgoingDraft): DocumentDirection | undefined {
  if (d.flow !== undefined) return d.flow;
  if (d.kind === undefined || d.recipientLevel === undefined) return undefined;
  return suggestedDirection(d.kind, d.recipientLevel);
}

/** Registry units by id; anything else typed in (a city body not in the registry) is kept as a name. */
export const recipientsOf = (ids: readonly string[], reg: Registry): Recipient[] =>
  ids.map((id) =>
    reg.units.some((u) => u.id === id)
      ? { unitId: unitId(id), name: unitName(reg, unitId(id)) }
      : { name: id.trim() },
  );

/** The document the draft describes so far (for the rules' checks while typing). */
export function draftDocument(
  d: NewOutgoingDraft,
  id: string,
  today: IsoDate,
  answeredBy?: PersonId,
): OutgoingDocument {
  const issuer = issuerOf(d) ?? { kind: 'government' as const };
  return {
    id: documentId(id),
    direction: 'outgoing',
    title: d.title.trim() === '' ? '（未填写标题）' : d.title.trim(),
    kind: d.kind ?? 'notice',
    issuer,
    flow: flowOf(d) ?? 'downward',
    ...(d.recipientLevel ? { recipientLevel: d.recipientLevel } : {}),
    ...(d.draftingUnitId ? { draftingUnitId: unitId(d.draftingUnitId) } : {}),
    ...(d.responsibleDeputyId ? { responsibleDeputyId: personId(d.responsibleDeputyId) } : {}),
    ...(d.reservedContent ? { reservedContent: d.reservedContent } : {}),
    ...(d.classification
      ? {
          classification: {
            level: d.classification,
            ...(d.classificationYears ? { years: d.classificationYears } : {}),
          },
        }
      : {}),
    ...(d.urgency ? { urgency: d.urgency } : {}),
    ...(d.normative ? { normative: true } : {}),
    ...(d.meetingDate
      ? {
          origin: {
            meetingDate: d.meetingDate as IsoDate,
            ...(d.majorRevisions ? { majorRevisions: true } : {}),
          },
        }
      : {}),
    necessity: { ...d.necessity, ...(answeredBy ? { answeredBy } : {}), answeredOn: today },
  };
}

/** The art. 52 answers' findings: a block means no document is to be drafted. */
export function necessityFindings(d: NewOutgoingDraft, today: IsoDate): Finding[] {
  return checkNecessity(draftDocument(d, 'new', today));
}

/** What is still missing before the draft can be registered, in the wizard's words. */
export function missingFields(d: NewOutgoingDraft): string[] {
  const out: string[] = [];
  if (d.kind === undefined) out.push('文种');
  if (d.issuerKind === undefined) out.push('发文机关');
  if (d.issuerKind === 'governmentWithPeer' && (d.counterpartName ?? '').trim() === '')
    out.push('联合行文单位');
  if (flowOf(d) === undefined) out.push('行文方向（或主送机关层级）');
  if (d.draftingUnitId === undefined && d.responsibleDeputyId === undefined) out.push('主办单位');
  if (d.mainRecipientIds.length === 0) out.push('主送机关');
  if (d.title.trim() === '') out.push('标题');
  if (d.body.every((p) => p.text.trim() === '')) out.push('正文');
  return out;
}

export function recordOfDraft(
  d: NewOutgoingDraft,
  reg: Registry,
  id: string,
  today: IsoDate,
  savedAt: string,
  savedBy: string,
): OutgoingRecord {
  const doc = draftDocument(d, id, today);
  return {
    doc,
    createdOn: today,
    mainRecipients: recipientsOf(d.mainRecipientIds, reg),
    ccRecipients: recipientsOf(d.ccRecipientIds, reg),
    versions: [
      {
        version: 1,
        savedAt,
        savedBy,
        title: doc.title,
        body: d.body.filter((p) => p.text.trim() !== ''),
      },
    ],
    deliveries: [],
    tasks: [],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Deadlines and signers.

export type Countdown =
  | { readonly kind: 'done'; readonly text: string }
  | { readonly kind: 'overdue' | 'today' | 'due'; readonly text: string };

/** "还剩 3 天（2026-03-09 前）", "今天到期", "已逾期 2 天". */
export function countdown(due: IsoDate, today: IsoDate, doneOn?: IsoDate): Countdown {
  if (doneOn !== undefined) {
    return { kind: 'done', text: doneOn <= due ? `已于 ${doneOn} 完成` : `已于 ${doneOn} 完成（逾期）` };
  }
  const left = daysBetween(today, due);
  if (left < 0) return { kind: 'overdue', text: `已逾期 ${-left} 天（应于 ${due} 前）` };
  if (left === 0) return { kind: 'today', text: `今天到期（${due}）` };
  return { kind: 'due', text: `还剩 ${left} 天（${due} 前）` };
}

export interface SignerOption {
  readonly personId: PersonId;
  readonly actingForId?: PersonId;
  readonly label: string;
}

/**
 * Who the signer picker offers: the people of the required slots (with "代" pre-set for an acting person),
 * then every other government leader, so a clerk can record what happened and the rules refuse it.
 */
export function signerOptions(
  slots: readonly SigningSlot[],
  reg: Registry,
  leaders: readonly PersonId[],
): SignerOption[] {
  const out: SignerOption[] = [];
  for (const s of slots) {
    if (s.personId === undefined) continue;
    const acting = s.acting !== undefined && s.personId !== s.nominalId;
    out.push({
      personId: s.personId,
      ...(acting && s.nominalId ? { actingForId: s.nominalId } : {}),
      label:
        acting && s.nominalId
          ? `${personName(reg, s.personId)}（代${personName(reg, s.nominalId)}）`
          : personName(reg, s.personId),
    });
  }
  for (const p of leaders) {
    if (!out.some((o) => o.personId === p)) out.push({ personId: p, label: personName(reg, p) });
  }
  return out;
}
