/**
 * The bridge when the renderer runs in plain Chromium (browser preview, e2e without relay).
 * Real where a browser can be: folders through the File System Access API, saving as a download,
 * opening through a file input. The browser globals are injected (`BrowserEnv`) so this file is pure
 * and its error mapping can be tested in Node with in-memory fakes.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { BUNDLED_FONT_URL_DIR, BUNDLED_FONTS, ipcArgSchemas, READ_GRANTED_MAX_BYTES } from '../../shared/ipc';
import type {
  AppInfo,
  BackupInfo,
  BackupPolicy,
  BackupStatus,
  ExportReport,
  FileFilter,
  FileToWrite,
  FolderGrant,
  HuiwenBridge,
  IpcResult,
  PickedFile,
  PrintOptions,
  PrintReport,
  RecordedAuditHead,
  RemovableDrive,
  SaveReport,
  SystemFontFace,
  WriteReport,
} from '../../shared/ipc';
import { browserErrorToIpcError, fail, invalidPayloadMessage, ok } from './errors';

/** The parts of a writable file stream we use; `createWritable` writes a swap file and moves it on close. */
export interface WritableLike {
  write(data: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}
export interface FileHandleLike {
  createWritable(): Promise<WritableLike>;
  /** The file as stored now (the read-back check after a packet export); absent in very old fakes. */
  getFile?(): Promise<PickedFileLike>;
}
export interface DirectoryHandleLike {
  readonly name: string;
  getDirectoryHandle(name: string, options: { create: boolean }): Promise<DirectoryHandleLike>;
  getFileHandle(name: string, options: { create: boolean }): Promise<FileHandleLike>;
}
export interface PickedFileLike {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface BrowserEnv {
  readonly origin: string;
  readonly version: string;
  readonly platform: string;
  readonly versions: Readonly<Record<string, string>>;
  /** File System Access API; undefined where the browser lacks it (Firefox, Safari). */
  readonly showDirectoryPicker:
    ((options: { mode: 'readwrite' }) => Promise<DirectoryHandleLike>) | undefined;
  /** Starts a download of `bytes` named `name`. */
  download(name: string, bytes: Uint8Array): void;
  /** Lets the user pick one file; resolves null when they cancel. `accept` is an <input accept> value. */
  pickFile(accept: string): Promise<PickedFileLike | null>;
  /** A fresh UUID (grant ids are UUIDs by contract). */
  randomId(): string;
  /** Reads a file served with the app (relative URL); rejects when it is missing. */
  readonly fetchBytes?: (relativeUrl: string) => Promise<Uint8Array>;
  /**
   * Prints a PDF through the browser's print dialog (an iframe holding its pages); resolves when the dialog
   * closed. Absent: this browser cannot print from the app.
   */
  readonly printPdf?: (bytes: Uint8Array, options: PrintOptions) => Promise<boolean>;
}

export const BROWSER_DATA_LOCATION = 'IndexedDB（浏览器存储）';
export const BROWSER_DOWNLOADS_LABEL = '浏览器的“下载”文件夹';
/** Backups need a data folder beside IndexedDB that only the desktop app has. */
export const BROWSER_NO_BACKUPS =
  '浏览器版不支持自动备份和从备份恢复。请使用会文桌面版；在浏览器中可用“备份到文件夹”把数据保存到 U 盘。';
export const BROWSER_NO_PRINT = '当前浏览器不能直接打印。请先“保存 PDF”，再用 PDF 阅读器打开并打印。';
export const BROWSER_NO_AUDIT_HEAD = '浏览器版不在数据之外另存审计链头。请使用会文桌面版。';
const MAX_OPEN_BYTES = 200 * 1024 * 1024;

/** `<input accept>` from dialog filters: '.pdf,.json'; '*' means anything, so no accept at all. */
export function acceptFromFilters(filters: readonly FileFilter[]): string {
  const exts = filters.flatMap((f) => f.extensions);
  if (exts.length === 0 || exts.includes('*')) return '';
  return [...new Set(exts.map((e) => `.${e.toLowerCase()}`))].join(',');
}

type Schema = {
  safeParse(
    v: unknown,
  ): { success: true } | { success: false; error: { issues: readonly { message: string }[] } };
};

/** Same payload rules as the main process, so the browser gives the same answers. */
function checkArgs(schema: Schema, args: readonly unknown[]): IpcResult<never> | null {
  const parsed = schema.safeParse(args);
  return parsed.success ? null : fail('invalid-payload', invalidPayloadMessage(parsed.error.issues));
}

const GRANT_GONE = '文件夹的使用权限已失效（例如页面刷新过），请重新点击“选择文件夹”。';

/**
 * The file at `relativePath` (already checked by the schema: no '..', no absolute paths) under the granted
 * folder; `create` makes the missing folders and the file, for writes.
 */
async function fileAt(root: DirectoryHandleLike, relativePath: string, create: boolean) {
  const segments = relativePath.split('/');
  const fileName = segments.pop() as string;
  let dir = root;
  for (const seg of segments) dir = await dir.getDirectoryHandle(seg, { create });
  return dir.getFileHandle(fileName, { create });
}

async function writeOne(root: DirectoryHandleLike, file: FileToWrite): Promise<void> {
  const writable = await (await fileAt(root, file.relativePath, true)).createWritable();
  try {
    await writable.write(file.bytes);
  } catch (e) {
    // Abort discards the swap file, leaving any earlier version of the file untouched.
    await writable.abort().catch(() => undefined);
    throw e;
  }
  await writable.close();
}

export function createBrowserBridge(env: BrowserEnv): HuiwenBridge {
  // Handles live only as long as the page: a reload forgets them and the user picks again.
  const grants = new Map<string, DirectoryHandleLike>();

  const appInfo = async (): Promise<IpcResult<AppInfo>> =>
    ok({
      name: 'huiwen',
      productName: '会文',
      version: env.version,
      shell: 'browser',
      versions: env.versions,
      platform: env.platform,
      dataLocation: BROWSER_DATA_LOCATION,
      origin: env.origin,
    });

  const chooseFolder = async (title: string): Promise<IpcResult<FolderGrant | null>> => {
    const bad = checkArgs(ipcArgSchemas.chooseFolder, [title]);
    if (bad) return bad;
    if (!env.showDirectoryPicker) {
      return fail('not-granted', '当前浏览器不能选择文件夹，请使用会文桌面版，或用新版 Chrome / Edge 打开。');
    }
    try {
      const handle = await env.showDirectoryPicker({ mode: 'readwrite' });
      const grantId = env.randomId();
      grants.set(grantId, handle);
      return ok({ grantId, displayPath: handle.name });
    } catch (e) {
      const error = browserErrorToIpcError(e);
      return error.code === 'cancelled' ? ok(null) : { ok: false, error };
    }
  };

  const writeFilesAtomic = async (
    grantId: string,
    files: readonly FileToWrite[],
  ): Promise<IpcResult<WriteReport>> => {
    const bad = checkArgs(ipcArgSchemas.writeFilesAtomic, [grantId, files]);
    if (bad) return bad;
    const root = grants.get(grantId);
    if (!root) return fail('not-granted', GRANT_GONE);
    const written: string[] = [];
    let totalBytes = 0;
    for (const file of files) {
      try {
        await writeOne(root, file);
      } catch (e) {
        const error = browserErrorToIpcError(e);
        const done = written.length > 0 ? `已写入 ${written.length} 个文件，` : '';
        return fail(error.code, `写入“${file.relativePath}”时出错：${done}${error.message}`);
      }
      written.push(file.relativePath);
      totalBytes += file.bytes.byteLength;
    }
    return ok({ written, totalBytes });
  };

  const saveFile = async (
    suggestedName: string,
    bytes: Uint8Array,
    filters: readonly FileFilter[],
  ): Promise<IpcResult<SaveReport>> => {
    const bad = checkArgs(ipcArgSchemas.saveFile, [suggestedName, bytes, filters]);
    if (bad) return bad;
    try {
      env.download(suggestedName, bytes);
      return ok({ saved: true, displayPath: `${BROWSER_DOWNLOADS_LABEL}/${suggestedName}` });
    } catch (e) {
      return { ok: false, error: browserErrorToIpcError(e) };
    }
  };

  const openFile = async (
    title: string,
    filters: readonly FileFilter[],
  ): Promise<IpcResult<PickedFile | null>> => {
    const bad = checkArgs(ipcArgSchemas.openFile, [title, filters]);
    if (bad) return bad;
    try {
      const file = await env.pickFile(acceptFromFilters(filters));
      if (!file) return ok(null);
      if (file.size > MAX_OPEN_BYTES) return fail('io-failed', '文件超过 200 MiB，请选择较小的文件。');
      const bytes = new Uint8Array(await file.arrayBuffer());
      return ok({ name: file.name, size: bytes.byteLength, bytes });
    } catch (e) {
      const error = browserErrorToIpcError(e);
      return error.code === 'cancelled' ? ok(null) : { ok: false, error };
    }
  };

  const listRemovableDrives = async (): Promise<IpcResult<readonly RemovableDrive[]>> => ok([]);

  const noBackups = async (): Promise<IpcResult<never>> => fail('io-failed', BROWSER_NO_BACKUPS);

  // Chunked export into a granted folder: the File System Access writable keeps a swap file and moves it
  // into place on close(), so, as in main, the destination only changes once everything has arrived.
  interface OpenExport {
    readonly writable: WritableLike;
    readonly relativePath: string;
    readonly displayPath: string;
    readonly totalBytes: number;
    readonly hash: ReturnType<typeof sha256.create>;
    written: number;
  }
  const exportsOpen = new Map<string, OpenExport>();
  const exportGone = '这次导出已结束或已取消。请重新开始导出。';
  const discard = async (id: string, ex: OpenExport) => {
    exportsOpen.delete(id);
    await ex.writable.abort().catch(() => undefined);
  };

  const beginExport = async (
    grantId: string,
    relativePath: string,
    totalBytes: number,
  ): Promise<IpcResult<string>> => {
    const bad = checkArgs(ipcArgSchemas.beginExport, [grantId, relativePath, totalBytes]);
    if (bad) return bad;
    const root = grants.get(grantId);
    if (!root) return fail('not-granted', GRANT_GONE);
    try {
      const writable = await (await fileAt(root, relativePath, true)).createWritable();
      const id = env.randomId();
      exportsOpen.set(id, {
        writable,
        relativePath,
        displayPath: `${root.name}/${relativePath}`,
        totalBytes,
        hash: sha256.create(),
        written: 0,
      });
      return ok(id);
    } catch (e) {
      return { ok: false, error: browserErrorToIpcError(e) };
    }
  };

  const writeExportChunk = async (exportId: string, bytes: Uint8Array): Promise<IpcResult<number>> => {
    const bad = checkArgs(ipcArgSchemas.writeExportChunk, [exportId, bytes]);
    if (bad) return bad;
    const ex = exportsOpen.get(exportId);
    if (!ex) return fail('io-failed', exportGone);
    if (ex.written + bytes.byteLength > ex.totalBytes) {
      await discard(exportId, ex);
      return fail('io-failed', '收到的数据比预告的多，导出已取消。请重新导出。');
    }
    try {
      await ex.writable.write(bytes);
    } catch (e) {
      await discard(exportId, ex);
      return { ok: false, error: browserErrorToIpcError(e) };
    }
    ex.hash.update(bytes);
    ex.written += bytes.byteLength;
    return ok(ex.written);
  };

  const finishExport = async (exportId: string, sha256Hex: string): Promise<IpcResult<ExportReport>> => {
    const bad = checkArgs(ipcArgSchemas.finishExport, [exportId, sha256Hex]);
    if (bad) return bad;
    const ex = exportsOpen.get(exportId);
    if (!ex) return fail('io-failed', exportGone);
    if (ex.written !== ex.totalBytes || bytesToHex(ex.hash.digest()) !== sha256Hex) {
      await discard(exportId, ex);
      return fail('io-failed', '写入的数据不完整或与校验值不符，导出已取消，目标文件未改动。请重新导出。');
    }
    exportsOpen.delete(exportId);
    try {
      await ex.writable.close();
    } catch (e) {
      return { ok: false, error: browserErrorToIpcError(e) };
    }
    return ok({ relativePath: ex.relativePath, displayPath: ex.displayPath, totalBytes: ex.written });
  };

  const abortExport = async (exportId: string): Promise<IpcResult<void>> => {
    const bad = checkArgs(ipcArgSchemas.abortExport, [exportId]);
    if (bad) return bad;
    const ex = exportsOpen.get(exportId);
    if (ex) await discard(exportId, ex);
    return ok(undefined);
  };

  // Reads go through the same directory handle the user granted: the File System Access API cannot step
  // outside it (no '..', no symlinks), and the schema has already refused such paths.
  const readGrantedFile = async (grantId: string, relativePath: string): Promise<IpcResult<Uint8Array>> => {
    const bad = checkArgs(ipcArgSchemas.readGrantedFile, [grantId, relativePath]);
    if (bad) return bad;
    const root = grants.get(grantId);
    if (!root) return fail('not-granted', GRANT_GONE);
    try {
      const handle = await fileAt(root, relativePath, false);
      if (!handle.getFile) return fail('io-failed', '当前浏览器不能读回写入的文件，请使用会文桌面版。');
      const file = await handle.getFile();
      if (file.size > READ_GRANTED_MAX_BYTES) return fail('io-failed', '文件超过 200 MiB，无法读回核对。');
      return ok(new Uint8Array(await file.arrayBuffer()));
    } catch (e) {
      return { ok: false, error: browserErrorToIpcError(e) };
    }
  };

  // A browser cannot see the PC's fonts: the fonts bundled with the app are what it has.
  const systemFonts = async (): Promise<IpcResult<readonly SystemFontFace[]>> => {
    const fetchBytes = env.fetchBytes;
    if (!fetchBytes) return ok([]);
    try {
      const faces = await Promise.all(
        BUNDLED_FONTS.map(async (f): Promise<SystemFontFace> => ({
          id: `bundled:${f.file}`,
          family: f.family,
          fileName: f.file,
          roles: f.roles,
          standIn: true,
          source: 'bundled',
          bytes: await fetchBytes(`${BUNDLED_FONT_URL_DIR}${f.file}`),
        })),
      );
      return ok(faces);
    } catch {
      // Missing bundled fonts (a build without them): no faces; the PDF feature says which role lacks a font.
      return ok([]);
    }
  };

  const printPdf = async (bytes: Uint8Array, options: PrintOptions): Promise<IpcResult<PrintReport>> => {
    const bad = checkArgs(ipcArgSchemas.printPdf, [bytes, options]);
    if (bad) return bad;
    if (!env.printPdf) return fail('io-failed', BROWSER_NO_PRINT);
    try {
      return ok({ printed: await env.printPdf(bytes, options) });
    } catch (e) {
      return { ok: false, error: browserErrorToIpcError(e) };
    }
  };

  return Object.freeze({
    appInfo,
    chooseFolder,
    writeFilesAtomic,
    saveFile,
    openFile,
    listRemovableDrives,
    backupStatus: noBackups as () => Promise<IpcResult<BackupStatus>>,
    listBackups: noBackups as () => Promise<IpcResult<readonly BackupInfo[]>>,
    writeBackup: noBackups as (bytes: Uint8Array) => Promise<IpcResult<BackupInfo>>,
    readBackup: noBackups as (id: string) => Promise<IpcResult<Uint8Array>>,
    setBackupPolicy: noBackups as (policy: BackupPolicy) => Promise<IpcResult<BackupStatus>>,
    beginExport,
    writeExportChunk,
    finishExport,
    abortExport,
    recordAuditHead: async (): Promise<IpcResult<RecordedAuditHead>> =>
      fail('io-failed', BROWSER_NO_AUDIT_HEAD),
    // Nothing was ever recorded outside IndexedDB here, so there is nothing to compare against.
    recordedAuditHead: async (): Promise<IpcResult<RecordedAuditHead | null>> => ok(null),
    systemFonts,
    printPdf,
    readGrantedFile,
  });
}
