import type { IsoDate } from '../calendar/iso-date';

/**
 * What the rules need from the PRC working-day calendar. Rules take it as a parameter (no global state);
 * shared/calendar's WorkingCalendar satisfies it. Methods throw a Chinese error for a year without data.
 */
export interface WorkingDays {
  isWorkingDay(date: IsoDate): boolean;
  /** The n-th working day after `from` (`from` itself never counts; n ≥ 1): the deadline of "within n working days". */
  addWorkingDays(from: IsoDate, n: number): IsoDate;
}
