/**
 * The real desktop shell: built main + preload + renderer in the Electron binary. Checks what unit tests
 * cannot: the live webPreferences, the CSP header and nonce, denied navigation/window.open, and that no
 * request ever leaves app://. Skips (does not fail) where no Electron binary is installed.
 *
 * Needs `npm run build` first (out/main, out/preload, out/renderer) — `npm run test:electron` does it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from './electron-binary';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const binary = findElectronBinary(repoRoot);
const skipReason = binary.found ? '' : `skipped: no Electron binary (${binary.reason})`;
if (!binary.found) console.info(skipReason);

const BRIDGE_METHODS = [
  'appInfo',
  'chooseFolder',
  'listRemovableDrives',
  'openFile',
  'saveFile',
  'writeFilesAtomic',
];

test.describe('Electron shell', () => {
  test.skip(!binary.found, skipReason);
  // One app for the whole file: launching Electron is slow and the checks only read.
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let page: Page;
  let userData: string;
  const requested: string[] = [];

  test.beforeAll(async () => {
    if (!binary.found) return;
    userData = await mkdtemp(path.join(os.tmpdir(), 'huiwen-electron-e2e-'));
    // Never the dev server: this suite checks the built app exactly as it ships.
    const { ELECTRON_RENDERER_URL: _devServer, ...env } = process.env;
    app = await electron.launch({
      executablePath: binary.path,
      // The repo root: Electron reads package.json "main" (out/main/index.cjs), name and version.
      args: [repoRoot],
      cwd: repoRoot,
      env: { ...env, HUIWEN_USER_DATA_DIR: userData } as Record<string, string>,
    });
    page = await app.firstWindow();
    page.on('request', (request) => requested.push(request.url()));
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) await rm(userData, { recursive: true, force: true });
  });

  test('shows the Chinese shell from app://huiwen', async () => {
    await expect(page).toHaveTitle('会文');
    expect(page.url()).toMatch(/^app:\/\/huiwen\//);
    await expect(page.locator('#root')).toContainText(/[\u4e00-\u9fff]/);
  });

  test('runs with the hardened webPreferences', async () => {
    // getLastWebPreferences is not in Electron's public typings but exists at runtime in recent
    // versions; when present it shows the live values, otherwise the page-side probes below must do.
    const live = await app.evaluate(({ app: electronApp, BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as
        { getLastWebPreferences?: () => unknown } | undefined;
      return {
        prefs:
          typeof contents?.getLastWebPreferences === 'function' ? contents.getLastWebPreferences() : null,
        sandboxSwitch: electronApp.commandLine.hasSwitch('enable-sandbox'),
      };
    });
    expect(live.sandboxSwitch).toBe(true);
    if (live.prefs !== null) {
      expect(live.prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        navigateOnDragDrop: false,
      });
    }
    const pageView = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const bridge = w['huiwen'] as Record<string, unknown> | undefined;
      return {
        require: typeof w['require'],
        process: typeof w['process'],
        bridgeKeys: bridge ? Object.keys(bridge).sort() : [],
        frozen: bridge ? Object.isFrozen(bridge) : false,
      };
    });
    expect(pageView).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridgeKeys: BRIDGE_METHODS,
      frozen: true,
    });
  });

  test('serves HTML with a per-launch CSP nonce', async () => {
    const response = await page.reload();
    const csp = response?.headers()['content-security-policy'] ?? '';
    const nonce = await page.locator('meta[name="csp-nonce"]').getAttribute('content');
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22,}={0,2}$/);
    expect(csp).toContain(`'nonce-${nonce}'`);
    // 'wasm-unsafe-eval' (HarfBuzz in the PDF Worker) is allowed; plain 'unsafe-eval' and 'unsafe-inline' never.
    expect(csp).not.toMatch(/unsafe-inline|(^|[\s'])unsafe-eval/);
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  });

  test('answers the bridge from main', async () => {
    const info = await page.evaluate(async () => {
      const bridge = (window as unknown as { huiwen: { appInfo: () => Promise<unknown> } }).huiwen;
      return bridge.appInfo();
    });
    expect(info).toMatchObject({
      ok: true,
      value: { shell: 'electron', origin: 'app://huiwen', productName: '会文' },
    });
  });

  test('denies navigation to an external URL', async () => {
    const before = page.url();
    await page.evaluate(() => window.location.assign('https://example.com/'));
    // The navigation is prevented in main; give it time to (not) happen.
    await page.waitForTimeout(1_000);
    expect(page.url()).toBe(before);
  });

  test('denies window.open', async () => {
    const opened = await page.evaluate(() => window.open('https://example.com/', '_blank') === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  test('refuses path traversal on app://', async () => {
    const statuses = await page.evaluate(async () => {
      const urls = [
        '/..%2f..%2fpackage.json',
        '/%2e%2e/%2e%2e/package.json',
        '/resources/..%5c..%5cpackage.json',
        '/.git/config',
      ];
      return Promise.all(
        urls.map((u) =>
          fetch(u).then(
            (r) => r.status,
            () => 0,
          ),
        ),
      );
    });
    for (const status of statuses) expect(status).not.toBe(200);
  });

  test('never requests anything outside app:// (and in-memory data:/blob:)', async () => {
    await page.evaluate(async () => {
      await fetch('https://example.com/beacon').catch(() => undefined);
      const img = new Image();
      img.src = 'http://127.0.0.1:9/x.png';
    });
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(requested.length).toBeGreaterThan(0);
    const outside = requested.filter((url) => !/^(app:\/\/huiwen\/|data:|blob:)/.test(url));
    // Attempts may be *issued* by the page but must never succeed; main cancels them and CSP blocks them.
    for (const url of outside) expect(url).toMatch(/^(https:\/\/example\.com\/|http:\/\/127\.0\.0\.1:9\/)/);
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(loaded.filter((url) => !/^(app:\/\/huiwen\/|data:|blob:)/.test(url))).toEqual([]);
  });
});
