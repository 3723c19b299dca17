/** Unit tests of the meeting rules on the sample office (test/scenarios/registries/office.json). */
import { describe, expect, it } from 'vitest';
import office from '../../../test/scenarios/registries/office.json';
import { createWorkingCalendar } from '../../calendar';
import { isoDate } from '../../calendar/iso-date';
import type { Finding } from '../findings';
import {
  decisionId,
  entrustmentId,
  leaveRequestId,
  meetingId,
  personId as P,
  topicId,
  travelId,
  unitId as U,
} from '../ids';
import { newMeeting, reviseMinutes, type Meeting, type Topic } from '../meeting';
import { parseRegistry } from '../registry-schema';
import type { Registry, TravelReport } from '../registry';
import { checkLeaves, checkMaterials, checkRecords } from './attendance';
import { MEETING_STEPS, availableSteps, checkMeeting, checkMeetingStep, stepAllowedFrom } from './check';
import { dedupeFindings, type MeetingRuleContext } from './context';
import {
  checkExecutiveMonthly,
  checkMeetingDocumentsDue,
  executiveReportTasks,
  meetingDocumentDueDate,
  monthsBetween,
} from './followup';
import {
  checkMinutesDue,
  checkMinutesFrozen,
  checkMinutesSignature,
  minutesDueDate,
  requiredMinutesSigner,
} from './minutes';
import {
  chairCandidates,
  chairStatus,
  checkAttendeeList,
  checkChair,
  expectedAttendees,
  proposeChair,
  regenerateAttendees,
  topicSetterStatus,
} from './roles';
import {
  checkAgenda,
  checkCoordination,
  checkMajorDecision,
  checkTopicApproval,
  checkTopicSubstance,
} from './topics';

const reg = parseRegistry(office);
const calendar = createWorkingCalendar();
const D = isoDate('2026-03-05');
const ctx = (over: Partial<MeetingRuleContext> = {}): MeetingRuleContext => ({
  registry: reg,
  calendar,
  ...over,
});
const ids = (fs: readonly Finding[]) => fs.map((f) => f.ruleId);

const topic = (over: Partial<Topic> = {}): Topic => ({
  id: topicId('t1'),
  title: '预算调整',
  reportingUnitIds: [U('u-fin')],
  responsibleDeputyId: P('p-exec'),
  materials: ['方案'],
  proposedDecision: '原则同意',
  priorStudy: { on: isoDate('2026-02-26'), byId: P('p-exec'), preliminaryView: '一致' },
  departmentsDisagree: false,
  approval: { byId: P('p-head'), on: isoDate('2026-03-02') },
  ...over,
});
const meeting = (over: Partial<Meeting> = {}): Meeting => ({
  ...newMeeting({
    id: meetingId('m-1'),
    kind: 'executive',
    title: '常务会议',
    date: D,
    place: '会议室',
    convenorId: P('p-head'),
    chairId: P('p-head'),
  }),
  recorderId: P('p-clerk'),
  topics: [topic()],
  ...over,
});
const away = (person: string, from: string, to: string): TravelReport => ({
  id: travelId(`tr-${person}`),
  personId: P(person),
  from: isoDate(from),
  to: isoDate(to),
  destination: '兰州',
  purpose: '开会',
  reportedTo: ['city'],
  reportedOn: isoDate('2026-03-01'),
});
const regWith = (over: Partial<Registry>): Registry => ({ ...reg, ...over });

describe('who convenes and chairs (arts. 7, 9, 40–44)', () => {
  it('rates every kind', () => {
    expect(chairStatus(reg, 'plenary', P('p-head'), D)).toBe('eligible');
    expect(chairStatus(reg, 'executive', P('p-exec'), D)).toBe('ineligible');
    expect(chairStatus(reg, 'partyGroup', P('p-head'), D)).toBe('eligible');
    expect(chairStatus(reg, 'headOffice', P('p-dep1'), D)).toBe('needsEntrustment');
    expect(chairStatus(reg, 'headOffice', P('p-dir'), D)).toBe('ineligible');
    expect(chairStatus(reg, 'headOffice', P('p-head'), D)).toBe('eligible');
    expect(chairStatus(reg, 'special', P('p-dep2'), D)).toBe('eligible');
    expect(chairStatus(reg, 'special', P('p-pg'), D)).toBe('ineligible');
    const headAway = regWith({ travels: [away('p-head', '2026-03-05', '2026-03-05')] });
    expect(chairStatus(headAway, 'executive', P('p-exec'), D)).toBe('acting');
    expect(chairStatus(headAway, 'headOffice', P('p-exec'), D)).toBe('acting');
  });

  it('flags a convenor other than the chair, and an ineligible convenor', () => {
    const f = checkChair(meeting({ convenorId: P('p-dir') }), reg);
    expect(ids(f)).toEqual(['meeting.convenor.eligible', 'meeting.convenor.sameAsChair']);
    expect(f[0]?.articles).toEqual([7, 42]);
  });

  it('a 副区长 at a 区长办公会议: blocked without entrustment, noted with one', () => {
    const m = meeting({ kind: 'headOffice', chairId: P('p-dep1'), convenorId: P('p-dep1') });
    expect(checkChair(m, reg).map((f) => [f.ruleId, f.severity])).toEqual([
      ['meeting.chair.entrustment', 'block'],
    ]);
    const entrusted = regWith({
      entrustments: [
        {
          id: entrustmentId('e'),
          grantorId: P('p-head'),
          granteeId: P('p-dep1'),
          scope: 'headOfficeMeeting',
          description: '研究老旧小区改造',
          from: isoDate('2026-03-01'),
          recordedOn: isoDate('2026-03-01'),
        },
      ],
    });
    const f = checkChair(m, entrusted);
    expect(ids(f)).toEqual(['meeting.chair.entrusted']);
    expect(f[0]?.message).toContain('研究老旧小区改造');
    expect(topicSetterStatus(entrusted, m, P('p-dep1'), D)).toBe('eligible');
    expect(topicSetterStatus(reg, m, P('p-dep2'), D)).toBe('ineligible');
  });

  it('proposes the 常务副区长 while the 区长 is away, and nobody when both are', () => {
    expect(proposeChair(reg, 'executive', D)?.personId).toBe('p-head');
    expect(proposeChair(reg, 'partyGroup', D)).toMatchObject({ personId: 'p-head', articles: [7, 41] });
    const headAway = regWith({ travels: [away('p-head', '2026-03-04', '2026-03-06')] });
    expect(proposeChair(headAway, 'special', D)).toMatchObject({ personId: 'p-exec', articles: [9] });
    expect(proposeChair(headAway, 'partyGroup', D)?.personId).toBe('p-head');
    const both = regWith({
      travels: [away('p-head', '2026-03-04', '2026-03-06'), away('p-exec', '2026-03-05', '2026-03-05')],
    });
    expect(proposeChair(both, 'executive', D)).toBeUndefined();
    const f = checkChair(meeting(), both);
    expect(ids(f)).toEqual(['meeting.chair.away']);
    expect(f[0]?.message).toContain('请改期或另行安排主持人');
    expect(proposeChair(regWith({ posts: [] }), 'executive', D)).toBeUndefined();
    expect(proposeChair(regWith({ posts: [] }), 'partyGroup', D)).toBeUndefined();
  });
});

