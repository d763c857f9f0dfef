import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitColumns } from '../server/src/modules/org/org.import.js';
import { pickOption } from './antd.js';
import { apiOf, launchBrowser, loginAs, openPage, settle, switchLanguage, uniq, visit } from './harness.js';

/** Issue 2, must-show 5: org in the browser, as the users would do it. */
interface UnitRow {
  id: string;
  code: string;
  name: string;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signedIn(username: string): Promise<Page> {
  const { page } = await openPage(browser, { lang: 'zh-CN' });
  await loginAs(page, username);
  return page;
}

async function units(page: Page): Promise<{ items: UnitRow[]; total: number }> {
  const res = await (await apiOf(page)).get('/api/v1/units');
  expect(res.status).toBe(200);
  return res.body as { items: UnitRow[]; total: number };
}

describe('org in the browser', () => {
  it('office creates a unit in a drawer form and sees it in the tree', async () => {
    const page = await signedIn('office');
    const u = uniq();
    const code = `E2E-${u}`;
    const name = `端到端测试党支部${u}`;
    await visit(page, '/org/units');
    // the page opens on the top unit (the party committee): add a branch under it
    await page.getByTestId('unit-new-child').click();
    const drawer = page.locator('.ant-drawer-open');
    await expect.poll(() => drawer.locator('.ant-drawer-title').textContent()).toBe('新建单位');
    await pickOption(page, drawer, 'kind', '党支部');
    await drawer.locator('#name').fill(name);
    await drawer.locator('#code').fill(code);
    await page.getByTestId('unit-save').click();

    const node = page.getByTestId(`unit-node-${code}`);
    await node.waitFor();
    expect(await node.textContent()).toContain(name);
    // the new unit is selected and its detail shows it under the committee
    await expect.poll(() => page.getByTestId('unit-detail').locator('.ant-card-head-title').first().textContent()).toContain(name);
    const created = (await units(page)).items.find((x) => x.code === code);
    expect(created?.name).toBe(name);
    // the server is shared with the screenshot tests: leave the demo tree as it was
    expect((await (await apiOf(page)).del(`/api/v1/units/${created!.id}`)).status).toBe(200);
    await page.context().close();
  });

  it("liaison cannot open or edit another unit's person, and gets a clear error", async () => {
    const page = await signedIn('liaison');
    const all = (await units(page)).items;
    const other = all.find((x) => x.code === 'XX-XY')!; // 信息工程学院: not the liaison's college
    const own = all.find((x) => x.code === 'JD-XY')!;

    // own college: a person's record opens, editable
    await visit(page, `/org/units?unit=${own.id}`);
    await page.getByTestId('position-person').first().click();
    await page.getByTestId('person-save').waitFor();
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' }).catch(() => {});

    // another college: the unit and its positions are visible, the person is not
    await visit(page, `/org/units?unit=${other.id}`);
    const detail = await (await apiOf(page)).get(`/api/v1/units/${other.id}`);
    const someone = (detail.body as { positions: { personId: string; personName: string }[] }).positions[0]!;
    await page.getByTestId('position-person').filter({ hasText: someone.personName }).first().click();
    const toast = page.locator('.ant-message-notice').filter({ hasText: '无权操作该单位的人员' });
    await toast.waitFor();
    expect(await page.locator('.ant-drawer-open [data-testid="person-save"]').count()).toBe(0);

    // and the server refuses the edit itself
    const api = await apiOf(page);
    const res = await api.patch(`/api/v1/people/${someone.personId}`, { title: '越权修改', version: 1 });
    expect(res.status).toBe(403);
    expect((res.body as { error: { code: string } }).error.code).toBe('OUT_OF_SCOPE');
    await page.context().close();
  });

  it('the language switch changes the UI to English and back', async () => {
    const page = await signedIn('office');
    await visit(page, '/org/units');
    const menu = page.locator('.ant-layout-sider');
    await menu.getByText('组织机构', { exact: true }).waitFor();
    expect(await page.locator('.st-page-title').textContent()).toBe('组织与单位');

    await switchLanguage(page, 'en-US');
    await menu.getByText('Organisation', { exact: true }).waitFor();
    expect(await menu.getByText('组织机构', { exact: true }).count()).toBe(0);
    expect(await page.locator('.st-page-title').textContent()).toBe('Units');
    expect(await page.getByTestId('unit-new').textContent()).toContain('New unit');

    // the choice survives a reload
    await page.reload();
    await page.getByTestId('user-menu').waitFor();
    await menu.getByText('Organisation', { exact: true }).waitFor();

    await switchLanguage(page, 'zh-CN');
    await menu.getByText('组织机构', { exact: true }).waitFor();
    expect(await menu.getByText('Organisation', { exact: true }).count()).toBe(0);
    expect(await page.locator('.st-page-title').textContent()).toBe('组织与单位');
    await page.context().close();
  });

  it('an import with a bad row shows the row-level report and writes nothing', async () => {
    const page = await signedIn('office');
    await visit(page, '/org/units');
    const before = await units(page);
    const u = uniq();
    const good = `E2E-IMP-${u}`;

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('单位');
    ws.addRow(Object.values(unitColumns));
    const row = (r: Partial<Record<keyof typeof unitColumns, string | number>>) => ws.addRow(Object.keys(unitColumns).map((k) => r[k as keyof typeof unitColumns] ?? null));
    row({ code: good, name: `导入测试党支部${u}`, kind: '党支部', parentCode: 'DW', sortOrder: 900 }); // row 2: fine
    row({ code: `${good}-B`, name: `导入测试单位${u}`, kind: '不存在的类型', parentCode: 'DW' }); // row 3: unknown kind
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());

    await page.locator('input[type="file"]').setInputFiles({ name: '单位导入-含错误行.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    const report = page.getByTestId('import-report');
    await report.waitFor();
    const rows = report.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    const cells = await rows.first().locator('td').allTextContents();
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe(unitColumns.kind);
    expect(cells[2]!.length).toBeGreaterThan(0);
    expect(await page.locator('.ant-modal').textContent()).toContain('未写入任何数据');
    expect(await page.getByTestId('import-report-download').count()).toBe(1);

    const after = await units(page);
    expect(after.total).toBe(before.total);
    expect(after.items.some((x) => x.code === good)).toBe(false);
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await settle(page);
    expect(await page.getByTestId(`unit-node-${good}`).count()).toBe(0);
    await page.context().close();
  });
});
