/**
 * After the meeting, through the real UI from an empty store with the sample office: a 常务会议 with one topic
 * is prepared (materials delivered, art. 45), held, recorded per topic (art. 47) and its minutes — prefilled
 * from the record — signed; a decision is registered from the minutes' 议定事项, progress reported and closed
 * (arts. 29, 47); the ledger shows it with filters and exports an Excel file through the bridge; the three
 * reports of art. 42 are marked done; the month calendar shows the meeting on its day.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, loadSampleOffice, shanghaiDate, test } from './fixtures';
import { relayWithDataFolder } from './relay';
import { takeStepThen } from './steps';

test.slow();
test.setTimeout(240_000);

// Every save is a durable IndexedDB transaction; the shared test machine is slow.
const SAVE = 30_000;
const SHOTS = path.join('test-results', 'screenshots');
const REASON = '端到端测试：提示已知悉，按程序继续';

/** A gated step of this spec, with its override reason. */
const takeStep = (page: Page, button: Locator, label: string, done: () => Promise<void>) =>
  takeStepThen(page, button, label, REASON, done);

async function shot(page: Page, testInfo: TestInfo, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `decisions-${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(`decisions-${name}`, { path: file, contentType: 'image/png' });
}

async function step(page: Page, name: string, after: string) {
  const next = page.getByTestId('next-step');
  await takeStep(page, next.getByRole('button', { name, exact: true }), name, () =>
    expect(next).toContainText(`下一步：${after}`, { timeout: SAVE }),
  );
}

async function pick(page: Page, title: string) {
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`).click();
}

