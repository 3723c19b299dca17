import { expect, loadSampleOffice, shanghaiDate, test } from './fixtures';
import { takeStep } from './steps';

// Loading the sample office is one large durable transaction; allow for a slow machine.
test.slow();

test('the 工作台 shows today’s acting and a meeting planned today, one click from the meeting', async ({
  page,
}) => {
  await loadSampleOffice(page);
  await page.goto('/#/');
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();

  // The sample has a deputy away today, covered under art. 9.
  const acting = page.getByTestId('dashboard-acting');
  await expect(acting).toContainText('由王明代管', { timeout: 15_000 });
  await expect(acting).toContainText('第九条');

  // A 常务会议 planned for today.
  await page.goto('/#/meetings');
  await page.getByRole('button', { name: '新建会议' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '新建会议' })).toBeVisible();
  await page.getByRole('radio', { name: '区政府常务会议' }).check();
  await page.getByLabel('会议日期').fill(shanghaiDate(0));
  await page.getByLabel('开始时间').fill('09:00');
  await page.getByLabel('会议地点').fill('区政府三楼常务会议室');
  await takeStep(page, '保存会议', '端到端测试');
  await expect(page.getByRole('heading', { level: 1, name: /区政府常务会议（/ })).toBeVisible({
    timeout: 15_000,
  });

  await page.goto('/#/');
  const todays = page.getByTestId('dashboard-meetingsToday');
  await expect(todays).toContainText('区政府常务会议', { timeout: 15_000 });
  await expect(todays).toContainText('09:00');
  await todays.getByRole('link').first().click();
  await expect(page).toHaveURL(/#\/meetings\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: /区政府常务会议（/ })).toBeVisible();
});
