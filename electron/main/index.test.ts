/**
 * The composition root against a recording fake of the electron module (the one place a mock belongs:
 * index.ts is the edge). Checks the wiring order and that every policy actually gets installed.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_METHODS, ipcChannel } from '../../shared/ipc';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    lock: true,
    readyResolved: false,
    calls: [] as string[],
    appListeners: new Map<string, Listener>(),
    privileged: [] as unknown[],
    protocolHandlers: new Map<string, (request: { url: string; method: string }) => Promise<Response>>(),
    ipcChannels: [] as string[],
    sessionHandlers: new Map<string, unknown>(),
    menu: null as unknown,
    windows: [] as { options: Record<string, unknown>; url?: string; focused: number; restored: number }[],
    loaded: null as null | ((url: string) => void),
  };
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  class FakeBrowserWindow {
    record: (typeof state.windows)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options, focused: 0, restored: 0 };
      state.windows.push(this.record);
      state.calls.push('new BrowserWindow');
    }
    static getAllWindows = () => [];
    loadURL = async (url: string) => {
      this.record.url = url;
      state.loaded?.(url);
    };
    once = () => this;
    on = () => this;
    maximize = () => {};
    show = () => {};
    isMinimized = () => true;
    restore = () => void (this.record.restored += 1);
    focus = () => void (this.record.focused += 1);
    getNormalBounds = () => ({ x: 0, y: 0, width: 1366, height: 768 });
    isMaximized = () => false;
  }
  const electron = {
    app: {
      isPackaged: false,
      enableSandbox: () => state.calls.push('enableSandbox'),
      requestSingleInstanceLock: () => state.lock,
      on: (event: string, listener: Listener) => state.appListeners.set(event, listener),
      whenReady: () => ready,
      quit: () => state.calls.push('quit'),
      setPath: () => {},
      getPath: () => '/nonexistent/huiwen-test-userdata',
      getVersion: () => '0.1.0',
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        state.calls.push(`registerSchemesAsPrivileged(ready=${state.readyResolved})`);
        state.privileged.push(...schemes);
      },
      handle: (scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) =>
        state.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: unknown) => state.sessionHandlers.set('request', h),
        setPermissionCheckHandler: (h: unknown) => state.sessionHandlers.set('check', h),
        setDevicePermissionHandler: (h: unknown) => state.sessionHandlers.set('device', h),
        setSpellCheckerEnabled: (enabled: boolean) => state.sessionHandlers.set('spellChecker', enabled),
        webRequest: { onBeforeRequest: (h: unknown) => state.sessionHandlers.set('beforeRequest', h) },
      },
      // The print window's own session (print-window.ts): it must deny permissions and filter requests too.
      fromPartition: (partition: string) => ({
        setPermissionRequestHandler: (h: unknown) => state.sessionHandlers.set(`${partition}:request`, h),
        webRequest: {
          onBeforeRequest: (h: unknown) => state.sessionHandlers.set(`${partition}:beforeRequest`, h),
        },
      }),
    },
    ipcMain: { handle: (channel: string) => state.ipcChannels.push(channel) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (state.menu = m) },
    dialog: {},
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1366, height: 728 } }] },
    BrowserWindow: FakeBrowserWindow,
  };
  return { state, electron, resolveReady: () => ((state.readyResolved = true), resolveReady()) };
});

vi.mock('electron', () => fake.electron);

async function boot(): Promise<string> {
  const loaded = new Promise<string>((resolve) => (fake.state.loaded = resolve));
  await import('./index');
  fake.resolveReady();
  return loaded;
}

// The tests run in order and share the app booted by the first one (as the real process would).
describe('main composition root', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('wires privileges, sandbox, policies, IPC, menu and a hardened window, in order', async () => {
    const url = await boot();
    const { state } = fake;
    expect(url).toBe('app://huiwen/index.html');
    expect(state.calls.slice(0, 2)).toEqual(['enableSandbox', 'registerSchemesAsPrivileged(ready=false)']);
    expect(state.privileged).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect([...state.protocolHandlers.keys()]).toEqual(['app']);
    expect([...state.sessionHandlers.keys()].sort()).toEqual([
      'beforeRequest',
      'check',
      'device',
      'huiwen-print:beforeRequest',
      'huiwen-print:request',
      'request',
      'spellChecker',
    ]);
    expect(state.sessionHandlers.get('spellChecker')).toBe(false);
    expect(state.ipcChannels.sort()).toEqual(IPC_METHODS.map(ipcChannel).sort());
    expect(state.menu).not.toBeNull();
    const prefs = state.windows[0]!.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      devTools: false,
    });
    expect(String(prefs['preload'])).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('hardens every webContents, focuses the first window for a second instance, and serves app:// safely', async () => {
    const { state } = fake;
    const listeners = new Map<string, Listener>();
    const contents = {
      on: (e: string, l: Listener) => listeners.set(e, l),
      setWindowOpenHandler: (h: Listener) => listeners.set('open', h),
    };
    state.appListeners.get('web-contents-created')!({}, contents);
    let prevented = false;
    listeners.get('will-navigate')!({ preventDefault: () => (prevented = true) }, 'https://example.com/');
    expect(prevented).toBe(true);
    expect(listeners.get('open')!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });

    state.appListeners.get('second-instance')!();
    expect(state.windows[0]).toMatchObject({ focused: 1, restored: 1 });

    const handler = state.protocolHandlers.get('app')!;
    expect((await handler({ url: 'app://huiwen/index.html', method: 'POST' })).status).toBe(405);
    const denied = await handler({ url: 'app://huiwen/%2e%2e/%2e%2e/package.json', method: 'GET' });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('quits at once when another instance holds the lock', async () => {
    fake.state.lock = false;
    fake.state.calls.length = 0;
    fake.state.appListeners.clear();
    await import('./index');
    expect(fake.state.calls).toContain('quit');
    expect(fake.state.appListeners.size).toBe(0);
  });
});
