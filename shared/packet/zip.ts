/**
 * A minimal zip reader and writer for packets. The reader does not trust zip headers: it walks the central
 * directory itself, requires the entries to tile the file exactly (nothing hidden before, between or after
 * them), and inflates with a streaming inflater that is stopped as soon as the output passes the declared size,
 * the per-entry limit or the compression-ratio limit (measured on bytes consumed and produced so far) — so a
 * lying header cannot make it allocate a bomb.
 *
 * A .hwpkt is canonical: Huiwen writes every entry stored (uncompressed; PDFs are compressed already), with
 * fixed header fields, and the reader requires exactly those fields, the local copy equal to the central one.
 * So no byte of a Huiwen packet is left unchecked: content bytes are covered by CRC-32, SHA-256, SM3 and the
 * signature, and every header byte by this comparison. Deflated entries are still read (within the limits) so
 * that a later writer may compress; the folder form is the way to carry a packet through other zip tools.
 */
import { Inflate, deflateSync } from 'fflate';
import { PacketError } from './errors';
import { mib } from './json';
import type { PacketLimits } from './limits';
import { checkEntryPath, checkNoDuplicates, printable } from './paths';
import { decodeUtf8Strict, encodeUtf8 } from './platform';

export interface ZipEntryOut {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** One entry exactly as it is written: tests override fields to forge hostile archives. */
export interface RawZipEntry {
  readonly name: string;
  /** The stored bytes (already deflated when method is 8). */
  readonly data: Uint8Array;
  readonly method: 0 | 8;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly externalAttrs?: number;
  readonly versionMadeBy?: number;
  readonly flags?: number;
  readonly dosTime?: number;
  readonly dosDate?: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const S_IFMT = 0xf000;
const S_IFLNK = 0xa000;
const S_IFREG_0644 = 0o100644;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;
/** Made by Unix (3), spec version 2.0: what Huiwen writes, so that external attributes mean Unix modes. */
const VERSION_MADE_BY = (3 << 8) | 20;
const VERSION_NEEDED = 20;
const EXTERNAL_ATTRS = (S_IFREG_0644 << 16) >>> 0;
/** Small input slices bound what one inflate step can produce (deflate peaks near 1032:1). */
const INFLATE_SLICE = 8 * 1024;

// ---------------------------------------------------------------- writing

/** A zip entry from plain bytes; `compress` deflates (level 6) unless that would not shrink it. */
export function zipEntry(path: string, bytes: Uint8Array, compress: boolean, when?: DosStamp): RawZipEntry {
  const crc = crc32(bytes);
  const deflated = compress ? deflateSync(bytes, { level: 6 }) : undefined;
  const useDeflate = deflated !== undefined && deflated.length < bytes.length;
  return {
    name: path,
    data: useDeflate ? deflated : bytes,
    method: useDeflate ? 8 : 0,
    crc,
    compressedSize: useDeflate ? deflated.length : bytes.length,
    uncompressedSize: bytes.length,
    dosTime: when?.time,
    dosDate: when?.date,
  };
}

export interface DosStamp {
  readonly date: number;
  readonly time: number;
}

/** DOS date/time from the wall-clock part of an ISO timestamp (the zip format has no time zone). */
export function dosStamp(iso: string): DosStamp {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(iso);
  if (!m) return { date: (1 << 5) | 1, time: 0 };
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return { date: ((Math.max(y, 1980) - 1980) << 9) | (mo << 5) | d, time: (h << 11) | (mi << 5) | (s >> 1) };
}

/** Serialises entries as a zip (no zip64, no data descriptors, UTF-8 names, regular-file attributes). */
export function encodeZip(entries: readonly RawZipEntry[]): Uint8Array {
  const names = entries.map((e) => encodeUtf8(e.name));
  const localSize = entries.reduce((n, e, i) => n + 30 + names[i]!.length + e.data.length, 0);
  const centralSize = names.reduce((n, name) => n + 46 + name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let pos = 0;
  const offsets: number[] = [];
  entries.forEach((e, i) => {
    const name = names[i]!;
    offsets.push(pos);
    view.setUint32(pos, SIG_LOCAL, true);
    view.setUint16(pos + 4, VERSION_NEEDED, true);
    view.setUint16(pos + 6, e.flags ?? FLAG_UTF8, true);
    view.setUint16(pos + 8, e.method, true);
    view.setUint16(pos + 10, e.dosTime ?? 0, true);
    view.setUint16(pos + 12, e.dosDate ?? (1 << 5) | 1, true);
    view.setUint32(pos + 14, e.crc >>> 0, true);
    view.setUint32(pos + 18, e.compressedSize >>> 0, true);
    view.setUint32(pos + 22, e.uncompressedSize >>> 0, true);
    view.setUint16(pos + 26, name.length, true);
    view.setUint16(pos + 28, 0, true);
    out.set(name, pos + 30);
    out.set(e.data, pos + 30 + name.length);
    pos += 30 + name.length + e.data.length;
  });
  const cdStart = pos;
  entries.forEach((e, i) => {
    const name = names[i]!;
    view.setUint32(pos, SIG_CENTRAL, true);
    view.setUint16(pos + 4, e.versionMadeBy ?? VERSION_MADE_BY, true);
    view.setUint16(pos + 6, VERSION_NEEDED, true);
    view.setUint16(pos + 8, e.flags ?? FLAG_UTF8, true);
    view.setUint16(pos + 10, e.method, true);
    view.setUint16(pos + 12, e.dosTime ?? 0, true);
    view.setUint16(pos + 14, e.dosDate ?? (1 << 5) | 1, true);
    view.setUint32(pos + 16, e.crc >>> 0, true);
    view.setUint32(pos + 20, e.compressedSize >>> 0, true);
    view.setUint32(pos + 24, e.uncompressedSize >>> 0, true);
    view.setUint16(pos + 28, name.length, true);
    // extra, comment, disk start, internal attributes: all zero
    view.setUint32(pos + 38, (e.externalAttrs ?? EXTERNAL_ATTRS) >>> 0, true);
    view.setUint32(pos + 42, offsets[i]!, true);
    out.set(name, pos + 46);
    pos += 46 + name.length;
  });
  view.setUint32(pos, SIG_EOCD, true);
  view.setUint16(pos + 8, entries.length, true);
  view.setUint16(pos + 10, entries.length, true);
  view.setUint32(pos + 12, pos - cdStart, true);
  view.setUint32(pos + 16, cdStart, true);
  return out;
}

// ---------------------------------------------------------------- reading

interface CentralEntry {
  readonly path: string;
  readonly nameBytes: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly dosTime: number;
  readonly dosDate: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localOffset: number;
}

const broken = (why: string): PacketError =>
  new PacketError('container', `数据包文件已损坏或被改动（${why}）。请重新从发送方拷贝。`);

const tooBig = '请勿导入，并联系发送方核实。';

/** Reads every entry of a .hwpkt within `limits`, in central-directory order. */
export function readZip(bytes: Uint8Array, limits: PacketLimits): ZipEntryOut[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(bytes, view);
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (
    view.getUint16(eocd + 4, true) !== 0 ||
    view.getUint16(eocd + 6, true) !== 0 ||
    view.getUint16(eocd + 8, true) !== count
  ) {
    throw new PacketError('unsupported', '数据包是分卷压缩文件，或其目录已损坏。请重新导出为单个数据包。');
  }
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw new PacketError('unsupported', '数据包使用了 ZIP64 格式，不受支持。请用会文重新导出。');
  }
  if (count > limits.maxEntries) {
    throw new PacketError(
      'entry-count',
      `数据包含 ${count} 个文件，超过 ${limits.maxEntries} 个的上限。${tooBig}`,
    );
  }
  if (cdOffset + cdSize !== eocd) throw broken('中央目录位置不符');

  const central = readCentralDirectory(bytes, view, cdOffset, cdSize, count, limits);
  checkNoDuplicates(central.map((e) => e.path));
  checkTiling(bytes, view, central, cdOffset);

  const out: ZipEntryOut[] = [];
  let total = 0;
  for (const e of central) {
    const data = extract(bytes, view, e, limits, limits.maxTotalBytes - total);
    total += data.length;
    out.push({ path: e.path, bytes: data });
  }
  return out;
}

function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  if (bytes.length < 22)
    throw new PacketError('container', '这不是会文数据包（文件过小，不是 zip 文件）。请重新从发送方拷贝。');
  const p = bytes.length - 22;
  // No archive comment: the file must end exactly with the end record, so appended bytes are refused.
  if (view.getUint32(p, true) === SIG_EOCD && view.getUint16(p + 20, true) === 0) return p;
  for (let q = p - 1; q >= Math.max(0, p - 0xffff); q--) {
    if (view.getUint32(q, true) === SIG_EOCD) throw broken('文件末尾有多余的数据，或带有注释');
  }
  throw new PacketError('container', '这不是会文数据包（不是 zip 文件，或文件不完整）。请重新从发送方拷贝。');
}

function readCentralDirectory(
  bytes: Uint8Array,
  view: DataView,
  cdOffset: number,
  cdSize: number,
  count: number,
  limits: PacketLimits,
): CentralEntry[] {
  const entries: CentralEntry[] = [];
  let p = cdOffset;
  const end = cdOffset + cdSize;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== SIG_CENTRAL) throw broken('中央目录不完整');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const externalAttrs = view.getUint32(p + 38, true);
    const next = p + 46 + nameLen + extraLen + commentLen;
    if (next > end) throw broken('中央目录不完整');
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const path = decodeName(nameBytes, flags);
    checkEntryPath(path, limits);
    const shown = printable(path);
    if (((externalAttrs >>> 16) & S_IFMT) === S_IFLNK) {
      throw new PacketError(
        'symlink',
        `数据包内的“${shown}”是符号链接，可能指向本机其他文件。${tooBig}`,
        path,
      );
    }
    if (flags & FLAG_ENCRYPTED) {
      throw new PacketError('unsupported', `数据包内的“${shown}”使用了 zip 密码加密，不受支持。`, path);
    }
    if (method !== 0 && method !== 8) {
      throw new PacketError('unsupported', `数据包内的“${shown}”使用了不支持的压缩方式（${method}）。`, path);
    }
    const uncompressedSize = view.getUint32(p + 24, true);
    if (uncompressedSize > limits.maxEntryBytes) {
      throw new PacketError(
        'entry-size',
        `数据包内的“${shown}”超过单个文件 ${mib(limits.maxEntryBytes)} 的上限。${tooBig}`,
        path,
      );
    }
    if (
      view.getUint16(p + 4, true) !== VERSION_MADE_BY ||
      view.getUint16(p + 6, true) !== VERSION_NEEDED ||
      flags !== FLAG_UTF8 ||
      extraLen !== 0 ||
      commentLen !== 0 ||
      view.getUint16(p + 34, true) !== 0 ||
      view.getUint16(p + 36, true) !== 0 ||
      externalAttrs !== EXTERNAL_ATTRS
    ) {
      throw broken(`“${shown}”的目录项不是会文写出的格式`);
    }
    entries.push({
      path,
      nameBytes,
      flags,
      method,
      dosTime: view.getUint16(p + 12, true),
      dosDate: view.getUint16(p + 14, true),
      crc: view.getUint32(p + 16, true),
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize,
      localOffset: view.getUint32(p + 42, true),
    });
    p = next;
  }
  if (p !== end) throw broken('中央目录长度不符');
  return entries;
}

