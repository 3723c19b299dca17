/**
 * End-to-end checks of the engine in Node: real system fonts, HarfBuzz subsetting, and poppler to rasterise
 * and extract. Positions are measured from the rendered pages (ink), not taken from the layout's inputs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFDict, PDFRawStream, PDFStream, decodePDFRawStream } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { discoverFonts, nodePdfEnv } from '../../scripts/fonts';
import { sampleIncomingPdf } from '../../scripts/pdf-samples';
import {
  HAN,
  MINUTES,
  NOTICE,
  ORGAN,
  QINGSHI,
  TONGZHI,
  longMinutes,
} from '../../test/fixtures/pdf/sample-office';
import {
  horizontalRules,
  inkBounds,
  inkIn,
  pdffonts,
  rasterise,
  textLines,
  type Raster,
  type TextLine,
} from '../../test/fixtures/pdf/poppler';
import { ringSealPng } from '../../test/fixtures/pdf/png';
import { CLOSING, OPENING } from './chars';
import type { PdfEnv } from './fonts';
import { DOC_KIND_LABEL, type DocKind } from './model';
import { minutesDocument } from './meeting';
import { PdfInputError, stampReceivedPdf, MAX_RECEIVED_PDF_BYTES } from './stamp';
import {
  renderCopies,
  renderDocument,
  renderMeetingNotice,
  renderMinutes,
  type RenderResult,
} from './render';

// The standard's numbers, restated here on purpose: the tests must not borrow the engine's constants.
const STD = {
  top: 37,
  left: 28,
  width: 156,
  height: 225,
  markTop: 37 + 35,
  pageNoTop: 37 + 225 + 7,
  pageW: 210,
};

let env: PdfEnv;
const out: Record<string, RenderResult> = {};
const rasters: Record<string, Raster[]> = {};
const texts: Record<string, TextLine[][]> = {};

beforeAll(async () => {
  // The system Noto CJK stand-ins (CFF, see the FontFile3 test), not the bundled TrueType copies a build adds.
  env = nodePdfEnv(discoverFonts({ bundledDir: '/nonexistent' }));
  out.tongzhi = await renderDocument(TONGZHI, env);
  out.qingshi = await renderDocument(QINGSHI, env);
  out.han = await renderDocument(HAN, env);
  out.minutes = await renderMinutes(MINUTES, env);
  out.notice = await renderMeetingNotice(NOTICE, env);
  for (const [k, r] of Object.entries(out)) {
    rasters[k] = rasterise(r.bytes, 72);
    texts[k] = textLines(r.bytes);
  }
}, 240_000);

const pageText = (lines: readonly TextLine[]): string => lines.map((l) => l.text).join('');
const squash = (s: string): string => s.replace(/\s+/g, '');
/** All text of a document in reading order, page numbers left out so paragraphs read across pages. */
const fullText = (pages: readonly TextLine[][] | undefined): string =>
  squash(
    (pages ?? [])
      .flat()
      .map((l) => squash(l.text))
      .filter((t) => !/^—\d+—$/.test(t))
      .join(''),
  );

