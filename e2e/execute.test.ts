import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay, searchAndPick } from './antd.js';
import { apiOf, launchBrowser, loginAs, openPage, screenshot, settle, switchLanguage, uniq, visit, type Api } from './harness.js';

/**
 * Issue 4, must-show 3 and 4 (同落实 in the browser): a liaison reports on a
 * task from a phone with an evidence file; an inspector returns it with a
 * comment; the liaison corrects and resubmits; the inspector approves and the
 * task's progress follows. Then a nomination over quota shows the quota
 * error, and the honours round in publicity is captured for the docs.
 */
interface Report {
  id: string;
  status: string;
  revision: number;
  progress: number;
  reviewComment: string | null;
  evidence: { name: string }[];
}

const u = uniq();
const names = {
  task: `端到端测试·组织开展“双带头人”工作室示范活动${u}`,
  file: `活动照片与签到表${u}.pdf`,
  round: `端到端测试·两优一先评选${u}`,
};
const comment = '请补充活动签到表和新闻报道链接，并说明参与教师人数。';

let browser: Browser;
let liaison: Page; // 375 px wide
let inspector: Page;
let office: Page;
let officeApi: Api;
let liaisonApi: Api;
const state: { taskId?: string; reportId?: string } = {};

async function signedIn(username: string, phone = false): Promise<Page> {
  const { page } = await openPage(browser, { lang: 'zh-CN', phone });
  await loginAs(page, username);
  return page;
}

const drawer = (page: Page) => page.locator('.ant-drawer-open');
const message = (page: Page) => page.locator('.ant-message-notice');

async function reportOf(taskId: string): Promise<Report> {
  const res = await liaisonApi.get(`/api/v1/tasks/${taskId}/progress-reports`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { items: Report[] }).items[0];
}

async function taskProgress(taskId: string): Promise<number> {
  return ((await officeApi.get(`/api/v1/tasks/${taskId}`)).body as { progress: number }).progress;
}

/** The liaison's progress field: the number input next to the slider. */
function progressInput(scope: Locator): Locator {
  return scope.locator('input[data-testid="report-progress"], [data-testid="report-progress"] input').first();
}

async function findMyTask(page: Page) {
  await visit(page, '/execute/my-tasks');
  // the page's own task search (the header has a global search too)
  const search = page.getByPlaceholder('搜索任务', { exact: true });
  await search.fill(names.task);
  await search.press('Enter');
  const card = page.getByTestId('my-task').filter({ hasText: names.task });
  await card.waitFor();
  return card;
}

/** The inspector opens the report in the review page. */
async function openReview() {
  await visit(inspector, `/execute/report-review?report=${state.reportId}`);
  const d = inspector.getByTestId('review-drawer');
  await d.waitFor();
  await d.getByText(names.task).first().waitFor();
  return d;
}

