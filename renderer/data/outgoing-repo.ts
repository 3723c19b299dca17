/**
 * The outgoing documents repository (发文): one `documents` row per document (direction "outgoing") carrying the
 * whole `OutgoingRecord`, one `documentSteps` row per action (the timeline), attachments in `attachments`.
 * Every action is one audited transaction: the record after the action is validated (zod), checked by the
 * rulebook for its step (a blocking finding refuses it, with the article), and written with its step row.
 * The 文号 is allocated inside the transaction from the numbers already stored, so two clerks never get the
 * same one and no number is skipped.
 */
import { shanghaiTimestamp } from '../../shared/audit';
import { yearOf, type IsoDate } from '../../shared/calendar/iso-date';
import {
  applyOutgoingAction,
  checkDocumentStep,
  DEFAULT_OUTGOING_SETTINGS,
  nextDocumentNumber,
  OUTGOING_ACTION_LABELS,
  outgoingRecordSchema,
  outgoingSettingsSchema,
  outgoingStateOf,
  registerYear,
  stepOfAction,
  type OutgoingAction,
  type OutgoingRecord,
  type OutgoingState,
  type OutgoingSettings,
} from '../../shared/domain/documents';
import { citeArticles } from '../../shared/domain/findings';
import type { DocumentId } from '../../shared/domain/ids';
import { emptyRegistry, type Registry } from '../../shared/domain/registry';
import type { WorkingDays } from '../../shared/domain/working-days';
import { auditedWrite } from './audited';
import type { AttachmentRow, HuiwenDb, LooseRow } from './db';
import { fromZodError, StoreError } from './errors';
import { currentOperator } from './operator';

export const OUTGOING_SETTINGS_KEY = 'documents.outgoing.settings';
/** Step rows of this repository are "outgoing:<action>", apart from the print log's "print" rows. */
export const OUTGOING_STEP_PREFIX = 'outgoing:';

export const OUTGOING_FIELD_LABELS: Readonly<Record<string, string>> = {
  doc: '文件',
  createdOn: '拟稿日期',
  mainRecipients: '主送',
  ccRecipients: '抄送',
  versions: '正文',
  deliveries: '分发',
  tasks: '公开任务',
  archive: '归档',
};

/** What the rules need to judge a step: the registry as of today, the working calendar, today. */
export interface OutgoingRuleContext {
  readonly registry: Registry;
  readonly calendar: WorkingDays;
  readonly date: IsoDate;
}

export interface OutgoingWriteOptions {
  /** The user action in Chinese, with the override reason when warnings were passed. */
  readonly context: string;
}

export interface OutgoingQuery {
  readonly year?: number;
  readonly state?: string;
  /** Only documents in these states, read through the `state` index (the dashboard's open items). */
  readonly states?: readonly OutgoingState[];
}

/** One entry of a document's timeline. */
export interface OutgoingStepRow {
  readonly id: string;
  readonly documentId: string;
  readonly kind: string;
  /** Position on the document's timeline (timestamps can tie within a second). */
  readonly seq: number;
  /** Shanghai timestamp "2026-03-02T09:15:00.000+08:00". */
  readonly at: string;
  readonly operatorName: string;
  readonly label: string;
  readonly context: string;
}

export interface NewAttachment {
  readonly name: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
}

export interface OutgoingRepository {
  list(query?: OutgoingQuery): Promise<OutgoingRecord[]>;
  get(id: DocumentId): Promise<OutgoingRecord | undefined>;
  /** The document's timeline, oldest first. */
  steps(id: DocumentId): Promise<OutgoingStepRow[]>;
  /** Registers a new draft (art. 52 answers included); refused when the answers say no document is needed. */
  create(input: unknown, options: OutgoingWriteOptions): Promise<OutgoingRecord>;
  /** One step on one document; a blocking finding of the rulebook refuses it with the article. */
  act(
    id: DocumentId,
    action: OutgoingAction,
    rules: OutgoingRuleContext,
    options: OutgoingWriteOptions,
  ): Promise<OutgoingRecord>;
  /** Allocates the next 文号 of the issuer's pattern for `rules.date`'s year, inside the transaction. */
  allocateNumber(
    id: DocumentId,
    rules: OutgoingRuleContext,
    options: OutgoingWriteOptions,
  ): Promise<OutgoingRecord>;
  settings(): Promise<OutgoingSettings>;
  saveSettings(input: unknown, options: OutgoingWriteOptions): Promise<OutgoingSettings>;
  attachments(id: DocumentId): Promise<AttachmentRow[]>;
  addAttachment(id: DocumentId, file: NewAttachment, options: OutgoingWriteOptions): Promise<AttachmentRow>;
  removeAttachment(attachmentId: string, options: OutgoingWriteOptions): Promise<void>;
}

function validate(input: unknown): OutgoingRecord {
  const parsed = outgoingRecordSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, '发文', OUTGOING_FIELD_LABELS);
  return parsed.data as OutgoingRecord;
}

