import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SupervisionCheck, SupervisionPlanDetail, SupervisionStats } from '@santong/contract';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';
import { readWorkbook } from '../setup/xlsx.js';

type Who = 'office' | 'leader' | 'liaison' | 'unithead' | 'inspector' | 'member' | 'auditor';

describeDb('supervision', () => {
  let t: TestApp;
  let tenantId: string;
  let campaignId: string;
  let s: Record<Who, Session>;
  const u: Record<string, string> = {};
  let plan: SupervisionPlanDetail;
  let collegeInd: string;
  let sharedInd: string;

  const count = async (q: string, params: unknown[] = []) => (await t.sql<{ n: number }>(q, params))[0].n;
  const checkCount = () => count('select count(*)::int as n from supervision_checks where tenant_id = $1', [tenantId]);
  const taskCount = () => count("select count(*)::int as n from tasks where tenant_id = $1 and category = 'rectification'", [tenantId]);
  const auditCount = () => count('select count(*)::int as n from audit_log where tenant_id = $1', [tenantId]);
  const issuePaths = (res: Awaited<ReturnType<typeof call>>) => (expectError(res, 400).details as { issues: { path: string }[] }).issues.map((i) => i.path);
  const record = (who: Session, over: Record<string, unknown> = {}) =>
    call(t.app, who, 'POST', '/api/v1/supervision/checks', { indicatorId: collegeInd, unitId: u['JD-XY'], method: 'onsite', checkedOn: '2026-12-08', result: 'pass', comment: '材料齐全', ...over });

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    for (const c of ['JD-XY', 'JD-ZZ', 'XX-XY', 'DZB', 'JWC', 'YS-XY']) u[c] = await unitIdByCode(t, c);
    s = Object.fromEntries(await Promise.all((['office', 'leader', 'liaison', 'unithead', 'inspector', 'member', 'auditor'] as Who[]).map(async (w) => [w, await login(t.app, w)]))) as Record<Who, Session>;
    [{ id: campaignId }] = await t.sql<{ id: string }>("select id from campaigns where tenant_id = $1 and status = 'active'", [tenantId]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('seeds six monthly plans with checks at about 85% pass and a task for every shortfall', async () => {
    const list = (await call(t.app, s.office, 'GET', `/api/v1/supervision/plans?campaignId=${campaignId}`)).json();
    expect(list.total).toBe(6);
    expect(list.abilities).toEqual({ managePlans: true, recordChecks: true });
    const [r] = await t.sql<{ n: number; pass: number; short: number; linked: number }>(
      "select count(*)::int as n, count(*) filter (where result = 'pass')::int as pass, count(*) filter (where result <> 'pass')::int as short, count(rectification_task_id)::int as linked from supervision_checks where tenant_id = $1",
      [tenantId],
    );
    expect(r.pass / r.n).toBeGreaterThan(0.7);
    expect(r.pass / r.n).toBeLessThan(0.9);
    expect(r.linked).toBe(r.short);
    const stats = (await call(t.app, s.office, 'GET', `/api/v1/supervision/stats?campaignId=${campaignId}`)).json() as SupervisionStats;
    const byMonth = await t.sql<{ month: string; n: number; pass: number }>(
      "select p.month, count(*)::int as n, count(*) filter (where c.result = 'pass')::int as pass from supervision_checks c join supervision_plans p on p.id = c.plan_id where c.tenant_id = $1 group by p.month order by p.month",
      [tenantId],
    );
    expect(stats.byMonth.map((m) => [m.month, m.checks, m.pass])).toEqual(byMonth.map((m) => [m.month, m.n, m.pass]));
    expect(stats.total).toMatchObject({ checks: r.n, pass: r.pass });
  });

  it('lets the office plan a month with indicators; a second plan for the month is refused', async () => {
    const a = auditCount();
    const res = await call(t.app, s.office, 'POST', '/api/v1/supervision/plans', {
      campaignId, month: '2026-12', title: '2026年12月主题教育督导（年终冲刺）',
      indicators: [
        { requirement: '年终说院述党建报告按期提交', evidence: '报告文本', unitKinds: ['college'] },
        { requirement: '整改台账全部销号', evidence: '整改台账', unitKinds: ['college', 'department'] },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    plan = res.json();
    expect(plan).toMatchObject({ month: '2026-12', indicatorCount: 2, checkCount: 0, version: 1 });
    [collegeInd, sharedInd] = plan.indicators.map((i) => i.id);
    expect(plan.units.map((x) => x.kind).every((k) => k === 'college' || k === 'department')).toBe(true);
    expect(plan.units.some((x) => x.id === u.DZB)).toBe(true);
    expect(await auditCount()).toBe((await a) + 1);
    const dup = expectError(await call(t.app, s.office, 'POST', '/api/v1/supervision/plans', { campaignId, month: '2026-12', title: '重复' }), 409, 'DUPLICATE');
    expect((dup.details as { issues: { path: string }[] }).issues[0].path).toBe('body.month');
    expectError(await call(t.app, s.inspector, 'POST', '/api/v1/supervision/plans', { campaignId, month: '2027-01', title: '督导组不能制定计划' }), 403, 'FORBIDDEN');
    expect(issuePaths(await call(t.app, s.office, 'POST', '/api/v1/supervision/plans', { campaignId, month: '2026-13', title: 'x' }))).toContain('body.month');
    expect(issuePaths(await call(t.app, s.office, 'POST', '/api/v1/supervision/plans', { campaignId, month: '202612', title: 'x' }))).toContain('body.month');
    expect(issuePaths(await call(t.app, s.office, 'POST', '/api/v1/supervision/plans', { campaignId: crypto.randomUUID(), month: '2027-02', title: 'x' }))).toContain('body.campaignId');
  });

  it('edits plans and indicators with versions and audit', async () => {
    const upd = await call(t.app, s.office, 'PATCH', `/api/v1/supervision/plans/${plan.id}`, { title: '2026年12月督导（年终）', version: 1 });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json().version).toBe(2);
    expectError(await call(t.app, s.office, 'PATCH', `/api/v1/supervision/plans/${plan.id}`, { title: '旧', version: 1 }), 409, 'VERSION_CONFLICT');
    const extra = await call(t.app, s.office, 'POST', `/api/v1/supervision/plans/${plan.id}/indicators`, { requirement: '临时指标', unitKinds: ['center'] });
    expect(extra.statusCode, extra.body).toBe(201);
    expect((await call(t.app, s.office, 'PATCH', `/api/v1/supervision/indicators/${extra.json().id}`, { requirement: '临时指标（改）' })).json().requirement).toBe('临时指标（改）');
    expect((await call(t.app, s.office, 'DELETE', `/api/v1/supervision/indicators/${extra.json().id}`)).statusCode).toBe(200);
    expectError(await call(t.app, s.office, 'PATCH', `/api/v1/supervision/plans/${plan.id}`, { title: '旧', version: 2 }), 409, 'VERSION_CONFLICT');
    const actions = await t.sql<{ entity: string; action: string }>("select entity, action from audit_log where tenant_id = $1 and entity in ('supervision_plan', 'supervision_indicator') order by seq", [tenantId]);
    expect(actions.map((x) => `${x.entity}:${x.action}`)).toEqual(['supervision_plan:create', 'supervision_plan:update', 'supervision_indicator:create', 'supervision_indicator:update', 'supervision_indicator:delete']);
    plan = (await call(t.app, s.office, 'GET', `/api/v1/supervision/plans/${plan.id}`)).json();
  });

  it('a partial check opens exactly one rectification task for the unit; later results keep it', async () => {
    const [tasks0, a0] = [await taskCount(), await auditCount()];
    const res = await record(s.inspector, { indicatorId: sharedInd, result: 'partial', comment: '部分台账未销号' });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as SupervisionCheck;
    expect(c).toMatchObject({ result: 'partial', unitId: u['JD-XY'], month: '2026-12', rectification: { status: 'planned' } });
    expect(c.inspectorName).toBeTruthy();
    expect(await taskCount()).toBe(tasks0 + 1);
    const [task] = await t.sql<{ id: string; owner_unit_id: string; campaign_id: string; category: string; description: string; responsible_person_id: string }>('select * from tasks where id = $1', [c.rectificationTaskId]);
    const dutyLeaders = (await t.sql<{ person_id: string }>('select person_id from leader_duties where tenant_id = $1 and unit_id = $2', [tenantId, u['JD-XY']])).map((x) => x.person_id);
    expect(task).toMatchObject({ owner_unit_id: u['JD-XY'], campaign_id: campaignId, category: 'rectification' });
    expect(dutyLeaders).toContain(task.responsible_person_id);
    expect(task.description).toContain('来源：督导检查《2026年12月督导（年终）》');
    expect(await auditCount()).toBe(a0 + 2);
    expect((await t.sql<{ entity: string }>("select entity from audit_log where tenant_id = $1 and entity_id = $2 and action = 'create'", [tenantId, task.id]))[0].entity).toBe('task');
    const told = await t.sql<{ username: string }>("select u.username from notifications n join users u on u.id = n.user_id where n.tenant_id = $1 and n.kind = 'supervision.rectification' and n.entity_id = $2", [tenantId, task.id]);
    expect(told.map((x) => x.username).sort()).toEqual(['liaison', 'unithead']);

    const fail = await call(t.app, s.office, 'PATCH', `/api/v1/supervision/checks/${c.id}`, { result: 'fail', version: 1 });
    expect(fail.statusCode, fail.body).toBe(200);
    const pass = await call(t.app, s.office, 'PATCH', `/api/v1/supervision/checks/${c.id}`, { result: 'pass', comment: '复查已整改', version: 2 });
    expect(pass.json()).toMatchObject({ result: 'pass', version: 3, rectificationTaskId: task.id });
    expect(await taskCount()).toBe(tasks0 + 1);
    expectError(await call(t.app, s.office, 'PATCH', `/api/v1/supervision/checks/${c.id}`, { result: 'fail', version: 2 }), 409, 'VERSION_CONFLICT');
    expectError(await call(t.app, s.office, 'DELETE', `/api/v1/supervision/checks/${c.id}`), 409, 'SUPERVISION_CHECK_RECTIFIED');
    expectError(await call(t.app, s.office, 'DELETE', `/api/v1/supervision/plans/${plan.id}`), 409, 'SUPERVISION_PLAN_IN_USE');
    expect((await t.sql<{ action: string }>("select action from audit_log where tenant_id = $1 and entity = 'supervision_check' and entity_id = $2 order by seq", [tenantId, c.id])).map((x) => x.action)).toEqual(['create', 'update', 'update']);
  });

  it('a pass opens nothing; a pass turned into a fail opens one task', async () => {
    const tasks0 = await taskCount();
    const res = await record(s.office, { unitId: u['XX-XY'] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().rectificationTaskId).toBeNull();
    expect(await taskCount()).toBe(tasks0);
    const fail = await call(t.app, s.inspector, 'PATCH', `/api/v1/supervision/checks/${res.json().id}`, { result: 'fail', version: 1, rectificationDueDate: '2027-01-15' });
    expect(fail.statusCode, fail.body).toBe(200);
    expect(fail.json().rectification).toMatchObject({ dueDate: '2027-01-15' });
    expect(await taskCount()).toBe(tasks0 + 1);
    expect((await t.sql<{ owner_unit_id: string }>('select owner_unit_id from tasks where id = $1', [fail.json().rectificationTaskId]))[0].owner_unit_id).toBe(u['XX-XY']);
  });

  it('refuses bad checks with the field named, and a failed write leaves nothing behind', async () => {
    const before = [await checkCount(), await taskCount(), await auditCount()];
    expect(issuePaths(await record(s.office, { unitId: u.DZB, result: 'excellent' }))).toContain('body.result');
    expect(issuePaths(await record(s.office, { unitId: u.DZB, method: 'phone' }))).toContain('body.method');
    expect(issuePaths(await record(s.office, { unitId: u.DZB, checkedOn: '2026-12-32' }))).toContain('body.checkedOn');
    expect(issuePaths(await record(s.office, { unitId: u.DZB }))).toEqual(['body.unitId']); // a college-only indicator
    expect(issuePaths(await record(s.office, { unitId: u.DZB, indicatorId: sharedInd, checkedOn: '2026-11-30' }))).toEqual(['body.checkedOn']);
    expect(issuePaths(await record(s.office, { indicatorId: crypto.randomUUID() }))).toEqual(['body.indicatorId']);
    expect(issuePaths(await record(s.office, { unitId: u.DZB, indicatorId: sharedInd, inspectorPersonId: crypto.randomUUID() }))).toEqual(['body.inspectorPersonId']);
    // The check row is written before the task is refused: the whole transaction must roll back.
    expect(issuePaths(await record(s.office, { unitId: u.DZB, indicatorId: sharedInd, result: 'fail', rectificationDueDate: '2020-01-01' }))).toEqual(['body.rectificationDueDate']);
    const dup = expectError(await record(s.office, { indicatorId: sharedInd }), 409, 'DUPLICATE');
    expect((dup.details as { checkId: string }).checkId).toBeTruthy();
    expect([await checkCount(), await taskCount(), await auditCount()]).toEqual(before);
  });

  it('computes pass rates by unit and by month that equal the hand-computed figures', async () => {
    expect((await record(s.office, { unitId: u['YS-XY'], result: 'fail' })).statusCode).toBe(201);
    expect((await record(s.office, { unitId: u.DZB, indicatorId: sharedInd })).statusCode).toBe(201);
    expect((await record(s.office, { unitId: u['XX-XY'], indicatorId: sharedInd, result: 'partial' })).statusCode).toBe(201);
    // 2026-12: JD-XY shared pass (re-checked); XX-XY college fail, shared partial; YS-XY college fail; DZB shared pass.
    const st = (await call(t.app, s.office, 'GET', `/api/v1/supervision/stats?campaignId=${campaignId}&from=2026-12&to=2026-12`)).json() as SupervisionStats;
    expect(st.total).toEqual({ checks: 5, pass: 2, partial: 1, fail: 2, rate: 0.4 });
    expect(st.byMonth).toEqual([{ month: '2026-12', checks: 5, pass: 2, partial: 1, fail: 2, rate: 0.4 }]);
    const byUnit = Object.fromEntries(st.byUnit.map((x) => [x.unitId, [x.checks, x.pass, x.partial, x.fail, x.rate]]));
    expect(byUnit).toEqual({ [u['JD-XY']]: [1, 1, 0, 0, 1], [u['XX-XY']]: [2, 0, 1, 1, 0], [u['YS-XY']]: [1, 0, 0, 1, 0], [u.DZB]: [1, 1, 0, 0, 1] });
    const list = (await call(t.app, s.office, 'GET', `/api/v1/supervision/checks?planId=${plan.id}&result=fail`)).json();
    expect(list.total).toBe(2);
  });

  it('scopes reads to the units of unit heads, liaisons and leaders; members and auditors get 403', async () => {
    const mine = (await call(t.app, s.liaison, 'GET', '/api/v1/supervision/checks?pageSize=500')).json() as { items: SupervisionCheck[]; total: number };
    const jd = await count("select count(*)::int as n from supervision_checks c join units x on x.id = c.unit_id where c.tenant_id = $1 and x.code like 'JD-%'", [tenantId]);
    expect(mine.total).toBe(jd);
    expect(mine.items.every((c) => c.unitId === u['JD-XY'] || c.unitId === u['JD-ZZ'])).toBe(true);
    const detail = (await call(t.app, s.unithead, 'GET', `/api/v1/supervision/plans/${plan.id}`)).json() as SupervisionPlanDetail;
    expect(detail.units.map((x) => x.id)).toEqual([u['JD-XY']]);
    expect(detail.abilities).toEqual({ managePlans: false, recordChecks: false });
    const st = (await call(t.app, s.liaison, 'GET', '/api/v1/supervision/stats')).json() as SupervisionStats;
    expect(st.total.checks).toBe(jd);
    const other = (await call(t.app, s.office, 'GET', `/api/v1/supervision/checks?unitId=${u['XX-XY']}&pageSize=1`)).json().items[0] as SupervisionCheck;
    expectError(await call(t.app, s.liaison, 'GET', `/api/v1/supervision/checks/${other.id}`), 404, 'SUPERVISION_CHECK_NOT_FOUND');
    const leaderUnits = (await call(t.app, s.leader, 'GET', '/api/v1/supervision/stats')).json().byUnit.map((x: { unitId: string }) => x.unitId);
    expect(leaderUnits).toContain(u.JWC);
    expect(leaderUnits).not.toContain(u['XX-XY']);
    expectError(await record(s.liaison, { indicatorId: sharedInd, unitId: u['JD-XY'] }), 403);
    expectError(await call(t.app, s.member, 'GET', '/api/v1/supervision/plans'), 403);
    expectError(await call(t.app, s.auditor, 'GET', '/api/v1/supervision/checks'), 403);
    expectError(await call(t.app, s.member, 'GET', '/api/v1/supervision/stats'), 403);
  });

  it('keeps evidence files with the check, readable within scope only', async () => {
    const c = (await call(t.app, s.office, 'GET', `/api/v1/supervision/checks?planId=${plan.id}&unitId=${u['XX-XY']}&pageSize=1`)).json().items[0] as SupervisionCheck;
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
    const upload = (who: Session, entityId: string) => {
      const boundary = `----st${crypto.randomBytes(6).toString('hex')}`;
      const field = (k: string, v: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
      const body = Buffer.concat([
        Buffer.from(field('entity', 'supervision_check') + field('entityId', entityId)),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="现场检查记录.pdf"\r\nContent-Type: application/pdf\r\n\r\n`, 'utf8'),
        pdf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return call(t.app, who, 'POST', '/api/v1/attachments', body, { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    };
    const up = await upload(s.inspector, c.id);
    expect(up.statusCode, up.body).toBe(201);
    expect((await call(t.app, s.office, 'GET', up.json().url)).statusCode).toBe(200);
    expectError(await call(t.app, s.leader, 'GET', up.json().url), 404); // XX-XY is outside the leader's duty units
    const jd = (await call(t.app, s.liaison, 'GET', `/api/v1/supervision/checks?planId=${plan.id}`)).json().items[0] as SupervisionCheck;
    expectError(await upload(s.liaison, jd.id), 403);
    expect((await t.sql<{ action: string }>("select action from audit_log where tenant_id = $1 and entity = 'supervision_check' and entity_id = $2 and action = 'attach'", [tenantId, c.id])).length).toBe(1);
  });

  it('exports the filtered checks to a real .xlsx', async () => {
    const res = await call(t.app, s.office, 'GET', `/api/v1/supervision/checks/export?campaignId=${campaignId}&result=fail`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readWorkbook(res.rawPayload);
    expect(rows[0].slice(0, 5)).toEqual(['月份', '督导计划', '督导指标', '被检查单位', '检查方式']);
    expect(rows.length - 1).toBe(await count("select count(*)::int as n from supervision_checks where tenant_id = $1 and result = 'fail'", [tenantId]));
    expect(rows.slice(1).every((r) => r[7] === '不合格')).toBe(true);
  });
});
