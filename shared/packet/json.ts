/**
 * JSON from a packet is parsed only within limits: size, nesting depth (checked on the text before parsing,
 * so a deeply nested document cannot blow the parser's stack), and no `__proto__` keys (which would poison
 * objects when spread or merged downstream).
 */
import { PacketError } from './errors';
import type { PacketLimits } from './limits';
import { decodeUtf8Strict } from './platform';

export function parsePacketJson(bytes: Uint8Array, path: string, limits: PacketLimits): unknown {
  if (bytes.length > limits.maxJsonBytes) {
    throw new PacketError('json', `“${path}”超过 ${mib(limits.maxJsonBytes)} 的 JSON 大小上限`, path);
  }
  let text: string;
  try {
    text = decodeUtf8Strict(bytes);
  } catch {
    throw new PacketError('json', `“${path}”不是有效的 UTF-8 文本`, path);
  }
  if (nestingDepth(text) > limits.maxJsonDepth) {
    throw new PacketError('json', `“${path}”的嵌套层级超过 ${limits.maxJsonDepth} 层`, path);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new PacketError('json', `“${path}”不是有效的 JSON`, path);
  }
  if (hasProtoKey(value)) {
    throw new PacketError('json', `“${path}”含有不允许的键“__proto__”`, path);
  }
  return value;
}

/** Maximum bracket depth outside string literals; linear, no recursion. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

function hasProtoKey(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      stack.push(...(v as unknown[]));
      continue;
    }
    for (const key of Object.keys(v)) {
      if (key === '__proto__') return true;
      stack.push((v as Record<string, unknown>)[key]);
    }
  }
  return false;
}

export const mib = (n: number): string =>
  n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MiB` : `${n} 字节`;