function decodeName(nameBytes: Uint8Array, flags: number): string {
  if (flags & FLAG_UTF8 || nameBytes.every((b) => b < 0x80)) {
    try {
      return decodeUtf8Strict(nameBytes);
    } catch {
      throw new PacketError('path', '数据包内有文件名不是有效的 UTF-8 编码。');
    }
  }
  // Legacy code-page names (GBK or CP437) cannot be decoded unambiguously; two PCs could disagree.
  throw new PacketError(
    'path',
    '数据包内有文件名未标明编码（可能由其他压缩软件制作），无法可靠识别。请用会文重新导出，或改用文件夹形式。',
  );
}

/**
 * The local records must follow each other from byte 0 to the central directory with nothing in between, and
 * each local header must repeat its central-directory entry field for field.
 */
function checkTiling(
  bytes: Uint8Array,
  view: DataView,
  entries: readonly CentralEntry[],
  cdOffset: number,
): void {
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (const e of byOffset) {
    if (e.localOffset !== expected)
      throw broken(expected < e.localOffset ? '文件之间有多余的数据' : '文件记录相互重叠');
    const p = e.localOffset;
    if (p + 30 > cdOffset || view.getUint32(p, true) !== SIG_LOCAL) throw broken('文件头缺失');
    const nameLen = view.getUint16(p + 26, true);
    const localName = bytes.subarray(p + 30, p + 30 + nameLen);
    const shown = printable(e.path);
    if (
      !sameBytes(localName, e.nameBytes) ||
      view.getUint16(p + 4, true) !== VERSION_NEEDED ||
      view.getUint16(p + 6, true) !== e.flags ||
      view.getUint16(p + 8, true) !== e.method ||
      view.getUint16(p + 10, true) !== e.dosTime ||
      view.getUint16(p + 12, true) !== e.dosDate ||
      view.getUint32(p + 14, true) !== e.crc ||
      view.getUint32(p + 18, true) !== e.compressedSize ||
      view.getUint32(p + 22, true) !== e.uncompressedSize ||
      view.getUint16(p + 28, true) !== 0
    ) {
      throw broken(`“${shown}”的文件头与目录不一致`);
    }
    const end = p + 30 + nameLen + e.compressedSize;
    if (end > cdOffset) throw broken(`“${shown}”的数据越界`);
    expected = end;
  }
  if (expected !== cdOffset) throw broken('文件与中央目录之间有多余的数据');
}

