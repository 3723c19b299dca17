/**
 * The renderer's bridge against the REAL main-process handlers (through the relay), driven by the UI:
 * files must really land on disk with the right bytes, and failures come back in Chinese.
 */
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createHandlers } from '../../electron/main/handlers';
import { invokeValidated } from '../../electron/main/ipc';
import { APP_ORIGIN } from '../../electron/main/origin';
import { EXPORT_README_NAME, exportReadmeBytes } from '../../renderer/features/exchange/export-readme';
import { expect, test } from './fixtures';
import { e2eAppInfo, installRelay, senderFor } from './relay';

const VERSION = '0.1.0-e2e';
// Start-up and background calls of the backup feature (audit head check, daily backup): not what these tests count.
const HOUSEKEEPING = new Set(['recordedAuditHead', 'recordAuditHead', 'backupStatus']);
const counted = (calls: Setup['calls']) => calls.filter((c) => !HOUSEKEEPING.has(c.method));
const FIXED_NOW = new Date(2026, 10, 27, 9, 5, 0);

interface Setup {
  readonly dir: string;
  readonly calls: Awaited<ReturnType<typeof installRelay>>;
}

async function setUp(
  page: Page,
  previewOrigin: string,
  pickFolder?: (dir: string) => Promise<string | null>,
): Promise<Setup> {
  const dir = await mkdtemp(path.join(tmpdir(), 'huiwen-e2e-'));
  const appInfo = e2eAppInfo(path.join(dir, 'userData'), VERSION);
  const calls = await installRelay(
    page,
    {
      appInfo: () => appInfo,
      pickFolder: async () => (pickFolder ? pickFolder(dir) : dir),
      pickSavePath: async (name) => path.join(dir, name),
      pickOpenPath: async () => null,
    },
    previewOrigin,
  );
  return { dir, calls };
}

