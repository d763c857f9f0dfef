import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Task } from '@santong/contract';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';
import { makeTenant } from '../setup/factories.js';
import { multipartFile, readWorkbook, workbook } from '../setup/xlsx.js';

describeDb('tasks', () => {
  let t: TestApp;
  let tenantId: string;
  let campaignId: string;
  let s: Record<'office' | 'leader' | 'liaison' | 'inspector' | 'member', Session>;
  const unit: Record<string, string> = {};
  const goal: Record<string, string> = {};

  const taskCount = async () => (await t.sql<{ n: number }>('select count(*)::int as n from tasks where tenant_id = $1', [tenantId]))[0].n;
  const auditActions = async (id: string) =>
    (await t.sql<{ action: string }>("select action from audit_log where tenant_id = $1 and entity = 'task' and entity_id = $2 order by seq", [tenantId, id])).map((r) => r.action);
  const body = (o: Record<string, unknown> = {}) => ({
    campaignId, title: `测试任务${crypto.randomBytes(3).toString('hex')}`, category: 'project', ownerUnitId: unit.JWC,
    startDate: '2026-03-01', dueDate: '2026-12-31', goalIds: [goal.P1, goal.B1], ...o,
  });
  const create = async (who: Session, o: Record<string, unknown> = {}) => {
    const res = await call(t.app, who, 'POST', '/api/v1/tasks', body(o));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Task;
  };
  const list = async (who: Session, qs: string) => {
    const res = await call(t.app, who, 'GET', `/api/v1/tasks?${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Task[]; total: number };
  };
  /** A 400 that names the field, and nothing written. */
  const expectField = async (res: Awaited<ReturnType<typeof call>>, path: string, before: number) => {
    const err = expectError(res, 400, 'VALIDATION_FAILED');
    expect((err.details?.issues as { path: string }[]).map((i) => i.path)).toContain(path);
    expect(await taskCount()).toBe(before);
  };

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    [{ id: campaignId }] = await t.sql<{ id: string }>('select id from campaigns where tenant_id = $1 order by start_date desc limit 1', [tenantId]);
    for (const code of ['JD-XY', 'JD-ZZ', 'XX-XY', 'JWC', 'HQC', 'DZB', 'KYC']) unit[code] = await unitIdByCode(t, code);
    for (const r of await t.sql<{ code: string; id: string }>('select code, id from goals where tenant_id = $1', [tenantId])) goal[r.code] = r.id;
    s = {
      office: await login(t.app, 'office'),
      leader: await login(t.app, 'leader'),
      liaison: await login(t.app, 'liaison'),
      inspector: await login(t.app, 'inspector'),
      member: await login(t.app, 'member'),
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('seeds at least 60 tasks with a realistic fusion ratio and every colour', async () => {
    const all = await list(s.office, 'pageSize=500');
    expect(all.total).toBeGreaterThanOrEqual(60);
    // the plan's own tasks: rectifications opened by supervision checks and research findings are corrective work
    const counted = all.items.filter((x) => x.status !== 'cancelled' && x.category !== 'rectification');
    const ratio = counted.filter((x) => x.fused).length / counted.length;
    expect(ratio).toBeGreaterThan(0.55);
    expect(ratio).toBeLessThan(0.85);
    for (const c of ['red', 'amber', 'green', 'none']) expect(all.items.some((x) => x.rag === c)).toBe(true);
    expect(all.items.some((x) => x.unsignedOverdue)).toBe(true);
    expect(all.items.some((x) => x.extensionCount > 0)).toBe(true);
    expect(all.items.some((x) => x.recurrence === 'monthly')).toBe(true);
  });

  it('creates, reads, updates and deletes a task with goals on both tracks, audited', async () => {
    const leaderPerson = s.leader.user.personId!;
    const created = await create(s.office, { coUnitIds: [unit.KYC, unit.JWC], responsiblePersonId: leaderPerson, weight: 2 });
    expect(created).toMatchObject({ version: 1, fused: true, status: 'planned', progress: 0, ownerUnitId: unit.JWC, ownerUnitName: '教务处', weight: 2, childCount: 0 });
    expect(created.coUnitIds).toEqual([unit.KYC]); // the owner is not its own co-unit
    expect(created.goals.map((g) => g.track).sort()).toEqual(['business', 'party']);
    expect(created.responsiblePersonName).toBeTruthy();
    expect(['green', 'amber', 'red']).toContain(created.rag);
    expect(created.can).toMatchObject({ edit: true, issue: true, sign: false, comment: true });

    const got = (await call(t.app, s.office, 'GET', `/api/v1/tasks/${created.id}`)).json() as Task;
    expect(got.id).toBe(created.id);

    const res = await call(t.app, s.office, 'PATCH', `/api/v1/tasks/${created.id}`, { version: 1, progress: 40, status: 'in_progress', goalIds: [goal.P1] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, progress: 40, status: 'in_progress', fused: false });
    const stale = expectError(await call(t.app, s.office, 'PATCH', `/api/v1/tasks/${created.id}`, { version: 1, title: '过期的修改' }), 409, 'VERSION_CONFLICT');
    expect(stale.details?.currentVersion).toBe(2);
    expect((await call(t.app, s.office, 'GET', `/api/v1/tasks/${created.id}`)).json().title).toBe(created.title);

    const done = (await call(t.app, s.office, 'PATCH', `/api/v1/tasks/${created.id}`, { version: 2, status: 'done' })).json() as Task;
    expect(done).toMatchObject({ status: 'done', progress: 100, rag: 'none' });
    expect(done.completedAt).toBeTruthy();

    const child = await create(s.office, { parentId: created.id, campaignId: undefined, startDate: '2026-04-01', dueDate: '2026-05-01' });
    expect(child.campaignId).toBe(campaignId);
    expect((await call(t.app, s.office, 'GET', `/api/v1/tasks/${created.id}`)).json().childCount).toBe(1);
    expectError(await call(t.app, s.office, 'DELETE', `/api/v1/tasks/${created.id}`), 409, 'TASK_HAS_CHILDREN');
    expect((await call(t.app, s.office, 'DELETE', `/api/v1/tasks/${child.id}`)).statusCode).toBe(200);
    expect((await call(t.app, s.office, 'DELETE', `/api/v1/tasks/${created.id}`)).statusCode).toBe(200);
    expectError(await call(t.app, s.office, 'GET', `/api/v1/tasks/${created.id}`), 404, 'TASK_NOT_FOUND');
    expect(await auditActions(created.id)).toEqual(['create', 'update', 'update', 'delete']);
    const [row] = await t.sql<{ after: { title: string } }>("select after from audit_log where tenant_id = $1 and entity_id = $2 and action = 'create'", [tenantId, created.id]);
    expect(row.after.title).toBe(created.title);
  });

  it('answers 400 naming the field for bad input, and writes nothing', async () => {
    const parent = await create(s.office, { startDate: '2026-03-01', dueDate: '2026-06-30' });
    const child = await create(s.office, { parentId: parent.id, startDate: '2026-04-01', dueDate: '2026-05-31' });
    const grandchild = await create(s.office, { parentId: child.id, startDate: '2026-04-10', dueDate: '2026-04-20' });
    const n = await taskCount();
    const post = (o: Record<string, unknown>) => call(t.app, s.office, 'POST', '/api/v1/tasks', body(o));
    const patch = (id: string, o: Record<string, unknown>) => call(t.app, s.office, 'PATCH', `/api/v1/tasks/${id}`, o);

    await expectField(await post({ startDate: '2026-05-02', dueDate: '2026-05-01' }), 'body.dueDate', n);
    await expectField(await post({ parentId: parent.id, startDate: '2026-02-01', dueDate: '2026-03-31' }), 'body.startDate', n);
    await expectField(await post({ parentId: parent.id, startDate: '2026-04-01', dueDate: '2026-07-01' }), 'body.dueDate', n);
    await expectField(await patch(parent.id, { version: parent.version, parentId: grandchild.id }), 'body.parentId', n);
    await expectField(await patch(parent.id, { version: parent.version, parentId: parent.id }), 'body.parentId', n);
    await expectField(await patch(parent.id, { version: parent.version, dueDate: '2026-05-30' }), 'body.dueDate', n);
    const other = await makeTenant(t);
    const [foreign] = await t.sql<{ id: string }>("insert into goals (tenant_id, track, name, code) values ($1, 'party', '他租户目标', 'P1') returning id", [other.id]);
    await expectField(await post({ goalIds: [goal.B1, foreign.id] }), 'body.goalIds', n);
    await expectField(await post({ goalIds: [crypto.randomUUID()] }), 'body.goalIds', n);
    await expectField(await post({ ownerUnitId: crypto.randomUUID() }), 'body.ownerUnitId', n);
    await expectField(await post({ coUnitIds: [crypto.randomUUID()] }), 'body.coUnitIds', n);
    await expectField(await post({ responsiblePersonId: crypto.randomUUID() }), 'body.responsiblePersonId', n);
    await expectField(await post({ campaignId: crypto.randomUUID() }), 'body.campaignId', n);
    await expectField(await post({ campaignId: undefined }), 'body.campaignId', n);
    await expectField(await post({ parentId: crypto.randomUUID() }), 'body.parentId', n);
    await expectField(await post({ category: 'party' }), 'body.category', n);
    await expectField(await post({ progress: 101 }), 'body.progress', n);
    expect((await call(t.app, s.office, 'GET', `/api/v1/tasks/${parent.id}`)).json().version).toBe(parent.version);
  });

  it('keeps a liaison to their unit subtree: 404 reading others, 403 editing them', async () => {
    const scopeUnits = (await t.sql<{ id: string }>("select id from units where tenant_id = $1 and code in ('JD-XY', 'JD-ZZ', 'JD-JG', 'JD-XS')", [tenantId])).map((r) => r.id);
    const mine = await list(s.liaison, 'pageSize=500');
    expect(mine.total).toBeGreaterThan(0);
    for (const x of mine.items) expect([x.ownerUnitId, ...x.coUnitIds].some((u) => scopeUnits.includes(u)), x.title).toBe(true);
    const [{ n }] = await t.sql<{ n: number }>(
      'select count(*)::int as n from tasks k where k.tenant_id = $1 and (k.owner_unit_id = any($2::uuid[]) or exists (select 1 from task_units tu where tu.task_id = k.id and tu.unit_id = any($2::uuid[])))',
      [tenantId, `{${scopeUnits.join(',')}}`],
    );
    expect(mine.total).toBe(n);
    // The tree view starts from the liaison's own top level: a task under another unit's parent heads its branch.
    const roots = await list(s.liaison, 'root=true&pageSize=500');
    const visible = new Set(mine.items.map((x) => x.id));
    expect(roots.items.some((x) => x.parentId !== null)).toBe(true);
    for (const x of mine.items) expect(x.parentId === null || visible.has(x.parentId) || roots.items.some((r) => r.id === x.id)).toBe(true);

    const foreign = await create(s.office, { ownerUnitId: unit['XX-XY'] });
    const shared = await create(s.office, { ownerUnitId: unit.DZB, coUnitIds: [unit['JD-XY']] });
    const own = await create(s.office, { ownerUnitId: unit['JD-XY'] });
    expectError(await call(t.app, s.liaison, 'GET', `/api/v1/tasks/${foreign.id}`), 404, 'TASK_NOT_FOUND');
    const denied = expectError(await call(t.app, s.liaison, 'PATCH', `/api/v1/tasks/${foreign.id}`, { version: 1, progress: 50 }), 403, 'OUT_OF_SCOPE');
    expect(denied.message).toMatch(/owner unit/);
    expect((await call(t.app, s.liaison, 'GET', `/api/v1/tasks/${shared.id}`)).json().can.edit).toBe(false);
    expectError(await call(t.app, s.liaison, 'PATCH', `/api/v1/tasks/${shared.id}`, { version: 1, progress: 50 }), 403, 'OUT_OF_SCOPE');
    expectError(await call(t.app, s.liaison, 'DELETE', `/api/v1/tasks/${foreign.id}`), 403, 'OUT_OF_SCOPE');
    const ok = await call(t.app, s.liaison, 'PATCH', `/api/v1/tasks/${own.id}`, { version: 1, progress: 35, status: 'in_progress' });
    expect(ok.statusCode, ok.body).toBe(200);
    const moved = expectError(await call(t.app, s.liaison, 'PATCH', `/api/v1/tasks/${own.id}`, { version: 2, ownerUnitId: unit['XX-XY'] }), 403, 'OUT_OF_SCOPE');
    expect(moved.details?.issues).toEqual([{ path: 'body.ownerUnitId', message: 'outside your data scope' }]);
    const n0 = await taskCount();
    expectError(await call(t.app, s.liaison, 'POST', '/api/v1/tasks', body({ ownerUnitId: unit['XX-XY'] })), 403, 'OUT_OF_SCOPE');
    expect(await taskCount()).toBe(n0);
    const sub = await call(t.app, s.liaison, 'POST', '/api/v1/tasks', body({ ownerUnitId: unit['JD-ZZ'], parentId: own.id, campaignId: undefined }));
    expect(sub.statusCode, sub.body).toBe(201);
    expect((await call(t.app, s.office, 'GET', `/api/v1/tasks/${foreign.id}`)).json().version).toBe(1);
  });

  it('shows a leader their duty units and the tasks they answer for, read-only', async () => {
    const leaderPerson = s.leader.user.personId!;
    const outside = await create(s.office, { ownerUnitId: unit.HQC });
    const answerable = await create(s.office, { ownerUnitId: unit.HQC, responsiblePersonId: leaderPerson });
    const duty = await create(s.office, { ownerUnitId: unit.JWC });
    expectError(await call(t.app, s.leader, 'GET', `/api/v1/tasks/${outside.id}`), 404, 'TASK_NOT_FOUND');
    expect((await call(t.app, s.leader, 'GET', `/api/v1/tasks/${answerable.id}`)).statusCode).toBe(200);
    expect((await call(t.app, s.leader, 'GET', `/api/v1/tasks/${duty.id}`)).json().can).toMatchObject({ edit: false, comment: true });
    expectError(await call(t.app, s.leader, 'PATCH', `/api/v1/tasks/${duty.id}`, { version: 1, progress: 10 }), 403, 'FORBIDDEN');

    const red = await list(s.leader, 'rag=red&pageSize=5&sort=dueDate');
    expect(red.total).toBeGreaterThan(0);
    expect(red.items.length).toBeLessThanOrEqual(5);
    expect(red.items.every((x) => x.rag === 'red')).toBe(true);
    const all = await list(s.leader, 'pageSize=500');
    expect(all.items.filter((x) => x.rag === 'red').length).toBe(red.total);
    expect(all.items.map((x) => x.id)).toEqual(expect.arrayContaining([answerable.id, duty.id]));
    expect(all.items.map((x) => x.id)).not.toContain(outside.id);
    expect((await list(s.leader, `leaderId=${leaderPerson}&pageSize=500`)).items.every((x) => x.responsiblePersonId === leaderPerson)).toBe(true);

    expect((await list(s.inspector, 'pageSize=1')).total).toBe(await taskCount());
    expectError(await call(t.app, s.member, 'GET', '/api/v1/tasks'), 403, 'FORBIDDEN');
  });

  it('filters, sorts and pages the list in SQL, colours agreeing with the presenter', async () => {
    const all = (await list(s.office, 'pageSize=500')).items;
    for (const c of ['red', 'amber', 'green', 'none']) {
      const page = await list(s.office, `rag=${c}&pageSize=500`);
      expect(page.total, c).toBe(all.filter((x) => x.rag === c).length);
      expect(page.items.every((x) => x.rag === c)).toBe(true);
    }
    expect((await list(s.office, 'rag=red,amber&pageSize=1')).total).toBe(all.filter((x) => x.rag === 'red' || x.rag === 'amber').length);
    expect((await list(s.office, 'status=done,cancelled&pageSize=1')).total).toBe(all.filter((x) => x.status === 'done' || x.status === 'cancelled').length);
    const byGoal = await list(s.office, `goalId=${goal.B2}&pageSize=500`);
    expect(byGoal.items.some((x) => x.goals.some((g) => g.code === 'B2.1'))).toBe(true); // the goal's subtree counts
    expect(byGoal.items.every((x) => x.goals.some((g) => g.code?.startsWith('B2')))).toBe(true);
    const cat = await list(s.office, 'category=rectification&pageSize=500');
    expect(cat.items.every((x) => x.category === 'rectification')).toBe(true);
    const due = await list(s.office, 'dueFrom=2026-12-01&dueTo=2026-12-15&pageSize=500');
    expect(due.items.every((x) => x.dueDate >= '2026-12-01' && x.dueDate <= '2026-12-15')).toBe(true);
    const byUnit = await list(s.office, `unitId=${unit['JD-XY']}&pageSize=500`);
    expect(byUnit.items.every((x) => x.ownerUnitId === unit['JD-XY'] || x.coUnitIds.includes(unit['JD-XY']))).toBe(true);
    const q = await list(s.office, `q=${encodeURIComponent('三全育人')}&pageSize=500`);
    expect(q.total).toBeGreaterThan(0);
    expect(q.items.every((x) => x.title.includes('三全育人') || (x.description ?? '').includes('三全育人'))).toBe(true);
    const roots = await list(s.office, 'root=true&pageSize=500');
    expect(roots.items.every((x) => x.parentId === null)).toBe(true);
    const withKids = roots.items.find((x) => x.childCount > 0)!;
    expect((await list(s.office, `parentId=${withKids.id}&pageSize=500`)).total).toBe(withKids.childCount);
    const sorted = (await list(s.office, 'sort=-dueDate&pageSize=50')).items.map((x) => x.dueDate);
    expect(sorted).toEqual([...sorted].sort().reverse());
    const p1 = await list(s.office, 'pageSize=7&page=1');
    const p2 = await list(s.office, 'pageSize=7&page=2');
    expect(p1.total).toBe(all.length);
    expect(p1.items.map((x) => x.id).filter((id) => p2.items.some((y) => y.id === id))).toEqual([]);
    expectError(await call(t.app, s.office, 'GET', '/api/v1/tasks?rag=purple;drop'), 400, 'VALIDATION_FAILED');
  });

  it('pages a campaign list as slices of the whole, with the same links and extras as the detail and a total past the end', async () => {
    const filter = `campaignId=${campaignId}&status=in_progress,planned`;
    for (const sort of ['dueDate', '-dueDate', 'ownerUnitName', 'rag']) {
      const whole = await list(s.office, `${filter}&sort=${sort}&pageSize=500`);
      expect(whole.total, sort).toBeGreaterThan(12);
      const pages = [1, 2, 3].map((n) => list(s.office, `${filter}&sort=${sort}&page=${n}&pageSize=5`));
      const got = await Promise.all(pages);
      for (const p of got) expect(p.total, sort).toBe(whole.total);
      expect(got.flatMap((p) => p.items.map((x) => x.id)), sort).toEqual(whole.items.slice(0, 15).map((x) => x.id));
    }
    // a page of one unit's view: the scope applies to the page and the count alike
    const mine = await list(s.liaison, `${filter}&sort=dueDate&pageSize=500`);
    const second = await list(s.liaison, `${filter}&sort=dueDate&page=2&pageSize=3`);
    expect(second.total).toBe(mine.total);
    expect(second.items.map((x) => x.id)).toEqual(mine.items.slice(3, 6).map((x) => x.id));
    // co-units, goals, child counts and flags on the page are those of the detail
    const page = await list(s.office, `${filter}&sort=dueDate&pageSize=50`);
    const linked = page.items.filter((x) => x.coUnits.length > 0 || x.goals.length > 1 || x.childCount > 0).slice(0, 5);
    expect(linked.length).toBeGreaterThan(0);
    for (const item of linked) {
      const res = await call(t.app, s.office, 'GET', `/api/v1/tasks/${item.id}`);
      expect(res.statusCode, res.body).toBe(200);
      const detail = res.json() as Task;
      expect(item.coUnits).toEqual(detail.coUnits);
      expect(item.coUnitIds).toEqual(detail.coUnitIds);
      expect(item.goals).toEqual(detail.goals);
      expect([item.childCount, item.extensionCount, item.pendingExtension, item.followed]).toEqual([detail.childCount, detail.extensionCount, detail.pendingExtension, detail.followed]);
    }
    const past = await list(s.office, `${filter}&page=999&pageSize=50`);
    expect(past.items).toEqual([]);
    expect(past.total).toBe(page.total);
    expect((await list(s.office, `campaignId=${crypto.randomUUID()}&pageSize=5`)).total).toBe(0);
  });

  it('colours in SQL exactly as ragStatus does, with the tenant thresholds', async () => {
    const [{ id: camp }] = await t.sql<{ id: string }>(
      "insert into campaigns (tenant_id, title, kind, start_date, end_date, status) values ($1, '红黄绿校验', 'special', '2026-01-01', '2027-12-31', 'active') returning id",
      [tenantId],
    );
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const day = (offset: number) => new Date(Date.parse('2026-11-28T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 150; i++) {
      const start = rnd(200) - 150;
      const report = rnd(3) === 0 ? null : new Date(Date.now() - rnd(40 * 24) * 3_600_000).toISOString();
      await t.sql(
        `insert into tasks (tenant_id, campaign_id, title, category, owner_unit_id, start_date, due_date, status, progress, last_report_at)
         values ($1, $2, $3, 'other', $4, $5, $6, $7, $8, $9)`,
        [tenantId, camp, `随机${i}`, unit.JWC, day(start), day(start + rnd(120)), ['planned', 'in_progress', 'in_progress', 'done'][rnd(4)], rnd(101), report],
      );
    }
    const check = async () => {
      const all = (await list(s.office, `campaignId=${camp}&pageSize=500`)).items;
      for (const c of ['red', 'amber', 'green', 'none']) {
        const ids = (await list(s.office, `campaignId=${camp}&rag=${c}&pageSize=500`)).items.map((x) => x.id).sort();
        expect(ids, c).toEqual(all.filter((x) => x.rag === c).map((x) => x.id).sort());
      }
      return all.filter((x) => x.rag === 'amber').length;
    };
    const ambers = await check();
    await t.sql(`update tenants set settings = jsonb_set(settings, '{rag}', '{"staleDays": 1000, "dueSoonDays": 0, "behindPoints": 50}') where id = $1`, [tenantId]);
    try {
      expect(await check()).toBeLessThan(ambers);
    } finally {
      await t.sql("update tenants set settings = settings - 'rag' where id = $1", [tenantId]);
    }
  });

  it('reports the fusion ratio equal to an independent SQL count, per campaign and unit', async () => {
    const count = async (unitId?: string) => {
      const [r] = await t.sql<{ total: number; fused: number; w: number; fw: number }>(
        `with k as (select t.id, t.weight::float8 as w,
            exists (select 1 from task_goals tg join goals g on g.id = tg.goal_id where tg.task_id = t.id and g.track = 'party')
            and exists (select 1 from task_goals tg join goals g on g.id = tg.goal_id where tg.task_id = t.id and g.track = 'business') as f
          from tasks t where t.tenant_id = $1 and t.campaign_id = $2 and t.status <> 'cancelled' and ($3::uuid is null or t.owner_unit_id = $3::uuid))
        select count(*)::int as total, count(*) filter (where f)::int as fused, sum(w) as w, coalesce(sum(w) filter (where f), 0) as fw from k`,
        [tenantId, campaignId, unitId ?? null],
      );
      return { total: r.total, fused: r.fused, ratio: r.fused / r.total, weightedRatio: Number(r.fw) / Number(r.w) };
    };
    const get = async () => (await call(t.app, s.office, 'GET', `/api/v1/tasks/fusion?campaignId=${campaignId}`)).json();
    const before = await get();
    const expected = await count();
    expect(before.overall.total).toBe(expected.total);
    expect(before.overall.fused).toBe(expected.fused);
    expect(before.overall.ratio).toBeCloseTo(expected.ratio, 10);
    expect(before.overall.weightedRatio).toBeCloseTo(expected.weightedRatio, 10);
    expect(before.byCampaign).toHaveLength(1);
    const jwc = before.byUnit.find((u: { unitId: string }) => u.unitId === unit.JWC);
    expect(jwc).toMatchObject({ ...(await count(unit.JWC)), ratio: expect.any(Number) });
    expect(jwc.fused).toBe((await count(unit.JWC)).fused);

    await create(s.office, { weight: 5 });
    await create(s.office, { goalIds: [goal.B3] });
    const after = await get();
    expect(after.overall.total).toBe(before.overall.total + 2);
    expect(after.overall.fused).toBe(before.overall.fused + 1);
    const liaisonView = (await call(t.app, s.liaison, 'GET', `/api/v1/tasks/fusion?campaignId=${campaignId}`)).json();
    expect(liaisonView.overall.total).toBeLessThan(after.overall.total);
  });

  it('exports the filtered list with Chinese headers and dates', async () => {
    const res = await call(t.app, s.office, 'GET', `/api/v1/tasks/export?unitId=${unit['JD-XY']}&sort=dueDate`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const rows = await readWorkbook(res.rawPayload);
    expect(rows[0].slice(0, 8)).toEqual(['任务名称', '上级任务', '类别', '牵头单位', '协同单位', '责任领导', '开始日期', '截止日期']);
    expect(rows.length - 1).toBe((await list(s.office, `unitId=${unit['JD-XY']}&pageSize=1`)).total);
  });

  it('imports a breakdown all-or-nothing with a row-level report', async () => {
    const headers = ['行键', '上级行键', '任务名称', '任务说明', '类别', '牵头单位编码', '协同单位编码', '责任领导工号', '开始日期', '截止日期', '权重', '目标编码', '周期'];
    const upload = (buf: Buffer, who = s.office) => {
      const mp = multipartFile(buf, '任务导入.xlsx');
      return call(t.app, who, 'POST', `/api/v1/tasks/import?campaignId=${campaignId}`, mp.payload, { headers: mp.headers });
    };
    const tpl = await call(t.app, s.office, 'GET', '/api/v1/tasks/template');
    expect((await readWorkbook(tpl.rawPayload))[0]).toEqual(headers);
    const n = await taskCount();
    const bad = await workbook(headers, [
      ['A', '', '导入任务甲', '', '项目建设', 'JWC', '', '', '2026-03-01', '2026-06-30', 1, 'P1、B1', ''],
      ['A1', 'A', '导入任务甲-1', '', '制度建设', 'JD-XY', '', '', '2026-03-01', '2026-07-31', 1, 'P1', ''],
      ['A', '', '重复行键', '', '别的', 'JWC', '', 'X0000', '某天', '2026-06-30', 'abc', '', '每年'],
      ['B', '', '未知编码', '', '其他', 'NOPE', '', '', '2026-03-01', '2026-07-31', 1, 'ZZ9', ''],
      ['C', '', '重复行键', '', '其他', 'JWC', '', '', '2026-03-01', '2026-07-31', 1, '', ''],
      ['C', '', '重复行键', '', '其他', 'JWC', '', '', '2026-03-01', '2026-07-31', 1, '', ''],
      ['L1', 'L2', '环1', '', '其他', 'JWC', '', '', '2026-03-01', '2026-03-02', 1, '', ''],
      ['L2', 'L1', '环2', '', '其他', 'JWC', '', '', '2026-03-01', '2026-03-02', 1, '', ''],
    ]);
    const err = expectError(await upload(bad), 400, 'IMPORT_INVALID');
    const errors = err.details?.errors as { row: number; column: string; reason: string }[];
    const at = (row: number, column: string) => errors.some((e) => e.row === row && e.column === column);
    expect(at(3, '截止日期')).toBe(true);
    expect(at(4, '类别') && at(4, '责任领导工号') && at(4, '开始日期') && at(4, '权重') && at(4, '周期')).toBe(true);
    expect(at(5, '牵头单位编码') && at(5, '目标编码')).toBe(true);
    expect(at(7, '行键')).toBe(true);
    expect(at(8, '上级行键') && at(9, '上级行键')).toBe(true);
    expect(await taskCount()).toBe(n);
    const report = await call(t.app, s.office, 'GET', `/api/v1/imports/${err.details?.importId}/report`);
    expect(report.statusCode).toBe(200);
    expect((await readWorkbook(report.rawPayload)).length).toBe(errors.length + 1);

    const good = await workbook(headers, [
      ['A1', 'A', '导入子任务', '', '制度建设', 'JD-XY', '', '', '2026-04-01', '2026-05-31', 1, 'P3.2、B2.1', ''],
      ['A', '', '导入父任务', '说明文字', '项目建设', 'JWC', 'KYC、JD-XY', 'T1004', '2026-03-01', '2026-06-30', 2, 'P1', '每月'],
    ]);
    const res = await upload(good);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', created: 2 });
    const parent = (await list(s.office, `q=${encodeURIComponent('导入父任务')}`)).items[0];
    expect(parent).toMatchObject({ weight: 2, recurrence: 'monthly', fused: false, childCount: 1, category: 'project' });
    expect(parent.coUnitIds.sort()).toEqual([unit.KYC, unit['JD-XY']].sort());
    const kid = (await list(s.office, `parentId=${parent.id}`)).items[0];
    expect(kid).toMatchObject({ title: '导入子任务', fused: true, ownerUnitId: unit['JD-XY'] });
    expect(await auditActions(kid.id)).toEqual(['import']);
    expectError(await upload(good, s.liaison), 403, 'FORBIDDEN');
  });
});
