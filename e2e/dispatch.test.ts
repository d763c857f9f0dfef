import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekOf, localParts } from '../server/src/platform/jobs/periods.js';
import { apiOf, launchBrowser, loginAs, openPage, screenshot, settle, visit } from './harness.js';

/**
 * 每周一调度 in the browser (issue 5, must-show 5): the office opens this
 * week's dispatch sheet of the demo campaign (grouped by unit and by school
 * leader) and its meeting record; a liaison closes a follow-up item of their
 * college with a note.
 */
let browser: Browser;

async function signedIn(username: string): Promise<Page> {
  const { page } = await openPage(browser, { lang: 'zh-CN' });
  await loginAs(page, username);
  return page;
}

describe('weekly dispatch sheet', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the office sees the sheet by unit and by leader, prepares it and opens the meeting record', async () => {
    const office = await signedIn('office');
    const api = await apiOf(office);
    const campaigns = (await api.get('/api/v1/campaigns?pageSize=100')).body as { items: { id: string; status: string; title: string }[] };
    const campaign = campaigns.items.find((c) => c.status === 'active')!;
    const p = localParts(new Date(), 'Asia/Shanghai');
    const week = isoWeekOf(p.year, p.month, p.day);
    await visit(office, `/assess/dispatch?campaignId=${campaign.id}&week=${week}`);
    const sheet = (await api.get(`/api/v1/dispatch/sheet?campaignId=${campaign.id}&week=${week}`)).body as { sheet: { counts: { tasks: number }; byUnit: { name: string }[] }; meeting: { id: string } | null };
    if (!sheet.meeting) {
      await office.getByTestId('dispatch-prepare').click();
      await settle(office);
    }
    const counts = office.getByTestId('dispatch-counts');
    await expect.poll(() => counts.textContent()).toContain(String(sheet.sheet.counts.tasks));
    if (sheet.sheet.byUnit[0]) await office.getByText(sheet.sheet.byUnit[0].name, { exact: true }).first().waitFor();
    await screenshot(office, 'dispatch-sheet');
    await office.getByRole('tab', { name: /按校领导/ }).click();
    await settle(office);
    await screenshot(office, 'dispatch-sheet-by-leader');
    await office.getByTestId('dispatch-meeting').click();
    await office.locator('.ant-drawer-open').waitFor();
    await settle(office);
    await screenshot(office, 'dispatch-meeting');
    await office.context().close();
  });

  it('a liaison closes a follow-up item of their college with a note', async () => {
    const liaison = await signedIn('liaison');
    const api = await apiOf(liaison);
    const open = (await api.get('/api/v1/dispatch/follow-ups?status=open&pageSize=100')).body as { items: { id: string; title: string; canClose: boolean }[] };
    await visit(liaison, '/assess/follow-ups?status=open');
    const item = open.items.find((x) => x.canClose);
    if (!item) return; // the demo college has no open item (all closed in an earlier run)
    const row = liaison.locator('tr', { hasText: item.title });
    await row.getByTestId('followup-close').click();
    await liaison.locator('#closingNote').fill('已按会议要求完成整改，材料已上传系统备案。');
    await liaison.getByTestId('followup-close-ok').click();
    await expect.poll(async () => ((await api.get(`/api/v1/dispatch/follow-ups/${item.id}`)).body as { status: string }).status).toBe('done');
    await liaison.context().close();
  });
});
