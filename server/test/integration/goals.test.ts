import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Goal } from '@santong/contract';
import { checkGoalIds } from '../../src/modules/goals/goals.service.js';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, type Session, type TestApp } from '../setup/db.js';
import { makeTenant } from '../setup/factories.js';
import { readWorkbook } from '../setup/xlsx.js';

describeDb('goals', () => {
  let t: TestApp;
  let tenantId: string;
  let s: Record<'office' | 'leader' | 'member' | 'liaison' | 'auditor', Session>;

  const count = async (sql: string, params: unknown[] = []) => (await t.sql<{ n: number }>(sql, params))[0].n;
  const goalCount = () => count('select count(*)::int as n from goals where tenant_id = $1', [tenantId]);
  const auditOf = (id: string) => t.sql<{ action: string }>('select action from audit_log where tenant_id = $1 and entity = $2 and entity_id = $3 order by seq', [tenantId, 'goal', id]);
  const byCode = async (code: string) => (await call(t.app, s.office, 'GET', '/api/v1/goals')).json().items.find((g: Goal) => g.code === code) as Goal;

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    s = {
      office: await login(t.app, 'office'),
      leader: await login(t.app, 'leader'),
      member: await login(t.app, 'member'),
      liaison: await login(t.app, 'liaison'),
      auditor: await login(t.app, 'auditor'),
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the seeded trees of both tracks to every working role', async () => {
    const res = await call(t.app, s.member, 'GET', '/api/v1/goals?track=business');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Goal[];
    const roots = items.filter((g) => !g.parentId).map((g) => g.name);
    expect(roots).toEqual(['立德树人·三全育人', '“双高计划”建设', '民生福祉·急难愁盼', '高质量发展']);
    for (const root of items.filter((g) => !g.parentId)) {
      const children = items.filter((g) => g.parentId === root.id);
      expect(children.length).toBeGreaterThanOrEqual(2);
      expect(children.every((c) => c.code!.startsWith(`${root.code}.`))).toBe(true);
    }
    const party = (await call(t.app, s.leader, 'GET', '/api/v1/goals?track=party')).json().items as Goal[];
    expect(party.filter((g) => !g.parentId).map((g) => g.name)).toEqual(expect.arrayContaining(['政治建设', '思想建设·理论学习', '组织建设', '作风建设', '纪律建设']));
    expect(party.every((g) => g.track === 'party')).toBe(true);
    const q = (await call(t.app, s.liaison, 'GET', `/api/v1/goals?q=${encodeURIComponent('双高')}`)).json().items as Goal[];
    expect(q.map((g) => g.code)).toEqual(['B2']);
    expectError(await call(t.app, s.auditor, 'GET', '/api/v1/goals'), 403, 'FORBIDDEN');
  });

  it('exports the goals with Chinese headers', async () => {
    const res = await call(t.app, s.office, 'GET', '/api/v1/goals/export?track=party');
    expect(res.statusCode).toBe(200);
    const rows = await readWorkbook(res.rawPayload);
    expect(rows[0]).toEqual(['序列', '编码', '名称', '上级目标', '说明', '关联任务数', '关联学习数']);
    expect(rows.slice(1).every((r) => r[0] === '党建目标')).toBe(true);
    expect(rows.find((r) => r[1] === 'P1.1')?.[3]).toBe('政治建设');
  });

  it('creates, renames and deletes a goal with an audit row for each write', async () => {
    const parent = await byCode('B2');
    const res = await call(t.app, s.office, 'POST', '/api/v1/goals', { track: 'business', parentId: parent.id, code: 'B2.9', name: '职业技能竞赛', sortOrder: 90 });
    expect(res.statusCode, res.body).toBe(201);
    const g = res.json() as Goal;
    expect(g).toMatchObject({ track: 'business', parentId: parent.id, code: 'B2.9', version: 1, taskCount: 0 });
    const upd = await call(t.app, s.office, 'PATCH', `/api/v1/goals/${g.id}`, { name: '职业技能大赛', version: 1 });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ name: '职业技能大赛', version: 2 });
    expectError(await call(t.app, s.office, 'PATCH', `/api/v1/goals/${g.id}`, { name: '旧版本', version: 1 }), 409, 'VERSION_CONFLICT');
    expect((await call(t.app, s.office, 'DELETE', `/api/v1/goals/${g.id}`)).statusCode).toBe(200);
    expectError(await call(t.app, s.office, 'GET', `/api/v1/goals/${g.id}`), 404, 'GOAL_NOT_FOUND');
    expect((await auditOf(g.id)).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses bad parents, duplicate codes and cycles, writing nothing', async () => {
    const before = await goalCount();
    const party = await byCode('P1');
    const other = await makeTenant(t);
    const [foreign] = await t.sql<{ id: string }>("insert into goals (tenant_id, track, name) values ($1, 'business', '外租户目标') returning id", [other.id]);
    const cases: [unknown, string][] = [
      [{ track: 'business', parentId: party.id, name: '跨序列' }, 'body.parentId'],
      [{ track: 'business', parentId: crypto.randomUUID(), name: '未知上级' }, 'body.parentId'],
      [{ track: 'business', parentId: foreign.id, name: '他租户上级' }, 'body.parentId'],
      [{ track: 'business', name: '' }, 'body.name'],
      [{ track: 'culture', name: '未知序列' }, 'body.track'],
    ];
    for (const [body, path] of cases) {
      const err = expectError(await call(t.app, s.office, 'POST', '/api/v1/goals', body), 400, 'VALIDATION_FAILED');
      expect((err.details?.issues as { path: string }[]).map((i) => i.path)).toContain(path);
    }
    const dup = expectError(await call(t.app, s.office, 'POST', '/api/v1/goals', { track: 'party', code: 'P1', name: '重复编码' }), 409, 'DUPLICATE');
    expect(dup.details?.issues).toEqual([{ path: 'body.code', message: 'already used' }]);
    const child = await byCode('P1.1');
    const cycle = expectError(await call(t.app, s.office, 'PATCH', `/api/v1/goals/${party.id}`, { parentId: child.id, version: party.version }), 400);
    expect(cycle.details?.issues).toEqual([{ path: 'body.parentId', message: 'a goal cannot move under itself' }]);
    expectError(await call(t.app, s.office, 'GET', `/api/v1/goals/${foreign.id}`), 404, 'GOAL_NOT_FOUND');
    expect(await goalCount()).toBe(before);
  });

  it('keeps goals that have sub-goals or are linked to tasks', async () => {
    const root = await byCode('B3');
    expectError(await call(t.app, s.office, 'DELETE', `/api/v1/goals/${root.id}`), 409, 'GOAL_HAS_CHILDREN');
    const leaf = await byCode('B3.3');
    await t.sql('insert into task_goals (tenant_id, task_id, goal_id) values ($1, $2, $3)', [tenantId, crypto.randomUUID(), leaf.id]);
    expect((await byCode('B3.3')).taskCount).toBeGreaterThanOrEqual(1);
    expectError(await call(t.app, s.office, 'DELETE', `/api/v1/goals/${leaf.id}`), 409, 'GOAL_IN_USE');
    expect(await count('select count(*)::int as n from goals where id = $1', [leaf.id])).toBe(1);
    expect((await auditOf(leaf.id)).length).toBe(0);
  });

  it('lets only the office write', async () => {
    for (const who of ['leader', 'liaison', 'member'] as const) {
      expectError(await call(t.app, s[who], 'POST', '/api/v1/goals', { track: 'party', name: '越权' }), 403, 'FORBIDDEN');
    }
  });

  it('checkGoalIds accepts this tenant’s goals and names the field for others', async () => {
    const [a, b] = [await byCode('P2.1'), await byCode('B1.1')];
    const found = await checkGoalIds(t.db, tenantId, [a.id, b.id, a.id]);
    expect(found.map((g) => g.track).sort()).toEqual(['business', 'party']);
    const other = await makeTenant(t);
    const [foreign] = await t.sql<{ id: string }>("insert into goals (tenant_id, track, name) values ($1, 'party', '外租户') returning id", [other.id]);
    await expect(checkGoalIds(t.db, tenantId, [a.id, foreign.id])).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'body.goalIds' }] } });
    await expect(checkGoalIds(t.db, tenantId, [crypto.randomUUID()], 'body.partyGoalIds')).rejects.toMatchObject({ details: { issues: [{ path: 'body.partyGoalIds' }] } });
  });
});
