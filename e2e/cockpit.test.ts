import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cockpit } from '@santong/contract';
import { apiOf, launchBrowser, loginAs, openPage, screenshot, settle, switchLanguage, visit } from './harness.js';

/**
 * Issue 6, must-show 5: the leader opens the cockpit, clicks a chart segment
 * and lands on the filtered list; downloads the briefing. Screenshots of the
 * cockpit in zh-CN and English, and of the wall display.
 */
let browser: Browser;
let page: Page;

/** The cockpit as the page asked for it (the same campaign the page picked). */
async function cockpitOf(p: Page): Promise<Cockpit> {
  const campaignId = new URL(p.url()).searchParams.get('campaignId');
  const res = await (await apiOf(p)).get(`/api/v1/cockpit${campaignId ? `?campaignId=${campaignId}` : ''}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Cockpit;
}

describe('cockpit in the browser', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await openPage(browser, { lang: 'zh-CN' }));
    await loginAs(page, 'leader');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the leader opens the cockpit of their duty units (zh-CN screenshot)', async () => {
    await visit(page, '/insight/cockpit');
    await page.waitForURL(/campaignId=/);
    await page.getByTestId('chart-progress').locator('svg').waitFor();
    await settle(page, 800);
    const c = await cockpitOf(page);
    expect(c.tasks.total).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('kpi-tasks').locator('.ant-statistic-content-value').innerText()).toBe(String(c.fusion.overall.total));
    await screenshot(page, 'cockpit', { fullPage: true });
  });

  it('a click on a task-status segment lands on the filtered task list', async () => {
    const c = await cockpitOf(page);
    const unit = c.tasks.byUnit.find((u) => u.in_progress > 0)!;
    expect(unit).toBeTruthy();
    // the in-progress series of the stacked bars (svg renderer: each segment is a path)
    const segments = page.getByTestId('chart-progress').locator('path[fill="#1677ff"]');
    const index = c.tasks.byUnit.indexOf(unit);
    const boxes = await segments.evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return { w: r.width, h: r.height, y: r.y }; }));
    // bars are ordered top-down like the units; the legend swatch is the last path of that colour
    const bars = boxes.map((b, i) => ({ ...b, i })).filter((b) => b.w > 2 && b.h > 2 && b.h < 30);
    const target = bars.sort((a, b) => a.y - b.y).find((_, k) => k === c.tasks.byUnit.filter((u, j) => j < index && u.in_progress > 0).length)!;
    await segments.nth(target.i).click({ force: true });
    await page.waitForURL(/\/plan\/tasks\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('ownerUnitId')).toBe(unit.unitId);
    expect(url.searchParams.get('status')).toBe('in_progress');
    expect(url.searchParams.get('campaignId')).toBe(c.campaign?.id);
    await page.getByTestId('task-table').waitFor();
    await settle(page);
    await page.getByTestId('filter-owner-only').waitFor();
    const rows = page.getByTestId('task-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(Math.min(unit.in_progress, 20));
    const texts = await rows.allInnerTexts();
    for (const text of texts) {
      expect(text).toContain(unit.unitName);
      expect(text).toContain('进行中');
    }
  });

  it('an outcome-kind bar opens the register filtered by that kind', async () => {
    await visit(page, '/insight/cockpit');
    await page.getByTestId('chart-outcome-kind').locator('svg').waitFor();
    await settle(page, 600);
    const c = await cockpitOf(page);
    const bars = page.getByTestId('chart-outcome-kind').locator('path[fill="#c62828"]');
    await bars.first().click({ force: true });
    await page.waitForURL(/\/execute\/outcomes\?/);
    const kind = new URL(page.url()).searchParams.get('kind');
    expect(kind).toBe(c.outcomes.byKind[0].key);
    await settle(page);
    await expect.poll(() => page.locator('.ant-pagination-total-text').first().innerText()).toContain(String(c.outcomes.byKind[0].count));
  });

  it('the briefing downloads as a .docx (and the statistics as .xlsx)', async () => {
    await visit(page, '/insight/cockpit');
    await page.waitForURL(/campaignId=/);
    const [docx] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('briefing-docx').click()]);
    expect(docx.suggestedFilename()).toMatch(/^工作简报_.*\.docx$/);
    const file = await docx.path();
    const head = fs.readFileSync(file!).subarray(0, 2).toString('latin1');
    expect(head).toBe('PK');
    const [xlsx] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('briefing-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  });

  it('English screenshot, and the wall display refreshes itself', async () => {
    await switchLanguage(page, 'en-US');
    await visit(page, '/insight/cockpit');
    await page.getByTestId('chart-progress').locator('svg').waitFor();
    await settle(page, 800);
    await expect.poll(() => page.getByTestId('cockpit-page').innerText()).toContain('Task progress by unit');
    await screenshot(page, 'cockpit', { fullPage: true });
    await switchLanguage(page, 'zh-CN');
    await page.getByTestId('cockpit-screen').click();
    await page.waitForURL(/\/insight\/cockpit\/screen/);
    await page.goto(`${page.url()}&refresh=10`);
    await page.getByTestId('cockpit-screen-page').waitFor();
    await page.getByTestId('chart-progress').locator('svg').waitFor();
    const first = await page.getByTestId('screen-updated').innerText();
    await expect.poll(() => page.getByTestId('screen-updated').innerText(), { timeout: 30_000 }).not.toBe(first);
    await screenshot(page, 'cockpit-screen');
  });
});
