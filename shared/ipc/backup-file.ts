/**
 * The backup file format, shared by the renderer (which builds and restores backups) and the main process
 * (which checks, stores, lists and rotates them). See docs/backup.md.
 *
 *   line 1: header JSON (one line, no newline inside) — what the file is, when, which schema, the audit head,
 *           row counts per table, and the SHA-256 + length of everything after the newline;
 *   rest:   payload JSON — the same facts again plus every table's rows (bytes and blobs tagged, base64).
 *
 * The header lets main list backups without parsing megabytes; the hash makes any changed byte show, and
 * the header's facts must equal the payload's, so a header edited to lie is caught too.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';

export const BACKUP_FORMAT = 'huiwen-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_EXTENSION = 'hwbak';

/** Why a backup was made. Only `daily` backups are rotated away automatically. */
export type BackupKind = 'daily' | 'manual' | 'pre-restore' | 'pre-migration' | 'salvage';

export const BACKUP_KIND_LABELS: Readonly<Record<BackupKind, string>> = {
  daily: '每日自动备份',
  manual: '手动备份',
  'pre-restore': '恢复前自动备份',
  'pre-migration': '升级前自动备份',
  salvage: '损坏数据的抢救导出',
};

export interface BackupAuditHead {
  readonly sequence: number;
  readonly hash: string;
}

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly formatVersion: typeof BACKUP_FORMAT_VERSION;
  readonly kind: BackupKind;
  /** Beijing-time timestamp with offset, e.g. 2026-11-27T09:05:00.000+08:00. */
  readonly createdAt: string;
  readonly schemaVersion: number;
  readonly appVersion: string;
  /** The audit chain head at the time of the backup; null for a store without audit entries. */
  readonly auditHead: BackupAuditHead | null;
  readonly counts: Readonly<Record<string, number>>;
  /** Tables that could not be read (only in a `salvage` export of a damaged store). */
  readonly unreadableTables: readonly string[];
  readonly payloadBytes: number;
  readonly payloadSha256: string;
}

/** Encoded rows: plain JSON, with bytes and blobs tagged (see `encodeBackupValue`). */
export type BackupJson =
  null | boolean | number | string | readonly BackupJson[] | { readonly [k: string]: BackupJson };

export interface BackupPayload {
  readonly format: typeof BACKUP_FORMAT;
  readonly kind: BackupKind;
  readonly createdAt: string;
  readonly schemaVersion: number;
  readonly appVersion: string;
  readonly auditHead: BackupAuditHead | null;
  readonly unreadableTables: readonly string[];
  readonly tables: Readonly<Record<string, readonly BackupJson[]>>;
}

const KINDS = [
  'daily',
  'manual',
  'pre-restore',
  'pre-migration',
  'salvage',
] as const satisfies readonly BackupKind[];
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const auditHeadSchema = z
  .object({ sequence: z.number().int().min(1), hash: hex64 })
  .strict()
  .nullable();
const stamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/);
const tableName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);

export const backupHeaderSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    kind: z.enum(KINDS),
    createdAt: stamp,
    schemaVersion: z.number().int().min(1),
    appVersion: z.string().min(1).max(64),
    auditHead: auditHeadSchema,
    counts: z.record(tableName, z.number().int().min(0)),
    unreadableTables: z.array(tableName),
    payloadBytes: z.number().int().min(0),
    payloadSha256: hex64,
  })
  .strict();

const payloadSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    kind: z.enum(KINDS),
    createdAt: stamp,
    schemaVersion: z.number().int().min(1),
    appVersion: z.string().min(1).max(64),
    auditHead: auditHeadSchema,
    unreadableTables: z.array(tableName),
    tables: z.record(tableName, z.array(z.unknown())),
  })
  .strict();

export const BACKUP_MESSAGES = {
  notBackup: '这不是会文的备份文件（文件开头不对）。请选择扩展名为 .hwbak 的会文备份文件。',
  newerFormat: '这个备份由更新版本的会文制作，当前版本无法读取。请安装最新版本的会文后再恢复。',
  badHeader: '备份文件的说明部分已损坏，无法使用。请换一个备份文件。',
  truncated: '备份文件不完整（可能复制时中断或 U 盘被拔出）。请换一个备份文件。',
  hashMismatch:
    '备份文件的内容与其校验值（SHA-256）不符：文件已损坏或被改动过，不能用于恢复。请换一个备份文件。',
  badPayload: '备份文件的数据部分无法读取，文件可能已损坏。请换一个备份文件。',
  headerMismatch: '备份文件的说明与其数据不一致，文件可能被改动过，不能用于恢复。请换一个备份文件。',
} as const;

