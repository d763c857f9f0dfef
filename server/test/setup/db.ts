import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { describe, expect, inject } from 'vitest';
import pg from 'pg';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { MeResponse } from '@santong/contract';
import { loadConfig, type Config } from '../../src/config.js';
import { openPglite, openPostgres, type Database, type Db } from '../../src/db/client.js';
import { buildApp, type RouteInfo } from '../../src/app.js';
import { DEMO_PASSWORD, TMP_DIR, type TemplateKind } from './constants.js';

export { DEMO_PASSWORD };

/** Which database this run of the integration files uses (set per vitest project). */
export const DB_KIND: 'pglite' | 'postgres' = process.env.DB_KIND === 'postgres' ? 'postgres' : 'pglite';

export function dbAvailable(): boolean {
  return DB_KIND === 'pglite' || inject('pg') !== null;
}

/** `describe` that skips the whole file when its database is not available (PostgreSQL not installed). */
export const describeDb = (name: string, fn: () => void) => describe.skipIf(!dbAvailable())(`${name} [${DB_KIND}]`, fn);

/** Settings for tests: the usual defaults, no logger, the login and API rate limits out of the way (rate-limit.test.ts sets its own). */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ SANTONG_DATA_DIR: path.join(TMP_DIR, 'test-data', `${process.pid}-${crypto.randomBytes(4).toString('hex')}`), NODE_ENV: 'test' });
  return { ...base, logLevel: 'silent', demo: true, demoPassword: DEMO_PASSWORD, loginRateLimit: 10_000, rateLimit: { perUserPerMinute: 0, perIpPerMinute: 0 }, serveWeb: false, ...overrides };
}

const templateCache = new Map<TemplateKind, Buffer>();

export interface TestDb {
  database: Database;
  /** The database name on PostgreSQL; null on PGlite. */
  name: string | null;
  close(): Promise<void>;
}

/** A fresh migrated database of its own (with the demo tenant unless template 'empty'). */
export async function createTestDb(template: TemplateKind = 'demo'): Promise<TestDb> {
  if (DB_KIND === 'pglite') {
    let buf = templateCache.get(template);
    if (!buf) {
      buf = fs.readFileSync(inject('pgliteTemplates')[template]);
      templateCache.set(template, buf);
    }
    const database = await openPglite(null, { loadDataDir: new Blob([new Uint8Array(buf)]) });
    return { database, name: null, close: () => database.close() };
  }
  const info = inject('pg');
  if (!info) throw new Error('PostgreSQL is not available (use describeDb to skip)');
  const name = `santong_t_${process.ppid}_${crypto.randomBytes(5).toString('hex')}`;
  await adminQuery(info.adminUrl, async (c) => {
    // Concurrent copies of one template can collide on its lock: retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`create database "${name}" template "${info.templates[template]}"`);
        return;
      } catch (err) {
        if (attempt >= 20 || !/being accessed by other users/.test(String((err as Error).message))) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  const url = new URL(info.adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), { max: 5 });
  return {
    database,
    name,
    close: async () => {
      await database.close();
      await adminQuery(info.adminUrl, (c) => c.query(`drop database if exists "${name}" with (force)`)).catch(() => {});
    },
  };
}

async function adminQuery<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export interface TestApp {
  app: FastifyInstance;
  routes: RouteInfo[];
  database: Database;
  db: Db;
  cfg: Config;
  /** Raw SQL on the test database. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * The whole app on a fresh database, for inject(). Close it in afterAll.
 * Pass `database` to build a second app (other settings) on the same database;
 * closing that app leaves the database open.
 */
export async function buildTestApp(opts: { config?: Partial<Config>; template?: TemplateKind; database?: Database } = {}): Promise<TestApp> {
  const testDb: TestDb = opts.database ? { database: opts.database, name: null, close: async () => {} } : await createTestDb(opts.template);
  const cfg = testConfig(opts.config);
  const { app, routes } = await buildApp(cfg, testDb.database, { logger: false });
  await app.ready();
  return {
    app,
    routes,
    cfg,
    database: testDb.database,
    db: testDb.database.db,
    sql: (text, params) => testDb.database.query(text, params) as never,
    async close() {
      await app.close();
      await testDb.close();
      fs.rmSync(cfg.dataDir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  username: string;
  cookie: string;
  csrf: string;
  /** Headers for app.inject: the session cookie and the CSRF token. */
  headers: Record<string, string>;
  user: MeResponse['user'];
}

/** Signs in through the API (demo password by default); fails the test when it does not work. */
export async function login(app: FastifyInstance, username: string, password = DEMO_PASSWORD, tenant?: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...(tenant ? { tenant } : {}) } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((x) => x.name === 'st_session');
  if (!c) throw new Error(`login ${username}: no session cookie`);
  const body = res.json() as MeResponse;
  const cookie = `st_session=${c.value}`;
  return { username, cookie, csrf: body.csrfToken, headers: { cookie, 'x-csrf-token': body.csrfToken }, user: body.user };
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One API call as a signed-in user (or anonymous when session is null). */
export async function call(app: FastifyInstance, session: Session | null, method: Method, url: string, payload?: unknown, extra: Partial<InjectOptions> = {}): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    ...(payload !== undefined ? { payload: payload as InjectOptions['payload'] } : {}),
    ...extra,
    headers: { ...(session?.headers ?? {}), ...((extra.headers as Record<string, string>) ?? {}) },
  });
}

/** Asserts the API error shape and code; returns the error for further checks. */
export function expectError(res: LightMyRequestResponse, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json() as { error: { code: string; message: string; details?: Record<string, unknown> } };
  expect(body.error, res.body).toBeTruthy();
  expect(typeof body.error.code).toBe('string');
  expect(typeof body.error.message).toBe('string');
  if (code) expect(body.error.code, res.body).toBe(code);
  return body.error;
}

/** Unit id by demo code (JD-XY, YS-XY …). */
export async function unitIdByCode(t: TestApp, code: string, tenantId?: string): Promise<string> {
  const rows = await t.sql<{ id: string }>(
    tenantId ? 'select id from units where code = $1 and tenant_id = $2' : 'select u.id from units u join tenants t on t.id = u.tenant_id where u.code = $1 and t.code = \'demo\'',
    tenantId ? [code, tenantId] : [code],
  );
  if (!rows[0]) throw new Error(`no unit ${code}`);
  return rows[0].id;
}

export async function demoTenantId(t: TestApp): Promise<string> {
  const [row] = await t.sql<{ id: string }>("select id from tenants where code = 'demo'");
  return row.id;
}
