/**
 * The step-check API the UI calls before each step of a meeting's life: which rules apply to the step, and
 * whether the meeting is in the state the step starts from.
 */
import { finding, type Finding } from '../findings';
import {
  MEETING_STATE_LABELS,
  MEETING_STATE_ORDER,
  stateReached,
  type Meeting,
  type MeetingState,
} from '../meeting';
import {
  checkAbsences,
  checkAwayAttendees,
  checkLeaves,
  checkMaterials,
  checkRecorder,
  checkRecords,
} from './attendance';
import { dedupeFindings, meetingRef, type MeetingRuleContext } from './context';
import { checkMeetingDocumentsDue, checkExecutiveReports } from './followup';
import {
  checkDecisionItems,
  checkDecisionsOpen,
  checkDecisionsOverdue,
  checkMinutesDue,
  checkMinutesSignature,
} from './minutes';
import {
  checkAssistants,
  checkAttendeeList,
  checkChair,
  checkMissingAttendees,
  checkTopicAttendance,
} from './roles';
import { checkAgenda, checkPartyCommitteeConsent } from './topics';

export type MeetingStep =
  | 'plan'
  | 'approveAgenda'
  | 'sendNotice'
  | 'hold'
  | 'draftMinutes'
  | 'signMinutes'
  | 'issue'
  | 'archive'
  | 'postpone'
  | 'cancel';

export const MEETING_STEPS: readonly MeetingStep[] = [
  'plan',
  'approveAgenda',
  'sendNotice',
  'hold',
  'draftMinutes',
  'signMinutes',
  'issue',
  'archive',
  'postpone',
  'cancel',
];

export const MEETING_STEP_LABELS: Readonly<Record<MeetingStep, string>> = {
  plan: '筹备会议',
  approveAgenda: '审定议题',
  sendNotice: '发出通知',
  hold: '召开会议',
  draftMinutes: '起草纪要',
  signMinutes: '签发纪要',
  issue: '印发纪要',
  archive: '归档',
  postpone: '延期',
  cancel: '取消',
};

/** The state a forward step leads to. */
export const STEP_RESULT: Readonly<Record<MeetingStep, MeetingState>> = {
  plan: 'planned',
  approveAgenda: 'agendaApproved',
  sendNotice: 'noticeSent',
  hold: 'held',
  draftMinutes: 'minutesDrafted',
  signMinutes: 'minutesSigned',
  issue: 'issued',
  archive: 'archived',
  postpone: 'postponed',
  cancel: 'cancelled',
};

/** Is the meeting in a state from which `step` may be taken (or re-checked once taken)? */
export function stepAllowedFrom(step: MeetingStep, state: MeetingState): boolean {
  switch (step) {
    case 'plan':
      return state === 'planned' || state === 'postponed';
    case 'postpone':
    case 'cancel':
      return !stateReached(state, 'held') && state !== 'cancelled';
    case 'approveAgenda':
    case 'sendNotice':
    case 'hold':
    case 'draftMinutes':
    case 'signMinutes':
    case 'issue':
    case 'archive': {
      const target = MEETING_STATE_ORDER.indexOf(STEP_RESULT[step]);
      const previous = MEETING_STATE_ORDER[target - 1] as MeetingState;
      return state === previous || state === STEP_RESULT[step];
    }
    default: {
      const never: never = step;
      throw new Error(`未知步骤：${String(never)}`);
    }
  }
}

/** The steps a clerk may take next from `state` (re-checks of a step already taken excluded). */
export function availableSteps(state: MeetingState): MeetingStep[] {
  return MEETING_STEPS.filter((s) => stepAllowedFrom(s, state) && STEP_RESULT[s] !== state);
}

