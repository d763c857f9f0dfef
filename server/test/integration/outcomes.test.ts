import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Outcome, OutcomeStats } from '@santong/contract';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';
import { readWorkbook } from '../setup/xlsx.js';

describeDb('outcomes register', () => {
  let t: TestApp;
  let tenantId: string;
  let s: Record<'office' | 'leader' | 'liaison' | 'member' | 'inspector' | 'auditor', Session>;
  const u: Record<string, string> = {};
  let jdStaff: string[];

  const count = async (q: string, params: unknown[] = []) => (await t.sql<{ n: number }>(q, params))[0].n;
  const outcomeCount = () => count('select count(*)::int as n from outcomes where tenant_id = $1', [tenantId]);
  const auditCount = () => count('select count(*)::int as n from audit_log where tenant_id = $1', [tenantId]);
  const auditOf = (id: string) => t.sql<{ action: string }>("select action from audit_log where tenant_id = $1 and entity = 'outcome' and entity_id = $2 order by seq", [tenantId, id]);
  const create = (who: Session, over: Record<string, unknown> = {}) =>
    call(t.app, who, 'POST', '/api/v1/outcomes', {
      kind: 'media_report', title: '机电学院“双带头人”工作室助力产教融合', unitId: u['JD-XY'], personIds: jdStaff.slice(0, 2), level: 'national',
      medium: '中国教育报', publishedOn: '2026-10-12', link: 'https://news.example.cn/a.html', areaCode: 'industry_education', ...over,
    });

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    for (const c of ['JD-XY', 'JD-JG', 'XX-XY', 'DZB']) u[c] = await unitIdByCode(t, c);
    s = {
      office: await login(t.app, 'office'), leader: await login(t.app, 'leader'), liaison: await login(t.app, 'liaison'),
      member: await login(t.app, 'member'), inspector: await login(t.app, 'inspector'), auditor: await login(t.app, 'auditor'),
    };
    jdStaff = (await t.sql<{ id: string }>('select id from people where tenant_id = $1 and unit_id = $2 order by staff_no', [tenantId, u['JD-XY']])).map((r) => r.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('seeds the reference figures and the seven contribution areas', async () => {
    const k = async (kind: string, extra = '') => count(`select count(*)::int as n from outcomes where tenant_id = $1 and kind = $2 ${extra}`, [tenantId, kind]);
    expect(await k('innovation_case')).toBe(46);
    expect((await k('theory_article')) + (await k('research_paper')) + (await k('think_tank_report'))).toBe(65);
    expect(await k('typical_case')).toBe(40);
    expect(await k('media_report', "and medium = '中国教育报' and level = 'national'")).toBe(3);
    expect(await k('media_report', "and medium = '省委教育工委工作简报' and level = 'provincial'")).toBe(5);
    expect(await k('media_report', "and medium not in ('中国教育报', '省委教育工委工作简报')")).toBe(29);
    const areas = await call(t.app, s.member, 'GET', '/api/v1/contribution-areas');
    expect(areas.statusCode, areas.body).toBe(200);
    expect(areas.json().items).toHaveLength(7);
  });

  it('stats equal independent SQL counts, and each count is the total of its filtered list', async () => {
    const res = await call(t.app, s.office, 'GET', '/api/v1/outcomes/stats?from=2026-01-01&to=2026-12-31');
    expect(res.statusCode, res.body).toBe(200);
    const st = res.json() as OutcomeStats;
    const sqlBy = async (col: string) =>
      Object.fromEntries((await t.sql<{ key: string; n: number }>(`select ${col} as key, count(*)::int as n from outcomes where tenant_id = $1 and published_on between '2026-01-01' and '2026-12-31' and ${col} is not null group by ${col}`, [tenantId])).map((r) => [r.key, r.n]));
    const asMap = (rows: OutcomeStats['byKind']) => Object.fromEntries(rows.map((r) => [r.key, r.count]));
    expect(asMap(st.byKind)).toEqual(await sqlBy('kind'));
    expect(asMap(st.byLevel)).toEqual(await sqlBy('level'));
    expect(asMap(st.byMedium)).toEqual(await sqlBy('medium'));
    expect(asMap(st.byArea)).toEqual(await sqlBy('area_code'));
    expect(st.byArea.every((a) => a.name)).toBe(true);
    expect(st.total).toBe(await count("select count(*)::int as n from outcomes where tenant_id = $1 and published_on between '2026-01-01' and '2026-12-31'", [tenantId]));
    const list = await call(t.app, s.office, 'GET', `/api/v1/outcomes?kind=media_report&medium=${encodeURIComponent('中国教育报')}&from=2026-01-01&to=2026-12-31`);
    expect(list.json().total).toBe(3);
    const unitStats = (await call(t.app, s.office, 'GET', `/api/v1/outcomes/stats?unitId=${u['XX-XY']}`)).json() as OutcomeStats;
    expect(unitStats.total).toBe(await count('select count(*)::int as n from outcomes where tenant_id = $1 and unit_id = $2', [tenantId, u['XX-XY']]));
  });

  it('scopes lists and stats: the liaison sees its college, the member the outcomes naming them', async () => {
    const scoped = await count(`select count(*)::int as n from outcomes o join units x on x.id = o.unit_id where o.tenant_id = $1 and x.code like 'JD-%'`, [tenantId]);
    const mine = (await call(t.app, s.liaison, 'GET', '/api/v1/outcomes?pageSize=500')).json() as { items: Outcome[]; total: number };
    expect(mine.total).toBe(scoped);
    expect(mine.items.every((o) => o.unitName.startsWith('机电'))).toBe(true);
    expect(((await call(t.app, s.liaison, 'GET', '/api/v1/outcomes/stats')).json() as OutcomeStats).total).toBe(scoped);
    const [memberRow] = await t.sql<{ person_id: string }>("select person_id from users where tenant_id = $1 and username = 'member'", [tenantId]);
    const named = await count('select count(*)::int as n from outcome_people where tenant_id = $1 and person_id = $2', [tenantId, memberRow.person_id]);
    expect(named).toBeGreaterThan(0);
    expect((await call(t.app, s.member, 'GET', '/api/v1/outcomes')).json().total).toBe(named);
    const other = (await call(t.app, s.office, 'GET', `/api/v1/outcomes?unitId=${u.DZB}&pageSize=1`)).json().items[0] as Outcome;
    expectError(await call(t.app, s.liaison, 'GET', `/api/v1/outcomes/${other.id}`), 404, 'OUTCOME_NOT_FOUND');
    expectError(await call(t.app, s.auditor, 'GET', '/api/v1/outcomes'), 403);
  });

  it('creates, updates and deletes with audit; versions guard edits', async () => {
    const before = await outcomeCount();
    const res = await create(s.liaison);
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json() as Outcome;
    expect(o).toMatchObject({ kind: 'media_report', medium: '中国教育报', areaName: '在产教融合上建新功', version: 1 });
    expect(o.people.map((p) => p.id).sort()).toEqual(jdStaff.slice(0, 2).sort());
    expect(await outcomeCount()).toBe(before + 1);
    const q = (await call(t.app, s.office, 'GET', `/api/v1/outcomes?q=${encodeURIComponent('工作室助力')}`)).json();
    expect(q.items.map((x: Outcome) => x.id)).toContain(o.id);
    const upd = await call(t.app, s.liaison, 'PATCH', `/api/v1/outcomes/${o.id}`, { level: 'provincial', personIds: [jdStaff[2]], version: 1 });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ level: 'provincial', version: 2, people: [{ id: jdStaff[2] }] });
    expectError(await call(t.app, s.liaison, 'PATCH', `/api/v1/outcomes/${o.id}`, { title: '旧版本', version: 1 }), 409, 'VERSION_CONFLICT');
    expect((await call(t.app, s.liaison, 'DELETE', `/api/v1/outcomes/${o.id}`)).statusCode).toBe(200);
    expect(await outcomeCount()).toBe(before);
    expect((await auditOf(o.id)).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses bad input, out-of-scope and read-only writers, writing nothing', async () => {
    const foreignTask = { id: crypto.randomUUID() };
    const [n, a] = [await outcomeCount(), await auditCount()];
    const field = (res: Awaited<ReturnType<typeof create>>, path: string) => expect((expectError(res, 400).details as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(path);
    field(await create(s.office, { kind: 'poem' }), 'body.kind');
    field(await create(s.office, { level: 'galactic' }), 'body.level');
    field(await create(s.office, { publishedOn: '2026-13-01' }), 'body.publishedOn');
    field(await create(s.office, { title: '' }), 'body.title');
    field(await create(s.office, { areaCode: 'nowhere' }), 'body.areaCode');
    field(await create(s.office, { taskId: foreignTask.id }), 'body.taskId');
    field(await create(s.office, { personIds: [jdStaff[0], jdStaff[0]] }), 'body.personIds.1');
    expectError(await create(s.liaison, { unitId: u.DZB }), 403, 'OUT_OF_SCOPE');
    expectError(await create(s.inspector), 403);
    expectError(await create(s.member), 403);
    expectError(await call(t.app, s.liaison, 'POST', '/api/v1/contribution-areas', { code: 'x', name: '新领域' }), 403);
    expect([await outcomeCount(), await auditCount()]).toEqual([n, a]);
  });

  it('lets the office configure contribution areas, and refuses deleting one in use', async () => {
    const res = await call(t.app, s.office, 'POST', '/api/v1/contribution-areas', { code: 'green_campus', name: '在绿色校园建设上建新功', sortOrder: 8 });
    expect(res.statusCode, res.body).toBe(201);
    expectError(await call(t.app, s.office, 'POST', '/api/v1/contribution-areas', { code: 'green_campus', name: '重复' }), 409, 'DUPLICATE');
    const used = (await call(t.app, s.office, 'GET', '/api/v1/contribution-areas')).json().items.find((x: { code: string }) => x.code === 'reform');
    expectError(await call(t.app, s.office, 'DELETE', `/api/v1/contribution-areas/${used.id}`), 409, 'CONTRIBUTION_AREA_IN_USE');
    expect((await call(t.app, s.office, 'PATCH', `/api/v1/contribution-areas/${res.json().id}`, { name: '在绿色低碳上建新功' })).json().name).toBe('在绿色低碳上建新功');
    expect((await call(t.app, s.office, 'DELETE', `/api/v1/contribution-areas/${res.json().id}`)).statusCode).toBe(200);
    expect((await t.sql<{ action: string }>("select action from audit_log where tenant_id = $1 and entity = 'contribution_area' order by seq", [tenantId])).map((r) => r.action)).toEqual(['create', 'update', 'delete']);
  });

  it('exports the filtered list to xlsx with Chinese headers', async () => {
    const res = await call(t.app, s.office, 'GET', '/api/v1/outcomes/export?kind=media_report&level=provincial');
    expect(res.statusCode, res.body).toBe(200);
    const rows = await readWorkbook(res.rawPayload);
    expect(rows[0].slice(0, 3)).toEqual(['类别', '标题', '单位']);
    expect(rows.length - 1).toBe(await count("select count(*)::int as n from outcomes where tenant_id = $1 and kind = 'media_report' and level = 'provincial'", [tenantId]));
  });
});
