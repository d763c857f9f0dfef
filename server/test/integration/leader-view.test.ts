import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LeaderOverview, LeaderView } from '@santong/contract';
import { todayIn } from '../../src/modules/tasks/task.rules.js';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';

const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describeDb('leader view', () => {
  let t: TestApp;
  let tenantId: string;
  let campaignId: string;
  let s: Record<'office' | 'leader' | 'liaison' | 'inspector', Session>;
  const u: Record<string, string> = {};
  let leaders: string[];
  const today = todayIn('Asia/Shanghai');
  const made: Record<string, string> = {};

  const addTask = async (key: string, f: { unit: string; start: number; due: number; progress?: number; status?: string; responsible?: string | null }) => {
    const [row] = await t.sql<{ id: string }>(
      `insert into tasks (tenant_id, campaign_id, title, category, owner_unit_id, responsible_person_id, start_date, due_date, status, progress)
       values ($1, $2, $3, 'project', $4, $5, $6, $7, $8, $9) returning id`,
      [tenantId, campaignId, `领导视图测试-${key}`, u[f.unit], f.responsible ?? null, shift(today, f.start), shift(today, f.due), f.status ?? 'in_progress', f.progress ?? 0],
    );
    made[key] = row.id;
  };

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    for (const c of ['DW', 'JWC', 'KYC', 'JD-XY', 'JD-ZZ', 'JD-JG', 'YS-XY', 'DZB', 'ZZB', 'XCB']) u[c] = await unitIdByCode(t, c);
    s = { office: await login(t.app, 'office'), leader: await login(t.app, 'leader'), liaison: await login(t.app, 'liaison'), inspector: await login(t.app, 'inspector') };
    leaders = (await t.sql<{ id: string }>("select p.id from people p join units u on u.id = p.unit_id where p.tenant_id = $1 and u.code = 'DW' order by p.staff_no", [tenantId])).map((r) => r.id);
    [{ id: campaignId }] = await t.sql<{ id: string }>("select id from campaigns where tenant_id = $1 and status = 'active' limit 1", [tenantId]);
    const me = s.leader.user.personId!;
    await addTask('overdue', { unit: 'JD-JG', start: -30, due: -1, progress: 40 }); // red: past due, in a branch under 机电学院
    await addTask('dueSoon', { unit: 'KYC', start: -1, due: 5, progress: 10 }); // amber: due within 7 days below 80%
    await addTask('fine', { unit: 'JWC', start: -1, due: 60, progress: 0 }); // green
    await addTask('elsewhere', { unit: 'YS-XY', start: -10, due: -2 }); // red, but not a duty unit
    await addTask('mineElsewhere', { unit: 'YS-XY', start: -1, due: 90, responsible: me }); // listed: the leader answers for it
    await addTask('cancelled', { unit: 'JWC', start: -30, due: -3, status: 'cancelled' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows exactly the units the leader is in charge of and linked to', async () => {
    const res = await call(t.app, s.leader, 'GET', '/api/v1/leader-view');
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as LeaderView;
    const duties = await t.sql<{ unit_id: string; kind: string }>('select unit_id, kind from leader_duties where tenant_id = $1 and person_id = $2', [tenantId, s.leader.user.personId]);
    expect(v.units.map((x) => `${x.unitId}:${x.kind}`).sort()).toEqual(duties.map((d) => `${d.unit_id}:${d.kind}`).sort());
    expect(v.units.find((x) => x.unitId === u['JD-XY'])?.kind).toBe('linked');
    expect(v.units.filter((x) => x.kind === 'in_charge').map((x) => x.unitId).sort()).toEqual([u.JWC, u.KYC].sort());
    expect(v.person.id).toBe(s.leader.user.personId);
  });

  it('colours the duty units’ tasks red/amber/green and adds the tasks the leader answers for', async () => {
    const v = (await call(t.app, s.leader, 'GET', '/api/v1/leader-view')).json() as LeaderView;
    const task = (key: string) => v.tasks.find((k) => k.id === made[key]);
    expect(task('overdue')).toMatchObject({ rag: 'red', dutyUnitIds: [u['JD-XY']], mine: false });
    expect(task('dueSoon')).toMatchObject({ rag: 'amber', dutyUnitIds: [u.KYC] });
    expect(task('fine')).toMatchObject({ rag: 'green', dutyUnitIds: [u.JWC] });
    expect(task('elsewhere')).toBeUndefined();
    expect(task('cancelled')).toBeUndefined();
    expect(task('mineElsewhere')).toMatchObject({ mine: true, dutyUnitIds: [], rag: 'green' });
    const order = ['red', 'amber', 'green', 'none'];
    expect(v.tasks.map((k) => order.indexOf(k.rag))).toEqual([...v.tasks.map((k) => order.indexOf(k.rag))].sort((a, b) => a - b));
    expect(v.tasks.length).toBe(v.rag.red + v.rag.amber + v.rag.green + v.rag.none);

    // Each unit card counts every non-cancelled task owned in the unit's subtree (with its paired unit).
    for (const card of v.units) {
      const [{ n }] = await t.sql<{ n: number }>(
        `with recursive base as (
           select id from units where tenant_id = $1 and (id = $2 or paired_unit_id = $2)
           union select paired_unit_id from units where tenant_id = $1 and id = $2 and paired_unit_id is not null
         ), tree as (select id from base union select u.id from units u join tree on u.parent_id = tree.id where u.tenant_id = $1)
         select count(*)::int as n from tasks k where k.tenant_id = $1 and k.status <> 'cancelled' and (k.owner_unit_id in (select id from tree)
           or exists (select 1 from task_units tu where tu.task_id = k.id and tu.unit_id in (select id from tree)))`,
        [tenantId, card.unitId],
      );
      expect(card.taskCount, card.unitName).toBe(n);
      expect(card.rag.red + card.rag.amber + card.rag.green + card.rag.none).toBe(n);
    }
    expect(v.units.find((x) => x.unitId === u.JWC)!.rag.green).toBeGreaterThanOrEqual(1);
  });

  it('lists the lectures and research topics of the duty units and the leader’s own', async () => {
    const v = (await call(t.app, s.leader, 'GET', '/api/v1/leader-view')).json() as LeaderView;
    const me = s.leader.user.personId!;
    const scope = `{${s.leader.user.scope.unitIds.join(',')}}`;
    const [{ n: lectures }] = await t.sql<{ n: number }>('select count(*)::int as n from lectures where tenant_id = $1 and (lecturer_person_id = $2 or audience_unit_id = any($3::uuid[]))', [tenantId, me, scope]);
    expect(v.lectures).toHaveLength(lectures);
    expect(lectures).toBeGreaterThan(0);
    const [{ n: topics }] = await t.sql<{ n: number }>(
      'select count(*)::int as n from research_topics t where t.tenant_id = $1 and (t.leader_person_id = $2 or exists (select 1 from research_topic_units tu where tu.topic_id = t.id and tu.unit_id = any($3::uuid[])))',
      [tenantId, me, scope],
    );
    expect(v.researchTopics).toHaveLength(topics);
    expect(v.researchTopics.some((x) => x.mine)).toBe(true);
  });

  it('the office may look at any leader; a leader only at themselves; liaisons have no leader view', async () => {
    const sec = await call(t.app, s.office, 'GET', `/api/v1/leader-view?personId=${leaders[0]}`);
    expect(sec.statusCode, sec.body).toBe(200);
    const v = sec.json() as LeaderView;
    expect(v.units.filter((x) => x.kind === 'in_charge').map((x) => x.unitId).sort()).toEqual([u.DZB, u.ZZB, u.XCB].sort());
    expect(v.tasks.find((k) => k.id === made.overdue)).toBeTruthy(); // 书记 is linked to 机电学院 too
    expect((await call(t.app, s.inspector, 'GET', `/api/v1/leader-view?personId=${leaders[0]}`)).statusCode).toBe(200);
    expectError(await call(t.app, s.leader, 'GET', `/api/v1/leader-view?personId=${leaders[0]}`), 403, 'OUT_OF_SCOPE');
    expect((await call(t.app, s.leader, 'GET', `/api/v1/leader-view?personId=${s.leader.user.personId}`)).statusCode).toBe(200);
    expectError(await call(t.app, s.office, 'GET', `/api/v1/leader-view?personId=${crypto.randomUUID()}`), 404, 'PERSON_NOT_FOUND');
    expectError(await call(t.app, s.office, 'GET', '/api/v1/leader-view?personId=nope'), 400, 'VALIDATION_FAILED');
    expectError(await call(t.app, s.liaison, 'GET', '/api/v1/leader-view'), 403, 'FORBIDDEN');
  });

  it('gives the office an overview of every leader, and a leader their own row', async () => {
    const o = (await call(t.app, s.office, 'GET', '/api/v1/leader-view/overview')).json() as LeaderOverview;
    expect(o.leaders.map((l) => l.personId).sort()).toEqual([...leaders].sort());
    const mine = o.leaders.find((l) => l.personId === s.leader.user.personId)!;
    const v = (await call(t.app, s.leader, 'GET', '/api/v1/leader-view')).json() as LeaderView;
    expect(mine.rag).toEqual(v.rag);
    expect(mine.lectureCount).toBe(v.lectures.length);
    const own = (await call(t.app, s.leader, 'GET', '/api/v1/leader-view/overview')).json() as LeaderOverview;
    expect(own.leaders.map((l) => l.personId)).toEqual([s.leader.user.personId]);
  });
});
