import { describe, expect, it } from 'vitest';
import type { OfficialDocument } from '../../../shared/pdf';
import { classificationText, classifiedCopies } from './classified';

const doc: OfficialDocument = {
  kind: 'tongzhi',
  organ: '示例区人民政府办公室',
  title: '关于某事项的通知',
  mainRecipients: ['各单位'],
  body: [{ text: '正文。' }],
  date: '2026-03-05',
  classification: { level: '秘密', term: '1年' },
};

describe('classified copies', () => {
  it('makes one job of N numbered copies and the print-log entry with the same 份号', () => {
    const { job, classified } = classifiedCopies(doc, 3, 'doc-7');
    expect(job).toEqual({ type: 'copies', doc, count: 3, firstCopy: 1 });
    expect(classified).toEqual({
      documentId: 'doc-7',
      documentTitle: '关于某事项的通知',
      classification: '秘密★1年',
      copyNumbers: [1, 2, 3],
    });
  });

  it('continues a reprint from the next 份号 the print log gives', () => {
    const { job, classified } = classifiedCopies(doc, 2, 'doc-7', 4);
    expect(job).toEqual({ type: 'copies', doc, count: 2, firstCopy: 4 });
    expect(classified.copyNumbers).toEqual([4, 5]);
  });

  it('refuses an unclassified document and impossible counts', () => {
    expect(() => classifiedCopies({ ...doc, classification: undefined }, 1, 'd')).toThrow(/没有密级/);
    expect(() => classifiedCopies(doc, 0, 'd')).toThrow(/1 至 999/);
    expect(classificationText({ ...doc, classification: { level: '机密' } })).toBe('机密');
  });
});
