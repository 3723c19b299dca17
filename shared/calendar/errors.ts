import { isIsoDate, type IsoDate } from './iso-date';

/**
 * Why a calendar question could not be answered. `year-missing` is the one a clerk can fix (enter the
 * year's State Council notice); the others mean the caller passed something malformed.
 */
export type CalendarErrorCode = 'year-missing' | 'invalid-date' | 'invalid-count' | 'invalid-data';

export class CalendarError extends Error {
  override readonly name = 'CalendarError';
  readonly code: CalendarErrorCode;
  /** The year without data, for `year-missing`. */
  readonly year: number | undefined;
  /** One Chinese sentence per problem, for `invalid-data` (a year's schedule that failed validation). */
  readonly details: readonly string[];

  constructor(
    code: CalendarErrorCode,
    message: string,
    extra: { year?: number; details?: readonly string[] } = {},
  ) {
    super(message);
    this.code = code;
    this.year = extra.year;
    this.details = extra.details ?? [];
  }
}

/** The message the issue fixes: "2027年节假日安排尚未录入", followed by what to do about it. */
export function yearMissingError(year: number): CalendarError {
  return new CalendarError(
    'year-missing',
    `${year}年节假日安排尚未录入。请按国务院办公厅关于${year}年部分节假日安排的通知，录入或导入该年的节假日安排后再试。`,
    { year },
  );
}

export function invalidDataError(details: readonly string[]): CalendarError {
  return new CalendarError('invalid-data', `节假日安排数据有误：${details.join('；')}`, { details });
}

/** Checks a caller-supplied date at the boundary, with the same wording as `isoDate()`. */
export function requireIsoDate(value: string): IsoDate {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new CalendarError(
      'invalid-date',
      `日期格式不正确：“${String(value)}”，应为 YYYY-MM-DD，例如 2026-03-05`,
    );
  }
  return value;
}

/** "Within n working days" only makes sense for a whole n ≥ 1. */
export function requireWorkingDayCount(n: number): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
    throw new CalendarError('invalid-count', `工作日天数应为不小于 1 的整数，收到的是：${String(n)}`);
  }
  return n;
}

export type CalendarResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CalendarError };

/**
 * Runs a calendar computation and returns its failure as a value (e.g. to show "2027年节假日安排尚未录入"
 * next to a deadline instead of crashing a list). Only `CalendarError`s are caught: anything else is a bug.
 */
export function tryCalendar<T>(compute: () => T): CalendarResult<T> {
  try {
    return { ok: true, value: compute() };
  } catch (error) {
    if (error instanceof CalendarError) return { ok: false, error };
    throw error;
  }
}
