import { describe, expect, it } from 'vitest';
import { matchesNameQuery, pinyinInitials } from './pinyin';

describe('pinyin search', () => {
  it('derives initials, reading the first character of a person as a surname', () => {
    expect(pinyinInitials('王明', 'person')).toBe('wm');
    expect(pinyinInitials('单雪', 'person')).toBe('sx');
    expect(pinyinInitials('区教育局')).toBe('qjyj');
  });

  it('matches names by substring or by initials, ignoring case and spaces', () => {
    expect(matchesNameQuery('王明', 'WM ')).toBe(true);
    expect(matchesNameQuery('王明', '明')).toBe(true);
    expect(matchesNameQuery('王明', 'wx')).toBe(false);
    expect(matchesNameQuery('王明', '')).toBe(true);
    expect(matchesNameQuery('王明', 'm', 'wm')).toBe(true);
    expect(matchesNameQuery('王明', 'w1')).toBe(false);
  });
});
