/** subject.kind "registry": who holds what on a date and the standing leadership checks (arts. 6–9, 40–42). */
import { z } from 'zod';
import {
  checkLeadershipOn,
  deputyHeadsOn,
  districtHeadOn,
  executiveDeputyOn,
  isoDateSchema,
  partyGroupOn,
  partyGroupSecretaryOn,
  responsibleDeputyOn,
  unitHeadOn,
  unitId,
  unitsWithRole,
} from '../../../shared/domain';
import type { Evaluate } from './types';

const schema = z
  .object({ kind: z.literal('registry'), date: isoDateSchema, unit: z.string().min(1).optional() })
  .strict();

export const evaluate: Evaluate = (subject, ctx) => {
  const s = schema.parse(subject);
  const reg = ctx.registry;
  const sorted = (xs: readonly string[]) => [...xs].sort();
  return {
    findings: checkLeadershipOn(reg, s.date),
    values: {
      districtHead: districtHeadOn(reg, s.date) ?? null,
      executiveDeputy: executiveDeputyOn(reg, s.date) ?? null,
      partyGroupSecretary: partyGroupSecretaryOn(reg, s.date) ?? null,
      deputyHeads: sorted(deputyHeadsOn(reg, s.date)),
      partyGroup: sorted(partyGroupOn(reg, s.date)),
      fixedAttendeeHeads: sorted(
        unitsWithRole(reg, 'executiveFixedAttendee').flatMap((u) => unitHeadOn(reg, u.id, s.date) ?? []),
      ),
      ...(s.unit === undefined
        ? {}
        : {
            responsibleDeputy: responsibleDeputyOn(reg, unitId(s.unit), s.date) ?? null,
            unitHead: unitHeadOn(reg, unitId(s.unit), s.date) ?? null,
          }),
    },
  };
};
