/**
 * Backups of the local store: export every table to a backup file (shared/ipc/backup-file.ts), check a
 * backup before restoring it (hash, schema, audit chain), and replace the whole store in ONE transaction.
 *
 * Hand-written over `db.tables` rather than dexie-export-import: no new dependency, the file format is ours
 * (header line with SHA-256 and audit head, which main checks and lists), and restore is a single Dexie
 * transaction we control — the addon imports table by table.
 */
import { Dexie, type Table } from 'dexie';
import { shanghaiTimestamp, verifyAuditChain, type AuditHead } from '../../shared/audit';
import {
  BlobData,
  decodeBackupFile,
  decodeBackupValue,
  encodeBackupFile,
  encodeBackupValue,
  type BackupHeader,
  type BackupJson,
  type BackupKind,
  type BackupPayload,
} from '../../shared/ipc';
import { CURRENT_SCHEMA_VERSION, DB_NAME, HuiwenDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5 } from './db';

export const RESTORE_MESSAGES = {
  newerSchema: (v: number) =>
    `这个备份来自更新版本的会文（数据格式第 ${v} 版，本机为第 ${CURRENT_SCHEMA_VERSION} 版），无法恢复。请安装最新版本的会文后再恢复。`,
  olderSchema: (v: number) =>
    `这个备份来自较早版本的会文（数据格式第 ${v} 版，本机为第 ${CURRENT_SCHEMA_VERSION} 版），未能转换为当前格式，无法恢复。请联系维护人员。`,
  tablesDiffer: (missing: readonly string[], extra: readonly string[]) =>
    `备份中的数据表与本机不一致（${[
      missing.length > 0 ? `缺少：${missing.join('、')}` : '',
      extra.length > 0 ? `多出：${extra.join('、')}` : '',
    ]
      .filter(Boolean)
      .join('；')}），无法恢复。请换一个备份文件。`,
  partial: '这是从损坏的数据中抢救导出的文件，内容不完整，不能用于恢复。请选择一个完整的备份。',
  chain: (detail: string) => `备份中的审计记录未通过校验：${detail}。这个备份不能用于恢复，请换一个备份。`,
  safetyCopyFailed: (why: string) => `恢复前没能保存当前数据的备份，为安全起见没有恢复：${why}`,
  replaceFailed: '恢复没有完成，本机数据未改动。请重试；如仍失败，请重启会文后再试。',
  unreadableStore: '本机数据无法打开，没有可以导出的内容。',
} as const;

export interface BackupMeta {
  readonly kind: BackupKind;
  readonly appVersion: string;
  readonly now?: () => Date;
}

type Rows = Record<string, unknown[]>;

/** Blobs cannot be read synchronously; turn them into bytes first (and back on restore). */
async function blobsToData(value: unknown): Promise<unknown> {
  if (typeof Blob !== 'undefined' && value instanceof Blob) {
    return new BlobData(value.type, new Uint8Array(await value.arrayBuffer()));
  }
  if (Array.isArray(value)) return Promise.all(value.map(blobsToData));
  if (
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Uint8Array) &&
    !(value instanceof Date)
  ) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await blobsToData(v);
    return out;
  }
  return value;
}

function dataToBlobs(value: unknown): unknown {
  if (value instanceof BlobData) return new Blob([value.bytes.slice()], { type: value.type });
  if (Array.isArray(value)) return value.map(dataToBlobs);
  if (
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Uint8Array) &&
    !(value instanceof Date)
  ) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = dataToBlobs(v);
    return out;
  }
  return value;
}

const headOfRows = (audit: readonly unknown[] | undefined): AuditHead | null => {
  const last = audit?.[audit.length - 1] as { sequence?: unknown; hash?: unknown } | undefined;
  return last && typeof last.sequence === 'number' && typeof last.hash === 'string'
    ? { sequence: last.sequence, hash: last.hash }
    : null;
};

async function buildFile(
  rows: Rows,
  schemaVersion: number,
  meta: BackupMeta,
  unreadableTables: readonly string[] = [],
): Promise<Uint8Array> {
  const tables: Record<string, BackupJson[]> = {};
  for (const [name, list] of Object.entries(rows)) {
    tables[name] = (await Promise.all(list.map(blobsToData))).map(encodeBackupValue);
  }
  const payload: BackupPayload = {
    format: 'huiwen-backup',
    kind: meta.kind,
    createdAt: shanghaiTimestamp((meta.now ?? (() => new Date()))()),
    schemaVersion,
    appVersion: meta.appVersion,
    auditHead: headOfRows(rows['audit']),
    unreadableTables,
    tables,
  };
  return encodeBackupFile(payload);
}

/** Every table, read in one transaction so the backup is one consistent moment of the store. */
export async function readAllTables(db: Dexie): Promise<Rows> {
  const rows: Rows = {};
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) rows[table.name] = await readTable(table);
  });
  return rows;
}

