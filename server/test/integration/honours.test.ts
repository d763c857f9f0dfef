import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HonourNomination, HonourRound } from '@santong/contract';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';
import { makeUser } from '../setup/factories.js';
import { readWorkbook } from '../setup/xlsx.js';

type Who = 'office' | 'leader' | 'liaison' | 'unithead' | 'inspector' | 'member' | 'auditor' | 'xxLiaison';

describeDb('honours rounds (两优一先)', () => {
  let t: TestApp;
  let tenantId: string;
  let s: Record<Who, Session>;
  const u: Record<string, string> = {};
  /** full party members of the liaison's college, one outside it, a non-member inside it */
  let jd: string[];
  let xxMember: string;
  let jdMasses: string;

  const count = async (q: string, params: unknown[] = []) => (await t.sql<{ n: number }>(q, params))[0].n;
  const writes = async () => [
    await count('select count(*)::int as n from honour_nominations where tenant_id = $1', [tenantId]),
    await count('select count(*)::int as n from audit_log where tenant_id = $1', [tenantId]),
    await count('select count(*)::int as n from notifications where tenant_id = $1', [tenantId]),
    await t.sql('select id, status, version, quotas from honour_rounds where tenant_id = $1 order by id', [tenantId]),
  ];
  const auditOf = (entity: string, id: string) => t.sql<{ action: string }>('select action from audit_log where tenant_id = $1 and entity = $2 and entity_id = $3 order by seq', [tenantId, entity, id]);
  const newRound = async (quotas = { outstanding_member: 2, outstanding_worker: 1, advanced_organisation: 1 }) => {
    const res = await call(t.app, s.office, 'POST', '/api/v1/honour-rounds', { year: 2027, title: `测试评选${crypto.randomBytes(3).toString('hex')}`, quotas });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as HonourRound;
  };
  const nominate = (roundId: string, body: Record<string, unknown>, who = s.liaison) =>
    call(t.app, who, 'POST', `/api/v1/honour-rounds/${roundId}/nominations`, { category: 'outstanding_member', reason: '扎根一线，成绩突出', ...body });
  const step = (roundId: string, path: string, body?: unknown, who = s.office) => call(t.app, who, 'POST', `/api/v1/honour-rounds/${roundId}/${path}`, body);
  const decide = (id: string, path: 'review' | 'award', body: unknown, who = s.office) => call(t.app, who, 'POST', `/api/v1/honour-nominations/${id}/${path}`, body);
  const list = async (roundId: string, who: Session, q = '') => {
    const res = await call(t.app, who, 'GET', `/api/v1/honour-rounds/${roundId}/nominations?pageSize=500${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: HonourNomination[]; total: number };
  };
  /** A refused write: the status and code, and nothing written (no nomination, audit, notification or round change). */
  const refused = async (run: () => Promise<Awaited<ReturnType<typeof call>>>, status: number, code?: string) => {
    const before = await writes();
    const err = expectError(await run(), status, code);
    expect(await writes()).toEqual(before);
    return err;
  };

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    for (const c of ['JD-XY', 'JD-ZZ', 'JD-JG', 'JD-XS', 'XX-XY', 'XX-JG']) u[c] = await unitIdByCode(t, c);
    const byStatus = async (unit: string, status: string) =>
      (await t.sql<{ id: string }>('select id from people where tenant_id = $1 and unit_id = $2 and political_status = $3 order by staff_no', [tenantId, unit, status])).map((r) => r.id);
    jd = await byStatus(u['JD-XY'], 'cpc_member');
    xxMember = (await byStatus(u['XX-XY'], 'cpc_member'))[0];
    jdMasses = (await byStatus(u['JD-XY'], 'masses'))[0];
    const xx = await makeUser(t, { roles: ['liaison'], personId: xxMember });
    const names = ['office', 'leader', 'liaison', 'unithead', 'inspector', 'member', 'auditor'] as const;
    s = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await login(t.app, n)]))) as Record<Who, Session>;
    s.xxLiaison = await login(t.app, xx.username);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('seeds last year closed with awards and this year in publicity across the demo today', async () => {
    const res = await call(t.app, s.member, 'GET', '/api/v1/honour-rounds?sort=year');
    expect(res.statusCode, res.body).toBe(200);
    const [y2025, y2026] = (res.json() as { items: HonourRound[] }).items;
    expect([y2025.status, y2026.status]).toEqual(['closed', 'publicity']);
    expect(y2025.counts.outstanding_member.awarded).toBeGreaterThan(0);
    expect(y2026.publicityStart! <= '2026-11-28' && y2026.publicityEnd! >= '2026-11-28').toBe(true);
    for (const c of ['outstanding_member', 'outstanding_worker', 'advanced_organisation'] as const) expect(y2026.counts[c].approved).toBeLessThanOrEqual(y2026.quotas[c]);
    // during publicity the member sees the whole approved list, not the rejected ones
    const pub = await list(y2026.id, s.member);
    expect(pub.total).toBe(await count("select count(*)::int as n from honour_nominations where round_id = $1 and status = 'approved'", [y2026.id]));
    expect(pub.items.every((n) => n.status === 'approved')).toBe(true);
    // outside publicity: by scope; the member (self) sees nothing of last year, the liaison only the JD units'
    expect((await list(y2025.id, s.member)).total).toBe(await count('select count(*)::int as n from honour_nominations where round_id = $1 and nominee_person_id = (select person_id from users where username = $2)', [y2025.id, 'member']));
    const mine = await list(y2025.id, s.liaison);
    expect(mine.items.every((n) => n.nominatingUnitName.startsWith('机电'))).toBe(true);
    expect(mine.total).toBeLessThan((await list(y2025.id, s.inspector)).total);
    expect((await list(y2025.id, s.office)).total).toBe(await count('select count(*)::int as n from honour_nominations where round_id = $1', [y2025.id]));
  });

  it('runs the life cycle: nominate → review → publicity → award → closed, with audit, notifications and export', async () => {
    const round = await newRound();
    const a = await nominate(round.id, { nomineePersonId: jd[0] });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ status: 'nominated', nominatingUnitId: u['JD-XY'], nomineePersonUnitName: '机电工程学院' });
    const b = (await nominate(round.id, { nomineePersonId: jd[1], nominatingUnitId: u['JD-ZZ'] }, s.unithead)).json() as HonourNomination;
    const org = await nominate(round.id, { category: 'advanced_organisation', nomineeUnitId: u['JD-JG'] });
    expect(org.statusCode, org.body).toBe(201);
    const w = (await nominate(round.id, { category: 'outstanding_worker', nomineePersonId: jd[2] })).json() as HonourNomination;
    // outside publicity the other college's liaison and the member see none of it; the office and inspectors all
    expect((await list(round.id, s.xxLiaison)).total).toBe(0);
    expect((await list(round.id, s.member)).total).toBe(0);
    expect((await list(round.id, s.inspector)).total).toBe(4);
    expect((await list(round.id, s.liaison, '&category=outstanding_member')).total).toBe(2);

    expectError(await step(round.id, 'start-review', undefined, s.liaison), 403);
    expect((await step(round.id, 'start-review')).json()).toMatchObject({ status: 'reviewing' });
    await refused(() => nominate(round.id, { nomineePersonId: jd[3] }), 409, 'HONOUR_ROUND_STATE_INVALID');
    await refused(() => decide(b.id, 'review', { decision: 'reject' }), 400, 'VALIDATION_FAILED');
    expect((await decide(a.json().id, 'review', { decision: 'approve', note: '事迹突出' })).json()).toMatchObject({ status: 'approved', reviewNote: '事迹突出' });
    expect((await decide(b.id, 'review', { decision: 'reject', note: '材料不全' })).json()).toMatchObject({ status: 'rejected' });
    await refused(() => decide(b.id, 'review', { decision: 'approve' }), 409, 'HONOUR_NOMINATION_STATE_INVALID');
    const pending = await refused(() => step(round.id, 'publicity', { publicityStart: '2027-06-01', publicityEnd: '2027-06-07' }), 409, 'HONOUR_ROUND_STATE_INVALID');
    expect(pending.details).toMatchObject({ pending: 2 });
    await decide(org.json().id, 'review', { decision: 'approve' });
    await decide(w.id, 'review', { decision: 'approve' });
    // the liaison heard of each result
    expect(await count("select count(*)::int as n from notifications n join users u on u.id = n.user_id where u.username = 'liaison' and n.entity = 'honour_nomination' and n.entity_id = any($1::uuid[])", [[a.json().id, b.id]])).toBe(2);

    const bad = await refused(() => step(round.id, 'publicity', { publicityStart: '2027-06-07', publicityEnd: '2027-06-01' }), 400, 'VALIDATION_FAILED');
    expect((bad.details as { issues: { path: string }[] }).issues[0].path).toBe('body.publicityEnd');
    const open = await step(round.id, 'publicity', { publicityStart: '2027-06-01', publicityEnd: '2027-06-07' });
    expect(open.json()).toMatchObject({ status: 'publicity', publicityStart: '2027-06-01', publicityEnd: '2027-06-07' });
    // everyone in the tenant hears of it, and sees the publicised list (not the rejected one)
    for (const who of ['member', 'leader', 'liaison', 'inspector']) {
      expect(await count("select count(*)::int as n from notifications n join users u on u.id = n.user_id where u.username = $1 and n.kind = 'honour.publicity' and n.entity_id = $2", [who, round.id])).toBe(1);
    }
    const seen = await list(round.id, s.member);
    expect(seen.items.map((n) => n.nomineeName).sort()).toEqual((await list(round.id, s.xxLiaison)).items.map((n) => n.nomineeName).sort());
    expect(seen.total).toBe(3);
    expect(seen.items.some((n) => n.id === b.id)).toBe(false);

    await refused(() => step(round.id, 'close'), 409, 'HONOUR_ROUND_STATE_INVALID');
    await refused(() => decide(w.id, 'award', { decision: 'not_award' }), 400, 'VALIDATION_FAILED');
    expect((await decide(a.json().id, 'award', { decision: 'award' })).json()).toMatchObject({ status: 'awarded', reviewNote: '事迹突出' });
    await decide(org.json().id, 'award', { decision: 'award' });
    await decide(w.id, 'award', { decision: 'not_award', note: '公示期间收到实名反映，经核实暂缓表彰' });
    expect((await step(round.id, 'close')).json()).toMatchObject({ status: 'closed', counts: { outstanding_member: { awarded: 1 }, advanced_organisation: { awarded: 1 }, outstanding_worker: { awarded: 0 } } });

    const xlsx = await call(t.app, s.office, 'GET', `/api/v1/honour-rounds/${round.id}/nominations/export?status=awarded`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const rows = await readWorkbook(xlsx.rawPayload);
    expect(rows[0].slice(0, 5)).toEqual(['表彰类别', '姓名/组织名称', '所在单位', '职务职称', '推荐单位']);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(['优秀共产党员', '先进基层党组织']);
    expect(rows.slice(1).find((r) => r[0] === '先进基层党组织')![1]).toBe('机电学院教工党支部');

    expect((await auditOf('honour_round', round.id)).map((x) => x.action)).toEqual(['create', 'start_review', 'open_publicity', 'close']);
    expect((await auditOf('honour_nomination', a.json().id)).map((x) => x.action)).toEqual(['nominate', 'approve', 'award']);
    expect((await auditOf('honour_nomination', w.id)).map((x) => x.action)).toEqual(['nominate', 'approve', 'not_award']);
    // outside publicity again: back to scope
    expect((await list(round.id, s.member)).total).toBe(0);
  });

  it('enforces the quota at nomination (409 naming category, quota and count; nothing written)', async () => {
    const round = await newRound({ outstanding_member: 1, outstanding_worker: 0, advanced_organisation: 1 });
    expect((await nominate(round.id, { nomineePersonId: jd[0] })).statusCode).toBe(201);
    const err = await refused(() => nominate(round.id, { nomineePersonId: jd[1] }), 409, 'HONOUR_QUOTA_EXCEEDED');
    expect(err.details).toEqual({ category: 'outstanding_member', quota: 1, count: 1, counted: 'nominations' });
    await refused(() => nominate(round.id, { category: 'outstanding_worker', nomineePersonId: jd[1] }), 409, 'HONOUR_QUOTA_EXCEEDED');
    // two concurrent nominations for the last place: one wins
    const both = await Promise.all([
      nominate(round.id, { category: 'advanced_organisation', nomineeUnitId: u['JD-JG'] }),
      nominate(round.id, { category: 'advanced_organisation', nomineeUnitId: u['JD-XS'] }, s.unithead),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await count("select count(*)::int as n from honour_nominations where round_id = $1 and category = 'advanced_organisation'", [round.id])).toBe(1);
  });

  it('enforces the quota at approval: of two concurrent approvals for the last place only one wins', async () => {
    const round = await newRound({ outstanding_member: 3, outstanding_worker: 1, advanced_organisation: 1 });
    const ids: string[] = [];
    for (const p of jd.slice(0, 3)) ids.push(((await nominate(round.id, { nomineePersonId: p })).json() as HonourNomination).id);
    await step(round.id, 'start-review');
    expect((await decide(ids[0], 'review', { decision: 'approve' })).statusCode).toBe(200);
    // the office cuts the places to 2 (never below the approved one)
    const below = await refused(() => call(t.app, s.office, 'PATCH', `/api/v1/honour-rounds/${round.id}`, { quotas: { ...round.quotas, outstanding_member: 0 }, version: round.version + 1 }), 400);
    expect((below.details as { issues: { path: string }[] }).issues[0].path).toBe('body.quotas.outstanding_member');
    const cut = await call(t.app, s.office, 'PATCH', `/api/v1/honour-rounds/${round.id}`, { quotas: { ...round.quotas, outstanding_member: 2 }, version: round.version + 1 });
    expect(cut.statusCode, cut.body).toBe(200);
    await refused(() => call(t.app, s.office, 'PATCH', `/api/v1/honour-rounds/${round.id}`, { title: '旧版本', version: round.version }), 409, 'VERSION_CONFLICT');
    const both = await Promise.all([decide(ids[1], 'review', { decision: 'approve' }), decide(ids[2], 'review', { decision: 'approve' }, s.office)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().error).toMatchObject({ code: 'HONOUR_QUOTA_EXCEEDED', details: { category: 'outstanding_member', quota: 2, count: 2, counted: 'approvals' } });
    expect(await count("select count(*)::int as n from honour_nominations where round_id = $1 and status = 'approved'", [round.id])).toBe(2);
  });

  it('refuses nominees outside scope (403), wrong nominees (400), duplicates (409) and steps out of order (409)', async () => {
    const round = await newRound();
    await refused(() => nominate(round.id, { nomineePersonId: xxMember }), 403, 'OUT_OF_SCOPE');
    await refused(() => nominate(round.id, { category: 'advanced_organisation', nomineeUnitId: u['XX-JG'] }), 403, 'OUT_OF_SCOPE');
    await refused(() => nominate(round.id, { nomineePersonId: jd[0], nominatingUnitId: u['XX-XY'] }), 403, 'OUT_OF_SCOPE');
    const field = async (body: Record<string, unknown>, path: string) =>
      expect(((await refused(() => nominate(round.id, body), 400)).details as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(path);
    await field({ nomineePersonId: jdMasses }, 'body.nomineePersonId');
    await field({ nomineePersonId: crypto.randomUUID() }, 'body.nomineePersonId');
    await field({ category: 'advanced_organisation', nomineeUnitId: u['JD-XY'] }, 'body.nomineeUnitId');
    await field({ category: 'advanced_organisation', nomineePersonId: jd[0] }, 'body.nomineeUnitId');
    await field({ nomineePersonId: jd[0], reason: '' }, 'body.reason');
    await field({ category: 'honorary', nomineePersonId: jd[0] }, 'body.category');
    const first = (await nominate(round.id, { nomineePersonId: jd[0] })).json() as HonourNomination;
    await refused(() => nominate(round.id, { nomineePersonId: jd[0] }, s.unithead), 409, 'DUPLICATE');
    // out of order
    await refused(() => decide(first.id, 'review', { decision: 'approve' }), 409, 'HONOUR_ROUND_STATE_INVALID');
    await refused(() => step(round.id, 'publicity', { publicityStart: '2027-06-01', publicityEnd: '2027-06-07' }), 409, 'HONOUR_ROUND_STATE_INVALID');
    await refused(() => step(round.id, 'close'), 409, 'HONOUR_ROUND_STATE_INVALID');
    expectError(await call(t.app, s.xxLiaison, 'DELETE', `/api/v1/honour-nominations/${first.id}`), 404, 'HONOUR_NOMINATION_NOT_FOUND');
    await step(round.id, 'start-review');
    await refused(() => step(round.id, 'start-review'), 409, 'HONOUR_ROUND_STATE_INVALID');
    await refused(() => decide(first.id, 'award', { decision: 'award' }), 409, 'HONOUR_ROUND_STATE_INVALID');
    await refused(() => call(t.app, s.liaison, 'DELETE', `/api/v1/honour-nominations/${first.id}`), 409, 'HONOUR_ROUND_STATE_INVALID');
    await decide(first.id, 'review', { decision: 'approve' });
    await step(round.id, 'publicity', { publicityStart: '2027-06-01', publicityEnd: '2027-06-01' });
    await refused(() => decide(first.id, 'review', { decision: 'reject', note: '再议' }), 409, 'HONOUR_ROUND_STATE_INVALID');
    await refused(() => call(t.app, s.office, 'PATCH', `/api/v1/honour-rounds/${round.id}`, { title: '改名', version: 99 }), 409, 'HONOUR_ROUND_STATE_INVALID');
    expectError(await call(t.app, s.office, 'GET', `/api/v1/honour-rounds/${crypto.randomUUID()}`), 404, 'HONOUR_ROUND_NOT_FOUND');
    expectError(await decide(crypto.randomUUID(), 'award', { decision: 'award' }), 404, 'HONOUR_NOMINATION_NOT_FOUND');
  });

  it('lets a unit withdraw its nomination while nominations are open', async () => {
    const round = await newRound();
    const n = (await nominate(round.id, { nomineePersonId: jd[4] })).json() as HonourNomination;
    const res = await call(t.app, s.liaison, 'DELETE', `/api/v1/honour-nominations/${n.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await auditOf('honour_nomination', n.id)).map((x) => x.action)).toEqual(['nominate', 'withdraw']);
    expect((await list(round.id, s.office)).total).toBe(0);
  });

  it('grants by permission: 403 for roles without it, writing nothing', async () => {
    const round = await newRound();
    await refused(() => nominate(round.id, { nomineePersonId: jd[0] }, s.member), 403, 'FORBIDDEN');
    await refused(() => nominate(round.id, { nomineePersonId: jd[0] }, s.office), 403, 'FORBIDDEN');
    await refused(() => nominate(round.id, { nomineePersonId: jd[0] }, s.inspector), 403, 'FORBIDDEN');
    await refused(() => call(t.app, s.liaison, 'POST', '/api/v1/honour-rounds', { year: 2027, title: '越权', quotas: round.quotas }), 403, 'FORBIDDEN');
    await refused(() => step(round.id, 'start-review', undefined, s.leader), 403, 'FORBIDDEN');
    await refused(() => step(round.id, 'start-review', undefined, s.inspector), 403, 'FORBIDDEN');
    expectError(await call(t.app, s.auditor, 'GET', '/api/v1/honour-rounds'), 403);
    expectError(await call(t.app, s.auditor, 'GET', `/api/v1/honour-rounds/${round.id}/nominations`), 403);
    for (const who of ['member', 'leader', 'liaison', 'inspector'] as const) expect((await call(t.app, s[who], 'GET', `/api/v1/honour-rounds/${round.id}`)).statusCode).toBe(200);
  });
});
