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

interface StyleFactory {
  createElement(tagName: string, options?: ElementCreationOptions): unknown;
}

/**
 * Gives every <style> created through `doc.createElement` the nonce. antd passes its `csp` to its own
 * css-in-js, but @rc-component's scroll locker (opened by every Modal and Drawer) and scrollbar probe
 * create <style> tags without it, which the CSP refuses. This costs no protection: the nonce guards
 * against injected markup, and any script able to call createElement could read the meta tag anyway.
 */
export function nonceDynamicStyles(doc: StyleFactory, nonce: string): void {
  const original = doc.createElement.bind(doc);
  const patched = (tagName: string, options?: ElementCreationOptions): unknown => {
    const element = original(tagName, options);
    if (tagName.toLowerCase() === 'style') (element as { nonce: string }).nonce = nonce;
    return element;
  };
  Object.defineProperty(doc, 'createElement', { value: patched, configurable: true, writable: true });
}
