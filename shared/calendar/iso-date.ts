/**
 * Calendar dates as "YYYY-MM-DD" strings (Asia/Shanghai calendar days). Domain logic never uses a JS `Date`
 * for a calendar day: arithmetic here goes through UTC midnight, where no time zone or DST can shift a day.
 */
declare const isoDateBrand: unique symbol;
export type IsoDate = string & { readonly [isoDateBrand]: 'IsoDate' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: string): value is IsoDate {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Parses "YYYY-MM-DD" or throws a clear Chinese error. */
export function isoDate(value: string): IsoDate {
  if (!isIsoDate(value)) throw new RangeError(`日期格式不正确：“${value}”，应为 YYYY-MM-DD，例如 2026-03-05`);
  return value;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function monthOf(date: IsoDate): number {
  return Number(date.slice(5, 7));
}

/** "YYYY-MM" of a date. */
export function yearMonthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

function toEpochDay(date: IsoDate): number {
  return Date.UTC(yearOf(date), monthOf(date) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function fromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10) as IsoDate;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toEpochDay(date) * DAY_MS).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

export function compareIsoDate(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Inclusive range check; an absent bound is open. */
export function isWithin(date: IsoDate, from: IsoDate | undefined, to: IsoDate | undefined): boolean {
  return (from === undefined || date >= from) && (to === undefined || date <= to);
}

/** The calendar day in Asia/Shanghai (UTC+8, no DST) of an instant. The only bridge from clock time. */
export function shanghaiDateOf(instant: Date): IsoDate {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) as IsoDate;
}

/** "2026年3月5日" — Arabic numerals, no zero padding (GB/T 9704-2012 成文日期 style). */
export function chineseDate(date: IsoDate): string {
  return `${yearOf(date)}年${monthOf(date)}月${Number(date.slice(8, 10))}日`;
}
