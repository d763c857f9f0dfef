import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, openPage, screenshot, visit } from './harness.js';

/** Nothing may push the page wider than the phone: a liaison works from a 375 px screen. */
async function expectNoSideways(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'page wider than the 375 px screen').toBeLessThanOrEqual(376);
}

describe('phone-sized pages (375 px)', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await openPage(browser, { phone: true }));
    await loginAs(page, 'liaison');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the liaison's task list fits the screen and opens the report form", async () => {
    await visit(page, '/execute/my-tasks');
    await expectNoSideways(page);
    await expect.poll(() => page.getByTestId('my-task').count()).toBeGreaterThan(0);
    await screenshot(page, 'phone-my-tasks');
    await page.getByTestId('my-task-report').first().click();
    await page.locator('.ant-drawer-open, .ant-modal-wrap').first().waitFor();
    await expectNoSideways(page);
  });

  it('the notifications list fits the screen', async () => {
    await visit(page, '/notifications');
    await expectNoSideways(page);
    await expect.poll(() => page.getByTestId('notification-list').locator('.ant-list-item').count()).toBeGreaterThan(0);
    await screenshot(page, 'phone-notifications');
  });
});
