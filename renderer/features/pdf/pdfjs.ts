/**
 * pdf.js (pdfjs-dist 5, modern build: the app runs in current Chromium), loaded on first use so the main
 * bundle stays small. Its worker comes from the app bundle (never a CDN); `isEvalSupported: false` keeps it
 * inside the CSP (no eval), and it fetches nothing: our PDFs embed every font, so no standard-font data,
 * CMaps or wasm decoders are needed (useWasm: false; JPEG 2000 falls back to pdf.js's JS decoder).
 */
import type * as PdfJsLib from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';

type PdfJs = typeof PdfJsLib;

let loaded: Promise<PdfJs> | undefined;

function pdfjs(): Promise<PdfJs> {
  loaded ??= Promise.all([
    import('pdfjs-dist'),
    import('pdfjs-dist/build/pdf.worker.min.mjs?url').then((m: { default: string }) => m.default),
  ]).then(([lib, workerUrl]) => {
    lib.GlobalWorkerOptions.workerSrc = workerUrl;
    return lib;
  });
  return loaded;
}

/** Opens PDF bytes for viewing; the bytes are copied (pdf.js transfers its buffer to its worker). */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  return lib.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    useWasm: false,
    useSystemFonts: false,
    enableXfa: false,
    disableAutoFetch: true,
    stopAtErrors: false,
  }).promise;
}

/** Draws page `n` (1-based) into `canvas` at `scale` CSS px per PDF pt, sharp on high-DPI screens. */
export async function drawPage(
  doc: PDFDocumentProxy,
  n: number,
  canvas: HTMLCanvasElement,
  scale: number,
  pixelRatio: number = globalThis.devicePixelRatio || 1,
): Promise<void> {
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale: scale * pixelRatio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / pixelRatio)}px`;
  canvas.style.height = `${Math.floor(viewport.height / pixelRatio)}px`;
  await page.render({ canvas, viewport }).promise;
}
