import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NUMBER_PATTERNS, formatDocumentNumber, nextDocumentNumber, parseDocumentNumber } from './numbering';

const P = DEFAULT_NUMBER_PATTERNS.government;

describe('document numbers', () => {
  it('formats and parses 崆政发〔2026〕12号', () => {
    expect(formatDocumentNumber(P, 2026, 12)).toBe('崆政发〔2026〕12号');
    expect(parseDocumentNumber(P, '崆政发〔2026〕12号')).toEqual({ year: 2026, serial: 12 });
    expect(parseDocumentNumber(P, '崆政办发〔2026〕12号')).toBeUndefined();
    expect(parseDocumentNumber(P, '崆政发〔2026〕012号')).toBeUndefined();
  });

  it('starts a year at 1 and ignores other years and other patterns', () => {
    expect(nextDocumentNumber(P, 2026, ['崆政发〔2025〕40号', '崆政办发〔2026〕3号'])).toEqual({
      next: '崆政发〔2026〕1号',
      serial: 1,
      gaps: [],
      duplicates: [],
    });
  });

  it('reports gaps and duplicates', () => {
    const used = ['崆政发〔2026〕1号', '崆政发〔2026〕3号', '崆政发〔2026〕3号', '崆政发〔2026〕6号'];
    expect(nextDocumentNumber(P, 2026, used)).toEqual({
      next: '崆政发〔2026〕7号',
      serial: 7,
      gaps: [2, 4, 5],
      duplicates: ['崆政发〔2026〕3号'],
    });
  });

  it('never proposes a used number, and a gap-free sequence stays gap-free (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { maxLength: 50 }), (serials) => {
        const used = serials.map((s) => formatDocumentNumber(P, 2026, s));
        const state = nextDocumentNumber(P, 2026, used);
        expect(used).not.toContain(state.next);
        expect(state.duplicates).toEqual([]);
        const all = [...serials, state.serial];
        const max = Math.max(...all);
        expect(state.serial).toBe(max);
        expect(new Set([...all, ...state.gaps]).size).toBe(max);
      }),
    );
  });
});
