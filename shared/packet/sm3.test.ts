import { createHash, randomBytes } from 'node:crypto';
import { hmac } from '@noble/hashes/hmac.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sm3 } from './sm3';

describe('SM3 (GB/T 32905-2016)', () => {
  it('matches the standard example 1: "abc"', () => {
    expect(bytesToHex(sm3(utf8ToBytes('abc')))).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });

  it('matches the standard example 2: "abcd" × 16 (64 bytes, two blocks after padding)', () => {
    expect(bytesToHex(sm3(utf8ToBytes('abcd'.repeat(16))))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('agrees with OpenSSL SM3 on random inputs of every length around the block boundaries', () => {
    for (let n = 0; n < 200; n++) {
      const msg = randomBytes(n);
      expect(bytesToHex(sm3(msg)), `length ${n}`).toBe(createHash('sm3').update(msg).digest('hex'));
    }
  });

  it('streams: any split of the input gives the same digest', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(300), (msg, cut) => {
        const at = Math.min(cut, msg.length);
        const h = sm3.create().update(msg.subarray(0, at)).update(msg.subarray(at)).digest();
        expect(bytesToHex(h)).toBe(bytesToHex(sm3(msg)));
      }),
    );
  });

  it('works as the hash of HMAC (HMAC-SM3 matches OpenSSL)', async () => {
    const { createHmac } = await import('node:crypto');
    const key = randomBytes(40);
    const msg = randomBytes(1000);
    expect(bytesToHex(hmac(sm3, key, msg))).toBe(createHmac('sm3', key).update(msg).digest('hex'));
  });
});
