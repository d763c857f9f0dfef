import { afterAll, beforeAll, expect, it } from 'vitest';
import { hasPermission, roles, type Role } from '@santong/contract';
import type { InnovationProject, InnovationProjectDetail } from '@santong/contract';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';
import { readWorkbook } from '../setup/xlsx.js';

const demoUser: Record<Role, string> = {
  admin: 'admin', office: 'office', leader: 'leader', unit_head: 'unithead', liaison: 'liaison', inspector: 'inspector', member: 'member', auditor: 'auditor', security: 'security',
};

describeDb('innovation projects (党建双创)', () => {
  let t: TestApp;
  let tenantId: string;
  let s: Record<'office' | 'leader' | 'liaison' | 'unithead' | 'member' | 'inspector' | 'auditor', Session>;
  const u: Record<string, string> = {};
  let jdLeader: string;

  const count = async (q: string, params: unknown[] = []) => (await t.sql<{ n: number }>(q, params))[0].n;
  const projectCount = () => count('select count(*)::int as n from innovation_projects where tenant_id = $1', [tenantId]);
  const list = async (who: Session, qs = '') => (await call(t.app, who, 'GET', `/api/v1/innovation-projects?pageSize=500${qs}`)).json() as { items: InnovationProject[]; total: number };
  const apply = (who: Session, over: Record<string, unknown> = {}) =>
    call(t.app, who, 'POST', '/api/v1/innovation-projects', {
      kind: 'model_branch', title: '机电学院学生党支部“技能报国”样板支部创建', unitId: u['JD-XS'], leaderPersonId: jdLeader, level: 'school',
      summary: '以技能竞赛为抓手，发挥学生党员先锋模范作用。', appliedOn: '2026-03-02', comment: '经党总支会议研究同意申报', ...over,
    });
  const step = (who: Session, id: string, path: string, body: Record<string, unknown> = {}) => call(t.app, who, 'POST', `/api/v1/innovation-projects/${id}/${path}`, body);
  /** Everything a refused step could have touched. */
  const footprint = async (id: string) => ({
    steps: await count('select count(*)::int as n from innovation_project_steps where tenant_id = $1 and project_id = $2', [tenantId, id]),
    row: (await t.sql('select stage, grade, version from innovation_projects where id = $1', [id]))[0],
    audit: await count('select count(*)::int as n from audit_log where tenant_id = $1', [tenantId]),
  });
  const fieldOf = (res: Awaited<ReturnType<typeof apply>>) => (expectError(res, 400).details as { issues: { path: string }[] }).issues.map((i) => i.path);

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    for (const c of ['JD-XY', 'JD-XS', 'JD-JG', 'DZB', 'XCB-ZB']) u[c] = await unitIdByCode(t, c);
    s = {
      office: await login(t.app, 'office'), leader: await login(t.app, 'leader'), liaison: await login(t.app, 'liaison'), unithead: await login(t.app, 'unithead'),
      member: await login(t.app, 'member'), inspector: await login(t.app, 'inspector'), auditor: await login(t.app, 'auditor'),
    };
    [{ id: jdLeader }] = await t.sql<{ id: string }>('select id from people where tenant_id = $1 and unit_id = $2 order by staff_no limit 1', [tenantId, u['JD-XY']]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('seeds twenty projects at every stage, with timelines, grades and linked innovation cases', async () => {
    const all = await list(s.office);
    expect(all.total).toBe(20);
    expect(new Set(all.items.map((p) => p.stage))).toEqual(new Set(['applied', 'approved', 'rejected', 'cultivating', 'midterm_checked', 'accepted']));
    expect(new Set(all.items.map((p) => p.kind))).toEqual(new Set(['benchmark_college', 'model_branch', 'dual_leader_studio', 'other']));
    expect(new Set(all.items.map((p) => p.level))).toEqual(new Set(['national', 'provincial', 'school']));
    expect(all.items.filter((p) => p.stage === 'accepted').every((p) => p.grade)).toBe(true);
    expect(all.items.filter((p) => p.stage !== 'accepted').every((p) => p.grade === null)).toBe(true);
    expect(all.items.every((p) => p.appliedOn)).toBe(true);
    expect(await count("select count(*)::int as n from outcomes o join innovation_projects p on p.id = o.project_id where o.tenant_id = $1 and o.kind = 'innovation_case'", [tenantId])).toBeGreaterThan(10);
    const studio = all.items.find((p) => p.kind === 'dual_leader_studio' && p.stage === 'accepted')!;
    const d = (await call(t.app, s.office, 'GET', `/api/v1/innovation-projects/${studio.id}`)).json() as InnovationProjectDetail;
    expect(d.steps.map((x) => x.step)).toEqual(['apply', 'approve', 'cultivate', 'midterm_check', 'accept']);
    expect(d.steps.every((x, i) => i === 0 || x.at >= d.steps[i - 1].at)).toBe(true);
    expect(d.activities.length).toBeGreaterThan(0);
    expect(d.outcomes.length).toBe(d.outcomeCount);
    expect(d.nextActions).toEqual([]);
  });

  it('filters by kind, level, stage, unit and title; exports a real xlsx', async () => {
    const sqlN = (where: string, params: unknown[] = []) => count(`select count(*)::int as n from innovation_projects where tenant_id = $1 and ${where}`, [tenantId, ...params]);
    expect((await list(s.office, '&kind=dual_leader_studio')).total).toBe(await sqlN("kind = 'dual_leader_studio'"));
    expect((await list(s.office, '&level=national')).total).toBe(await sqlN("level = 'national'"));
    expect((await list(s.office, '&stage=midterm_checked')).total).toBe(await sqlN("stage = 'midterm_checked'"));
    expect((await list(s.office, `&unitId=${u['JD-JG']}`)).total).toBe(await sqlN('unit_id = $2', [u['JD-JG']]));
    expect((await list(s.office, `&q=${encodeURIComponent('工作室')}`)).items.every((p) => p.title.includes('工作室'))).toBe(true);
    const latest = (await list(s.office)).items.map((p) => p.lastStepOn ?? '');
    expect(latest).toEqual([...latest].sort().reverse());
    const applied = (await list(s.office, '&sort=appliedOn')).items.map((p) => p.appliedOn ?? '');
    expect(applied).toEqual([...applied].sort());
    const sorted = (await list(s.office, '&sort=stage')).items.map((p) => p.stage);
    expect(sorted[0]).toBe('applied');
    expect(sorted.at(-1)).toBe('accepted');
    const res = await call(t.app, s.office, 'GET', '/api/v1/innovation-projects/export?stage=accepted');
    expect(res.statusCode, res.body).toBe(200);
    const rows = await readWorkbook(res.rawPayload);
    expect(rows[0].slice(0, 7)).toEqual(['项目名称', '类别', '单位', '负责人', '级别', '阶段', '验收等级']);
    expect(rows.length - 1).toBe(await sqlN("stage = 'accepted'"));
    expect(rows.slice(1).every((r) => r[5] === '已验收' && ['优秀', '合格', '不合格'].includes(r[6]))).toBe(true);
    expectError(await call(t.app, s.office, 'GET', '/api/v1/innovation-projects?stage=finished'), 400);
  });

  it('scopes reads to the unit subtree; roles without the permission get 403', async () => {
    const mine = await list(s.liaison);
    expect(mine.total).toBe(await count("select count(*)::int as n from innovation_projects p join units x on x.id = p.unit_id where p.tenant_id = $1 and x.code like 'JD-%'", [tenantId]));
    const [foreign] = await t.sql<{ id: string }>('select id from innovation_projects where tenant_id = $1 and unit_id = $2', [tenantId, u['XCB-ZB']]);
    expectError(await call(t.app, s.liaison, 'GET', `/api/v1/innovation-projects/${foreign.id}`), 404, 'INNOVATION_PROJECT_NOT_FOUND');
    expect((await call(t.app, s.inspector, 'GET', `/api/v1/innovation-projects/${foreign.id}`)).statusCode).toBe(200);
    expectError(await call(t.app, s.member, 'GET', '/api/v1/innovation-projects'), 403, 'FORBIDDEN');
    expectError(await call(t.app, s.auditor, 'GET', '/api/v1/innovation-projects'), 403, 'FORBIDDEN');
  });

  it('runs the whole life cycle: the unit applies, the office approves, cultivates, checks and accepts with a grade', async () => {
    const res = await apply(s.liaison);
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json() as InnovationProjectDetail;
    expect(p).toMatchObject({ stage: 'applied', appliedOn: '2026-03-02', nextActions: ['approve', 'reject'], version: 1 });
    let d = (await step(s.office, p.id, 'approve', { at: '2026-03-20', expertComment: '同意立项' })).json() as InnovationProjectDetail;
    expect(d.stage).toBe('approved');
    d = (await step(s.office, p.id, 'cultivate', { at: '2026-04-01', version: d.version })).json() as InnovationProjectDetail;
    expect(d.stage).toBe('cultivating');
    d = (await step(s.office, p.id, 'midterm-check', { at: '2026-07-10', expertComment: '中期检查合格，建议加强成果提炼' })).json() as InnovationProjectDetail;
    expect(d.stage).toBe('midterm_checked');
    const acc = await step(s.office, p.id, 'accept', { at: '2026-11-20', grade: 'excellent', expertComment: '示范作用明显' });
    expect(acc.statusCode, acc.body).toBe(200);
    d = acc.json() as InnovationProjectDetail;
    expect(d).toMatchObject({ stage: 'accepted', grade: 'excellent', lastStepOn: '2026-11-20', nextActions: [] });
    expect(d.steps.map((x) => [x.step, x.at, x.actorName !== null])).toEqual([
      ['apply', '2026-03-02', true], ['approve', '2026-03-20', true], ['cultivate', '2026-04-01', true], ['midterm_check', '2026-07-10', true], ['accept', '2026-11-20', true],
    ]);
    expect(d.steps[4]).toMatchObject({ grade: 'excellent', expertComment: '示范作用明显' });
    const audit = await t.sql<{ action: string }>("select action from audit_log where tenant_id = $1 and entity = 'innovation_project' and entity_id = $2 order by seq", [tenantId, p.id]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'approve', 'cultivate', 'midterm_check', 'accept']);
    // A closed project is neither edited nor stepped again.
    expectError(await call(t.app, s.liaison, 'PATCH', `/api/v1/innovation-projects/${p.id}`, { title: '改名', version: d.version }), 409, 'INNOVATION_STEP_INVALID');
    expectError(await call(t.app, s.liaison, 'DELETE', `/api/v1/innovation-projects/${p.id}`), 409, 'INNOVATION_STEP_INVALID');
  });

  it('refuses every step out of order with 409 and writes nothing', async () => {
    const p = (await apply(s.office, { title: '顺序校验项目' })).json() as InnovationProjectDetail;
    const refuse = async (path: string, body: Record<string, unknown> = { at: '2026-12-01' }) => {
      const before = await footprint(p.id);
      const err = expectError(await step(s.office, p.id, path, body), 409, 'INNOVATION_STEP_INVALID');
      expect(await footprint(p.id)).toEqual(before);
      return err;
    };
    // applied: only approve or reject
    for (const path of ['cultivate', 'midterm-check']) await refuse(path);
    const early = await refuse('accept', { at: '2026-12-01', grade: 'pass' });
    expect(early.details).toMatchObject({ stage: 'applied', action: 'accept', allowed: ['approve', 'reject'] });
    await step(s.office, p.id, 'approve', { at: '2026-03-10' });
    // approved
    for (const path of ['approve', 'reject', 'midterm-check']) await refuse(path);
    await refuse('accept', { at: '2026-12-01', grade: 'pass' });
    await step(s.office, p.id, 'cultivate', { at: '2026-03-15' });
    // cultivating: accept before the mid-term check
    for (const path of ['approve', 'reject', 'cultivate']) await refuse(path);
    await refuse('accept', { at: '2026-12-01', grade: 'excellent' });
    await step(s.office, p.id, 'midterm-check', { at: '2026-06-15' });
    for (const path of ['approve', 'reject', 'cultivate', 'midterm-check']) await refuse(path);
    await step(s.office, p.id, 'accept', { at: '2026-11-01', grade: 'fail', expertComment: '未完成主要指标' });
    for (const path of ['approve', 'reject', 'cultivate', 'midterm-check']) await refuse(path);
    await refuse('accept', { at: '2026-12-01', grade: 'pass' });
    // a rejected application goes no further
    const r = (await apply(s.office, { title: '不予立项的项目' })).json() as InnovationProjectDetail;
    expect((await step(s.office, r.id, 'reject', { at: '2026-03-05', expertComment: '创新点不突出' })).json().stage).toBe('rejected');
    for (const path of ['approve', 'cultivate', 'midterm-check']) expectError(await step(s.office, r.id, path, { at: '2026-12-01' }), 409, 'INNOVATION_STEP_INVALID');
  });

  it('validates step input (grade, date order, stale version) with nothing written', async () => {
    const p = (await apply(s.office, { title: '校验项目' })).json() as InnovationProjectDetail;
    await step(s.office, p.id, 'approve', { at: '2026-03-10' });
    await step(s.office, p.id, 'cultivate', { at: '2026-03-20' });
    await step(s.office, p.id, 'midterm-check', { at: '2026-06-01' });
    const before = await footprint(p.id);
    expect(fieldOf(await step(s.office, p.id, 'accept', { at: '2026-11-01' }))).toContain('body.grade');
    expect(fieldOf(await step(s.office, p.id, 'accept', { at: '2026-11-01', grade: 'good' }))).toContain('body.grade');
    expect(fieldOf(await step(s.office, p.id, 'accept', { at: '2026-05-01', grade: 'pass' }))).toContain('body.at');
    expect(fieldOf(await step(s.office, p.id, 'accept', { at: 'yesterday', grade: 'pass' }))).toContain('body.at');
    expectError(await step(s.office, p.id, 'accept', { at: '2026-11-01', grade: 'pass', version: 1 }), 409, 'VERSION_CONFLICT');
    expect(await footprint(p.id)).toEqual(before);
  });

  it('lets units apply and edit their own; only the office takes the steps', async () => {
    const [n, audits] = [await projectCount(), await count('select count(*)::int as n from audit_log where tenant_id = $1', [tenantId])];
    expect(fieldOf(await apply(s.office, { kind: 'flagship' }))).toContain('body.kind');
    expect(fieldOf(await apply(s.office, { level: 'municipal' }))).toContain('body.level');
    expect(fieldOf(await apply(s.office, { title: '' }))).toContain('body.title');
    expect(fieldOf(await apply(s.office, { leaderPersonId: '00000000-0000-4000-8000-000000000000' }))).toContain('body.leaderPersonId');
    expect(fieldOf(await apply(s.office, { unitId: '00000000-0000-4000-8000-000000000000' }))).toContain('body.unitId');
    expectError(await apply(s.liaison, { unitId: u.DZB }), 403, 'OUT_OF_SCOPE');
    for (const who of [s.inspector, s.leader, s.member, s.auditor]) expectError(await apply(who), 403);
    expect([await projectCount(), await count('select count(*)::int as n from audit_log where tenant_id = $1', [tenantId])]).toEqual([n, audits]);

    const p = (await apply(s.unithead)).json() as InnovationProjectDetail;
    for (const who of [s.liaison, s.unithead, s.inspector, s.leader]) expectError(await step(who, p.id, 'approve', { at: '2026-03-10' }), 403);
    const upd = await call(t.app, s.liaison, 'PATCH', `/api/v1/innovation-projects/${p.id}`, { level: 'provincial', version: 1 });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ level: 'provincial', version: 2 });
    expectError(await call(t.app, s.liaison, 'PATCH', `/api/v1/innovation-projects/${p.id}`, { level: 'national', version: 1 }), 409, 'VERSION_CONFLICT');
    expect((await call(t.app, s.liaison, 'DELETE', `/api/v1/innovation-projects/${p.id}`)).statusCode).toBe(200);
    expect(await count('select count(*)::int as n from innovation_project_steps where project_id = $1', [p.id])).toBe(0);
    const audit = await t.sql<{ action: string }>("select action from audit_log where tenant_id = $1 and entity = 'innovation_project' and entity_id = $2 order by seq", [tenantId, p.id]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    const [cultivating] = await t.sql<{ id: string }>("select p.id from innovation_projects p join units x on x.id = p.unit_id where p.tenant_id = $1 and p.stage = 'cultivating' and x.code like 'JD-%' limit 1", [tenantId]);
    if (cultivating) expectError(await call(t.app, s.liaison, 'DELETE', `/api/v1/innovation-projects/${cultivating.id}`), 409, 'INNOVATION_STEP_INVALID');
  });

  it('links and unlinks outcomes the caller can see; a project with links is not deleted', async () => {
    const p = (await apply(s.liaison, { title: '成果关联项目' })).json() as InnovationProjectDetail;
    const [free] = await t.sql<{ id: string }>("select o.id from outcomes o join units x on x.id = o.unit_id where o.tenant_id = $1 and o.project_id is null and x.code like 'JD-%' limit 1", [tenantId]);
    const [taken] = await t.sql<{ id: string }>("select o.id from outcomes o join units x on x.id = o.unit_id where o.tenant_id = $1 and o.project_id is not null and x.code like 'JD-%' limit 1", [tenantId]);
    const [foreign] = await t.sql<{ id: string }>('select id from outcomes where tenant_id = $1 and unit_id = $2 and project_id is null limit 1', [tenantId, u.DZB]);
    const linked = await call(t.app, s.liaison, 'POST', `/api/v1/innovation-projects/${p.id}/outcomes`, { outcomeId: free.id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect((linked.json() as InnovationProjectDetail).outcomes.map((o) => o.id)).toEqual([free.id]);
    expect(fieldOf(await call(t.app, s.liaison, 'POST', `/api/v1/innovation-projects/${p.id}/outcomes`, { outcomeId: foreign.id }))).toContain('body.outcomeId');
    expect(fieldOf(await call(t.app, s.liaison, 'POST', `/api/v1/innovation-projects/${p.id}/outcomes`, { outcomeId: taken.id }))).toContain('body.outcomeId');
    expectError(await call(t.app, s.inspector, 'POST', `/api/v1/innovation-projects/${p.id}/outcomes`, { outcomeId: free.id }), 403);
    expectError(await call(t.app, s.liaison, 'DELETE', `/api/v1/innovation-projects/${p.id}`), 409, 'INNOVATION_PROJECT_IN_USE');
    const un = await call(t.app, s.liaison, 'DELETE', `/api/v1/innovation-projects/${p.id}/outcomes/${free.id}`);
    expect(un.statusCode, un.body).toBe(200);
    expect((un.json() as InnovationProjectDetail).outcomes).toEqual([]);
    expectError(await call(t.app, s.liaison, 'DELETE', `/api/v1/innovation-projects/${p.id}/outcomes/${free.id}`), 404, 'OUTCOME_NOT_FOUND');
    const audit = await t.sql<{ action: string }>("select action from audit_log where tenant_id = $1 and entity = 'innovation_project' and entity_id = $2 order by seq", [tenantId, p.id]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'link_outcome', 'unlink_outcome']);
  });

  it('keeps a studio with activities a studio', async () => {
    const [studio] = await t.sql<{ id: string; version: number }>(
      "select p.id, p.version from innovation_projects p join units x on x.id = p.unit_id where p.tenant_id = $1 and p.kind = 'dual_leader_studio' and p.stage <> 'accepted' and x.code like 'JD-%' and exists (select 1 from activities a where a.project_id = p.id) limit 1",
      [tenantId],
    );
    expect(studio).toBeTruthy();
    const res = await call(t.app, s.liaison, 'PATCH', `/api/v1/innovation-projects/${studio.id}`, { kind: 'other', version: studio.version });
    expectError(res, 409, 'INNOVATION_PROJECT_IN_USE');
  });

  it('follows the role × permission matrix (list, apply in scope, office steps)', async () => {
    const target = (await apply(s.office, { title: '权限矩阵项目' })).json() as InnovationProjectDetail;
    for (const role of roles) {
      const who = await login(t.app, demoUser[role]);
      const res = await call(t.app, who, 'GET', '/api/v1/innovation-projects?pageSize=1');
      if (hasPermission([role], 'execute.innovation.read')) expect(res.statusCode, role).toBe(200);
      else expectError(res, 403, 'FORBIDDEN');
      const made = await apply(who, { title: `权限矩阵${role}` });
      if (hasPermission([role], 'execute.innovation.write')) expect(made.statusCode, `${role} ${made.body}`).toBe(201);
      else expectError(made, 403);
      if (!hasPermission([role], 'execute.innovation.review')) expectError(await step(who, target.id, 'approve', { at: '2026-03-10' }), 403);
    }
    expect((await step(await login(t.app, 'admin'), target.id, 'approve', { at: '2026-03-10' })).statusCode).toBe(200);
  });
});
