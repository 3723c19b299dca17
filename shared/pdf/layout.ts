/**
 * GB/T 9704-2012 layout: a document becomes pages of drawing ops. The body flows as bands (one per line) on
 * the 22-line grid; header, signature/seal, 版记 and page numbers are placed by the standard's distances.
 */
import {
  chineseDate,
  defaultDirection,
  defaultFormat,
  formatDocNumber,
  type OfficialDocument,
  type Paragraph,
} from './model';
import {
  BANJI_THICK_MM,
  BANJI_THIN_MM,
  BLACK,
  BODY_EM_MM,
  CHAR_PITCH_MM,
  LETTER_BOTTOM_RULE_FROM_BOTTOM_MM,
  LETTER_MARK_TOP_MM,
  LETTER_RULE_GAP_MM,
  LETTER_RULE_LENGTH_MM,
  LETTER_THICK_MM,
  LETTER_THIN_MM,
  LINE_PITCH_MM,
  MARK_TOP_FROM_TYPE_TOP_MM,
  ORDER_MARK_TOP_FROM_TYPE_TOP_MM,
  PAGE_HEIGHT_MM,
  PAGE_NUMBER_GAP_MM,
  PAGE_WIDTH_MM,
  RED,
  SEAL_DIAMETER_MM,
  SEPARATOR_GAP_MM,
  SIZE,
  TYPE_BOTTOM_MM,
  TYPE_LEFT_MM,
  TYPE_RIGHT_MM,
  TYPE_TOP_MM,
  TYPE_WIDTH_MM,
  ptToMm,
} from './geometry';
import { breakTitle } from './linebreak';
import { shiftOp, type Op, type PageLayout, type TextOp } from './ops';
import { sealOps } from './seal';
import { cellOf, lineOps, style, widthOf, wrapOps, type Measure, type Run, type Style } from './text';

const P = LINE_PITCH_MM;
const S = BODY_EM_MM;
const C = CHAR_PITCH_MM;
const EPS = 0.01;

/** One horizontal slice of the flow: usually one text line. Ops are relative to the band's top. */
export interface Band {
  readonly height: number;
  /** Space the band needs below its top to fit on the page (the em height of a text line). */
  readonly need: number;
  readonly ops: readonly Op[];
  /** Keep on the same page as the next band (headings, the lines before the signature). */
  readonly keepWithNext: boolean;
  /** A blank line: dropped at the top of a page. */
  readonly space: boolean;
  readonly breakBefore: boolean;
}

const textBand = (ops: readonly Op[], need = S): Band => ({
  height: P,
  need,
  ops,
  keepWithNext: false,
  space: false,
  breakBefore: false,
});
const spaceBand = (lines = 1): Band => ({
  height: lines * P,
  need: 0,
  ops: [],
  keepWithNext: false,
  space: true,
  breakBefore: false,
});
const keep = (b: Band): Band => ({ ...b, keepWithNext: true });

const FANG = style('fangsong');
const HEI = style('heiti');
const KAI = style('kaiti');
const TITLE = style('xiaobiaosong', SIZE.erhao);
const BANJI = style('fangsong', SIZE.sihao);
const PAGE_NO = style('songti', SIZE.sihao);

function centredOps(runs: readonly Run[], top: number, measure: Measure, maxWidth = TYPE_WIDTH_MM): TextOp[] {
  const w = widthOf(runs, measure);
  const scale = w > maxWidth ? maxWidth / w : 1;
  return lineOps(runs, TYPE_LEFT_MM + (TYPE_WIDTH_MM - w * scale) / 2, top, measure, scale);
}

function rightOps(runs: readonly Run[], rightInset: number, top: number, measure: Measure): TextOp[] {
  return lineOps(runs, TYPE_RIGHT_MM - rightInset - widthOf(runs, measure), top, measure);
}

/** Paragraph → bands, one per line. */
function paragraphBands(
  runs: readonly Run[],
  measure: Measure,
  opts: { indent?: number; hang?: number; justify?: boolean; left?: number; width?: number } = {},
): Band[] {
  const lines = wrapOps(
    runs,
    {
      left: opts.left ?? TYPE_LEFT_MM,
      width: opts.width ?? TYPE_WIDTH_MM,
      indent: opts.indent ?? 0,
      hang: opts.hang ?? 0,
      justify: opts.justify ?? true,
    },
    measure,
  );
  const need = Math.max(...runs.map((r) => ptToMm(r.style.size)), 0);
  return lines.map((ops) => textBand(ops, need));
}