describe('who sits (arts. 40–44)', () => {
  it('the executive meeting: members, fixed 列席 and per-topic 列席', () => {
    const e = expectedAttendees(meeting(), reg);
    const by = (role: string) =>
      e
        .filter((x) => x.role === role)
        .map((x) => x.personId)
        .sort();
    expect(by('member')).toEqual(['p-dep1', 'p-dep2', 'p-exec', 'p-head', 'p-pg']);
    expect(by('fixedNonVoting')).toEqual(['p-ddir', 'p-insp', 'p-legal', 'p-sup']);
    expect(e.find((x) => x.personId === 'p-fin')).toMatchObject({
      role: 'topicNonVoting',
      topicIds: ['t1'],
      optional: false,
    });
  });

  it('merges one unit head reporting on two topics, and skips units without a head', () => {
    const m = meeting({
      topics: [topic(), topic({ id: topicId('t2'), reportingUnitIds: [U('u-fin'), U('u-pc'), U('u-npc')] })],
    });
    const fin = expectedAttendees(m, reg).filter((x) => x.personId === 'p-fin');
    expect(fin).toHaveLength(1);
    expect(fin[0]?.topicIds).toEqual(['t1', 't2']);
    expect(expectedAttendees(m, reg).some((x) => x.unitId === 'u-npc')).toBe(false);
  });

  it('plenary topic units may be invited; special meetings add the deputies responsible for topics', () => {
    const plen = expectedAttendees(
      meeting({ kind: 'plenary', topics: [topic({ reportingUnitIds: [U('u-tw1')] })] }),
      reg,
    );
    expect(plen.find((x) => x.personId === 'p-tw1')).toMatchObject({ role: 'invited', optional: true });
    const sp = expectedAttendees(
      meeting({
        kind: 'special',
        chairId: P('p-dep1'),
        topics: [topic({ responsibleDeputyId: P('p-dep2') })],
      }),
      reg,
    );
    expect(sp.filter((x) => !x.optional).map((x) => x.personId)).toEqual([
      'p-dep1',
      'p-dep2',
      'p-dir',
      'p-fin',
    ]);
  });

  it('a plenary offers (never requires) township heads and the outside leaders art. 40 lets it invite', () => {
    // Art. 40: "可安排乡镇政府……主要负责同志……列席会议。必要时，可邀请区委、区人大常委会、区政协、区法院、
    // 区检察院领导同志……列席会议". Offered as optional 列席, so inviting them needs no override reason.
    const plen = expectedAttendees(meeting({ kind: 'plenary' }), reg);
    for (const p of ['p-tw1', 'p-tw2', 'p-pc', 'p-npc', 'p-cppcc'])
      expect(plen.find((x) => x.personId === p)).toMatchObject({
        role: 'invited',
        optional: true,
        articles: [40],
      });
    expect(plen.find((x) => x.personId === 'p-npc')?.unitId).toBe('u-npc');
    // Other kinds do not invite them.
    expect(expectedAttendees(meeting({ kind: 'executive' }), reg).some((x) => x.personId === 'p-npc')).toBe(
      false,
    );
    // And the list the rules require of a plenary is unchanged: nobody optional is missing at notice.
    const required = plen.filter((x) => !x.optional).map((x) => x.personId);
    expect(required).not.toContain('p-npc');
    expect(required).not.toContain('p-tw1');
  });

  it('regenerating the list keeps the people added by hand and refreshes the required ones (arts. 40–42)', () => {
    const m = meeting({
      attendees: [
        { personId: P('p-fin'), role: 'topicNonVoting', topicIds: [topicId('old')] },
        { personId: P('p-npc'), role: 'invited' },
      ],
    });
    const list = regenerateAttendees(m, reg);
    // Required ones from the rules, with the topics they imply now; the invitation stays, after them.
    expect(list.find((a) => a.personId === 'p-fin')).toEqual({
      personId: 'p-fin',
      role: 'topicNonVoting',
      topicIds: ['t1'],
      unitId: 'u-fin',
    });
    expect(list.at(-1)).toEqual({ personId: 'p-npc', role: 'invited' });
    expect(list.filter((a) => a.personId === 'p-fin')).toHaveLength(1);
    const required = expectedAttendees(m, reg).filter((e) => !e.optional);
    expect(list).toHaveLength(required.length + 1);
  });

  it('refuses roles a kind does not know, and members who are not members', () => {
    const f = checkAttendeeList(
      meeting({
        kind: 'plenary',
        attendees: [
          { personId: P('p-sup'), role: 'fixedNonVoting' },
          { personId: P('p-dir'), role: 'member' },
        ],
      }),
      reg,
    );
    expect(ids(f)).toEqual(['meeting.attendee.role', 'meeting.attendee.notMember']);
    expect(f[0]?.message).toContain('固定列席');
  });
});

