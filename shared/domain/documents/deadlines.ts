/**
 * Time limits and release of outgoing documents: meeting-decided documents (art. 53), printing and portal
 * publication (art. 53), publication or a lawful reason not to (arts. 30–32), legality review and filing of
 * normative documents (art. 19), seals only after signing (art. 54).
 */
import { addDays, type IsoDate } from '../../calendar/iso-date';
import { finding, type Finding, type SubjectRef } from '../findings';
import type { WorkingDays } from '../working-days';
import { CLASSIFICATION_LABELS, DOCUMENT_LEGALITY_CONCLUSION_LABELS, type OutgoingDocument } from './model';
import { signingRowOf } from './signing';

/** Statutory counts of art. 53 (working days after the triggering day). */
export const MEETING_ISSUE_WORKING_DAYS = 5;
export const MEETING_ISSUE_MAJOR_REVISION_WORKING_DAYS = 7;
export const PRINT_WORKING_DAYS = 2;
export const PUBLISH_WORKING_DAYS = 1;

/**
 * Settings the rules leave open. Art. 19 says "在法定期限内" without a number; 《法规规章备案条例》 uses 30 days
 * for rules, so we default to 30 calendar days after publication and let the office change it.
 */
export interface DocumentSettings {
  readonly filingPeriodDays: number;
}

export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = { filingPeriodDays: 30 };

const subjectOf = (doc: OutgoingDocument): SubjectRef => ({ kind: 'document', id: doc.id });

/** The date our side completed signing (签发, or 会签 for documents the other side issues); undefined if not yet. */
export function signedOn(doc: OutgoingDocument): IsoDate | undefined {
  const row = signingRowOf(doc);
  const role = row === 'partyAndGovernmentJoint' || row === 'partyOfficeAndGovernmentOfficeJoint' ? 'countersign' : 'sign';
  const dates = (doc.signatures ?? []).filter((s) => s.role === role).map((s) => s.date);
  return dates.sort().at(-1);
}

export interface DocumentDeadlines {
  /** Art. 53: meeting + 5 (7 with major revisions) working days, or the explicit deadline. */
  readonly issueDue?: IsoDate;
  /** Art. 53: signing + 2 working days. */
  readonly printDue?: IsoDate;
  /** Art. 53: printing + 1 working day, public documents only. */
  readonly publishDue?: IsoDate;
  /** Art. 19: publication + the filing period (setting), normative documents only. */
  readonly filingDue?: IsoDate;
}

export function issueDueOf(doc: OutgoingDocument, cal: WorkingDays): IsoDate | undefined {
  const origin = doc.origin;
  if (origin === undefined) return undefined;
  if (origin.explicitDeadline !== undefined) return origin.explicitDeadline;
  return cal.addWorkingDays(
    origin.meetingDate,
    origin.majorRevisions === true ? MEETING_ISSUE_MAJOR_REVISION_WORKING_DAYS : MEETING_ISSUE_WORKING_DAYS,
  );
}

export function documentDeadlines(
  doc: OutgoingDocument,
  cal: WorkingDays,
  settings: DocumentSettings = DEFAULT_DOCUMENT_SETTINGS,
): DocumentDeadlines {
  const signed = signedOn(doc);
  const printed = doc.print?.date;
  const pub = doc.publication;
  const published = pub?.public === true ? pub.portalPublishedOn : undefined;
  const issueDue = issueDueOf(doc, cal);
  return {
    ...(issueDue === undefined ? {} : { issueDue }),
    ...(signed === undefined ? {} : { printDue: cal.addWorkingDays(signed, PRINT_WORKING_DAYS) }),
    ...(printed === undefined || pub?.public !== true
      ? {}
      : { publishDue: cal.addWorkingDays(printed, PUBLISH_WORKING_DAYS) }),
    ...(doc.normative === true && published !== undefined
      ? { filingDue: addDays(published, settings.filingPeriodDays) }
      : {}),
  };
}

