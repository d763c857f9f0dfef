import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Cockpit } from '@santong/contract';
import { todayIn } from '../../src/modules/tasks/task.rules.js';
import { buildTestApp, call, describeDb, expectError, login, type Session, type TestApp } from '../setup/db.js';
import { buildFixture, type Fixture, type UnitCode } from './cockpit.fixture.js';
import { expected, type Query, type Viewer } from './cockpit.expected.js';

describeDb('cockpit', () => {
  let t: TestApp;
  let fx: Fixture;
  let s: Record<'office' | 'leader' | 'head' | 'liaison', Session>;
  const today = todayIn('Asia/Shanghai');

  beforeAll(async () => {
    t = await buildTestApp();
    fx = await buildFixture(t);
    s = {
      office: await login(t.app, fx.users.office, undefined, fx.tenantCode),
      leader: await login(t.app, fx.users.leader, undefined, fx.tenantCode),
      head: await login(t.app, fx.users.head, undefined, fx.tenantCode),
      liaison: await login(t.app, fx.users.liaison, undefined, fx.tenantCode),
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = async (who: Session, q: Query & { campaignId?: string } = {}) => {
    const qs = new URLSearchParams({ campaignId: fx.campaignId, ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}), ...(q.unit ? { unitId: fx.unitIds[q.unit] } : {}) });
    const res = await call(t.app, who, 'GET', `/api/v1/cockpit?${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Cockpit;
  };
  const codeOf = (id: string) => (Object.entries(fx.unitIds).find(([, v]) => v === id)?.[0] ?? id) as UnitCode;
  const asMap = (rows: { key: string; count: number }[]) => Object.fromEntries(rows.filter((r) => r.count).map((r) => [r.key, r.count]));

  /** Every figure of the cockpit against the counts made from the fixture's records. */
  function expectFigures(c: Cockpit, v: Viewer, q: Query) {
    const e = expected(fx, v, q, today);
    expect(c.tasks.total).toBe(e.tasks.total);
    expect(asMap(c.tasks.byStatus)).toEqual(e.tasks.byStatus);
    const byUnit = Object.fromEntries(c.tasks.byUnit.map((u) => [codeOf(u.unitId), Object.fromEntries((['planned', 'in_progress', 'done', 'cancelled'] as const).filter((k) => u[k]).map((k) => [k, u[k]]))]));
    expect(byUnit).toEqual(e.tasks.byUnit);
    expect(Object.fromEntries(Object.entries(c.tasks.rag).filter(([, n]) => n))).toEqual(e.tasks.rag);
    expect(c.fusion.overall.total).toBe(e.fusion.total);
    expect(c.fusion.overall.fused).toBe(e.fusion.fused);
    expect(c.fusion.overall.ratio).toBeCloseTo(e.fusion.ratio, 9);
    expect(c.fusion.overall.weightedRatio).toBeCloseTo(e.fusion.weightedRatio, 9);
    expect(c.outcomes.total).toBe(e.outcomes.total);
    expect(asMap(c.outcomes.byKind)).toEqual(e.outcomes.byKind);
    expect(asMap(c.outcomes.byLevel)).toEqual(e.outcomes.byLevel);
    expect(Object.fromEntries(c.outcomes.byMedium.map(({ key, ...m }) => [key, m]))).toEqual(e.outcomes.media);
    expect(c.supervision.total).toBe(e.supervision.total);
    expect(c.supervision.pass).toBe(e.supervision.pass);
    expect(c.supervision.passRate).toBeCloseTo(e.supervision.total ? e.supervision.pass / e.supervision.total : 0, 9);
    expect(Object.fromEntries(c.supervision.byMonth.map((m) => [m.month, m.total]))).toEqual(e.supervision.byMonth);
    expect(c.lectures).toMatchObject(e.lectures);
    expect(c.lectures.upcoming).toBe(e.lectures.total - e.lectures.held);
    expect(asMap(c.research.byStatus)).toEqual(e.research);
    expect(c.followUps).toEqual(e.followUps);
    expect(c.assessment?.schemeId).toBe(fx.schemeId);
    expect(c.assessment?.ranking.map((r) => ({ rank: r.rank, grade: r.grade, gradeLabel: r.gradeLabel }))).toEqual(e.ranking);
    expect(Object.fromEntries(c.assessment!.byGrade.filter((g) => g.count).map((g) => [g.key, g.count]))).toEqual(
      Object.fromEntries(Object.entries(e.ranking.reduce<Record<string, number>>((m, r) => ({ ...m, [r.grade]: (m[r.grade] ?? 0) + 1 }), {}))),
    );
  }

  it('office: the whole tenant, dated records in the campaign’s dates', async () => {
    const c = await get(s.office);
    expect(c.campaign?.id).toBe(fx.campaignId);
    expect(c.period).toEqual({ from: '2026-03-01', to: '2026-12-31', tasksByDue: false });
    expect(c.tasks.total).toBeGreaterThan(20);
    expectFigures(c, { units: 'all', leader: false }, {});
  });

  it('office: a period and a unit subtree narrow every figure', async () => {
    const q: Query = { from: '2026-04-01', to: '2026-10-31', unit: 'A' };
    expectFigures(await get(s.office, q), { units: 'all', leader: false }, q);
    const q2: Query = { from: '2026-05-01', to: '2026-06-30' };
    expectFigures(await get(s.office, q2), { units: 'all', leader: false }, q2);
  });

  it('leader: exactly the duty units (with the paired branch and sub-units) and what names the leader', async () => {
    const v: Viewer = { units: new Set<UnitCode>(['A', 'A1', 'AP']), leader: true };
    const c = await get(s.leader);
    expectFigures(c, v, {});
    const units = new Set(c.tasks.byUnit.map((u) => codeOf(u.unitId)));
    expect(units.has('A') && units.has('AP')).toBe(true);
    expect(c.assessment?.ranking.map((r) => r.name)).toEqual(['A单位']);
    const office = await get(s.office);
    expect(c.tasks.total).toBeLessThan(office.tasks.total);
    expect(c.outcomes.total).toBeLessThan(office.outcomes.total);
  });

  it('unit head: their unit only, also with a period', async () => {
    const v: Viewer = { units: new Set<UnitCode>(['B']), leader: false };
    expectFigures(await get(s.head), v, {});
    const q: Query = { from: '2026-05-01', to: '2026-11-30' };
    expectFigures(await get(s.head, q), v, q);
    // a unit outside the scope narrows to nothing rather than widening the scope
    const outside = await get(s.head, { unit: 'C' });
    expect(outside.tasks.total).toBe(expected(fx, { units: new Set<UnitCode>(['B']), leader: false }, { unit: 'C' }, today).tasks.total);
    expect(outside.outcomes.total).toBe(0);
  });

  it('every figure opens its list: the list totals equal the figures', async () => {
    const c = await get(s.leader);
    for (const u of c.tasks.byUnit) {
      for (const status of ['planned', 'in_progress', 'done'] as const) {
        const res = await call(t.app, s.leader, 'GET', `/api/v1/tasks?campaignId=${fx.campaignId}&ownerUnitId=${u.unitId}&status=${status}&pageSize=1`);
        expect(res.json().total, `${u.unitName} ${status}`).toBe(u[status]);
      }
    }
    const red = await call(t.app, s.leader, 'GET', `/api/v1/tasks?campaignId=${fx.campaignId}&rag=red&pageSize=1`);
    expect(red.json().total).toBe(c.tasks.rag.red);
    const o = await get(s.office);
    for (const k of o.outcomes.byKind) {
      const res = await call(t.app, s.office, 'GET', `/api/v1/outcomes?kind=${k.key}&from=${o.period.from}&to=${o.period.to}&pageSize=1`);
      expect(res.json().total, k.key).toBe(k.count);
    }
  });

  it('without a campaign: every campaign, no default period', async () => {
    const res = await call(t.app, s.office, 'GET', '/api/v1/cockpit');
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as Cockpit;
    expect(c.campaign).toBeNull();
    expect(c.tasks.total).toBe(fx.tasks.length);
    expect(c.outcomes.total).toBe(fx.outcomes.length);
    expect(c.supervision.total).toBe(fx.checks.length);
  });

  it('bad input: the error shape, never a 500', async () => {
    const bad = async (qs: string, status: number, code: string, path?: string) => {
      const err = expectError(await call(t.app, s.office, 'GET', `/api/v1/cockpit?${qs}`), status, code);
      if (path) expect((err.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(path);
    };
    await bad(`campaignId=${fx.campaignId}&from=2026-09-01&to=2026-08-01`, 400, 'VALIDATION_FAILED', 'querystring.to');
    await bad('from=2026-09-01&to=2026-08-01', 400, 'VALIDATION_FAILED', 'querystring.to');
    // a start after the campaign's end
    await bad(`campaignId=${fx.campaignId}&from=2027-03-01`, 400, 'VALIDATION_FAILED', 'querystring.from');
    await bad('campaignId=7d0c1f7e-9a7b-4c6e-8f00-000000000001', 404, 'CAMPAIGN_NOT_FOUND');
    await bad('campaignId=not-a-uuid', 400, 'VALIDATION_FAILED', 'querystring.campaignId');
    await bad('from=2026-13-45', 400, 'VALIDATION_FAILED', 'querystring.from');
    await bad('unitId=7d0c1f7e-9a7b-4c6e-8f00-000000000002', 400, 'VALIDATION_FAILED', 'querystring.unitId');
    await bad('bogus=1', 400, 'VALIDATION_FAILED');
  });

  it('permissions: the roles without insight are refused; anonymous is 401', async () => {
    expectError(await call(t.app, s.liaison, 'GET', `/api/v1/cockpit?campaignId=${fx.campaignId}`), 403);
    expectError(await call(t.app, null, 'GET', '/api/v1/cockpit'), 401);
    const other = await login(t.app, 'office');
    // another tenant's campaign is unknown here
    expectError(await call(t.app, other, 'GET', `/api/v1/cockpit?campaignId=${fx.campaignId}`), 404, 'CAMPAIGN_NOT_FOUND');
  });

  it('the demo tenant: the reference case’s media figures (S15) come out of the cockpit', async () => {
    const office = await login(t.app, 'office');
    const res = await call(t.app, office, 'GET', '/api/v1/cockpit?from=2026-01-01&to=2026-12-31');
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as Cockpit;
    const m = Object.fromEntries(c.outcomes.byMedium.map((x) => [x.key, x]));
    expect(m['中国教育报'].count).toBe(3);
    expect(m['省委教育工委工作简报'].count).toBe(5);
    const others = c.outcomes.byMedium.filter((x) => !['中国教育报', '省委教育工委工作简报'].includes(x.key));
    expect(others.reduce((n, x) => n + x.national + x.provincial, 0)).toBe(29);
    expect(c.outcomes.byKind.find((k) => k.key === 'innovation_case')?.count).toBe(46);
  });
});
