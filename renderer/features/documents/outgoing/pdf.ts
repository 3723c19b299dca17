/**
 * Generates a document's PDF in the PDF Worker with the PC's role fonts (bundled fonts in the browser
 * build). TODO: switch to renderer/features/pdf/use-pdf.ts (generatePdf + PdfPreview) when it lands.
 */
import type { HuiwenBridge } from '../../../../shared/ipc';
import { FONT_ROLES, type FontSet, type PdfJob } from '../../../../shared/pdf';
import { createPdfClient, type PdfClient } from '../../pdf/client';

interface Face {
  readonly id: string;
  readonly family: string;
  readonly roles: readonly string[];
  readonly bytes: Uint8Array;
  readonly standIn: boolean;
}

/** A full role set; a role without its own face borrows the first one (marked as a stand-in). */
export function fontSetOf(faces: readonly Face[]): FontSet | undefined {
  const first = faces[0];
  if (first === undefined) return undefined;
  const entries = FONT_ROLES.map((role) => {
    const f = faces.find((x) => x.roles.includes(role)) ?? first;
    return [
      role,
      {
        id: f.id,
        family: f.family,
        bytes: f.bytes,
        standIn: f === first && !first.roles.includes(role) ? true : f.standIn,
      },
    ] as const;
  });
  return Object.fromEntries(entries) as unknown as FontSet;
}

let client: PdfClient | undefined;

export async function generateOutgoingPdf(
  bridge: Pick<HuiwenBridge, 'systemFonts'>,
  job: PdfJob,
): Promise<Uint8Array> {
  const fonts = await bridge.systemFonts();
  const set = fonts.ok ? fontSetOf(fonts.value) : undefined;
  if (set === undefined) {
    throw new Error('本机没有可用于公文的字体（仿宋、小标宋、黑体、楷体），无法生成 PDF。请安装字体后重试。');
  }
  client ??= createPdfClient();
  const out = await client.run(job, set);
  return out.bytes;
}
