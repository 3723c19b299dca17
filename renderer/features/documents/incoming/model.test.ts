import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../../shared/calendar/iso-date';
import { checkDocumentStep } from '../../../../shared/domain/documents/steps';
import { createWorkingCalendar } from '../../../../shared/calendar';
import { createSampleOffice } from '../../../../shared/sample';
import { finding } from '../../../../shared/domain/findings';
import type { IncomingRecord } from '../../../data/incoming-repo';
import { docFromDraft, draftErrors, emptyIncomingDraft, exportFileName, filterRecords, overrideReason, registerColumns, type IncomingDraft } from './model';

const today = isoDate('2026-03-03');
const reg = createSampleOffice(today);
const calendar = createWorkingCalendar();

const filled = (patch: Partial<IncomingDraft> = {}): IncomingDraft => ({
  ...emptyIncomingDraft(today),
  fromUnitId: 'sample-u-jsj',
  kind: 'request',
  title: '关于申请老旧小区改造补助资金的请示',
  ...patch,
});

describe('registration draft', () => {
  it('names every missing required field in Chinese', () => {
    expect(draftErrors(emptyIncomingDraft(today))).toEqual({ fromUnitId: '请选择来文单位', kind: '请选择文种', title: '请填写来文标题' });
    expect(draftErrors(filled({ addressee: 'leader', copies: 0 }))).toEqual({ leaderId: '请选择主送的领导', copies: '份数至少 1 份' });
    expect(draftErrors(filled({ crossDepartment: true }))).toHaveProperty('concernedUnitIds');
    expect(draftErrors(filled())).toEqual({});
  });

  it('becomes a document whose missing countersignature the art. 49 check flags, and which passes once completed', () => {
    const base = filled({
      crossDepartment: true,
      concernedUnitIds: ['sample-u-czj'],
      leadSignerId: reg.posts.find((p) => p.post === 'unitHead' && p.unitId === 'sample-u-jsj')?.personId,
      leadSignedOn: '2026-03-01',
    });
    const doc = docFromDraft(base, 'in-1', today);
    expect(doc.crossDepartment?.countersignatures).toEqual([]);
    const ctx = { registry: reg, calendar, date: today };
    expect(checkDocumentStep(doc, 'register', ctx).map((f) => f.ruleId)).toEqual(['incoming.request.countersign']);
    const head = reg.posts.find((p) => p.post === 'unitHead' && p.unitId === 'sample-u-czj')?.personId ?? '';
    const done = docFromDraft({ ...base, countersigns: { 'sample-u-czj': { personId: head, date: '2026-03-02' } } }, 'in-1', today);
    expect(checkDocumentStep(done, 'register', ctx)).toEqual([]);
  });

  it('keeps the 交办 flag only for a leader addressee, and the classification with its years', () => {
    const d = docFromDraft(filled({ addressee: 'leader', leaderId: 'sample-p-dep1', assignedByLeader: true, classification: 'secret', classificationYears: 10 }), 'x', today);
    expect(d.addressedTo).toEqual({ kind: 'leader', personId: 'sample-p-dep1' });
    expect(d.assignedByLeader).toBe(true);
    expect(d.classification).toEqual({ level: 'secret', years: 10 });
    expect(docFromDraft(filled({ assignedByLeader: true }), 'x', today).assignedByLeader).toBeUndefined();
  });
});

describe('register', () => {
  const rec = (id: string, year: number, patch: Partial<IncomingRecord['doc']> = {}, state: IncomingRecord['state'] = 'registered'): IncomingRecord => ({
    doc: { ...docFromDraft(filled(), id, isoDate(`${year}-03-03`)), ...patch },
    receiptNumber: `收〔${year}〕1号`,
    year,
    copies: 1,
    receivedOn: isoDate(`${year}-03-03`),
    tracking: [],
    state,
  });
  const records = [
    rec('a', 2025),
    rec('b', 2026, { kind: 'report' }),
    rec('c', 2026, { classification: { level: 'secret' } }, 'archived'),
  ];

  it('filters by year, kind, 密级 and state', () => {
    const ids = (f: Parameters<typeof filterRecords>[1]) => filterRecords(records, f).map((r) => r.doc.id);
    expect(ids({})).toEqual(['a', 'b', 'c']);
    expect(ids({ year: 2026 })).toEqual(['b', 'c']);
    expect(ids({ kind: 'request' })).toEqual(['a', 'c']);
    expect(ids({ classification: 'none' })).toEqual(['a', 'b']);
    expect(ids({ classification: 'secret', state: 'archived' })).toEqual(['c']);
    expect(ids({ unitId: 'sample-u-czj' })).toEqual([]);
  });

  it('exports the columns a clerk reads, in Chinese, named after the filters', () => {
    const cols = registerColumns(reg);
    expect(cols.map((c) => c.header).slice(0, 6)).toEqual(['收文编号', '收文日期', '来文单位', '来文字号', '文种', '标题']);
    const row = records[2] as IncomingRecord;
    expect(cols.map((c) => c.value(row))).toContain('区住房和城乡建设局');
    expect(cols.map((c) => c.value(row))).toContain('机密');
    expect(cols.map((c) => c.value(row))).toContain('已归档');
    expect(exportFileName({ year: 2026, kind: 'request', state: 'archived' }, today)).toBe('收文登记簿（2026年，请示，已归档）-2026-03-03.xlsx');
    expect(exportFileName({}, today)).toBe('收文登记簿-2026-03-03.xlsx');
  });
});

describe('override reason', () => {
  it('keeps the reason with the rules it overrode, and nothing without a reason', () => {
    const warn = finding('incoming.addressing', [49], 'warn', { kind: 'document', id: 'x' }, '…');
    expect(overrideReason('领导交代', [warn])).toBe('领导交代；所涉提示：incoming.addressing');
    expect(overrideReason(' ', [warn])).toBeUndefined();
    expect(overrideReason('理由', [])).toBe('理由');
  });
});
