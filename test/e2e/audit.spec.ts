/** The audit trail screen (issue 4): who changed what, filters, and chain verification from the screen. */
import { expect, loadSampleOffice, test, TEST_ADMIN } from './fixtures';

test.slow();

test('the audit screen names the operator of each change, filters, and verifies the chain', async ({
  page,
}) => {
  await loadSampleOffice(page);

  await page.getByRole('navigation', { name: '主导航' }).getByText('审计日志').click();
  await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible();
  const table = page.getByTestId('audit-table');
  const sampleRows = table.getByRole('row').filter({ hasText: '载入示例数据' });
  await expect(sampleRows.first()).toContainText(TEST_ADMIN.name);
  // The administrator's own creation is the first entry.
  // Typing narrows the list (it is virtualized, so not every option is in the page).
  await page.getByRole('combobox', { name: '记录类型' }).fill('操作员');
  await page.keyboard.press('Enter');
  await expect(table.getByRole('row').filter({ hasText: '首次使用：创建管理员' })).toHaveCount(1);
  await expect(sampleRows).toHaveCount(0);
  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.getByLabel('记录编号').fill('no-such-record');
  await expect(table).toContainText('没有符合条件的审计记录。');
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(sampleRows.first()).toBeVisible();

  await page.getByRole('button', { name: '校验审计链' }).click();
  await expect(page.getByTestId('audit-verdict')).toContainText('审计链完整', { timeout: 20_000 });

  // Change one stored entry behind the app's back: the check names the first broken link.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('huiwen');
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('audit', 'readwrite');
          const store = tx.objectStore('audit');
          const get = store.get(3);
          get.onsuccess = () => store.put({ ...get.result, operatorName: '冒名' });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        request.onerror = () => reject(request.error);
      }),
  );
  await page.getByRole('button', { name: '校验审计链' }).click();
  const verdict = page.getByTestId('audit-verdict');
  await expect(verdict).toContainText('审计链在第 3 条处断开', { timeout: 20_000 });
  await expect(verdict).toContainText('内容与其摘要不符');
});
