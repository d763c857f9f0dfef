import { afterAll, beforeAll, expect, it } from 'vitest';
import { hasPermission, roles, type Role } from '@santong/contract';
import type { Activity, ActivityStats } from '@santong/contract';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';
import { multipartFile, readWorkbook } from '../setup/xlsx.js';

const demoUser: Record<Role, string> = {
  admin: 'admin', office: 'office', leader: 'leader', unit_head: 'unithead', liaison: 'liaison', inspector: 'inspector', member: 'member', auditor: 'auditor', security: 'security',
};

describeDb('activities', () => {
  let t: TestApp;
  let tenantId: string;
  let s: Record<'office' | 'leader' | 'liaison' | 'unithead' | 'member' | 'inspector' | 'auditor', Session>;
  const u: Record<string, string> = {};
  let goal: Record<string, string>;
  let studioId: string;
  let benchmarkId: string;

  const count = async (q: string, params: unknown[] = []) => (await t.sql<{ n: number }>(q, params))[0].n;
  const activityCount = () => count('select count(*)::int as n from activities where tenant_id = $1', [tenantId]);
  const auditCount = () => count('select count(*)::int as n from audit_log where tenant_id = $1', [tenantId]);
  const byCodes = (like: string) => count('select count(*)::int as n from activities a join units x on x.id = a.unit_id where a.tenant_id = $1 and x.code like $2', [tenantId, like]);
  const list = async (who: Session, qs = '') => (await call(t.app, who, 'GET', `/api/v1/activities?pageSize=500${qs}`)).json() as { items: Activity[]; total: number };
  const create = (who: Session, over: Record<string, unknown> = {}) =>
    call(t.app, who, 'POST', '/api/v1/activities', {
      kind: 'studio', title: '工作室联合企业开展数控技能攻关', unitId: u['JD-JG'], heldOn: '2026-11-05', participants: 18,
      summary: '党员教师与企业技术骨干共同指导学生攻关。', goalIds: [goal['P3.1'], goal['B2.1']], projectId: studioId, ...over,
    });
  const fieldOf = (res: Awaited<ReturnType<typeof create>>) => (expectError(res, 400).details as { issues: { path: string }[] }).issues.map((i) => i.path);

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    for (const c of ['JD-XY', 'JD-JG', 'DZB', 'XCB', 'XX-XY']) u[c] = await unitIdByCode(t, c);
    s = {
      office: await login(t.app, 'office'), leader: await login(t.app, 'leader'), liaison: await login(t.app, 'liaison'), unithead: await login(t.app, 'unithead'),
      member: await login(t.app, 'member'), inspector: await login(t.app, 'inspector'), auditor: await login(t.app, 'auditor'),
    };
    goal = Object.fromEntries((await t.sql<{ code: string; id: string }>('select code, id from goals where tenant_id = $1', [tenantId])).map((g) => [g.code, g.id]));
    [{ id: studioId }] = await t.sql<{ id: string }>("select id from innovation_projects where tenant_id = $1 and kind = 'dual_leader_studio' and unit_id = $2", [tenantId, u['JD-JG']]);
    [{ id: benchmarkId }] = await t.sql<{ id: string }>("select id from innovation_projects where tenant_id = $1 and kind = 'benchmark_college' limit 1", [tenantId]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('seeds some sixty activities of every kind, studio activities in their studios, many linked to goals', async () => {
    const all = await list(s.office);
    expect(all.total).toBeGreaterThanOrEqual(50);
    expect(new Set(all.items.map((a) => a.kind))).toEqual(new Set(['forum', 'seminar', 'competition', 'studio', 'practice', 'other']));
    expect(all.items.filter((a) => a.kind === 'studio').every((a) => a.projectId && a.projectTitle)).toBe(true);
    expect(all.items.filter((a) => a.goals.length > 0).length).toBeGreaterThan(40);
    expect(all.items.some((a) => a.title.includes('建新功') && a.kind === 'seminar')).toBe(true);
    expect(all.items.some((a) => a.title.includes('微党课') && a.kind === 'competition')).toBe(true);
  });

  it('filters by kind, unit, date range, goal, project and title words, and sorts', async () => {
    const sqlN = (where: string, params: unknown[] = []) => count(`select count(*)::int as n from activities a where a.tenant_id = $1 and ${where}`, [tenantId, ...params]);
    expect((await list(s.office, '&kind=forum')).total).toBe(await sqlN("a.kind = 'forum'"));
    expect((await list(s.office, `&unitId=${u.DZB}`)).total).toBe(await sqlN('a.unit_id = $2', [u.DZB]));
    expect((await list(s.office, '&from=2026-06-01&to=2026-06-30')).total).toBe(await sqlN("a.held_on between '2026-06-01' and '2026-06-30'"));
    expect((await list(s.office, `&goalId=${goal['P3.1']}`)).total).toBe(await count('select count(*)::int as n from activity_goals where tenant_id = $1 and goal_id = $2', [tenantId, goal['P3.1']]));
    expect((await list(s.office, `&projectId=${studioId}`)).total).toBe(await sqlN('a.project_id = $2', [studioId]));
    const q = await list(s.office, `&q=${encodeURIComponent('微党课')}`);
    expect(q.total).toBe(await sqlN("a.title like '%微党课%'"));
    expect(q.items.every((a) => a.title.includes('微党课'))).toBe(true);
    const sorted = (await list(s.office, '&sort=-participants')).items.map((a) => a.participants);
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
    const paged = (await call(t.app, s.office, 'GET', '/api/v1/activities?page=2&pageSize=10&sort=heldOn')).json() as { items: Activity[]; total: number };
    expect(paged.items).toHaveLength(10);
    expect(paged.items[0].heldOn <= paged.items[9].heldOn).toBe(true);
  });

  it('scopes reads: units see their subtree, leaders their duty units, members their own unit', async () => {
    const mine = await list(s.liaison);
    expect(mine.total).toBe(await byCodes('JD-%'));
    expect(mine.items.every((a) => ['机电', '机电学院'].some((p) => a.unitName.startsWith(p)))).toBe(true);
    const leaderUnits = await count(`
      select count(*)::int as n from activities a join units x on x.id = a.unit_id
      where a.tenant_id = $1 and (x.code like 'JD-%' or x.code in ('JWC', 'JWC-ZB', 'KYC', 'KYC-ZB'))`, [tenantId]);
    expect((await list(s.leader)).total).toBe(leaderUnits);
    expect((await list(s.member)).total).toBe(await count("select count(*)::int as n from activities a join units x on x.id = a.unit_id where a.tenant_id = $1 and x.code in ('XX-XY', 'XX-ZZ')", [tenantId]));
    const [foreign] = await t.sql<{ id: string }>('select id from activities where tenant_id = $1 and unit_id = $2 limit 1', [tenantId, u.DZB]);
    expectError(await call(t.app, s.liaison, 'GET', `/api/v1/activities/${foreign.id}`), 404, 'ACTIVITY_NOT_FOUND');
    expectError(await call(t.app, s.liaison, 'PATCH', `/api/v1/activities/${foreign.id}`, { title: '越权修改', version: 1 }), 404, 'ACTIVITY_NOT_FOUND');
    expectError(await call(t.app, s.liaison, 'DELETE', `/api/v1/activities/${foreign.id}`), 404, 'ACTIVITY_NOT_FOUND');
    expect((await call(t.app, s.office, 'GET', `/api/v1/activities/${foreign.id}`)).statusCode).toBe(200);
    expectError(await call(t.app, s.auditor, 'GET', '/api/v1/activities'), 403, 'FORBIDDEN');
  });

  it('creates, updates and deletes with audit; the version guards edits', async () => {
    const before = await activityCount();
    const res = await create(s.liaison);
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json() as Activity;
    expect(a).toMatchObject({ kind: 'studio', projectId: studioId, participants: 18, version: 1, fileCount: 0 });
    expect(a.goals.map((g) => g.id).sort()).toEqual([goal['P3.1'], goal['B2.1']].sort());
    expect(await activityCount()).toBe(before + 1);
    expect((await list(s.office, `&q=${encodeURIComponent('技能攻关')}`)).items.map((x) => x.id)).toContain(a.id);
    const upd = await call(t.app, s.liaison, 'PATCH', `/api/v1/activities/${a.id}`, { participants: 25, goalIds: [goal['B2.1']], projectId: null, version: 1 });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ participants: 25, projectId: null, version: 2, goals: [{ id: goal['B2.1'] }] });
    const stale = await call(t.app, s.liaison, 'PATCH', `/api/v1/activities/${a.id}`, { title: '旧版本覆盖', version: 1 });
    expectError(stale, 409, 'VERSION_CONFLICT');
    expect((await call(t.app, s.office, 'GET', `/api/v1/activities/${a.id}`)).json().title).toBe(a.title);
    expect((await call(t.app, s.liaison, 'DELETE', `/api/v1/activities/${a.id}`)).statusCode).toBe(200);
    expect(await activityCount()).toBe(before);
    expect(await count('select count(*)::int as n from activity_goals where tenant_id = $1 and activity_id = $2', [tenantId, a.id])).toBe(0);
    const audit = await t.sql<{ action: string }>("select action from audit_log where tenant_id = $1 and entity = 'activity' and entity_id = $2 order by seq", [tenantId, a.id]);
    expect(audit.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses bad input naming the field, out-of-scope units and roles without the permission, writing nothing', async () => {
    const [n, audits] = [await activityCount(), await auditCount()];
    expect(fieldOf(await create(s.office, { kind: 'party' }))).toContain('body.kind');
    expect(fieldOf(await create(s.office, { title: '  ' }))).toContain('body.title');
    expect(fieldOf(await create(s.office, { heldOn: '2026-02-30' }))).toContain('body.heldOn');
    expect(fieldOf(await create(s.office, { participants: -1 }))).toContain('body.participants');
    expect(fieldOf(await create(s.office, { unitId: 'not-a-uuid' }))).toContain('body.unitId');
    expect(fieldOf(await create(s.office, { unitId: '00000000-0000-4000-8000-000000000000' }))).toContain('body.unitId');
    expect(fieldOf(await create(s.office, { goalIds: ['00000000-0000-4000-8000-000000000000'] }))).toContain('body.goalIds');
    expect(fieldOf(await create(s.office, { goalIds: [goal['P3.1'], goal['P3.1']] }))).toContain('body.goalIds.1');
    expect(fieldOf(await create(s.office, { projectId: benchmarkId }))).toContain('body.projectId');
    const [otherStudio] = await t.sql<{ id: string }>("select id from innovation_projects where tenant_id = $1 and kind = 'dual_leader_studio' and unit_id <> $2 and unit_id <> $3 limit 1", [tenantId, u['JD-JG'], u['JD-XY']]);
    expect(fieldOf(await create(s.liaison, { projectId: otherStudio.id }))).toContain('body.projectId');
    expect(fieldOf(await create(s.office, { extra: 1 }))).toEqual(expect.arrayContaining([expect.stringContaining('body')]));
    const out = expectError(await create(s.liaison, { unitId: u.DZB, projectId: null }), 403, 'OUT_OF_SCOPE');
    expect((out.details as { issues: { path: string }[] }).issues[0].path).toBe('body.unitId');
    for (const who of [s.inspector, s.leader, s.member, s.auditor]) expectError(await create(who), 403);
    expect([await activityCount(), await auditCount()]).toEqual([n, audits]);
  });

  it('lets unit heads write in their unit; keeps photos and files through the shared store', async () => {
    const a = (await create(s.unithead, { projectId: null })).json() as Activity;
    const upload = (who: Session, id: string) => {
      const mp = multipartFile(Buffer.from('活动照片说明\n'), '活动照片.txt', 'file', 'text/plain');
      const b = mp.headers['content-type'].split('boundary=')[1];
      const form = Buffer.concat([
        Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="entity"\r\n\r\nactivity\r\n`),
        Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="entityId"\r\n\r\n${id}\r\n`),
        mp.payload,
      ]);
      return t.app.inject({ method: 'POST', url: '/api/v1/attachments', payload: form, headers: { ...who.headers, ...mp.headers } });
    };
    const res = await upload(s.liaison, a.id);
    expect(res.statusCode, res.body).toBe(201);
    expect((await call(t.app, s.office, 'GET', `/api/v1/activities/${a.id}`)).json().fileCount).toBe(1);
    const [foreign] = await t.sql<{ id: string }>('select id from activities where tenant_id = $1 and unit_id = $2 limit 1', [tenantId, u.XCB]);
    expect((await upload(s.liaison, foreign.id)).statusCode).toBe(404);
    expect((await upload(s.inspector, a.id)).statusCode).toBe(403);
  });

  it('counts by kind and unit within the scope', async () => {
    const st = (await call(t.app, s.office, 'GET', '/api/v1/activities/stats?from=2026-01-01&to=2026-12-31')).json() as ActivityStats;
    expect(st.total.count).toBe(await count("select count(*)::int as n from activities where tenant_id = $1 and held_on between '2026-01-01' and '2026-12-31'", [tenantId]));
    expect(st.byKind.reduce((x, k) => x + k.count, 0)).toBe(st.total.count);
    expect(st.byUnit.reduce((x, k) => x + k.participants, 0)).toBe(st.total.participants);
    const mine = (await call(t.app, s.liaison, 'GET', '/api/v1/activities/stats')).json() as ActivityStats;
    expect(mine.total.count).toBe(await byCodes('JD-%'));
    expectError(await call(t.app, s.office, 'GET', '/api/v1/activities/stats?from=2026-06-01&to=2026-01-01'), 400);
  });

  it('exports the filtered list to a real xlsx with Chinese headers', async () => {
    const res = await call(t.app, s.office, 'GET', '/api/v1/activities/export?kind=seminar');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readWorkbook(res.rawPayload);
    expect(rows[0].slice(0, 5)).toEqual(['类别', '活动名称', '单位', '日期', '参加人数']);
    expect(rows.length - 1).toBe(await count("select count(*)::int as n from activities where tenant_id = $1 and kind = 'seminar'", [tenantId]));
    expect(rows.slice(1).every((r) => r[0] === '座谈会')).toBe(true);
    const scoped = await readWorkbook((await call(t.app, s.liaison, 'GET', '/api/v1/activities/export')).rawPayload);
    expect(scoped.length - 1).toBe(await byCodes('JD-%'));
  });

  it('follows the role × permission matrix (list, create in scope, export)', async () => {
    for (const role of roles) {
      const who = await login(t.app, demoUser[role]);
      const res = await call(t.app, who, 'GET', '/api/v1/activities?pageSize=1');
      if (hasPermission([role], 'execute.activity.read')) expect(res.statusCode, role).toBe(200);
      else expectError(res, 403, 'FORBIDDEN');
      const exp = await call(t.app, who, 'GET', '/api/v1/activities/export?kind=forum');
      expect(exp.statusCode, role).toBe(hasPermission([role], 'execute.activity.read') ? 200 : 403);
      const made = await create(who, { title: `权限矩阵${role}`, projectId: null });
      if (hasPermission([role], 'execute.activity.write')) expect(made.statusCode, `${role} ${made.body}`).toBe(201);
      else expectError(made, 403);
    }
  });
});