/** Art. 53: a meeting-decided document printed (issued) after its due day. */
export function checkIssueDeadline(doc: OutgoingDocument, cal: WorkingDays, date: IsoDate): Finding[] {
  const due = issueDueOf(doc, cal);
  if (due === undefined) return [];
  const issued = doc.print?.date ?? date;
  if (issued <= due) return [];
  const origin = doc.origin;
  const basis =
    origin?.explicitDeadline !== undefined
      ? '明确的上报时限'
      : origin?.majorRevisions === true
        ? '会议结束后7个工作日（有重大修改意见需协调）'
        : '会议结束后5个工作日';
  return [
    finding(
      'document.deadline.meetingIssue',
      [53],
      'warn',
      subjectOf(doc),
      `会议决定印发的文件应于 ${due} 前印发（${basis}），${doc.print === undefined ? '现已逾期' : `实际 ${issued} 印发，已逾期`}。请说明原因并尽快印发。`,
    ),
  ];
}

/** Art. 53 + GB/T 9704: printing after signing, within 2 working days; classified copies carry 份号. */
export function checkPrint(doc: OutgoingDocument, cal: WorkingDays, date: IsoDate): Finding[] {
  const subject = subjectOf(doc);
  const signed = signedOn(doc);
  const printDate = doc.print?.date ?? date;
  if (signed === undefined || signed > printDate) {
    return [
      finding('document.print.unsigned', [53], 'block', subject, '文件尚未签发，不能印制。请先完成签发。'),
    ];
  }
  const out: Finding[] = [];
  const due = cal.addWorkingDays(signed, PRINT_WORKING_DAYS);
  if (printDate > due) {
    out.push(
      finding(
        'document.deadline.print',
        [53],
        'warn',
        subject,
        `文件于 ${signed} 签发，原则上应于 ${due} 前完成印制，${printDate} 已逾期。请说明原因。`,
      ),
    );
  }
  const p = doc.print;
  if (p !== undefined && doc.classification !== undefined) {
    if (p.serialFrom === undefined || p.serialTo === undefined) {
      out.push(
        finding(
          'document.print.serials',
          [54],
          'block',
          subject,
          `${CLASSIFICATION_LABELS[doc.classification.level]}公文须标注份号，请填写份号起止。`,
        ),
      );
    }
  }
  if (p?.serialFrom !== undefined && p.serialTo !== undefined && p.serialTo - p.serialFrom + 1 !== p.copies) {
    out.push(
      finding(
        'document.print.copies',
        [54],
        'block',
        subject,
        `份号 ${p.serialFrom}–${p.serialTo} 共 ${p.serialTo - p.serialFrom + 1} 份，与印制份数 ${p.copies} 不符，请核对。`,
      ),
    );
  }
  return [...out, ...checkIssueDeadline(doc, cal, printDate)];
}

/** Art. 54: the seal is used only after signing, on or after the signing day. */
export function checkSeal(doc: OutgoingDocument, date: IsoDate): Finding[] {
  const signed = signedOn(doc);
  const sealDate = doc.seal?.date ?? date;
  if (signed !== undefined && signed <= sealDate) return [];
  return [
    finding(
      'document.seal.beforeSigning',
      [54],
      'block',
      subjectOf(doc),
      signed === undefined
        ? '文件尚未签发，不得用印。请先完成签发。'
        : `用印日期 ${sealDate} 早于签发日期 ${signed}，印章只能在签发后使用。`,
    ),
  ];
}

