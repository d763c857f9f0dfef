import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Task, TaskExtension } from '@santong/contract';
import { generateDueInstances } from '../../src/modules/tasks/task.recurring.js';
import { systemActor } from '../../src/platform/context.js';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';

/** The assignment flow around a task: 下发 → 签收 → 办理, extensions, recurrence, comments and follows. */
describeDb('tasks flow', () => {
  let t: TestApp;
  let tenantId: string;
  let campaignId: string;
  let s: Record<'office' | 'leader' | 'liaison' | 'unithead', Session>;
  const unit: Record<string, string> = {};

  const audit = async (entity: string, id: string) =>
    (await t.sql<{ action: string }>('select action from audit_log where tenant_id = $1 and entity = $2 and entity_id = $3 order by seq', [tenantId, entity, id])).map((r) => r.action);
  const create = async (o: Record<string, unknown> = {}) => {
    const res = await call(t.app, s.office, 'POST', '/api/v1/tasks', {
      campaignId, title: `流程任务${crypto.randomBytes(3).toString('hex')}`, category: 'project', ownerUnitId: unit['JD-XY'],
      startDate: '2026-03-01', dueDate: '2026-12-20', ...o,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Task;
  };
  const get = async (id: string, who = s.office) => (await call(t.app, who, 'GET', `/api/v1/tasks/${id}`)).json() as Task;

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    [{ id: campaignId }] = await t.sql<{ id: string }>('select id from campaigns where tenant_id = $1 order by start_date desc limit 1', [tenantId]);
    for (const code of ['JD-XY', 'XX-XY', 'DZB']) unit[code] = await unitIdByCode(t, code);
    s = { office: await login(t.app, 'office'), leader: await login(t.app, 'leader'), liaison: await login(t.app, 'liaison'), unithead: await login(t.app, 'unithead') };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('issues a task to its unit, which signs for it; unsigned ones are flagged after two days', async () => {
    const k = await create();
    expectError(await call(t.app, s.liaison, 'POST', `/api/v1/tasks/${k.id}/sign`), 409, 'TASK_STATE_INVALID'); // not issued yet
    expectError(await call(t.app, s.liaison, 'POST', `/api/v1/tasks/${k.id}/issue`), 403, 'FORBIDDEN');
    const issued = (await call(t.app, s.office, 'POST', `/api/v1/tasks/${k.id}/issue`)).json() as Task;
    expect(issued.issuedAt).toBeTruthy();
    expect(issued.unsignedOverdue).toBe(false);
    expectError(await call(t.app, s.office, 'POST', `/api/v1/tasks/${k.id}/issue`), 409, 'TASK_STATE_INVALID');
    expect((await get(k.id, s.liaison)).can.sign).toBe(true);

    await t.sql("update tasks set issued_at = now() - interval '3 days' where id = $1", [k.id]);
    expect((await get(k.id)).unsignedOverdue).toBe(true);
    const flagged = (await call(t.app, s.office, 'GET', '/api/v1/tasks?unsignedOverdue=true&pageSize=500')).json();
    expect(flagged.items.map((x: Task) => x.id)).toContain(k.id);
    expect(flagged.items.every((x: Task) => x.unsignedOverdue)).toBe(true);

    expectError(await call(t.app, s.office, 'POST', `/api/v1/tasks/${k.id}/sign`), 403, 'FORBIDDEN');
    const signed = (await call(t.app, s.liaison, 'POST', `/api/v1/tasks/${k.id}/sign`)).json() as Task;
    expect(signed).toMatchObject({ status: 'in_progress', unsignedOverdue: false, signedByName: s.liaison.user.displayName });
    expect(signed.signedAt).toBeTruthy();
    expectError(await call(t.app, s.liaison, 'POST', `/api/v1/tasks/${k.id}/sign`), 409, 'TASK_STATE_INVALID');
    expect((await call(t.app, s.office, 'GET', '/api/v1/tasks?unsignedOverdue=true&pageSize=500')).json().items.map((x: Task) => x.id)).not.toContain(k.id);
    expect(await audit('task', k.id)).toEqual(['create', 'issue', 'sign']);

    const shared = await create({ ownerUnitId: unit.DZB, coUnitIds: [unit['JD-XY']] });
    await call(t.app, s.office, 'POST', `/api/v1/tasks/${shared.id}/issue`);
    expectError(await call(t.app, s.liaison, 'POST', `/api/v1/tasks/${shared.id}/sign`), 403, 'OUT_OF_SCOPE');
    const foreign = await create({ ownerUnitId: unit['XX-XY'] });
    await call(t.app, s.office, 'POST', `/api/v1/tasks/${foreign.id}/issue`);
    expectError(await call(t.app, s.unithead, 'POST', `/api/v1/tasks/${foreign.id}/sign`), 404, 'TASK_NOT_FOUND');
    expect((await get(foreign.id)).signedAt).toBeNull();
  });

  it('lets the owner ask for an extension and the office approve or reject it', async () => {
    const k = await create({ dueDate: '2026-12-10' });
    const ask = (newDueDate: string, who = s.liaison) => call(t.app, who, 'POST', `/api/v1/tasks/${k.id}/extensions`, { newDueDate, reason: '设备到货推迟' });
    const early = expectError(await ask('2026-12-01'), 400, 'VALIDATION_FAILED');
    expect(early.details?.issues).toEqual([expect.objectContaining({ path: 'body.newDueDate' })]);
    expectError(await ask('2026-12-20', s.leader), 403, 'FORBIDDEN');
    const first = await ask('2026-12-20');
    expect(first.statusCode, first.body).toBe(201);
    const ext = first.json() as TaskExtension;
    expect(ext).toMatchObject({ status: 'pending', oldDueDate: '2026-12-10', newDueDate: '2026-12-20', requestedByName: s.liaison.user.displayName });
    expectError(await ask('2026-12-25'), 409, 'TASK_STATE_INVALID');
    expect((await get(k.id, s.office)).can.decideExtension).toBe(true);
    const pending = (await call(t.app, s.office, 'GET', '/api/v1/task-extensions?status=pending')).json();
    expect(pending.items.map((e: TaskExtension) => e.id)).toContain(ext.id);

    expectError(await call(t.app, s.liaison, 'POST', `/api/v1/task-extensions/${ext.id}/approve`, {}), 403, 'FORBIDDEN');
    const approved = await call(t.app, s.office, 'POST', `/api/v1/task-extensions/${ext.id}/approve`, { note: '同意' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decisionNote: '同意' });
    const after = await get(k.id);
    expect(after).toMatchObject({ dueDate: '2026-12-20', extensionCount: 1, pendingExtension: false, version: k.version + 1 });
    expectError(await call(t.app, s.office, 'POST', `/api/v1/task-extensions/${ext.id}/reject`, {}), 409, 'TASK_STATE_INVALID');
    expectError(await call(t.app, s.office, 'POST', `/api/v1/task-extensions/${crypto.randomUUID()}/approve`, {}), 404, 'TASK_EXTENSION_NOT_FOUND');

    const second = (await ask('2026-12-28')).json() as TaskExtension;
    const rejected = (await call(t.app, s.office, 'POST', `/api/v1/task-extensions/${second.id}/reject`, { note: '请按期完成' })).json();
    expect(rejected.status).toBe('rejected');
    expect((await get(k.id)).dueDate).toBe('2026-12-20');
    expect((await call(t.app, s.liaison, 'GET', `/api/v1/tasks/${k.id}/extensions`)).json().total).toBe(2);
    expect(await audit('task_extension', ext.id)).toEqual(['request', 'approve']);
    expect(await audit('task', k.id)).toEqual(['create', 'extend']);

    const stats = (await call(t.app, s.office, 'GET', `/api/v1/tasks/extension-stats?campaignId=${campaignId}`)).json();
    expect(stats.byTask.find((r: { taskId: string }) => r.taskId === k.id)).toMatchObject({ count: 2, approved: 1, rejected: 1, pending: 0 });
    const [{ n }] = await t.sql<{ n: number }>(
      'select count(*)::int as n from task_extensions e join tasks k on k.id = e.task_id where e.tenant_id = $1 and k.owner_unit_id = $2',
      [tenantId, unit['JD-XY']],
    );
    expect(stats.byUnit.find((r: { unitId: string }) => r.unitId === unit['JD-XY']).count).toBe(n);

    const sub = await create({ parentId: k.id, campaignId: undefined, startDate: '2026-04-01', dueDate: '2026-12-01' });
    const past = expectError(await call(t.app, s.liaison, 'POST', `/api/v1/tasks/${sub.id}/extensions`, { newDueDate: '2026-12-25', reason: '顺延' }), 400);
    expect(past.message).toMatch(/parent/);
  });

  it('generates the instances of a recurring task once per period', async () => {
    const k = await create({ recurrence: 'monthly', startDate: '2026-01-15', dueDate: '2026-12-31', goalIds: [] });
    const gen = (until?: string) => call(t.app, s.office, 'POST', `/api/v1/tasks/${k.id}/generate-instances`, until ? { until } : {});
    const first = (await gen('2026-04-10')).json();
    expect(first).toEqual({ created: 4, keys: ['2026-01', '2026-02', '2026-03', '2026-04'] });
    expect((await gen('2026-04-30')).json()).toEqual({ created: 0, keys: [] });
    expect((await gen('2026-06-01')).json().keys).toEqual(['2026-05', '2026-06']);
    const kids = (await call(t.app, s.office, 'GET', `/api/v1/tasks?parentId=${k.id}&sort=startDate`)).json().items as Task[];
    expect(kids.map((x) => [x.recurrenceKey, x.startDate, x.dueDate])).toEqual([
      ['2026-01', '2026-01-15', '2026-01-31'], ['2026-02', '2026-02-01', '2026-02-28'], ['2026-03', '2026-03-01', '2026-03-31'],
      ['2026-04', '2026-04-01', '2026-04-30'], ['2026-05', '2026-05-01', '2026-05-31'], ['2026-06', '2026-06-01', '2026-06-30'],
    ]);
    expect(kids.every((x) => x.recurrenceOf === k.id && x.recurrence === 'none')).toBe(true);

    // The scheduled job's entry point: everything up to a month ahead, nothing twice.
    const made = await t.db.transaction((tx) => generateDueInstances(tx, systemActor(tenantId), '2026-11-28'));
    expect(made).toBeGreaterThanOrEqual(6); // 2026-07 … 2026-12 of this task
    expect(await t.db.transaction((tx) => generateDueInstances(tx, systemActor(tenantId), '2026-11-28'))).toBe(0);
    const [{ n }] = await t.sql<{ n: number }>('select count(*)::int as n from tasks where recurrence_of = $1', [k.id]);
    expect(n).toBe(12);

    const plain = await create();
    expectError(await call(t.app, s.office, 'POST', `/api/v1/tasks/${plain.id}/generate-instances`, {}), 409, 'TASK_STATE_INVALID');
    expectError(await call(t.app, s.liaison, 'POST', `/api/v1/tasks/${k.id}/generate-instances`, {}), 403, 'FORBIDDEN');
  });

  it('takes comments from leaders and the office, and follows by anyone who sees the task', async () => {
    const k = await create();
    const hidden = await create({ ownerUnitId: unit['XX-XY'] });
    const said = await call(t.app, s.leader, 'POST', `/api/v1/tasks/${k.id}/comments`, { body: '请加快进度，月底前见成效。' });
    expect(said.statusCode, said.body).toBe(201);
    expect(said.json()).toMatchObject({ authorName: s.leader.user.displayName, mine: true });
    await call(t.app, s.office, 'POST', `/api/v1/tasks/${k.id}/comments`, { body: '已纳入每周一调度。' });
    const thread = (await call(t.app, s.liaison, 'GET', `/api/v1/tasks/${k.id}/comments`)).json();
    expect(thread.items.map((c: { body: string }) => c.body)).toEqual(['请加快进度，月底前见成效。', '已纳入每周一调度。']);
    expect(thread.items.every((c: { mine: boolean }) => !c.mine)).toBe(true);
    expectError(await call(t.app, s.liaison, 'POST', `/api/v1/tasks/${k.id}/comments`, { body: '收到' }), 403, 'FORBIDDEN');
    expectError(await call(t.app, s.leader, 'POST', `/api/v1/tasks/${k.id}/comments`, { body: '  ' }), 400, 'VALIDATION_FAILED');
    expectError(await call(t.app, s.leader, 'GET', `/api/v1/tasks/${hidden.id}/comments`), 404, 'TASK_NOT_FOUND');

    expect((await call(t.app, s.leader, 'POST', `/api/v1/tasks/${k.id}/follow`)).json()).toEqual({ followed: true });
    expect((await call(t.app, s.leader, 'POST', `/api/v1/tasks/${k.id}/follow`)).json()).toEqual({ followed: true });
    const mine = (await call(t.app, s.leader, 'GET', '/api/v1/tasks?followed=true&pageSize=500')).json();
    expect(mine.items.map((x: Task) => x.id)).toContain(k.id);
    expect(mine.items.every((x: Task) => x.followed)).toBe(true);
    expect((await call(t.app, s.office, 'GET', '/api/v1/tasks?followed=true&pageSize=500')).json().items.map((x: Task) => x.id)).not.toContain(k.id);
    await call(t.app, s.leader, 'DELETE', `/api/v1/tasks/${k.id}/follow`);
    expect((await get(k.id, s.leader)).followed).toBe(false);
    expectError(await call(t.app, s.leader, 'POST', `/api/v1/tasks/${hidden.id}/follow`), 404, 'TASK_NOT_FOUND');
    expect(await audit('task', k.id)).toEqual(['create', 'comment', 'comment', 'follow', 'unfollow']);
  });
});