describe('topic gates (arts. 23, 25, 27, 45)', () => {
  it('an empty agenda blocks', () => {
    expect(ids(checkAgenda(meeting({ topics: [] }), ctx()))).toEqual(['meeting.agenda.empty']);
  });

  it('reports missing unit, materials and deputy, and a study after the meeting', () => {
    const t = topic({
      reportingUnitIds: [],
      materials: [],
      responsibleDeputyId: undefined,
      proposedDecision: '  ',
      priorStudy: { on: isoDate('2026-03-06'), byId: P('p-exec'), preliminaryView: '' },
    });
    expect(ids(checkTopicSubstance(meeting(), t, reg))).toEqual([
      'topic.substantive',
      'topic.reportingUnit',
      'topic.materials',
      'topic.responsibleDeputy',
      'topic.priorStudy.late',
    ]);
    const named = checkTopicSubstance(meeting(), topic({ responsibleDeputyId: undefined }), reg);
    expect(named[0]?.message).toContain('按分工应为李明');
  });

  it('checks the coordinating 专题会议: unknown, wrong kind, not held, not earlier', () => {
    const t = topic({ departmentsDisagree: true, coordinatingMeetingId: meetingId('m-x') });
    expect(ids(checkCoordination(meeting(), t, ctx()))).toEqual(['topic.coordination.unverified']);
    const other = meeting({ id: meetingId('m-x'), kind: 'executive', state: 'planned', date: D });
    const f = checkCoordination(meeting(), t, ctx({ meetings: [other] }));
    expect(f[0]?.message).toContain('不是专题会议');
    expect(f[0]?.message).toContain('尚未召开');
    expect(f[0]?.message).toContain('不早于本次会议');
    expect(checkCoordination(meeting(), topic(), ctx())).toEqual([]);
  });

  it('legality review after the meeting blocks; art. 27 topics are reminded', () => {
    const t = topic({
      major: {
        legalityReview: { on: isoDate('2026-03-06'), byUnitId: U('u-legal'), lawful: true },
        publicInterestAtStake: false,
        art27Domain: 'economic',
      },
    });
    const f = checkMajorDecision(meeting(), t, reg);
    expect(ids(f)).toEqual(['topic.legality', 'topic.majorProcedures', 'topic.art27.pending']);
    expect(f[1]?.message).toContain('公众参与、专家论证、风险评估');
    expect(checkMajorDecision(meeting(), topic(), reg)).toEqual([]);
    const unknownUnit = topic({
      major: { legalityReview: { on: D, byUnitId: U('u-zz'), lawful: true }, publicInterestAtStake: false },
    });
    expect(checkMajorDecision(meeting(), unknownUnit, reg)[0]?.message).toContain('u-zz');
  });

  it('a topic approved after the meeting date blocks', () => {
    const f = checkTopicApproval(
      meeting(),
      topic({ approval: { byId: P('p-head'), on: isoDate('2026-03-06') } }),
      reg,
    );
    expect(ids(f)).toEqual(['topic.approval.late']);
  });
});

describe('leave, materials and records (arts. 45–47)', () => {
  it('excuses attendees on approved leave from material delivery; assistants receive none', () => {
    const m = meeting({
      attendees: [
        { personId: P('p-dep2'), role: 'member' },
        { personId: P('p-fin-aide'), role: 'assistant', assistsId: P('p-fin') },
      ],
      leaves: [
        {
          id: leaveRequestId('l'),
          personId: P('p-dep2'),
          reason: '出差',
          askedOfId: P('p-head'),
          requestedOn: D,
          decision: { byId: P('p-head'), approved: true, on: D },
        },
      ],
    });
    expect(checkMaterials(m, reg)).toEqual([]);
    expect(checkLeaves(m, reg)).toEqual([]);
  });

  it('lists topics without a record', () => {
    const f = checkRecords(meeting({ recorderId: undefined }), reg);
    expect(ids(f)).toEqual(['meeting.record.missing']);
    expect(f[0]?.message).toContain('“预算调整”');
  });
});

describe('minutes (art. 47)', () => {
  const signedBy = (by: string, on: string) => [
    {
      version: 1,
      draftedOn: isoDate('2026-03-06'),
      text: '纪要',
      signature: { byId: P(by), on: isoDate(on) },
    },
  ];

  it('is due 2 working days after the meeting', () => {
    expect(minutesDueDate(meeting(), calendar)).toBe('2026-03-09');
    expect(minutesDueDate(meeting({ date: isoDate('2026-09-30') }), calendar)).toBe('2026-10-09');
  });

  it('is not overdue before the meeting is held or before the due date', () => {
    expect(checkMinutesDue(meeting(), ctx({ today: isoDate('2026-04-01') }))).toEqual([]);
    expect(checkMinutesDue(meeting({ state: 'held' }), ctx({ today: isoDate('2026-03-09') }))).toEqual([]);
    expect(checkMinutesDue(meeting({ state: 'held' }), ctx())).toEqual([]);
  });

  it('is signed by the chair, or by the 区长 when a 副区长 chaired', () => {
    expect(requiredMinutesSigner(meeting(), reg)?.personId).toBe('p-head');
    expect(requiredMinutesSigner(meeting({ kind: 'special', chairId: P('p-dep2') }), reg)?.personId).toBe(
      'p-head',
    );
    expect(requiredMinutesSigner(meeting({ kind: 'partyGroup' }), reg)?.reason).toContain('会议主持人');
    expect(
      requiredMinutesSigner(
        meeting({ kind: 'special', chairId: P('p-dep2') }),
        regWith({ posts: reg.posts.filter((h) => h.post !== 'districtHead') }),
      ),
    ).toBeUndefined();
  });

  it('refuses missing, unsigned, early and unresolvable signatures', () => {
    expect(ids(checkMinutesSignature(meeting(), reg))).toEqual(['meeting.minutes.missing']);
    const unsigned = meeting({ minutes: [{ version: 1, draftedOn: D, text: '' }] });
    expect(ids(checkMinutesSignature(unsigned, reg))).toEqual(['meeting.minutes.unsigned']);
    expect(ids(checkMinutesSignature(meeting({ minutes: signedBy('p-head', '2026-03-04') }), reg))).toEqual([
      'meeting.minutes.signedEarly',
    ]);
    const noHead = regWith({ posts: reg.posts.filter((h) => h.post !== 'districtHead') });
    const sp = meeting({ kind: 'special', chairId: P('p-dep1'), minutes: signedBy('p-dep1', '2026-03-09') });
    expect(ids(checkMinutesSignature(sp, noHead))).toEqual(['meeting.minutes.signer']);
  });

  it('a 常务副区长 signing for a present 区长 is refused with the art. 9 rule explained', () => {
    const f = checkMinutesSignature(meeting({ minutes: signedBy('p-exec', '2026-03-09') }), reg);
    expect(f.map((x) => [x.ruleId, x.severity])).toEqual([['meeting.minutes.signer', 'block']]);
    expect(f[0]?.message).toContain('第九条');
  });
});

