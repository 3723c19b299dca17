/**
 * The stored 发文 record: the rulebook's `OutgoingDocument` plus what the office keeps around it — the draft
 * text in versions, 主送/抄送, per-recipient delivery, the release tasks of arts. 19 and 53, and the archive
 * entry. Pure: the store applies actions through `applyOutgoingAction` and checks the result with
 * `checkDocumentStep` before writing, so the same code decides in tests, in the UI and in the repository.
 */
import { z } from 'zod';
import { addDays, yearOf, type IsoDate } from '../../calendar/iso-date';
import type { UnitId } from '../ids';
import { isoDateSchema } from '../registry-schema';
import type { WorkingDays } from '../working-days';
import {
  DEFAULT_DOCUMENT_SETTINGS,
  documentDeadlines,
  issueDueOf,
  signedOn,
  type DocumentSettings,
} from './deadlines';
import { outgoingDocumentSchema } from './document-schema';
import type {
  DocumentCountersignature,
  DocumentLegalityReview,
  DocumentPublication,
  DocumentReview,
  DocumentSignature,
  Escalation,
  FilingRecord,
  IssuerKind,
  OutgoingDocument,
  PrintRecord,
  SealRecord,
} from './model';
import { DEFAULT_NUMBER_PATTERNS } from './numbering';
import type { OutgoingStep } from './steps';

// ---------------------------------------------------------------------------------------------------------
// Draft text.

/** 0 = paragraph; 1 一、; 2 （一）; 3 1.; 4 （1） — the four heading levels of GB/T 9704-2012 7.3.3. */
export type BodyLevel = 0 | 1 | 2 | 3 | 4;

export const BODY_LEVEL_LABELS: Readonly<Record<BodyLevel, string>> = {
  0: '正文段落',
  1: '一级标题（一、）',
  2: '二级标题（（一））',
  3: '三级标题（1.）',
  4: '四级标题（（1））',
};

export interface BodyParagraph {
  readonly level: BodyLevel;
  /** Without the number: the editor numbers headings itself, so inserting one renumbers the rest. */
  readonly text: string;
}

