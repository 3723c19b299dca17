/** Reading and checking the audit trail. Writing happens only through `auditedWrite`. */
import { verifyAuditChain, type AuditEntry, type AuditHead, type ChainVerdict } from '../../shared/audit';
import { readAuditHead } from './audited';
import type { HuiwenDb } from './db';

export interface AuditRepository {
  /**
   * The chain head {sequence, hash}. LEFT FOR INTEGRATION: the main process should receive this after each
   * write and keep it in a file outside IndexedDB, so `verify(head)` can detect a cut-off tail.
   */
  head(): Promise<AuditHead | undefined>;
  /** Newest first, for the audit viewer. */
  latest(limit: number): Promise<AuditEntry[]>;
  /** Entries about one record, oldest first. */
  forRecord(recordType: string, recordId: string): Promise<AuditEntry[]>;
  count(): Promise<number>;
  /** Verifies the whole chain (optionally against a head recorded outside the database). */
  verify(recordedHead?: AuditHead): Promise<ChainVerdict>;
}

export function auditRepository(db: HuiwenDb): AuditRepository {
  return {
    head: () => readAuditHead(db),
    latest: (limit) => db.audit.orderBy('sequence').reverse().limit(limit).toArray(),
    forRecord: (recordType, recordId) =>
      db.audit.where('[recordType+recordId]').equals([recordType, recordId]).sortBy('sequence'),
    count: () => db.audit.count(),
    async verify(recordedHead) {
      const entries = await db.audit.orderBy('sequence').toArray();
      return verifyAuditChain(entries, recordedHead);
    },
  };
}