function fromRow(row: LooseRow): OutgoingRecord {
  const parsed = outgoingRecordSchema.safeParse(row['record']);
  if (!parsed.success) {
    throw new StoreError(
      'invalid',
      `发文记录“${String(row['title'] ?? row.id)}”已损坏，无法读取。请从备份恢复，或联系技术支持。`,
    );
  }
  return parsed.data as OutgoingRecord;
}

/**
 * The row: indexed fields for the register's filters, top-level title/body/文号 for the search index
 * (document-search.ts), and the whole record.
 */
export function toOutgoingRow(r: OutgoingRecord): LooseRow {
  const latest = r.versions.at(-1);
  return {
    id: r.doc.id,
    direction: 'outgoing',
    kind: r.doc.kind,
    year: registerYear(r),
    state: outgoingStateOf(r),
    unitId: r.doc.draftingUnitId ?? '',
    classification: r.doc.classification?.level ?? 'none',
    registeredOn: r.createdOn,
    title: r.doc.title,
    ...(r.doc.documentNumber === undefined ? {} : { documentNumber: r.doc.documentNumber }),
    body: latest?.body.map((p) => p.text) ?? [],
    record: r,
  };
}

const blockingMessage = (findings: ReturnType<typeof checkDocumentStep>): string | undefined => {
  const blocks = findings.filter((f) => f.severity === 'block');
  return blocks.length === 0
    ? undefined
    : blocks.map((f) => `${f.message}（${citeArticles(f.articles)}）`).join('；');
};

