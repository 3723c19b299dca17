/**
 * The dashboard (工作台) as pure selectors: given meetings, registry, today and the working calendar, the
 * sections of things to handle, each item one link from where it is handled (issue 5).
 */
import { addDays, dayOfWeek, yearMonthOf, type IsoDate } from '../../../shared/calendar/iso-date';
import { citeArticles } from '../../../shared/domain/findings';
import {
  MEETING_KIND_LABELS,
  MEETING_STATE_LABELS,
  REPORT_TARGET_LABELS,
  firstMinutes,
  stateReached,
  type Meeting,
} from '../../../shared/domain/meeting';
import { checkExecutiveMonthly } from '../../../shared/domain/meetings/followup';
import { minutesDueDate } from '../../../shared/domain/meetings/minutes';
import { actingOn, personName, unitName, type Registry } from '../../../shared/domain/registry';
import type { WorkingDays } from '../../../shared/domain/working-days';
import { checkSameDay, instructionDue } from '../../../shared/domain/documents/incoming';
import type { IncomingDocument } from '../../../shared/domain/documents/model';
import { overdueDeadlines, type OutgoingRecord } from '../../../shared/domain/documents/outgoing-record';
import type { IncomingState } from '../../data/incoming-repo';

export type DashboardBadge = 'overdue' | 'due' | 'pending' | 'today' | 'week' | 'info';

export const BADGE_LABELS: Readonly<Record<DashboardBadge, string>> = {
  overdue: '已逾期',
  due: '即将到期',
  pending: '待处理',
  today: '今天',
  week: '本周',
  info: '提示',
};

export interface DashboardItem {
  readonly key: string;
  readonly title: string;
  readonly detail: string;
  readonly badge: DashboardBadge;
  /** Router path (without '#'), e.g. "/meetings/<id>". */
  readonly href: string;
}

export type SectionId =
  | 'meetingsToday'
  | 'meetingsWeek'
  | 'minutesDue'
  | 'decisionsDue'
  | 'leavesPending'
  | 'executiveReports'
  | 'executiveMonthly'
  | 'acting'
  | 'leaderQueue'
  | 'assignmentsDue'
  | 'outgoingOverdue';

export interface DashboardSection {
  readonly id: SectionId;
  readonly title: string;
  readonly items: readonly DashboardItem[];
}

export interface DashboardInput {
  readonly meetings: readonly Meeting[];
  readonly registry: Registry;
  readonly today: IsoDate;
  readonly calendar: WorkingDays;
  /** Incoming documents (收文), for the leaders' queues; absent = none loaded. */
  readonly incoming?: readonly IncomingDocument[];
  /** Outgoing documents (发文), for their overdue steps; absent = none loaded. */
  readonly outgoing?: readonly OutgoingRecord[];
}

const meetingHref = (m: Meeting): string => `/meetings/${m.id}`;
const live = (m: Meeting): boolean => m.state !== 'cancelled' && m.state !== 'postponed';
const when = (m: Meeting): string => `${m.date}${m.time ? ` ${m.time}` : ''}`;
const label = (m: Meeting): string => `${MEETING_KIND_LABELS[m.kind]}：${m.title}`;

/** Monday … Sunday of the week holding `today` (weeks start on Monday in Chinese offices). */
export function weekOf(today: IsoDate): { readonly from: IsoDate; readonly to: IsoDate } {
  const back = (dayOfWeek(today) + 6) % 7;
  const from = addDays(today, -back);
  return { from, to: addDays(from, 6) };
}

function meetingItem(m: Meeting, badge: DashboardBadge): DashboardItem {
  return {
    key: `meeting:${m.id}`,
    title: label(m),
    detail: `${when(m)} · ${m.place} · ${MEETING_STATE_LABELS[m.state]}`,
    badge,
    href: meetingHref(m),
  };
}

export function meetingsToday(meetings: readonly Meeting[], today: IsoDate): DashboardItem[] {
  return meetings
    .filter((m) => live(m) && m.date === today && !stateReached(m.state, 'held'))
    .map((m) => meetingItem(m, 'today'));
}

