/**
 * The real bridge handlers, over injected dependencies (dialogs, app info, drives, fs) so they run in
 * plain Node: unit tests and the browser e2e suite call `createHandlers` with fake dialogs.
 * No runtime import of electron here.
 *
 * Folder access is capability-style: `chooseFolder` returns a random grant id and keeps the path in
 * main; the renderer can only write into folders the user picked in this session.
 */
import { randomUUID } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { shanghaiTimestamp } from '../../shared/audit';
import { READ_GRANTED_MAX_BYTES } from '../../shared/ipc';
import type {
  AppInfo,
  BackupInfo,
  BackupPolicy,
  BackupStatus,
  ExportReport,
  FileFilter,
  FolderGrant,
  HuiwenHandlers,
  PickedFile,
  PrintOptions,
  PrintReport,
  RecordedAuditHead,
  RemovableDrive,
  SaveReport,
  SystemFontFace,
  WriteReport,
} from '../../shared/ipc';
import { PartialWriteError, writeFileAtomic, writeFilesAtomic, type AtomicFs } from './atomic-write';
import { readAuditHeadFile, writeAuditHeadFile } from './audit-head';
import { createBackupStore, type BackupStore } from './backup/backup-store';
import { createChunkedExports } from './backup/chunked-export';
import { HandlerError } from './errors';
import { isInside } from './protocol';

export interface HandlerDeps {
  readonly appInfo: () => AppInfo;
  /** Absolute path, or null if the user cancelled. */
  readonly pickFolder: (title: string) => Promise<string | null>;
  readonly pickSavePath: (suggestedName: string, filters: readonly FileFilter[]) => Promise<string | null>;
  readonly pickOpenPath: (title: string, filters: readonly FileFilter[]) => Promise<string | null>;
  readonly listRemovableDrives?: () => Promise<readonly RemovableDrive[]>;
  /** Optional overrides, for tests (fault injection); default is node:fs/promises. */
  readonly fs?: HandlerFs;
  readonly newGrantId?: () => string;
  /** Largest file `openFile` reads into memory. */
  readonly maxOpenBytes?: number;
  /**
   * The data folder (Electron's userData): automatic backups go to `backups/` in it, the audit head to
   * `audit-head.json`. Without it (older test setups) the backup methods say so in Chinese.
   */
  readonly userDataDir?: string;
  /** Beijing date for backup rotation; tests pin it. */
  readonly today?: () => string;
  readonly now?: () => Date;
  /**
   * The PC's own role fonts (system-fonts.ts). Absent (tests, the e2e relay) means none: the renderer then
   * uses the fonts bundled with the app.
   */
  readonly systemFonts?: () => Promise<readonly SystemFontFace[]>;
  /**
   * Shows the OS print dialog for the PDF file at `path` (in Electron: a hidden window's webContents.print);
   * resolves false when the user cancelled. Absent: printing is not available in this shell.
   */
  readonly printFile?: (path: string, options: PrintOptions) => Promise<boolean>;
}

export interface HandlerFs extends AtomicFs {
  stat(path: string): Promise<{ isDirectory(): boolean; isFile(): boolean; readonly size: number }>;
  readFile(path: string): Promise<Uint8Array>;
  readdir(path: string): Promise<string[]>;
}

export const BACKUP_FOLDER_NAME = 'backups';
/** PDFs being printed are written here, inside the data folder, and removed after the dialog closes. */
export const PRINT_FOLDER_NAME = 'print';

export const DEFAULT_MAX_OPEN_BYTES = 200 * 1024 * 1024;

const formatSize = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;

export const HANDLER_MESSAGES = {
  notGranted: '没有这个文件夹的写入授权（可能会文已重新打开）。请重新选择保存文件夹后再试。',
  folderMissing: '选择的文件夹不存在或无法访问。请重新选择一个文件夹。',
  notAbsolute: '保存位置无效。请重新选择保存位置。',
  tooLarge: (limitBytes: number) => `文件超过 ${formatSize(limitBytes)}，无法打开。请选择较小的文件。`,
  notAFile: '选择的不是文件。请重新选择。',
  readFailed: '无法读取这个文件：可能已被移动、删除或正被其他程序占用。请关闭其他程序后重试。',
  saveFailed: '文件没有保存成功，原文件未被改动。请检查磁盘空间、U 盘是否已拔出或是否有写入权限，然后重试。',
  noDataFolder: '这个版本的会文没有设置数据文件夹，无法使用备份。请使用会文桌面版。',
  noPrinting: '这个版本的会文不能直接打印。请先“保存 PDF”，再用 PDF 阅读器打开并打印。',
  printFailed: '打印没有成功：未能把文件交给打印程序。请检查打印机是否连接、磁盘是否已满，然后重试。',
  readBackMissing: '刚写入的文件读不回来：可能 U 盘已拔出或文件被其他程序移走。请检查 U 盘后重新导出。',
  readBackOutside:
    '要读取的文件不在所选文件夹内（可能是指向别处的快捷方式），已拒绝读取。请重新选择文件夹后再导出。',
  partialWrite: (written: number, failed: string) =>
    `已写入 ${written} 个文件，“${failed}”未能写入，其余文件未写。请检查磁盘空间或 U 盘是否已拔出，然后重新导出。`,
} as const;

