import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import example2027 from '../../test/fixtures/calendar/2027-example.json' with { type: 'json' };
import type { WorkingDays } from '../domain/working-days';
import * as calendar from './index';
import {
  addWorkingDays,
  addWorkingDaysOrNull,
  calendarYearSummary,
  CalendarError,
  coveredYears,
  currentWorkingCalendar,
  describeDay,
  enterCalendarYear,
  enteredCalendarYears,
  hasCalendarYear,
  isoDate,
  isWorkingDay,
  isWorkingDayOrNull,
  nextWorkingDay,
  parseCalendarYearJson,
  removeEnteredYear,
  replaceEnteredYears,
  tryCalendar,
  workingDaysBetween,
} from './index';

afterEach(() => {
  replaceEnteredYears([]);
});

const year2028 = {
  ...example2027,
  year: 2028,
  holidays: [{ name: '元旦', from: '2028-01-01', to: '2028-01-03' }],
  makeupWorkdays: [],
};

describe('the process-wide calendar (shipped base + entered years)', () => {
  it('answers the issue’s examples through the plain-string API', () => {
    expect(isWorkingDay('2025-10-08')).toBe(false);
    expect(isWorkingDay('2025-10-11')).toBe(true);
    expect(addWorkingDays('2025-09-30', 2)).toBe('2025-10-10');
    expect(nextWorkingDay('2025-09-30')).toBe('2025-10-09');
    expect(workingDaysBetween('2025-09-30', '2025-10-10')).toBe(2);
    expect(describeDay('2025-10-06')).toEqual({
      date: '2025-10-06',
      working: false,
      kind: 'holiday',
      holidayName: '中秋节',
    });
  });

  it('refuses 2027 with "2027年节假日安排尚未录入" until 2027 is entered, then accepts it', () => {
    expect(hasCalendarYear(2027)).toBe(false);
    expect(() => isWorkingDay('2027-03-01')).toThrow('2027年节假日安排尚未录入');
    expect(() => addWorkingDays('2026-12-30', 5)).toThrow('2027年节假日安排尚未录入');
    expect(isWorkingDayOrNull('2027-03-01')).toBeNull();
    expect(addWorkingDaysOrNull('2026-12-30', 5)).toBeNull();

    // As the office would: import the file, then enter the year.
    const imported = parseCalendarYearJson(
      readFileSync(new URL('../../test/fixtures/calendar/2027-example.json', import.meta.url), 'utf8'),
    );
    if (!imported.ok) throw new Error(imported.errors.join('\n'));
    const stored = enterCalendarYear(imported.value);
    expect(stored.year).toBe(2027);
    expect(hasCalendarYear(2027)).toBe(true);
    expect(coveredYears().at(-1)).toBe(2027);
    expect(isWorkingDay('2027-03-01')).toBe(true);
    expect(isWorkingDay('2027-02-08')).toBe(false); // 春节 in the example
    expect(isWorkingDay('2027-01-31')).toBe(true); // make-up Sunday in the example
    expect(addWorkingDays('2026-12-30', 5)).toBe('2027-01-07');
    expect(isWorkingDayOrNull('2027-03-01')).toBe(true);
    expect(addWorkingDaysOrNull('2026-12-30', 5)).toBe('2027-01-07');

    expect(removeEnteredYear(2027)).toBe(true);
    expect(removeEnteredYear(2027)).toBe(false);
    expect(() => isWorkingDay('2027-03-01')).toThrow('2027年节假日安排尚未录入');
  });

  it('rejects invalid data in Chinese and keeps the previous state', () => {
    enterCalendarYear(example2027);
    let caught: unknown;
    try {
      enterCalendarYear({ ...example2027, makeupWorkdays: [{ date: '2027-02-15' }], enteredBy: '' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CalendarError);
    expect((caught as CalendarError).code).toBe('invalid-data');
    expect((caught as CalendarError).details).toEqual(['录入人（enteredBy）：不能为空']);
    expect(isWorkingDay('2027-01-31')).toBe(true);
  });

  it('replaces an entered year when it is entered again', () => {
    enterCalendarYear(example2027);
    enterCalendarYear({ ...example2027, makeupWorkdays: [] });
    expect(isWorkingDay('2027-01-31')).toBe(false);
    expect(enteredCalendarYears()).toHaveLength(1);
  });

  it('replaceEnteredYears is all-or-nothing and lists entered years in order', () => {
    replaceEnteredYears([year2028, example2027]);
    expect(enteredCalendarYears().map((y) => y.year)).toEqual([2027, 2028]);
    expect(() => replaceEnteredYears([example2027, example2027])).toThrow(
      '2027年的节假日安排重复录入了，请只保留一份',
    );
    expect(() => replaceEnteredYears([{ ...year2028, year: 'x' }])).toThrow(
      '第1份节假日安排：年份（year）：应为 2000 至 2999 之间的整数年份，例如 2027',
    );
    expect(enteredCalendarYears().map((y) => y.year)).toEqual([2027, 2028]);
    expect(calendarYearSummary(2028)?.origin).toBe('entered');
    expect(calendarYearSummary(2026)?.origin).toBe('shipped');
  });

  it('hands out snapshots that satisfy the rule engine’s WorkingDays and do not change later', () => {
    const forRules: WorkingDays = currentWorkingCalendar();
    expect(forRules.addWorkingDays(isoDate('2025-09-30'), 2)).toBe('2025-10-10');
    const before = currentWorkingCalendar();
    enterCalendarYear(example2027);
    expect(before.hasYear(2027)).toBe(false);
    expect(currentWorkingCalendar().hasYear(2027)).toBe(true);
  });

  it('validates plain-string input', () => {
    expect(() => isWorkingDay('2025-1-5')).toThrow(
      '日期格式不正确：“2025-1-5”，应为 YYYY-MM-DD，例如 2026-03-05',
    );
    expect(() => isWorkingDayOrNull('2025-13-01')).toThrow(CalendarError);
    expect(() => addWorkingDays('2025-01-05', 0)).toThrow('工作日天数应为不小于 1 的整数');
    expect(() => addWorkingDaysOrNull('2025-01-05', 2.5)).toThrow('工作日天数应为不小于 1 的整数');
    expect(() => workingDaysBetween('2025-01-05', 'tomorrow')).toThrow('日期格式不正确');
    expect(() => describeDay('')).toThrow('日期格式不正确');
    expect(() => nextWorkingDay('2026-12-31')).toThrow('2027年节假日安排尚未录入');
  });
});

describe('tryCalendar', () => {
  it('returns values and calendar failures as results', () => {
    expect(tryCalendar(() => addWorkingDays('2025-09-30', 2))).toEqual({ ok: true, value: '2025-10-10' });
    const result = tryCalendar(() => addWorkingDays('2026-12-30', 5));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('year-missing');
      expect(result.error.year).toBe(2027);
      expect(result.error.details).toEqual([]);
    }
  });

  it('lets other errors through: they are bugs, not missing data', () => {
    expect(() =>
      tryCalendar(() => {
        throw new TypeError('bug');
      }),
    ).toThrow('bug');
  });
});

describe('public surface', () => {
  it('exports the names other areas rely on', () => {
    for (const name of [
      'isWorkingDay',
      'addWorkingDays',
      'workingDaysBetween',
      'nextWorkingDay',
      'isWorkingDayOrNull',
      'addWorkingDaysOrNull',
      'tryCalendar',
      'coveredYears',
      'enterCalendarYear',
      'removeEnteredYear',
      'replaceEnteredYears',
      'createWorkingCalendar',
      'describeDay',
      'parseCalendarYear',
      'parseCalendarYearJson',
      'serializeCalendarYear',
      'CalendarError',
      'isoDate',
      'addDays',
    ]) {
      expect(typeof (calendar as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(calendar.CALENDAR_YEAR_FORMAT).toBe('huiwen.calendar-year.v1');
    expect(isoDate('2026-01-01')).toBe('2026-01-01');
  });
});