describe('fonts', () => {
  it('embeds every font, marked as a subset, with Unicode maps', () => {
    for (const r of Object.values(out)) {
      const fonts = pdffonts(r.bytes);
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) {
        expect(f, f.name).toMatchObject({ emb: true, sub: true, uni: true });
        expect(f.name).toMatch(/^[A-Z]{6}\+/);
      }
    }
  });

  it('embeds each face once and only with the glyphs used', async () => {
    const doc = await PDFDocument.load(out.tongzhi?.bytes ?? new Uint8Array());
    const files: Uint8Array[] = [];
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
      const file = obj.lookup(PDFName.of('FontFile3')) ?? obj.lookup(PDFName.of('FontFile2'));
      if (file instanceof PDFRawStream) files.push(decodePDFRawStream(file).decode());
      else if (file instanceof PDFStream) throw new Error('unexpected stream type');
    }
    const unique = new Set(squash(pageText(texts.tongzhi?.flat() ?? []))).size;
    expect(files.length).toBe(3); // 仿宋/楷体/宋体 share one stand-in face; 小标宋 and 黑体 have their own
    for (const bytes of files) {
      const font = fontkit.create(bytes) as unknown as { numGlyphs: number };
      expect(font.numGlyphs).toBeLessThan(unique + 120);
    }
    expect(out.tongzhi?.bytes.byteLength).toBeLessThan(400_000);
  });

  it('declares CFF outlines honestly: CIDFontType0 with an OpenType FontFile3, no CIDToGIDMap', async () => {
    const doc = await PDFDocument.load(out.tongzhi?.bytes ?? new Uint8Array());
    let cidFonts = 0;
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
      const subtype = obj.get(PDFName.of('Subtype'));
      if (subtype !== PDFName.of('CIDFontType0') && subtype !== PDFName.of('CIDFontType2')) continue;
      cidFonts++;
      const descriptor = obj.lookup(PDFName.of('FontDescriptor'), PDFDict);
      // The Noto CJK stand-ins are CFF-flavoured OpenType.
      expect(subtype).toBe(PDFName.of('CIDFontType0'));
      expect(obj.get(PDFName.of('CIDToGIDMap'))).toBeUndefined();
      const file = descriptor.lookup(PDFName.of('FontFile3'));
      expect(file instanceof PDFRawStream && file.dict.get(PDFName.of('Subtype'))).toBe(
        PDFName.of('OpenType'),
      );
    }
    expect(cidFonts).toBe(3);
  });

  it('reports characters the fonts cannot draw instead of printing them blank silently', async () => {
    const r = await renderDocument({ ...HAN, body: [{ text: '私用区字符\uE000不在任何字体中。' }] }, env);
    expect(r.missingGlyphs).toEqual([{ role: 'fangsong', chars: '\uE000' }]);
    expect(out.tongzhi?.missingGlyphs).toBeUndefined();
  }, 60_000);

  it('reports which font stood in for which role, in the result and the PDF', async () => {
    const r = out.tongzhi;
    expect(r?.fonts.map((f) => f.role).sort()).toEqual([
      'fangsong',
      'heiti',
      'kaiti',
      'songti',
      'xiaobiaosong',
    ]);
    const doc = await PDFDocument.load(r?.bytes ?? new Uint8Array());
    expect(doc.getKeywords()).toContain('仿宋=');
  });
});

describe('every drawn character has ink (no blank CJK glyphs)', () => {
  it('finds ink under every word box of every page', () => {
    for (const [name, pages] of Object.entries(texts)) {
      pages.forEach((lines, p) => {
        const raster = rasters[name]?.[p];
        if (!raster) throw new Error(`no raster for ${name} p${p + 1}`);
        for (const line of lines)
          for (const w of line.words) {
            const ink = inkIn(raster, w);
            const chars = Array.from(w.text).length;
            expect(ink, `${name} p${p + 1} “${w.text}”`).toBeGreaterThanOrEqual(chars * 4);
          }
      });
    }
  });

  it('draws red ink for the mark and the separator, black for the body', () => {
    const p1 = rasters.tongzhi?.[0];
    if (!p1) throw new Error('missing raster');
    expect(
      inkIn(p1, { x0: STD.left, y0: STD.markTop, x1: STD.left + STD.width, y1: STD.markTop + 16 }, 'red'),
    ).toBeGreaterThan(500);
    expect(inkIn(p1, { x0: STD.left, y0: 160, x1: STD.left + STD.width, y1: 260 }, 'dark')).toBeGreaterThan(
      2000,
    );
  });
});