function stepId(docId: string, at: Date): string {
  return `${docId}-${at.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function outgoingRepository(db: HuiwenDb, now: () => Date = () => new Date()): OutgoingRepository {
  const opts = (context: string) => ({ context, now });

  async function readSettings(): Promise<OutgoingSettings> {
    const row = await db.meta.get(OUTGOING_SETTINGS_KEY);
    const parsed = outgoingSettingsSchema.safeParse(row?.value);
    return parsed.success ? (parsed.data as OutgoingSettings) : DEFAULT_OUTGOING_SETTINGS;
  }

  async function usedNumbers(exceptId: string): Promise<string[]> {
    const rows = await db.documents.where('direction').equals('outgoing').toArray();
    return rows
      .filter((r) => r.id !== exceptId)
      .map((r) => r['documentNumber'])
      .filter((n): n is string => typeof n === 'string');
  }

  async function writeStep(
    log: Parameters<Parameters<typeof auditedWrite>[3]>[0],
    docId: string,
    kind: string,
    label: string,
    context: string,
  ): Promise<void> {
    const at = now();
    const seq = (await db.documentSteps.where('documentId').equals(docId).count()) + 1;
    const row: OutgoingStepRow = {
      id: stepId(docId, at),
      documentId: docId,
      seq,
      kind: `${OUTGOING_STEP_PREFIX}${kind}`,
      at: shanghaiTimestamp(at),
      operatorName: currentOperator().name,
      label,
      context,
    };
    await db.documentSteps.add(row as unknown as LooseRow);
    log.record('create', 'documentSteps', row.id, undefined, row);
  }

  /** Reads, applies, checks and writes one action; `prepare` may compute the action inside the transaction. */
  async function run(
    id: DocumentId,
    rules: OutgoingRuleContext,
    options: OutgoingWriteOptions,
    prepare: (before: OutgoingRecord, settings: OutgoingSettings) => Promise<OutgoingAction>,
  ): Promise<OutgoingRecord> {
    const settings = await readSettings();
    return auditedWrite(db, [db.documents, db.documentSteps, db.meta], opts(options.context), async (log) => {
      const row = await db.documents.get(id);
      if (row === undefined || row['direction'] !== 'outgoing') {
        throw new StoreError(
          'not-found',
          '这份发文已不存在（可能恢复了较早的备份），未保存。请返回发文登记簿。',
        );
      }
      const before = fromRow(row);
      const action = await prepare(before, settings);
      let applied: OutgoingRecord;
      try {
        applied = applyOutgoingAction(before, action, rules.calendar, settings);
      } catch (e) {
        throw new StoreError('invalid', `未保存：${e instanceof Error ? e.message : String(e)}`);
      }
      const after = validate(applied);
      const step = stepOfAction(action);
      if (step !== undefined) {
        const pattern = settings.numberPatterns[after.doc.issuer.kind];
        const findings = checkDocumentStep(after.doc, step, {
          registry: rules.registry,
          calendar: rules.calendar,
          date: rules.date,
          settings,
          ...(action.type === 'sign' ? { signature: action.signature } : {}),
          numbering: { used: await usedNumbers(id), pattern },
        });
        const blocked = blockingMessage(findings);
        if (blocked !== undefined) throw new StoreError('invalid', `未保存：${blocked}`);
      }
      await db.documents.put(toOutgoingRow(after));
      log.record('update', 'documents', id, before, after);
      await writeStep(log, id, action.type, OUTGOING_ACTION_LABELS[action.type], options.context);
      return after;
    });
  }

  return {
    async list(query = {}) {
      const rows =
        query.states !== undefined
          ? (
              await db.documents
                .where('state')
                .anyOf([...query.states])
                .toArray()
            ).filter(
              (r) => r['direction'] === 'outgoing' && (query.year === undefined || r['year'] === query.year),
            )
          : query.year !== undefined
            ? (await db.documents.where('year').equals(query.year).toArray()).filter(
                (r) => r['direction'] === 'outgoing',
              )
            : await db.documents.where('direction').equals('outgoing').toArray();
      return rows
        .filter((r) => query.state === undefined || r['state'] === query.state)
        .map(fromRow)
        .sort((a, b) => b.createdOn.localeCompare(a.createdOn) || a.doc.id.localeCompare(b.doc.id));
    },

    async get(id) {
      const row = await db.documents.get(id);
      return row === undefined || row['direction'] !== 'outgoing' ? undefined : fromRow(row);
    },

    async steps(id) {
      const rows = await db.documentSteps.where('documentId').equals(id).toArray();
      return (rows as unknown as OutgoingStepRow[])
        .filter((r) => typeof r.kind === 'string' && r.kind.startsWith(OUTGOING_STEP_PREFIX))
        .sort((a, b) => a.seq - b.seq);
    },

    async create(input, options) {
      const record = validate(input);
      const findings = checkDocumentStep(record.doc, 'draft', {
        // The draft step looks at the document only (art. 52 answers, direction, art. 51 issuer).
        registry: emptyRegistry,
        calendar: { isWorkingDay: () => true, addWorkingDays: (d) => d },
        date: record.createdOn,
      });
      const blocked = blockingMessage(findings);
      if (blocked !== undefined) throw new StoreError('invalid', `未保存：${blocked}`);
      await auditedWrite(db, [db.documents, db.documentSteps], opts(options.context), async (log) => {
        if ((await db.documents.get(record.doc.id)) !== undefined) {
          throw new StoreError('invalid', `发文编号 ${record.doc.id} 已存在，未保存。请重新拟稿。`);
        }
        await db.documents.add(toOutgoingRow(record));
        log.record('create', 'documents', record.doc.id, undefined, record);
        await writeStep(log, record.doc.id, 'create', '拟稿登记', options.context);
      });
      return record;
    },

    act(id, action, rules, options) {
      if (action.type === 'number') {
        return Promise.reject(new StoreError('invalid', '文号由系统按顺序编发，请使用“编号”。'));
      }
      return run(id, rules, options, () => Promise.resolve(action));
    },

    allocateNumber(id, rules, options) {
      return run(id, rules, options, async (before, settings) => {
        const pattern = settings.numberPatterns[before.doc.issuer.kind];
        const state = nextDocumentNumber(pattern, yearOf(rules.date), await usedNumbers(id));
        return { type: 'number', documentNumber: state.next };
      });
    },

    settings: readSettings,

    async saveSettings(input, options) {
      const parsed = outgoingSettingsSchema.safeParse(input);
      if (!parsed.success)
        throw fromZodError(parsed.error, '发文设置', {
          numberPatterns: '文号格式',
          filingPeriodDays: '备案期限',
        });
      const value = parsed.data as OutgoingSettings;
      await auditedWrite(db, [db.meta], opts(options.context), async (log) => {
        const before = await db.meta.get(OUTGOING_SETTINGS_KEY);
        await db.meta.put({ key: OUTGOING_SETTINGS_KEY, value });
        log.record(
          before === undefined ? 'create' : 'update',
          'meta',
          OUTGOING_SETTINGS_KEY,
          before?.value,
          value,
        );
      });
      return value;
    },

    async attachments(id) {
      return db.attachments.where('ownerId').equals(id).toArray();
    },

    async addAttachment(id, file, options) {
      if (file.name.trim() === '') throw new StoreError('invalid', '附件未保存：请填写附件名称。');
      const at = now();
      const row: AttachmentRow = {
        id: `att-${stepId(id, at)}`,
        ownerId: id,
        name: file.name.trim(),
        mime: file.mime,
        bytes: file.bytes,
      };
      await auditedWrite(
        db,
        [db.documents, db.attachments, db.documentSteps],
        opts(options.context),
        async (log) => {
          if ((await db.documents.get(id)) === undefined) {
            throw new StoreError('not-found', '这份发文已不存在，附件未保存。');
          }
          await db.attachments.add(row);
          log.record('create', 'attachments', row.id, undefined, { ...row, bytes: file.bytes.byteLength });
          await writeStep(log, id, 'attach', `添加附件：${row.name}`, options.context);
        },
      );
      return row;
    },

    async removeAttachment(attachmentId, options) {
      await auditedWrite(db, [db.attachments, db.documentSteps], opts(options.context), async (log) => {
        const row = await db.attachments.get(attachmentId);
        if (row === undefined) throw new StoreError('not-found', '附件已不存在。');
        await db.attachments.delete(attachmentId);
        log.record(
          'delete',
          'attachments',
          attachmentId,
          { ...row, bytes: row.bytes instanceof Blob ? row.bytes.size : row.bytes.byteLength },
          undefined,
        );
        await writeStep(log, row.ownerId, 'detach', `删除附件：${row.name}`, options.context);
      });
    },
  };
}
