import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Lecture, LectureStats } from '@santong/contract';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';
import { readWorkbook } from '../setup/xlsx.js';

describeDb('lectures', () => {
  let t: TestApp;
  let tenantId: string;
  let s: Record<'office' | 'leader' | 'liaison' | 'unithead' | 'member', Session>;
  const u: Record<string, string> = {};
  let leaders: string[];

  const count = async (q: string, params: unknown[] = []) => (await t.sql<{ n: number }>(q, params))[0].n;
  const lectureCount = () => count('select count(*)::int as n from lectures where tenant_id = $1', [tenantId]);
  const auditCount = () => count('select count(*)::int as n from audit_log where tenant_id = $1', [tenantId]);
  const auditOf = (id: string) => t.sql<{ action: string }>("select action from audit_log where tenant_id = $1 and entity = 'lecture' and entity_id = $2 order by seq", [tenantId, id]);
  const body = (over: Record<string, unknown> = {}) => ({
    lecturerPersonId: leaders[3], audienceUnitId: u['JD-ZZ'], heldOn: '2026-11-20', topic: '深入学习贯彻全会精神专题党课', audienceCount: 60, location: '机电楼报告厅', ...over,
  });

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    for (const c of ['DW', 'JD-XY', 'JD-ZZ', 'JD-JG', 'XX-ZZ', 'YS-ZZ']) u[c] = await unitIdByCode(t, c);
    s = {
      office: await login(t.app, 'office'),
      leader: await login(t.app, 'leader'),
      liaison: await login(t.app, 'liaison'),
      unithead: await login(t.app, 'unithead'),
      member: await login(t.app, 'member'),
    };
    leaders = (await t.sql<{ id: string }>("select p.id from people p join units u on u.id = p.unit_id where p.tenant_id = $1 and u.code = 'DW' order by p.staff_no", [tenantId])).map((r) => r.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the ten seeded leader lectures, one by the secretary to 200+ cadres', async () => {
    const res = await call(t.app, s.office, 'GET', '/api/v1/lectures?pageSize=50&sort=-audienceCount');
    expect(res.statusCode, res.body).toBe(200);
    const { items, total } = res.json() as { items: Lecture[]; total: number };
    expect(total).toBe(10);
    expect(items[0]).toMatchObject({ lecturerPersonId: leaders[0], audienceUnitId: u.DW });
    expect(items[0].audienceCount).toBeGreaterThanOrEqual(200);
    expect(new Set(items.map((l) => l.lecturerPersonId)).size).toBe(6);
    const q = (await call(t.app, s.office, 'GET', `/api/v1/lectures?q=${encodeURIComponent('警示教育')}`)).json();
    expect(q.total).toBe(1);
  });

  it('totals per leader and per unit equal independent SQL counts, under the same filters', async () => {
    for (const query of ['', `?from=2026-06-01`, `?lecturerPersonId=${leaders[0]}`]) {
      const res = await call(t.app, s.office, 'GET', `/api/v1/lectures/stats${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const stats = res.json() as LectureStats;
      const from = query.includes('from') ? '2026-06-01' : '1900-01-01';
      const who = query.includes('lecturer') ? leaders[0] : null;
      const byPerson = await t.sql<{ id: string; n: number; a: number }>(
        'select lecturer_person_id as id, count(*)::int as n, sum(audience_count)::int as a from lectures where tenant_id = $1 and held_on >= $2 and ($3::uuid is null or lecturer_person_id = $3) group by 1',
        [tenantId, from, who],
      );
      expect(stats.byLecturer.map((x) => [x.personId, x.count, x.audience]).sort()).toEqual(byPerson.map((x) => [x.id, x.n, x.a]).sort());
      const byUnit = await t.sql<{ id: string; n: number; a: number }>(
        'select audience_unit_id as id, count(*)::int as n, sum(audience_count)::int as a from lectures where tenant_id = $1 and held_on >= $2 and ($3::uuid is null or lecturer_person_id = $3) group by 1',
        [tenantId, from, who],
      );
      expect(stats.byUnit.map((x) => [x.unitId, x.count, x.audience]).sort()).toEqual(byUnit.map((x) => [x.id, x.n, x.a]).sort());
      expect(stats.total.count).toBe(byPerson.reduce((a, x) => a + x.n, 0));
    }
  });

  it('creates, updates and deletes a lecture with an audit row for each write; stale version → 409', async () => {
    const res = await call(t.app, s.office, 'POST', '/api/v1/lectures', body());
    expect(res.statusCode, res.body).toBe(201);
    const l = res.json() as Lecture;
    expect(l).toMatchObject({ audienceUnitId: u['JD-ZZ'], audienceCount: 60, version: 1, materialsCount: 0 });
    const upd = await call(t.app, s.office, 'PATCH', `/api/v1/lectures/${l.id}`, { audienceCount: 72, version: 1 });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ audienceCount: 72, version: 2 });
    expectError(await call(t.app, s.office, 'PATCH', `/api/v1/lectures/${l.id}`, { audienceCount: 1, version: 1 }), 409, 'VERSION_CONFLICT');
    expect((await call(t.app, s.office, 'DELETE', `/api/v1/lectures/${l.id}`)).statusCode).toBe(200);
    expectError(await call(t.app, s.office, 'GET', `/api/v1/lectures/${l.id}`), 404, 'LECTURE_NOT_FOUND');
    expect((await auditOf(l.id)).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses bad input with 400 naming the field, writing nothing', async () => {
    const before = [await lectureCount(), await auditCount()];
    const cases: [Record<string, unknown>, string][] = [
      [{ audienceCount: 0 }, 'body.audienceCount'],
      [{ audienceCount: -5 }, 'body.audienceCount'],
      [{ audienceCount: 2.5 }, 'body.audienceCount'],
      [{ lecturerPersonId: crypto.randomUUID() }, 'body.lecturerPersonId'],
      [{ audienceUnitId: crypto.randomUUID() }, 'body.audienceUnitId'],
      [{ topic: ' ' }, 'body.topic'],
      [{ heldOn: '20261120' }, 'body.heldOn'],
    ];
    for (const [over, path] of cases) {
      const err = expectError(await call(t.app, s.office, 'POST', '/api/v1/lectures', body(over)), 400);
      expect(((err.details?.issues ?? []) as { path: string }[]).map((i) => i.path), JSON.stringify(over)).toContain(path);
    }
    expect([await lectureCount(), await auditCount()]).toEqual(before);
  });

  it('scope: a liaison records lectures for their unit only; a leader sees lectures to duty units and their own', async () => {
    expect((await call(t.app, s.liaison, 'POST', '/api/v1/lectures', body({ audienceUnitId: u['JD-JG'] }))).statusCode).toBe(201);
    const before = await lectureCount();
    expectError(await call(t.app, s.liaison, 'POST', '/api/v1/lectures', body({ audienceUnitId: u['YS-ZZ'] })), 403, 'OUT_OF_SCOPE');
    expect(await lectureCount()).toBe(before);
    const [foreign] = await t.sql<{ id: string; version: number }>('select id, version from lectures where tenant_id = $1 and audience_unit_id = $2', [tenantId, u['YS-ZZ']]);
    expectError(await call(t.app, s.liaison, 'GET', `/api/v1/lectures/${foreign.id}`), 404, 'LECTURE_NOT_FOUND');
    expectError(await call(t.app, s.unithead, 'PATCH', `/api/v1/lectures/${foreign.id}`, { audienceCount: 5, version: foreign.version }), 404);

    const scope = s.leader.user.scope.unitIds;
    const mine = (await call(t.app, s.leader, 'GET', '/api/v1/lectures?pageSize=100')).json() as { items: Lecture[]; total: number };
    expect(mine.total).toBe(
      await count('select count(*)::int as n from lectures where tenant_id = $1 and (audience_unit_id = any($2::uuid[]) or lecturer_person_id = $3)', [
        tenantId, `{${scope.join(',')}}`, s.leader.user.personId,
      ]),
    );
    const stats = (await call(t.app, s.leader, 'GET', '/api/v1/lectures/stats')).json() as LectureStats;
    expect(stats.total.count).toBe(mine.total);
    expectError(await call(t.app, s.leader, 'POST', '/api/v1/lectures', body()), 403, 'FORBIDDEN');
    const member = (await call(t.app, s.member, 'GET', '/api/v1/lectures')).json();
    expect(member.total).toBe(0);
  });

  it('exports the filtered list with Chinese headers', async () => {
    const res = await call(t.app, s.office, 'GET', `/api/v1/lectures/export?lecturerPersonId=${leaders[0]}`);
    expect(res.statusCode).toBe(200);
    const rows = await readWorkbook(res.rawPayload);
    expect(rows[0].slice(0, 5)).toEqual(['日期', '党课题目', '主讲人', '主讲人职务', '听课单位']);
    expect(rows.length - 1).toBe(await count('select count(*)::int as n from lectures where tenant_id = $1 and lecturer_person_id = $2', [tenantId, leaders[0]]));
  });
});
