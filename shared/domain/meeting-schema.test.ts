import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { meetingSchema, parseMeeting } from './meeting-schema';

const minimal = {
  id: 'm-1',
  kind: 'executive',
  title: '区政府第5次常务会议',
  date: '2026-03-05',
  convenorId: 'p-head',
  chairId: 'p-head',
};
const issues = (data: unknown): string[] => {
  const r = meetingSchema.safeParse(data);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};
const topic = { id: 't1', title: '预算调整' };

describe('meeting schema', () => {
  it('fills defaults for a sparse record', () => {
    const m = parseMeeting(minimal);
    expect(m.state).toBe('planned');
    expect(m.place).toBe('');
    expect(m.topics).toEqual([]);
    const withTopic = parseMeeting({ ...minimal, topics: [topic], decisions: [{ id: 'd', text: '落实' }] });
    expect(withTopic.topics[0]).toMatchObject({
      reportingUnitIds: [],
      materials: [],
      departmentsDisagree: false,
    });
    expect(withTopic.decisions[0]).toMatchObject({ progress: [], evidence: [] });
  });

  it('refuses topic 列席 without topics, assistants without whom they assist, and bad times', () => {
    expect(issues({ ...minimal, attendees: [{ personId: 'p', role: 'topicNonVoting' }] })).toContain(
      '议题列席人员须注明列席哪些议题',
    );
    expect(issues({ ...minimal, attendees: [{ personId: 'p', role: 'assistant' }] })).toContain(
      '助手须注明随哪位汇报人员参会',
    );
    expect(issues({ ...minimal, time: '25:00' })).toContain('时间格式应为 HH:MM，例如 09:30');
  });

  it('refuses duplicate topics and versions and references to topics not on this meeting', () => {
    const m = issues({
      ...minimal,
      topics: [topic, topic],
      minutes: [
        { version: 1, draftedOn: '2026-03-06' },
        { version: 1, draftedOn: '2026-03-07' },
      ],
      attendees: [{ personId: 'p', role: 'topicNonVoting', topicIds: ['t9'] }],
      signIns: [{ personId: 'p', status: 'present', topicIds: ['t8'] }],
      records: [{ topicId: 't7', recorderId: 'c', text: '' }],
    });
    expect(m).toEqual(
      expect.arrayContaining([
        '议题编号重复：t1',
        '纪要版本号重复：1',
        '与会人员引用了本次会议没有的议题：t9',
        '签到引用了本次会议没有的议题：t8',
        '会议纪录引用了本次会议没有的议题：t7',
      ]),
    );
  });

  it('requires a reason to postpone or cancel', () => {
    expect(issues({ ...minimal, state: 'postponed' })).toContain('会议延期须填写延期原因');
    expect(issues({ ...minimal, state: 'cancelled' })).toContain('会议取消须填写取消原因');
    expect(issues({ ...minimal, state: 'cancelled', cancelled: { reason: '区长临时赴市开会' } })).toEqual([]);
  });

  it('validates art. 53 deadlines by kind', () => {
    const doc = (deadline: unknown) => ({ ...minimal, documentsToIssue: [{ title: '通知', deadline }] });
    expect(issues(doc({ kind: 'fiveDays' }))).toEqual([]);
    expect(issues(doc({ kind: 'sevenDays', reason: ' ' }))).toContain('请说明需要协调的重大修改意见');
    expect(issues(doc({ kind: 'explicit', date: '2026-02-30' }))).toContain(
      '日期格式应为 YYYY-MM-DD 且为真实日期',
    );
  });

  it('parseMeeting throws a ZodError', () => {
    expect(() => parseMeeting({ ...minimal, kind: 'party' })).toThrow(z.ZodError);
  });
});
