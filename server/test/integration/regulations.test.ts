import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Regulation, RegulationCleanup, RegulationDetail } from '@santong/contract';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';
import { readWorkbook } from '../setup/xlsx.js';

describeDb('regulations', () => {
  let t: TestApp;
  let tenantId: string;
  let s: Record<'office' | 'leader' | 'liaison' | 'inspector' | 'member', Session>;
  let zzb: string;

  const count = async (q: string, params: unknown[] = []) => (await t.sql<{ n: number }>(q, params))[0].n;
  const regCount = () => count('select count(*)::int as n from regulations where tenant_id = $1', [tenantId]);
  const auditCount = () => count('select count(*)::int as n from audit_log where tenant_id = $1', [tenantId]);
  const auditOf = (id: string) => t.sql<{ action: string }>("select action from audit_log where tenant_id = $1 and entity = 'regulation' and entity_id = $2 order by seq", [tenantId, id]);
  const post = (path: string, body: unknown, who = s.office) => call(t.app, who, 'POST', `/api/v1/regulations${path}`, body);
  const draft = async (title = '二级学院党组织会议议事规则') => {
    const res = await post('', { title, docNo: '南粤职院党〔2026〕88号', ownerUnitId: zzb, category: 'party_building', body: '第一条 为规范……' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as RegulationDetail;
  };
  /** Runs a step that must be refused with 409, checking nothing was written. */
  const refused = async (path: string, body: unknown) => {
    const [n, a, snapshot] = [await regCount(), await auditCount(), await t.sql('select id, status, version from regulations where tenant_id = $1 order by id', [tenantId])];
    expectError(await post(path, body), 409, 'REGULATION_STATE_INVALID');
    expect([await regCount(), await auditCount()]).toEqual([n, a]);
    expect(await t.sql('select id, status, version from regulations where tenant_id = $1 order by id', [tenantId])).toEqual(snapshot);
  };

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    zzb = await unitIdByCode(t, 'ZZB');
    s = { office: await login(t.app, 'office'), leader: await login(t.app, 'leader'), liaison: await login(t.app, 'liaison'), inspector: await login(t.app, 'inspector'), member: await login(t.app, 'member') };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reports the seeded 2026 cleanup: 22 made, 66 revised, 5 abolished, equal to SQL counts', async () => {
    const res = await call(t.app, s.leader, 'GET', '/api/v1/regulations/cleanup?from=2026-01-01&to=2026-12-31');
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as RegulationCleanup;
    expect([c.made.count, c.revised.count, c.abolished.count]).toEqual([22, 66, 5]);
    expect(c.made.items).toHaveLength(22);
    expect(c.revised.items.every((r) => r.versionNo > 1 && r.previousId)).toBe(true);
    expect(c.abolished.items.every((r) => r.status === 'abolished' && r.abolishReason)).toBe(true);
    expect(await count("select count(*)::int as n from regulations where tenant_id = $1 and status = 'revised' and revised_on between '2026-01-01' and '2026-12-31'", [tenantId])).toBe(66);
    const current = (await call(t.app, s.inspector, 'GET', '/api/v1/regulations?current=true&pageSize=1')).json();
    expect(current.total).toBe(await count("select count(*)::int as n from regulations where tenant_id = $1 and status <> 'revised'", [tenantId]));
    expectError(await call(t.app, s.office, 'GET', '/api/v1/regulations/cleanup?from=2026-12-31&to=2026-01-01'), 400);
    expectError(await call(t.app, s.member, 'GET', '/api/v1/regulations'), 403);
  });

  it('publishes, revises into a new version and abolishes, with history and audit', async () => {
    const d = await draft();
    expect(d).toMatchObject({ status: 'draft', versionNo: 1, history: [{ id: d.id }] });
    const edited = await call(t.app, s.office, 'PATCH', `/api/v1/regulations/${d.id}`, { title: '二级学院党组织会议制度', version: d.version });
    expect(edited.statusCode, edited.body).toBe(200);
    const pub = await post(`/${d.id}/publish`, { effectiveOn: '2026-03-01' });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'in_force', effectiveOn: '2026-03-01' });
    const rev = await post(`/${d.id}/revise`, { body: '第一条（修订）', effectiveOn: '2026-09-01' });
    expect(rev.statusCode, rev.body).toBe(201);
    const v2 = rev.json() as RegulationDetail;
    expect(v2).toMatchObject({ seriesId: d.seriesId, versionNo: 2, previousId: d.id, status: 'in_force', title: '二级学院党组织会议制度', effectiveOn: '2026-09-01' });
    expect(v2.history.map((h) => [h.versionNo, h.status])).toEqual([[1, 'revised'], [2, 'in_force']]);
    expect(v2.history[0].revisedOn).toBe('2026-09-01');
    const viaOld = (await call(t.app, s.leader, 'GET', `/api/v1/regulations/${d.id}`)).json() as RegulationDetail;
    expect(viaOld.history.map((h) => h.id)).toEqual([d.id, v2.id]);
    const ab = await post(`/${v2.id}/abolish`, { reason: '已被新制度替代', abolishedOn: '2026-11-01' });
    expect(ab.statusCode, ab.body).toBe(200);
    expect(ab.json()).toMatchObject({ status: 'abolished', abolishedOn: '2026-11-01', abolishReason: '已被新制度替代' });
    expect((await auditOf(d.id)).map((a) => a.action)).toEqual(['create', 'update', 'publish', 'revise']);
    expect((await auditOf(v2.id)).map((a) => a.action)).toEqual(['create', 'abolish']);
  });

  it('refuses every out-of-order step with 409, writing nothing', async () => {
    const d = await draft('学生党员发展工作实施细则');
    await refused(`/${d.id}/revise`, { effectiveOn: '2026-05-01' });
    await refused(`/${d.id}/abolish`, { reason: '试', abolishedOn: '2026-05-01' });
    expect((await post(`/${d.id}/publish`, { effectiveOn: '2026-04-01' })).statusCode).toBe(200);
    await refused(`/${d.id}/publish`, { effectiveOn: '2026-04-02' });
    const v2 = (await post(`/${d.id}/revise`, { effectiveOn: '2026-06-01' })).json() as Regulation;
    // the superseded version: no second revision, no abolition, no edit, no delete
    await refused(`/${d.id}/revise`, { effectiveOn: '2026-07-01' });
    await refused(`/${d.id}/abolish`, { reason: '试', abolishedOn: '2026-07-01' });
    expectError(await call(t.app, s.office, 'PATCH', `/api/v1/regulations/${d.id}`, { title: '改', version: 99 }), 409, 'REGULATION_STATE_INVALID');
    expectError(await call(t.app, s.office, 'DELETE', `/api/v1/regulations/${d.id}`), 409, 'REGULATION_STATE_INVALID');
    expect((await post(`/${v2.id}/abolish`, { reason: '整合', abolishedOn: '2026-08-01' })).statusCode).toBe(200);
    await refused(`/${v2.id}/revise`, { effectiveOn: '2026-09-01' });
    await refused(`/${v2.id}/abolish`, { reason: '再次', abolishedOn: '2026-09-01' });
    await refused(`/${v2.id}/publish`, { effectiveOn: '2026-09-01' });
  });

  it('refuses bad input (400 naming the field), unknown ids (404) and non-office writers (403)', async () => {
    const [n, a] = [await regCount(), await auditCount()];
    const field = async (res: Awaited<ReturnType<typeof post>>, path: string) => expect((expectError(res, 400).details as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(path);
    await field(await post('', { title: '', ownerUnitId: zzb, category: 'party_building' }), 'body.title');
    await field(await post('', { title: '某制度', ownerUnitId: zzb, category: 'poetry' }), 'body.category');
    await field(await post('', { title: '某制度', ownerUnitId: crypto.randomUUID(), category: 'other' }), 'body.ownerUnitId');
    const inForce = (await call(t.app, s.office, 'GET', '/api/v1/regulations?status=in_force&pageSize=1')).json().items[0] as Regulation;
    await field(await post(`/${inForce.id}/revise`, { effectiveOn: '1999-01-01' }), 'body.effectiveOn');
    await field(await post(`/${inForce.id}/abolish`, { abolishedOn: '2026-12-01' }), 'body.reason');
    expectError(await post(`/${crypto.randomUUID()}/publish`, { effectiveOn: '2026-01-01' }), 404, 'REGULATION_NOT_FOUND');
    expectError(await post('', { title: '某制度', ownerUnitId: zzb, category: 'other' }, s.liaison), 403);
    expectError(await post(`/${inForce.id}/abolish`, { reason: '试', abolishedOn: '2026-12-01' }, s.leader), 403);
    expect([await regCount(), await auditCount()]).toEqual([n, a]);
  });

  it('lists with filters and search, and exports to xlsx', async () => {
    const cat = (await call(t.app, s.office, 'GET', '/api/v1/regulations?category=finance&current=true&sort=title')).json();
    expect(cat.total).toBe(await count("select count(*)::int as n from regulations where tenant_id = $1 and category = 'finance' and status <> 'revised'", [tenantId]));
    const q = (await call(t.app, s.office, 'GET', `/api/v1/regulations?q=${encodeURIComponent('差旅费')}`)).json();
    expect(q.total).toBeGreaterThan(0);
    expect(q.items.every((r: Regulation) => r.title.includes('差旅费'))).toBe(true);
    const res = await call(t.app, s.office, 'GET', '/api/v1/regulations/export?status=abolished');
    expect(res.statusCode).toBe(200);
    const rows = await readWorkbook(res.rawPayload);
    expect(rows[0][0]).toBe('制度名称');
    expect(rows.length - 1).toBe(await count("select count(*)::int as n from regulations where tenant_id = $1 and status = 'abolished'", [tenantId]));
  });
});
