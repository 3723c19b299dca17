/** subject.kind "acting": who acts for whom on a date, and coverage gaps (art. 9). */
import { z } from 'zod';
import {
  actingOn,
  checkActingOn,
  effectivePerson,
  isoDateSchema,
  personId,
  proposeChair,
} from '../../../shared/domain';
import type { Evaluate } from './types';

const schema = z
  .object({
    kind: z.literal('acting'),
    date: isoDateSchema,
    /** Ask who handles this person's work on the date. */
    person: z.string().min(1).optional(),
  })
  .strict();

export const evaluate: Evaluate = (subject, ctx) => {
  const s = schema.parse(subject);
  const acting = Object.fromEntries(actingOn(ctx.registry, s.date).map((a) => [a.absentId, a.actingId]));
  return {
    findings: checkActingOn(ctx.registry, s.date),
    values: {
      acting,
      ...(s.person === undefined
        ? {}
        : { effectivePerson: effectivePerson(ctx.registry, personId(s.person), s.date) }),
      presidingOverGovernment: proposeChair(ctx.registry, 'executive', s.date)?.personId ?? null,
    },
  };
};
