import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPermission, roles, roleScope, type Permission, type Role } from '@santong/contract';
import type { RouteInfo } from '../../../src/app.js';
import type { TargetRule } from '../../../src/access/target.js';
import { buildTestApp, call, describeDb, login, unitIdByCode, type Method, type Session, type TestApp } from '../../setup/db.js';
import { multipartFile } from '../../setup/xlsx.js';

/**
 * The data-scope half of the permission matrix, generated from the route
 * table: each route's `config.target` (server/src/access/target.ts) says what
 * it acts on and which rule decides access; a case file says how to build a
 * request on a record inside the scoped roles' scope ('in': 机电工程学院 JD-XY /
 * its paired general branch JD-ZZ, the demo liaison's and unit head's unit and
 * linked to the demo leader) and outside it ('out': 艺术设计学院 YS-XY / YS-ZZ).
 * Every role × both targets is sent; the expected answer is derived, never listed.
 */

export type Target = 'in' | 'out';

export interface ScopeRequest {
  method: Method;
  url: string;
  payload?: unknown;
  file?: { data: Buffer; name: string; mime: string };
  /** A body sent as is (e.g. multipart with fields), with its content type. */
  raw?: { payload: Buffer; contentType: string };
  /** The record belongs to the calling member (the 'self' scope), so 'in' holds for a member too. */
  selfOwned?: boolean;
  /**
   * On a route open to every signed-in user where the owning record decides (the generic
   * attachment routes): the permission that record requires. A role without it is refused
   * by the owner's check (403 or 404), not by the permission hook.
   */
  permission?: Permission;
}

/**
 * Builds a fresh request on a fresh record for one role and target. Return
 * null when no such record can exist for this role (e.g. an 'own' record of a
 * role that can never own one); the case is then counted as not applicable.
 */
export type ScopeCase = (target: Target, role: Role) => Promise<ScopeRequest | null>;
export type ScopeCases = Record<string, ScopeCase>;

export interface ScopeCtx {
  t: TestApp;
  sessions: Record<Role, Session>;
  /** demo unit ids by code */
  unit: Record<string, string>;
  /** the college (business track) of the target: JD-XY in, YS-XY out */
  college(target: Target): string;
  /** the party general branch paired with it: JD-ZZ in, YS-ZZ out */
  branch(target: Target): string;
  /** a call as the office that must succeed; returns the JSON body */
  office<T = any>(method: Method, url: string, payload?: unknown): Promise<T>;
  /** a call as any demo role that must succeed */
  as<T = any>(role: Role, method: Method, url: string, payload?: unknown): Promise<T>;
  uniq(): string;
}

export const demoUser: Record<Role, string> = {
  admin: 'admin', office: 'office', leader: 'leader', unit_head: 'unithead', liaison: 'liaison',
  inspector: 'inspector', member: 'member', auditor: 'auditor', security: 'security',
};

export const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** Routes the org/admin matrix of permissions.test.ts covers with its own cases. */
export const ORG_ADMIN = /^\/api\/v1\/(units|people|positions|leader-duties|imports|users|audit-log)(\/|$)/;

