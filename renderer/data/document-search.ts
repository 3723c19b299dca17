/**
 * Search over the `documents` table (incoming and outgoing alike).
 *
 * Two derived fields per row, computed by table hooks installed in db.ts, so every writer — incoming, outgoing,
 * imports — keeps them in step:
 *  - `searchTokens` (v3, multiEntry): Chinese words of the title and text by `Intl.Segmenter('zh', { granularity:
 *    'word' })`, whole reference numbers, `~` pairs of adjacent words and `@<id>` for every unit or person a row
 *    names. The plain token set; the scan baseline and older readers use it.
 *  - `searchKeys` (v5, multiEntry): what the query engine reads. Every match token (word prefixes, whole numbers,
 *    pairs, ids: see `matchTokens`) suffixed with the row's `registeredOn`, so one token is one contiguous index
 *    range sorted oldest → newest: its size is a native `count()`, its newest page a bounded reverse read, and
 *    its keys come back in date order.
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
/** Between a match token and the date in a `searchKeys` entry; tokens never contain it (see `matchTokens`). */
export const KEY_SEP = '\u0001';
const KEY_SEP_NEXT = '\u0002';
/** Prefixes of a word are indexed up to this length (Chinese words are 1–4 characters; this covers numbers). */
export const PREFIX_MAX = 16;
/** Longer "words" (pasted codes, hashes) are not indexed at all: their prefixes would flood the index. */
export const WORD_MAX = 64;
/** The fields the hooks derive: never read as content. */
const DERIVED: ReadonlySet<string> = new Set(['searchTokens', 'searchKeys']);

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
    for (const v of Object.values(value as Record<string, unknown>))
      collectStrings(v, out, depth + 1, budget);
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

function rowIds(row: Readonly<Record<string, unknown>>, out: Set<string>): void {
  for (const [k, v] of Object.entries(row)) {
    if (DERIVED.has(k) || k === 'id') continue;
    collectIds(v, k, out, 0);
  }
}

function wholeNumbers(row: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = [];
  for (const f of NUMBER_FIELDS) {
    const v = row[f];
    if (typeof v === 'string' && v.trim() !== '') out.push(v.trim().toLowerCase());
  }
  return out;
}

/** The distinct plain tokens of a documents row (the v3 `searchTokens`). */
export function documentSearchTokens(row: Readonly<Record<string, unknown>>): string[] {
  return plainTokens(row, words(searchableText(row)));
}

function plainTokens(row: Readonly<Record<string, unknown>>, ws: readonly string[]): string[] {
  const tokens = new Set<string>();
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] as string;
    tokens.add(w);
    // Adjacent pairs ("安全"+"生产"): a phrase query is answered by the index alone, without reading rows.
    const next = ws[i + 1];
    if (next !== undefined) tokens.add(`${PAIR_MARK}${w}${next}`);
  }
  for (const n of wholeNumbers(row)) tokens.add(n);
  rowIds(row, tokens);
  return [...tokens];
}

const marked = (t: string) => t.startsWith(PAIR_MARK) || t.startsWith(ID_TOKEN_PREFIX);
/** A word the match tokens can hold: not mistaken for a pair or an id, no key separator, not a pasted blob. */
const indexableWord = (w: string) => w !== '' && w.length <= WORD_MAX && !marked(w) && !w.includes(KEY_SEP);

/**
 * The tokens a row matches, and so the meaning of a query (the index and the scan both test them):
 *  - every prefix (up to PREFIX_MAX characters) of every word, and the whole word: a one-word term matches a row
 *    when it begins one of the row's words (a term longer than PREFIX_MAX must equal the word);
 *  - every whole reference number (a one-word term equal to it matches);
 *  - `~` + each pair and `~~` + each run of three adjacent words: a phrase of two words matches when the pair
 *    is in the row, a longer one when each run of three of its words is (a run of three is far rarer than a
 *    pair with "的" in it, so a long phrase reads short key lists);
 *  - `@` + each unit or person id the row names.
 */
export function matchTokens(row: Readonly<Record<string, unknown>>): Set<string> {
  return rowMatchTokens(row, words(searchableText(row)));
}