// Audit rows in chain order; everything else in primary-key order, as IndexedDB keeps them.
const readTable = (table: Table): Promise<unknown[]> =>
  table.name === 'audit' ? table.orderBy('sequence').toArray() : table.toArray();

export async function exportStore(db: HuiwenDb, meta: BackupMeta): Promise<Uint8Array> {
  return buildFile(await readAllTables(db), db.verno, meta);
}

/**
 * What can still be read of a store that does not open normally: opened without a declared schema (Dexie's
 * dynamic mode takes whatever tables exist), each table read on its own so one broken table does not
 * lose the others. The result is a `salvage` file that lists the unreadable tables; it cannot be restored
 * as is, but nothing readable is lost.
 */
export async function salvageStore(name: string, meta: Omit<BackupMeta, 'kind'>): Promise<Uint8Array> {
  const db = new Dexie(name);
  try {
    await db.open();
  } catch {
    db.close();
    throw new Error(RESTORE_MESSAGES.unreadableStore);
  }
  try {
    const rows: Rows = {};
    const unreadable: string[] = [];
    for (const table of db.tables) {
      try {
        rows[table.name] = await readTable(table);
      } catch {
        unreadable.push(table.name);
      }
    }
    return await buildFile(rows, Math.max(1, Math.round(db.verno)), { ...meta, kind: 'salvage' }, unreadable);
  } finally {
    db.close();
  }
}

export interface BackupSummary {
  readonly header: BackupHeader;
  /** Rows per table, decoded and ready to write. */
  readonly rows: Readonly<Record<string, readonly unknown[]>>;
}

export type InspectResult =
  { readonly ok: true; readonly summary: BackupSummary } | { readonly ok: false; readonly message: string };

/** The tables of the current schema, without opening any database. */
export const currentTableNames = (): string[] =>
  new HuiwenDb(`huiwen-schema-probe`).tables.map((t) => t.name).sort();

/** Checks a backup file completely before anything is touched: hash, format, schema, tables, audit chain. */
export function inspectBackup(
  bytes: Uint8Array,
  tableNames: readonly string[] = currentTableNames(),
  expectedVersion: number = CURRENT_SCHEMA_VERSION,
): InspectResult {
  const decoded = decodeBackupFile(bytes);
  if (!decoded.ok) return { ok: false, message: decoded.message };
  const { header, payload } = decoded.value;
  if (payload.unreadableTables.length > 0 || payload.kind === 'salvage') {
    return { ok: false, message: RESTORE_MESSAGES.partial };
  }
  if (payload.schemaVersion > CURRENT_SCHEMA_VERSION) {
    return { ok: false, message: RESTORE_MESSAGES.newerSchema(payload.schemaVersion) };
  }
  if (payload.schemaVersion !== expectedVersion) {
    return { ok: false, message: RESTORE_MESSAGES.olderSchema(payload.schemaVersion) };
  }
  const names = Object.keys(payload.tables);
  const missing = tableNames.filter((n) => !names.includes(n));
  const extra = names.filter((n) => !tableNames.includes(n));
  if (missing.length > 0 || extra.length > 0) {
    return { ok: false, message: RESTORE_MESSAGES.tablesDiffer(missing, extra) };
  }
  const rows: Record<string, unknown[]> = {};
  try {
    for (const [name, list] of Object.entries(payload.tables)) {
      rows[name] = list.map((row) => dataToBlobs(decodeBackupValue(row)));
    }
  } catch {
    return { ok: false, message: '备份文件的数据部分无法读取，文件可能已损坏。请换一个备份文件。' };
  }
  const verdict = verifyAuditChain(rows['audit'] ?? [], header.auditHead ?? undefined);
  if (!verdict.ok) return { ok: false, message: RESTORE_MESSAGES.chain(verdict.message) };
  if (header.auditHead === null && (rows['audit'] ?? []).length > 0) {
    return { ok: false, message: RESTORE_MESSAGES.chain('备份说明中缺少审计链头') };
  }
  return { ok: true, summary: { header, rows } };
}

/**
 * The stores of every released schema version, so a backup from before an upgrade (notably the
 * `pre-migration` one) can still be restored. Whoever adds a schema version adds it here too; a test fails
 * until they do.
 */
export const SCHEMA_HISTORY: Readonly<Record<number, Readonly<Record<string, string>>>> = {
  1: SCHEMA_V1,
  2: SCHEMA_V2,
  3: SCHEMA_V3,
  4: SCHEMA_V4,
  5: SCHEMA_V5,
};

/**
 * Like `inspectBackup`, and a backup from an older schema version is brought up to date the way the
 * store itself would be: written into a temporary database of its version, which `HuiwenDb` then opens
 * and upgrades with the real migrations, and read back. The audit chain is checked before and after.
 */