describe('after the meeting (arts. 42, 53)', () => {
  it('lists the three report tasks and the months between two months', () => {
    expect(executiveReportTasks().map((t) => t.target)).toEqual([
      'partyCommittee',
      'congressStandingCommittee',
      'cppcc',
    ]);
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-02')).toEqual([]);
    expect(checkExecutiveMonthly([], '2026-01', '2026-01')[0]?.message).toContain('2026年1月');
  });

  it('computes art. 53 due dates and warns before and after them', () => {
    const m = meeting({
      documentsToIssue: [
        { title: '通知', deadline: { kind: 'fiveDays' } },
        { title: '办法', deadline: { kind: 'sevenDays', reason: '需协调' } },
        { title: '报告', deadline: { kind: 'explicit', date: isoDate('2026-03-20') } },
      ],
    });
    expect(m.documentsToIssue.map((d) => meetingDocumentDueDate(m, d.deadline, calendar))).toEqual([
      '2026-03-12',
      '2026-03-16',
      '2026-03-20',
    ]);
    expect(checkMeetingDocumentsDue(m, calendar, undefined)).toEqual([]);
    const soon = checkMeetingDocumentsDue(m, calendar, isoDate('2026-03-11'));
    expect(soon.map((f) => [f.ruleId, f.subject.id])).toEqual([['meeting.document.dueSoon', 'm-1#doc1']]);
    const late = checkMeetingDocumentsDue(m, calendar, isoDate('2026-03-17'));
    expect(ids(late)).toEqual(['meeting.document.overdue', 'meeting.document.overdue']);
  });
});

describe('step checks', () => {
  it('knows where each step may start', () => {
    expect(stepAllowedFrom('plan', 'planned')).toBe(true);
    expect(stepAllowedFrom('plan', 'postponed')).toBe(true);
    expect(stepAllowedFrom('plan', 'held')).toBe(false);
    expect(stepAllowedFrom('approveAgenda', 'planned')).toBe(true);
    expect(stepAllowedFrom('approveAgenda', 'agendaApproved')).toBe(true);
    expect(stepAllowedFrom('hold', 'agendaApproved')).toBe(false);
    expect(stepAllowedFrom('archive', 'issued')).toBe(true);
    expect(stepAllowedFrom('cancel', 'noticeSent')).toBe(true);
    expect(stepAllowedFrom('cancel', 'held')).toBe(false);
    expect(stepAllowedFrom('postpone', 'cancelled')).toBe(false);
  });

  it('every step runs without throwing and cites articles', () => {
    for (const step of MEETING_STEPS) {
      const f = checkMeetingStep(meeting(), step, ctx({ today: isoDate('2026-04-01') }));
      for (const x of f) expect(x.articles.length).toBeGreaterThan(0);
    }
  });

  it('postponing and cancelling need a reason', () => {
    expect(ids(checkMeetingStep(meeting(), 'postpone', ctx()))).toEqual(['meeting.postpone.reason']);
    expect(checkMeetingStep(meeting({ postponed: { reason: '区长赴市开会' } }), 'postpone', ctx())).toEqual(
      [],
    );
    expect(ids(checkMeeting(meeting({ state: 'cancelled' }), ctx()))).toEqual(['meeting.cancel.reason']);
    expect(checkMeeting(meeting({ state: 'postponed', postponed: { reason: '改期' } }), ctx())).toEqual([]);
  });

  it('checkMeeting of an archived meeting runs every step once, without duplicates', () => {
    const m = meeting({
      state: 'archived',
      minutes: [
        {
          version: 1,
          draftedOn: isoDate('2026-03-06'),
          text: '',
          signature: { byId: P('p-head'), on: isoDate('2026-03-09') },
        },
      ],
      decisions: [
        {
          id: decisionId('d'),
          text: '落实',
          ownerUnitId: U('u-fin'),
          dueDate: isoDate('2026-03-20'),
          progress: [],
          evidence: [],
        },
      ],
    });
    const f = checkMeeting(m, ctx({ today: isoDate('2026-04-01') }));
    expect(f).toEqual(dedupeFindings(f));
    expect(ids(f)).toEqual(
      expect.arrayContaining([
        'meeting.executive.reports',
        'meeting.decision.overdue',
        'meeting.decision.open',
      ]),
    );
    expect(ids(f).filter((x) => x === 'meeting.decision.overdue')).toHaveLength(1);
  });
});

describe('values outside the model are refused loudly (exhaustive switches)', () => {
  const bogusKind = meeting({ kind: 'assembly' as never });
  it('unknown meeting kinds and steps throw a Chinese error', () => {
    expect(() => chairStatus(reg, 'assembly' as never, P('p-head'), D)).toThrow('未知会议类型');
    expect(() => topicSetterStatus(reg, bogusKind, P('p-head'), D)).toThrow('未知会议类型');
    expect(() => expectedAttendees(bogusKind, reg)).toThrow('未知会议类型');
    expect(() => stepAllowedFrom('vote' as never, 'planned')).toThrow('未知步骤');
    expect(() => checkMeetingStep(meeting(), 'vote' as never, ctx())).toThrow('未知步骤');
    expect(() => meetingDocumentDueDate(meeting(), { kind: 'someday' } as never, calendar)).toThrow(
      '未知的印发时限',
    );
  });

  it('a plenary may invite nobody outside art. 40 (a person with no post)', () => {
    const f = checkAttendeeList(
      meeting({ kind: 'plenary', attendees: [{ personId: P('p-fin-aide'), role: 'invited' }] }),
      reg,
    );
    expect(ids(f)).toEqual(['meeting.attendee.plenaryNonVoting']);
  });
});

