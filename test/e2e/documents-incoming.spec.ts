import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { expect as baseExpect, loadSampleOffice, shanghaiDate, test } from './fixtures';
import { chooseOption, pickOption, takeStep } from './steps';

// Saves are durable IndexedDB transactions; on a busy machine a step can take many seconds.
const expect = baseExpect.configure({ timeout: 30_000 });

// Loading the sample office is one durable ~260-record transaction; every later save is durable too.
test.slow();
test.setTimeout(300_000);

const SHOTS = path.join('test-results', 'screenshots');

async function shot(page: Page, testInfo: TestInfo, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `documents-incoming-${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(`documents-incoming-${name}`, { path: file, contentType: 'image/png' });
}

/** A one-page A4 PDF as a sending unit would scan it. */
async function receivedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595.28, 841.89]);
  return Buffer.from(await doc.save());
}

test('an incoming 请示 missing a countersignature: flagged, completed, routed by portfolio, a bare 阅 flagged, instructed, circulated, assigned (on the 工作台 until done), closed; register filters and exports; search finds it', async ({
  page,
}, testInfo) => {
  await loadSampleOffice(page);
  await page.goto('/#/documents/incoming');
  await expect(page.getByRole('tab', { name: '收文' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('还没有收文', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '登记收文' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '登记收文' })).toBeVisible();

  // The sending unit by its pinyin initials.
  await chooseOption(page, '来文单位', '区住房和城乡建设局', 'qzfhcx');
  await page.getByRole('combobox', { name: '文种', exact: true }).click();
  await pickOption(page, '请示');
  await page.getByLabel('来文字号').fill('示住建发〔2026〕15号');
  await page.getByLabel('来文标题').fill('关于申请老旧小区改造补助资金的请示');
  await page.getByLabel('份数').fill('2');

  // Art. 49: the 请示 touches the 财政局's powers; signed by the lead head, but not countersigned.
  await page.getByText('本请示涉及其他部门职权', { exact: true }).click();
  await chooseOption(page, '涉及的部门', '区财政局', 'qczj');
  await page.keyboard.press('Escape');
  await chooseOption(page, '主办部门签字人', '华思远', '华思远');
  await page.getByLabel('主办部门签字日期').fill('2026-01-05');
  const findings = page.getByTestId('register-findings');
  await expect(findings).toContainText('尚缺以下部门负责同志会签：区财政局');
  await expect(findings).toContainText('第四十九条');

  // A file that is not a PDF is refused with a clear message; then the real PDF.
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择 PDF 文件…' }).click();
  await (
    await chooser
  ).setFiles({ name: '来文.pdf', mimeType: 'application/pdf', buffer: Buffer.from('这不是PDF') });
  await expect(page.getByRole('alert').filter({ hasText: '不是 PDF' })).toBeVisible();
  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择 PDF 文件…' }).click();
  await (
    await chooser
  ).setFiles({ name: '来文.pdf', mimeType: 'application/pdf', buffer: await receivedPdf() });
  await expect(page.getByTestId('picked-pdf')).toContainText('来文.pdf');
  await shot(page, testInfo, '01-register-flagged');

  await takeStep(page, '登记');
  // Stamping runs in the PDF worker with the bundled CJK fonts: allow for a slow machine.
  await expect(page.getByTestId('receipt-number')).toHaveText(/^收〔\d{4}〕1号$/, { timeout: 180_000 });
  await expect(page.getByTestId('incoming-state')).toHaveText('已登记');
  // Stamped with the 收文章 in the PDF worker; the original is kept beside it.
  await expect(page.getByRole('button', { name: '查看原件' })).toBeVisible();
  await page.getByRole('button', { name: '查看盖章件' }).click();
  const preview = page.getByRole('dialog', { name: /来文（已盖收文章）/ });
  await expect(preview).toBeVisible();
  await shot(page, testInfo, '01b-stamped-preview');
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  // The missing countersignature blocks 呈批 until it is recorded.
  const route = page.getByTestId('route-card');
  await expect(route.locator('[data-blocked-reason]').filter({ hasText: '呈批' })).toHaveAttribute(
    'data-blocked-reason',
    /区财政局/,
  );
  await page.getByRole('combobox', { name: '区财政局会签人' }).click();
  await pickOption(page, '任晓云');
  await page.getByRole('button', { name: '登记补签' }).click();
  await expect(page.getByTestId('detail-register-findings')).toContainText('规则检查未发现问题');
  await expect(page.getByTestId('incoming-timeline')).toContainText('补齐会签');

  // 拟办, then 呈批 to the deputy in charge of the sending unit, the reason shown.
  await page
    .getByRole('textbox', { name: '拟办意见' })
    .fill('拟呈分管副区长阅批，请区住建局会同区财政局办理。');
  await takeStep(page, '保存拟办');
  await expect(page.getByTestId('incoming-state')).toHaveText('已拟办');
  await expect(page.getByTestId('routing-proposal')).toContainText('呈郑海涛批示');
  await expect(page.getByTestId('routing-proposal')).toContainText('区住房和城乡建设局由副区长郑海涛分管');
  await shot(page, testInfo, '02-routing');
  await takeStep(page, '呈批');
  await expect(page.getByTestId('incoming-state')).toHaveText('待批示');

  // 批示: a bare "阅" on a 请示 is flagged (art. 54) and cannot be recorded; a specific one can.
  const instruct = page.getByTestId('instruct-card');
  await instruct.getByRole('textbox', { name: '批示意见' }).fill('阅');
  await expect(page.getByTestId('instruct-findings')).toContainText('不能作为批复依据');
  await expect(page.getByTestId('instruct-findings')).toContainText('第五十四条');
  await expect(instruct.getByRole('button', { name: '登记批示' })).toBeDisabled();
  await shot(page, testInfo, '03-bare-instruction');
  await instruct
    .getByRole('textbox', { name: '批示意见' })
    .fill('同意。请区住建局会同区财政局抓紧制定补助方案。');
  await takeStep(page, '登记批示');
  await expect(page.getByTestId('incoming-state')).toHaveText('已批示');

  // 传阅 to two leaders, each marked read.
  await page.getByRole('combobox', { name: '传阅人员' }).click();
  await pickOption(page, '赵志远');
  await pickOption(page, '钱德明');
  await page.keyboard.press('Escape');
  await takeStep(page, '送传阅');
  const circulate = page.getByTestId('circulate-card');
  await expect(circulate.getByText('未阅')).toHaveCount(2);
  await circulate.getByRole('button', { name: '登记已阅' }).first().click();
  await expect(circulate.getByText('未阅')).toHaveCount(1);
  await circulate.getByRole('button', { name: '登记已阅' }).first().click();
  await expect(circulate.getByText('未阅')).toHaveCount(0);

  // 交办 to the housing bureau, due in two days: the 工作台 lists it, one click from the document, until the
  // bureau's report closes it (arts. 29, 54).
  const due = shanghaiDate(2);
  const assign = page.getByTestId('assign-card');
  await chooseOption(page, '承办单位', '区住房和城乡建设局', '住房');
  await assign.getByLabel('办理期限').fill(due);
  await assign.getByLabel('交办事项').fill('制定老旧小区改造补助方案');
  await takeStep(page, '交办');
  await expect(page.getByTestId('incoming-state')).toHaveText('交办中');
  await expect(assign).toContainText(`期限 ${due}`);
  await page.goto('/#/');
  const dueOnDashboard = page.getByTestId('dashboard-assignmentsDue');
  await expect(dueOnDashboard).toContainText(`交办区住房和城乡建设局，应于${due}前办结`);
  await shot(page, testInfo, '03b-assignment-on-dashboard');
  await dueOnDashboard.getByRole('link', { name: '关于申请老旧小区改造补助资金的请示' }).click();
  await expect(page.getByTestId('incoming-state')).toHaveText('交办中');
  await assign.getByLabel('进展情况').fill('补助方案已制定并报区政府');
  await assign.getByRole('button', { name: '交办办结' }).click();
  await expect(assign).toContainText('办结情况：补助方案已制定并报区政府');

  // 办结, then 归档.
  await takeStep(page, '办结');
  await expect(page.getByTestId('incoming-state')).toHaveText('已办结');
  await takeStep(page, '归档');
  await expect(page.getByTestId('incoming-state')).toHaveText('已归档');
  await expect(page.getByTestId('incoming-timeline')).toContainText('归档，保管期限定期30年');
  await shot(page, testInfo, '04-archived');

  // The register filters and exports the filtered view.
  await page.getByRole('button', { name: '返回收文登记簿' }).click();
  const register = page.getByTestId('incoming-register');
  await expect(register.getByRole('row').filter({ hasText: '老旧小区改造' })).toHaveCount(1);
  await page.getByRole('combobox', { name: '文种', exact: true }).click();
  await pickOption(page, '请示');
  await expect(page.getByTestId('register-count')).toHaveText('共 1 件');
  await page.getByRole('combobox', { name: '状态', exact: true }).click();
  await pickOption(page, '已登记');
  await expect(page.getByTestId('register-count')).toHaveText('共 0 件');
  await page.getByRole('combobox', { name: '状态', exact: true }).click();
  await pickOption(page, '已归档');
  await expect(page.getByTestId('register-count')).toHaveText('共 1 件');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^收文登记簿（请示，已归档）-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const saved = await file.path();
  expect(readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');
  await shot(page, testInfo, '05-register');

  // 检索: by a word of its title, and by the sending unit's pinyin initials.
  await page.getByRole('tab', { name: '检索' }).click();
  const box = page.getByRole('searchbox', { name: '检索词' }).or(page.getByLabel('检索词'));
  await box.first().fill('老旧小区');
  await box.first().press('Enter');
  await expect(page.getByTestId('search-summary')).toContainText('找到 1 件');
  await expect(page.getByTestId('search-results')).toContainText('关于申请老旧小区改造补助资金的请示');
  await box.first().fill('qzfhcxjsj');
  await box.first().press('Enter');
  await expect(page.getByTestId('search-summary')).toContainText('找到 1 件');
  await expect(page.getByTestId('search-results')).toContainText('区住房和城乡建设局');
  await shot(page, testInfo, '06-search');
  await page
    .getByTestId('search-results')
    .getByRole('link', { name: '关于申请老旧小区改造补助资金的请示' })
    .click();
  await expect(page.getByTestId('incoming-state')).toHaveText('已归档');
});
