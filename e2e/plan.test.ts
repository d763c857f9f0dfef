import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay, pickOption, pickTreeNode, searchAndPick, setDate } from './antd.js';
import { apiOf, launchBrowser, loginAs, openPage, settle, uniq, visit, type Api } from './harness.js';

/**
 * Issue 3, must-show 3 (同部署 in the browser): the office deploys a campaign
 * with its bodies, breaks a task into two subtasks linked to both goal tracks
 * and watches the fusion ratio move; the responsible leader finds the task on
 * their home page; a liaison sees only their unit's tasks and cannot edit
 * another unit's.
 */
interface Named {
  id: string;
  name: string;
}
interface Refs {
  jdCollege: Named; // 机电工程学院: the liaison's college, linked to the leader
  xxCollege: Named; // 信息工程学院: another college
  secretary: { personId: string; personName: string };
  leader: { personId: string; name: string };
  partyGoal: { id: string; title: string; name: string };
  businessGoal: { id: string; title: string; name: string };
}

const u = uniq();
const names = {
  campaign: `端到端测试·主题教育部署${u}`,
  body: `调研督导组${u}`,
  task: `端到端测试·产教融合党建品牌创建${u}`,
  sub1: `端到端测试·校企共建党支部${u}`,
  sub2: `端到端测试·专题读书班进企业${u}`,
  otherOwned: `端到端测试·信息学院牵头任务${u}`,
  otherCoUnit: `端到端测试·信息学院牵头机电协同${u}`,
};

let browser: Browser;
let office: Page;
let officeApi: Api;
let refs: Refs;
const state: { campaignId?: string; taskIds: string[] } = { taskIds: [] };

async function signedIn(username: string): Promise<Page> {
  const { page } = await openPage(browser, { lang: 'zh-CN' });
  await loginAs(page, username);
  return page;
}

async function loadRefs(api: Api, leaderPage: Page): Promise<Refs> {
  const units = (await api.get('/api/v1/units')).body as { items: (Named & { code: string })[] };
  const unit = (code: string) => units.items.find((x) => x.code === code)!;
  const committee = (await api.get(`/api/v1/units/${unit('DW').id}`)).body as { positions: { personId: string; personName: string; role: string }[] };
  const me = (await (await apiOf(leaderPage)).get('/api/v1/auth/me')).body as { user: { personId: string; displayName: string } };
  const goals = ((await api.get('/api/v1/goals')).body as { items: { id: string; track: string; code: string | null; name: string }[] }).items;
  const goal = (code: string) => {
    const g = goals.find((x) => x.code === code)!;
    return { id: g.id, name: g.name, title: `${g.code} ${g.name}` };
  };
  return {
    jdCollege: unit('JD-XY'),
    xxCollege: unit('XX-XY'),
    secretary: committee.positions.find((p) => p.role === 'secretary')!,
    leader: { personId: me.user.personId, name: me.user.displayName },
    partyGoal: goal('P2.2'),
    businessGoal: goal('B2.2'),
  };
}

beforeAll(async () => {
  browser = await launchBrowser();
  office = await signedIn('office');
  officeApi = await apiOf(office);
  const leaderPage = await signedIn('leader');
  refs = await loadRefs(officeApi, leaderPage);
  await leaderPage.context().close();
});

afterAll(async () => {
  // the server is shared with the other browser tests: take our records away again (children first)
  if (officeApi) {
    for (const id of [...state.taskIds].reverse()) await officeApi.del(`/api/v1/tasks/${id}`);
    if (state.campaignId) await officeApi.del(`/api/v1/campaigns/${state.campaignId}`);
  }
  await browser?.close();
});

const drawer = (page: Page) => page.locator('.ant-drawer-open');

/** The fusion panel's "融合任务 x / y" line and the ratio in percent. */
async function fusion(page: Page): Promise<{ line: string; ratio: string }> {
  const panel = page.getByTestId('fusion-panel');
  return {
    line: ((await panel.locator('.ant-typography').first().textContent()) ?? '').trim(),
    ratio: ((await page.getByTestId('fusion-ratio').locator('.ant-statistic-content').textContent()) ?? '').replace(/\s/g, ''),
  };
}

async function expectFusion(page: Page, fused: number, total: number, ratio: string) {
  await expect.poll(async () => (await fusion(page)).line, { timeout: 15_000 }).toBe(`融合任务 ${fused} / ${total}`);
  expect((await fusion(page)).ratio).toBe(ratio);
}