const HEADING_STYLE: Readonly<Record<1 | 2 | 3 | 4, Style>> = { 1: HEI, 2: KAI, 3: FANG, 4: FANG };

function bodyBands(paragraphs: readonly Paragraph[], measure: Measure): Band[] {
  const bands: Band[] = [];
  for (const p of paragraphs) {
    const level = p.level ?? 0;
    const runs: Run[] = [];
    if (level !== 0 && p.heading) runs.push({ text: p.heading, style: HEADING_STYLE[level] });
    if (p.text) runs.push({ text: p.text, style: FANG });
    if (runs.length === 0) continue;
    const lines = paragraphBands(runs, measure, { indent: 2 * C });
    // A heading standing alone stays with the paragraph after it.
    if (level !== 0 && !p.text) lines.forEach((b, i) => (lines[i] = keep(b)));
    bands.push(...lines);
  }
  return bands;
}

/** "标签：" + items, continuation lines aligned after the colon (附件说明, 出席, 抄送). */
function labelledBands(
  label: Run,
  text: string,
  measure: Measure,
  indent: number,
  width = TYPE_WIDTH_MM,
  left = TYPE_LEFT_MM,
  body: Style = FANG,
): Band[] {
  const labelWidth = widthOf([label], measure);
  return paragraphBands([label, { text, style: body }], measure, {
    indent,
    hang: indent + labelWidth,
    left,
    width,
  });
}

function attachmentNoteBands(doc: OfficialDocument, measure: Measure): Band[] {
  const list = doc.attachments ?? [];
  if (list.length === 0) return [];
  const label: Run = { text: '附件：', style: FANG };
  const labelW = widthOf([label], measure);
  const out: Band[] = [spaceBand()];
  if (list.length === 1) {
    out.push(...labelledBands(label, list[0]?.title ?? '', measure, 2 * C));
    return out;
  }
  list.forEach((a, i) => {
    const num: Run = { text: `${i + 1}. `, style: FANG };
    const lead = 2 * C + labelW;
    const runs: Run[] =
      i === 0 ? [label, num, { text: a.title, style: FANG }] : [num, { text: a.title, style: FANG }];
    out.push(
      ...paragraphBands(runs, measure, {
        indent: i === 0 ? 2 * C : lead,
        hang: lead + widthOf([num], measure),
        justify: false,
      }),
    );
  });
  return out;
}

/** 署名、成文日期、印章 (7.3.5) as bands; the lines before it are kept with it by the caller. */
function signatureBands(doc: OfficialDocument, measure: Measure): Band[] {
  const signature = doc.signature ?? doc.organ;
  const date: Run = { text: chineseDate(doc.date), style: FANG };
  const dateW = widthOf([date], measure);
  const ops: Op[] = [];
  let need = P + S;
  let height = 2 * P;
  if (doc.seal !== undefined) {
    // 7.3.5.1: date 右空四字; signature centred on the date; the seal straddles both, its top just under the text above.
    const dateX = TYPE_RIGHT_MM - 4 * C - dateW;
    ops.push(...lineOps([date], dateX, P, measure));
    if (signature) {
      const sig: Run = { text: signature, style: FANG };
      ops.push(...lineOps([sig], dateX + dateW / 2 - widthOf([sig], measure) / 2, 0, measure));
    }
    const sealTop = -2 * P + S + 1;
    ops.push(...sealOps(doc.seal, dateX + dateW / 2, sealTop + SEAL_DIAMETER_MM / 2, measure));
    need = Math.max(need, sealTop + SEAL_DIAMETER_MM);
    // Whatever follows (附注, 出席) starts below the seal rather than under its ink.
    height = Math.ceil((sealTop + SEAL_DIAMETER_MM) / P) * P;
  } else if (signature) {
    // 7.3.5.2: signature 右空二字, the date's first character two characters right of the signature's.
    const sig: Run = { text: signature, style: FANG };
    const sigW = widthOf([sig], measure);
    let sigX = TYPE_RIGHT_MM - 2 * C - sigW;
    let dateX = sigX + 2 * C;
    if (dateX + dateW > TYPE_RIGHT_MM - 2 * C) {
      dateX = TYPE_RIGHT_MM - 2 * C - dateW;
      sigX = dateX - 2 * C;
    }
    ops.push(...lineOps([sig], sigX, 0, measure), ...lineOps([date], dateX, P, measure));
  } else {
    ops.push(...lineOps([date], TYPE_RIGHT_MM - 4 * C - dateW, 0, measure));
    return [keep(spaceBand()), textBand(ops)];
  }
  return [keep(spaceBand()), { height, need, ops, keepWithNext: false, space: false, breakBefore: false }];
}

