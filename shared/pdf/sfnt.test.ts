import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { discoverFonts, nodeSubsetter, readFace } from '../../scripts/fonts';
import { extractFace, faceCount, faceNames, isCollection, withIdentityCidCharset } from './sfnt';

/** Wraps standalone SFNTs into a TrueType Collection, tables copied per face. */
function makeCollection(fonts: readonly Uint8Array[]): Uint8Array {
  const header = 12 + 4 * fonts.length;
  const total = header + fonts.reduce((n, f) => n + f.byteLength, 0);
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0x74746366);
  dv.setUint32(4, 0x00010000);
  dv.setUint32(8, fonts.length);
  let at = header;
  fonts.forEach((f, i) => {
    dv.setUint32(12 + 4 * i, at);
    out.set(f, at);
    // Table offsets inside a collection are from the start of the file.
    const numTables = dv.getUint16(at + 4);
    for (let t = 0; t < numTables; t++) {
      const r = at + 12 + 16 * t + 8;
      dv.setUint32(r, dv.getUint32(r) + at);
    }
    at += f.byteLength;
  });
  return out;
}

describe('TrueType Collections', () => {
  it('reads face names and copies a face out intact', async () => {
    // The system Noto CJK (CFF), not the bundled Noto Serif SC (TrueType outlines) a build copies in.
    const choice = discoverFonts({ bundledDir: '/nonexistent' }).find((c) => c.role === 'fangsong');
    if (!choice) throw new Error('no 仿宋 stand-in');
    const face = readFace(choice.path, choice.faceIndex);
    const a = await nodeSubsetter(face, '会议纪要');
    const b = await nodeSubsetter(face, '通知公告函');
    const ttc = makeCollection([a, b]);
    expect(isCollection(ttc)).toBe(true);
    expect(faceCount(ttc)).toBe(2);
    expect(faceNames(ttc).map((f) => f.index)).toEqual([0, 1]);
    expect(faceNames(ttc)[0]?.family).toBe(faceNames(a)[0]?.family);
    const second = fontkit.create(extractFace(ttc, 1)) as unknown as {
      numGlyphs: number;
      hasGlyphForCodePoint(cp: number): boolean;
    };
    expect(second.numGlyphs).toBe((fontkit.create(b) as unknown as { numGlyphs: number }).numGlyphs);
    expect(second.hasGlyphForCodePoint('函'.codePointAt(0) ?? 0)).toBe(true);
    expect(second.hasGlyphForCodePoint('纪'.codePointAt(0) ?? 0)).toBe(false);
  }, 60_000);

  it('refuses a face index the file does not have', () => {
    const choice = discoverFonts().find((c) => c.role === 'heiti');
    const bytes = new Uint8Array(readFileSync(choice?.path ?? ''));
    expect(() => extractFace(bytes, faceCount(bytes))).toThrow(/字形集/);
  });

  it('picks the Simplified Chinese face of a CJK collection', () => {
    for (const c of discoverFonts()) {
      const names = faceNames(new Uint8Array(readFileSync(c.path)));
      const chosen = names[c.faceIndex];
      if (names.length > 1) expect(`${chosen?.family} ${chosen?.postscriptName}`).toMatch(/SC|sc-/);
    }
  });
});

describe('withIdentityCidCharset', () => {
  it('makes CID = glyph index in a HarfBuzz subset of a CID-keyed CFF font, leaving the glyphs alone', async () => {
    // The system Noto CJK (CFF), not the bundled Noto Serif SC (TrueType outlines) a build copies in.
    const choice = discoverFonts({ bundledDir: '/nonexistent' }).find((c) => c.role === 'fangsong');
    if (!choice) throw new Error('no 仿宋 stand-in');
    const subset = await nodeSubsetter(readFace(choice.path, choice.faceIndex), '会议纪要通知');
    type Cff = {
      numGlyphs: number;
      'CFF ': { topDict: { charset: { glyphs: number[] } } };
      glyphForCodePoint(cp: number): { id: number; path: { commands: unknown[] } };
    };
    const before = fontkit.create(subset) as unknown as Cff;
    expect(before['CFF '].topDict.charset.glyphs.some((cid, i) => cid !== i + 1)).toBe(true);
    const fixed = withIdentityCidCharset(subset);
    expect(fixed.byteLength).toBe(subset.byteLength);
    const after = fontkit.create(fixed) as unknown as Cff;
    expect(after['CFF '].topDict.charset.glyphs).toEqual(
      Array.from({ length: after.numGlyphs - 1 }, (_, i) => i + 1),
    );
    for (const ch of '会议纪要') {
      const cp = ch.codePointAt(0) ?? 0;
      expect(after.glyphForCodePoint(cp).id).toBe(before.glyphForCodePoint(cp).id);
      expect(after.glyphForCodePoint(cp).path.commands.length).toBeGreaterThan(0);
    }
    // The input buffer is not modified.
    expect((fontkit.create(subset) as unknown as Cff)['CFF '].topDict.charset.glyphs).toEqual(
      before['CFF '].topDict.charset.glyphs,
    );
  }, 60_000);
});
