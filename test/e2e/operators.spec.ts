/**
 * Operator accounts (issue 4): first-run administrator, a 文书 who may only view the registry, lockout after
 * five wrong passwords (kept across a reload), and the screen lock after idle minutes (driven by page.clock).
 * These specs sign in themselves: the fixture's automatic sign-in is off here.
 */
import type { Page } from '@playwright/test';
import { createFirstAdmin, expect, signIn, TEST_ADMIN, test } from './fixtures';

test.use({ autoSignIn: false });
// PBKDF2 with 600 000 iterations per sign-in, and a durable sample load: slow on a loaded machine.
test.slow();

const CLERK = { name: '李文书', password: 'clerk-pass-2026' } as const;

const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });

async function firstRun(page: Page, path = '/#/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: '创建管理员' })).toBeVisible();
  // Nothing of the app shows before an administrator exists.
  await expect(nav(page)).toHaveCount(0);
  await createFirstAdmin(page, TEST_ADMIN.name, TEST_ADMIN.password);
  await expect(nav(page)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('operator-badge')).toContainText(TEST_ADMIN.name);
  await expect(page.getByTestId('operator-badge')).toContainText('管理员');
}

async function addClerk(page: Page): Promise<void> {
  await nav(page).getByText('操作员').click();
  await expect(page.getByRole('heading', { level: 1, name: '操作员' })).toBeVisible();
  await page.getByRole('button', { name: '新增操作员' }).click();
  const dialog = page.getByRole('dialog', { name: '新增操作员' });
  await dialog.getByLabel('名字').fill(CLERK.name);
  await expect(dialog.getByRole('radio', { name: '文书' })).toBeChecked();
  await dialog.getByLabel('初始密码').fill('short');
  await dialog.getByRole('button', { name: '新增' }).click();
  await expect(dialog).toContainText('密码至少 8 位');
  await dialog.getByLabel('初始密码').fill(CLERK.password);
  await dialog.getByRole('button', { name: '新增' }).click();
  await expect(dialog).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByRole('row').filter({ hasText: CLERK.name })).toContainText('文书');
}

test('first run creates the administrator; a 文书 added by them can only view the registry', async ({
  page,
}) => {
  await firstRun(page, '/?e2e-hooks#/registry');
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await expect(page.getByText('示例数据', { exact: true })).toBeVisible({ timeout: 40_000 });
  await addClerk(page);

  await page.getByRole('button', { name: '退出' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();
  await signIn(page, CLERK.name, CLERK.password);
  await expect(page.getByTestId('operator-badge')).toContainText(CLERK.name, { timeout: 20_000 });
  await expect(page.getByTestId('operator-badge')).toContainText('文书');

  await nav(page).getByText('人员与单位').click();
  await expect(page.getByText('您以文书身份登录：这里只能查看。')).toBeVisible();
  await expect(page.getByRole('button', { name: '新增人员' })).toBeDisabled();
  await expect(page.getByRole('button', { name: '清除示例数据' })).toBeDisabled();
  const people = page.getByTestId('table-people');
  await expect(people.getByRole('row').filter({ hasText: '王明' })).toHaveCount(1);
  await expect(people.getByRole('button', { name: /^修改 / })).toHaveCount(0);
  await expect(people.getByRole('button', { name: /^删除 / })).toHaveCount(0);

  // Past the UI, straight to the repository: refused in Chinese, nothing stored.
  const refusal = await page.evaluate(() =>
    (
      window as unknown as { __huiwenStoreTest: { savePerson(id: string, n: string): Promise<string> } }
    ).__huiwenStoreTest.savePerson('p-clerk', '不该保存'),
  );
  expect(refusal).toContain('只有管理员可以修改人员与单位');

  // The accounts page tells a 文书 why it is closed.
  await nav(page).getByText('操作员').click();
  await expect(page.getByText('只有管理员可以管理操作员账户。')).toBeVisible();
  await expect(page.getByRole('button', { name: '新增操作员' })).toHaveCount(0);
});

test('five wrong passwords lock the account for 15 minutes, and a reload does not lift it', async ({
  page,
}) => {
  // Nine PBKDF2 derivations in the page, each a second or more on a busy machine.
  test.setTimeout(test.info().timeout + 120_000);
  await firstRun(page);
  await addClerk(page);
  await page.getByRole('button', { name: '退出' }).click();

  const error = page.getByTestId('sign-in-error');
  for (let left = 4; left >= 1; left--) {
    await signIn(page, CLERK.name, 'wrong-password');
    await expect(error).toContainText(`再输错 ${left} 次`, { timeout: 20_000 });
  }
  await signIn(page, CLERK.name, 'wrong-password');
  await expect(error).toContainText('账户已锁定', { timeout: 20_000 });

  await page.reload();
  await signIn(page, CLERK.name, CLERK.password);
  await expect(error).toContainText('账户已锁定', { timeout: 20_000 });
  await expect(nav(page)).toHaveCount(0);

  // The administrator sees the lock and lifts it by resetting the password.
  await signIn(page, TEST_ADMIN.name, TEST_ADMIN.password);
  await nav(page).getByText('操作员').click();
  const row = page.getByRole('row').filter({ hasText: CLERK.name });
  await expect(row).toContainText('锁定到');
  await row.getByRole('button', { name: `重置 ${CLERK.name} 的密码` }).click();
  const dialog = page.getByRole('dialog', { name: `重置“${CLERK.name}”的密码` });
  await dialog.getByLabel('新密码').fill('clerk-new-2026');
  await dialog.getByRole('button', { name: '重置' }).click();
  await expect(row).toContainText('在用', { timeout: 20_000 });
});

test('the screen locks after the idle minutes; only the password unlocks it, and the work is still there', async ({
  page,
}) => {
  await page.clock.install();
  await firstRun(page);
  await nav(page).getByText('操作员').click();
  await page.getByLabel('无操作多少分钟后锁定屏幕').fill('1');
  await page.getByRole('button', { name: '保存锁屏时间' }).click();
  await expect(page.getByText('已保存：无操作 1 分钟后锁定屏幕。')).toBeVisible();

  await page.clock.fastForward('00:30');
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await page.clock.fastForward('00:35');
  const lock = page.getByTestId('lock-screen');
  await expect(lock.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
  // The data is hidden while locked.
  await expect(page.getByRole('heading', { level: 1, name: '操作员' })).toBeHidden();

  await lock.getByLabel('密码').fill('wrong-password');
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock).toContainText('名字或密码不正确', { timeout: 20_000 });
  await lock.getByLabel('密码').fill(TEST_ADMIN.password);
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1, name: '操作员' })).toBeVisible();

  // 锁定 in the header locks at once; 切换操作员 leads to the sign-in screen.
  await page.getByRole('button', { name: '锁定' }).click();
  await page.getByTestId('lock-screen').getByRole('button', { name: '切换操作员' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();
});
