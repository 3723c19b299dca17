/**
 * Backups through the REAL main-process handlers (relay): back up from 设置, change the data, restore, and
 * the data is back; the backup files on disk carry their SHA-256 and the audit head.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { checkBackupIntegrity } from '../../shared/ipc';
import { expect, loadSampleOffice, test } from './fixtures';
import { relayWithDataFolder } from './relay';

// Sample data is ~260 records in one durable transaction, and a restore rewrites every table.
test.slow();

let dir: string | undefined;
test.afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

test('back up from 设置 (data folder and USB stick), change the data, restore: the data is back', async ({
  page,
  guard,
}) => {
  const setup = await relayWithDataFolder(page, guard.appOrigin);
  dir = setup.dir;

  await loadSampleOffice(page);

  await page.getByRole('navigation', { name: '主导航' }).getByText('设置').click();
  const card = page.locator('.ant-card').filter({ hasText: '备份与恢复' });
  // The first start of the day already made the daily backup (of the store as it was then).
  await expect(card).toContainText('每日自动备份', { timeout: 15_000 });
  await card.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText('已备份到数据文件夹。')).toBeVisible({ timeout: 15_000 });
  const list = page.getByTestId('backup-list');
  await expect(list.getByRole('row').filter({ hasText: '手动备份' })).toHaveCount(1);

  await card.getByRole('button', { name: '备份到 U 盘…' }).click();
  await expect(page.getByText(/备份已保存到“.*会文备份-\d{8}-\d{4}\.hwbak”/)).toBeVisible({
    timeout: 15_000,
  });
  const onUsb = await readdir(setup.usb);
  expect(onUsb).toHaveLength(1);
  const usbCheck = checkBackupIntegrity(new Uint8Array(await readFile(path.join(setup.usb, onUsb[0]!))));
  expect(usbCheck.ok).toBe(true);
  if (usbCheck.ok) {
    expect(usbCheck.value.counts['people']).toBeGreaterThan(10);
    expect(usbCheck.value.auditHead?.sequence).toBeGreaterThan(10);
  }

  // Change the data: remove the sample.
  await page.getByRole('navigation', { name: '主导航' }).getByText('人员与单位').click();
  await page.getByRole('button', { name: '清除示例数据' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '清除' }).click();
  await expect(page.getByText('还没有人员与单位', { exact: true })).toBeVisible({ timeout: 15_000 });

  // Restore the manual backup: its contents are shown before anything changes.
  await page.getByRole('navigation', { name: '主导航' }).getByText('设置').click();
  await list.getByRole('row').filter({ hasText: '手动备份' }).getByRole('button', { name: '恢复…' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '从这个备份恢复？' });
  await expect(dialog).toContainText('人员');
  await expect(dialog).toContainText('SHA-256 与审计链均已核对无误');
  // The app reloads itself 0.8 s after the restore (the URL stays #/settings, so waiting for it proves nothing);
  // until then the old page is still up, and the reload lands on the sign-in screen, which the fixture passes.
  const reloaded = page.waitForEvent('load');
  await dialog.getByRole('button', { name: '恢复' }).click();
  await expect(page.getByText('已从备份恢复，正在重新载入…')).toBeVisible({ timeout: 15_000 });
  await reloaded;
  await expect(page).toHaveURL(/#\/settings$/);
  await page.getByRole('navigation', { name: '主导航' }).getByText('人员与单位').click({ timeout: 45_000 });
  await expect(page.getByText('示例数据', { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('table-people').getByRole('row').filter({ hasText: '王明' })).toHaveCount(1);

  // The state before the restore was saved first; the audit head beside the data follows the restore.
  const files = await readdir(setup.backups);
  expect(files.some((f) => f.endsWith('-pre-restore.hwbak'))).toBe(true);
  expect(files.some((f) => f.endsWith('-daily.hwbak'))).toBe(true);
  const head = JSON.parse(await readFile(path.join(setup.userData, 'audit-head.json'), 'utf8')) as {
    sequence: number;
  };
  expect(head.sequence).toBe(usbCheck.ok ? usbCheck.value.auditHead?.sequence : -1);
});
