/**
 * Printing a classified document: N copies are one PDF of N distinct numbered copies (份号 000001…, the
 * engine's renderCopiesCombined), and the preview logs every print with those numbers (print log). The
 * documents feature calls `classifiedCopies` and passes both results to <PdfPreview job classified>.
 */
import type { OfficialDocument, PdfJob } from '../../../shared/pdf';
import type { ClassifiedPrint } from './PdfPreview';

/** "秘密★1年" as printed on line 2 (GB/T 9704 7.2.2). */
export const classificationText = (doc: OfficialDocument): string =>
  doc.classification
    ? `${doc.classification.level}${doc.classification.term ? `★${doc.classification.term}` : ''}`
    : '';

export function classifiedCopies(
  doc: OfficialDocument,
  count: number,
  documentId: string,
  /** From the print log's `nextCopyNumber`, so a reprint never repeats a 份号. */
  firstCopy = 1,
): { readonly job: PdfJob; readonly classified: ClassifiedPrint } {
  if (!doc.classification) throw new Error('这份文件没有密级，不需要编制份号。');
  if (!Number.isInteger(count) || count < 1 || count > 999) {
    throw new Error('印制份数应为 1 至 999 之间的整数，请重新填写。');
  }
  return {
    job: { type: 'copies', doc, count, firstCopy },
    classified: {
      documentId,
      documentTitle: doc.title,
      classification: classificationText(doc),
      copyNumbers: Array.from({ length: count }, (_, i) => firstCopy + i),
    },
  };
}
