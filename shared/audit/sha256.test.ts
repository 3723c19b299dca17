import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256';

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vectors', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes the UTF-8 bytes of Chinese text', () => {
    // echo -n 会文 | sha256sum
    expect(sha256Hex('会文')).toBe('49b2adb1c3fa4da08e459f432aabb9456e2e811894628ab403911d8d2f931788');
  });
});
