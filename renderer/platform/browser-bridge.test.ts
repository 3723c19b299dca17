import { describe, expect, it } from 'vitest';
import type { IpcResult } from '../../shared/ipc';
import { acceptFromFilters, createBrowserBridge } from './browser-bridge';
import type { BrowserEnv, DirectoryHandleLike, FileHandleLike, PickedFileLike } from './browser-bridge';
import { browserErrorToIpcError, defaultMessage } from './errors';

const CJK = /[\u4e00-\u9fff]/;
const domError = (name: string): Error => Object.assign(new Error(name), { name });

/** In-memory File System Access directory: files only appear on close(), like the real swap-file write. */
class FakeDir implements DirectoryHandleLike {
  readonly dirs = new Map<string, FakeDir>();
  readonly files = new Map<string, Uint8Array>();
  failWritesWith: string | undefined;
  constructor(readonly name: string) {}
  async getDirectoryHandle(name: string, { create }: { create: boolean }): Promise<DirectoryHandleLike> {
    let dir = this.dirs.get(name);
    if (!dir) {
      if (!create) throw domError('NotFoundError');
      dir = new FakeDir(name);
      dir.failWritesWith = this.failWritesWith;
      this.dirs.set(name, dir);
    }
    return dir;
  }
  async getFileHandle(name: string): Promise<FileHandleLike> {
    return {
      createWritable: async () => {
        let pending = new Uint8Array();
        return {
          write: async (data: Uint8Array) => {
            if (this.failWritesWith) throw domError(this.failWritesWith);
            pending = data.slice();
          },
          close: async () => void this.files.set(name, pending),
          abort: async () => undefined,
        };
      },
      getFile: async () => {
        const bytes = this.files.get(name);
        if (!bytes) throw domError('NotFoundError');
        return { name, size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer };
      },
    };
  }
}

function makeEnv(overrides: Partial<BrowserEnv> = {}) {
  const downloads: [string, Uint8Array][] = [];
  const root = new FakeDir('导出');
  let n = 0;
  const env: BrowserEnv = {
    origin: 'http://127.0.0.1:4173',
    version: '0.1.0',
    platform: 'Linux',
    versions: { react: '19' },
    showDirectoryPicker: async () => root,
    download: (name, bytes) => void downloads.push([name, bytes]),
    pickFile: async () => null,
    randomId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    ...overrides,
  };
  return { env, downloads, root, bridge: createBrowserBridge(env) };
}

const expectError = (r: IpcResult<unknown>, code: string): string => {
  expect(r.ok).toBe(false);
  if (r.ok) return '';
  expect(r.error.code).toBe(code);
  expect(r.error.message).toMatch(CJK);
  return r.error.message;
};

