/**
 * Font roles and the embedding pipeline. The engine never reads files: callers hand it font bytes per role
 * and a HarfBuzz subsetter (subset-font in Node, harfbuzzjs wasm in the browser). pdf-lib's own
 * `subset: true` draws most CJK glyphs blank, so every font is subset by HarfBuzz first and embedded with
 * `subset: false`, once per document.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFName, type PDFDocument, type PDFFont, PDFArray, type PDFRef } from 'pdf-lib';
import { findTable, withIdentityCidCharset } from './sfnt';

/** 仿宋 (body), 小标宋 (titles, marks), 黑体, 楷体, 宋体 (page numbers). */
export type FontRole = 'fangsong' | 'xiaobiaosong' | 'heiti' | 'kaiti' | 'songti';
export const FONT_ROLES: readonly FontRole[] = ['fangsong', 'xiaobiaosong', 'heiti', 'kaiti', 'songti'];

export const ROLE_LABEL: Readonly<Record<FontRole, string>> = {
  fangsong: '仿宋',
  xiaobiaosong: '小标宋',
  heiti: '黑体',
  kaiti: '楷体',
  songti: '宋体',
};

export interface FontFace {
  /** Identity of the face (file + collection index); two roles with the same id share one embedded font. */
  readonly id: string;
  /** Human-readable family, e.g. "Noto Serif CJK SC". */
  readonly family: string;
  /** A single SFNT (TTF/OTF), not a collection: see extractFace. */
  readonly bytes: Uint8Array;
  /** True when this face stands in for the role (e.g. Noto Serif for 仿宋). */
  readonly standIn: boolean;
}

export type FontSet = Readonly<Record<FontRole, FontFace>>;

/** HarfBuzz subsetting: the font reduced to the glyphs of `text`, as an SFNT. */
export type FontSubsetter = (font: Uint8Array, text: string) => Promise<Uint8Array>;

export interface PdfEnv {
  readonly fonts: FontSet;
  readonly subsetter: FontSubsetter;
}

export interface FontUse {
  readonly role: FontRole;
  readonly family: string;
  readonly standIn: boolean;
}

/** "仿宋=Noto Serif CJK SC（代用）; …" for the PDF's metadata and the UI. */
export function describeFontUse(uses: readonly FontUse[]): string {
  return uses.map((u) => `${ROLE_LABEL[u.role]}=${u.family}${u.standIn ? '（代用）' : ''}`).join('; ');
}

/** Characters every document may need whatever its text: digits for 份号 and page numbers, dashes. */
export const ALWAYS_TEXT = '0123456789— ';

/** Characters of a role that its font cannot draw. */
export interface MissingGlyphs {
  readonly role: FontRole;
  readonly chars: string;
}

export interface EmbeddedFonts {
  readonly byRole: ReadonlyMap<FontRole, PDFFont>;
  readonly uses: readonly FontUse[];
  readonly missing: readonly MissingGlyphs[];
  /** Fixes the embedded font dictionaries (FontFile3 subtype); call after `doc.flush()`. */
  tagSubsets(doc: PDFDocument): void;
}

function subsetTag(seed: string): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) + i * 7919;
  }
  return tag;
}

/**
 * Subsets and embeds the faces needed for `textByRole`; roles sharing a face share one embedded subset.
 * `cache` memoises subsets across calls (numbered copies re-use them).
 */
