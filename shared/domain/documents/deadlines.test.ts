import { describe, expect, it } from 'vitest';
import { addDays, isoDate, isWeekend, type IsoDate } from '../../calendar/iso-date';
import { documentId, personId, unitId } from '../ids';
import type { WorkingDays } from '../working-days';
import {
  checkFiling,
  checkIssueDeadline,
  checkNormativeLegality,
  checkPrint,
  checkPublication,
  checkSeal,
  documentDeadlines,
  signedOn,
} from './deadlines';
import type { OutgoingDocument } from './model';

const d = isoDate;
/** Weekends off, plus 2026-04-06 (清明) so a holiday inside a count is exercised. */
const cal: WorkingDays = {
  isWorkingDay: (x) => !isWeekend(x) && x !== '2026-04-06',
  addWorkingDays(from: IsoDate, n: number) {
    let x = from;
    for (let left = n; left > 0; ) {
      x = addDays(x, 1);
      if (this.isWorkingDay(x)) left--;
    }
    return x;
  },
};

const doc = (extra: Partial<OutgoingDocument> = {}): OutgoingDocument => ({
  id: documentId('d-1'),
  direction: 'outgoing',
  title: '通知',
  kind: 'notice',
  issuer: { kind: 'government' },
  flow: 'downward',
  draftingUnitId: unitId('u-edu'),
  ...extra,
});
const signed = (date: string) => [{ personId: personId('p-dep-a'), date: d(date), role: 'sign' as const }];
const ids = (fs: readonly { ruleId: string }[]) => fs.map((f) => f.ruleId);

describe('signedOn', () => {
  it('takes the latest 签发, or the 会签 for documents the other side issues', () => {
    expect(signedOn(doc())).toBeUndefined();
    expect(signedOn(doc({ signatures: [...signed('2026-03-03'), ...signed('2026-03-05')] }))).toBe('2026-03-05');
    const joint = doc({
      issuer: { kind: 'partyAndGovernment' },
      signatures: [{ personId: personId('p-head'), date: d('2026-03-04'), role: 'countersign' }],
    });
    expect(signedOn(joint)).toBe('2026-03-04');
  });
});

describe('documentDeadlines (art. 53, art. 19)', () => {
  it('counts working days across a weekend and a holiday', () => {
    const x = doc({
      origin: { meetingDate: d('2026-04-01') },
      signatures: signed('2026-04-02'),
      print: { date: d('2026-04-03'), copies: 50 },
      publication: { public: true, portalPublishedOn: d('2026-04-07') },
      normative: true,
    });
    expect(documentDeadlines(x, cal)).toEqual({
      issueDue: '2026-04-09', // 2,3,7,8,9 (4–6 off)
      printDue: '2026-04-07',
      publishDue: '2026-04-07',
      filingDue: '2026-05-07',
    });
    expect(documentDeadlines(x, cal, { filingPeriodDays: 15 }).filingDue).toBe('2026-04-22');
  });
  it('uses 7 days with major revisions, and an explicit deadline over both', () => {
    expect(documentDeadlines(doc({ origin: { meetingDate: d('2026-03-02'), majorRevisions: true } }), cal).issueDue).toBe(
      '2026-03-11',
    );
    expect(
      documentDeadlines(doc({ origin: { meetingDate: d('2026-03-02'), explicitDeadline: d('2026-03-04') } }), cal).issueDue,
    ).toBe('2026-03-04');
    expect(documentDeadlines(doc(), cal)).toEqual({});
  });
});

describe('checkIssueDeadline', () => {
  it('names the basis of the deadline that was missed', () => {
    const explicit = doc({ origin: { meetingDate: d('2026-03-02'), explicitDeadline: d('2026-03-03') } });
    expect(checkIssueDeadline(explicit, cal, d('2026-03-04'))[0]?.message).toContain('明确的上报时限');
    const major = doc({ origin: { meetingDate: d('2026-03-02'), majorRevisions: true } });
    expect(checkIssueDeadline(major, cal, d('2026-03-12'))[0]?.message).toContain('7个工作日');
    expect(checkIssueDeadline(major, cal, d('2026-03-11'))).toEqual([]);
    expect(checkIssueDeadline(doc(), cal, d('2026-03-11'))).toEqual([]);
  });
});

