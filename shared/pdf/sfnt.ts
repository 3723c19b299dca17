/**
 * TrueType Collection (.ttc) handling. HarfBuzz's subsetter (as wrapped by subset-font) reads face 0 only,
 * and pdf-lib embeds single fonts, so a collection face is first copied out into a standalone SFNT.
 */

const TTC_TAG = 0x74746366; // 'ttcf'

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function isCollection(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 12 && view(bytes).getUint32(0) === TTC_TAG;
}

export function faceCount(bytes: Uint8Array): number {
  return isCollection(bytes) ? view(bytes).getUint32(8) : 1;
}

/** Copies face `index` of a collection into a standalone SFNT; a non-collection font comes back unchanged. */
export function extractFace(bytes: Uint8Array, index: number): Uint8Array {
  if (!isCollection(bytes)) {
    if (index !== 0) throw new RangeError(`字体文件只含一个字形集，无法读取第 ${index + 1} 个`);
    return bytes;
  }
  const dv = view(bytes);
  const count = dv.getUint32(8);
  if (index < 0 || index >= count)
    throw new RangeError(`字体集合只有 ${count} 个字形集，无法读取第 ${index + 1} 个`);
  const dir = dv.getUint32(12 + 4 * index);
  const numTables = dv.getUint16(dir + 4);
  const records = Array.from({ length: numTables }, (_, t) => {
    const r = dir + 12 + 16 * t;
    return {
      tag: dv.getUint32(r),
      sum: dv.getUint32(r + 4),
      offset: dv.getUint32(r + 8),
      length: dv.getUint32(r + 12),
    };
  });
  let size = 12 + 16 * numTables;
  const placed = records.map((r) => {
    const at = size;
    size += (r.length + 3) & ~3; // tables are 4-byte aligned
    return at;
  });
  const out = new Uint8Array(size);
  const o = view(out);
  o.setUint32(0, dv.getUint32(dir));
  for (const k of [4, 6, 8, 10]) o.setUint16(k, dv.getUint16(dir + k));
  records.forEach((r, t) => {
    const at = placed[t] ?? 0;
    const b = 12 + 16 * t;
    if (r.offset + r.length > bytes.byteLength) throw new RangeError('字体文件已损坏：表数据超出文件长度');
    o.setUint32(b, r.tag);
    o.setUint32(b + 4, r.sum);
    o.setUint32(b + 8, at);
    o.setUint32(b + 12, r.length);
    out.set(bytes.subarray(r.offset, r.offset + r.length), at);
  });
  return out;
}

export interface FaceName {
  readonly index: number;
  /** Typographic family (name ID 16) or family (name ID 1). */
  readonly family: string;
  /** PostScript name (name ID 6). */
  readonly postscriptName: string;
}

/** Family and PostScript names of every face, read from the `name` tables without parsing glyph data. */
export function faceNames(bytes: Uint8Array): FaceName[] {
  const dv = view(bytes);
  const dirs = isCollection(bytes)
    ? Array.from({ length: dv.getUint32(8) }, (_, i) => dv.getUint32(12 + 4 * i))
    : [0];
  return dirs.map((dir, index) => {
    const numTables = dv.getUint16(dir + 4);
    let nameOffset = -1;
    for (let t = 0; t < numTables; t++) {
      const r = dir + 12 + 16 * t;
      if (dv.getUint32(r) === 0x6e616d65) nameOffset = dv.getUint32(r + 8); // 'name'
    }
    const names = new Map<number, string>();
    if (nameOffset >= 0) {
      const count = dv.getUint16(nameOffset + 2);
      const strings = nameOffset + dv.getUint16(nameOffset + 4);
      for (let k = 0; k < count; k++) {
        const r = nameOffset + 6 + 12 * k;
        const platform = dv.getUint16(r);
        const language = dv.getUint16(r + 4);
        const id = dv.getUint16(r + 6);
        const length = dv.getUint16(r + 8);
        const at = strings + dv.getUint16(r + 10);
        // Windows Unicode, US English: present in every font we care about.
        if (platform !== 3 || language !== 0x409 || names.has(id)) continue;
        let s = '';
        for (let c = 0; c + 1 < length; c += 2) s += String.fromCharCode(dv.getUint16(at + c));
        names.set(id, s);
      }
    }
    return { index, family: names.get(16) ?? names.get(1) ?? '', postscriptName: names.get(6) ?? '' };
  });
}