describe('text extraction round-trips', () => {
  it('gives back the body text, title and attachments', () => {
    const all = fullText(texts.tongzhi);
    for (const p of TONGZHI.body) expect(all).toContain(squash(`${p.heading ?? ''}${p.text ?? ''}`));
    expect(all).toContain('示政办发〔2026〕12号');
    expect(all).toContain('2026年3月5日');
    expect(all).toContain('示例区2026年春季森林防火重点区域表');
  });

  it('reads back the same text with a second parser (pdf.js), its fonts loaded from the file', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({
      data: (out.tongzhi?.bytes ?? new Uint8Array()).slice(),
      disableFontFace: true,
      verbosity: 0,
    }).promise;
    const page = await doc.getPage(1);
    const content = await page.getTextContent();
    const text = squash(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
    expect(text).toContain(squash(TONGZHI.body[0]?.text ?? ''));
    await page.getOperatorList();
    const fontIds = new Set(content.items.map((i) => ('fontName' in i ? i.fontName : '')));
    for (const id of fontIds)
      expect((page.commonObjs.get(id) as { missingFile?: boolean }).missingFile, id).toBe(false);
    await doc.destroy();
  }, 60_000);

  it('writes 出席/请假/列席 of the minutes from the attendance records', () => {
    const all = fullText(texts.minutes);
    expect(all).toContain('出席：刘振华、王建国、赵文华、陈思远、孙立');
    expect(all).toContain('请假：李红梅（出差）、何志强（参加市政府会议）');
    expect(all).toContain('列席：吴海涛（区发展改革局局长）');
  });

  it('lists the notice agenda', () => {
    const all = fullText(texts.notice);
    for (const item of NOTICE.agenda) expect(all).toContain(squash(item));
    expect(all).toContain('会议地点');
  });
});

describe('GB/T 9704-2012 geometry, measured from the pages', () => {
  const within = (actual: number, expected: number, tol = 1): void => {
    expect(Math.abs(actual - expected), `${actual.toFixed(2)} vs ${expected}`).toBeLessThanOrEqual(tol);
  };

  it('puts the first line at the 37 mm top margin and the text at the 28 mm left margin', () => {
    const p2 = rasters.tongzhi?.[1];
    if (!p2) throw new Error('missing raster');
    const ink = inkBounds(p2, { x0: 0, y0: 0, x1: STD.pageW, y1: STD.top + STD.height });
    within(ink?.y0 ?? 0, STD.top);
    within(ink?.x0 ?? 0, STD.left);
  });

  it('fills the 156 mm type area with justified lines', () => {
    const p1 = rasters.tongzhi?.[0];
    if (!p1) throw new Error('missing raster');
    const body = inkBounds(p1, { x0: 0, y0: 170, x1: STD.pageW, y1: STD.top + STD.height }, 'dark');
    within((body?.x1 ?? 0) - (body?.x0 ?? 0), STD.width);
  });

  it('places the red mark 35 mm below the type-area top and the separator 4 mm under the number', () => {
    const p1 = rasters.tongzhi?.[0];
    if (!p1) throw new Error('missing raster');
    const mark = inkBounds(p1, { x0: 0, y0: STD.top, x1: STD.pageW, y1: STD.markTop + 25 }, 'red');
    within(mark?.y0 ?? 0, STD.markTop);
    // The mark is centred in the type area.
    within(((mark?.x0 ?? 0) + (mark?.x1 ?? 0)) / 2, STD.left + STD.width / 2);
    const sep = horizontalRules(p1, 'red', 150)[0];
    expect(sep).toBeDefined();
    within((sep?.x1 ?? 0) - (sep?.x0 ?? 0), STD.width);
    within(sep?.x0 ?? 0, STD.left);
    const number = inkBounds(
      p1,
      { x0: STD.left, y0: (mark?.y1 ?? 0) + 1, x1: STD.left + STD.width, y1: (sep?.y ?? 0) - 1 },
      'dark',
    );
    // The number's em box ends about 0.1 em under its ink: 4 mm from the em box.
    within((sep?.y ?? 0) - (number?.y1 ?? 0), 4.5);
  });

  it('sets the title two blank lines under the separator and the 主送机关 one blank line under the title', () => {
    const p1 = rasters.tongzhi?.[0];
    const lines = texts.tongzhi?.[0] ?? [];
    if (!p1) throw new Error('missing raster');
    const sep = horizontalRules(p1, 'red', 150)[0]?.y ?? 0;
    const pitch = STD.height / 22;
    const title = inkBounds(
      p1,
      { x0: STD.left, y0: sep + 2, x1: STD.left + STD.width, y1: sep + 2 * pitch + 8 },
      'dark',
    );
    // 空二行: the title's line starts two line pitches under the rule (its ink a little lower).
    within(title?.y0 ?? 0, sep + 2 * pitch + 0.5);
    const recipients = lines.find((l) => squash(l.text).startsWith('各镇人民政府'));
    const lastTitle = lines.find((l) => squash(l.text).endsWith('工作的通知'));
    const rTop =
      inkBounds(
        p1,
        {
          x0: STD.left,
          y0: recipients?.words[0]?.y0 ?? 0,
          x1: STD.left + STD.width,
          y1: recipients?.words[0]?.y1 ?? 0,
        },
        'dark',
      )?.y0 ?? 0;
    const tTop =
      inkBounds(
        p1,
        {
          x0: STD.left,
          y0: lastTitle?.words[0]?.y0 ?? 0,
          x1: STD.left + STD.width,
          y1: lastTitle?.words[0]?.y1 ?? 0,
        },
        'dark',
      )?.y0 ?? 0;
    within(rTop - tTop, 2 * pitch);
    // 主送机关 flush left.
    within(recipients?.words[0]?.x0 ?? 0, STD.left);
  });

  it('prints page numbers 7 mm under the type area, odd right and even left, one character in', () => {
    const pages = rasters.tongzhi ?? [];
    pages.forEach((p, i) => {
      const ink = inkBounds(p, { x0: 0, y0: STD.top + STD.height + 1, x1: STD.pageW, y1: 297 });
      if (ink === null) return; // the 版记 page after a blank page carries none
      // "一字线上距版心下边缘7mm": the line's em box starts 7 mm down; its ink sits inside that 4号 em.
      expect(ink.y0).toBeGreaterThanOrEqual(STD.pageNoTop - 0.5);
      expect(ink.y1).toBeLessThanOrEqual(STD.pageNoTop + 14 * (25.4 / 72) + 0.5);
      const em = 14 * (25.4 / 72);
      if ((i + 1) % 2 === 1) within(ink.x1, STD.left + STD.width - em);
      else within(ink.x0, STD.left + em);
    });
  });

  it('draws the 信函 double lines 170 mm long, the mark 30 mm from the page top', () => {
    const p1 = rasters.han?.[0];
    if (!p1) throw new Error('missing raster');
    const rules = horizontalRules(p1, 'red', 160);
    expect(rules.length).toBeGreaterThanOrEqual(2);
    for (const r of rules) within(r.x1 - r.x0, 170);
    const mark = inkBounds(p1, { x0: 0, y0: 0, x1: STD.pageW, y1: 45 }, 'red');
    within(mark?.y0 ?? 0, 30);
    // The lower double line sits 20 mm above the page bottom.
    within(Math.max(...rules.map((r) => r.y)), 297 - 20);
    // First page of a 信函 has no page number.
    expect(inkBounds(p1, { x0: 0, y0: 266, x1: STD.pageW, y1: 275 }, 'dark')).toBeNull();
  });
});

