/**
 * A meeting (shared/domain/meeting.ts) → the PDF engine's jobs: 会议通知, 签到表, 请假单 (one per leave
 * request) and 纪要. Pure: names come from the registry, the office name and seal from the caller. The 纪要
 * carries the seal only when the minutes are validly signed (art. 47; the seal follows signing, art. 54).
 */
import {
  activeTopics,
  ATTENDEE_ROLE_LABELS,
  MEETING_KIND_LABELS,
  type Attendee,
  type LeaveRequest,
  type Meeting,
  type MeetingKind,
  type MinutesVersion,
} from '../../../shared/domain/meeting';
import { checkMinutesSignature } from '../../../shared/domain/meetings/minutes';
import { findUnit, personName, postsOf, POST_LABELS, type Registry } from '../../../shared/domain/registry';
import {
  chineseDate,
  minutesDocument,
  type AttendanceRecord,
  type MinutesInput,
  type PdfJob,
  type Seal,
  type SignInPerson,
} from '../../../shared/pdf';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** "2026年3月12日（星期四）上午9:00". */
export function meetingTimeText(m: Pick<Meeting, 'date' | 'time'>): string {
  const [y, mo, d] = m.date.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(y ?? 2000, (mo ?? 1) - 1, d ?? 1)).getUTCDay()] ?? '';
  let time = '';
  if (m.time) {
    const [h, min] = m.time.split(':').map(Number);
    const hour = h ?? 0;
    const half = hour < 12 ? '上午' : '下午';
    time = `${half}${hour <= 12 ? hour : hour - 12}:${String(min ?? 0).padStart(2, '0')}`;
  }
  return `${chineseDate(m.date)}（星期${weekday}）${time}`;
}

/** "常务会议" from "区政府常务会议": the part after the government, for the 纪要 mark. */
const MINUTES_KIND: Readonly<Record<MeetingKind, string>> = {
  plenary: '全体会议',
  partyGroup: '党组会议',
  executive: '常务会议',
  headOffice: '区长办公会议',
  special: '专题会议',
};

/** "示例区人民政府" from "示例区人民政府办公室". */
export const governmentOf = (office: string): string => office.replace(/办公室$/, '') || office;

function unitAndPost(reg: Registry, a: Pick<Attendee, 'personId' | 'unitId'>, on: string): string {
  const unit = a.unitId ? findUnit(reg, a.unitId)?.name : undefined;
  const post = postsOf(reg, a.personId, on as Meeting['date'])[0];
  const postText = post ? (post.title ?? POST_LABELS[post.post]) : undefined;
  return [unit, postText].filter((s): s is string => Boolean(s)).join('') || '';
}

export interface MeetingPdfContext {
  readonly registry: Registry;
  /** 印发机关 / 发文机关, e.g. "示例区人民政府办公室". */
  readonly office: string;
  /** Today (YYYY-MM-DD): the notice's date. */
  readonly today: string;
}

export function noticeJob(m: Meeting, c: MeetingPdfContext): PdfJob {
  const byRole = new Map<string, string[]>();
  for (const a of m.attendees) {
    if (a.role === 'assistant') continue;
    const label = ATTENDEE_ROLE_LABELS[a.role];
    byRole.set(label, [...(byRole.get(label) ?? []), personName(c.registry, a.personId)]);
  }
  const attendees = [...byRole.entries()].map(([label, names]) => `${label}：${names.join('、')}`);
  const units = [
    ...new Set(
      m.attendees
        .flatMap((a) => (a.unitId ? [findUnit(c.registry, a.unitId)?.name ?? ''] : []))
        .filter(Boolean),
    ),
  ];
  return {
    type: 'notice',
    notice: {
      organ: c.office,
      meetingName: m.title,
      mainRecipients: units.length > 0 ? units : ['各参会单位'],
      time: meetingTimeText(m),
      place: m.place,
      attendees: attendees.length > 0 ? attendees : ['另行通知'],
      agenda: activeTopics(m).map((t) => t.title),
      requirements: ['请参会人员准时出席，不能出席的须按规定事先请假。'],
      date: c.today,
    },
  };
}

export function signInJob(m: Meeting, c: MeetingPdfContext): PdfJob {
  const people: SignInPerson[] = m.attendees
    .filter((a) => a.role !== 'assistant')
    .map((a) => ({
      name: personName(c.registry, a.personId),
      unit: unitAndPost(c.registry, a, m.date),
      role: a.role === 'member' ? 'present' : 'attending',
    }));
  return {
    type: 'signin',
    sheet: { meetingName: m.title, time: meetingTimeText(m), place: m.place, people },
  };
}

