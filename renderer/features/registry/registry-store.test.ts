import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { isoDate } from '../../../shared/calendar/iso-date';
import { openStore, StoreError, type RegistryRepository } from '../../data';
import { countsOf, createRegistryUi, selectIsSample, selectQuery } from './registry-store';

const today = isoDate('2026-03-02');
const stores: { close(): void }[] = [];
afterAll(() => stores.forEach((s) => s.close()));

async function ui() {
  const store = await openStore(`ui-${Math.random()}`);
  stores.push(store);
  return createRegistryUi(async () => store.registry);
}

describe('registry page state', () => {
  it('loads, saves and removes through the repository', async () => {
    const s = await ui();
    expect(s.getState().status).toBe('idle');
    await s.getState().load();
    expect(s.getState().status).toBe('ready');
    s.getState().edit({ kind: 'people' });
    await s.getState().save('people', { id: 'p1', name: '王明', partyMember: true });
    expect(s.getState().editing).toBeUndefined();
    expect(s.getState().registry.people).toHaveLength(1);
    await s.getState().remove('people', 'p1');
    expect(s.getState().registry.people).toHaveLength(0);
    expect(s.getState().busy).toBe(false);
  });

  it('keeps the editor open and rethrows when a save is refused', async () => {
    const s = await ui();
    await s.getState().load();
    s.getState().edit({ kind: 'people' });
    await expect(s.getState().save('people', { id: 'p1', partyMember: true })).rejects.toBeInstanceOf(StoreError);
    expect(s.getState().editing).toEqual({ kind: 'people' });
    expect(s.getState().busy).toBe(false);
  });

  it('loads and clears the sample office, flagging it as sample data', async () => {
    const s = await ui();
    await s.getState().load();
    await s.getState().loadSample(today);
    expect(selectIsSample(s.getState())).toBe(true);
    expect(countsOf(s.getState().registry).people).toBeGreaterThan(50);
    expect(await s.getState().clearSample()).toBeGreaterThan(200);
    expect(selectIsSample(s.getState())).toBe(false);
    expect(countsOf(s.getState().registry).units).toBe(0);
  });

  it('reports a failed load in Chinese and can retry', async () => {
    let fail = true;
    const s = createRegistryUi(async () => {
      if (fail) throw new StoreError('storage', '数据库不可用');
      return {
        load: async () => ({ people: [], posts: [], units: [], portfolios: [], entrustments: [], travels: [], coverages: [] }),
        sampleInfo: async () => undefined,
      } as unknown as RegistryRepository;
    });
    await s.getState().load();
    expect(s.getState()).toMatchObject({ status: 'failed', loadError: '读取人员与单位失败：数据库不可用' });
    fail = false;
    await s.getState().load();
    expect(s.getState().status).toBe('ready');
  });

  it('keeps one search text per tab', async () => {
    const s = await ui();
    s.getState().setQuery('people', 'wm');
    s.getState().setTab('units');
    s.getState().setUnitFilter('township');
    expect(selectQuery('people')(s.getState())).toBe('wm');
    expect(selectQuery('units')(s.getState())).toBe('');
    expect(s.getState()).toMatchObject({ tab: 'units', unitFilter: 'township' });
  });
});
