/**
 * Automatic backups in `<userData>/backups/`: written atomically (atomic-write.ts: temp → fsync → rename),
 * checked before they are written (a damaged backup is worse than none: it looks like a safety net),
 * listed from their header lines, and rotated by `selectBackupsToKeep`.
 *
 * Rotation only ever deletes files this module wrote and can read: anything else in the folder (a file the
 * clerk put there, a backup from a newer version) is left alone.
 */
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import {
  BACKUP_EXTENSION,
  BACKUP_ID_PATTERN,
  backupDateOf,
  checkBackupIntegrity,
  DEFAULT_BACKUP_POLICY,
  POLICY_LIMITS,
  readBackupHeader,
  selectBackupsToKeep,
  type BackupInfo,
  type BackupKind,
  type BackupPolicy,
  type BackupStatus,
} from '../../../shared/ipc';
import { writeFileAtomic, type AtomicFs } from '../atomic-write';
import { HandlerError } from '../errors';

export interface BackupFs extends AtomicFs {
  readdir(dir: string): Promise<string[]>;
  readFile(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<{ readonly size: number; isFile(): boolean }>;
  unlink(path: string): Promise<void>;
}

export const BACKUP_MESSAGES_MAIN = {
  rejected: (why: string) => `备份没有保存：${why}`,
  writeFailed: '备份没有写入数据文件夹（原有备份未受影响）。请检查磁盘空间后重试。',
  notFound: '找不到这个备份文件，可能已被自动清理或删除。请刷新备份列表后重新选择。',
  readFailed: '无法读取这个备份文件。请检查数据文件夹是否可以访问，然后重试。',
  listFailed: '无法读取备份文件夹。请检查数据文件夹是否可以访问，然后重试。',
  policyFailed: '备份保留设置没有保存。请检查磁盘空间后重试。',
} as const;

/** Kinds rotated by the day/week policy; the others keep their newest few (they are rarer and deliberate). */
const ROTATED: ReadonlySet<BackupKind> = new Set(['daily']);
export const KEEP_OTHER_KINDS = 5;

const POLICY_FILE = 'policy.json';

export interface BackupStoreOptions {
  readonly fs?: BackupFs;
  /** `<userData>/backups`. */
  readonly dir: string;
  /** Beijing date of "now", for rotation. */
  readonly today: () => string;
  /** Reads the first bytes of a file (the header line) and its size; default: node:fs. */
  readonly readHead?: (path: string, maxBytes: number) => Promise<{ head: Uint8Array; size: number }>;
}

/** Listing needs only the header line: read that much, not the whole (possibly large) backup. */
async function readHeadFromDisk(file: string, maxBytes: number): Promise<{ head: Uint8Array; size: number }> {
  const handle = await nodeFs.open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const buffer = new Uint8Array(Math.min(maxBytes, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { head: buffer.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}

const HEADER_READ_BYTES = 64 * 1024;

export interface BackupStore {
  status(): Promise<BackupStatus>;
  list(): Promise<BackupInfo[]>;
  write(bytes: Uint8Array): Promise<BackupInfo>;
  read(id: string): Promise<Uint8Array>;
  setPolicy(policy: BackupPolicy): Promise<BackupStatus>;
}

/** `huiwen-20261127-090500123-daily.hwbak`: sorts by time, says what it is, matches BACKUP_ID_PATTERN. */
export function backupFileName(createdAt: string, kind: BackupKind, collision = 0): string {
  const digits = createdAt.slice(0, 23).replace(/[^0-9]/g, ''); // YYYYMMDDHHmmssSSS
  const name = `huiwen-${digits.slice(0, 8)}-${digits.slice(8)}-${kind}${collision > 0 ? `-${collision}` : ''}.${BACKUP_EXTENSION}`;
  return name;
}

function validPolicy(raw: unknown): BackupPolicy | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { daily, weekly } = raw as { daily?: unknown; weekly?: unknown };
  const inRange = (v: unknown, r: { min: number; max: number }): v is number =>
    typeof v === 'number' && Number.isInteger(v) && v >= r.min && v <= r.max;
  return inRange(daily, POLICY_LIMITS.daily) && inRange(weekly, POLICY_LIMITS.weekly)
    ? { daily, weekly }
    : undefined;
}

export function createBackupStore(options: BackupStoreOptions): BackupStore {
  const fs: BackupFs = options.fs ?? nodeFs;
  const dir = options.dir;
  const readHead =
    options.readHead ??
    (options.fs
      ? async (file: string) => {
          const bytes = await fs.readFile(file);
          return { head: bytes, size: bytes.byteLength };
        }
      : readHeadFromDisk);
  // One write at a time: rotation must not race a second write's listing.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  async function readPolicy(): Promise<BackupPolicy> {
    try {
      const text = new TextDecoder().decode(await fs.readFile(path.join(dir, POLICY_FILE)));
      return validPolicy(JSON.parse(text)) ?? DEFAULT_BACKUP_POLICY;
    } catch {
      return DEFAULT_BACKUP_POLICY;
    }
  }

  async function list(): Promise<BackupInfo[]> {
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch (e) {
      if ((e as { code?: unknown }).code === 'ENOENT') return [];
      throw new HandlerError('io-failed', BACKUP_MESSAGES_MAIN.listFailed);
    }
    const infos: BackupInfo[] = [];
    for (const id of names.filter((n) => BACKUP_ID_PATTERN.test(n))) {
      try {
        const { head, size } = await readHead(path.join(dir, id), HEADER_READ_BYTES);
        const header = readBackupHeader(head);
        if (header.ok) infos.push({ id, sizeBytes: size, header: header.value });
      } catch {
        // Vanished or unreadable between readdir and read: not listed, not deleted.
      }
    }
    return infos.sort((a, b) =>
      a.header.createdAt < b.header.createdAt
        ? 1
        : a.header.createdAt > b.header.createdAt
          ? -1
          : a.id < b.id
            ? 1
            : -1,
    );
  }

  async function status(): Promise<BackupStatus> {
    const [all, policy] = await Promise.all([list(), readPolicy()]);
    const daily = all.find((b) => b.header.kind === 'daily');
    return {
      folder: dir,
      policy,
      lastDailyDate: daily ? backupDateOf(daily.header.createdAt) : null,
      count: all.length,
      totalBytes: all.reduce((n, b) => n + b.sizeBytes, 0),
    };
  }

  /** Deletes what the policy no longer keeps. A failed delete is retried at the next rotation. */
  async function rotate(): Promise<void> {
    const all = await list();
    const policy = await readPolicy();
    const keep = new Set<string>();
    const rotated = all.filter((b) => ROTATED.has(b.header.kind));
    for (const id of selectBackupsToKeep(
      rotated.map((b) => ({ id: b.id, createdAt: b.header.createdAt })),
      options.today(),
      policy,
    )) {
      keep.add(id);
    }
    const byKind = new Map<BackupKind, BackupInfo[]>();
    for (const b of all.filter((x) => !ROTATED.has(x.header.kind))) {
      byKind.set(b.header.kind, [...(byKind.get(b.header.kind) ?? []), b]);
    }
    for (const group of byKind.values()) for (const b of group.slice(0, KEEP_OTHER_KINDS)) keep.add(b.id);
    for (const b of all) {
      if (keep.has(b.id)) continue;
      try {
        await fs.unlink(path.join(dir, b.id));
      } catch {
        // Left for the next rotation.
      }
    }
  }

  return {
    status,
    list,

    write: (bytes) =>
      serial(async () => {
        const checked = checkBackupIntegrity(bytes);
        if (!checked.ok)
          throw new HandlerError('invalid-payload', BACKUP_MESSAGES_MAIN.rejected(checked.message));
        const header = checked.value;
        let id = '';
        try {
          await fs.mkdir(dir, { recursive: true });
          const existing = new Set(await fs.readdir(dir));
          for (let n = 0; n < 1000; n++) {
            id = backupFileName(header.createdAt, header.kind, n);
            if (!existing.has(id)) break;
          }
          await writeFileAtomic(fs, path.join(dir, id), bytes);
        } catch {
          throw new HandlerError('io-failed', BACKUP_MESSAGES_MAIN.writeFailed);
        }
        await rotate().catch(() => undefined);
        return { id, sizeBytes: bytes.byteLength, header };
      }),

    async read(id) {
      if (!BACKUP_ID_PATTERN.test(id))
        throw new HandlerError('invalid-payload', BACKUP_MESSAGES_MAIN.notFound);
      try {
        const data = await fs.readFile(path.join(dir, id));
        return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      } catch (e) {
        const missing = (e as { code?: unknown }).code === 'ENOENT';
        throw new HandlerError(
          'io-failed',
          missing ? BACKUP_MESSAGES_MAIN.notFound : BACKUP_MESSAGES_MAIN.readFailed,
        );
      }
    },

    setPolicy: (policy) =>
      serial(async () => {
        const checked = validPolicy(policy);
        if (!checked) throw new HandlerError('invalid-payload', BACKUP_MESSAGES_MAIN.policyFailed);
        try {
          await fs.mkdir(dir, { recursive: true });
          await writeFileAtomic(
            fs,
            path.join(dir, POLICY_FILE),
            new TextEncoder().encode(JSON.stringify(checked)),
          );
        } catch {
          throw new HandlerError('io-failed', BACKUP_MESSAGES_MAIN.policyFailed);
        }
        await rotate().catch(() => undefined);
        return status();
      }),
  };
}