function attendanceBands(doc: OfficialDocument, measure: Measure): Band[] {
  const a = doc.attendance;
  if (a === undefined) return [];
  const out: Band[] = [spaceBand()];
  const lists: [string, readonly string[] | undefined][] = [
    ['出席', a.present],
    ['请假', a.absent],
    ['列席', a.attending],
  ];
  for (const [label, names] of lists) {
    if (names === undefined || names.length === 0) continue;
    out.push(...labelledBands({ text: `${label}：`, style: HEI }, names.join('、'), measure, 2 * C));
  }
  return out;
}

interface Header {
  readonly ops: Op[];
  readonly bodyTop: number;
}

/** 份号, 密级★期限, 紧急程度, stacked from `top` at the left edge (7.2.1–7.2.3). */
function metaOps(doc: OfficialDocument, top: number, measure: Measure): { ops: Op[]; lines: number } {
  const rows: Run[] = [];
  if (doc.copyNumber !== undefined) rows.push({ text: String(doc.copyNumber).padStart(6, '0'), style: FANG });
  if (doc.classification) {
    const c = doc.classification;
    rows.push({ text: c.term ? `${c.level}★${c.term}` : c.level, style: HEI });
  }
  if (doc.urgency) rows.push({ text: doc.urgency, style: HEI });
  return {
    ops: rows.flatMap((r, i) => lineOps([r], TYPE_LEFT_MM, top + i * P, measure)),
    lines: rows.length,
  };
}

/** The red 发文机关标志 (or 纪要/令 mark), condensed to fit the type area. */
function markOps(
  text: string,
  top: number,
  heightMm: number,
  measure: Measure,
): { ops: Op[]; bottom: number } {
  const size = heightMm / ptToMm(1);
  const runs: Run[] = [{ text, style: style('xiaobiaosong', size, RED) }];
  return { ops: centredOps(runs, top, measure, TYPE_WIDTH_MM * 0.96), bottom: top + heightMm };
}

function standardHeader(doc: OfficialDocument, measure: Measure): Header {
  const format = doc.format ?? defaultFormat(doc.kind);
  const direction = doc.direction ?? defaultDirection(doc.kind);
  const ops: Op[] = [...metaOps(doc, TYPE_TOP_MM, measure).ops];
  const markTop =
    TYPE_TOP_MM + (format === 'order' ? ORDER_MARK_TOP_FROM_TYPE_TOP_MM : MARK_TOP_FROM_TYPE_TOP_MM);
  const markText =
    doc.markText ??
    (format === 'minutes'
      ? `${doc.organ}纪要`
      : format === 'order'
        ? `${doc.organ}令`
        : doc.withWenjian
          ? `${doc.organ}文件`
          : doc.organ);
  const mark = markOps(markText, markTop, 15, measure);
  ops.push(...mark.ops);
  // 7.2.5: 发文字号 two blank lines below the mark.
  let lineTop = mark.bottom + 2 * P;
  const numberText =
    format === 'minutes'
      ? (doc.issueLabel ?? (doc.docNumber ? formatDocNumber(doc.docNumber) : ''))
      : doc.docNumber
        ? formatDocNumber(doc.docNumber)
        : '';
  if (format === 'order') {
    // 10.2: 令号 such as "第1号" (issueLabel), else the 发文字号.
    const orderNumber = doc.issueLabel ?? numberText;
    if (orderNumber) ops.push(...centredOps([{ text: orderNumber, style: FANG }], lineTop, measure));
    // 10.2: the body two blank lines below the 令号, no separator.
    return { ops, bodyTop: lineTop + 3 * P };
  }
  if (direction === 'up' && (doc.signers?.length ?? 0) > 0) {
    // 7.2.6: 签发人 右空一字, two names per line aligned after the colon; the number shares the last line.
    const label: Run = { text: '签发人：', style: FANG };
    const labelW = widthOf([label], measure);
    const names = doc.signers ?? [];
    const rows: string[] = [];
    for (let i = 0; i < names.length; i += 2) rows.push(names.slice(i, i + 2).join('　'));
    const rowWidth = Math.max(...rows.map((r) => widthOf([{ text: r, style: KAI }], measure)));
    const x = TYPE_RIGHT_MM - C - labelW - rowWidth;
    rows.forEach((r, i) => {
      const top = lineTop + i * P;
      if (i === 0) ops.push(...lineOps([label], x, top, measure));
      ops.push(...lineOps([{ text: r, style: KAI }], x + labelW, top, measure));
    });
    lineTop += (rows.length - 1) * P;
    if (numberText)
      ops.push(...lineOps([{ text: numberText, style: FANG }], TYPE_LEFT_MM + C, lineTop, measure));
  } else if (numberText) {
    ops.push(...centredOps([{ text: numberText, style: FANG }], lineTop, measure));
  }
  if (format === 'minutes') {
    // 纪要格式 may be set by practice (10.3): the issuing office left and the date right, above the red line.
    lineTop += P;
    ops.push(
      ...lineOps([{ text: doc.printingOrgan ?? doc.organ, style: FANG }], TYPE_LEFT_MM + C, lineTop, measure),
    );
    ops.push(...rightOps([{ text: chineseDate(doc.date), style: FANG }], C, lineTop, measure));
  }
  // 7.2.7: the red separator 4 mm below the 发文字号, as wide as the type area.
  const sepY = lineTop + S + SEPARATOR_GAP_MM;
  ops.push({ kind: 'rule', x1: TYPE_LEFT_MM, y1: sepY, x2: TYPE_RIGHT_MM, y2: sepY, width: 0.5, color: RED });
  // 7.3.1: the title two blank lines below the separator.
  return { ops, bodyTop: sepY + 2 * P };
}

