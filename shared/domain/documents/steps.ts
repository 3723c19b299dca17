/**
 * The step-check API the UI calls before every step of a document: it gathers what every rule says about that
 * step. `block` disables the step, `warn` asks for a reason, `info` is shown.
 */
import { yearOf, type IsoDate } from '../../calendar/iso-date';
import { finding, type Finding, type SubjectRef } from '../findings';
import { personName, type Registry } from '../registry';
import type { WorkingDays } from '../working-days';
import {
  checkFiling,
  checkNormativeLegality,
  checkPrint,
  checkPublication,
  checkSeal,
  DEFAULT_DOCUMENT_SETTINGS,
  signedOn,
  type DocumentSettings,
} from './deadlines';
import {
  checkCrossDepartmentRequest,
  checkIncomingAddressing,
  checkInstruction,
  checkRoutingRecord,
  checkSameDay,
  routeIncoming,
} from './incoming';
import {
  DOCUMENT_DIRECTION_LABELS,
  DOCUMENT_KIND_LABELS,
  RESERVED_CONTENT_LABELS,
  reservedContentOf,
  REVIEW_ROLE_LABELS,
  suggestedDirection,
  unhandledDocumentCase,
  type DocumentSignature,
  type IncomingDocument,
  type LeaderInstruction,
  type OfficialDocument,
  type OutgoingDocument,
} from './model';
import { checkNecessity } from './necessity';
import { DEFAULT_NUMBER_PATTERNS, nextDocumentNumber, parseDocumentNumber } from './numbering';
import { checkSignature, requiredSigning, resolveSlot, type SigningPost } from './signing';

export const OUTGOING_STEPS = ['draft', 'review', 'countersign', 'sign', 'number', 'print', 'seal', 'publish', 'file'] as const;
export type OutgoingStep = (typeof OUTGOING_STEPS)[number];

export const INCOMING_STEPS = ['register', 'route', 'instruct', 'circulate', 'assign', 'complete', 'archive'] as const;
export type IncomingStep = (typeof INCOMING_STEPS)[number];

export type DocumentStep = OutgoingStep | IncomingStep;

export const DOCUMENT_STEP_LABELS: Readonly<Record<DocumentStep, string>> = {
  draft: '起草',
  review: '审核',
  countersign: '会签',
  sign: '签发',
  number: '编号',
  print: '印制',
  seal: '用印',
  publish: '公开',
  file: '备案',
  register: '登记',
  route: '呈批',
  instruct: '批示',
  circulate: '传阅',
  assign: '交办',
  complete: '办结',
  archive: '归档',
};

export interface DocumentStepContext {
  readonly registry: Registry;
  readonly calendar: WorkingDays;
  /** Today (the day the step is taken). */
  readonly date: IsoDate;
  readonly settings?: DocumentSettings;
  /** The signature about to be recorded (sign / countersign); else the recorded ones are checked. */
  readonly signature?: DocumentSignature;
  /** The instruction about to be recorded; else the recorded ones are checked. */
  readonly instruction?: LeaderInstruction;
  /** Numbers already used with this document's pattern (other documents), and the pattern if not the default. */
  readonly numbering?: { readonly used: readonly string[]; readonly pattern?: string };
}

/** What the rules say about taking `step` on `doc` now. Throws on a step of the other direction (a bug). */
export function checkDocumentStep(doc: OfficialDocument, step: DocumentStep, ctx: DocumentStepContext): Finding[] {
  if (doc.direction === 'outgoing') {
    if (!isOutgoingStep(step)) throw new Error(`发文没有“${DOCUMENT_STEP_LABELS[step]}”环节`);
    return checkOutgoingStep(doc, step, ctx);
  }
  if (isOutgoingStep(step)) throw new Error(`收文没有“${DOCUMENT_STEP_LABELS[step]}”环节`);
  return checkIncomingStep(doc, step, ctx);
}

function isOutgoingStep(step: DocumentStep): step is OutgoingStep {
  return (OUTGOING_STEPS as readonly string[]).includes(step);
}

const subjectOf = (doc: OfficialDocument): SubjectRef => ({ kind: 'document', id: doc.id });

