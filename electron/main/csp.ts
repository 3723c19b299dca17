/**
 * Content-Security-Policy for the renderer, shared by the Electron protocol handler and the browser
 * preview server (so it must not import electron or anything Node-only beyond what callers pass in).
 *
 * Convention with renderer/index.html: the HTML carries the literal placeholder `%CSP_NONCE%`
 * (in `<meta name="csp-nonce" content="%CSP_NONCE%">` and in any nonce="..." attributes). Whoever serves
 * the HTML replaces every placeholder with the per-launch nonce and sends `cspHeader(nonce)` alongside,
 * so antd's runtime <style> tags (given the nonce via ConfigProvider csp) are allowed and nothing else is.
 */

// electronegativity: CSP_GLOBAL_CHECK — the CSP is sent as an HTTP header on every HTML response by the app:// protocol handler (protocol.ts, cspHeader below), which a static scan of the sources cannot see.
export const CSP_NONCE_PLACEHOLDER = '%CSP_NONCE%';

/** base64 of 16..64 random bytes; anything else would let a quote or space break out of the header. */
const NONCE_PATTERN = /^[A-Za-z0-9+/]{22,88}={0,2}$/;

export function isValidNonce(nonce: string): boolean {
  return NONCE_PATTERN.test(nonce);
}

/**
 * A fresh nonce: 18 random bytes as base64 (24 chars, no padding). Call once per app launch.
 * `randomBytes` is injected so this file stays free of node:crypto (callers pass crypto.getRandomValues).
 */
export function generateNonce(
  fillRandom: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b),
): string {
  const bytes = fillRandom(new Uint8Array(18));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function assertNonce(nonce: string): void {
  if (!isValidNonce(nonce)) throw new Error('CSP nonce must be base64 of at least 16 random bytes');
}

/**
 * The CSP header value. No 'unsafe-inline', no 'unsafe-eval', nothing off-origin.
 *
 * 'wasm-unsafe-eval' is the one exception, and a narrow one: it lets the PDF Worker compile HarfBuzz's
 * WebAssembly (font subsetting, renderer/features/pdf/pdf.worker.ts) and nothing else. Unlike 'unsafe-eval'
 * it does not allow eval(), new Function() or string timers, so injected text still cannot become code;
 * the wasm itself is served from 'self' like every script.
 */
export function cspHeader(nonce: string): string {
  assertNonce(nonce);
  return [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}' 'wasm-unsafe-eval'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Replaces every `%CSP_NONCE%` in the HTML with the launch nonce. */
export function htmlWithNonce(html: string, nonce: string): string {
  assertNonce(nonce);
  return html.split(CSP_NONCE_PLACEHOLDER).join(nonce);
}

/** Headers for an HTML response. */
export function htmlSecurityHeaders(nonce: string): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': cspHeader(nonce),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}