beforeAll(async () => {
  browser = await launchBrowser();
  office = await signedIn('office');
  officeApi = await apiOf(office);
  liaison = await signedIn('liaison', true);
  liaisonApi = await apiOf(liaison);
  inspector = await signedIn('inspector');
  // a fresh task of the liaison's college in the active campaign
  const units = (await officeApi.get('/api/v1/units')).body as { items: { id: string; code: string }[] };
  const jd = units.items.find((x) => x.code === 'JD-XY')!;
  const campaigns = (await officeApi.get('/api/v1/campaigns?status=active')).body as { items: { id: string }[] };
  const res = await officeApi.post('/api/v1/tasks', {
    campaignId: campaigns.items[0].id, title: names.task, category: 'activity', ownerUnitId: jd.id, startDate: isoDay(-10), dueDate: isoDay(40), progress: 20, status: 'in_progress',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  state.taskId = (res.body as { id: string }).id;
});

afterAll(async () => {
  await browser?.close();
});

describe('同落实 in the browser', () => {
  it('liaison submits a progress report with a file on a 375 px phone', async () => {
    expect(await liaison.evaluate(() => window.innerWidth)).toBe(375);
    const card = await findMyTask(liaison);
    await card.getByTestId('my-task-report').click();
    const d = drawer(liaison);
    await d.getByTestId('report-submit').waitFor();
    // the form fits the phone: no horizontal scrolling, the drawer is full width
    expect(await liaison.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(Math.round((await d.locator('.ant-drawer-content-wrapper').boundingBox())!.width)).toBe(375);
    await progressInput(d).fill('45');
    await d.getByTestId('report-done').fill('已组织机电学院“双带头人”工作室开展示范活动两场，覆盖教师党员46人。');
    await d.locator('input[type=file]').setInputFiles({ name: names.file, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% santong e2e evidence\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
    await d.locator('.ant-upload-list').getByText(names.file).waitFor();
    await screenshot(liaison, 'report-form-phone');
    await d.getByTestId('report-submit').click();
    await expect.poll(() => drawer(liaison).count(), { timeout: 20_000 }).toBe(0);

    const r = await reportOf(state.taskId!);
    expect(r).toMatchObject({ status: 'submitted', progress: 45, revision: 1 });
    expect(r.evidence.map((e) => e.name)).toEqual([names.file]);
    state.reportId = r.id;
  });

  it('inspector returns the report with a comment', async () => {
    const d = await openReview();
    await d.getByText(names.file).first().waitFor();
    await screenshot(inspector, 'report-review');
    await d.getByTestId('report-return').click();
    await inspector.getByTestId('report-review-comment').fill(comment);
    await inspector.getByTestId('report-review-ok').click();
    await expect.poll(async () => (await reportOf(state.taskId!)).status, { timeout: 15_000 }).toBe('returned');
    expect((await reportOf(state.taskId!)).reviewComment).toBe(comment);
    expect(await taskProgress(state.taskId!)).toBe(20);
  });

  it('liaison sees it returned, corrects and resubmits', async () => {
    await visit(liaison, '/execute/my-tasks');
    const returned = liaison.locator('.ant-alert-warning .ant-list-item').filter({ hasText: names.task });
    await returned.waitFor();
    expect(await returned.textContent()).toContain(comment);
    await returned.getByTestId('returned-correct').click();
    const d = drawer(liaison);
    await d.getByText(comment).waitFor();
    await progressInput(d).fill('60');
    await d.getByTestId('report-done').fill('已组织示范活动两场，覆盖教师党员46人；补充签到表及校园网新闻报道链接。');
    await d.getByTestId('report-submit').click();
    await expect.poll(() => drawer(liaison).count(), { timeout: 20_000 }).toBe(0);
    const r = await reportOf(state.taskId!);
    expect(r).toMatchObject({ status: 'submitted', revision: 2, progress: 60 });
    expect(r.evidence).toHaveLength(1);
  });

  it("inspector approves and the task's progress follows", async () => {
    const d = await openReview();
    await d.getByTestId('report-approve').click();
    await inspector.getByTestId('report-review-ok').click();
    await expect.poll(async () => (await reportOf(state.taskId!)).status, { timeout: 15_000 }).toBe('approved');
    expect(await taskProgress(state.taskId!)).toBe(60);
    // and the liaison's card shows it
    const card = await findMyTask(liaison);
    await expect.poll(() => card.locator('.ant-progress-text').textContent()).toBe('60%');
  });

  it('a nomination over quota shows the quota error', async () => {
    const round = await officeApi.post('/api/v1/honour-rounds', { year: 2027, title: names.round, quotas: { outstanding_member: 1, outstanding_worker: 1, advanced_organisation: 1 } });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    const roundId = (round.body as { id: string }).id;
    const units = (await officeApi.get('/api/v1/units')).body as { items: { id: string; code: string }[] };
    const jd = units.items.find((x) => x.code === 'JD-XY')!;
    const members = ((await officeApi.get(`/api/v1/people?unitId=${jd.id}&politicalStatus=cpc_member&pageSize=50&sort=staffNo`)).body as { items: { id: string; name: string; staffNo: string }[] }).items;
    const first = await liaisonApi.post(`/api/v1/honour-rounds/${roundId}/nominations`, { category: 'outstanding_member', nomineePersonId: members[0].id, reason: '教书育人成绩突出' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);

    const page = await signedIn('liaison');
    await visit(page, `/execute/honours/${roundId}`);
    await page.getByTestId('nomination-new').click();
    const d = drawer(page);
    const other = members[1];
    await searchAndPick(page, d, 'nomination_nomineePersonId', other.staffNo, `${other.name}（`);
    await d.locator('textarea#nomination_reason').fill('扎根教学一线，带领学生获技能大赛一等奖');
    await page.getByTestId('nomination-save').click();
    const error = message(page).filter({ hasText: '名额为 1 个' });
    await error.waitFor();
    expect(await error.textContent()).toContain('“优秀共产党员”名额为 1 个，已有 1 个推荐');
    expect(await d.locator('.ant-form-item-explain-error').first().textContent()).toContain('名额为 1 个');
    const list = (await liaisonApi.get(`/api/v1/honour-rounds/${roundId}/nominations`)).body as { total: number };
    expect(list.total).toBe(1);
    await page.context().close();
  });

  it('the honours round in publicity (screenshots)', async () => {
    const rounds = (await officeApi.get('/api/v1/honour-rounds?status=publicity')).body as { items: { id: string; year: number }[] };
    const seeded = rounds.items.find((r) => r.year === 2026)!;
    await visit(office, `/execute/honours/${seeded.id}`);
    await office.getByTestId('publicity-banner').waitFor();
    await office.getByTestId('nominations-outstanding_member').locator('.ant-table-row').first().waitFor();
    await settle(office);
    await screenshot(office, 'honour-publicity', { fullPage: true });
    await switchLanguage(office, 'en-US');
    await office.getByTestId('publicity-banner').getByText('in publicity').waitFor();
    await screenshot(office, 'honour-publicity', { fullPage: true });
    await switchLanguage(office, 'zh-CN');
  });
});