function letterHeader(doc: OfficialDocument, measure: Measure): Header {
  const ops: Op[] = [];
  const mark = markOps(doc.markText ?? doc.organ, LETTER_MARK_TOP_MM, 10, measure);
  ops.push(...mark.ops);
  // 10.1: a red double line (thick over thin) 4 mm under the mark, 170 mm long, centred.
  const x1 = (PAGE_WIDTH_MM - LETTER_RULE_LENGTH_MM) / 2;
  const x2 = x1 + LETTER_RULE_LENGTH_MM;
  const thickY = mark.bottom + 4 + LETTER_THICK_MM / 2;
  const thinY = thickY + LETTER_THICK_MM / 2 + LETTER_RULE_GAP_MM + LETTER_THIN_MM / 2;
  ops.push({ kind: 'rule', x1, y1: thickY, x2, y2: thickY, width: LETTER_THICK_MM, color: RED });
  ops.push({ kind: 'rule', x1, y1: thinY, x2, y2: thinY, width: LETTER_THIN_MM, color: RED });
  // Elements under the line start 7/8 of a 3号 character below it.
  const firstTop = thinY + LETTER_THIN_MM / 2 + (7 / 8) * S;
  const meta = metaOps(doc, firstTop, measure);
  ops.push(...meta.ops);
  if (doc.docNumber)
    ops.push(...rightOps([{ text: formatDocNumber(doc.docNumber), style: FANG }], 0, firstTop, measure));
  const lastTop = firstTop + Math.max(meta.lines, doc.docNumber ? 1 : 0, 1) * P - P;
  return { ops, bodyTop: lastTop + 3 * P };
}

/** 10.1: the lower double line (thin over thick) 20 mm above the page bottom. */
function letterFooterOps(): Op[] {
  const x1 = (PAGE_WIDTH_MM - LETTER_RULE_LENGTH_MM) / 2;
  const x2 = x1 + LETTER_RULE_LENGTH_MM;
  const thickY = PAGE_HEIGHT_MM - LETTER_BOTTOM_RULE_FROM_BOTTOM_MM - LETTER_THICK_MM / 2;
  const thinY = thickY - LETTER_THICK_MM / 2 - LETTER_RULE_GAP_MM - LETTER_THIN_MM / 2;
  return [
    { kind: 'rule', x1, y1: thinY, x2, y2: thinY, width: LETTER_THIN_MM, color: RED },
    { kind: 'rule', x1, y1: thickY, x2, y2: thickY, width: LETTER_THICK_MM, color: RED },
  ];
}