export async function inspectAnyBackup(bytes: Uint8Array): Promise<InspectResult> {
  const decoded = decodeBackupFile(bytes);
  if (!decoded.ok) return { ok: false, message: decoded.message };
  const version = decoded.value.payload.schemaVersion;
  const stores = SCHEMA_HISTORY[version];
  if (version >= CURRENT_SCHEMA_VERSION || stores === undefined) return inspectBackup(bytes);
  const older = inspectBackup(bytes, Object.keys(stores).sort(), version);
  if (!older.ok) return older;
  let rows: Rows;
  try {
    rows = await upgradeRows(version, stores, older.summary.rows);
  } catch {
    return { ok: false, message: RESTORE_MESSAGES.olderSchema(version) };
  }
  const verdict = verifyAuditChain(rows['audit'] ?? [], older.summary.header.auditHead ?? undefined);
  if (!verdict.ok) return { ok: false, message: RESTORE_MESSAGES.chain(verdict.message) };
  return { ok: true, summary: { header: older.summary.header, rows } };
}

async function upgradeRows(
  version: number,
  stores: Readonly<Record<string, string>>,
  rows: Readonly<Record<string, readonly unknown[]>>,
): Promise<Rows> {
  const name = `huiwen-upgrade-${Date.now()}-${Math.floor(Math.random() * 1e9)}`;
  try {
    const old = new Dexie(name);
    old.version(version).stores(stores);
    try {
      await old.open();
      await old.transaction('rw', old.tables, async () => {
        for (const table of old.tables) {
          const list = rows[table.name] ?? [];
          if (list.length > 0) await table.bulkAdd(list as never[]);
        }
      });
    } finally {
      old.close();
    }
    const db = new HuiwenDb(name);
    try {
      await db.open();
      return await readAllTables(db);
    } finally {
      db.close();
    }
  } finally {
    await Dexie.delete(name).catch(() => undefined);
  }
}

/** Replaces every table with the backup's rows in ONE transaction: all of it, or (on any failure) nothing. */
export async function replaceAllTables(db: HuiwenDb, summary: BackupSummary): Promise<void> {
  try {
    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) {
        await table.clear();
        const rows = summary.rows[table.name] ?? [];
        if (rows.length > 0) await table.bulkAdd(rows as never[]);
      }
    });
  } catch {
    throw new Error(RESTORE_MESSAGES.replaceFailed);
  }
}

export interface RestoreOptions extends Omit<BackupMeta, 'kind'> {
  /** Stores the safety copy of the current state (main's writeBackup); must succeed before anything changes. */
  readonly saveSafetyCopy: (bytes: Uint8Array) => Promise<{ ok: true } | { ok: false; message: string }>;
}

/**
 * The whole restore: (already inspected) → save a backup of the current state → replace in one step.
 * Returns the restored audit head, which the caller records with main.
 */
export async function restoreWithSafetyCopy(
  db: HuiwenDb,
  summary: BackupSummary,
  options: RestoreOptions,
): Promise<AuditHead | null> {
  const current = await exportStore(db, { ...options, kind: 'pre-restore' });
  const saved = await options.saveSafetyCopy(current);
  if (!saved.ok) throw new Error(RESTORE_MESSAGES.safetyCopyFailed(saved.message));
  await replaceAllTables(db, summary);
  return summary.header.auditHead;
}

/**
 * For a store that cannot be opened: delete it and rebuild it from the backup. The caller salvages what it
 * can first, and marks the restore as in progress so a crash in between shows the recovery screen again
 * instead of an empty store.
 */
export async function rebuildFromBackup(summary: BackupSummary, name: string = DB_NAME): Promise<void> {
  await Dexie.delete(name);
  const db = new HuiwenDb(name);
  try {
    await db.open();
    await replaceAllTables(db, summary);
  } finally {
    db.close();
  }
}

/**
 * Before Dexie upgrades an older database, keep a backup of it as it is: opened in dynamic mode (no schema
 * declared, so nothing is upgraded), exported, handed to `save`. Returns false when no migration is due.
 */
/** The installed schema version when opening would upgrade it; null when no upgrade is due. */
export async function migrationDue(name: string = DB_NAME): Promise<number | null> {
  if (typeof indexedDB.databases !== 'function') return null;
  const info = (await indexedDB.databases()).find((d) => d.name === name);
  const installed = Math.floor((info?.version ?? 0) / 10);
  return installed === 0 || installed >= CURRENT_SCHEMA_VERSION ? null : installed;
}

export async function backupBeforeMigration(
  save: (bytes: Uint8Array) => Promise<{ ok: true } | { ok: false; message: string }>,
  meta: Omit<BackupMeta, 'kind'>,
  name: string = DB_NAME,
): Promise<boolean> {
  const installed = await migrationDue(name);
  if (installed === null) return false;
  const db = new Dexie(name);
  let bytes: Uint8Array;
  try {
    await db.open();
    bytes = await buildFile(await readAllTables(db), installed, { ...meta, kind: 'pre-migration' });
  } finally {
    db.close();
  }
  const saved = await save(bytes);
  if (!saved.ok) throw new Error(`升级数据格式前没能保存备份，为安全起见没有升级：${saved.message}`);
  return true;
}
