import { expect, test } from './fixtures';

test('the preview serves the strict CSP and antd styles carry the nonce', async ({ page }) => {
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
  const styles = await page.evaluate(() => {
    const meta = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content');
    const tags = Array.from(document.querySelectorAll('style'));
    return { meta, count: tags.length, nonces: [...new Set(tags.map((s) => s.nonce))] };
  });
  expect(styles.meta).toBe(nonce);
  expect(styles.count).toBeGreaterThan(0);
  expect(styles.nonces).toEqual([nonce]);
});

test('the guard catches a CSP violation (injected inline style markup is refused)', async ({
  page,
  guard,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
  // Markup injection is what the nonce defends against: parsed <style> without nonce must be refused.
  await page.evaluate(() =>
    document.head.insertAdjacentHTML('beforeend', '<style>body { background: red; }</style>'),
  );
  await expect.poll(() => guard.take().cspViolations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(
    'rgb(255, 0, 0)',
  );
});

test('the guard aborts and reports requests outside the app origin', async ({ page, guard }) => {
  // A blank page has no CSP, so only the guard stands between it and the network.
  await page.goto('about:blank');
  await page.setContent('<img src="http://192.0.2.1/tracker.png" alt="">');
  await expect.poll(() => guard.take().offOrigin).toEqual(['GET http://192.0.2.1/tracker.png']);
});
