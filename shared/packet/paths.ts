/**
 * Entry paths are checked as text before any byte is written anywhere: a packet built on Windows, Linux or by
 * a hostile tool must not reach outside the target folder (zip-slip) or collide with another entry once a
 * case-insensitive, Unicode-normalising file system (Windows, macOS) stores it.
 */
import { PacketError } from './errors';
import type { PacketLimits } from './limits';

// CON, PRN, AUX, NUL, COM1–9, LPT1–9, with or without extension: Windows opens a device instead of a file.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// Characters Windows forbids in names; control characters are refused too (a newline would break SHA256SUMS).
const FORBIDDEN_CHARS = /[<>:"|?*]/;
const isControl = (c: string): boolean => {
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
};

/** Throws a `path` PacketError unless `path` is a safe relative '/'-separated path. */
export function checkEntryPath(path: string, limits: PacketLimits): void {
  const bad = (why: string): never => {
    throw new PacketError('path', `数据包内的文件路径不安全（${why}）：${printable(path)}`, path);
  };
  if (path.length === 0) bad('路径为空');
  if (path.length > limits.maxPathLength) bad(`超过 ${limits.maxPathLength} 个字符`);
  if (path.includes('\\')) bad('含反斜杠');
  if (/^[A-Za-z]:/.test(path)) bad('含盘符');
  if (path.startsWith('/')) bad('是绝对路径');
  const segments = path.split('/');
  if (segments.length > limits.maxPathDepth) bad(`目录层级超过 ${limits.maxPathDepth} 层`);
  for (const seg of segments) {
    if (seg === '..') bad('含“..”');
    if (seg === '.' || seg === '') bad('含空的或“.”路径段');
    if (FORBIDDEN_CHARS.test(seg) || [...seg].some(isControl)) bad('含 Windows 不允许的字符或控制字符');
    if (WINDOWS_RESERVED.test(seg)) bad('使用了 Windows 保留名称');
    if (/[. ]$/.test(seg)) bad('路径段以点或空格结尾');
  }
}

/** The key under which two paths collide on Windows/macOS: NFC-normalised and lower-cased. */
export function collisionKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/** Throws a `duplicate` PacketError at the first path colliding with an earlier one. */
export function checkNoDuplicates(paths: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const p of paths) {
    const key = collisionKey(p);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const same =
        earlier === p
          ? '重复出现'
          : `与“${printable(earlier)}”在 Windows 上是同一个文件（大小写或 Unicode 形式不同）`;
      throw new PacketError('duplicate', `数据包内的文件“${printable(p)}”${same}`, p);
    }
    seen.set(key, p);
  }
}

/** Paths may contain anything before they are checked; never echo control characters into a message. */
export function printable(path: string): string {
  const clean = [...path].map((c) => (isControl(c) ? '�' : c)).join('');
  return clean.length > 120 ? `${clean.slice(0, 117)}…` : clean;
}
