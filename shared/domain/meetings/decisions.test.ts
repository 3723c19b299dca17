import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../calendar';
import { isoDate } from '../../calendar/iso-date';
import { decisionId, meetingId, personId, topicId, unitId } from '../ids';
import { newMeeting, type Meeting } from '../meeting';
import { meetingSchema } from '../meeting-schema';
import {
  addDecision,
  adjustDecision,
  adjustmentInputErrors,
  agreedItemsFromMinutes,
  checkCloseDecision,
  checkCreateDecision,
  closeDecision,
  decisionInputErrors,
  decisionStatus,
  dueAfterWorkingDays,
  MeetingActionError,
  progressInputErrors,
  reopenDecision,
  reportProgress,
} from './decisions';

const calendar = createWorkingCalendar();
const head = personId('p-head');
const d1 = decisionId('d1');

function signedMeeting(fields: Partial<Meeting> = {}): Meeting {
  return newMeeting({
    id: meetingId('m1'),
    kind: 'executive',
    title: '常务会议',
    date: isoDate('2026-03-10'),
    place: '会议室',
    convenorId: head,
    chairId: head,
    state: 'minutesSigned',
    topics: [
      {
        id: topicId('t1'),
        title: '老旧小区改造',
        reportingUnitIds: [],
        materials: [],
        departmentsDisagree: false,
      },
    ],
    minutes: [
      {
        version: 1,
        draftedOn: isoDate('2026-03-11'),
        text: '一、会议概况\n会议。\n\n二、议定事项\n1. 老旧小区改造：同意方案，由住建局牵头。\n2. 供热：\n（3）做好冬季供热保障',
        signature: { byId: head, on: isoDate('2026-03-12') },
      },
    ],
    ...fields,
  });
}

const input = {
  text: '同意方案，由住建局牵头。',
  ownerUnitId: unitId('u-zjj'),
  responsibleLeaderId: personId('p-dep1'),
  dueDate: '2026-03-31',
  topicId: topicId('t1'),
};