describe('上行文 header and the seal, measured from the pages', () => {
  const C = STD.width / 28;

  it('puts the 发文字号 left one character in, on the line of the last 签发人, names right one character in', () => {
    const lines = texts.qingshi?.[0] ?? [];
    const number = lines.find((l) => squash(l.text).includes('示政办报〔2026〕3号'));
    const numberWord = number?.words.find((w) => w.text.includes('示政办报'));
    expect(numberWord).toBeDefined();
    expect(Math.abs((numberWord?.x0 ?? 0) - (STD.left + C))).toBeLessThanOrEqual(1);
    const signerRows = lines.filter((l) => /签发人|王建国|孙立/.test(l.text));
    const lastRow = signerRows[signerRows.length - 1];
    expect(lastRow?.text).toContain('孙立');
    expect(Math.abs((lastRow?.words[0]?.y0 ?? 0) - (numberWord?.y0 ?? 0))).toBeLessThanOrEqual(1);
    const rightmost = Math.max(...signerRows.flatMap((l) => l.words.map((w) => w.x1)));
    expect(Math.abs(rightmost - (STD.left + STD.width - C))).toBeLessThanOrEqual(1.5);
  });

  it('straddles signature and date with the seal, its top under the text above and within one line of it', () => {
    // The text just above the signature block, per document (the seal's own glyphs are text too, so the
    // line is found by content, and its bottom by its ink).
    for (const [name, lastText] of [
      ['tongzhi', '森林防火值班表（式样）'],
      ['qingshi', '妥否，请批示。'],
    ] as const) {
      const pages = texts[name] ?? [];
      const p = pages.findIndex((lines) => lines.some((l) => squash(l.text).includes(lastText)));
      const lines = pages[p] ?? [];
      const above = lines.find((l) => squash(l.text).includes(lastText));
      const date = lines.find((l) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(squash(l.text)));
      const raster = rasters[name]?.[p];
      if (!raster || !date || !above) throw new Error(`${name}: no date line`);
      const aboveInk = inkBounds(
        raster,
        {
          x0: STD.left,
          y0: Math.min(...above.words.map((w) => w.y0)),
          x1: STD.left + STD.width,
          y1: Math.max(...above.words.map((w) => w.y1)),
        },
        'dark',
      );
      const textBottom = aboveInk?.y1 ?? 0;
      const seal = inkBounds(
        raster,
        { x0: STD.left, y0: textBottom - 8, x1: STD.pageW, y1: STD.top + STD.height + 5 },
        'red',
      );
      expect(seal, name).not.toBeNull();
      // 上不压正文: the seal starts below the text; 印章顶端上距正文一行之内.
      expect(seal?.y0 ?? 0, name).toBeGreaterThanOrEqual(textBottom - 0.5);
      expect((seal?.y0 ?? 0) - textBottom, name).toBeLessThanOrEqual(10.3);
      // 下压成文日期: the date lies inside the seal.
      const d = date.words[0];
      expect(d && (seal?.x0 ?? 0) < d.x0 && (seal?.x1 ?? 0) > d.x1 && (seal?.y1 ?? 0) > d.y1, name).toBe(
        true,
      );
      // 成文日期 右空四字.
      expect(Math.abs((d?.x1 ?? 0) - (STD.left + STD.width - 4 * C)), name).toBeLessThanOrEqual(1.5);
    }
  });
});

