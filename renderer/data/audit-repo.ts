/** Reading and checking the audit trail. Writing happens only through `auditedWrite`. */
import {
  verifyAuditChain,
  type AuditAction,
  type AuditEntry,
  type AuditHead,
  type ChainVerdict,
} from '../../shared/audit';
import { readAuditHead } from './audited';
import type { HuiwenDb } from './db';

/** Filters of the audit screen; every field is optional and they combine with AND. */
export interface AuditFilter {
  readonly operatorId?: string;
  readonly recordType?: string;
  readonly action?: AuditAction;
  /** IsoDate, inclusive, on the Asia/Shanghai date of the entry. */
  readonly from?: string;
  readonly to?: string;
  /** Substring of the record id. */
  readonly recordId?: string;
}

export interface AuditPage {
  /** Newest first. */
  readonly entries: AuditEntry[];
  /** More entries matched than `limit`: the screen says so and asks for narrower filters. */
  readonly truncated: boolean;
}

/** Pure: does `entry` pass `filter`? (`at` is "YYYY-MM-DDTHH:mm:ss+08:00", so its first 10 characters are the date.) */
export function matchesAuditFilter(entry: AuditEntry, filter: AuditFilter): boolean {
  const day = entry.at.slice(0, 10);
  const needle = filter.recordId?.trim();
  return (
    (!filter.operatorId || entry.operatorId === filter.operatorId) &&
    (!filter.recordType || entry.recordType === filter.recordType) &&
    (!filter.action || entry.action === filter.action) &&
    (!filter.from || day >= filter.from) &&
    (!filter.to || day <= filter.to) &&
    (!needle || entry.recordId.includes(needle))
  );
}

export interface AuditRepository {
  /** The chain head {sequence, hash}; main keeps a copy in audit-head.json (see backup-head.ts). */
  head(): Promise<AuditHead | undefined>;
  /** Newest first, for the audit viewer. */
  latest(limit: number): Promise<AuditEntry[]>;
  /** Newest first, at most `limit` entries passing `filter` (the date range narrows the scan by index). */
  query(filter: AuditFilter, limit: number): Promise<AuditPage>;
  /** The record types present, for the filter's list. */
  recordTypes(): Promise<string[]>;
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
    async query(filter, limit) {
      // `at` sorts as text within one offset (always +08:00), so a date range is an index range.
      const lower = filter.from ? `${filter.from}T` : '';
      const upper = filter.to ? `${filter.to}T\uffff` : '\uffff';
      const base =
        filter.from || filter.to
          ? db.audit.where('at').between(lower, upper, true, true)
          : db.audit.orderBy('sequence');
      const rows = await base
        .filter((e) => matchesAuditFilter(e, filter))
        .reverse()
        .limit(limit + 1)
        .toArray();
      // Index ranges other than sequence come back in index order: newest first by sequence for the screen.
      const sorted = rows.sort((a, b) => b.sequence - a.sequence);
      return { entries: sorted.slice(0, limit), truncated: sorted.length > limit };
    },
    async recordTypes() {
      return (await db.audit.orderBy('recordType').uniqueKeys()).map(String);
    },
    forRecord: (recordType, recordId) =>
      db.audit.where('[recordType+recordId]').equals([recordType, recordId]).sortBy('sequence'),
    count: () => db.audit.count(),
    async verify(recordedHead) {
      const entries = await db.audit.orderBy('sequence').toArray();
      return verifyAuditChain(entries, recordedHead);
    },
  };
}
