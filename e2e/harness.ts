import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { ROOT } from './server.js';

/**
 * Browser helpers for the e2e tests. The server is started once by
 * e2e/global-setup.ts (the built server/dist/main.js in production mode, as `npm start` runs it);
 * each test file launches its own headless Chromium.
 */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'Santong@2026';
export const SCREENSHOT_DIR = path.join(ROOT, 'docs', 'screenshots');
export type Lang = 'zh-CN' | 'en-US';
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 375, height: 812 };

export const baseUrl = () => inject('e2eBaseUrl');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface PageOptions {
  /** the UI language stored before the app loads (the app's default is zh-CN) */
  lang?: Lang;
  phone?: boolean;
}

/** A fresh context (own cookies and storage) and page on the test server. */
export async function openPage(browser: Browser, opts: PageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: opts.phone ? PHONE : DESKTOP,
    deviceScaleFactor: 1,
    isMobile: !!opts.phone,
    hasTouch: !!opts.phone,
    locale: opts.lang ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  if (opts.lang) {
    const lang = opts.lang;
    await context.addInitScript((l) => {
      if (!localStorage.getItem('santong.lang')) localStorage.setItem('santong.lang', l);
    }, lang);
  }
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  return { context, page };
}

/** Signs in through the real login form and waits for the admin layout. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
  await settle(page);
}

/** Clicks the header's language switch until the UI is in `lang`. */
export async function switchLanguage(page: Page, lang: Lang): Promise<void> {
  const sw = page.getByTestId('lang-switch').first();
  if ((await sw.getAttribute('data-lang')) !== lang) await sw.click();
  await expect.poll(() => sw.getAttribute('data-lang')).toBe(lang);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

/** Waits until spinners and skeletons are gone and animations had time to finish. */
export async function settle(page: Page, extraMs = 300): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page
    .waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .ant-btn-loading'), undefined, { timeout: 15_000 })
    .catch(() => {});
  await page.waitForTimeout(extraMs);
}

/** Goes to an in-app path and waits for it to settle. */
export async function visit(page: Page, pathname: string): Promise<void> {
  await page.goto(pathname);
  await page.getByTestId('user-menu').waitFor();
  await settle(page);
}

/** docs/screenshots/<name>-<lang>.png of the current viewport (or the whole page), in the page's current language. */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  await settle(page, 600);
  const lang = await page.evaluate(() => document.documentElement.lang);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}-${lang}.png`);
  // antd messages fade out; never let a stale toast end up in the docs
  await page.evaluate(() => document.querySelectorAll('.ant-message-notice').forEach((n) => n.remove()));
  await page.screenshot({ path: file, animations: 'disabled', fullPage: !!opts.fullPage });
  return file;
}

/**
 * JSON API calls with the page's session cookie (page.request shares the
 * context's cookies) and the CSRF token from GET /auth/me.
 */
export async function apiOf(page: Page) {
  const me = await page.request.get('/api/v1/auth/me');
  expect(me.status()).toBe(200);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const check = async (res: Awaited<ReturnType<Page['request']['get']>>, what: string) => {
    const body = await res.json().catch(() => null);
    return { status: res.status(), body, what };
  };
  return {
    get: async (url: string) => check(await page.request.get(url), `GET ${url}`),
    post: async (url: string, data: unknown) => check(await page.request.post(url, { data, headers }), `POST ${url}`),
    patch: async (url: string, data: unknown) => check(await page.request.patch(url, { data, headers }), `PATCH ${url}`),
    del: async (url: string) => check(await page.request.delete(url, { headers }), `DELETE ${url}`),
  };
}
export type Api = Awaited<ReturnType<typeof apiOf>>;

/** A short suffix that keeps names unique across runs and files. */
export const uniq = () => `${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();