describe('PNG seals', () => {
  it('places a transparent PNG seal over the date without hiding the text under it', async () => {
    const r = await renderDocument({ ...HAN, seal: { kind: 'png', bytes: ringSealPng() } }, env);
    const page = rasterise(r.bytes, 72)[0];
    const date = textLines(r.bytes)[0]?.find((l) => squash(l.text) === '2026年3月6日');
    if (!page || !date) throw new Error('no page or date');
    const seal = inkBounds(
      page,
      { x0: STD.left, y0: (date.words[0]?.y0 ?? 0) - 30, x1: STD.pageW, y1: (date.words[0]?.y1 ?? 0) + 30 },
      'red',
    );
    // 42 mm wide, centred on the date.
    expect(Math.abs((seal?.x1 ?? 0) - (seal?.x0 ?? 0) - 42)).toBeLessThanOrEqual(1.5);
    const d = date.words[0];
    expect(
      Math.abs(((seal?.x0 ?? 0) + (seal?.x1 ?? 0)) / 2 - ((d?.x0 ?? 0) + (d?.x1 ?? 0)) / 2),
    ).toBeLessThanOrEqual(1.5);
    // Transparency: the date under the seal still shows black ink.
    if (d) expect(inkIn(page, d, 'dark')).toBeGreaterThan(20);
  }, 60_000);

  it('refuses an image that is not a PNG, in Chinese', async () => {
    await expect(
      renderDocument({ ...HAN, seal: { kind: 'png', bytes: new Uint8Array([1, 2, 3]) } }, env),
    ).rejects.toThrow(/PNG/);
  }, 60_000);
});

describe('all 15 kinds of 公文', () => {
  it('renders each kind with its title and body', async () => {
    for (const kind of Object.keys(DOC_KIND_LABEL) as DocKind[]) {
      const label = DOC_KIND_LABEL[kind].replace(/（.*）/, '');
      const r = await renderDocument(
        {
          kind,
          organ: ORGAN,
          docNumber: { prefix: '示政发', year: 2026, serial: 9 },
          title: `示例区人民政府办公室关于示例事项的${label}`,
          mainRecipients: ['区政府各部门'],
          body: [{ text: `这是一份${label}的正文。` }],
          date: '2026-03-05',
          signers: ['刘振华'],
        },
        env,
      );
      const all = fullText(textLines(r.bytes));
      expect(all, kind).toContain(`这是一份${label}的正文。`);
      expect(all, kind).toContain(kind === 'mingling' ? `${ORGAN}令` : ORGAN);
    }
  }, 180_000);
});

