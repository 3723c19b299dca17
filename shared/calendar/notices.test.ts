/**
 * The shipped base checked against the State Council notices themselves, typed in by hand from the
 * published text (an independent source: not derived from chinese-days). Every date of each year is
 * checked: a notice holiday is off, a notice make-up day is on, every other date follows the weekday rule.
 */
import { describe, expect, it } from 'vitest';
import { addDays, isoDate, isWeekend, type IsoDate } from './iso-date';
import { createWorkingCalendar } from './working-calendar';

interface Notice {
  readonly title: string;
  /** Name as the notice words it, first and last day off (inclusive). */
  readonly holidays: readonly (readonly [name: string, from: string, to: string])[];
  readonly makeupWorkdays: readonly string[];
}

const NOTICES: Readonly<Record<number, Notice>> = {
  // 国办发明电〔2023〕7号, 2023-10-25.
  2024: {
    title: '国务院办公厅关于2024年部分节假日安排的通知',
    holidays: [
      ['元旦', '2024-01-01', '2024-01-01'], // 1月1日放假，与周末连休
      ['春节', '2024-02-10', '2024-02-17'],
      ['清明节', '2024-04-04', '2024-04-06'],
      ['劳动节', '2024-05-01', '2024-05-05'],
      ['端午节', '2024-06-10', '2024-06-10'], // 6月10日放假，与周末连休
      ['中秋节', '2024-09-15', '2024-09-17'],
      ['国庆节', '2024-10-01', '2024-10-07'],
    ],
    // 2月4日（星期日）、2月18日（星期日）；4月7日（星期日）；4月28日（星期日）、5月11日（星期六）；
    // 9月14日（星期六）；9月29日（星期日）、10月12日（星期六）上班。
    makeupWorkdays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  // 国办发明电〔2024〕12号, 2024-11-12: first year of the revised 全国年节及纪念日放假办法
  // (春节 and 劳动节 one more day each).
  2025: {
    title: '国务院办公厅关于2025年部分节假日安排的通知',
    holidays: [
      ['元旦', '2025-01-01', '2025-01-01'], // 放假1天，不调休
      ['春节', '2025-01-28', '2025-02-04'], // 农历除夕至正月初七，共8天
      ['清明节', '2025-04-04', '2025-04-06'],
      ['劳动节', '2025-05-01', '2025-05-05'],
      ['端午节', '2025-05-31', '2025-06-02'],
      ['国庆节、中秋节', '2025-10-01', '2025-10-08'], // 共8天
    ],
    // 1月26日（周日）、2月8日（周六）；4月27日（周日）；9月28日（周日）、10月11日（周六）上班。
    makeupWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  // 2025-11-04 (新华社 2025-11-04 电).
  2026: {
    title: '国务院办公厅关于2026年部分节假日安排的通知',
    holidays: [
      ['元旦', '2026-01-01', '2026-01-03'],
      ['春节', '2026-02-15', '2026-02-23'], // 农历腊月二十八至正月初七，共9天
      ['清明节', '2026-04-04', '2026-04-06'],
      ['劳动节', '2026-05-01', '2026-05-05'],
      ['端午节', '2026-06-19', '2026-06-21'],
      ['中秋节', '2026-09-25', '2026-09-27'],
      ['国庆节', '2026-10-01', '2026-10-07'],
    ],
    // 1月4日（周日）；2月14日（周六）、2月28日（周六）；5月9日（周六）；9月20日（周日）、10月10日（周六）上班。
    makeupWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

function daysOf(from: string, to: string): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = isoDate(from); d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

const shipped = createWorkingCalendar();

describe.each(Object.entries(NOTICES).map(([year, notice]) => [Number(year), notice] as const))(
  'shipped %i schedule against the notice',
  (year, notice) => {
    const off = new Set(notice.holidays.flatMap(([, from, to]) => daysOf(from, to)));
    const on = new Set(notice.makeupWorkdays);

    it('is covered and shipped', () => {
      expect(shipped.hasYear(year)).toBe(true);
      expect(shipped.yearSummary(year)?.origin).toBe('shipped');
      expect(shipped.yearSummary(year)?.source).toContain(`${year}年部分节假日安排的通知`);
    });

    it('has every make-up day on a weekend (sanity check of the hand-typed notice)', () => {
      for (const d of notice.makeupWorkdays) expect(isWeekend(isoDate(d)), d).toBe(true);
    });

    it('agrees with the notice on every date of the year', () => {
      const mismatches: string[] = [];
      for (const d of daysOf(`${year}-01-01`, `${year}-12-31`)) {
        const expected = off.has(d) ? false : on.has(d) ? true : !isWeekend(d);
        if (shipped.isWorkingDay(d) !== expected) mismatches.push(d);
      }
      expect(mismatches).toEqual([]);
    });

    it('describes notice days as holiday / makeup', () => {
      for (const d of off) expect(shipped.describeDay(d).kind, d).toBe('holiday');
      for (const d of on)
        expect(shipped.describeDay(isoDate(d)), d).toMatchObject({ kind: 'makeup', working: true });
    });

    it('summarises to exactly the notice (names, ranges, make-up days)', () => {
      const summary = shipped.yearSummary(year);
      expect(summary?.holidays).toEqual(notice.holidays.map(([name, from, to]) => ({ name, from, to })));
      expect(summary?.makeupWorkdays.map((m) => m.date)).toEqual(notice.makeupWorkdays);
    });
  },
);

describe('the issue’s worked examples', () => {
  it('2025 国庆: 1–8 Oct off, Sep 28 (Sun) and Oct 11 (Sat) work', () => {
    expect(daysOf('2025-10-01', '2025-10-08').map((d) => shipped.isWorkingDay(d))).toEqual(
      Array(8).fill(false),
    );
    expect(shipped.isWorkingDay(isoDate('2025-09-28'))).toBe(true);
    expect(shipped.isWorkingDay(isoDate('2025-10-11'))).toBe(true);
    expect(shipped.addWorkingDays(isoDate('2025-09-30'), 2)).toBe('2025-10-10');
  });

  it('2025 gained a Spring Festival and a Labour Day day under the revised 放假办法', () => {
    expect(daysOf('2025-01-28', '2025-02-04').every((d) => !shipped.isWorkingDay(d))).toBe(true);
    expect(daysOf('2025-05-01', '2025-05-05').every((d) => !shipped.isWorkingDay(d))).toBe(true);
    expect(shipped.isWorkingDay(isoDate('2025-02-05'))).toBe(true);
    expect(shipped.isWorkingDay(isoDate('2025-05-06'))).toBe(true);
  });
});
