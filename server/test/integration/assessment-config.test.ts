import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AssessmentScheme, AssessmentTarget, IndicatorTree, TargetDetail } from '@santong/contract';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';
import { buildSmallScheme, moveTo, ok, userId, type SmallScheme } from './assessment-fixture.js';

type Issue = { path: string; message: string };

describeDb('assessment configuration', () => {
  let t: TestApp;
  let tenantId: string;
  let s: Record<'office' | 'leader' | 'unithead' | 'liaison' | 'member' | 'inspector' | 'auditor', Session>;
  let x: SmallScheme;

  const count = async (q: string, params: unknown[] = []) => (await t.sql<{ n: number }>(q, params))[0].n;
  const auditCount = () => count('select count(*)::int as n from audit_log where tenant_id = $1', [tenantId]);
  const url = (p = '') => `/api/v1/assessment-schemes/${x.scheme.id}${p}`;

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    s = {
      office: await login(t.app, 'office'), leader: await login(t.app, 'leader'), unithead: await login(t.app, 'unithead'), liaison: await login(t.app, 'liaison'),
      member: await login(t.app, 'member'), inspector: await login(t.app, 'inspector'), auditor: await login(t.app, 'auditor'),
    };
    x = await buildSmallScheme(t, s.office);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('builds a three-level tree, in tree order with levels, leaves and a valid sum at every level', async () => {
    const tree = await ok<IndicatorTree>(call(t.app, s.leader, 'GET', url('/indicators')));
    expect(tree.valid).toBe(true);
    expect(tree.items.map((i) => `${i.level}:${i.name}`)).toEqual(['1:党建', '2:政治建设', '3:理论学习', '3:意识形态', '2:组织建设', '3:任务完成率', '1:业务', '2:发展', '3:人才培养']);
    expect(tree.items.filter((i) => i.isLeaf)).toHaveLength(4);
    expect(tree.items.find((i) => i.name === '任务完成率')!.formula).toEqual({ kind: 'ratio', metric: 'task_completion_rate' });
    expect((await ok<IndicatorTree>(call(t.app, s.office, 'POST', url('/indicators/validate')))).valid).toBe(true);
    const audits = await t.sql<{ action: string }>("select action from audit_log where tenant_id = $1 and entity = 'assessment_indicator'", [tenantId]);
    expect(audits.length).toBeGreaterThanOrEqual(9);
  });

  it('names every level whose sibling weights do not sum to 100, and refuses to open the scheme', async () => {
    await ok(call(t.app, s.office, 'PATCH', `/api/v1/assessment-indicators/${x.ind.ideology.id}`, { weight: 30 }));
    await ok(call(t.app, s.office, 'PATCH', `/api/v1/assessment-indicators/${x.ind.business.id}`, { weight: 50 }));
    const err = expectError(await call(t.app, s.office, 'POST', url('/indicators/validate')), 400, 'VALIDATION_FAILED');
    const issues = err.details!.issues as Issue[];
    expect(issues.map((i) => i.path).sort()).toEqual([`indicators.${x.ind.politics.id}.weight`, 'indicators.root.weight'].sort());
    expect(issues.find((i) => i.path.includes(x.ind.politics.id))!.message).toMatch(/level 3 under “政治建设”: weights sum to 90/);
    const tree = await ok<IndicatorTree>(call(t.app, s.office, 'GET', url('/indicators')));
    expect(tree.valid).toBe(false);
    expect(tree.problems).toContainEqual({ parentId: x.ind.politics.id, parentName: '政治建设', level: 3, sum: 90 });
    const moved = expectError(await moveTo(t, s.office, x.scheme.id, 'self_assessment'), 400, 'VALIDATION_FAILED');
    expect((moved.details!.issues as Issue[]).some((i) => i.path === `indicators.${x.ind.politics.id}.weight`)).toBe(true);
    expect((await ok<AssessmentScheme>(call(t.app, s.office, 'GET', url()))).status).toBe('draft');
    await ok(call(t.app, s.office, 'PATCH', `/api/v1/assessment-indicators/${x.ind.ideology.id}`, { weight: 40 }));
    await ok(call(t.app, s.office, 'PATCH', `/api/v1/assessment-indicators/${x.ind.business.id}`, { weight: 40 }));
  });

  it('checks indicator input: data needs a formula, counts a cap, no cycles, names the field', async () => {
    const bad = (body: Record<string, unknown>) => call(t.app, s.office, 'POST', url('/indicators'), { name: 'x', weight: 10, track: 'party', ...body });
    expect((expectError(await bad({ method: 'data' }), 400).details!.issues as Issue[])[0].path).toBe('body.formula');
    expectError(await bad({ method: 'data', formula: { kind: 'count', metric: 'outcome_count' } }), 400, 'VALIDATION_FAILED');
    expectError(await bad({ method: 'data', formula: { kind: 'ratio', metric: 'outcome_count' } }), 400, 'VALIDATION_FAILED');
    expect((expectError(await bad({ parentId: x.targets.JD.id }), 400).details!.issues as Issue[])[0].path).toBe('body.parentId');
    const cyc = expectError(await call(t.app, s.office, 'PATCH', `/api/v1/assessment-indicators/${x.ind.party.id}`, { parentId: x.ind.study.id }), 400);
    expect((cyc.details!.issues as Issue[])[0].path).toBe('body.parentId');
    expect(await count('select count(*)::int as n from assessment_indicators where scheme_id = $1', [x.scheme.id])).toBe(9);
  });

  it('requires rater group weights to sum to 100', async () => {
    const before = await auditCount();
    const err = expectError(await call(t.app, s.office, 'PUT', url('/rater-groups'), { groups: [{ name: '校领导', weight: 50 }, { name: '教职工', weight: 30 }] }), 400, 'VALIDATION_FAILED');
    expect((err.details!.issues as Issue[])[0]).toMatchObject({ path: 'body.groups' });
    expect(await auditCount()).toBe(before);
    const groups = (await ok<{ items: { id: string; weight: number }[] }>(call(t.app, s.office, 'GET', url('/rater-groups')))).items;
    expect(groups.map((g) => g.weight)).toEqual([60, 40]);
  });

  it('adds targets as pairs: the unit with its paired party organisation; all pairs in one action', async () => {
    expect(x.targets.JD.pairedUnitId).toBe(await unitIdByCode(t, 'JD-ZZ'));
    expect(x.targets.DZB.pairedUnitId).toBe(await unitIdByCode(t, 'DZB-ZB'));
    expect(x.targets.JD.reports.map((r) => r.kind).sort()).toEqual(['head', 'secretary']);
    expectError(await call(t.app, s.office, 'POST', url('/targets'), { unitId: await unitIdByCode(t, 'JD-XY') }), 409, 'DUPLICATE');
    const copy = await ok<AssessmentScheme>(call(t.app, s.office, 'POST', '/api/v1/assessment-schemes', { year: 2032, title: '配对测试' }), 201);
    const pairs = await ok<{ created: number; items: AssessmentTarget[] }>(call(t.app, s.office, 'POST', `/api/v1/assessment-schemes/${copy.id}/targets/pairs`, {}), 201);
    expect(pairs.created).toBe(14);
    expect(pairs.items.every((i) => i.pairedUnitId)).toBe(true);
    expect((await ok<{ created: number }>(call(t.app, s.office, 'POST', `/api/v1/assessment-schemes/${copy.id}/targets/pairs`, { kinds: ['college'] }), 201)).created).toBe(0);
    await ok(call(t.app, s.office, 'DELETE', `/api/v1/assessment-schemes/${copy.id}`));
  });

  it('never lets a rater rate their own unit (403 on assignment, nothing written), or skips those pairs when asked', async () => {
    const [leader, unithead, member] = [await userId(t, 'leader'), await userId(t, 'unithead'), await userId(t, 'member')];
    const all = Object.values(x.targets).map((v) => v.id);
    const before = await count('select count(*)::int as n from rater_assignments where scheme_id = $1', [x.scheme.id]);
    const err = expectError(await call(t.app, s.office, 'POST', url('/rater-assignments'), { groupId: x.groups[1].id, userIds: [unithead], targetIds: all }), 403, 'RATER_OWN_UNIT');
    expect(err.details).toMatchObject({ userId: unithead, targetId: x.targets.JD.id });
    expect(await count('select count(*)::int as n from rater_assignments where scheme_id = $1', [x.scheme.id])).toBe(before);
    const res = await ok<{ created: number; skipped: unknown[] }>(call(t.app, s.office, 'POST', url('/rater-assignments'), { groupId: x.groups[1].id, userIds: [unithead, member], targetIds: all, skipOwnUnit: true }), 201);
    expect(res).toMatchObject({ created: 4, skipped: [{ userId: unithead, targetId: x.targets.JD.id }, { userId: member, targetId: x.targets.XX.id }] });
    expect((await ok<{ created: number; existing: number }>(call(t.app, s.office, 'POST', url('/rater-assignments'), { groupId: x.groups[0].id, userIds: [leader], targetIds: all }), 201)).created).toBe(3);
    const bad = expectError(await call(t.app, s.office, 'POST', url('/rater-assignments'), { groupId: x.groups[0].id, userIds: [await userId(t, 'auditor')], targetIds: all }), 400);
    expect((bad.details!.issues as Issue[])[0].path).toBe('body.userIds.0');
    expect((await call(t.app, s.leader, 'GET', url('/rater-assignments'))).statusCode).toBe(403);
  });

  it('enters adjustments within each item’s cap (400 over it), vetoes without points', async () => {
    const add = (body: Record<string, unknown>) => call(t.app, s.office, 'POST', `/api/v1/assessment-targets/${x.targets.JD.id}/adjustments`, body);
    await ok(add({ item: 'award', points: 2, evidence: '获评省级先进基层党组织' }), 201);
    const before = await count('select count(*)::int as n from target_adjustments where target_id = $1', [x.targets.JD.id]);
    const over = expectError(await add({ item: 'award', points: 1.5, evidence: '省级教学成果奖' }), 400, 'VALIDATION_FAILED');
    expect((over.details!.issues as Issue[])[0]).toMatchObject({ path: 'body.points' });
    expect(over.message).toMatch(/capped at 3/);
    expect(await count('select count(*)::int as n from target_adjustments where target_id = $1', [x.targets.JD.id])).toBe(before);
    await ok(add({ item: 'award', points: 1, evidence: '省级教学成果奖' }), 201);
    expect((expectError(await add({ item: 'nope', points: 1, evidence: 'x' }), 400).details!.issues as Issue[])[0].path).toBe('body.item');
    const veto = await ok<{ kind: string; points: number; id: string }>(add({ item: 'incident', points: 5, evidence: '实验室安全事故' }), 201);
    expect(veto).toMatchObject({ kind: 'veto', points: 0 });
    await ok(call(t.app, s.office, 'DELETE', `/api/v1/target-adjustments/${veto.id}`));
    expect(await count("select count(*)::int as n from audit_log where tenant_id = $1 and entity = 'target_adjustment'", [tenantId])).toBe(4);
    expect((await call(t.app, s.liaison, 'POST', `/api/v1/assessment-targets/${x.targets.JD.id}/adjustments`, { item: 'award', points: 1, evidence: 'x' })).statusCode).toBe(403);
  });

  it('lets a unit self-assess its own target only, and only during self-assessment', async () => {
    const scores = { scores: [{ indicatorId: x.ind.study.id, score: 9, evidence: '学习记录齐全' }] };
    expectError(await call(t.app, s.unithead, 'PUT', `/api/v1/assessment-targets/${x.targets.JD.id}/self-scores`, scores), 409, 'SCHEME_STATE_INVALID');
    // Opening rating needs raters for every target: DZB has them, so does everyone after the assignments above.
    await ok(moveTo(t, s.office, x.scheme.id, 'self_assessment'));
    const detail = await ok<TargetDetail>(call(t.app, s.unithead, 'PUT', `/api/v1/assessment-targets/${x.targets.JD.id}/self-scores`, scores));
    expect(detail.selfScores).toEqual([{ indicatorId: x.ind.study.id, score: 9, evidence: '学习记录齐全' }]);
    expect(detail.target.selfScored).toBe(1);
    expectError(await call(t.app, s.unithead, 'PUT', `/api/v1/assessment-targets/${x.targets.XX.id}/self-scores`, scores), 403, 'OUT_OF_SCOPE');
    const high = expectError(await call(t.app, s.liaison, 'PUT', `/api/v1/assessment-targets/${x.targets.JD.id}/self-scores`, { scores: [{ indicatorId: x.ind.study.id, score: 11 }] }), 400);
    expect((high.details!.issues as Issue[])[0]).toMatchObject({ path: 'body.scores.0.score' });
    expect(high.message).toMatch(/理论学习/);
    const data = expectError(await call(t.app, s.liaison, 'PUT', `/api/v1/assessment-targets/${x.targets.JD.id}/self-scores`, { scores: [{ indicatorId: x.ind.rate.id, score: 5 }] }), 400);
    expect((data.details!.issues as Issue[])[0].path).toBe('body.scores.0.indicatorId');
    expect((await call(t.app, s.member, 'PUT', `/api/v1/assessment-targets/${x.targets.XX.id}/self-scores`, scores)).statusCode).toBe(403);
    const mine = await ok<{ items: TargetDetail[] }>(call(t.app, s.unithead, 'GET', '/api/v1/assessment/self'));
    expect(mine.items.filter((i) => i.scheme.id === x.scheme.id).map((i) => i.target.id)).toEqual([x.targets.JD.id]);
    expect(mine.items.find((i) => i.scheme.id === x.scheme.id)!.canSelfAssess).toBe(true);
    expect((await call(t.app, s.unithead, 'GET', `/api/v1/assessment-targets/${x.targets.XX.id}`)).statusCode).toBe(404);
  });

  it('takes the two self reports: save, submit (not empty), stale version 409', async () => {
    const r = x.targets.JD.reports.find((p) => p.kind === 'head')!;
    const base = `/api/v1/assessment-targets/${x.targets.JD.id}/reports`;
    expect((expectError(await call(t.app, s.unithead, 'POST', `${base}/head/submit`, { body: ' ', version: r.version }), 400).details!.issues as Issue[])[0].path).toBe('body.body');
    const saved = await ok<{ version: number; submittedAt: string | null }>(call(t.app, s.unithead, 'PUT', `${base}/head`, { body: '一年来，学院坚持……', version: r.version }));
    expect(saved.submittedAt).toBeNull();
    expectError(await call(t.app, s.unithead, 'PUT', `${base}/head`, { body: '旧版本', version: r.version }), 409, 'VERSION_CONFLICT');
    const done = await ok<{ submittedAt: string | null }>(call(t.app, s.unithead, 'POST', `${base}/head/submit`, { body: '一年来，学院坚持“三同”工作法……', version: saved.version }));
    expect(done.submittedAt).toBeTruthy();
    expectError(await call(t.app, s.unithead, 'PUT', `/api/v1/assessment-targets/${x.targets.XX.id}/reports/secretary`, { body: 'x', version: 1 }), 403, 'OUT_OF_SCOPE');
    expect(await count("select count(*)::int as n from audit_log where tenant_id = $1 and entity = 'target_report' and entity_id = $2", [tenantId, r.id])).toBe(2);
  });

  it('opens rating only when every target has raters, then notifies the raters', async () => {
    const extra = await ok<AssessmentTarget>(call(t.app, s.office, 'POST', url('/targets'), { unitId: await unitIdByCode(t, 'KYC') }), 201);
    const err = expectError(await moveTo(t, s.office, x.scheme.id, 'rating'), 400, 'VALIDATION_FAILED');
    expect(err.details!.issues).toEqual([{ path: `targets.${extra.id}`, message: '“科研处” has no raters' }]);
    await ok(call(t.app, s.office, 'DELETE', `/api/v1/assessment-targets/${extra.id}`));
    const leader = await userId(t, 'leader');
    const before = await count("select count(*)::int as n from notifications where user_id = $1 and kind = 'rating.opened'", [leader]);
    const opened = await ok<AssessmentScheme>(moveTo(t, s.office, x.scheme.id, 'rating'));
    expect(opened.status).toBe('rating');
    expect(await count("select count(*)::int as n from notifications where user_id = $1 and kind = 'rating.opened'", [leader])).toBe(before + 1);
    expectError(await call(t.app, s.office, 'POST', url('/indicators'), { name: 'x', weight: 1, track: 'party' }), 409, 'SCHEME_STATE_INVALID');
    expectError(await moveTo(t, s.office, x.scheme.id, 'self_assessment'), 409, 'SCHEME_STATE_INVALID');
    expect(await count("select count(*)::int as n from audit_log where tenant_id = $1 and entity = 'assessment_scheme' and entity_id = $2 and action like 'status.%'", [tenantId, x.scheme.id])).toBe(2);
  });

  it('copies a scheme into a new draft: tree, targets, groups', async () => {
    const copy = await ok<AssessmentScheme>(call(t.app, s.office, 'POST', url('/copy'), { year: 2033, title: '2033年度考核' }), 201);
    expect(copy).toMatchObject({ status: 'draft', year: 2033, trimmedMean: true, counts: { indicators: 9, targets: 3, groups: 2, assignments: 0 } });
    expect(copy.adjustmentItems).toHaveLength(3);
    const tree = await ok<IndicatorTree>(call(t.app, s.office, 'GET', `/api/v1/assessment-schemes/${copy.id}/indicators`));
    expect(tree.valid).toBe(true);
    expect(tree.items.map((i) => i.name)).toEqual((await ok<IndicatorTree>(call(t.app, s.office, 'GET', url('/indicators')))).items.map((i) => i.name));
  });

  it('answers 403 to roles without the permission and 404 to unknown ids', async () => {
    const body = { year: 2040, title: '越权' };
    for (const who of [s.leader, s.unithead, s.member, s.inspector, s.auditor]) expectError(await call(t.app, who, 'POST', '/api/v1/assessment-schemes', body), 403);
    for (const who of [s.member, s.auditor]) expectError(await call(t.app, who, 'GET', '/api/v1/assessment-schemes'), 403);
    for (const who of [s.leader, s.member]) expectError(await call(t.app, who, 'PUT', url('/rater-groups'), { groups: [{ name: 'a', weight: 100 }] }), 403);
    expectError(await call(t.app, s.leader, 'GET', '/api/v1/assessment/self'), 403);
    expectError(await call(t.app, s.office, 'GET', '/api/v1/assessment-schemes/00000000-0000-4000-8000-000000000000'), 404, 'ASSESSMENT_SCHEME_NOT_FOUND');
    expectError(await call(t.app, s.office, 'POST', '/api/v1/assessment-schemes', { year: 2040, title: '错误分档', bands: [{ name: 'a', label: 'A', minScore: 90, maxShare: 2 }] }), 400, 'VALIDATION_FAILED');
  });

  it('documents its routes in OpenAPI', async () => {
    const doc = (await call(t.app, null, 'GET', '/api/v1/openapi.json')).json() as { paths: Record<string, unknown> };
    for (const p of ['/api/v1/assessment-schemes/{id}/indicators', '/api/v1/assessment-schemes/{id}/rater-assignments', '/api/v1/ratings/{assignmentId}', '/api/v1/assessment-targets/{id}/self-scores']) {
      expect(doc.paths[p], p).toBeTruthy();
    }
  });

  it('seeds last year closed and this year open for rating', async () => {
    const list = await ok<{ items: AssessmentScheme[] }>(call(t.app, s.leader, 'GET', '/api/v1/assessment-schemes'));
    const y25 = list.items.find((i) => i.year === 2025)!;
    const y26 = list.items.find((i) => i.year === 2026)!;
    expect(y25.counts.targets).toBe(14);
    expect(y25.counts.submitted).toBe(y25.counts.assignments);
    expect(y26.status).toBe('rating');
    expect(y26.counts.submitted).toBeGreaterThan(0);
    expect(y26.counts.submitted).toBeLessThan(y26.counts.assignments);
    const tree = await ok<IndicatorTree>(call(t.app, s.leader, 'GET', `/api/v1/assessment-schemes/${y25.id}/indicators`));
    expect(tree.valid).toBe(true);
    expect(Math.max(...tree.items.map((i) => i.level))).toBe(3);
    expect(tree.items.filter((i) => i.isLeaf).length).toBeGreaterThanOrEqual(20);
  });
});