export async function embedFonts(
  doc: PDFDocument,
  env: PdfEnv,
  textByRole: ReadonlyMap<FontRole, string>,
  cache?: Map<string, Promise<Uint8Array>>,
): Promise<EmbeddedFonts> {
  doc.registerFontkit(fontkit);
  const byFace = new Map<string, { face: FontFace; roles: FontRole[]; chars: Set<string> }>();
  for (const [role, text] of textByRole) {
    const face = env.fonts[role];
    const entry = byFace.get(face.id) ?? { face, roles: [], chars: new Set<string>() };
    entry.roles.push(role);
    for (const ch of text + ALWAYS_TEXT) entry.chars.add(ch);
    byFace.set(face.id, entry);
  }
  const byRole = new Map<FontRole, PDFFont>();
  const missing: MissingGlyphs[] = [];
  const tags: { ref: PDFRef; name: string; cff: boolean }[] = [];
  for (const { face, roles, chars } of byFace.values()) {
    const text = [...chars].sort().join('');
    const key = `${face.id}\u0000${text}`;
    let pending = cache?.get(key);
    if (pending === undefined) {
      pending = env.subsetter(face.bytes, text);
      cache?.set(key, pending);
    }
    let subset: Uint8Array;
    try {
      subset = withIdentityCidCharset(await pending);
    } catch (e) {
      throw new Error(
        `字体“${face.family}”无法精简嵌入（${e instanceof Error ? e.message : String(e)}），请更换该字体后重试`,
      );
    }
    const parsed = fontkit.create(subset) as {
      postscriptName?: string;
      hasGlyphForCodePoint(cp: number): boolean;
    };
    const psName = parsed.postscriptName ?? face.family.replace(/\s+/g, '');
    // Characters the face lacks would print as blanks: report them so the UI can ask for another font.
    for (const role of roles) {
      const lacking = [...new Set(textByRole.get(role) ?? '')].filter(
        (ch) => ch.trim() !== '' && !parsed.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0),
      );
      if (lacking.length > 0) missing.push({ role, chars: lacking.join('') });
    }
    const name = `${subsetTag(key)}+${psName}`;
    // customName: the "ABCDEF+" prefix (ISO 32000 9.6.4) tells readers the embedded font is a subset.
    const font = await doc.embedFont(subset, { subset: false, customName: name });
    for (const role of roles) byRole.set(role, font);
    tags.push({ ref: font.ref, name, cff: findTable(subset, 'CFF ') !== null });
  }
  const uses = [...textByRole.keys()].map((role) => ({
    role,
    family: env.fonts[role].family,
    standIn: env.fonts[role].standIn,
  }));
  return {
    byRole,
    uses,
    missing,
    tagSubsets(target: PDFDocument) {
      for (const { ref, name, cff } of tags) fixFontDict(target, ref, name, cff);
    },
  };
}

/**
 * Re-asserts the subset name and, for CFF-flavoured OpenType, fixes what pdf-lib 1.17 writes: it looks for
 * `font.cff` (fontkit calls the table 'CFF ') and so labels every font TrueType — CIDFontType2 with a
 * FontFile2 that holds CFF outlines, which strict readers refuse. The honest form is CIDFontType0 with a
 * FontFile3 of subtype OpenType; its charset was made the identity (withIdentityCidCharset), so the glyph
 * indices pdf-lib writes as CIDs select the right glyphs.
 */
function fixFontDict(doc: PDFDocument, ref: PDFRef, name: string, cff: boolean): void {
  const type0 = doc.context.lookup(ref);
  if (!(type0 instanceof PDFDict)) return;
  const pdfName = PDFName.of(name);
  type0.set(PDFName.of('BaseFont'), pdfName);
  const descendants = type0.lookup(PDFName.of('DescendantFonts'));
  if (!(descendants instanceof PDFArray)) return;
  const cid = descendants.lookup(0);
  if (!(cid instanceof PDFDict)) return;
  cid.set(PDFName.of('BaseFont'), pdfName);
  const descriptor = cid.lookup(PDFName.of('FontDescriptor'));
  if (!(descriptor instanceof PDFDict)) return;
  descriptor.set(PDFName.of('FontName'), pdfName);
  if (!cff) return;
  const fileRef = descriptor.get(PDFName.of('FontFile2')) ?? descriptor.get(PDFName.of('FontFile3'));
  const file = descriptor.lookup(PDFName.of('FontFile2')) ?? descriptor.lookup(PDFName.of('FontFile3'));
  const fileDict = (file as { dict?: unknown } | undefined)?.dict;
  if (fileRef === undefined || !(fileDict instanceof PDFDict)) return;
  cid.set(PDFName.of('Subtype'), PDFName.of('CIDFontType0'));
  cid.delete(PDFName.of('CIDToGIDMap'));
  descriptor.delete(PDFName.of('FontFile2'));
  descriptor.set(PDFName.of('FontFile3'), fileRef);
  fileDict.set(PDFName.of('Subtype'), PDFName.of('OpenType'));
}
