/**
 * Writes one sample of every PDF kind from the invented 示例区 office:
 *   tsx scripts/pdf-samples.ts <dir>      (npm run pdf:samples -- <dir>)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import {
  renderCopies,
  renderCopiesCombined,
  renderDocument,
  renderLeaveSlip,
  renderMeetingNotice,
  renderMinutes,
  renderSignInSheet,
  stampReceivedPdf,
  describeFontUse,
  type PdfEnv,
  type RenderResult,
} from '../shared/pdf';
import {
  BAOGAO,
  HAN,
  JUEDING,
  LEAVE,
  MINGLING,
  MINUTES,
  NOTICE,
  ORGAN,
  QINGSHI,
  SIGN_IN,
  TONGZHI,
} from '../test/fixtures/pdf/sample-office';
import { describeChoices, discoverFonts, nodePdfEnv } from './fonts';

/** A plain "incoming" PDF from another organ, as the stamping sample's input. */
export async function sampleIncomingPdf(rotation = 0): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  page.setRotation(degrees(rotation));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Incoming document (sample)', { x: 80, y: 700, size: 20, font });
  return doc.save();
}

export interface Sample {
  readonly file: string;
  readonly make: (env: PdfEnv) => Promise<RenderResult | Uint8Array>;
}

export const SAMPLES: readonly Sample[] = [
  { file: 'minutes.pdf', make: (env) => renderMinutes(MINUTES, env) },
  { file: 'notice.pdf', make: (env) => renderMeetingNotice(NOTICE, env) },
  { file: 'signin.pdf', make: (env) => renderSignInSheet(SIGN_IN, env) },
  { file: 'leave.pdf', make: (env) => renderLeaveSlip(LEAVE, env) },
  { file: 'tongzhi.pdf', make: (env) => renderDocument(TONGZHI, env) },
  { file: 'qingshi.pdf', make: (env) => renderDocument(QINGSHI, env) },
  { file: 'baogao.pdf', make: (env) => renderDocument(BAOGAO, env) },
  { file: 'han.pdf', make: (env) => renderDocument(HAN, env) },
  { file: 'jueding.pdf', make: (env) => renderDocument(JUEDING, env) },
  { file: 'mingling.pdf', make: (env) => renderDocument(MINGLING, env) },
  {
    file: 'classified-copies.pdf',
    make: (env) =>
      renderCopiesCombined(
        { ...TONGZHI, classification: { level: '机密', term: '1年' }, urgency: '特急' },
        env,
        3,
        {
          watermark: { text: '周静 2026-03-05 14:20' },
        },
      ),
  },
  {
    file: 'stamped-received.pdf',
    make: async (env) =>
      stampReceivedPdf(
        await sampleIncomingPdf(),
        { unit: ORGAN, number: '收〔2026〕35号', date: '2026-03-06', copies: 2 },
        env,
      ),
  },
];

export async function writeSamples(dir: string, env: PdfEnv = nodePdfEnv()): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const s of SAMPLES) {
    const out = await s.make(env);
    const bytes = out instanceof Uint8Array ? out : out.bytes;
    const path = join(dir, s.file);
    writeFileSync(path, bytes);
    written.push(path);
    const info = out instanceof Uint8Array ? '' : `${out.pageCount} 页；${describeFontUse(out.fonts)}`;
    console.info(`${s.file}\t${bytes.byteLength} 字节\t${info}`);
  }
  // Separate numbered copies as well, one file per copy.
  const copies = await renderCopies({ ...TONGZHI, classification: { level: '秘密', term: '6个月' } }, env, 2);
  copies.forEach((c, i) => {
    const path = join(dir, `classified-copy-${String(i + 1).padStart(6, '0')}.pdf`);
    writeFileSync(path, c.bytes);
    written.push(path);
  });
  return written;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) {
    console.error('用法：tsx scripts/pdf-samples.ts <输出目录>');
    process.exitCode = 2;
    return;
  }
  const choices = discoverFonts();
  console.info(`字体：\n${describeChoices(choices)}`);
  const files = await writeSamples(resolve(dir), nodePdfEnv(choices));
  console.info(`已写出 ${files.length} 个样张到 ${resolve(dir)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
