import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ResearchTopic, ResearchTopicDetail } from '@santong/contract';
import { todayIn } from '../../src/modules/tasks/task.rules.js';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';
import { makeTenant } from '../setup/factories.js';
import { readWorkbook } from '../setup/xlsx.js';

describeDb('research topics', () => {
  let t: TestApp;
  let tenantId: string;
  let s: Record<'office' | 'leader' | 'liaison' | 'member', Session>;
  const u: Record<string, string> = {};
  let leaders: string[];
  const today = todayIn('Asia/Shanghai');
  const later = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`.replace(/-02-29$/, '-02-28');

  const count = async (q: string, params: unknown[] = []) => (await t.sql<{ n: number }>(q, params))[0].n;
  const topicCount = () => count('select count(*)::int as n from research_topics where tenant_id = $1', [tenantId]);
  const taskCount = () => count('select count(*)::int as n from tasks where tenant_id = $1', [tenantId]);
  const auditCount = () => count('select count(*)::int as n from audit_log where tenant_id = $1', [tenantId]);
  const auditOf = (entity: string, id: string) =>
    t.sql<{ action: string }>('select action from audit_log where tenant_id = $1 and entity = $2 and entity_id = $3 order by seq', [tenantId, entity, id]);

  const create = (who: Session, over: Record<string, unknown> = {}) =>
    call(t.app, who, 'POST', '/api/v1/research-topics', { title: '职业教育数字化转型的调研', problemArea: '数字化校园', leaderPersonId: leaders[3], unitIds: [u.JWC, u['JD-XY']], ...over });

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    for (const c of ['DW', 'JWC', 'KYC', 'JD-XY', 'JD-ZZ', 'YS-XY', 'HQC', 'XGC']) u[c] = await unitIdByCode(t, c);
    s = { office: await login(t.app, 'office'), leader: await login(t.app, 'leader'), liaison: await login(t.app, 'liaison'), member: await login(t.app, 'member') };
    leaders = (await t.sql<{ id: string }>("select p.id from people p join units u on u.id = p.unit_id where p.tenant_id = $1 and u.code = 'DW' order by p.staff_no", [tenantId])).map((r) => r.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the ten seeded topics at various stages, with problems and rectification tasks', async () => {
    const res = await call(t.app, s.office, 'GET', '/api/v1/research-topics?pageSize=50&sort=status');
    expect(res.statusCode, res.body).toBe(200);
    const { items, total } = res.json() as { items: ResearchTopic[]; total: number };
    expect(total).toBe(10);
    expect(new Set(items.map((x) => x.status)).size).toBeGreaterThanOrEqual(4);
    expect(items.map((x) => x.problemArea)).toEqual(expect.arrayContaining(['党建品牌建设', '产教融合', '三全育人', '国际合作交流']));
    expect(items.reduce((a, x) => a + x.rectifiedCount, 0)).toBe(await count('select count(*)::int as n from research_problems where tenant_id = $1 and rectification_task_id is not null', [tenantId]));
    expect(items.some((x) => x.doneCount > 0)).toBe(true);
    const q = (await call(t.app, s.office, 'GET', `/api/v1/research-topics?q=${encodeURIComponent('产教融合')}`)).json();
    expect(q.items.map((x: ResearchTopic) => x.problemArea)).toContain('产教融合');
    const byUnit = (await call(t.app, s.office, 'GET', `/api/v1/research-topics?unitId=${u.HQC}`)).json();
    expect(byUnit.total).toBe(await count('select count(*)::int as n from research_topic_units where tenant_id = $1 and unit_id = $2', [tenantId, u.HQC]));
  });

  it('creates a topic and moves it forward one step at a time (409 otherwise), auditing each step', async () => {
    const res = await create(s.office);
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json() as ResearchTopicDetail;
    expect(d).toMatchObject({ status: 'proposed', version: 1, problemCount: 0, leaderPersonId: leaders[3] });
    expect(d.units.map((x) => x.id).sort()).toEqual([u.JWC, u['JD-XY']].sort());
    let version = d.version;
    expectError(await call(t.app, s.office, 'PATCH', `/api/v1/research-topics/${d.id}`, { status: 'in_progress', version }), 409, 'RESEARCH_STATUS_INVALID');
    for (const status of ['approved', 'in_progress', 'reported']) {
      const r = await call(t.app, s.office, 'PATCH', `/api/v1/research-topics/${d.id}`, { status, version });
      expect(r.statusCode, r.body).toBe(200);
      version = r.json().version;
    }
    expectError(await call(t.app, s.office, 'PATCH', `/api/v1/research-topics/${d.id}`, { status: 'approved', version }), 409, 'RESEARCH_STATUS_INVALID');
    expectError(await call(t.app, s.office, 'PATCH', `/api/v1/research-topics/${d.id}`, { status: 'finished', version }), 400, 'VALIDATION_FAILED');
    expectError(await call(t.app, s.office, 'PATCH', `/api/v1/research-topics/${d.id}`, { findings: '旧', version: 1 }), 409, 'VERSION_CONFLICT');
    const [doc] = await t.sql<{ id: string }>('select id from documents where tenant_id = $1 limit 1', [tenantId]);
    const rep = await call(t.app, s.office, 'PATCH', `/api/v1/research-topics/${d.id}`, { reportDocumentId: doc.id, findings: '形成调研报告一份', version });
    expect(rep.statusCode, rep.body).toBe(200);
    expect(rep.json().reportDocument.id).toBe(doc.id);
    expect((await auditOf('research_topic', d.id)).map((a) => a.action)).toEqual(['create', 'transition', 'transition', 'transition', 'update']);
    expect((await call(t.app, s.office, 'DELETE', `/api/v1/research-topics/${d.id}`)).statusCode).toBe(200);
    expectError(await call(t.app, s.office, 'GET', `/api/v1/research-topics/${d.id}`), 404, 'RESEARCH_TOPIC_NOT_FOUND');
  });

  it('refuses bad input with 400 naming the field, writing nothing', async () => {
    const other = await makeTenant(t);
    const [foreignDoc] = await t.sql<{ id: string }>("insert into documents (tenant_id, kind, title) values ($1, 'report', '外租户报告') returning id", [other.id]);
    const before = [await topicCount(), await auditCount()];
    const cases: [Record<string, unknown>, string][] = [
      [{ leaderPersonId: crypto.randomUUID() }, 'body.leaderPersonId'],
      [{ unitIds: [crypto.randomUUID()] }, 'body.unitIds'],
      [{ unitIds: [] }, 'body.unitIds'],
      [{ unitIds: [u.JWC, u.JWC] }, 'body.unitIds.1'],
      [{ reportDocumentId: foreignDoc.id }, 'body.reportDocumentId'],
      [{ campaignId: crypto.randomUUID() }, 'body.campaignId'],
      [{ title: '' }, 'body.title'],
    ];
    for (const [over, path] of cases) {
      const err = expectError(await create(s.office, over), 400);
      expect(((err.details?.issues ?? []) as { path: string }[]).map((i) => i.path), JSON.stringify(over)).toContain(path);
    }
    expect([await topicCount(), await auditCount()]).toEqual(before);
  });

  it('turns a problem into a rectification task in one step, linked both ways and tracked to done', async () => {
    const topic = (await create(s.office)).json() as ResearchTopicDetail;
    const p = await call(t.app, s.office, 'POST', `/api/v1/research-topics/${topic.id}/problems`, { description: '课程标准更新滞后于产业技术发展', ownerUnitId: u.JWC });
    expect(p.statusCode, p.body).toBe(201);
    const problem = p.json();
    expectError(await call(t.app, s.office, 'POST', `/api/v1/research-topics/${topic.id}/problems`, { description: '无单位', ownerUnitId: crypto.randomUUID() }), 400);

    const tasksBefore = await taskCount();
    const bad = expectError(await call(t.app, s.office, 'POST', `/api/v1/research-problems/${problem.id}/rectify`, { dueDate: '2020-01-01' }), 400);
    expect((bad.details?.issues as { path: string }[])[0].path).toBe('body.dueDate');
    expect(await taskCount()).toBe(tasksBefore);

    const r = await call(t.app, s.office, 'POST', `/api/v1/research-problems/${problem.id}/rectify`, { dueDate: later });
    expect(r.statusCode, r.body).toBe(201);
    const { task, problem: linked } = r.json();
    expect(linked.rectificationTaskId).toBe(task.id);
    expect(task).toMatchObject({ status: 'planned', startDate: today, dueDate: later, done: false });
    const [row] = await t.sql<Record<string, unknown>>('select * from tasks where id = $1', [task.id]);
    const [camp] = await t.sql<{ campaign_id: string }>('select campaign_id from research_topics where id = $1', [topic.id]);
    expect(row).toMatchObject({ tenant_id: tenantId, category: 'rectification', owner_unit_id: u.JWC, campaign_id: camp.campaign_id, status: 'planned', responsible_person_id: leaders[3] });
    expect(row.created_by).toBe(s.office.user.id);
    expect(await taskCount()).toBe(tasksBefore + 1);
    expect((await auditOf('task', task.id)).map((a) => a.action)).toEqual(['create']);
    expect((await auditOf('research_problem', problem.id)).map((a) => a.action)).toEqual(['create', 'rectify']);
    expectError(await call(t.app, s.office, 'POST', `/api/v1/research-problems/${problem.id}/rectify`, { dueDate: later }), 409, 'PROBLEM_ALREADY_RECTIFIED');
    expect(await taskCount()).toBe(tasksBefore + 1);

    // The topic page follows the task to done.
    await t.sql("update tasks set status = 'done', progress = 100 where id = $1", [task.id]);
    const page = (await call(t.app, s.office, 'GET', `/api/v1/research-topics/${topic.id}`)).json() as ResearchTopicDetail;
    expect(page).toMatchObject({ problemCount: 1, rectifiedCount: 1, doneCount: 1 });
    expect(page.problems[0].task).toMatchObject({ id: task.id, status: 'done', progress: 100, done: true });
    expectError(await call(t.app, s.office, 'DELETE', `/api/v1/research-problems/${problem.id}`), 409, 'PROBLEM_ALREADY_RECTIFIED');
    expectError(await call(t.app, s.office, 'DELETE', `/api/v1/research-topics/${topic.id}`), 409, 'TOPIC_HAS_TASKS');
  });

  it('scope: a leader sees and writes the topics they lead or that touch their units; others are not revealed', async () => {
    const personId = s.leader.user.personId!;
    const scope = s.leader.user.scope.unitIds;
    const list = (await call(t.app, s.leader, 'GET', '/api/v1/research-topics?pageSize=100')).json() as { items: ResearchTopic[]; total: number };
    const expected = await count(
      `select count(*)::int as n from research_topics t where t.tenant_id = $1 and (t.leader_person_id = $2
         or exists (select 1 from research_topic_units tu where tu.topic_id = t.id and tu.unit_id = any($3::uuid[])))`,
      [tenantId, personId, `{${scope.join(',')}}`],
    );
    expect(list.total).toBe(expected);
    expect(list.items.every((x) => x.leaderPersonId === personId || x.units.some((un) => scope.includes(un.id)))).toBe(true);
    const [foreign] = await t.sql<{ id: string }>(
      'select t.id from research_topics t where t.tenant_id = $1 and t.leader_person_id <> $2 and not exists (select 1 from research_topic_units tu where tu.topic_id = t.id and tu.unit_id = any($3::uuid[])) limit 1',
      [tenantId, personId, `{${scope.join(',')}}`],
    );
    expectError(await call(t.app, s.leader, 'GET', `/api/v1/research-topics/${foreign.id}`), 404, 'RESEARCH_TOPIC_NOT_FOUND');
    expectError(await call(t.app, s.leader, 'POST', `/api/v1/research-topics/${foreign.id}/problems`, { description: 'x', ownerUnitId: u.JWC }), 404);
    // A leader may open a topic they lead, or one kept to their units; not one for other units led by someone else.
    expect((await create(s.leader, { leaderPersonId: personId, unitIds: [u['YS-XY']] })).statusCode).toBe(201);
    expect((await create(s.leader, { leaderPersonId: leaders[0], unitIds: [u.KYC] })).statusCode).toBe(201);
    expectError(await create(s.leader, { leaderPersonId: leaders[0], unitIds: [u['YS-XY']] }), 403, 'OUT_OF_SCOPE');
    // Liaisons read their unit's topics but do not write them; members see none.
    expect((await call(t.app, s.liaison, 'GET', '/api/v1/research-topics')).statusCode).toBe(200);
    expectError(await create(s.liaison), 403, 'FORBIDDEN');
    expectError(await call(t.app, s.member, 'GET', '/api/v1/research-topics'), 403, 'FORBIDDEN');
  });

  it('exports the filtered list with Chinese headers', async () => {
    const res = await call(t.app, s.office, 'GET', '/api/v1/research-topics/export?status=closed');
    expect(res.statusCode).toBe(200);
    const rows = await readWorkbook(res.rawPayload);
    expect(rows[0].slice(0, 5)).toEqual(['课题名称', '问题领域', '牵头校领导', '参与单位', '状态']);
    expect(rows.length - 1).toBe(await count("select count(*)::int as n from research_topics where tenant_id = $1 and status = 'closed'", [tenantId]));
    expect(rows.slice(1).every((r) => r[4] === '已结题')).toBe(true);
  });
});
