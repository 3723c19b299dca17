/**
 * Search over the `documents` table (incoming and outgoing alike).
 *
 * The token index: Chinese words of the title and text by `Intl.Segmenter('zh', { granularity: 'word' })`,
 * whole reference numbers, and `@<id>` for every unit or person a row names (so a pinyin-initials query resolves
 * names in the small registry tables, then hits this index). Computed by a table hook installed in db.ts, so
 * every writer — incoming, outgoing, imports — keeps the same multiEntry index `*searchTokens`.
 */

import type { HuiwenDb } from './db';

/** Fields whose text is searched as words. `body`/`text` may be structured (outgoing drafts): strings inside count. */
const TEXT_FIELDS = ['title', 'text', 'summary', 'body', 'subject'] as const;
/** Reference numbers (来文字号, 收文编号, 文号): indexed whole and as words. */
const NUMBER_FIELDS = ['number', 'receiptNumber', 'senderNumber', 'documentNumber'] as const;
/** Keeps a huge pasted text from making one row's index unbounded. */
const MAX_TEXT = 20_000;
const MAX_DEPTH = 5;

export const ID_TOKEN_PREFIX = '@';
/** Marks a pair token so it never collides with a word of the same letters. */
export const PAIR_MARK = '~';

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
  const ws = words(searchableText(row));
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] as string;
    tokens.add(w);
    // Adjacent pairs ("安全"+"生产"): a phrase query is answered by the index alone, without reading rows.
    const next = ws[i + 1];
    if (next !== undefined) tokens.add(`${PAIR_MARK}${w}${next}`);
  }
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

// ---------------------------------------------------------------------------------------------------------
// Querying. A query is whitespace-separated terms; a row matches when every term matches it:
//  - its text: a one-word term begins one of the row's words; a term of several words (segmented the same way)
//    has each adjacent pair of its words adjacent in the text too (so "更新项目" does not match "项目…更新");
//  - or a unit or person the row names: by a part of the name (“财政”) or of its pinyin initials (“czj”).
// The indexed search and the plain scan implement exactly this, so the benchmark compares like with like.

export interface SearchHit {
  readonly id: string;
  readonly direction: 'incoming' | 'outgoing';
  readonly title: string;
  readonly number?: string;
  readonly kind?: string;
  readonly registeredOn?: string;
  readonly unitId?: string;
  readonly state?: string;
}

export interface SearchResult {
  /** Newest first, at most `limit`. */
  readonly hits: readonly SearchHit[];
  /** All matching rows. */
  readonly total: number;
}

export interface SearchOptions {
  readonly limit?: number;
  readonly direction?: 'incoming' | 'outgoing';
}

export interface NameRow {
  readonly id: string;
  readonly name: string;
  readonly pinyinInitials: string;
}

/** The bits of the store search reads; HuiwenDb fits (kept structural so the bench can pass its own db). */
export interface SearchableDb {
  readonly documents: HuiwenDb['documents'];
  readonly units: HuiwenDb['units'];
  readonly people: HuiwenDb['people'];
}

interface Term {
  readonly raw: string;
  readonly words: readonly string[];
  readonly latin: boolean;
}

export function parseQuery(query: string): Term[] {
  return query
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t !== '')
    .map((raw) => ({ raw, words: words(raw), latin: /^[a-z]+$/.test(raw) }));
}

function nameMatches(term: Term, n: NameRow): boolean {
  return n.name.toLowerCase().includes(term.raw) || (term.latin && n.pinyinInitials.includes(term.raw));
}

async function loadNames(db: SearchableDb): Promise<NameRow[]> {
  const [units, people] = await Promise.all([db.units.toArray(), db.people.toArray()]);
  return [...units, ...people].map((r) => ({ id: r.id, name: r.name, pinyinInitials: r.pinyinInitials ?? '' }));
}

/** The index lookups a term's text needs: one word → words starting with it; a phrase → its exact pairs. */
function pairsOf(term: Term): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < term.words.length; i++) out.push(`${PAIR_MARK}${term.words[i] ?? ''}${term.words[i + 1] ?? ''}`);
  return out;
}

function textMatches(term: Term, tokens: readonly string[]): boolean {
  const [only, ...more] = term.words;
  if (only === undefined) return false;
  if (more.length === 0) return tokens.some((t) => t.startsWith(only) && !t.startsWith(PAIR_MARK) && !t.startsWith(ID_TOKEN_PREFIX));
  const set = new Set(tokens);
  return pairsOf(term).every((p) => set.has(p));
}

function toHit(row: Readonly<Record<string, unknown>>): SearchHit {
  const s = (k: string) => (typeof row[k] === 'string' ? (row[k] as string) : undefined);
  const number = s('number') ?? s('documentNumber') ?? s('receiptNumber');
  const kind = s('kind');
  const registeredOn = s('registeredOn');
  const unitId = s('unitId');
  const state = s('state');
  return {
    id: String(row['id']),
    direction: row['direction'] === 'outgoing' ? 'outgoing' : 'incoming',
    title: s('title') ?? '',
    ...(number === undefined ? {} : { number }),
    ...(kind === undefined ? {} : { kind }),
    ...(registeredOn === undefined ? {} : { registeredOn }),
    ...(unitId === undefined ? {} : { unitId }),
    ...(state === undefined ? {} : { state }),
  };
}

const newestFirst = (a: SearchHit, b: SearchHit) =>
  (b.registeredOn ?? '').localeCompare(a.registeredOn ?? '') || b.id.localeCompare(a.id);

// One screen of results; every hit costs a whole-row read (titles sit inside rows with their text), so a
// smaller first page is what keeps broad searches fast. The page says how many matched in all.
const DEFAULT_LIMIT = 50;

