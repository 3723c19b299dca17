/**
 * Chinese line breaking on a fixed grid: no line starts with a closing mark, none ends with an opening mark
 * (禁则). A line that would violate it first tries to squeeze its punctuation (标点挤压, up to half a cell
 * each); otherwise the offending group is pushed to the next line and the short line is justified.
 */
import { PAIRED, SQUEEZE_LEFT, isClosing, isOpening, isSqueezable, isWordChar } from './chars';

export interface BreakItem {
  readonly ch: string;
  /** Advance in mm. */
  readonly width: number;
}

export interface BrokenLine<T extends BreakItem> {
  readonly items: readonly T[];
  /** Natural width in mm (before squeezing or justification). */
  readonly width: number;
}

export interface PlacedItem<T extends BreakItem> {
  readonly item: T;
  /** x of the cell start, from the line's left edge, in mm. */
  readonly x: number;
  /** Extra horizontal shift of the glyph inside its cell (negative for squeezed opening marks). */
  readonly glyphDx: number;
}

const EPS = 1e-6;

/** May a line break fall between `prev` and `next`? */
export function canBreakBetween(prev: string, next: string): boolean {
  if (isClosing(next) || isOpening(prev)) return false;
  if (isWordChar(prev) && isWordChar(next)) return false;
  if (prev === next && PAIRED.has(prev)) return false;
  return true;
}

function groupsOf<T extends BreakItem>(items: readonly T[]): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  items.forEach((item, i) => {
    const prev = items[i - 1];
    if (prev !== undefined && canBreakBetween(prev.ch, item.ch)) {
      groups.push(current);
      current = [];
    }
    current.push(item);
  });
  if (current.length > 0) groups.push(current);
  return groups;
}

const sumWidth = (items: readonly BreakItem[]): number => items.reduce((s, it) => s + it.width, 0);
const squeezeCapacity = (items: readonly BreakItem[]): number =>
  items.reduce((s, it) => s + (isSqueezable(it.ch) ? it.width / 2 : 0), 0);

/**
 * Breaks `items` into lines: the first line is `firstWidth` mm wide (e.g. after a 2-character indent), the
 * rest `restWidth`. Characters are never dropped or reordered.
 */
export function breakLines<T extends BreakItem>(
  items: readonly T[],
  firstWidth: number,
  restWidth: number,
): BrokenLine<T>[] {
  const lines: BrokenLine<T>[] = [];
  let line: T[] = [];
  let width = 0;
  const limit = (): number => (lines.length === 0 ? firstWidth : restWidth);
  const flush = (): void => {
    lines.push({ items: line, width });
    line = [];
    width = 0;
  };
  for (const group of groupsOf(items)) {
    const gw = sumWidth(group);
    if (width + gw <= limit() + EPS) {
      line.push(...group);
      width += gw;
      continue;
    }
    // Squeeze rather than push when the group carries a closing mark that would otherwise start a line.
    const overflow = width + gw - limit();
    if (
      line.length > 0 &&
      group.some((g) => isClosing(g.ch)) &&
      overflow <= squeezeCapacity([...line, ...group]) + EPS
    ) {
      line.push(...group);
      width += gw;
      continue;
    }
    if (line.length > 0) flush();
    if (gw <= limit() + EPS) {
      line.push(...group);
      width += gw;
      continue;
    }
    // A single group wider than a line (a very long number or URL): break it by characters.
    for (const item of group) {
      if (width + item.width > limit() + EPS && line.length > 0) flush();
      line.push(item);
      width += item.width;
    }
  }
  if (line.length > 0 || lines.length === 0) flush();
  return lines;
}

/**
 * Positions a line's items in `lineWidth` mm: squeezes punctuation when the line is too long and, when
 * `justify` is set (every line of a paragraph but its last), spreads leftover space over the gaps so the
 * right edge stays on the type-area edge.
 */
export function placeLine<T extends BreakItem>(
  line: BrokenLine<T>,
  lineWidth: number,
  justify: boolean,
): PlacedItem<T>[] {
  const items = line.items;
  const over = line.width - lineWidth;
  const capacity = squeezeCapacity(items);
  const ratio = over > EPS && capacity > 0 ? Math.min(1, over / capacity) : 0;
  const gaps = items.length - 1;
  const extra = justify && over < -EPS && gaps > 0 ? -over / gaps : 0;
  const placed: PlacedItem<T>[] = [];
  let x = 0;
  for (const item of items) {
    const cut = isSqueezable(item.ch) ? (item.width / 2) * ratio : 0;
    placed.push({ item, x, glyphDx: SQUEEZE_LEFT.has(item.ch) ? -cut : 0 });
    x += item.width - cut + extra;
  }
  return placed;
}

