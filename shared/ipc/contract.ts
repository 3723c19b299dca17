/**
 * The desktop bridge contract: one source of truth for what the renderer may ask of the main process.
 *
 * `HuiwenHandlers` lists the handler functions' signatures; the main process implements them
 * (`satisfies HuiwenHandlers`), and the bridge the renderer sees (`HuiwenBridge`) is derived from them:
 * same names, same arguments, results wrapped as `IpcResult` because errors cross IPC as values, not throws.
 * `ipcArgSchemas` (schemas.ts) validates every payload in main before a handler runs; this file stays free of
 * zod so the preload bundle carries nothing but channel names.
 */
import type { BackupHeader } from './backup-file';
import type { BackupPolicy } from './backup-rotation';

/** A failure the renderer can show: `message` is Chinese and meant for a clerk. */
export interface IpcError {
  readonly code: IpcErrorCode;
  readonly message: string;
}

export type IpcErrorCode =
  | 'invalid-payload'
  | 'forbidden-sender'
  | 'not-granted'
  | 'io-failed'
  | 'cancelled'
  | 'unknown-channel'
  | 'internal';

export type IpcResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

export interface AppInfo {
  readonly name: string;
  readonly productName: string;
  readonly version: string;
  /** 'electron' in the desktop app, 'browser' when the renderer runs in plain Chromium. */
  readonly shell: 'electron' | 'browser';
  readonly versions: Readonly<Record<string, string>>;
  readonly platform: string;
  /** Where the data lives (IndexedDB and backups), for the about page. */
  readonly dataLocation: string;
  /** The fixed origin the app is served from; IndexedDB data belongs to it. */
  readonly origin: string;
}

/** A folder the user picked in a dialog; later writes name it by `grantId`, never by path. */
export interface FolderGrant {
  readonly grantId: string;
  readonly displayPath: string;
}

export interface FileToWrite {
  /** Path inside the granted folder, '/'-separated, no '..', no absolute paths. */
  readonly relativePath: string;
  readonly bytes: Uint8Array;
}

export interface WriteReport {
  readonly written: readonly string[];
  readonly totalBytes: number;
}

export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

export interface PickedFile {
  readonly name: string;
  readonly size: number;
  readonly bytes: Uint8Array;
}

export interface SaveReport {
  readonly saved: boolean;
  /** Shown to the user ("已保存到 …"); absent when the user cancelled. */
  readonly displayPath?: string;
}

export interface RemovableDrive {
  readonly label: string;
  readonly mountPath: string;
}

// ---- Backups (docs/backup.md). Types only here: the format code lives in backup-file.ts. ----

/** One backup in the data folder's backups/ (the id is its file name there). */
export interface BackupInfo {
  readonly id: string;
  readonly sizeBytes: number;
  readonly header: BackupHeader;
}

export interface BackupStatus {
  /** Where automatic backups are kept, for display. */
  readonly folder: string;
  readonly policy: BackupPolicy;
  /** Beijing date (YYYY-MM-DD) of the newest daily backup; null when there is none yet. */
  readonly lastDailyDate: string | null;
  readonly count: number;
  readonly totalBytes: number;
}

/** Result of a chunked export once its file is in place. */
export interface ExportReport {
  readonly relativePath: string;
  readonly displayPath: string;
  readonly totalBytes: number;
}

/** The audit chain head as main last recorded it beside the data (audit-head.json). */
export interface RecordedAuditHead {
  /** 0 with the genesis hash for an empty chain. */
  readonly sequence: number;
  readonly hash: string;
  readonly writtenAt: string;
}

// ---- PDF fonts and printing (docs/pdf.md). Added later, backward compatible: nothing above changed. ----

/** The 公文 font roles, as shared/pdf names them (仿宋, 小标宋, 黑体, 楷体, 宋体). */
export type PdfFontRole = 'fangsong' | 'xiaobiaosong' | 'heiti' | 'kaiti' | 'songti';

/** One font face found on the PC (or bundled with the app), with the roles it serves. */
export interface SystemFontFace {
  /** Identity of the face (file + collection index): roles naming the same id share it. */
  readonly id: string;
  readonly family: string;
  /** File name only (the path stays in main). */
  readonly fileName: string;
  readonly roles: readonly PdfFontRole[];
  /** True when the face stands in for the roles (e.g. Noto Serif SC for 仿宋). */
  readonly standIn: boolean;
  readonly source: 'system' | 'bundled';
  /** One SFNT (collections are split by main), ready for the PDF engine. */
  readonly bytes: Uint8Array;
}

