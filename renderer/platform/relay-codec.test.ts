import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, decodeRelay, encodeRelay } from './relay-codec';

// Bridge payloads: JSON data with Uint8Arrays and undefined anywhere, including keys that look like tags.
const key = fc.oneof(fc.string(), fc.constantFrom('$bytes', '$object', '$undefined', '$', '__proto__'));
const leaf = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.string(),
  fc.uint8Array({ maxLength: 64 }),
);
const { value: payload } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 5, noNullPrototype: true }),
}));

describe('relay codec', () => {
  it('round-trips arbitrary nested data with Uint8Arrays through a JSON string', () => {
    fc.assert(
      fc.property(payload, (value) => {
        const text = encodeRelay(value);
        expect(typeof text).toBe('string');
        expect(decodeRelay(text)).toStrictEqual(value);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps bytes as Uint8Array with identical content', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        const back = decodeRelay(encodeRelay({ files: [{ relativePath: 'a.txt', bytes }] })) as {
          files: { bytes: unknown }[];
        };
        const got = back.files[0]?.bytes;
        expect(got).toBeInstanceOf(Uint8Array);
        expect([...(got as Uint8Array)]).toEqual([...bytes]);
      }),
    );
  });

  it('encodes standard base64, including sizes beyond one chunk', () => {
    expect(bytesToBase64(new TextEncoder().encode('Man'))).toBe('TWFu');
    expect(bytesToBase64(new Uint8Array([0xfb, 0xff]))).toBe('+/8=');
    const big = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    let binary = '';
    for (const b of big) binary += String.fromCharCode(b);
    expect(bytesToBase64(big)).toBe(btoa(binary));
    expect([...base64ToBytes(bytesToBase64(big))]).toEqual([...big]);
  });

  it('does not let a "__proto__" key change the prototype of the decoded object', () => {
    const decoded = decodeRelay('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(decoded)).toEqual(['__proto__']);
  });

  it('rejects values the bridge never carries instead of silently dropping them', () => {
    expect(() => encodeRelay({ f: () => 1 })).toThrow(TypeError);
    expect(() => encodeRelay(Number.NaN)).toThrow(TypeError);
    expect(() => decodeRelay('{"$bytes":5}')).toThrow(TypeError);
  });
});
