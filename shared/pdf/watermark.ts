/** Light diagonal watermark (operator + time) across the page, for classified copies. */
import { PAGE_HEIGHT_MM, PAGE_WIDTH_MM } from './geometry';
import type { TextOp } from './ops';
import { centredGlyph } from './seal';
import { widthOf, style, type Measure } from './text';

const SIZE_PT = 20;
const ANGLE = 35;

export function watermarkOps(text: string, measure: Measure): TextOp[] {
  const chars = Array.from(text);
  const widths = chars.map((ch) => widthOf([{ text: ch, style: style('heiti', SIZE_PT) }], measure));
  const total = widths.reduce((a, b) => a + b, 0);
  const rad = (ANGLE * Math.PI) / 180;
  const ops: TextOp[] = [];
  for (const cy of [PAGE_HEIGHT_MM * 0.28, PAGE_HEIGHT_MM * 0.55, PAGE_HEIGHT_MM * 0.82]) {
    const cx = PAGE_WIDTH_MM / 2;
    let along = -total / 2;
    chars.forEach((ch, i) => {
      const w = widths[i] ?? 0;
      const mid = along + w / 2;
      along += w;
      if (ch === ' ') return;
      const op = centredGlyph(
        ch,
        'heiti',
        SIZE_PT,
        cx + mid * Math.cos(rad),
        cy - mid * Math.sin(rad),
        ANGLE,
        measure,
        0.14,
      );
      ops.push({ ...op, color: [0.45, 0.45, 0.45] });
    });
  }
  return ops;
}
