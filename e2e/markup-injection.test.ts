import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay } from './antd.js';
import { apiOf, launchBrowser, loginAs, openPage, settle, uniq, visit, type Api } from './harness.js';
import { ROOT } from './server.js';

/**
 * Issue 8 (等保 intrusion prevention, "rendered escaped"): hostile text stored through the API —
 * markup, script, an attribute break-out, a javascript: link, CJK, emoji and bidi overrides — comes
 * back byte for byte and is shown literally on every page that renders it: no element from it is
 * created, nothing runs (window.__xss stays unset), no dialog opens and no CSP violation fires.
 */
let browser: Browser;
const watched: { page: Page; name: string; dialogs: string[]; errors: string[] }[] = [];

const tag = `XSS${uniq()}`;
const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=2</script>';
const BREAKOUT = '"><svg onload=window.__xss=3>';
const JS_LINK = '<a href="javascript:window.__xss=4">javascript:window.__xss=4</a>';
const TAIL = '同落实 𠀀🚩👩‍👩‍👧 \u202Eevil\u202C ا';
const texts = {
  unit: `${tag}单位 ${IMG} ${BREAKOUT} 🚩\u202Eevil\u202C`,
  person: `${tag}${BREAKOUT}同🚩\u202E`,
  taskTitle: `${tag}任务 ${IMG} ${SCRIPT} ${BREAKOUT} ${JS_LINK} ${TAIL}`,
  taskDescription: `${tag}描述\n${IMG}\n${SCRIPT}\n${BREAKOUT}\n${JS_LINK}\n${TAIL}`,
  otherTaskTitle: `${tag}报告任务 ${SCRIPT} ${IMG} ${TAIL}`,
  comment: `${tag}评论 ${IMG} ${SCRIPT} ${JS_LINK} ${TAIL}`,
  outcome: `${tag}成果 ${IMG} ${BREAKOUT} ${SCRIPT} ${TAIL}`,
  reportDone: `${tag}报告 ${IMG} ${SCRIPT} ${BREAKOUT} ${JS_LINK} ${TAIL}`,
  reportProblems: `${tag}问题 ${BREAKOUT} ${TAIL}`,
};
const ids: Record<string, string> = {};

/** A signed-in page that records dialogs, console errors, page errors and CSP violations. */
async function signedIn(username: string): Promise<Page> {
  const { context, page } = await openPage(browser, { lang: 'zh-CN' });
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  const entry = { page, name: username, dialogs: [] as string[], errors: [] as string[] };
  page.on('dialog', (d) => {
    entry.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') entry.errors.push(m.text());
  });
  page.on('pageerror', (e) => entry.errors.push(String(e)));
  watched.push(entry);
  await loginAs(page, username);
  // the sign-in page's own probe of /auth/me answers 401 by design
  entry.errors.length = 0;
  return page;
}

/** The page shows every text literally (in its text or in a form field) and nothing from it became markup or ran. */
async function expectInert(page: Page, where: string, shown: string[]): Promise<void> {
  await settle(page);
  const visibleText = () =>
    page.evaluate(() => {
      const fields = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map((f) => f.value);
      return [document.body.textContent ?? '', ...fields].join('\n');
    });
  for (const s of shown) await expect.poll(visibleText, { message: `${where}: shows ${s.slice(0, 40)}…`, timeout: 15_000 }).toContain(s);
  const found = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    csp: (window as unknown as { __csp?: string[] }).__csp ?? [],
    imgX: document.querySelectorAll('img[src="x"]').length,
    handlers: document.querySelectorAll('[onerror], [onload]').length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
    scripts: [...document.scripts].filter((s) => (s.textContent ?? '').includes('__xss')).length,
  }));
  expect(found, where).toEqual({ xss: undefined, csp: [], imgX: 0, handlers: 0, jsLinks: 0, scripts: 0 });
  const entry = watched.find((w) => w.page === page)!;
  expect(entry.dialogs, `${where}: dialogs`).toEqual([]);
  expect(entry.errors, `${where}: console errors`).toEqual([]);
}

async function created(api: Api, url: string, body: unknown): Promise<string> {
  const res = await api.post(url, body);
  expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(201);
  return (res.body as { id: string }).id;
}

async function fetched<T>(api: Api, url: string): Promise<T> {
  const res = await api.get(url);
  expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body as T;
}

let office: Page;
let officeApi: Api;

