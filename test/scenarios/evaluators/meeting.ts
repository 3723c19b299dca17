/**
 * subject.kind "meeting": one meeting at a step (or as it stands), or a series of meetings checked for the
 * monthly 常务会议 (art. 42). See docs/scenarios.md.
 */
import { z } from 'zod';
import {
  MEETING_STEPS,
  checkExecutiveMonthly,
  checkMeeting,
  checkMeetingStep,
  expectedAttendees,
  isoDateSchema,
  latestMinutes,
  meetingDocumentDueDate,
  meetingSchema,
  minutesDueDate,
  proposeChair,
  requiredMinutesSigner,
  type Meeting,
  type MeetingStep,
} from '../../../shared/domain';
import type { Evaluate } from './types';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

const single = z
  .object({
    kind: z.literal('meeting'),
    meeting: meetingSchema,
    step: z.enum(MEETING_STEPS as [MeetingStep, ...MeetingStep[]]).optional(),
    today: isoDateSchema.optional(),
    otherMeetings: z.array(meetingSchema).default([]),
  })
  .strict();

const series = z
  .object({
    kind: z.literal('meeting'),
    series: z.object({ from: month, to: month }).strict(),
    meetings: z.array(meetingSchema),
  })
  .strict();

const sortedIds = (xs: readonly string[]) => [...xs].sort();

/** A due date, or null when the calendar has no data for the year (the findings say so). */
const orNull = <T>(compute: () => T): T | null => {
  try {
    return compute();
  } catch {
    return null;
  }
};

export const evaluate: Evaluate = (subject, ctx) => {
  const asSeries = series.safeParse(subject);
  if (asSeries.success) {
    const { series: range, meetings } = asSeries.data;
    return {
      findings: checkExecutiveMonthly(meetings as Meeting[], range.from, range.to),
      values: {},
    };
  }
  const s = single.parse(subject);
  const m = s.meeting as Meeting;
  const rctx = { ...ctx, today: s.today, meetings: s.otherMeetings as Meeting[] };
  const findings = s.step === undefined ? checkMeeting(m, rctx) : checkMeetingStep(m, s.step, rctx);
  const expected = expectedAttendees(m, ctx.registry);
  const idsOf = (role: string, optional = false) =>
    sortedIds(expected.filter((e) => e.role === role && e.optional === optional).map((e) => e.personId));
  const signedOn = latestMinutes(m)?.signature?.on;
  return {
    findings,
    values: {
      blocked: findings.some((f) => f.severity === 'block'),
      minutesDue: orNull(() => minutesDueDate(m, ctx.calendar)),
      requiredSigner: requiredMinutesSigner(m, ctx.registry, signedOn ?? m.date)?.personId ?? null,
      proposedChair: proposeChair(ctx.registry, m.kind, m.date)?.personId ?? null,
      expectedMembers: idsOf('member'),
      expectedFixedNonVoting: idsOf('fixedNonVoting'),
      expectedTopicNonVoting: idsOf('topicNonVoting'),
      expectedParticipants: idsOf('participant'),
      optionalInvitees: sortedIds(expected.filter((e) => e.optional).map((e) => e.personId)),
      documentDue: m.documentsToIssue.map((d) =>
        orNull(() => meetingDocumentDueDate(m, d.deadline, ctx.calendar)),
      ),
    },
  };
};
