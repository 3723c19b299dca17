/**
 * Crash-safe file writes: the destination either keeps its old content (or stays absent) or holds the
 * complete new content — never a half-written PDF. Temp file in the same folder (so rename is atomic on
 * the same volume) → write → fsync file → close → rename over the destination → fsync the folder
 * (best effort: Windows cannot open folders for fsync; by then the data is in place anyway).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { isInside } from './protocol';

export interface FileHandleLike {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The fs operations used; `node:fs/promises` satisfies it, tests inject failures. */
export interface AtomicFs {
  open(path: string, flags: string): Promise<FileHandleLike>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  realpath(path: string): Promise<string>;
}

export interface AtomicOptions {
  /** Random suffix source for temp names; injectable for deterministic tests. */
  readonly randomSuffix?: () => string;
}

const defaultSuffix = (): string => randomBytes(6).toString('hex');

export function tempPathFor(destination: string, suffix: string): string {
  return path.join(path.dirname(destination), `.${path.basename(destination)}.${suffix}.huiwen-tmp`);
}

async function closeQuietly(handle: FileHandleLike): Promise<void> {
  try {
    await handle.close();
  } catch {
    // Already failing; the original error is the one worth reporting.
  }
}

async function fsyncDirectory(fs: AtomicFs, dir: string): Promise<void> {
  let handle: FileHandleLike | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Not supported on Windows (EISDIR/EPERM) and on some network drives; the rename already happened.
  } finally {
    if (handle) await closeQuietly(handle);
  }
}

/** Writes `bytes` to `destination` atomically. Throws on failure, leaving no temp file behind. */
export async function writeFileAtomic(
  fs: AtomicFs,
  destination: string,
  bytes: Uint8Array,
  options: AtomicOptions = {},
): Promise<void> {
  const temp = tempPathFor(destination, (options.randomSuffix ?? defaultSuffix)());
  // 'wx': fail rather than follow a pre-planted file or symlink at the temp name.
  const handle = await fs.open(temp, 'wx');
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, destination);
  } catch (error) {
    try {
      await fs.unlink(temp);
    } catch {
      // The temp file may not exist (e.g. rename succeeded partially on an odd filesystem); nothing more to do.
    }
    throw error;
  }
  await fsyncDirectory(fs, path.dirname(destination));
}

export interface FileToWriteLike {
  readonly relativePath: string;
  readonly bytes: Uint8Array;
}

export interface MultiWriteReport {
  readonly written: readonly string[];
  readonly totalBytes: number;
}

/** Thrown when one of several files fails; `written` lists those already safely written. */
export class PartialWriteError extends Error {
  constructor(
    readonly written: readonly string[],
    readonly failedPath: string,
    readonly reason: unknown,
  ) {
    super(`writing ${failedPath} failed after ${written.length} file(s)`);
    this.name = 'PartialWriteError';
  }
}

/**
 * Writes several files under `root`, each atomically, in order. `relativePath`s were validated by the
 * IPC schema; this re-checks containment after resolving real paths, so a symlinked sub-folder cannot
 * redirect a write outside the folder the user granted.
 */
export async function writeFilesAtomic(
  fs: AtomicFs,
  root: string,
  files: readonly FileToWriteLike[],
  options: AtomicOptions = {},
): Promise<MultiWriteReport> {
  const realRoot = await fs.realpath(root);
  const written: string[] = [];
  let totalBytes = 0;
  for (const file of files) {
    try {
      const segments = file.relativePath.split('/');
      if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\'))) {
        throw new Error('invalid relative path');
      }
      const destination = path.join(realRoot, ...segments);
      const parent = path.dirname(destination);
      await fs.mkdir(parent, { recursive: true });
      const realParent = await fs.realpath(parent);
      if (!isInside(realRoot, realParent)) throw new Error('path escapes the granted folder');
      await writeFileAtomic(fs, path.join(realParent, path.basename(destination)), file.bytes, options);
    } catch (error) {
      throw new PartialWriteError(written, file.relativePath, error);
    }
    written.push(file.relativePath);
    totalBytes += file.bytes.byteLength;
  }
  return { written, totalBytes };
}