export function createHandlers(deps: HandlerDeps): HuiwenHandlers {
  const fs: HandlerFs = deps.fs ?? nodeFs;
  const newGrantId = deps.newGrantId ?? randomUUID;
  const maxOpenBytes = deps.maxOpenBytes ?? DEFAULT_MAX_OPEN_BYTES;
  const grants = new Map<string, string>();
  const displayPaths = new Map<string, string>();
  const now = deps.now ?? (() => new Date());
  const today = deps.today ?? (() => shanghaiTimestamp(now()).slice(0, 10));
  const backups: BackupStore | undefined =
    deps.userDataDir !== undefined
      ? createBackupStore({ fs, dir: path.join(deps.userDataDir, BACKUP_FOLDER_NAME), today })
      : undefined;
  const exports = createChunkedExports(fs);
  const backupStore = (): BackupStore => {
    if (!backups) throw new HandlerError('io-failed', HANDLER_MESSAGES.noDataFolder);
    return backups;
  };
  const userData = (): string => {
    if (deps.userDataDir === undefined) throw new HandlerError('io-failed', HANDLER_MESSAGES.noDataFolder);
    return deps.userDataDir;
  };

  return {
    async appInfo(): Promise<AppInfo> {
      return deps.appInfo();
    },

    async chooseFolder(title: string): Promise<FolderGrant | null> {
      const picked = await deps.pickFolder(title);
      if (picked === null) return null;
      if (!path.isAbsolute(picked)) throw new HandlerError('io-failed', HANDLER_MESSAGES.folderMissing);
      let real: string;
      try {
        real = await fs.realpath(picked);
        if (!(await fs.stat(real)).isDirectory()) throw new Error('not a directory');
      } catch {
        throw new HandlerError('io-failed', HANDLER_MESSAGES.folderMissing);
      }
      const grantId = newGrantId();
      grants.set(grantId, real);
      displayPaths.set(grantId, picked);
      return { grantId, displayPath: picked };
    },

    async writeFilesAtomic(grantId: string, files): Promise<WriteReport> {
      const root = grants.get(grantId);
      if (root === undefined) throw new HandlerError('not-granted', HANDLER_MESSAGES.notGranted);
      try {
        return await writeFilesAtomic(fs, root, files);
      } catch (error) {
        if (error instanceof PartialWriteError) {
          throw new HandlerError(
            'io-failed',
            HANDLER_MESSAGES.partialWrite(error.written.length, error.failedPath),
          );
        }
        throw new HandlerError('io-failed', HANDLER_MESSAGES.saveFailed);
      }
    },

    async saveFile(
      suggestedName: string,
      bytes: Uint8Array,
      filters: readonly FileFilter[],
    ): Promise<SaveReport> {
      const target = await deps.pickSavePath(suggestedName, filters);
      if (target === null) return { saved: false };
      if (!path.isAbsolute(target)) throw new HandlerError('io-failed', HANDLER_MESSAGES.notAbsolute);
      try {
        await writeFileAtomic(fs, target, bytes);
      } catch {
        throw new HandlerError('io-failed', HANDLER_MESSAGES.saveFailed);
      }
      return { saved: true, displayPath: target };
    },

    async openFile(title: string, filters: readonly FileFilter[]): Promise<PickedFile | null> {
      const picked = await deps.pickOpenPath(title, filters);
      if (picked === null) return null;
      let size: number;
      try {
        const stat = await fs.stat(picked);
        if (!stat.isFile()) throw new HandlerError('io-failed', HANDLER_MESSAGES.notAFile);
        size = stat.size;
      } catch (error) {
        if (error instanceof HandlerError) throw error;
        throw new HandlerError('io-failed', HANDLER_MESSAGES.readFailed);
      }
      if (size > maxOpenBytes) throw new HandlerError('io-failed', HANDLER_MESSAGES.tooLarge(maxOpenBytes));
      let data: Uint8Array;
      try {
        data = await fs.readFile(picked);
      } catch {
        throw new HandlerError('io-failed', HANDLER_MESSAGES.readFailed);
      }
      // The file may have grown between stat and read.
      if (data.byteLength > maxOpenBytes)
        throw new HandlerError('io-failed', HANDLER_MESSAGES.tooLarge(maxOpenBytes));
      // A plain Uint8Array view (not a Buffer subclass) so structured clone sends exactly the bytes.
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      return { name: path.basename(picked), size: bytes.byteLength, bytes };
    },

    async listRemovableDrives(): Promise<readonly RemovableDrive[]> {
      return deps.listRemovableDrives ? deps.listRemovableDrives() : [];
    },

    async backupStatus(): Promise<BackupStatus> {
      return backupStore().status();
    },

    async listBackups(): Promise<readonly BackupInfo[]> {
      return backupStore().list();
    },

    async writeBackup(bytes: Uint8Array): Promise<BackupInfo> {
      return backupStore().write(bytes);
    },

    async readBackup(id: string): Promise<Uint8Array> {
      return backupStore().read(id);
    },

    async setBackupPolicy(policy: BackupPolicy): Promise<BackupStatus> {
      return backupStore().setPolicy(policy);
    },

    async beginExport(grantId: string, relativePath: string, totalBytes: number): Promise<string> {
      const root = grants.get(grantId);
      if (root === undefined) throw new HandlerError('not-granted', HANDLER_MESSAGES.notGranted);
      const display = displayPaths.get(grantId) ?? root;
      return exports.begin(root, display, relativePath, totalBytes);
    },

    async writeExportChunk(exportId: string, bytes: Uint8Array): Promise<number> {
      return exports.chunk(exportId, bytes);
    },

    async finishExport(exportId: string, sha256: string): Promise<ExportReport> {
      return exports.finish(exportId, sha256);
    },

    async abortExport(exportId: string): Promise<void> {
      await exports.abort(exportId);
    },

    async recordAuditHead(sequence: number, hash: string): Promise<RecordedAuditHead> {
      return writeAuditHeadFile(fs, userData(), sequence, hash, now);
    },

    async recordedAuditHead(): Promise<RecordedAuditHead | null> {
      // No data folder means nothing was ever recorded (older test setups); the start-up check then has
      // nothing to compare, which is the truth.
      return deps.userDataDir === undefined ? null : readAuditHeadFile(fs, deps.userDataDir);
    },

    async systemFonts(): Promise<readonly SystemFontFace[]> {
      if (!deps.systemFonts) return [];
      try {
        return await deps.systemFonts();
      } catch {
        // A broken font folder must not stop printing: the bundled fonts stand in.
        return [];
      }
    },

    async printPdf(bytes: Uint8Array, options: PrintOptions): Promise<PrintReport> {
      if (!deps.printFile) throw new HandlerError('io-failed', HANDLER_MESSAGES.noPrinting);
      // The print window needs a file; it goes to the data folder only, under a name main chose.
      const file = path.join(userData(), PRINT_FOLDER_NAME, `${newGrantId()}.pdf`);
      try {
        await fs.mkdir(path.dirname(file), { recursive: true });
        await writeFileAtomic(fs, file, bytes);
      } catch {
        throw new HandlerError('io-failed', HANDLER_MESSAGES.printFailed);
      }
      try {
        return { printed: await deps.printFile(file, options) };
      } catch {
        throw new HandlerError('io-failed', HANDLER_MESSAGES.printFailed);
      } finally {
        await fs.unlink(file).catch(() => undefined);
      }
    },

    async readGrantedFile(grantId: string, relativePath: string): Promise<Uint8Array> {
      const root = grants.get(grantId);
      if (root === undefined) throw new HandlerError('not-granted', HANDLER_MESSAGES.notGranted);
      // Same containment rule as writeFilesAtomic, but on the file itself: realpath follows every symlink
      // (folders and the file), so a link planted on the stick cannot make us read outside the grant.
      const segments = relativePath.split('/');
      if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\')))
        throw new HandlerError('invalid-payload', HANDLER_MESSAGES.readBackOutside);
      let realRoot: string;
      let real: string;
      try {
        realRoot = await fs.realpath(root);
        real = await fs.realpath(path.join(realRoot, ...segments));
      } catch {
        throw new HandlerError('io-failed', HANDLER_MESSAGES.readBackMissing);
      }
      if (!isInside(realRoot, real) || real === realRoot)
        throw new HandlerError('not-granted', HANDLER_MESSAGES.readBackOutside);
      let size: number;
      try {
        const stat = await fs.stat(real);
        if (!stat.isFile()) throw new HandlerError('io-failed', HANDLER_MESSAGES.notAFile);
        size = stat.size;
      } catch (error) {
        if (error instanceof HandlerError) throw error;
        throw new HandlerError('io-failed', HANDLER_MESSAGES.readBackMissing);
      }
      if (size > READ_GRANTED_MAX_BYTES)
        throw new HandlerError('io-failed', HANDLER_MESSAGES.tooLarge(READ_GRANTED_MAX_BYTES));
      let data: Uint8Array;
      try {
        data = await fs.readFile(real);
      } catch {
        throw new HandlerError('io-failed', HANDLER_MESSAGES.readBackMissing);
      }
      if (data.byteLength > READ_GRANTED_MAX_BYTES)
        throw new HandlerError('io-failed', HANDLER_MESSAGES.tooLarge(READ_GRANTED_MAX_BYTES));
      return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    },
  } satisfies HuiwenHandlers;
}