export type BackupProblem = keyof typeof BACKUP_MESSAGES;

export type BackupCheck<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: BackupProblem; readonly message: string };

const bad = (problem: BackupProblem): { ok: false; problem: BackupProblem; message: string } => ({
  ok: false,
  problem,
  message: BACKUP_MESSAGES[problem],
});

interface TextGlobals {
  readonly TextDecoder: new (
    label: 'utf-8',
    options: { fatal: boolean },
  ) => { decode(b: Uint8Array): string };
}
// shared/ compiles without the DOM lib; TextDecoder exists in Node and every browser.
const decoder = new (globalThis as unknown as TextGlobals).TextDecoder('utf-8', { fatal: true });

const NEWLINE = 0x0a;
/** A header is small; refusing a long first line keeps a random large file from being parsed as one. */
const MAX_HEADER_BYTES = 64 * 1024;

export const sha256HexOfBytes = (bytes: Uint8Array): string => bytesToHex(sha256(bytes));

export const countsOf = (tables: Readonly<Record<string, readonly unknown[]>>): Record<string, number> =>
  Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length]));

/** Builds the file bytes for a payload. */
export function encodeBackupFile(payload: BackupPayload): Uint8Array {
  const body = utf8ToBytes(JSON.stringify(payload));
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    kind: payload.kind,
    createdAt: payload.createdAt,
    schemaVersion: payload.schemaVersion,
    appVersion: payload.appVersion,
    auditHead: payload.auditHead,
    counts: countsOf(payload.tables),
    unreadableTables: payload.unreadableTables,
    payloadBytes: body.byteLength,
    payloadSha256: sha256HexOfBytes(body),
  };
  const head = utf8ToBytes(`${JSON.stringify(header)}\n`);
  const out = new Uint8Array(head.byteLength + body.byteLength);
  out.set(head, 0);
  out.set(body, head.byteLength);
  return out;
}

function splitHeader(bytes: Uint8Array): BackupCheck<{ header: BackupHeader; bodyStart: number }> {
  const limit = Math.min(bytes.byteLength, MAX_HEADER_BYTES);
  let nl = -1;
  for (let i = 0; i < limit; i++) {
    if (bytes[i] === NEWLINE) {
      nl = i;
      break;
    }
  }
  if (nl < 0 || bytes[0] !== 0x7b /* { */) return bad('notBackup');
  let raw: unknown;
  try {
    raw = JSON.parse(decoder.decode(bytes.subarray(0, nl)));
  } catch {
    return bad('notBackup');
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    return bad('notBackup');
  }
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) return bad('newerFormat');
  const parsed = backupHeaderSchema.safeParse(raw);
  if (!parsed.success) return bad('badHeader');
  return { ok: true, value: { header: parsed.data as BackupHeader, bodyStart: nl + 1 } };
}

/** Reads only the header line (for listing); says nothing about the payload's integrity. */
export function readBackupHeader(bytes: Uint8Array): BackupCheck<BackupHeader> {
  const split = splitHeader(bytes);
  return split.ok ? { ok: true, value: split.value.header } : split;
}

/** Header parses and the payload's length and SHA-256 match it. Cheap enough for main to run on every write. */
export function checkBackupIntegrity(bytes: Uint8Array): BackupCheck<BackupHeader> {
  const split = splitHeader(bytes);
  if (!split.ok) return split;
  const { header, bodyStart } = split.value;
  const body = bytes.subarray(bodyStart);
  if (body.byteLength < header.payloadBytes) return bad('truncated');
  if (body.byteLength > header.payloadBytes) return bad('hashMismatch');
  if (sha256HexOfBytes(body) !== header.payloadSha256) return bad('hashMismatch');
  return { ok: true, value: header };
}

const sameHead = (a: BackupAuditHead | null, b: BackupAuditHead | null): boolean =>
  a === null || b === null ? a === b : a.sequence === b.sequence && a.hash === b.hash;