/** Byte offset and length of a table in a single SFNT, or null. */
export function findTable(font: Uint8Array, tag: string): { offset: number; length: number } | null {
  const dv = view(font);
  const numTables = dv.getUint16(4);
  const want = Array.from(tag).reduce((a, c) => (a << 8) | c.charCodeAt(0), 0) >>> 0;
  for (let t = 0; t < numTables; t++) {
    const r = 12 + 16 * t;
    if (dv.getUint32(r) === want) return { offset: dv.getUint32(r + 8), length: dv.getUint32(r + 12) };
  }
  return null;
}

/** Size in bytes of the CFF INDEX at `at`. */
function cffIndexSize(dv: DataView, at: number): number {
  const count = dv.getUint16(at);
  if (count === 0) return 2;
  const offSize = dv.getUint8(at + 2);
  const readOff = (i: number): number => {
    let v = 0;
    for (let k = 0; k < offSize; k++) v = v * 256 + dv.getUint8(at + 3 + i * offSize + k);
    return v;
  };
  return 3 + (count + 1) * offSize + readOff(count) - 1;
}

/** Operators of a CFF DICT with their last operand (enough for offsets). */
function cffDict(dv: DataView, start: number, end: number): Map<number, number> {
  const out = new Map<number, number>();
  let operand = 0;
  let p = start;
  while (p < end) {
    const b0 = dv.getUint8(p);
    if (b0 <= 21) {
      const op = b0 === 12 ? 1200 + dv.getUint8(p + 1) : b0;
      out.set(op, operand);
      p += b0 === 12 ? 2 : 1;
    } else if (b0 === 28) {
      operand = dv.getInt16(p + 1);
      p += 3;
    } else if (b0 === 29) {
      operand = dv.getInt32(p + 1);
      p += 5;
    } else if (b0 === 30) {
      p++;
      while (p < end && (dv.getUint8(p) & 0x0f) !== 0x0f && (dv.getUint8(p) & 0xf0) !== 0xf0) p++;
      p++;
      operand = 0;
    } else if (b0 <= 246) {
      operand = b0 - 139;
      p++;
    } else if (b0 <= 250) {
      operand = (b0 - 247) * 256 + dv.getUint8(p + 1) + 108;
      p += 2;
    } else {
      operand = -(b0 - 251) * 256 - dv.getUint8(p + 1) - 108;
      p += 2;
    }
  }
  return out;
}

/**
 * Rewrites the charset of a CID-keyed CFF (inside an OpenType font) so that CID = glyph index. HarfBuzz
 * keeps the original CIDs (e.g. 9901 for a glyph now at index 1), while pdf-lib writes glyph indices as
 * CIDs: a reader that follows the charset, as the PDF specification says, would draw the wrong glyph or
 * none. The identity charset never needs more bytes than the original, so it is written in place.
 * Returns a new buffer; fonts that are not CID-keyed CFF come back unchanged.
 */
export function withIdentityCidCharset(font: Uint8Array): Uint8Array {
  const table = findTable(font, 'CFF ');
  if (table === null) return font;
  const out = font.slice();
  const dv = view(out);
  const base = table.offset;
  let p = base + dv.getUint8(base + 2); // hdrSize
  p += cffIndexSize(dv, p); // Name INDEX
  // Top DICT INDEX: one DICT.
  const count = dv.getUint16(p);
  if (count < 1) return font;
  const offSize = dv.getUint8(p + 2);
  const readOff = (i: number): number => {
    let v = 0;
    for (let k = 0; k < offSize; k++) v = v * 256 + dv.getUint8(p + 3 + i * offSize + k);
    return v;
  };
  const dataStart = p + 3 + (count + 1) * offSize - 1;
  const top = cffDict(dv, dataStart + readOff(0), dataStart + readOff(1));
  if (!top.has(1230)) return font; // no ROS: not CID-keyed
  const charsetOffset = top.get(15);
  const numGlyphs =
    findTable(out, 'maxp') === null ? 0 : dv.getUint16((findTable(out, 'maxp')?.offset ?? 0) + 4);
  if (charsetOffset === undefined || charsetOffset <= 2 || numGlyphs < 2) return font;
  const at = base + charsetOffset;
  const format = dv.getUint8(at);
  const n = numGlyphs - 1; // glyph 0 (.notdef) has no entry
  if (format === 0) {
    for (let g = 1; g <= n; g++) dv.setUint16(at + 1 + (g - 1) * 2, g);
  } else if (format === 1 && n - 1 <= 255) {
    dv.setUint16(at + 1, 1);
    dv.setUint8(at + 3, n - 1);
  } else if (format === 2 || format === 1) {
    dv.setUint8(at, 2);
    dv.setUint16(at + 1, 1);
    dv.setUint16(at + 3, n - 1);
  } else {
    return font;
  }
  return out;
}