describe('decision items (arts. 29, 47)', () => {
  it('reads the 议定事项 of the minutes, without numbering and empty items', () => {
    expect(agreedItemsFromMinutes(signedMeeting().minutes[0]?.text ?? '')).toEqual([
      '老旧小区改造：同意方案，由住建局牵头。',
      '做好冬季供热保障',
    ]);
    expect(agreedItemsFromMinutes('一、会议概况\n无')).toEqual([]);
    expect(agreedItemsFromMinutes('二、议定事项\n1. 甲\n三、其他\n2. 乙')).toEqual(['甲']);
  });

  it('computes a due date in working days and refuses a non-positive count', () => {
    // 2026-03-10 is a Tuesday: 10 working days later is Tuesday 2026-03-24.
    expect(dueAfterWorkingDays(isoDate('2026-03-10'), 10, calendar)).toBe('2026-03-24');
    expect(() => dueAfterWorkingDays(isoDate('2026-03-10'), 0, calendar)).toThrow('工作日数应为正整数');
  });

  it('validates the form with Chinese messages', () => {
    const m = signedMeeting();
    expect(decisionInputErrors(input, m)).toEqual({});
    expect(decisionInputErrors({ text: ' ' }, m)).toEqual({
      text: '请填写决定事项的内容',
      ownerUnitId: '请选择承办单位（第四十七条：决定事项须明确承办单位）',
      responsibleLeaderId: '请选择责任领导',
      dueDate: '请选择完成时限（日期或会后工作日数）',
    });
    expect(decisionInputErrors({ ...input, dueDate: '2026-03-01' }, m).dueDate).toContain('不能早于会议日期');
  });

  it('blocks registering before the minutes are signed, warns on a duplicate, notes a rest-day due date', () => {
    const unsigned = signedMeeting({ minutes: [] });
    expect(checkCreateDecision(unsigned, input, calendar).map((f) => [f.ruleId, f.severity])).toEqual([
      ['meeting.decision.unsignedMinutes', 'block'],
    ]);
    const m = addDecision(signedMeeting(), input, d1, isoDate('2026-03-12'));
    expect(
      checkCreateDecision(m, { ...input, dueDate: '2026-03-28' }, calendar).map((f) => [
        f.ruleId,
        f.severity,
      ]),
    ).toEqual([
      ['meeting.decision.duplicate', 'warn'],
      ['meeting.decision.dueOnRestDay', 'info'],
    ]);
  });

  it('follows an item from registration through progress to closure and reopening, all schema-valid', () => {
    let m = addDecision(signedMeeting(), input, d1, isoDate('2026-03-12'));
    expect(m.decisions[0]).toMatchObject({ text: input.text, createdOn: '2026-03-12', topicId: 't1' });
    expect(decisionStatus(m.decisions[0]!, isoDate('2026-03-20'))).toBe('open');
    expect(decisionStatus(m.decisions[0]!, isoDate('2026-04-01'))).toBe('overdue');
    m = reportProgress(m, d1, { on: '2026-03-20', note: '已完成招标', evidence: '中标通知书\n\n合同' });
    expect(m.decisions[0]?.progress).toEqual([
      { on: '2026-03-20', note: '已完成招标', evidence: ['中标通知书', '合同'] },
    ]);
    m = closeDecision(m, d1, isoDate('2026-03-30'), '已全部开工');
    expect(decisionStatus(m.decisions[0]!, isoDate('2026-04-01'))).toBe('closed');
    expect(() => closeDecision(m, d1, isoDate('2026-03-30'), '再办结')).toThrow(MeetingActionError);
    expect(() => reportProgress(m, d1, { on: '2026-03-31', note: 'x', evidence: '' })).toThrow(
      '先“重新打开”',
    );
    m = reopenDecision(m, d1, isoDate('2026-04-02'), '督查发现两个小区未开工');
    expect(m.decisions[0]?.closedOn).toBeUndefined();
    expect(m.decisions[0]?.reopenings).toEqual([
      {
        on: '2026-04-02',
        reason: '督查发现两个小区未开工',
        closedOn: '2026-03-30',
        closingSummary: '已全部开工',
      },
    ]);
    expect(meetingSchema.safeParse(m).success).toBe(true);
    expect(() => reopenDecision(m, d1, isoDate('2026-04-03'), '再开')).toThrow('尚未办结');
    expect(() => closeDecision(m, decisionId('nope'), isoDate('2026-04-03'), 'x')).toThrow('找不到');
  });

  it('adjusts an open item (延期, another unit) keeping what it was and why; refuses a closed one', () => {
    let m = addDecision(signedMeeting(), input, d1, isoDate('2026-03-12'));
    const d = m.decisions[0]!;
    const same = {
      ownerUnitId: d.ownerUnitId,
      responsibleLeaderId: d.responsibleLeaderId,
      dueDate: d.dueDate,
    };
    expect(adjustmentInputErrors(d, { ...same, reason: '' }, m)).toEqual({
      reason: '请填写调整的原因（如延期的理由、改由哪个单位承办的依据）',
      ownerUnitId: '承办单位、责任领导和完成时限都没有改动',
    });
    expect(adjustmentInputErrors(d, { ...same, dueDate: '2026-03-01', reason: '延期' }, m)).toEqual({
      dueDate: '完成时限不能早于会议日期（2026-03-10）',
    });
    expect(() => adjustDecision(m, d1, { ...same, reason: '延期' }, isoDate('2026-03-20'))).toThrow(
      '没有改动',
    );
    m = adjustDecision(
      m,
      d1,
      {
        ...same,
        dueDate: '2026-04-30',
        ownerUnitId: unitId('u-czj'),
        reason: '资金下达推迟，经分管副区长同意延期',
      },
      isoDate('2026-03-20'),
    );
    expect(m.decisions[0]).toMatchObject({
      dueDate: '2026-04-30',
      ownerUnitId: 'u-czj',
      responsibleLeaderId: 'p-dep1',
    });
    expect(m.decisions[0]?.adjustments).toEqual([
      {
        on: '2026-03-20',
        reason: '资金下达推迟，经分管副区长同意延期',
        before: { ownerUnitId: 'u-zjj', responsibleLeaderId: 'p-dep1', dueDate: '2026-03-31' },
      },
    ]);
    expect(decisionStatus(m.decisions[0]!, isoDate('2026-04-02'))).toBe('open');
    expect(meetingSchema.safeParse(m).success).toBe(true);
    m = closeDecision(m, d1, isoDate('2026-04-20'), '已完成');
    expect(() =>
      adjustDecision(m, d1, { ...same, dueDate: '2026-05-30', reason: '再延期' }, isoDate('2026-04-21')),
    ).toThrow('先“重新打开”');
  });

  it('asks for a reason to close without progress or after the due date', () => {
    const m = addDecision(signedMeeting(), input, d1, isoDate('2026-03-12'));
    const d = m.decisions[0]!;
    expect(checkCloseDecision(d, isoDate('2026-04-02')).map((f) => f.ruleId)).toEqual([
      'meeting.decision.noProgress',
      'meeting.decision.closedLate',
    ]);
    const withProgress = reportProgress(m, d1, { on: '2026-03-20', note: '进展', evidence: '' })
      .decisions[0]!;
    expect(checkCloseDecision(withProgress, isoDate('2026-03-30'))).toEqual([]);
  });

  it('validates a progress report', () => {
    const m = signedMeeting();
    expect(
      progressInputErrors({ on: '2026-03-20', note: '进展', evidence: '' }, m, isoDate('2026-03-25')),
    ).toEqual({});
    expect(
      progressInputErrors({ on: '2026-03-26', note: ' ', evidence: '' }, m, isoDate('2026-03-25')),
    ).toEqual({
      on: '报告日期不能晚于今天',
      note: '请填写办理进展',
    });
  });

  it('refuses a decision naming a topic the meeting does not have', () => {
    const m = addDecision(signedMeeting(), { ...input, topicId: topicId('t9') }, d1, isoDate('2026-03-12'));
    expect(meetingSchema.safeParse(m).success).toBe(false);
  });
});
