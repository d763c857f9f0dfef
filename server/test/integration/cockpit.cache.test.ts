import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cockpit } from '@santong/contract';
import { cockpitComputations } from '../../src/modules/cockpit/cockpit.service.js';
import { buildTestApp, call, describeDb, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';
import { todayIn } from '../../src/modules/tasks/task.rules.js';
import { buildFixture, type Fixture, type UnitCode } from './cockpit.fixture.js';
import { expected } from './cockpit.expected.js';

/**
 * The cockpit's result cache (COCKPIT_CACHE_SECONDS): reused for the same
 * tenant, scope and query, dropped by any successful write of the tenant,
 * never shared between scopes, shared by identical concurrent requests, off
 * with 0. cockpitComputations counts the real computations (cache misses).
 */
describeDb('cockpit result cache', () => {
  let t: TestApp;
  let fx: Fixture;
  let s: Record<'office' | 'head', Session>;
  const today = todayIn('Asia/Shanghai');

  beforeAll(async () => {
    t = await buildTestApp();
    fx = await buildFixture(t);
    s = { office: await login(t.app, fx.users.office, undefined, fx.tenantCode), head: await login(t.app, fx.users.head, undefined, fx.tenantCode) };
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = async (who: Session, qs = `campaignId=${fx.campaignId}`) => {
    const res = await call(t.app, who, 'GET', `/api/v1/cockpit?${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Cockpit;
  };
  /** How many computations `fn` caused. */
  const computed = async (fn: () => Promise<unknown>) => {
    const before = cockpitComputations.count;
    await fn();
    return cockpitComputations.count - before;
  };
  const outcome = (over: Record<string, unknown> = {}) =>
    call(t.app, s.office, 'POST', '/api/v1/outcomes', { kind: 'award', title: '缓存测试成果', unitId: fx.unitIds.A, level: 'provincial', publishedOn: '2026-06-15', ...over });

  it('a repeated request is served from the cache with the time its figures were computed', async () => {
    let first!: Cockpit;
    expect(await computed(async () => (first = await get(s.office)))).toBe(1);
    expect(Date.parse(first.asOf)).toBeLessThanOrEqual(Date.now());
    let again!: Cockpit;
    expect(await computed(async () => (again = await get(s.office)))).toBe(0);
    expect(again).toEqual(first);
  });

  it('a write in the tenant shows in the very next cockpit', async () => {
    const before = await get(s.office);
    await get(s.head);
    let res!: Awaited<ReturnType<typeof outcome>>;
    // a refused write changes nothing and keeps the entry
    expect(await computed(async () => {
      res = await outcome({ level: 'galactic' });
      await get(s.office);
    })).toBe(0);
    expect(res.statusCode).toBe(400);
    res = await outcome();
    expect(res.statusCode, res.body).toBe(201);
    let after!: Cockpit;
    expect(await computed(async () => (after = await get(s.office)))).toBe(1);
    expect(after.outcomes.total).toBe(before.outcomes.total + 1);
    expect(after.outcomes.byKind.find((k) => k.key === 'award')?.count).toBe((before.outcomes.byKind.find((k) => k.key === 'award')?.count ?? 0) + 1);
    expect(Date.parse(after.asOf)).toBeGreaterThanOrEqual(Date.parse(before.asOf));
    // every entry of the tenant went, the unit head's too
    expect(await computed(() => get(s.head))).toBe(1);
  });

  it('a write in another tenant keeps this tenant’s entries', async () => {
    await get(s.office);
    const demo = await login(t.app, 'office');
    const res = await call(t.app, demo, 'POST', '/api/v1/outcomes', { kind: 'award', title: '他校成果', unitId: await unitIdByCode(t, 'JD-XY'), level: 'school', publishedOn: '2026-06-15' });
    expect(res.statusCode, res.body).toBe(201);
    expect(await computed(() => get(s.office))).toBe(0);
  });

  it('two scopes never share an entry: the office and a unit head asking the same', async () => {
    const qs = `campaignId=${fx.campaignId}&from=2026-04-01&to=2026-11-30`;
    let office!: Cockpit;
    let head!: Cockpit;
    expect(await computed(async () => (office = await get(s.office, qs)))).toBe(1);
    expect(await computed(async () => (head = await get(s.head, qs)))).toBe(1);
    expect(head.tasks.total).toBeLessThan(office.tasks.total);
    const q = { from: '2026-04-01', to: '2026-11-30' };
    expect(head.tasks.total).toBe(expected(fx, { units: new Set<UnitCode>(['B']), leader: false }, q, today).tasks.total);
    expect(office.tasks.total).toBe(expected(fx, { units: 'all', leader: false }, q, today).tasks.total);
    // each is served its own entry afterwards
    expect(await computed(async () => {
      expect(await get(s.head, qs)).toEqual(head);
      expect(await get(s.office, qs)).toEqual(office);
    })).toBe(0);
  });

  it('identical concurrent requests compute once', async () => {
    const qs = `campaignId=${fx.campaignId}&from=2026-05-01&to=2026-09-30`;
    let all!: Cockpit[];
    expect(await computed(async () => (all = await Promise.all(Array.from({ length: 6 }, () => get(s.office, qs)))))).toBe(1);
    for (const c of all) expect(c).toEqual(all[0]);
  });
});

describeDb('cockpit result cache off (COCKPIT_CACHE_SECONDS=0)', () => {
  let t: TestApp;
  let office: Session;

  beforeAll(async () => {
    t = await buildTestApp({ config: { cockpitCacheSeconds: 0 } });
    office = await login(t.app, 'office');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('every request computes, also concurrent ones', async () => {
    const get = () => call(t.app, office, 'GET', '/api/v1/cockpit?from=2026-01-01&to=2026-12-31');
    const before = cockpitComputations.count;
    expect((await get()).statusCode).toBe(200);
    expect((await get()).statusCode).toBe(200);
    const all = await Promise.all([get(), get(), get()]);
    expect(all.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(cockpitComputations.count - before).toBe(5);
  });
});

describe('cockpit cache key', () => {
  it('depends on the scope kind, person and units (in any order) and the normalised query', async () => {
    const { cockpitCacheKey } = await import('../../src/modules/cockpit/cockpit.service.js');
    const unit = (unitIds: string[], personId: string | null = null) => ({ kind: 'unit' as const, unitIds, personId });
    const q = { campaignId: 'C0FFEE00-0000-4000-8000-000000000001' };
    expect(cockpitCacheKey(unit(['a', 'b']), q)).toBe(cockpitCacheKey(unit(['b', 'a']), { campaignId: q.campaignId.toLowerCase() }));
    expect(cockpitCacheKey(unit(['a']), q)).not.toBe(cockpitCacheKey(unit(['a', 'b']), q));
    expect(cockpitCacheKey(unit(['a']), q)).not.toBe(cockpitCacheKey({ kind: 'duty', unitIds: ['a'], personId: null }, q));
    expect(cockpitCacheKey({ kind: 'duty', unitIds: ['a'], personId: 'p1' }, q)).not.toBe(cockpitCacheKey({ kind: 'duty', unitIds: ['a'], personId: 'p2' }, q));
    expect(cockpitCacheKey({ kind: 'all' }, q)).not.toBe(cockpitCacheKey({ kind: 'all' }, { ...q, from: '2026-01-01' }));
    expect(cockpitCacheKey({ kind: 'all' }, { from: '2026-01-01' })).not.toBe(cockpitCacheKey({ kind: 'all' }, { to: '2026-01-01' }));
  });
});
