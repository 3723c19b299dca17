/**
 * One user action = one IndexedDB transaction, with its audit entries written inside it: either the records
 * and their audit entries are all stored, or none is (a thrown error or a closed page aborts everything).
 */
import type { Table, Transaction } from 'dexie';
import {
  appendAuditEntry,
  digestOf,
  shanghaiTimestamp,
  type AuditAction,
  type AuditEntry,
  type AuditHead,
} from '../../shared/audit';
import { notifyAuditChanged } from './backup-head';
import type { HuiwenDb } from './db';
import { toStoreError } from './errors';
import { currentOperator, type Operator } from './operator';

export interface AuditLog {
  /** Records one change; `before`/`after` are the record as stored (undefined when absent). */
  record(action: AuditAction, recordType: string, recordId: string, before: unknown, after: unknown): void;
}

export interface WriteOptions {
  /** The user action in Chinese, stored with every entry (e.g. "保存人员"). */
  readonly context: string;
  /** Clock for the audit time; tests pass a fixed one. */
  readonly now?: () => Date;
  /**
   * Who acts, when nobody is signed in yet: only the first-run creation of the administrator (who is the
   * actor of their own creation) and sign-in housekeeping pass it. Everything else is the signed-in operator.
   */
  readonly operator?: Operator;
}

export async function readAuditHead(db: HuiwenDb): Promise<AuditHead | undefined> {
  const last = await db.audit.orderBy('sequence').last();
  return last ? { sequence: last.sequence, hash: last.hash } : undefined;
}

/**
 * Runs `work` in one read-write transaction over `tables` plus the audit table. Entries are hashed
 * synchronously (no await outside IndexedDB, which would let the transaction auto-commit) and stored at the end.
 */
export async function auditedWrite<T>(
  db: HuiwenDb,
  tables: readonly Table[],
  options: WriteOptions,
  work: (log: AuditLog, tx: Transaction) => Promise<T>,
): Promise<T> {
  const now = options.now ?? (() => new Date());
  let wrote = false;
  try {
    const result = await db.transaction('rw', [...tables, db.audit], async (tx) => {
      let head = await readAuditHead(db);
      const entries: AuditEntry[] = [];
      // Resolved before any write: without a signed-in operator the action throws and nothing is stored.
      const operator = options.operator ?? currentOperator();
      const at = shanghaiTimestamp(now());
      const log: AuditLog = {
        record(action, recordType, recordId, before, after) {
          const entry = appendAuditEntry(head, {
            at,
            operatorId: operator.id,
            operatorName: operator.name,
            action,
            recordType,
            recordId,
            beforeDigest: digestOf(before),
            afterDigest: digestOf(after),
            context: options.context,
          });
          entries.push(entry);
          head = { sequence: entry.sequence, hash: entry.hash };
        },
      };
      const result = await work(log, tx);
      if (entries.length > 0) await db.audit.bulkAdd(entries);
      wrote = entries.length > 0;
      return result;
    });
    // After the commit: main records the new chain head beside the data (see backup-head.ts).
    if (wrote) notifyAuditChanged();
    return result;
  } catch (e) {
    throw toStoreError(e);
  }
}
