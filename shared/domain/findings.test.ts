import { describe, expect, it } from 'vitest';
import { articleLabel, blocks, chineseNumber, citeArticles, finding } from './findings';

describe('findings', () => {
  it('finding() keeps every field as given', () => {
    const f = finding(
      'meeting.minutes.signer',
      [47],
      'block',
      { kind: 'meeting', id: 'm-1' },
      '应由区长签发',
    );
    expect(f).toEqual({
      ruleId: 'meeting.minutes.signer',
      articles: [47],
      severity: 'block',
      subject: { kind: 'meeting', id: 'm-1' },
      message: '应由区长签发',
    });
  });

  it('blocks() is true only when some finding blocks', () => {
    const ref = { kind: 'meeting' as const, id: 'm' };
    expect(blocks([])).toBe(false);
    expect(blocks([finding('a', [1], 'warn', ref, 'x'), finding('b', [1], 'info', ref, 'y')])).toBe(false);
    expect(blocks([finding('a', [1], 'warn', ref, 'x'), finding('b', [1], 'block', ref, 'y')])).toBe(true);
  });

  it('numbers articles the way the rulebook does', () => {
    expect([1, 9, 10, 11, 20, 47, 75, 99].map(chineseNumber)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '二十',
      '四十七',
      '七十五',
      '九十九',
    ]);
    expect(articleLabel(47)).toBe('第四十七条');
    expect(citeArticles([9, 47])).toBe('第九条、第四十七条');
    expect(citeArticles([])).toBe('');
  });

  it('refuses numbers outside 1–99 with a Chinese message', () => {
    expect(() => chineseNumber(0)).toThrow(/条款编号超出范围/);
    expect(() => chineseNumber(100)).toThrow(RangeError);
    expect(() => chineseNumber(4.5)).toThrow(RangeError);
  });
});