/** Arts. 30–32, 53: publish unless lawfully secret; never a classified document; on time, with an interpretation. */
export function checkPublication(doc: OutgoingDocument, cal: WorkingDays, date: IsoDate): Finding[] {
  const subject = subjectOf(doc);
  const pub = doc.publication;
  if (pub === undefined) {
    return [
      finding(
        'document.publish.undecided',
        [30, 31],
        'block',
        subject,
        '请确定是否公开：以公开为常态、不公开为例外；不公开须注明法定理由。',
      ),
    ];
  }
  if (!pub.public) {
    if (pub.reason === undefined) {
      return [
        finding(
          'document.publish.reasonMissing',
          [30, 31],
          'block',
          subject,
          '不予公开须注明法定理由（如涉及国家秘密、商业秘密或个人隐私、内部事务信息等）。请选择理由。',
        ),
      ];
    }
    if (pub.reason === 'other' && (pub.basis ?? '').trim() === '') {
      return [
        finding(
          'document.publish.reasonMissing',
          [30, 31],
          'block',
          subject,
          '选择“其他法定理由”不公开时，须写明所依据的法律法规条文。',
        ),
      ];
    }
    if (doc.normative === true) {
      return [
        finding(
          'document.normative.notPublic',
          [19, 31],
          'warn',
          subject,
          '规范性文件应当向社会公布，未经公布的不得作为行政管理依据。请再次确认不公开的理由。',
        ),
      ];
    }
    return [];
  }
  if (doc.classification !== undefined) {
    return [
      finding(
        'document.publish.classified',
        [31, 60],
        'block',
        subject,
        `本文标有密级（${CLASSIFICATION_LABELS[doc.classification.level]}），涉密公文一律不得公开。请改为“不公开（涉及国家秘密）”。`,
      ),
    ];
  }
  const printed = doc.print?.date;
  if (printed === undefined) {
    return [finding('document.publish.unprinted', [53], 'block', subject, '文件尚未印制完成，请在印制后再公开。')];
  }
  const out: Finding[] = [];
  const due = cal.addWorkingDays(printed, PUBLISH_WORKING_DAYS);
  const published = pub.portalPublishedOn ?? date;
  if (published > due) {
    out.push(
      finding(
        'document.deadline.publish',
        [32, 53],
        'warn',
        subject,
        `可以公开的文件应于印制完成之日起1个工作日内（${due} 前）在“甘肃·崆峒”门户网站公开，${pub.portalPublishedOn === undefined ? '现已逾期' : `实际 ${published} 公开，已逾期`}。`,
      ),
    );
  }
  if (pub.interpretation === undefined) {
    out.push(
      finding(
        'document.publish.interpretation',
        [53],
        'warn',
        subject,
        '文件印发后须由牵头起草部门同步进行政策解读。请登记政策解读任务。',
      ),
    );
  }
  return out;
}

/** Art. 19: a normative document passes the 法制机构's legality review before it is signed. */
export function checkNormativeLegality(doc: OutgoingDocument, date: IsoDate): Finding[] {
  if (doc.normative !== true) return [];
  const subject = subjectOf(doc);
  const review = doc.legalityReview;
  if (review === undefined || review.date > date) {
    return [
      finding(
        'document.normative.legalityReview',
        [19],
        'block',
        subject,
        '规范性文件须先经区政府法制机构合法性审查。请送审并登记审查意见后再签发。',
      ),
    ];
  }
  if (review.conclusion !== 'lawful') {
    return [
      finding(
        'document.normative.unlawful',
        [19],
        'block',
        subject,
        `合法性审查结论为“${DOCUMENT_LEGALITY_CONCLUSION_LABELS[review.conclusion]}”，请按审查意见修改后重新送审。`,
      ),
    ];
  }
  return [];
}

/** Art. 19: after publication, file with 区人大常委会 and the city's legal office within the period (setting). */
export function checkFiling(
  doc: OutgoingDocument,
  date: IsoDate,
  settings: DocumentSettings = DEFAULT_DOCUMENT_SETTINGS,
): Finding[] {
  const pub = doc.publication;
  if (doc.normative !== true || pub?.public !== true || pub.portalPublishedOn === undefined) return [];
  const due = addDays(pub.portalPublishedOn, settings.filingPeriodDays);
  const filing = doc.filing ?? {};
  const places: [string, IsoDate | undefined][] = [
    ['区人大常委会', filing.congressFiledOn],
    ['市政府法制机构', filing.cityLegalOfficeFiledOn],
  ];
  const subject = subjectOf(doc);
  return places.flatMap(([place, on]): Finding[] => {
    if (on !== undefined && on <= due) return [];
    if (on !== undefined) {
      return [
        finding('document.filing.late', [19], 'warn', subject, `报${place}备案日期 ${on} 晚于期限 ${due}，请说明原因。`),
      ];
    }
    if (date > due) {
      return [
        finding(
          'document.filing.overdue',
          [19],
          'warn',
          subject,
          `规范性文件应于 ${due} 前报${place}备案审查，现已逾期，请尽快报送（期限天数可在设置中调整，当前 ${settings.filingPeriodDays} 天）。`,
        ),
      ];
    }
    return [
      finding(
        'document.filing.pending',
        [19],
        'info',
        subject,
        `请于 ${due} 前报${place}备案审查（发布后 ${settings.filingPeriodDays} 天，可在设置中调整）。`,
      ),
    ];
  });
}
