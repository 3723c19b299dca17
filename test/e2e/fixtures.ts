/**
 * The guard every e2e spec runs under (an automatic fixture):
 * - network: every request of the browser context is recorded, and anything not on the app's own
 *   origin is aborted; after the test there must be zero such requests (data: and blob: are fine);
 * - CSP: any violation fails the test (a `securitypolicyviolation` listener installed before page
 *   scripts, plus Chromium's "Refused to …" console messages);
 * - page errors: uncaught exceptions and console errors fail the test.
 * Specs import `test` and `expect` from here instead of from @playwright/test.
 */
import { test as base, expect } from '@playwright/test';

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

export const test = base.extend<{ guard: Guard }>({
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
});

export { expect };
