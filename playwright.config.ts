/**
 * Two projects:
 * - chromium: the renderer alone, served by `vite preview` (strict CSP, see renderer/vite.web.config.ts)
 *   from an already built dist-web/ (`npm run test:e2e` builds it first), driven in Debian's Chromium;
 * - electron: the packaged main + renderer (specs in test/electron skip where no Electron binary exists).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const PREVIEW_HOST = '127.0.0.1';
// HUIWEN_E2E_PORT (with HUIWEN_WEB_OUT for the build, and --output for artefacts) lets parallel runs in
// one checkout stay apart; the defaults are what CI and `npm run test:e2e` use.
const PREVIEW_PORT = Number(process.env.HUIWEN_E2E_PORT ?? 4173);
const PREVIEW_ORIGIN = `http://${PREVIEW_HOST}:${PREVIEW_PORT}`;

/** Projects named on the command line (`--project=x` or `--project x`); empty means all. */
function selectedProjects(argv: readonly string[]): string[] {
  const names: string[] = [];
  argv.forEach((arg, i) => {
    if (arg.startsWith('--project=')) names.push(arg.slice('--project='.length));
    else if (arg === '--project' && argv[i + 1]) names.push(argv[i + 1] as string);
  });
  return names;
}

const projects = selectedProjects(process.argv);
// Only the chromium project needs the preview server (and dist-web); an electron-only run must not.
const needsPreview = projects.length === 0 || projects.includes('chromium');
const isCI = Boolean(process.env.CI);

const builtIndex = path.resolve(process.env.HUIWEN_WEB_OUT ?? 'dist-web', 'index.html');
if (needsPreview && !existsSync(builtIndex)) {
  // Fail now with the fix, rather than after the web server times out serving 500s.
  throw new Error(`${builtIndex} is missing: run \`npm run build:web\` first (npm run test:e2e does both).`);
}

export default defineConfig({
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: true,
  retries: isCI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
  projects: [
    {
      name: 'chromium',
      testDir: 'test/e2e',
      use: {
        browserName: 'chromium',
        baseURL: PREVIEW_ORIGIN,
        viewport: { width: 1366, height: 768 },
        locale: 'zh-CN',
        screenshot: 'on',
        // Recording a trace (DOM snapshots and a screencast of every action) made each test about 40% slower,
        // so CI records one only when retrying a failure; locally every failure keeps its trace.
        trace: isCI ? 'on-first-retry' : 'retain-on-failure',
        launchOptions: {
          ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    {
      name: 'electron',
      testDir: 'test/electron',
      timeout: 60_000,
      use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
    },
  ],
  webServer: needsPreview
    ? {
        command: `npx vite preview --config renderer/vite.web.config.ts --host ${PREVIEW_HOST} --port ${PREVIEW_PORT} --strictPort`,
        url: `${PREVIEW_ORIGIN}/index.html`,
        reuseExistingServer: !isCI,
        timeout: 60_000,
        stdout: 'ignore',
        stderr: 'pipe',
        // Vite warns that its future native config loader wants '.ts' extensions on imports, which
        // tsconfig does not allow (no allowImportingTsExtensions); the warning would flood every run.
        env: { VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      }
    : undefined,
});