describe('pagination rules', () => {
  it('never starts a printed line with a closing mark or ends one with an opening mark', () => {
    for (const [name, pages] of Object.entries(texts))
      for (const lines of pages)
        for (const l of lines) {
          const t = squash(l.text);
          expect(CLOSING.has(t[0] ?? '') && !/^[）)]/.test(t) ? t : '', `${name}: ${t}`).toBe('');
          expect(OPENING.has(t[t.length - 1] ?? '') ? t : '', `${name}: ${t}`).toBe('');
        }
  });

  it('keeps body text on the page that carries the signature, date and seal', () => {
    for (const [doc, name] of [
      [TONGZHI, 'tongzhi'],
      [QINGSHI, 'qingshi'],
    ] as const) {
      const pages = texts[name] ?? [];
      const dateLine = `${doc.date.slice(0, 4)}年${Number(doc.date.slice(5, 7))}月${Number(doc.date.slice(8))}日`;
      const page = pages.find((lines) => lines.some((l) => squash(l.text) === dateLine));
      expect(page, name).toBeDefined();
      const idx = page?.findIndex((l) => squash(l.text) === dateLine) ?? 0;
      // At least two lines of text above the signature on the same page.
      expect(idx, name).toBeGreaterThanOrEqual(3);
    }
  });

  it('puts the 版记 at the bottom of the last page, an even page, above the type-area bottom', () => {
    for (const name of ['tongzhi', 'minutes', 'notice']) {
      const pages = texts[name] ?? [];
      const last = pages.length;
      expect(last % 2, name).toBe(0);
      const printed = pages[last - 1]?.find((l) => squash(l.text).endsWith('印发'));
      expect(printed, name).toBeDefined();
      expect(printed?.words[0]?.y1 ?? 0).toBeLessThanOrEqual(STD.top + STD.height);
      expect(printed?.words[0]?.y0 ?? 0).toBeGreaterThan(STD.top + STD.height - 12);
      pages
        .slice(0, -1)
        .forEach((lines) => expect(lines.some((l) => squash(l.text).endsWith('印发'))).toBe(false));
    }
  });

  it('rules the 版记 with thick first and last lines (the last on the type-area bottom) and a thin middle one', () => {
    const pages = rasterise(out.tongzhi?.bytes ?? new Uint8Array(), 300);
    const last = pages[pages.length - 1];
    if (!last) throw new Error('missing raster');
    // Group consecutive rows of full-width dark rules into lines, with their thickness.
    const rows = horizontalRules(last, 'dark', 150).filter((r) => r.y > 200);
    const lines: { top: number; bottom: number }[] = [];
    for (const r of rows) {
      const prev = lines[lines.length - 1];
      if (prev && r.y - prev.bottom < 0.2) prev.bottom = r.y;
      else lines.push({ top: r.y, bottom: r.y });
    }
    expect(lines).toHaveLength(3);
    const thickness = lines.map((l) => l.bottom - l.top + 1 / last.scale);
    expect(Math.abs((thickness[0] ?? 0) - 0.35)).toBeLessThanOrEqual(0.12);
    expect(Math.abs((thickness[1] ?? 0) - 0.25)).toBeLessThanOrEqual(0.12);
    expect(Math.abs((thickness[2] ?? 0) - 0.35)).toBeLessThanOrEqual(0.12);
    expect(Math.abs((lines[2]?.bottom ?? 0) - (STD.top + STD.height))).toBeLessThanOrEqual(0.5);
  });

  it('lays a 12,000-character 纪要 over about 20 pages without losing text', async () => {
    const input = longMinutes();
    const r = await renderDocument(minutesDocument(input), env);
    expect(r.pageCount).toBeGreaterThanOrEqual(16);
    expect(r.pageCount).toBeLessThanOrEqual(24);
    const all = fullText(textLines(r.bytes));
    for (const item of input.items) expect(all).toContain(squash(item.text));
  }, 120_000);
});

