import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ARTICLE_COUNT, ARTICLES, articleText } from './articles';
import { parseChineseNumber, parseRulebook } from '../../scripts/gen-articles';

describe('ARTICLES (generated from resources/rulebook/工作规则.txt)', () => {
  it('holds all 75 articles, numbered 1–75', () => {
    expect(ARTICLE_COUNT).toBe(75);
    expect(Object.keys(ARTICLES).map(Number)).toEqual(Array.from({ length: 75 }, (_, i) => i + 1));
  });

  it('keeps the article texts the rules cite', () => {
    expect(ARTICLES[47]?.text).toContain('2个工作日内');
    expect(ARTICLES[47]?.chapter).toBe('第八章 严格会议制度');
    expect(ARTICLES[9]?.text).toContain('负责常务工作的副区长主持区政府工作');
    expect(ARTICLES[53]?.text).toContain('5个工作日内印发');
    expect(ARTICLES[75]?.chapter).toBe('第十二章 改进工作作风');
  });

  it('keeps multi-paragraph articles together, enumerations included', () => {
    const a40 = ARTICLES[40]?.text ?? '';
    expect(a40.split('\n')).toHaveLength(6);
    expect(a40).toContain('(四)讨论其他需要全体会议讨论的重大事项');
  });

  it('articleText answers undefined outside 1–75', () => {
    expect(articleText(0)).toBeUndefined();
    expect(articleText(76)).toBeUndefined();
    expect(articleText(1)?.chapter).toBe('第一章 总则');
  });

  it('is in sync with the resource text (regenerate with scripts/gen-articles.ts)', () => {
    const raw = readFileSync(new URL('../../resources/rulebook/工作规则.txt', import.meta.url), 'utf8');
    const parsed = parseRulebook(raw);
    expect(parsed).toHaveLength(75);
    for (const a of parsed) expect(ARTICLES[a.number]).toEqual({ chapter: a.chapter, text: a.text });
  });

  it('reads Chinese article numbers', () => {
    expect([parseChineseNumber('九'), parseChineseNumber('十'), parseChineseNumber('十一')]).toEqual([9, 10, 11]);
    expect([parseChineseNumber('四十七'), parseChineseNumber('七十五'), parseChineseNumber('二十')]).toEqual([47, 75, 20]);
  });
});
