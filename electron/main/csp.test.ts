import { describe, expect, it } from 'vitest';
import {
  CSP_NONCE_PLACEHOLDER,
  cspHeader,
  generateNonce,
  htmlSecurityHeaders,
  htmlWithNonce,
  isValidNonce,
} from './csp';

const nonce = 'QUJDREVGR0hJSktMTU5PUFFS';

describe('cspHeader', () => {
  it('is strict: nothing inline or eval (only wasm compilation), nothing off-origin', () => {
    const csp = cspHeader(nonce);
    expect(csp).toBe(
      "default-src 'none'; script-src 'self' 'nonce-QUJDREVGR0hJSktMTU5PUFFS' 'wasm-unsafe-eval'; " +
        "style-src 'self' 'nonce-QUJDREVGR0hJSktMTU5PUFFS'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'none'",
    );
    expect(csp).not.toMatch(/unsafe-inline/);
    // 'wasm-unsafe-eval' (HarfBuzz in the PDF Worker) but never the general 'unsafe-eval'.
    expect(csp).not.toMatch(/(^|[\s'])unsafe-eval/);
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/https?:|\*/);
  });

  it('refuses a nonce that could break out of the header', () => {
    expect(() => cspHeader("abc'; script-src *")).toThrow();
    expect(() => cspHeader('')).toThrow();
    expect(() => htmlWithNonce('<p>', 'short')).toThrow();
  });
});

describe('htmlWithNonce', () => {
  it('replaces every placeholder', () => {
    const html = `<meta name="csp-nonce" content="${CSP_NONCE_PLACEHOLDER}"><script nonce="${CSP_NONCE_PLACEHOLDER}"></script>`;
    expect(htmlWithNonce(html, nonce)).toBe(
      `<meta name="csp-nonce" content="${nonce}"><script nonce="${nonce}"></script>`,
    );
  });
  it('leaves HTML without placeholders unchanged', () => {
    expect(htmlWithNonce('<p>会文</p>', nonce)).toBe('<p>会文</p>');
  });
});

describe('generateNonce', () => {
  it('makes 24-char base64 nonces from 18 random bytes', () => {
    const n = generateNonce();
    expect(n).toHaveLength(24);
    expect(isValidNonce(n)).toBe(true);
    expect(generateNonce()).not.toBe(n);
  });
  it('uses the injected random source', () => {
    expect(generateNonce((b) => b.fill(0))).toBe('AAAAAAAAAAAAAAAAAAAAAAAA');
  });
});

describe('htmlSecurityHeaders', () => {
  it('carries the CSP and nosniff', () => {
    const headers = htmlSecurityHeaders(nonce);
    expect(headers['Content-Security-Policy']).toBe(cspHeader(nonce));
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});
