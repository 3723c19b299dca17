/**
 * Meetings of the district government (arts. 39–48): the five kinds, their topics (议题), attendees, leave,
 * sign-in, record, minutes, decisions and follow-ups. Plain readonly data; the rules live in ./meetings/.
 */
import type { IsoDate } from '../calendar/iso-date';
import type {
  DecisionId,
  DocumentId,
  EntrustmentId,
  LeaveRequestId,
  MeetingId,
  PersonId,
  TopicId,
  UnitId,
} from './ids';

export type MeetingKind = 'plenary' | 'partyGroup' | 'executive' | 'headOffice' | 'special';

export const MEETING_KINDS: readonly MeetingKind[] = [
  'plenary',
  'partyGroup',
  'executive',
  'headOffice',
  'special',
];

export const MEETING_KIND_LABELS: Readonly<Record<MeetingKind, string>> = {
  plenary: '区政府全体会议',
  partyGroup: '区政府党组会议',
  executive: '区政府常务会议',
  headOffice: '区长办公会议',
  special: '区政府专题会议',
};

/** The article that constitutes each kind (who sits, who chairs). */
export const MEETING_KIND_ARTICLE: Readonly<Record<MeetingKind, number>> = {
  plenary: 40,
  partyGroup: 41,
  executive: 42,
  headOffice: 43,
  special: 44,
};

/** What each kind is for (arts. 40–44), shown when a clerk picks a kind. */
export const MEETING_KIND_PURPOSES: Readonly<Record<MeetingKind, readonly string[]>> = {
  plenary: [
    '传达贯彻市委、市政府和区委的重要指示、决定',
    '通报重要工作情况',
    '部署区政府的重要工作',
    '讨论其他需要全体会议讨论的重大事项',
  ],
  partyGroup: [
    '传达贯彻市委、市政府和区委的重要指示、决定，研究贯彻落实的措施',
    '研究需要报请区委审定的事项',
    '研究提交区政府常务会议研究审定的重大决策、重要人事任免、重大项目安排、大额资金使用等事项',
    '研究区政府加强政府系统党风廉政建设的措施',
    '研究其他应由党组讨论和决定的重大问题',
  ],
  executive: [
    '研究贯彻落实市政府重大决策部署的措施',
    '研究需要报请市政府、区委审定的重要事项',
    '研究需要报请区人大及其常委会审议的重要事项',
    '讨论决定区政府工作中的重要事项',
    '讨论由区政府制定发布的决定、命令和规范性文件',
    '听取区政府部门、乡镇政府和有关单位重要工作汇报，讨论决定重要请示事项',
    '讨论和通过区政府部门和有关单位人事任免事项',
    '研究政府系统奖惩事宜',
    '通报和讨论其他重要事项',
  ],
  headOffice: [
    '研究讨论区政府重点工作推进或需要统筹协调涉及区政府多个部门的重大事项',
    '沟通重要情况，深入研究重点难点问题',
    '研究其他需要区长办公会议讨论的事项',
  ],
  special: ['研究专项工作事宜'],
};

/** A meeting's life (SPEC §2): 筹备 → 议题审定 → 通知 → 召开 → 纪要起草 → 纪要签发 → 印发 → 归档. */
export type MeetingState =
  | 'planned'
  | 'agendaApproved'
  | 'noticeSent'
  | 'held'
  | 'minutesDrafted'
  | 'minutesSigned'
  | 'issued'
  | 'archived'
  | 'cancelled'
  | 'postponed';

export const MEETING_STATE_LABELS: Readonly<Record<MeetingState, string>> = {
  planned: '筹备',
  agendaApproved: '议题已审定',
  noticeSent: '已通知',
  held: '已召开',
  minutesDrafted: '纪要已起草',
  minutesSigned: '纪要已签发',
  issued: '已印发',
  archived: '已归档',
  cancelled: '已取消',
  postponed: '已延期',
};

/** The forward order of states; cancelled / postponed sit outside it. */
export const MEETING_STATE_ORDER: readonly MeetingState[] = [
  'planned',
  'agendaApproved',
  'noticeSent',
  'held',
  'minutesDrafted',
  'minutesSigned',
  'issued',
  'archived',
];