function stepRules(m: Meeting, step: MeetingStep, ctx: MeetingRuleContext): Finding[] {
  const reg = ctx.registry;
  switch (step) {
    case 'plan':
      return [...checkChair(m, reg), ...checkAttendeeList(m, reg), ...checkAssistants(m, reg)];
    case 'approveAgenda':
      return [...checkChair(m, reg), ...checkAgenda(m, ctx)];
    case 'sendNotice':
      return [
        ...checkAttendeeList(m, reg),
        ...checkMissingAttendees(m, reg),
        ...checkAwayAttendees(m, reg),
        ...checkMaterials(m, reg),
        ...checkLeaves(m, reg),
      ];
    case 'hold':
      return [
        ...checkChair(m, reg),
        ...checkRecorder(m),
        ...checkMaterials(m, reg),
        ...checkLeaves(m, reg),
        ...checkAbsences(m, reg),
        ...checkAssistants(m, reg),
        ...checkTopicAttendance(m, reg),
      ];
    case 'draftMinutes':
      return [
        ...checkRecorder(m),
        ...checkRecords(m, reg),
        ...checkMinutesDue(m, ctx),
        ...checkDecisionItems(m),
      ];
    case 'signMinutes':
      return [...checkMinutesSignature(m, reg), ...checkDecisionItems(m)];
    case 'issue':
      return [
        ...checkMinutesSignature(m, reg),
        ...checkPartyCommitteeConsent(m),
        ...checkExecutiveReports(m),
        ...checkMeetingDocumentsDue(m, ctx.calendar, ctx.today),
      ];
    case 'archive':
      return [
        ...checkExecutiveReports(m),
        ...checkMeetingDocumentsDue(m, ctx.calendar, ctx.today),
        ...checkDecisionsOverdue(m, reg, ctx.today),
        ...checkDecisionsOpen(m),
      ];
    case 'postpone':
    case 'cancel': {
      const reason = step === 'postpone' ? m.postponed?.reason : m.cancelled?.reason;
      return reason === undefined || reason.trim() === ''
        ? [
            finding(
              `meeting.${step}.reason`,
              [39],
              'block',
              meetingRef(m),
              `${MEETING_STEP_LABELS[step]}会议须填写原因，并通知已通知的与会人员。`,
            ),
          ]
        : [];
    }
    default: {
      const never: never = step;
      throw new Error(`未知步骤：${String(never)}`);
    }
  }
}

/**
 * Findings before taking `step`. A `block` disables the step; `warn` asks for an override reason.
 * The meeting passed in carries the data the step would record (e.g. the signature when signing).
 */
export function checkMeetingStep(m: Meeting, step: MeetingStep, ctx: MeetingRuleContext): Finding[] {
  const rules = stepRules(m, step, ctx);
  const order = stepAllowedFrom(step, m.state)
    ? []
    : [
        finding(
          'meeting.step.order',
          [39],
          'block',
          meetingRef(m),
          `会议当前为“${MEETING_STATE_LABELS[m.state]}”，不能进行“${MEETING_STEP_LABELS[step]}”。请按 筹备→审定议题→通知→召开→起草纪要→签发纪要→印发→归档 的顺序办理。`,
        ),
      ];
  return dedupeFindings([...order, ...rules]);
}

/**
 * Everything the rules say about a meeting as it stands: the checks of every step already taken, plus
 * time-based ones (overdue minutes, documents and decisions as of `ctx.today`).
 */
export function checkMeeting(m: Meeting, ctx: MeetingRuleContext): Finding[] {
  if (m.state === 'cancelled' || m.state === 'postponed') {
    return dedupeFindings(stepRules(m, m.state === 'cancelled' ? 'cancel' : 'postpone', ctx));
  }
  const steps = (
    [
      'plan',
      'approveAgenda',
      'sendNotice',
      'hold',
      'draftMinutes',
      'signMinutes',
      'issue',
      'archive',
    ] as const
  ).filter((s) => stateReached(m.state, STEP_RESULT[s]));
  const timed = [
    ...checkMinutesDue(m, ctx),
    ...checkMeetingDocumentsDue(m, ctx.calendar, ctx.today),
    ...checkDecisionsOverdue(m, ctx.registry, ctx.today),
  ];
  return dedupeFindings([...steps.flatMap((s) => stepRules(m, s, ctx)), ...timed]);
}
