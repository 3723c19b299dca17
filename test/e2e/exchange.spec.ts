/**
 * Packets between two PCs through the REAL main-process handlers (relay) and real files on disk:
 * PC 甲 exports a meeting to its "U 盘"; the file passes the CLI's verify; PC 乙 (a second browser context, so
 * a fresh IndexedDB) imports it after confirming the fingerprint; re-importing shows 无变化; a tampered copy is
 * refused with its message and nothing changes; a meeting changed on both sides comes back as a conflict shown
 * side by side and is not overwritten until the clerk chooses; 乙 writes a receipt that 甲 registers.
 */
import { mkdirSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, TestInfo } from '@playwright/test';
import type { HandlerFs } from '../../electron/main/handlers';
import { openPacket } from '../../shared/packet';
import { main as packetCli } from '../../scripts/packet';
import { expect, shanghaiDate, test } from './fixtures';
import { e2eAppInfo, installRelay } from './relay';
import { takeStep } from './steps';

test.slow();
test.setTimeout(300_000);

const SAVE = { timeout: 20_000 };
const ADMIN = { name: '交换管理员', password: 'huiwen-e2e-2026' };

let dir: string | undefined;
let second: BrowserContext | undefined;
test.afterEach(async () => {
  await second?.close();
  second = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/**
 * One PC: its own data folder and U 盘 folder; `open` is the file the next 打开数据包 dialog returns;
 * `badStick` makes reads of .hwpkt files come back with one byte flipped (a stick with a bad block), which
 * only the read-back after an export can notice.
 */
async function pcRelay(page: Page, root: string, name: string, appOrigin: string) {
  const userData = path.join(root, name, 'userData');
  const usb = path.join(root, name, 'U盘');
  await mkdir(usb, { recursive: true });
  const state = { open: null as string | null, badStick: false };
  const fs: HandlerFs = {
    ...nodeFs,
    readFile: async (file: string) => {
      const bytes = new Uint8Array(await nodeFs.readFile(file));
      if (state.badStick && file.endsWith('.hwpkt')) bytes[Math.floor(bytes.length / 2)]! ^= 0x20;
      return bytes;
    },
  };
  const appInfo = e2eAppInfo(userData);
  const calls = await installRelay(
    page,
    {
      appInfo: () => appInfo,
      pickFolder: async () => usb,
      pickSavePath: async (file) => path.join(root, name, file),
      pickOpenPath: async () => state.open,
      userDataDir: userData,
      fs,
    },
    appOrigin,
  );
  return { usb, state, calls };
}

/** Signs in when the operator gate asks (first run creates the administrator). */
async function passGate(page: Page) {
  const nav = page.getByRole('navigation', { name: '主导航' });
  const setup = page.getByTestId('operator-setup');
  const signIn = page.getByTestId('operator-sign-in');
  await expect(nav.or(setup).or(signIn).first()).toBeVisible(SAVE);
  if (await setup.isVisible()) {
    await setup.getByLabel('名字').fill(ADMIN.name);
    await setup.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await setup.getByLabel('再次输入密码').fill(ADMIN.password);
    await setup.getByRole('button', { name: '创建管理员并登录' }).click();
  } else if (await signIn.isVisible()) {
    await signIn.getByLabel('名字').fill(ADMIN.name);
    await signIn.getByLabel('密码').fill(ADMIN.password);
    await signIn.getByRole('button', { name: '登录' }).click();
  }
  await expect(nav).toBeVisible(SAVE);
}

async function loadSampleOffice(page: Page) {
  await page.goto('/#/registry');
  await passGate(page);
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await expect(page.getByText('示例数据', { exact: true })).toBeVisible(SAVE);
}

async function createMeeting(page: Page, place: string) {
  await page.goto('/#/meetings');
  await page.getByRole('button', { name: '新建会议' }).click();
  await page.getByRole('radio', { name: '区政府常务会议' }).check();
  await page.getByLabel('会议日期').fill(shanghaiDate(3));
  await page.getByLabel('开始时间').fill('09:00');
  await page.getByLabel('会议地点').fill(place);
  await takeStep(page, '保存会议', '端到端测试');
  await expect(page.getByRole('heading', { level: 1, name: /区政府常务会议（/ })).toBeVisible(SAVE);
}

async function exportMeeting(page: Page, testInfo: TestInfo, place: string) {
  await page.goto('/#/exchange');
  await page.getByRole('tab', { name: '导出' }).click();
  const candidates = page.getByTestId('export-candidates');
  await candidates.getByRole('row').filter({ hasText: '区政府常务会议' }).getByRole('checkbox').check();
  await page.getByLabel('接收单位').fill('区委办公室');
  await page.getByLabel('报送事由').fill(`报送常务会议安排（${place}）`);
  await page.getByRole('button', { name: '生成预览' }).click();
  const preview = page.getByTestId('export-preview');
  await expect(preview).toContainText('区政府常务会议', SAVE);
  await expect(preview).toContainText('未加密');
  // The meeting's 会议通知 PDF travels with it (issue 8), generated by the PDF engine.
  await expect(preview).toContainText('会议通知.pdf', { timeout: 60_000 });
  await expect(page.getByTestId('export-pdf-failures')).toHaveCount(0);
  await shot(page, testInfo, `00-export-preview-${place}`);
  await preview.getByRole('button', { name: '选择文件夹并写入' }).click();
  await expect(page.getByRole('progressbar').or(page.getByRole('status')).first()).toBeVisible(SAVE);
  const done = page.getByRole('status').filter({ hasText: '数据包已写入并核对' });
  await expect(done).toBeVisible(SAVE);
  await expect(done).toContainText('从 U 盘读回，按接收方的全部检查复核通过');
}

async function openPacketFile(page: Page, relay: { state: { open: string | null } }, file: string) {
  relay.state.open = file;
  await page.getByRole('tab', { name: '导入' }).click();
  await page.getByRole('button', { name: '打开数据包…' }).click();
}

async function shot(page: Page, testInfo: TestInfo, name: string) {
  const dir = path.join('test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `exchange-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(`exchange-${name}`, { path: file, contentType: 'image/png' });
}

const hwpkts = async (folder: string) => (await readdir(folder)).filter((f) => f.endsWith('.hwpkt')).sort();

test('export a meeting to the U 盘, import it on a second PC, re-import, tampered copy, conflict, receipt', async ({
  page,
  browser,
  guard,
  baseURL,
}, testInfo) => {
  dir = await mkdtemp(path.join(tmpdir(), 'huiwen-exchange-e2e-'));

  // ---- PC 甲: sample office, a meeting, exported.
  const a = await pcRelay(page, dir, 'jia', guard.appOrigin);
  await loadSampleOffice(page);
  await createMeeting(page, '区政府三楼常务会议室');
  await exportMeeting(page, testInfo, '第一次');
  const [first] = await hwpkts(a.usb);
  expect(first).toMatch(/^HW-[0-9A-F]{8}-\d{8}-meeting-[0-9a-f]{32}\.hwpkt$/);
  const firstPath = path.join(a.usb, first!);
  expect(await packetCli(['verify', firstPath])).toBe(0);
  // The export read the packet back from the stick through the real main-process handler.
  expect(a.calls.filter((c) => c.method === 'readGrantedFile').map((c) => c.ok)).toEqual([true]);
  const sent = await openPacket(new Uint8Array(await readFile(firstPath)));
  if (!sent.ok) throw new Error(sent.message);
  const notice = [...sent.packet.files].find(([p]) => p.endsWith('/g-notice.pdf'));
  expect(new TextDecoder().decode(notice?.[1].subarray(0, 5))).toBe('%PDF-');
  await page.getByRole('tab', { name: '本机密钥' }).click();
  const fingerprintA = (await page.getByTestId('own-key').locator('code').textContent())!.trim();
  expect(fingerprintA).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  await page.getByRole('tab', { name: '交换登记' }).click();
  await expect(
    page.getByTestId('packet-register').getByRole('row').filter({ hasText: '区委办公室' }),
  ).toHaveCount(1);

  // ---- PC 乙: a second browser context is a second PC (its own IndexedDB).
  second = await browser.newContext({ baseURL: baseURL! });
  const pageB = await second.newPage();
  const pageErrorsB: string[] = [];
  pageB.on('pageerror', (e) => pageErrorsB.push(String(e)));
  const b = await pcRelay(pageB, dir, 'yi', guard.appOrigin);
  await loadSampleOffice(pageB);
  await pageB.goto('/#/exchange');
  await openPacketFile(pageB, b, firstPath);
  const preview = pageB.getByTestId('import-preview');
  await expect(preview).toContainText('首次收到', SAVE);
  await expect(pageB.getByTestId('signer-fingerprint')).toHaveText(fingerprintA);
  await shot(pageB, testInfo, '01-import-preview');
  await expect(pageB.getByTestId('import-new')).toContainText('区政府常务会议');
  const importButton = preview.getByRole('button', { name: '导入' });
  await expect(importButton).toBeDisabled();
  await preview.getByText('已电话核对，指纹一致').click();
  await importButton.click();
  await expect(pageB.getByTestId('import-done')).toContainText('已导入 1 条', SAVE);

  await pageB.goto('/#/meetings');
  await expect(pageB.getByRole('link', { name: /区政府常务会议/ })).toHaveCount(1, SAVE);

  // Re-import: 无变化.
  await pageB.goto('/#/exchange');
  await openPacketFile(pageB, b, firstPath);
  await expect(pageB.getByTestId('import-noop')).toContainText('无变化', SAVE);
  await expect(pageB.getByTestId('import-unchanged')).toContainText('区政府常务会议');

  // A tampered copy (one byte flipped in the middle) is refused; the register still has one received packet.
  const bytes = await readFile(firstPath);
  const flipped = Buffer.from(bytes);
  flipped[Math.floor(flipped.length / 2)]! ^= 0x20;
  const tamperedPath = path.join(dir, 'tampered.hwpkt');
  await writeFile(tamperedPath, flipped);
  expect(await packetCli(['verify', tamperedPath])).toBe(1);
  await openPacketFile(pageB, b, tamperedPath);
  const refused = pageB.getByTestId('import-refused');
  await expect(refused).toContainText('数据包未导入', SAVE);
  await expect(refused).toContainText(/请勿导入|校验|签名|不符/);
  await expect(pageB.getByTestId('import-preview')).toHaveCount(0);
  await pageB.getByRole('tab', { name: '交换登记' }).click();
  await expect(pageB.getByTestId('packet-register').locator('tbody tr.ant-table-row')).toHaveCount(1);

  // ---- The meeting changes on both sides: 甲 postpones it, 乙 cancels it.
  await page.goto('/#/meetings');
  await passGate(page);
  await page.getByRole('link', { name: /区政府常务会议/ }).click();
  await page.getByLabel('延期或取消的原因').fill('区长临时外出');
  await takeStep(page, '延期会议', '端到端测试');
  await expect(page.getByText('已延期').first()).toBeVisible(SAVE);

  await pageB.goto('/#/meetings');
  await passGate(pageB);
  await pageB.getByRole('link', { name: /区政府常务会议/ }).click();
  await pageB.getByLabel('延期或取消的原因').fill('议题尚未准备好');
  await takeStep(pageB, '取消会议', '端到端测试');
  await expect(pageB.getByText('已取消').first()).toBeVisible(SAVE);

  await exportMeeting(page, testInfo, '第二次');
  const second2 = (await hwpkts(a.usb)).find((f) => f !== first)!;
  const secondPath = path.join(a.usb, second2);

  await pageB.goto('/#/exchange');
  await passGate(pageB);
  await openPacketFile(pageB, b, secondPath);
  const conflict = pageB.getByTestId('conflict');
  await expect(conflict).toHaveCount(1, SAVE);
  const stateRow = conflict.getByRole('row').filter({ hasText: '会议状态' });
  await expect(stateRow).toContainText('已取消');
  await expect(stateRow).toContainText('已延期');
  const apply = pageB.getByTestId('import-preview').getByRole('button', { name: '导入' });
  await expect(apply).toBeDisabled();
  await expect(pageB.getByText('还有 1 处冲突未选择处理方式。')).toBeVisible();
  await shot(pageB, testInfo, '02-conflict');

  // Not overwritten while undecided: 乙's meeting is still cancelled.
  await pageB.getByRole('tab', { name: '交换登记' }).click();
  await expect(pageB.getByTestId('packet-register').locator('tbody tr.ant-table-row')).toHaveCount(1);
  await pageB.getByRole('tab', { name: '导入' }).click();
  await conflict.getByRole('radio', { name: '保留本机' }).check();
  await apply.click();
  await expect(pageB.getByTestId('import-done')).toContainText('保留本机 1 处冲突', SAVE);

  // Receipt, written to 乙's U 盘, then registered by 甲 against its sent packet.
  await pageB.getByTestId('import-done').getByRole('button', { name: '生成回执' }).click();
  await expect(pageB.getByTestId('receipt-written')).toBeVisible(SAVE);
  const [receipt] = (await hwpkts(b.usb)).filter((f) => f.includes('-receipt-'));
  expect(receipt).toBeDefined();
  expect(await packetCli(['verify', path.join(b.usb, receipt!)])).toBe(0);

  await pageB.goto('/#/meetings');
  await passGate(pageB);
  await expect(pageB.getByText('已取消').first()).toBeVisible(SAVE);

  await page.goto('/#/exchange');
  await passGate(page);
  await openPacketFile(page, a, path.join(b.usb, receipt!));
  await expect(page.getByTestId('import-preview')).toContainText('这是对方的回执', SAVE);
  await page.getByText('已电话核对，指纹一致').click();
  await page.getByRole('button', { name: '登记回执' }).click();
  await expect(page.getByTestId('import-done')).toContainText('回执已登记', SAVE);
  await page.getByRole('tab', { name: '交换登记' }).click();
  await expect(page.getByTestId('packet-register')).toContainText('已送达');
  await shot(page, testInfo, '03-register');

  // A stick that hands back other bytes than were written: the read-back refuses it, the register says so.
  a.state.badStick = true;
  await page.getByRole('tab', { name: '导出' }).click();
  await page
    .getByTestId('export-candidates')
    .getByRole('row')
    .filter({ hasText: '区政府常务会议' })
    .getByRole('checkbox')
    .check();
  await page.getByLabel('接收单位').fill('区委办公室');
  await page.getByLabel('报送事由').fill('报送常务会议（坏 U 盘）');
  await page.getByRole('button', { name: '生成预览' }).click();
  await page.getByTestId('export-preview').getByRole('button', { name: '选择文件夹并写入' }).click();
  const failed = page.getByRole('alert').filter({ hasText: '没有导出' });
  await expect(failed).toContainText('U 盘上读回的数据包与生成的不一致', SAVE);
  await expect(failed).toContainText('已记入交换登记');
  await page.getByRole('tab', { name: '交换登记' }).click();
  await expect(
    page.getByTestId('packet-register').getByRole('row').filter({ hasText: '坏 U 盘' }),
  ).toContainText('写入后读回复核未通过');

  expect(pageErrorsB).toEqual([]);
});
