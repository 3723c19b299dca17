import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IPC_METHODS,
  ipcArgSchemas,
  ipcChannel,
  type HuiwenHandlers,
  type IpcMethod,
} from '../../shared/ipc';
import { HandlerError } from './errors';
import {
  invokeValidated,
  IPC_MESSAGES,
  isTrustedSender,
  registerIpc,
  senderInfoOf,
  type InvokeEventLike,
  type SenderInfo,
} from './ipc';

const trusted: SenderInfo = { frameUrl: 'app://huiwen/index.html#/meetings', isMainFrame: true };
const silent = (): void => {};

/** Handlers that record their calls and echo a marker value. */
function recordingHandlers(behaviour: (method: IpcMethod, args: unknown[]) => unknown = (m) => `${m}:ok`) {
  const calls: { method: IpcMethod; args: unknown[] }[] = [];
  const handlers = Object.fromEntries(
    IPC_METHODS.map((method) => [
      method,
      async (...args: unknown[]) => {
        calls.push({ method, args });
        return behaviour(method, args);
      },
    ]),
  ) as unknown as HuiwenHandlers;
  return { handlers, calls };
}

const bytes = new Uint8Array([1, 2, 3]);
const validArgs: { readonly [K in IpcMethod]: unknown[] } = {
  appInfo: [],
  chooseFolder: ['选择导出文件夹'],
  writeFilesAtomic: ['3b241101-e2bb-4255-8caf-4136c566a962', [{ relativePath: '2026/纪要.pdf', bytes }]],
  saveFile: ['会议纪要.pdf', bytes, [{ name: 'PDF 文件', extensions: ['pdf'] }]],
  openFile: ['打开备份', [{ name: '备份', extensions: ['json'] }]],
  listRemovableDrives: [],
  backupStatus: [],
  listBackups: [],
  writeBackup: [bytes],
  readBackup: ['huiwen-20261127-090500123-daily.hwbak'],
  setBackupPolicy: [{ daily: 7, weekly: 4 }],
  beginExport: ['3b241101-e2bb-4255-8caf-4136c566a962', '会文备份/a.hwbak', 3],
  writeExportChunk: ['3b241101-e2bb-4255-8caf-4136c566a962', bytes],
  finishExport: ['3b241101-e2bb-4255-8caf-4136c566a962', 'a'.repeat(64)],
  abortExport: ['3b241101-e2bb-4255-8caf-4136c566a962'],
  recordAuditHead: [3, 'b'.repeat(64)],
  recordedAuditHead: [],
  systemFonts: [],
  printPdf: [new TextEncoder().encode('%PDF-1.7'), { duplex: 'long-edge', jobName: '会议通知' }],
  readGrantedFile: ['3b241101-e2bb-4255-8caf-4136c566a962', '会文数据包/a.hwpkt'],
};

