import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, launchBrowser, loginAs, openPage, screenshot, settle, uniq, visit, type Api } from './harness.js';

/**
 * Issue 5, must-show 4 (同考核 in the browser): `office` builds a small scheme
 * (scheme and indicator tree in the UI, targets in the UI) and assigns a rater
 * (rater groups and assignments through the API); the rater fills and submits
 * the forms; `office` computes, freezes and publishes with "each unit sees only
 * itself"; `unithead` (机电学院) sees their own result and not another's.
 */
const u = uniq();
const title = `端到端测试·年度综合考核${u}`;

let browser: Browser;
let office: Page;
let officeApi: Api;
const state: { schemeId: string; jd: string; xx: string; jdUnit: string; xxUnit: string } = { schemeId: '', jd: '', xx: '', jdUnit: '', xxUnit: '' };

async function signedIn(username: string): Promise<Page> {
  const { page } = await openPage(browser, { lang: 'zh-CN' });
  await loginAs(page, username);
  return page;
}

async function addRootIndicator(page: Page, name: string, track: 'party' | 'business') {
  await page.getByTestId('indicator-add-root').click();
  const drawer = page.locator('.ant-drawer-open', { hasText: '新增指标' });
  // the drawer resets its form when it opens: type only once its defaults are in
  await expect.poll(() => drawer.locator('input#maxScore').inputValue()).toBe('10');
  await drawer.locator('input#name').fill(name);
  await drawer.locator('input#weight').fill('50');
  await drawer.locator('input#maxScore').fill('10');
  await drawer.locator(`.ant-radio-button-wrapper:has(input[value="${track}"])`).click();
  await drawer.getByTestId('indicator-save').click();
  await expect.poll(() => page.locator('.ant-drawer-open', { hasText: '新增指标' }).count()).toBe(0);
  await expect.poll(() => page.locator('[data-testid="indicator-tree"] tr', { hasText: name }).count()).toBeGreaterThan(0);
}

