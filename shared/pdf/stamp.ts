/**
 * 收文章: stamps the receiving office's registration box on page 1 of an incoming PDF. The caller's bytes are
 * never modified; new bytes come back. Hostile or broken files fail with a Chinese message a clerk can act on.
 */
import {
  concatTransformationMatrix,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  type PDFPage,
} from 'pdf-lib';
import { embedFonts, type PdfEnv } from './fonts';
import { ptToMm, RED } from './geometry';
import { chineseDate } from './model';
import type { Op } from './ops';
import { createPainter, frameForHeight } from './paint';
import { collectText } from './render';
import { lineOps, roughMeasure, style, widthOf, type Measure, type Run } from './text';

export interface ReceiptStamp {
  /** 收文单位, e.g. "示例区人民政府办公室". */
  readonly unit: string;
  /** 收文编号. */
  readonly number: string;
  /** 收文日期 "YYYY-MM-DD". */
  readonly date: string;
  readonly copies: number;
  readonly classification?: string;
}

/** Larger files are refused rather than parsed: received documents are a few MB at most. */
export const MAX_RECEIVED_PDF_BYTES = 50 * 1024 * 1024;

export class PdfInputError extends Error {
  override readonly name = 'PdfInputError';
}

const BOX_W = 70;
const ROW_H = 7;
const MARGIN = 8;
const TEXT = style('fangsong', 10.5, RED);
const LABEL = style('heiti', 10.5, RED);

/** The box's ops, top-right of a page `pageWidth` mm wide. */
export function receiptStampOps(stamp: ReceiptStamp, pageWidth: number, measure: Measure): Op[] {
  const left = pageWidth - MARGIN - BOX_W;
  const top = MARGIN;
  const rows: (readonly [Run, number][])[] = [
    [[{ text: `${stamp.unit}收文`, style: LABEL }, BOX_W]],
    [
      [{ text: '收文号', style: LABEL }, 16],
      [{ text: stamp.number, style: TEXT }, 30],
      [{ text: '份数', style: LABEL }, 12],
      [{ text: String(stamp.copies), style: TEXT }, 12],
    ],
    [
      [{ text: '日期', style: LABEL }, 16],
      [{ text: chineseDate(stamp.date), style: TEXT }, 30],
      [{ text: '密级', style: LABEL }, 12],
      [{ text: stamp.classification ?? '—', style: TEXT }, 12],
    ],
  ];
  const ops: Op[] = [];
  const em = ptToMm(TEXT.size);
  rows.forEach((cells, r) => {
    const y = top + r * ROW_H;
    let x = left;
    cells.forEach(([run, w], c) => {
      const tw = widthOf([run], measure);
      const scale = tw > w - 1 ? (w - 1) / tw : 1;
      ops.push(...lineOps([run], x + (w - tw * scale) / 2, y + (ROW_H - em) / 2, measure, scale));
      if (c > 0) ops.push({ kind: 'rule', x1: x, y1: y, x2: x, y2: y + ROW_H, width: 0.3, color: RED });
      x += w;
    });
    ops.push({
      kind: 'rule',
      x1: left,
      y1: y,
      x2: left + BOX_W,
      y2: y,
      width: r === 0 ? 0.5 : 0.3,
      color: RED,
    });
  });
  const bottom = top + rows.length * ROW_H;
  ops.push({ kind: 'rule', x1: left, y1: bottom, x2: left + BOX_W, y2: bottom, width: 0.5, color: RED });
  ops.push({ kind: 'rule', x1: left, y1: top, x2: left, y2: bottom, width: 0.5, color: RED });
  ops.push({ kind: 'rule', x1: left + BOX_W, y1: top, x2: left + BOX_W, y2: bottom, width: 0.5, color: RED });
  return ops;
}

