/**
 * The incoming documents (收文) repository over the shared `documents` table (direction 'incoming'), with the
 * handling steps in `documentSteps` and the received PDF (original and 收文章-stamped copy) in `attachments`.
 *
 * A row keeps the domain `IncomingDocument` whole under `doc` (validated by the shared schema) and the office's
 * own bookkeeping beside it (收文编号, copies, 交办 progress, retention); the top-level fields are the ones the
 * table indexes. Every action validates first, then runs in one audited transaction; the 收文编号 is allocated
 * inside the registering transaction from a per-year counter, so numbers have no gaps and no duplicates.
 */
import { z } from 'zod';
import { yearOf, type IsoDate } from '../../shared/calendar/iso-date';
import { incomingDocumentSchema, instructionSchema } from '../../shared/domain/documents/document-schema';
import type {
  DocumentCountersignature,
  IncomingDocument,
  LeaderInstruction,
} from '../../shared/domain/documents/model';
import { formatDocumentNumber } from '../../shared/domain/documents/numbering';
import type { DocumentId, PersonId, UnitId } from '../../shared/domain/ids';
import { isoDateSchema } from '../../shared/domain/registry-schema';
import { auditedWrite, type AuditLog } from './audited';
import type { AttachmentRow, HuiwenDb, LooseRow } from './db';
import { fromZodError, StoreError } from './errors';

// ---------------------------------------------------------------------------------------------------------
// Settings: the 收文编号 pattern, per office, in meta.

export const INCOMING_NUMBERING_META_KEY = 'incomingNumbering';
/** `{year}` and `{seq}` (or `{n}`) are the placeholders. */
export const DEFAULT_RECEIPT_PATTERN = '收〔{year}〕{seq}号';

export interface IncomingNumbering {
  readonly pattern: string;
  /** Last serial allocated per year. */
  readonly counters: Readonly<Record<string, number>>;
}

export function formatReceiptNumber(pattern: string, year: number, serial: number): string {
  return formatDocumentNumber(pattern.replace('{seq}', '{n}'), year, serial);
}

const patternSchema = z
  .string()
  .trim()
  .min(1, '请填写收文编号格式')
  .max(60, '收文编号格式过长')
  .refine((p) => p.includes('{year}'), '收文编号格式须包含 {year}（年份）')
  .refine((p) => p.includes('{seq}') || p.includes('{n}'), '收文编号格式须包含 {seq}（顺序号）');

// ---------------------------------------------------------------------------------------------------------
// The record.

export const RETENTIONS = ['permanent', 'y30', 'y10'] as const;
export type Retention = (typeof RETENTIONS)[number];
export const RETENTION_LABELS: Readonly<Record<Retention, string>> = {
  permanent: '永久',
  y30: '定期30年',
  y10: '定期10年',
};

export const INCOMING_STATES = [
  'registered',
  'proposed',
  'routed',
  'instructed',
  'circulating',
  'assigned',
  'completed',
  'archived',
] as const;
export type IncomingState = (typeof INCOMING_STATES)[number];
export const INCOMING_STATE_LABELS: Readonly<Record<IncomingState, string>> = {
  registered: '已登记',
  proposed: '已拟办',
  routed: '待批示',
  instructed: '已批示',
  circulating: '传阅中',
  assigned: '交办中',
  completed: '已办结',
  archived: '已归档',
};

export interface ProgressNote {
  readonly date: IsoDate;
  readonly text: string;
}

/** The office's tracking of one 交办 (parallel to `doc.assignments` by index), like a meeting decision. */
export interface AssignmentTracking {
  readonly task: string;
  readonly progress: readonly ProgressNote[];
  readonly closureNote?: string;
}

