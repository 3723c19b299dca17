import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, loadSampleOffice, test } from './fixtures';

// Each test loads ~260 records in one durable IndexedDB transaction; on a loaded CI machine that is slow.
test.slow();

test('the sample office loads, pinyin search finds a person, and today’s acting arrangements show', async ({
  page,
}) => {
  await page.goto('/#/registry');
  await expect(page.getByRole('heading', { level: 1, name: '人员与单位' })).toBeVisible();
  await page.getByRole('button', { name: '载入示例数据' }).click();

  // One transaction of ~260 records with durable commit: allow for a slow disk.
  await expect(page.getByText('示例数据', { exact: true })).toBeVisible({ timeout: 15_000 });
  // The header names the office as soon as the sample is in the store.
  await expect(page.locator('.hw-header-office')).toHaveText('示例区人民政府办公室');
  const acting = page.getByTestId('acting-today');
  // The sample has a deputy away today, covered by the standing arrangement (art. 9).
  await expect(acting).toContainText('王明 代 孙丽华', { timeout: 15_000 });
  await expect(acting).toContainText('第九条');

  const search = page.getByRole('searchbox', { name: '搜索人员' });
  await search.fill('wm');
  const people = page.getByTestId('table-people');
  await expect(people.getByRole('row').filter({ hasText: '王明' })).toHaveCount(1);
  await expect(people.getByRole('row').filter({ hasText: '赵志远' })).toHaveCount(0);
  await search.fill('');
  await expect(people.getByRole('row').filter({ hasText: '赵志远' })).toHaveCount(1);

  // Units: the tree narrows the table to one kind.
  await page.getByRole('tab', { name: /^单位/ }).click();
  await page.getByRole('tree').getByText(/^乡镇/).click();
  const units = page.getByTestId('table-units');
  await expect(units.getByRole('row').filter({ hasText: '青石镇' })).toHaveCount(1);
  await expect(units.getByRole('row').filter({ hasText: '区教育局' })).toHaveCount(0);

  await page.getByRole('tab', { name: /^人员/ }).click();
  const dir = path.join('test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, 'registry.png'), fullPage: true });
});

test('sorting by a column header works from the keyboard', async ({ page }) => {
  await loadSampleOffice(page);
  const people = page.getByTestId('table-people');
  const header = people.getByRole('button', { name: /分管单位数/ });
  await header.focus();
  await page.keyboard.press('Enter'); // ascending
  await page.keyboard.press('Enter'); // descending
  await expect(people.getByRole('columnheader', { name: /分管单位数/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  // The deputies have the largest portfolios; the first data row is one of them.
  await expect(people.getByRole('row').nth(1)).toContainText('副区长');
});

test('the sample can be removed in one confirmed step', async ({ page }) => {
  await page.goto('/#/registry');
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await page.getByRole('button', { name: '清除示例数据' }).click({ timeout: 15_000 });
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('清除示例数据？');
  await dialog.getByRole('button', { name: '清除' }).click();
  await expect(page.getByText('还没有人员与单位', { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('示例数据', { exact: true })).toHaveCount(0);
  await expect(page.locator('.hw-header-office')).toHaveText('××区人民政府办公室');
});
