/**
 * The guard every e2e spec runs under (an automatic fixture):
 * - network: every request of the browser context is recorded, and anything not on the app's own
 *   origin is aborted; after the test there must be zero such requests (data: and blob: are fine);
 * - CSP: any violation fails the test (a `securitypolicyviolation` listener installed before page
 *   scripts, plus Chromium's "Refused to …" console messages);
 * - page errors: uncaught exceptions and console errors fail the test.
 * - sign-in: the `page` (and any page the spec opens in its context) signs in by itself. After `page.goto` /
 *   `page.reload` it waits for the app, creating the test administrator on the first-run screen or signing
 *   in on the sign-in screen; a locator handler does the same when the app reloads itself (restore). Specs
 *   that test sign-in itself set `test.use({ autoSignIn: false })` and use `signIn` / `createFirstAdmin`.
 * Specs import `test` and `expect` from here instead of from @playwright/test.
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

/** The administrator the fixture creates on a fresh store. */
export const TEST_ADMIN = { name: '测试管理员', password: 'huiwen-e2e-2026' } as const;

const GATE_SCREENS = '[data-testid="operator-setup"], [data-testid="operator-sign-in"]';
/** What a page settles on: a gate screen, the app's navigation, or the recovery screen. */
const SETTLED = `${GATE_SCREENS}, nav[aria-label="主导航"], [data-testid="recovery-message"]`;

/** Signs in on the sign-in screen (it must be showing). */
export async function signIn(page: Page, name: string, password: string): Promise<void> {
  const screen = page.getByTestId('operator-sign-in');
  await screen.getByLabel('名字', { exact: true }).fill(name);
  await screen.getByLabel('密码', { exact: true }).fill(password);
  await screen.getByRole('button', { name: '登录' }).click();
}

/** Fills the first-run screen (it must be showing) and creates the administrator. */
export async function createFirstAdmin(page: Page, name: string, password: string): Promise<void> {
  const screen = page.getByTestId('operator-setup');
  await screen.getByLabel('名字', { exact: true }).fill(name);
  await screen.getByLabel('密码', { exact: true }).fill(password);
  await screen.getByLabel('再次输入密码', { exact: true }).fill(password);
  await screen.getByRole('button', { name: '创建管理员并登录' }).click();
}

async function fillGate(page: Page): Promise<void> {
  if (await page.getByTestId('operator-setup').isVisible()) {
    await createFirstAdmin(page, TEST_ADMIN.name, TEST_ADMIN.password);
  } else if (await page.getByTestId('operator-sign-in').isVisible()) {
    await signIn(page, TEST_ADMIN.name, TEST_ADMIN.password);
  }
}

const gatePassing = new WeakMap<Page, Promise<void>>();

/**
 * Signs in once however many waiting actions run the locator handler at the same moment: concurrent handlers
 * submitted the form several times over, and the sign-in screen came back for another round.
 */
function passGate(page: Page): Promise<void> {
  const inFlight = gatePassing.get(page);
  if (inFlight) return inFlight;
  const passing = fillGate(page).finally(() => gatePassing.delete(page));
  gatePassing.set(page, passing);
  return passing;
}

const armed = new WeakSet<Page>();

/** Wraps goto/reload and installs the locator handler on one page (once). */
async function armAutoSignIn(page: Page, appOrigin: string): Promise<void> {
  if (armed.has(page)) return;
  armed.add(page);
  const settle = async () => {
    if (!page.url().startsWith(appOrigin)) return;
    try {
      await page.locator(SETTLED).first().waitFor({ state: 'visible', timeout: 30_000 });
    } catch {
      return; // Let the spec's own assertion report what the page shows instead.
    }
    if (await page.locator(GATE_SCREENS).first().isVisible()) {
      // The assertion runs the locator handler below (which signs in), then sees the app. PBKDF2 with
      // 600 000 iterations takes a moment on a loaded machine.
      await expect(
        page.getByRole('navigation', { name: '主导航' }).or(page.getByTestId('recovery-message')),
      ).toBeVisible({ timeout: 45_000 });
    }
  };
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (...args: Parameters<Page['goto']>) => {
    const response = await goto(...args);
    await settle();
    return response;
  };
  page.reload = async (...args: Parameters<Page['reload']>) => {
    const response = await reload(...args);
    await settle();
    return response;
  };
  // Reloads the app does itself (after a restore, or "仍然继续使用" on the recovery screen).
  await page.addLocatorHandler(page.locator(GATE_SCREENS).first(), () => passGate(page));
}

