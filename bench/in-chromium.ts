/**
 * What the in-browser benches share: their page code bundled with esbuild from the real renderer modules, run in
 * Debian's Chromium on a made-up origin served from memory (IndexedDB needs a real origin; no server needed).
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ORIGIN = 'http://bench.huiwen.invalid';

/** `--name N` from the bench's arguments (at least 1), else `fallback`. */
export const numberArg = (args: readonly string[], name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Math.max(1, Number(args[i + 1]) || fallback) : fallback;
};

/** Opens a page whose module `entry` (TypeScript, imports relative to the repo) has set `window.bench`. */
export async function withBenchPage<T>(entry: string, use: (page: Page) => Promise<T>): Promise<T> {
  const bundle = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
  });
  const js = bundle.outputFiles[0]?.text ?? '';
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const url = route.request().url();
      if (url.endsWith('/bench.js')) return route.fulfill({ contentType: 'text/javascript', body: js });
      return route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><script type="module" src="/bench.js"></script>',
      });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => 'bench' in window);
    return await use(page);
  } finally {
    await browser.close();
  }
}
