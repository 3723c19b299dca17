import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../shared/calendar';
import { addDays, isoDate } from '../../../shared/calendar/iso-date';
import { leaveRequestId, meetingId, personId, topicId, unitId } from '../../../shared/domain/ids';
import { newMeeting, type Meeting } from '../../../shared/domain/meeting';
import { checkAbsences, checkLeaves, checkMeetingStep } from '../../../shared/domain/meeting-rules';
import { unitsWithRole } from '../../../shared/domain/registry';
import { createSampleOffice, HEAD_TRIP_OFFSET, SAMPLE_IDS } from '../../../shared/sample';
import {
  actingBasis,
  addLeave,
  approveTopic,
  chairChoice,
  decideLeave,
  defaultSignIns,
  draftErrors,
  draftFromTopic,
  EMPTY_DRAFT,
  EMPTY_TOPIC,
  filterMeetings,
  leaveInputError,
  meetingFromDraft,
  meetingMonths,
  minutesBadge,
  moveTopic,
  requiredAttendees,
  setSignIn,
  signInSheet,
  topicDraftErrors,
  topicFromDraft,
  topicGate,
  upsertTopic,
  withdrawTopic,
  type NewMeetingDraft,
} from './model';

// A Tuesday with data in the shipped calendar; the 区长's trip is days 7–10 after it.
const asOf = isoDate('2026-03-03');
const reg = createSampleOffice(asOf);
const calendar = createWorkingCalendar();
const ctx = { registry: reg, calendar, today: asOf };
const head = SAMPLE_IDS.districtHead;
const exec = SAMPLE_IDS.executiveDeputy;
const dep2 = personId('sample-p-dep2');
const legal = unitsWithRole(reg, 'legalAffairs')[0]?.id as string;

const draft = (patch: Partial<NewMeetingDraft>): NewMeetingDraft => ({
  ...EMPTY_DRAFT,
  kind: 'executive',
  date: addDays(asOf, 2),
  place: '常务会议室',
  chairId: head,
  recorderId: SAMPLE_IDS.officeDeputies[0],
  ...patch,
});

describe('new meeting', () => {
  it('proposes the 区长 for a 常务会议 on an ordinary day', () => {
    const c = chairChoice(reg, 'executive', addDays(asOf, 2));
    expect(c.proposal?.personId).toBe(head);
    expect(c.candidates.map((x) => x.personId)).toContain(head);
  });

  it('proposes the 常务副区长 while the 区长 is away and records why (art. 9)', () => {
    const onTrip = addDays(asOf, HEAD_TRIP_OFFSET.from + 1);
    expect(chairChoice(reg, 'executive', onTrip).proposal?.personId).toBe(exec);
    const m = meetingFromDraft(draft({ date: onTrip, chairId: exec }), reg, meetingId('m1'));
    expect(m.acting).toMatchObject({ forId: head, basis: 'executiveDeputyForDistrictHead' });
    const f = checkMeetingStep(m, 'plan', ctx);
    expect(f.some((x) => x.ruleId === 'meeting.chair.acting')).toBe(true);
    expect(f.some((x) => x.severity === 'block')).toBe(false);
  });

  it('refuses a 区长办公会议 chaired by a deputy without entrustment, accepts the entrusted one (art. 43)', () => {
    const refused = meetingFromDraft(draft({ kind: 'headOffice', chairId: dep2 }), reg, meetingId('m1'));
    expect(refused.acting).toBeUndefined();
    expect(
      checkMeetingStep(refused, 'plan', ctx)
        .filter((f) => f.severity === 'block')
        .map((f) => f.ruleId),
    ).toEqual(['meeting.chair.entrustment']);
    const ok = meetingFromDraft(draft({ kind: 'headOffice', chairId: exec }), reg, meetingId('m2'));
    expect(ok.acting).toMatchObject({ forId: head, basis: 'entrustment', entrustmentId: 'sample-e-001' });
    expect(checkMeetingStep(ok, 'plan', ctx).some((f) => f.severity === 'block')).toBe(false);
    expect(actingBasis(reg, 'headOffice', head, asOf)).toBeUndefined();
  });

  it('names every missing field in Chinese and defaults the title', () => {
    expect(draftErrors(EMPTY_DRAFT)).toEqual({
      kind: '请选择会议类型',
      date: '请选择会议日期',
      place: '请填写会议地点',
      chairId: '请选择主持人',
      recorderId: '请指定会议记录人（第四十七条）',
    });
    expect(draftErrors(draft({ time: '9点' })).time).toContain('HH:MM');
    expect(draftErrors(draft({}))).toEqual({});
    expect(meetingFromDraft(draft({}), reg, meetingId('m1')).title).toBe(
      `区政府常务会议（${addDays(asOf, 2)}）`,
    );
  });
});

