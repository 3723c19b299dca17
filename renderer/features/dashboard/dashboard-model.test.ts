import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../shared/calendar';
import { addDays, isoDate } from '../../../shared/calendar/iso-date';
import type { OutgoingRecord } from '../../../shared/domain/documents/outgoing-record';
import type { IncomingDocument } from '../../../shared/domain/documents/model';
import { decisionId, documentId, leaveRequestId, meetingId, unitId } from '../../../shared/domain/ids';
import { newMeeting, type Meeting } from '../../../shared/domain/meeting';
import { emptyRegistry } from '../../../shared/domain/registry';
import { createSampleOffice, SAMPLE_IDS } from '../../../shared/sample';
import { incomingStateOf } from '../../data/incoming-repo';
import {
  actingToday,
  AWAITING_INSTRUCTION_STATES,
  dashboardSections,
  displayOrder,
  decisionsDue,
  executiveMonthly,
  executiveReportsOpen,
  leaderQueueOverdue,
  assignmentsDue,
  outgoingOverdue,
  leavesPending,
  meetingsThisWeek,
  meetingsToday,
  minutesDue,
  storeIsEmpty,
  weekOf,
} from './dashboard-model';

// A Tuesday with data in the shipped calendar (week 2026-03-02 … 2026-03-08).
const today = isoDate('2026-03-03');
const reg = createSampleOffice(today);
const calendar = createWorkingCalendar();
const { districtHead, executiveDeputy } = SAMPLE_IDS;

const meeting = (id: string, fields: Partial<Meeting> = {}): Meeting =>
  newMeeting({
    id: meetingId(id),
    kind: 'special',
    title: `会议${id}`,
    date: today,
    place: '第一会议室',
    convenorId: districtHead,
    chairId: districtHead,
    ...fields,
  });

describe('weekOf', () => {
  it('runs Monday to Sunday', () => {
    expect(weekOf(today)).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(weekOf(isoDate('2026-03-08'))).toEqual({ from: '2026-03-02', to: '2026-03-08' });
  });
});

describe('meetings today and this week', () => {
  const ms = [
    meeting('a', { time: '09:00' }),
    meeting('b', { date: addDays(today, 2) }),
    meeting('c', { date: addDays(today, 6) }), // next Monday
    meeting('d', { state: 'cancelled', cancelled: { reason: '改期' } }),
    meeting('e', { state: 'held' }),
  ];
  it('lists today’s live meetings not yet held, linking to the meeting', () => {
    const items = meetingsToday(ms, today);
    expect(items.map((i) => i.href)).toEqual(['/meetings/a']);
    expect(items[0]?.badge).toBe('today');
    expect(items[0]?.detail).toContain('2026-03-03 09:00');
  });
  it('lists the rest of this week only', () => {
    expect(meetingsThisWeek(ms, today).map((i) => i.href)).toEqual(['/meetings/b']);
  });
});

describe('minutes due (art. 47)', () => {
  it('is due within 2 working days of the meeting, then overdue', () => {
    const ms = [
      meeting('m1', { state: 'held' }),
      meeting('m2', { state: 'held', date: isoDate('2026-02-25') }),
    ];
    const items = minutesDue(ms, today, calendar);
    expect(items.map((i) => [i.href, i.badge])).toEqual([
      ['/meetings/m1', 'due'],
      ['/meetings/m2', 'overdue'],
    ]);
    expect(items[0]?.detail).toContain('2026-03-05');
    expect(items[0]?.detail).toContain('第四十七条');
  });
  it('drops meetings whose minutes are drafted', () => {
    const drafted = meeting('m3', {
      state: 'held',
      minutes: [{ version: 1, draftedOn: today, text: '纪要' }],
    });
    expect(minutesDue([drafted], today, calendar)).toEqual([]);
  });
});

