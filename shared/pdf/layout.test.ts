import { describe, expect, it } from 'vitest';
import { paginate, type Band } from './layout';
import type { TextOp } from './ops';

const P = 225 / 22;
const S = 16 * (25.4 / 72);

/** A one-line band whose single op carries its index, so pages can be read back. */
const line = (i: number, keepWithNext = false): Band => ({
  height: P,
  need: S,
  ops: [{ kind: 'text', role: 'fangsong', size: 16, color: [0, 0, 0], x: 28, top: 0, text: String(i) }],
  keepWithNext,
  space: false,
  breakBefore: false,
});
const space = (keepWithNext = false): Band => ({
  height: P,
  need: 0,
  ops: [],
  keepWithNext,
  space: true,
  breakBefore: false,
});
const indices = (page: readonly unknown[]): number[] => page.map((op) => Number((op as TextOp).text));

describe('paginate', () => {
  it('puts 22 lines on a page from the 37 mm type-area top', () => {
    const flow = paginate(
      Array.from({ length: 30 }, (_, i) => line(i)),
      37,
    );
    expect(flow.pages.map((p) => p.length)).toEqual([22, 8]);
    const first = flow.pages[1]?.[0] as TextOp;
    expect(first.top).toBeCloseTo(37, 6);
  });

  it('moves a kept chain to the next page rather than splitting it', () => {
    const bands = Array.from({ length: 25 }, (_, i) => line(i, i >= 19 && i < 23));
    const flow = paginate(bands, 37);
    // 19..23 must stay together: 19 cannot stay on page 1 when 22 does not fit.
    expect(indices(flow.pages[0] ?? [])).toEqual(Array.from({ length: 19 }, (_, i) => i));
    expect(indices(flow.pages[1] ?? [])[0]).toBe(19);
  });

  it('breaks a chain longer than a page instead of looping', () => {
    const bands = Array.from({ length: 50 }, (_, i) => line(i, true));
    const flow = paginate(bands, 37);
    expect(flow.pages.flatMap(indices)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('drops blank lines at the top of a page and honours page breaks', () => {
    const bands = [
      ...Array.from({ length: 22 }, (_, i) => line(i)),
      space(),
      line(22),
      { ...line(23), breakBefore: true },
    ];
    const flow = paginate(bands, 37);
    expect(flow.pages.map(indices)).toEqual([Array.from({ length: 22 }, (_, i) => i), [22], [23]]);
    expect((flow.pages[1]?.[0] as TextOp).top).toBeCloseTo(37, 6);
  });

  it('reports how low the last page is used, seals included', () => {
    const tall: Band = { ...line(1), need: 40 };
    const flow = paginate([line(0), tall], 37);
    expect(flow.bottom).toBeCloseTo(37 + P + 40, 6);
  });
});
