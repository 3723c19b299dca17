/** The engine's entry points: structured document + fonts in, PDF bytes out. */
import { PDFDocument, PDFHexString, PDFName, type PDFDict } from 'pdf-lib';
import {
  describeFontUse,
  embedFonts,
  type FontRole,
  type FontUse,
  type MissingGlyphs,
  type PdfEnv,
} from './fonts';
import { ptToMm } from './geometry';
import { layoutDocument } from './layout';
import { DOC_KIND_LABEL, type OfficialDocument, type RenderOptions } from './model';
import type { Op, PageLayout } from './ops';
import { paintPages } from './paint';
import { layoutTable, leaveTable, signInTable, type LeaveSlip, type SignInSheet } from './forms';
import { meetingNoticeDocument, minutesDocument, type MeetingNotice, type MinutesInput } from './meeting';
import type { Measure } from './text';
import { roughMeasure } from './text';
import { watermarkOps } from './watermark';

export interface RenderResult {
  readonly bytes: Uint8Array;
  readonly pageCount: number;
  /** Which font stood in for which role (also written to the PDF's Keywords). */
  readonly fonts: readonly FontUse[];
  /** Characters the chosen fonts cannot draw (they print blank): the UI should warn and offer another font. */
  readonly missingGlyphs?: readonly MissingGlyphs[];
}

/** Subsets memoised across renders that share text (numbered copies). */
export type SubsetCache = Map<string, Promise<Uint8Array>>;

export function collectText(pages: readonly PageLayout[]): Map<FontRole, string> {
  const sets = new Map<FontRole, Set<string>>();
  for (const p of pages)
    for (const op of p.ops) {
      if (op.kind !== 'text') continue;
      const set = sets.get(op.role) ?? new Set<string>();
      for (const ch of op.text) set.add(ch);
      sets.set(op.role, set);
    }
  return new Map([...sets].map(([role, set]) => [role, [...set].join('')]));
}

export interface PdfMeta {
  readonly title: string;
  readonly subject: string;
  readonly createdAt?: Date;
}

/**
 * The two-pass pipeline shared by every document kind: lay out with rough metrics to learn each font's
 * text, subset and embed, lay out again with the real metrics, paint.
 */
export async function renderLayout(
  layout: (measure: Measure) => PageLayout[],
  env: PdfEnv,
  meta: PdfMeta,
  options: RenderOptions = {},
  cache?: SubsetCache,
): Promise<RenderResult> {
  const withExtras = (measure: Measure): PageLayout[] => {
    const pages = layout(measure);
    const mark = options.watermark;
    if (mark === undefined) return pages;
    return pages.map((p) => ({ ...p, ops: [...p.ops, ...watermarkOps(mark.text, measure)] as Op[] }));
  };
  const textByRole = collectText(withExtras(roughMeasure));
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const embedded = await embedFonts(pdf, env, textByRole, cache);
  // fontkit lays out every call: measure each (font, char) once, in em, and scale.
  const ems = new Map<string, number>();
  const measure: Measure = (role, size, ch) => {
    const font = embedded.byRole.get(role);
    if (font === undefined) return roughMeasure(role, size, ch);
    const key = `${role}\u0000${ch}`;
    let em = ems.get(key);
    if (em === undefined) {
      em = font.widthOfTextAtSize(ch, 1000) / 1000;
      ems.set(key, em);
    }
    return ptToMm(em * size);
  };
  const pages = withExtras(measure);
  await paintPages(pdf, pages, embedded.byRole);
  pdf.setTitle(meta.title);
  pdf.setSubject(meta.subject);
  pdf.setProducer('会文 Huiwen PDF (GB/T 9704-2012)');
  pdf.setCreator('会文 Huiwen');
  // Keywords carry the font report: which font stood in for which role.
  pdf.setKeywords([`字体：${describeFontUse(embedded.uses)}`]);
  // …and a custom Info key for tools that look for it by name. getInfoDict is internal to pdf-lib.
  (pdf as unknown as { getInfoDict(): PDFDict })
    .getInfoDict()
    .set(PDFName.of('HuiwenFonts'), PDFHexString.fromText(describeFontUse(embedded.uses)));
  if (options.createdAt) {
    pdf.setCreationDate(options.createdAt);
    pdf.setModificationDate(options.createdAt);
  }
  await pdf.flush();
  embedded.tagSubsets(pdf);
  const bytes = await pdf.save({ useObjectStreams: true });
  return {
    bytes,
    pageCount: pages.length,
    fonts: embedded.uses,
    ...(embedded.missing.length > 0 ? { missingGlyphs: embedded.missing } : {}),
  };
}