function titleBands(title: string, measure: Measure): Band[] {
  if (!title) return [];
  const maxChars = Math.floor(TYPE_WIDTH_MM / cellOf(TITLE.size));
  return breakTitle(title, maxChars).map((line) =>
    keep(textBand(centredOps([{ text: line, style: TITLE }], 0, measure), ptToMm(TITLE.size))),
  );
}

function attachmentPages(doc: OfficialDocument, measure: Measure): Band[] {
  const list = doc.attachments ?? [];
  const out: Band[] = [];
  list.forEach((a, i) => {
    if (a.body === undefined) return;
    // 7.3.7: "附件N" top-left on line 1 in 黑体, the title centred on line 3.
    const label = list.length > 1 ? `附件${i + 1}` : '附件';
    out.push({
      ...keep(textBand(lineOps([{ text: label, style: HEI }], TYPE_LEFT_MM, 0, measure))),
      breakBefore: true,
    });
    out.push(keep(spaceBand()));
    out.push(...titleBands(a.title, measure));
    out.push(keep(spaceBand()));
    out.push(...bodyBands(a.body, measure));
  });
  return out;
}

interface Flow {
  readonly pages: Op[][];
  /** Lowest point used on the last page (a seal may reach below its band). */
  readonly bottom: number;
}

/** Places bands on pages; a band that does not fit moves to the next page with the chain kept with it. */
export function paginate(bands: readonly Band[], firstTop: number): Flow {
  const pages: Op[][] = [[]];
  let placed: { index: number; count: number }[] = [];
  let cursor = firstTop;
  let bottom = firstTop;
  const newPage = (): void => {
    pages.push([]);
    placed = [];
    cursor = TYPE_TOP_MM;
    bottom = TYPE_TOP_MM;
  };
  let i = 0;
  while (i < bands.length) {
    const band = bands[i];
    if (band === undefined) break;
    if (band.breakBefore && placed.length > 0) newPage();
    if (placed.length === 0 && band.space && !band.breakBefore) {
      i++;
      continue;
    }
    const page = pages[pages.length - 1] ?? [];
    if (cursor + band.need <= TYPE_BOTTOM_MM + EPS || placed.length === 0) {
      page.push(...band.ops.map((op) => shiftOp(op, cursor)));
      placed.push({ index: i, count: band.ops.length });
      if (!band.space) bottom = Math.max(bottom, cursor + band.need);
      cursor += band.height;
      i++;
      continue;
    }
    // Walk back over the chain of bands that must stay with this one.
    let j = i;
    while (j - 1 > (placed[0]?.index ?? 0) && bands[j - 1]?.keepWithNext) j--;
    if (j < i && j > (placed[0]?.index ?? 0)) {
      while ((placed[placed.length - 1]?.index ?? -1) >= j) {
        const last = placed.pop();
        if (last) page.splice(page.length - last.count, last.count);
      }
      i = j;
    }
    newPage();
  }
  return { pages, bottom };
}

export function pageNumberOps(n: number, measure: Measure): Op[] {
  // 7.5: "— n —" 4号 宋体, 7 mm below the type area; odd pages 右空一字, even pages 左空一字.
  const runs: Run[] = [{ text: `— ${n} —`, style: PAGE_NO }];
  const top = TYPE_BOTTOM_MM + PAGE_NUMBER_GAP_MM;
  const inset = cellOf(SIZE.sihao);
  return n % 2 === 1
    ? rightOps(runs, inset, top, measure)
    : lineOps(runs, TYPE_LEFT_MM + inset, top, measure);
}

