/** Meeting documents as 公文: the 会议通知 (a 通知 with an agenda) and the 常务会议纪要 with attendance. */
import {
  chineseDate,
  type AttendanceLists,
  type DocNumber,
  type OfficialDocument,
  type Paragraph,
  type Seal,
} from './model';

export interface MeetingNotice {
  readonly organ: string;
  readonly docNumber?: DocNumber;
  /** e.g. "区人民政府第12次常务会议". */
  readonly meetingName: string;
  readonly title?: string;
  readonly mainRecipients: readonly string[];
  /** Opening sentence; a default one is written from the meeting name. */
  readonly intro?: string;
  /** Display time, e.g. "2026年3月12日（星期四）上午9:00". */
  readonly time: string;
  readonly place: string;
  readonly attendees: readonly string[];
  readonly agenda: readonly string[];
  readonly requirements?: readonly string[];
  readonly contact?: { readonly name: string; readonly phone: string };
  readonly date: string;
  readonly seal?: Seal;
  readonly cc?: readonly string[];
  readonly printDate?: string;
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ordinal = (n: number): string =>
  n <= 10 ? (ORDINALS[n - 1] ?? String(n)) : n < 20 ? `十${ORDINALS[n - 11] ?? ''}` : String(n);

/** 会议通知 → a 通知 whose body lists time, place, attendees, agenda and requirements. */
export function meetingNoticeDocument(n: MeetingNotice): OfficialDocument {
  const body: Paragraph[] = [
    { text: n.intro ?? `经研究，定于${n.time}召开${n.meetingName}。现将有关事项通知如下。` },
  ];
  const sections: [string, Paragraph[]][] = [
    ['会议时间', [{ text: `${n.time}。` }]],
    ['会议地点', [{ text: `${n.place}。` }]],
    ['参会人员', [{ text: `${n.attendees.join('；')}。` }]],
    [
      '会议议程',
      n.agenda.map((item, i) => ({ level: 2 as const, heading: `（${ordinal(i + 1)}）`, text: item })),
    ],
  ];
  if (n.requirements && n.requirements.length > 0) {
    sections.push([
      '有关要求',
      n.requirements.map((r, i) => ({ level: 3 as const, heading: `${i + 1}. `, text: r })),
    ]);
  }
  sections.forEach(([heading, paras], i) => {
    body.push({ level: 1, heading: `${ordinal(i + 1)}、${heading}` }, ...paras);
  });
  if (n.contact) body.push({ text: `联系人：${n.contact.name}，联系电话：${n.contact.phone}。` });
  return {
    kind: 'tongzhi',
    organ: n.organ,
    withWenjian: false,
    ...(n.docNumber ? { docNumber: n.docNumber } : {}),
    title: n.title ?? `关于召开${n.meetingName}的通知`,
    mainRecipients: n.mainRecipients,
    body,
    date: n.date,
    ...(n.seal ? { seal: n.seal } : {}),
    ...(n.cc ? { cc: n.cc } : {}),
    ...(n.printDate ? { printDate: n.printDate } : {}),
  };
}

/** One person's attendance as recorded for a meeting. */
export interface AttendanceRecord {
  readonly name: string;
  /** 单位/职务, printed after the name when given. */
  readonly title?: string;
  readonly status: 'present' | 'absent' | 'attending';
  /** 请假 reason, printed in parentheses. */
  readonly reason?: string;
}

/** Attendance records → the 出席/请假/列席 lists of a 纪要, in record order. */
export function attendanceLists(records: readonly AttendanceRecord[]): AttendanceLists {
  const label = (r: AttendanceRecord): string => {
    const base = r.title ? `${r.name}（${r.title}）` : r.name;
    return r.status === 'absent' && r.reason ? `${base}（${r.reason}）` : base;
  };
  const pick = (s: AttendanceRecord['status']): string[] => records.filter((r) => r.status === s).map(label);
  return { present: pick('present'), absent: pick('absent'), attending: pick('attending') };
}

export interface MinutesInput {
  /** e.g. "示例区人民政府". */
  readonly government: string;
  /** 印发机关, e.g. "示例区人民政府办公室". */
  readonly office: string;
  /** e.g. "常务会议". */
  readonly meetingKind: string;
  /** 期号 line under the mark, e.g. "第3期". */
  readonly issue: string;
  readonly title?: string;
  readonly intro: string;
  /** 议定事项. */
  readonly items: readonly { readonly heading: string; readonly text: string }[];
  readonly attendance: readonly AttendanceRecord[];
  readonly date: string;
  readonly cc?: readonly string[];
  readonly printDate?: string;
}

export function minutesDocument(m: MinutesInput): OfficialDocument {
  const body: Paragraph[] = [{ text: m.intro }];
  m.items.forEach((item, i) =>
    body.push({ level: 1, heading: `${ordinal(i + 1)}、${item.heading}` }, { text: item.text }),
  );
  return {
    kind: 'jiyao',
    organ: m.office,
    markText: `${m.government}${m.meetingKind}纪要`,
    issueLabel: m.issue,
    title: m.title ?? '',
    body,
    signature: '',
    date: m.date,
    attendance: attendanceLists(m.attendance),
    ...(m.cc ? { cc: m.cc } : {}),
    printingOrgan: m.office,
    printDate: m.printDate ?? m.date,
  };
}

/** "2026年3月12日" for callers that hold ISO dates. */
export const displayDate = chineseDate;
