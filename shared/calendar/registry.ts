/**
 * The process-wide calendar: the shipped base plus the years the office has entered. The renderer loads
 * entered years from storage at start-up (`replaceEnteredYears`) and after each edit; code that is not
 * pure domain logic calls the plain functions below. Domain code should take a `WorkingCalendar`
 * (`currentWorkingCalendar()`) as a parameter instead.
 */
import { parseCalendarYear, type CalendarYearData } from './calendar-year';
import { CalendarError, invalidDataError, requireIsoDate } from './errors';
import type { IsoDate } from './iso-date';
import {
  createWorkingCalendar,
  type CalendarYearSummary,
  type DayDescription,
  type WorkingCalendar,
} from './working-calendar';

let entered: ReadonlyMap<number, CalendarYearData> = new Map();
let current: WorkingCalendar = createWorkingCalendar();

function install(next: ReadonlyMap<number, CalendarYearData>): void {
  current = createWorkingCalendar([...next.values()]);
  entered = next;
}

function validated(data: unknown): CalendarYearData {
  const parsed = parseCalendarYear(data);
  if (!parsed.ok) throw invalidDataError(parsed.errors);
  return parsed.value;
}

/**
 * Adds (or replaces) one year's schedule; it overrides the shipped data for that year. Returns the
 * normalised data to store. Throws `CalendarError` (`invalid-data`) with every problem in Chinese.
 */
export function enterCalendarYear(data: unknown): CalendarYearData {
  const value = validated(data);
  const next = new Map(entered);
  next.set(value.year, value);
  install(next);
  return value;
}

/** Forgets an entered year (the shipped data, if any, applies again). False if it was not entered. */
export function removeEnteredYear(year: number): boolean {
  if (!entered.has(year)) return false;
  const next = new Map(entered);
  next.delete(year);
  install(next);
  return true;
}

/** Replaces all entered years at once (e.g. loaded from storage); on any error nothing changes. */
export function replaceEnteredYears(years: readonly unknown[]): readonly CalendarYearData[] {
  const next = new Map<number, CalendarYearData>();
  const errors: string[] = [];
  years.forEach((data, i) => {
    const parsed = parseCalendarYear(data);
    if (!parsed.ok) errors.push(...parsed.errors.map((e) => `第${i + 1}份节假日安排：${e}`));
    else if (next.has(parsed.value.year))
      errors.push(`${parsed.value.year}年的节假日安排重复录入了，请只保留一份`);
    else next.set(parsed.value.year, parsed.value);
  });
  if (errors.length > 0) throw invalidDataError(errors);
  install(next);
  return [...next.values()];
}

/** The entered years, ascending. */
export function enteredCalendarYears(): readonly CalendarYearData[] {
  return [...entered.values()].sort((a, b) => a.year - b.year);
}

/** A snapshot to hand to domain code; later entries do not change it. */
export function currentWorkingCalendar(): WorkingCalendar {
  return current;
}

/** Years with a schedule (shipped or entered), ascending. */
export function coveredYears(): readonly number[] {
  return current.coveredYears();
}

export function hasCalendarYear(year: number): boolean {
  return current.hasYear(year);
}

export function calendarYearSummary(year: number): CalendarYearSummary | undefined {
  return current.yearSummary(year);
}

/** Throws `CalendarError`: `year-missing` ("2027年节假日安排尚未录入…") or `invalid-date`. */
export function isWorkingDay(date: string): boolean {
  return current.isWorkingDay(requireIsoDate(date));
}

/** The n-th working day after `from` ("YYYY-MM-DD"; `from` never counts; whole n ≥ 1). */
export function addWorkingDays(from: string, n: number): IsoDate {
  return current.addWorkingDays(requireIsoDate(from), n);
}

export function nextWorkingDay(date: string): IsoDate {
  return current.nextWorkingDay(requireIsoDate(date));
}

/** Working days d with a < d ≤ b; negative when b is before a. See `WorkingCalendar.workingDaysBetween`. */
export function workingDaysBetween(a: string, b: string): number {
  return current.workingDaysBetween(requireIsoDate(a), requireIsoDate(b));
}

export function describeDay(date: string): DayDescription {
  return current.describeDay(requireIsoDate(date));
}

function orNullWhenYearMissing<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CalendarError && error.code === 'year-missing') return null;
    throw error;
  }
}

/** null when the year has no schedule yet; malformed input still throws (that is a bug, not missing data). */
export function isWorkingDayOrNull(date: string): boolean | null {
  return orNullWhenYearMissing(() => isWorkingDay(date));
}

/** null when the count runs into a year without a schedule; malformed input still throws. */
export function addWorkingDaysOrNull(from: string, n: number): IsoDate | null {
  return orNullWhenYearMissing(() => addWorkingDays(from, n));
}
