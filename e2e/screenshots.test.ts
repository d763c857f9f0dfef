import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launchBrowser, loginAs, openPage, screenshot, switchLanguage, visit, type Lang } from './harness.js';

/**
 * Issue 2, must-show 6: docs/screenshots/<page>-<zh-CN|en-US>.png of the main
 * pages, each taken as the role that uses it.
 */
const LANGS: Lang[] = ['zh-CN', 'en-US'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Signs in once, then shoots every page in both languages. */
interface Shot {
  name: string;
  path: string | ((page: Page) => Promise<string>);
  ready?: (page: Page) => Promise<void>;
  fullPage?: boolean;
}

async function shootAs(username: string, shots: Shot[]) {
  const { page, context } = await openPage(browser, { lang: 'zh-CN' });
  await loginAs(page, username);
  const files: string[] = [];
  for (const lang of LANGS) {
    await switchLanguage(page, lang);
    for (const s of shots) {
      await visit(page, typeof s.path === 'string' ? s.path : await s.path(page));
      await s.ready?.(page);
      files.push(await screenshot(page, s.name, { fullPage: s.fullPage }));
    }
  }
  await context.close();
  return files;
}

/** The id of the first record a list API returns for this query. */
async function firstId(page: Page, url: string, pick: (x: Record<string, unknown>) => boolean = () => true): Promise<string> {
  const res = await (await apiOf(page)).get(url);
  const item = (res.body as { items: Record<string, unknown>[] }).items.find(pick);
  expect(item, `a record from ${url}`).toBeTruthy();
  return String(item!.id);
}

describe('screenshots of the main pages', () => {
  it('login', async () => {
    const { page, context } = await openPage(browser, { lang: 'zh-CN' });
    await page.goto('/login');
    await page.getByTestId('login-submit').waitFor();
    const files = [await screenshot(page, 'login')];
    await switchLanguage(page, 'en-US');
    expect(await page.getByTestId('login-submit').textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    files.push(await screenshot(page, 'login'));
    expect(files.map((f) => f.split('/').pop())).toEqual(['login-zh-CN.png', 'login-en-US.png']);
    await context.close();
  });

  it('home, org tree and people (office)', async () => {
    const files = await shootAs('office', [
      { name: 'home', path: '/', ready: (p) => p.getByTestId('home-chart').waitFor() },
      {
        name: 'org',
        // a college's general branch: the tree, the pairing and the positions in one view
        path: async (p) => {
          const res = await (await apiOf(p)).get('/api/v1/units');
          const unit = (res.body as { items: { id: string; code: string }[] }).items.find((u) => u.code === 'JD-ZZ');
          return `/org/units?unit=${unit?.id ?? ''}`;
        },
        ready: (p) => p.getByTestId('unit-detail').waitFor(),
      },
      { name: 'people', path: '/org/people', ready: (p) => p.getByTestId('people-table').locator('.ant-table-row').first().waitFor() },
    ]);
    expect(files).toHaveLength(6);
  });

  it('campaign, task tree and research topic (office)', async () => {
    const demoCampaign = (p: Page) => firstId(p, '/api/v1/campaigns?status=active');
    const files = await shootAs('office', [
      { name: 'campaign', path: async (p) => `/plan/campaigns/${await demoCampaign(p)}`, ready: (p) => p.getByTestId('work-loop').waitFor() },
      {
        name: 'tasks',
        path: async (p) => `/plan/tasks?campaignId=${await demoCampaign(p)}`,
        ready: async (p) => {
          // open the first task that has subtasks, to show the tree
          const table = p.getByTestId('task-table');
          await table.locator('.ant-table-row').first().waitFor();
          await table.locator('.ant-table-row-expand-icon-collapsed').first().click();
          await table.locator('.ant-table-row-level-1').first().waitFor();
        },
        fullPage: true, // the fusion panel above, the tree below
      },
      {
        name: 'research-topic',
        path: async (p) => `/plan/research/${await firstId(p, '/api/v1/research-topics?pageSize=50', (x) => Number(x.problemCount) > 0 && x.status === 'in_progress')}`,
        ready: (p) => p.getByTestId('problem-table').locator('.ant-table-row').first().waitFor(),
      },
    ]);
    expect(files).toHaveLength(6);
  });

  it('leader duty view (leader)', async () => {
    const files = await shootAs('leader', [{ name: 'leader', path: '/', ready: (p) => p.getByTestId('leader-duty-view').waitFor(), fullPage: true }]);
    expect(files).toHaveLength(2);
  });

  it('users and roles (admin)', async () => {
    const files = await shootAs('admin', [
      { name: 'users', path: '/admin/users', ready: (p) => p.getByTestId('users-table').locator('.ant-table-row').first().waitFor() },
    ]);
    expect(files).toHaveLength(2);
  });

  it('audit log (auditor)', async () => {
    const files = await shootAs('auditor', [
      { name: 'audit', path: '/admin/audit', ready: (p) => p.getByTestId('audit-table').locator('.ant-table-row').first().waitFor() },
    ]);
    expect(files).toHaveLength(2);
  });
});
