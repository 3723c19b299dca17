/**
 * Browser printing of a PDF: its pages are drawn by pdf.js at print resolution into a hidden same-origin
 * iframe (one A4 image per page, @page margin 0), and the iframe's own print() opens the browser's print
 * dialog on exactly those pages. No PDF plugin and no blob: frame are needed, so the strict CSP holds
 * (images are blob: URLs, which img-src allows; the stylesheet is built through CSSOM, which CSP permits).
 * Duplex is chosen in the dialog; the browser gives no API for it.
 */
import type { PrintOptions } from '../../../shared/ipc';
import { drawPage, openPdf } from './pdfjs';

/** 150 dpi: sharp 3号 text at a fraction of 300 dpi's memory. */
const PRINT_SCALE = 150 / 72;

const PRINT_CSS = `
@page { size: A4 portrait; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; }
img { display: block; width: 210mm; height: 297mm; break-after: page; }
img:last-child { break-after: auto; }
`;

export async function printPdfInFrame(bytes: Uint8Array, options: PrintOptions): Promise<boolean> {
  const doc = await openPdf(bytes);
  const urls: string[] = [];
  const frame = document.createElement('iframe');
  frame.title = options.jobName;
  frame.setAttribute('aria-hidden', 'true');
  frame.dataset['testid'] = 'pdf-print-frame';
  Object.assign(frame.style, {
    position: 'fixed',
    right: '0',
    bottom: '0',
    width: '0',
    height: '0',
    border: '0',
  });
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const canvas = document.createElement('canvas');
      await drawPage(doc, n, canvas, PRINT_SCALE, 1);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error('无法准备打印页面，请关闭其他程序释放内存后重试。');
      urls.push(URL.createObjectURL(blob));
    }
    document.body.append(frame);
    const win = frame.contentWindow;
    const fdoc = frame.contentDocument;
    if (!win || !fdoc) throw new Error('无法打开打印窗口，请重试。');
    fdoc.title = options.jobName;
    const sheet = new (win as unknown as { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet();
    sheet.replaceSync(PRINT_CSS);
    fdoc.adoptedStyleSheets = [sheet];
    const images = urls.map((src, i) => {
      const img = fdoc.createElement('img');
      img.alt = `第 ${i + 1} 页`;
      img.src = src;
      fdoc.body.append(img);
      return img;
    });
    await Promise.all(images.map((img) => img.decode()));
    win.focus();
    // Blocks until the dialog closes in a desktop browser.
    win.print();
    return true;
  } finally {
    await doc.destroy();
    // Let the print pipeline finish with the images before they go.
    window.setTimeout(() => {
      frame.remove();
      for (const u of urls) URL.revokeObjectURL(u);
    }, 1000);
  }
}