async function loadReceived(original: Uint8Array): Promise<PDFDocument> {
  if (original.byteLength === 0) throw new PdfInputError('收到的文件是空的，请重新导入原始 PDF 文件');
  if (original.byteLength > MAX_RECEIVED_PDF_BYTES) {
    throw new PdfInputError(
      `文件过大（超过 ${MAX_RECEIVED_PDF_BYTES / 1024 / 1024} MB），请确认是否为公文 PDF，或请来文单位压缩后重新发送`,
    );
  }
  const head = String.fromCharCode(...original.subarray(0, 1024));
  if (!head.includes('%PDF-'))
    throw new PdfInputError('该文件不是 PDF 格式，无法加盖收文章，请确认导入的是 PDF 文件');
  let doc: PDFDocument;
  try {
    // A copy: pdf-lib must never see (or alias) the caller's buffer.
    doc = await PDFDocument.load(original.slice(), { updateMetadata: false, throwOnInvalidObject: false });
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'EncryptedPDFError')
      throw new PdfInputError(
        '该 PDF 已加密，无法加盖收文章。请联系来文单位提供未加密的文件，或打印后手工盖章',
      );
    throw new PdfInputError('该 PDF 文件已损坏或格式不规范，无法读取。请联系来文单位重新发送');
  }
  if (doc.getPageCount() === 0) throw new PdfInputError('该 PDF 没有页面，无法加盖收文章');
  return doc;
}

/**
 * The page as the reader sees it: its size in mm after /Rotate, and the matrix from that upright view
 * into the page's user space, so the stamp sits top-right and upright whatever the rotation.
 */
function visualFrame(page: PDFPage): {
  widthMm: number;
  heightMm: number;
  cm: [number, number, number, number, number, number];
} {
  const box = page.getMediaBox();
  const w = box.width;
  const h = box.height;
  const rotation = (((page.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270 | number;
  switch (rotation) {
    case 90:
      return { widthMm: ptToMm(h), heightMm: ptToMm(w), cm: [0, 1, -1, 0, box.x + w, box.y] };
    case 180:
      return { widthMm: ptToMm(w), heightMm: ptToMm(h), cm: [-1, 0, 0, -1, box.x + w, box.y + h] };
    case 270:
      return { widthMm: ptToMm(h), heightMm: ptToMm(w), cm: [0, -1, 1, 0, box.x, box.y + h] };
    default:
      return { widthMm: ptToMm(w), heightMm: ptToMm(h), cm: [1, 0, 0, 1, box.x, box.y] };
  }
}

/** Adds the 收文章 top-right of page 1 (as displayed, /Rotate included) and returns new bytes; `original` stays unchanged. */
export async function stampReceivedPdf(
  original: Uint8Array,
  stamp: ReceiptStamp,
  env: PdfEnv,
): Promise<Uint8Array> {
  if (!Number.isInteger(stamp.copies) || stamp.copies < 1) throw new RangeError('份数应为正整数');
  const doc = await loadReceived(original);
  const page = doc.getPage(0);
  const frame = visualFrame(page);
  const draft = receiptStampOps(stamp, frame.widthMm, roughMeasure);
  const embedded = await embedFonts(doc, env, collectText([{ ops: draft, pageNumber: null }]));
  const measure: Measure = (role, size, ch) => {
    const f = embedded.byRole.get(role);
    return f ? ptToMm(f.widthOfTextAtSize(ch, size)) : roughMeasure(role, size, ch);
  };
  try {
    // Isolate the stamp from whatever graphics state the original content leaves behind.
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...frame.cm));
    await createPainter(doc, embedded.byRole).paint(
      page,
      receiptStampOps(stamp, frame.widthMm, measure),
      frameForHeight(frame.heightMm),
    );
    page.pushOperators(popGraphicsState());
    await doc.flush();
    embedded.tagSubsets(doc);
    return await doc.save({ useObjectStreams: false });
  } catch (e) {
    if (e instanceof PdfInputError) throw e;
    throw new PdfInputError(
      `该 PDF 结构异常，加盖收文章失败（${e instanceof Error ? e.message : String(e)}）。请联系来文单位重新发送`,
    );
  }
}
