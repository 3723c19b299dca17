import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLOSING, OPENING, isHalfWidth } from './chars';
import { breakLines, breakTitle, canBreakBetween, lineText, placeLine } from './linebreak';

const CELL = 156 / 28;
const item = (ch: string) => ({ ch, width: isHalfWidth(ch) ? CELL / 2 : CELL });
const items = (s: string) => Array.from(s).map(item);

// Realistic text: CJK, digits, Latin and punctuation, with punctuation runs no longer than three marks.
const cjk = fc.constantFrom(
  ...Array.from('会议研究决定关于做好工作通知区政府办公室示例春季森林防火要求各部门'),
);
const punct = fc.constantFrom(...Array.from('。，、；：？！）》」』】〕”’（《「『【〔“‘'));
const latin = fc.constantFrom(...Array.from('0123456789ABCxyz.%'));
const token = fc.oneof(
  { arbitrary: cjk, weight: 10 },
  { arbitrary: latin, weight: 3 },
  { arbitrary: fc.array(punct, { minLength: 1, maxLength: 3 }).map((a) => a.join('')), weight: 3 },
);
const paragraph = fc
  .array(token, { minLength: 1, maxLength: 400 })
  .map((ts) => ts.join(''))
  // Keep each unbreakable punctuation cluster short, as in real text.
  .filter((s) => !/[^\p{Script=Han}A-Za-z0-9.%]{4,}/u.test(s) && !/[A-Za-z0-9.%]{40,}/.test(s));

describe('breakLines (禁则)', () => {
  it('never starts a line with a closing mark nor ends one with an opening mark, and loses no text', () => {
    fc.assert(
      fc.property(paragraph, fc.integer({ min: 0, max: 4 }), (text, indent) => {
        const lines = breakLines(items(text), 156 - indent * CELL, 156);
        expect(lines.map(lineText).join('')).toBe(text);
        lines.forEach((line, i) => {
          const t = lineText(line);
          if (i > 0) expect(CLOSING.has(t[0] ?? '')).toBe(false);
          if (i < lines.length - 1) expect(OPENING.has(t[t.length - 1] ?? '')).toBe(false);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('keeps every line within the measure once its punctuation is squeezed', () => {
    fc.assert(
      fc.property(paragraph, (text) => {
        const lines = breakLines(items(text), 156, 156);
        lines.forEach((line, i) => {
          const placed = placeLine(line, 156, i < lines.length - 1);
          const last = placed[placed.length - 1];
          if (last)
            expect(
              last.x + last.item.width - (CLOSING.has(last.item.ch) ? last.item.width / 2 : 0),
            ).toBeLessThanOrEqual(156 + 1e-6);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('fills a plain line with exactly 28 characters', () => {
    const lines = breakLines(items('字'.repeat(60)), 156, 156);
    expect(lines.map((l) => l.items.length)).toEqual([28, 28, 4]);
  });

  it('squeezes a closing mark into a full line instead of starting the next line with it', () => {
    // 26 + ，+ 字 + 。 is 29 cells: the two marks give up half a cell each.
    const text = `${'字'.repeat(26)}，字。${'字'.repeat(5)}`;
    const lines = breakLines(items(text), 156, 156);
    expect(lineText(lines[0] ?? { items: [], width: 0 })).toBe(`${'字'.repeat(26)}，字。`);
  });

  it('pushes a character down when squeezing cannot make room', () => {
    const text = `${'字'.repeat(28)}。${'字'.repeat(3)}`;
    const lines = breakLines(items(text), 156, 156).map(lineText);
    expect(lines[1]?.startsWith('字。')).toBe(true);
    expect(lines[0]).toHaveLength(27);
  });

  it('justifies a pushed line to the full measure', () => {
    const lines = breakLines(items(`${'字'.repeat(28)}。`), 156, 156);
    const first = placeLine(lines[0] ?? { items: [], width: 0 }, 156, true);
    const last = first[first.length - 1];
    expect((last?.x ?? 0) + CELL).toBeCloseTo(156, 6);
  });

  it('keeps numbers, Latin words and paired dashes whole', () => {
    expect(canBreakBetween('2', '0')).toBe(false);
    expect(canBreakBetween('—', '—')).toBe(false);
    expect(canBreakBetween('字', '（')).toBe(true);
    expect(canBreakBetween('（', '字')).toBe(false);
    const lines = breakLines(items(`${'字'.repeat(27)}2026年`), 156, 156).map(lineText);
    expect(lines[1]).toBe('2026年');
  });
});

describe('breakTitle', () => {
  it('leaves a short title on one line', () => {
    expect(breakTitle('关于召开常务会议的通知', 20)).toEqual(['关于召开常务会议的通知']);
  });

  it('breaks a long title into a trapezoid between words, never splitting a number', () => {
    const lines = breakTitle('示例区人民政府办公室关于做好2026年春季森林防火工作的通知', 20);
    expect(lines.join('')).toBe('示例区人民政府办公室关于做好2026年春季森林防火工作的通知');
    expect(lines).toHaveLength(2);
    const [a = '', b = ''] = lines;
    expect(Array.from(a).length).toBeLessThanOrEqual(Array.from(b).length);
    expect(a.endsWith('202') || b.startsWith('026')).toBe(false);
  });

  it('shapes three lines as a diamond and respects the line limit', () => {
    const title =
      '示例区人民政府关于进一步加强和改进新时代基层政务公开标准化规范化建设工作推动政务服务提质增效的实施意见';
    const lines = breakTitle(title, 20);
    expect(lines.join('')).toBe(title);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const lens = lines.map((l) => Array.from(l).length);
    lens.forEach((n) => expect(n).toBeLessThanOrEqual(20));
    const peak = Math.max(...lens);
    expect(lens[0]).toBeLessThanOrEqual(peak);
    expect(lens[lens.length - 1]).toBeLessThanOrEqual(peak);
  });

  it('obeys 禁则 in titles', () => {
    fc.assert(
      fc.property(
        fc.array(token, { minLength: 22, maxLength: 50 }).map((ts) => ts.join('')),
        (title) => {
          const lines = breakTitle(title, 20);
          expect(lines.join('')).toBe(title);
          lines.slice(1).forEach((l) => expect(CLOSING.has(l[0] ?? '')).toBe(false));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('glyphsOf', () => {
  it('drops control characters pasted with the text', async () => {
    const { glyphsOf, roughMeasure, style } = await import('./text');
    expect(
      glyphsOf([{ text: '会议\r\n纪要\t', style: style('fangsong') }], roughMeasure)
        .map((g) => g.ch)
        .join(''),
    ).toBe('会议纪要');
  });
});
