import { afterAll, beforeAll, expect, it } from 'vitest';
import { hasPermission, roles, type Role } from '@santong/contract';
import { buildTestApp, call, describeDb, login, type Method, type Session, type TestApp } from '../setup/db.js';

/**
 * The permission half of the matrix for EVERY route, generated from the route
 * table: each route × each of the nine roles. A role without the route's
 * declared permission gets 403 FORBIDDEN before anything runs; a role with it
 * gets past the permission check (whatever the handler then says about the
 * placeholder ids and empty body: 400, 404, 409 or 200). The data-scope half
 * (target in / out of scope) is proven per feature in each feature's tests and,
 * for org and admin, in permissions.test.ts.
 */
const demoUser: Record<Role, string> = {
  admin: 'admin', office: 'office', leader: 'leader', unit_head: 'unithead', liaison: 'liaison',
  inspector: 'inspector', member: 'member', auditor: 'auditor', security: 'security',
};
const PLACEHOLDER = '00000000-0000-4000-8000-000000000000';
const DENIED = /^needs permission /;

describeDb('permissions of every route', () => {
  let t: TestApp;
  let sessions: Record<Role, Session>;
  beforeAll(async () => {
    t = await buildTestApp();
    sessions = {} as Record<Role, Session>;
    for (const r of roles) sessions[r] = await login(t.app, demoUser[r]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('every role × every permission-guarded route: denied exactly when the role lacks the permission', async () => {
    const guarded = t.routes.filter((r) => r.permission && r.permission !== 'authenticated' && r.url.startsWith('/api/v1/'));
    expect(guarded.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    let cases = 0;
    for (const route of guarded) {
      const url = route.url.replace(/:[A-Za-z]+/g, PLACEHOLDER);
      const method = route.method as Method;
      for (const role of roles) {
        const res = await call(t.app, sessions[role], method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
        cases++;
        const allowed = hasPermission([role], route.permission as never);
        const body = String(res.headers['content-type'] ?? '').includes('json') ? res.json() : null;
        const denied = res.statusCode === 403 && body?.error?.code === 'FORBIDDEN' && DENIED.test(body.error.message);
        if (allowed === denied) wrong.push(`${route.method} ${route.url} as ${role}: ${res.statusCode} ${body?.error?.code ?? ''} (permission ${route.permission})`);
        if (res.statusCode >= 500) wrong.push(`${route.method} ${route.url} as ${role}: ${res.statusCode}`);
      }
    }
    console.info(`permission matrix: ${guarded.length} routes × ${roles.length} roles = ${cases} cases`);
    expect(wrong, `${cases} cases`).toEqual([]);
  }, 600_000);
});