/** Why someone other than the rule's first choice convenes/chairs (art. 9 acting, art. 43 entrustment). */
export interface ActingChair {
  /** Whom the chair stands in for (the 区长). */
  readonly forId: PersonId;
  readonly basis: 'executiveDeputyForDistrictHead' | 'entrustment';
  readonly entrustmentId?: EntrustmentId;
  readonly note: string;
}

export interface ProcedureRecord {
  readonly on: IsoDate;
  readonly note: string;
}

export interface LegalityReview {
  readonly on: IsoDate;
  /** The reviewing unit: must be the 法制机构 (a unit with role legalAffairs). */
  readonly byUnitId: UnitId;
  readonly lawful: boolean;
  readonly note?: string;
}

/** The five domains of art. 27 whose major decisions need 区委 consent before implementation. */
export type Art27Domain = 'economic' | 'political' | 'cultural' | 'social' | 'ecological';

export const ART27_DOMAIN_LABELS: Readonly<Record<Art27Domain, string>> = {
  economic: '经济建设',
  political: '政治建设',
  cultural: '文化建设',
  social: '社会建设',
  ecological: '生态文明建设',
};

/** The statutory procedures of a major decision (重大决策, arts. 23, 25, 27). */
export interface MajorDecision {
  readonly legalityReview?: LegalityReview;
  readonly publicParticipation?: ProcedureRecord;
  readonly expertReview?: ProcedureRecord;
  readonly riskAssessment?: ProcedureRecord;
  /** Art. 25: touches major public interest or may cause social-stability problems. */
  readonly publicInterestAtStake: boolean;
  readonly stabilityAssessment?: ProcedureRecord & { readonly thirdParty: string };
  /** Hearing (听证会) or another recorded form of hearing all sides (art. 25). */
  readonly hearing?: ProcedureRecord;
  readonly art27Domain?: Art27Domain;
  readonly partyCommitteeConsent?: ProcedureRecord;
}

export interface PriorStudy {
  readonly on: IsoDate;
  readonly byId: PersonId;
  readonly preliminaryView: string;
}

export interface TopicApproval {
  readonly byId: PersonId;
  readonly on: IsoDate;
}

/** 议题 (art. 45). */
export interface Topic {
  readonly id: TopicId;
  readonly title: string;
  readonly reportingUnitIds: readonly UnitId[];
  readonly responsibleDeputyId?: PersonId;
  readonly materials: readonly string[];
  /** The proposal (解决方案 / 明确意见); without it the topic does not go on the agenda. */
  readonly proposedDecision?: string;
  readonly priorStudy?: PriorStudy;
  readonly departmentsDisagree: boolean;
  /** The coordinating 专题会议 held first when departments disagree. */
  readonly coordinatingMeetingId?: MeetingId;
  readonly major?: MajorDecision;
  readonly approval?: TopicApproval;
  readonly withdrawn?: boolean;
}

/**
 * How someone sits at a meeting: member (组成人员), fixedNonVoting (固定列席, art. 42), topicNonVoting (列席涉及本单位
 * 的议题, art. 42), invited (根据需要列席 / 邀请列席, arts. 40–41), participant (参加, arts. 43–44), assistant (助手,
 * art. 46).
 */
export type AttendeeRole =
  'member' | 'fixedNonVoting' | 'topicNonVoting' | 'invited' | 'participant' | 'assistant';

export const ATTENDEE_ROLE_LABELS: Readonly<Record<AttendeeRole, string>> = {
  member: '出席',
  fixedNonVoting: '固定列席',
  topicNonVoting: '议题列席',
  invited: '列席',
  participant: '参加',
  assistant: '助手',
};

export interface Attendee {
  readonly personId: PersonId;
  readonly role: AttendeeRole;
  /** For topicNonVoting: the topics they sit in on. */
  readonly topicIds?: readonly TopicId[];
  /** The unit they come for (topic 列席, participants, assistants). */
  readonly unitId?: UnitId;
  /** For an assistant: whom they assist. */
  readonly assistsId?: PersonId;
}

export interface MaterialDelivery {
  readonly personId: PersonId;
  readonly on: IsoDate;
  /** "HH:MM" when known. */
  readonly at?: string;
  /** Who delivered them (the clerk's name as entered). */
  readonly by?: string;
}

export interface LeaveDecision {
  readonly byId: PersonId;
  readonly approved: boolean;
  readonly on: IsoDate;
  /** "HH:MM" when known. */
  readonly at?: string;
}