export interface DraftVersion {
  readonly version: number;
  /** Shanghai timestamp "2026-03-02 09:15". */
  readonly savedAt: string;
  readonly savedBy: string;
  readonly title: string;
  readonly body: readonly BodyParagraph[];
  readonly note?: string;
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五 (heading numbers rarely pass a hundred). */
export function headingNumeral(n: number): string {
  if (n < 10) return CN_DIGITS[n] as string;
  if (n < 20) return `十${n % 10 === 0 ? '' : CN_DIGITS[n % 10]}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : CN_DIGITS[n % 10]}`;
  const rest = n % 100;
  return `${CN_DIGITS[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${CN_DIGITS[rest]}` : headingNumeral(rest).replace(/^十/, '一十')}`;
}

/** The numbers of the headings in order: 一、 / （一） / 1. / （1）; a higher heading restarts the lower ones. */
export function headingLabels(body: readonly BodyParagraph[]): string[] {
  const counters = [0, 0, 0, 0, 0];
  return body.map((p) => {
    if (p.level === 0) return '';
    counters[p.level] = (counters[p.level] ?? 0) + 1;
    for (let l = p.level + 1; l <= 4; l++) counters[l] = 0;
    const n = counters[p.level] as number;
    switch (p.level) {
      case 1:
        return `${headingNumeral(n)}、`;
      case 2:
        return `（${headingNumeral(n)}）`;
      case 3:
        return `${n}.`;
      case 4:
        return `（${n}）`;
      default: {
        const never: never = p.level;
        return never;
      }
    }
  });
}

/** The draft as lines of text, headings numbered: what the diff compares and the clerk reads. */
export function draftLines(v: Pick<DraftVersion, 'title' | 'body'>): string[] {
  const labels = headingLabels(v.body);
  return [`标题：${v.title}`, ...v.body.map((p, i) => `${labels[i] ?? ''}${p.text}`)];
}

export type DiffOp = 'same' | 'added' | 'removed';

export interface DiffLine {
  readonly op: DiffOp;
  readonly text: string;
}

/** Line diff by longest common subsequence (drafts are a few hundred lines at most). */
export function diffLines(a: readonly string[], b: readonly string[]): DiffLine[] {
  const m = a.length;
  const n = b.length;
  const lcs: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = m - 1; i >= 0; i--) {
    const row = lcs[i] as number[];
    const below = lcs[i + 1] as number[];
    for (let j = n - 1; j >= 0; j--) {
      row[j] =
        a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < m && j < n) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i] as string });
      i++;
      j++;
    } else if ((lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0)) {
      out.push({ op: 'removed', text: a[i] as string });
      i++;
    } else {
      out.push({ op: 'added', text: b[j] as string });
      j++;
    }
  }
  for (; i < m; i++) out.push({ op: 'removed', text: a[i] as string });
  for (; j < n; j++) out.push({ op: 'added', text: b[j] as string });
  return out;
}

export function diffVersions(a: DraftVersion, b: DraftVersion): DiffLine[] {
  return diffLines(draftLines(a), draftLines(b));
}

// ---------------------------------------------------------------------------------------------------------
// Around the document: recipients, delivery, tasks, archive.

export interface Recipient {
  readonly name: string;
  readonly unitId?: UnitId;
}

export const DELIVERY_METHODS = ['paper', 'electronic', 'confidential'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Readonly<Record<DeliveryMethod, string>> = {
  paper: '纸质送达',
  electronic: '电子公文系统',
  confidential: '机要交通',
};

/** One 分发 entry: who got which copy (份号 for classified documents), how and when. */
export interface Delivery {
  readonly recipient: string;
  readonly unitId?: UnitId;
  readonly method: DeliveryMethod;
  readonly deliveredOn: IsoDate;
  readonly copyNumbers?: readonly number[];
  readonly receivedBy?: string;
}

export const RELEASE_TASK_KINDS = ['portal', 'interpretation', 'filing'] as const;
export type ReleaseTaskKind = (typeof RELEASE_TASK_KINDS)[number];
export const RELEASE_TASK_LABELS: Readonly<Record<ReleaseTaskKind, string>> = {
  portal: '门户网站公开',
  interpretation: '政策解读',
  filing: '规范性文件备案',
};

export interface ReleaseTask {
  readonly kind: ReleaseTaskKind;
  readonly due: IsoDate;
  readonly createdOn: IsoDate;
  readonly doneOn?: IsoDate;
  readonly articles: readonly number[];
}

export interface ArchiveRecord {
  readonly on: IsoDate;
  /** 保管期限: 永久, 30年 or 10年 (档案局 rules for 文书档案). */
  readonly retention: 'permanent' | '30y' | '10y';
}

export const RETENTION_LABELS: Readonly<Record<ArchiveRecord['retention'], string>> = {
  permanent: '永久',
  '30y': '30年',
  '10y': '10年',
};

export const OUTGOING_STATES = [
  'drafting',
  'signed',
  'numbered',
  'printed',
  'sealed',
  'distributed',
  'archived',
] as const;
export type OutgoingState = (typeof OUTGOING_STATES)[number];
export const OUTGOING_STATE_LABELS: Readonly<Record<OutgoingState, string>> = {
  drafting: '拟稿审核中',
  signed: '已签发',
  numbered: '已编号',
  printed: '已印制',
  sealed: '已用印',
  distributed: '已分发',
  archived: '已归档',
};

export interface OutgoingRecord {
  readonly doc: OutgoingDocument;
  /** Day the draft was registered; its year is the register's year until a 文号 gives one. */
  readonly createdOn: IsoDate;
  readonly mainRecipients: readonly Recipient[];
  readonly ccRecipients: readonly Recipient[];
  /** Oldest first; never edited, only appended (every save a new version). */
  readonly versions: readonly DraftVersion[];
  readonly deliveries: readonly Delivery[];
  readonly tasks: readonly ReleaseTask[];
  readonly archive?: ArchiveRecord;
}

export const latestVersion = (r: OutgoingRecord): DraftVersion | undefined => r.versions.at(-1);

/** Where the document stands, from what is recorded (stored beside the record for the register's index). */
export function outgoingStateOf(r: OutgoingRecord): OutgoingState {
  if (r.archive !== undefined) return 'archived';
  if (r.deliveries.length > 0) return 'distributed';
  if (r.doc.seal !== undefined) return 'sealed';
  if (r.doc.print !== undefined) return 'printed';
  if (r.doc.documentNumber !== undefined) return 'numbered';
  if (signedOn(r.doc) !== undefined) return 'signed';
  return 'drafting';
}

// ---------------------------------------------------------------------------------------------------------
// Settings.

export interface OutgoingSettings extends DocumentSettings {
  /** 文号 pattern per issuer, `{year}` and `{n}` placeholders. */
  readonly numberPatterns: Readonly<Record<IssuerKind, string>>;
}

export const DEFAULT_OUTGOING_SETTINGS: OutgoingSettings = {
  ...DEFAULT_DOCUMENT_SETTINGS,
  numberPatterns: DEFAULT_NUMBER_PATTERNS,
};

const patternSchema = z
  .string()
  .trim()
  .max(50, '文号格式过长')
  .refine(
    (s) => s.includes('{year}') && s.includes('{n}'),
    '文号格式须包含 {year}（年份）和 {n}（序号），如 崆政发〔{year}〕{n}号',
  );

export const outgoingSettingsSchema = z
  .object({
    filingPeriodDays: z.number().int().min(1, '备案期限至少 1 天').max(365, '备案期限不超过 365 天'),
    numberPatterns: z
      .object({
        government: patternSchema,
        governmentOffice: patternSchema,
        partyAndGovernment: patternSchema,
        governmentWithPeer: patternSchema,
        partyOfficeAndGovernmentOffice: patternSchema,
      })
      .strict(),
  })
  .strict();

// ---------------------------------------------------------------------------------------------------------
// Schema.

const recipientSchema = z
  .object({
    name: z.string().trim().min(1, '请填写收文单位名称').max(100),
    unitId: z.string().min(1).optional(),
  })
  .strict();

const versionSchema = z
  .object({
    version: z.number().int().min(1),
    savedAt: z.string().min(1),
    savedBy: z.string().min(1),
    title: z.string().trim().min(1, '请填写文件标题').max(200, '标题过长（最多 200 字）'),
    body: z
      .array(
        z
          .object({
            level: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
            text: z.string().max(20000, '段落过长'),
          })
          .strict(),
      )
      .max(2000),
    note: z.string().max(500).optional(),
  })
  .strict();

export const outgoingRecordSchema = z
  .object({
    doc: outgoingDocumentSchema,
    createdOn: isoDateSchema,
    mainRecipients: z.array(recipientSchema).max(500),
    ccRecipients: z.array(recipientSchema).max(500),
    versions: z.array(versionSchema).min(1, '请先起草正文'),
    deliveries: z.array(
      z
        .object({
          recipient: z.string().trim().min(1, '请填写分发对象'),
          unitId: z.string().min(1).optional(),
          method: z.enum(DELIVERY_METHODS),
          deliveredOn: isoDateSchema,
          copyNumbers: z.array(z.number().int().min(1)).optional(),
          receivedBy: z.string().max(50).optional(),
        })
        .strict(),
    ),
    tasks: z.array(
      z
        .object({
          kind: z.enum(RELEASE_TASK_KINDS),
          due: isoDateSchema,
          createdOn: isoDateSchema,
          doneOn: isoDateSchema.optional(),
          articles: z.array(z.number().int()),
        })
        .strict(),
    ),
    archive: z
      .object({ on: isoDateSchema, retention: z.enum(['permanent', '30y', '10y']) })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    r.versions.forEach((v, i) => {
      if (v.version !== i + 1)
        ctx.addIssue({ code: 'custom', message: '草稿版本号不连续', path: ['versions', i] });
    });
    if (r.doc.necessity === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: '请先回答“是否需要发文”的五个问题（第五十二条）',
        path: ['doc', 'necessity'],
      });
    }
  });

export function parseOutgoingRecord(data: unknown): OutgoingRecord {
  return outgoingRecordSchema.parse(data) as OutgoingRecord;
}

// ---------------------------------------------------------------------------------------------------------
// Actions.

export type OutgoingAction =
  | { readonly type: 'saveDraft'; readonly version: DraftVersion }
  | { readonly type: 'review'; readonly review: DocumentReview }
  | { readonly type: 'unitCountersign'; readonly countersignature: DocumentCountersignature }
  | { readonly type: 'escalate'; readonly escalation: Escalation }
  | { readonly type: 'reportToHead'; readonly on: IsoDate }
  | { readonly type: 'legalityReview'; readonly review: DocumentLegalityReview }
  | { readonly type: 'sign'; readonly signature: DocumentSignature }
  | { readonly type: 'number'; readonly documentNumber: string }
  | { readonly type: 'print'; readonly print: PrintRecord }
  | { readonly type: 'seal'; readonly seal: SealRecord }
  | { readonly type: 'publication'; readonly publication: DocumentPublication; readonly on: IsoDate }
  | { readonly type: 'completeTask'; readonly kind: ReleaseTaskKind; readonly on: IsoDate }
  | { readonly type: 'deliver'; readonly delivery: Delivery }
  | { readonly type: 'filing'; readonly filing: FilingRecord; readonly on: IsoDate }
  | { readonly type: 'archive'; readonly archive: ArchiveRecord };

export const OUTGOING_ACTION_LABELS: Readonly<Record<OutgoingAction['type'], string>> = {
  saveDraft: '保存草稿',
  review: '审核',
  unitCountersign: '部门会签',
  escalate: '注明报请签发',
  reportToHead: '登记事前报告区长',
  legalityReview: '登记合法性审查',
  sign: '签发',
  number: '编号',
  print: '印制',
  seal: '用印',
  publication: '确定公开属性',
  completeTask: '完成公开任务',
  deliver: '分发',
  filing: '备案',
  archive: '归档',
};

/** The rulebook step that governs an action (checked with `checkDocumentStep` before it is stored). */
export function stepOfAction(a: OutgoingAction): OutgoingStep | undefined {
  switch (a.type) {
    case 'saveDraft':
    case 'escalate':
    case 'legalityReview':
    case 'deliver':
    case 'archive':
    case 'reportToHead':
      return undefined;
    case 'review':
    case 'unitCountersign':
      return 'review';
    case 'sign':
      return a.signature.role === 'sign' ? 'sign' : 'countersign';
    case 'number':
      return 'number';
    case 'print':
      return 'print';
    case 'seal':
      return 'seal';
    case 'publication':
    case 'completeTask':
      return a.type === 'completeTask' && a.kind === 'filing' ? 'file' : 'publish';
    case 'filing':
      return 'file';
    default: {
      const never: never = a;
      return never;
    }
  }
}

/** Release tasks once the publication decision is known (art. 53; art. 19 for normative documents). */
export function releaseTasksFor(
  doc: OutgoingDocument,
  cal: WorkingDays,
  on: IsoDate,
  settings: DocumentSettings = DEFAULT_DOCUMENT_SETTINGS,
): ReleaseTask[] {
  const pub = doc.publication;
  if (pub?.public !== true || doc.classification !== undefined) return [];
  const due = documentDeadlines(doc, cal, settings).publishDue;
  if (due === undefined) return [];
  const tasks: ReleaseTask[] = [
    { kind: 'portal', due, createdOn: on, articles: [32, 53] },
    // "同步进行政策解读": the interpretation goes out with the document.
    { kind: 'interpretation', due, createdOn: on, articles: [53] },
  ];
  return tasks;
}

const withTask = (tasks: readonly ReleaseTask[], t: ReleaseTask): ReleaseTask[] => [
  ...tasks.filter((x) => x.kind !== t.kind),
  t,
];

function publicationWithDone(
  pub: DocumentPublication | undefined,
  kind: ReleaseTaskKind,
  on: IsoDate,
): DocumentPublication | undefined {
  if (pub?.public !== true) return pub;
  if (kind === 'portal') return { ...pub, portalPublishedOn: on };
  if (kind === 'interpretation')
    return { ...pub, interpretation: { ...pub.interpretation, publishedOn: on } };
  return pub;
}

/**
 * The record after `action`. Throws an Error with a Chinese message for actions that make no sense on this
 * record (numbering twice, a task that does not exist); the rules' findings are checked by the caller.
 */
export function applyOutgoingAction(
  r: OutgoingRecord,
  a: OutgoingAction,
  cal: WorkingDays,
  settings: DocumentSettings = DEFAULT_DOCUMENT_SETTINGS,
): OutgoingRecord {
  const doc = r.doc;
  const frozen = signedOn(doc) !== undefined;
  switch (a.type) {
    case 'saveDraft':
      if (frozen) throw new Error('文件已签发，正文不能再修改。如需更正，请另行发文。');
      return { ...r, doc: { ...doc, title: a.version.title }, versions: [...r.versions, a.version] };
    case 'review':
      return { ...r, doc: { ...doc, reviews: [...(doc.reviews ?? []), a.review] } };
    case 'unitCountersign':
      return {
        ...r,
        doc: { ...doc, countersignatures: [...(doc.countersignatures ?? []), a.countersignature] },
      };
    case 'escalate':
      if (frozen) throw new Error('文件已签发，不能再改签发人。');
      return { ...r, doc: { ...doc, escalation: a.escalation } };
    case 'reportToHead':
      return { ...r, doc: { ...doc, reportedToHeadOn: a.on } };
    case 'legalityReview':
      return { ...r, doc: { ...doc, legalityReview: a.review } };
    case 'sign':
      return { ...r, doc: { ...doc, signatures: [...(doc.signatures ?? []), a.signature] } };
    case 'number':
      if (doc.documentNumber !== undefined)
        throw new Error(`本文已编号 ${doc.documentNumber}，不能重复编号。`);
      return { ...r, doc: { ...doc, documentNumber: a.documentNumber } };
    case 'print':
      if (doc.documentNumber === undefined) throw new Error('请先编发文号，再印制。');
      return { ...r, doc: { ...doc, print: a.print } };
    case 'seal':
      if (doc.seal !== undefined) throw new Error('本文已用印。');
      return { ...r, doc: { ...doc, seal: a.seal } };
    case 'publication': {
      const draft = { ...doc, publication: a.publication };
      const tasks = releaseTasksFor(draft, cal, a.on, settings);
      const interpretation = tasks.find((t) => t.kind === 'interpretation');
      const pub = a.publication;
      // The interpretation task is the 政策解读 the rules ask for; recording it plans it on the document too.
      const next: OutgoingDocument =
        pub.public && pub.interpretation === undefined && interpretation !== undefined
          ? { ...doc, publication: { ...pub, interpretation: { plannedOn: interpretation.due } } }
          : draft;
      return { ...r, doc: next, tasks: [...r.tasks.filter((t) => t.kind === 'filing'), ...tasks] };
    }
    case 'completeTask': {
      const task = r.tasks.find((t) => t.kind === a.kind);
      if (task === undefined) throw new Error(`本文没有“${RELEASE_TASK_LABELS[a.kind]}”任务。`);
      const publication = publicationWithDone(doc.publication, a.kind, a.on);
      const next: OutgoingDocument = { ...doc, ...(publication === undefined ? {} : { publication }) };
      let tasks = withTask(r.tasks, { ...task, doneOn: a.on });
      // Art. 19: a normative document published on the portal is filed within the period after publication.
      if (a.kind === 'portal' && doc.normative === true && !tasks.some((t) => t.kind === 'filing')) {
        tasks = withTask(tasks, {
          kind: 'filing',
          due: addDays(a.on, settings.filingPeriodDays),
          createdOn: a.on,
          articles: [19],
        });
      }
      return { ...r, doc: next, tasks };
    }
    case 'deliver':
      return { ...r, deliveries: [...r.deliveries, a.delivery] };
    case 'filing': {
      const filing = { ...doc.filing, ...a.filing };
      const done = filing.congressFiledOn !== undefined && filing.cityLegalOfficeFiledOn !== undefined;
      const task = r.tasks.find((t) => t.kind === 'filing');
      return {
        ...r,
        doc: { ...doc, filing },
        tasks: done && task !== undefined ? withTask(r.tasks, { ...task, doneOn: a.on }) : r.tasks,
      };
    }
    case 'archive':
      if (doc.print === undefined) throw new Error('文件尚未印发，不能归档。');
      return { ...r, archive: a.archive };
    default: {
      const never: never = a;
      return never;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Deadlines on every step (countdowns in the UI, overdue on the dashboard).

export interface StepDeadline {
  readonly key: 'issue' | 'print' | ReleaseTaskKind;
  readonly label: string;
  readonly due: IsoDate;
  readonly doneOn?: IsoDate;
  readonly articles: readonly number[];
}

export function outgoingDeadlines(r: OutgoingRecord, cal: WorkingDays): StepDeadline[] {
  const doc = r.doc;
  const out: StepDeadline[] = [];
  const issueDue = issueDueOf(doc, cal);
  if (issueDue !== undefined) {
    out.push({
      key: 'issue',
      label: '会议决定事项印发',
      due: issueDue,
      ...(doc.print ? { doneOn: doc.print.date } : {}),
      articles: [53],
    });
  }
  const printDue = documentDeadlines(doc, cal).printDue;
  if (printDue !== undefined) {
    out.push({
      key: 'print',
      label: '签发后印制',
      due: printDue,
      ...(doc.print ? { doneOn: doc.print.date } : {}),
      articles: [53],
    });
  }
  for (const t of r.tasks) {
    out.push({
      key: t.kind,
      label: RELEASE_TASK_LABELS[t.kind],
      due: t.due,
      ...(t.doneOn ? { doneOn: t.doneOn } : {}),
      articles: t.articles,
    });
  }
  return out;
}

/** Open deadlines already past `today`. */
export function overdueDeadlines(r: OutgoingRecord, cal: WorkingDays, today: IsoDate): StepDeadline[] {
  if (r.archive !== undefined) return [];
  return outgoingDeadlines(r, cal).filter((d) => d.doneOn === undefined && d.due < today);
}

/** The register's year: the 文号's year once numbered, else the year it was drafted. */
export function registerYear(r: OutgoingRecord): number {
  const m = /〔(\d{4})〕/.exec(r.doc.documentNumber ?? '');
  return m ? Number(m[1]) : yearOf(r.createdOn);
}