async function transition(to: string) {
  const s = (await officeApi.get(`/api/v1/assessment-schemes/${state.schemeId}`)).body as { version: number };
  const res = await officeApi.post(`/api/v1/assessment-schemes/${state.schemeId}/transition`, { to, version: s.version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

describe('year-end assessment: build, rate, publish to each unit', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    office = await signedIn('office');
    officeApi = await apiOf(office);
    const units = (await officeApi.get('/api/v1/units')).body as { items: { id: string; code: string; name: string }[] };
    state.jdUnit = units.items.find((x) => x.code === 'JD-XY')!.id;
    state.xxUnit = units.items.find((x) => x.code === 'XX-XY')!.id;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('office builds a small scheme in the UI and assigns a rater', async () => {
    await visit(office, '/assess/schemes');
    await office.getByTestId('scheme-new').click();
    const drawer = office.locator('.ant-drawer-open');
    await drawer.locator('input#title').waitFor();
    await office.waitForTimeout(300);
    await drawer.locator('input#year').fill('2027');
    await drawer.locator('input#title').fill(title);
    await office.getByTestId('scheme-save').click();
    await office.waitForURL(/\/assess\/schemes\/[0-9a-f-]{36}$/);
    state.schemeId = office.url().split('/').pop()!;
    await settle(office);
    await addRootIndicator(office, '党建工作', 'party');
    await addRootIndicator(office, '事业发展', 'business');

    await office.locator('.ant-tabs-tab', { hasText: '考核对象' }).click();
    const pane = office.locator('.ant-tabs-tabpane-active');
    for (const name of ['机电工程学院', '信息工程学院']) {
      await pane.locator('.ant-select-selector').first().click();
      await pane.locator('.ant-select input').first().fill(name);
      await office.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-node-content-wrapper').filter({ has: office.locator(`.ant-select-tree-title:text-is("${name}")`) }).first().click();
      await pane.getByRole('button', { name: '添加单位' }).click();
      await settle(office);
    }
    const targets = (await officeApi.get(`/api/v1/assessment-schemes/${state.schemeId}/targets`)).body as { items: { id: string; unitId: string }[] };
    state.jd = targets.items.find((x) => x.unitId === state.jdUnit)!.id;
    state.xx = targets.items.find((x) => x.unitId === state.xxUnit)!.id;

    // the harness has no PUT helper: the same call with the page's cookie and CSRF token
    const { csrfToken } = (await (await office.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
    const groups = await office.request.put(`/api/v1/assessment-schemes/${state.schemeId}/rater-groups`, { data: { groups: [{ name: '校领导', weight: 100 }] }, headers: { 'x-csrf-token': csrfToken } });
    expect(groups.status(), await groups.text()).toBe(200);
    const groupId = ((await groups.json()) as { items: { id: string }[] }).items[0].id;
    const leaderPage = await signedIn('leader');
    const me = (await (await apiOf(leaderPage)).get('/api/v1/auth/me')).body as { user: { id: string } };
    await leaderPage.context().close();
    const assigned = await officeApi.post(`/api/v1/assessment-schemes/${state.schemeId}/rater-assignments`, { groupId, userIds: [me.user.id], targetIds: [state.jd, state.xx], skipOwnUnit: true });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
    expect((assigned.body as { created: number }).created).toBe(2);
    await transition('self_assessment');
    await transition('rating');
  });

  it('the rater fills and submits both forms', async () => {
    const rater = await signedIn('leader');
    const api = await apiOf(rater);
    const mine = (await api.get('/api/v1/ratings/mine')).body as { items: { assignmentId: string; targetId: string; schemeId: string }[] };
    const forms = mine.items.filter((f) => f.schemeId === state.schemeId);
    expect(forms).toHaveLength(2);
    for (const f of forms) {
      await visit(rater, `/assess/ratings/${f.assignmentId}`);
      const scores = f.targetId === state.jd ? ['9', '9'] : ['8', '7'];
      // last year's published result (the demo's 2025 assessment) as context on the form
      await rater.locator('.ant-collapse-header', { hasText: '上年度结果' }).click();
      await rater.getByTestId('results-panel-grade').waitFor();
      const inputs = rater.locator('[data-testid^="score-"] input, input[data-testid^="score-"]');
      await expect.poll(() => inputs.count()).toBe(2);
      for (let i = 0; i < 2; i++) {
        await inputs.nth(i).fill(scores[i]);
        await inputs.nth(i).blur();
      }
      await expect.poll(() => rater.getByTestId('autosave').textContent(), { timeout: 15_000 }).toMatch(/已自动保存/);
      await rater.getByTestId('rating-submit').click();
      await rater.locator('.ant-popover:not(.ant-popover-hidden) .ant-btn-primary').click();
      await expect.poll(async () => ((await api.get(`/api/v1/ratings/${f.assignmentId}`)).body as { summary: { status: string } }).summary.status).toBe('submitted');
    }
    await rater.context().close();
    await transition('closed');
  });

  it("office computes, freezes and publishes with 'each unit sees only itself'", async () => {
    await visit(office, `/assess/results/${state.schemeId}`);
    await office.getByTestId('results-compute').click();
    await office.getByTestId('compute-ok').click();
    await expect.poll(() => office.getByTestId('results-ranking').locator('tbody tr.ant-table-row').count()).toBe(2);
    await expect.poll(() => office.getByTestId(`grade-${state.jd}`).textContent()).toBe('良好');
    await office.getByTestId('results-freeze').click();
    await office.getByTestId('freeze-ok').click();
    await office.getByTestId('results-publish').click();
    await office.getByTestId('scope-own').click();
    await office.getByTestId('publish-ok').click();
    await expect.poll(() => office.getByTestId('results-scope').textContent()).toBe('各单位仅见本单位');
    const ranking = office.getByTestId('results-ranking');
    // 机电: 50 × 9/10 + 50 × 9/10 = 90; 信息: 50 × 8/10 + 50 × 7/10 = 75
    await expect.poll(() => ranking.locator('tbody tr', { hasText: '机电' }).locator('td').nth(2).textContent()).toBe('90.00');
    await expect.poll(() => ranking.locator('tbody tr', { hasText: '信息' }).locator('td').nth(2).textContent()).toBe('75.00');
  });

  it('unithead sees their own result and not another unit’s', async () => {
    const head = await signedIn('unithead');
    await visit(head, `/assess/results/${state.schemeId}`);
    const rows = head.getByTestId('results-ranking').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('机电');
    await rows.first().click();
    await expect.poll(() => head.getByTestId('breakdown-table').locator('tbody tr.ant-table-row').count()).toBe(2);
    const api = await apiOf(head);
    expect((await api.get(`/api/v1/assessment-schemes/${state.schemeId}/results/${state.xx}`)).status).toBe(404);
    expect((await api.get(`/api/v1/assessment-schemes/${state.schemeId}/results/${state.jd}`)).status).toBe(200);
    await head.context().close();
  });

  it('screenshots the published results of last year (demo) as the office', async () => {
    const schemes = (await officeApi.get('/api/v1/assessment-results')).body as { items: { id: string; year: number; status: string }[] };
    const last = schemes.items.find((s) => s.year === 2025 && s.status === 'published');
    expect(last).toBeTruthy();
    await visit(office, `/assess/results/${last!.id}`);
    await expect.poll(() => office.getByTestId('results-ranking').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(10);
    await screenshot(office, 'assessment-results', { fullPage: true });
    await visit(office, '/assess/applications');
    await expect.poll(() => office.getByTestId('application-table').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
  });
});
