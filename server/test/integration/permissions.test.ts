import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPermission, permissions, roles, roleScope, type Permission, type Role } from '@santong/contract';
import { buildApp, type RouteInfo } from '../../src/app.js';
import { buildTestApp, call, describeDb, login, testConfig, unitIdByCode, type Method, type Session, type TestApp } from '../setup/db.js';
import { makePerson, makeUnit, makeUser } from '../setup/factories.js';
import { multipartFile, personHeaders, unitHeaders, workbook } from '../setup/xlsx.js';

/** Routes reachable without a session. Adding one is a security decision: add it here on purpose. */
const PUBLIC_ROUTES = new Set(['POST /api/v1/auth/login', 'GET /api/v1/openapi.json']);

/** The org and admin routes the role × scope matrix below must cover. */
const ORG_ADMIN = /^\/api\/v1\/(units|people|positions|leader-duties|imports|users|audit-log)(\/|$)/;

const demoUser: Record<Role, string> = {
  admin: 'admin',
  office: 'office',
  leader: 'leader',
  unit_head: 'unithead',
  liaison: 'liaison',
  inspector: 'inspector',
  member: 'member',
  auditor: 'auditor',
  security: 'security',
};

/**
 * in:  inside 机电工程学院 (JD-XY / its paired JD-ZZ): the liaison's and unit head's own unit,
 *      and linked (联系) to the demo leader; for a member, the member's own record.
 * out: inside 艺术设计学院 (YS-XY / YS-ZZ): none of those roles' scope.
 * n/a: the route names no unit-bound record (lists, templates, users, audit log).
 */
type Target = 'in' | 'out' | 'n/a';

interface Request {
  method: Method;
  url: string;
  payload?: unknown;
  file?: Buffer;
}

interface RouteCase {
  /** Whether the data scope decides access to the target (else only the permission does). */
  scoped: boolean;
  targets: Target[];
  build(target: Target, role: Role): Promise<Request>;
}

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const uniq = () => crypto.randomBytes(4).toString('hex').toUpperCase();
const BOTH: Target[] = ['in', 'out'];
const NA: Target[] = ['n/a'];

