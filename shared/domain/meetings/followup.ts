/**
 * After the meeting: the 常务会议's three reports (art. 42), the monthly 常务会议 (art. 42) and the documents a
 * meeting decided to issue (art. 53).
 */
import { addDays, yearMonthOf, type IsoDate } from '../../calendar/iso-date';
import { finding, type Finding } from '../findings';
import {
  REPORT_TARGET_LABELS,
  stateReached,
  type DocumentToIssue,
  type IssueDeadline,
  type Meeting,
  type ReportTarget,
} from '../meeting';
import type { WorkingDays } from '../working-days';
import { deadlineOrFinding, meetingRef } from './context';

const REPORT_TARGETS: readonly ReportTarget[] = ['partyCommittee', 'congressStandingCommittee', 'cppcc'];

/** The three follow-up tasks a held 常务会议 creates (art. 42). */
export function executiveReportTasks(): readonly { readonly target: ReportTarget }[] {
  return REPORT_TARGETS.map((target) => ({ target }));
}

/** Art. 42: after a 常务会议, report to 区委 and 区人大常委会 and notify 区政协. */
export function checkExecutiveReports(m: Meeting): Finding[] {
  if (m.kind !== 'executive' || !stateReached(m.state, 'held')) return [];
  const pending = REPORT_TARGETS.filter(
    (t) => m.reportTasks.find((r) => r.target === t)?.doneOn === undefined,
  );
  if (pending.length === 0) return [];
  return [
    finding(
      'meeting.executive.reports',
      [42],
      'warn',
      meetingRef(m),
      `常务会议召开后，要及时向区委、区人大常委会报告情况，同时向区政协通报情况。尚未完成：${pending.map((t) => REPORT_TARGET_LABELS[t]).join('、')}。`,
    ),
  ];
}

/** Every "YYYY-MM" from `fromMonth` to `toMonth` inclusive. */
export function monthsBetween(fromMonth: string, toMonth: string): string[] {
  const out: string[] = [];
  let [y, mo] = fromMonth.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard += 1) {
    const ym = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}`;
    if (ym > toMonth) break;
    out.push(ym);
    mo += 1;
    if (mo > 12) {
      mo = 1;
      y += 1;
    }
  }
  return out;
}

/** Art. 42: a 常务会议 at least once a month in principle — warn for each month without one held. */
export function checkExecutiveMonthly(
  meetings: readonly Meeting[],
  fromMonth: string,
  toMonth: string,
): Finding[] {
  const held = new Set(
    meetings
      .filter((m) => m.kind === 'executive' && stateReached(m.state, 'held'))
      .map((m) => yearMonthOf(m.date)),
  );
  return monthsBetween(fromMonth, toMonth)
    .filter((ym) => !held.has(ym))
    .map((ym) =>
      finding(
        'meeting.executive.monthly',
        [42],
        'warn',
        { kind: 'date', id: ym },
        `${ym.slice(0, 4)}年${Number(ym.slice(5, 7))}月没有召开区政府常务会议。常务会议原则上每月召开1次，请安排或说明原因。`,
      ),
    );
}

/** Art. 53: 5 working days after the meeting, 7 with major revisions to coordinate, or the explicit deadline. */
export function meetingDocumentDueDate(m: Meeting, deadline: IssueDeadline, cal: WorkingDays): IsoDate {
  switch (deadline.kind) {
    case 'fiveDays':
      return cal.addWorkingDays(m.date, 5);
    case 'sevenDays':
      return cal.addWorkingDays(m.date, 7);
    case 'explicit':
      return deadline.date;
    default: {
      const never: never = deadline;
      throw new Error(`未知的印发时限：${JSON.stringify(never)}`);
    }
  }
}

const DEADLINE_TEXT = (d: IssueDeadline): string =>
  d.kind === 'fiveDays'
    ? '会议结束后5个工作日内印发'
    : d.kind === 'sevenDays'
      ? '有重大修改意见需要协调的，7个工作日内印发'
      : '按明确的上报时限上报';

/** Art. 53: documents the meeting decided to issue, late or overdue. */
export function checkMeetingDocumentsDue(
  m: Meeting,
  cal: WorkingDays,
  today: IsoDate | undefined,
): Finding[] {
  const out: Finding[] = [];
  m.documentsToIssue.forEach((doc: DocumentToIssue, i) => {
    const ref = { kind: 'document' as const, id: doc.documentId ?? `${m.id}#doc${i + 1}` };
    const due = deadlineOrFinding(
      () => meetingDocumentDueDate(m, doc.deadline, cal),
      ref,
      [53],
      `《${doc.title}》的印发期限`,
    );
    if (typeof due !== 'string') {
      out.push(due);
      return;
    }
    if (doc.issuedOn !== undefined) {
      if (doc.issuedOn > due)
        out.push(
          finding(
            'meeting.document.overdue',
            [53],
            'warn',
            ref,
            `《${doc.title}》应${DEADLINE_TEXT(doc.deadline)}（${due}前），实际印发于${doc.issuedOn}，已超期。请说明原因。`,
          ),
        );
    } else if (today !== undefined && today > due) {
      out.push(
        finding(
          'meeting.document.overdue',
          [53],
          'warn',
          ref,
          `《${doc.title}》应${DEADLINE_TEXT(doc.deadline)}（${due}前），至今（${today}）尚未印发，请尽快办理。`,
        ),
      );
    } else if (today !== undefined && addDays(today, 1) >= due) {
      out.push(
        finding(
          'meeting.document.dueSoon',
          [53],
          'info',
          ref,
          `《${doc.title}》须于${due}前印发（${DEADLINE_TEXT(doc.deadline)}）。`,
        ),
      );
    }
  });
  return out;
}
