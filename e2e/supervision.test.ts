import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launchBrowser, loginAs, openPage, screenshot, settle, uniq, visit } from './harness.js';

/**
 * 同考核 S12/S14 in the browser: the office plans a month, an inspector records
 * a partial check in the matrix and the unit gets a rectification task; the
 * pass-rate charts and the monthly exchange list render; a liaison reads only.
 */
let browser: Browser;

async function signedIn(username: string): Promise<Page> {
  const { page } = await openPage(browser, { lang: 'zh-CN' });
  await loginAs(page, username);
  return page;
}

describe('supervision and monthly exchange', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an inspector records a partial check in the matrix; the cell turns orange and a task opens', async () => {
    const office = await signedIn('office');
    const api = await apiOf(office);
    const campaigns = (await api.get('/api/v1/campaigns?pageSize=100')).body as { items: { id: string; status: string }[] };
    const campaignId = campaigns.items.find((c) => c.status === 'active')!.id;
    const created = await api.post('/api/v1/supervision/plans', {
      campaignId, month: '2026-12', title: `端到端测试·12月督导${uniq()}`,
      indicators: [{ requirement: '年终说院述党建报告按期提交', evidence: '报告文本', unitKinds: ['college'] }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const plan = created.body as { id: string; indicators: { id: string }[] };
    await visit(office, '/assess/supervision');
    await expect.poll(() => office.getByTestId('plan-table').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(5);
    await screenshot(office, 'supervision-plans');

    const inspector = await signedIn('inspector');
    const units = ((await (await apiOf(inspector)).get('/api/v1/units')).body as { items: { id: string; code: string }[] }).items;
    const jd = units.find((u) => u.code === 'JD-XY')!;
    await visit(inspector, `/assess/supervision/${plan.id}`);
    const cell = inspector.getByTestId(`cell-${jd.id}-${plan.indicators[0].id}`);
    await cell.click();
    const drawer = inspector.locator('.ant-drawer-open');
    await drawer.locator('label.ant-radio-button-wrapper', { hasText: '部分合格' }).click();
    await drawer.locator('#comment').fill('报告初稿已形成，缺少党建工作数据支撑（端到端测试）');
    await inspector.getByTestId('check-save').click();
    await expect.poll(() => drawer.locator('.ant-alert').count()).toBe(1);
    await inspector.locator('.ant-drawer-open .ant-drawer-close').click();
    await settle(inspector);
    await expect.poll(() => cell.textContent()).toContain('部分合格');

    // the docs show a seeded month: every college and department checked
    const october = (await api.get('/api/v1/supervision/plans?month=2026-10')).body as { items: { id: string }[] };
    await visit(inspector, `/assess/supervision/${october.items[0].id}`);
    await expect.poll(() => inspector.getByTestId('check-matrix').locator('.ant-tag').count()).toBeGreaterThan(20);
    await screenshot(inspector, 'supervision-matrix', { fullPage: true });

    const checks = (await api.get(`/api/v1/supervision/checks?planId=${plan.id}`)).body as { items: { rectification: { title: string } | null }[] };
    expect(checks.items[0].rectification?.title).toContain('机电工程学院');
  });

  it('shows pass rates by month and by unit, and the monthly exchange list; a liaison reads without writing', async () => {
    const office = await signedIn('office');
    await visit(office, '/assess/supervision');
    await office.getByRole('tab', { name: '合格率统计' }).click();
    await settle(office);
    await expect.poll(() => office.getByTestId('chart-by-month').locator('canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => office.getByTestId('chart-by-unit').locator('canvas').count()).toBeGreaterThan(0);
    await screenshot(office, 'supervision-pass-rates', { fullPage: true });
    await visit(office, '/assess/exchange');
    await expect.poll(() => office.getByTestId('exchange-table').locator('tbody tr.ant-table-row').count()).toBe(10);
    await screenshot(office, 'exchange-list');

    const liaison = await signedIn('liaison');
    await visit(liaison, '/assess/supervision');
    await expect.poll(() => liaison.getByTestId('plan-table').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(5);
    expect(await liaison.getByTestId('plan-new').count()).toBe(0);
    await visit(liaison, '/assess/exchange');
    expect(await liaison.getByTestId('exchange-new').count()).toBe(0);
  });
});
