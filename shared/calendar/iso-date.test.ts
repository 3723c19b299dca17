import { describe, expect, it } from 'vitest';
import {
  addDays,
  chineseDate,
  compareIsoDate,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  isIsoDate,
  isoDate,
  isWeekend,
  isWithin,
  monthOf,
  shanghaiDateOf,
  yearMonthOf,
  yearOf,
} from './iso-date';

describe('isIsoDate / isoDate', () => {
  it('accepts real calendar days, leap days only in leap years', () => {
    expect(isIsoDate('2026-03-05')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
  });

  it('rejects other shapes', () => {
    for (const bad of [
      '',
      '2025-1-05',
      '2025/01/05',
      '20250105',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      ' 2025-01-05',
    ]) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });

  it('isoDate returns the value or throws a Chinese message with an example', () => {
    expect(isoDate('2026-12-31')).toBe('2026-12-31');
    expect(() => isoDate('2026-02-30')).toThrow(RangeError);
    expect(() => isoDate('2026-02-30')).toThrow(
      '日期格式不正确：“2026-02-30”，应为 YYYY-MM-DD，例如 2026-03-05',
    );
  });
});

describe('date parts', () => {
  it('daysInMonth', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2025, 12)).toBe(31);
    expect(daysInMonth(2025, 4)).toBe(30);
  });

  it('yearOf, monthOf, yearMonthOf', () => {
    const d = isoDate('2026-03-05');
    expect(yearOf(d)).toBe(2026);
    expect(monthOf(d)).toBe(3);
    expect(yearMonthOf(d)).toBe('2026-03');
  });
});

describe('arithmetic', () => {
  it('addDays crosses months, years and leap days', () => {
    expect(addDays(isoDate('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(isoDate('2025-02-28'), 1)).toBe('2025-03-01');
    expect(addDays(isoDate('2026-12-31'), 1)).toBe('2027-01-01');
    expect(addDays(isoDate('2027-01-01'), -1)).toBe('2026-12-31');
    expect(addDays(isoDate('2025-01-15'), 0)).toBe('2025-01-15');
  });

  it('daysBetween is signed and inverse to addDays', () => {
    expect(daysBetween(isoDate('2024-01-01'), isoDate('2025-01-01'))).toBe(366);
    expect(daysBetween(isoDate('2025-01-01'), isoDate('2024-01-01'))).toBe(-366);
    const from = isoDate('2025-03-30');
    expect(daysBetween(from, addDays(from, 40))).toBe(40);
  });

  it('dayOfWeek and isWeekend', () => {
    expect(dayOfWeek(isoDate('2025-10-11'))).toBe(6);
    expect(dayOfWeek(isoDate('2025-09-28'))).toBe(0);
    expect(dayOfWeek(isoDate('2026-01-01'))).toBe(4);
    expect(isWeekend(isoDate('2025-10-11'))).toBe(true);
    expect(isWeekend(isoDate('2025-09-28'))).toBe(true);
    expect(isWeekend(isoDate('2025-10-10'))).toBe(false);
  });

  it('compareIsoDate and isWithin', () => {
    const [a, b] = [isoDate('2025-01-09'), isoDate('2025-01-10')];
    expect(compareIsoDate(a, b)).toBe(-1);
    expect(compareIsoDate(b, a)).toBe(1);
    expect(compareIsoDate(a, a)).toBe(0);
    expect(isWithin(a, a, b)).toBe(true);
    expect(isWithin(b, a, b)).toBe(true);
    expect(isWithin(b, undefined, a)).toBe(false);
    expect(isWithin(a, b, undefined)).toBe(false);
    expect(isWithin(a, undefined, undefined)).toBe(true);
  });
});

describe('display and clock bridge', () => {
  it('shanghaiDateOf uses UTC+8 whatever the host time zone', () => {
    expect(shanghaiDateOf(new Date('2026-03-04T16:00:00Z'))).toBe('2026-03-05');
    expect(shanghaiDateOf(new Date('2026-03-04T15:59:59Z'))).toBe('2026-03-04');
  });

  it('chineseDate has no zero padding', () => {
    expect(chineseDate(isoDate('2026-03-05'))).toBe('2026年3月5日');
    expect(chineseDate(isoDate('2026-12-31'))).toBe('2026年12月31日');
  });
});