/** 请假 (arts. 46, 59). */
export interface LeaveRequest {
  readonly id: LeaveRequestId;
  readonly personId: PersonId;
  readonly reason: string;
  readonly askedOfId: PersonId;
  readonly requestedOn: IsoDate;
  readonly decision?: LeaveDecision;
  readonly standInId?: PersonId;
}

export type SignInStatus = 'present' | 'onLeave' | 'absent' | 'nonVoting';

export const SIGN_IN_LABELS: Readonly<Record<SignInStatus, string>> = {
  present: '出席',
  onLeave: '请假',
  absent: '缺席',
  nonVoting: '列席',
};

export interface SignIn {
  readonly personId: PersonId;
  readonly status: SignInStatus;
  readonly late?: boolean;
  /** Topics the person was in the room for (needed to check topic 列席, art. 42). */
  readonly topicIds?: readonly TopicId[];
}

/** 会议纪录 of one topic (art. 47). */
export interface TopicRecord {
  readonly topicId: TopicId;
  readonly recorderId: PersonId;
  readonly text: string;
}

export interface MinutesSignature {
  readonly byId: PersonId;
  readonly on: IsoDate;
  readonly opinion?: string;
}

/** One version of the 会议纪要. A signed version is frozen; a correction is a new version. */
export interface MinutesVersion {
  readonly version: number;
  readonly draftedOn: IsoDate;
  readonly text: string;
  readonly submittedToId?: PersonId;
  readonly signature?: MinutesSignature;
}

export interface ProgressReport {
  readonly on: IsoDate;
  readonly note: string;
  /** Evidence handed in with this report (document titles, descriptions). */
  readonly evidence?: readonly string[];
  /** Evidence files, stored as attachments (the bytes live in the attachments table under this id). */
  readonly files?: readonly EvidenceFile[];
}

export interface EvidenceFile {
  readonly attachmentId: string;
  readonly name: string;
}

/** A closed decision item opened again: the closure it undid is kept here (nothing is lost). */
export interface DecisionReopening {
  readonly on: IsoDate;
  readonly reason: string;
  readonly closedOn: IsoDate;
  readonly closingSummary?: string;
}

/** A change of an open item's owner, leader or due date (延期, 调整承办): what it was before, and why. */
export interface DecisionAdjustment {
  readonly on: IsoDate;
  readonly reason: string;
  readonly before: {
    readonly ownerUnitId?: UnitId;
    readonly responsibleLeaderId?: PersonId;
    readonly dueDate?: IsoDate;
  };
}

/** 决定事项 in the minutes, followed until done (arts. 29, 47). */
export interface DecisionItem {
  readonly id: DecisionId;
  readonly text: string;
  readonly ownerUnitId?: UnitId;
  readonly responsibleLeaderId?: PersonId;
  readonly dueDate?: IsoDate;
  readonly progress: readonly ProgressReport[];
  readonly evidence: readonly string[];
  readonly closedOn?: IsoDate;
  /** The topic whose 议定事项 this item comes from. */
  readonly topicId?: TopicId;
  readonly createdOn?: IsoDate;
  /** 办结 summary, written when closing. */
  readonly closingSummary?: string;
  readonly reopenings?: readonly DecisionReopening[];
  readonly adjustments?: readonly DecisionAdjustment[];
}

/** After a 常务会议: report to 区委 and 区人大常委会, notify 区政协 (art. 42). */
export type ReportTarget = 'partyCommittee' | 'congressStandingCommittee' | 'cppcc';

export const REPORT_TARGET_LABELS: Readonly<Record<ReportTarget, string>> = {
  partyCommittee: '向区委报告情况',
  congressStandingCommittee: '向区人大常委会报告情况',
  cppcc: '向区政协通报情况',
};

export interface ReportTask {
  readonly target: ReportTarget;
  readonly doneOn?: IsoDate;
  /** Who reported / notified (name as entered). */
  readonly doneBy?: string;
  readonly note?: string;
}

/** Art. 53: 5 working days, 7 when major revisions need coordination, or an explicit reporting deadline. */
export type IssueDeadline =
  | { readonly kind: 'fiveDays' }
  | { readonly kind: 'sevenDays'; readonly reason: string }
  | { readonly kind: 'explicit'; readonly date: IsoDate };

