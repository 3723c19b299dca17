import { describe, expect, it } from 'vitest';
import office from '../../test/scenarios/registries/office.json';
import { isoDate } from '../calendar/iso-date';
import { personId as P, travelId } from './ids';
import type { Registry, TravelReport } from './registry';
import { parseRegistry } from './registry-schema';
import {
  actingPersonOn,
  checkActingOn,
  checkLeadershipOn,
  checkTravelReport,
  requiredTravelRecipients,
  travellerKind,
} from './travel-rules';

const reg = parseRegistry(office);
const D = isoDate('2026-03-11');
const trip = (person: string, over: Partial<TravelReport> = {}): TravelReport => ({
  id: travelId(`tr-${person}`),
  personId: P(person),
  from: isoDate('2026-03-10'),
  to: isoDate('2026-03-12'),
  destination: '兰州',
  purpose: '开会',
  reportedTo: [],
  reportedOn: isoDate('2026-03-09'),
  ...over,
});
const ids = (fs: readonly { ruleId: string }[]) => fs.map((f) => f.ruleId);

describe('travel reports (art. 59)', () => {
  it('classifies travellers', () => {
    expect(travellerKind(reg, P('p-head'), D)).toBe('districtHead');
    expect(travellerKind(reg, P('p-pg'), D)).toBe('deputyOrPartyGroup');
    expect(travellerKind(reg, P('p-dep2'), D)).toBe('deputyOrPartyGroup');
    expect(travellerKind(reg, P('p-fin'), D)).toBe('departmentHead');
    expect(travellerKind(reg, P('p-tw1'), D)).toBe('other');
    expect(requiredTravelRecipients(reg, P('p-clerk'), D)).toEqual([]);
  });

  it('has nothing to say about people outside art. 59', () => {
    expect(checkTravelReport(reg, trip('p-tw1'))).toEqual([]);
  });

  it('the 区长 reports as the city requires', () => {
    const f = checkTravelReport(reg, trip('p-head'));
    expect(ids(f)).toEqual(['travel.recipients']);
    expect(f[0]?.message).toContain('市委、市政府');
  });

  it('accepts the 区长 approving a department head instead of the deputy in charge', () => {
    const t = trip('p-fin', {
      reportedTo: ['responsibleLeader', 'partyCommittee'],
      approvedBy: P('p-head'),
      approvedOn: isoDate('2026-03-08'),
    });
    expect(checkTravelReport(reg, t)).toEqual([]);
  });

  it('notes approval by a deputy who is not in charge of the unit', () => {
    const t = trip('p-fin', {
      reportedTo: ['responsibleLeader', 'partyCommittee'],
      approvedBy: P('p-dep1'),
      approvedOn: isoDate('2026-03-08'),
    });
    const f = checkTravelReport(reg, t);
    expect(f.map((x) => [x.ruleId, x.severity])).toEqual([['travel.approval.leader', 'info']]);
    expect(f[0]?.message).toContain('李明');
  });
});

describe('acting on a date (art. 9)', () => {
  it('reports arrangements and gaps; non-leaders away are no gap', () => {
    const r: Registry = { ...reg, travels: [trip('p-dep1'), trip('p-fin')] };
    expect(ids(checkActingOn(r, D))).toEqual(['acting.arrangement']);
    expect(actingPersonOn(r, P('p-dep1'), D)?.actingId).toBe('p-dep2');
    const noCover: Registry = { ...r, coverages: [] };
    const f = checkActingOn(noCover, D);
    expect(ids(f)).toEqual(['acting.gap']);
    expect(f[0]?.message).toContain('副区长张华');
  });
});

describe('leadership facts (arts. 6–9)', () => {
  it('the sample office is complete', () => {
    expect(checkLeadershipOn(reg, D)).toEqual([]);
  });

  it('reports a missing or doubled 区长, a missing 常务副区长, coverage and portfolios', () => {
    const none: Registry = {
      ...reg,
      posts: reg.posts.filter((h) => h.post !== 'districtHead' && h.post !== 'executiveDeputyHead'),
    };
    expect(ids(checkLeadershipOn(none, D))).toEqual(['registry.districtHead', 'registry.executiveDeputy']);
    const two: Registry = {
      ...reg,
      posts: [
        ...reg.posts,
        { ...reg.posts.find((h) => h.post === 'districtHead')!, id: 'h-2' as never, personId: P('p-pg') },
      ],
    };
    expect(checkLeadershipOn(two, D)[0]?.message).toContain('2位区长');
    const gaps: Registry = { ...reg, coverages: [], portfolios: [] };
    const f = checkLeadershipOn(gaps, D);
    expect(ids(f).filter((x) => x === 'registry.coverage')).toHaveLength(3);
    expect(ids(f).filter((x) => x === 'registry.portfolio')).toHaveLength(6);
  });
});
