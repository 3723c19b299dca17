import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

const NAV = [
  { label: '工作台', hash: '#/', heading: '工作台', text: '先在“人员与单位”中载入示例数据或录入领导班子' },
  {
    label: '会议',
    hash: '#/meetings',
    heading: '会议',
    text: '还没有会议。先在“人员与单位”中载入示例数据或录入领导班子，然后点击“新建会议”。',
  },
  // The documents page opens on its 收文 tab (an index redirect).
  { label: '公文', hash: '#/documents/incoming', heading: '公文', text: '还没有收文' },
  { label: '人员与单位', hash: '#/registry', heading: '人员与单位', text: '还没有人员与单位' },
  { label: '数据交换', hash: '#/exchange', heading: '数据交换', text: '选择导出文件夹' },
  { label: '设置', hash: '#/settings', heading: '设置', text: '收起左侧导航' },
  { label: '关于', hash: '#/about', heading: '关于会文', text: '导出诊断信息' },
] as const;

test('the shell loads in Chinese with the full navigation', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page).toHaveTitle('会文');
  const nav = page.getByRole('navigation', { name: '主导航' });
  for (const item of NAV) await expect(nav.getByRole('menuitem', { name: item.label })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('会文');
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
});

test('every navigation item opens its page', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: '主导航' });
  for (const item of NAV) {
    await nav.getByRole('menuitem', { name: item.label }).click();
    await expect(page).toHaveURL((url) => url.hash === item.hash);
    await expect(page.getByRole('heading', { level: 1, name: item.heading })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(item.text);
  }
});

test('the navigation works from the keyboard', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '工作台' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/meetings$/);
  await expect(page.getByRole('heading', { level: 1, name: '会议' })).toBeVisible();
});

test('the about page shows version, shell and data location', async ({ page, guard }) => {
  await page.goto('/#/about');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: '关于会文' })).toBeVisible();
  await expect(main).toContainText(/版本\s*0\.\d+\.\d+/);
  await expect(main).toContainText('浏览器版');
  await expect(main).toContainText('IndexedDB（浏览器存储）');
  await expect(main).toContainText(guard.appOrigin);
});

test('a deep link opens its page and reload keeps the route', async ({ page }) => {
  await page.goto('/#/registry');
  await expect(page.getByRole('heading', { level: 1, name: '人员与单位' })).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(/#\/registry$/);
  await expect(page.getByRole('heading', { level: 1, name: '人员与单位' })).toBeVisible();
  await expect(page).toHaveTitle('人员与单位 - 会文');
});

test('an unknown route says so in Chinese and leads back', async ({ page }) => {
  await page.goto('/#/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: '找不到这个页面' })).toBeVisible();
  await page.getByRole('button', { name: '回到工作台' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
});

test('the sider preference survives a reload', async ({ page }) => {
  await page.goto('/#/settings');
  const toggle = page.getByRole('switch', { name: '收起左侧导航' });
  await expect(toggle).not.toBeChecked();
  await toggle.click();
  await expect(toggle).toBeChecked();
  await page.reload();
  await expect(page.getByRole('switch', { name: '收起左侧导航' })).toBeChecked();
  await expect(page.getByRole('button', { name: '展开导航' })).toBeVisible();
});

test('the browser shell saves diagnostics as a download', async ({ page }) => {
  await page.goto('/#/about');
  await expect(page.getByText('IndexedDB（浏览器存储）')).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出诊断信息' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^会文诊断信息-\d{8}-\d{4}\.json$/);
  const file = await download.path();
  const { readFile } = await import('node:fs/promises');
  const parsed = JSON.parse(await readFile(file, 'utf8')) as {
    format: string;
    bridge: string;
    appInfo: { shell: string };
  };
  expect(parsed).toMatchObject({
    format: 'huiwen-diagnostics/1',
    bridge: 'browser',
    appInfo: { shell: 'browser' },
  });
  await expect(page.getByText(/诊断信息已保存到/)).toBeVisible();
});

test('full-page screenshot of the shell', async ({ page }, testInfo) => {
  await page.goto('/#/meetings');
  await expect(page.getByRole('heading', { level: 1, name: '会议' })).toBeVisible();
  // Fonts and antd's runtime styles settle before the picture is taken.
  await page.evaluate(() => document.fonts.ready);
  const screenshot = await page.screenshot({ fullPage: true });
  await testInfo.attach('shell.png', { body: screenshot, contentType: 'image/png' });
  const dir = path.join(testInfo.project.outputDir, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const { writeFile } = await import('node:fs/promises');
  await writeFile(path.join(dir, 'shell.png'), screenshot);
});

test('restoring default settings asks first, in a dialog that works under the CSP', async ({ page }) => {
  await page.goto('/#/settings');
  await page.getByRole('switch', { name: '收起左侧导航' }).click();
  await expect(page.getByRole('button', { name: '展开导航' })).toBeVisible();
  await page.getByRole('button', { name: '恢复默认设置' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('恢复默认界面设置？');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('switch', { name: '收起左侧导航' })).toBeChecked();
  await page.getByRole('button', { name: '恢复默认设置' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '恢复默认' }).click();
  await expect(page.getByRole('switch', { name: '收起左侧导航' })).not.toBeChecked();
  await expect(page.getByText('已恢复默认界面设置。')).toBeVisible();
});
