import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../calendar';
import { isoDate } from '../../calendar/iso-date';
import { meetingId, personId, topicId } from '../ids';
import { newMeeting, type Meeting } from '../meeting';
import { meetingSchema } from '../meeting-schema';
import {
  addDocumentToIssue,
  agreedItemsDraft,
  checkDelivery,
  checkReportTask,
  checkTopicRecord,
  clearDelivery,
  clearReportDone,
  deliveryInputError,
  documentInputErrors,
  markDocumentIssued,
  markReportDone,
  recordDeliveries,
  reportDoneError,
  rescheduleErrors,
  rescheduleMeeting,
  saveTopicRecord,
  undeliveredRecipients,
} from './aftermath';
import { meetingDocumentDueDate } from './followup';

const calendar = createWorkingCalendar();
const head = personId('p-head');
const dep = personId('p-dep');
const asst = personId('p-asst');
const clerk = personId('p-clerk');
const t1 = topicId('t1');
const t2 = topicId('t2');

function meeting(fields: Partial<Meeting> = {}): Meeting {
  return newMeeting({
    id: meetingId('m1'),
    kind: 'executive',
    title: '常务会议',
    date: isoDate('2026-03-10'),
    place: '会议室',
    convenorId: head,
    chairId: head,
    recorderId: clerk,
    topics: [
      {
        id: t1,
        title: '老旧小区改造',
        reportingUnitIds: [],
        materials: [],
        departmentsDisagree: false,
        proposedDecision: '原则同意',
      },
      { id: t2, title: '供热', reportingUnitIds: [], materials: [], departmentsDisagree: false },
    ],
    attendees: [
      { personId: head, role: 'member' },
      { personId: dep, role: 'member' },
      { personId: asst, role: 'assistant', assistsId: dep },
    ],
    ...fields,
  });
}

describe('materials delivery (art. 45)', () => {
  it('lists 未送达 recipients (assistants excluded) and records deliveries in one change', () => {
    let m = meeting();
    expect(undeliveredRecipients(m)).toEqual([head, dep]);
    m = recordDeliveries(m, [head], { on: '2026-03-09', at: '16:30', by: '李文书' });
    expect(undeliveredRecipients(m)).toEqual([dep]);
    expect(m.deliveries).toEqual([{ personId: head, on: '2026-03-09', at: '16:30', by: '李文书' }]);
    m = recordDeliveries(m, [head, dep], { on: '2026-03-08', at: '', by: '李文书' });
    expect(m.deliveries.map((d) => [d.personId, d.on])).toEqual([
      [head, '2026-03-08'],
      [dep, '2026-03-08'],
    ]);
    expect(meetingSchema.safeParse(m).success).toBe(true);
    m = clearDelivery(m, dep);
    expect(undeliveredRecipients(m)).toEqual([dep]);
    expect(() => clearDelivery(m, dep)).toThrow('没有送达记录');
    expect(() => recordDeliveries(m, [], { on: '2026-03-08', at: '', by: 'x' })).toThrow('请先选择');
  });

  it('validates the form and warns about delivery on or after the meeting day', () => {
    expect(deliveryInputError({ on: '2026-03-09', at: '9:3', by: '李' })).toBe(
      '送达时间格式应为 HH:MM，例如 09:30',
    );
    expect(deliveryInputError({ on: '2026-03-09', at: '', by: ' ' })).toBe('请填写送达人');
    expect(deliveryInputError({ on: '2026-03-09', at: '', by: '李' })).toBeUndefined();
    expect(checkDelivery(meeting(), { on: '2026-03-10', at: '', by: '李' }).map((f) => f.articles)).toEqual([
      [45],
    ]);
    expect(checkDelivery(meeting(), { on: '2026-03-09', at: '', by: '李' })).toEqual([]);
  });
});

describe('records and the minutes draft (art. 47)', () => {
  it('keeps one record per topic and drafts 议定事项 from records, else from the proposals', () => {
    let m = saveTopicRecord(meeting(), t2, clerk, '会议同意：\n做好供热保障');
    m = saveTopicRecord(m, t2, clerk, '会议同意做好供热保障。');
    expect(m.records).toEqual([{ topicId: t2, recorderId: clerk, text: '会议同意做好供热保障。' }]);
    expect(agreedItemsDraft(m)).toBe('1. 老旧小区改造：原则同意\n2. 供热：会议同意做好供热保障。');
    expect(() => saveTopicRecord(m, topicId('nope'), clerk, 'x')).toThrow('找不到这个议题');
    expect(() => saveTopicRecord(m, t1, clerk, ' ')).toThrow('请填写会议纪录');
  });

  it('blocks recording without a designated recorder and warns about another recorder', () => {
    const { recorderId: _r, ...noRecorder } = meeting();
    expect(checkTopicRecord(noRecorder, clerk).map((f) => f.severity)).toEqual(['block']);
    expect(checkTopicRecord(meeting(), dep).map((f) => f.severity)).toEqual(['warn']);
    expect(checkTopicRecord(meeting(), clerk)).toEqual([]);
  });
});

