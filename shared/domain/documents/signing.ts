/**
 * Who signs (签发), reviews (审核) and countersigns (会签) an outgoing document: the whole matrix of arts. 51–52,
 * with art. 9 acting ("代") applied as of the signing date. docs/signing-matrix.md describes the same table.
 */
import type { IsoDate } from '../../calendar/iso-date';
import { finding, type Finding, type SubjectRef } from '../findings';
import type { PersonId } from '../ids';
import {
  actingFor,
  districtHeadOn,
  isAway,
  officeDirectorOn,
  personName,
  responsibleDeputyOn,
  type Acting,
  type Registry,
} from '../registry';
import {
  COUNTERPART_SIGNER_POST_LABELS,
  DOCUMENT_DIRECTION_LABELS,
  RESERVED_CONTENT_LABELS,
  reservedContentOf,
  REVIEW_ROLE_LABELS,
  unhandledDocumentCase,
  type DocumentSignature,
  type EscalationTarget,
  type OutgoingDocument,
  type ReviewRole,
} from './model';

/** The rows of the matrix (docs/signing-matrix.md). */
export type SigningRow =
  | 'art51Reserved'
  | 'meetingMinutes'
  | 'governmentUpward'
  | 'governmentParallelOrDownward'
  | 'partyAndGovernmentJoint'
  | 'governmentWithPeerJoint'
  | 'governmentOffice'
  | 'partyOfficeAndGovernmentOfficeJoint';

export const SIGNING_ROW_LABELS: Readonly<Record<SigningRow, string>> = {
  art51Reserved: '议案、规章、命令、人事任免',
  meetingMinutes: '区政府会议纪要',
  governmentUpward: '以区政府名义制发的上行文',
  governmentParallelOrDownward: '以区政府名义制发的平行文、下行文',
  partyAndGovernmentJoint: '区委、区政府联合发文',
  governmentWithPeerJoint: '区政府和其他县（区）政府或市直部门联合行文',
  governmentOffice: '以区政府办公室名义发文',
  partyOfficeAndGovernmentOfficeJoint: '区委办公室、区政府办公室联合发文',
};

export type SigningPost = 'districtHead' | 'responsibleDeputy' | 'officeDirector';

export const SIGNING_POST_LABELS: Readonly<Record<SigningPost, string>> = {
  districtHead: '区长',
  responsibleDeputy: '分管副区长',
  officeDirector: '区政府办公室主任',
};

/** One place in the chain, resolved as of a date. */
export interface SigningSlot {
  readonly post: SigningPost;
  /** Who holds the post (or is in charge) on the date. */
  readonly nominalId?: PersonId;
  /** Who actually acts on the date: the nominal person, or whoever acts for them (art. 9). */
  readonly personId?: PersonId;
  readonly acting?: Acting;
  /** "分管副区长王五（代：常务副区长李四）" */
  readonly label: string;
}

export interface SigningRequirement {
  readonly row: SigningRow;
  readonly signers: readonly SigningSlot[];
  /** In order: each reviews before the next and before signing. */
  readonly reviewers: readonly SigningSlot[];
  readonly countersigners: readonly SigningSlot[];
  /** A 副区长 signing a joint document with a peer reports to the 区长 first (art. 52). */
  readonly reportFirstTo?: SigningSlot;
  /** Who may also act "when necessary" (如有必要) once the escalation is recorded. */
  readonly whenNecessary: readonly EscalationTarget[];
  readonly articles: readonly number[];
  /** Chinese, shown to the clerk. */
  readonly reason: string;
  /** Posts nobody fills on the date, or an absent holder without a stand-in: the chain cannot complete. */
  readonly gaps: readonly Finding[];
}

const subjectOf = (doc: OutgoingDocument): SubjectRef => ({ kind: 'document', id: doc.id });

function responsibleDeputyFor(doc: OutgoingDocument, reg: Registry, date: IsoDate): PersonId | undefined {
  if (doc.responsibleDeputyId !== undefined) return doc.responsibleDeputyId;
  return doc.draftingUnitId === undefined ? undefined : responsibleDeputyOn(reg, doc.draftingUnitId, date);
}

