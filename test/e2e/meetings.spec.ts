/**
 * Meetings by keyboard: what the five walks (meeting-walks.spec.ts) do with the mouse, done here with the
 * keyboard alone where a clerk would — choosing the kind with the arrow keys, the chair from the list with
 * ArrowDown/Enter, saving and confirming with Enter, cancelling with a reason (arts. 39, 43).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { MeetingWalk, SAVE_TIMEOUT, sample, shanghaiDate } from './meeting-pages';

test.slow();
test.setTimeout(180_000);

/** With an antd Select focused and open, moves down the options until `title` is active, then takes it. */
async function arrowTo(page: Page, title: string) {
  const active = page.locator('.ant-select-dropdown:visible .ant-select-item-option-active');
  for (let i = 0; i < 20; i++) {
    if ((await active.getAttribute('title').catch(() => null)) === title) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`option ${title} not reached with ArrowDown`);
}

test('by keyboard: a 区长办公会议 planned with the entrusted deputy, then cancelled with a reason', async ({
  page,
}, testInfo) => {
  const w = new MeetingWalk(page, testInfo, 'meetings');
  await w.loadSampleOffice();
  await page.goto('/#/meetings/new');
  await expect(page.getByRole('heading', { level: 1, name: '新建会议' })).toBeVisible();

  // The kind with the arrow keys: 全体会议 → 党组会议 → 常务会议 → 区长办公会议.
  await page.getByRole('radio', { name: '区政府全体会议' }).focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: '区长办公会议' })).toBeChecked();
  await page.getByLabel('会议日期').fill(shanghaiDate(4));
  await page.getByLabel('会议地点').focus();
  await page.keyboard.type('区政府五楼会议室');

  // The chair from the list: ArrowDown to the entrusted 常务副区长, Enter.
  const chair = page.getByRole('combobox', { name: '主持人' });
  await chair.focus();
  await page.keyboard.press('Enter');
  await arrowTo(page, sample.executiveDeputy);
  await expect(
    page.getByTestId('plan-findings').locator('[data-rule="meeting.chair.entrusted"]'),
  ).toBeVisible();
  await w.shot('keyboard-new-head-office');

  // Save with Enter; if the rules warn, the reason is typed and confirmed with Enter too.
  await page.getByRole('button', { name: '保存会议', exact: true }).focus();
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 1, name: /^区长办公会议（/ });
  const dialog = page.getByRole('dialog', { name: /^保存会议：请说明继续的理由/ });
  await expect(heading.or(dialog)).toBeVisible({ timeout: SAVE_TIMEOUT });
  if (await dialog.isVisible()) {
    await dialog.getByLabel('继续办理的理由').focus();
    await page.keyboard.type('区长已书面委托，按程序筹备');
    await dialog.getByRole('button', { name: '说明理由并继续' }).focus();
    await page.keyboard.press('Enter');
  }
  await expect(heading).toBeVisible({ timeout: SAVE_TIMEOUT });
  await expect(page.getByText(`${sample.executiveDeputy}（受区长委托）`)).toBeVisible();

  // Cancelling needs a reason (art. 39): disabled until one is typed, then Tab to 取消会议 and Enter.
  await expect(page.getByRole('button', { name: '取消会议' })).toBeDisabled();
  await page.getByLabel('延期或取消的原因').focus();
  await page.keyboard.type('区长另有安排，议题并入下周常务会议');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '延期会议' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '取消会议' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(w.nextStep()).toContainText('会议已取消（原因：区长另有安排', { timeout: SAVE_TIMEOUT });
  await w.shot('keyboard-cancelled');
});
