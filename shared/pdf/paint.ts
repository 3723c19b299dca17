/** Paints laid-out pages with pdf-lib. The only place that knows PDF points and the bottom-left origin. */
import {
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingRgbColor,
  setFontAndSize,
  setGraphicsState,
  setTextMatrix,
  showText,
  type PDFDocument,
  type PDFFont,
  type PDFImage,
  type PDFName,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import type { FontRole } from './fonts';
import { EM_ASCENT, PAGE_HEIGHT_MM, PAGE_WIDTH_MM, mmToPt, ptToMm } from './geometry';

const r3 = (v: number): number => Math.round(v * 1000) / 1000 || 0;
const r4 = (v: number): number => Math.round(v * 10000) / 10000 || 0;
import type { Op, PageLayout, TextOp } from './ops';

type Encoded = ReturnType<PDFFont['encodeText']>;

/** Maps layout millimetres (top-left origin) onto a page's user space (bottom-left origin, maybe offset). */
export interface Frame {
  readonly x: (mm: number) => number;
  readonly y: (mm: number) => number;
}

function frameOf(page: PDFPage): Frame {
  const box = page.getMediaBox();
  const top = box.y + box.height;
  return { x: (mm) => box.x + mmToPt(mm), y: (mm) => top - mmToPt(mm) };
}

/** A frame for a visual page `heightMm` tall whose origin the caller has already set with `cm`. */
export function frameForHeight(heightMm: number): Frame {
  return { x: (mm) => mmToPt(mm), y: (mm) => mmToPt(heightMm - mm) };
}

export interface Painter {
  /** Paints ops on `page`; `frame` overrides the page's own mapping (rotated pages). */
  paint(page: PDFPage, ops: readonly Op[], frame?: Frame): Promise<void>;
}

export function createPainter(doc: PDFDocument, fonts: ReadonlyMap<FontRole, PDFFont>): Painter {
  const images = new Map<Uint8Array, PDFImage>();
  // encodeText runs fontkit's layout: once per (font, text) is plenty.
  const encoded = new Map<PDFFont, Map<string, Encoded>>();
  const encode = (font: PDFFont, text: string): Encoded => {
    let m = encoded.get(font);
    if (m === undefined) encoded.set(font, (m = new Map()));
    let e = m.get(text);
    if (e === undefined) m.set(text, (e = font.encodeText(text)));
    return e;
  };
  return {
    async paint(page, ops, override) {
      const frame = override ?? frameOf(page);
      const texts: TextOp[] = [];
      for (const op of ops) {
        if (op.kind === 'text') texts.push(op);
        else await paintShape(doc, page, frame, op, images);
      }
      paintTexts(doc, page, frame, texts, fonts, encode);
    },
  };
}

export async function paintPages(
  doc: PDFDocument,
  pages: readonly PageLayout[],
  fonts: ReadonlyMap<FontRole, PDFFont>,
): Promise<void> {
  const painter = createPainter(doc, fonts);
  for (const layout of pages)
    await painter.paint(doc.addPage([mmToPt(PAGE_WIDTH_MM), mmToPt(PAGE_HEIGHT_MM)]), layout.ops);
}

async function paintShape(
  doc: PDFDocument,
  page: PDFPage,
  frame: Frame,
  op: Exclude<Op, TextOp>,
  images: Map<Uint8Array, PDFImage>,
): Promise<void> {
  const { x, y } = frame;
  switch (op.kind) {
    case 'rule':
      page.drawLine({
        start: { x: x(op.x1), y: y(op.y1) },
        end: { x: x(op.x2), y: y(op.y2) },
        thickness: mmToPt(op.width),
        color: rgb(...op.color),
      });
      return;
    case 'circle':
      page.drawCircle({
        x: x(op.cx),
        y: y(op.cy),
        size: mmToPt(op.r),
        borderWidth: mmToPt(op.width),
        borderColor: rgb(...op.color),
      });
      return;
    case 'polygon': {
      const path =
        op.points
          .map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${mmToPt(px).toFixed(2)} ${mmToPt(py).toFixed(2)}`)
          .join(' ') + ' Z';
      page.drawSvgPath(path, { x: x(0), y: y(0), color: rgb(...op.color), borderWidth: 0 });
      return;
    }
    case 'image': {
      let image = images.get(op.png);
      if (image === undefined) {
        try {
          image = await doc.embedPng(op.png);
        } catch {
          throw new Error('印章图片无法读取，请提供有效的 PNG 图片');
        }
        images.set(op.png, image);
      }
      page.drawImage(image, {
        x: x(op.x),
        y: y(op.top + op.height),
        width: mmToPt(op.width),
        height: mmToPt(op.height),
      });
      return;
    }
    default: {
      const never: never = op;
      return never;
    }
  }
}

/** All text of a page in one BT…ET block, one text matrix per glyph (the grid decides positions). */
function paintTexts(
  doc: PDFDocument,
  page: PDFPage,
  { x, y }: Frame,
  texts: readonly TextOp[],
  fonts: ReadonlyMap<FontRole, PDFFont>,
  encode: (font: PDFFont, text: string) => Encoded,
): void {
  if (texts.length === 0) return;
  const keys = new Map<PDFFont, PDFName>();
  const gstates = new Map<number, PDFName>();
  const ops: PDFOperator[] = [pushGraphicsState(), beginText()];
  let font: PDFFont | undefined;
  let size = -1;
  let color = '';
  let opacity = 1;
  for (const t of texts) {
    const f = fonts.get(t.role);
    if (f === undefined) throw new Error(`缺少“${t.role}”字体`);
    let key = keys.get(f);
    if (key === undefined) {
      key = page.node.newFontDictionary(f.name, f.ref);
      keys.set(f, key);
    }
    const alpha = t.opacity ?? 1;
    if (alpha !== opacity) {
      let gs = gstates.get(alpha);
      if (gs === undefined) {
        gs = page.node.newExtGState('GS', doc.context.obj({ Type: 'ExtGState', ca: alpha, CA: alpha }));
        gstates.set(alpha, gs);
      }
      // ExtGState changes are allowed inside a text object.
      ops.push(setGraphicsState(gs));
      opacity = alpha;
    }
    if (f !== font || t.size !== size) {
      ops.push(setFontAndSize(key, t.size));
      font = f;
      size = t.size;
    }
    const c = t.color.join(',');
    if (c !== color) {
      ops.push(setFillingRgbColor(...t.color));
      color = c;
    }
    const rad = ((t.rotate ?? 0) * Math.PI) / 180;
    const sx = t.scaleX ?? 1;
    const cos = t.rotate ? Math.cos(rad) : 1;
    const sin = t.rotate ? Math.sin(rad) : 0;
    // A thousandth of a point is far below any printer's resolution and keeps the content stream short.
    ops.push(
      setTextMatrix(
        r4(sx * cos),
        r4(sx * sin),
        r4(-sin),
        r4(cos),
        r3(x(t.x)),
        r3(y(t.top + EM_ASCENT * ptToMm(t.size))),
      ),
      showText(encode(f, t.text)),
    );
  }
  ops.push(endText(), popGraphicsState());
  page.pushOperators(...ops);
}
