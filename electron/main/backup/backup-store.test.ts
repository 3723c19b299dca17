import * as nodeFs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeBackupFile, type BackupKind, type BackupPayload } from '../../../shared/ipc';
import { HandlerError } from '../errors';
import { BACKUP_MESSAGES_MAIN, backupFileName, createBackupStore, KEEP_OTHER_KINDS } from './backup-store';

let dir: string;
beforeEach(async () => {
  dir = await nodeFs.realpath(await nodeFs.mkdtemp(path.join(os.tmpdir(), 'huiwen-backups-')));
});
afterEach(async () => {
  await nodeFs.rm(dir, { recursive: true, force: true });
});

function backup(createdAt: string, kind: BackupKind = 'daily', rows = 1): Uint8Array {
  const payload: BackupPayload = {
    format: 'huiwen-backup',
    kind,
    createdAt,
    schemaVersion: 2,
    appVersion: '0.1.0',
    auditHead: null,
    unreadableTables: [],
    tables: { meetings: Array.from({ length: rows }, (_, i) => ({ id: `m${i}` })) },
  };
  return encodeBackupFile(payload);
}
const at = (day: string, time = '08:00:00.000') => `${day}T${time}+08:00`;
const backupsDir = () => path.join(dir, 'backups');

describe('backup store (real files in a temp folder)', () => {
  it('writes, lists newest first, reads back byte for byte, and reports its status', async () => {
    const store = createBackupStore({ dir: backupsDir(), today: () => '2026-11-27' });
    expect(await store.list()).toEqual([]);
    const first = backup(at('2026-11-26'));
    const second = backup(at('2026-11-27'), 'pre-restore', 3);
    const a = await store.write(first);
    const b = await store.write(second);
    expect(a.id).toBe('huiwen-20261126-080000000-daily.hwbak');
    expect((await store.list()).map((x) => x.id)).toEqual([b.id, a.id]);
    expect(await store.read(a.id)).toEqual(first);
    expect(b.header.counts).toEqual({ meetings: 3 });
    const status = await store.status();
    expect(status).toMatchObject({ lastDailyDate: '2026-11-26', count: 2, policy: { daily: 7, weekly: 4 } });
    expect(status.totalBytes).toBe(first.length + second.length);
    // Nothing but the two backups: no temp files left behind.
    expect((await nodeFs.readdir(backupsDir())).sort()).toEqual([a.id, b.id].sort());
  });

  it('refuses a damaged backup before writing it, in Chinese', async () => {
    const store = createBackupStore({ dir: backupsDir(), today: () => '2026-11-27' });
    const bytes = backup(at('2026-11-27'));
    bytes[bytes.length - 2] = (bytes[bytes.length - 2] ?? 0) ^ 1;
    const error = await store.write(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HandlerError);
    expect((error as HandlerError).message).toMatch(/^备份没有保存：.*SHA-256/);
    expect(await store.list()).toEqual([]);
  });

  it('leaves no partial backup when the disk fails mid-write', async () => {
    for (const failing of ['rename', 'sync'] as const) {
      const fs = {
        ...nodeFs,
        rename: async (a: string, b: string) => {
          if (failing === 'rename') throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
          await nodeFs.rename(a, b);
        },
        open: async (p: string, flags: string) => {
          const handle = await nodeFs.open(p, flags);
          if (failing !== 'sync' || flags !== 'wx') return handle;
          return {
            writeFile: (d: Uint8Array) => handle.writeFile(d),
            sync: async () => Promise.reject(new Error('EIO')),
            close: () => handle.close(),
          };
        },
      };
      const store = createBackupStore({ fs, dir: backupsDir(), today: () => '2026-11-27' });
      const error = await store.write(backup(at('2026-11-27'))).catch((e: unknown) => e);
      expect((error as HandlerError).message).toBe(BACKUP_MESSAGES_MAIN.writeFailed);
      expect(await nodeFs.readdir(backupsDir())).toEqual([]);
    }
  });

  it('rotates daily backups by the policy and keeps the newest few of the other kinds', async () => {
    const store = createBackupStore({ dir: backupsDir(), today: () => '2026-11-27' });
    await store.setPolicy({ daily: 2, weekly: 0 });
    for (const day of ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'])
      await store.write(backup(at(day)));
    for (let i = 0; i < KEEP_OTHER_KINDS + 2; i++) {
      await store.write(backup(at('2026-11-27', `09:00:0${i}.000`), 'pre-restore'));
    }
    const left = await store.list();
    expect(left.filter((b) => b.header.kind === 'daily').map((b) => b.header.createdAt.slice(0, 10))).toEqual(
      ['2026-11-27', '2026-11-26'],
    );
    expect(left.filter((b) => b.header.kind === 'pre-restore')).toHaveLength(KEEP_OTHER_KINDS);
    expect((await store.status()).policy).toEqual({ daily: 2, weekly: 0 });
  });

  it('never deletes files it did not write, and gives same-instant backups distinct names', async () => {
    await nodeFs.mkdir(backupsDir(), { recursive: true });
    await nodeFs.writeFile(path.join(backupsDir(), '说明.txt'), 'keep me');
    const stranger = 'huiwen-20200101-000000000-daily.hwbak';
    await nodeFs.writeFile(path.join(backupsDir(), stranger), 'not a backup');
    const store = createBackupStore({ dir: backupsDir(), today: () => '2026-11-27' });
    const a = await store.write(backup(at('2026-11-27')));
    const b = await store.write(backup(at('2026-11-27'), 'daily', 2));
    expect(b.id).toBe(backupFileName(at('2026-11-27'), 'daily', 1));
    const names = await nodeFs.readdir(backupsDir());
    expect(names).toContain('说明.txt');
    expect(names).toContain(stranger);
    // Two daily backups of one day: rotation keeps one of them.
    expect(names.filter((n) => n === a.id || n === b.id)).toHaveLength(1);
  });

  it('reads only its own file names', async () => {
    const store = createBackupStore({ dir: backupsDir(), today: () => '2026-11-27' });
    for (const id of ['../audit-head.json', 'huiwen-20261127-080000000-daily.hwbak']) {
      const error = await store.read(id).catch((e: unknown) => e);
      expect((error as HandlerError).message).toBe(BACKUP_MESSAGES_MAIN.notFound);
    }
  });
});