test('a 常务会议 to a closed decision in the ledger (filters, Excel), the three reports done, and the calendar', async ({
  page,
  guard,
}, testInfo) => {
  const today = shanghaiDate(0);
  const title = `区政府常务会议（${today}）`;
  // The bridge is picked when the page loads, so the relay (with a data folder for the export) goes first.
  const folder = await relayWithDataFolder(page, guard.appOrigin);

  await loadSampleOffice(page);

  // A 常务会议 today, chaired by the 区长 as proposed.
  await page.goto('/#/meetings');
  await page.getByRole('button', { name: '新建会议' }).click();
  await page.getByRole('radio', { name: '区政府常务会议' }).check();
  await page.getByLabel('会议日期').fill(today);
  await page.getByLabel('开始时间').fill('09:00');
  await page.getByLabel('会议地点').fill('区政府三楼常务会议室');
  await takeStep(page, page.getByRole('button', { name: '保存会议', exact: true }), '保存会议', () =>
    expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: SAVE }),
  );

  // One topic, set for the agenda.
  await page.getByRole('button', { name: '添加议题' }).click();
  const dialog = page.getByRole('dialog', { name: '添加议题' });
  await dialog.getByLabel('议题名称').fill('老旧小区改造');
  const unit = dialog.getByRole('combobox', { name: '汇报单位' });
  await unit.click();
  await unit.fill('住房');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await dialog.getByLabel('拟决定事项').fill('原则同意实施方案。');
  await dialog.getByLabel('会议材料').fill('实施方案（送审稿）');
  await dialog.getByLabel('研究日期').fill(today);
  await dialog.getByLabel('初步意见').fill('原则同意。');
  await dialog.getByRole('button', { name: '保存议题' }).click();
  await expect(dialog).toBeHidden({ timeout: SAVE });
  const topic = page.getByTestId('topic-1');
  await takeStep(page, topic.getByRole('button', { name: '确定上会', exact: true }), '确定上会', () =>
    expect(topic).toContainText('已确定（', { timeout: SAVE }),
  );
  await step(page, '审定议题', '发出通知');

  // Attendees from the rules, then the materials delivered the day before (art. 45).
  await page.getByRole('tab', { name: /^参会人员/ }).click();
  await page.getByRole('button', { name: '按规则生成参会名单' }).click();
  await expect(page.getByTestId('attendees-table')).toContainText('赵志远', { timeout: SAVE });
  await page.getByRole('tab', { name: /^材料送达/ }).click();
  const undelivered = page.getByTestId('materials-undelivered');
  await expect(undelivered).toContainText('赵志远');
  await expect(undelivered).not.toContainText('未送达（0）');
  await undelivered.getByRole('button', { name: '勾选全部未送达' }).click();
  await page.getByLabel('送达日期').fill(shanghaiDate(-1));
  await page.getByLabel('送达时间').fill('16:30');
  await page.getByLabel('送达人').fill('褚红梅');
  await page.getByRole('button', { name: /^登记送达（已选 \d+ 人）$/ }).click();
  await expect(undelivered).toContainText('未送达（0）', { timeout: SAVE });
  await expect(page.getByTestId('materials-table')).toContainText('褚红梅');
  await shot(page, testInfo, '01-materials');

  await step(page, '发出通知', '召开会议');
  await step(page, '召开会议', '起草纪要');

  // The record of the topic (art. 47) prefills the minutes' 议定事项.
  const record = '会议同意实施方案，由区住房和城乡建设局牵头，年内开工12个小区。';
  await page.getByRole('tab', { name: /^会议纪录/ }).click();
  await page.getByLabel('议题1的会议纪录').fill(record);
  // A long record survives a reload before it is saved (the tab comes back from the URL).
  await page.reload();
  await expect(page.getByLabel('议题1的会议纪录')).toHaveValue(record, { timeout: SAVE });
  await takeStep(
    page,
    page.getByTestId('record-1').getByRole('button', { name: '保存纪录' }),
    '保存纪录',
    () => expect(page.getByTestId('record-1')).toContainText('已纪录', { timeout: SAVE }),
  );
  await expect(page.getByTestId('next-step').getByLabel('会议纪要')).toContainText(
    `1. 老旧小区改造：${record}`,
  );
  await shot(page, testInfo, '02-record-prefills-minutes');
  await step(page, '起草纪要', '签发纪要');
  await step(page, '签发纪要', '印发纪要');

  // A decision from the signed minutes: unit found by pinyin initials, due in 10 working days.
  await page.getByRole('tab', { name: /^决定事项/ }).click();
  const agreed = page.getByTestId('agreed-1');
  await expect(agreed).toContainText(record);
  await agreed.getByRole('button', { name: '据此登记' }).click();
  await expect(page.getByLabel('决定事项内容')).toHaveValue(record);
  const owner = page.getByRole('combobox', { name: '承办单位' });
  await owner.click();
  await owner.fill('zfhcx');
  await expect(page.locator('.ant-select-dropdown:visible')).toContainText('区住房和城乡建设局');
  await page.keyboard.press('Enter');
  const leader = page.getByRole('combobox', { name: '责任领导' });
  await leader.click();
  await leader.fill('孙丽华');
  await pick(page, '孙丽华');
  await page.getByLabel('工作日数').fill('10');
  await page.getByLabel('工作日数').press('Tab');
  await expect(page.getByLabel('完成时限')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  const due = await page.getByLabel('完成时限').inputValue();
  const decision = page.getByTestId('decision-1');
  await takeStep(page, page.getByRole('button', { name: '登记决定事项' }), '登记决定事项', () =>
    expect(decision).toContainText('进行中', { timeout: SAVE }),
  );
  await expect(decision).toContainText('区住房和城乡建设局');
  await expect(decision).toContainText(`完成时限：${due}`);
  await expect(agreed).toContainText('已登记');

  // 延期: the due date moves with a reason; the old one stays in the item's history.
  const later = shanghaiDate(60);
  await decision.getByRole('button', { name: '调整', exact: true }).click();
  const adjust = page.getByTestId('decision-1-adjust');
  await adjust.getByLabel('调整后的完成时限').fill(later);
  await adjust.getByRole('button', { name: '保存调整' }).click();
  await expect(adjust).toContainText('请填写调整的原因');
  await adjust.getByLabel('调整的原因').fill('资金下达推迟，经分管副区长同意延期。');
  await adjust.getByRole('button', { name: '保存调整' }).click();
  await expect(decision).toContainText(`完成时限：${later}`, { timeout: SAVE });
  await expect(decision).toContainText(`原完成时限${due}）：资金下达推迟，经分管副区长同意延期。`);

  // Progress with evidence, then 办结 with a summary.
  await decision.getByRole('button', { name: '报告进展' }).click();
  await decision.getByLabel('办理进展').fill('已完成施工招标，5个小区已开工。');
  await decision.getByLabel('佐证材料').fill('中标通知书\n开工现场照片');
  await decision.getByRole('button', { name: '保存进展' }).click();
  await expect(decision).toContainText('进展：已完成施工招标', { timeout: SAVE });
  await expect(decision).toContainText('佐证材料：中标通知书、开工现场照片');
  await decision.getByRole('button', { name: '办结' }).click();
  await decision.getByRole('button', { name: '确认办结' }).click();
  await expect(decision).toContainText('请填写办结情况');
  await decision.getByLabel('办结情况').fill('12个小区已全部开工。');
  await takeStep(page, decision.getByRole('button', { name: '确认办结' }), '确认办结', () =>
    expect(decision).toContainText('已办结', { timeout: SAVE }),
  );
  await expect(decision).toContainText('办结：12个小区已全部开工。');
  await shot(page, testInfo, '03-decision-closed');
  // Reopened with a reason (the closure stays in the history), then closed again.
  await decision.getByRole('button', { name: '重新打开' }).click();
  await decision.getByLabel('重新打开的原因').fill('督查发现2个小区实际未开工。');
  await decision.getByRole('button', { name: '确认重新打开' }).click();
  await expect(decision).toContainText('进行中', { timeout: SAVE });
  await expect(decision).toContainText('重新打开：督查发现2个小区实际未开工。');
  await expect(decision).toContainText('办结：12个小区已全部开工。');
  await decision.getByRole('button', { name: '办结' }).click();
  await decision.getByLabel('办结情况').fill('经复查，12个小区均已开工。');
  await takeStep(page, decision.getByRole('button', { name: '确认办结' }), '确认办结', () =>
    expect(decision).toContainText('已办结', { timeout: SAVE }),
  );

  // The three reports of art. 42, each with its date and by whom.
  await page.getByRole('tab', { name: /^会后报告与印发/ }).click();
  const tasks = page.getByTestId('report-tasks');
  for (const label of ['向区委报告情况', '向区人大常委会报告情况', '向区政协通报情况']) {
    await page.getByRole('button', { name: `登记完成：${label}` }).click();
    const form = page.getByTestId('report-form');
    await form.getByLabel('经办人').fill('陈晓东');
    await form.getByRole('button', { name: '保存' }).click();
    await expect(tasks.getByRole('row').filter({ hasText: label })).toContainText(
      `已完成（${today}，陈晓东）`,
      {
        timeout: SAVE,
      },
    );
  }
  await expect(page.getByTestId('reports-findings')).toContainText('三项会后报告均已完成。');
  await shot(page, testInfo, '04-reports-done');

  // The ledger across meetings: filters, pinyin search, and the Excel export of the rows shown.
  await page.goto('/#/meetings/decisions');
  const ledger = page.getByTestId('ledger-table');
  await expect(ledger).toContainText(record, { timeout: SAVE });
  await expect(ledger).toContainText('已办结');
  await page.getByRole('combobox', { name: '按状态筛选' }).click();
  await pick(page, '逾期');
  await expect(page.getByText('没有符合条件的决定事项')).toBeVisible();
  await page.getByRole('combobox', { name: '按状态筛选' }).click();
  await pick(page, '已办结');
  await expect(ledger).toContainText(record);
  await page.getByLabel('搜索决定事项').fill('slh');
  await expect(ledger).toContainText('孙丽华');
  await page.getByLabel('搜索决定事项').fill('wm');
  await expect(page.getByText('没有符合条件的决定事项')).toBeVisible();
  await page.getByLabel('搜索决定事项').fill('qzfh');
  await expect(ledger).toContainText(record);
  await shot(page, testInfo, '05-ledger');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  await expect(page.getByText(/已导出 1 项/)).toBeVisible({ timeout: SAVE });
  const file = path.join(folder.dir, `决定事项督办台账-${today}.xlsx`);
  expect(existsSync(file)).toBe(true);
  expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');

  // The month calendar shows the meeting on its day; a click opens it.
  await page.goto('/#/meetings');
  await page.getByText('日历', { exact: true }).click();
  const day = page.getByTestId(`calendar-day-${today}`);
  await expect(day).toContainText(title, { timeout: SAVE });
  await shot(page, testInfo, '06-calendar');
  await day.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
});