describe('numbered classified copies', () => {
  it('makes N distinct copies numbered 000001…, with 密级 on the first page', async () => {
    const copies = await renderCopies(
      { ...HAN, format: 'standard', classification: { level: '机密', term: '1年' } },
      env,
      3,
      { watermark: { text: '周静 2026-03-05 14:20' } },
    );
    expect(copies).toHaveLength(3);
    copies.forEach((c, i) => {
      const first = squash(pageText(textLines(c.bytes)[0] ?? []));
      expect(first).toContain(String(i + 1).padStart(6, '0'));
      expect(first).toContain('机密★1年');
    });
    expect(new Set(copies.map((c) => Buffer.from(c.bytes).toString('base64'))).size).toBe(3);
  }, 120_000);

  it('continues a reprint after the numbers already issued, and refuses numbers past 999999', async () => {
    const doc = { ...HAN, format: 'standard' as const, classification: { level: '秘密' as const, term: '1年' } };
    const reprint = await renderCopies(doc, env, 2, {}, 4);
    expect(reprint.map((c) => squash(pageText(textLines(c.bytes)[0] ?? [])))).toEqual([
      expect.stringContaining('000004'),
      expect.stringContaining('000005'),
    ]);
    await expect(renderCopies(doc, env, 2, {}, 999_999)).rejects.toThrow(/份号/);
    await expect(renderCopies(doc, env, 1, {}, 0)).rejects.toThrow(/份号/);
  }, 120_000);
});

describe('stampReceivedPdf', () => {
  it('adds the 收文章 top-right of page 1 and leaves the original bytes alone', async () => {
    const original = await sampleIncomingPdf();
    const before = Buffer.from(original).toString('base64');
    const stamped = await stampReceivedPdf(
      original,
      { unit: ORGAN, number: '收〔2026〕35号', date: '2026-03-06', copies: 2 },
      env,
    );
    expect(Buffer.from(original).toString('base64')).toBe(before);
    const page = rasterise(stamped, 72)[0];
    if (!page) throw new Error('missing raster');
    const box = inkBounds(page, { x0: 105, y0: 0, x1: 210, y1: 60 }, 'red');
    expect(box).not.toBeNull();
    expect(box?.x1 ?? 0).toBeGreaterThan(190);
    const text = squash(pageText(textLines(stamped)[0] ?? []));
    expect(text).toContain('收〔2026〕35号');
    expect(text).toContain('2026年3月6日');
    expect(text).toContain('Incoming');
  }, 60_000);

  it('stamps the displayed top-right corner, upright, on rotated pages', async () => {
    for (const rotation of [90, 180, 270]) {
      const stamped = await stampReceivedPdf(
        await sampleIncomingPdf(rotation),
        { unit: ORGAN, number: '收〔2026〕36号', date: '2026-03-06', copies: 1 },
        env,
      );
      const page = rasterise(stamped, 72)[0];
      if (!page) throw new Error('missing raster');
      const widthMm = page.width / page.scale;
      const box = inkBounds(page, { x0: 0, y0: 0, x1: widthMm, y1: page.height / page.scale }, 'red');
      expect(box?.x1 ?? 0, `rotation ${rotation}`).toBeGreaterThan(widthMm - 15);
      expect(box?.y0 ?? 99, `rotation ${rotation}`).toBeLessThan(15);
      // Upright: the words come back in reading order from a raster-free extractor.
      expect(squash(pageText(textLines(stamped)[0] ?? [])), `rotation ${rotation}`).toContain(
        '收〔2026〕36号',
      );
    }
  }, 120_000);

  it('refuses malformed, hostile and oversized input with a Chinese message', async () => {
    const stamp = { unit: ORGAN, number: '1', date: '2026-03-06', copies: 1 };
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    await expect(stampReceivedPdf(garbage, stamp, env)).rejects.toThrow(/不是 PDF/);
    const truncated = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R');
    await expect(stampReceivedPdf(truncated, stamp, env)).rejects.toBeInstanceOf(PdfInputError);
    await expect(stampReceivedPdf(new Uint8Array(MAX_RECEIVED_PDF_BYTES + 1), stamp, env)).rejects.toThrow(
      /过大/,
    );
    await expect(stampReceivedPdf(new Uint8Array(0), stamp, env)).rejects.toThrow(/空/);
  });
});