/** Renders one 公文 (or 纪要) to PDF. */
export async function renderDocument(
  doc: OfficialDocument,
  env: PdfEnv,
  options: RenderOptions = {},
  cache?: SubsetCache,
): Promise<RenderResult> {
  return renderLayout(
    (m) => layoutDocument(doc, m),
    env,
    {
      title: doc.title || doc.markText || doc.organ,
      subject: DOC_KIND_LABEL[doc.kind],
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    },
    options,
    cache,
  );
}

/**
 * N distinct numbered copies (份号 firstCopy…firstCopy+N-1, 000001… by default), one PDF each; fonts are subset
 * once. A reprint starts after the last number already issued, so no two paper copies share a 份号.
 */
export async function renderCopies(
  doc: OfficialDocument,
  env: PdfEnv,
  count: number,
  options: RenderOptions = {},
  firstCopy = 1,
): Promise<RenderResult[]> {
  if (!Number.isInteger(count) || count < 1 || count > 999_999)
    throw new RangeError('印制份数应为 1 到 999999 之间的整数');
  if (!Number.isInteger(firstCopy) || firstCopy < 1 || firstCopy + count - 1 > 999_999)
    throw new RangeError('份号应在 000001 到 999999 之间');
  const cache: SubsetCache = new Map();
  const out: RenderResult[] = [];
  for (let n = firstCopy; n < firstCopy + count; n++)
    out.push(await renderDocument({ ...doc, copyNumber: n }, env, options, cache));
  return out;
}

/** N numbered copies in one PDF, copy after copy. */
export async function renderCopiesCombined(
  doc: OfficialDocument,
  env: PdfEnv,
  count: number,
  options: RenderOptions = {},
  firstCopy = 1,
): Promise<RenderResult> {
  const copies = await renderCopies(doc, env, count, options, firstCopy);
  const merged = await PDFDocument.create({ updateMetadata: false });
  for (const c of copies) {
    const src = await PDFDocument.load(c.bytes);
    const pages = await merged.copyPages(src, src.getPageIndices());
    pages.forEach((p) => merged.addPage(p));
  }
  merged.setTitle(`${doc.title}（共${count}份）`);
  merged.setKeywords([`字体：${describeFontUse(copies[0]?.fonts ?? [])}`]);
  const bytes = await merged.save({ useObjectStreams: true });
  return { bytes, pageCount: merged.getPageCount(), fonts: copies[0]?.fonts ?? [] };
}

/** 会议通知 with its agenda. */
export async function renderMeetingNotice(
  notice: MeetingNotice,
  env: PdfEnv,
  options: RenderOptions = {},
): Promise<RenderResult> {
  return renderDocument(meetingNoticeDocument(notice), env, options);
}

/** 常务会议纪要 with 出席/请假/列席 from the attendance records. */
export async function renderMinutes(
  minutes: MinutesInput,
  env: PdfEnv,
  options: RenderOptions = {},
): Promise<RenderResult> {
  return renderDocument(minutesDocument(minutes), env, options);
}

export async function renderSignInSheet(
  sheet: SignInSheet,
  env: PdfEnv,
  options: RenderOptions = {},
): Promise<RenderResult> {
  const table = signInTable(sheet);
  return renderLayout((m) => layoutTable(table, m), env, { title: table.title, subject: '签到表' }, options);
}

export async function renderLeaveSlip(
  slip: LeaveSlip,
  env: PdfEnv,
  options: RenderOptions = {},
): Promise<RenderResult> {
  const table = leaveTable(slip);
  return renderLayout(
    (m) => layoutTable(table, m),
    env,
    { title: `${slip.name}请假单`, subject: '请假单' },
    options,
  );
}