/** The text of a broken line. */
export const lineText = (line: BrokenLine<BreakItem>): string => line.items.map((i) => i.ch).join('');

type Segmenter = { segment(text: string): Iterable<{ index: number }> };

function wordStarts(text: string): Set<number> {
  const starts = new Set<number>();
  const Seg = (Intl as unknown as { Segmenter?: new (l: string, o: object) => Segmenter }).Segmenter;
  if (Seg === undefined) {
    for (let i = 0; i <= text.length; i++) starts.add(i);
    return starts;
  }
  for (const s of new Seg('zh', { granularity: 'word' }).segment(text)) starts.add(s.index);
  starts.add(text.length);
  return starts;
}

/**
 * Splits a title into centred lines of at most `maxChars` characters, shaped as a trapezoid (2 lines, the
 * upper no longer than the lower) or a diamond (3+ lines, the middle longest), breaking between words.
 */
export function breakTitle(title: string, maxChars: number): string[] {
  const chars = Array.from(title);
  if (chars.length <= maxChars) return [title];
  // Offsets in UTF-16 units for the segmenter; titles are BMP text but keep the mapping explicit.
  const offsets: number[] = [];
  let o = 0;
  for (const c of chars) {
    offsets.push(o);
    o += c.length;
  }
  offsets.push(o);
  const words = wordStarts(title);
  const n = chars.length;
  const breakCost = (at: number): number => {
    const prev = chars[at - 1] ?? '';
    const next = chars[at] ?? '';
    if (!canBreakBetween(prev, next)) return Infinity;
    if (isClosing(prev)) return 0; // after punctuation is the best place
    // "……关于 / 事由的通知" is the customary split of a 公文 title.
    if (chars[at - 2] === '关' && prev === '于') return -1;
    return words.has(offsets[at] ?? -1) ? 1 : 12;
  };
  const minLines = Math.ceil(n / maxChars);
  let best: { cost: number; cuts: number[] } = { cost: Infinity, cuts: [] };
  for (let k = minLines; k <= Math.min(minLines + 1, n); k++) {
    const search = (start: number, left: number, cuts: number[], cost: number): void => {
      if (cost >= best.cost) return;
      if (left === 1) {
        if (n - start > maxChars || n - start === 0) return;
        const all = [...cuts, n];
        const total = cost + shapeCost(all.map((c, i) => c - (i === 0 ? 0 : (all[i - 1] ?? 0))));
        if (total < best.cost) best = { cost: total, cuts };
        return;
      }
      for (let at = start + 1; at <= Math.min(n - 1, start + maxChars); at++) {
        const bc = breakCost(at);
        if (bc !== Infinity) search(at, left - 1, [...cuts, at], cost + bc);
      }
    };
    search(0, k, [], k > minLines ? 4 : 0);
  }
  if (best.cost === Infinity) {
    // No kinsoku-clean breaking exists (pathological input): cut by length.
    const out: string[] = [];
    for (let i = 0; i < n; i += maxChars) out.push(chars.slice(i, i + maxChars).join(''));
    return out;
  }
  const lines: string[] = [];
  let prev = 0;
  for (const c of [...best.cuts, n]) {
    lines.push(chars.slice(prev, c).join(''));
    prev = c;
  }
  return lines;
}

/** Penalty for line lengths that are not a trapezoid (2 lines) or diamond (3+). */
function shapeCost(lengths: readonly number[]): number {
  if (lengths.length === 2) {
    const [a = 0, b = 0] = lengths;
    // 正梯形: the upper line no longer than the lower; a difference of up to six characters is a good shape.
    return a > b ? 3 * (a - b) : Math.max(0, b - a - 6) * 0.5;
  }
  const peak = Math.max(...lengths);
  const peakAt = lengths.indexOf(peak);
  let cost = 0;
  lengths.forEach((len, i) => {
    const prev = lengths[i - 1];
    if (prev === undefined) return;
    // Rising before the peak, falling after it.
    cost += i <= peakAt ? Math.max(0, prev - len) * 3 : Math.max(0, len - prev) * 3;
  });
  const first = lengths[0] ?? 0;
  const last = lengths[lengths.length - 1] ?? 0;
  return cost + Math.abs(first - last) * 0.5 + (peak - Math.min(...lengths)) * 0.2;
}