describe('browser bridge', () => {
  it('reports itself as the browser shell with IndexedDB as data location', async () => {
    const { bridge } = makeEnv();
    const r = await bridge.appInfo();
    expect(r).toMatchObject({
      ok: true,
      value: {
        shell: 'browser',
        dataLocation: 'IndexedDB（浏览器存储）',
        origin: 'http://127.0.0.1:4173',
        version: '0.1.0',
      },
    });
  });

  it('writes files into the chosen folder, creating subfolders', async () => {
    const { bridge, root } = makeEnv();
    const grant = await bridge.chooseFolder('选择导出文件夹');
    expect(grant.ok && grant.value?.displayPath).toBe('导出');
    if (!grant.ok || !grant.value) throw new Error('no grant');
    const r = await bridge.writeFilesAtomic(grant.value.grantId, [
      { relativePath: '说明.txt', bytes: new Uint8Array([1, 2, 3]) },
      { relativePath: 'pdf/通知.pdf', bytes: new Uint8Array([4]) },
    ]);
    expect(r).toEqual({ ok: true, value: { written: ['说明.txt', 'pdf/通知.pdf'], totalBytes: 4 } });
    expect([...(root.files.get('说明.txt') ?? [])]).toEqual([1, 2, 3]);
    expect([...(root.dirs.get('pdf')?.files.get('通知.pdf') ?? [])]).toEqual([4]);
  });

  it('treats a cancelled folder picker as null, not an error', async () => {
    const { bridge } = makeEnv({
      showDirectoryPicker: async () => {
        throw domError('AbortError');
      },
    });
    expect(await bridge.chooseFolder('选择导出文件夹')).toEqual({ ok: true, value: null });
  });

  it('maps a denied permission and a missing API to not-granted with Chinese guidance', async () => {
    const denied = makeEnv({
      showDirectoryPicker: async () => {
        throw domError('NotAllowedError');
      },
    });
    expectError(await denied.bridge.chooseFolder('选择'), 'not-granted');
    const noApi = makeEnv({ showDirectoryPicker: undefined });
    expect(expectError(await noApi.bridge.chooseFolder('选择'), 'not-granted')).toContain('桌面版');
  });

  it('refuses unknown grants and invalid payloads with the main process rules', async () => {
    const { bridge } = makeEnv();
    expectError(
      await bridge.writeFilesAtomic('00000000-0000-4000-8000-999999999999', [
        { relativePath: 'a.txt', bytes: new Uint8Array() },
      ]),
      'not-granted',
    );
    const grant = await bridge.chooseFolder('选择');
    const grantId = grant.ok && grant.value ? grant.value.grantId : '';
    const bad = expectError(
      await bridge.writeFilesAtomic(grantId, [{ relativePath: '../逃逸.txt', bytes: new Uint8Array() }]),
      'invalid-payload',
    );
    expect(bad).toContain('文件路径不合法');
    expectError(
      await bridge.writeFilesAtomic('not-a-uuid', [{ relativePath: 'a', bytes: new Uint8Array() }]),
      'invalid-payload',
    );
    expectError(await bridge.saveFile('a/b.json', new Uint8Array(), []), 'invalid-payload');
    expectError(await bridge.chooseFolder(''), 'invalid-payload');
  });

  it('reports a failed write as io-failed, naming the file and what was already written', async () => {
    const { bridge, root } = makeEnv();
    const grant = await bridge.chooseFolder('选择');
    const grantId = grant.ok && grant.value ? grant.value.grantId : '';
    await bridge.writeFilesAtomic(grantId, [{ relativePath: 'a.txt', bytes: new Uint8Array([1]) }]);
    root.failWritesWith = 'QuotaExceededError';
    const msg = expectError(
      await bridge.writeFilesAtomic(grantId, [{ relativePath: 'b.txt', bytes: new Uint8Array([2]) }]),
      'io-failed',
    );
    expect(msg).toContain('b.txt');
    expect(msg).toContain('磁盘空间不足');
    expect(root.files.has('b.txt')).toBe(false);
  });

  it('saves as a download', async () => {
    const { bridge, downloads } = makeEnv();
    const bytes = new TextEncoder().encode('{"a":1}');
    const r = await bridge.saveFile('诊断.json', bytes, [{ name: 'JSON 文件', extensions: ['json'] }]);
    expect(r.ok && r.value.saved).toBe(true);
    expect(r.ok && r.value.displayPath).toContain('诊断.json');
    expect(downloads).toEqual([['诊断.json', bytes]]);
  });

  it('opens a picked file with its bytes, and returns null on cancel', async () => {
    const accepts: string[] = [];
    const file: PickedFileLike = {
      name: '名单.json',
      size: 2,
      arrayBuffer: async () => new Uint8Array([7, 8]).buffer,
    };
    const picking = makeEnv({ pickFile: async (accept) => (accepts.push(accept), file) });
    const r = await picking.bridge.openFile('载入', [
      { name: '数据', extensions: ['json', 'JSON', 'huiwen'] },
    ]);
    expect(r).toEqual({ ok: true, value: { name: '名单.json', size: 2, bytes: new Uint8Array([7, 8]) } });
    expect(accepts).toEqual(['.json,.huiwen']);
    const cancelling = makeEnv({ pickFile: async () => null });
    expect(await cancelling.bridge.openFile('载入', [])).toEqual({ ok: true, value: null });
  });

  it('lists no removable drives', async () => {
    expect(await makeEnv().bridge.listRemovableDrives()).toEqual({ ok: true, value: [] });
  });
});