export interface DocumentToIssue {
  readonly title: string;
  readonly documentId?: DocumentId;
  readonly deadline: IssueDeadline;
  readonly issuedOn?: IsoDate;
}

/** A postponed meeting set to a new date/time (art. 39). */
export interface Reschedule {
  readonly on: IsoDate;
  readonly fromDate: IsoDate;
  readonly fromTime?: string;
  readonly toDate: IsoDate;
  readonly toTime?: string;
  readonly reason: string;
  /** Why it had been postponed. */
  readonly postponedReason?: string;
}

export interface Meeting {
  readonly id: MeetingId;
  readonly kind: MeetingKind;
  readonly title: string;
  readonly date: IsoDate;
  /** "HH:MM". */
  readonly time?: string;
  readonly place: string;
  readonly convenorId: PersonId;
  readonly chairId: PersonId;
  readonly acting?: ActingChair;
  /** 重要会议 (art. 59): absence needs formal leave. */
  readonly important?: boolean;
  readonly recorderId?: PersonId;
  readonly state: MeetingState;
  readonly postponed?: { readonly reason: string; readonly to?: IsoDate };
  /** Every move of a postponed meeting to a new date, oldest first (the history stays). */
  readonly reschedules?: readonly Reschedule[];
  readonly cancelled?: { readonly reason: string };
  readonly topics: readonly Topic[];
  readonly attendees: readonly Attendee[];
  readonly deliveries: readonly MaterialDelivery[];
  readonly leaves: readonly LeaveRequest[];
  readonly signIns: readonly SignIn[];
  readonly records: readonly TopicRecord[];
  readonly minutes: readonly MinutesVersion[];
  readonly decisions: readonly DecisionItem[];
  readonly reportTasks: readonly ReportTask[];
  readonly documentsToIssue: readonly DocumentToIssue[];
}

/** Topics still on the agenda. */
export const activeTopics = (m: Meeting): readonly Topic[] => m.topics.filter((t) => t.withdrawn !== true);

/** The latest minutes version, if any. */
export function latestMinutes(m: Meeting): MinutesVersion | undefined {
  return m.minutes.reduce<MinutesVersion | undefined>(
    (best, v) => (best === undefined || v.version > best.version ? v : best),
    undefined,
  );
}

/** The first draft (for the 2-working-day deadline of art. 47). */
export function firstMinutes(m: Meeting): MinutesVersion | undefined {
  return m.minutes.reduce<MinutesVersion | undefined>(
    (best, v) => (best === undefined || v.version < best.version ? v : best),
    undefined,
  );
}

/** True when `state` has reached `target` on the forward path (cancelled/postponed reach nothing). */
export function stateReached(state: MeetingState, target: MeetingState): boolean {
  const i = MEETING_STATE_ORDER.indexOf(state);
  const j = MEETING_STATE_ORDER.indexOf(target);
  return i >= 0 && j >= 0 && i >= j;
}

/**
 * A correction to signed minutes: signed versions are frozen (art. 47 签发), so the change becomes a new
 * unsigned version. Editing an unsigned latest version replaces its text instead.
 */
export function reviseMinutes(m: Meeting, text: string, on: IsoDate): Meeting {
  const latest = latestMinutes(m);
  if (latest !== undefined && latest.signature === undefined) {
    return { ...m, minutes: m.minutes.map((v) => (v === latest ? { ...v, text, draftedOn: on } : v)) };
  }
  const version = (latest?.version ?? 0) + 1;
  return { ...m, minutes: [...m.minutes, { version, draftedOn: on, text }] };
}

/** A fresh meeting in state planned, with empty lists. */
export function newMeeting(
  fields: Pick<Meeting, 'id' | 'kind' | 'title' | 'date' | 'place' | 'convenorId' | 'chairId'> &
    Partial<Omit<Meeting, 'id' | 'kind' | 'title' | 'date' | 'place' | 'convenorId' | 'chairId'>>,
): Meeting {
  return {
    state: 'planned',
    topics: [],
    attendees: [],
    deliveries: [],
    leaves: [],
    signIns: [],
    records: [],
    minutes: [],
    decisions: [],
    reportTasks: [],
    documentsToIssue: [],
    ...fields,
  };
}
