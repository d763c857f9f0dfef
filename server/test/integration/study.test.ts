import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StudySession, StudySessionDetail } from '@santong/contract';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';
import { makeTenant } from '../setup/factories.js';
import { multipartFile, readWorkbook } from '../setup/xlsx.js';

describeDb('study sessions', () => {
  let t: TestApp;
  let tenantId: string;
  let s: Record<'office' | 'leader' | 'liaison' | 'member' | 'auditor', Session>;
  const u: Record<string, string> = {};
  let goal: { party: string; business: string };
  let staff: string[];

  const count = async (q: string, params: unknown[] = []) => (await t.sql<{ n: number }>(q, params))[0].n;
  const sessionCount = () => count('select count(*)::int as n from study_sessions where tenant_id = $1', [tenantId]);
  const auditCount = () => count('select count(*)::int as n from audit_log where tenant_id = $1', [tenantId]);
  const auditOf = (id: string) => t.sql<{ action: string }>("select action from audit_log where tenant_id = $1 and entity = 'study_session' and entity_id = $2 order by seq", [tenantId, id]);

  const body = (over: Record<string, unknown> = {}) => ({
    kind: 'seminar',
    title: '“双高计划”建设专题研讨',
    heldOn: '2026-06-18',
    hostUnitId: u['JD-JG'],
    location: '机电楼201',
    attendees: [
      { personId: staff[0], attended: true },
      { personId: staff[1], attended: false },
      { personId: staff[2] },
    ],
    goalIds: [goal.party, goal.business],
    ...over,
  });

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    for (const c of ['DW', 'JD-XY', 'JD-JG', 'XX-XY', 'XX-XS', 'YS-XY']) u[c] = await unitIdByCode(t, c);
    s = {
      office: await login(t.app, 'office'),
      leader: await login(t.app, 'leader'),
      liaison: await login(t.app, 'liaison'),
      member: await login(t.app, 'member'),
      auditor: await login(t.app, 'auditor'),
    };
    const goals = await t.sql<{ id: string; code: string }>("select id, code from goals where tenant_id = $1 and code in ('P2.1', 'B2.1')", [tenantId]);
    goal = { party: goals.find((g) => g.code === 'P2.1')!.id, business: goals.find((g) => g.code === 'B2.1')!.id };
    staff = (await t.sql<{ id: string }>('select id from people where tenant_id = $1 and unit_id = $2 order by staff_no limit 5', [tenantId, u['JD-XY']])).map((r) => r.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the seeded sessions, including a reading class and central-group sessions with attendees', async () => {
    const res = await call(t.app, s.office, 'GET', '/api/v1/study-sessions?pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    const { items, total } = res.json() as { items: StudySession[]; total: number };
    expect(total).toBe(await sessionCount());
    expect(items.some((x) => x.kind === 'reading_class')).toBe(true);
    const central = items.filter((x) => x.kind === 'central_group');
    expect(central.length).toBeGreaterThanOrEqual(6);
    expect(central.every((x) => x.attendeeCount >= 6 && x.goals.some((g) => g.track === 'party') && x.goals.some((g) => g.track === 'business'))).toBe(true);
    const reading = (await call(t.app, s.office, 'GET', '/api/v1/study-sessions?kind=reading_class')).json();
    expect(reading.total).toBe(await count("select count(*)::int as n from study_sessions where tenant_id = $1 and kind = 'reading_class'", [tenantId]));
    const byGoal = (await call(t.app, s.office, 'GET', `/api/v1/study-sessions?goalId=${goal.party}`)).json();
    expect(byGoal.total).toBe(await count('select count(*)::int as n from study_session_goals where tenant_id = $1 and goal_id = $2', [tenantId, goal.party]));
    const sorted = (await call(t.app, s.office, 'GET', '/api/v1/study-sessions?sort=heldOn&pageSize=100')).json().items as StudySession[];
    expect(sorted.map((x) => x.heldOn)).toEqual([...sorted.map((x) => x.heldOn)].sort());
  });

  it('creates a session with attendees and goals: attendance count and rate, audit row', async () => {
    const res = await call(t.app, s.office, 'POST', '/api/v1/study-sessions', body());
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json() as StudySessionDetail;
    expect(d).toMatchObject({ kind: 'seminar', hostUnitId: u['JD-JG'], attendeeCount: 3, attendedCount: 2, attendanceRate: 0.6667, version: 1 });
    expect(d.attendees.filter((a) => a.attended)).toHaveLength(2);
    expect(d.goals.map((g) => g.track).sort()).toEqual(['business', 'party']);
    expect(d.campaignId).not.toBeNull(); // the active campaign
    expect((await auditOf(d.id)).map((a) => a.action)).toEqual(['create']);

    const upd = await call(t.app, s.office, 'PATCH', `/api/v1/study-sessions/${d.id}`, { attendees: [{ personId: staff[0] }, { personId: staff[3] }], version: 1 });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ attendeeCount: 2, attendedCount: 2, attendanceRate: 1, version: 2 });
    expectError(await call(t.app, s.office, 'PATCH', `/api/v1/study-sessions/${d.id}`, { title: '旧版本', version: 1 }), 409, 'VERSION_CONFLICT');
    expect((await call(t.app, s.office, 'DELETE', `/api/v1/study-sessions/${d.id}`)).statusCode).toBe(200);
    expectError(await call(t.app, s.office, 'GET', `/api/v1/study-sessions/${d.id}`), 404, 'STUDY_SESSION_NOT_FOUND');
    expect(await count('select count(*)::int as n from study_attendees where tenant_id = $1 and session_id = $2', [tenantId, d.id])).toBe(0);
    expect((await auditOf(d.id)).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses bad input with 400 naming the field, writing nothing', async () => {
    const other = await makeTenant(t);
    const [foreignGoal] = await t.sql<{ id: string }>("insert into goals (tenant_id, track, name) values ($1, 'party', '外租户目标') returning id", [other.id]);
    const before = [await sessionCount(), await auditCount()];
    const cases: [Record<string, unknown>, string][] = [
      [{ goalIds: [foreignGoal.id] }, 'body.goalIds'],
      [{ goalIds: [goal.party, goal.party] }, 'body.goalIds.1'],
      [{ hostUnitId: crypto.randomUUID() }, 'body.hostUnitId'],
      [{ attendees: [{ personId: crypto.randomUUID() }] }, 'body.attendees'],
      [{ attendees: [{ personId: staff[0] }, { personId: staff[0] }] }, 'body.attendees.1.personId'],
      [{ campaignId: crypto.randomUUID() }, 'body.campaignId'],
      [{ title: '  ' }, 'body.title'],
      [{ kind: 'party_day' }, 'body.kind'],
      [{ heldOn: '2026-02-30' }, 'body.heldOn'],
    ];
    for (const [over, path] of cases) {
      const err = expectError(await call(t.app, s.office, 'POST', '/api/v1/study-sessions', body(over)), 400);
      const issues = (err.details?.issues ?? []) as { path: string }[];
      expect(issues.map((i) => i.path), JSON.stringify(over)).toContain(path);
    }
    expect([await sessionCount(), await auditCount()]).toEqual(before);
  });

  it('scope: a liaison writes for their unit subtree only and sees no other unit’s sessions', async () => {
    const mine = await call(t.app, s.liaison, 'POST', '/api/v1/study-sessions', body({ kind: 'branch_study' }));
    expect(mine.statusCode, mine.body).toBe(201);
    const before = await sessionCount();
    const err = expectError(await call(t.app, s.liaison, 'POST', '/api/v1/study-sessions', body({ hostUnitId: u['XX-XS'] })), 403, 'OUT_OF_SCOPE');
    expect((err.details?.issues as { path: string }[])[0].path).toBe('body.hostUnitId');
    expect(await sessionCount()).toBe(before);

    const scope = s.liaison.user.scope.unitIds;
    const list = (await call(t.app, s.liaison, 'GET', '/api/v1/study-sessions?pageSize=100')).json() as { items: StudySession[]; total: number };
    const expected = await count(
      `select count(*)::int as n from study_sessions s where s.tenant_id = $1 and (s.host_unit_id = any($2::uuid[])
         or exists (select 1 from study_attendees a where a.session_id = s.id and a.person_id = $3))`,
      [tenantId, `{${scope.join(',')}}`, s.liaison.user.personId],
    );
    expect(list.total).toBe(expected);
    expect(list.items.some((x) => x.hostUnitId === u['JD-JG'])).toBe(true);
    const [foreign] = await t.sql<{ id: string; version: number }>('select id, version from study_sessions where tenant_id = $1 and host_unit_id = $2 limit 1', [tenantId, u['XX-XS']]);
    expectError(await call(t.app, s.liaison, 'GET', `/api/v1/study-sessions/${foreign.id}`), 404, 'STUDY_SESSION_NOT_FOUND');
    expectError(await call(t.app, s.liaison, 'PATCH', `/api/v1/study-sessions/${foreign.id}`, { title: 'x', version: foreign.version }), 404);
    expectError(await call(t.app, s.liaison, 'DELETE', `/api/v1/study-sessions/${foreign.id}`), 404);
  });

  it('leaders read but do not write; members see the sessions they attended; auditors see none', async () => {
    expect((await call(t.app, s.leader, 'GET', '/api/v1/study-sessions')).statusCode).toBe(200);
    expectError(await call(t.app, s.leader, 'POST', '/api/v1/study-sessions', body()), 403, 'FORBIDDEN');
    const mine = (await call(t.app, s.member, 'GET', '/api/v1/study-sessions?pageSize=100')).json() as { total: number };
    expect(mine.total).toBe(await count('select count(*)::int as n from study_attendees where tenant_id = $1 and person_id = $2', [tenantId, s.member.user.personId]));
    expectError(await call(t.app, s.auditor, 'GET', '/api/v1/study-sessions'), 403, 'FORBIDDEN');
  });

  it('keeps minutes as attachments, checked against the session’s scope', async () => {
    const d = (await call(t.app, s.office, 'POST', '/api/v1/study-sessions', body())).json() as StudySessionDetail;
    const upload = (who: Session, id: string) => {
      const mp = multipartFile(Buffer.from('中心组学习纪要\n一、学习内容……\n'), '学习纪要.txt', 'file', 'text/plain');
      const form = Buffer.concat([
        Buffer.from(`--${mp.headers['content-type'].split('boundary=')[1]}\r\nContent-Disposition: form-data; name="entity"\r\n\r\nstudy_session\r\n`),
        Buffer.from(`--${mp.headers['content-type'].split('boundary=')[1]}\r\nContent-Disposition: form-data; name="entityId"\r\n\r\n${id}\r\n`),
        mp.payload,
      ]);
      return t.app.inject({ method: 'POST', url: '/api/v1/attachments', payload: form, headers: { ...who.headers, ...mp.headers } });
    };
    const res = await upload(s.office, d.id);
    expect(res.statusCode, res.body).toBe(201);
    expect((await call(t.app, s.office, 'GET', `/api/v1/study-sessions/${d.id}`)).json().minutesCount).toBe(1);
    const [foreign] = await t.sql<{ id: string }>('select id from study_sessions where tenant_id = $1 and host_unit_id = $2 limit 1', [tenantId, u['XX-XS']]);
    expect((await upload(s.liaison, foreign.id)).statusCode).toBe(404);
  });

  it('exports the filtered list with Chinese headers', async () => {
    const res = await call(t.app, s.office, 'GET', '/api/v1/study-sessions/export?kind=central_group');
    expect(res.statusCode).toBe(200);
    const rows = await readWorkbook(res.rawPayload);
    expect(rows[0].slice(0, 4)).toEqual(['日期', '类型', '主题', '主办单位']);
    expect(rows.length - 1).toBe(await count("select count(*)::int as n from study_sessions where tenant_id = $1 and kind = 'central_group'", [tenantId]));
    expect(rows.slice(1).every((r) => r[1] === '中心组学习')).toBe(true);
  });
});