describe('browser error mapping', () => {
  it.each([
    ['AbortError', 'cancelled'],
    ['NotAllowedError', 'not-granted'],
    ['SecurityError', 'not-granted'],
    ['NotFoundError', 'io-failed'],
    ['QuotaExceededError', 'io-failed'],
    ['NoModificationAllowedError', 'io-failed'],
    ['InvalidModificationError', 'io-failed'],
    ['TypeMismatchError', 'io-failed'],
    ['SomethingNew', 'internal'],
  ])('%s -> %s, in Chinese', (name, code) => {
    const e = browserErrorToIpcError(domError(name));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(CJK);
  });

  it('handles non-errors', () => {
    expect(browserErrorToIpcError('string').code).toBe('internal');
    expect(browserErrorToIpcError(null).code).toBe('internal');
  });

  it('has a Chinese default for every code', () => {
    for (const code of [
      'invalid-payload',
      'forbidden-sender',
      'not-granted',
      'io-failed',
      'cancelled',
      'unknown-channel',
      'internal',
    ] as const) {
      expect(defaultMessage(code)).toMatch(CJK);
    }
  });

  it('builds accept lists from filters', () => {
    expect(acceptFromFilters([])).toBe('');
    expect(acceptFromFilters([{ name: '全部', extensions: ['*'] }])).toBe('');
    expect(
      acceptFromFilters([
        { name: 'PDF', extensions: ['pdf'] },
        { name: 'JSON', extensions: ['json'] },
      ]),
    ).toBe('.pdf,.json');
  });
});

