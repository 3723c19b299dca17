/**
 * 收文章 on page 1 of a received PDF, in the PDF Worker with the page's fonts (renderer/features/pdf/use-pdf.ts),
 * so a large or hostile file never freezes the page. The original bytes are never changed: the caller keeps
 * them beside the stamped copy.
 */
import { MAX_RECEIVED_PDF_BYTES, type ReceiptStamp } from '../../../../shared/pdf';
import { generatePdf } from '../../pdf/use-pdf';

export type StampOutcome =
  | { readonly ok: true; readonly bytes: Uint8Array }
  /** Not stamped; `message` tells the clerk why and what to do. */
  | { readonly ok: false; readonly message: string };

/** Cheap checks before the file goes anywhere: size and the PDF header. */
export function checkReceivedPdf(bytes: Uint8Array): string | undefined {
  if (bytes.byteLength === 0) return '所选文件是空的，请重新选择来文的 PDF 文件。';
  if (bytes.byteLength > MAX_RECEIVED_PDF_BYTES) return '文件超过 50 MB，请让来文单位压缩后重新发送，或只扫描正文页。';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(1024, bytes.byteLength)));
  if (!head.includes('%PDF-')) return '所选文件不是 PDF（文件头不符）。请选择来文的 PDF 文件，纸质来文请先扫描为 PDF。';
  return undefined;
}

export async function stampReceived(original: Uint8Array, stamp: ReceiptStamp): Promise<StampOutcome> {
  const bad = checkReceivedPdf(original);
  if (bad !== undefined) return { ok: false, message: bad };
  try {
    // A copy goes to the Worker: the original stays untouched here.
    const out = await generatePdf({ type: 'stamp', pdf: original.slice(), stamp });
    return { ok: true, bytes: out.bytes };
  } catch (e) {
    const why = e instanceof Error && e.message !== '' ? e.message.replace(/[。.]$/, '') : '加盖收文章失败';
    return { ok: false, message: `${why}。该文件无法加盖收文章，请核对文件或请来文单位重新发送；也可以不附 PDF 先登记。` };
  }
}
