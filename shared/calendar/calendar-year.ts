/**
 * The office's own record of one year's holiday schedule, as entered by hand or imported from a JSON file
 * on an offline PC (format documented in docs/calendar-data.md). Validation speaks Chinese to a clerk:
 * every message names the field in words and says what is wrong.
 */
import { z } from 'zod';
import { addDays, daysBetween, dayOfWeek, isIsoDate, isWeekend, yearOf, type IsoDate } from './iso-date';

export const CALENDAR_YEAR_FORMAT = 'huiwen.calendar-year.v1';
export const MIN_CALENDAR_YEAR = 2000;
export const MAX_CALENDAR_YEAR = 2999;
/** Longest plausible holiday run; a longer range is almost always a typo that would erase working weeks. */
export const MAX_HOLIDAY_RUN_DAYS = 15;

export interface HolidayRange {
  /** As the notice names it, e.g. "春节" or "国庆节、中秋节". */
  readonly name: string;
  readonly from: IsoDate;
  /** Inclusive. */
  readonly to: IsoDate;
}

export interface MakeupWorkday {
  readonly date: IsoDate;
  /** The holiday this make-up day (调休上班) belongs to, e.g. "春节". */
  readonly holiday?: string;
}

export interface CalendarYearSource {
  /** e.g. "国务院办公厅关于2027年部分节假日安排的通知". */
  readonly title: string;
  /** e.g. "国办发明电〔2026〕8号". */
  readonly documentNumber?: string;
  readonly publishedOn?: IsoDate;
  readonly note?: string;
}

export interface CalendarYearData {
  readonly format: typeof CALENDAR_YEAR_FORMAT;
  readonly year: number;
  /** Sorted by `from`; non-overlapping. */
  readonly holidays: readonly HolidayRange[];
  /** Sorted by date; each a Saturday or Sunday outside every holiday. */
  readonly makeupWorkdays: readonly MakeupWorkday[];
  readonly source: CalendarYearSource;
  readonly enteredBy: string;
  /** ISO 8601 instant with offset, e.g. "2026-11-27T10:30:00+08:00". */
  readonly enteredAt: string;
}

export type CalendarYearParseResult =
  | { readonly ok: true; readonly value: CalendarYearData }
  | { readonly ok: false; readonly errors: readonly string[] };

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

const dateField = z
  .string()
  .refine(isIsoDate, {
    error: (iss) => `“${String(iss.input)}”不是有效日期，应为 YYYY-MM-DD，例如 2027-02-06`,
  })
  .transform((value) => value as IsoDate);
const text = z.string().trim().min(1);
const optionalText = z.string().trim().optional();

const calendarYearSchema = z.strictObject({
  format: z.literal(CALENDAR_YEAR_FORMAT, {
    error: `应为 "${CALENDAR_YEAR_FORMAT}"，这个文件不是会文的节假日安排数据`,
  }),
  year: z
    .number({ error: `应为 ${MIN_CALENDAR_YEAR} 至 ${MAX_CALENDAR_YEAR} 之间的整数年份，例如 2027` })
    .int({ error: `应为整数年份，例如 2027` })
    .min(MIN_CALENDAR_YEAR, { error: `应为 ${MIN_CALENDAR_YEAR} 至 ${MAX_CALENDAR_YEAR} 之间的年份` })
    .max(MAX_CALENDAR_YEAR, { error: `应为 ${MIN_CALENDAR_YEAR} 至 ${MAX_CALENDAR_YEAR} 之间的年份` }),
  holidays: z
    .array(z.strictObject({ name: text, from: dateField, to: dateField }))
    .min(1, { error: '至少要录入一个节假日（每年都有元旦、春节等法定节假日）' }),
  makeupWorkdays: z.array(z.strictObject({ date: dateField, holiday: optionalText })),
  source: z.strictObject({
    title: text,
    documentNumber: optionalText,
    publishedOn: dateField.optional(),
    note: optionalText,
  }),
  enteredBy: text,
  enteredAt: z.iso.datetime({
    offset: true,
    error: '应为带时区的录入时间，例如 2026-11-27T10:30:00+08:00',
  }),
});

type Path = readonly PropertyKey[];

/** "第2个节假日“春节”的开始日期（from）" for ["holidays", 1, "from"]. */
function fieldLabel(path: Path, input: unknown): string {
  const [head, index, leaf] = path;
  const item = (list: string): unknown =>
    typeof index === 'number' && isRecord(input) && Array.isArray(input[list])
      ? input[list][index]
      : undefined;
  switch (head) {
    case undefined:
      return '节假日安排数据';
    case 'format':
      return '文件类型（format）';
    case 'year':
      return '年份（year）';
    case 'enteredBy':
      return '录入人（enteredBy）';
    case 'enteredAt':
      return '录入时间（enteredAt）';
    case 'holidays': {
      if (typeof index !== 'number') return '节假日（holidays）';
      const entry = item('holidays');
      const name =
        isRecord(entry) && typeof entry.name === 'string' && entry.name.trim()
          ? `“${entry.name.trim()}”`
          : '';
      const base = `第${index + 1}个节假日${name}`;
      if (leaf === 'name') return `${base}的名称（name）`;
      if (leaf === 'from') return `${base}的开始日期（from）`;
      if (leaf === 'to') return `${base}的结束日期（to）`;
      return base;
    }
    case 'makeupWorkdays': {
      if (typeof index !== 'number') return '调休上班日（makeupWorkdays）';
      const base = `第${index + 1}个调休上班日`;
      if (leaf === 'date') return `${base}的日期（date）`;
      if (leaf === 'holiday') return `${base}对应的节日（holiday）`;
      return base;
    }
    case 'source': {
      if (index === 'title') return '依据的通知标题（source.title）';
      if (index === 'documentNumber') return '通知文号（source.documentNumber）';
      if (index === 'publishedOn') return '通知发布日期（source.publishedOn）';
      if (index === 'note') return '备注（source.note）';
      return '依据的通知（source）';
    }
    default:
      return path.map(String).join('.');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Chinese wording for zod's generic issues; field-specific wording is set on the schema itself. */
const chineseIssue: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '必须填写';
      if (issue.expected === 'string') return '应为文字';
      if (issue.expected === 'number') return '应为数字';
      if (issue.expected === 'array') return '应为列表 [ … ]';
      if (issue.expected === 'object') return '应为对象 { … }';
      return '类型不对';
    case 'too_small':
      return issue.origin === 'array' ? '至少要有一项' : '不能为空';
    case 'unrecognized_keys':
      return `有不认识的字段 ${issue.keys.map((k) => `“${k}”`).join('、')}，请检查拼写`;
    default:
      return '填写有误';
  }
};