function extract(
  bytes: Uint8Array,
  view: DataView,
  e: CentralEntry,
  limits: PacketLimits,
  totalLeft: number,
): Uint8Array {
  const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true);
  const stored = bytes.subarray(start, start + e.compressedSize);
  const name = printable(e.path);
  let data: Uint8Array;
  if (e.method === 0) {
    if (e.compressedSize !== e.uncompressedSize) throw broken(`“${name}”的大小与声明不符`);
    data = stored;
  } else {
    data = inflateBounded(stored, e, limits);
  }
  if (data.length > totalLeft) {
    throw new PacketError(
      'total-size',
      `数据包解压后总大小超过 ${mib(limits.maxTotalBytes)} 的上限。${tooBig}`,
    );
  }
  if (crc32(data) !== e.crc >>> 0) throw broken(`“${name}”的 CRC 校验失败`);
  return data;
}

function inflateBounded(input: Uint8Array, e: CentralEntry, limits: PacketLimits): Uint8Array {
  const name = printable(e.path);
  const cap = Math.min(e.uncompressedSize, limits.maxEntryBytes);
  const chunks: Uint8Array[] = [];
  let consumed = 0;
  let produced = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    produced += chunk.length;
    // Judged on bytes really produced, before they are kept: a lying header cannot raise these bounds.
    if (produced > limits.maxEntryBytes) {
      throw new PacketError(
        'entry-size',
        `数据包内的“${name}”解压后超过单个文件 ${mib(limits.maxEntryBytes)} 的上限（疑似压缩炸弹）。${tooBig}`,
        e.path,
      );
    }
    if (produced > limits.ratioFloorBytes && produced > limits.maxCompressionRatio * consumed) {
      throw new PacketError(
        'ratio',
        `数据包内的“${name}”压缩比超过 ${limits.maxCompressionRatio}:1（疑似压缩炸弹）。${tooBig}`,
        e.path,
      );
    }
    if (produced > cap) {
      throw new PacketError(
        'size-mismatch',
        `数据包内的“${name}”解压后大于文件头声明的大小（文件头不实）。${tooBig}`,
        e.path,
      );
    }
    chunks.push(chunk);
    if (final) done = true;
  });
  try {
    do {
      const end = Math.min(consumed + INFLATE_SLICE, input.length);
      const slice = input.subarray(consumed, end);
      consumed = end;
      inflater.push(slice, end === input.length);
    } while (consumed < input.length && !done);
  } catch (err) {
    if (err instanceof PacketError) throw err;
    throw broken(`“${name}”的压缩数据无法解开`);
  }
  if (!done) throw broken(`“${name}”的压缩数据不完整`);
  if (produced !== e.uncompressedSize) throw broken(`“${name}”解压后的大小与声明不符`);
  const out = new Uint8Array(produced);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const CRC_TABLE = /* @__PURE__ */ (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
