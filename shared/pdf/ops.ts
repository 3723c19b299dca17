/** Drawing operations: the layout's output, in mm from the page's top-left corner; the painter turns them into PDF. */
import type { FontRole } from './fonts';
import type { Rgb } from './geometry';

export interface TextOp {
  readonly kind: 'text';
  readonly role: FontRole;
  /** Font size in pt. */
  readonly size: number;
  readonly color: Rgb;
  /** Left edge of the glyph's em box. */
  readonly x: number;
  /** Top edge of the em box (the baseline is EM_ASCENT·size below). */
  readonly top: number;
  readonly text: string;
  /** Horizontal scale (condensed marks), 1 by default. */
  readonly scaleX?: number;
  /** Rotation in degrees, counter-clockwise, about the glyph's baseline origin. */
  readonly rotate?: number;
  readonly opacity?: number;
}

export interface RuleOp {
  readonly kind: 'rule';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** Stroke thickness in mm; the rule's centre line runs from (x1,y1) to (x2,y2). */
  readonly width: number;
  readonly color: Rgb;
}

export interface CircleOp {
  readonly kind: 'circle';
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
  readonly width: number;
  readonly color: Rgb;
}

export interface PolygonOp {
  readonly kind: 'polygon';
  readonly points: readonly (readonly [number, number])[];
  readonly color: Rgb;
}

export interface ImageOp {
  readonly kind: 'image';
  readonly png: Uint8Array;
  readonly x: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export type Op = TextOp | RuleOp | CircleOp | PolygonOp | ImageOp;

export interface PageLayout {
  readonly ops: readonly Op[];
  /** The printed page number, or null when the page carries none (信函 first page, blank page before 版记). */
  readonly pageNumber: number | null;
}

/** Moves an op down by `dy` mm. */
export function shiftOp(op: Op, dy: number): Op {
  switch (op.kind) {
    case 'text':
      return { ...op, top: op.top + dy };
    case 'rule':
      return { ...op, y1: op.y1 + dy, y2: op.y2 + dy };
    case 'circle':
      return { ...op, cy: op.cy + dy };
    case 'polygon':
      return { ...op, points: op.points.map(([x, y]) => [x, y + dy] as const) };
    case 'image':
      return { ...op, top: op.top + dy };
    default: {
      const never: never = op;
      return never;
    }
  }
}