function nominalFor(post: SigningPost, doc: OutgoingDocument, reg: Registry, date: IsoDate): PersonId | undefined {
  switch (post) {
    case 'districtHead':
      return districtHeadOn(reg, date);
    case 'responsibleDeputy':
      return responsibleDeputyFor(doc, reg, date);
    case 'officeDirector':
      return officeDirectorOn(reg, date);
    default:
      return unhandledDocumentCase(post);
  }
}

/** Resolves a post to a person on `date`, applying art. 9 acting; records a gap when it cannot. */
export function resolveSlot(
  post: SigningPost,
  doc: OutgoingDocument,
  reg: Registry,
  date: IsoDate,
  gaps: Finding[],
): SigningSlot {
  const label = SIGNING_POST_LABELS[post];
  const nominalId = nominalFor(post, doc, reg, date);
  if (nominalId === undefined) {
    gaps.push(
      finding(
        'document.sign.postVacant',
        post === 'responsibleDeputy' ? [8, 52] : [52],
        'block',
        subjectOf(doc),
        post === 'responsibleDeputy'
          ? '无法确定分管副区长：请在发文稿上填写主办单位，或在“人员与分工”中为该单位登记分管副区长。'
          : `${date} 没有登记在任的${label}，请先在“人员与分工”中补录任职记录。`,
      ),
    );
    return { post, label: `${label}（未确定）` };
  }
  const nominalName = personName(reg, nominalId);
  if (!isAway(reg, nominalId, date)) return { post, nominalId, personId: nominalId, label: `${label}${nominalName}` };
  const acting = actingFor(reg, nominalId, date);
  if (acting === undefined) {
    gaps.push(
      finding(
        'document.sign.noActing',
        [9],
        'warn',
        subjectOf(doc),
        `${label}${nominalName}于 ${date} 外出，且没有登记代管人。请补录代管安排，或待其返回后办理。`,
      ),
    );
    return { post, nominalId, personId: nominalId, label: `${label}${nominalName}（外出）` };
  }
  return {
    post,
    nominalId,
    personId: acting.actingId,
    acting,
    label: `${label}${nominalName}（外出，由${personName(reg, acting.actingId)}代）`,
  };
}

interface RowShape {
  readonly signers: readonly SigningPost[];
  readonly reviewers: readonly SigningPost[];
  readonly countersigners: readonly SigningPost[];
  readonly reportFirst: boolean;
  readonly whenNecessary: readonly EscalationTarget[];
  readonly articles: readonly number[];
  readonly reason: string;
}

/** Which matrix row a document falls in. Art. 51 content wins over the issuer form. */
export function signingRowOf(doc: OutgoingDocument): SigningRow {
  if (reservedContentOf(doc) !== undefined) return 'art51Reserved';
  const issuer = doc.issuer;
  // Art. 47 governs minutes of the government's meetings ahead of the general art. 52 rows.
  if (doc.kind === 'minutes' && (issuer.kind === 'government' || issuer.kind === 'governmentOffice')) {
    return 'meetingMinutes';
  }
  switch (issuer.kind) {
    case 'government':
      return doc.flow === 'upward' ? 'governmentUpward' : 'governmentParallelOrDownward';
    case 'governmentOffice':
      return 'governmentOffice';
    case 'partyAndGovernment':
      return 'partyAndGovernmentJoint';
    case 'governmentWithPeer':
      return 'governmentWithPeerJoint';
    case 'partyOfficeAndGovernmentOffice':
      return 'partyOfficeAndGovernmentOfficeJoint';
    default:
      return unhandledDocumentCase(issuer);
  }
}

