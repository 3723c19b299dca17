import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import example2027 from '../../test/fixtures/calendar/2027-example.json' with { type: 'json' };
import { parseCalendarYear, type CalendarYearData } from './calendar-year';
import { CalendarError } from './errors';
import { addDays, daysBetween, isoDate, isWeekend, type IsoDate } from './iso-date';
import { createWorkingCalendar, type WorkingCalendar } from './working-calendar';

function year(input: unknown): CalendarYearData {
  const parsed = parseCalendarYear(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.value;
}

const y2027 = year(example2027);
const shipped = createWorkingCalendar();
const withFixture = createWorkingCalendar([y2027]);
const d = isoDate;

function thrown(compute: () => unknown): CalendarError {
  try {
    compute();
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
  throw new Error('expected a CalendarError');
}

describe('createWorkingCalendar: coverage', () => {
  it('covers the shipped years, plus entered ones', () => {
    expect(shipped.coveredYears()[0]).toBe(2004);
    expect(shipped.coveredYears().at(-1)).toBe(2026);
    expect(shipped.hasYear(2027)).toBe(false);
    expect(withFixture.hasYear(2027)).toBe(true);
    expect(withFixture.coveredYears().at(-1)).toBe(2027);
  });

  it('can leave out the shipped base', () => {
    const only = createWorkingCalendar([y2027], { includeShipped: false });
    expect(only.coveredYears()).toEqual([2027]);
    expect(thrown(() => only.isWorkingDay(d('2026-06-01'))).message).toContain('2026年节假日安排尚未录入');
  });

  it('lets an entered year override the shipped one', () => {
    // Suppose the office corrects 2026: only New Year off, no make-up days.
    const corrected = year({
      ...example2027,
      year: 2026,
      holidays: [{ name: '元旦', from: '2026-01-01', to: '2026-01-01' }],
      makeupWorkdays: [],
    });
    const cal = createWorkingCalendar([corrected]);
    expect(cal.isWorkingDay(d('2026-10-08'))).toBe(true);
    expect(shipped.isWorkingDay(d('2026-10-07'))).toBe(false);
    expect(cal.isWorkingDay(d('2026-10-07'))).toBe(true);
    expect(cal.isWorkingDay(d('2026-01-04'))).toBe(false);
    expect(cal.yearSummary(2026)?.origin).toBe('entered');
  });

  it('re-validates entered years and rejects duplicates, listing every problem', () => {
    const broken = { ...y2027, makeupWorkdays: [{ date: d('2027-02-15') }] };
    const error = thrown(() => createWorkingCalendar([y2027, y2027, broken]));
    expect(error.code).toBe('invalid-data');
    expect(error.details).toEqual([
      '2027年的节假日安排重复录入了，请只保留一份',
      '第3份节假日安排：第1个调休上班日 2027-02-15 是星期一，不是周末：调休上班日只会是周六或周日，请核对通知',
    ]);
    expect(error.message.startsWith('节假日安排数据有误：2027年的节假日安排重复录入了')).toBe(true);
  });

  it('is a frozen value whose methods work detached', () => {
    expect(Object.isFrozen(withFixture)).toBe(true);
    const { addWorkingDays } = withFixture;
    expect(addWorkingDays(d('2026-12-31'), 1)).toBe('2027-01-04');
  });
});

describe('isWorkingDay and describeDay', () => {
  it('follows the weekday rule off the lists', () => {
    expect(shipped.isWorkingDay(d('2025-11-03'))).toBe(true);
    expect(shipped.isWorkingDay(d('2025-11-08'))).toBe(false);
    expect(shipped.describeDay(d('2025-11-03'))).toEqual({
      date: '2025-11-03',
      working: true,
      kind: 'workday',
    });
    expect(shipped.describeDay(d('2025-11-08'))).toEqual({
      date: '2025-11-08',
      working: false,
      kind: 'weekend',
    });
  });

  it('treats make-up Saturdays and Sundays as working days', () => {
    expect(shipped.isWorkingDay(d('2025-10-11'))).toBe(true); // Saturday
    expect(shipped.isWorkingDay(d('2025-09-28'))).toBe(true); // Sunday
    expect(shipped.describeDay(d('2025-10-11'))).toEqual({
      date: '2025-10-11',
      working: true,
      kind: 'makeup',
      holidayName: '国庆节',
    });
  });

  it('names holidays, including weekend days inside a holiday run', () => {
    expect(shipped.describeDay(d('2026-02-21'))).toEqual({
      date: '2026-02-21',
      working: false,
      kind: 'holiday',
      holidayName: '春节',
    });
  });

  it('describes a make-up day with no holiday given', () => {
    const cal = createWorkingCalendar([year({ ...example2027, makeupWorkdays: [{ date: '2027-01-31' }] })]);
    expect(cal.describeDay(d('2027-01-31'))).toEqual({ date: '2027-01-31', working: true, kind: 'makeup' });
  });

  it('refuses a year without data with the issue’s message, and bad dates', () => {
    const missing = thrown(() => shipped.isWorkingDay(d('2027-03-01')));
    expect(missing.code).toBe('year-missing');
    expect(missing.year).toBe(2027);
    expect(missing.message.startsWith('2027年节假日安排尚未录入')).toBe(true);
    expect(thrown(() => shipped.describeDay(d('2003-06-02'))).message).toContain('2003年节假日安排尚未录入');
    const bad = thrown(() => shipped.isWorkingDay('2025-02-29' as IsoDate));
    expect(bad.code).toBe('invalid-date');
    expect(bad.message).toBe('日期格式不正确：“2025-02-29”，应为 YYYY-MM-DD，例如 2026-03-05');
  });
});

describe('addWorkingDays / nextWorkingDay', () => {
  it('counts from the day after, skipping holidays and weekends', () => {
    expect(shipped.addWorkingDays(d('2025-09-30'), 2)).toBe('2025-10-10');
    expect(shipped.addWorkingDays(d('2025-10-10'), 1)).toBe('2025-10-11'); // make-up Saturday
    expect(shipped.addWorkingDays(d('2025-11-07'), 1)).toBe('2025-11-10'); // Friday → Monday
    expect(shipped.addWorkingDays(d('2025-11-08'), 1)).toBe('2025-11-10'); // from a Saturday
    expect(shipped.addWorkingDays(d('2025-11-03'), 5)).toBe('2025-11-10');
    // 会议纪要 within 2 working days of a meeting on the eve of 春节 2026.
    expect(shipped.addWorkingDays(d('2026-02-13'), 2)).toBe('2026-02-24');
    expect(shipped.nextWorkingDay(d('2026-02-13'))).toBe('2026-02-14'); // make-up Saturday
  });

  it('crosses into an entered year, and refuses to cross into a missing one', () => {
    expect(withFixture.addWorkingDays(d('2026-12-30'), 2)).toBe('2027-01-04');
    const error = thrown(() => shipped.addWorkingDays(d('2026-12-28'), 5));
    expect(error.code).toBe('year-missing');
    expect(error.message.startsWith('2027年节假日安排尚未录入')).toBe(true);
    expect(shipped.addWorkingDays(d('2026-12-28'), 3)).toBe('2026-12-31');
  });

  it('rejects n that is not a whole number ≥ 1', () => {
    for (const n of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = thrown(() => shipped.addWorkingDays(d('2025-01-02'), n));
      expect(error.code).toBe('invalid-count');
      expect(error.message).toBe(`工作日天数应为不小于 1 的整数，收到的是：${String(n)}`);
    }
  });

  it('rejects a start date in a year without data', () => {
    expect(thrown(() => shipped.addWorkingDays(d('2003-12-31'), 1)).year).toBe(2003);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after a up to and including b', () => {
    expect(shipped.workingDaysBetween(d('2025-09-30'), d('2025-10-10'))).toBe(2);
    expect(shipped.workingDaysBetween(d('2025-09-30'), d('2025-10-09'))).toBe(1);
    expect(shipped.workingDaysBetween(d('2025-09-30'), d('2025-10-08'))).toBe(0);
    expect(shipped.workingDaysBetween(d('2025-10-10'), d('2025-10-10'))).toBe(0);
    expect(shipped.workingDaysBetween(d('2025-10-10'), d('2025-09-30'))).toBe(-2);
    // 261 weekdays − 18 weekday holidays + 5 make-up days: the 248 working days of 2025.
    expect(shipped.workingDaysBetween(d('2024-12-31'), d('2025-12-31'))).toBe(248);
  });

  it('needs every year in between', () => {
    const gap = createWorkingCalendar([
      year({
        ...example2027,
        year: 2028,
        holidays: [{ name: '元旦', from: '2028-01-01', to: '2028-01-03' }],
        makeupWorkdays: [],
      }),
    ]);
    expect(gap.coveredYears().slice(-2)).toEqual([2026, 2028]);
    expect(thrown(() => gap.workingDaysBetween(d('2026-12-01'), d('2028-01-10'))).year).toBe(2027);
    expect(thrown(() => gap.workingDaysBetween(d('2027-12-01'), d('2028-01-10'))).year).toBe(2027);
  });
});

describe('yearSummary', () => {
  it('lists holiday runs and make-up days of an entered year as entered', () => {
    const summary = withFixture.yearSummary(2027);
    expect(summary?.origin).toBe('entered');
    expect(summary?.source).toBe('示例：2027年部分节假日安排（虚构）');
    expect(summary?.holidays).toEqual(y2027.holidays);
    expect(summary?.makeupWorkdays).toEqual(y2027.makeupWorkdays);
    expect(withFixture.yearSummary(2030)).toBeUndefined();
  });

  it('shows the document number with the title when given', () => {
    const cal = createWorkingCalendar([
      year({ ...example2027, source: { title: '通知', documentNumber: '国办发明电〔2026〕1号' } }),
    ]);
    expect(cal.yearSummary(2027)?.source).toBe('通知（国办发明电〔2026〕1号）');
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties. Dates are drawn from 2004-01-01 … 2025-12-31 and counts kept small enough to stay in 2026.

const FIRST = d('2004-01-01');
const SPAN = daysBetween(FIRST, d('2025-12-31'));
const anyDate = fc.integer({ min: 0, max: SPAN }).map((k) => addDays(FIRST, k));
const anyCount = fc.integer({ min: 1, max: 120 });

function countWorking(cal: WorkingCalendar, after: IsoDate, upTo: IsoDate): number {
  let n = 0;
  for (let x = addDays(after, 1); x <= upTo; x = addDays(x, 1)) if (cal.isWorkingDay(x)) n += 1;
  return n;
}

describe('properties of addWorkingDays and workingDaysBetween', () => {
  it('addWorkingDays(d, n) is a working day after d with exactly n working days in (d, result]', () => {
    fc.assert(
      fc.property(anyDate, anyCount, (from, n) => {
        const result = shipped.addWorkingDays(from, n);
        expect(result > from).toBe(true);
        expect(shipped.isWorkingDay(result)).toBe(true);
        expect(countWorking(shipped, from, result)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  it('is strictly monotonic in n and monotonic in d', () => {
    fc.assert(
      fc.property(anyDate, anyCount, anyCount, (from, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        if (lo < hi) expect(shipped.addWorkingDays(from, lo) < shipped.addWorkingDays(from, hi)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(anyDate, anyDate, anyCount, (x, y, n) => {
        const [early, late] = x <= y ? [x, y] : [y, x];
        expect(shipped.addWorkingDays(early, n) <= shipped.addWorkingDays(late, n)).toBe(true);
      }),
    );
  });

  it('composes: addWorkingDays(d, a + b) = addWorkingDays(addWorkingDays(d, a), b)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), (from, a, b) => {
        expect(shipped.addWorkingDays(from, a + b)).toBe(
          shipped.addWorkingDays(shipped.addWorkingDays(from, a), b),
        );
      }),
    );
  });

  it('workingDaysBetween inverts addWorkingDays and is antisymmetric', () => {
    fc.assert(
      fc.property(anyDate, anyCount, (from, n) => {
        expect(shipped.workingDaysBetween(from, shipped.addWorkingDays(from, n))).toBe(n);
      }),
    );
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 150 }), (a, gap) => {
        const b = addDays(a, gap);
        const k = shipped.workingDaysBetween(a, b);
        expect(shipped.workingDaysBetween(b, a)).toBe(0 - k);
        expect(k).toBe(countWorking(shipped, a, b));
        // k working days fit by b, the (k+1)-th does not: "done by b" ⇔ b ≥ deadline.
        if (k >= 1) expect(shipped.addWorkingDays(a, k) <= b).toBe(true);
        expect(shipped.addWorkingDays(a, k + 1) > b).toBe(true);
      }),
    );
  });

  it('nextWorkingDay is addWorkingDays(d, 1)', () => {
    fc.assert(
      fc.property(anyDate, (x) => {
        expect(shipped.nextWorkingDay(x)).toBe(shipped.addWorkingDays(x, 1));
      }),
    );
  });
});

describe('property: an entered year is the weekday rule except its listed days', () => {
  const DAYS_2030 = 365;
  const jan1 = d('2030-01-01');
  const entered = fc
    .record({
      off: fc.uniqueArray(fc.integer({ min: 0, max: DAYS_2030 - 1 }), { minLength: 1, maxLength: 20 }),
      on: fc.uniqueArray(fc.integer({ min: 0, max: DAYS_2030 - 1 }), { maxLength: 10 }),
    })
    .map(({ off, on }) => {
      const offDates = off.map((k) => addDays(jan1, k));
      const onDates = on.map((k) => addDays(jan1, k)).filter((x) => isWeekend(x) && !offDates.includes(x));
      return { offDates, onDates };
    });

  it('holds for random valid years', () => {
    fc.assert(
      fc.property(entered, fc.integer({ min: 0, max: DAYS_2030 - 1 }), ({ offDates, onDates }, probe) => {
        const data = year({
          ...example2027,
          year: 2030,
          holidays: offDates.map((x, i) => ({ name: `节日${i + 1}`, from: x, to: x })),
          makeupWorkdays: onDates.map((x) => ({ date: x })),
        });
        const cal = createWorkingCalendar([data], { includeShipped: false });
        for (const x of [...offDates, ...onDates, addDays(jan1, probe)]) {
          const expected = offDates.includes(x) ? false : onDates.includes(x) ? true : !isWeekend(x);
          expect(cal.isWorkingDay(x)).toBe(expected);
          expect(cal.describeDay(x).working).toBe(expected);
        }
      }),
      { numRuns: 200 },
    );
  });
});
