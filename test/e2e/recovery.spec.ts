/**
 * A store that cannot be opened shows the recovery screen — never an empty app — and can be restored from
 * a backup there.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, loadSampleOffice, test } from './fixtures';
import { relayWithDataFolder } from './relay';

test.slow();

/** Opens the app's database with a much higher version and drops a table: Dexie can no longer open it. */
async function corruptStore(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('huiwen', 990);
        request.onupgradeneeded = () => request.result.deleteObjectStore('meetings');
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
  );
}

test('a damaged store shows the recovery screen in Chinese, not an empty app', async ({ page }) => {
  await page.goto('/#/registry');
  await expect(page.getByRole('heading', { level: 1, name: '人员与单位' })).toBeVisible();
  await corruptStore(page);
  await page.reload();

  await expect(page.getByRole('heading', { level: 1, name: '本机数据无法打开' })).toBeVisible();
  await expect(page.getByTestId('recovery-message')).toContainText('更新版本的会文');
  await expect(page.getByText('会文没有自动新建空白数据')).toBeVisible();
  for (const name of ['导出可读取的数据…', '从备份文件恢复…', '重试']) {
    await expect(page.getByRole('button', { name })).toBeVisible();
  }
  // The browser keeps no automatic backups and says so.
  await expect(page.getByText('浏览器版不支持自动备份')).toBeVisible();
  // No app: no navigation, and no "continue" for a store that did not open.
  await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '仍然继续使用' })).toHaveCount(0);
  // Still there after another reload: nothing was recreated behind the clerk's back.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '本机数据无法打开' })).toBeVisible();
});

test('the recovery screen restores the store from a backup in the data folder', async ({ page, guard }) => {
  const setup = await relayWithDataFolder(page, guard.appOrigin);
  try {
    await loadSampleOffice(page);
    await page.getByRole('navigation', { name: '主导航' }).getByText('设置').click();
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect(page.getByText('已备份到数据文件夹。')).toBeVisible({ timeout: 15_000 });

    await corruptStore(page);
    await page.goto('/#/registry');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: '本机数据无法打开' })).toBeVisible();
    const row = page.getByTestId('recovery-backups').getByRole('row').filter({ hasText: '手动备份' });
    await row.getByRole('button', { name: '恢复…' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '用这个备份恢复本机数据？' });
    await expect(dialog).toContainText('人员');
    await dialog.getByRole('button', { name: '恢复' }).click();

    await expect(page.getByRole('heading', { level: 1, name: '人员与单位' })).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByText('示例数据', { exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('table-people').getByRole('row').filter({ hasText: '王明' })).toHaveCount(
      1,
    );
  } finally {
    await rm(setup.dir, { recursive: true, force: true });
  }
});

test('audit entries cut off the end show as 审计记录被截断; the clerk may carry on after a warning', async ({
  page,
  guard,
}) => {
  const setup = await relayWithDataFolder(page, guard.appOrigin);
  try {
    await loadSampleOffice(page);
    // The running app reports the head to main; wait until audit-head.json holds the sample's entries.
    const headFile = path.join(setup.userData, 'audit-head.json');
    await expect
      .poll(
        async () => {
          try {
            return (JSON.parse(await readFile(headFile, 'utf8')) as { sequence: number }).sequence;
          } catch {
            return 0;
          }
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(10);

    // Cut the last audit entry straight out of IndexedDB: the chain that is left still verifies.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('huiwen');
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction('audit', 'readwrite');
            const cursor = tx.objectStore('audit').openCursor(null, 'prev');
            cursor.onsuccess = () => cursor.result?.delete();
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          request.onerror = () => reject(request.error);
        }),
    );
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: '审计记录被截断或与登记不符' })).toBeVisible();
    await expect(page.getByTestId('recovery-message')).toContainText('审计记录被截断');
    await page.getByRole('button', { name: '仍然继续使用' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '继续使用' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '人员与单位' })).toBeVisible();
  } finally {
    await rm(setup.dir, { recursive: true, force: true });
  }
});
