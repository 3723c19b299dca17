import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PacketError } from './errors';
import { nestingDepth, parsePacketJson } from './json';
import { DEFAULT_LIMITS } from './limits';
import { checkEntryPath, checkNoDuplicates, collisionKey } from './paths';
import { encodeUtf8 } from './platform';

const checkOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (err) {
    if (err instanceof PacketError) return err.check;
    throw err;
  }
};

describe('entry paths', () => {
  it('accepts the paths Huiwen writes, including Chinese names', () => {
    for (const p of [
      'manifest.json',
      'records/meeting/mtg-1.json',
      'files/会议纪要（签发稿）.pdf',
      'files/a/b/c/d/e/f/g.pdf',
    ]) {
      expect(
        checkOf(() => checkEntryPath(p, DEFAULT_LIMITS)),
        p,
      ).toBeUndefined();
    }
  });

  it('no accepted path can climb out of the target folder', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', '..', '.', '', '/', '\\', 'C:', 'files', '会'), { maxLength: 8 }),
        (parts) => {
          const path = parts.join('/');
          if (checkOf(() => checkEntryPath(path, DEFAULT_LIMITS)) === undefined) {
            const segments = path.split('/');
            expect(segments.every((s) => s !== '..' && s !== '.' && s !== '' && !s.includes('\\'))).toBe(
              true,
            );
            expect(/^[A-Za-z]:/.test(path)).toBe(false);
          }
        },
      ),
    );
  });

  it('collision keys fold case and Unicode forms', () => {
    expect(collisionKey('files/Ａ.PDF')).toBe(collisionKey('files/ａ.pdf'));
    expect(collisionKey('files/e\u0301')).toBe(collisionKey('files/\u00e9'));
    expect(checkOf(() => checkNoDuplicates(['files/x.pdf', 'files/y.pdf']))).toBeUndefined();
  });
});

describe('packet JSON', () => {
  const limits = { ...DEFAULT_LIMITS, maxJsonBytes: 1000, maxJsonDepth: 4 };

  it('parses ordinary JSON', () => {
    expect(parsePacketJson(encodeUtf8('{"a":[1,{"b":"会"}]}'), 'x.json', limits)).toEqual({
      a: [1, { b: '会' }],
    });
  });

  it('counts nesting outside strings only', () => {
    expect(nestingDepth('{"a":"[[[[[[","b":[{}]}')).toBe(3);
    expect(nestingDepth('"\\"[[["')).toBe(0);
  });

  it('refuses too large, too deep, invalid UTF-8, invalid JSON and __proto__ keys', () => {
    const refused = (text: string | Uint8Array): string | undefined =>
      checkOf(() => parsePacketJson(typeof text === 'string' ? encodeUtf8(text) : text, 'x.json', limits));
    expect(refused(`"${'x'.repeat(1000)}"`)).toBe('json');
    expect(refused('[[[[[1]]]]]')).toBe('json');
    expect(refused(new Uint8Array([0x22, 0xff, 0x22]))).toBe('json');
    expect(refused('{"a":')).toBe('json');
    expect(refused('{"a":[{"__proto__":{"polluted":true}}]}')).toBe('json');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
