/** subject.kind "calendar": working-day questions and the deadlines built on them (arts. 47, 53). */
import { z } from 'zod';
import {
  isoDateSchema,
  meetingDocumentDueDate,
  minutesDueDate,
  newMeeting,
  issueDeadlineSchema,
  meetingId,
  personId,
} from '../../../shared/domain';
import type { Evaluate } from './types';

const schema = z.discriminatedUnion('question', [
  z
    .object({ kind: z.literal('calendar'), question: z.literal('isWorkingDay'), date: isoDateSchema })
    .strict(),
  z
    .object({
      kind: z.literal('calendar'),
      question: z.literal('addWorkingDays'),
      from: isoDateSchema,
      n: z.number().int(),
    })
    .strict(),
  z
    .object({ kind: z.literal('calendar'), question: z.literal('minutesDue'), meetingDate: isoDateSchema })
    .strict(),
  z
    .object({
      kind: z.literal('calendar'),
      question: z.literal('documentDue'),
      meetingDate: isoDateSchema,
      deadline: issueDeadlineSchema,
    })
    .strict(),
]);

const stubMeeting = (date: string) =>
  newMeeting({
    id: meetingId('m-calendar'),
    kind: 'executive',
    title: '日期计算',
    date: isoDateSchema.parse(date),
    place: '',
    convenorId: personId('-'),
    chairId: personId('-'),
  });

export const evaluate: Evaluate = (subject, ctx) => {
  const s = schema.parse(subject);
  switch (s.question) {
    case 'isWorkingDay':
      return { findings: [], values: { isWorkingDay: ctx.calendar.isWorkingDay(s.date) } };
    case 'addWorkingDays':
      return { findings: [], values: { result: ctx.calendar.addWorkingDays(s.from, s.n) } };
    case 'minutesDue':
      return {
        findings: [],
        values: { minutesDue: minutesDueDate(stubMeeting(s.meetingDate), ctx.calendar) },
      };
    case 'documentDue':
      return {
        findings: [],
        values: { documentDue: meetingDocumentDueDate(stubMeeting(s.meetingDate), s.deadline, ctx.calendar) },
      };
    default: {
      const never: never = s;
      throw new Error(`unknown question ${JSON.stringify(never)}`);
    }
  }
};