describe('reports after a 常务会议 (art. 42) and documents to issue (art. 53)', () => {
  it('marks a report done with date and by whom, and undoes it', () => {
    const m = markReportDone(meeting({ state: 'held' }), 'partyCommittee', {
      on: '2026-03-11',
      by: '陈晓东',
      note: '',
    });
    expect(m.reportTasks).toEqual([{ target: 'partyCommittee', doneOn: '2026-03-11', doneBy: '陈晓东' }]);
    expect(clearReportDone(m, 'partyCommittee').reportTasks).toEqual([{ target: 'partyCommittee' }]);
    expect(() =>
      markReportDone(meeting({ kind: 'special' }), 'cppcc', { on: '2026-03-11', by: 'x', note: '' }),
    ).toThrow('只有区政府常务会议');
    expect(meetingSchema.safeParse(m).success).toBe(true);
  });

  it('validates the report and blocks it before the meeting is held', () => {
    const m = meeting();
    expect(reportDoneError({ on: '2026-03-09', by: '陈', note: '' }, m, isoDate('2026-03-20'))).toContain(
      '不能早于',
    );
    expect(reportDoneError({ on: '2026-03-11', by: '', note: '' }, m, isoDate('2026-03-20'))).toBe(
      '请填写经办人',
    );
    expect(checkReportTask(m).map((f) => f.severity)).toEqual(['block']);
    expect(checkReportTask(meeting({ state: 'held' }))).toEqual([]);
  });

  it('registers documents with their art. 53 deadline and marks them issued', () => {
    expect(documentInputErrors({ title: '', deadline: 'sevenDays', reason: '', date: '' })).toEqual({
      title: '请填写文件标题',
      reason: '请说明需要协调的重大修改意见',
    });
    let m = addDocumentToIssue(meeting(), { title: '实施方案', deadline: 'fiveDays', reason: '', date: '' });
    m = addDocumentToIssue(m, {
      title: '供热办法',
      deadline: 'sevenDays',
      reason: '各部门意见分歧',
      date: '',
    });
    expect(() =>
      addDocumentToIssue(m, { title: '实施方案', deadline: 'fiveDays', reason: '', date: '' }),
    ).toThrow('已登记过');
    expect(m.documentsToIssue.map((d) => meetingDocumentDueDate(m, d.deadline, calendar))).toEqual([
      '2026-03-17',
      '2026-03-19',
    ]);
    m = markDocumentIssued(m, 1, isoDate('2026-03-18'));
    expect(m.documentsToIssue[1]?.issuedOn).toBe('2026-03-18');
    expect(meetingSchema.safeParse(m).success).toBe(true);
  });
});

describe('rescheduling a postponed meeting (art. 39)', () => {
  it('moves the meeting back to 筹备 on its new date and keeps every move', () => {
    const postponed = meeting({ time: '09:00', state: 'postponed', postponed: { reason: '区长赴省开会' } });
    let m = rescheduleMeeting(
      postponed,
      { date: '2026-03-17', time: '', reason: '区长返回' },
      isoDate('2026-03-09'),
    );
    expect(m).toMatchObject({
      date: '2026-03-17',
      state: 'planned',
      postponed: { reason: '区长赴省开会', to: '2026-03-17' },
    });
    expect(m.time).toBeUndefined();
    expect(m.reschedules).toEqual([
      {
        on: '2026-03-09',
        fromDate: '2026-03-10',
        fromTime: '09:00',
        toDate: '2026-03-17',
        reason: '区长返回',
        postponedReason: '区长赴省开会',
      },
    ]);
    expect(meetingSchema.safeParse(m).success).toBe(true);
    expect(() =>
      rescheduleMeeting(m, { date: '2026-03-18', time: '', reason: 'x' }, isoDate('2026-03-09')),
    ).toThrow('只有已延期的会议');
    m = rescheduleMeeting(
      { ...m, state: 'postponed', postponed: { reason: '再次延期' } },
      { date: '2026-03-20', time: '15:00', reason: '改期' },
      isoDate('2026-03-16'),
    );
    expect(m.reschedules?.map((r) => [r.fromDate, r.toDate, r.toTime])).toEqual([
      ['2026-03-10', '2026-03-17', undefined],
      ['2026-03-17', '2026-03-20', '15:00'],
    ]);
  });

  it('moves a default title with the date and keeps a clerk-written one', () => {
    const postponed = meeting({
      title: '区政府常务会议（2026-03-10）',
      state: 'postponed',
      postponed: { reason: '区长外出' },
    });
    const r = { date: '2026-03-17', time: '', reason: '改期' };
    expect(rescheduleMeeting(postponed, r, isoDate('2026-03-09')).title).toBe('区政府常务会议（2026-03-17）');
    expect(rescheduleMeeting({ ...postponed, title: '专题研究供热' }, r, isoDate('2026-03-09')).title).toBe(
      '专题研究供热',
    );
  });

  it('validates the new date, time and reason', () => {
    expect(
      rescheduleErrors({ date: '2026-03-01', time: '25:00', reason: '' }, isoDate('2026-03-09')),
    ).toEqual({
      date: '新的会议日期不能早于今天',
      time: '时间格式应为 HH:MM，例如 09:30',
      reason: '请填写重新安排的说明',
    });
  });
});