describe('deadlines without calendar data', () => {
  it('become a finding carrying the calendar message instead of an exception', () => {
    const noYear = {
      isWorkingDay: () => true,
      addWorkingDays: (): never => {
        throw new Error('2026年节假日安排尚未录入。');
      },
    };
    const f = checkMinutesDue(meeting({ state: 'held' }), ctx({ calendar: noYear }));
    expect(f.map((x) => [x.ruleId, x.articles, x.severity])).toEqual([
      ['calendar.unavailable', [47], 'warn'],
    ]);
    expect(f[0]?.message).toBe('无法计算会议纪要起草期限：2026年节假日安排尚未录入。');
    const odd = {
      ...noYear,
      addWorkingDays: (): never => {
        throw 'no data';
      },
    };
    const m = meeting({ documentsToIssue: [{ title: '通知', deadline: { kind: 'fiveDays' } }] });
    expect(checkMeetingDocumentsDue(m, odd, undefined)[0]?.message).toBe(
      '无法计算《通知》的印发期限：no data',
    );
  });
});

describe('signed minutes are frozen (art. 47)', () => {
  const signedMeeting = meeting({
    minutes: [
      {
        version: 1,
        draftedOn: isoDate('2026-03-06'),
        text: '纪要',
        signature: { byId: P('p-head'), on: isoDate('2026-03-09'), opinion: '同意' },
      },
    ],
  });

  it('accepts a correction as a new version, and edits of unsigned drafts', () => {
    const corrected = reviseMinutes(signedMeeting, '更正稿', isoDate('2026-03-10'));
    expect(checkMinutesFrozen(signedMeeting, corrected)).toEqual([]);
    const draft = reviseMinutes(meeting(), '初稿', D);
    expect(checkMinutesFrozen(draft, reviseMinutes(draft, '改稿', D))).toEqual([]);
  });

  it('refuses changing or deleting a signed version', () => {
    const v = signedMeeting.minutes[0]!;
    const edited = { ...signedMeeting, minutes: [{ ...v, text: '改过的纪要' }] };
    const f = checkMinutesFrozen(signedMeeting, edited);
    expect(f.map((x) => [x.ruleId, x.severity, x.subject.id])).toEqual([
      ['meeting.minutes.frozen', 'block', 'm-1#1'],
    ]);
    const unsigned = { ...signedMeeting, minutes: [{ ...v, signature: undefined }] };
    expect(checkMinutesFrozen(signedMeeting, unsigned)).toHaveLength(1);
    expect(checkMinutesFrozen(signedMeeting, { ...signedMeeting, minutes: [] })).toHaveLength(1);
  });
});