function shapeOf(doc: OutgoingDocument, row: SigningRow): RowShape {
  const escalated = doc.escalation?.to;
  switch (row) {
    case 'art51Reserved': {
      const content = reservedContentOf(doc);
      return {
        signers: ['districtHead'],
        reviewers: [],
        countersigners: [],
        reportFirst: false,
        whenNecessary: [],
        articles: [51],
        reason: `${content === undefined ? '' : RESERVED_CONTENT_LABELS[content]}由区长签署（第五十一条）`,
      };
    }
    case 'meetingMinutes':
      // Chaired by the 区长 → he signs; chaired by a 副区长 → "报区长签发": the 区长 either way.
      return {
        signers: ['districtHead'],
        reviewers: [],
        countersigners: [],
        reportFirst: false,
        whenNecessary: [],
        articles: [47],
        reason: '会议纪要由会议主持人签发；会议主持人是副区长的，报区长签发（第四十七条）',
      };
    case 'governmentUpward':
      return {
        signers: ['districtHead'],
        reviewers: ['officeDirector', 'responsibleDeputy'],
        countersigners: [],
        reportFirst: false,
        whenNecessary: [],
        articles: [52],
        reason: '以区政府名义制发的上行文，经区政府办公室主任、分管副区长审核后，由区长签发（第五十二条）',
      };
    case 'governmentParallelOrDownward':
      return escalated === 'districtHead'
        ? {
            signers: ['districtHead'],
            reviewers: ['responsibleDeputy'],
            countersigners: [],
            reportFirst: false,
            whenNecessary: [],
            articles: [52],
            reason: `以区政府名义制发的${DOCUMENT_DIRECTION_LABELS[doc.flow]}，已注明有必要报区长签发：分管副区长审核后由区长签发（第五十二条）`,
          }
        : {
            signers: ['responsibleDeputy'],
            reviewers: [],
            countersigners: [],
            reportFirst: false,
            whenNecessary: ['districtHead'],
            articles: [52],
            reason: `以区政府名义制发的${DOCUMENT_DIRECTION_LABELS[doc.flow]}，由分管副区长签发；如有必要，报区长签发（第五十二条）`,
          };
    case 'partyAndGovernmentJoint':
      return {
        signers: [],
        reviewers: ['responsibleDeputy'],
        countersigners: ['districtHead'],
        reportFirst: false,
        whenNecessary: [],
        articles: [52],
        reason: '区委、区政府联合发文，由分管副区长审核后报区长会签（第五十二条）',
      };
    case 'governmentWithPeerJoint': {
      const issuer = doc.issuer;
      const post = issuer.kind === 'governmentWithPeer' ? issuer.counterpartSignerPost : 'governmentHead';
      const head = post === 'governmentHead';
      const counterpart = issuer.kind === 'governmentWithPeer' ? issuer.counterpartName : '联合方';
      return {
        signers: [head ? 'districtHead' : 'responsibleDeputy'],
        reviewers: [],
        countersigners: [],
        reportFirst: !head,
        whenNecessary: [],
        articles: [52],
        reason: head
          ? `与${counterpart}联合行文，联合方由${COUNTERPART_SIGNER_POST_LABELS[post]}签发，对应由区长签发（第五十二条）`
          : `与${counterpart}联合行文，联合方由${COUNTERPART_SIGNER_POST_LABELS[post]}签发，对应由分管副区长签发，且须事前报告区长（第五十二条）`,
      };
    }
    case 'governmentOffice':
      return {
        signers: [escalated ?? 'officeDirector'],
        reviewers: escalated === undefined ? [] : ['officeDirector'],
        countersigners: [],
        reportFirst: false,
        whenNecessary: escalated === undefined ? ['responsibleDeputy', 'districtHead'] : [],
        articles: [52],
        reason:
          escalated === undefined
            ? '以区政府办公室名义发文，由区政府办公室主任签发；如有必要，可由分管副区长签发或报区长签发（第五十二条）'
            : `以区政府办公室名义发文，已注明有必要由${SIGNING_POST_LABELS[escalated]}签发，办公室主任先行审核（第五十二条）`,
      };
    case 'partyOfficeAndGovernmentOfficeJoint':
      return {
        signers: [],
        reviewers: [],
        countersigners: [escalated ?? 'officeDirector'],
        reportFirst: false,
        whenNecessary: escalated === undefined ? ['districtHead', 'responsibleDeputy'] : [],
        articles: [52],
        reason:
          escalated === undefined
            ? '区委办公室、区政府办公室联合发文，由区政府办公室主任会签；如有必要，可由区长或分管副区长会签（第五十二条）'
            : `区委办公室、区政府办公室联合发文，已注明有必要由${SIGNING_POST_LABELS[escalated]}会签（第五十二条）`,
      };
    default:
      return unhandledDocumentCase(row);
  }
}

