/** subject.kind "travel": one travel report (外出报告) from the registry, judged by art. 59. */
import { z } from 'zod';
import { checkTravelReport, requiredTravelRecipients, travellerKind } from '../../../shared/domain';
import type { Evaluate } from './types';

const schema = z.object({ kind: z.literal('travel'), travelId: z.string().min(1) }).strict();

export const evaluate: Evaluate = (subject, ctx) => {
  const s = schema.parse(subject);
  const t = ctx.registry.travels.find((x) => x.id === s.travelId);
  if (t === undefined) throw new Error(`registry has no travel report “${s.travelId}”`);
  return {
    findings: checkTravelReport(ctx.registry, t),
    values: {
      travellerKind: travellerKind(ctx.registry, t.personId, t.from),
      requiredRecipients: [...requiredTravelRecipients(ctx.registry, t.personId, t.from)],
    },
  };
};