describe('decisions due (arts. 29, 47)', () => {
  const decision = (id: string, dueDate: string, closedOn?: string) => ({
    id: decisionId(id),
    text: `事项${id}`,
    dueDate: isoDate(dueDate),
    responsibleLeaderId: executiveDeputy,
    progress: [],
    evidence: [],
    ...(closedOn ? { closedOn: isoDate(closedOn) } : {}),
  });
  const m = meeting('x', {
    state: 'issued',
    date: isoDate('2026-02-10'),
    decisions: [
      decision('soon', '2026-03-10'), // 5th working day after today
      decision('late', '2026-03-01'),
      decision('far', '2026-03-11'),
      decision('done', '2026-03-01', '2026-02-28'),
    ],
  });
  it('shows overdue first, then those due within 5 working days; closed and far ones are left out', () => {
    const items = decisionsDue([m], reg, today, calendar);
    expect(items.map((i) => [i.key, i.badge])).toEqual([
      ['decision:late', 'overdue'],
      ['decision:soon', 'due'],
    ]);
    // One click opens the meeting's 决定事项 tab, where the item is followed up.
    expect(items[0]?.href).toBe('/meetings/x?tab=decisions');
    expect(items[0]?.detail).toContain('第二十九条、第四十七条');
  });
});

describe('leave requests pending the chair (arts. 46, 59)', () => {
  it('lists undecided requests for meetings today or later', () => {
    const leave = {
      id: leaveRequestId('l1'),
      personId: executiveDeputy,
      reason: '外出调研',
      askedOfId: districtHead,
      requestedOn: today,
    };
    const decided = {
      ...leave,
      id: leaveRequestId('l2'),
      decision: { byId: districtHead, approved: true, on: today },
    };
    const ms = [
      meeting('p', { date: addDays(today, 1), leaves: [leave, decided] }),
      meeting('q', { date: addDays(today, -1), leaves: [{ ...leave, id: leaveRequestId('l3') }] }),
    ];
    const items = leavesPending(ms, reg, today);
    expect(items.map((i) => [i.key, i.href, i.badge])).toEqual([['leave:l1', '/meetings/p', 'pending']]);
    expect(items[0]?.title).toContain('外出调研');
  });
});

describe('常务会议 follow-up (art. 42)', () => {
  it('lists held 常务会议 with reports not done', () => {
    const open = meeting('e1', {
      kind: 'executive',
      state: 'held',
      reportTasks: [{ target: 'partyCommittee', doneOn: today }],
    });
    const done = meeting('e2', {
      kind: 'executive',
      state: 'held',
      reportTasks: [
        { target: 'partyCommittee', doneOn: today },
        { target: 'congressStandingCommittee', doneOn: today },
        { target: 'cppcc', doneOn: today },
      ],
    });
    const items = executiveReportsOpen([open, done, meeting('s', { state: 'held' })]);
    expect(items.map((i) => i.href)).toEqual(['/meetings/e1?tab=reports']);
    expect(items[0]?.detail).toContain('向区人大常委会报告情况、向区政协通报情况');
    expect(items[0]?.detail).toContain('第四十二条');
  });

  it('warns for past months without a held 常务会议 (overdue) and this month when none is planned', () => {
    const jan = meeting('j', { kind: 'executive', state: 'held', date: isoDate('2026-01-15') });
    const items = executiveMonthly([jan], today);
    expect(items.map((i) => [i.key, i.badge])).toEqual([
      ['monthly:2026-02', 'overdue'],
      ['monthly:2026-03', 'due'],
    ]);
    expect(items[0]?.href).toBe('/meetings');
  });

  it('does not warn about this month once a 常务会议 is planned in it', () => {
    const jan = meeting('j', { kind: 'executive', state: 'held', date: isoDate('2026-01-15') });
    const mar = meeting('k', { kind: 'executive', date: addDays(today, 2) });
    expect(executiveMonthly([jan, mar], today).map((i) => i.key)).toEqual(['monthly:2026-02']);
    expect(executiveMonthly([], today)).toEqual([]);
  });
});

describe('today’s acting (art. 9)', () => {
  it('shows the sample deputy away today and who covers', () => {
    const items = actingToday(reg, today);
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]?.detail).toContain('第九条');
    expect(items[0]?.href).toBe('/registry');
  });
  it('shows nothing for an empty registry', () => {
    expect(actingToday(emptyRegistry, today)).toEqual([]);
  });
});