beforeAll(async () => {
  browser = await launchBrowser();
  office = await signedIn('office');
  officeApi = await apiOf(office);
  const liaison = await signedIn('liaison');
  const liaisonApi = await apiOf(liaison);

  const units = await fetched<{ items: { id: string; code: string }[] }>(officeApi, '/api/v1/units');
  const jd = units.items.find((u) => u.code === 'JD-XY')!;
  const campaigns = await fetched<{ items: { id: string }[] }>(officeApi, '/api/v1/campaigns?status=active');
  const campaignId = campaigns.items[0]!.id;
  ids.campaign = campaignId;
  ids.unit = await created(officeApi, '/api/v1/units', { kind: 'college', name: texts.unit, code: `X-${tag}` });
  ids.person = await created(officeApi, '/api/v1/people', { staffNo: tag, name: texts.person, politicalStatus: 'cpc_member', unitId: ids.unit });
  const task = { campaignId, category: 'activity', startDate: isoDay(-5), dueDate: isoDay(30), progress: 30, status: 'in_progress' };
  ids.task = await created(officeApi, '/api/v1/tasks', { ...task, title: texts.taskTitle, description: texts.taskDescription, ownerUnitId: ids.unit });
  ids.otherTask = await created(officeApi, '/api/v1/tasks', { ...task, title: texts.otherTaskTitle, ownerUnitId: jd.id });
  ids.comment = await created(officeApi, `/api/v1/tasks/${ids.task}/comments`, { body: texts.comment });
  ids.outcome = await created(officeApi, '/api/v1/outcomes', {
    kind: 'typical_case', title: texts.outcome, unitId: ids.unit, personIds: [ids.person], level: 'school', publishedOn: isoDay(-1), link: 'https://example.cn/case',
  });
  ids.report = await created(liaisonApi, '/api/v1/progress-reports', { taskId: ids.otherTask, progress: 40, doneText: texts.reportDone, problems: texts.reportProblems });
});

afterAll(async () => {
  await browser?.close();
});

