/**
 * The PDFs a meeting packet carries (issue 8: "notice, agenda, materials, minutes PDF, decisions"): the
 * 会议通知 always, the 纪要 once it is signed as the rules require (art. 47). They are made here, in the
 * feature, because renderer/data must not import the PDF engine; the repository just carries them.
 * A PDF that cannot be made does not stop the export: the preview says which one is missing.
 *
 * The 纪要 goes without the office seal: putting a seal on a copy is a seal use that must be registered
 * (art. 54), which happens when a clerk prints or saves it, not silently inside a packet.
 */
import type { Meeting } from '../../../shared/domain/meeting';
import type { Registry } from '../../../shared/domain/registry';
import type { PdfJob } from '../../../shared/pdf';
import type { GeneratedFile } from '../../data';
import { minutesJob, minutesSigned, noticeJob } from '../pdf/meeting-jobs';

export interface MeetingPdfDeps {
  readonly generate: (job: PdfJob) => Promise<{ readonly bytes: Uint8Array }>;
  readonly registry: Registry;
  /** 印发机关, e.g. "示例区人民政府办公室". */
  readonly office: string;
  /** Today (YYYY-MM-DD), the notice's date. */
  readonly today: string;
}

export interface MeetingPdfs {
  /** By meeting id, ready for `ExportRequest.generatedFiles`. */
  readonly files: Readonly<Record<string, readonly GeneratedFile[]>>;
  /** One Chinese line per PDF that could not be made (the packet goes without it). */
  readonly failures: readonly string[];
}

const reasonOf = (e: unknown): string =>
  e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : '生成 PDF 时出错';

export async function meetingPdfsFor(
  meetings: readonly Meeting[],
  deps: MeetingPdfDeps,
): Promise<MeetingPdfs> {
  const files: Record<string, GeneratedFile[]> = {};
  const failures: string[] = [];
  const ctx = { registry: deps.registry, office: deps.office, today: deps.today };
  for (const m of meetings) {
    const wanted: { slug: string; label: string; job: () => PdfJob }[] = [
      { slug: 'notice', label: '会议通知', job: () => noticeJob(m, ctx) },
      ...(minutesSigned(m, deps.registry)
        ? [{ slug: 'minutes', label: '会议纪要', job: () => minutesJob(m, ctx) }]
        : []),
    ];
    const out: GeneratedFile[] = [];
    for (const w of wanted) {
      try {
        const pdf = await deps.generate(w.job());
        out.push({ slug: w.slug, name: `${w.label}.pdf`, bytes: pdf.bytes });
      } catch (e) {
        failures.push(`“${m.title}”的${w.label}：${reasonOf(e)}`);
      }
    }
    if (out.length > 0) files[m.id] = out;
  }
  return { files, failures };
}