async function saveTask(page: Page, title: string): Promise<string> {
  await page.getByTestId('task-save').click();
  // after a create the drawer shows the saved task
  await expect.poll(() => drawer(page).locator('.ant-drawer-title').textContent(), { timeout: 30_000 }).toContain(title);
  const res = await officeApi.get(`/api/v1/tasks?campaignId=${state.campaignId}&q=${encodeURIComponent(title)}&pageSize=5`);
  const id = (res.body as { items: { id: string; title: string }[] }).items.find((k) => k.title === title)?.id;
  expect(id, `task ${title} was created`).toBeTruthy();
  state.taskIds.push(id!);
  return id!;
}

async function fillSubtask(page: Page, title: string) {
  await drawer(page).locator('.ant-tabs-tab').filter({ hasText: '子任务' }).click();
  await page.getByTestId('subtask-new').click();
  await expect.poll(() => drawer(page).locator('.ant-drawer-title').textContent()).toBe('添加子任务');
  const d = drawer(page);
  await d.locator('input#title').fill(title);
  await pickTreeNode(page, d, 'partyGoalIds', refs.partyGoal.title, refs.partyGoal.name);
  await pickTreeNode(page, d, 'businessGoalIds', refs.businessGoal.title, refs.businessGoal.name);
}

function row(scope: Page | Locator, text: string): Locator {
  return scope.locator('.ant-table-row').filter({ hasText: text });
}