/** The rest of this week (not today), not yet held. */
export function meetingsThisWeek(meetings: readonly Meeting[], today: IsoDate): DashboardItem[] {
  const { to } = weekOf(today);
  return meetings
    .filter((m) => live(m) && m.date > today && m.date <= to && !stateReached(m.state, 'held'))
    .map((m) => meetingItem(m, 'week'));
}

/** Art. 47: held meetings whose first minutes draft is not written; overdue after 2 working days. */
export function minutesDue(meetings: readonly Meeting[], today: IsoDate, cal: WorkingDays): DashboardItem[] {
  return meetings
    .filter((m) => m.state === 'held' && firstMinutes(m) === undefined)
    .map((m) => {
      const due = minutesDueDate(m, cal);
      const overdue = due < today;
      return {
        key: `minutes:${m.id}`,
        title: label(m),
        detail: `会议纪要应于${due}前起草${overdue ? '，已逾期' : ''}（${citeArticles([47])}：会后2个工作日内）`,
        badge: overdue ? 'overdue' : 'due',
        href: meetingHref(m),
      };
    });
}

/** Arts. 29, 47: open decision items overdue, or due within 5 working days. Overdue first. */
export function decisionsDue(
  meetings: readonly Meeting[],
  reg: Registry,
  today: IsoDate,
  cal: WorkingDays,
): DashboardItem[] {
  const horizon = cal.addWorkingDays(today, 5);
  const items = meetings.flatMap((m) =>
    m.decisions
      .filter((d) => d.closedOn === undefined && d.dueDate !== undefined && d.dueDate <= horizon)
      .map((d) => {
        const due = d.dueDate ?? today;
        const overdue = due < today;
        const leader = d.responsibleLeaderId ? `，责任领导${personName(reg, d.responsibleLeaderId)}` : '';
        return {
          due,
          item: {
            key: `decision:${d.id}`,
            title: d.text,
            detail: `${overdue ? '已逾期，' : ''}应于${due}前完成${leader}（${label(m)}；${citeArticles([29, 47])}）`,
            badge: overdue ? ('overdue' as const) : ('due' as const),
            href: `${meetingHref(m)}?tab=decisions`,
          },
        };
      }),
  );
  return items.sort((a, b) => a.due.localeCompare(b.due)).map((x) => x.item);
}

/** Arts. 46, 59: leave requests asked of the chair and not decided, for meetings not yet over. */
export function leavesPending(meetings: readonly Meeting[], reg: Registry, today: IsoDate): DashboardItem[] {
  return meetings
    .filter((m) => live(m) && m.date >= today)
    .flatMap((m) =>
      m.leaves
        .filter((l) => l.decision === undefined)
        .map((l) => ({
          key: `leave:${l.id}`,
          title: `${personName(reg, l.personId)}请假：${l.reason}`,
          detail: `待${personName(reg, l.askedOfId)}批准 · ${label(m)}（${when(m)}；${citeArticles([46, 59])}）`,
          badge: 'pending' as const,
          href: meetingHref(m),
        })),
    );
}

/** Art. 42: held 常务会议 whose reports to 区委 / 区人大常委会 / 区政协 are not all done. */
export function executiveReportsOpen(meetings: readonly Meeting[]): DashboardItem[] {
  const targets = ['partyCommittee', 'congressStandingCommittee', 'cppcc'] as const;
  return meetings
    .filter((m) => m.kind === 'executive' && stateReached(m.state, 'held'))
    .flatMap((m) => {
      const pending = targets.filter((t) => m.reportTasks.find((r) => r.target === t)?.doneOn === undefined);
      if (pending.length === 0) return [];
      return [
        {
          key: `reports:${m.id}`,
          title: label(m),
          detail: `尚未完成：${pending.map((t) => REPORT_TARGET_LABELS[t]).join('、')}（${citeArticles([42])}）`,
          badge: 'pending' as const,
          href: `${meetingHref(m)}?tab=reports`,
        },
      ];
    });
}

