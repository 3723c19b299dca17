import { describe, expect, it } from 'vitest';
import { isoDate } from '../calendar/iso-date';
import { meetingId, personId, topicId } from './ids';
import {
  MEETING_KINDS,
  MEETING_KIND_ARTICLE,
  MEETING_KIND_LABELS,
  MEETING_KIND_PURPOSES,
  activeTopics,
  firstMinutes,
  latestMinutes,
  newMeeting,
  reviseMinutes,
  stateReached,
  type Meeting,
} from './meeting';

const base = (): Meeting =>
  newMeeting({
    id: meetingId('m-1'),
    kind: 'executive',
    title: '常务会议',
    date: isoDate('2026-03-05'),
    place: '三楼会议室',
    convenorId: personId('p-head'),
    chairId: personId('p-head'),
  });

describe('meeting model', () => {
  it('describes the five kinds with their article and purposes', () => {
    expect(MEETING_KINDS).toHaveLength(5);
    expect(MEETING_KINDS.map((k) => MEETING_KIND_ARTICLE[k])).toEqual([40, 41, 42, 43, 44]);
    expect(MEETING_KIND_LABELS.headOffice).toBe('区长办公会议');
    expect(MEETING_KIND_PURPOSES.executive).toHaveLength(9);
  });

  it('newMeeting starts planned with empty lists', () => {
    const m = base();
    expect(m.state).toBe('planned');
    expect([m.topics, m.attendees, m.minutes, m.decisions, m.documentsToIssue]).toEqual([[], [], [], [], []]);
    expect(latestMinutes(m)).toBeUndefined();
    expect(firstMinutes(m)).toBeUndefined();
  });

  it('orders states forward; cancelled and postponed reach nothing', () => {
    expect(stateReached('minutesSigned', 'held')).toBe(true);
    expect(stateReached('held', 'held')).toBe(true);
    expect(stateReached('noticeSent', 'held')).toBe(false);
    expect(stateReached('cancelled', 'planned')).toBe(false);
    expect(stateReached('held', 'postponed')).toBe(false);
  });

  it('leaves withdrawn topics off the agenda', () => {
    const t = {
      id: topicId('t1'),
      title: 'a',
      reportingUnitIds: [],
      materials: [],
      departmentsDisagree: false,
    };
    const m = { ...base(), topics: [t, { ...t, id: topicId('t2'), withdrawn: true }] };
    expect(activeTopics(m).map((x) => x.id)).toEqual(['t1']);
  });

  it('edits an unsigned draft in place but corrects signed minutes with a new version', () => {
    const d1 = reviseMinutes(base(), '初稿', isoDate('2026-03-06'));
    expect(d1.minutes).toEqual([{ version: 1, draftedOn: '2026-03-06', text: '初稿' }]);
    const d1b = reviseMinutes(d1, '修改稿', isoDate('2026-03-07'));
    expect(d1b.minutes).toEqual([{ version: 1, draftedOn: '2026-03-07', text: '修改稿' }]);
    const signed: Meeting = {
      ...d1b,
      minutes: [{ ...d1b.minutes[0]!, signature: { byId: personId('p-head'), on: isoDate('2026-03-09') } }],
    };
    const corrected = reviseMinutes(signed, '更正稿', isoDate('2026-03-10'));
    expect(corrected.minutes).toHaveLength(2);
    expect(corrected.minutes[0]?.signature?.byId).toBe('p-head');
    expect(corrected.minutes[0]?.text).toBe('修改稿');
    expect(latestMinutes(corrected)).toEqual({ version: 2, draftedOn: '2026-03-10', text: '更正稿' });
    expect(firstMinutes(corrected)?.version).toBe(1);
  });
});
