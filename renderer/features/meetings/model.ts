/**
 * Pure functions behind the meetings screens: list filters and badges, the new-meeting form, topic editing
 * and the per-step gates. The rules themselves are the engine's (shared/domain/meetings); this module only
 * turns form values into `Meeting` changes and asks the engine about them.
 */
import { isIsoDate, type IsoDate } from '../../../shared/calendar/iso-date';
import type { Finding } from '../../../shared/domain/findings';
import {
  meetingId as toMeetingId,
  personId as toPersonId,
  topicId as toTopicId,
  unitId as toUnitId,
  type MeetingId,
  type PersonId,
  type LeaveRequestId,
  type TopicId,
} from '../../../shared/domain/ids';
import {
  MEETING_KIND_LABELS,
  activeTopics,
  newMeeting,
  stateReached,
  type ActingChair,
  type Art27Domain,
  type Attendee,
  type LeaveDecision,
  type LeaveRequest,
  type MajorDecision,
  type Meeting,
  type MeetingKind,
  type MeetingState,
  type SignIn,
  type Topic,
  type TopicApproval,
} from '../../../shared/domain/meeting';
import {
  chairCandidates,
  checkMeetingStep,
  expectedAttendees,
  minutesDueDate,
  proposeChair,
  STEP_RESULT,
  type ChairProposal,
  type ChairStatus,
  type ExpectedAttendee,
  type MeetingRuleContext,
  type MeetingStep,
} from '../../../shared/domain/meeting-rules';
import {
  districtHeadOn,
  entrustmentOn,
  personName,
  responsibleDeputyOn,
  type Registry,
} from '../../../shared/domain/registry';
import type { WorkingDays } from '../../../shared/domain/working-days';

// ---------------------------------------------------------------------------------------------------------
// List.

export interface MeetingFilters {
  readonly kind?: MeetingKind;
  readonly state?: MeetingState;
  readonly chairId?: PersonId;
  /** "YYYY-MM". */
  readonly month?: string;
}

export const monthOf = (date: IsoDate): string => date.slice(0, 7);

export function filterMeetings(meetings: readonly Meeting[], f: MeetingFilters): Meeting[] {
  return meetings.filter(
    (m) =>
      (f.kind === undefined || m.kind === f.kind) &&
      (f.state === undefined || m.state === f.state) &&
      (f.chairId === undefined || m.chairId === f.chairId) &&
      (f.month === undefined || monthOf(m.date) === f.month),
  );
}

/** Months that have meetings, newest first, for the month filter. */
export function meetingMonths(meetings: readonly Meeting[]): string[] {
  return [...new Set(meetings.map((m) => monthOf(m.date)))].sort().reverse();
}

/** Chairs that appear in the list, for the chair filter. */
export function meetingChairs(meetings: readonly Meeting[]): PersonId[] {
  return [...new Set(meetings.map((m) => m.chairId))];
}

export type MinutesBadge =
  | { readonly kind: 'none' }
  | { readonly kind: 'due'; readonly due: IsoDate }
  | { readonly kind: 'overdue'; readonly due: IsoDate }
  | { readonly kind: 'unknown'; readonly reason: string };

/** Art. 47: minutes drafted within 2 working days of the meeting; shown once held and until drafted. */
export function minutesBadge(m: Meeting, cal: WorkingDays, today: IsoDate): MinutesBadge {
  if (!stateReached(m.state, 'held') || stateReached(m.state, 'minutesDrafted') || m.minutes.length > 0)
    return { kind: 'none' };
  try {
    const due = minutesDueDate(m, cal);
    return today > due ? { kind: 'overdue', due } : { kind: 'due', due };
  } catch (e) {
    return { kind: 'unknown', reason: e instanceof Error ? e.message : String(e) };
  }
}

// ---------------------------------------------------------------------------------------------------------
// New meeting.

export interface NewMeetingDraft {
  readonly kind?: MeetingKind;
  readonly title: string;
  readonly date: string;
  readonly time: string;
  readonly place: string;
  readonly chairId?: string;
  readonly recorderId?: string;
  readonly important: boolean;
}

export const EMPTY_DRAFT: NewMeetingDraft = { title: '', date: '', time: '', place: '', important: false };

export const CHAIR_STATUS_LABELS: Readonly<Record<ChairStatus, string>> = {
  eligible: '依规主持',
  acting: '代为主持（第九条）',
  entrusted: '受区长委托（第四十三条）',
  needsEntrustment: '须有区长委托',
  ineligible: '不能主持',
};