/**
 * Art. 42: months without a held 常务会议 — from the first month with any meeting up to last month (warned
 * as overdue), and this month once no 常务会议 is held or planned in it (warned as due).
 */
export function executiveMonthly(meetings: readonly Meeting[], today: IsoDate): DashboardItem[] {
  if (meetings.length === 0) return [];
  const first = meetings.reduce((min, m) => (m.date < min ? m.date : min), meetings[0]?.date ?? today);
  const thisMonth = yearMonthOf(today);
  const firstMonth = yearMonthOf(first);
  if (firstMonth > thisMonth) return [];
  const plannedThisMonth = meetings.some(
    (m) => m.kind === 'executive' && live(m) && yearMonthOf(m.date) === thisMonth,
  );
  return checkExecutiveMonthly(meetings, firstMonth, thisMonth)
    .filter((f) => f.subject.id !== thisMonth || !plannedThisMonth)
    .map((f) => ({
      key: `monthly:${f.subject.id}`,
      title: `${f.subject.id.slice(0, 4)}年${Number(f.subject.id.slice(5, 7))}月没有常务会议`,
      detail: `${f.message}（${citeArticles(f.articles)}）`,
      badge: f.subject.id === thisMonth ? ('due' as const) : ('overdue' as const),
      href: '/meetings',
    }));
}

/** Art. 9: today's acting arrangements. */
export function actingToday(reg: Registry, today: IsoDate): DashboardItem[] {
  return actingOn(reg, today).map((a) => ({
    key: `acting:${a.absentId}`,
    title: `${personName(reg, a.absentId)}外出，由${personName(reg, a.actingId)}代管`,
    detail: a.reason,
    badge: 'info' as const,
    href: '/registry',
  }));
}

/**
 * The states an incoming document can be in while routed to a leader and not yet instructed (routing, then
 * perhaps 传阅 or 交办 before the 批示); the dashboard loads only these ('assigned' also holds every open 交办).
 */
export const AWAITING_INSTRUCTION_STATES: readonly IncomingState[] = ['routed', 'circulating', 'assigned'];

/** Art. 54 ("当日事当日清"): documents routed to a leader and not instructed more than one working day later. */
export function leaderQueueOverdue(
  docs: readonly IncomingDocument[],
  reg: Registry,
  today: IsoDate,
  cal: WorkingDays,
): DashboardItem[] {
  return docs
    .flatMap((d) =>
      d.routing !== undefined && (d.instructions ?? []).length === 0 && d.completedOn === undefined
        ? [{ d, routing: d.routing }]
        : [],
    )
    .filter(({ d }) => checkSameDay(d, reg, cal, today).length > 0)
    .sort((a, b) => a.routing.date.localeCompare(b.routing.date))
    .map(({ d, routing }) => ({
      key: `leaderQueue:${d.id}`,
      title: d.title,
      detail: `${routing.date} 呈${personName(reg, routing.leaderId)}，应于${instructionDue(d, cal) ?? routing.date}前批示，已超过一个工作日未批示（${citeArticles([54])}：当日事当日清）`,
      badge: 'overdue' as const,
      href: `/documents/incoming/${d.id}`,
    }));
}

/**
 * Arts. 29, 54: 交办 items not reported done, overdue or due within 5 working days, overdue first; the office
 * follows them like meeting decisions (the document's page records progress and 办结).
 */