describe('checkPrint', () => {
  it('refuses printing before signing', () => {
    expect(ids(checkPrint(doc(), cal, d('2026-03-05')))).toEqual(['document.print.unsigned']);
    expect(ids(checkPrint(doc({ signatures: signed('2026-03-06') }), cal, d('2026-03-05')))).toEqual([
      'document.print.unsigned',
    ]);
  });
  it('asks for 份号 on classified documents and checks them against the copies', () => {
    const secret = doc({ signatures: signed('2026-03-05'), classification: { level: 'secret', years: 10 } });
    expect(ids(checkPrint({ ...secret, print: { date: d('2026-03-05'), copies: 5 } }, cal, d('2026-03-05')))).toEqual([
      'document.print.serials',
    ]);
    expect(
      ids(checkPrint({ ...secret, print: { date: d('2026-03-05'), copies: 5, serialFrom: 1, serialTo: 4 } }, cal, d('2026-03-05'))),
    ).toEqual(['document.print.copies']);
    expect(
      checkPrint({ ...secret, print: { date: d('2026-03-05'), copies: 4, serialFrom: 1, serialTo: 4 } }, cal, d('2026-03-05')),
    ).toEqual([]);
  });
});

describe('checkSeal (art. 54)', () => {
  it('allows the seal only on or after the signing day', () => {
    expect(checkSeal(doc({ signatures: signed('2026-03-05') }), d('2026-03-05'))).toEqual([]);
    const early = doc({ signatures: signed('2026-03-05'), seal: { date: d('2026-03-04'), operatorId: personId('p-clerk') } });
    expect(checkSeal(early, d('2026-03-05'))[0]?.message).toContain('早于签发日期');
  });
});

describe('checkPublication (arts. 30–32, 53)', () => {
  const printed = doc({ signatures: signed('2026-03-05'), print: { date: d('2026-03-05'), copies: 10 } });
  it('asks for a decision, and for the legal basis of "other"', () => {
    expect(ids(checkPublication(printed, cal, d('2026-03-05')))).toEqual(['document.publish.undecided']);
    const other = { ...printed, publication: { public: false as const, reason: 'other' as const } };
    expect(ids(checkPublication(other, cal, d('2026-03-05')))).toEqual(['document.publish.reasonMissing']);
    const based = { ...printed, publication: { public: false as const, reason: 'other' as const, basis: '《保守国家秘密法》第九条' } };
    expect(checkPublication(based, cal, d('2026-03-05'))).toEqual([]);
  });
  it('questions a normative document kept from the public', () => {
    const x = { ...printed, normative: true, publication: { public: false as const, reason: 'internalAffairs' as const } };
    expect(checkPublication(x, cal, d('2026-03-05')).map((f) => [f.ruleId, f.severity])).toEqual([
      ['document.normative.notPublic', 'warn'],
    ]);
  });
  it('refuses publishing before printing, and warns when today is past the due day', () => {
    const unprinted = { ...doc(), publication: { public: true as const } };
    expect(ids(checkPublication(unprinted, cal, d('2026-03-05')))).toEqual(['document.publish.unprinted']);
    const waiting = { ...printed, publication: { public: true as const, interpretation: { plannedOn: d('2026-03-06') } } };
    expect(checkPublication(waiting, cal, d('2026-03-06'))).toEqual([]);
    expect(checkPublication(waiting, cal, d('2026-03-09'))[0]?.message).toContain('现已逾期');
  });
});

describe('legality review and filing (art. 19)', () => {
  const review = (conclusion: 'lawful' | 'needsRevision' | 'unlawful', date = '2026-03-03') => ({
    unitId: unitId('u-justice'),
    date: d(date),
    conclusion,
  });
  it('needs a lawful review dated before signing, only for normative documents', () => {
    expect(checkNormativeLegality(doc(), d('2026-03-05'))).toEqual([]);
    expect(ids(checkNormativeLegality(doc({ normative: true }), d('2026-03-05')))).toEqual(['document.normative.legalityReview']);
    expect(
      ids(checkNormativeLegality(doc({ normative: true, legalityReview: review('lawful', '2026-03-06') }), d('2026-03-05'))),
    ).toEqual(['document.normative.legalityReview']);
    expect(checkNormativeLegality(doc({ normative: true, legalityReview: review('lawful') }), d('2026-03-05'))).toEqual([]);
    const [f] = checkNormativeLegality(doc({ normative: true, legalityReview: review('needsRevision') }), d('2026-03-05'));
    expect(f).toMatchObject({ ruleId: 'document.normative.unlawful', severity: 'block' });
    expect(f?.message).toContain('需修改');
  });
  it('reminds, then warns, for each of the two filing places', () => {
    const pub = doc({
      normative: true,
      publication: { public: true, portalPublishedOn: d('2026-03-02'), interpretation: {} },
    });
    expect(checkFiling(doc(), d('2026-03-05'))).toEqual([]);
    expect(checkFiling(pub, d('2026-03-05')).map((f) => f.severity)).toEqual(['info', 'info']);
    const late = { ...pub, filing: { congressFiledOn: d('2026-04-03') } };
    expect(ids(checkFiling(late, d('2026-04-05')))).toEqual(['document.filing.late', 'document.filing.overdue']);
  });
});
