/**
 * The audit trail is a hash chain: entry i stores h_i = SHA-256(h_{i-1} ‖ canonical JSON of entry i without its
 * hashes), with h_0 = 64 zeros. Changing, deleting, reordering or inserting any entry breaks a link; cutting
 * the tail off is caught by comparing with a head recorded elsewhere (the main process keeps a copy in a file).
 */
import { z } from 'zod';
import { canonicalJson } from './canonical-json';
import { sha256Hex } from './sha256';
import { isShanghaiTimestamp } from './timestamp';

export const GENESIS_HASH = '0'.repeat(64);

/** What happened to one record. A user action that touches several records writes one entry per record. */
export type AuditAction = 'create' | 'update' | 'delete';

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  create: '新增',
  update: '修改',
  delete: '删除',
};

/** Everything the caller decides about an entry; sequence and hashes are the chain's business. */
export interface AuditDraft {
  /** Instant with offset, from `shanghaiTimestamp`. */
  readonly at: string;
  readonly operatorId: string;
  readonly operatorName: string;
  readonly action: AuditAction;
  /** The table or domain type, e.g. "people", "documents". */
  readonly recordType: string;
  readonly recordId: string;
  /** SHA-256 of the record's canonical JSON before the write; null when created. */
  readonly beforeDigest: string | null;
  /** SHA-256 after the write; null when deleted. */
  readonly afterDigest: string | null;
  /** The user action this entry belongs to, in Chinese (e.g. "载入示例数据"), for the audit viewer. */
  readonly context?: string;
}

export interface AuditEntry extends AuditDraft {
  /** 1, 2, 3 … without gaps. */
  readonly sequence: number;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AuditHead {
  readonly sequence: number;
  readonly hash: string;
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位十六进制摘要');

export const auditEntrySchema = z
  .object({
    sequence: z.number().int().min(1),
    at: z.string().refine(isShanghaiTimestamp, '时间应为带 +08:00 的时间戳'),
    operatorId: z.string().min(1),
    operatorName: z.string().min(1),
    action: z.enum(['create', 'update', 'delete']),
    recordType: z.string().min(1),
    recordId: z.string().min(1),
    beforeDigest: hex64.nullable(),
    afterDigest: hex64.nullable(),
    context: z.string().optional(),
    prevHash: hex64,
    hash: hex64,
  })
  .strict();

/** SHA-256 of a record's canonical JSON; null for "no record" (before a create, after a delete). */
export function digestOf(record: unknown): string | null {
  return record === undefined || record === null ? null : sha256Hex(canonicalJson(record));
}

function body(entry: AuditDraft & { readonly sequence: number }): Record<string, unknown> {
  // Explicit field list: a field added later must be added here on purpose, or old chains stop verifying.
  return {
    sequence: entry.sequence,
    at: entry.at,
    operatorId: entry.operatorId,
    operatorName: entry.operatorName,
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId,
    beforeDigest: entry.beforeDigest,
    afterDigest: entry.afterDigest,
    context: entry.context,
  };
}

export function entryHash(prevHash: string, entry: AuditDraft & { readonly sequence: number }): string {
  return sha256Hex(prevHash + canonicalJson(body(entry)));
}

/** The next entry after `head` (undefined = empty chain). */
export function appendAuditEntry(head: AuditHead | undefined, draft: AuditDraft): AuditEntry {
  const sequence = (head?.sequence ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const withSeq = { ...draft, sequence };
  return { ...withSeq, prevHash, hash: entryHash(prevHash, withSeq) };
}

export function headOf(entries: readonly AuditEntry[]): AuditHead | undefined {
  const last = entries[entries.length - 1];
  return last ? { sequence: last.sequence, hash: last.hash } : undefined;
}

export type ChainProblem =
  | 'malformed' // an entry is not shaped like an audit entry
  | 'sequence' // a gap, a duplicate or an out-of-order sequence number
  | 'prevHash' // the entry does not point at the previous entry's hash
  | 'hash' // the entry's content does not match its own hash
  | 'truncated' // entries up to the recorded head are missing
  | 'headMismatch'; // the chain does not end at the recorded head

export type ChainVerdict =
  | { readonly ok: true; readonly count: number; readonly head: AuditHead | undefined }
  | {
      readonly ok: false;
      /** Sequence number where the chain first breaks (the position expected there for gaps). */
      readonly sequence: number;
      readonly problem: ChainProblem;
      /** Chinese, for the recovery screen. */
      readonly message: string;
    };

const broken = (sequence: number, problem: ChainProblem, message: string): ChainVerdict => ({
  ok: false,
  sequence,
  problem,
  message,
});

/**
 * Checks the chain from the first entry (sequence 1) in order and reports the first broken link.
 * With `recordedHead`, the chain must end exactly there: shorter means entries were cut off, longer or
 * different means entries were added or replaced after the head was recorded.
 */
export function verifyAuditChain(
  entries: readonly unknown[],
  recordedHead?: AuditHead,
): ChainVerdict {
  let prev: AuditHead = { sequence: 0, hash: GENESIS_HASH };
  for (const raw of entries) {
    const expected = prev.sequence + 1;
    const parsed = auditEntrySchema.safeParse(raw);
    if (!parsed.success) {
      return broken(expected, 'malformed', `第 ${expected} 条审计记录格式不正确，可能被改动：${parsed.error.issues[0]?.message ?? ''}`);
    }
    const e = parsed.data as AuditEntry;
    if (e.sequence !== expected) {
      const what = e.sequence < expected ? '重复或顺序被打乱' : `缺少第 ${expected}–${e.sequence - 1} 条`;
      return broken(expected, 'sequence', `审计记录序号不连续：应为第 ${expected} 条，实为第 ${e.sequence} 条（${what}）`);
    }
    if (e.prevHash !== prev.hash) {
      return broken(e.sequence, 'prevHash', `第 ${e.sequence} 条审计记录与上一条不衔接，记录可能被删除、插入或替换`);
    }
    if (entryHash(e.prevHash, e) !== e.hash) {
      return broken(e.sequence, 'hash', `第 ${e.sequence} 条审计记录的内容与其摘要不符，记录可能被改动`);
    }
    prev = { sequence: e.sequence, hash: e.hash };
  }
  if (recordedHead !== undefined) {
    if (prev.sequence < recordedHead.sequence) {
      return broken(
        prev.sequence + 1,
        'truncated',
        `审计记录只到第 ${prev.sequence} 条，但已登记的链头为第 ${recordedHead.sequence} 条：其后的记录缺失`,
      );
    }
    if (prev.sequence !== recordedHead.sequence || prev.hash !== recordedHead.hash) {
      return broken(
        Math.min(prev.sequence, recordedHead.sequence),
        'headMismatch',
        `审计记录的末尾（第 ${prev.sequence} 条）与已登记的链头（第 ${recordedHead.sequence} 条）不一致`,
      );
    }
  }
  return { ok: true, count: entries.length, head: prev.sequence === 0 ? undefined : prev };
}
