import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launchBrowser, loginAs, openPage, screenshot, settle, visit } from './harness.js';

/**
 * 同考核 configuration and rating in the browser (S13): the office's indicator
 * tree editor with a level whose weights do not sum to 100, and a rater's
 * form with observation points, self scores and autosave.
 */
let browser: Browser;

async function signedIn(username: string): Promise<Page> {
  const { page } = await openPage(browser, { lang: 'zh-CN' });
  await loginAs(page, username);
  return page;
}

describe('assessment configuration and rating', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('office edits the indicator tree and sees the level that does not sum to 100', async () => {
    const page = await signedIn('office');
    const api = await apiOf(page);
    const list = (await api.get('/api/v1/assessment-schemes?year=2026')).body as { items: { id: string; title: string }[] };
    const source = list.items[0];
    const copy = await api.post(`/api/v1/assessment-schemes/${source.id}/copy`, { year: 2027, title: `2027年度二级单位党建与事业发展“三同”综合考核（草案）${Date.now().toString(36).slice(-4)}` });
    expect(copy.status, JSON.stringify(copy.body)).toBe(201);
    const schemeId = (copy.body as { id: string }).id;
    const tree = (await api.get(`/api/v1/assessment-schemes/${schemeId}/indicators`)).body as { items: { id: string; name: string }[] };
    const node = tree.items.find((i) => i.name === '意识形态工作责任制')!;
    expect((await api.patch(`/api/v1/assessment-indicators/${node.id}`, { weight: 25 })).status).toBe(200);

    await visit(page, `/assess/schemes/${schemeId}`);
    const editor = page.getByTestId('indicator-tree');
    await editor.waitFor();
    await expect.poll(() => page.getByTestId('weight-warning').count()).toBe(1);
    await expect.poll(async () => (await editor.textContent()) ?? '').toContain('第3级（政治建设）权重合计 95，应为 100');
    await screenshot(page, 'assessment-indicator-tree', { fullPage: true });

    // Opening the scheme is refused while a level does not sum to 100.
    await page.getByTestId('scheme-to-rating').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(async () => (await page.locator('.ant-alert-error').first().textContent()) ?? '').toContain('政治建设');
    await page.context().close();
  });

  it('a rater fills the form with observation points and self scores, autosaved', async () => {
    const page = await signedIn('leader');
    await visit(page, '/assess/ratings');
    const api = await apiOf(page);
    const mine = (await api.get('/api/v1/ratings/mine')).body as { items: { assignmentId: string; year: number; status: string; scored: number }[] };
    const form = mine.items.find((i) => i.year === 2026 && i.status === 'open' && i.scored === 0) ?? mine.items.find((i) => i.year === 2026 && i.status === 'open')!;
    await visit(page, `/assess/ratings/${form.assignmentId}`);
    await page.getByTestId('rating-form').waitFor();
    const inputs = page.locator('[data-testid^="score-"]');
    await expect.poll(() => inputs.count()).toBeGreaterThan(10);
    for (const [k, v] of [[0, '9'], [1, '8.5'], [2, '9'], [3, '8']] as const) {
      const el = inputs.nth(k);
      const input = (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input');
      await input.fill(v);
      await input.blur();
    }
    await expect.poll(async () => (await page.getByTestId('autosave').textContent()) ?? '', { timeout: 15_000 }).toContain('已自动保存');
    await settle(page);
    await screenshot(page, 'assessment-rating-form', { fullPage: true });
    await page.context().close();
  });

  it('a unit sees its own self reports and self scores', async () => {
    const page = await signedIn('unithead');
    await visit(page, '/assess/self');
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toContain('说院/说处');
    expect((await page.locator('main').textContent()) ?? '').toContain('述党建');
    await screenshot(page, 'assessment-self');
    await page.context().close();
  });
});
