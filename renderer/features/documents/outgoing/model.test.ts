import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../../shared/calendar/iso-date';
import { requiredSigning, type OutgoingRecord } from '../../../../shared/domain/documents';
import { documentId } from '../../../../shared/domain/ids';
import { createSampleOffice, SAMPLE_IDS } from '../../../../shared/sample/sample-office';
import {
  countdown,
  EMPTY_OUTGOING_DRAFT,
  filterOutgoing,
  flowOf,
  missingFields,
  necessityFindings,
  recordOfDraft,
  registerColumns,
  signerOptions,
  sortOutgoing,
  type NewOutgoingDraft,
} from './model';

const today = isoDate('2026-03-02');
const reg = createSampleOffice(isoDate('2026-02-01'));
const NO = {
  callOrMeetingWouldDo: false,
  concernsOneDepartment: false,
  departmentOwnBusiness: false,
  lawAlreadyProvides: false,
  noRealContent: false,
};

const draft: NewOutgoingDraft = {
  ...EMPTY_OUTGOING_DRAFT,
  necessity: NO,
  kind: 'request',
  issuerKind: 'government',
  recipientLevel: 'superior',
  draftingUnitId: 'sample-u-fgj',
  mainRecipientIds: ['示例市人民政府'],
  ccRecipientIds: ['sample-u-fgj'],
  title: '关于申请专项资金的请示',
  body: [
    { level: 0, text: '市政府：' },
    { level: 1, text: '' },
  ],
};

function rec(id: string, fields: Partial<OutgoingRecord['doc']>, createdOn = '2026-03-02'): OutgoingRecord {
  const r = recordOfDraft(draft, reg, id, isoDate(createdOn), '2026-03-02 09:00', '文书');
  return { ...r, doc: { ...r.doc, ...fields } };
}

describe('the 拟稿 wizard model', () => {
  it('asks all five art. 52 questions, and a ruling-out answer blocks', () => {
    expect(necessityFindings(EMPTY_OUTGOING_DRAFT, today).map((f) => f.ruleId)).toEqual([
      'document.necessity.unanswered',
    ]);
    const refused = necessityFindings({ ...draft, necessity: { ...NO, noRealContent: true } }, today);
    expect(refused.map((f) => [f.ruleId, f.severity])).toEqual([
      ['document.necessity.noRealContent', 'block'],
    ]);
    expect(necessityFindings(draft, today)).toEqual([]);
  });

  it('suggests the direction from kind and recipient, and lists what is missing', () => {
    expect(flowOf(draft)).toBe('upward');
    expect(flowOf({ ...draft, kind: 'notice', recipientLevel: 'subordinate' })).toBe('downward');
    expect(missingFields(draft)).toEqual([]);
    expect(missingFields(EMPTY_OUTGOING_DRAFT)).toEqual([
      '文种',
      '发文机关',
      '行文方向（或主送机关层级）',
      '主办单位',
      '主送机关',
      '标题',
      '正文',
    ]);
  });

  it('turns the draft into a record: registry units by name, typed names kept, empty paragraphs dropped', () => {
    const r = recordOfDraft(draft, reg, 'o1', today, '2026-03-02 09:00', '文书');
    expect(r.mainRecipients).toEqual([{ name: '示例市人民政府' }]);
    expect(r.ccRecipients).toEqual([{ unitId: 'sample-u-fgj', name: '区发展和改革局' }]);
    expect(r.versions[0]?.body).toEqual([{ level: 0, text: '市政府：' }]);
    expect(r.doc).toMatchObject({
      kind: 'request',
      flow: 'upward',
      issuer: { kind: 'government' },
      necessity: { ...NO, answeredOn: today },
    });
  });
});

describe('the register', () => {
  const rows = [
    rec('a', { documentNumber: '崆政发〔2026〕10号' }),
    rec('b', { documentNumber: '崆政发〔2026〕9号', classification: { level: 'secret' } }),
    rec('c', { kind: 'notice', issuer: { kind: 'governmentOffice' } }, '2025-12-30'),
  ];

  it('filters by year, kind, issuer, 密级 and state', () => {
    const ids = (rs: readonly OutgoingRecord[]) => rs.map((r) => r.doc.id);
    expect(ids(filterOutgoing(rows, { year: 2025 }))).toEqual(['c']);
    expect(ids(filterOutgoing(rows, { kind: 'notice' }))).toEqual(['c']);
    expect(ids(filterOutgoing(rows, { issuer: 'government' }))).toEqual(['a', 'b']);
    expect(ids(filterOutgoing(rows, { classification: 'none' }))).toEqual(['a', 'c']);
    expect(ids(filterOutgoing(rows, { classification: 'secret' }))).toEqual(['b']);
    expect(ids(filterOutgoing(rows, { state: 'drafting' }))).toEqual(['c']);
    expect(ids(filterOutgoing(rows, { state: 'numbered' }))).toEqual(['a', 'b']);
  });

  it('sorts 文号 by serial (9 before 10) and by date either way', () => {
    expect(sortOutgoing(rows, 'number', false).map((r) => r.doc.id)).toEqual(['c', 'b', 'a']);
    expect(sortOutgoing(rows, 'createdOn', true).map((r) => r.doc.id)[2]).toBe('c');
  });

  it('exports the columns as shown', () => {
    const cols = registerColumns(reg);
    expect(cols.map((c) => c.header)).toContain('文号');
    expect(cols.find((c) => c.header === '密级')?.value(rows[1] as OutgoingRecord)).toBe('机密');
  });
});

describe('deadlines and signers', () => {
  it('counts down to a due day', () => {
    expect(countdown(isoDate('2026-03-09'), isoDate('2026-03-06'))).toEqual({
      kind: 'due',
      text: '还剩 3 天（2026-03-09 前）',
    });
    expect(countdown(isoDate('2026-03-09'), isoDate('2026-03-09')).kind).toBe('today');
    expect(countdown(isoDate('2026-03-09'), isoDate('2026-03-11'))).toEqual({
      kind: 'overdue',
      text: '已逾期 2 天（应于 2026-03-09 前）',
    });
    expect(countdown(isoDate('2026-03-09'), isoDate('2026-03-11'), isoDate('2026-03-09')).kind).toBe('done');
  });

  it('offers the required signer first, then the other leaders', () => {
    const doc = rec('x', { id: documentId('x') }).doc;
    const req = requiredSigning(doc, reg, today);
    const opts = signerOptions(req.signers, reg, [SAMPLE_IDS.deputies[2]!, SAMPLE_IDS.districtHead]);
    expect(opts.map((o) => o.label)).toEqual(['赵志远', '周清和']);
  });

  it('pre-sets "代" for the person acting for an absent signer (art. 9)', () => {
    // In the sample, the 区长 is away 7–10 days after the sample date; the 常务副区长 acts.
    const away = isoDate('2026-02-09');
    const doc = rec('x', {}).doc;
    const req = requiredSigning(doc, reg, away);
    const [first] = signerOptions(req.signers, reg, []);
    expect(first).toEqual({
      personId: SAMPLE_IDS.executiveDeputy,
      actingForId: SAMPLE_IDS.districtHead,
      label: '钱德明（代赵志远）',
    });
  });
});
