import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Notification } from '@santong/contract';
import { tasks } from '../../src/db/schema/index.js';
import { notify, notifyRoles } from '../../src/platform/notify/notify.service.js';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';
import { makeTenant, makeUser } from '../setup/factories.js';

describeDb('notifications', () => {
  let t: TestApp;
  let tenantId: string;
  let s: Record<'office' | 'inspector' | 'liaison' | 'member', Session>;

  const count = async (q: string, params: unknown[] = []) => Number((await t.sql<{ n: number }>(q, params))[0].n);
  const unread = async (who: Session) => (await call(t.app, who, 'GET', '/api/v1/notifications/unread-count')).json().count as number;
  const list = async (who: Session, query: Record<string, string> = {}) =>
    (await call(t.app, who, 'GET', '/api/v1/notifications', undefined, { query })).json() as { items: Notification[]; total: number };

  const submitReport = async () => {
    const campaignId = (await t.sql<{ id: string }>('select id from campaigns where tenant_id = $1 limit 1', [tenantId]))[0].id;
    const [task] = await t.db
      .insert(tasks)
      .values({ tenantId, campaignId, title: '课程思政示范课程建设', category: 'project', ownerUnitId: await unitIdByCode(t, 'JD-XY'), startDate: '2026-03-01', dueDate: '2026-12-31' })
      .returning();
    const res = await call(t.app, s.liaison, 'POST', '/api/v1/progress-reports', { taskId: task.id, progress: 35, doneText: '完成两门示范课程录制' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; taskId: string };
  };

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    s = { office: await login(t.app, 'office'), inspector: await login(t.app, 'inspector'), liaison: await login(t.app, 'liaison'), member: await login(t.app, 'member') };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('tells the office and the working groups of a new report, and only them', async () => {
    const disabled = await makeUser(t, { roles: ['office'], status: 'disabled' });
    const before = { office: await unread(s.office), inspector: await unread(s.inspector), liaison: await unread(s.liaison), member: await unread(s.member) };
    const r = await submitReport();
    expect(await unread(s.office)).toBe(before.office + 1);
    expect(await unread(s.inspector)).toBe(before.inspector + 1);
    expect(await unread(s.liaison)).toBe(before.liaison);
    expect(await unread(s.member)).toBe(before.member);
    expect(await count('select count(*)::int as n from notifications where user_id = $1', [disabled.id])).toBe(0);

    const mine = await list(s.office, { unread: 'true', kind: 'report.submitted' });
    const n = mine.items.find((x) => x.entityId === r.id)!;
    expect(n).toMatchObject({ kind: 'report.submitted', entity: 'progress_report', readAt: null, link: `/execute/report-review?report=${r.id}` });
    expect(n.title).toContain('课程思政示范课程建设');
    expect(n.body).toContain('35%');
  });

  it('marks one read, keeps others private (404), and marks all read with audit rows', async () => {
    await submitReport();
    const [first] = (await list(s.inspector, { unread: 'true', pageSize: '1' })).items;
    const other = (await list(s.office, { pageSize: '1' })).items[0];
    const total = await unread(s.inspector);
    expect(total).toBeGreaterThan(0);

    const audits = await count("select count(*)::int as n from audit_log where tenant_id = $1 and entity = 'notification'", [tenantId]);
    const res = await call(t.app, s.inspector, 'POST', `/api/v1/notifications/${first.id}/read`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().readAt).not.toBeNull();
    expect(await unread(s.inspector)).toBe(total - 1);
    // Reading again changes nothing and keeps the first read time.
    const again = await call(t.app, s.inspector, 'POST', `/api/v1/notifications/${first.id}/read`);
    expect(again.json().readAt).toBe(res.json().readAt);
    expect(await count("select count(*)::int as n from audit_log where tenant_id = $1 and entity = 'notification'", [tenantId])).toBe(audits + 1);

    expectError(await call(t.app, s.inspector, 'POST', `/api/v1/notifications/${other.id}/read`), 404, 'NOTIFICATION_NOT_FOUND');
    expectError(await call(t.app, s.inspector, 'POST', `/api/v1/notifications/${crypto.randomUUID()}/read`), 404, 'NOTIFICATION_NOT_FOUND');
    expect((await t.sql<{ read_at: Date | null }>('select read_at from notifications where id = $1', [other.id]))[0].read_at).toBeNull();
    expect((await list(s.inspector, { pageSize: '500' })).items.every((x) => x.id !== other.id)).toBe(true);

    const read = (await list(s.inspector, { unread: 'false', pageSize: '500' })).items;
    expect(read.map((x) => x.id)).toContain(first.id);
    expect(read.every((x) => x.readAt !== null)).toBe(true);

    const all = await call(t.app, s.inspector, 'POST', '/api/v1/notifications/read-all');
    expect(all.json()).toEqual({ updated: total - 1 });
    expect(await unread(s.inspector)).toBe(0);
    expect(await count("select count(*)::int as n from audit_log where tenant_id = $1 and entity = 'notification' and action = 'read_all'", [tenantId])).toBe(1);
    expect((await call(t.app, s.inspector, 'POST', '/api/v1/notifications/read-all')).json()).toEqual({ updated: 0 });
    expect(await unread(s.office)).toBeGreaterThan(0);
  });

  it('pages newest first with the right total', async () => {
    const u = await makeUser(t, { roles: ['member'] });
    await t.db.transaction(async (tx) => {
      for (let i = 0; i < 7; i++) await notify(tx, tenantId, [u.id, u.id, null], { kind: 'test', title: `第${i}条` });
    });
    const who = await login(t.app, u.username);
    const p1 = await list(who, { page: '1', pageSize: '5' });
    const p2 = await list(who, { page: '2', pageSize: '5' });
    expect(p1.total).toBe(7);
    expect(p1.items).toHaveLength(5);
    expect(p2.items).toHaveLength(2);
    const times = [...p1.items, ...p2.items].map((x) => x.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(new Set([...p1.items, ...p2.items].map((x) => x.id)).size).toBe(7);
    expectError(await call(t.app, who, 'GET', '/api/v1/notifications?unread=maybe'), 400, 'VALIDATION_FAILED');
    expectError(await call(t.app, null, 'GET', '/api/v1/notifications/unread-count'), 401);
  });

  it('never crosses tenants and skips disabled users', async () => {
    const other = await makeTenant(t);
    const foreign = await makeUser(t, { tenantId: other.id, roles: ['office'] });
    await t.db.transaction(async (tx) => {
      const to = await notifyRoles(tx, tenantId, ['office'], { kind: 'test', title: '仅本租户' });
      expect(to).not.toContain(foreign.id);
      await notify(tx, other.id, [foreign.id], { kind: 'test', title: '外租户消息' });
    });
    const [row] = await t.sql<{ id: string }>('select id from notifications where user_id = $1', [foreign.id]);
    expectError(await call(t.app, s.office, 'POST', `/api/v1/notifications/${row.id}/read`), 404, 'NOTIFICATION_NOT_FOUND');
    expect((await list(s.office, { kind: 'test', pageSize: '500' })).items.map((x) => x.title)).toEqual(['仅本租户']);
  });
});
