/**
 * Seals: a supplied PNG (with transparency) or, for sample data only, a generated vector seal — red ring,
 * star, the organ's name along the upper arc and a clear "示例" so nobody mistakes it for a real seal.
 */
import { EM_ASCENT, RED, SEAL_DIAMETER_MM, ptToMm } from './geometry';
import type { Seal } from './model';
import type { Op, TextOp } from './ops';
import { style, widthOf, type Measure } from './text';

/** Width/height of a PNG from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const sig = [0x89, 0x50, 0x4e, 0x47];
  if (png.byteLength < 24 || sig.some((b, i) => png[i] !== b))
    throw new Error('印章图片不是 PNG 格式，请提供带透明背景的 PNG 图片');
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: dv.getUint32(16), height: dv.getUint32(20) };
}

/** A glyph centred on (x, y) (mm, y down), rotated by `deg` counter-clockwise. */
export function centredGlyph(
  ch: string,
  role: TextOp['role'],
  size: number,
  x: number,
  y: number,
  deg: number,
  measure: Measure,
  opacity?: number,
): TextOp {
  const w = widthOf([{ text: ch, style: style(role, size) }], measure);
  const h = ptToMm(size);
  const rad = (deg * Math.PI) / 180;
  // Offset from the baseline origin to the em-box centre, in glyph space (y up).
  const ox = w / 2;
  const oy = (EM_ASCENT - 0.5) * h;
  const bx = x - (ox * Math.cos(rad) - oy * Math.sin(rad));
  const by = y + (ox * Math.sin(rad) + oy * Math.cos(rad));
  return {
    kind: 'text',
    role,
    size,
    color: RED,
    x: bx,
    top: by - EM_ASCENT * h,
    text: ch,
    rotate: deg,
    ...(opacity === undefined ? {} : { opacity }),
  };
}

/** Ops of a seal centred at (cx, cy). */
export function sealOps(seal: Seal, cx: number, cy: number, measure: Measure): Op[] {
  const d = SEAL_DIAMETER_MM;
  switch (seal.kind) {
    case 'png': {
      const { width, height } = pngSize(seal.bytes);
      const h = (d * height) / width;
      return [{ kind: 'image', png: seal.bytes, x: cx - d / 2, top: cy - h / 2, width: d, height: h }];
    }
    case 'sample':
      return sampleSealOps(seal.organ, cx, cy, measure);
    default: {
      const never: never = seal;
      return never;
    }
  }
}

function sampleSealOps(organ: string, cx: number, cy: number, measure: Measure): Op[] {
  const r = SEAL_DIAMETER_MM / 2;
  const ops: Op[] = [{ kind: 'circle', cx, cy, r: r - 0.6, width: 1.2, color: RED }];
  // Five-pointed star in the centre.
  const outer = 6.5;
  const inner = outer * 0.382;
  const points: [number, number][] = [];
  for (let k = 0; k < 10; k++) {
    const rad = ((90 + k * 36) * Math.PI) / 180;
    const len = k % 2 === 0 ? outer : inner;
    points.push([cx + len * Math.cos(rad), cy - len * Math.sin(rad)]);
  }
  ops.push({ kind: 'polygon', points, color: RED });
  // The name along the upper arc, from lower left over the top to lower right.
  const chars = Array.from(organ);
  const size = chars.length > 12 ? 11 : 13;
  const arcR = r - 1.2 - ptToMm(size) * 0.62;
  const span = Math.min(250, chars.length * 20);
  chars.forEach((ch, i) => {
    const deg = 90 + span / 2 - (chars.length === 1 ? span / 2 : (i * span) / (chars.length - 1));
    const rad = (deg * Math.PI) / 180;
    ops.push(
      centredGlyph(
        ch,
        'songti',
        size,
        cx + arcR * Math.cos(rad),
        cy - arcR * Math.sin(rad),
        deg - 90,
        measure,
      ),
    );
  });
  // "示例" under the star, large enough to be unmistakable.
  ['示', '例'].forEach((ch, i) =>
    ops.push(centredGlyph(ch, 'heiti', 14, cx + (i === 0 ? -3.2 : 3.2), cy + 11, 0, measure)),
  );
  return ops;
}
