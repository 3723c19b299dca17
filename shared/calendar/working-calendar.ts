/**
 * `WorkingCalendar`: an immutable value answering working-day questions for the years it covers, so pure
 * domain code can take the calendar as a parameter instead of reading process-wide state.
 *
 * A day is a working day (工作日) when it is a make-up working day (调休上班), or when it is Monday–Friday
 * and not a holiday. A date in a year the calendar has no schedule for is never guessed at: it throws
 * `CalendarError` with code `year-missing` ("2027年节假日安排尚未录入…").
 */
import {
  parseCalendarYear,
  type CalendarYearData,
  type HolidayRange,
  type MakeupWorkday,
} from './calendar-year';
import { invalidDataError, requireIsoDate, requireWorkingDayCount, yearMissingError } from './errors';
import { addDays, isWeekend, yearOf, type IsoDate } from './iso-date';
import { SHIPPED_SCHEDULES } from './shipped';
import { scheduleFromCalendarYear, type YearOrigin, type YearSchedule } from './year-schedule';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

export interface DayDescription {
  readonly date: IsoDate;
  readonly working: boolean;
  readonly kind: DayKind;
  /** For `holiday`: its name ("春节"); for `makeup`: the holiday it makes up for, when known. */
  readonly holidayName?: string;
}

/** A covered year as the UI lists it: holiday runs (consecutive days off) and make-up days. */
export interface CalendarYearSummary {
  readonly year: number;
  readonly origin: YearOrigin;
  readonly source: string;
  readonly holidays: readonly HolidayRange[];
  readonly makeupWorkdays: readonly MakeupWorkday[];
}

export interface WorkingCalendar {
  hasYear(year: number): boolean;
  /** Ascending. */
  coveredYears(): readonly number[];
  yearSummary(year: number): CalendarYearSummary | undefined;
  isWorkingDay(date: IsoDate): boolean;
  describeDay(date: IsoDate): DayDescription;
  /**
   * The n-th working day after `from` (`from` itself never counts; n ≥ 1): the deadline of "within n
   * working days" of `from`. Work done on or before it is on time.
   */
  addWorkingDays(from: IsoDate, n: number): IsoDate;
  /** The first working day strictly after `date` (= addWorkingDays(date, 1)). */
  nextWorkingDay(date: IsoDate): IsoDate;
  /**
   * For a ≤ b: the number of working days d with a < d ≤ b (so 0 when a = b, and
   * workingDaysBetween(a, addWorkingDays(a, n)) = n). For a > b: −workingDaysBetween(b, a).
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number;
}

export interface WorkingCalendarOptions {
  /** Include the schedules bundled with the app (default true). Entered years always win over them. */
  readonly includeShipped?: boolean;
}

function validatedSchedules(enteredYears: readonly CalendarYearData[]): YearSchedule[] {
  const errors: string[] = [];
  const schedules: YearSchedule[] = [];
  const seen = new Set<number>();
  enteredYears.forEach((entry, i) => {
    const parsed = parseCalendarYear(entry);
    if (!parsed.ok) {
      errors.push(...parsed.errors.map((e) => `第${i + 1}份节假日安排：${e}`));
      return;
    }
    const { year } = parsed.value;
    if (seen.has(year)) errors.push(`${year}年的节假日安排重复录入了，请只保留一份`);
    seen.add(year);
    schedules.push(scheduleFromCalendarYear(parsed.value));
  });
  if (errors.length > 0) throw invalidDataError(errors);
  return schedules;
}

function summarize(schedule: YearSchedule): CalendarYearSummary {
  const holidays: HolidayRange[] = [];
  let run: { from: IsoDate; to: IsoDate; names: string[] } | undefined;
  const flush = (): void => {
    if (run) holidays.push({ name: run.names.join('、'), from: run.from, to: run.to });
  };
  for (const date of [...schedule.holidays.keys()].sort()) {
    const name = schedule.holidays.get(date) ?? '';
    if (run && addDays(run.to, 1) === date) {
      run.to = date;
      if (name && !run.names.includes(name)) run.names.push(name);
    } else {
      flush();
      run = { from: date, to: date, names: name ? [name] : [] };
    }
  }
  flush();
  const makeupWorkdays = [...schedule.makeupDays.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, holiday]): MakeupWorkday => (holiday ? { date, holiday } : { date }));
  return { year: schedule.year, origin: schedule.origin, source: schedule.source, holidays, makeupWorkdays };
}

/**
 * Builds a calendar from the shipped base plus the office's entered years (validated again here, since
 * they may come from storage). Throws `CalendarError` (`invalid-data`) listing every problem.
 */
export function createWorkingCalendar(
  enteredYears: readonly CalendarYearData[] = [],
  options: WorkingCalendarOptions = {},
): WorkingCalendar {
  const schedules = new Map<number, YearSchedule>(options.includeShipped === false ? [] : SHIPPED_SCHEDULES);
  for (const schedule of validatedSchedules(enteredYears)) schedules.set(schedule.year, schedule);
  const years = Object.freeze([...schedules.keys()].sort((a, b) => a - b));

  const scheduleOf = (date: IsoDate): YearSchedule => {
    const year = yearOf(date);
    const schedule = schedules.get(year);
    if (!schedule) throw yearMissingError(year);
    return schedule;
  };
  // Internal fast path: `date` already validated, only its year may be missing.
  const working = (date: IsoDate): boolean => {
    const schedule = scheduleOf(date);
    if (schedule.holidays.has(date)) return false;
    if (schedule.makeupDays.has(date)) return true;
    return !isWeekend(date);
  };

  const describeDay = (value: IsoDate): DayDescription => {
    const date = requireIsoDate(value);
    const schedule = scheduleOf(date);
    const holiday = schedule.holidays.get(date);
    if (holiday !== undefined) return { date, working: false, kind: 'holiday', holidayName: holiday };
    const makeup = schedule.makeupDays.get(date);
    if (makeup !== undefined)
      return makeup
        ? { date, working: true, kind: 'makeup', holidayName: makeup }
        : { date, working: true, kind: 'makeup' };
    return isWeekend(date)
      ? { date, working: false, kind: 'weekend' }
      : { date, working: true, kind: 'workday' };
  };

  const addWorkingDays = (value: IsoDate, n: number): IsoDate => {
    let date = requireIsoDate(value);
    let left = requireWorkingDayCount(n);
    scheduleOf(date); // the start's own year must be covered too, so a typo'd year is not silently skipped
    while (left > 0) {
      date = addDays(date, 1);
      if (working(date)) left -= 1;
    }
    return date;
  };

  const countAfterUpTo = (lo: IsoDate, hi: IsoDate): number => {
    let count = 0;
    for (let date = addDays(lo, 1); date <= hi; date = addDays(date, 1)) if (working(date)) count += 1;
    return count;
  };

  const calendar: WorkingCalendar = {
    hasYear: (year) => schedules.has(year),
    coveredYears: () => years,
    yearSummary: (year) => {
      const schedule = schedules.get(year);
      return schedule && summarize(schedule);
    },
    isWorkingDay: (value) => working(requireIsoDate(value)),
    describeDay,
    addWorkingDays,
    nextWorkingDay: (value) => addWorkingDays(value, 1),
    workingDaysBetween: (first, second) => {
      const a = requireIsoDate(first);
      const b = requireIsoDate(second);
      scheduleOf(a);
      scheduleOf(b);
      return a <= b ? countAfterUpTo(a, b) : 0 - countAfterUpTo(b, a); // 0 - 0 is +0, unlike -0
    },
  };
  return Object.freeze(calendar);
}
