/**
 * OutgoingRecord → the PDF engine's document (shared/pdf, GB/T 9704-2012) for all 15 kinds: organ names from
 * the registry, 发文字号 split into 机关代字/年份/序号, 签发人 on 上行文, headings numbered, 密级/紧急程度 marks,
 * 主送/抄送 and the seal once used. Pure, so the mapping is tested without a Worker.
 */
import {
  CLASSIFICATION_LABELS,
  headingLabels,
  signedOn,
  type DocumentDirection,
  type DocumentKind,
  type Issuer,
  type OutgoingRecord,
} from '../../../../shared/domain/documents';
import { outsideBody, personName, type Registry } from '../../../../shared/domain/registry';
import type {
  DocKind,
  Direction,
  DocNumber,
  OfficialDocument,
  Paragraph,
  Seal,
} from '../../../../shared/pdf/model';

export const PDF_KIND: Readonly<Record<DocumentKind, DocKind>> = {
  resolution: 'jueyi',
  decision: 'jueding',
  order: 'mingling',
  communique: 'gongbao',
  announcement: 'gonggao',
  publicNotice: 'tonggao',
  opinion: 'yijian',
  notice: 'tongzhi',
  bulletin: 'tongbao',
  report: 'baogao',
  request: 'qingshi',
  reply: 'pifu',
  bill: 'yian',
  letter: 'han',
  minutes: 'jiyao',
};

const PDF_DIRECTION: Readonly<Record<DocumentDirection, Direction>> = {
  upward: 'up',
  parallel: 'parallel',
  downward: 'down',
};

/** 崆政发〔2026〕12号 → { prefix: 崆政发, year: 2026, serial: 12 }. */
export function splitDocumentNumber(value: string | undefined): DocNumber | undefined {
  const m = /^(.+)〔(\d{4})〕(\d+)号$/.exec(value ?? '');
  return m ? { prefix: m[1] as string, year: Number(m[2]), serial: Number(m[3]) } : undefined;
}

export interface OrganNames {
  readonly government: string;
  readonly office: string;
  readonly party: string;
  readonly partyOffice: string;
}

/** The issuing bodies' full names from the registry (the 区政府办公室 unit, the 区委 and 区委办 outside bodies). */
export function organNames(reg: Registry): OrganNames {
  const office = reg.units.find((u) => u.kind === 'governmentOffice')?.name ?? '区人民政府办公室';
  const government = office.replace(/办公室$/, '');
  return {
    government,
    office,
    party: outsideBody(reg, 'partyCommittee')?.name ?? '中共区委员会',
    partyOffice: outsideBody(reg, 'partyCommitteeOffice')?.name ?? '中共区委办公室',
  };
}

/** Joint issuers are set side by side with an ideographic space between them. */
const FULL_SPACE = '\u3000';

export function organOf(issuer: Issuer, names: OrganNames): string {
  switch (issuer.kind) {
    case 'government':
      return names.government;
    case 'governmentOffice':
      return names.office;
    case 'partyAndGovernment':
      return `${names.party}${FULL_SPACE}${names.government}`;
    case 'governmentWithPeer':
      return `${names.government}${FULL_SPACE}${issuer.counterpartName}`;
    case 'partyOfficeAndGovernmentOffice':
      return `${names.partyOffice}${FULL_SPACE}${names.office}`;
    default: {
      const never: never = issuer;
      return never;
    }
  }
}

export function pdfDocumentOf(
  r: OutgoingRecord,
  reg: Registry,
  today: string,
  options: { readonly seal?: Seal; readonly copyNumber?: number } = {},
): OfficialDocument {
  const doc = r.doc;
  const names = organNames(reg);
  const organ = organOf(doc.issuer, names);
  const latest = r.versions.at(-1);
  const body = latest?.body ?? [];
  const labels = headingLabels(body);
  const paragraphs: Paragraph[] = body.map((p, i) =>
    p.level === 0 ? { text: p.text } : { level: p.level, heading: `${labels[i] ?? ''}${p.text}` },
  );
  const number = splitDocumentNumber(doc.documentNumber);
  const signers = (doc.signatures ?? [])
    .filter((s) => s.role === 'sign')
    .map((s) => personName(reg, s.personId));
  const cls = doc.classification;
  return {
    kind: PDF_KIND[doc.kind],
    direction: PDF_DIRECTION[doc.flow],
    ...(cls
      ? {
          classification: {
            level: CLASSIFICATION_LABELS[cls.level] as '秘密' | '机密' | '绝密',
            ...(cls.years ? { term: `${cls.years}年` } : {}),
          },
        }
      : {}),
    ...(options.copyNumber !== undefined ? { copyNumber: options.copyNumber } : {}),
    ...(doc.urgency ? { urgency: doc.urgency === 'extraUrgent' ? '特急' : '加急' } : {}),
    organ,
    withWenjian: doc.flow === 'downward' && doc.kind !== 'letter',
    ...(number ? { docNumber: number } : {}),
    ...(doc.flow === 'upward' && signers.length > 0 ? { signers } : {}),
    title: doc.title,
    mainRecipients: r.mainRecipients.map((x) => x.name),
    body: paragraphs,
    ...(doc.kind === 'minutes' ? { signature: '' } : {}),
    date: signedOn(doc) ?? today,
    ...(options.seal && doc.seal ? { seal: options.seal } : {}),
    ...(r.ccRecipients.length > 0 ? { cc: r.ccRecipients.map((x) => x.name) } : {}),
    printingOrgan: names.office,
    printDate: doc.print?.date ?? today,
  };
}