/** The chain for `doc` on `date` (arts. 51, 52; art. 9 applied). */
export function requiredSigning(doc: OutgoingDocument, reg: Registry, date: IsoDate): SigningRequirement {
  const row = signingRowOf(doc);
  const shape = shapeOf(doc, row);
  const gaps: Finding[] = [];
  const resolve = (posts: readonly SigningPost[]) => posts.map((p) => resolveSlot(p, doc, reg, date, gaps));
  const signers = resolve(shape.signers);
  const reviewers = resolve(shape.reviewers);
  const countersigners = resolve(shape.countersigners);
  const reportFirstTo = shape.reportFirst ? resolveSlot('districtHead', doc, reg, date, gaps) : undefined;
  const acting = [...signers, ...reviewers, ...countersigners].flatMap((s) => (s.acting ? [s.acting.reason] : []));
  const reason = [shape.reason, ...acting].join('；');
  return {
    row,
    signers,
    reviewers,
    countersigners,
    ...(reportFirstTo === undefined ? {} : { reportFirstTo }),
    whenNecessary: shape.whenNecessary,
    articles: shape.articles,
    reason,
    gaps: dedupe(gaps),
  };
}

function dedupe(fs: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return fs.filter((f) => {
    const key = `${f.ruleId}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const REVIEW_ROLE_OF_POST: Readonly<Record<SigningPost, ReviewRole>> = {
  districtHead: 'responsibleDeputy', // never a reviewer post; kept total for the lookup
  responsibleDeputy: 'responsibleDeputy',
  officeDirector: 'officeDirector',
};

const holds = (slot: SigningSlot, person: PersonId) => slot.personId === person || slot.nominalId === person;

/** Required reviews (审核) missing or dated after `by` (art. 52). */
export function checkSigningReviews(doc: OutgoingDocument, req: SigningRequirement, by: IsoDate): Finding[] {
  const out: Finding[] = [];
  const reviews = doc.reviews ?? [];
  const dates: IsoDate[] = [];
  const missing: string[] = [];
  for (const slot of req.reviewers) {
    const role = REVIEW_ROLE_OF_POST[slot.post];
    const r = reviews.find((x) => x.role === role && holds(slot, x.personId) && x.date <= by);
    if (r === undefined) missing.push(`${REVIEW_ROLE_LABELS[role]}（${slot.label}）`);
    else dates.push(r.date);
  }
  if (missing.length > 0) {
    out.push(
      finding(
        'document.sign.reviewMissing',
        req.articles,
        'block',
        subjectOf(doc),
        `签发前尚缺审核：${missing.join('、')}。${req.reason.split('；')[0]}。`,
      ),
    );
  } else if (dates.some((d, i) => i > 0 && d < (dates[i - 1] as IsoDate))) {
    out.push(
      finding(
        'document.sign.reviewOrder',
        req.articles,
        'warn',
        subjectOf(doc),
        `审核顺序应为：${req.reviewers.map((s) => s.label).join(' → ')}，记录的日期顺序不符，请核对。`,
      ),
    );
  }
  return out;
}

/**
 * Checks one signature (签发 or 会签) against the matrix on its date: authority, the "代" mark, the reviews that
 * must precede it, and the report to the 区长 a signing 副区长 owes for a joint document with a peer.
 */
export function checkSignature(
  doc: OutgoingDocument,
  signature: DocumentSignature,
  reg: Registry,
  date: IsoDate,
): Finding[] {
  const subject = subjectOf(doc);
  const out: Finding[] = [];
  if (signature.date > date) {
    out.push(
      finding('document.sign.futureDate', [54], 'block', subject, `签发日期 ${signature.date} 晚于今天 ${date}，请核对。`),
    );
  }
  const req = requiredSigning(doc, reg, signature.date);
  const who = personName(reg, signature.personId);
  const act = signature.role === 'sign' ? '签发' : '会签';
  const slots = signature.role === 'sign' ? req.signers : req.countersigners;
  if (slots.length === 0) {
    const other = signature.role === 'sign' ? req.countersigners : req.signers;
    out.push(
      finding(
        'document.sign.role',
        req.articles,
        'block',
        subject,
        `本文区政府一方不${act}，应由${other.map((s) => s.label).join('、')}${signature.role === 'sign' ? '会签' : '签发'}。${req.reason}。`,
      ),
    );
    return out;
  }
  const slot = slots.find((s) => holds(s, signature.personId));
  if (signature.actingForId !== undefined && (slot === undefined || slot.acting === undefined)) {
    out.push(
      finding(
        'document.sign.actingUnfounded',
        [9],
        'block',
        subject,
        `本文标注“代”${personName(reg, signature.actingForId)}${act}，但 ${signature.date} 没有对应的外出代管记录，请删除“代”或补录外出报告与代管安排。`,
      ),
    );
  }
  if (slot === undefined) {
    const alt = req.whenNecessary.find((p) => holds(resolveSlot(p, doc, reg, signature.date, []), signature.personId));
    if (alt === undefined) {
      out.push(
        finding(
          'document.sign.authority',
          req.articles,
          'block',
          subject,
          `${who}无权${act}本文。${req.reason}。应由${slots.map((s) => s.label).join('、')}${act}。`,
        ),
      );
      return out;
    }
    out.push(
      finding(
        'document.sign.escalationUnrecorded',
        req.articles,
        'warn',
        subject,
        `${who}以${SIGNING_POST_LABELS[alt]}身份${act}，属于“如有必要”的情形，请在发文稿上注明报${SIGNING_POST_LABELS[alt]}${act}的理由。`,
      ),
    );
  } else {
    out.push(...checkActingMark(doc, signature, slot, reg, act));
  }
  out.push(...checkSigningReviews(doc, req, signature.date));
  const signerPost = slot?.post;
  if (req.reportFirstTo !== undefined && signerPost === 'responsibleDeputy') {
    const reported = doc.reportedToHeadOn;
    if (reported === undefined || reported > signature.date) {
      out.push(
        finding(
          'document.sign.reportFirst',
          [52],
          'block',
          subject,
          `副区长签发与其他县（区）政府或市直部门的联合行文，须事前报告区长（${req.reportFirstTo.label}），请先登记报告日期。`,
        ),
      );
    }
  }
  const content = reservedContentOf(doc);
  if (content !== undefined && slot?.acting !== undefined && slot.personId === signature.personId) {
    out.push(
      finding(
        'document.sign.reservedActing',
        [51, 9],
        'warn',
        subject,
        `${RESERVED_CONTENT_LABELS[content]}依第五十一条由区长签署；区长外出期间由${who}代签，请确认已报告区长同意并在文中标注“代”。`,
      ),
    );
  }
  return out;
}

function checkActingMark(
  doc: OutgoingDocument,
  signature: DocumentSignature,
  slot: SigningSlot,
  reg: Registry,
  act: string,
): Finding[] {
  const subject = subjectOf(doc);
  if (slot.acting !== undefined && slot.personId === signature.personId && slot.personId !== slot.nominalId) {
    if (signature.actingForId !== slot.nominalId) {
      return [
        finding(
          'document.sign.actingMark',
          [9],
          'block',
          subject,
          `${slot.acting.reason}。${personName(reg, signature.personId)}${act}时须标注“代”（代${personName(reg, slot.acting.absentId)}）。`,
        ),
      ];
    }
    return [];
  }
  if (slot.acting !== undefined && slot.nominalId === signature.personId) {
    return [
      finding(
        'document.sign.awaySigner',
        [9],
        'warn',
        subject,
        `${personName(reg, signature.personId)}于 ${signature.date} 外出，按第九条由${personName(reg, slot.acting.actingId)}代管；如确系本人${act}，请注明方式。`,
      ),
    ];
  }
  return [];
}