describe('dashboardSections', () => {
  it('keeps every section in order and knows an empty store', () => {
    const sections = dashboardSections({ meetings: [], registry: emptyRegistry, today, calendar });
    expect(sections.map((s) => s.id)).toEqual([
      'meetingsToday',
      'meetingsWeek',
      'minutesDue',
      'decisionsDue',
      'leavesPending',
      'executiveReports',
      'executiveMonthly',
      'acting',
      'leaderQueue',
      'assignmentsDue',
      'outgoingOverdue',
    ]);
    expect(sections.every((s) => s.items.length === 0)).toBe(true);
    expect(storeIsEmpty({ meetings: [], registry: emptyRegistry })).toBe(true);
    expect(storeIsEmpty({ meetings: [], registry: reg })).toBe(false);
  });
});

describe('leaders’ queue of incoming documents (art. 54, 当日事当日清)', () => {
  const routed = (id: string, date: string, fields: Partial<IncomingDocument> = {}): IncomingDocument => ({
    id: documentId(id),
    direction: 'incoming',
    title: `来文${id}`,
    kind: 'request',
    fromUnitId: unitId('sample-u-jsj'),
    addressedTo: { kind: 'government' },
    registeredOn: isoDate(date),
    routing: { leaderId: executiveDeputy, date: isoDate(date) },
    ...fields,
  });

  it('lists documents routed more than one working day ago and not instructed, oldest first', () => {
    const docs = [
      routed('today', '2026-03-03'),
      routed('yesterday', '2026-03-02'),
      routed('old', '2026-02-26'),
      routed('older', '2026-02-25'),
      routed('done', '2026-02-25', {
        instructions: [{ leaderId: executiveDeputy, date: isoDate('2026-02-26'), text: '同意' }],
      }),
      routed('closed', '2026-02-25', { completedOn: isoDate('2026-02-26') }),
    ];
    const items = leaderQueueOverdue(docs, reg, today, calendar);
    expect(items.map((i) => i.key)).toEqual(['leaderQueue:older', 'leaderQueue:old']);
    expect(items[0]).toMatchObject({ badge: 'overdue', href: '/documents/incoming/older' });
    expect(items[0]?.detail).toContain('呈钱德明');
    expect(items[0]?.detail).toContain('第五十四条');
    const section = dashboardSections({ meetings: [], registry: reg, today, calendar, incoming: docs }).find(
      (s) => s.id === 'leaderQueue',
    );
    expect(section?.items).toHaveLength(2);
  });

  it('loads exactly the states a routed, uninstructed, open document can be in', () => {
    const instruction = { leaderId: executiveDeputy, date: isoDate('2026-02-26'), text: '同意' };
    const variants = [
      routed('plain', '2026-02-25'),
      routed('circulated', '2026-02-25', {
        circulation: [{ personId: executiveDeputy, sentOn: isoDate('2026-02-25') }],
      }),
      routed('assigned', '2026-02-25', {
        assignments: [
          { unitId: unitId('sample-u-jsj'), due: isoDate('2026-03-10'), assignedOn: isoDate('2026-02-25') },
        ],
      }),
      routed('instructed', '2026-02-25', { instructions: [instruction] }),
      routed('closed', '2026-02-25', { instructions: [instruction], completedOn: isoDate('2026-02-26') }),
      { ...routed('unrouted', '2026-02-25'), routing: undefined },
    ];
    for (const d of variants) {
      const awaiting =
        d.routing !== undefined && (d.instructions ?? []).length === 0 && d.completedOn === undefined;
      expect(AWAITING_INSTRUCTION_STATES.includes(incomingStateOf(d)), d.id).toBe(awaiting);
    }
  });
});

