import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';

// Loading the sample office is one durable ~260-record transaction; every later save is durable too.
test.slow();
test.setTimeout(180_000);

const SHOTS = path.join('test-results', 'screenshots');

async function shot(page: Page, testInfo: TestInfo, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `meetings-${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(`meetings-${name}`, { path: file, contentType: 'image/png' });
}

/** A date `days` from today in Shanghai (the sample office's trips are relative to the day it is loaded). */
function shanghaiDate(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
}

async function loadSampleOffice(page: Page) {
  await page.goto('/#/registry');
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await expect(page.getByText('示例数据', { exact: true })).toBeVisible({ timeout: 15_000 });
}

async function pickOption(page: Page, title: string) {
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`).click();
}

/** Clicks a gated button; when it asks for an override reason, gives one. */
async function takeStep(page: Page, name: string, reason: string) {
  await page.getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${name}：请说明继续的理由`) });
  const asked = await dialog.waitFor({ state: 'visible', timeout: 3_000 }).then(
    () => true,
    () => false,
  );
  if (asked) {
    await dialog.getByLabel('继续办理的理由').fill(reason);
    await dialog.getByRole('button', { name: '说明理由并继续' }).click();
    await expect(dialog).toBeHidden();
  }
}

test('a 常务会议 from an empty store: the 区长 proposed, a major topic blocked until its legality review, then set', async ({
  page,
}, testInfo) => {
  await loadSampleOffice(page);
  await page.goto('/#/meetings');
  await expect(page.getByRole('heading', { level: 1, name: '会议' })).toBeVisible();
  await expect(page.getByText('还没有会议', { exact: true })).toBeVisible();
  await shot(page, testInfo, '01-empty');

  await page.getByRole('button', { name: '新建会议' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '新建会议' })).toBeVisible();
  await page.getByRole('radio', { name: '区政府常务会议' }).check();
  await expect(page.getByTestId('kind-info')).toContainText('区政府常务会议由区长召集和主持');
  await page.getByLabel('会议日期').fill(shanghaiDate(3));
  await page.getByLabel('开始时间').fill('09:00');
  await page.getByLabel('会议地点').fill('区政府三楼常务会议室');
  // The rules propose the 区长 (art. 7, 42); he is not away on that day.
  await expect(page.getByTestId('chair-proposal')).toContainText('按规则建议由赵志远召集和主持');
  await expect(page.getByTestId('chair-proposal')).toContainText('第四十二条');
  await expect(page.getByRole('combobox', { name: '主持人' }).locator('..').locator('..')).toContainText(
    '赵志远',
  );
  await expect(page.getByTestId('plan-findings')).toBeVisible();
  await shot(page, testInfo, '02-new-executive');

  // The draft survives a reload.
  await page.reload();
  await expect(page.getByLabel('会议地点')).toHaveValue('区政府三楼常务会议室', { timeout: 15_000 });

  await takeStep(page, '保存会议', '端到端测试');
  await expect(page.getByRole('heading', { level: 1, name: /区政府常务会议（/ })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByTestId('next-step')).toContainText('下一步：审定议题');

  // A major decision without its legality review (art. 23).
  await page.getByRole('button', { name: '添加议题' }).click();
  let dialog = page.getByRole('dialog', { name: '添加议题' });
  await dialog.getByLabel('议题名称').fill('关于实施老旧小区改造三年行动的决定');
  await dialog.getByRole('combobox', { name: '汇报单位' }).click();
  await dialog.getByRole('combobox', { name: '汇报单位' }).fill('住房');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await dialog.getByLabel('拟决定事项').fill('同意实施方案，由区住房和城乡建设局牵头组织实施。');
  await dialog.getByLabel('会议材料').fill('实施方案（送审稿）');
  await dialog.getByLabel('研究日期').fill(shanghaiDate(0));
  await dialog.getByLabel('初步意见').fill('原则同意，资金分年度安排。');
  await dialog.getByText('重大决策事项').click();
  await dialog.getByRole('button', { name: '保存议题' }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });

  const topic = page.getByTestId('topic-1');
  await expect(topic).toContainText('待确定');
  const findings = page.getByTestId('topic-1-findings');
  await expect(findings.locator('[data-severity="block"]')).toContainText('合法性审查');
  await expect(topic.getByRole('button', { name: '确定上会' })).toBeDisabled();
  // The blocked button says why, to keyboard users too.
  await expect(topic.locator('[data-blocked-reason]')).toHaveAttribute('data-blocked-reason', /合法性审查/);
  // A citation opens the article's text.
  await findings.getByRole('button', { name: '查看第二十三条原文' }).first().click();
  const article = page.getByRole('dialog', { name: '《工作规则》第二十三条' });
  await expect(article.getByTestId('article-text')).toContainText('合法性审查');
  await shot(page, testInfo, '03-topic-blocked');
  await page.keyboard.press('Escape');
  await expect(article).toBeHidden();

  // Record the legality review by the 法制办 (defaulted): the block goes.
  await topic.getByRole('button', { name: '编辑' }).click();
  dialog = page.getByRole('dialog', { name: /^编辑议题/ });
  await dialog.getByLabel('审查日期').fill(shanghaiDate(0));
  await dialog.getByRole('button', { name: '保存议题' }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  await expect(findings.locator('[data-severity="block"]')).toHaveCount(0);
  await expect(topic).toContainText('合法性审查：');
  // Warnings remain (art. 23 procedures): continuing needs a reason, and an empty one is refused.
  await topic.getByRole('button', { name: '确定上会' }).click();
  const override = page.getByRole('dialog', { name: /^确定上会：请说明继续的理由/ });
  await expect(override).toContainText('公众参与、专家论证、风险评估');
  await override.getByRole('button', { name: '说明理由并继续' }).click();
  await expect(override).toContainText('请填写继续办理的理由，理由将记入操作记录。');
  await override.getByLabel('继续办理的理由').fill('公众参与和专家论证已在方案编制阶段完成，材料随后补登');
  await shot(page, testInfo, '04a-override-reason');
  await override.getByRole('button', { name: '说明理由并继续' }).click();
  await expect(override).toBeHidden();
  await expect(topic).toContainText('已确定（赵志远', { timeout: 15_000 });
  await shot(page, testInfo, '04-topic-set');

  // Attendees from the rules (art. 42): members, the fixed 列席 units, the reporting unit for its topic.
  await page.getByRole('tab', { name: /^参会人员/ }).click();
  await page.getByRole('button', { name: '按规则生成参会名单' }).click();
  const attendees = page.getByTestId('attendees-table');
  await expect(attendees.getByRole('row').filter({ hasText: '赵志远' })).toHaveCount(1, { timeout: 15_000 });
  await expect(attendees).toContainText('固定列席');
  await expect(attendees).toContainText('议题列席');
  await shot(page, testInfo, '05-attendees');

  // Leave is asked of the chair, who approves it (art. 46).
  await page.getByRole('tab', { name: /^请假/ }).click();
  await page.getByRole('combobox', { name: '请假人' }).click();
  await pickOption(page, '王明');
  await page.getByLabel('请假事由').fill('赴省参加全省项目推进会');
  await page.getByRole('button', { name: '登记请假' }).click();
  const leave = page.getByTestId('leave-table');
  await expect(leave.getByRole('row').filter({ hasText: '王明' })).toHaveCount(1, { timeout: 15_000 });
  await expect(page.getByTestId('leave-findings')).toContainText('尚无会议主持人赵志远的批准意见');
  await leave.getByRole('button', { name: '主持人批准' }).click();
  await expect(leave).toContainText('赵志远批准', { timeout: 15_000 });
  await expect(page.getByTestId('leave-findings')).toContainText('规则检查未发现问题');
  await shot(page, testInfo, '05b-leave-approved');

  // The agenda step itself, gated by the engine.
  await takeStep(page, '审定议题', '端到端测试');
  await expect(page.getByTestId('next-step')).toContainText('下一步：发出通知', { timeout: 15_000 });
  await shot(page, testInfo, '06-agenda-approved');

  await page.getByRole('button', { name: '返回会议列表' }).first().click();
  await expect(
    page.getByTestId('meetings-table').getByRole('row').filter({ hasText: '区政府常务会议' }),
  ).toHaveCount(1);
  await shot(page, testInfo, '07-list');
});

test('a 区长办公会议 chaired by a deputy is refused without the 区长’s entrustment; the entrusted one may', async ({
  page,
}, testInfo) => {
  await loadSampleOffice(page);
  await page.goto('/#/meetings/new');
  await page.getByRole('radio', { name: '区长办公会议' }).check();
  await page.getByLabel('会议日期').fill(shanghaiDate(4));
  await page.getByLabel('会议地点').fill('区政府五楼会议室');

  const chair = page.getByRole('combobox', { name: '主持人' });
  await chair.click();
  await pickOption(page, '王明');
  const plan = page.getByTestId('plan-findings');
  await expect(plan.locator('[data-rule="meeting.chair.entrustment"]')).toContainText('须有区长委托');
  await expect(plan).toContainText('第四十三条');
  await expect(page.getByRole('button', { name: '保存会议' })).toBeDisabled();
  await shot(page, testInfo, '08-head-office-refused');

  // 钱德明 holds a recorded entrustment for 区长办公会议 in the sample office.
  await chair.click();
  await pickOption(page, '钱德明');
  await expect(plan.locator('[data-rule="meeting.chair.entrusted"]')).toContainText('受区长委托');
  await expect(page.getByRole('button', { name: '保存会议' })).toBeEnabled();
  await takeStep(page, '保存会议', '端到端测试');
  await expect(page.getByRole('heading', { level: 1, name: /区长办公会议（/ })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByText('钱德明（受区长委托）')).toBeVisible();
  await shot(page, testInfo, '09-head-office-entrusted');

  // Cancelling needs a reason (art. 39): the button stays disabled until one is given.
  await expect(page.getByRole('button', { name: '取消会议' })).toBeDisabled();
  await page.getByLabel('延期或取消的原因').fill('区长另有安排，议题并入下周常务会议');
  await page.getByRole('button', { name: '取消会议' }).click();
  await expect(page.getByTestId('next-step')).toContainText('会议已取消（原因：区长另有安排', {
    timeout: 15_000,
  });
  await shot(page, testInfo, '10-head-office-cancelled');
});

test('a 常务会议 while the 区长 is on a reported trip: the 常务副区长 is proposed as acting chair (art. 9)', async ({
  page,
}, testInfo) => {
  await loadSampleOffice(page);
  await page.goto('/#/meetings/new');
  await page.getByRole('radio', { name: '区政府常务会议' }).check();
  // The sample office's 区长 is away from day 7 to day 10.
  await page.getByLabel('会议日期').fill(shanghaiDate(8));
  await page.getByLabel('会议地点').fill('区政府三楼常务会议室');
  const proposal = page.getByTestId('chair-proposal');
  await expect(proposal).toContainText('按规则建议由钱德明召集和主持');
  await expect(proposal).toContainText('第九条');
  await expect(page.getByTestId('plan-findings').locator('[data-rule="meeting.chair.acting"]')).toBeVisible();
  await shot(page, testInfo, '11-acting-chair-proposed');
  await takeStep(page, '保存会议', '端到端测试');
  await expect(page.getByText('钱德明（区长外出期间代为主持）')).toBeVisible({ timeout: 15_000 });
});

test('a 专题会议 chaired by a 副区长: the minutes cannot be signed by that deputy and are signed by the 区长 (art. 47)', async ({
  page,
}, testInfo) => {
  await loadSampleOffice(page);
  await page.goto('/#/meetings/new');
  await page.getByRole('radio', { name: '区政府专题会议' }).check();
  await page.getByLabel('会议日期').fill(shanghaiDate(0));
  await page.getByLabel('会议地点').fill('区政府二楼小会议室');
  await page.getByRole('combobox', { name: '主持人' }).click();
  await pickOption(page, '王明');
  await takeStep(page, '保存会议', '端到端测试');
  await expect(page.getByRole('heading', { level: 1, name: /区政府专题会议（/ })).toBeVisible({
    timeout: 15_000,
  });

  await page.getByRole('button', { name: '添加议题' }).click();
  const dialog = page.getByRole('dialog', { name: '添加议题' });
  await dialog.getByLabel('议题名称').fill('研究城区冬季供暖保障工作');
  await dialog.getByRole('combobox', { name: '汇报单位' }).click();
  await dialog.getByRole('combobox', { name: '汇报单位' }).fill('住房');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await dialog.getByLabel('拟决定事项').fill('同意供暖保障方案。');
  await dialog.getByLabel('会议材料').fill('供暖保障方案');
  await dialog.getByLabel('研究日期').fill(shanghaiDate(0));
  await dialog.getByRole('button', { name: '保存议题' }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  await takeStep(page, '确定上会', '分管领导已同意，按程序办理');
  await expect(page.getByTestId('topic-1')).toContainText('已确定（王明', { timeout: 15_000 });
  await page.getByRole('tab', { name: /^参会人员/ }).click();
  await page.getByRole('button', { name: '按规则生成参会名单' }).click();
  await expect(page.getByTestId('attendees-table').getByRole('row').filter({ hasText: '王明' })).toHaveCount(
    1,
    {
      timeout: 15_000,
    },
  );

  const next = page.getByTestId('next-step');
  const walk = async (steps: readonly (readonly [string, string])[]) => {
    for (const [step, after] of steps) {
      await takeStep(page, step, '端到端测试：材料和纪录已另行送达和整理');
      await expect(next).toContainText(`下一步：${after}`, { timeout: 15_000 });
    }
  };
  await walk([
    ['审定议题', '发出通知'],
    ['发出通知', '召开会议'],
  ]);
  // On the day: the sign-in sheet starts from the list; one late arrival is recorded.
  await page.getByRole('tab', { name: '签到' }).click();
  const sheet = page.getByTestId('signin-table');
  await expect(sheet.getByRole('row').filter({ hasText: '王明' })).toHaveCount(1);
  await sheet.getByRole('checkbox', { name: '王明迟到' }).check();
  await page.getByRole('button', { name: '保存签到' }).click();
  await expect(page.getByText('签到已保存。')).toBeVisible({ timeout: 15_000 });
  await shot(page, testInfo, '11b-sign-in');
  await walk([
    ['召开会议', '起草纪要'],
    ['起草纪要', '签发纪要'],
  ]);

  // The deputy who chaired may not sign; the required signer is the 区长.
  await expect(next).toContainText('会议主持人王明是副区长，会议纪要报区长赵志远签发');
  await next.getByRole('combobox', { name: '签发人' }).click();
  await pickOption(page, '王明');
  await expect(next.locator('[data-rule="meeting.minutes.signer"]')).toBeVisible();
  await expect(next.getByRole('button', { name: '签发纪要' })).toBeDisabled();
  await shot(page, testInfo, '12-minutes-deputy-refused');
  await next.getByRole('combobox', { name: '签发人' }).click();
  await pickOption(page, '赵志远');
  await takeStep(page, '签发纪要', '端到端测试');
  await expect(next).toContainText('下一步：印发纪要', { timeout: 15_000 });
  await expect(page.getByText('纪要已签发').first()).toBeVisible();
  await shot(page, testInfo, '13-minutes-signed-by-head');
});
