import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isoDate, isWeekend } from './iso-date';
import { SHIPPED_SCHEDULES, schedulesFromChineseDays } from './shipped';
import { createWorkingCalendar } from './working-calendar';

describe('shipped base (chinese-days data)', () => {
  it('covers exactly 2004–2026', () => {
    expect([...SHIPPED_SCHEDULES.keys()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 23 }, (_, i) => 2004 + i),
    );
  });

  it('uses the notices’ names', () => {
    const names = new Set([...SHIPPED_SCHEDULES.values()].flatMap((s) => [...s.holidays.values()]));
    expect(names).toContain('清明节');
    expect(names).toContain('端午节');
    expect(names).toContain('中秋节');
    expect(names).not.toContain('清明');
  });

  it('keeps a December date of the next year’s notice in its own calendar year', () => {
    // 国务院办公厅关于2019年部分节假日安排的通知: 2018-12-30 至 2019-01-01 放假, 2018-12-29 (Sat) 上班.
    const cal = createWorkingCalendar();
    expect(cal.isWorkingDay(isoDate('2018-12-29'))).toBe(true);
    expect(cal.isWorkingDay(isoDate('2018-12-31'))).toBe(false);
    expect(cal.describeDay(isoDate('2018-12-31'))).toMatchObject({ kind: 'holiday', holidayName: '元旦' });
  });

  it('counts a year as covered only when its 1 January holiday is present', () => {
    const schedules = schedulesFromChineseDays(
      { '2030-01-01': "New Year's Day,元旦,1", '2030-12-31': "New Year's Day,元旦,1", 'not-a-date': 'x,y,1' },
      { '2030-02-02': 'Spring Festival,春节,4', '2031-01-04': "New Year's Day,元旦,1" },
    );
    expect([...schedules.keys()]).toEqual([2030]);
    const y2030 = schedules.get(2030);
    expect(y2030?.holidays.get(isoDate('2030-12-31'))).toBe('元旦');
    expect(y2030?.makeupDays.get(isoDate('2030-02-02'))).toBe('春节');
    expect(schedulesFromChineseDays({ '2032-01-01': 'x,元旦,1' }, {}).get(2032)?.makeupDays.size).toBe(0);
  });

  it('property: every covered date follows the weekday rule except the package’s listed days', () => {
    const cal = createWorkingCalendar();
    const holidays: Readonly<Record<string, string>> = chineseDays.holidays;
    const workdays: Readonly<Record<string, string>> = chineseDays.workdays;
    const first = isoDate('2004-01-01');
    const span = daysBetween(first, isoDate('2026-12-31'));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: span }), (offset) => {
        const d = addDays(first, offset);
        const expected = d in holidays ? false : d in workdays ? true : !isWeekend(d);
        expect(cal.isWorkingDay(d)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