describe('同部署 in the browser', () => {
  it('office creates a campaign and staffs its bodies', async () => {
    await visit(office, '/plan/campaigns');
    await office.getByTestId('campaign-new').click();
    const d = drawer(office);
    await d.locator('input#campaign_title').fill(names.campaign);
    await setDate(office, d, 'campaign_startDate', isoDay(-7));
    await setDate(office, d, 'campaign_endDate', isoDay(200));
    await d.locator('textarea#campaign_description').fill('端到端测试：部署—落实—考核闭环。');
    await office.getByTestId('campaign-save').click();
    await office.waitForURL(/\/plan\/campaigns\/[0-9a-f-]{36}$/);
    state.campaignId = office.url().split('/').pop()!;
    await expect.poll(() => office.getByTestId('campaign-title').textContent()).toBe(names.campaign);

    // the default work loop: leading group, office, three working groups, liaison team
    const loop = office.getByTestId('work-loop');
    await loop.waitFor();
    expect(await loop.getByTestId('loop-body-leading_group').count()).toBe(1);
    expect(await loop.getByTestId('loop-body-working_group').count()).toBe(3);
    expect(await loop.getByTestId('loop-body-liaison_team').count()).toBe(1);

    // the party secretary heads the leading group
    await loop.getByTestId('loop-body-leading_group').click();
    await searchAndPick(office, d, 'member_personId', refs.secretary.personName, `${refs.secretary.personName}（`);
    await pickOption(office, d, 'member_role', '组长');
    await office.getByTestId('member-add').click();
    await row(d.getByTestId('member-table'), refs.secretary.personName).waitFor();
    await d.locator('.ant-drawer-close').click();
    await expect.poll(() => loop.getByTestId('loop-body-leading_group').textContent()).toContain(`组长${refs.secretary.personName}`);

    // and a fourth working group of our own
    await office.getByTestId('body-new').click();
    await d.locator('input#body_name').fill(names.body);
    await d.locator('textarea#body_duty').fill('负责调研课题的督促指导');
    await office.getByTestId('body-save').click();
    await expect.poll(() => loop.getByTestId('loop-body-working_group').count()).toBe(4);
    expect(await loop.textContent()).toContain(names.body);
  });

  it('office adds a task with two subtasks linked to both goal tracks and sees the fusion ratio change', async () => {
    expect(state.campaignId).toBeTruthy();
    await visit(office, `/plan/tasks?campaignId=${state.campaignId}`);
    await expectFusion(office, 0, 0, '0%');

    await office.getByTestId('task-new').click();
    const d = drawer(office);
    await d.locator('input#title').fill(names.task);
    await pickTreeNode(office, d, 'ownerUnitId', refs.jdCollege.name);
    await searchAndPick(office, d, 'responsiblePersonId', refs.leader.name, `${refs.leader.name}（`);
    await setDate(office, d, 'startDate', isoDay(0));
    await setDate(office, d, 'dueDate', isoDay(60));
    const parentId = await saveTask(office, names.task);
    await expectFusion(office, 0, 1, '0%'); // an umbrella task with no goals is not fused

    await fillSubtask(office, names.sub1);
    await saveTask(office, names.sub1);
    await expectFusion(office, 1, 2, '50%');

    // back to the parent through the tree, then the second subtask
    await d.locator('.ant-drawer-close').click();
    await row(office.getByTestId('task-table'), names.task).click();
    await expect.poll(() => d.locator('.ant-drawer-title').textContent()).toContain(names.task);
    await fillSubtask(office, names.sub2);
    await saveTask(office, names.sub2);
    await expectFusion(office, 2, 3, '66.7%');
    await d.locator('.ant-drawer-close').click();

    // the tree shows the two subtasks under the task, each marked fused
    const table = office.getByTestId('task-table');
    await row(table, names.task).locator('.ant-table-row-expand-icon').click();
    await row(table, names.sub1).waitFor();
    await row(table, names.sub2).waitFor();
    const detail = (await officeApi.get(`/api/v1/tasks/${parentId}`)).body as { childCount: number; fused: boolean };
    expect(detail).toMatchObject({ childCount: 2, fused: false });
  });

  it('the responsible leader sees the task in their duty view', async () => {
    const page = await signedIn('leader');
    const view = page.getByTestId('leader-duty-view');
    await view.waitFor();
    const task = row(page.getByTestId('leader-tasks'), names.task);
    await task.waitFor();
    expect(await task.textContent()).toContain('本人牵头');
    expect(await task.textContent()).toContain(refs.jdCollege.name);
    expect(await view.getByTestId('duty-unit-card').filter({ hasText: refs.jdCollege.name }).count()).toBe(1);
    await page.context().close();
  });

  it("liaison sees only their unit's tasks and gets a clear error editing another's", async () => {
    // two tasks of another college, one with the liaison's college as co-unit
    const base = { campaignId: state.campaignId, category: 'project', ownerUnitId: refs.xxCollege.id, startDate: isoDay(0), dueDate: isoDay(30) };
    const own = await officeApi.post('/api/v1/tasks', { ...base, title: names.otherOwned });
    const shared = await officeApi.post('/api/v1/tasks', { ...base, title: names.otherCoUnit, coUnitIds: [refs.jdCollege.id] });
    expect([own.status, shared.status]).toEqual([201, 201]);
    const ownId = (own.body as { id: string }).id;
    const sharedBody = shared.body as { id: string; version: number };
    state.taskIds.push(ownId, sharedBody.id);

    const page = await signedIn('liaison');
    await visit(page, `/plan/tasks?campaignId=${state.campaignId}`);
    const table = page.getByTestId('task-table');
    await row(table, names.task).waitFor();
    await row(table, names.otherCoUnit).waitFor();
    expect(await row(table, names.otherOwned).count()).toBe(0);
    const api = await apiOf(page);
    const listed = (await api.get(`/api/v1/tasks?campaignId=${state.campaignId}&pageSize=100`)).body as { items: { title: string; ownerUnitName: string; coUnitIds: string[] }[] };
    expect(listed.items.map((k) => k.title).sort()).toEqual([names.task, names.sub1, names.sub2, names.otherCoUnit].sort());
    for (const k of listed.items) expect(k.ownerUnitName === refs.jdCollege.name || k.coUnitIds.includes(refs.jdCollege.id)).toBe(true);

    // the co-owned task opens read-only, saying why
    await row(table, names.otherCoUnit).click();
    const d = drawer(page);
    await expect.poll(() => d.locator('.ant-drawer-title').textContent()).toContain(names.otherCoUnit);
    await d.getByTestId('task-readonly').waitFor();
    expect(await d.getByTestId('task-readonly').textContent()).toContain('只有牵头单位或党委办公室可以修改');
    expect(await d.getByTestId('task-save').count()).toBe(0);
    await d.locator('.ant-drawer-close').click();

    // a link to the other college's own task shows an error, not an empty form
    await visit(page, `/plan/tasks?campaignId=${state.campaignId}&task=${ownId}`);
    await d.getByTestId('task-load-error').waitFor();
    expect(await d.getByTestId('task-save').count()).toBe(0);
    await settle(page);

    // and the server refuses the edit itself
    const res = await api.patch(`/api/v1/tasks/${sharedBody.id}`, { title: '越权修改', version: sharedBody.version });
    expect(res.status).toBe(403);
    expect((res.body as { error: { code: string } }).error.code).toBe('OUT_OF_SCOPE');
    await page.context().close();
  });
});
