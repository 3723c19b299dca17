/**
 * A large file written into a granted folder (the clerk's USB stick) in chunks the renderer sends one by one,
 * so the page can show a real progress bar; nothing but ids, bytes and numbers crosses IPC.
 *
 * Same crash-safety as atomic-write.ts: chunks go to a temp file beside the destination; `finish` checks the
 * length and SHA-256 of what arrived, fsyncs, and renames it into place. Until then the destination keeps
 * its old content (or stays absent); `abort`, or a failure anywhere, removes the temp file.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ExportReport } from '../../../shared/ipc';
import { tempPathFor, type AtomicFs, type FileHandleLike } from '../atomic-write';
import { HandlerError } from '../errors';
import { isInside } from '../protocol';

export const EXPORT_MESSAGES = {
  unknownExport: '这次导出已结束或已取消。请重新开始导出。',
  tooMuch: '收到的数据比预告的多，导出已取消。请重新导出。',
  incomplete: (got: number, want: number) =>
    `导出不完整（收到 ${got} / ${want} 字节），已取消，目标文件未改动。请重新导出。`,
  hashMismatch: '写入的数据与校验值不符，导出已取消，目标文件未改动。请重新导出。',
  writeFailed: '写入失败，导出已取消，目标文件未改动。请检查 U 盘是否已拔出、空间是否足够，然后重新导出。',
} as const;

interface OpenExport {
  readonly temp: string;
  readonly destination: string;
  readonly relativePath: string;
  readonly displayPath: string;
  readonly totalBytes: number;
  readonly handle: FileHandleLike;
  readonly hash: ReturnType<typeof createHash>;
  written: number;
}

export interface ChunkedExports {
  begin(root: string, displayRoot: string, relativePath: string, totalBytes: number): Promise<string>;
  chunk(exportId: string, bytes: Uint8Array): Promise<number>;
  finish(exportId: string, sha256: string): Promise<ExportReport>;
  abort(exportId: string): Promise<void>;
}

export function createChunkedExports(fs: AtomicFs, newId: () => string = randomUUID): ChunkedExports {
  const open = new Map<string, OpenExport>();

  async function discard(id: string, ex: OpenExport): Promise<void> {
    open.delete(id);
    await ex.handle.close().catch(() => undefined);
    await fs.unlink(ex.temp).catch(() => undefined);
  }

  const get = (id: string): OpenExport => {
    const ex = open.get(id);
    if (!ex) throw new HandlerError('io-failed', EXPORT_MESSAGES.unknownExport);
    return ex;
  };

  return {
    async begin(root, displayRoot, relativePath, totalBytes) {
      const segments = relativePath.split('/');
      try {
        const realRoot = await fs.realpath(root);
        const destination = path.join(realRoot, ...segments);
        await fs.mkdir(path.dirname(destination), { recursive: true });
        const realParent = await fs.realpath(path.dirname(destination));
        if (!isInside(realRoot, realParent)) throw new Error('escapes the granted folder');
        const target = path.join(realParent, path.basename(destination));
        const temp = tempPathFor(target, randomBytes(6).toString('hex'));
        const handle = await fs.open(temp, 'wx');
        const id = newId();
        open.set(id, {
          temp,
          destination: target,
          relativePath,
          displayPath: path.join(displayRoot, ...segments),
          totalBytes,
          handle,
          hash: createHash('sha256'),
          written: 0,
        });
        return id;
      } catch {
        throw new HandlerError('io-failed', EXPORT_MESSAGES.writeFailed);
      }
    },

    async chunk(exportId, bytes) {
      const ex = get(exportId);
      if (ex.written + bytes.byteLength > ex.totalBytes) {
        await discard(exportId, ex);
        throw new HandlerError('io-failed', EXPORT_MESSAGES.tooMuch);
      }
      try {
        // FileHandle.writeFile writes at the current position, so successive chunks append.
        await ex.handle.writeFile(bytes);
      } catch {
        await discard(exportId, ex);
        throw new HandlerError('io-failed', EXPORT_MESSAGES.writeFailed);
      }
      ex.hash.update(bytes);
      ex.written += bytes.byteLength;
      return ex.written;
    },

    async finish(exportId, sha256) {
      const ex = get(exportId);
      if (ex.written !== ex.totalBytes) {
        await discard(exportId, ex);
        throw new HandlerError('io-failed', EXPORT_MESSAGES.incomplete(ex.written, ex.totalBytes));
      }
      if (ex.hash.digest('hex') !== sha256) {
        await discard(exportId, ex);
        throw new HandlerError('io-failed', EXPORT_MESSAGES.hashMismatch);
      }
      try {
        await ex.handle.sync();
        await ex.handle.close();
        await fs.rename(ex.temp, ex.destination);
      } catch {
        await discard(exportId, ex);
        throw new HandlerError('io-failed', EXPORT_MESSAGES.writeFailed);
      }
      open.delete(exportId);
      // Best effort, as in atomic-write.ts: the data is in place already.
      try {
        const dirHandle = await fs.open(path.dirname(ex.destination), 'r');
        await dirHandle.sync().catch(() => undefined);
        await dirHandle.close();
      } catch {
        // Windows cannot fsync folders.
      }
      return { relativePath: ex.relativePath, displayPath: ex.displayPath, totalBytes: ex.written };
    },

    async abort(exportId) {
      const ex = open.get(exportId);
      if (ex) await discard(exportId, ex);
    },
  };
}
