/** The real browser globals behind `BrowserEnv`. Only constructed in a page, never in unit tests. */
import { version as reactVersion } from 'react';
import type { BrowserEnv, DirectoryHandleLike, PickedFileLike } from './browser-bridge';

type DirectoryPicker = (options: { mode: 'readwrite' }) => Promise<DirectoryHandleLike>;

function fallbackUuid(): string {
  // RFC 4122 v4 from getRandomValues, for non-secure contexts where randomUUID is missing.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function download(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download reads the blob asynchronously; revoke later rather than racing it.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function pickFile(accept: string): Promise<PickedFileLike | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    if (accept) input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

/** A file served with the app, by URL relative to the page (same origin: the CSP allows nothing else). */
async function fetchBytes(relativeUrl: string): Promise<Uint8Array> {
  const res = await fetch(new URL(relativeUrl, document.baseURI));
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

function browserVersions(userAgent: string): Record<string, string> {
  const chrome = /Chrom(?:e|ium)\/([\d.]+)/.exec(userAgent)?.[1];
  return { react: reactVersion, ...(chrome ? { chromium: chrome } : {}) };
}

export function realBrowserEnv(): BrowserEnv {
  const picker = (window as unknown as { showDirectoryPicker?: DirectoryPicker }).showDirectoryPicker;
  const uaData = (navigator as unknown as { userAgentData?: { platform?: string } }).userAgentData;
  return {
    origin: window.location.origin,
    version: import.meta.env.VITE_HUIWEN_VERSION ?? '开发版',
    platform: uaData?.platform || navigator.platform || '未知',
    versions: browserVersions(navigator.userAgent),
    showDirectoryPicker: picker ? (options) => picker.call(window, options) : undefined,
    download,
    pickFile,
    randomId: () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : fallbackUuid()),
    fetchBytes,
    // Loaded on first print: pdf.js draws the pages into a hidden iframe that the browser prints.
    printPdf: async (bytes, options) =>
      (await import('../features/pdf/print-frame')).printPdfInFrame(bytes, options),
  };
}
