/**
 * Composition root: the only main-process file that touches Electron at runtime. Everything it wires
 * is a plain, unit-tested module; this file only connects them in the right order.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  type FileFilter as ElectronFileFilter,
} from 'electron';
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AppInfo, FileFilter } from '../../shared/ipc';
import { generateNonce } from './csp';
import { listRemovableDrives } from './drives';
import { createHandlers } from './handlers';
import { createPdfPrinter } from './print-window';
import { installedRoleFonts } from './system-fonts';
import { registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, appSchemePrivileges } from './origin';
import { serveAppRequest, type ServeRoots } from './protocol';
import { hardenSession, hardenWebContents, type RequestPolicyOptions } from './security';
import { createWindowOptions } from './window-options';
import { clampToDisplays, loadWindowState, saveWindowState, type WindowState } from './window-state';

// Development = running under `electron-vite dev` (unpackaged, with a dev server). A built app run
// unpackaged (`electron-vite preview`, the Electron e2e suite) behaves exactly like production.
const devServerUrl = (!app.isPackaged && process.env['ELECTRON_RENDERER_URL']) || undefined;
const dev = devServerUrl !== undefined;
const devOrigin = devServerUrl !== undefined ? new URL(devServerUrl).origin : undefined;
const policy: RequestPolicyOptions =
  dev && devOrigin !== undefined ? { dev, devServerOrigin: devOrigin } : { dev: false };

// Test isolation for unpackaged runs only (the e2e suite points this at a temp folder).
const testUserData = (!app.isPackaged && process.env['HUIWEN_USER_DATA_DIR']) || undefined;
if (testUserData !== undefined && path.isAbsolute(testUserData)) app.setPath('userData', testUserData);

// Every renderer is sandboxed, whatever options a future window passes.
app.enableSandbox();
// Must happen before 'ready': gives app:// a real, secure origin for IndexedDB.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

let mainWindow: BrowserWindow | null = null;
let pendingStateSave: Promise<void> = Promise.resolve();

if (!app.requestSingleInstanceLock()) {
  // A second copy would fight over the same IndexedDB; hand over to the first one.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, policy));
  app.on('window-all-closed', () => {
    void pendingStateSave.finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[main] startup failed', error);
      // Without a window there is nothing for the clerk to see; with one, keep it (it may still recover on reload).
      if (mainWindow === null) app.quit();
    });
}

/** Packaged: extraResources next to app.asar. Unpackaged: the repo's resources/ (this file is out/main/index.cjs). */
function resourcesRoot(): string {
  return app.isPackaged
    ? path.join(process.resourcesPath, 'resources')
    : path.resolve(__dirname, '..', '..', 'resources');
}

function appInfo(): AppInfo {
  return {
    name: 'huiwen',
    productName: '会文',
    version: app.getVersion(),
    shell: 'electron',
    versions: {
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
      node: process.versions.node,
    },
    platform: process.platform,
    dataLocation: app.getPath('userData'),
    origin: APP_ORIGIN,
  };
}

const toElectronFilters = (filters: readonly FileFilter[]): ElectronFileFilter[] =>
  filters.map((f) => ({ name: f.name, extensions: [...f.extensions] }));

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

function showAbout(): void {
  const info = appInfo();
  const options = {
    type: 'info' as const,
    title: '关于会文',
    message: `会文 ${info.version}`,
    detail: `区政府办公室会议与公文工作台（离线）\n数据位置：${info.dataLocation}\n数据来源标识：${info.origin}\nElectron ${info.versions['electron'] ?? ''}`,
    buttons: ['确定'],
  };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

async function start(): Promise<void> {
  const nonce = generateNonce(); // once per launch; see csp.ts for the %CSP_NONCE% convention
  const roots: ServeRoots = { renderer: path.join(__dirname, '../renderer'), resources: resourcesRoot() };
  protocol.handle(APP_SCHEME, async (request) => {
    // Static files only: nothing on app:// accepts data.
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, {
        status: 405,
        headers: { Allow: 'GET, HEAD', 'X-Content-Type-Options': 'nosniff' },
      });
    }
    const response = await serveAppRequest(request.url, roots, nonce, {
      realpath: fs.realpath,
      readFile: fs.readFile,
    });
    return new Response(response.body === null ? null : Buffer.from(response.body), {
      status: response.status,
      headers: { ...response.headers },
    });
  });

  hardenSession(session.defaultSession, policy);

  const handlers = createHandlers({
    appInfo,
    // Backups (backups/) and the audit head file (audit-head.json) live beside the IndexedDB data.
    userDataDir: app.getPath('userData'),
    pickFolder: async (title) => {
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = await (mainWindow
        ? dialog.showOpenDialog(mainWindow, options)
        : dialog.showOpenDialog(options));
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    pickSavePath: async (suggestedName, filters) => {
      const options = {
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters: toElectronFilters(filters),
      };
      const result = await (mainWindow
        ? dialog.showSaveDialog(mainWindow, options)
        : dialog.showSaveDialog(options));
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    pickOpenPath: async (title, filters) => {
      const options = { title, filters: toElectronFilters(filters), properties: ['openFile' as const] };
      const result = await (mainWindow
        ? dialog.showOpenDialog(mainWindow, options)
        : dialog.showOpenDialog(options));
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    listRemovableDrives: () =>
      listRemovableDrives({
        platform: process.platform,
        userName: os.userInfo().username,
        ...(process.env['SystemDrive'] !== undefined ? { systemDrive: process.env['SystemDrive'] } : {}),
        readdir: (dir) => fs.readdir(dir),
        isDirectory,
      }),
    // PDFs: the PC's own 公文 fonts, and printing through a hidden PDF-viewer window in its own session.
    systemFonts: installedRoleFonts,
    printFile: createPdfPrinter(
      session.fromPartition('huiwen-print'),
      (title) =>
        new BrowserWindow({
          show: false,
          title,
          webPreferences: {
            partition: 'huiwen-print',
            plugins: true,
            sandbox: true,
            disableBlinkFeatures: 'Auxclick',
            contextIsolation: true,
            nodeIntegration: false,
          },
        }),
    ),
  });
  registerIpc(ipcMain, handlers, console.error, devOrigin);

  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ dev, onAbout: showAbout })));
  await createMainWindow();
}

async function createMainWindow(): Promise<void> {
  const userData = app.getPath('userData');
  const saved = await loadWindowState((p) => fs.readFile(p, 'utf8'), userData);
  const bounds = saved
    ? clampToDisplays(
        saved,
        screen.getAllDisplays().map((d) => d.workArea),
      )
    : undefined;
  // electronegativity: CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK, NODE_INTEGRATION_JS_CHECK, AUXCLICK_JS_CHECK, REMOTE_MODULE_JS_CHECK — the options come from createWindowOptions (window-options.ts): contextIsolation and sandbox on, node integration off, Auxclick disabled, no remote module in Electron 45; its test pins every value.
  const window = new BrowserWindow(
    createWindowOptions({
      preloadPath: path.join(__dirname, '../preload/index.cjs'),
      ...(bounds !== undefined ? { bounds } : {}),
      devTools: dev,
    }),
  );
  mainWindow = window;
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const normal = window.getNormalBounds();
    const state: WindowState = { ...normal, maximized: window.isMaximized() };
    pendingStateSave = saveWindowState(fs, userData, state).catch((error: unknown) =>
      console.warn('[main] window state not saved', error),
    );
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  await window.loadURL(dev && devServerUrl !== undefined ? devServerUrl : APP_ENTRY_URL);
}
