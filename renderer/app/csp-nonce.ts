/** Reads the per-launch CSP nonce the server wrote into index.html (see electron/main/csp.ts). */

export const CSP_NONCE_PLACEHOLDER = '%CSP_NONCE%';

interface MetaSource {
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
}

/**
 * The nonce, or undefined when the page was served without one (Vite dev server, file opened raw):
 * then antd injects styles without a nonce, which only works where no CSP applies.
 */
export function readCspNonce(doc: MetaSource): string | undefined {
  const content = doc.querySelector('meta[name="csp-nonce"]')?.getAttribute('content')?.trim();
  if (!content || content === CSP_NONCE_PLACEHOLDER) return undefined;
  return content;
}