describeDb('permissions', () => {
  let t: TestApp;
  let sessions: Record<Role, Session>;
  const unit: Record<string, string> = {};
  const inUnit = (target: Target) => unit[target === 'in' ? 'JD-XY' : 'YS-XY'];
  const inParty = (target: Target) => unit[target === 'in' ? 'JD-ZZ' : 'YS-ZZ'];

  beforeAll(async () => {
    t = await buildTestApp();
    for (const code of ['JD-XY', 'JD-ZZ', 'YS-XY', 'YS-ZZ', 'DW']) unit[code] = await unitIdByCode(t, code);
    sessions = {} as Record<Role, Session>;
    for (const r of roles) sessions[r] = await login(t.app, demoUser[r]);
    // The targets really are in / out of the scoped roles' scope (see demo/seed.ts).
    for (const r of ['leader', 'unit_head', 'liaison'] as const) {
      const scope = sessions[r].user.scope.unitIds;
      for (const c of ['JD-XY', 'JD-ZZ']) expect(scope, `${r} scope has ${c}`).toContain(unit[c]);
      for (const c of ['YS-XY', 'YS-ZZ']) expect(scope, `${r} scope lacks ${c}`).not.toContain(unit[c]);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('every /api/v1 route declares a known permission or is on the public list', () => {
    expect(t.routes.length).toBeGreaterThan(20);
    const known = new Set<string>([...permissions, 'authenticated']);
    const undeclared = t.routes.filter((r) => !r.public && !r.permission).map(key);
    expect(undeclared, 'routes without a permission').toEqual([]);
    const unknown = t.routes.filter((r) => r.permission && !known.has(r.permission)).map((r) => `${key(r)} → ${r.permission}`);
    expect(unknown, 'routes naming a permission the contract does not know').toEqual([]);
    const unexpectedPublic = t.routes.filter((r) => r.public && !PUBLIC_ROUTES.has(key(r))).map(key);
    expect(unexpectedPublic, 'public routes not on the reviewed list').toEqual([]);
  });

  it('a route registered without a permission is denied (403), and 401 without a session', async () => {
    // A second app on the same database, with one extra route that forgot its permission.
    const cfg = testConfig();
    const { app } = await buildApp(cfg, t.database, { logger: false });
    try {
      app.get('/api/v1/__undeclared', async () => ({ leaked: true }));
      await app.ready();
      const admin = await login(app, 'admin');
      const res = await call(app, admin, 'GET', '/api/v1/__undeclared');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
      expect((await call(app, null, 'GET', '/api/v1/__undeclared')).statusCode).toBe(401);
    } finally {
      await app.close();
      fs.rmSync(cfg.dataDir, { recursive: true, force: true });
    }
  });

  // ---- the matrix -------------------------------------------------------------------------

  const personFor = async (target: Target) => makePerson(t, { unitId: inUnit(target) });
  const freshUser = async () => makeUser(t, { roles: ['member'] });

  const cases: Record<string, RouteCase> = {
    'GET /api/v1/units': { scoped: false, targets: NA, build: async () => ({ method: 'GET', url: '/api/v1/units' }) },
    'GET /api/v1/units/export': { scoped: false, targets: NA, build: async () => ({ method: 'GET', url: '/api/v1/units/export' }) },
    'GET /api/v1/units/template': { scoped: false, targets: NA, build: async () => ({ method: 'GET', url: '/api/v1/units/template' }) },
    'POST /api/v1/units/import': {
      scoped: false,
      targets: NA,
      build: async () => ({ method: 'POST', url: '/api/v1/units/import', file: await workbook(unitHeaders, [[`PM-${uniq()}`, '权限测试处', '', '处室', '', '', 1]]) }),
    },
    // The org tree is reference data: every reader sees every unit.
    'GET /api/v1/units/:id': { scoped: false, targets: BOTH, build: async (target) => ({ method: 'GET', url: `/api/v1/units/${inUnit(target)}` }) },
    'POST /api/v1/units': {
      scoped: true,
      targets: BOTH,
      build: async (target) => ({ method: 'POST', url: '/api/v1/units', payload: { kind: 'branch', name: '权限测试支部', code: `PM-${uniq()}`, parentId: inParty(target) } }),
    },
    'PATCH /api/v1/units/:id': {
      scoped: true,
      targets: BOTH,
      build: async (target) => {
        const u = await makeUnit(t, { kind: 'branch', parentId: inParty(target) });
        return { method: 'PATCH', url: `/api/v1/units/${u.id}`, payload: { name: '改名', version: u.version } };
      },
    },
    'DELETE /api/v1/units/:id': {
      scoped: true,
      targets: BOTH,
      build: async (target) => ({ method: 'DELETE', url: `/api/v1/units/${(await makeUnit(t, { kind: 'branch', parentId: inParty(target) })).id}` }),
    },
    'GET /api/v1/people': { scoped: false, targets: NA, build: async () => ({ method: 'GET', url: '/api/v1/people' }) },
    'GET /api/v1/people/export': { scoped: false, targets: NA, build: async () => ({ method: 'GET', url: '/api/v1/people/export' }) },
    'GET /api/v1/people/stats': { scoped: false, targets: NA, build: async () => ({ method: 'GET', url: '/api/v1/people/stats' }) },
    'GET /api/v1/people/template': { scoped: false, targets: NA, build: async () => ({ method: 'GET', url: '/api/v1/people/template' }) },
    'POST /api/v1/people/import': {
      scoped: false,
      targets: NA,
      build: async () => ({
        method: 'POST',
        url: '/api/v1/people/import',
        file: await workbook(personHeaders, [[`PM${uniq()}`, '权限测试', '男', '', '群众', '否', '', '', 'JD-XY', '']]),
      }),
    },
    'GET /api/v1/people/:id': {
      scoped: true,
      targets: BOTH,
      build: async (target, role) => {
        const id = target === 'in' && role === 'member' ? sessions.member.user.personId! : (await personFor(target)).id;
        return { method: 'GET', url: `/api/v1/people/${id}` };
      },
    },
    'POST /api/v1/people': {
      scoped: true,
      targets: BOTH,
      build: async (target) => ({ method: 'POST', url: '/api/v1/people', payload: { staffNo: `PM${uniq()}`, name: '权限测试', politicalStatus: 'masses', unitId: inUnit(target) } }),
    },
    'PATCH /api/v1/people/:id': {
      scoped: true,
      targets: BOTH,
      build: async (target) => ({ method: 'PATCH', url: `/api/v1/people/${(await personFor(target)).id}`, payload: { title: '改职称', version: 1 } }),
    },
    'DELETE /api/v1/people/:id': {
      scoped: true,
      targets: BOTH,
      build: async (target) => ({ method: 'DELETE', url: `/api/v1/people/${(await personFor(target)).id}` }),
    },
    'POST /api/v1/positions': {
      scoped: true,
      targets: BOTH,
      build: async (target) => ({ method: 'POST', url: '/api/v1/positions', payload: { personId: (await personFor(target)).id, unitId: inParty(target), role: 'member' } }),
    },
    'DELETE /api/v1/positions/:id': {
      scoped: true,
      targets: BOTH,
      build: async (target) => {
        const p = await makePerson(t, { unitId: inUnit(target), positions: ['member'] });
        const [pos] = await t.sql<{ id: string }>('select id from positions where person_id = $1', [p.id]);
        return { method: 'DELETE', url: `/api/v1/positions/${pos.id}` };
      },
    },
    'GET /api/v1/leader-duties': { scoped: false, targets: NA, build: async () => ({ method: 'GET', url: '/api/v1/leader-duties' }) },
    'POST /api/v1/leader-duties': {
      scoped: true,
      targets: BOTH,
      build: async (target) => ({ method: 'POST', url: '/api/v1/leader-duties', payload: { personId: (await makePerson(t, { unitId: unit.DW })).id, unitId: inUnit(target), kind: 'linked' } }),
    },
    'DELETE /api/v1/leader-duties/:id': {
      scoped: true,
      targets: BOTH,
      build: async (target) => {
        const p = await makePerson(t, { unitId: unit.DW });
        const [d] = await t.sql<{ id: string }>(
          "insert into leader_duties (tenant_id, person_id, unit_id, kind) values ($1, $2, $3, 'in_charge') returning id",
          [p.tenantId, p.id, inUnit(target)],
        );
        return { method: 'DELETE', url: `/api/v1/leader-duties/${d.id}` };
      },
    },
    'GET /api/v1/imports/:id/report': {
      scoped: false,
      targets: NA,
      build: async () => {
        const [job] = await t.sql<{ id: string }>(
          "insert into import_jobs (tenant_id, kind, status, file_name, errors) select id, 'units', 'failed', '权限.xlsx', '[]'::jsonb from tenants where code = 'demo' returning id",
        );
        return { method: 'GET', url: `/api/v1/imports/${job.id}/report` };
      },
    },
    'GET /api/v1/users': { scoped: false, targets: NA, build: async () => ({ method: 'GET', url: '/api/v1/users' }) },
    'POST /api/v1/users': {
      scoped: false,
      targets: NA,
      build: async () => ({ method: 'POST', url: '/api/v1/users', payload: { username: `pm-${uniq()}`.toLowerCase(), displayName: '权限测试', roles: ['member'], password: 'Strong#Pass1' } }),
    },
    'PATCH /api/v1/users/:id': {
      scoped: false,
      targets: NA,
      build: async () => ({ method: 'PATCH', url: `/api/v1/users/${(await freshUser()).id}`, payload: { displayName: '改名', version: 1 } }),
    },
    'POST /api/v1/users/:id/reset-password': {
      scoped: false,
      targets: NA,
      build: async () => ({ method: 'POST', url: `/api/v1/users/${(await freshUser()).id}/reset-password`, payload: { password: 'Reset#Pass2026' } }),
    },
    'POST /api/v1/users/:id/unlock': {
      scoped: false,
      targets: NA,
      build: async () => ({ method: 'POST', url: `/api/v1/users/${(await freshUser()).id}/unlock` }),
    },
    'POST /api/v1/users/:id/totp/reset': {
      scoped: false,
      targets: NA,
      build: async () => ({ method: 'POST', url: `/api/v1/users/${(await freshUser()).id}/totp/reset` }),
    },
    'GET /api/v1/audit-log': { scoped: false, targets: NA, build: async () => ({ method: 'GET', url: '/api/v1/audit-log' }) },
  };

  /** Whether the role's scope covers the target (the 'in' target is chosen inside every scope). */
  const inScope = (role: Role, target: Target) => target !== 'out' || roleScope[role] === 'all';

  it('the matrix covers every org/admin route, and only those', () => {
    const matrix = t.routes.filter((r) => ORG_ADMIN.test(r.url));
    expect(matrix.length).toBeGreaterThanOrEqual(25);
    const missing = matrix.map(key).filter((k) => !cases[k]);
    expect(missing, 'org/admin routes without a case in the permission matrix').toEqual([]);
    const stale = Object.keys(cases).filter((k) => !matrix.some((r) => key(r) === k));
    expect(stale, 'matrix cases for routes that no longer exist').toEqual([]);
  });

  /** One test per route: every role × target; allowed iff the contract grants the permission and the target is in scope. */
  describe('role × route × scope', () => {
    const tally = { routes: 0, checked: 0, allowed: 0 };
    afterAll(() => {
      console.log(
        `[permissions ${process.env.DB_KIND}] checked ${tally.checked} route×role×scope cases (${tally.routes} org/admin routes × ${roles.length} roles; ${tally.allowed} allowed, ${tally.checked - tally.allowed} denied)`,
      );
    });

    for (const [routeKey, spec] of Object.entries(cases)) {
      it(routeKey, async () => {
        const route = t.routes.find((r) => key(r) === routeKey) as (RouteInfo & { permission: Permission }) | undefined;
        expect(route, `${routeKey} is registered`).toBeTruthy();
        tally.routes++;
        const failures: string[] = [];
        for (const role of roles) {
          for (const target of spec.targets) {
            const req = await spec.build(target, role);
            const session = sessions[role];
            const res = req.file
              ? await (async () => {
                  const mp = multipartFile(req.file!, '权限测试.xlsx');
                  return t.app.inject({ method: req.method, url: req.url, payload: mp.payload, headers: { ...session.headers, ...mp.headers } });
                })()
              : await call(t.app, session, req.method, req.url, req.payload);
            tally.checked++;
            const permitted = hasPermission([role], route!.permission);
            const allowed = permitted && (!spec.scoped || inScope(role, target));
            const label = `${routeKey} as ${role} (${target}) → ${res.statusCode} ${res.statusCode >= 400 ? res.body.slice(0, 160) : ''}`;
            if (allowed) {
              tally.allowed++;
              if (res.statusCode < 200 || res.statusCode >= 300) failures.push(`expected 2xx: ${label}`);
            } else {
              const code = res.statusCode === 403 ? (res.json() as { error: { code: string } }).error.code : '';
              const want = permitted ? 'OUT_OF_SCOPE' : 'FORBIDDEN';
              if (res.statusCode !== 403 || code !== want) failures.push(`expected 403 ${want}: ${label}`);
            }
          }
        }
        expect(failures).toEqual([]);
      });
    }
  });

  it('every signed-in role reaches the session routes', async () => {
    for (const role of roles) {
      const res = await call(t.app, sessions[role], 'GET', '/api/v1/auth/me');
      expect(res.statusCode, role).toBe(200);
      expect(res.json().user.roles).toEqual([role]);
      expect(res.json().user.permissions.sort()).toEqual(permissions.filter((p) => hasPermission([role], p)).sort());
    }
  });
});
