import { describe, expect, it } from 'vitest';
import { addDays, isoDate } from '../../../shared/calendar/iso-date';
import { createSampleOffice, SAMPLE_IDS } from '../../../shared/sample';
import {
  actingToday,
  coverageRows,
  entrustmentRows,
  isEmptyRegistry,
  personRows,
  portfolioRows,
  postRows,
  travelRows,
  unitRows,
  unitTree,
} from './selectors';
import { emptyRegistry } from '../../../shared/domain/registry';

const today = isoDate('2026-03-02');
const reg = createSampleOffice(today);

describe('registry page selectors', () => {
  it('lists people in protocol order and finds them by pinyin initials', () => {
    const all = personRows(reg, today, '');
    expect(all.slice(0, 2).map((r) => r.name)).toEqual(['赵志远', '钱德明']);
    expect(all[0]?.posts).toBe('区长、区政府党组书记');
    expect(personRows(reg, today, 'wm').map((r) => r.name)).toEqual(['王明']);
    expect(personRows(reg, today, '王').map((r) => r.name)).toContain('王明');
    const away = all.find((r) => r.id === SAMPLE_IDS.deputies[0]);
    expect(away?.away).toBe(true);
    expect(all.find((r) => r.id === SAMPLE_IDS.nonPartyDeputy)?.party).toBe('非中共党员');
  });

  it('filters units by kind or by a parent unit, and by pinyin', () => {
    expect(unitRows(reg, today, '', 'township')).toHaveLength(15);
    expect(unitRows(reg, today, '', 'sample-u-wjj').map((r) => r.name)).toEqual(['区卫生健康局', '区疾病预防控制中心']);
    expect(unitRows(reg, today, 'qjyj').map((r) => r.name)).toEqual(['区教育局']);
    const legal = unitRows(reg, today, '法制').at(0);
    expect(legal?.roles).toBe('常务会议固定列席、法制机构');
    expect(legal?.responsible).toMatch(/（分管）$/);
  });

  it('builds the unit tree by kind with nested children', () => {
    const tree = unitTree(reg);
    expect(tree[0]?.key).toBe('governmentOffice');
    const office = tree[0]?.children[0];
    expect(office?.children.map((c) => c.title)).toEqual(['区档案馆']);
    expect(tree.find((n) => n.key === 'township')?.title).toBe('乡镇（15）');
    expect(unitTree(emptyRegistry)).toEqual([]);
  });

  it('shows history: ended posts and the former office director', () => {
    const former = postRows(reg, today, 'jwq');
    expect(former).toHaveLength(1);
    expect(former[0]?.current).toBe(false);
    expect(former[0]?.period).toMatch(/ 至 \d{4}-\d{2}-\d{2}$/);
  });

  it('describes portfolios, entrustments, travels and coverages for the tables', () => {
    expect(portfolioRows(reg, today, 'qdm').every((r) => r.leader === '钱德明')).toBe(true);
    expect(entrustmentRows(reg, today, '')[0]).toMatchObject({ grantor: '赵志远', grantee: '钱德明', scope: '主持区长办公会议', current: true });
    const trips = travelRows(reg, today, '');
    expect(trips.find((t) => t.id === SAMPLE_IDS.headTrip)?.status).toBe('planned');
    expect(trips.find((t) => t.id === SAMPLE_IDS.deputyTripToday)?.status).toBe('now');
    expect(trips.find((t) => t.id === 'sample-t-fgj')).toMatchObject({ status: 'past', approval: expect.stringContaining('周清和') });
    expect(trips.every((t) => t.issues.length === 0)).toBe(true);
    const unreported = { ...reg, travels: reg.travels.map((t) => (t.id === SAMPLE_IDS.deputyTripToday ? { ...t, reportedTo: [] } : t)) };
    expect(travelRows(unreported, today, '孙丽华')[0]?.issues[0]).toContain('未报区长、区委');
    const cov = coverageRows(reg, '');
    expect(cov.find((c) => c.id === 'sample-c-trip')?.when).toMatch(/^仅限外出/);
    expect(cov.find((c) => c.id === 'sample-c-001')?.when).toBe('长期（常设代管安排）');
  });

  it('reports today’s acting arrangements and leaders away with nobody covering', () => {
    expect(actingToday(reg, today)).toEqual({
      acting: [expect.objectContaining({ absent: '孙丽华', acting: '王明' })],
      uncovered: [],
    });
    const noCover = { ...reg, coverages: [] };
    expect(actingToday(noCover, today).uncovered).toEqual(['孙丽华']);
    const tripDay = addDays(today, 8);
    expect(actingToday(reg, tripDay).acting.map((a) => a.acting)).toContain('钱德明');
  });

  it('knows an empty registry', () => {
    expect(isEmptyRegistry(emptyRegistry)).toBe(true);
    expect(isEmptyRegistry(reg)).toBe(false);
  });
});