export function checkOutgoingStep(doc: OutgoingDocument, step: OutgoingStep, ctx: DocumentStepContext): Finding[] {
  const { registry: reg, calendar: cal, date } = ctx;
  const settings = ctx.settings ?? DEFAULT_DOCUMENT_SETTINGS;
  switch (step) {
    case 'draft':
      return [...checkNecessity(doc), ...checkDraftShape(doc)];
    case 'review':
      return [...checkNecessity(doc), ...checkReviewers(doc, reg)];
    case 'countersign':
    case 'sign': {
      const role = step === 'sign' ? 'sign' : 'countersign';
      const proposed = ctx.signature === undefined ? [] : [ctx.signature];
      const recorded = (doc.signatures ?? []).filter((s) => s.role === role);
      const toCheck = proposed.length > 0 ? proposed : recorded;
      const asOf = toCheck[0]?.date ?? date;
      const req = requiredSigning(doc, reg, asOf);
      const base = [...checkNecessity(doc), ...checkNormativeLegality(doc, asOf), ...req.gaps];
      if (toCheck.length === 0) {
        const slots = role === 'sign' ? req.signers : req.countersigners;
        const who = slots.map((s) => s.label).join('、');
        return [
          ...base,
          finding(
            'document.sign.missing',
            req.articles,
            slots.length === 0 ? 'info' : 'block',
            subjectOf(doc),
            slots.length === 0
              ? `本文区政府一方无需${DOCUMENT_STEP_LABELS[step]}。${req.reason}。`
              : `尚未登记${DOCUMENT_STEP_LABELS[step]}，应由${who}${DOCUMENT_STEP_LABELS[step]}。${req.reason}。`,
          ),
        ];
      }
      return [...base, ...toCheck.flatMap((s) => checkSignature(doc, { ...s, role }, reg, date))];
    }
    case 'number':
      return checkNumber(doc, ctx);
    case 'print':
      return checkPrint(doc, cal, date);
    case 'seal':
      return checkSeal(doc, date);
    case 'publish':
      return checkPublication(doc, cal, date);
    case 'file':
      return doc.normative === true
        ? checkFiling(doc, date, settings)
        : [finding('document.filing.notNormative', [19], 'info', subjectOf(doc), '本文不是规范性文件，无需备案审查。')];
    default:
      return unhandledDocumentCase(step);
  }
}

/** Stored direction vs the kind; art. 51 content issued by the government. */
function checkDraftShape(doc: OutgoingDocument): Finding[] {
  const out: Finding[] = [];
  if (doc.recipientLevel !== undefined) {
    const suggested = suggestedDirection(doc.kind, doc.recipientLevel);
    if (suggested !== doc.flow) {
      out.push(
        finding(
          'document.flow.mismatch',
          [52],
          'warn',
          subjectOf(doc),
          `${DOCUMENT_KIND_LABELS[doc.kind]}报送${doc.recipientLevel === 'superior' ? '上级' : doc.recipientLevel === 'peer' ? '平级' : '下级'}，通常是${DOCUMENT_DIRECTION_LABELS[suggested]}，但登记为${DOCUMENT_DIRECTION_LABELS[doc.flow]}。行文方向决定签发人，请核对。`,
        ),
      );
    }
  }
  const content = reservedContentOf(doc);
  if (content !== undefined && doc.issuer.kind !== 'government') {
    out.push(
      finding(
        'document.reserved.issuer',
        [51],
        'warn',
        subjectOf(doc),
        `${RESERVED_CONTENT_LABELS[content]}应以区政府名义制发并由区长签署，请核对发文机关。`,
      ),
    );
  }
  return out;
}

const POST_OF_ROLE: Readonly<Record<'officeDirector' | 'responsibleDeputy', SigningPost>> = {
  officeDirector: 'officeDirector',
  responsibleDeputy: 'responsibleDeputy',
};

/** Each recorded 审核 by an office director or deputy is by the right person on its date (art. 52). */
function checkReviewers(doc: OutgoingDocument, reg: Registry): Finding[] {
  return (doc.reviews ?? []).flatMap((r): Finding[] => {
    if (r.role === 'verification') return [];
    const slot = resolveSlot(POST_OF_ROLE[r.role], doc, reg, r.date, []);
    if (slot.personId === r.personId || slot.nominalId === r.personId) return [];
    return [
      finding(
        'document.review.authority',
        [52],
        'block',
        subjectOf(doc),
        `${REVIEW_ROLE_LABELS[r.role]}应由${slot.label}办理，登记的审核人不符，请核对。`,
      ),
    ];
  });
}