export type PrintDuplex = 'simplex' | 'long-edge' | 'short-edge';

export interface PrintOptions {
  /** 'long-edge' for GB/T 9704 documents, whose page numbers alternate right/left. */
  readonly duplex: PrintDuplex;
  /** Shown in the print queue. */
  readonly jobName: string;
}

export interface PrintReport {
  /** False when the user cancelled the print dialog. */
  readonly printed: boolean;
}

/** The handler functions of the main process. Every bridge method is derived from these. */
export interface HuiwenHandlers {
  appInfo(): Promise<AppInfo>;
  chooseFolder(title: string): Promise<FolderGrant | null>;
  writeFilesAtomic(grantId: string, files: readonly FileToWrite[]): Promise<WriteReport>;
  saveFile(suggestedName: string, bytes: Uint8Array, filters: readonly FileFilter[]): Promise<SaveReport>;
  openFile(title: string, filters: readonly FileFilter[]): Promise<PickedFile | null>;
  listRemovableDrives(): Promise<readonly RemovableDrive[]>;
  // Added for backups (backward compatible: the methods above are unchanged).
  backupStatus(): Promise<BackupStatus>;
  listBackups(): Promise<readonly BackupInfo[]>;
  /** Stores a backup file (checked first: header, length, SHA-256) and rotates the automatic ones. */
  writeBackup(bytes: Uint8Array): Promise<BackupInfo>;
  readBackup(id: string): Promise<Uint8Array>;
  setBackupPolicy(policy: BackupPolicy): Promise<BackupStatus>;
  /** A file written in chunks into a granted folder (progress bar): begin → chunk… → finish (or abort). */
  beginExport(grantId: string, relativePath: string, totalBytes: number): Promise<string>;
  writeExportChunk(exportId: string, bytes: Uint8Array): Promise<number>;
  finishExport(exportId: string, sha256: string): Promise<ExportReport>;
  abortExport(exportId: string): Promise<void>;
  recordAuditHead(sequence: number, hash: string): Promise<RecordedAuditHead>;
  recordedAuditHead(): Promise<RecordedAuditHead | null>;
  // Added for PDFs (backward compatible).
  /** The PC's own role fonts (仿宋_GB2312, 方正小标宋, 黑体, 楷体, 宋体); roles without one are absent. */
  systemFonts(): Promise<readonly SystemFontFace[]>;
  /** Prints a PDF, exactly its pages, through the OS print dialog; main keeps the file only in the data folder. */
  printPdf(bytes: Uint8Array, options: PrintOptions): Promise<PrintReport>;
  // Added for packet export's read-back check (backward compatible: nothing above changed).
  /**
   * Reads back a file in a folder granted this session (the path stays inside it: no '..', no absolute
   * paths, no symlink leading out). Capped at READ_GRANTED_MAX_BYTES, the packet size limit of one IPC
   * message; larger files are refused with a Chinese message.
   */
  readGrantedFile(grantId: string, relativePath: string): Promise<Uint8Array>;
}

/** Largest file `readGrantedFile` returns: 200 MiB, as `openFile` and one packet entry. */
export const READ_GRANTED_MAX_BYTES = 200 * 1024 * 1024;

export type IpcMethod = keyof HuiwenHandlers;

/** What the renderer sees: the handlers' signatures with results wrapped in `IpcResult`. */
export type HuiwenBridge = {
  readonly [K in IpcMethod]: (
    ...args: Parameters<HuiwenHandlers[K]>
  ) => Promise<IpcResult<Awaited<ReturnType<HuiwenHandlers[K]>>>>;
};

export const IPC_CHANNEL_PREFIX = 'huiwen:';
export const ipcChannel = (method: IpcMethod): string => `${IPC_CHANNEL_PREFIX}${method}`;

/** Every bridge method; the `satisfies` line fails to compile when the list and the handlers drift apart. */
export const IPC_METHODS = [
  'appInfo',
  'chooseFolder',
  'writeFilesAtomic',
  'saveFile',
  'openFile',
  'listRemovableDrives',
  'backupStatus',
  'listBackups',
  'writeBackup',
  'readBackup',
  'setBackupPolicy',
  'beginExport',
  'writeExportChunk',
  'finishExport',
  'abortExport',
  'recordAuditHead',
  'recordedAuditHead',
  'systemFonts',
  'printPdf',
  'readGrantedFile',
] as const satisfies readonly IpcMethod[];

type MissingMethods = Exclude<IpcMethod, (typeof IPC_METHODS)[number]>;
const _everyMethodListed: MissingMethods extends never ? true : never = true;
void _everyMethodListed;