/** The baseline: every row read and tested (what search costs without the token index). */
export async function scanSearch(db: SearchableDb, query: string, options: SearchOptions = {}): Promise<SearchResult> {
  const terms = parseQuery(query);
  if (terms.length === 0) return { hits: [], total: 0 };
  const names = await loadNames(db);
  const nameIdsPerTerm = terms.map((t) => new Set(names.filter((n) => nameMatches(t, n)).map((n) => `${ID_TOKEN_PREFIX}${n.id}`)));
  const rows = await db.documents.toArray();
  const hits: SearchHit[] = [];
  for (const row of rows) {
    if (options.direction !== undefined && row['direction'] !== options.direction) continue;
    // The stored tokens, as the index holds them (recomputed only for a row written before the hook).
    const stored = row['searchTokens'];
    const tokens = Array.isArray(stored) ? (stored as string[]) : documentSearchTokens(row);
    const ok = terms.every(
      (t, i) => textMatches(t, tokens) || tokens.some((tok) => nameIdsPerTerm[i]?.has(tok) === true),
    );
    if (ok) hits.push(toHit(row));
  }
  hits.sort(newestFirst);
  return { hits: hits.slice(0, options.limit ?? DEFAULT_LIMIT), total: hits.length };
}

/** Up to this many matches are read and sorted; beyond, the newest are found by walking the date index. */
const SORT_IN_MEMORY_MAX = 300;
const WALK_CHUNK = 4_000;

/** Keys of rows whose text matches a term, from the index alone. */
async function textKeys(db: SearchableDb, term: Term): Promise<string[]> {
  const [only, ...more] = term.words;
  if (only === undefined) return [];
  if (more.length === 0) {
    // Words only (pairs and ids carry a mark, so a plain prefix never reaches them unless it is the mark).
    if (only.startsWith(PAIR_MARK) || only.startsWith(ID_TOKEN_PREFIX)) return [];
    return uniq((await db.documents.where('searchTokens').startsWith(only).primaryKeys()) as string[]);
  }
  // Rarest pair first (IndexedDB counts an index range natively); few candidates are checked on their rows
  // instead of fetching the long key lists of common pairs such as "的通知".
  const pairs = pairsOf(term);
  const counts = await Promise.all(pairs.map((p) => db.documents.where('searchTokens').equals(p).count()));
  const order = pairs.map((p, i) => ({ p, n: counts[i] ?? 0 })).sort((a, b) => a.n - b.n);
  let keys: Set<string> | undefined;
  for (const [i, { p }] of order.entries()) {
    if (keys !== undefined && keys.size <= VERIFY_ON_ROWS_MAX) {
      const rest = new Set(order.slice(i).map((x) => x.p));
      const rows = await db.documents.bulkGet([...keys]);
      return rows
        .filter((r): r is NonNullable<typeof r> => r !== undefined)
        .filter((r) => {
          const own = new Set(Array.isArray(r['searchTokens']) ? (r['searchTokens'] as string[]) : documentSearchTokens(r));
          return [...rest].every((x) => own.has(x));
        })
        .map((r) => r.id);
    }
    const found = (await db.documents.where('searchTokens').equals(p).primaryKeys()) as string[];
    keys = keys === undefined ? new Set(found) : new Set(found.filter((k) => keys?.has(k) === true));
    if (keys.size === 0) break;
  }
  return [...(keys ?? [])];
}

/** Below this many candidates, the remaining pairs of a phrase are checked on the rows themselves. */
const VERIFY_ON_ROWS_MAX = 500;

const uniq = (xs: readonly string[]): string[] => [...new Set(xs)];

/** Search through the `*searchTokens` index: candidate keys per term from the index, intersected. */
export async function searchDocuments(db: SearchableDb, query: string, options: SearchOptions = {}): Promise<SearchResult> {
  const terms = parseQuery(query);
  if (terms.length === 0) return { hits: [], total: 0 };
  const limit = options.limit ?? DEFAULT_LIMIT;
  const names = await loadNames(db);
  let keys: Set<string> | undefined;
  for (const term of terms) {
    const nameTokens = names.filter((n) => nameMatches(term, n)).map((n) => `${ID_TOKEN_PREFIX}${n.id}`);
    const byName =
      nameTokens.length === 0 ? [] : ((await db.documents.where('searchTokens').anyOf(nameTokens).primaryKeys()) as string[]);
    const termKeys = new Set([...byName, ...(await textKeys(db, term))]);
    keys = keys === undefined ? termKeys : new Set([...termKeys].filter((k) => keys?.has(k) === true));
    if (keys.size === 0) return { hits: [], total: 0 };
  }
  const matched = keys ?? new Set<string>();
  if (options.direction === undefined && matched.size > SORT_IN_MEMORY_MAX) {
    // Many matches: walk the date index newest first, keys only, a chunk at a time, until a page is found.
    const page: string[] = [];
    for (let offset = 0; page.length < limit; offset += WALK_CHUNK) {
      const chunk = (await db.documents.orderBy('registeredOn').reverse().offset(offset).limit(WALK_CHUNK).primaryKeys()) as string[];
      for (const k of chunk) if (matched.has(k) && page.length < limit) page.push(k);
      if (chunk.length < WALK_CHUNK) break;
    }
    const hits = (await db.documents.bulkGet(page)).filter((r) => r !== undefined).map(toHit);
    return { hits, total: matched.size };
  }
  const rows = (await db.documents.bulkGet([...matched])).filter((r) => r !== undefined);
  const all = rows.filter((r) => options.direction === undefined || r['direction'] === options.direction).map(toHit);
  all.sort(newestFirst);
  return { hits: all.slice(0, limit), total: all.length };
}
