/**
 * The shipped base: the State Council schedules 2004–2026 as bundled by the `chinese-days` package.
 * Only its JSON data is used, not its date logic, because that library treats every weekday of a year it
 * has no data for as a working day; the rules and the missing-year guard live here.
 * The JSON import attribute makes the same line work under Vite (renderer, electron-vite, vitest) and
 * plain Node ESM (tsx scripts).
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { isIsoDate, yearOf, type IsoDate } from './iso-date';
import type { YearSchedule } from './year-schedule';

/** "Labour Day,劳动节,2" → the package's entries are "English,中文,group". */
type PackageTable = Readonly<Record<string, string>>;

/** The notices' own wording, where the package abbreviates. */
const OFFICIAL_NAMES: Readonly<Record<string, string>> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function chineseName(entry: string): string {
  const name = entry.split(',')[1]?.trim() ?? '';
  return OFFICIAL_NAMES[name] ?? name;
}

function byYear(table: PackageTable): Map<number, Map<IsoDate, string>> {
  const years = new Map<number, Map<IsoDate, string>>();
  for (const [date, entry] of Object.entries(table)) {
    if (!isIsoDate(date)) continue;
    const year = yearOf(date);
    let dates = years.get(year);
    if (!dates) years.set(year, (dates = new Map()));
    dates.set(date, chineseName(entry));
  }
  return years;
}

/**
 * A year counts as covered only if its notice is in the data. Every notice makes 1 January a holiday, so
 * that date marks it; a stray December date from the next year's notice (e.g. 2018-12-30) does not.
 */
export function schedulesFromChineseDays(
  holidays: PackageTable,
  workdays: PackageTable,
): ReadonlyMap<number, YearSchedule> {
  const offByYear = byYear(holidays);
  const onByYear = byYear(workdays);
  const schedules = new Map<number, YearSchedule>();
  for (const [year, off] of offByYear) {
    if (!off.has(`${year}-01-01` as IsoDate)) continue;
    schedules.set(year, {
      year,
      origin: 'shipped',
      source: `国务院办公厅关于${year}年部分节假日安排的通知（随软件内置，数据来自 chinese-days）`,
      holidays: off,
      makeupDays: onByYear.get(year) ?? new Map(),
    });
  }
  return schedules;
}

export const SHIPPED_SCHEDULES: ReadonlyMap<number, YearSchedule> = schedulesFromChineseDays(
  chineseDays.holidays,
  chineseDays.workdays,
);