export interface ChairChoice {
  readonly proposal: ChairProposal | undefined;
  readonly candidates: readonly { readonly personId: PersonId; readonly status: ChairStatus }[];
}

export function chairChoice(reg: Registry, kind: MeetingKind, date: IsoDate): ChairChoice {
  return { proposal: proposeChair(reg, kind, date), candidates: chairCandidates(reg, kind, date) };
}

export type DraftErrors = Partial<Record<keyof NewMeetingDraft, string>>;

/** Form-level checks with messages a clerk can act on; the rules' findings come on top (planFindings). */
export function draftErrors(d: NewMeetingDraft): DraftErrors {
  const e: { -readonly [K in keyof NewMeetingDraft]?: string } = {};
  if (d.kind === undefined) e.kind = '请选择会议类型';
  if (!isIsoDate(d.date)) e.date = '请选择会议日期';
  if (d.time !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(d.time)) e.time = '时间格式应为 HH:MM，例如 09:30';
  if (d.place.trim() === '') e.place = '请填写会议地点';
  if (d.chairId === undefined) e.chairId = '请选择主持人';
  if (d.recorderId === undefined) e.recorderId = '请指定会议记录人（第四十七条）';
  if (d.title.length > 200) e.title = '会议名称最多 200 字';
  return e;
}

/** Why the chosen chair is not the 区长 (art. 9 acting, art. 43 entrustment), recorded with the meeting. */
export function actingBasis(
  reg: Registry,
  kind: MeetingKind,
  chairId: PersonId,
  date: IsoDate,
): ActingChair | undefined {
  const head = districtHeadOn(reg, date);
  if (head === undefined || chairId === head) return undefined;
  if (kind === 'headOffice') {
    const e = entrustmentOn(reg, chairId, 'headOfficeMeeting', date);
    if (e !== undefined)
      return { forId: e.grantorId, basis: 'entrustment', entrustmentId: e.id, note: e.description };
  }
  const proposal = proposeChair(reg, kind, date);
  if (proposal?.acting !== undefined && proposal.personId === chairId && kind !== 'partyGroup') {
    return { forId: head, basis: 'executiveDeputyForDistrictHead', note: proposal.reason };
  }
  return undefined;
}

/** The meeting the draft describes (call only when draftErrors is empty). */
export function meetingFromDraft(d: NewMeetingDraft, reg: Registry, id: MeetingId): Meeting {
  const kind = d.kind ?? 'special';
  const date = d.date as IsoDate;
  const chairId = toPersonId(d.chairId ?? '');
  const acting = actingBasis(reg, kind, chairId, date);
  return newMeeting({
    id,
    kind,
    title: d.title.trim() === '' ? `${MEETING_KIND_LABELS[kind]}（${date}）` : d.title.trim(),
    date,
    place: d.place.trim(),
    convenorId: chairId,
    chairId,
    ...(d.time !== '' ? { time: d.time } : {}),
    ...(acting ? { acting } : {}),
    ...(d.recorderId ? { recorderId: toPersonId(d.recorderId) } : {}),
    ...(d.important ? { important: true } : {}),
  });
}

// ---------------------------------------------------------------------------------------------------------
// Topics.

export interface TopicDraft {
  readonly title: string;
  readonly reportingUnitIds: readonly string[];
  readonly responsibleDeputyId?: string;
  /** One material per line. */
  readonly materials: string;
  readonly proposedDecision: string;
  readonly priorStudyOn?: string;
  readonly priorStudyById?: string;
  readonly priorStudyView: string;
  readonly departmentsDisagree: boolean;
  readonly coordinatingMeetingId?: string;
  readonly major: boolean;
  readonly legalityOn?: string;
  readonly legalityUnitId?: string;
  readonly legalityLawful: boolean;
  readonly legalityNote: string;
  readonly publicParticipationOn?: string;
  readonly expertReviewOn?: string;
  readonly riskAssessmentOn?: string;
  readonly publicInterestAtStake: boolean;
  readonly stabilityOn?: string;
  readonly stabilityThirdParty: string;
  readonly hearingOn?: string;
  readonly art27Domain?: Art27Domain;
  readonly consentOn?: string;
}

export const EMPTY_TOPIC: TopicDraft = {
  title: '',
  reportingUnitIds: [],
  materials: '',
  proposedDecision: '',
  priorStudyView: '',
  departmentsDisagree: false,
  major: false,
  legalityLawful: true,
  legalityNote: '',
  publicInterestAtStake: false,
  stabilityThirdParty: '',
};

