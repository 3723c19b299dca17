import { describe, expect, it } from 'vitest';
import { nonceDynamicStyles, readCspNonce } from './csp-nonce';

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

describe('nonceDynamicStyles', () => {
  it('gives created <style> elements the nonce and leaves other elements alone', () => {
    const created: { tag: string; nonce: string }[] = [];
    const doc = {
      createElement(tag: string) {
        const el = { tag, nonce: '' };
        created.push(el);
        return el;
      },
    };
    nonceDynamicStyles(doc, 'abc');
    doc.createElement('style');
    doc.createElement('STYLE');
    doc.createElement('script');
    doc.createElement('div');
    expect(created.map((e) => [e.tag, e.nonce])).toEqual([
      ['style', 'abc'],
      ['STYLE', 'abc'],
      ['script', ''],
      ['div', ''],
    ]);
  });
});
