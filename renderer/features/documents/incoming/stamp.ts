/**
 * 收文章 on page 1 of a received PDF, in the PDF Worker (a large or hostile file never freezes the page). The
 * original bytes are never changed: the caller keeps them beside the stamped copy.
 */
import type { HuiwenBridge } from '../../../../shared/ipc';
import { FONT_ROLES, MAX_RECEIVED_PDF_BYTES, type FontSet, type ReceiptStamp } from '../../../../shared/pdf';
import { createPdfClient, type PdfClient } from '../../pdf/client';

export type StampOutcome =
  | { readonly ok: true; readonly bytes: Uint8Array }
  /** Not stamped; `message` tells the clerk why and what to do. `fatal`: the file itself is unusable. */
  | { readonly ok: false; readonly fatal: boolean; readonly message: string };

/** Cheap checks before the file goes anywhere: size and the PDF header. */
export function checkReceivedPdf(bytes: Uint8Array): string | undefined {
  if (bytes.byteLength === 0) return '所选文件是空的，请重新选择来文的 PDF 文件。';
  if (bytes.byteLength > MAX_RECEIVED_PDF_BYTES) return '文件超过 50 MB，请让来文单位压缩后重新发送，或只扫描正文页。';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(1024, bytes.byteLength)));
  if (!head.includes('%PDF-')) return '所选文件不是 PDF（文件头不符）。请选择来文的 PDF 文件，纸质来文请先扫描为 PDF。';
  return undefined;
}

/** The PC's role fonts as a full set: a missing role borrows another face (marked as a stand-in). */
export function fontSetOf(faces: readonly { id: string; family: string; roles: readonly string[]; bytes: Uint8Array; standIn: boolean }[]): FontSet | undefined {
  const first = faces[0];
  if (first === undefined) return undefined;
  const entries = FONT_ROLES.map((role) => {
    const f = faces.find((x) => x.roles.includes(role));
    const face = f ?? first;
    return [role, { id: face.id, family: face.family, bytes: face.bytes, standIn: f === undefined ? true : face.standIn }] as const;
  });
  return Object.fromEntries(entries) as unknown as FontSet;
}

let client: PdfClient | undefined;

export async function stampReceived(
  bridge: Pick<HuiwenBridge, 'systemFonts'>,
  original: Uint8Array,
  stamp: ReceiptStamp,
): Promise<StampOutcome> {
  const bad = checkReceivedPdf(original);
  if (bad !== undefined) return { ok: false, fatal: true, message: bad };
  const fonts = await bridge.systemFonts().catch(() => undefined);
  const set = fonts?.ok === true ? fontSetOf(fonts.value) : undefined;
  if (set === undefined) {
    return {
      ok: false,
      fatal: false,
      message: '本机没有可用于收文章的字体，未加盖收文章；原件已保存。请在桌面版会文中登记，或安装仿宋、黑体字体。',
    };
  }
  client ??= createPdfClient();
  try {
    // A copy goes to the Worker: the original stays untouched here.
    const out = await client.run({ type: 'stamp', pdf: original.slice(), stamp }, set);
    return { ok: true, bytes: out.bytes };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, fatal: true, message: `${why.replace(/[。.]$/, '')}。该文件无法加盖收文章，请核对文件或请来文单位重新发送。` };
  }
}