/** 版记 (7.4) ops laid upward from the type-area bottom; returns them and their height. */
function banjiOps(doc: OfficialDocument, letter: boolean, measure: Measure): { ops: Op[]; height: number } {
  const row = 8;
  const inset = cellOf(SIZE.sihao);
  const width = TYPE_WIDTH_MM - 2 * inset;
  const textTop = (rowTop: number): number => rowTop + (row - ptToMm(SIZE.sihao)) / 2;
  const ops: Op[] = [];
  let y = TYPE_BOTTOM_MM;
  const rule = (at: number, w: number): void => {
    ops.push({ kind: 'rule', x1: TYPE_LEFT_MM, y1: at, x2: TYPE_RIGHT_MM, y2: at, width: w, color: BLACK });
  };
  if (!letter) {
    rule(y - BANJI_THICK_MM / 2, BANJI_THICK_MM);
    y -= row;
    const printed: Run = { text: `${chineseDate(doc.printDate ?? doc.date)}印发`, style: BANJI };
    ops.push(
      ...lineOps(
        [{ text: doc.printingOrgan ?? doc.organ, style: BANJI }],
        TYPE_LEFT_MM + inset,
        textTop(y),
        measure,
      ),
    );
    ops.push(...rightOps([printed], inset, textTop(y), measure));
  }
  const cc = doc.cc ?? [];
  if (cc.length > 0) {
    const label: Run = { text: '抄送：', style: BANJI };
    const lines = wrapOps(
      [label, { text: `${cc.join('，')}。`, style: BANJI }],
      { left: TYPE_LEFT_MM + inset, width, hang: widthOf([label], measure), justify: false },
      measure,
    );
    if (!letter) rule(y + BANJI_THIN_MM / 2, BANJI_THIN_MM);
    y -= row * lines.length;
    lines.forEach((l, k) => ops.push(...l.map((op) => shiftOp(op, textTop(y + k * row)))));
  }
  if (!letter) rule(y + BANJI_THICK_MM / 2, BANJI_THICK_MM);
  return { ops, height: TYPE_BOTTOM_MM - y };
}

/** Lays out a document. `measure` gives half-width advances (the embedded fonts' in the final pass). */
export function layoutDocument(doc: OfficialDocument, measure: Measure): PageLayout[] {
  const format = doc.format ?? defaultFormat(doc.kind);
  const letter = format === 'letter';
  const header = letter ? letterHeader(doc, measure) : standardHeader(doc, measure);

  const bands: Band[] = [];
  bands.push(...titleBands(doc.title, measure));
  const recipients = doc.mainRecipients ?? [];
  if (recipients.length > 0) {
    if (doc.title) bands.push(keep(spaceBand()));
    // 7.3.2: 顶格, wrapped lines also 顶格, a full-width colon after the last.
    bands.push(
      ...paragraphBands([{ text: `${recipients.join('，')}：`, style: FANG }], measure, {
        justify: true,
      }).map(keep),
    );
  } else if (doc.title) {
    bands.push(keep(spaceBand()));
  }
  const body = bodyBands(doc.body, measure);
  const tail: Band[] = [...attachmentNoteBands(doc, measure)];
  // 纪要 carry no signature unless one is given; other documents sign with the organ by default.
  const closing: Band[] = format !== 'minutes' || doc.signature ? signatureBands(doc, measure) : [];
  // The signature page must carry text (7.3.5.5: no "此页无正文"): the last two lines before it travel with it.
  const beforeClosing = [...body, ...tail];
  if (closing.length > 0) {
    let kept = 0;
    for (let k = beforeClosing.length - 1; k >= 0 && kept < 2; k--) {
      const b = beforeClosing[k];
      if (b === undefined) continue;
      beforeClosing[k] = keep(b);
      if (!b.space) kept++;
    }
  }
  bands.push(...beforeClosing, ...closing);
  if (doc.note)
    bands.push(...paragraphBands([{ text: `（${doc.note}）`, style: FANG }], measure, { indent: 2 * C }));
  bands.push(...attendanceBands(doc, measure));
  bands.push(...attachmentPages(doc, measure));

  const flow = paginate(bands, header.bodyTop);
  const pages: Op[][] = flow.pages;
  pages[0]?.unshift(...header.ops);

  // 版记 on the last page's bottom, ideally an even page (the back of the last sheet).
  const banji = banjiOps(doc, letter, measure);
  const unnumbered = new Set<number>();
  if (banji.ops.length > 0) {
    // One line's gap between the last text and the 版记's first rule.
    const fits = flow.bottom + (P - S) <= TYPE_BOTTOM_MM - banji.height + EPS;
    const wantEven = (doc.banjiOnEvenPage ?? true) && !letter;
    const n = pages.length;
    if (!wantEven) {
      if (!fits) pages.push([]);
    } else if (n % 2 === 1) {
      pages.push([]);
    } else if (!fits) {
      pages.push([], []);
      unnumbered.add(n).add(n + 1);
    }
    pages[pages.length - 1]?.push(...banji.ops);
  }
  if (letter) pages[0]?.push(...letterFooterOps());
  return pages.map((ops, i) => {
    const number = (letter && i === 0) || unnumbered.has(i) ? null : i + 1;
    return { ops: number === null ? ops : [...ops, ...pageNumberOps(number, measure)], pageNumber: number };
  });
}