describe('markup in stored text is data, never markup', () => {
  it('web/src never turns strings into HTML (no dangerouslySetInnerHTML, innerHTML, document.write, HTML tooltip formatters)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, e.name);
        if (e.isDirectory()) walk(file);
        else if (/\.(tsx?|jsx?)$/.test(e.name)) {
          const src = fs.readFileSync(file, 'utf8');
          if (/dangerouslySetInnerHTML|\.(inner|outer)HTML\s*=|insertAdjacentHTML|\bdocument\.write(ln)?\s*\(/.test(src)) offenders.push(path.relative(ROOT, file));
          // ECharts renders a tooltip formatter's string as HTML: any such formatter must escape what it interpolates
          if (/tooltip\s*:\s*\{[^}]*formatter\s*:/s.test(src)) offenders.push(`${path.relative(ROOT, file)} (tooltip formatter)`);
        }
      }
    };
    walk(path.join(ROOT, 'web', 'src'));
    expect(offenders).toEqual([]);
  });

  it('the API gives every text back byte for byte', async () => {
    expect((await fetched<{ unit: { name: string } }>(officeApi, `/api/v1/units/${ids.unit}`)).unit.name).toBe(texts.unit);
    expect((await fetched<{ name: string }>(officeApi, `/api/v1/people/${ids.person}`)).name).toBe(texts.person);
    const task = await fetched<{ title: string; description: string; ownerUnitName: string }>(officeApi, `/api/v1/tasks/${ids.task}`);
    expect(task).toMatchObject({ title: texts.taskTitle, description: texts.taskDescription, ownerUnitName: texts.unit });
    const comments = await fetched<{ body: string }[] | { items: { body: string }[] }>(officeApi, `/api/v1/tasks/${ids.task}/comments`);
    expect((Array.isArray(comments) ? comments : comments.items).map((c) => c.body)).toContain(texts.comment);
    expect((await fetched<{ title: string }>(officeApi, `/api/v1/outcomes/${ids.outcome}`)).title).toBe(texts.outcome);
    expect(await fetched(officeApi, `/api/v1/progress-reports/${ids.report}`)).toMatchObject({ doneText: texts.reportDone, problems: texts.reportProblems });
  });

  it('a javascript: or data: link is refused as an outcome link (400 naming the field)', async () => {
    for (const link of ['javascript:window.__xss=4', 'JavaScript:alert(1)', 'data:text/html,<script>window.__xss=5</script>']) {
      const res = await officeApi.post('/api/v1/outcomes', { kind: 'typical_case', title: `${tag} link`, unitId: ids.unit, level: 'school', publishedOn: isoDay(-1), link });
      expect(res.status, link).toBe(400);
      expect(JSON.stringify(res.body)).toContain('body.link');
    }
  });

  it('task list and task drawer: title, description, owner unit and comments', async () => {
    await visit(office, `/plan/tasks?q=${tag}`);
    await expectInert(office, 'task list', [texts.taskTitle, texts.otherTaskTitle, texts.unit]);
    await visit(office, `/plan/tasks?task=${ids.task}`);
    const drawer = office.getByTestId('task-drawer');
    await drawer.waitFor();
    await expectInert(office, 'task drawer', [texts.taskTitle, texts.taskDescription]);
    await drawer.locator('.ant-tabs-tab[data-node-key="comments"]').click();
    await expectInert(office, 'task comments', [texts.comment]);
  });

  it('progress report: the review drawer and the task’s report tab', async () => {
    await visit(office, `/execute/report-review?report=${ids.report}`);
    await expectInert(office, 'report review', [texts.reportDone, texts.reportProblems, texts.otherTaskTitle]);
    await visit(office, `/plan/tasks?task=${ids.otherTask}`);
    await office.getByTestId('task-drawer').locator('.ant-tabs-tab[data-node-key="reports"]').click();
    await expectInert(office, 'task reports tab', [texts.reportDone]);
  });

  it('outcome register and unit page', async () => {
    await visit(office, `/execute/outcomes?unitId=${ids.unit}`);
    await expectInert(office, 'outcome list', [texts.outcome]);
    await visit(office, `/org/units?unit=${ids.unit}`);
    await expectInert(office, 'unit page', [texts.unit]);
  });

  it('header search dropdown and the results page', async () => {
    await visit(office, '/');
    await office.getByTestId('header-search').fill(tag);
    const dropdown = office.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await dropdown.getByTestId('search-hit-task').first().waitFor();
    await expectInert(office, 'search dropdown', [texts.taskTitle, texts.outcome]);
    await visit(office, `/search?q=${tag}`);
    await expectInert(office, 'search results', [texts.taskTitle, texts.otherTaskTitle, texts.outcome, texts.person]);
  });

  it('cockpit: the unit name on the chart axis and in its HTML tooltip', async () => {
    await visit(office, `/insight/cockpit?campaignId=${ids.campaign}`);
    const chart = office.getByTestId('chart-progress');
    await chart.locator('svg').waitFor();
    await expectInert(office, 'cockpit', []);
    // ECharts builds its tooltip as HTML: hover each row of the unit bars until the hostile unit's tooltip shows
    const box = (await chart.boundingBox())!;
    let tooltip = '';
    for (let y = box.y + 8; y < box.y + box.height - 8 && !tooltip.includes(tag); y += 4) {
      await office.mouse.move(box.x + box.width / 2, y);
      await office.waitForTimeout(60);
      tooltip = await chart.evaluate((el) => [...el.querySelectorAll('div')].filter((d) => d.style.zIndex === '9999999' && d.style.display !== 'none').map((d) => d.textContent ?? '').join('\n'));
    }
    expect(tooltip, 'the hostile unit has a row in the chart').toContain(texts.unit);
    await expectInert(office, 'cockpit tooltip', [texts.unit]);
  });

  it('notifications: the bell panel and the notification list (the office on the submitted report, the liaison on its approval)', async () => {
    const approved = await officeApi.post(`/api/v1/progress-reports/${ids.report}/approve`, { comment: texts.comment });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    for (const name of ['office', 'liaison']) {
      const page = watched.find((w) => w.name === name)!.page;
      const list = await fetched<{ items: { title: string; body: string | null }[] }>(await apiOf(page), '/api/v1/notifications');
      const mine = list.items.filter((n) => `${n.title} ${n.body ?? ''}`.includes(tag));
      expect(mine.length, `${name} has a notification carrying the hostile text`).toBeGreaterThan(0);
      const shown = mine.slice(0, 1).flatMap((n) => [n.title, ...(n.body ? [n.body] : [])]);
      await visit(page, '/notifications');
      await expectInert(page, `${name}: notification list`, shown);
      await page.getByTestId('notification-bell').click();
      await page.getByTestId('notification-panel').waitFor();
      await expectInert(page, `${name}: notification bell`, shown);
    }
  });
});
