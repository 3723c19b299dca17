import { describe, expect, it } from 'vitest';
import { addDays, isoDate } from '../calendar/iso-date';
import { registrySchema } from '../domain/registry-schema';
import {
  actingOn,
  deputyHeadsOn,
  districtHeadOn,
  entrustmentOn,
  executiveDeputyOn,
  isPartyMember,
  officeDirectorOn,
  partyGroupOn,
  partyGroupSecretaryOn,
  responsibleDeputyOn,
  unitHeadOn,
  unitsOfKind,
  unitsWithRole,
  outsideBody,
  holdersOf,
} from '../domain/registry';
import { checkTravelReport } from '../domain/travel-rules';
import { createSampleOffice, HEAD_TRIP_OFFSET, SAMPLE_IDS } from './sample-office';

const asOf = isoDate('2026-03-02');
const reg = createSampleOffice(asOf);

describe('createSampleOffice', () => {
  it('passes the registry schema (ids unique, references resolve)', () => {
    expect(registrySchema.safeParse(reg).success).toBe(true);
    const ids = [...reg.posts, ...reg.portfolios, ...reg.travels, ...reg.coverages, ...reg.entrustments].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is deterministic for a date and moves with it', () => {
    expect(createSampleOffice(asOf)).toEqual(reg);
    const later = createSampleOffice(addDays(asOf, 30));
    expect(later.travels[0]?.from).toBe(addDays(asOf, 30 + HEAD_TRIP_OFFSET.from));
  });

  it('has the leadership the rules name', () => {
    expect(districtHeadOn(reg, asOf)).toBe(SAMPLE_IDS.districtHead);
    expect(partyGroupSecretaryOn(reg, asOf)).toBe(SAMPLE_IDS.districtHead);
    expect(executiveDeputyOn(reg, asOf)).toBe(SAMPLE_IDS.executiveDeputy);
    const deputies = deputyHeadsOn(reg, asOf);
    expect(deputies).toHaveLength(5); // the 常务副区长 and four 副区长
    expect(deputies.filter((d) => !isPartyMember(reg, d))).toEqual([SAMPLE_IDS.nonPartyDeputy]);
    expect(partyGroupOn(reg, asOf)).toContain(SAMPLE_IDS.partyGroupMember);
    expect(partyGroupOn(reg, asOf)).not.toContain(SAMPLE_IDS.nonPartyDeputy);
    expect(officeDirectorOn(reg, asOf)).toBe(SAMPLE_IDS.officeDirector);
    expect(officeDirectorOn(reg, addDays(asOf, -500))).toBe('sample-p-odir-old');
    expect(holdersOf(reg, 'officeDeputyDirector', asOf)).toHaveLength(2);
  });

  it('has about 25 departments, 15 townships and the fixed attendees of 常务会议 with their roles', () => {
    expect(unitsOfKind(reg, 'department').length).toBeGreaterThanOrEqual(25);
    expect(unitsOfKind(reg, 'township')).toHaveLength(15);
    expect(unitsWithRole(reg, 'executiveFixedAttendee')).toHaveLength(3);
    expect(unitsWithRole(reg, 'legalAffairs').map((u) => u.name)).toEqual(['区政府法制办公室']);
    expect(unitsWithRole(reg, 'supervision').map((u) => u.name)).toEqual(['区督查考核局']);
  });

  it('gives every unit but the office a head, and every department and township a deputy in charge', () => {
    for (const u of reg.units.filter((x) => x.kind !== 'governmentOffice')) {
      expect(unitHeadOn(reg, u.id, asOf), u.name).toBeDefined();
    }
    for (const u of [...unitsOfKind(reg, 'department'), ...unitsOfKind(reg, 'township')]) {
      const d = responsibleDeputyOn(reg, u.id, asOf);
      expect(d && deputyHeadsOn(reg, asOf).includes(d), u.name).toBe(true);
    }
    expect(reg.portfolios.some((p) => p.relation === 'liaison')).toBe(true);
  });

  it('has the outside bodies of art. 40, each with a leader', () => {
    for (const role of ['partyCommittee', 'partyCommitteeOffice', 'congressStandingCommittee', 'cppcc', 'court', 'procuratorate', 'commerceFederation'] as const) {
      const body = outsideBody(reg, role);
      expect(body, role).toBeDefined();
      expect(unitHeadOn(reg, body!.id, asOf), role).toBeDefined();
    }
  });

  it('records an entrustment of 区长办公会议 to a deputy', () => {
    expect(entrustmentOn(reg, SAMPLE_IDS.executiveDeputy, 'headOfficeMeeting', asOf)).toBeDefined();
  });

  it('shows a deputy covered today and the 常务副区长 acting during the 区长 trip', () => {
    const today = actingOn(reg, asOf);
    expect(today).toEqual([
      expect.objectContaining({ absentId: SAMPLE_IDS.deputies[0], actingId: SAMPLE_IDS.deputies[1] }),
    ]);
    const tripDay = addDays(asOf, HEAD_TRIP_OFFSET.from + 1);
    expect(actingOn(reg, tripDay)).toContainEqual(
      expect.objectContaining({
        absentId: SAMPLE_IDS.districtHead,
        actingId: SAMPLE_IDS.executiveDeputy,
        basis: { kind: 'executiveDeputyForDistrictHead' },
      }),
    );
  });

  it('lets a trip-specific arrangement override the standing one', () => {
    const day = addDays(asOf, 15);
    expect(actingOn(reg, day)).toContainEqual(
      expect.objectContaining({ absentId: SAMPLE_IDS.nonPartyDeputy, actingId: SAMPLE_IDS.executiveDeputy }),
    );
  });

  it('has travel reports that follow art. 59 (recipients, timing, prior approval)', () => {
    for (const t of reg.travels) expect(checkTravelReport(reg, t), t.id).toEqual([]);
  });

  it('uses invented, distinct names and the fictional district', () => {
    const names = reg.people.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(reg.people.find((p) => p.name === '王明')).toBeDefined();
    expect(reg.units.some((u) => u.name.includes('示例区'))).toBe(true);
  });
});
