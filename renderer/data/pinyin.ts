/**
 * Pinyin initials for search ("wm" finds 王明). Surname mode reads the first character of a person's name as a
 * surname (曾 = zeng, 单 = shan); unit names are read as ordinary words.
 */
import { pinyin } from 'pinyin-pro';

export function pinyinInitials(text: string, kind: 'person' | 'other' = 'other'): string {
  const parts = pinyin(text, {
    pattern: 'first',
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    ...(kind === 'person' ? { surname: 'head' as const } : {}),
  });
  return parts.join('').replace(/\s+/g, '').toLowerCase();
}

/**
 * Does `name` match the user's query? Plain substring on the name, or a substring of the pinyin initials when
 * the query is Latin letters. `initials` may be passed precomputed (lists compute it once per row).
 */
export function matchesNameQuery(name: string, query: string, initials?: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  if (name.toLowerCase().includes(q)) return true;
  if (!/^[a-z]+$/.test(q)) return false;
  return (initials ?? pinyinInitials(name)).includes(q);
}