function armContext(context: BrowserContext, appOrigin: string): void {
  context.on('page', (p) => void armAutoSignIn(p, appOrigin));
}

export interface Guard {
  readonly appOrigin: string;
  /** Returns and forgets what was recorded so far: for specs that provoke a violation on purpose. */
  take(): { offOrigin: string[]; cspViolations: string[]; pageErrors: string[] };
}

const CSP_TAG = '[huiwen-csp-violation]';

export function isAllowedUrl(url: string, appOrigin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return new URL(url).origin === appOrigin;
  } catch {
    return false;
  }
}

export const test = base.extend<{ guard: Guard; autoSignIn: boolean }>({
  autoSignIn: [true, { option: true }],
  guard: [
    async ({ context, baseURL }, use, testInfo) => {
      if (!baseURL) throw new Error('baseURL must be set for the chromium project');
      const appOrigin = new URL(baseURL).origin;
      let offOrigin: string[] = [];
      let cspViolations: string[] = [];
      let pageErrors: string[] = [];

      await context.route('**/*', (route) =>
        isAllowedUrl(route.request().url(), appOrigin) ? route.continue() : route.abort('blockedbyclient'),
      );
      context.on('request', (request) => {
        if (!isAllowedUrl(request.url(), appOrigin)) offOrigin.push(`${request.method()} ${request.url()}`);
      });
      await context.addInitScript((tag: string) => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(
            `${tag} ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
          );
        });
      }, CSP_TAG);
      context.on('console', (msg) => {
        const text = msg.text();
        if (text.startsWith(CSP_TAG) || text.includes('Refused to')) cspViolations.push(text);
        // A blocked off-origin load is already in `offOrigin`; do not count it twice.
        else if (text.startsWith('Failed to load resource') && !isAllowedUrl(msg.location().url, appOrigin))
          return;
        else if (msg.type() === 'error') pageErrors.push(`console.error: ${text}`);
      });
      context.on('weberror', (webError) => pageErrors.push(`uncaught: ${String(webError.error())}`));

      await use({
        appOrigin,
        take() {
          const taken = { offOrigin, cspViolations, pageErrors };
          offOrigin = [];
          cspViolations = [];
          pageErrors = [];
          return taken;
        },
      });

      const report = { offOrigin, cspViolations, pageErrors };
      if (offOrigin.length + cspViolations.length + pageErrors.length > 0) {
        await testInfo.attach('guard-report.json', {
          body: JSON.stringify(report, null, 2),
          contentType: 'application/json',
        });
      }
      expect(offOrigin, 'requests outside the app origin').toEqual([]);
      expect(cspViolations, 'CSP violations').toEqual([]);
      expect(pageErrors, 'page errors').toEqual([]);
    },
    { auto: true },
  ],
  page: async ({ page, context, guard, autoSignIn }, use, testInfo) => {
    // Every sign-in derives a PBKDF2 key with 600 000 iterations (a second or more on a loaded machine).
    testInfo.setTimeout(testInfo.timeout + 40_000);
    if (autoSignIn) {
      await armAutoSignIn(page, guard.appOrigin);
      armContext(context, guard.appOrigin);
    }
    await use(page);
  },
});

export { expect };

/** Loading the sample office is one durable ~260-record transaction: slow on a loaded 2-core machine. */
export const SAMPLE_LOAD_TIMEOUT = 60_000;

/** From a fresh store: 人员与单位 → 载入示例数据, then wait for the "示例数据" tag. */
export async function loadSampleOffice(page: Page, url = '/#/registry'): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await expect(page.getByText('示例数据', { exact: true })).toBeVisible({ timeout: SAMPLE_LOAD_TIMEOUT });
}

/** The date `days` from today in Shanghai, as the app counts days (the sample's trips are relative to it). */
export function shanghaiDate(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
}
