/**
 * Properties over arbitrary meetings on the sample office: no rule throws on a record the schema accepts,
 * and every finding cites real articles with a Chinese message a clerk can read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import office from '../../../test/scenarios/registries/office.json';
import { createWorkingCalendar } from '../../calendar';
import { addDays, isoDate } from '../../calendar/iso-date';
import { ARTICLES } from '../articles';
import type { Finding } from '../findings';
import { meetingSchema } from '../meeting-schema';
import type { Meeting } from '../meeting';
import { parseRegistry } from '../registry-schema';
import { MEETING_STEPS, checkMeeting, checkMeetingStep } from './check';
import { minutesDueDate } from './minutes';

const reg = parseRegistry(office);
const calendar = createWorkingCalendar();
const people = reg.people.map((p) => p.id as string);
const units = reg.units.map((u) => u.id as string);
const topicIds = ['t1', 't2', 't3'];

const day = fc.integer({ min: 0, max: 300 }).map((n) => addDays(isoDate('2026-01-05'), n));
const person = fc.constantFrom(...people);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const procedure = fc.record({ on: day, note: fc.constant('记录') });

const topicArb = (id: string) =>
  fc.record(
    {
      id: fc.constant(id),
      title: fc.constant(`议题${id}`),
      reportingUnitIds: fc.subarray(units, { maxLength: 2 }),
      responsibleDeputyId: maybe(fc.constantFrom('p-exec', 'p-dep1', 'p-dep2')),
      materials: fc.constantFrom([], ['方案']),
      proposedDecision: maybe(fc.constantFrom('', '原则同意')),
      priorStudy: maybe(fc.record({ on: day, byId: person, preliminaryView: fc.constant('一致') })),
      departmentsDisagree: fc.boolean(),
      coordinatingMeetingId: maybe(fc.constantFrom('m-0', 'm-x')),
      major: maybe(
        fc.record(
          {
            legalityReview: maybe(
              fc.record({ on: day, byUnitId: fc.constantFrom(...units), lawful: fc.boolean() }),
            ),
            publicParticipation: maybe(procedure),
            expertReview: maybe(procedure),
            riskAssessment: maybe(procedure),
            publicInterestAtStake: fc.boolean(),
            stabilityAssessment: maybe(
              fc.record({ on: day, note: fc.constant('报告'), thirdParty: fc.constant('评估中心') }),
            ),
            hearing: maybe(procedure),
            art27Domain: maybe(fc.constantFrom('economic', 'political', 'cultural', 'social', 'ecological')),
            partyCommitteeConsent: maybe(procedure),
          },
          { requiredKeys: ['publicInterestAtStake'] },
        ),
      ),
      approval: maybe(fc.record({ byId: person, on: day })),
      withdrawn: maybe(fc.boolean()),
    },
    { requiredKeys: ['id', 'title', 'reportingUnitIds', 'materials', 'departmentsDisagree'] },
  );

const meetingArb = fc
  .record({
    kind: fc.constantFrom('plenary', 'partyGroup', 'executive', 'headOffice', 'special'),
    date: day,
    convenorId: person,
    chairId: person,
    recorderId: maybe(person),
    important: maybe(fc.boolean()),
    state: fc.constantFrom(
      'planned',
      'agendaApproved',
      'noticeSent',
      'held',
      'minutesDrafted',
      'minutesSigned',
      'issued',
      'archived',
    ),
    nTopics: fc.integer({ min: 0, max: 3 }),
    topics: fc.tuple(topicArb('t1'), topicArb('t2'), topicArb('t3')),
    attendees: fc.array(
      fc.record({
        personId: person,
        role: fc.constantFrom(
          'member',
          'fixedNonVoting',
          'topicNonVoting',
          'invited',
          'participant',
          'assistant',
        ),
        boss: person,
      }),
      { maxLength: 12 },
    ),
    deliveries: fc.array(fc.record({ personId: person, on: day }), { maxLength: 10 }),
    leaves: fc.array(
      fc.record({
        personId: person,
        askedOfId: person,
        decided: fc.option(fc.record({ byId: person, approved: fc.boolean(), on: day }), { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
    signIns: fc.array(
      fc.record({
        personId: person,
        status: fc.constantFrom('present', 'onLeave', 'absent', 'nonVoting'),
        topicIds: fc.subarray(topicIds),
      }),
      { maxLength: 8 },
    ),
    minutes: fc.array(
      fc.record({
        draftedOn: day,
        signature: fc.option(fc.record({ byId: person, on: day }), { nil: undefined }),
      }),
      { maxLength: 2 },
    ),
    decisions: fc.array(
      fc.record({
        ownerUnitId: maybe(fc.constantFrom(...units)),
        dueDate: maybe(day),
        closedOn: maybe(day),
      }),
      { maxLength: 3 },
    ),
    reportTasks: fc.subarray(['partyCommittee', 'congressStandingCommittee', 'cppcc']),
    docs: fc.array(
      fc.record({
        deadline: fc.oneof(
          fc.constant({ kind: 'fiveDays' }),
          fc.constant({ kind: 'sevenDays', reason: '协调' }),
          day.map((date) => ({ kind: 'explicit', date })),
        ),
        issuedOn: maybe(day),
      }),
      { maxLength: 2 },
    ),
  })
  .map((r): unknown => {
    const topics = r.topics.slice(0, r.nTopics);
    const ids = topics.map((t) => t.id);
    return {
      id: 'm-1',
      kind: r.kind,
      title: '会议',
      date: r.date,
      convenorId: r.convenorId,
      chairId: r.chairId,
      recorderId: r.recorderId,
      important: r.important,
      state: r.state,
      topics,
      attendees: r.attendees.map((a) => ({
        personId: a.personId,
        role: a.role,
        ...(a.role === 'topicNonVoting' ? { topicIds: ids.length > 0 ? [ids[0]] : undefined } : {}),
        ...(a.role === 'assistant' ? { assistsId: a.boss } : {}),
      })),
      deliveries: r.deliveries,
      leaves: r.leaves.map((l, i) => ({
        id: `l-${i}`,
        personId: l.personId,
        reason: '出差',
        askedOfId: l.askedOfId,
        requestedOn: r.date,
        decision: l.decided,
      })),
      signIns: r.signIns.map((s) => ({ ...s, topicIds: s.topicIds.filter((t) => ids.includes(t)) })),
      minutes: r.minutes.map((v, i) => ({
        version: i + 1,
        draftedOn: v.draftedOn,
        text: '纪要',
        signature: v.signature,
      })),
      decisions: r.decisions.map((d, i) => ({ id: `d-${i}`, text: '落实', ...d })),
      reportTasks: r.reportTasks.map((target) => ({ target, doneOn: r.date })),
      documentsToIssue: r.docs.map((d, i) => ({ title: `文件${i}`, ...d })),
    };
  });

const CJK = /[\u4e00-\u9fff]/;
const wellFormed = (f: Finding) =>
  /^[a-z]+(\.[a-zA-Z0-9]+)+$/.test(f.ruleId) &&
  f.articles.length > 0 &&
  f.articles.every((a) => ARTICLES[a] !== undefined) &&
  CJK.test(f.message) &&
  f.subject.id !== '';

describe('meeting rules on arbitrary meetings', () => {
  const other = meetingSchema.parse({
    id: 'm-0',
    kind: 'special',
    title: '协调会',
    date: '2026-02-02',
    convenorId: 'p-exec',
    chairId: 'p-exec',
    state: 'held',
  }) as Meeting;

  it('generates mostly schema-valid meetings (so the property is not vacuous)', () => {
    const ok = fc.sample(meetingArb, 200).filter((raw) => meetingSchema.safeParse(raw).success).length;
    expect(ok).toBeGreaterThan(150);
  });

  it('never throw, and every finding is well formed', () => {
    fc.assert(
      fc.property(meetingArb, day, (raw, today) => {
        const parsed = meetingSchema.safeParse(raw);
        fc.pre(parsed.success);
        const m = parsed.data as Meeting;
        const ctx = { registry: reg, calendar, today, meetings: [other] };
        const all = [checkMeeting(m, ctx), ...MEETING_STEPS.map((s) => checkMeetingStep(m, s, ctx))].flat();
        for (const f of all) expect(wellFormed(f), `${f.ruleId}: ${f.message}`).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('minutes are due on the second working day after the meeting', () => {
    fc.assert(
      fc.property(day, (date) => {
        const due = minutesDueDate({ date } as Meeting, calendar);
        expect(due > date).toBe(true);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(calendar.workingDaysBetween(date, due)).toBe(2);
      }),
    );
  });
});