function rowMatchTokens(row: Readonly<Record<string, unknown>>, ws: readonly string[]): Set<string> {
  const tokens = new Set<string>();
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] as string;
    if (!indexableWord(w)) continue;
    for (let n = 1; n <= Math.min(w.length, PREFIX_MAX); n++) tokens.add(w.slice(0, n));
    tokens.add(w);
    const next = ws[i + 1];
    if (next === undefined || !indexableWord(next)) continue;
    tokens.add(`${PAIR_MARK}${w}${next}`);
    const third = ws[i + 2];
    if (third !== undefined && indexableWord(third))
      tokens.add(`${PAIR_MARK}${PAIR_MARK}${w}${next}${third}`);
  }
  for (const n of wholeNumbers(row)) if (indexableWord(n)) tokens.add(n);
  const ids = new Set<string>();
  rowIds(row, ids);
  for (const id of ids) if (!id.includes(KEY_SEP)) tokens.add(id);
  return tokens;
}

/** `registeredOn` as the index orders it (missing sorts oldest, as in the scan). */
const dateOf = (row: Readonly<Record<string, unknown>>): string =>
  typeof row['registeredOn'] === 'string' ? row['registeredOn'] : '';

/** The v5 `searchKeys` of a row: each match token, then KEY_SEP, then the row's date. */
export function documentSearchKeys(row: Readonly<Record<string, unknown>>): string[] {
  return datedKeys(row, matchTokens(row));
}

function datedKeys(row: Readonly<Record<string, unknown>>, tokens: ReadonlySet<string>): string[] {
  const date = dateOf(row);
  return [...tokens].map((t) => `${t}${KEY_SEP}${date}`);
}

/** The match token of a `searchKeys` entry. */
export const tokenOfKey = (key: string): string => key.slice(0, key.indexOf(KEY_SEP));

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

/**
 * Both derived search fields of a row (what the hooks and the v5 upgrade write), from one segmentation of its
 * text: segmenting is most of the cost of every document write and of the upgrade.
 */
export function searchFields(row: Readonly<Record<string, unknown>>): {
  searchTokens: string[];
  searchKeys: string[];
} {
  const ws = words(searchableText(row));
  return { searchTokens: plainTokens(row, ws), searchKeys: datedKeys(row, rowMatchTokens(row, ws)) };
}

/** Minimal shape of a Dexie table's hook API, so this file needs no runtime dexie import (db.ts calls it). */
interface HookableTable {
  hook(event: 'creating', fn: (key: unknown, obj: Record<string, unknown>) => void): unknown;
  hook(
    event: 'updating',
    fn: (
      mods: Record<string, unknown>,
      key: unknown,
      obj: Record<string, unknown>,
    ) => Record<string, unknown> | void,
  ): unknown;
}

/** Keeps `searchTokens` and `searchKeys` of every documents row in step with its content, whoever writes it. */
export function installSearchTokenHooks(table: HookableTable): void {
  table.hook('creating', (_key, obj) => {
    Object.assign(obj, searchFields(obj));
  });
  table.hook('updating', (mods, _key, obj) => {
    const changed = Object.keys(mods).filter((k) => !DERIVED.has(k));
    if (changed.length === 0) return undefined;
    return searchFields(applyModifications(obj, mods));
  });
}

// ---------------------------------------------------------------------------------------------------------
// Querying. A query is whitespace-separated terms; a row matches when every term matches it:
//  - its text: a one-word term begins one of the row's words (or equals a whole reference number); a term of
//    two words (segmented the same way) has them adjacent in the text (so "更新项目" does not match
//    "项目…更新"), a longer term has each run of three of its words adjacent in the text;
//  - or a unit or person the row names: by a part of the name (“财政”) or of its pinyin initials (“czj”).
// Both are tests of `matchTokens`; the indexed search and the plain scan implement exactly this, so the
// benchmark compares like with like.

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
  /** Newest first (by `registeredOn`, then by id, both in code-unit order as IndexedDB sorts), at most `limit`. */
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
  return [...units, ...people].map((r) => ({
    id: r.id,
    name: r.name,
    pinyinInitials: r.pinyinInitials ?? '',
  }));
}