const dateOr = (s: string | undefined): IsoDate | undefined =>
  s !== undefined && isIsoDate(s) ? (s as IsoDate) : undefined;
const nonBlank = (s: string | undefined): string | undefined =>
  s === undefined || s.trim() === '' ? undefined : s.trim();
const proc = (on: string | undefined, note = '') => {
  const d = dateOr(on);
  return d === undefined ? undefined : { on: d, note };
};

function majorFromDraft(d: TopicDraft): MajorDecision | undefined {
  if (!d.major) return undefined;
  const legalityOn = dateOr(d.legalityOn);
  const stabilityOn = dateOr(d.stabilityOn);
  const pp = proc(d.publicParticipationOn);
  const er = proc(d.expertReviewOn);
  const ra = proc(d.riskAssessmentOn);
  const hearing = proc(d.hearingOn);
  const consent = proc(d.consentOn);
  return {
    publicInterestAtStake: d.publicInterestAtStake,
    ...(legalityOn !== undefined && d.legalityUnitId
      ? {
          legalityReview: {
            on: legalityOn,
            byUnitId: toUnitId(d.legalityUnitId),
            lawful: d.legalityLawful,
            ...(nonBlank(d.legalityNote) ? { note: d.legalityNote.trim() } : {}),
          },
        }
      : {}),
    ...(pp ? { publicParticipation: pp } : {}),
    ...(er ? { expertReview: er } : {}),
    ...(ra ? { riskAssessment: ra } : {}),
    ...(stabilityOn !== undefined && nonBlank(d.stabilityThirdParty)
      ? { stabilityAssessment: { on: stabilityOn, note: '', thirdParty: d.stabilityThirdParty.trim() } }
      : {}),
    ...(hearing ? { hearing } : {}),
    ...(d.art27Domain ? { art27Domain: d.art27Domain } : {}),
    ...(consent ? { partyCommitteeConsent: consent } : {}),
  };
}

/**
 * The topic a draft describes. Editing the content of an approved topic clears its approval: what the
 * 区长 set is no longer what goes to the meeting (art. 45), so it is set again.
 */
export function topicFromDraft(d: TopicDraft, id: TopicId, existing?: Topic): Topic {
  const priorOn = dateOr(d.priorStudyOn);
  const topic: Topic = {
    id,
    title: d.title.trim(),
    reportingUnitIds: d.reportingUnitIds.map(toUnitId),
    materials: d.materials
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    departmentsDisagree: d.departmentsDisagree,
    ...(d.responsibleDeputyId ? { responsibleDeputyId: toPersonId(d.responsibleDeputyId) } : {}),
    ...(nonBlank(d.proposedDecision) ? { proposedDecision: d.proposedDecision.trim() } : {}),
    ...(priorOn !== undefined && d.priorStudyById
      ? {
          priorStudy: {
            on: priorOn,
            byId: toPersonId(d.priorStudyById),
            preliminaryView: d.priorStudyView.trim(),
          },
        }
      : {}),
    ...(d.departmentsDisagree && d.coordinatingMeetingId
      ? { coordinatingMeetingId: toMeetingId(d.coordinatingMeetingId) }
      : {}),
    ...(d.major ? { major: majorFromDraft(d) } : {}),
  };
  if (existing?.approval !== undefined && sameContent(existing, topic)) {
    return { ...topic, approval: existing.approval };
  }
  return topic;
}

