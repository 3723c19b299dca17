/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, `undefined` properties omitted. Two records
 * that mean the same produce the same text, so their SHA-256 digests agree across the renderer, Node and
 * future versions of the app (the audit chain depends on this).
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

function write(value: unknown, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`规范化 JSON 不支持非有限数值：${String(value)}`);
      // -0 and 0 must hash alike; JSON.stringify(-0) is "0" already.
      return JSON.stringify(value);
    case 'object':
      return writeObject(value, seen);
    default:
      // undefined at top level, functions, symbols, bigint: none has a JSON meaning we could keep stable.
      throw new TypeError(`规范化 JSON 不支持此类型的值：${typeof value}`);
  }
}

function writeObject(value: object, seen: Set<object>): string {
  if (seen.has(value)) throw new TypeError('规范化 JSON 不支持循环引用');
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      // An undefined array slot becomes null, as JSON.stringify does, so positions keep their meaning.
      return `[${value.map((v) => (v === undefined ? 'null' : write(v, seen))).join(',')}]`;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError('规范化 JSON 只接受普通对象和数组（不接受日期、二进制等），请先转换为字符串');
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${write(record[k], seen)}`).join(',')}}`;
  } finally {
    seen.delete(value);
  }
}