describe('rule by rule, each firing and staying quiet', () => {
  const leave = (over: Partial<Meeting['leaves'][number]> = {}): Meeting['leaves'][number] => ({
    id: leaveRequestId('l-1'),
    personId: P('p-dep2'),
    reason: '出差',
    askedOfId: P('p-head'),
    requestedOn: isoDate('2026-03-04'),
    decision: { byId: P('p-head'), approved: true, on: isoDate('2026-03-04') },
    ...over,
  });
  const execAttendees: Meeting['attendees'] = [
    ...['p-head', 'p-exec', 'p-dep1', 'p-dep2', 'p-pg'].map((p) => ({
      personId: P(p),
      role: 'member' as const,
    })),
    ...['p-ddir', 'p-sup', 'p-insp', 'p-legal'].map((p) => ({
      personId: P(p),
      role: 'fixedNonVoting' as const,
    })),
    { personId: P('p-fin'), role: 'topicNonVoting', topicIds: [topicId('t1')], unitId: U('u-fin') },
  ];
  const full = (over: Partial<Meeting> = {}) =>
    meeting({
      attendees: execAttendees,
      deliveries: execAttendees.map((a) => ({ personId: a.personId, on: isoDate('2026-03-03') })),
      ...over,
    });
  const step = (
    m: Meeting,
    s: Parameters<typeof checkMeetingStep>[1],
    over: Partial<MeetingRuleContext> = {},
  ) => ids(checkMeetingStep(m, s, ctx(over)));

  it('a complete executive meeting passes planning, agenda and notice', () => {
    expect(step(full(), 'plan')).toEqual([]);
    expect(step(full(), 'approveAgenda')).toEqual([]);
    expect(step(full({ state: 'agendaApproved' }), 'sendNotice')).toEqual([]);
    expect(step(full({ state: 'noticeSent' }), 'hold')).toEqual([]);
  });

  it('materials: a delivery on the meeting day is too late', () => {
    const m = full({ deliveries: [] });
    const f = checkMaterials(m, reg);
    expect(ids(f)).toEqual(['meeting.materials.undelivered']);
    expect(f[0]?.message).toContain('王建国');
  });

  it('leave: asked of and decided by someone other than the chair, or undecided', () => {
    const asked = checkLeaves(
      full({
        leaves: [leave({ askedOfId: P('p-dir'), decision: { byId: P('p-dir'), approved: true, on: D } })],
      }),
      reg,
    );
    expect(asked.map((f) => [f.ruleId, f.articles])).toEqual([
      ['meeting.leave.askedOf', [46]],
      ['meeting.leave.decidedBy', [46]],
    ]);
    const undecided = checkLeaves(full({ important: true, leaves: [leave({ decision: undefined })] }), reg);
    expect(undecided.map((f) => [f.ruleId, f.articles])).toEqual([['meeting.leave.undecided', [46, 59]]]);
  });

  it('absence: without approved leave warns; refused leave counts as none', () => {
    const absent = full({ state: 'noticeSent', signIns: [{ personId: P('p-dep2'), status: 'absent' }] });
    expect(step(absent, 'hold')).toEqual(['meeting.absence.noLeave']);
    const refused = full({
      state: 'noticeSent',
      leaves: [leave({ decision: { byId: P('p-head'), approved: false, on: D } })],
      signIns: [{ personId: P('p-dep2'), status: 'onLeave' }],
    });
    expect(step(refused, 'hold')).toEqual(['meeting.absence.noLeave']);
    const excused = full({
      state: 'noticeSent',
      leaves: [leave()],
      signIns: [{ personId: P('p-dep2'), status: 'onLeave' }],
    });
    expect(step(excused, 'hold')).toEqual([]);
  });

  it('recorder: required to hold; records by someone else warn', () => {
    expect(step(full({ state: 'noticeSent', recorderId: undefined }), 'hold')).toEqual([
      'meeting.recorder.missing',
    ]);
    const m = full({
      state: 'held',
      records: [{ topicId: topicId('t1'), recorderId: P('p-ddir'), text: '' }],
    });
    expect(ids(checkRecords(m, reg))).toEqual(['meeting.record.recorder']);
    expect(
      ids(
        checkRecords(
          full({ records: [{ topicId: topicId('t1'), recorderId: P('p-clerk'), text: '' }] }),
          reg,
        ),
      ),
    ).toEqual([]);
  });

  it('away attendees without leave are flagged with who covers them', () => {
    const r = regWith({ travels: [away('p-dep1', '2026-03-05', '2026-03-05')] });
    const f = checkMeetingStep(full({ state: 'agendaApproved' }), 'sendNotice', { registry: r, calendar });
    expect(ids(f)).toEqual(['meeting.attendee.away']);
    expect(f[0]?.message).toContain('赵敏');
    const noCover: Registry = { ...r, coverages: [] };
    const g = checkMeetingStep(full({ state: 'agendaApproved' }), 'sendNotice', {
      registry: noCover,
      calendar,
    });
    expect(g[0]?.message).not.toContain('代管');
    expect(
      ids(
        checkMeetingStep(
          full({ state: 'agendaApproved', leaves: [leave({ personId: P('p-dep1') })] }),
          'sendNotice',
          { registry: r, calendar },
        ),
      ),
    ).toEqual([]);
  });

  it('assistants: one per reporting-unit head at a 常务会议; other kinds are not regulated', () => {
    const aide = (p: string, boss: string) => ({
      personId: P(p),
      role: 'assistant' as const,
      assistsId: P(boss),
    });
    expect(step(full({ attendees: [...execAttendees, aide('p-fin-aide', 'p-fin')] }), 'plan')).toEqual([]);
    expect(
      step(
        full({ attendees: [...execAttendees, aide('p-fin-aide', 'p-fin'), aide('p-dev-aide', 'p-fin')] }),
        'plan',
      ),
    ).toEqual(['meeting.assistant.limit']);
    expect(step(full({ attendees: [...execAttendees, aide('p-dev-aide', 'p-sup')] }), 'plan')).toEqual([
      'meeting.assistant.notReporting',
    ]);
    expect(
      step(
        full({
          kind: 'special',
          chairId: P('p-dep1'),
          convenorId: P('p-dep1'),
          attendees: [aide('p-dev-aide', 'p-fin')],
        }),
        'plan',
      ),
    ).toEqual([]); // art. 46 regulates assistants at the 常务会议 only
  });

  it('topic 列席: listed for or sitting in on another unit’s topic', () => {
    const t2 = topic({ id: topicId('t2'), reportingUnitIds: [U('u-dev')] });
    const listed = full({
      topics: [topic(), t2],
      attendees: [
        ...execAttendees.slice(0, -1),
        { personId: P('p-fin'), role: 'topicNonVoting', topicIds: [topicId('t1'), topicId('t2')] },
      ],
    });
    expect(step(listed, 'plan')).toEqual(['meeting.attendee.topicScope']);
    const sat = full({
      state: 'noticeSent',
      topics: [topic(), t2],
      signIns: [
        { personId: P('p-fin'), status: 'nonVoting', topicIds: [topicId('t1'), topicId('t2')] },
        { personId: P('p-head'), status: 'present', topicIds: [topicId('t1'), topicId('t2')] },
        { personId: P('p-zz'), status: 'present', topicIds: [topicId('t2')] },
      ],
    });
    expect(step(sat, 'hold')).toEqual(['meeting.attendee.topicScope']);
    expect(step({ ...sat, kind: 'plenary', attendees: [] }, 'hold')).toEqual(
      expect.not.arrayContaining(['meeting.attendee.topicScope']),
    );
  });

  it('party group: non-party members refused, 列席 limited to art. 41', () => {
    const pg = (attendees: Meeting['attendees']) => meeting({ kind: 'partyGroup', attendees });
    expect(ids(checkAttendeeList(pg([{ personId: P('p-dep2'), role: 'member' }]), reg))).toEqual([
      'meeting.attendee.nonPartyMember',
    ]);
    expect(ids(checkAttendeeList(pg([{ personId: P('p-dir'), role: 'member' }]), reg))).toEqual([
      'meeting.attendee.notMember',
    ]);
    expect(ids(checkAttendeeList(pg([{ personId: P('p-fin'), role: 'invited' }]), reg))).toEqual([
      'meeting.attendee.partyGroupNonVoting',
    ]);
    expect(
      checkAttendeeList(
        pg([
          { personId: P('p-dep2'), role: 'invited' },
          { personId: P('p-ddir'), role: 'invited' },
        ]),
        reg,
      ),
    ).toEqual([]);
    expect(
      ids(checkChair(meeting({ kind: 'partyGroup', chairId: P('p-exec'), convenorId: P('p-exec') }), reg)),
    ).toEqual(['meeting.chair.eligible']);
  });

  it('plenary 列席: unit heads, office deputy directors and outside leaders only', () => {
    const plen = (p: string) =>
      meeting({ kind: 'plenary', attendees: [{ personId: P(p), role: 'invited' }] });
    for (const ok of ['p-tw1', 'p-ddir', 'p-npc', 'p-cppcc', 'p-pc'])
      expect(checkAttendeeList(plen(ok), reg)).toEqual([]);
    expect(ids(checkAttendeeList(plen('p-clerk'), reg))).toEqual(['meeting.attendee.plenaryNonVoting']);
  });

  it('missing expected attendees are named', () => {
    const f = checkMeetingStep(
      full({ state: 'agendaApproved', attendees: execAttendees.filter((a) => a.personId !== 'p-legal') }),
      'sendNotice',
      ctx(),
    );
    expect(ids(f)).toEqual(['meeting.attendees.missing']);
    expect(f[0]?.message).toContain('罗军');
  });

  it('acting chair: recorded basis is info, unrecorded warns; the 区长 away warns', () => {
    const r = regWith({ travels: [away('p-head', '2026-03-05', '2026-03-05')] });
    const acting = meeting({
      chairId: P('p-exec'),
      convenorId: P('p-exec'),
      acting: { forId: P('p-head'), basis: 'executiveDeputyForDistrictHead', note: '区长外出' },
    });
    expect(checkChair(acting, r).map((f) => [f.ruleId, f.severity])).toEqual([
      ['meeting.chair.acting', 'info'],
    ]);
    expect(ids(checkChair({ ...acting, acting: undefined }, r))).toEqual(['meeting.chair.actingBasis']);
    const f = checkChair(meeting(), r);
    expect(ids(f)).toEqual(['meeting.chair.away']);
    expect(f[0]?.message).toContain('建议由李明主持');
  });

  it('topic setters per kind', () => {
    const approvedBy = (kind: Meeting['kind'], by: string, chair = 'p-head') =>
      ids(
        checkTopicApproval(
          meeting({ kind, chairId: P(chair), convenorId: P(chair) }),
          topic({ approval: { byId: P(by), on: isoDate('2026-03-02') } }),
          reg,
        ),
      );
    expect(approvedBy('plenary', 'p-head')).toEqual([]);
    expect(approvedBy('partyGroup', 'p-head')).toEqual([]);
    expect(approvedBy('partyGroup', 'p-exec')).toEqual(['topic.approval.approver']);
    expect(approvedBy('special', 'p-dep1', 'p-dep1')).toEqual([]);
    expect(approvedBy('special', 'p-head', 'p-dep1')).toEqual([]);
    expect(approvedBy('special', 'p-dep2', 'p-dep1')).toEqual(['topic.approval.approver']);
    const other = checkTopicApproval(
      meeting({ kind: 'special', chairId: P('p-dep1'), convenorId: P('p-dep1') }),
      topic({ approval: { byId: P('p-dep2'), on: isoDate('2026-03-02') } }),
      reg,
    );
    expect(other.map((f) => f.severity)).toEqual(['warn']); // the letter allows any 副区长
    expect(approvedBy('special', 'p-edu', 'p-dep1')).toEqual(['topic.approval.approver']);
    expect(approvedBy('headOffice', 'p-dep1', 'p-dep1')).toEqual(['topic.approval.approver']);
    expect(ids(checkTopicApproval(meeting(), topic({ approval: undefined }), reg))).toEqual([
      'topic.approval.missing',
    ]);
    const r = regWith({ travels: [away('p-head', '2026-03-01', '2026-03-06')] });
    const t = topic({ approval: { byId: P('p-exec'), on: isoDate('2026-03-02') } });
    expect(ids(checkTopicApproval(meeting({ kind: 'headOffice' }), t, r))).toEqual(['topic.approval.acting']);
  });

  it('topic gates fire one by one', () => {
    const gate = (t: Topic) => ids(checkAgenda(meeting({ topics: [t] }), ctx()));
    expect(gate(topic({ proposedDecision: undefined }))).toEqual(['topic.substantive']);
    expect(gate(topic({ priorStudy: undefined }))).toEqual(['topic.priorStudy']);
    expect(
      gate(topic({ priorStudy: { on: isoDate('2026-02-26'), byId: P('p-dep2'), preliminaryView: '' } })),
    ).toEqual(['topic.priorStudy.byDeputy']);
    expect(
      gate(
        topic({
          responsibleDeputyId: P('p-dep1'),
          priorStudy: { on: isoDate('2026-02-26'), byId: P('p-dep1'), preliminaryView: '' },
        }),
      ),
    ).toEqual(['topic.responsibleDeputy']);
    expect(gate(topic({ departmentsDisagree: true }))).toEqual(['topic.coordination']);
    expect(gate(topic({ withdrawn: true }))).toEqual(['meeting.agenda.empty']);
  });

  it('major decisions: legality, procedures, stability, deciding body, art. 27', () => {
    const full23 = {
      legalityReview: { on: isoDate('2026-02-27'), byUnitId: U('u-legal'), lawful: true },
      publicParticipation: { on: isoDate('2026-02-10'), note: '征求意见' },
      expertReview: { on: isoDate('2026-02-15'), note: '论证' },
      riskAssessment: { on: isoDate('2026-02-20'), note: '评估' },
      publicInterestAtStake: false,
    };
    const gate = (major: Topic['major'], kind: Meeting['kind'] = 'executive') =>
      ids(checkAgenda(meeting({ kind, topics: [topic({ major })] }), ctx()));
    expect(gate(full23)).toEqual([]);
    expect(gate({ ...full23, legalityReview: undefined })).toEqual(['topic.legality']);
    expect(gate({ ...full23, legalityReview: { ...full23.legalityReview, lawful: false } })).toEqual([
      'topic.legality',
    ]);
    expect(gate({ ...full23, legalityReview: { ...full23.legalityReview, byUnitId: U('u-dev') } })).toEqual([
      'topic.legality',
    ]);
    expect(gate({ ...full23, publicInterestAtStake: true })).toEqual(['topic.stability']);
    expect(
      gate({
        ...full23,
        publicInterestAtStake: true,
        stabilityAssessment: { on: isoDate('2026-02-18'), note: '报告', thirdParty: '评估中心' },
      }),
    ).toEqual(['topic.stability']);
    expect(
      gate({
        ...full23,
        publicInterestAtStake: true,
        stabilityAssessment: { on: isoDate('2026-02-18'), note: '报告', thirdParty: '评估中心' },
        hearing: { on: isoDate('2026-02-22'), note: '听证会' },
      }),
    ).toEqual([]);
    expect(gate(full23, 'plenary')).toEqual([]);
    expect(gate(full23, 'partyGroup')).toEqual([]);
    const special = checkAgenda(
      meeting({ kind: 'special', chairId: P('p-head'), topics: [topic({ major: full23 })] }),
      ctx(),
    );
    expect(ids(special)).toEqual(['topic.decidingBody']);
    const m27 = full({
      state: 'minutesSigned',
      topics: [topic({ major: { ...full23, art27Domain: 'social' } })],
      minutes: [
        { version: 1, draftedOn: D, text: '', signature: { byId: P('p-head'), on: isoDate('2026-03-09') } },
      ],
      reportTasks: executiveReportTasks().map((t) => ({ ...t, doneOn: isoDate('2026-03-10') })),
    });
    expect(step(m27, 'issue')).toEqual(['topic.art27.consent']);
    const consented = {
      ...m27,
      topics: [
        topic({
          major: { ...full23, art27Domain: 'social', partyCommitteeConsent: { on: D, note: '同意' } },
        }),
      ],
    };
    expect(step(consented, 'issue')).toEqual([]);
  });

  it('follow-ups: reports, monthly meetings, documents and decisions', () => {
    const held = full({
      state: 'minutesSigned',
      minutes: [{ version: 1, draftedOn: D, text: '', signature: { byId: P('p-head'), on: D } }],
    });
    const f = checkMeetingStep(held, 'issue', ctx());
    expect(ids(f)).toEqual(['meeting.executive.reports']);
    expect(f[0]?.message).toContain('向区政协通报情况');
    expect(
      step(
        {
          ...held,
          kind: 'special',
          chairId: P('p-dep1'),
          convenorId: P('p-dep1'),
          minutes: [{ ...held.minutes[0]!, signature: { byId: P('p-head'), on: D } }],
        },
        'issue',
      ),
    ).toEqual([]);
    const months = checkExecutiveMonthly(
      [
        full({ state: 'held', date: isoDate('2026-01-08') }),
        full({ state: 'cancelled', date: isoDate('2026-02-05') }),
        meeting({ kind: 'special', state: 'held', date: isoDate('2026-03-02') }),
      ],
      '2026-01',
      '2026-03',
    );
    expect(months.map((x) => x.subject.id)).toEqual(['2026-02', '2026-03']);
    const late = full({
      documentsToIssue: [{ title: '通知', deadline: { kind: 'fiveDays' }, issuedOn: isoDate('2026-03-13') }],
    });
    expect(ids(checkMeetingDocumentsDue(late, calendar, undefined))).toEqual(['meeting.document.overdue']);
    const onTime = full({
      documentsToIssue: [{ title: '通知', deadline: { kind: 'fiveDays' }, issuedOn: isoDate('2026-03-12') }],
    });
    expect(checkMeetingDocumentsDue(onTime, calendar, isoDate('2026-03-20'))).toEqual([]);
    const decisions: Meeting['decisions'] = [
      { id: decisionId('d1'), text: '甲', progress: [], evidence: [] },
      {
        id: decisionId('d2'),
        text: '乙',
        ownerUnitId: U('u-fin'),
        responsibleLeaderId: P('p-exec'),
        dueDate: isoDate('2026-03-20'),
        progress: [],
        evidence: [],
      },
    ];
    const dm = full({
      state: 'minutesDrafted',
      minutes: [{ version: 1, draftedOn: D, text: '', signature: { byId: P('p-head'), on: D } }],
      decisions,
    });
    const sign = checkMeetingStep(dm, 'signMinutes', ctx());
    expect(ids(sign)).toEqual(['meeting.decision.incomplete']);
    expect(sign[0]?.message).toContain('承办单位、完成时限');
    const archived = checkMeetingStep(
      { ...dm, state: 'issued', reportTasks: executiveReportTasks().map((t) => ({ ...t, doneOn: D })) },
      'archive',
      ctx({ today: isoDate('2026-04-01') }),
    );
    expect(ids(archived)).toEqual(['meeting.decision.overdue', 'meeting.decision.open']);
    expect(archived[0]?.message).toContain('责任领导：李明');
  });

  it('minutes due and the acting signer', () => {
    const late = full({
      state: 'held',
      minutes: [{ version: 1, draftedOn: isoDate('2026-03-10'), text: '' }],
    });
    expect(ids(checkMinutesDue(late, ctx()))).toEqual(['meeting.minutes.overdue']);
    expect(ids(checkMinutesDue(full({ state: 'held' }), ctx({ today: isoDate('2026-03-10') })))).toEqual([
      'meeting.minutes.overdue',
    ]);
    const r = regWith({ travels: [away('p-head', '2026-03-09', '2026-03-09')] });
    const sp = meeting({
      kind: 'special',
      chairId: P('p-dep1'),
      minutes: [
        { version: 1, draftedOn: D, text: '', signature: { byId: P('p-exec'), on: isoDate('2026-03-09') } },
      ],
    });
    expect(checkMinutesSignature(sp, r).map((f) => [f.ruleId, f.articles])).toEqual([
      ['meeting.minutes.signerActing', [9, 47]],
    ]);
    expect(ids(checkMinutesSignature(sp, reg))).toEqual(['meeting.minutes.signer']);
  });
});