describe('交办 items due or overdue (arts. 29, 54)', () => {
  const jsj = unitId('sample-u-jsj');
  const assigned = (
    id: string,
    assignments: IncomingDocument['assignments'],
    fields: Partial<IncomingDocument> = {},
  ): IncomingDocument => ({
    id: documentId(id),
    direction: 'incoming',
    title: `来文${id}`,
    kind: 'request',
    fromUnitId: jsj,
    addressedTo: { kind: 'government' },
    registeredOn: isoDate('2026-02-20'),
    assignments,
    ...fields,
  });
  const a = (due: string, doneOn?: string) => ({
    unitId: jsj,
    due: isoDate(due),
    assignedOn: isoDate('2026-02-20'),
    ...(doneOn === undefined ? {} : { doneOn: isoDate(doneOn) }),
  });

  it('lists open assignments overdue or due within 5 working days, overdue first, each to its document', () => {
    const docs = [
      assigned('soon', [a('2026-03-06')]),
      assigned('late', [a('2026-03-02'), a('2026-02-27', '2026-02-27')]),
      assigned('far', [a('2026-03-31')]),
      assigned('closed', [a('2026-02-27')], { completedOn: isoDate('2026-03-01') }),
    ];
    const items = assignmentsDue(docs, reg, today, calendar);
    expect(items.map((i) => i.key)).toEqual(['assignment:late:0', 'assignment:soon:0']);
    expect(items[0]).toMatchObject({ badge: 'overdue', href: '/documents/incoming/late', title: '来文late' });
    expect(items[0]?.detail).toMatch(/^已逾期，交办.+，应于2026-03-02前办结/);
    expect(items[0]?.detail).toContain('第二十九条');
    expect(items[1]).toMatchObject({ badge: 'due' });
    const section = dashboardSections({ meetings: [], registry: reg, today, calendar, incoming: docs }).find(
      (s) => s.id === 'assignmentsDue',
    );
    expect(section?.items).toHaveLength(2);
  });

  it('documents with open assignments are among the states the dashboard loads', () => {
    expect(AWAITING_INSTRUCTION_STATES.includes(incomingStateOf(assigned('x', [a('2026-03-06')])))).toBe(
      true,
    );
  });
});

describe('displayOrder', () => {
  const item = (badge: 'overdue' | 'due') => ({ key: badge, title: 't', detail: 'd', badge, href: '/' });
  it('puts sections with overdue items first, then other non-empty ones, then the empty ones, stable', () => {
    const sections = [
      { id: 'meetingsToday' as const, title: 'a', items: [] },
      { id: 'meetingsWeek' as const, title: 'b', items: [item('due')] },
      { id: 'minutesDue' as const, title: 'c', items: [] },
      { id: 'decisionsDue' as const, title: 'd', items: [item('due'), item('overdue')] },
      { id: 'acting' as const, title: 'e', items: [item('due')] },
    ];
    expect(displayOrder(sections).map((s) => s.id)).toEqual([
      'decisionsDue',
      'meetingsWeek',
      'acting',
      'meetingsToday',
      'minutesDue',
    ]);
  });
});

describe('overdue outgoing steps (arts. 19, 53)', () => {
  const signedRecord = (id: string, signed: string): OutgoingRecord => ({
    doc: {
      id: documentId(id),
      direction: 'outgoing',
      title: `发文${id}`,
      kind: 'notice',
      issuer: { kind: 'government' },
      flow: 'downward',
      signatures: [{ personId: districtHead, date: isoDate(signed), role: 'sign' }],
    },
    createdOn: isoDate(signed),
    mainRecipients: [],
    ccRecipients: [],
    versions: [{ version: 1, savedAt: '2026-02-20 09:00', savedBy: '文书', title: `发文${id}`, body: [] }],
    deliveries: [],
    tasks: [],
  });

  it('lists a document not printed 2 working days after signing, linking to it; printed ones drop out', () => {
    // Thu 02-26 → print due Sat 02-28, a 调休 working day after the Spring Festival in the shipped calendar.
    const late = signedRecord('late', '2026-02-26');
    const fresh = signedRecord('fresh', '2026-03-02');
    const printed = {
      ...late,
      doc: { ...late.doc, id: documentId('printed'), print: { date: isoDate('2026-03-03'), copies: 1 } },
    };
    const items = outgoingOverdue([fresh, late, printed], today, calendar);
    expect(items).toEqual([
      {
        key: 'outgoing-late-print',
        title: '发文late',
        detail: '签发后印制应于 2026-02-28 前完成，已逾期（第五十三条）',
        badge: 'overdue',
        href: '/documents/outgoing/late',
      },
    ]);
  });
});
