// The PRC working-day calendar: dates, the official schedule (shipped + entered years), and the data format.
export * from './iso-date';
export { CalendarError, tryCalendar, type CalendarErrorCode, type CalendarResult } from './errors';
export {
  CALENDAR_YEAR_FORMAT,
  MAX_CALENDAR_YEAR,
  MAX_HOLIDAY_RUN_DAYS,
  MIN_CALENDAR_YEAR,
  parseCalendarYear,
  parseCalendarYearJson,
  serializeCalendarYear,
  type CalendarYearData,
  type CalendarYearParseResult,
  type CalendarYearSource,
  type HolidayRange,
  type MakeupWorkday,
} from './calendar-year';
export type { YearOrigin } from './year-schedule';
export {
  createWorkingCalendar,
  type CalendarYearSummary,
  type DayDescription,
  type DayKind,
  type WorkingCalendar,
  type WorkingCalendarOptions,
} from './working-calendar';
export {
  addWorkingDays,
  addWorkingDaysOrNull,
  calendarYearSummary,
  coveredYears,
  currentWorkingCalendar,
  describeDay,
  enterCalendarYear,
  enteredCalendarYears,
  hasCalendarYear,
  isWorkingDay,
  isWorkingDayOrNull,
  nextWorkingDay,
  removeEnteredYear,
  replaceEnteredYears,
  workingDaysBetween,
} from './registry';