describe('pickers for the UI', () => {
  it('lists who may chair each kind', () => {
    const who = (kind: Meeting['kind'], r: Registry = reg) =>
      chairCandidates(r, kind, D).map((c) => `${c.personId}:${c.status}`);
    expect(who('executive')).toEqual(['p-head:eligible']);
    expect(who('partyGroup')).toEqual(['p-head:eligible']);
    expect(who('special')).toEqual([
      'p-head:eligible',
      'p-exec:eligible',
      'p-dep1:eligible',
      'p-dep2:eligible',
    ]);
    expect(who('headOffice')).toEqual([
      'p-head:eligible',
      'p-exec:needsEntrustment',
      'p-dep1:needsEntrustment',
      'p-dep2:needsEntrustment',
    ]);
    const headAway = regWith({ travels: [away('p-head', '2026-03-05', '2026-03-05')] });
    expect(who('executive', headAway)).toEqual(['p-head:eligible', 'p-exec:acting']);
  });

  it('offers the next steps of each state', () => {
    expect(availableSteps('planned')).toEqual(['approveAgenda', 'postpone', 'cancel']);
    expect(availableSteps('noticeSent')).toEqual(['hold', 'postpone', 'cancel']);
    expect(availableSteps('postponed')).toEqual(['plan', 'cancel']);
    expect(availableSteps('held')).toEqual(['draftMinutes']);
    expect(availableSteps('archived')).toEqual([]);
    expect(availableSteps('cancelled')).toEqual([]);
  });
});

describe('the notice list', () => {
  it('does not ask for someone who asked for leave', () => {
    const m = meeting({
      attendees: [],
      leaves: [
        {
          id: leaveRequestId('l'),
          personId: P('p-dep2'),
          reason: '出差',
          askedOfId: P('p-head'),
          requestedOn: D,
        },
      ],
    });
    const f = checkMeetingStep({ ...m, state: 'agendaApproved' }, 'sendNotice', ctx());
    const missing = f.find((x) => x.ruleId === 'meeting.attendees.missing');
    expect(missing?.message).toContain('李明');
    expect(missing?.message).not.toContain('赵敏');
  });
});
