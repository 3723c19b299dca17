import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: '文' } })).toBe(
      '{"a":{"c":"文","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('omits undefined properties and writes undefined array slots as null', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
  });

  it('escapes strings as JSON does', () => {
    expect(canonicalJson({ 'k"ey': 'line\nbreak\u0001' })).toBe('{"k\\"ey":"line\\nbreak\\u0001"}');
  });

  it('writes -0 as 0 so equal records hash alike', () => {
    expect(canonicalJson([-0, 0, 1.5])).toBe('[0,0,1.5]');
  });

  it('refuses values with no stable JSON meaning', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(/非有限数值/);
    expect(() => canonicalJson(new Date(0))).toThrow(/普通对象/);
    expect(() => canonicalJson(undefined)).toThrow(/不支持/);
    expect(() => canonicalJson(1n)).toThrow(/不支持/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/循环引用/);
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('round-trips through JSON.parse to an equal value and ignores key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
        expect(text).not.toMatch(/^\s|\s$/);
        const reparsed = JSON.parse(text) as unknown;
        expect(canonicalJson(reparsed)).toBe(text);
      }),
    );
  });

  it('gives the same text for objects that differ only in key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), (d) => {
        const reversed = Object.fromEntries(Object.entries(d).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(d));
      }),
    );
  });
});