/** Full check: integrity, payload schema, and header facts equal payload facts. */
export function decodeBackupFile(
  bytes: Uint8Array,
): BackupCheck<{ header: BackupHeader; payload: BackupPayload }> {
  const integrity = checkBackupIntegrity(bytes);
  if (!integrity.ok) return integrity;
  const header = integrity.value;
  const split = splitHeader(bytes);
  if (!split.ok) return split;
  let raw: unknown;
  try {
    raw = JSON.parse(decoder.decode(bytes.subarray(split.value.bodyStart)));
  } catch {
    return bad('badPayload');
  }
  const parsed = payloadSchema.safeParse(raw);
  if (!parsed.success) return bad('badPayload');
  const payload = parsed.data as BackupPayload;
  const counts = countsOf(payload.tables);
  const countsAgree =
    Object.keys(counts).length === Object.keys(header.counts).length &&
    Object.entries(counts).every(([name, n]) => header.counts[name] === n);
  if (
    payload.kind !== header.kind ||
    payload.createdAt !== header.createdAt ||
    payload.schemaVersion !== header.schemaVersion ||
    payload.appVersion !== header.appVersion ||
    !sameHead(payload.auditHead, header.auditHead) ||
    payload.unreadableTables.join('\n') !== header.unreadableTables.join('\n') ||
    !countsAgree
  ) {
    return bad('headerMismatch');
  }
  return { ok: true, value: { header, payload } };
}

// ---------------------------------------------------------------------------------------------------------
// Row values. IndexedDB rows hold more than JSON: bytes (attachments), blobs, dates, undefined. Tagged
// objects carry them; a plain object that itself has a "$" key is wrapped so data never reads as a tag.

/** A Blob's content, read ahead of encoding (Blob reading is async; encoding is not). */
export class BlobData {
  constructor(
    readonly type: string,
    readonly bytes: Uint8Array,
  ) {}
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] as number) << 16;
    out += `${B64[n >> 18]!}${B64[(n >> 12) & 63]!}==`;
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out += `${B64[n >> 18]!}${B64[(n >> 12) & 63]!}${B64[(n >> 6) & 63]!}=`;
  }
  return out;
}

const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

export function base64ToBytes(text: string): Uint8Array {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new TypeError('base64 不合法');
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      ((B64_INDEX.get(text[i]!) ?? 0) << 18) |
      ((B64_INDEX.get(text[i + 1]!) ?? 0) << 12) |
      ((B64_INDEX.get(text[i + 2]!) ?? 0) << 6) |
      (B64_INDEX.get(text[i + 3]!) ?? 0);
    if (o < out.length) out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

const isPlain = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** Row value → JSON. Throws on values IndexedDB rows of this app never hold (functions, cycles, Maps). */
export function encodeBackupValue(value: unknown): BackupJson {
  if (value === undefined) return { $undefined: 1 };
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $number: String(value) };
  if (typeof value !== 'object') throw new TypeError(`备份不支持此类型的值：${typeof value}`);
  if (value instanceof Uint8Array) return { $bytes: bytesToBase64(value) };
  if (value instanceof BlobData) return { $blob: { type: value.type, base64: bytesToBase64(value.bytes) } };
  if (value instanceof Date)
    return { $date: Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString() };
  if (Array.isArray(value)) return value.map(encodeBackupValue);
  if (!isPlain(value)) throw new TypeError('备份只支持普通对象、数组、日期和二进制数据');
  const out: Record<string, BackupJson> = {};
  let tagged = false;
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$')) tagged = true;
    Object.defineProperty(out, k, {
      value: encodeBackupValue(v),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return tagged ? { $object: out } : out;
}

/** JSON → row value; `BlobData` comes back as is (the renderer turns it into a Blob). */
export function decodeBackupValue(json: unknown): unknown {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map(decodeBackupValue);
  const obj = json as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1) {
    const v = obj[keys[0] as string];
    switch (keys[0]) {
      case '$undefined':
        return undefined;
      case '$number':
        return Number(v);
      case '$bytes':
        return base64ToBytes(String(v));
      case '$date':
        return new Date(v === 'invalid' ? Number.NaN : String(v));
      case '$blob': {
        const b = v as { type?: unknown; base64?: unknown };
        return new BlobData(String(b.type ?? ''), base64ToBytes(String(b.base64 ?? '')));
      }
      case '$object':
        return decodeEntries(v as Record<string, unknown>);
    }
  }
  return decodeEntries(obj);
}

function decodeEntries(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    const decoded = decodeBackupValue(v);
    // An undefined property was stored as a tag on purpose; keep the key, as IndexedDB did.
    Object.defineProperty(out, k, { value: decoded, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The Beijing calendar date of a backup timestamp (rotation counts days in Beijing time). */
export const backupDateOf = (createdAt: string): string => createdAt.slice(0, 10);
