/**
 * The clerk's moves the specs share: picking an option of an antd Select, and taking a rule-gated step (a
 * warning asks for an override reason in a dialog titled "<step>：请说明继续的理由", which is given).
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** The reason the specs give when a warning asks for one. */
export const E2E_REASON = '端到端测试';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const overrideDialog = (page: Page, step: string | RegExp): Locator => {
  const title = typeof step === 'string' ? escapeRegExp(step) : step.source.replace(/^\^|\$$/g, '');
  return page.getByRole('dialog', { name: new RegExp(`^${title}：请说明继续的理由`) });
};

async function giveReason(dialog: Locator, reason: string): Promise<void> {
  await dialog.getByLabel('继续办理的理由').fill(reason);
  await dialog.getByRole('button', { name: '说明理由并继续' }).click();
  await expect(dialog).toBeHidden();
}

/** Picks an option of the open antd Select by its title (the plain name of a person or unit). */
export async function pickOption(page: Page, title: string): Promise<void> {
  const option = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`);
  // The virtual list marks the chosen option by a class only (no aria-selected).
  const chosen = page.locator(
    `.ant-select-dropdown:visible .ant-select-item-option-selected[title="${title}"]`,
  );
  await option.click();
  // Now and then a click landing while the list still slides in is lost (the value stays, the list stays
  // open): click again until the option is chosen. A single select then closes; a multiple one marks it
  // selected (React renders a click's update before the click returns, so a chosen option is never re-clicked).
  await expect(async () => {
    if ((await option.count()) > 0 && (await chosen.count()) === 0) {
      await option.click({ timeout: 2_000 });
      throw new Error(`选项“${title}”没有选上，再点一次`);
    }
  }).toPass({ timeout: 10_000 });
}

/** Opens the labelled searchable select, optionally types to filter, and picks the option. */
export async function chooseOption(page: Page, label: string, title: string, typed?: string): Promise<void> {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.click();
  if (typed !== undefined) await box.fill(typed);
  await pickOption(page, title);
}

/**
 * Clicks the step's button (named exactly `name`); when the rules warn, gives the reason.
 */
export async function takeStep(page: Page, name: string, reason = E2E_REASON): Promise<void> {
  await takeStepThen(page, page.getByRole('button', { name, exact: true }), name, reason, async () => {});
}

/**
 * Clicks `button`; when the rules warn, gives the reason; then waits for `done` (what the step leads to). `step` is
 * the step's name as the dialog title starts with it. A GatedButton says beforehand whether it will ask
 * (`data-gate="warn"`), and the dialog opens in the click's own render, so nothing waits for a dialog that may
 * never come (a dangling wait kept polling, and re-ran the sign-in handler, for 30 s).
 */
export async function takeStepThen(
  page: Page,
  button: Locator,
  step: string | RegExp,
  reason: string,
  done: () => Promise<void>,
): Promise<void> {
  const warned = (await button.getAttribute('data-gate')) === 'warn';
  await button.click();
  const dialog = overrideDialog(page, step);
  if (warned || (await dialog.isVisible())) await giveReason(dialog, reason);
  await done();
}