describe('invokeValidated', () => {
  it('runs the handler with valid arguments from our top frame', async () => {
    for (const method of IPC_METHODS) {
      const { handlers, calls } = recordingHandlers();
      const result = await invokeValidated(handlers, method, validArgs[method], trusted, silent);
      expect(result).toEqual({ ok: true, value: `${method}:ok` });
      expect(calls).toEqual([{ method, args: validArgs[method] }]);
    }
  });

  it('rejects unknown methods, including prototype names and raw channel names', async () => {
    const { handlers, calls } = recordingHandlers();
    for (const method of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'eval',
      '',
      'huiwen:appInfo',
      'APPINFO',
    ]) {
      const result = await invokeValidated(handlers, method, [], trusted, silent);
      expect(result, method).toEqual({
        ok: false,
        error: { code: 'unknown-channel', message: IPC_MESSAGES.unknownChannel },
      });
    }
    expect(calls).toEqual([]);
  });

  it('rejects senders that are not our top frame', async () => {
    const { handlers, calls } = recordingHandlers();
    const bad: SenderInfo[] = [
      { frameUrl: 'app://huiwen/index.html', isMainFrame: false },
      { frameUrl: 'https://example.com/', isMainFrame: true },
      { frameUrl: 'app://huiwen.evil/index.html', isMainFrame: true },
      { frameUrl: 'app://huiwenx/', isMainFrame: true },
      { frameUrl: 'app://huiwen', isMainFrame: true },
      { frameUrl: 'file:///app/index.html', isMainFrame: true },
      { frameUrl: '', isMainFrame: true },
    ];
    for (const sender of bad) {
      expect(isTrustedSender(sender)).toBe(false);
      const result = await invokeValidated(handlers, 'appInfo', [], sender, silent);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(calls).toEqual([]);
  });

  it('trusts the dev server origin only when given, and only a localhost http origin', () => {
    const devFrame: SenderInfo = { frameUrl: 'http://localhost:5173/#/x', isMainFrame: true };
    expect(isTrustedSender(devFrame)).toBe(false);
    expect(isTrustedSender(devFrame, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender({ ...devFrame, isMainFrame: false }, 'http://localhost:5173')).toBe(false);
    expect(isTrustedSender({ frameUrl: 'https://evil.test/', isMainFrame: true }, 'https://evil.test')).toBe(
      false,
    );
    expect(
      isTrustedSender(
        { frameUrl: 'http://localhost:5173.evil.test/', isMainFrame: true },
        'http://localhost:5173',
      ),
    ).toBe(false);
  });

  it('rejects invalid arguments before any handler runs', async () => {
    const { handlers, calls } = recordingHandlers();
    const invalid: [IpcMethod, unknown][] = [
      ['appInfo', ['extra']],
      ['appInfo', undefined],
      ['appInfo', { 0: 'x' }],
      ['chooseFolder', []],
      ['chooseFolder', ['']],
      ['chooseFolder', ['x'.repeat(201)]],
      ['writeFilesAtomic', ['not-a-uuid', [{ relativePath: 'a.pdf', bytes }]]],
      ['writeFilesAtomic', ['3b241101-e2bb-4255-8caf-4136c566a962', [{ relativePath: '../a.pdf', bytes }]]],
      [
        'writeFilesAtomic',
        ['3b241101-e2bb-4255-8caf-4136c566a962', [{ relativePath: '/etc/passwd', bytes }]],
      ],
      ['writeFilesAtomic', ['3b241101-e2bb-4255-8caf-4136c566a962', [{ relativePath: 'C:/x', bytes }]]],
      ['writeFilesAtomic', ['3b241101-e2bb-4255-8caf-4136c566a962', [{ relativePath: 'a\\b', bytes }]]],
      [
        'writeFilesAtomic',
        ['3b241101-e2bb-4255-8caf-4136c566a962', [{ relativePath: 'a.pdf', bytes: [1, 2] }]],
      ],
      ['writeFilesAtomic', ['3b241101-e2bb-4255-8caf-4136c566a962', []]],
      ['saveFile', ['../evil.pdf', bytes, []]],
      ['saveFile', ['a.pdf', 'not bytes', []]],
      ['saveFile', ['a.pdf', bytes, [{ name: 'x', extensions: ['p d f'] }]]],
      ['openFile', ['打开', [{ name: 'x', extensions: ['pdf'], extra: 1 }]]],
      ['listRemovableDrives', [1]],
    ];
    for (const [method, args] of invalid) {
      const result = await invokeValidated(handlers, method, args, trusted, silent);
      expect(result, `${method} ${JSON.stringify(args)}`).toEqual({
        ok: false,
        error: { code: 'invalid-payload', message: IPC_MESSAGES.invalidPayload },
      });
    }
    expect(calls).toEqual([]);
  });

  it('passes expected handler errors through with their Chinese message', async () => {
    const { handlers } = recordingHandlers(() => {
      throw new HandlerError('not-granted', '请重新选择保存文件夹后再试。');
    });
    const result = await invokeValidated(
      handlers,
      'writeFilesAtomic',
      validArgs.writeFilesAtomic,
      trusted,
      silent,
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-granted', message: '请重新选择保存文件夹后再试。' },
    });
  });

  it('hides unexpected errors (no stack, no internal message) but logs them in main', async () => {
    const logged: unknown[] = [];
    const { handlers } = recordingHandlers(() => {
      throw new Error('ENOENT /home/secret/path at Object.open (node:fs:1)');
    });
    const result = await invokeValidated(handlers, 'appInfo', [], trusted, (m, e) => logged.push(m, e));
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: IPC_MESSAGES.internal } });
    expect(JSON.stringify(result)).not.toMatch(/secret|node:fs|at /);
    expect(logged.length).toBe(2);
  });

  it('every user-facing message is Chinese', () => {
    for (const message of Object.values(IPC_MESSAGES)) expect(message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('invokeValidated fuzz (fast-check)', () => {
  const methodArb = fc.oneof(
    fc.constantFrom(...IPC_METHODS),
    fc.string(),
    fc.constantFrom('__proto__', 'constructor', 'valueOf'),
  );
  const senderArb = fc.oneof(
    fc.constant(trusted),
    fc.record({
      frameUrl: fc.oneof(fc.webUrl(), fc.string(), fc.constant('app://huiwen/x')),
      isMainFrame: fc.boolean(),
    }),
  );
  const payloadArb = fc.oneof(
    fc.anything(),
    fc.array(fc.anything(), { maxLength: 4 }),
    fc.array(
      fc.oneof(fc.string(), fc.uint8Array({ maxLength: 8 }), fc.array(fc.anything(), { maxLength: 3 })),
      { maxLength: 4 },
    ),
  );

  it('arbitrary payloads never throw, and are accepted exactly when method, sender and args are valid', async () => {
    await fc.assert(
      fc.asyncProperty(methodArb, payloadArb, senderArb, async (method, args, sender) => {
        const { handlers, calls } = recordingHandlers();
        const result = await invokeValidated(handlers, method, args, sender, silent);
        const valid =
          (IPC_METHODS as readonly string[]).includes(method) &&
          isTrustedSender(sender) &&
          ipcArgSchemas[method as IpcMethod].safeParse(args).success;
        expect(result.ok).toBe(valid);
        expect(calls.length).toBe(valid ? 1 : 0);
        if (!result.ok) expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
      }),
      { numRuns: 500 },
    );
  });

  const segment = fc.stringMatching(/^[a-z0-9\u4e00-\u9fa5_-]{1,12}$/);
  const relativePath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
  const filter = fc.record({
    name: fc.string({ minLength: 1, maxLength: 20 }),
    extensions: fc.array(fc.stringMatching(/^[a-z0-9]{1,10}$/), { maxLength: 3 }),
  });
  const validArbs: { readonly [K in IpcMethod]: fc.Arbitrary<unknown[]> } = {
    appInfo: fc.constant([]),
    chooseFolder: fc.tuple(fc.string({ minLength: 1, maxLength: 200 })),
    writeFilesAtomic: fc.tuple(
      fc.uuid(),
      fc.array(fc.record({ relativePath, bytes: fc.uint8Array({ maxLength: 16 }) }), {
        minLength: 1,
        maxLength: 5,
      }),
    ),
    saveFile: fc.tuple(
      fc.stringMatching(/^[a-z0-9\u4e00-\u9fa5 ._-]{1,40}$/),
      fc.uint8Array({ maxLength: 16 }),
      fc.array(filter, { maxLength: 3 }),
    ),
    openFile: fc.tuple(fc.string({ minLength: 1, maxLength: 200 }), fc.array(filter, { maxLength: 3 })),
    listRemovableDrives: fc.constant([]),
    backupStatus: fc.constant([]),
    listBackups: fc.constant([]),
    writeBackup: fc.tuple(fc.uint8Array({ maxLength: 16 })),
    readBackup: fc.tuple(
      fc
        .tuple(
          fc.stringMatching(/^\d{8}$/),
          fc.stringMatching(/^\d{9}$/),
          fc.constantFrom('daily', 'manual', 'pre-restore'),
        )
        .map(([d, t, k]) => `huiwen-${d}-${t}-${k}.hwbak`),
    ),
    setBackupPolicy: fc.tuple(
      fc.record({ daily: fc.integer({ min: 1, max: 60 }), weekly: fc.integer({ min: 0, max: 52 }) }),
    ),
    beginExport: fc.tuple(fc.uuid(), relativePath, fc.nat({ max: 1_000_000 })),
    writeExportChunk: fc.tuple(fc.uuid(), fc.uint8Array({ maxLength: 16 })),
    finishExport: fc.tuple(fc.uuid(), fc.stringMatching(/^[0-9a-f]{64}$/)),
    abortExport: fc.tuple(fc.uuid()),
    recordAuditHead: fc.tuple(fc.nat(), fc.stringMatching(/^[0-9a-f]{64}$/)),
    recordedAuditHead: fc.constant([]),
    systemFonts: fc.constant([]),
    printPdf: fc.tuple(
      fc
        .uint8Array({ maxLength: 16 })
        .map((b) => new Uint8Array([...new TextEncoder().encode('%PDF-'), ...b])),
      fc.record({
        duplex: fc.constantFrom('simplex', 'long-edge', 'short-edge'),
        jobName: fc.string({ minLength: 1, maxLength: 200 }),
      }),
    ),
    readGrantedFile: fc.tuple(fc.uuid(), relativePath),
  };

  it('valid payloads from our top frame always reach the handler unchanged', async () => {
    for (const method of IPC_METHODS) {
      await fc.assert(
        fc.asyncProperty(validArbs[method], async (args) => {
          const { handlers, calls } = recordingHandlers();
          const result = await invokeValidated(handlers, method, args, trusted, silent);
          expect(result).toEqual({ ok: true, value: `${method}:ok` });
          expect(calls).toEqual([{ method, args }]);
        }),
        { numRuns: 60 },
      );
    }
  });
});

describe('senderInfoOf / registerIpc', () => {
  const mainFrame = { url: 'app://huiwen/index.html', parent: null };
  it('identifies the top frame, an iframe and a vanished frame', () => {
    expect(senderInfoOf({ senderFrame: mainFrame, sender: { mainFrame } })).toEqual({
      frameUrl: mainFrame.url,
      isMainFrame: true,
    });
    const child = { url: 'app://huiwen/child.html', parent: mainFrame };
    expect(senderInfoOf({ senderFrame: child, sender: { mainFrame } }).isMainFrame).toBe(false);
    expect(senderInfoOf({ senderFrame: null, sender: { mainFrame } })).toEqual({
      frameUrl: '',
      isMainFrame: false,
    });
  });

  it('registers exactly one handler per bridge method and routes through validation', async () => {
    const registered = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
    const { handlers, calls } = recordingHandlers();
    registerIpc({ handle: (channel, listener) => void registered.set(channel, listener) }, handlers, silent);
    expect([...registered.keys()].sort()).toEqual(IPC_METHODS.map(ipcChannel).sort());
    const listener = registered.get(ipcChannel('chooseFolder'))!;
    expect(await listener({ senderFrame: mainFrame, sender: { mainFrame } }, '选择文件夹')).toEqual({
      ok: true,
      value: 'chooseFolder:ok',
    });
    expect(await listener({ senderFrame: mainFrame, sender: { mainFrame } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    const iframe = { url: 'app://huiwen/index.html', parent: mainFrame };
    expect(await listener({ senderFrame: iframe, sender: { mainFrame } }, '选择文件夹')).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(calls.length).toBe(1);
  });
});