export function leaveJob(m: Meeting, leave: LeaveRequest, c: MeetingPdfContext): PdfJob {
  const attendee = m.attendees.find((a) => a.personId === leave.personId);
  return {
    type: 'leave',
    slip: {
      meetingName: m.title,
      time: meetingTimeText(m),
      name: personName(c.registry, leave.personId),
      unit: unitAndPost(c.registry, attendee ?? { personId: leave.personId }, m.date),
      reason: leave.reason,
      ...(leave.standInId ? { substitute: personName(c.registry, leave.standInId) } : {}),
      requestDate: chineseDate(leave.requestedOn),
    },
  };
}

export const latestMinutes = (m: Meeting): MinutesVersion | undefined =>
  m.minutes.reduce<MinutesVersion | undefined>((a, v) => (a && a.version > v.version ? a : v), undefined);

/** Signed by whom the rules require (art. 47, art. 9 when acting): no blocking finding on the signature. */
export function minutesSigned(m: Meeting, reg: Registry): boolean {
  const latest = latestMinutes(m);
  return (
    latest?.signature !== undefined && checkMinutesSignature(m, reg).every((f) => f.severity !== 'block')
  );
}

/** 出席/请假/列席 from the sign-in sheet when there is one, else from the invitation list and leave. */
export function attendanceOf(m: Meeting, reg: Registry): AttendanceRecord[] {
  const leaveReason = (id: Attendee['personId']) => m.leaves.find((l) => l.personId === id)?.reason;
  if (m.signIns.length > 0) {
    return m.signIns.map((s): AttendanceRecord => {
      const name = personName(reg, s.personId);
      switch (s.status) {
        case 'present':
          return { name, status: 'present' };
        case 'nonVoting':
          return { name, status: 'attending' };
        case 'onLeave':
          return {
            name,
            status: 'absent',
            ...(leaveReason(s.personId) ? { reason: leaveReason(s.personId) } : {}),
          };
        case 'absent':
          return { name, status: 'absent', reason: '缺席' };
        default: {
          const never: never = s.status;
          return never;
        }
      }
    });
  }
  const approved = new Set(m.leaves.filter((l) => l.decision?.approved).map((l) => l.personId));
  return m.attendees
    .filter((a) => a.role !== 'assistant')
    .map((a): AttendanceRecord => {
      const name = personName(reg, a.personId);
      if (approved.has(a.personId)) {
        const reason = leaveReason(a.personId);
        return { name, status: 'absent', ...(reason ? { reason } : {}) };
      }
      return { name, status: a.role === 'member' ? 'present' : 'attending' };
    });
}

export interface MinutesJobInput extends MeetingPdfContext {
  /** The seal to place when the minutes are signed; ignored otherwise. */
  readonly seal?: Seal;
  /** 期号, e.g. "第3期". */
  readonly issue?: string;
}

export function minutesInput(m: Meeting, c: MinutesJobInput): MinutesInput {
  const latest = latestMinutes(m);
  const topics = activeTopics(m);
  const chair = personName(c.registry, m.chairId);
  const intro = `${chineseDate(m.date)}，${chair}主持召开${m.title}${
    topics.length > 0 ? `，研究了${topics.map((t) => t.title).join('、')}等事项` : ''
  }。现纪要如下：`;
  const byTopic = topics
    .map((t) => ({
      heading: t.title,
      text: m.decisions
        .filter((d) => d.topicId === t.id)
        .map((d) => d.text)
        .join(''),
    }))
    .filter((i) => i.text !== '');
  const loose = m.decisions.filter((d) => !d.topicId || !topics.some((t) => t.id === d.topicId));
  const items = [
    ...byTopic,
    ...(loose.length > 0 ? [{ heading: '其他议定事项', text: loose.map((d) => d.text).join('') }] : []),
  ];
  return {
    government: governmentOf(c.office),
    office: c.office,
    meetingKind: MINUTES_KIND[m.kind],
    issue: c.issue ?? '第1期',
    intro: latest?.text ? `${intro}${latest.text}` : intro,
    items: items.length > 0 ? items : [{ heading: '议定事项', text: latest?.text ?? '（纪要正文尚未起草）' }],
    attendance: attendanceOf(m, c.registry),
    date: latest?.signature?.on ?? latest?.draftedOn ?? m.date,
  };
}

/** The 纪要 job; with the seal only when the minutes are signed. */
export function minutesJob(m: Meeting, c: MinutesJobInput): PdfJob {
  const input = minutesInput(m, c);
  if (c.seal && minutesSigned(m, c.registry)) {
    // The seal sits over a signature and date (GB/T 9704 7.3.5), so a sealed 纪要 is signed by the office.
    return { type: 'document', doc: { ...minutesDocument(input), signature: c.office, seal: c.seal } };
  }
  return { type: 'minutes', minutes: input };
}

/** File names for 保存 PDF. */
export const meetingPdfName = (m: Meeting, what: string): string =>
  // eslint-disable-next-line no-control-regex -- file names must not carry control characters
  `${m.title}-${what}.pdf`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');

export const meetingKindLabel = (k: MeetingKind): string => MEETING_KIND_LABELS[k];