function sameContent(a: Topic, b: Topic): boolean {
  const strip = ({ approval: _a, withdrawn: _w, ...rest }: Topic) => rest;
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

export function draftFromTopic(t: Topic): TopicDraft {
  const mj = t.major;
  return {
    ...EMPTY_TOPIC,
    title: t.title,
    reportingUnitIds: [...t.reportingUnitIds],
    ...(t.responsibleDeputyId ? { responsibleDeputyId: t.responsibleDeputyId } : {}),
    materials: t.materials.join('\n'),
    proposedDecision: t.proposedDecision ?? '',
    ...(t.priorStudy ? { priorStudyOn: t.priorStudy.on, priorStudyById: t.priorStudy.byId } : {}),
    priorStudyView: t.priorStudy?.preliminaryView ?? '',
    departmentsDisagree: t.departmentsDisagree,
    ...(t.coordinatingMeetingId ? { coordinatingMeetingId: t.coordinatingMeetingId } : {}),
    major: mj !== undefined,
    ...(mj?.legalityReview
      ? { legalityOn: mj.legalityReview.on, legalityUnitId: mj.legalityReview.byUnitId }
      : {}),
    legalityLawful: mj?.legalityReview?.lawful ?? true,
    legalityNote: mj?.legalityReview?.note ?? '',
    ...(mj?.publicParticipation ? { publicParticipationOn: mj.publicParticipation.on } : {}),
    ...(mj?.expertReview ? { expertReviewOn: mj.expertReview.on } : {}),
    ...(mj?.riskAssessment ? { riskAssessmentOn: mj.riskAssessment.on } : {}),
    publicInterestAtStake: mj?.publicInterestAtStake ?? false,
    ...(mj?.stabilityAssessment ? { stabilityOn: mj.stabilityAssessment.on } : {}),
    stabilityThirdParty: mj?.stabilityAssessment?.thirdParty ?? '',
    ...(mj?.hearing ? { hearingOn: mj.hearing.on } : {}),
    ...(mj?.art27Domain ? { art27Domain: mj.art27Domain } : {}),
    ...(mj?.partyCommitteeConsent ? { consentOn: mj.partyCommitteeConsent.on } : {}),
  };
}

export function topicDraftErrors(d: TopicDraft): Partial<Record<keyof TopicDraft, string>> {
  const e: Partial<Record<keyof TopicDraft, string>> = {};
  if (d.title.trim() === '') e.title = '请填写议题名称';
  if (d.title.length > 200) e.title = '议题名称最多 200 字';
  if ((d.priorStudyOn === undefined) !== (d.priorStudyById === undefined))
    e.priorStudyById = '会前研究须同时填写日期和组织人';
  // The unit is preset when a topic is marked major; only a date without a unit is incomplete.
  if (d.major && d.legalityOn !== undefined && d.legalityUnitId === undefined)
    e.legalityUnitId = '请选择审查单位（区政府法制机构）';
  if (d.major && d.stabilityOn !== undefined && d.stabilityThirdParty.trim() === '')
    e.stabilityThirdParty = '请填写第三方评估机构';
  return e;
}

/** The deputy in charge of the first reporting unit that has one (art. 8), for the form's default. */
export function defaultDeputy(
  reg: Registry,
  unitIds: readonly string[],
  date: IsoDate,
): PersonId | undefined {
  return unitIds.map((u) => responsibleDeputyOn(reg, toUnitId(u), date)).find((p) => p !== undefined);
}

export function upsertTopic(m: Meeting, t: Topic): Meeting {
  return m.topics.some((x) => x.id === t.id)
    ? { ...m, topics: m.topics.map((x) => (x.id === t.id ? t : x)) }
    : { ...m, topics: [...m.topics, t] };
}

/** Moves a topic up (-1) or down (+1) among the topics; withdrawn ones keep their place at the end. */
export function moveTopic(m: Meeting, id: TopicId, delta: -1 | 1): Meeting {
  const i = m.topics.findIndex((t) => t.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= m.topics.length) return m;
  const topics = [...m.topics];
  const [t] = topics.splice(i, 1);
  topics.splice(j, 0, t as Topic);
  return { ...m, topics };
}

export function withdrawTopic(m: Meeting, id: TopicId): Meeting {
  return { ...m, topics: m.topics.map((t) => (t.id === id ? { ...t, withdrawn: true } : t)) };
}

export function approveTopic(m: Meeting, id: TopicId, approval: TopicApproval): Meeting {
  return { ...m, topics: m.topics.map((t) => (t.id === id ? { ...t, approval } : t)) };
}

/**
 * The gate for setting one topic: the engine's 审定议题 checks on the meeting as it would be with the topic
 * approved, restricted to that topic (the other topics have their own buttons).
 */
export function topicGate(
  m: Meeting,
  id: TopicId,
  approval: TopicApproval,
  ctx: MeetingRuleContext,
): Finding[] {
  return checkMeetingStep(approveTopic(m, id, approval), 'approveAgenda', ctx).filter(
    (f) => f.subject.kind === 'topic' && f.subject.id === id,
  );
}

/** Findings of one topic as it stands (for its row). */
export function topicFindings(all: readonly Finding[], id: TopicId): Finding[] {
  return all.filter((f) => f.subject.kind === 'topic' && f.subject.id === id);
}

export const nextTopicId = (m: Meeting, make: () => string): TopicId => {
  let id = toTopicId(make());
  while (m.topics.some((t) => t.id === id)) id = toTopicId(make());
  return id;
};

// ---------------------------------------------------------------------------------------------------------
// Attendees and steps.

export const toAttendee = (e: ExpectedAttendee): Attendee => ({
  personId: e.personId,
  role: e.role,
  ...(e.topicIds && e.topicIds.length > 0 ? { topicIds: [...e.topicIds] } : {}),
  ...(e.unitId ? { unitId: e.unitId } : {}),
});

/** The required attendees the rules imply (arts. 40–44); optional invitations are added one by one. */
export function requiredAttendees(m: Meeting, reg: Registry): Attendee[] {
  return expectedAttendees(m, reg)
    .filter((e) => !e.optional)
    .map(toAttendee);
}

export function addAttendee(m: Meeting, a: Attendee): Meeting {
  return { ...m, attendees: [...m.attendees.filter((x) => x.personId !== a.personId), a] };
}

export function removeAttendee(m: Meeting, p: PersonId): Meeting {
  return { ...m, attendees: m.attendees.filter((x) => x.personId !== p) };
}

/** Expected attendees not on the list, and listed people the rules do not expect (adjustments). */
export function attendeeDiff(
  m: Meeting,
  reg: Registry,
): { readonly missing: readonly ExpectedAttendee[]; readonly extra: readonly Attendee[] } {
  const expected = expectedAttendees(m, reg);
  return {
    missing: expected.filter((e) => !e.optional && !m.attendees.some((a) => a.personId === e.personId)),
    extra: m.attendees.filter((a) => !expected.some((e) => e.personId === a.personId)),
  };
}

/** The meeting after a forward step (state only; the step's own data is recorded before). */
export const advance = (m: Meeting, step: MeetingStep): Meeting => ({ ...m, state: STEP_RESULT[step] });

export const topicCount = (m: Meeting): number => activeTopics(m).length;

export const personLabel = (reg: Registry, id: string | undefined): string =>
  id === undefined ? '—' : personName(reg, toPersonId(id));

// ---------------------------------------------------------------------------------------------------------
// Leave (请假, arts. 46, 59).

export interface LeaveInput {
  readonly personId: PersonId;
  readonly reason: string;
  readonly askedOfId: PersonId;
  readonly standInId?: PersonId;
}

export function leaveInputError(l: Partial<LeaveInput>): string | undefined {
  if (l.personId === undefined) return '请选择请假人';
  if (l.reason === undefined || l.reason.trim() === '') return '请填写请假事由';
  if (l.askedOfId === undefined) return '请选择向谁请假（应向会议主持人请假）';
  if (l.standInId !== undefined && l.standInId === l.personId) return '代为参会的人不能是请假人本人';
  return undefined;
}

export function addLeave(m: Meeting, l: LeaveInput, id: LeaveRequestId, on: IsoDate): Meeting {
  const leave: LeaveRequest = {
    id,
    personId: l.personId,
    reason: l.reason.trim(),
    askedOfId: l.askedOfId,
    requestedOn: on,
    ...(l.standInId !== undefined ? { standInId: l.standInId } : {}),
  };
  return { ...m, leaves: [...m.leaves.filter((x) => x.id !== id), leave] };
}

export function decideLeave(m: Meeting, id: LeaveRequestId, decision: LeaveDecision): Meeting {
  return { ...m, leaves: m.leaves.map((l) => (l.id === id ? { ...l, decision } : l)) };
}

// ---------------------------------------------------------------------------------------------------------
// Sign-in (签到): who was there, on leave, absent, or sat in (per topic for topic 列席).

const NON_VOTING_ROLES: readonly Attendee['role'][] = ['fixedNonVoting', 'topicNonVoting', 'invited'];

/** A starting sheet from the attendee list and approved leave, for the clerk to correct on the day. */
export function defaultSignIns(m: Meeting): SignIn[] {
  const onLeave = new Set(m.leaves.filter((l) => l.decision?.approved === true).map((l) => l.personId));
  return m.attendees.map((a) => {
    if (onLeave.has(a.personId)) return { personId: a.personId, status: 'onLeave' as const };
    if (NON_VOTING_ROLES.includes(a.role))
      return {
        personId: a.personId,
        status: 'nonVoting' as const,
        ...(a.topicIds && a.topicIds.length > 0 ? { topicIds: [...a.topicIds] } : {}),
      };
    return { personId: a.personId, status: 'present' as const };
  });
}

/** The sheet as recorded, else the default one. */
export const signInSheet = (m: Meeting): SignIn[] =>
  m.signIns.length > 0 ? [...m.signIns] : defaultSignIns(m);

export function setSignIn(sheet: readonly SignIn[], s: SignIn): SignIn[] {
  return sheet.map((x) => (x.personId === s.personId ? s : x));
}
