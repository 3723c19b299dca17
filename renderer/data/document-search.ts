/**
 * Search over the `documents` table (incoming and outgoing alike).
 *
 * The token index: Chinese words of the title and text by `Intl.Segmenter('zh', { granularity: 'word' })`,
 * whole reference numbers, and `@<id>` for every unit or person a row names (so a pinyin-initials query resolves
 * names in the small registry tables, then hits this index). Computed by a table hook installed in db.ts, so
 * every writer — incoming, outgoing, imports — keeps the same multiEntry index `*searchTokens`.
 */

/** Fields whose text is searched as words. `body`/`text` may be structured (outgoing drafts): strings inside count. */
const TEXT_FIELDS = ['title', 'text', 'summary', 'body', 'subject'] as const;
/** Reference numbers (来文字号, 收文编号, 文号): indexed whole and as words. */
const NUMBER_FIELDS = ['number', 'receiptNumber', 'senderNumber', 'documentNumber'] as const;
/** Keeps a huge pasted text from making one row's index unbounded. */
const MAX_TEXT = 20_000;
const MAX_DEPTH = 5;

export const ID_TOKEN_PREFIX = '@';

let segmenter: Intl.Segmenter | undefined;
function words(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike === true) out.push(s.segment.toLowerCase());
  return out;
}

/** The words of a query or a text, lower-cased, in order (duplicates kept). */
export function segmentWords(text: string): string[] {
  return words(text);
}

function collectStrings(value: unknown, out: string[], depth: number, budget: { left: number }): void {
  if (budget.left <= 0 || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    const s = value.slice(0, budget.left);
    budget.left -= s.length;
    out.push(s);
  } else if (Array.isArray(value)) {
    for (const v of value) collectStrings(v, out, depth + 1, budget);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value as Record<string, unknown>)) collectStrings(v, out, depth + 1, budget);
  }
}

/** The searchable text of a row: title, text, body (also structured) and reference numbers. */
export function searchableText(row: Readonly<Record<string, unknown>>): string {
  const parts: string[] = [];
  const budget = { left: MAX_TEXT };
  for (const f of TEXT_FIELDS) collectStrings(row[f], parts, 0, budget);
  for (const f of NUMBER_FIELDS) if (typeof row[f] === 'string') parts.push(row[f]);
  return parts.join('\n');
}

function collectIds(value: unknown, key: string, out: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    if (/[a-z]Ids?$/.test(key) && value !== '') out.add(`${ID_TOKEN_PREFIX}${value}`);
  } else if (Array.isArray(value)) {
    for (const v of value) collectIds(v, key, out, depth + 1);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) collectIds(v, k, out, depth + 1);
  }
}

/** The distinct index tokens of a documents row. */
export function documentSearchTokens(row: Readonly<Record<string, unknown>>): string[] {
  const tokens = new Set<string>();
  for (const w of words(searchableText(row))) tokens.add(w);
  for (const f of NUMBER_FIELDS) {
    const v = row[f];
    if (typeof v === 'string' && v.trim() !== '') tokens.add(v.trim().toLowerCase());
  }
  for (const [k, v] of Object.entries(row)) {
    if (k === 'searchTokens' || k === 'id') continue;
    collectIds(v, k, tokens, 0);
  }
  return [...tokens];
}

/** Applies Dexie "updating" modifications (key paths like "a.b") to a copy of `obj`. */
export function applyModifications(
  obj: Readonly<Record<string, unknown>>,
  mods: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const next: Record<string, unknown> = { ...obj };
  for (const [path, value] of Object.entries(mods)) {
    const keys = path.split('.');
    let target: Record<string, unknown> = next;
    for (let i = 0; i < keys.length - 1; i++) {
      const k = keys[i] as string;
      const child = target[k];
      const copy: Record<string, unknown> =
        child !== null && typeof child === 'object' ? { ...(child as Record<string, unknown>) } : {};
      target[k] = copy;
      target = copy;
    }
    const last = keys[keys.length - 1] as string;
    if (value === undefined) delete target[last];
    else target[last] = value;
  }
  return next;
}

/** Minimal shape of a Dexie table's hook API, so this file needs no runtime dexie import (db.ts calls it). */
interface HookableTable {
  hook(event: 'creating', fn: (key: unknown, obj: Record<string, unknown>) => void): unknown;
  hook(
    event: 'updating',
    fn: (mods: Record<string, unknown>, key: unknown, obj: Record<string, unknown>) => Record<string, unknown> | void,
  ): unknown;
}

/** Keeps `searchTokens` of every documents row in step with its content, whoever writes it. */
export function installSearchTokenHooks(table: HookableTable): void {
  table.hook('creating', (_key, obj) => {
    obj['searchTokens'] = documentSearchTokens(obj);
  });
  table.hook('updating', (mods, _key, obj) => {
    const changed = Object.keys(mods).filter((k) => k !== 'searchTokens');
    if (changed.length === 0) return undefined;
    return { searchTokens: documentSearchTokens(applyModifications(obj, mods)) };
  });
}
