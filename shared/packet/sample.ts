/**
 * A fictional sample packet (示例区人民政府办公室, a 常务会议 with notice and minutes), for the CLI's `sample`
 * command, the docs and the tests. Its key is derived from a public string and marked `sample` in the
 * manifest: anyone can sign with it, so it must never be registered as a real partner's key.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { PacketInput } from './build';
import { generateOfficeKey } from './cryptography';
import { encodeUtf8 } from './platform';

export const SAMPLE_OFFICE = {
  officeId: 'SAMPLE-QZFB',
  officeName: '示例区人民政府办公室',
  pcId: 'SAMPLE-PC-01',
  pcName: '秘书科 1 号机',
} as const;

/** Deterministic and public: for demonstrations only. */
export const SAMPLE_KEY = {
  ...generateOfficeKey(sha256(encodeUtf8('huiwen sample office key - NOT FOR REAL USE'))),
  sample: true,
} as const;

/**
 * A tiny, valid one-page PDF with a line of ASCII text: stands in for rendered notices and minutes where
 * the real GB/T 9704 engine is not needed (it is tested on its own).
 */
export function placeholderPdf(line: string): Uint8Array {
  const safe = line.replace(/[^\x20-\x7e]/g, '?').replace(/([()\\])/g, '\\$1');
  const stream = `BT /F1 14 Tf 72 720 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return encodeUtf8(out);
}

const at = (day: string, time: string): string => `2026-${day}T${time}.000+08:00`;

/** The sample meeting packet's input; pass PDFs to use real rendered ones instead of placeholders. */
export function sampleMeetingInput(
  opts: {
    readonly packetId?: string;
    readonly noticePdf?: Uint8Array;
    readonly minutesPdf?: Uint8Array;
  } = {},
): PacketInput {
  const meetingId = 'mtg-2026-12-cw12';
  return {
    kind: 'meeting',
    packetId: opts.packetId ?? '5a3b1e0c9d7f4a2b8c6e1f0a2b3c4d5e',
    origin: SAMPLE_OFFICE,
    createdAt: at('12-11', '16:30:00'),
    operator: { id: 'p-wangfang', name: '王芳' },
    purpose: '报送区政府第十二次常务会议的通知、议程、材料、纪要和议定事项（示例数据）',
    records: [
      {
        type: 'meeting',
        id: meetingId,
        version: 3,
        updatedAt: at('12-11', '16:00:00'),
        data: {
          id: meetingId,
          kind: '常务会议',
          title: '区政府第十二次常务会议',
          date: '2026-12-10',
          place: '区政府第一会议室',
          chair: '区长 李明',
          status: '纪要已签发',
        },
        attachments: [
          {
            path: 'files/notice.pdf',
            bytes: opts.noticePdf ?? placeholderPdf('Huiwen sample: meeting notice (cw12)'),
          },
          {
            path: 'files/minutes.pdf',
            bytes: opts.minutesPdf ?? placeholderPdf('Huiwen sample: minutes (cw12)'),
          },
        ],
      },
      {
        type: 'topic',
        id: 'topic-cw12-1',
        version: 1,
        updatedAt: at('12-08', '10:00:00'),
        data: {
          id: 'topic-cw12-1',
          meetingId,
          order: 1,
          title: '研究 2027 年老旧小区改造计划',
          reportingUnit: '区住房城乡建设局',
        },
        attachments: [
          { path: 'files/topic-1-material.pdf', bytes: placeholderPdf('Huiwen sample: topic 1 material') },
        ],
      },
      {
        type: 'topic',
        id: 'topic-cw12-2',
        version: 1,
        updatedAt: at('12-08', '10:05:00'),
        data: {
          id: 'topic-cw12-2',
          meetingId,
          order: 2,
          title: '听取冬季安全生产工作情况汇报',
          reportingUnit: '区应急管理局',
        },
      },
      {
        type: 'decision',
        id: 'dec-cw12-1',
        version: 1,
        updatedAt: at('12-11', '15:00:00'),
        data: {
          id: 'dec-cw12-1',
          meetingId,
          text: '原则同意 2027 年老旧小区改造计划，由区住房城乡建设局牵头，2027 年 3 月底前启动。',
          leadUnit: '区住房城乡建设局',
          dueDate: '2027-03-31',
          progress: '未开始',
        },
      },
    ],
    auditHead: { sequence: 42, hash: '7d1a54127b222502f5b79b5fb0803061152a44f92b37e23c6527baf665d4da9a' },
    key: SAMPLE_KEY,
  };
}
