import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, describeDb, type TestApp } from '../setup/db.js';
import { buildCtx, ORG_ADMIN, routeKey, type ScopeCtx } from './scope-matrix/harness.js';
import { scopeGroups } from './scope-matrix/groups.js';

/** Body fields that name a unit-bound record: a route taking one must say what it acts on. */
const RECORD_FIELDS = ['unitId', 'ownerUnitId', 'taskId', 'personId', 'nomineeId', 'targetId', 'formId', 'topicId', 'checkId', 'projectId'];

interface Operation {
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

/**
 * Coverage of the generated scope matrix (permissions-scope-<group>.test.ts):
 * every route that names a record — by a path parameter or a record id in its
 * body — declares `config.target`, and every declaration has a case. Org and
 * admin routes have their own matrix in permissions.test.ts.
 */
describeDb('permission matrix coverage', () => {
  let t: TestApp;
  let ctx: ScopeCtx;
  beforeAll(async () => {
    t = await buildTestApp();
    ctx = await buildCtx(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const feature = () => t.routes.filter((r) => !r.public && r.url.startsWith('/api/v1/') && !ORG_ADMIN.test(r.url) && !r.url.startsWith('/api/v1/auth/'));

  it('every route with a path parameter declares its target', () => {
    const missing = feature().filter((r) => r.url.includes('/:') && !r.target).map(routeKey);
    expect(missing, 'routes naming a record without config.target').toEqual([]);
  });

  it('every route taking a record id in its body declares its target', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const missing: string[] = [];
    for (const r of feature().filter((x) => x.method !== 'GET' && !x.target)) {
      const op = doc.paths[r.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[r.method.toLowerCase()];
      const props = Object.keys(op?.requestBody?.content?.['application/json']?.schema?.properties ?? {});
      const named = props.filter((p) => RECORD_FIELDS.includes(p));
      if (named.length) missing.push(`${routeKey(r)} (body ${named.join(', ')})`);
    }
    expect(missing, 'routes taking a record id in the body without config.target').toEqual([]);
  });

  it('every declared route has exactly one case, and every case a declared route', () => {
    const declared = feature().filter((r) => r.target).map(routeKey);
    const seen = new Map<string, string[]>();
    for (const [group, make] of Object.entries(scopeGroups)) for (const k of Object.keys(make(ctx))) seen.set(k, [...(seen.get(k) ?? []), group]);
    expect(declared.filter((k) => !seen.has(k)), 'declared routes without a case').toEqual([]);
    expect([...seen].filter(([, g]) => g.length > 1).map(([k]) => k), 'routes with cases in several groups').toEqual([]);
    expect([...seen.keys()].filter((k) => !declared.includes(k)), 'cases without a declared route').toEqual([]);
    console.info(`[scope matrix coverage] ${declared.length} feature routes declare a target`);
  });
});
