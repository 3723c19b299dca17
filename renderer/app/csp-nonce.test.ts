import { describe, expect, it } from 'vitest';
import { readCspNonce } from './csp-nonce';

const docWith = (content: string | null) => ({
  querySelector: (selector: string) =>
    selector === 'meta[name="csp-nonce"]' && content !== null ? { getAttribute: () => content } : null,
});

describe('readCspNonce', () => {
  it('returns the nonce the server filled in', () => {
    expect(readCspNonce(docWith('q2x9M3Jf0lUe1k4S7vNb5wAa'))).toBe('q2x9M3Jf0lUe1k4S7vNb5wAa');
  });

  it('treats a missing tag, an empty value and the unreplaced placeholder as no nonce', () => {
    expect(readCspNonce(docWith(null))).toBeUndefined();
    expect(readCspNonce(docWith(''))).toBeUndefined();
    expect(readCspNonce(docWith('%CSP_NONCE%'))).toBeUndefined();
  });
});
