import { datesOfRange, type CalendarYearData } from './calendar-year';
import type { IsoDate } from './iso-date';

/** Where a year's schedule came from: bundled with the app, or entered/imported by the office. */
export type YearOrigin = 'shipped' | 'entered';

/**
 * One year's exceptions to the weekday rule, as lookup tables so that a day's status is O(1).
 * Every date not listed is a working day exactly when it is Monday to Friday.
 */
export interface YearSchedule {
  readonly year: number;
  readonly origin: YearOrigin;
  /** Notice or data reference, for display. */
  readonly source: string;
  /** Day off → holiday name ("春节"). May include weekend days inside a holiday run. */
  readonly holidays: ReadonlyMap<IsoDate, string>;
  /** Make-up working day (调休上班, always a weekend day) → the holiday it belongs to, "" when unknown. */
  readonly makeupDays: ReadonlyMap<IsoDate, string>;
}

export function scheduleFromCalendarYear(data: CalendarYearData): YearSchedule {
  const holidays = new Map<IsoDate, string>();
  for (const range of data.holidays) for (const date of datesOfRange(range)) holidays.set(date, range.name);
  const makeupDays = new Map<IsoDate, string>(data.makeupWorkdays.map((m) => [m.date, m.holiday ?? '']));
  const reference = data.source.documentNumber
    ? `${data.source.title}（${data.source.documentNumber}）`
    : data.source.title;
  return { year: data.year, origin: 'entered', source: reference, holidays, makeupDays };
}