export interface IncomingRecord {
  readonly doc: IncomingDocument;
  /** 收文编号 */
  readonly receiptNumber: string;
  readonly year: number;
  readonly copies: number;
  /** 收到日期 (registeredOn is the day it was entered). */
  readonly receivedOn: IsoDate;
  /** 内容摘要: searched with the title. */
  readonly text?: string;
  readonly tracking: readonly AssignmentTracking[];
  readonly retention?: Retention;
  readonly originalAttachmentId?: string;
  readonly stampedAttachmentId?: string;
  readonly state: IncomingState;
}

export function incomingStateOf(doc: IncomingDocument): IncomingState {
  if (doc.archivedOn !== undefined) return 'archived';
  if (doc.completedOn !== undefined) return 'completed';
  if ((doc.assignments ?? []).length > 0) return 'assigned';
  if ((doc.circulation ?? []).length > 0) return 'circulating';
  if ((doc.instructions ?? []).length > 0) return 'instructed';
  if (doc.routing !== undefined) return 'routed';
  if (doc.proposal !== undefined) return 'proposed';
  return 'registered';
}

const trackingSchema = z
  .object({
    task: z.string().max(2000),
    progress: z.array(
      z.object({ date: isoDateSchema, text: z.string().trim().min(1, '请填写进展情况').max(2000) }).strict(),
    ),
    closureNote: z.string().max(2000).optional(),
  })
  .strict();

const rowSchema = z.object({
  id: z.string().min(1),
  direction: z.literal('incoming'),
  doc: incomingDocumentSchema,
  receiptNumber: z.string().min(1),
  year: z.number().int(),
  copies: z.number().int().min(1),
  receivedOn: isoDateSchema,
  text: z.string().optional(),
  tracking: z.array(trackingSchema),
  retention: z.enum(RETENTIONS).optional(),
  originalAttachmentId: z.string().optional(),
  stampedAttachmentId: z.string().optional(),
});

function toRow(r: IncomingRecord): LooseRow {
  const d = r.doc;
  return {
    id: d.id,
    direction: 'incoming',
    kind: d.kind,
    year: r.year,
    state: r.state,
    unitId: d.fromUnitId,
    classification: d.classification?.level ?? 'none',
    registeredOn: d.registeredOn,
    title: d.title,
    number: r.receiptNumber,
    senderNumber: d.senderNumber ?? '',
    doc: d,
    receiptNumber: r.receiptNumber,
    copies: r.copies,
    receivedOn: r.receivedOn,
    ...(r.text === undefined ? {} : { text: r.text }),
    tracking: r.tracking,
    ...(r.retention === undefined ? {} : { retention: r.retention }),
    ...(r.originalAttachmentId === undefined ? {} : { originalAttachmentId: r.originalAttachmentId }),
    ...(r.stampedAttachmentId === undefined ? {} : { stampedAttachmentId: r.stampedAttachmentId }),
  };
}

