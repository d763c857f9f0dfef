import type { Locator, Page } from 'playwright-core';

/**
 * Driving Ant Design 5 controls the way a user does (click, type, pick).
 * Each helper takes the control's input id (Form.Item name, or form_name).
 */
const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/**
 * Closes an open dropdown by clicking a neutral spot: the open drawer's title
 * (Escape or a click on the mask would close the drawer itself).
 */
async function dismiss(page: Page): Promise<void> {
  const title = page.locator('.ant-drawer-open .ant-drawer-title');
  if (await title.count()) await title.first().click();
  else await page.locator('body').click({ position: { x: 5, y: 5 } });
}

/** The visible part of a Select/TreeSelect whose inner input has `id`. */
function selector(scope: Page | Locator, id: string): Locator {
  return scope.locator(`.ant-select:has(input#${id}) .ant-select-selector`).first();
}

/** A plain Select: open it and click the option with this label. */
export async function pickOption(page: Page, scope: Page | Locator, id: string, label: string): Promise<void> {
  await selector(scope, id).click();
  await openDropdown(page).locator(`.ant-select-item-option[title="${label}"]`).click();
}

/** A searchable Select fed by the server (PersonSelect): type, wait, click the option starting with `labelStart`. */
export async function searchAndPick(page: Page, scope: Page | Locator, id: string, search: string, labelStart: string): Promise<void> {
  await selector(scope, id).click();
  await scope.locator(`input#${id}`).fill(search);
  await openDropdown(page).locator(`.ant-select-item-option[title^="${labelStart}"]`).first().click();
}

/** A TreeSelect (units, goals): type to filter, click the node with this exact title. */
export async function pickTreeNode(page: Page, scope: Page | Locator, id: string, title: string, search = title): Promise<void> {
  await selector(scope, id).click();
  await scope.locator(`input#${id}`).fill(search);
  await openDropdown(page).locator('.ant-select-tree-node-content-wrapper').filter({ has: page.locator(`.ant-select-tree-title:text-is("${title}")`) }).first().click();
  await dismiss(page);
}

/** A DatePicker: type the date into its input and confirm. */
export async function setDate(page: Page, scope: Page | Locator, id: string, isoDate: string): Promise<void> {
  const input = scope.locator(`input#${id}`);
  await input.click();
  await input.fill(isoDate);
  await input.press('Enter');
}

/** YYYY-MM-DD, `days` from today. */
export function isoDay(days = 0): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}
