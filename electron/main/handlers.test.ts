import * as nodeFs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { encodeBackupFile, type AppInfo } from '../../shared/ipc';
import { HandlerError } from './errors';
import { createHandlers, HANDLER_MESSAGES, type HandlerDeps } from './handlers';

const appInfo: AppInfo = {
  name: 'huiwen',
  productName: '会文',
  version: '0.1.0',
  shell: 'electron',
  versions: { electron: '45.5.0' },
  platform: 'linux',
  dataLocation: '/home/clerk/.config/会文',
  origin: 'app://huiwen',
};

let dir: string;
beforeEach(async () => {
  dir = await nodeFs.realpath(await nodeFs.mkdtemp(path.join(os.tmpdir(), 'huiwen-handlers-')));
});
afterEach(async () => {
  await nodeFs.rm(dir, { recursive: true, force: true });
});

/** Fake dialogs: each returns the next queued answer. */
function deps(
  answers: { folder?: (string | null)[]; save?: (string | null)[]; open?: (string | null)[] },
  extra: Partial<HandlerDeps> = {},
): HandlerDeps {
  const next = (queue: (string | null)[] | undefined): Promise<string | null> =>
    Promise.resolve(queue?.shift() ?? null);
  return {
    appInfo: () => appInfo,
    pickFolder: () => next(answers.folder),
    pickSavePath: () => next(answers.save),
    pickOpenPath: () => next(answers.open),
    ...extra,
  };
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const rejection = async (p: Promise<unknown>): Promise<HandlerError> => {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HandlerError);
  return error as HandlerError;
};

