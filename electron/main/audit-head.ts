/**
 * The audit chain head kept OUTSIDE IndexedDB, in `<userData>/audit-head.json`: the renderer reports the
 * head after each change and compares on start. Someone who cuts entries off the end of the chain inside
 * the database cannot also make this file agree without knowing to edit it — truncation shows.
 * Written atomically (atomic-write.ts), so a crash leaves the previous head, never half a file.
 */
import path from 'node:path';
import type { RecordedAuditHead } from '../../shared/ipc';
import { writeFileAtomic, type AtomicFs } from './atomic-write';
import { HandlerError } from './errors';

export const AUDIT_HEAD_FILE = 'audit-head.json';

export const AUDIT_HEAD_MESSAGES = {
  writeFailed: '审计链头没有记录到数据文件夹。请检查磁盘空间；下次保存时会再次记录。',
  unreadable:
    '数据文件夹中的审计链头文件（audit-head.json）已损坏，无法核对审计记录是否完整。请联系维护人员。',
} as const;

export interface AuditHeadFs extends AtomicFs {
  readFile(path: string): Promise<Uint8Array>;
}

const isRecord = (v: unknown): v is RecordedAuditHead => {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r['sequence'] === 'number' &&
    Number.isSafeInteger(r['sequence']) &&
    r['sequence'] >= 0 &&
    typeof r['hash'] === 'string' &&
    /^[0-9a-f]{64}$/.test(r['hash']) &&
    typeof r['writtenAt'] === 'string'
  );
};

export async function writeAuditHeadFile(
  fs: AuditHeadFs,
  userData: string,
  sequence: number,
  hash: string,
  now: () => Date = () => new Date(),
): Promise<RecordedAuditHead> {
  const record: RecordedAuditHead = { sequence, hash, writtenAt: now().toISOString() };
  try {
    await fs.mkdir(userData, { recursive: true });
    await writeFileAtomic(
      fs,
      path.join(userData, AUDIT_HEAD_FILE),
      new TextEncoder().encode(`${JSON.stringify(record)}\n`),
    );
  } catch {
    throw new HandlerError('io-failed', AUDIT_HEAD_MESSAGES.writeFailed);
  }
  return record;
}

/** null when no head was ever recorded; a damaged file is an error, never "no head" (that would hide a cut). */
export async function readAuditHeadFile(
  fs: AuditHeadFs,
  userData: string,
): Promise<RecordedAuditHead | null> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path.join(userData, AUDIT_HEAD_FILE));
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') return null;
    throw new HandlerError('io-failed', AUDIT_HEAD_MESSAGES.unreadable);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new HandlerError('io-failed', AUDIT_HEAD_MESSAGES.unreadable);
  }
  if (!isRecord(parsed)) throw new HandlerError('io-failed', AUDIT_HEAD_MESSAGES.unreadable);
  return { sequence: parsed.sequence, hash: parsed.hash, writtenAt: parsed.writtenAt };
}
