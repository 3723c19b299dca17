import { describe, expect, it } from 'vitest';
import office from '../../test/scenarios/registries/office.json';
import { isoDate } from '../calendar/iso-date';
import { personId as P, unitId as U, travelId, coverageId, entrustmentId } from './ids';
import {
  POST_LABELS,
  UNIT_KIND_LABELS,
  actingFor,
  actingOn,
  deputyHeadsOn,
  districtHeadOn,
  effectivePerson,
  emptyRegistry,
  entrustmentOn,
  executiveDeputyOn,
  findPerson,
  hasPost,
  holdersOf,
  isAway,
  isDeputyHead,
  isPartyMember,
  officeDirectorOn,
  outsideBody,
  partyGroupOn,
  partyGroupSecretaryOn,
  personName,
  portfolioOf,
  postsOf,
  responsibleDeputyOn,
  travelsOn,
  unitHeadOn,
  unitName,
  unitsHeadedBy,
  unitsOfKind,
  unitsWithRole,
  type Registry,
  type TravelReport,
} from './registry';
import { parseRegistry } from './registry-schema';

const reg = parseRegistry(office);
const d = isoDate('2026-03-11');

const trip = (id: string, person: string, from: string, to: string): TravelReport => ({
  id: travelId(id),
  personId: P(person),
  from: isoDate(from),
  to: isoDate(to),
  destination: '兰州',
  purpose: '开会',
  reportedTo: ['districtHead', 'partyCommittee'],
  reportedOn: isoDate('2026-03-01'),
});
const withTravels = (...travels: TravelReport[]): Registry => ({ ...reg, travels });

describe('registry queries as of a date', () => {
  it('finds the leadership of the sample office', () => {
    expect(districtHeadOn(reg, d)).toBe('p-head');
    expect(partyGroupSecretaryOn(reg, d)).toBe('p-head');
    expect(executiveDeputyOn(reg, d)).toBe('p-exec');
    expect(officeDirectorOn(reg, d)).toBe('p-dir');
    expect(deputyHeadsOn(reg, d).sort()).toEqual(['p-dep1', 'p-dep2', 'p-exec']);
    expect(partyGroupOn(reg, d).sort()).toEqual(['p-dep1', 'p-exec', 'p-head', 'p-pg']);
    expect(isDeputyHead(reg, P('p-exec'), d)).toBe(true);
    expect(isDeputyHead(reg, P('p-pg'), d)).toBe(false);
  });

  it('answers nothing before anyone took office', () => {
    const early = isoDate('2020-01-01');
    expect(districtHeadOn(reg, early)).toBeUndefined();
    expect(deputyHeadsOn(reg, early)).toEqual([]);
    expect(postsOf(reg, P('p-head'), early)).toEqual([]);
  });

  it('follows post history: the holder changes on the first day of the new term', () => {
    const changed: Registry = {
      ...reg,
      posts: [
        ...reg.posts.filter((h) => h.post !== 'districtHead'),
        {
          id: 'h-a' as never,
          personId: P('p-head'),
          post: 'districtHead',
          from: isoDate('2021-06-01'),
          to: isoDate('2026-06-30'),
        },
        { id: 'h-b' as never, personId: P('p-exec'), post: 'districtHead', from: isoDate('2026-07-01') },
      ],
    };
    expect(districtHeadOn(changed, isoDate('2026-06-30'))).toBe('p-head');
    expect(districtHeadOn(changed, isoDate('2026-07-01'))).toBe('p-exec');
    expect(hasPost(changed, P('p-head'), 'districtHead', isoDate('2026-07-01'))).toBe(false);
  });

  it('knows units, heads, roles and portfolios', () => {
    expect(unitHeadOn(reg, U('u-fin'), d)).toBe('p-fin');
    expect(holdersOf(reg, 'unitHead', d, U('u-tw1'))).toEqual(['p-tw1']);
    expect(unitsHeadedBy(reg, P('p-fin'), d)).toEqual(['u-fin']);
    expect(unitsOfKind(reg, 'township').map((u) => u.id)).toEqual(['u-tw1', 'u-tw2']);
    expect(unitsWithRole(reg, 'executiveFixedAttendee').map((u) => u.id)).toEqual([
      'u-sup',
      'u-insp',
      'u-legal',
    ]);
    expect(unitsWithRole(reg, 'legalAffairs').map((u) => u.id)).toEqual(['u-legal']);
    expect(outsideBody(reg, 'cppcc')?.name).toBe('区政协');
    expect(outsideBody(reg, 'court')).toBeUndefined();
    expect(responsibleDeputyOn(reg, U('u-edu'), d)).toBe('p-dep1');
    expect(responsibleDeputyOn(reg, U('u-pc'), d)).toBeUndefined();
    expect(portfolioOf(reg, P('p-exec'), d).sort()).toEqual(['u-dev', 'u-fin', 'u-legal']);
    expect(portfolioOf(reg, P('p-dep2'), d, 'liaison')).toEqual(['u-dev']);
  });

  it('names people and units, and says so when an id is unknown', () => {
    expect(personName(reg, P('p-head'))).toBe('王建国');
    expect(personName(reg, P('nobody'))).toBe('（未知人员 nobody）');
    expect(unitName(reg, U('u-fin'))).toBe('区财政局');
    expect(unitName(reg, U('u-x'))).toBe('（未知单位 u-x）');
    expect(findPerson(emptyRegistry, P('p-head'))).toBeUndefined();
    expect(isPartyMember(reg, P('p-dep2'))).toBe(false);
    expect(isPartyMember(reg, P('nobody'))).toBe(false);
    expect(POST_LABELS.executiveDeputyHead).toBe('常务副区长');
    expect(UNIT_KIND_LABELS.township).toBe('乡镇');
  });

  it('only counts an entrustment granted by the sitting 区长 and in force', () => {
    const e = {
      id: entrustmentId('e-1'),
      granteeId: P('p-dep1'),
      scope: 'headOfficeMeeting' as const,
      description: '召集区长办公会议',
      from: isoDate('2026-03-01'),
      to: isoDate('2026-03-31'),
      recordedOn: isoDate('2026-03-01'),
    };
    const r1: Registry = { ...reg, entrustments: [{ ...e, grantorId: P('p-head') }] };
    expect(entrustmentOn(r1, P('p-dep1'), 'headOfficeMeeting', d)?.id).toBe('e-1');
    expect(entrustmentOn(r1, P('p-dep1'), 'headOfficeMeeting', isoDate('2026-04-01'))).toBeUndefined();
    expect(entrustmentOn(r1, P('p-dep1'), 'specialTask', d)).toBeUndefined();
    const r2: Registry = { ...reg, entrustments: [{ ...e, grantorId: P('p-exec') }] };
    expect(entrustmentOn(r2, P('p-dep1'), 'headOfficeMeeting', d)).toBeUndefined();
  });
});