function executive(): Meeting {
  return newMeeting({
    id: meetingId('m1'),
    kind: 'executive',
    title: '常务会议',
    date: addDays(asOf, 2),
    place: '常务会议室',
    convenorId: head,
    chairId: head,
    recorderId: SAMPLE_IDS.officeDeputies[0],
  });
}

const majorDraft = {
  ...EMPTY_TOPIC,
  title: '老旧小区改造',
  reportingUnitIds: ['sample-u-jsj'],
  responsibleDeputyId: 'sample-p-dep4',
  materials: '方案',
  proposedDecision: '同意',
  priorStudyOn: asOf,
  priorStudyById: 'sample-p-dep4',
  priorStudyView: '原则同意',
  major: true,
  legalityUnitId: legal,
};

describe('topics', () => {
  it('blocks setting a major topic until its legality review is recorded (art. 23)', () => {
    const t1 = topicId('t1');
    let m = upsertTopic(executive(), topicFromDraft(majorDraft, t1));
    const approval = { byId: head, on: asOf };
    const before = topicGate(m, t1, approval, ctx);
    expect(before.filter((f) => f.severity === 'block').map((f) => f.ruleId)).toEqual(['topic.legality']);
    m = upsertTopic(m, topicFromDraft({ ...majorDraft, legalityOn: asOf }, t1, m.topics[0]));
    const after = topicGate(m, t1, approval, ctx);
    expect(after.some((f) => f.severity === 'block')).toBe(false);
    expect(after.map((f) => f.ruleId)).toContain('topic.majorProcedures');
  });

  it('keeps an approval while the content is unchanged and drops it when the content changes', () => {
    const t1 = topicId('t1');
    const approved = approveTopic(upsertTopic(executive(), topicFromDraft(majorDraft, t1)), t1, {
      byId: head,
      on: asOf,
    });
    const topic = approved.topics[0];
    expect(topic?.approval).toBeDefined();
    const same = topicFromDraft(draftFromTopic(topic!), t1, topic);
    expect(same).toEqual(topic);
    expect(
      topicFromDraft({ ...draftFromTopic(topic!), proposedDecision: '不同意' }, t1, topic).approval,
    ).toBeUndefined();
  });

  it('round-trips every recorded procedure through the form', () => {
    const d = {
      ...majorDraft,
      legalityOn: asOf,
      legalityNote: '合法',
      publicParticipationOn: asOf,
      publicInterestAtStake: true,
      stabilityOn: asOf,
      stabilityThirdParty: '某评估中心',
      hearingOn: asOf,
      art27Domain: 'social' as const,
      consentOn: asOf,
    };
    const t = topicFromDraft(d, topicId('t1'));
    expect(t.major?.stabilityAssessment?.thirdParty).toBe('某评估中心');
    expect(topicFromDraft(draftFromTopic(t), topicId('t1'))).toEqual(t);
  });

  it('validates the form pairs', () => {
    expect(topicDraftErrors(EMPTY_TOPIC).title).toBe('请填写议题名称');
    expect(topicDraftErrors({ ...majorDraft, priorStudyById: undefined }).priorStudyById).toContain(
      '同时填写',
    );
    expect(
      topicDraftErrors({ ...majorDraft, legalityOn: asOf, legalityUnitId: undefined }).legalityUnitId,
    ).toContain('审查单位');
    expect(topicDraftErrors(majorDraft)).toEqual({});
  });

  it('reorders and withdraws', () => {
    let m = executive();
    for (const id of ['a', 'b', 'c'])
      m = upsertTopic(m, topicFromDraft({ ...EMPTY_TOPIC, title: id }, topicId(id)));
    expect(moveTopic(m, topicId('c'), -1).topics.map((t) => t.id)).toEqual(['a', 'c', 'b']);
    expect(moveTopic(m, topicId('a'), -1)).toBe(m);
    expect(withdrawTopic(m, topicId('b')).topics.map((t) => t.withdrawn === true)).toEqual([
      false,
      true,
      false,
    ]);
  });
});

