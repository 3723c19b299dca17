import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { currentWorkingCalendar } from '../../shared/calendar';
import { isoDate } from '../../shared/calendar/iso-date';
import { expect, loadSampleOffice, test } from './fixtures';
import { chooseOption, takeStep } from './steps';

// Loading the sample office is one durable ~260-record transaction; every later save is durable too.
test.slow();
test.setTimeout(240_000);

const SHOTS = path.join('test-results', 'screenshots');

async function shot(page: Page, testInfo: TestInfo, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `documents-outgoing-${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(`documents-outgoing-${name}`, { path: file, contentType: 'image/png' });
}

/** Today in Shanghai, as the app computes it. */
function shanghaiToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** Answers the five art. 52 questions "否" (index `yes` answered "是"). */
async function answerNecessity(page: Page, yes?: number) {
  const rows = page.locator('.hw-og-para');
  for (let i = 0; i < 5; i++)
    await rows
      .nth(i)
      .getByText(i === yes ? '是' : '否', { exact: true })
      .click();
}

interface DraftSpec {
  readonly kind: string;
  readonly issuer: string;
  readonly level: string;
  readonly recipient: string;
  readonly title: string;
  readonly classification?: string;
}

async function draftDocument(page: Page, spec: DraftSpec) {
  await page.goto('/#/documents/outgoing');
  await page.getByRole('button', { name: '拟稿' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '拟稿' })).toBeVisible();
  await answerNecessity(page);
  await takeStep(page, '下一步：基本信息');
  await page.getByRole('radio', { name: spec.kind, exact: true }).check();
  await page.getByRole('radio', { name: spec.issuer, exact: true }).check();
  await chooseOption(page, '主送机关层级', spec.level);
  await chooseOption(page, '主办单位', '区发展和改革局', '发展和改革');
  const main = page.getByRole('combobox', { name: '主送机关', exact: true });
  await main.click();
  await main.fill(spec.recipient);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  if (spec.classification !== undefined) await chooseOption(page, '密级', spec.classification);
  await page.getByRole('button', { name: '下一步：正文' }).click();
  await page.getByLabel('标题', { exact: true }).fill(spec.title);
  await page.getByLabel('第 1 段', { exact: true }).fill('根据工作安排，现将有关事项报告如下。');
  await page.getByRole('button', { name: '添加一级标题' }).click();
  await page.getByLabel('第 2 段', { exact: true }).fill('基本情况');
  await takeStep(page, '登记拟稿');
  await expect(page.getByRole('heading', { level: 2, name: spec.title })).toBeVisible({ timeout: 10_000 });
}

test('a 区政府 上行文: refused for a 副区长, reviewed by the office director and the deputy, signed by the 区长, numbered, printed to PDF, sealed, with its publication and interpretation tasks', async ({
  page,
}, testInfo) => {
  await loadSampleOffice(page);
  await page.goto('/#/documents/outgoing');
  await expect(page.getByRole('tab', { name: '发文' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('还没有发文', { exact: true })).toBeVisible();

  // Art. 52 first: a matter the law already settles is not to be drafted at all.
  await page.getByRole('button', { name: '拟稿' }).click();
  await answerNecessity(page, 3);
  await expect(page.getByText('按第五十二条，本事项不应制发文件')).toBeVisible();
  await expect(page.locator('[data-blocked-reason*="一律不再制发文件"]')).toBeVisible();
  await shot(page, testInfo, '01-necessity-refused');
  await answerNecessity(page);
  await takeStep(page, '下一步：基本信息');

  await page.getByRole('radio', { name: '请示', exact: true }).check();
  await page.getByRole('radio', { name: '区政府', exact: true }).check();
  await chooseOption(page, '主送机关层级', '上级机关');
  await chooseOption(page, '主办单位', '区发展和改革局', '发展和改革');
  const main = page.getByRole('combobox', { name: '主送机关', exact: true });
  await main.click();
  await main.fill('示例市人民政府');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  // The matrix, before a word is written: office director and deputy review, the 区长 signs (art. 52).
  const preview = page.getByTestId('signing-preview');
  await expect(preview).toContainText('区政府办公室主任陈晓东');
  await expect(preview).toContainText('分管副区长周清和');
  await expect(preview).toContainText('区长赵志远');
  await page.getByRole('button', { name: '下一步：正文' }).click();
  const title = '示例区人民政府关于申请重点项目专项资金的请示';
  await page.getByLabel('标题', { exact: true }).fill(title);
  await page.getByLabel('第 1 段', { exact: true }).fill('市政府：为加快重点项目建设，现申请专项资金。');

  // The draft survives a reload.
  await page.reload();
  await expect(page.getByLabel('标题', { exact: true })).toHaveValue(title, { timeout: 15_000 });
  await page.getByRole('button', { name: '添加一级标题' }).click();
  await page.getByLabel('第 2 段', { exact: true }).fill('项目基本情况');
  await shot(page, testInfo, '02-body');
  await takeStep(page, '登记拟稿');
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible({ timeout: 10_000 });

  // A 副区长 cannot sign a 区政府 上行文.
  await chooseOption(page, '签发人', '周清和');
  const signCard = page.getByTestId('step-sign');
  await expect(signCard).toContainText('周清和无权签发本文');
  await expect(signCard.locator('[data-blocked-reason*="第五十二条"]')).toBeVisible();
  // Nor the 区长 before the reviews.
  await chooseOption(page, '签发人', '赵志远');
  await expect(signCard).toContainText('签发前尚缺审核');
  await shot(page, testInfo, '03-sign-refused');

  await takeStep(page, '登记区政府办公室主任审核');
  await expect(page.getByTestId('step-review-officeDirector')).toHaveCount(0);
  await takeStep(page, '登记分管副区长审核');
  await expect(page.getByTestId('step-review-responsibleDeputy')).toHaveCount(0);
  await chooseOption(page, '签发人', '赵志远');
  await takeStep(page, '签发');
  await expect(page.getByTestId('signers')).toHaveText('赵志远签发');

  const today = shanghaiToday();
  const cal = currentWorkingCalendar();
  await takeStep(page, '编号');
  await expect(page.getByTestId('document-number')).toHaveText(`崆政发〔${today.slice(0, 4)}〕1号`);

  const download = page.waitForEvent('download');
  await takeStep(page, '印制');
  const pdf = await download;
  expect(pdf.suggestedFilename()).toBe(`崆政发〔${today.slice(0, 4)}〕1号.pdf`);
  const pdfPath = await pdf.path();
  expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  await takeStep(page, '用印');
  await expect(page.getByTestId('step-seal')).toHaveCount(0);
  await takeStep(page, '确定公开属性');

  // Art. 53: portal publication 1 working day after printing, with the policy interpretation alongside.
  const due = cal.addWorkingDays(isoDate(today), 1);
  const deadlines = page.getByTestId('deadlines');
  await expect(deadlines.locator('[data-deadline="portal"]')).toContainText('门户网站公开');
  await expect(deadlines.locator('[data-deadline="portal"]')).toContainText(due);
  await expect(deadlines.locator('[data-deadline="interpretation"]')).toContainText('政策解读');
  await expect(deadlines.locator('[data-deadline="interpretation"]')).toContainText(due);
  await expect(page.getByTestId('outgoing-state')).toHaveText('已用印');
  await shot(page, testInfo, '04-published-tasks');

  // The timeline keeps every step; the register lists the document with its number.
  await page.getByRole('tab', { name: '办理记录' }).click();
  await expect(page.getByTestId('timeline')).toContainText('签发');
  await expect(page.getByTestId('timeline')).toContainText('用印');
  await page.getByRole('button', { name: '返回发文登记簿' }).click();
  await expect(page.getByTestId('outgoing-table')).toContainText(`崆政发〔${today.slice(0, 4)}〕1号`);
});

test('a 区委+区政府 joint document: reviewed by the deputy, countersigned by the 区长, never 签发 by our side', async ({
  page,
}, testInfo) => {
  await loadSampleOffice(page);
  await draftDocument(page, {
    kind: '通知',
    issuer: '区委、区政府联合发文',
    level: '下级机关',
    recipient: '各镇人民政府',
    title: '中共示例区委 示例区人民政府关于做好冬春农田水利建设的通知',
  });
  const card = page.getByTestId('step-countersign');
  await expect(card).toContainText('会签：应由区长赵志远会签');
  await chooseOption(page, '会签人', '赵志远');
  await expect(card).toContainText('签发前尚缺审核');
  await takeStep(page, '登记分管副区长审核');
  await chooseOption(page, '会签人', '赵志远');
  await takeStep(page, '会签');
  await expect(page.getByTestId('signers')).toHaveText('赵志远会签');
  await expect(page.getByTestId('step-number')).toBeVisible();
  await shot(page, testInfo, '05-joint-countersigned');
});

test('a classified document prints numbered copies and is never offered for publication', async ({
  page,
}, testInfo) => {
  await loadSampleOffice(page);
  await draftDocument(page, {
    kind: '通知',
    issuer: '区政府办公室',
    level: '下级机关',
    recipient: '区发展和改革局',
    title: '示例区人民政府办公室关于做好重要项目保密工作的通知',
    classification: '机密',
  });
  await chooseOption(page, '签发人', '陈晓东');
  await takeStep(page, '签发');
  await takeStep(page, '编号');
  await expect(page.getByTestId('document-number')).toContainText('崆政办发〔');
  await page.getByLabel('印制份数').fill('3');
  await expect(page.getByTestId('step-print')).toContainText('份号 000001–000003');
  const download = page.waitForEvent('download');
  await takeStep(page, '印制');
  const pdf = readFileSync(await (await download).path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // Three numbered copies, one after another in one file: the page count is a multiple of three.
  const pages = (await PDFDocument.load(pdf)).getPageCount();
  expect(pages).toBeGreaterThanOrEqual(3);
  expect(pages % 3).toBe(0);

  // Never offered for publication: only "不公开（涉及国家秘密）".
  const publish = page.getByTestId('step-publish');
  await expect(publish.getByTestId('classified-not-public')).toBeVisible();
  await expect(publish.getByRole('radio', { name: '主动公开' })).toHaveCount(0);
  await takeStep(page, '确定公开属性');
  await expect(page.getByTestId('deadlines')).not.toContainText('门户网站公开');
  await expect(page.getByTestId('step-tasks')).toHaveCount(0);

  // 分发登记: each copy to its recipient, by 份号.
  await takeStep(page, '登记送达：区发展和改革局');
  await page.getByRole('tab', { name: /分发记录/ }).click();
  await expect(page.getByRole('tabpanel', { name: /分发记录/ })).toContainText('000001');
  await shot(page, testInfo, '06-classified');

  await page.getByRole('button', { name: '返回发文登记簿' }).click();
  await chooseOption(page, '按密级筛选', '机密');
  await expect(page.getByTestId('outgoing-table')).toContainText('重要项目保密工作');
});
