import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

// The page-side hooks of renderer/data/test-hooks.ts (installed with ?e2e-hooks), as far as this spec uses them.
declare global {
  interface Window {
    __huiwenStoreTest?: {
      started: boolean;
      done: boolean;
      bulkWrite(rows: number): Promise<void>;
      counts(): Promise<{ meetings: number; audit: number }>;
      verify(): Promise<{ ok: boolean }>;
    };
  }
}

// Durable IndexedDB commits and a 20 000-row transaction: slow on a loaded machine.
test.slow();

async function openRegistry(page: Page, hooks = false) {
  await page.goto(hooks ? '/?e2e-hooks#/registry' : '/#/registry');
  await expect(page.getByRole('heading', { level: 1, name: '人员与单位' })).toBeVisible();
}

test('records created through the UI survive a reload intact; a failed save keeps what was typed', async ({
  page,
}) => {
  await openRegistry(page);
  await page.getByRole('button', { name: '逐条录入' }).click();

  await page.getByRole('button', { name: '新增人员' }).click();
  let dialog = page.getByRole('dialog', { name: '新增人员' });
  await dialog.getByLabel('备注').fill('由端到端测试录入');
  await dialog.getByRole('button', { name: '保存' }).click();
  // Refused by the schema: the message sits next to the field and the note is still there.
  await expect(dialog.getByText('此项必填')).toBeVisible();
  await expect(dialog.getByLabel('备注')).toHaveValue('由端到端测试录入');
  await dialog.getByLabel('姓名').fill('吴测试');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });

  await page.getByRole('tab', { name: /^单位/ }).click();
  await page.getByRole('button', { name: '新增单位' }).click();
  dialog = page.getByRole('dialog', { name: '新增单位' });
  await dialog.getByLabel('单位名称').fill('区测试局');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });

  await page.getByRole('tab', { name: /^任职记录/ }).click();
  await page.getByRole('button', { name: '新增任职记录' }).click();
  dialog = page.getByRole('dialog', { name: '新增任职记录' });
  await dialog.getByRole('combobox', { name: /人员$/ }).fill('wcs');
  await page.keyboard.press('Enter');
  await dialog.getByRole('combobox', { name: /职务$/ }).click();
  // antd draws its dropdown items as divs with a title; the role=option nodes are a hidden a11y list.
  await page.locator('.ant-select-item-option[title="主要负责同志"]').click();
  await dialog.getByRole('combobox', { name: /单位$/ }).fill('qcs');
  await page.keyboard.press('Enter');
  await dialog.getByLabel('任职开始').fill('2026-02-30');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('日期格式应为 YYYY-MM-DD 且为真实日期')).toBeVisible();
  await dialog.getByLabel('任职开始').fill('2026-02-03');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '人员与单位' })).toBeVisible();
  const people = page.getByTestId('table-people');
  await expect(people.getByRole('row').filter({ hasText: '吴测试' })).toContainText('区测试局主要负责同志');
  await page.getByRole('tab', { name: /^单位/ }).click();
  await expect(
    page.getByTestId('table-units').getByRole('row').filter({ hasText: '区测试局' }),
  ).toContainText('吴测试');
  await page.getByRole('tab', { name: /^任职记录/ }).click();
  await expect(page.getByTestId('table-posts').getByRole('row').filter({ hasText: '吴测试' })).toContainText(
    '2026-02-03',
  );
});

test('a write interrupted by closing the page leaves all or nothing, and the audit chain still verifies', async ({
  page,
  context,
}) => {
  const ROWS = 20_000;
  await openRegistry(page, true);
  await page.waitForFunction(() => window.__huiwenStoreTest !== undefined);
  const before = await page.evaluate(() => window.__huiwenStoreTest!.counts());

  await page.evaluate((n) => {
    void window.__huiwenStoreTest!.bulkWrite(n);
  }, ROWS);
  await page.waitForFunction(() => window.__huiwenStoreTest!.started, undefined, { timeout: 30_000 });
  const finishedBeforeClose = await page.evaluate(() => window.__huiwenStoreTest!.done);
  await page.close({ runBeforeUnload: false });

  const again = await context.newPage();
  await openRegistry(again, true);
  await again.waitForFunction(() => window.__huiwenStoreTest !== undefined);
  const after = await again.evaluate(() => window.__huiwenStoreTest!.counts());
  expect([0, ROWS]).toContain(after.meetings - before.meetings);
  // Audit entries are written in the same transaction: exactly one per row that survived.
  expect(after.audit - before.audit).toBe(after.meetings - before.meetings);
  if (!finishedBeforeClose)
    test
      .info()
      .annotations.push({
        type: 'outcome',
        description: after.meetings === 0 ? 'aborted: nothing stored' : 'committed before the page died',
      });
  expect(await again.evaluate(() => window.__huiwenStoreTest!.verify())).toMatchObject({ ok: true });
});
