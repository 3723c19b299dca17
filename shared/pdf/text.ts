/** Styled text → positioned glyph ops on the grid. */
import { isHalfWidth } from './chars';
import type { FontRole } from './fonts';
import { BLACK, CHAR_PITCH_MM, ptToMm, SIZE, type Rgb } from './geometry';
import { breakLines, placeLine, type BreakItem } from './linebreak';
import type { TextOp } from './ops';

export interface Style {
  readonly role: FontRole;
  readonly size: number;
  readonly color: Rgb;
}

export const style = (role: FontRole, size: number = SIZE.sanhao, color: Rgb = BLACK): Style => ({
  role,
  size,
  color,
});

/** Advance of a half-width character in mm (from the embedded font). */
export type Measure = (role: FontRole, size: number, ch: string) => number;

/** A stand-in for the first pass, which only collects the text per font. */
export const roughMeasure: Measure = (_role, size, ch) => (ch === ' ' ? 0.25 : 0.5) * ptToMm(size);

export interface Run {
  readonly text: string;
  readonly style: Style;
}

export interface Glyph extends BreakItem {
  readonly style: Style;
}

/** One full-width cell: the 28-per-line pitch for 3号, the em for other sizes. */
export function cellOf(size: number): number {
  return size === SIZE.sanhao ? CHAR_PITCH_MM : ptToMm(size);
}

export function glyphsOf(runs: readonly Run[], measure: Measure): Glyph[] {
  const out: Glyph[] = [];
  for (const run of runs) {
    for (const ch of run.text) {
      // Line breaks, tabs and other controls pasted from word processors have no glyph on the grid.
      if ((ch.codePointAt(0) ?? 0) < 0x20) continue;
      const width = isHalfWidth(ch) ? measure(run.style.role, run.style.size, ch) : cellOf(run.style.size);
      out.push({ ch, width, style: run.style });
    }
  }
  return out;
}

export const widthOf = (runs: readonly Run[], measure: Measure): number =>
  glyphsOf(runs, measure).reduce((s, g) => s + g.width, 0);

/** Ops for glyphs laid from `x` with no breaking (one line). */
export function lineOps(
  runs: readonly Run[],
  x: number,
  top: number,
  measure: Measure,
  scaleX = 1,
): TextOp[] {
  const ops: TextOp[] = [];
  let cx = x;
  for (const g of glyphsOf(runs, measure)) {
    if (g.ch !== ' ') ops.push(glyphOp(g, cx, top, scaleX));
    cx += g.width * scaleX;
  }
  return ops;
}

function glyphOp(g: Glyph, x: number, top: number, scaleX = 1): TextOp {
  const { role, size, color } = g.style;
  return scaleX === 1
    ? { kind: 'text', role, size, color, x, top, text: g.ch }
    : { kind: 'text', role, size, color, x, top, text: g.ch, scaleX };
}

export interface WrapOptions {
  /** Left edge of the text column in mm. */
  readonly left: number;
  /** Column width in mm. */
  readonly width: number;
  /** First-line indent in mm (e.g. 2 cells for a paragraph). */
  readonly indent?: number;
  /** Indent of continuation lines in mm (hanging alignment after "附件：" or "出席："). */
  readonly hang?: number;
  /** Justify every line but the last (true for body text). */
  readonly justify?: boolean;
}

/** Breaks runs into lines; each line's ops have `top` 0 (the band places them). */
export function wrapOps(runs: readonly Run[], opts: WrapOptions, measure: Measure): TextOp[][] {
  const indent = opts.indent ?? 0;
  const hang = opts.hang ?? 0;
  const lines = breakLines(glyphsOf(runs, measure), opts.width - indent, opts.width - hang);
  return lines.map((line, i) => {
    const start = opts.left + (i === 0 ? indent : hang);
    const w = opts.width - (i === 0 ? indent : hang);
    const justify = (opts.justify ?? false) && i < lines.length - 1;
    return placeLine(line, w, justify)
      .filter((p) => p.item.ch !== ' ' || false)
      .map((p) => glyphOp(p.item, start + p.x + p.glyphDx, 0));
  });
}