function fromRow(row: LooseRow): IncomingRecord {
  const parsed = rowSchema.safeParse(row);
  if (!parsed.success) {
    throw new StoreError(
      'invalid',
      `收文记录“${String(row['title'] ?? row.id)}”已损坏，无法读取。请从备份恢复，或联系技术支持。`,
    );
  }
  const p = parsed.data;
  const doc = p.doc as IncomingDocument;
  return {
    doc,
    receiptNumber: p.receiptNumber,
    year: p.year,
    copies: p.copies,
    receivedOn: p.receivedOn,
    ...(p.text === undefined ? {} : { text: p.text }),
    tracking: p.tracking as readonly AssignmentTracking[],
    ...(p.retention === undefined ? {} : { retention: p.retention }),
    ...(p.originalAttachmentId === undefined ? {} : { originalAttachmentId: p.originalAttachmentId }),
    ...(p.stampedAttachmentId === undefined ? {} : { stampedAttachmentId: p.stampedAttachmentId }),
    state: incomingStateOf(doc),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Steps (the timeline).

export const INCOMING_STEP_KINDS = [
  'register',
  'countersignCompleted',
  'propose',
  'route',
  'instruct',
  'circulate',
  'read',
  'assign',
  'progress',
  'assignmentDone',
  'complete',
  'archive',
] as const;
export type IncomingStepKind = (typeof INCOMING_STEP_KINDS)[number];
export const INCOMING_STEP_KIND_LABELS: Readonly<Record<IncomingStepKind, string>> = {
  register: '登记',
  countersignCompleted: '补齐会签',
  propose: '拟办',
  route: '呈批',
  instruct: '批示',
  circulate: '传阅',
  read: '已阅',
  assign: '交办',
  progress: '交办进展',
  assignmentDone: '交办办结',
  complete: '办结',
  archive: '归档',
};

export interface IncomingStepRow {
  readonly id: string;
  readonly documentId: string;
  readonly kind: IncomingStepKind;
  /** Order within the document (audit time is per second; this is exact). */
  readonly at: number;
  readonly date: IsoDate;
  /** Chinese, one line: what happened. */
  readonly summary: string;
  /** Override reason when a warning was accepted. */
  readonly reason?: string;
}

// ---------------------------------------------------------------------------------------------------------
// Inputs.

export const registerInputSchema = z
  .object({
    doc: incomingDocumentSchema,
    copies: z.number({ error: '请填写份数' }).int('份数须为整数').min(1, '份数至少 1 份').max(9999),
    receivedOn: isoDateSchema,
    text: z.string().max(20_000).optional(),
  })
  .strict();
export interface RegisterInput {
  readonly doc: IncomingDocument;
  readonly copies: number;
  readonly receivedOn: string;
  readonly text?: string;
}

export interface ReceivedFile {
  readonly name: string;
  readonly original: Uint8Array;
  /** The copy stamped with the 收文章 (same bytes when stamping was not possible). */
  readonly stamped?: Uint8Array;
}

export interface StepOptions {
  /** The override reason of accepted warnings, kept in the audit context and on the step. */
  readonly reason?: string | undefined;
  /** Registration only: the 收文编号 already stamped on the PDF; refused when the allocation differs. */
  readonly expectedNumber?: string;
}

export const INCOMING_FIELD_LABELS: Readonly<Record<string, string>> = {
  doc: '收文',
  title: '来文标题',
  kind: '文种',
  fromUnitId: '来文单位',
  copies: '份数',
  receivedOn: '收文日期',
  text: '内容摘要',
  pattern: '收文编号格式',
};

export interface IncomingQuery {
  readonly year?: number;
  /** Only documents in these states, read through the `state` index (the dashboard's open items). */
  readonly states?: readonly IncomingState[];
}

export interface IncomingRepository {
  list(query?: IncomingQuery): Promise<IncomingRecord[]>;
  get(id: DocumentId): Promise<IncomingRecord | undefined>;
  steps(id: DocumentId): Promise<IncomingStepRow[]>;
  attachment(attachmentId: string): Promise<AttachmentRow | undefined>;
  numbering(): Promise<IncomingNumbering>;
  setPattern(pattern: string): Promise<IncomingNumbering>;
  /** The 收文编号 the next registration in `year` would get (display only; allocation is in `register`). */
  peekNumber(year: number): Promise<string>;
  register(input: RegisterInput, file?: ReceivedFile, options?: StepOptions): Promise<IncomingRecord>;
  /** The missing countersignatures arrived: replaces the 请示's cross-department record. */
  completeCountersignatures(
    id: DocumentId,
    cross: NonNullable<IncomingDocument['crossDepartment']>,
    date: IsoDate,
    options?: StepOptions,
  ): Promise<IncomingRecord>;
  propose(
    id: DocumentId,
    proposal: { text: string; byId: PersonId; date: IsoDate },
    options?: StepOptions,
  ): Promise<IncomingRecord>;
  route(
    id: DocumentId,
    routing: { leaderId: PersonId; actingForId?: PersonId; date: IsoDate; reason: string },
    options?: StepOptions,
  ): Promise<IncomingRecord>;
  instruct(id: DocumentId, instruction: LeaderInstruction, options?: StepOptions): Promise<IncomingRecord>;
  circulate(
    id: DocumentId,
    readers: readonly PersonId[],
    date: IsoDate,
    options?: StepOptions,
  ): Promise<IncomingRecord>;
  markRead(id: DocumentId, reader: PersonId, date: IsoDate): Promise<IncomingRecord>;
  assign(
    id: DocumentId,
    assignment: { unitId: UnitId; due: IsoDate; date: IsoDate; task: string },
    options?: StepOptions,
  ): Promise<IncomingRecord>;
  recordProgress(id: DocumentId, index: number, note: ProgressNote): Promise<IncomingRecord>;
  closeAssignment(id: DocumentId, index: number, date: IsoDate, note?: string): Promise<IncomingRecord>;
  complete(id: DocumentId, date: IsoDate, options?: StepOptions): Promise<IncomingRecord>;
  archive(
    id: DocumentId,
    date: IsoDate,
    retention: Retention,
    options?: StepOptions,
  ): Promise<IncomingRecord>;
}

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const r = schema.safeParse(input);
  if (!r.success) throw fromZodError(r.error, what, INCOMING_FIELD_LABELS);
  return r.data;
}

function refuse(message: string): never {
  throw new StoreError('invalid', message);
}

const withReason = (context: string, o?: StepOptions) =>
  o?.reason === undefined || o.reason.trim() === ''
    ? context
    : `${context}（提示已说明理由：${o.reason.trim()}）`;

export function incomingRepository(
  db: HuiwenDb,
  now?: () => Date,
  newId: () => string = () => crypto.randomUUID(),
): IncomingRepository {
  const opts = (context: string) => ({ context, ...(now ? { now } : {}) });

  async function readNumbering(): Promise<IncomingNumbering> {
    const row = await db.meta.get(INCOMING_NUMBERING_META_KEY);
    const v = row?.value as Partial<IncomingNumbering> | undefined;
    return { pattern: v?.pattern ?? DEFAULT_RECEIPT_PATTERN, counters: v?.counters ?? {} };
  }

  async function load(id: DocumentId): Promise<IncomingRecord> {
    const row = await db.documents.get(id);
    if (row === undefined || row['direction'] !== 'incoming') {
      throw new StoreError(
        'not-found',
        '这份收文已不存在（可能恢复了备份），未保存。请回到收文登记簿重新打开。',
      );
    }
    return fromRow(row);
  }

  async function addStep(
    log: AuditLog,
    documentId: string,
    kind: IncomingStepKind,
    date: IsoDate,
    summary: string,
    reason?: string,
  ): Promise<void> {
    const count = await db.documentSteps.where('documentId').equals(documentId).count();
    const step: IncomingStepRow = {
      id: `step-${newId()}`,
      documentId,
      kind,
      at: count + 1,
      date,
      summary,
      ...(reason === undefined || reason.trim() === '' ? {} : { reason: reason.trim() }),
    };
    await db.documentSteps.add(step as unknown as LooseRow);
    log.record('create', 'documentSteps', step.id, undefined, step);
  }

  /** One step on one document: load, change, validate, store, audit, timeline — all in one transaction. */
  async function act(
    id: DocumentId,
    context: string,
    options: StepOptions | undefined,
    change: (r: IncomingRecord) => {
      record: IncomingRecord;
      kind: IncomingStepKind;
      date: IsoDate;
      summary: string;
    },
  ): Promise<IncomingRecord> {
    return auditedWrite(
      db,
      [db.documents, db.documentSteps],
      opts(withReason(context, options)),
      async (log) => {
        const before = await load(id);
        const { record, kind, date, summary } = change(before);
        const doc = parse(incomingDocumentSchema, record.doc, '收文') as IncomingDocument;
        const after: IncomingRecord = { ...record, doc, state: incomingStateOf(doc) };
        await db.documents.put(toRow(after));
        log.record('update', 'documents', id, toRow(before), toRow(after));
        await addStep(log, id, kind, date, summary, options?.reason);
        return after;
      },
    );
  }

  return {
    async list(query = {}) {
      const incoming = (r: LooseRow) => r['direction'] === 'incoming';
      const rows =
        query.states !== undefined
          ? await db.documents
              .where('state')
              .anyOf([...query.states])
              .filter((r) => incoming(r) && (query.year === undefined || r['year'] === query.year))
              .toArray()
          : query.year === undefined
            ? await db.documents.where('direction').equals('incoming').toArray()
            : await db.documents.where('year').equals(query.year).filter(incoming).toArray();
      return rows
        .map(fromRow)
        .sort(
          (a, b) =>
            b.doc.registeredOn.localeCompare(a.doc.registeredOn) ||
            b.receiptNumber.localeCompare(a.receiptNumber),
        );
    },

    async get(id) {
      const row = await db.documents.get(id);
      return row === undefined || row['direction'] !== 'incoming' ? undefined : fromRow(row);
    },

    async steps(id) {
      const rows = (await db.documentSteps
        .where('documentId')
        .equals(id)
        .toArray()) as unknown as IncomingStepRow[];
      return rows.sort((a, b) => a.at - b.at);
    },

    attachment: (attachmentId) => db.attachments.get(attachmentId),

    numbering: readNumbering,

    async setPattern(pattern) {
      const p = parse(patternSchema, pattern, '收文编号格式');
      return auditedWrite(db, [db.meta], opts('设置收文编号格式'), async (log) => {
        const before = await readNumbering();
        const after: IncomingNumbering = { ...before, pattern: p };
        await db.meta.put({ key: INCOMING_NUMBERING_META_KEY, value: after });
        log.record('update', 'meta', INCOMING_NUMBERING_META_KEY, before, after);
        return after;
      });
    },

    async peekNumber(year) {
      const n = await readNumbering();
      return formatReceiptNumber(n.pattern, year, (n.counters[String(year)] ?? 0) + 1);
    },

    async register(input, file, options) {
      const parsed = parse(registerInputSchema, input, '收文');
      const doc = parsed.doc as IncomingDocument;
      const year = yearOf(doc.registeredOn);
      const tables = [db.documents, db.documentSteps, db.meta, db.attachments];
      return auditedWrite(db, tables, opts(withReason('登记收文', options)), async (log) => {
        if ((await db.documents.get(doc.id)) !== undefined) {
          refuse(`收文编号 ${doc.id} 已存在，未保存。请重新登记。`);
        }
        // Allocated here, inside the transaction that stores the document: a failed registration uses no number.
        const numbering = await readNumbering();
        const serial = (numbering.counters[String(year)] ?? 0) + 1;
        const receiptNumber = formatReceiptNumber(numbering.pattern, year, serial);
        if (options?.expectedNumber !== undefined && options.expectedNumber !== receiptNumber) {
          refuse(
            `收文编号已变为 ${receiptNumber}（编号设置或其他登记刚刚改变了它），未保存。请再点一次“登记”，收文章将按新编号加盖。`,
          );
        }
        const nextNumbering: IncomingNumbering = {
          ...numbering,
          counters: { ...numbering.counters, [String(year)]: serial },
        };
        await db.meta.put({ key: INCOMING_NUMBERING_META_KEY, value: nextNumbering });
        log.record('update', 'meta', INCOMING_NUMBERING_META_KEY, numbering, nextNumbering);
        let originalAttachmentId: string | undefined;
        let stampedAttachmentId: string | undefined;
        if (file !== undefined) {
          originalAttachmentId = `att-${newId()}`;
          const original: AttachmentRow = {
            id: originalAttachmentId,
            ownerId: doc.id,
            name: file.name,
            mime: 'application/pdf',
            bytes: file.original,
            role: 'original',
          };
          await db.attachments.add(original);
          log.record('create', 'attachments', original.id, undefined, {
            ...original,
            bytes: file.original.byteLength,
          });
          if (file.stamped !== undefined) {
            stampedAttachmentId = `att-${newId()}`;
            const stamped: AttachmentRow = {
              id: stampedAttachmentId,
              ownerId: doc.id,
              name: file.name.replace(/(\.pdf)?$/i, '（收文章）.pdf'),
              mime: 'application/pdf',
              bytes: file.stamped,
              role: 'stamped',
            };
            await db.attachments.add(stamped);
            log.record('create', 'attachments', stamped.id, undefined, {
              ...stamped,
              bytes: file.stamped.byteLength,
            });
          }
        }
        const record: IncomingRecord = {
          doc,
          receiptNumber,
          year,
          copies: parsed.copies,
          receivedOn: parsed.receivedOn,
          ...(parsed.text === undefined || parsed.text.trim() === '' ? {} : { text: parsed.text.trim() }),
          tracking: [],
          ...(originalAttachmentId === undefined ? {} : { originalAttachmentId }),
          ...(stampedAttachmentId === undefined ? {} : { stampedAttachmentId }),
          state: incomingStateOf(doc),
        };
        await db.documents.add(toRow(record));
        log.record('create', 'documents', doc.id, undefined, toRow(record));
        await addStep(
          log,
          doc.id,
          'register',
          doc.registeredOn,
          `登记收文，编号 ${receiptNumber}`,
          options?.reason,
        );
        return record;
      });
    },

    completeCountersignatures(id, cross, date, options) {
      return act(id, '补齐会签', options, (r) => {
        if (r.doc.routing !== undefined) refuse('本件已呈批，不能再修改会签情况。');
        const added: DocumentCountersignature[] = cross.countersignatures.filter(
          (c) =>
            !(r.doc.crossDepartment?.countersignatures ?? []).some(
              (o) => o.unitId === c.unitId && o.personId === c.personId,
            ),
        );
        return {
          record: { ...r, doc: { ...r.doc, crossDepartment: cross } },
          kind: 'countersignCompleted',
          date,
          summary: added.length === 0 ? '更新会签情况' : `补齐会签 ${added.length} 处`,
        };
      });
    },

    propose(id, proposal, options) {
      return act(id, '拟办', options, (r) => {
        if (r.doc.routing !== undefined) refuse('本件已呈批，拟办意见不能再改。');
        return {
          record: { ...r, doc: { ...r.doc, proposal } },
          kind: 'propose',
          date: proposal.date,
          summary: `拟办：${proposal.text}`,
        };
      });
    },

    route(id, routing, options) {
      return act(id, '呈批', options, (r) => {
        if ((r.doc.instructions ?? []).length > 0) refuse('本件已有批示，不能改呈。');
        const { reason, ...record } = routing;
        return {
          record: { ...r, doc: { ...r.doc, routing: record } },
          kind: 'route',
          date: routing.date,
          summary: `呈批：${reason}`,
        };
      });
    },

    instruct(id, instruction, options) {
      const ins = parse(instructionSchema, instruction, '批示') as LeaderInstruction;
      return act(id, '登记批示', options, (r) => {
        if (r.doc.routing === undefined) refuse('本件尚未呈批，不能登记批示。请先呈批。');
        return {
          record: { ...r, doc: { ...r.doc, instructions: [...(r.doc.instructions ?? []), ins] } },
          kind: 'instruct',
          date: ins.date,
          summary: `批示：${ins.text.trim() === '' ? '（空）' : ins.text.trim()}`,
        };
      });
    },

    circulate(id, readers, date, options) {
      return act(id, '传阅', options, (r) => {
        if (readers.length === 0) refuse('请选择传阅人员。');
        const existing = r.doc.circulation ?? [];
        const fresh = readers.filter((p) => !existing.some((c) => c.personId === p));
        if (fresh.length === 0) refuse('所选人员都已在传阅名单中。');
        return {
          record: {
            ...r,
            doc: {
              ...r.doc,
              circulation: [...existing, ...fresh.map((personId) => ({ personId, sentOn: date }))],
            },
          },
          kind: 'circulate',
          date,
          summary: `送传阅 ${fresh.length} 人`,
        };
      });
    },

    markRead(id, reader, date) {
      return act(id, '登记已阅', undefined, (r) => {
        const list = r.doc.circulation ?? [];
        if (!list.some((c) => c.personId === reader)) refuse('此人不在传阅名单中。');
        return {
          record: {
            ...r,
            doc: {
              ...r.doc,
              circulation: list.map((c) =>
                c.personId === reader && c.readOn === undefined ? { ...c, readOn: date } : c,
              ),
            },
          },
          kind: 'read',
          date,
          summary: '登记已阅',
        };
      });
    },

    assign(id, a, options) {
      return act(id, '交办', options, (r) => {
        if (a.due < a.date) refuse('办理期限不能早于交办日期，请核对。');
        return {
          record: {
            ...r,
            doc: {
              ...r.doc,
              assignments: [
                ...(r.doc.assignments ?? []),
                { unitId: a.unitId, due: a.due, assignedOn: a.date },
              ],
            },
            tracking: [...r.tracking, { task: a.task.trim(), progress: [] }],
          },
          kind: 'assign',
          date: a.date,
          summary: `交办，期限 ${a.due}${a.task.trim() === '' ? '' : `：${a.task.trim()}`}`,
        };
      });
    },

    recordProgress(id, index, note) {
      const n = parse(trackingSchema.shape.progress.element, note, '交办进展');
      return act(id, '登记交办进展', undefined, (r) => {
        const t = r.tracking[index];
        const a = r.doc.assignments?.[index];
        if (t === undefined || a === undefined) refuse('没有这项交办事项。');
        if (a?.doneOn !== undefined) refuse('这项交办事项已办结。');
        const tracking = r.tracking.map((x, i) => (i === index ? { ...x, progress: [...x.progress, n] } : x));
        return { record: { ...r, tracking }, kind: 'progress', date: n.date, summary: `交办进展：${n.text}` };
      });
    },

    closeAssignment(id, index, date, note) {
      return act(id, '交办事项办结', undefined, (r) => {
        const a = r.doc.assignments?.[index];
        if (a === undefined) refuse('没有这项交办事项。');
        if (a?.doneOn !== undefined) refuse('这项交办事项已办结。');
        if (a !== undefined && date < a.assignedOn) refuse('办结日期不能早于交办日期。');
        const assignments = (r.doc.assignments ?? []).map((x, i) =>
          i === index ? { ...x, doneOn: date } : x,
        );
        const tracking = r.tracking.map((x, i) =>
          i === index && note !== undefined && note.trim() !== '' ? { ...x, closureNote: note.trim() } : x,
        );
        return {
          record: { ...r, doc: { ...r.doc, assignments }, tracking },
          kind: 'assignmentDone',
          date,
          summary: '交办事项办结',
        };
      });
    },

    complete(id, date, options) {
      return act(id, '办结', options, (r) => {
        if (r.doc.completedOn !== undefined) refuse('本件已办结。');
        const open = (r.doc.assignments ?? []).filter((a) => a.doneOn === undefined);
        if (open.length > 0) refuse(`仍有 ${open.length} 项交办事项未办结，不能办结本件。`);
        return {
          record: { ...r, doc: { ...r.doc, completedOn: date } },
          kind: 'complete',
          date,
          summary: '办结',
        };
      });
    },

    archive(id, date, retention, options) {
      return act(id, '归档', options, (r) => {
        if (r.doc.completedOn === undefined) refuse('本件尚未办结，不能归档。');
        if (r.doc.archivedOn !== undefined) refuse('本件已归档。');
        return {
          record: { ...r, doc: { ...r.doc, archivedOn: date }, retention },
          kind: 'archive',
          date,
          summary: `归档，保管期限${RETENTION_LABELS[retention]}`,
        };
      });
    },
  };
}