/** The match tokens a row needs for the text of a term (all of them), or undefined when no text can match. */
function textTokens(term: Term): string[] | undefined {
  const ws = term.words;
  if (ws.length === 0 || !ws.every(indexableWord)) return undefined;
  if (ws.length === 1) return [ws[0] as string];
  if (ws.length === 2) return [`${PAIR_MARK}${ws[0] ?? ''}${ws[1] ?? ''}`];
  const out: string[] = [];
  for (let i = 0; i + 2 < ws.length; i++)
    out.push(`${PAIR_MARK}${PAIR_MARK}${ws[i] ?? ''}${ws[i + 1] ?? ''}${ws[i + 2] ?? ''}`);
  return [...new Set(out)];
}

/** A term as a plan: any one of its alternatives, each a set of match tokens a row must all have. */
type Plan = readonly (readonly string[])[];

function termPlan(term: Term, names: readonly NameRow[]): Plan {
  const text = textTokens(term);
  const byName = names
    .filter((n) => nameMatches(term, n) && !n.id.includes(KEY_SEP))
    .map((n) => [`${ID_TOKEN_PREFIX}${n.id}`]);
  return text === undefined ? byName : [text, ...byName];
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

/** Code-unit order, as IndexedDB compares string keys (localeCompare would not agree with the index). */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const newestFirst = (a: SearchHit, b: SearchHit) =>
  cmp(b.registeredOn ?? '', a.registeredOn ?? '') || cmp(b.id, a.id);

// One screen of results; every hit costs a whole-row read (titles sit inside rows with their text), so a
// smaller first page is what keeps broad searches fast. The page says how many matched in all.
const DEFAULT_LIMIT = 50;

/** The baseline: every row read and tested (what search costs without the token index). */
export async function scanSearch(
  db: SearchableDb,
  query: string,
  options: SearchOptions = {},
): Promise<SearchResult> {
  const terms = parseQuery(query);
  if (terms.length === 0) return { hits: [], total: 0 };
  const names = await loadNames(db);
  const plans = terms.map((t) => termPlan(t, names));
  const rows = await db.documents.toArray();
  const hits: SearchHit[] = [];
  for (const row of rows) {
    if (options.direction !== undefined && row['direction'] !== options.direction) continue;
    // The stored keys, as the index holds them (recomputed only for a row written before the hook).
    const stored = row['searchKeys'];
    const tokens = Array.isArray(stored) ? new Set((stored as string[]).map(tokenOfKey)) : matchTokens(row);
    if (plans.every((plan) => plan.some((alt) => alt.every((t) => tokens.has(t))))) hits.push(toHit(row));
  }
  hits.sort(newestFirst);
  return { hits: hits.slice(0, options.limit ?? DEFAULT_LIMIT), total: hits.length };
}

// ---------------------------------------------------------------------------------------------------------
// The indexed search. Every token is one `searchKeys` range in date order; a direction filter is the
// `direction` index. In Chromium a count stays in the database process and is cheap (30k entries in a few ms
// on the bench), while every key brought into the page costs (a few thousand keys take tens of ms), so: every
// range is counted; a query of one token is its count and newest keys; otherwise key lists are fetched
// smallest first and intersected for the exact total (never rows, unless a handful of candidates are left to
// check against a long list), and the page is the newest matches of a date-ordered list already fetched.

/** What a row must have: a match token (a date-ordered range) or a direction (unordered). */
type Member = { readonly token: string } | { readonly direction: 'incoming' | 'outgoing' };
const memberKey = (m: Member) => ('token' in m ? `t${m.token}` : `d${m.direction}`);

/** Direction as a plan of its own, so it joins the intersection like a term. */
type MemberPlan = readonly (readonly Member[])[];

/** Where the plan switches strategy; tests shrink it to reach every path with a few rows. */
export interface SearchTuning {
  /** Up to this many candidates are checked on their rows rather than by fetching another long key list. */
  readonly verifyOnRowsMax: number;
}

export const DEFAULT_TUNING: SearchTuning = { verifyOnRowsMax: 100 };

export async function searchDocuments(
  db: SearchableDb,
  query: string,
  options: SearchOptions = {},
  tuning: SearchTuning = DEFAULT_TUNING,
): Promise<SearchResult> {
  const terms = parseQuery(query);
  if (terms.length === 0) return { hits: [], total: 0 };
  const limit = options.limit ?? DEFAULT_LIMIT;
  const { verifyOnRowsMax: VERIFY_ON_ROWS_MAX } = tuning;
  const docs = db.documents;
  const range = (m: Member) =>
    'token' in m
      ? docs.where('searchKeys').between(`${m.token}${KEY_SEP}`, `${m.token}${KEY_SEP_NEXT}`, true, false)
      : docs.where('direction').equals(m.direction);
  const rowCache = new Map<string, Readonly<Record<string, unknown>> | undefined>();
  const rowsOf = async (ids: readonly string[]) => {
    const missing = ids.filter((id) => !rowCache.has(id));
    if (missing.length > 0) {
      const rows = await docs.bulkGet(missing);
      missing.forEach((id, i) => rowCache.set(id, rows[i]));
    }
    return ids
      .map((id) => rowCache.get(id))
      .filter((r): r is Readonly<Record<string, unknown>> => r !== undefined);
  };
  const hitsOf = async (ids: readonly string[]) => (await rowsOf(ids)).map(toHit);

  // One read transaction: the counts, key lists and rows all see the same state.
  return docs.db.transaction('r', [docs, db.units, db.people], async () => {
    const names = await loadNames(db);
    const plans: MemberPlan[] = terms.map((t) =>
      termPlan(t, names).map((alt) => alt.map((token) => ({ token }))),
    );
    if (options.direction !== undefined) plans.push([[{ direction: options.direction }]]);
    if (plans.some((p) => p.length === 0)) return { hits: [], total: 0 };

    const oneToken = (ps: readonly MemberPlan[]) =>
      ps.length === 1 && ps[0]?.length === 1 && ps[0][0]?.length === 1 ? ps[0][0][0] : undefined;
    // One token (a word, a phrase of two words, a number, one name): its range is the answer.
    const answerOne = async (m: Member, counted?: number): Promise<SearchResult> => {
      const [total, page] = await Promise.all([
        counted ?? range(m).count(),
        range(m).reverse().limit(limit).primaryKeys(),
      ]);
      return { hits: await hitsOf(page as string[]), total };
    };
    const single = oneToken(plans);
    if (single !== undefined) return answerOne(single);

    const members = new Map<string, Member>();
    for (const p of plans) for (const alt of p) for (const m of alt) members.set(memberKey(m), m);
    const counts = new Map(
      await Promise.all([...members].map(async ([k, m]) => [k, await range(m).count()] as const)),
    );
    const est = (m: Member) => counts.get(memberKey(m)) ?? 0;
    const bySize = (alt: readonly Member[]) => [...alt].sort((a, b) => est(a) - est(b));
    const altSize = (alt: readonly Member[]) => Math.min(...alt.map(est));
    const live = plans.map((p) => p.filter((alt) => altSize(alt) > 0));
    if (live.some((p) => p.length === 0)) return { hits: [], total: 0 };
    const rest = oneToken(live);
    if (rest !== undefined) return answerOne(rest, est(rest));

    const keyLists = new Map<string, Promise<string[]>>();
    // Keys of a token range come in index order: oldest first, ties by id.
    const keysOf = (m: Member): Promise<string[]> => {
      const k = memberKey(m);
      let p = keyLists.get(k);
      if (p === undefined) {
        p = range(m).primaryKeys() as Promise<string[]>;
        keyLists.set(k, p);
      }
      return p;
    };
    const fetched = (m: Member) => keyLists.has(memberKey(m));
    const rowHas = (row: Readonly<Record<string, unknown>>, m: Member) => {
      if (!('token' in m)) return row['direction'] === m.direction;
      const keys = row['searchKeys'];
      return Array.isArray(keys) && (keys as string[]).some((k) => tokenOfKey(k) === m.token);
    };
    /** The rows of `alt` (among `within`, when given): key lists smallest first, the last few checked on rows. */
    const altKeys = async (alt: readonly Member[], within?: ReadonlySet<string>): Promise<Set<string>> => {
      let set = within;
      const ms = bySize(alt);
      // Every list will be needed unless the candidates fall to a few: ask for them all at once, so the database
      // reads the next list while this page turns the previous one into a set.
      if ((within?.size ?? Infinity) > VERIFY_ON_ROWS_MAX && est(ms[0] as Member) > VERIFY_ON_ROWS_MAX) {
        for (const m of ms) keysOf(m).catch(() => undefined);
      }
      for (const [i, m] of ms.entries()) {
        if (set !== undefined && set.size <= VERIFY_ON_ROWS_MAX && !fetched(m)) {
          const left = ms.slice(i);
          const rows = await rowsOf([...set]);
          return new Set(rows.filter((r) => left.every((x) => rowHas(r, x))).map((r) => String(r['id'])));
        }
        const keys = await keysOf(m);
        const inSet = set;
        set = new Set(inSet === undefined ? keys : keys.filter((k) => inSet.has(k)));
        if (set.size === 0) break;
      }
      return new Set(set);
    };
    const planSize = (p: MemberPlan) => p.reduce((n, alt) => n + altSize(alt), 0);
    const order = [...live].sort((a, b) => planSize(a) - planSize(b));

    let matched: Set<string> | undefined;
    for (const p of order) {
      const union = new Set<string>();
      for (const alt of p) for (const k of await altKeys(alt, matched)) union.add(k);
      matched = union;
      if (matched.size === 0) return { hits: [], total: 0 };
    }
    const all = matched ?? new Set<string>();

    // The page: the newest matches of a term of one alternative, whose smallest token's list holds every match
    // in date order (preferably one fetched already); else the few matches sorted on their rows; else the
    // alternatives' lists merged.
    const terms1 = order.filter((p) => p.length === 1 && 'token' in (bySize(p[0] ?? [])[0] ?? {}));
    const walkOf = (p: MemberPlan) => bySize(p[0] ?? [])[0] as Member;
    const ready = terms1.find((p) => fetched(walkOf(p)));
    if (ready !== undefined || (all.size > VERIFY_ON_ROWS_MAX && terms1[0] !== undefined)) {
      const list = await keysOf(walkOf(ready ?? (terms1[0] as MemberPlan)));
      const page: string[] = [];
      for (let i = list.length - 1; i >= 0 && page.length < limit; i--) {
        const k = list[i] as string;
        if (all.has(k)) page.push(k);
      }
      return { hits: await hitsOf(page), total: all.size };
    }
    if (all.size <= VERIFY_ON_ROWS_MAX) {
      const hits = (await rowsOf([...all])).map(toHit).sort(newestFirst);
      return { hits: hits.slice(0, limit), total: all.size };
    }
    const walk = order.find((p) => p.every((alt) => 'token' in (bySize(alt)[0] ?? {}))) ?? [];
    const page = await newestAcross(
      walk.map((alt) => bySize(alt)[0] as { readonly token: string }),
      all,
      limit,
      keysOf,
      (m, n, visit) =>
        range(m)
          .reverse()
          .limit(n)
          .eachKey((key, cursor) => visit(key as string, cursor.primaryKey as string)),
    );
    return { hits: await hitsOf(page), total: all.size };
  });
}

/**
 * The newest `limit` of `matched` across several date-ordered token lists. Each list's first `limit` matches
 * (newest first) are the only ones that can make the page; their dates are read from the index keys of just
 * that many entries, then merged.
 */
async function newestAcross(
  lists: readonly { readonly token: string }[],
  matched: ReadonlySet<string>,
  limit: number,
  keysOf: (m: Member) => Promise<string[]>,
  readNewest: (m: Member, n: number, visit: (key: string, id: string) => void) => Promise<unknown>,
): Promise<string[]> {
  const dated = new Map<string, string>();
  for (const m of new Map(lists.map((l) => [l.token, l])).values()) {
    const list = await keysOf(m);
    let seen = 0;
    let n = 0;
    while (n < list.length && seen < limit) if (matched.has(list[list.length - 1 - n++] as string)) seen++;
    if (seen === 0) continue;
    await readNewest(m, n, (key, id) => {
      if (matched.has(id)) dated.set(id, key.slice(m.token.length + KEY_SEP.length));
    });
  }
  return [...dated]
    .sort(([ia, da], [ib, db]) => cmp(db, da) || cmp(ib, ia))
    .slice(0, limit)
    .map(([id]) => id);
}