/** Cross-field rules a schema cannot express; runs only on structurally valid data. */
function semanticErrors(data: z.output<typeof calendarYearSchema>): string[] {
  const errors: string[] = [];
  const { year } = data;
  const outsideYear = (date: IsoDate): string =>
    `${date} 不在 ${year} 年内。每个年份单独录入：跨年的放假安排，落在另一年的日期请录入那一年的安排`;

  data.holidays.forEach((h, i) => {
    const label = `第${i + 1}个节假日“${h.name}”`;
    if (yearOf(h.from) !== year) errors.push(`${label}的开始日期（from）：${outsideYear(h.from)}`);
    if (yearOf(h.to) !== year) errors.push(`${label}的结束日期（to）：${outsideYear(h.to)}`);
    if (h.from > h.to) {
      errors.push(`${label}的开始日期 ${h.from} 晚于结束日期 ${h.to}，请对调或改正`);
    } else if (daysBetween(h.from, h.to) + 1 > MAX_HOLIDAY_RUN_DAYS) {
      errors.push(
        `${label}从 ${h.from} 到 ${h.to} 共 ${daysBetween(h.from, h.to) + 1} 天，超过 ${MAX_HOLIDAY_RUN_DAYS} 天，请核对通知`,
      );
    }
  });

  const ordered = [...data.holidays].filter((h) => h.from <= h.to).sort((a, b) => (a.from < b.from ? -1 : 1));
  for (let i = 1; i < ordered.length; i++) {
    const prev = ordered[i - 1];
    const cur = ordered[i];
    if (prev && cur && cur.from <= prev.to) {
      errors.push(
        `节假日“${prev.name}”（${prev.from} 至 ${prev.to}）与“${cur.name}”（${cur.from} 至 ${cur.to}）日期重叠；` +
          '合并放假的（如国庆节、中秋节）请录入为一个节假日',
      );
    }
  }

  const seen = new Set<IsoDate>();
  data.makeupWorkdays.forEach((m, i) => {
    const label = `第${i + 1}个调休上班日`;
    if (yearOf(m.date) !== year) errors.push(`${label}：${outsideYear(m.date)}`);
    if (seen.has(m.date)) errors.push(`${label} ${m.date} 与前面录入的重复，请删去一个`);
    seen.add(m.date);
    if (!isWeekend(m.date)) {
      errors.push(
        `${label} ${m.date} 是${WEEKDAY_NAMES[dayOfWeek(m.date)]}，不是周末：调休上班日只会是周六或周日，请核对通知`,
      );
    }
    const clash = data.holidays.find((h) => h.from <= m.date && m.date <= h.to);
    if (clash) {
      errors.push(
        `${m.date} 既在节假日“${clash.name}”（${clash.from} 至 ${clash.to}）内，又录入为调休上班日，请核对通知`,
      );
    }
  });
  return errors;
}

function withoutEmpty<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/** Validates and normalises (trimmed text, holidays and make-up days in date order) one year's schedule. */
export function parseCalendarYear(input: unknown): CalendarYearParseResult {
  const parsed = calendarYearSchema.safeParse(input, { error: chineseIssue });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${fieldLabel(issue.path, input)}：${issue.message}`),
    };
  }
  const errors = semanticErrors(parsed.data);
  if (errors.length > 0) return { ok: false, errors };
  const d = parsed.data;
  const value: CalendarYearData = {
    format: CALENDAR_YEAR_FORMAT,
    year: d.year,
    holidays: [...d.holidays].sort((a, b) => (a.from < b.from ? -1 : 1)).map((h) => ({ ...h })),
    makeupWorkdays: [...d.makeupWorkdays]
      .sort((a, b) => (a.date < b.date ? -1 : 1))
      .map((m) => withoutEmpty({ date: m.date, holiday: m.holiday })),
    source: withoutEmpty({ ...d.source }),
    enteredBy: d.enteredBy,
    enteredAt: d.enteredAt,
  };
  return { ok: true, value };
}

/** Parses the text of an imported file; a file that is not JSON gets one clear message instead of a stack. */
export function parseCalendarYearJson(text: string): CalendarYearParseResult {
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return {
      ok: false,
      errors: ['文件内容不是有效的 JSON：请确认导入的是会文导出的节假日安排文件（.json），且未被改动'],
    };
  }
  return parseCalendarYear(input);
}

/** The file the office exports and imports; stable key order so two exports of the same year diff cleanly. */
export function serializeCalendarYear(data: CalendarYearData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Every date of a holiday range, in order. */
export function datesOfRange(range: Pick<HolidayRange, 'from' | 'to'>): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) dates.push(d);
  return dates;
}
