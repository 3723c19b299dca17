/**
 * JSON codec for the test relay: the Playwright relay hops between the page and Node as a JSON string,
 * and JSON has no bytes. Uint8Array becomes {"$bytes": base64}; `undefined` becomes {"$undefined": 1};
 * a plain object that itself has a key starting with "$" is wrapped as {"$object": {...}} so arbitrary
 * data (even data that looks like a tag) round-trips unchanged.
 *
 * Used by both sides (page and Node), so only APIs present in both: btoa/atob, no DOM, no Buffer.
 */

export type RelayJson =
  null | boolean | number | string | readonly RelayJson[] | { readonly [key: string]: RelayJson };

const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked so large files do not overflow the argument limit of String.fromCharCode.
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);

// defineProperty so a key named "__proto__" stays data instead of replacing the prototype.
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function encodeEntries(obj: Record<string, unknown>): Record<string, RelayJson> {
  const out: Record<string, RelayJson> = {};
  for (const [k, v] of Object.entries(obj)) setOwn(out, k, toRelayJson(v));
  return out;
}

/** Turns a bridge value (JSON-like data plus Uint8Array and undefined) into plain JSON data. */
export function toRelayJson(value: unknown): RelayJson {
  if (value === undefined) return { $undefined: 1 };
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`relay codec: non-finite number ${String(value)}`);
    return value;
  }
  if (value instanceof Uint8Array) return { $bytes: bytesToBase64(value) };
  if (Array.isArray(value)) return value.map(toRelayJson);
  if (isPlainObject(value)) {
    const entries = encodeEntries(value);
    return Object.keys(value).some((k) => k.startsWith('$')) ? { $object: entries } : entries;
  }
  throw new TypeError(`relay codec: unsupported value of type ${typeof value}`);
}

function decodeEntries(obj: { readonly [key: string]: RelayJson }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) setOwn(out, k, fromRelayJson(v));
  return out;
}

/** Inverse of `toRelayJson`. */
export function fromRelayJson(json: RelayJson): unknown {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return (json as readonly RelayJson[]).map(fromRelayJson);
  const obj = json as { readonly [key: string]: RelayJson };
  const keys = Object.keys(obj);
  if (keys.length === 1) {
    const only = obj[keys[0] as string] as RelayJson;
    switch (keys[0]) {
      case '$bytes':
        if (typeof only !== 'string') throw new TypeError('relay codec: $bytes must be base64 text');
        return base64ToBytes(only);
      case '$undefined':
        return undefined;
      case '$object':
        if (only === null || typeof only !== 'object' || Array.isArray(only)) {
          throw new TypeError('relay codec: $object must wrap an object');
        }
        return decodeEntries(only as { readonly [key: string]: RelayJson });
    }
  }
  return decodeEntries(obj);
}

export const encodeRelay = (value: unknown): string => JSON.stringify(toRelayJson(value));
export const decodeRelay = (text: string): unknown => fromRelayJson(JSON.parse(text) as RelayJson);

/**
 * The function Playwright installs in the page (page.exposeBinding / exposeFunction):
 * `(method, encodedArgs) => encodedIpcResult`, both sides encoded with this codec.
 */
export type HuiwenRelay = (method: string, encodedArgs: string) => Promise<string>;

export const RELAY_GLOBAL = '__huiwenRelay';
