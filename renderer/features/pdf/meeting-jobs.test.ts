import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../shared/calendar/iso-date';
import type { DecisionId, LeaveRequestId, PostHoldingId, TopicId } from '../../../shared/domain/ids';
import { meetingId, personId, unitId } from '../../../shared/domain/ids';
import { newMeeting, type Meeting } from '../../../shared/domain/meeting';
import { emptyRegistry, type Registry } from '../../../shared/domain/registry';
import {
  attendanceOf,
  governmentOf,
  leaveJob,
  meetingPdfName,
  meetingTimeText,
  minutesJob,
  minutesSigned,
  noticeJob,
  signInJob,
} from './meeting-jobs';

const head = personId('p-head');
const dep = personId('p-dep');
const fin = personId('p-fin');
const registry: Registry = {
  ...emptyRegistry,
  people: [
    { id: head, name: '张区长', partyMember: true },
    { id: dep, name: '李副区长', partyMember: true },
    { id: fin, name: '王局长', partyMember: false },
  ],
  units: [{ id: unitId('u-fin'), name: '区财政局', kind: 'department' } as Registry['units'][number]],
  posts: [
    { id: 'h1' as PostHoldingId, personId: head, post: 'districtHead', from: isoDate('2020-01-01') },
    { id: 'h2' as PostHoldingId, personId: dep, post: 'deputyHead', from: isoDate('2020-01-01') },
  ],
};
const ctx = { registry, office: '示例区人民政府办公室', today: '2026-03-05' };
const topic = 't1' as TopicId;

function meeting(fields: Partial<Meeting> = {}): Meeting {
  return newMeeting({
    id: meetingId('m1'),
    kind: 'executive',
    title: '区人民政府第3次常务会议',
    date: isoDate('2026-03-12'),
    time: '09:00',
    place: '区政府常务会议室',
    convenorId: head,
    chairId: head,
    topics: [
      {
        id: topic,
        title: '研究2026年财政预算执行',
        reportingUnitIds: [unitId('u-fin')],
        materials: [],
        departmentsDisagree: false,
      },
    ],
    attendees: [
      { personId: head, role: 'member' },
      { personId: dep, role: 'member' },
      { personId: fin, role: 'topicNonVoting', unitId: unitId('u-fin') },
    ],
    ...fields,
  });
}

describe('meeting → PDF jobs', () => {
  it('writes the time as the notice says it', () => {
    expect(meetingTimeText({ date: isoDate('2026-03-12'), time: '09:00' })).toBe(
      '2026年3月12日（星期四）上午9:00',
    );
    expect(meetingTimeText({ date: isoDate('2026-03-12'), time: '14:30' })).toBe(
      '2026年3月12日（星期四）下午2:30',
    );
    expect(governmentOf('示例区人民政府办公室')).toBe('示例区人民政府');
  });

  it('makes the 会议通知 with agenda, attendees by role and the units as recipients', () => {
    const job = noticeJob(meeting(), ctx);
    if (job.type !== 'notice') throw new Error(job.type);
    expect(job.notice).toMatchObject({
      organ: '示例区人民政府办公室',
      meetingName: '区人民政府第3次常务会议',
      mainRecipients: ['区财政局'],
      agenda: ['研究2026年财政预算执行'],
      attendees: ['出席：张区长、李副区长', '议题列席：王局长'],
      date: '2026-03-05',
    });
  });

  it('makes the 签到表 with 出席 and 列席 rows, and one 请假单 per request', () => {
    const job = signInJob(meeting(), ctx);
    if (job.type !== 'signin') throw new Error(job.type);
    expect(job.sheet.people.map((p) => [p.name, p.role, p.unit])).toEqual([
      ['张区长', 'present', '区长'],
      ['李副区长', 'present', '副区长'],
      ['王局长', 'attending', '区财政局'],
    ]);
    const leave = {
      id: 'l1' as LeaveRequestId,
      personId: dep,
      reason: '赴市里参加培训',
      askedOfId: head,
      requestedOn: isoDate('2026-03-10'),
    };
    const slip = leaveJob(meeting({ leaves: [leave] }), leave, ctx);
    if (slip.type !== 'leave') throw new Error(slip.type);
    expect(slip.slip).toMatchObject({
      name: '李副区长',
      reason: '赴市里参加培训',
      requestDate: '2026年3月10日',
    });
    expect(meetingPdfName(meeting(), '请假单/李')).toBe('区人民政府第3次常务会议-请假单_李.pdf');
  });

  it('takes the 纪要 attendance from the sign-in sheet, leave reasons included', () => {
    const m = meeting({
      signIns: [
        { personId: head, status: 'present' },
        { personId: dep, status: 'onLeave' },
        { personId: fin, status: 'nonVoting' },
      ],
      leaves: [
        {
          id: 'l1' as LeaveRequestId,
          personId: dep,
          reason: '出差',
          askedOfId: head,
          requestedOn: isoDate('2026-03-10'),
        },
      ],
    });
    expect(attendanceOf(m, registry)).toEqual([
      { name: '张区长', status: 'present' },
      { name: '李副区长', status: 'absent', reason: '出差' },
      { name: '王局长', status: 'attending' },
    ]);
  });

  it('puts the seal on the 纪要 only when the chair signed it (art. 47)', () => {
    const seal = { kind: 'sample', organ: '示例区人民政府办公室' } as const;
    const decisions = [
      { id: 'd1' as DecisionId, text: '原则同意预算执行方案。', topicId: topic, progress: [], evidence: [] },
    ];
    const draft = meeting({
      decisions,
      minutes: [{ version: 1, draftedOn: isoDate('2026-03-13'), text: '会议认为，' }],
    });
    expect(minutesSigned(draft, registry)).toBe(false);
    const unsigned = minutesJob(draft, { ...ctx, seal });
    expect(unsigned.type).toBe('minutes');
    if (unsigned.type === 'minutes') {
      expect(unsigned.minutes.items).toEqual([
        { heading: '研究2026年财政预算执行', text: '原则同意预算执行方案。' },
      ]);
      expect(unsigned.minutes.meetingKind).toBe('常务会议');
    }
    const signed = meeting({
      decisions,
      minutes: [
        {
          version: 1,
          draftedOn: isoDate('2026-03-13'),
          text: '会议认为，',
          signature: { byId: head, on: isoDate('2026-03-13') },
        },
      ],
    });
    expect(minutesSigned(signed, registry)).toBe(true);
    const job = minutesJob(signed, { ...ctx, seal });
    expect(job.type).toBe('document');
    if (job.type === 'document') {
      expect(job.doc.seal).toEqual(seal);
      expect(job.doc.signature).toBe('示例区人民政府办公室');
      expect(job.doc.kind).toBe('jiyao');
      expect(job.doc.date).toBe('2026-03-13');
    }
    // Signed by the wrong person: no seal.
    const wrong = meeting({
      decisions,
      minutes: [
        {
          version: 1,
          draftedOn: isoDate('2026-03-13'),
          text: '',
          signature: { byId: fin, on: isoDate('2026-03-13') },
        },
      ],
    });
    expect(minutesJob(wrong, { ...ctx, seal }).type).toBe('minutes');
  });
});