describe('createHandlers', () => {
  it('returns the app info', async () => {
    expect(await createHandlers(deps({})).appInfo()).toEqual(appInfo);
  });

  it('grants a picked folder by random id and writes only into granted folders', async () => {
    const handlers = createHandlers(deps({ folder: [dir] }));
    const grant = await handlers.chooseFolder('选择导出文件夹');
    expect(grant).not.toBeNull();
    expect(grant!.displayPath).toBe(dir);
    expect(grant!.grantId).toMatch(/^[0-9a-f-]{36}$/);
    const report = await handlers.writeFilesAtomic(grant!.grantId, [
      { relativePath: '纪要/第1期.pdf', bytes: text('pdf') },
      { relativePath: 'readme.txt', bytes: text('hi') },
    ]);
    expect(report).toEqual({ written: ['纪要/第1期.pdf', 'readme.txt'], totalBytes: 5 });
    expect(await nodeFs.readFile(path.join(dir, '纪要', '第1期.pdf'), 'utf8')).toBe('pdf');
  });

  it('refuses an unknown grant id (not-granted)', async () => {
    const handlers = createHandlers(deps({}));
    const error = await rejection(
      handlers.writeFilesAtomic('3b241101-e2bb-4255-8caf-4136c566a962', [
        { relativePath: 'a', bytes: text('x') },
      ]),
    );
    expect(error.code).toBe('not-granted');
    expect(error.message).toBe(HANDLER_MESSAGES.notGranted);
  });

  it('grants are per handler instance (a restart forgets them)', async () => {
    const first = createHandlers(deps({ folder: [dir] }));
    const grant = await first.chooseFolder('x');
    const second = createHandlers(deps({}));
    expect(
      (await rejection(second.writeFilesAtomic(grant!.grantId, [{ relativePath: 'a', bytes: text('x') }])))
        .code,
    ).toBe('not-granted');
  });

  it('returns null when the folder dialog is cancelled; refuses missing or relative folders', async () => {
    const handlers = createHandlers(deps({ folder: [null, path.join(dir, 'missing'), 'relative/dir'] }));
    expect(await handlers.chooseFolder('x')).toBeNull();
    expect((await rejection(handlers.chooseFolder('x'))).message).toBe(HANDLER_MESSAGES.folderMissing);
    expect((await rejection(handlers.chooseFolder('x'))).message).toBe(HANDLER_MESSAGES.folderMissing);
  });

  it('explains a partial multi-file write', async () => {
    let renames = 0;
    const fs = {
      ...nodeFs,
      rename: async (a: string, b: string) => {
        renames += 1;
        if (renames === 2) throw new Error('ENOSPC');
        await nodeFs.rename(a, b);
      },
    };
    const handlers = createHandlers(deps({ folder: [dir] }, { fs }));
    const grant = await handlers.chooseFolder('x');
    const error = await rejection(
      handlers.writeFilesAtomic(grant!.grantId, [
        { relativePath: 'a.pdf', bytes: text('1') },
        { relativePath: 'b.pdf', bytes: text('2') },
      ]),
    );
    expect(error.code).toBe('io-failed');
    expect(error.message).toBe(HANDLER_MESSAGES.partialWrite(1, 'b.pdf'));
  });

  it('saves where the user chose, atomically, and reports the path', async () => {
    const target = path.join(dir, '通知.pdf');
    await nodeFs.writeFile(target, 'old');
    const handlers = createHandlers(deps({ save: [target, null] }));
    expect(await handlers.saveFile('通知.pdf', text('new'), [{ name: 'PDF', extensions: ['pdf'] }])).toEqual({
      saved: true,
      displayPath: target,
    });
    expect(await nodeFs.readFile(target, 'utf8')).toBe('new');
    expect(await handlers.saveFile('通知.pdf', text('x'), [])).toEqual({ saved: false });
  });

  it('reports a failed save in Chinese and leaves the old file untouched', async () => {
    const target = path.join(dir, 'a.pdf');
    await nodeFs.writeFile(target, 'old');
    const fs = { ...nodeFs, rename: async () => Promise.reject(new Error('EACCES')) };
    const handlers = createHandlers(deps({ save: [target] }, { fs }));
    const error = await rejection(handlers.saveFile('a.pdf', text('new'), []));
    expect(error.message).toBe(HANDLER_MESSAGES.saveFailed);
    expect(await nodeFs.readFile(target, 'utf8')).toBe('old');
  });

  it('opens a picked file as plain bytes', async () => {
    const file = path.join(dir, '备份.json');
    await nodeFs.writeFile(file, '{"a":1}');
    const handlers = createHandlers(deps({ open: [file, null] }));
    const picked = await handlers.openFile('打开备份', []);
    expect(picked).toMatchObject({ name: '备份.json', size: 7 });
    expect(Object.getPrototypeOf(picked!.bytes)).toBe(Uint8Array.prototype);
    expect(new TextDecoder().decode(picked!.bytes)).toBe('{"a":1}');
    expect(await handlers.openFile('打开备份', [])).toBeNull();
  });

  it('refuses files over the size limit, folders and unreadable paths', async () => {
    const big = path.join(dir, 'big.bin');
    await nodeFs.writeFile(big, new Uint8Array(2048));
    const handlers = createHandlers(
      deps({ open: [big, dir, path.join(dir, 'gone.json')] }, { maxOpenBytes: 1024 }),
    );
    expect((await rejection(handlers.openFile('x', []))).message).toBe(HANDLER_MESSAGES.tooLarge(1024));
    expect((await rejection(handlers.openFile('x', []))).message).toBe(HANDLER_MESSAGES.notAFile);
    expect((await rejection(handlers.openFile('x', []))).message).toBe(HANDLER_MESSAGES.readFailed);
  });

  it('formats the size limit for people', () => {
    expect(HANDLER_MESSAGES.tooLarge(200 * 1024 * 1024)).toContain('200 MiB');
    expect(HANDLER_MESSAGES.tooLarge(1024)).toContain('1 KiB');
  });

  it('lists removable drives when a lister is given, else none', async () => {
    expect(await createHandlers(deps({})).listRemovableDrives()).toEqual([]);
    const drives = [{ label: 'KINGSTON', mountPath: '/media/clerk/KINGSTON' }];
    expect(
      await createHandlers(deps({}, { listRemovableDrives: async () => drives })).listRemovableDrives(),
    ).toEqual(drives);
  });

  it('all messages are Chinese', () => {
    for (const m of Object.values(HANDLER_MESSAGES)) {
      const text = typeof m === 'function' ? (m as (...a: unknown[]) => string)(1, 'x') : m;
      expect(text).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('backups: without a data folder the methods say so; with one they write, list, read and rotate', async () => {
    const none = createHandlers(deps({}));
    expect((await rejection(none.backupStatus())).message).toBe(HANDLER_MESSAGES.noDataFolder);
    expect((await rejection(none.recordAuditHead(1, 'a'.repeat(64)))).message).toBe(
      HANDLER_MESSAGES.noDataFolder,
    );
    expect(await none.recordedAuditHead()).toBeNull();

    const handlers = createHandlers(deps({}, { userDataDir: dir, today: () => '2026-11-27' }));
    const bytes = encodeBackupFile({
      format: 'huiwen-backup',
      kind: 'daily',
      createdAt: '2026-11-27T08:00:00.000+08:00',
      schemaVersion: 2,
      appVersion: '0.1.0',
      auditHead: { sequence: 1, hash: 'a'.repeat(64) },
      unreadableTables: [],
      tables: { meetings: [{ id: 'm1' }] },
    });
    const info = await handlers.writeBackup(bytes);
    expect(await handlers.listBackups()).toEqual([info]);
    expect(await handlers.readBackup(info.id)).toEqual(bytes);
    expect(await nodeFs.readdir(path.join(dir, 'backups'))).toEqual([info.id]);
    expect(await handlers.backupStatus()).toMatchObject({ lastDailyDate: '2026-11-27', count: 1 });
    expect((await handlers.setBackupPolicy({ daily: 3, weekly: 1 })).policy).toEqual({ daily: 3, weekly: 1 });
  });

  it('records the audit head beside the data and reads it back', async () => {
    const handlers = createHandlers(
      deps({}, { userDataDir: dir, now: () => new Date('2026-11-27T00:00:00Z') }),
    );
    expect(await handlers.recordedAuditHead()).toBeNull();
    await handlers.recordAuditHead(5, 'c'.repeat(64));
    expect(await handlers.recordedAuditHead()).toEqual({
      sequence: 5,
      hash: 'c'.repeat(64),
      writtenAt: '2026-11-27T00:00:00.000Z',
    });
    expect(JSON.parse(await nodeFs.readFile(path.join(dir, 'audit-head.json'), 'utf8'))).toMatchObject({
      sequence: 5,
    });
  });

  it('exports in chunks only into granted folders', async () => {
    const handlers = createHandlers(deps({ folder: [dir] }));
    expect(
      (await rejection(handlers.beginExport('3b241101-e2bb-4255-8caf-4136c566a962', 'a.hwbak', 1))).code,
    ).toBe('not-granted');
    const grant = await handlers.chooseFolder('选择 U 盘');
    const data = text('备份内容');
    const id = await handlers.beginExport(grant!.grantId, '会文备份/a.hwbak', data.length);
    expect(await handlers.writeExportChunk(id, data.subarray(0, 4))).toBe(4);
    expect(await handlers.writeExportChunk(id, data.subarray(4))).toBe(data.length);
    const report = await handlers.finishExport(id, createHash('sha256').update(data).digest('hex'));
    expect(report.displayPath).toBe(path.join(dir, '会文备份', 'a.hwbak'));
    expect(await nodeFs.readFile(path.join(dir, '会文备份', 'a.hwbak'), 'utf8')).toBe('备份内容');
  });

  it('lists no system fonts without discovery, and survives a failing discovery', async () => {
    expect(await createHandlers(deps({})).systemFonts()).toEqual([]);
    const failing = createHandlers(deps({}, { systemFonts: () => Promise.reject(new Error('EACCES')) }));
    expect(await failing.systemFonts()).toEqual([]);
    const face = {
      id: 'C:/Windows/Fonts/simhei.ttf#0',
      family: 'SimHei',
      fileName: 'simhei.ttf',
      roles: ['heiti' as const],
      standIn: false,
      source: 'system' as const,
      bytes: text('font'),
    };
    expect(await createHandlers(deps({}, { systemFonts: async () => [face] })).systemFonts()).toEqual([face]);
  });

  it('prints a PDF from a file inside the data folder only, and removes it afterwards', async () => {
    const pdf = text('%PDF-1.7 test');
    const seen: { file: string; content: string; duplex: string }[] = [];
    const handlers = createHandlers(
      deps(
        {},
        {
          userDataDir: dir,
          printFile: async (file, options) => {
            seen.push({ file, content: await nodeFs.readFile(file, 'utf8'), duplex: options.duplex });
            return true;
          },
        },
      ),
    );
    expect(await handlers.printPdf(pdf, { duplex: 'long-edge', jobName: '会议通知' })).toEqual({
      printed: true,
    });
    expect(seen).toHaveLength(1);
    expect(path.dirname(seen[0]!.file)).toBe(path.join(dir, 'print'));
    expect(seen[0]).toMatchObject({ content: '%PDF-1.7 test', duplex: 'long-edge' });
    expect(await nodeFs.readdir(path.join(dir, 'print'))).toEqual([]);
  });

  it('says how to print when this shell cannot, and cleans up when the print fails', async () => {
    const pdf = text('%PDF-1.7');
    const none = await rejection(
      createHandlers(deps({}, { userDataDir: dir })).printPdf(pdf, { duplex: 'simplex', jobName: 'x' }),
    );
    expect(none.message).toBe(HANDLER_MESSAGES.noPrinting);
    const failing = createHandlers(
      deps({}, { userDataDir: dir, printFile: () => Promise.reject(new Error('no printer')) }),
    );
    const e = await rejection(failing.printPdf(pdf, { duplex: 'simplex', jobName: 'x' }));
    expect(e.message).toBe(HANDLER_MESSAGES.printFailed);
    expect(await nodeFs.readdir(path.join(dir, 'print'))).toEqual([]);
  });
});

describe('readGrantedFile (packet read-back)', () => {
  async function granted() {
    const usb = path.join(dir, 'U盘');
    await nodeFs.mkdir(path.join(usb, '数据包'), { recursive: true });
    const handlers = createHandlers(
      deps({ folder: [usb] }, { newGrantId: () => '3b241101-e2bb-4255-8caf-4136c566a962' }),
    );
    const grant = await handlers.chooseFolder('选择 U 盘');
    return { usb, handlers, grantId: grant!.grantId };
  }

  it('reads back exactly what was written into the granted folder', async () => {
    const { handlers, grantId } = await granted();
    await handlers.writeFilesAtomic(grantId, [{ relativePath: '数据包/p.hwpkt', bytes: text('PK包') }]);
    const back = await handlers.readGrantedFile(grantId, '数据包/p.hwpkt');
    expect(back).toEqual(text('PK包'));
    expect(Object.getPrototypeOf(back)).toBe(Uint8Array.prototype);
  });

  it('refuses an unknown grant', async () => {
    const { handlers } = await granted();
    const e = await rejection(handlers.readGrantedFile('00000000-0000-4000-8000-000000000000', 'p.hwpkt'));
    expect(e.code).toBe('not-granted');
  });

  it('refuses .. and absolute paths even without the IPC schema in front', async () => {
    const { handlers, grantId } = await granted();
    await nodeFs.writeFile(path.join(dir, 'secret.txt'), 'secret');
    for (const p of [
      '../secret.txt',
      '数据包/../../secret.txt',
      path.join(dir, 'secret.txt'),
      './x',
      'a\\b',
    ]) {
      const e = await rejection(handlers.readGrantedFile(grantId, p));
      expect(['invalid-payload', 'not-granted', 'io-failed']).toContain(e.code);
      expect(e.message).not.toContain('secret');
    }
  });

  it('refuses a symlinked file or folder that leads out of the granted folder', async () => {
    const { usb, handlers, grantId } = await granted();
    const outside = path.join(dir, 'outside');
    await nodeFs.mkdir(outside);
    await nodeFs.writeFile(path.join(outside, 'secret.txt'), 'secret');
    await nodeFs.symlink(path.join(outside, 'secret.txt'), path.join(usb, 'link.hwpkt'));
    await nodeFs.symlink(outside, path.join(usb, 'out'), 'dir');
    for (const p of ['link.hwpkt', 'out/secret.txt']) {
      const e = await rejection(handlers.readGrantedFile(grantId, p));
      expect(e.code).toBe('not-granted');
      expect(e.message).toBe(HANDLER_MESSAGES.readBackOutside);
    }
  });

  it('says in Chinese when the file is gone or is a folder', async () => {
    const { handlers, grantId } = await granted();
    expect((await rejection(handlers.readGrantedFile(grantId, '没有.hwpkt'))).message).toBe(
      HANDLER_MESSAGES.readBackMissing,
    );
    expect((await rejection(handlers.readGrantedFile(grantId, '数据包'))).message).toBe(
      HANDLER_MESSAGES.notAFile,
    );
  });
});