function checkNumber(doc: OutgoingDocument, ctx: DocumentStepContext): Finding[] {
  const subject = subjectOf(doc);
  if (signedOn(doc) === undefined) {
    return [finding('document.number.unsigned', [54], 'block', subject, '文件尚未签发，不能编发文号。请先完成签发。')];
  }
  const value = doc.documentNumber;
  if (value === undefined) return [];
  const pattern = ctx.numbering?.pattern ?? DEFAULT_NUMBER_PATTERNS[doc.issuer.kind];
  const used = ctx.numbering?.used ?? [];
  const parsed = parseDocumentNumber(pattern, value);
  const example = pattern.replace('{year}', String(yearOf(ctx.date))).replace('{n}', '1');
  if (parsed === undefined) {
    return [finding('document.number.format', [54], 'block', subject, `文号“${value}”不符合格式，应形如“${example}”。`)];
  }
  if (used.includes(value)) {
    return [finding('document.number.duplicate', [54], 'block', subject, `文号“${value}”已被使用，请改用下一个文号。`)];
  }
  const state = nextDocumentNumber(pattern, parsed.year, used);
  if (parsed.serial > state.serial) {
    return [
      finding(
        'document.number.gap',
        [54],
        'warn',
        subject,
        `文号“${value}”跳过了未使用的文号，下一个应为“${state.next}”。请核对，避免跳号。`,
      ),
    ];
  }
  return [];
}

export function checkIncomingStep(doc: IncomingDocument, step: IncomingStep, ctx: DocumentStepContext): Finding[] {
  const { registry: reg, calendar: cal, date } = ctx;
  const subject = subjectOf(doc);
  switch (step) {
    case 'register':
      return [...checkIncomingAddressing(doc, reg), ...checkCrossDepartmentRequest(doc, reg)];
    case 'route': {
      const routed = doc.routing === undefined ? [...routeIncoming(doc, reg, date).findings] : checkRoutingRecord(doc, reg);
      // Art. 54 lists 拟办 between 登记 and 呈批: the leader sees the office's proposal with the document.
      const proposal =
        doc.proposal === undefined
          ? [finding('incoming.route.noProposal', [54], 'warn', subject, '呈批前请填写拟办意见（建议由哪位领导批示、哪个单位办理）。')]
          : [];
      return [...proposal, ...routed];
    }
    case 'instruct': {
      const list = ctx.instruction === undefined ? (doc.instructions ?? []) : [ctx.instruction];
      const withNew = ctx.instruction === undefined ? doc : { ...doc, instructions: [...(doc.instructions ?? []), ctx.instruction] };
      return [...list.flatMap((i) => checkInstruction(doc, i, reg)), ...checkSameDay(withNew, reg, cal, date)];
    }
    case 'circulate':
    case 'assign': {
      const out: Finding[] = [];
      if ((doc.instructions ?? []).length === 0) {
        out.push(
          finding(
            `incoming.${step}.noInstruction`,
            [54],
            'block',
            subject,
            `领导尚未批示，不能${DOCUMENT_STEP_LABELS[step]}。请先呈批并登记批示意见。`,
          ),
        );
      }
      if (step === 'assign') {
        const bad = (doc.assignments ?? []).filter((a) => a.due < a.assignedOn);
        if (bad.length > 0) {
          out.push(
            finding('incoming.assign.dueBeforeAssigned', [54], 'block', subject, '交办的办理期限早于交办日期，请核对。'),
          );
        }
      }
      return out;
    }
    case 'complete': {
      const open = (doc.assignments ?? []).filter((a) => a.doneOn === undefined);
      const unread = (doc.circulation ?? []).filter((c) => c.readOn === undefined);
      return [
        ...(open.length === 0
          ? []
          : [
              finding(
                'incoming.complete.openAssignments',
                [54],
                'block',
                subject,
                `仍有 ${open.length} 项交办事项未办结，不能办结本件。`,
              ),
            ]),
        ...(unread.length === 0
          ? []
          : [
              finding(
                'incoming.complete.unread',
                [54],
                'warn',
                subject,
                `传阅尚未结束：${unread.map((c) => personName(reg, c.personId)).join('、')}未阅。请催阅后再办结。`,
              ),
            ]),
      ];
    }
    case 'archive':
      return doc.completedOn === undefined
        ? [finding('incoming.archive.notComplete', [54], 'block', subject, '本件尚未办结，不能归档。')]
        : [];
    default:
      return unhandledDocumentCase(step);
  }
}
