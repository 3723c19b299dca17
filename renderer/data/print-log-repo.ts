/**
 * The print log of classified documents (涉密公文印制登记): every print of a classified document records who
 * printed, when, and which numbered copies (份号) came out, so each paper copy can be traced to its 分发登记.
 * Rows live in the `documentSteps` table as steps of kind "print" (indexed by document and time), one
 * audited transaction per print.
 */
import { auditedWrite } from './audited';
import type { HuiwenDb, LooseRow } from './db';
import { StoreError } from './errors';
import { currentOperator } from './operator';

export const PRINT_STEP_KIND = 'print';

export interface PrintRecord {
  readonly id: string;
  readonly documentId: string;
  readonly kind: typeof PRINT_STEP_KIND;
  readonly documentTitle: string;
  /** 密级 as printed, e.g. "秘密★1年". */
  readonly classification: string;
  /** 份号 of the copies printed, e.g. [1, 2, 3] for 000001–000003. */
  readonly copyNumbers: readonly number[];
  readonly duplex: boolean;
  /** ISO timestamp. */
  readonly at: string;
  readonly operatorId: string;
  readonly operatorName: string;
}

export interface RecordPrintInput {
  readonly documentId: string;
  readonly documentTitle: string;
  readonly classification: string;
  readonly copyNumbers: readonly number[];
  readonly duplex?: boolean;
}

export interface PrintLogRepository {
  /** Logs one print of a classified document; refuses an empty or repeated copy-number list. */
  recordPrint(input: RecordPrintInput): Promise<PrintRecord>;
  /** Prints of one document (or all), newest first. */
  listPrints(documentId?: string): Promise<PrintRecord[]>;
  /** The 份号 a new print run of this document starts at: one past the highest already printed (1 at first). */
  nextCopyNumber(documentId: string): Promise<number>;
}

/** "000001、000002" as the 份号 are printed. */
export const copyNumberLabel = (numbers: readonly number[]): string =>
  numbers.map((n) => String(n).padStart(6, '0')).join('、');

export function printLogRepository(db: HuiwenDb, now: () => Date = () => new Date()): PrintLogRepository {
  return {
    async recordPrint(input) {
      const numbers = [...input.copyNumbers];
      if (
        numbers.length === 0 ||
        numbers.some((k) => !Number.isInteger(k) || k < 1 || k > 999_999) ||
        new Set(numbers).size !== numbers.length
      ) {
        throw new StoreError(
          'invalid',
          '涉密文件的份号应为 1 至 999999 之间互不重复的整数，且至少一份。请重新选择打印份数。',
        );
      }
      const op = currentOperator();
      const at = now();
      const record: PrintRecord = {
        id: `print-${at.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
        documentId: input.documentId,
        kind: PRINT_STEP_KIND,
        documentTitle: input.documentTitle,
        classification: input.classification,
        copyNumbers: numbers,
        duplex: input.duplex ?? false,
        at: at.toISOString(),
        operatorId: op.id,
        operatorName: op.name,
      };
      await auditedWrite(
        db,
        [db.documentSteps],
        { context: `打印涉密文件：${input.documentTitle}（份号 ${copyNumberLabel(numbers)}）`, now },
        async (log) => {
          await db.documentSteps.add(record as unknown as LooseRow);
          log.record('create', 'documentSteps', record.id, undefined, record);
        },
      );
      return record;
    },

    async listPrints(documentId) {
      const rows =
        documentId === undefined
          ? await db.documentSteps.where('kind').equals(PRINT_STEP_KIND).toArray()
          : (await db.documentSteps.where('documentId').equals(documentId).toArray()).filter(
              (r) => r['kind'] === PRINT_STEP_KIND,
            );
      return (rows as unknown as PrintRecord[]).sort((a, b) => b.at.localeCompare(a.at));
    },

    async nextCopyNumber(documentId) {
      const rows = await db.documentSteps.where('documentId').equals(documentId).toArray();
      const prints = (rows as unknown as PrintRecord[]).filter((r) => r.kind === PRINT_STEP_KIND);
      return prints.reduce((high, p) => Math.max(high, ...p.copyNumbers), 0) + 1;
    },
  };
}
