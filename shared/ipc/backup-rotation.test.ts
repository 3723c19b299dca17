import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isoWeekOf, selectBackupsToKeep, type RotatableBackup } from './backup-rotation';

const TODAY = '2026-11-27';
const DAY = 86_400_000;
const base = Date.UTC(2026, 10, 27);

/** Backups spread over ~10 weeks before (and a little after) today, Beijing timestamps. */
const backupsArb = fc
  .uniqueArray(fc.integer({ min: -70 * DAY, max: 2 * DAY }), { minLength: 0, maxLength: 60 })
  .map((offsets) =>
    offsets.map((o, i): RotatableBackup => {
      const stamp = new Date(base + o).toISOString().slice(0, 23);
      return { id: `b${i}`, createdAt: `${stamp}+08:00` };
    }),
  );
const policyArb = fc.record({
  daily: fc.integer({ min: 1, max: 10 }),
  weekly: fc.integer({ min: 0, max: 6 }),
});
const dayOf = (b: RotatableBackup) => (b.createdAt.slice(0, 10) > TODAY ? TODAY : b.createdAt.slice(0, 10));

describe('selectBackupsToKeep', () => {
  it('never deletes the newest backup', () => {
    fc.assert(
      fc.property(backupsArb, policyArb, (backups, policy) => {
        fc.pre(backups.length > 0);
        const newest = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0]!;
        expect(selectBackupsToKeep(backups, TODAY, policy)).toContain(newest.id);
      }),
    );
  });

  it('keeps at most `daily` distinct days plus `weekly` distinct ISO weeks', () => {
    fc.assert(
      fc.property(backupsArb, policyArb, (backups, policy) => {
        const kept = selectBackupsToKeep(backups, TODAY, policy);
        const byId = new Map(backups.map((b) => [b.id, b]));
        const days = new Set(kept.map((id) => dayOf(byId.get(id)!)));
        expect(kept.length).toBeLessThanOrEqual(policy.daily + policy.weekly);
        expect(days.size).toBeLessThanOrEqual(policy.daily + policy.weekly);
        // One backup per kept day: the newest of that day.
        expect(days.size).toBe(kept.length);
        // Every one of the `daily` most recent days with backups is represented.
        const allDays = [...new Set(backups.map(dayOf))].sort().reverse();
        for (const d of allDays.slice(0, policy.daily)) expect(days).toContain(d);
      }),
    );
  });

  it('is idempotent: rotating what was kept keeps all of it', () => {
    fc.assert(
      fc.property(backupsArb, policyArb, (backups, policy) => {
        const kept = new Set(selectBackupsToKeep(backups, TODAY, policy));
        const again = selectBackupsToKeep(
          backups.filter((b) => kept.has(b.id)),
          TODAY,
          policy,
        );
        expect(new Set(again)).toEqual(kept);
      }),
    );
  });

  it('with the default 7 + 4: a month of daily backups leaves 7 days and the newest of 4 weeks', () => {
    const backups = Array.from({ length: 30 }, (_, i) => ({
      id: `d${i}`,
      createdAt: `${new Date(base - i * DAY).toISOString().slice(0, 10)}T08:00:00.000+08:00`,
    }));
    const kept = selectBackupsToKeep(backups, TODAY);
    expect(kept.slice(0, 7)).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6']);
    // 2026-11-27 is a Friday: the newest of the three previous weeks are the Sundays before it.
    expect(kept.slice(7)).toEqual(['d12', 'd19']);
    expect(kept).toHaveLength(9);
  });

  it('computes ISO weeks across year ends', () => {
    expect(isoWeekOf('2026-11-27')).toBe('2026-W48');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01');
  });
});
