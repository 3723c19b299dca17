import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import example2027 from '../../test/fixtures/calendar/2027-example.json' with { type: 'json' };
import {
  CALENDAR_YEAR_FORMAT,
  datesOfRange,
  parseCalendarYear,
  parseCalendarYearJson,
  serializeCalendarYear,
  type CalendarYearData,
} from './calendar-year';
import { isoDate } from './iso-date';
import { createWorkingCalendar } from './working-calendar';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../test/fixtures/calendar/${name}`, import.meta.url), 'utf8');

/** A valid year to mutate in each test (plain JSON, as it would arrive from a file or storage). */
function validYear(): Record<string, unknown> {
  return structuredClone(example2027) as Record<string, unknown>;
}

function errorsOf(input: unknown): readonly string[] {
  const result = parseCalendarYear(input);
  if (result.ok) throw new Error('expected validation errors');
  return result.errors;
}

describe('parseCalendarYear: valid data', () => {
  it('accepts the 2027 example fixture and brands its dates', () => {
    const result = parseCalendarYear(example2027);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.year).toBe(2027);
    expect(result.value.holidays).toHaveLength(7);
    expect(result.value.makeupWorkdays[0]).toEqual({ date: '2027-01-31', holiday: '春节' });
    expect(result.value.source.title).toBe('示例：2027年部分节假日安排（虚构）');
  });

  it('normalises: trims text, sorts by date, drops empty optional fields', () => {
    const input = {
      ...validYear(),
      holidays: [
        { name: ' 春节 ', from: '2027-02-05', to: '2027-02-12' },
        { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
      ],
      makeupWorkdays: [
        { date: '2027-02-20', holiday: '' },
        { date: '2027-01-31', holiday: '春节' },
      ],
      source: { title: ' 通知 ', documentNumber: '', note: '  ' },
      enteredBy: ' 张三 ',
    };
    const result = parseCalendarYear(input);
    expect(result).toEqual({
      ok: true,
      value: {
        format: CALENDAR_YEAR_FORMAT,
        year: 2027,
        holidays: [
          { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
          { name: '春节', from: '2027-02-05', to: '2027-02-12' },
        ],
        makeupWorkdays: [{ date: '2027-01-31', holiday: '春节' }, { date: '2027-02-20' }],
        source: { title: '通知' },
        enteredBy: '张三',
        enteredAt: '2026-11-27T10:30:00+08:00',
      },
    });
  });

  it('accepts a year without make-up days and a UTC entry time', () => {
    const result = parseCalendarYear({
      ...validYear(),
      makeupWorkdays: [],
      enteredAt: '2026-11-27T02:30:00Z',
    });
    expect(result.ok).toBe(true);
  });

  it('is idempotent: parsing its own output gives the same value', () => {
    const first = parseCalendarYear(example2027);
    if (!first.ok) throw new Error('fixture should be valid');
    expect(parseCalendarYear(first.value)).toEqual(first);
  });
});

describe('parseCalendarYear: structural errors, in Chinese, naming the field', () => {
  it('rejects something that is not an object', () => {
    expect(errorsOf(42)).toEqual(['节假日安排数据：应为对象 { … }']);
    expect(errorsOf(null)).toEqual(['节假日安排数据：应为对象 { … }']);
    expect(errorsOf([])).toEqual(['节假日安排数据：应为对象 { … }']);
  });

  it('rejects a file of another kind by its format marker', () => {
    expect(errorsOf({ ...validYear(), format: 'huiwen.packet.v1' })).toEqual([
      '文件类型（format）：应为 "huiwen.calendar-year.v1"，这个文件不是会文的节假日安排数据',
    ]);
  });

  it('explains a bad year', () => {
    expect(errorsOf({ ...validYear(), year: '2027' })).toEqual([
      '年份（year）：应为 2000 至 2999 之间的整数年份，例如 2027',
    ]);
    expect(errorsOf({ ...validYear(), year: 2027.5 })).toEqual(['年份（year）：应为整数年份，例如 2027']);
    expect(errorsOf({ ...validYear(), year: 1999 })).toEqual(['年份（year）：应为 2000 至 2999 之间的年份']);
    expect(errorsOf({ ...validYear(), year: 3000 })).toEqual(['年份（year）：应为 2000 至 2999 之间的年份']);
  });

  it('names the holiday by position and name', () => {
    const errors = errorsOf({
      ...validYear(),
      holidays: [
        { name: '春节', from: '2027-02-30', to: 20270212 },
        { name: '  ', from: '2027-01-01', to: '2027-01-01' },
      ],
    });
    expect(errors).toEqual([
      '第1个节假日“春节”的开始日期（from）：“2027-02-30”不是有效日期，应为 YYYY-MM-DD，例如 2027-02-06',
      '第1个节假日“春节”的结束日期（to）：应为文字',
      '第2个节假日的名称（name）：不能为空',
    ]);
  });

  it('requires at least one holiday and lists', () => {
    expect(errorsOf({ ...validYear(), holidays: [] })).toEqual([
      '节假日（holidays）：至少要录入一个节假日（每年都有元旦、春节等法定节假日）',
    ]);
    expect(errorsOf({ ...validYear(), makeupWorkdays: '2027-01-31' })).toEqual([
      '调休上班日（makeupWorkdays）：应为列表 [ … ]',
    ]);
    expect(errorsOf({ ...validYear(), holidays: ['2027-01-01'] })).toEqual(['第1个节假日：应为对象 { … }']);
  });

  it('checks make-up day fields', () => {
    expect(errorsOf({ ...validYear(), makeupWorkdays: [{ date: '2027/01/31', holiday: 7 }] })).toEqual([
      '第1个调休上班日的日期（date）：“2027/01/31”不是有效日期，应为 YYYY-MM-DD，例如 2027-02-06',
      '第1个调休上班日对应的节日（holiday）：应为文字',
    ]);
    expect(errorsOf({ ...validYear(), makeupWorkdays: [{}] })).toEqual([
      '第1个调休上班日的日期（date）：必须填写',
    ]);
    expect(errorsOf({ ...validYear(), makeupWorkdays: ['2027-01-31'] })).toEqual([
      '第1个调休上班日：应为对象 { … }',
    ]);
  });

  it('requires the source notice, who entered it and when', () => {
    const { source: _s, enteredBy: _b, ...rest } = validYear();
    expect(errorsOf({ ...rest, enteredAt: '2026-11-27' })).toEqual([
      '依据的通知（source）：必须填写',
      '录入人（enteredBy）：必须填写',
      '录入时间（enteredAt）：应为带时区的录入时间，例如 2026-11-27T10:30:00+08:00',
    ]);
    expect(errorsOf({ ...validYear(), source: { title: '' } })).toEqual([
      '依据的通知标题（source.title）：不能为空',
    ]);
    expect(
      errorsOf({
        ...validYear(),
        source: { title: 't', documentNumber: 1, publishedOn: '2026-13-01', note: false },
      }),
    ).toEqual([
      '通知文号（source.documentNumber）：应为文字',
      '通知发布日期（source.publishedOn）：“2026-13-01”不是有效日期，应为 YYYY-MM-DD，例如 2027-02-06',
      '备注（source.note）：应为文字',
    ]);
  });

  it('flags misspelt fields instead of silently ignoring them', () => {
    expect(errorsOf({ ...validYear(), makeupDays: [], remark: 'x' })).toEqual([
      '节假日安排数据：有不认识的字段 “makeupDays”、“remark”，请检查拼写',
    ]);
    expect(
      errorsOf({
        ...validYear(),
        holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01', end: 1 }],
      }),
    ).toEqual(['第1个节假日“元旦”：有不认识的字段 “end”，请检查拼写']);
  });

  it('has a fallback wording for other issues', () => {
    expect(errorsOf({ ...validYear(), year: Number.NaN })).toEqual([
      '年份（year）：应为 2000 至 2999 之间的整数年份，例如 2027',
    ]);
  });
});

describe('parseCalendarYear: rules across fields', () => {
  it('rejects dates outside the year, explaining how cross-year notices are entered', () => {
    const errors = errorsOf({
      ...validYear(),
      holidays: [
        { name: '元旦', from: '2026-12-31', to: '2027-01-01' },
        { name: '春节', from: '2027-02-05', to: '2028-02-12' },
      ],
      makeupWorkdays: [{ date: '2028-03-04' }],
    });
    expect(errors).toEqual([
      '第1个节假日“元旦”的开始日期（from）：2026-12-31 不在 2027 年内。每个年份单独录入：跨年的放假安排，落在另一年的日期请录入那一年的安排',
      '第2个节假日“春节”的结束日期（to）：2028-02-12 不在 2027 年内。每个年份单独录入：跨年的放假安排，落在另一年的日期请录入那一年的安排',
      '第2个节假日“春节”从 2027-02-05 到 2028-02-12 共 373 天，超过 15 天，请核对通知',
      '第1个调休上班日：2028-03-04 不在 2027 年内。每个年份单独录入：跨年的放假安排，落在另一年的日期请录入那一年的安排',
    ]);
  });

  it('rejects a range that ends before it starts, and implausibly long ones', () => {
    expect(
      errorsOf({
        ...validYear(),
        holidays: [{ name: '国庆节', from: '2027-10-07', to: '2027-10-01' }],
        makeupWorkdays: [],
      }),
    ).toEqual(['第1个节假日“国庆节”的开始日期 2027-10-07 晚于结束日期 2027-10-01，请对调或改正']);
    expect(
      errorsOf({
        ...validYear(),
        holidays: [{ name: '国庆节', from: '2027-10-01', to: '2027-10-16' }],
        makeupWorkdays: [],
      }),
    ).toEqual(['第1个节假日“国庆节”从 2027-10-01 到 2027-10-16 共 16 天，超过 15 天，请核对通知']);
    expect(
      parseCalendarYear({
        ...validYear(),
        holidays: [{ name: '国庆节', from: '2027-10-01', to: '2027-10-15' }],
        makeupWorkdays: [],
      }).ok,
    ).toBe(true);
  });

  it('rejects overlapping holidays (merged holidays are one entry)', () => {
    expect(
      errorsOf({
        ...validYear(),
        holidays: [
          { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
          { name: '中秋节', from: '2027-10-07', to: '2027-10-07' },
        ],
        makeupWorkdays: [],
      }),
    ).toEqual([
      '节假日“国庆节”（2027-10-01 至 2027-10-07）与“中秋节”（2027-10-07 至 2027-10-07）日期重叠；合并放假的（如国庆节、中秋节）请录入为一个节假日',
    ]);
  });

  it('rejects a make-up day on a weekday, inside a holiday, or twice', () => {
    expect(errorsOf({ ...validYear(), makeupWorkdays: [{ date: '2027-02-15' }] })).toEqual([
      '第1个调休上班日 2027-02-15 是星期一，不是周末：调休上班日只会是周六或周日，请核对通知',
    ]);
    expect(errorsOf({ ...validYear(), makeupWorkdays: [{ date: '2027-02-06' }] })).toEqual([
      '2027-02-06 既在节假日“春节”（2027-02-05 至 2027-02-12）内，又录入为调休上班日，请核对通知',
    ]);
    expect(
      errorsOf({ ...validYear(), makeupWorkdays: [{ date: '2027-01-31' }, { date: '2027-01-31' }] }),
    ).toEqual(['第2个调休上班日 2027-01-31 与前面录入的重复，请删去一个']);
  });

  it('reports every mistake of the invalid fixture at once', () => {
    const result = parseCalendarYearJson(fixture('2027-invalid.json'));
    expect(result).toEqual({
      ok: false,
      errors: [
        '第1个节假日“元旦”的开始日期（from）：2026-12-31 不在 2027 年内。每个年份单独录入：跨年的放假安排，落在另一年的日期请录入那一年的安排',
        '节假日“春节”（2027-02-05 至 2027-02-12）与“元宵”（2027-02-12 至 2027-02-12）日期重叠；合并放假的（如国庆节、中秋节）请录入为一个节假日',
        '第1个调休上班日 2027-02-08 是星期一，不是周末：调休上班日只会是周六或周日，请核对通知',
        '2027-02-08 既在节假日“春节”（2027-02-05 至 2027-02-12）内，又录入为调休上班日，请核对通知',
        '第2个调休上班日 2027-02-22 是星期一，不是周末：调休上班日只会是周六或周日，请核对通知',
      ],
    });
  });
});

describe('parseCalendarYearJson / serializeCalendarYear', () => {
  it('reads the example file, with or without a byte-order mark', () => {
    expect(parseCalendarYearJson(fixture('2027-example.json')).ok).toBe(true);
    expect(parseCalendarYearJson(`\uFEFF${fixture('2027-example.json')}`).ok).toBe(true);
  });

  it('turns a non-JSON file into one clear message', () => {
    expect(parseCalendarYearJson('{"year": 2027,')).toEqual({
      ok: false,
      errors: ['文件内容不是有效的 JSON：请确认导入的是会文导出的节假日安排文件（.json），且未被改动'],
    });
  });

  it('round-trips through its own export', () => {
    const parsed = parseCalendarYear(example2027);
    if (!parsed.ok) throw new Error('fixture should be valid');
    const text = serializeCalendarYear(parsed.value);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseCalendarYearJson(text)).toEqual(parsed);
  });
});

describe('datesOfRange', () => {
  it('lists every day, inclusive, across a month end', () => {
    expect(datesOfRange({ from: isoDate('2027-01-30'), to: isoDate('2027-02-02') })).toEqual([
      '2027-01-30',
      '2027-01-31',
      '2027-02-01',
      '2027-02-02',
    ]);
    expect(datesOfRange({ from: isoDate('2027-06-09'), to: isoDate('2027-06-09') })).toEqual(['2027-06-09']);
  });
});

// Compile-time check that a parsed value is what the rest of the calendar consumes.
export const _typed: (data: CalendarYearData) => number = (data) => data.year;

describe('the documented example (docs/calendar-data.md)', () => {
  it('is valid and, being the real 2026 notice, agrees with the shipped 2026 on every date', () => {
    const doc = readFileSync(new URL('../../docs/calendar-data.md', import.meta.url), 'utf8');
    const block = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    const parsed = parseCalendarYearJson(block ?? '');
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const entered = createWorkingCalendar([parsed.value], { includeShipped: false });
    const shipped = createWorkingCalendar();
    for (const day of datesOfRange({ from: isoDate('2026-01-01'), to: isoDate('2026-12-31') })) {
      expect(entered.isWorkingDay(day), day).toBe(shipped.isWorkingDay(day));
    }
  });
});