describe('attendees and list', () => {
  it('derives the required attendees of a 常务会议 with a reporting unit (art. 42)', () => {
    const m = upsertTopic(executive(), topicFromDraft(majorDraft, topicId('t1')));
    const list = requiredAttendees(m, reg);
    expect(list.find((a) => a.personId === head)?.role).toBe('member');
    expect(list.filter((a) => a.role === 'fixedNonVoting').length).toBeGreaterThanOrEqual(3);
    const topicSitter = list.find((a) => a.role === 'topicNonVoting');
    expect(topicSitter).toMatchObject({ unitId: unitId('sample-u-jsj'), topicIds: ['t1'] });
  });

  it('shows minutes due, then overdue, two working days after a held meeting (art. 47)', () => {
    const m: Meeting = { ...executive(), date: isoDate('2026-03-06'), state: 'held' }; // a Friday
    expect(minutesBadge(m, calendar, isoDate('2026-03-06'))).toEqual({ kind: 'due', due: '2026-03-10' });
    expect(minutesBadge(m, calendar, isoDate('2026-03-11'))).toEqual({ kind: 'overdue', due: '2026-03-10' });
    expect(minutesBadge(executive(), calendar, asOf)).toEqual({ kind: 'none' });
    expect(minutesBadge({ ...m, date: isoDate('2099-03-06') }, calendar, asOf).kind).toBe('unknown');
  });

  it('filters by kind, state, chair and month', () => {
    const a = executive();
    const b: Meeting = {
      ...executive(),
      id: meetingId('m2'),
      kind: 'special',
      chairId: dep2,
      date: isoDate('2026-04-01'),
    };
    expect(filterMeetings([a, b], { kind: 'special' })).toEqual([b]);
    expect(filterMeetings([a, b], { chairId: head, month: '2026-03' })).toEqual([a]);
    expect(filterMeetings([a, b], { state: 'held' })).toEqual([]);
    expect(meetingMonths([a, b, a])).toEqual(['2026-04', '2026-03']);
  });
});

describe('leave', () => {
  it('records leave asked of the chair and the chair’s decision; the engine is then silent (art. 46)', () => {
    const id = leaveRequestId('l1');
    const input = { personId: dep2, reason: '赴省参加会议', askedOfId: head };
    expect(leaveInputError({ ...input, reason: ' ' })).toBe('请填写请假事由');
    expect(leaveInputError({ ...input, standInId: dep2 })).toContain('本人');
    expect(leaveInputError(input)).toBeUndefined();
    const asked = addLeave(executive(), input, id, asOf);
    expect(checkLeaves(asked, reg).map((f) => f.ruleId)).toEqual(['meeting.leave.undecided']);
    const decided = decideLeave(asked, id, { byId: head, approved: true, on: asOf, at: '08:30' });
    expect(decided.leaves[0]?.decision).toEqual({ byId: head, approved: true, on: asOf, at: '08:30' });
    expect(checkLeaves(decided, reg)).toEqual([]);
    const wrongPerson = addLeave(executive(), { ...input, askedOfId: SAMPLE_IDS.officeDirector }, id, asOf);
    expect(checkLeaves(wrongPerson, reg).map((f) => f.ruleId)).toContain('meeting.leave.askedOf');
  });
});

describe('sign-in', () => {
  it('starts from the attendee list and approved leave, and an absence without leave is reported (art. 46)', () => {
    const t1 = topicId('t1');
    let m = upsertTopic(executive(), topicFromDraft(majorDraft, t1));
    m = { ...m, attendees: requiredAttendees(m, reg) };
    const id = leaveRequestId('l1');
    m = decideLeave(addLeave(m, { personId: dep2, reason: '出差', askedOfId: head }, id, asOf), id, {
      byId: head,
      approved: true,
      on: asOf,
    });
    const sheet = defaultSignIns(m);
    expect(sheet.find((s) => s.personId === head)?.status).toBe('present');
    expect(sheet.find((s) => s.personId === dep2)?.status).toBe('onLeave');
    const sitter = sheet.find((s) => s.topicIds !== undefined);
    expect(sitter).toMatchObject({ status: 'nonVoting', topicIds: ['t1'] });
    expect(signInSheet(m)).toEqual(sheet);
    expect(checkAbsences({ ...m, signIns: sheet }, reg)).toEqual([]);
    const absent = setSignIn(sheet, { personId: exec, status: 'absent' });
    expect(checkAbsences({ ...m, signIns: absent }, reg).map((f) => f.ruleId)).toEqual([
      'meeting.absence.noLeave',
    ]);
    expect(signInSheet({ ...m, signIns: absent })).toEqual(absent);
  });
});