describe('browser bridge: backups and chunked export', () => {
  it('says plainly that the browser keeps no automatic backups', async () => {
    const { bridge } = makeEnv();
    for (const r of [
      await bridge.backupStatus(),
      await bridge.listBackups(),
      await bridge.recordAuditHead(1, 'a'.repeat(64)),
    ]) {
      expectError(r, 'io-failed');
    }
    expect(await bridge.recordedAuditHead()).toEqual({ ok: true, value: null });
  });

  it('writes a file in chunks into a granted folder; it appears only when complete and verified', async () => {
    const files = new Map<string, Uint8Array>();
    const appendingDir: DirectoryHandleLike = {
      name: 'U盘',
      getDirectoryHandle: async () => appendingDir,
      getFileHandle: async (name: string) => ({
        createWritable: async () => {
          const parts: Uint8Array[] = [];
          return {
            write: async (d: Uint8Array) => void parts.push(d.slice()),
            close: async () => void files.set(name, Uint8Array.from(parts.flatMap((p) => [...p]))),
            abort: async () => undefined,
          };
        },
      }),
    };
    const { bridge } = makeEnv({ showDirectoryPicker: async () => appendingDir });
    const grant = await bridge.chooseFolder('选择 U 盘');
    if (!grant.ok || !grant.value) throw new Error('no grant');
    const data = new TextEncoder().encode('会文备份内容');
    const begun = await bridge.beginExport(grant.value.grantId, '会文备份/a.hwbak', data.length);
    if (!begun.ok) throw new Error('not begun');
    expect(await bridge.writeExportChunk(begun.value, data.subarray(0, 5))).toEqual({ ok: true, value: 5 });
    expect(await bridge.writeExportChunk(begun.value, data.subarray(5))).toEqual({
      ok: true,
      value: data.length,
    });
    expect(files.size).toBe(0);
    const { sha256 } = await import('@noble/hashes/sha2.js');
    const { bytesToHex } = await import('@noble/hashes/utils.js');
    expect(await bridge.finishExport(begun.value, bytesToHex(sha256(data)))).toMatchObject({
      ok: true,
      value: { displayPath: 'U盘/会文备份/a.hwbak', totalBytes: data.length },
    });
    expect(files.get('a.hwbak')).toEqual(data);

    const again = await bridge.beginExport(grant.value.grantId, 'b.hwbak', data.length);
    if (!again.ok) throw new Error('not begun');
    await bridge.writeExportChunk(again.value, data);
    expectError(await bridge.finishExport(again.value, 'f'.repeat(64)), 'io-failed');
    expect(files.has('b.hwbak')).toBe(false);
    expectError(await bridge.writeExportChunk(again.value, data), 'io-failed');
  });

  it('offers the bundled fonts as stand-ins, and none when they cannot be read', async () => {
    const asked: string[] = [];
    const { bridge } = makeEnv({
      fetchBytes: async (url) => {
        asked.push(url);
        return new Uint8Array([url.length]);
      },
    });
    const r = await bridge.systemFonts();
    expect(asked).toEqual([
      'fonts/bundled/NotoSerifSC-Regular.ttf',
      'fonts/bundled/NotoSerifSC-Bold.ttf',
      'fonts/bundled/NotoSansSC-Regular.ttf',
    ]);
    if (!r.ok) throw new Error('systemFonts failed');
    expect(r.value.map((f) => [f.family, f.roles, f.standIn, f.source])).toEqual([
      ['Noto Serif SC', ['fangsong', 'kaiti', 'songti'], true, 'bundled'],
      ['Noto Serif SC Bold', ['xiaobiaosong'], true, 'bundled'],
      ['Noto Sans SC', ['heiti'], true, 'bundled'],
    ]);
    const missing = makeEnv({ fetchBytes: () => Promise.reject(new Error('404')) });
    expect(await missing.bridge.systemFonts()).toEqual({ ok: true, value: [] });
  });

  it('prints a PDF through the injected print frame, refusing non-PDF bytes and missing support', async () => {
    const printed: string[] = [];
    const { bridge } = makeEnv({
      printPdf: async (bytes, options) => {
        printed.push(`${bytes.byteLength}:${options.duplex}`);
        return true;
      },
    });
    const pdf = new TextEncoder().encode('%PDF-1.7');
    expect(await bridge.printPdf(pdf, { duplex: 'long-edge', jobName: '会议通知' })).toEqual({
      ok: true,
      value: { printed: true },
    });
    expect(printed).toEqual(['8:long-edge']);
    expectError(
      await bridge.printPdf(new Uint8Array([1, 2, 3, 4, 5]), { duplex: 'simplex', jobName: 'x' }),
      'invalid-payload',
    );
    const none = makeEnv();
    expect(
      expectError(await none.bridge.printPdf(pdf, { duplex: 'simplex', jobName: 'x' }), 'io-failed'),
    ).toContain('保存 PDF');
  });
});

describe('browser readGrantedFile', () => {
  it('reads back a file written into the granted folder, and refuses what it cannot read', async () => {
    const { bridge } = makeEnv();
    const grant = await bridge.chooseFolder('选择 U 盘');
    if (!grant.ok || !grant.value) throw new Error('no grant');
    const { grantId } = grant.value;
    const bytes = new TextEncoder().encode('数据包');
    expect((await bridge.writeFilesAtomic(grantId, [{ relativePath: '包/p.hwpkt', bytes }])).ok).toBe(true);
    expect(await bridge.readGrantedFile(grantId, '包/p.hwpkt')).toEqual({ ok: true, value: bytes });
    const missing = await bridge.readGrantedFile(grantId, '包/没有.hwpkt');
    expect(missing.ok).toBe(false);
    const escape = await bridge.readGrantedFile(grantId, '../p.hwpkt');
    expect(escape.ok ? undefined : escape.error.code).toBe('invalid-payload');
    const stale = await bridge.readGrantedFile('00000000-0000-4000-8000-999999999999', 'p.hwpkt');
    expect(stale.ok ? undefined : stale.error.code).toBe('not-granted');
  });
});