export async function buildCtx(t: TestApp): Promise<ScopeCtx> {
  const unit: Record<string, string> = {};
  for (const code of ['JD-XY', 'JD-ZZ', 'YS-XY', 'YS-ZZ', 'DW']) unit[code] = await unitIdByCode(t, code);
  const sessions = {} as Record<Role, Session>;
  for (const r of roles) sessions[r] = await login(t.app, demoUser[r]);
  const as = async (role: Role, method: Method, url: string, payload?: unknown) => {
    const res = await call(t.app, sessions[role], method, url, payload);
    if (res.statusCode >= 300) throw new Error(`fixture ${method} ${url} as ${role}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.body ? res.json() : null;
  };
  return {
    t,
    sessions,
    unit,
    college: (target) => unit[target === 'in' ? 'JD-XY' : 'YS-XY'],
    branch: (target) => unit[target === 'in' ? 'JD-ZZ' : 'YS-ZZ'],
    office: (method, url, payload) => as('office', method, url, payload),
    as,
    uniq: () => crypto.randomBytes(4).toString('hex').toUpperCase(),
  };
}

/** Whether the role may act on the target under the route's rule (the permission aside). */
export function scopeAllows(rule: TargetRule, role: Role, target: Target, selfOwned: boolean): boolean {
  if (rule === 'tenant') return true;
  if (rule === 'config') return roleScope[role] === 'all';
  if (rule === 'own') return target === 'in';
  if (roleScope[role] === 'all') return true;
  if (target === 'out') return false;
  return roleScope[role] === 'self' ? selfOwned : true;
}

async function send(ctx: ScopeCtx, role: Role, req: ScopeRequest) {
  const session = ctx.sessions[role];
  if (req.raw) return ctx.t.app.inject({ method: req.method, url: req.url, payload: req.raw.payload, headers: { ...session.headers, 'content-type': req.raw.contentType } });
  if (!req.file) return call(ctx.t.app, session, req.method, req.url, req.payload);
  const mp = multipartFile(req.file.data, req.file.name, 'file', req.file.mime);
  return ctx.t.app.inject({ method: req.method, url: req.url, payload: mp.payload, headers: { ...session.headers, ...mp.headers } });
}

/**
 * One describe block per case file: every route × role × target. Allowed →
 * 2xx. Denied for the permission → 403 FORBIDDEN "needs permission …". Denied
 * for the scope → 403 or 404 (a record out of scope may be reported as absent).
 */
export function describeScopeMatrix(name: string, makeCases: (ctx: ScopeCtx) => ScopeCases) {
  describeDb(`permission matrix with scope: ${name}`, () => {
    let ctx: ScopeCtx;
    let cases: ScopeCases = {};
    const tally = { routes: 0, checked: 0, allowed: 0, na: 0 };
    beforeAll(async () => {
      ctx = await buildCtx(await buildTestApp());
      for (const r of ['leader', 'unit_head', 'liaison'] as const) {
        const scope = ctx.sessions[r].user.scope.unitIds;
        for (const c of ['JD-XY', 'JD-ZZ']) expect(scope, `${r} scope has ${c}`).toContain(ctx.unit[c]);
        for (const c of ['YS-XY', 'YS-ZZ']) expect(scope, `${r} scope lacks ${c}`).not.toContain(ctx.unit[c]);
      }
      cases = makeCases(ctx);
    });
    afterAll(async () => {
      console.info(
        `[scope matrix ${name} ${process.env.DB_KIND}] ${tally.routes} routes × ${roles.length} roles × in/out: ${tally.checked} cases ` +
          `(${tally.allowed} allowed, ${tally.checked - tally.allowed} denied, ${tally.na} not applicable)`,
      );
      await ctx?.t.close();
    });

    it('every case names a declared route', () => {
      const declared = new Set(ctx.t.routes.filter((r) => r.target).map(routeKey));
      expect(Object.keys(cases).filter((k) => !declared.has(k)), 'cases for routes that do not exist or declare no target').toEqual([]);
    });

    it('route × role × in/out of scope', async () => {
      const failures: string[] = [];
      for (const [key, build] of Object.entries(cases)) {
        const route = ctx.t.routes.find((r) => routeKey(r) === key) as (RouteInfo & { permission: Permission }) | undefined;
        if (!route?.target) continue;
        tally.routes++;
        // Roles without the permission are refused before the record matters: one request per target serves them all.
        const forUnpermitted: Partial<Record<Target, ScopeRequest | null>> = {};
        for (const role of roles) {
          const open = route.permission === ('authenticated' as string);
          const passesHook = open || hasPermission([role], route.permission);
          for (const target of ['in', 'out'] as const) {
            const req = passesHook ? await build(target, role) : (forUnpermitted[target] ??= await build(target, role));
            if (!req) {
              tally.na++;
              continue;
            }
            const permitted = passesHook && (!req.permission || hasPermission([role], req.permission));
            const res = await send(ctx, role, req);
            tally.checked++;
            const allowed = permitted && scopeAllows(route.target.rule, role, target, !!req.selfOwned);
            const label = `${key} as ${role} (${target}, ${route.target.rule}) → ${res.statusCode} ${res.statusCode >= 400 ? res.body.slice(0, 200) : ''}`;
            if (res.statusCode >= 500) failures.push(`5xx: ${label}`);
            else if (allowed) {
              tally.allowed++;
              if (res.statusCode >= 300) failures.push(`expected 2xx: ${label}`);
            } else if (!passesHook) {
              if (res.statusCode !== 403 || !/^needs permission /.test(res.json().error?.message ?? '')) failures.push(`expected 403 (permission): ${label}`);
            } else if (res.statusCode !== 403 && res.statusCode !== 404) failures.push(`expected 403/404 (${permitted ? 'scope' : "owner's permission"}): ${label}`);
          }
        }
      }
      expect(failures).toEqual([]);
    }, 900_000);
  });
}
