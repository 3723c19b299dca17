/**
 * The few web-platform globals the packet code needs. They exist in Node 20 and in every browser, but shared/
 * compiles without the DOM lib, so they are declared here in the narrow form we use.
 */
interface Utf8Decoder {
  decode(input: Uint8Array): string;
}
interface Utf8Encoder {
  encode(input: string): Uint8Array;
}
interface PlatformGlobals {
  readonly TextDecoder: new (label: 'utf-8', options: { fatal: boolean }) => Utf8Decoder;
  readonly TextEncoder: new () => Utf8Encoder;
  readonly crypto: { getRandomValues<T extends Uint8Array>(array: T): T };
}

const platform = globalThis as unknown as PlatformGlobals;

const strict = new platform.TextDecoder('utf-8', { fatal: true });
const encoder = new platform.TextEncoder();

/** Decodes UTF-8, throwing on malformed input (never silently substituting U+FFFD). */
export const decodeUtf8Strict = (bytes: Uint8Array): string => strict.decode(bytes);

export const encodeUtf8 = (text: string): Uint8Array => encoder.encode(text);

/** Cryptographically secure random bytes (salts, nonces, keys, packet ids). */
export function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  // getRandomValues fills at most 65536 bytes per call.
  for (let off = 0; off < n; off += 65536)
    platform.crypto.getRandomValues(out.subarray(off, Math.min(n, off + 65536)));
  return out;
}
