import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../../shared/calendar/iso-date';
import { DOCUMENT_KINDS, type OutgoingRecord } from '../../../../shared/domain/documents';
import { documentId, personId } from '../../../../shared/domain/ids';
import { createSampleOffice, SAMPLE_IDS } from '../../../../shared/sample/sample-office';
import { organNames, organOf, pdfDocumentOf, PDF_KIND, splitDocumentNumber } from './pdf-job';

const reg = createSampleOffice(isoDate('2026-02-01'));

const record: OutgoingRecord = {
  doc: {
    id: documentId('o1'),
    direction: 'outgoing',
    title: '示例区人民政府关于申请专项资金的请示',
    kind: 'request',
    issuer: { kind: 'government' },
    flow: 'upward',
    classification: { level: 'secret', years: 10 },
    urgency: 'urgent',
    documentNumber: '崆政发〔2026〕12号',
    signatures: [{ personId: SAMPLE_IDS.districtHead, date: isoDate('2026-03-05'), role: 'sign' }],
    print: { date: isoDate('2026-03-06'), copies: 3, serialFrom: 1, serialTo: 3 },
  },
  createdOn: isoDate('2026-03-02'),
  mainRecipients: [{ name: '示例市人民政府' }],
  ccRecipients: [{ name: '示例区发展和改革局' }],
  versions: [
    {
      version: 1,
      savedAt: '2026-03-02 09:00',
      savedBy: '文书',
      title: '示例区人民政府关于申请专项资金的请示',
      body: [
        { level: 0, text: '市政府：' },
        { level: 1, text: '基本情况' },
        { level: 2, text: '项目概况' },
      ],
    },
  ],
  deliveries: [],
  tasks: [],
};

describe('outgoing → PDF job', () => {
  it('maps every kind to the engine', () => {
    expect(DOCUMENT_KINDS.map((k) => PDF_KIND[k]).length).toBe(15);
    expect(new Set(Object.values(PDF_KIND)).size).toBe(15);
  });

  it('splits the 文号 and names the organs from the registry', () => {
    expect(splitDocumentNumber('崆政发〔2026〕12号')).toEqual({ prefix: '崆政发', year: 2026, serial: 12 });
    expect(splitDocumentNumber('无号')).toBeUndefined();
    const names = organNames(reg);
    expect(names.government).toBe('示例区人民政府');
    expect(organOf({ kind: 'partyAndGovernment' }, names)).toBe('中共示例区委员会\u3000示例区人民政府');
  });

  it('carries 签发人 on an 上行文, numbered headings, marks, recipients and the copy number', () => {
    const pdf = pdfDocumentOf(record, reg, '2026-03-06', { copyNumber: 2 });
    expect(pdf).toMatchObject({
      kind: 'qingshi',
      direction: 'up',
      organ: '示例区人民政府',
      docNumber: { prefix: '崆政发', year: 2026, serial: 12 },
      signers: ['赵志远'],
      classification: { level: '机密', term: '10年' },
      urgency: '加急',
      copyNumber: 2,
      mainRecipients: ['示例市人民政府'],
      cc: ['示例区发展和改革局'],
      date: '2026-03-05',
      printDate: '2026-03-06',
    });
    expect(pdf.body).toEqual([
      { text: '市政府：' },
      { level: 1, heading: '一、基本情况' },
      { level: 2, heading: '（一）项目概况' },
    ]);
    const countersigned = pdfDocumentOf(
      {
        ...record,
        doc: {
          ...record.doc,
          flow: 'downward',
          signatures: [{ personId: personId('x'), date: isoDate('2026-03-05'), role: 'countersign' }],
        },
      },
      reg,
      '2026-03-06',
    );
    expect(countersigned.signers).toBeUndefined();
    expect(countersigned.withWenjian).toBe(true);
  });
});
