/**
 * Forged archives for tests and for the fixture files in test/fixtures/packets: zip-slip names, symlink
 * entries and deflate bombs whose headers lie. Nothing here is used when building a real packet; it exists so
 * the verifier is tested against bytes no honest zip tool would write.
 */
import { encodeZip, zipEntry, type RawZipEntry } from './zip';
import { encodeUtf8 } from './platform';

/** A regular stored entry with overridable header fields. */
export function forgedEntry(
  path: string,
  content: string | Uint8Array,
  overrides: Partial<RawZipEntry> = {},
): RawZipEntry {
  const bytes = typeof content === 'string' ? encodeUtf8(content) : content;
  return { ...zipEntry(path, bytes, false), ...overrides };
}

export const forgeZip = (entries: readonly RawZipEntry[]): Uint8Array => encodeZip(entries);

/** Unix mode bits of a symbolic link (S_IFLNK | 0777) in the high half of the external attributes. */
export const SYMLINK_ATTRS = (0o120777 << 16) >>> 0;

/**
 * A raw deflate stream (one fixed-Huffman block) that inflates to `outputBytes` zero bytes: a literal 0, then
 * copies of 258 bytes at distance 1, 13 bits each (about 160:1), without ever holding the output in memory.
 */
export function deflateBomb(outputBytes: number): Uint8Array {
  const copies = Math.floor((outputBytes - 1) / 258);
  const rest = outputBytes - 1 - copies * 258;
  const bits = 3 + 8 + copies * 13 + (rest >= 3 ? 13 : rest * 8) + 7;
  const out = new Uint8Array(Math.ceil(bits / 8));
  let pos = 0;
  const put = (value: number, n: number): void => {
    for (let i = 0; i < n; i++, pos++) if ((value >>> i) & 1) out[pos >>> 3]! |= 1 << (pos & 7);
  };
  // Huffman codes are sent most significant bit first.
  const code = (value: number, n: number): void => {
    for (let i = n - 1; i >= 0; i--, pos++) if ((value >>> i) & 1) out[pos >>> 3]! |= 1 << (pos & 7);
  };
  put(1, 1); // BFINAL
  put(1, 2); // BTYPE = fixed Huffman
  code(0x30, 8); // literal 0
  // 258 at distance 1: length symbol 285 (8-bit code 0xc5), distance code 0 (5 bits).
  const unit = (): void => {
    code(0xc5, 8);
    code(0, 5);
  };
  // After one unit the stream is byte-aligned (11 + 13 bits), and every 8 units are the same 13 bytes: copy them.
  let left = copies;
  if (left > 0) {
    unit();
    left--;
  }
  if (left >= 8) {
    const start = pos >>> 3;
    for (let i = 0; i < 8; i++) unit();
    left -= 8;
    const block = out.slice(start, start + 13);
    for (; left >= 8; left -= 8, pos += 104) out.set(block, pos >>> 3);
  }
  for (; left > 0; left--) unit();
  if (rest >= 3) {
    // One shorter copy: lengths 3..10 are symbols 257..264 with 7-bit codes 1..8, no extra bits.
    if (rest <= 10) {
      code(rest - 2, 7);
      code(0, 5);
    } else {
      throw new RangeError('deflateBomb: use a size of 1 + 258·k + (0..10)');
    }
  } else {
    for (let i = 0; i < rest; i++) code(0x30, 8);
  }
  code(0, 7); // end of block
  return out.subarray(0, Math.ceil(pos / 8));
}

/** A zip whose single entry is a deflate bomb; `declaredSize` is what the headers claim it inflates to. */
export function bombZip(path: string, realSize: number, declaredSize: number, crc = 0): Uint8Array {
  const data = deflateBomb(realSize);
  return encodeZip([
    { name: path, data, method: 8, crc, compressedSize: data.length, uncompressedSize: declaredSize },
  ]);
}