test('a postponed meeting is rescheduled with a reason, back to 筹备 on its new day, the move kept', async ({
  page,
}, testInfo) => {
  const first = shanghaiDate(3);
  const moved = shanghaiDate(6);
  await loadSampleOffice(page);

  await page.goto('/#/meetings');
  await page.getByRole('button', { name: '新建会议' }).click();
  await page.getByRole('radio', { name: '区政府常务会议' }).check();
  await page.getByLabel('会议日期').fill(first);
  await page.getByLabel('开始时间').fill('09:00');
  await page.getByLabel('会议地点').fill('区政府三楼常务会议室');
  await takeStep(page, page.getByRole('button', { name: '保存会议', exact: true }), '保存会议', () =>
    expect(page.getByRole('heading', { level: 1, name: /^区政府常务会议（/ })).toBeVisible({ timeout: SAVE }),
  );

  await page.getByLabel('延期或取消的原因').fill('区长赴省参加紧急会议');
  await takeStep(page, page.getByRole('button', { name: '延期会议' }), '延期会议', () =>
    expect(page.getByTestId('reschedule')).toBeVisible({ timeout: SAVE }),
  );
  const reschedule = page.getByTestId('reschedule');
  await expect(reschedule).toContainText('区长赴省参加紧急会议');
  // Incomplete: the clerk is told what is missing.
  await reschedule.getByRole('button', { name: '重新安排' }).click();
  await expect(reschedule).toContainText('请选择新的会议日期');
  await reschedule.getByLabel('新的会议日期').fill(moved);
  await reschedule.getByLabel('新的开始时间').fill('15:00');
  await reschedule.getByLabel('重新安排的说明').fill('区长返回，改期召开');
  await expect(page.getByTestId('reschedule-findings')).toBeVisible();
  await takeStep(page, reschedule.getByRole('button', { name: '重新安排' }), '重新安排', () =>
    expect(page.getByTestId('reschedule-history')).toBeVisible({ timeout: SAVE }),
  );
  const history = page.getByTestId('reschedule-history');
  await expect(history).toContainText(`由 ${first} 09:00 改至 ${moved} 15:00`);
  await expect(history).toContainText('延期原因：区长赴省参加紧急会议');
  await expect(history).toContainText('重新安排说明：区长返回，改期召开');
  await expect(page.getByText(`${moved} 15:00`, { exact: true })).toBeVisible();
  await shot(page, testInfo, '07-rescheduled');
});