describe('acting (art. 9)', () => {
  it('nobody acts for someone who is not away', () => {
    expect(isAway(reg, P('p-head'), d)).toBe(false);
    expect(actingFor(reg, P('p-head'), d)).toBeUndefined();
    expect(effectivePerson(reg, P('p-dep1'), d)).toBe('p-dep1');
    expect(actingOn(reg, d)).toEqual([]);
  });

  it('the 常务副区长 presides while the 区长 is away, unless he is away too', () => {
    const r = withTravels(trip('t-h', 'p-head', '2026-03-10', '2026-03-12'));
    expect(travelsOn(r, P('p-head'), d)).toHaveLength(1);
    const a = actingFor(r, P('p-head'), d);
    expect(a).toMatchObject({
      actingId: 'p-exec',
      basis: { kind: 'executiveDeputyForDistrictHead' },
      articles: [9],
    });
    expect(a?.reason).toContain('主持区政府工作');
    const both = withTravels(
      trip('t-h', 'p-head', '2026-03-10', '2026-03-12'),
      trip('t-e', 'p-exec', '2026-03-11', '2026-03-11'),
    );
    expect(actingFor(both, P('p-head'), d)).toBeUndefined();
    expect(actingFor(both, P('p-head'), isoDate('2026-03-12'))?.actingId).toBe('p-exec');
  });

  it('a deputy is covered by the standing arrangement, overridden by a dated one, overridden by one for the trip', () => {
    const away = trip('t-1', 'p-dep1', '2026-03-10', '2026-03-12');
    expect(actingFor(withTravels(away), P('p-dep1'), d)?.actingId).toBe('p-dep2');
    const dated: Registry = {
      ...withTravels(away),
      coverages: [
        ...reg.coverages,
        { id: coverageId('c-d'), absentId: P('p-dep1'), coveringId: P('p-pg'), from: isoDate('2026-03-11') },
      ],
    };
    expect(actingFor(dated, P('p-dep1'), d)?.actingId).toBe('p-pg');
    expect(actingFor(dated, P('p-dep1'), isoDate('2026-03-10'))?.actingId).toBe('p-dep2');
    const forTrip: Registry = {
      ...dated,
      coverages: [
        ...dated.coverages,
        { id: coverageId('c-t'), absentId: P('p-dep1'), coveringId: P('p-exec'), travelId: travelId('t-1') },
      ],
    };
    const a = actingFor(forTrip, P('p-dep1'), d);
    expect(a).toMatchObject({ actingId: 'p-exec', basis: { kind: 'coverage', coverageId: 'c-t' } });
    expect(a?.reason).toContain('代管');
    expect(effectivePerson(forTrip, P('p-dep1'), d)).toBe('p-exec');
  });

  it('skips a covering person who is away too, and lists every arrangement of the day', () => {
    const r = withTravels(
      trip('t-1', 'p-dep1', '2026-03-10', '2026-03-12'),
      trip('t-2', 'p-dep2', '2026-03-11', '2026-03-11'),
    );
    expect(actingFor(r, P('p-dep1'), d)).toBeUndefined();
    expect(actingFor(r, P('p-dep2'), d)).toBeUndefined();
    expect(actingOn(r, isoDate('2026-03-10')).map((a) => [a.absentId, a.actingId])).toEqual([
      ['p-dep1', 'p-dep2'],
    ]);
  });
});