test.describe('bridge through the real main-process handlers', () => {
  let setup: Setup | undefined;
  test.afterEach(async () => {
    if (setup) await rm(setup.dir, { recursive: true, force: true });
    setup = undefined;
  });

  test('the about page reads appInfo from main and saves diagnostics to disk', async ({ page, guard }) => {
    setup = await setUp(page, guard.appOrigin);
    await page.goto('/#/about');
    const main = page.getByRole('main');
    await expect(main).toContainText('桌面版');
    await expect(main).toContainText(VERSION);
    await expect(main).toContainText(path.join(setup.dir, 'userData'));
    await expect(page.getByRole('banner')).not.toContainText('浏览器版');

    await page.getByRole('button', { name: '导出诊断信息' }).click();
    await expect(page.getByText(/诊断信息已保存到/)).toBeVisible();
    const saved = (await readdir(setup.dir)).filter((f) => f.endsWith('.json'));
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatch(/^会文诊断信息-\d{8}-\d{4}\.json$/);
    const parsed = JSON.parse(await readFile(path.join(setup.dir, saved[0] as string), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(parsed).toMatchObject({
      format: 'huiwen-diagnostics/1',
      bridge: 'relay',
      appInfo: { version: VERSION, shell: 'electron' },
    });
    expect(counted(setup.calls).map((c) => [c.method, c.ok])).toEqual([
      ['appInfo', true],
      ['saveFile', true],
    ]);
    expect(
      setup.calls.every((c) => c.sender.frameUrl.startsWith(`${APP_ORIGIN}/`) && c.sender.isMainFrame),
    ).toBe(true);
  });

  test('数据交换 writes the readme into the chosen folder with the exact bytes', async ({ page, guard }) => {
    setup = await setUp(page, guard.appOrigin);
    await page.clock.setFixedTime(FIXED_NOW);
    await page.goto('/#/exchange');
    await page.getByRole('button', { name: '选择导出文件夹' }).click();
    await expect(page.getByRole('status')).toContainText(`已在“${setup.dir}”中写入“${EXPORT_README_NAME}”`);
    const onDisk = await readFile(path.join(setup.dir, EXPORT_README_NAME));
    // Same machine, same time zone: the page and Node format the fixed time alike.
    expect([...onDisk]).toEqual([...exportReadmeBytes(FIXED_NOW, VERSION)]);
    // The atomic write leaves no temp files behind.
    expect(await readdir(setup.dir)).toEqual([EXPORT_README_NAME]);
  });

  test('a failed write shows the main process error in Chinese', async ({ page, guard }) => {
    // A folder already sitting where the readme goes: the atomic rename onto it must fail.
    setup = await setUp(page, guard.appOrigin, async (dir) => {
      await mkdir(path.join(dir, EXPORT_README_NAME, 'occupied'), { recursive: true });
      return dir;
    });
    await page.goto('/#/exchange');
    await page.getByRole('button', { name: '选择导出文件夹' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('没有写入文件');
    await expect(alert).toContainText(/[\u4e00-\u9fff]{4,}/);
    await expect(alert).toContainText(EXPORT_README_NAME);
    expect(counted(setup.calls).map((c) => [c.method, c.ok])).toEqual([
      ['chooseFolder', true],
      ['appInfo', true],
      ['writeFilesAtomic', false],
    ]);
  });

  test('an invalid payload is refused by main with a Chinese message, and nothing is written', async ({
    page,
    guard,
  }) => {
    setup = await setUp(page, guard.appOrigin);
    await page.goto('/#/exchange');
    await expect(page.getByRole('heading', { level: 1, name: '数据交换' })).toBeVisible();
    // Straight through the relay, as a compromised renderer would: a path escaping the folder.
    const raw = await page.evaluate(async () => {
      const relay = (window as unknown as { __huiwenRelay: (m: string, a: string) => Promise<string> })
        .__huiwenRelay;
      const args = [
        '00000000-0000-4000-8000-000000000000',
        [{ relativePath: '../escape.txt', bytes: { $bytes: 'aGk=' } }],
      ];
      return relay('writeFilesAtomic', JSON.stringify(args));
    });
    const result = JSON.parse(raw) as { ok: boolean; error?: { code: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('invalid-payload');
    expect(result.error?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await readdir(path.dirname(setup.dir))).not.toContain('escape.txt');

    // A well-formed call for a folder never granted is refused too.
    const notGranted = await page.evaluate(async () => {
      const relay = (window as unknown as { __huiwenRelay: (m: string, a: string) => Promise<string> })
        .__huiwenRelay;
      const args = [
        '00000000-0000-4000-8000-000000000000',
        [{ relativePath: 'a.txt', bytes: { $bytes: 'aGk=' } }],
      ];
      return JSON.parse(await relay('writeFilesAtomic', JSON.stringify(args))) as {
        ok: boolean;
        error?: { code: string };
      };
    });
    expect(notGranted).toMatchObject({ ok: false, error: { code: 'not-granted' } });
  });

  test('only the main frame of the app origin passes the gate', async ({ guard }) => {
    // Our own CSP (frame-src none, frame-ancestors none) stops a sub-frame from even loading, so the
    // relay's sender mapping is checked against the real gate directly.
    const handlers = createHandlers({
      appInfo: () => {
        throw new Error('must not be reached');
      },
      pickFolder: async () => null,
      pickSavePath: async () => null,
      pickOpenPath: async () => null,
    });
    const quiet = () => undefined;
    const call = (url: string, main: boolean) =>
      invokeValidated(handlers, 'appInfo', [], senderFor(url, main, guard.appOrigin), quiet);
    expect(senderFor(`${guard.appOrigin}/index.html#/about`, true, guard.appOrigin)).toEqual({
      frameUrl: `${APP_ORIGIN}/index.html#/about`,
      isMainFrame: true,
    });
    expect(await call(`${guard.appOrigin}/#/about`, false)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    const foreign = await call('http://203.0.113.9/#/about', true);
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(foreign.ok ? '' : foreign.error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
