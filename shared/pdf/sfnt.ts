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
  if (index < 0 || index >= count) throw new RangeError(`字体集合只有 ${count} 个字形集，无法读取第 ${index + 1} 个`);
  const dir = dv.getUint32(12 + 4 * index);
  const numTables = dv.getUint16(dir + 4);
  const records = Array.from({ length: numTables }, (_, t) => {
    const r = dir + 12 + 16 * t;
    return { tag: dv.getUint32(r), sum: dv.getUint32(r + 4), offset: dv.getUint32(r + 8), length: dv.getUint32(r + 12) };
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
  const dirs = isCollection(bytes) ? Array.from({ length: dv.getUint32(8) }, (_, i) => dv.getUint32(12 + 4 * i)) : [0];
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
