import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../shared/calendar';
import { isoDate } from '../../../shared/calendar/iso-date';
import { meetingId, topicId } from '../../../shared/domain/ids';
import { newMeeting, type Meeting } from '../../../shared/domain/meeting';
import { createSampleOffice, SAMPLE_IDS } from '../../../shared/sample';
import { signedOn, topicOfAgreedItem } from './DecisionsTab';
import { meetingsByDay, minutesNote } from './MeetingsCalendar';
import { rescheduleFindings } from './PostponeCancel';

const head = SAMPLE_IDS.districtHead;
const meeting = (id: string, date: string, fields: Partial<Meeting> = {}) =>
  newMeeting({
    id: meetingId(id),
    kind: 'executive',
    title: `会议${id}`,
    date: isoDate(date),
    place: '会议室',
    convenorId: head,
    chairId: head,
    ...fields,
  });

describe('meetings calendar', () => {
  it('groups meetings by day in time order', () => {
    const byDay = meetingsByDay([
      meeting('a', '2026-03-10', { time: '15:00' }),
      meeting('b', '2026-03-10', { time: '09:00' }),
      meeting('c', '2026-03-11'),
    ]);
    expect(byDay.get('2026-03-10')?.map((m) => m.id)).toEqual(['b', 'a']);
    expect(byDay.get('2026-03-11')?.map((m) => m.id)).toEqual(['c']);
    expect(byDay.get('2026-03-12')).toBeUndefined();
  });

  it('words the art. 47 minutes badge for a day cell', () => {
    expect(minutesNote({ kind: 'due', due: isoDate('2026-03-12') })).toBe('（纪要2026-03-12前起草）');
    expect(minutesNote({ kind: 'overdue', due: isoDate('2026-03-12') })).toBe('（纪要已逾期）');
    expect(minutesNote({ kind: 'none' })).toBe('');
  });
});

describe('decisions tab helpers', () => {
  const t1 = topicId('t1');
  const m = meeting('m', '2026-03-10', {
    topics: [
      { id: t1, title: '老旧小区改造', reportingUnitIds: [], materials: [], departmentsDisagree: false },
    ],
    minutes: [
      {
        version: 1,
        draftedOn: isoDate('2026-03-11'),
        text: '稿',
        signature: { byId: head, on: isoDate('2026-03-12') },
      },
      { version: 2, draftedOn: isoDate('2026-03-13'), text: '更正稿' },
    ],
  });

  it('counts working days from the latest signature, else from the meeting day', () => {
    expect(signedOn(m)).toBe('2026-03-12');
    expect(signedOn({ ...m, minutes: [] })).toBe('2026-03-10');
  });

  it('finds the topic an agreed item comes from by its title', () => {
    expect(topicOfAgreedItem(m, '老旧小区改造：同意方案')).toBe(t1);
    expect(topicOfAgreedItem(m, '其他事项')).toBeUndefined();
  });
});

describe('rescheduling checks', () => {
  it('asks the planning rules about the meeting on its new date, only once the form is complete', () => {
    const reg = createSampleOffice(isoDate('2026-03-02'));
    const ctx = { registry: reg, calendar: createWorkingCalendar(), today: isoDate('2026-03-02') };
    const postponed = meeting('p', '2026-03-05', { state: 'postponed', postponed: { reason: '区长外出' } });
    expect(rescheduleFindings(postponed, { date: '', time: '', reason: '' }, ctx)).toEqual([]);
    const findings = rescheduleFindings(
      postponed,
      { date: '2026-03-10', time: '09:00', reason: '区长返回' },
      ctx,
    );
    expect(findings.every((f) => f.ruleId !== 'meeting.step.order')).toBe(true);
    // A non-postponed meeting is not rescheduled at all.
    expect(
      rescheduleFindings(
        { ...postponed, state: 'planned' },
        { date: '2026-03-10', time: '', reason: 'x' },
        ctx,
      ),
    ).toEqual([]);
  });
});