export function assignmentsDue(
  docs: readonly IncomingDocument[],
  reg: Registry,
  today: IsoDate,
  cal: WorkingDays,
): DashboardItem[] {
  const horizon = cal.addWorkingDays(today, 5);
  return docs
    .filter((d) => d.completedOn === undefined && d.archivedOn === undefined)
    .flatMap((d) =>
      (d.assignments ?? []).flatMap((a, index) =>
        a.doneOn === undefined && a.due <= horizon ? [{ d, a, index }] : [],
      ),
    )
    .sort((x, y) => x.a.due.localeCompare(y.a.due))
    .map(({ d, a, index }) => {
      const overdue = a.due < today;
      return {
        key: `assignment:${d.id}:${index}`,
        title: d.title,
        detail: `${overdue ? '已逾期，' : ''}交办${unitName(reg, a.unitId)}，应于${a.due}前办结（${a.assignedOn} 交办；${citeArticles([29, 54])}）`,
        badge: overdue ? ('overdue' as const) : ('due' as const),
        href: `/documents/incoming/${d.id}`,
      };
    });
}

/** Outgoing documents' steps past their due day (印制, 公开, 政策解读, 备案; arts. 19, 53), oldest first. */
export function outgoingOverdue(
  records: readonly OutgoingRecord[],
  today: IsoDate,
  cal: WorkingDays,
): DashboardItem[] {
  return records
    .flatMap((r) => {
      let late: ReturnType<typeof overdueDeadlines>;
      try {
        late = overdueDeadlines(r, cal, today);
      } catch {
        return []; // a year without calendar data: the document page says so
      }
      return late.map((d) => ({
        key: `outgoing-${r.doc.id}-${d.key}`,
        title: r.doc.title,
        detail: `${d.label}应于 ${d.due} 前完成，已逾期（${citeArticles(d.articles)}）`,
        badge: 'overdue' as const,
        href: `/documents/outgoing/${r.doc.id}`,
        due: d.due,
      }));
    })
    .sort((a, b) => a.due.localeCompare(b.due))
    .map(({ due: _due, ...item }) => item);
}

/** All sections in display order; empty ones are kept so the page can say "无". */
export function dashboardSections(input: DashboardInput): DashboardSection[] {
  const { meetings, registry, today, calendar } = input;
  return [
    { id: 'meetingsToday', title: '今天的会议', items: meetingsToday(meetings, today) },
    { id: 'meetingsWeek', title: '本周其他会议', items: meetingsThisWeek(meetings, today) },
    { id: 'minutesDue', title: '待起草的会议纪要', items: minutesDue(meetings, today, calendar) },
    {
      id: 'decisionsDue',
      title: '到期和逾期的决定事项',
      items: decisionsDue(meetings, registry, today, calendar),
    },
    { id: 'leavesPending', title: '待主持人批准的请假', items: leavesPending(meetings, registry, today) },
    { id: 'executiveReports', title: '常务会议会后报告', items: executiveReportsOpen(meetings) },
    { id: 'executiveMonthly', title: '常务会议每月召开', items: executiveMonthly(meetings, today) },
    { id: 'acting', title: '今日代管情况', items: actingToday(registry, today) },
    {
      id: 'leaderQueue',
      title: '领导待批收文（超过一个工作日）',
      items: leaderQueueOverdue(input.incoming ?? [], registry, today, calendar),
    },
    {
      id: 'assignmentsDue',
      title: '到期和逾期的交办事项',
      items: assignmentsDue(input.incoming ?? [], registry, today, calendar),
    },
    {
      id: 'outgoingOverdue',
      title: '逾期的发文办理事项',
      items: outgoingOverdue(input.outgoing ?? [], today, calendar),
    },
  ];
}

/**
 * The order on screen: sections with something to handle first (overdue ones before the rest), then the empty
 * ones, each group in the fixed order, so what needs doing is above the fold at 1366×768.
 */
export function displayOrder(sections: readonly DashboardSection[]): DashboardSection[] {
  const rank = (s: DashboardSection) =>
    s.items.some((i) => i.badge === 'overdue') ? 0 : s.items.length > 0 ? 1 : 2;
  return sections
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map(({ s }) => s);
}

/** True when there is nothing to show at all (no meetings and no registry people). */
export function storeIsEmpty(input: Pick<DashboardInput, 'meetings' | 'registry'>): boolean {
  return input.meetings.length === 0 && input.registry.people.length === 0;
}
