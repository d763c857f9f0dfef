import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickTreeNode } from './antd.js';
import { apiOf, launchBrowser, loginAs, openPage, screenshot, settle, uniq, visit } from './harness.js';

/**
 * 同落实 S7/S9 in the browser: the office takes a 双创 project through its
 * mid-term check on the project page (the timeline grows); a liaison records
 * an activity of their unit in the drawer and finds it in the list.
 */
let browser: Browser;

async function signedIn(username: string): Promise<Page> {
  const { page } = await openPage(browser, { lang: 'zh-CN' });
  await loginAs(page, username);
  return page;
}

describe('activities and innovation projects', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('office records a mid-term check; the timeline shows it', async () => {
    const office = await signedIn('office');
    const api = await apiOf(office);
    await visit(office, '/execute/innovation');
    await expect.poll(() => office.getByTestId('innovation-table').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(5);
    await screenshot(office, 'innovation-list');
    const list = (await api.get('/api/v1/innovation-projects?stage=cultivating&pageSize=1')).body as { items: { id: string; title: string }[] };
    const project = list.items[0];
    await visit(office, `/execute/innovation/${project.id}`);
    const timeline = office.getByTestId('innovation-timeline').locator('.ant-timeline-item');
    const before = await timeline.count();
    await office.getByTestId('innovation-step-midterm_check').click();
    const modal = office.locator('.ant-modal:visible');
    await modal.locator('#expertComment').fill('中期检查合格，建议加强成果提炼（端到端测试）');
    await modal.locator('.ant-btn-primary').click();
    await expect.poll(() => timeline.count()).toBe(before + 1);
    await expect.poll(() => office.getByText('端到端测试').count()).toBeGreaterThan(0);
    const after = (await api.get(`/api/v1/innovation-projects/${project.id}`)).body as { stage: string };
    expect(after.stage).toBe('midterm_checked');
    await settle(office);
    await screenshot(office, 'innovation-project', { fullPage: true });
  });

  it('liaison records an activity of their unit', async () => {
    const liaison = await signedIn('liaison');
    await visit(liaison, '/execute/activities');
    const title = `端到端测试·工作室技能帮扶活动${uniq()}`;
    await liaison.getByTestId('activity-new').click();
    const drawer = liaison.locator('.ant-drawer-open');
    await drawer.locator('#title').fill(title);
    await pickTreeNode(liaison, drawer, 'unitId', '机电学院教工党支部');
    await drawer.locator('#participants').fill('18');
    await liaison.getByTestId('activity-save').click();
    await expect.poll(() => liaison.getByTestId('activity-table').getByText(title).count()).toBe(1);
    await screenshot(liaison, 'activities');
  });
});
