import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ResultApplication, ResultDetail, ResultTable } from '@santong/contract';
import { assessmentIndicators, assessmentSchemes, assessmentTargets, raterAssignments, raterGroups, ratingScores, targetAdjustments, targetReports } from '../../src/db/schema/index.js';
import { gatherFigures, yearWindow } from '../../src/modules/assessment-results/figures.repo.js';
import { parseFormula } from '../../src/modules/assessment-results/metrics.js';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';
import { makeUser } from '../setup/factories.js';

/**
 * The results half of the year-end assessment, from rows inserted directly
 * (scheme, indicator tree, targets, raters, submitted scores) to publication.
 * Year 2031 keeps the demo tenant's own data out of the figures.
 */
const YEAR = 2031;

describeDb('assessment results and their application', () => {
  let t: TestApp;
  let tenantId: string;
  let s: Record<'office' | 'unithead' | 'member' | 'liaison' | 'leader', Session>;
  const u: Record<string, string> = {};
  const target: Record<string, string> = {};
  let schemeId: string;
  let groups: { L: string; S: string };
  let late: { id: string; name: string };

  const count = async (q: string, params: unknown[] = []) => (await t.sql<{ n: number }>(q, params))[0].n;
  const auditActions = (entity: string, id: string) =>
    t.sql<{ action: string }>('select action from audit_log where tenant_id = $1 and entity = $2 and entity_id = $3 order by seq', [tenantId, entity, id]).then((r) => r.map((x) => x.action));
  const outcome = (unitId: string, kind: string, on: string) =>
    t.sql("insert into outcomes (tenant_id, kind, title, unit_id, level, published_on) values ($1, $2, '测试成果', $3, 'school', $4)", [tenantId, kind, unitId, on]);

  /** The scheme of the hand computation (see the totals test). */
  async function buildScheme(status = 'closed') {
    const [scheme] = await t.db.insert(assessmentSchemes).values({
      tenantId, year: YEAR, title: `${YEAR}年度党建与业务工作综合考核`, status, trimmedMean: true,
      bands: [{ name: '优秀', minScore: 90, maxShare: 0.2 }, { name: '良好', minScore: 80, maxShare: 0.5 }, { name: '一般', minScore: 60, maxShare: null }, { name: '较差', minScore: 0, maxShare: null }],
      adjustmentItems: [{ code: 'media', kind: 'bonus', name: '重大宣传报道', cap: 2 }, { code: 'late', kind: 'penalty', name: '工作推进滞后', cap: 5 }, { code: 'safety', kind: 'veto', name: '重大安全责任事故', cap: null }],
    }).returning();
    const ind = async (name: string, parentId: string | null, weight: number, track: string, method = 'manual', formula: unknown = null) =>
      (await t.db.insert(assessmentIndicators).values({ tenantId, schemeId: scheme.id, parentId, name, weight, maxScore: 10, track, method, formula }).returning())[0].id;
    const P = await ind('党的建设', null, 40, 'party');
    const B = await ind('事业发展', null, 40, 'business');
    const F = await ind('特色工作', null, 20, 'featured');
    const leaves = { P1: await ind('基层组织建设', P, 100, 'party'), B1: await ind('重点任务推进', B, 50, 'business'), F1: await ind('特色品牌', F, 100, 'featured') };
    await ind('宣传报道', B, 50, 'business', 'data', { kind: 'count', metric: 'outcome_count', cap: 5, outcomeKind: 'media_report' });
    const [L] = await t.db.insert(raterGroups).values({ tenantId, schemeId: scheme.id, name: '校领导', weight: 60 }).returning();
    const [S] = await t.db.insert(raterGroups).values({ tenantId, schemeId: scheme.id, name: '教职工代表', weight: 40 }).returning();
    return { scheme, leaves, groups: { L: L.id, S: S.id } };
  }

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    for (const c of ['JD-XY', 'JD-ZZ', 'JD-JG', 'XX-XY', 'XX-ZZ', 'JG-XY', 'JG-ZZ', 'YS-XY', 'YS-ZZ', 'JWC', 'KYC']) u[c] = await unitIdByCode(t, c);
    s = { office: await login(t.app, 'office'), unithead: await login(t.app, 'unithead'), member: await login(t.app, 'member'), liaison: await login(t.app, 'liaison'), leader: await login(t.app, 'leader') };
    const built = await buildScheme();
    schemeId = built.scheme.id;
    groups = built.groups;
    const targets: [string, string, string | null, number[]][] = [
      // name, unit, paired unit, scores of [leader 1, leader 2, staff] on every manual leaf
      ['机电工程学院', u['JD-XY'], u['JD-ZZ'], [10, 9, 9.5]],
      ['信息工程学院', u['XX-XY'], u['XX-ZZ'], [10, 10, 10]],
      ['经济管理学院', u['JG-XY'], u['JG-ZZ'], [9, 9, 9]],
      ['艺术设计学院', u['YS-XY'], u['YS-ZZ'], [10, 10, 10]],
      ['教务处', u.JWC, null, [7, 7, 7]],
      ['科研处', u.KYC, null, [9, 8, 8.5]],
    ];
    const raters = [await makeUser(t, { roles: ['leader'] }), await makeUser(t, { roles: ['leader'] }), await makeUser(t, { roles: ['member'] })];
    late = await makeUser(t, { roles: ['member'], displayName: '迟交评分人' }).then((x) => ({ id: x.id, name: x.displayName }));
    for (const [name, unitId, pairedUnitId, scores] of targets) {
      const [row] = await t.db.insert(assessmentTargets).values({ tenantId, schemeId, unitId, pairedUnitId, name }).returning();
      target[name] = row.id;
      for (const [i, r] of raters.entries()) {
        const [a] = await t.db.insert(raterAssignments).values({ tenantId, schemeId, groupId: i < 2 ? groups.L : groups.S, raterUserId: r.id, targetId: row.id, status: 'submitted', submittedAt: new Date() }).returning();
        await t.db.insert(ratingScores).values(Object.values(built.leaves).map((indicatorId) => ({ tenantId, assignmentId: a.id, indicatorId, score: scores[i] })));
      }
    }
    // a fourth rater who saved a draft for 机电 but never submitted: missing, and the draft must not count
    const [draft] = await t.db.insert(raterAssignments).values({ tenantId, schemeId, groupId: groups.S, raterUserId: late.id, targetId: target['机电工程学院'] }).returning();
    await t.db.insert(ratingScores).values(Object.values(built.leaves).map((indicatorId) => ({ tenantId, assignmentId: draft.id, indicatorId, score: 0 })));
    await t.db.insert(targetAdjustments).values([
      { tenantId, targetId: target['机电工程学院'], kind: 'bonus', item: 'media', points: 3 },
      { tenantId, targetId: target['教务处'], kind: 'penalty', item: 'late', points: 2 },
      { tenantId, targetId: target['艺术设计学院'], kind: 'veto', item: 'safety', points: 0 },
    ]);
    await t.db.insert(targetReports).values([{ tenantId, targetId: target['机电工程学院'], kind: 'head', body: '说院：全年重点任务全部完成' }]);
    // media reports in 2031: 机电 3 in the college + 2 in a branch under its paired general branch = 5
    for (const [unit, n] of [['JD-XY', 3], ['JD-JG', 2], ['XX-XY', 3], ['JG-XY', 3], ['YS-XY', 4], ['KYC', 4]] as const) for (let i = 0; i < n; i++) await outcome(u[unit], 'media_report', `${YEAR}-05-0${i + 1}`);
    await outcome(u.JWC, 'theory_article', `${YEAR}-03-01`);
    await outcome(u.JWC, 'media_report', `${YEAR - 1}-12-31`);
  });
  afterAll(async () => {
    await t?.close();
  });

  const results = (who: Session) => call(t.app, who, 'GET', `/api/v1/assessment-schemes/${schemeId}/results`);

  it('refuses to compute while ratings are missing, listing them, and writes nothing', async () => {
    const audits = await count('select count(*)::int as n from audit_log where tenant_id = $1', [tenantId]);
    const err = expectError(await call(t.app, s.office, 'POST', `/api/v1/assessment-schemes/${schemeId}/compute`, {}), 409, 'RATINGS_MISSING');
    expect(err.details?.missing).toEqual([{ targetId: target['机电工程学院'], targetName: '机电工程学院', raterUserId: late.id, raterName: '迟交评分人', groupName: '教职工代表' }]);
    expect(await count('select count(*)::int as n from assessment_results where tenant_id = $1 and scheme_id = $2', [tenantId, schemeId])).toBe(0);
    expect(await count('select count(*)::int as n from audit_log where tenant_id = $1', [tenantId])).toBe(audits);
    expectError(await call(t.app, s.office, 'POST', `/api/v1/assessment-schemes/${schemeId}/compute`, { overrideReason: 'x' }), 400);
    expectError(await call(t.app, s.unithead, 'POST', `/api/v1/assessment-schemes/${schemeId}/compute`, { overrideReason: '评分人出差' }), 403);
  });

  it('computes with a recorded override: totals, sub-totals, ties, quota and veto as by hand', async () => {
    const res = await call(t.app, s.office, 'POST', `/api/v1/assessment-schemes/${schemeId}/compute`, { overrideReason: '该评分人长期出差，经党委办同意不计入' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ computed: 6, overridden: true });
    expect((await t.sql<{ override_reason: string }>('select override_reason from assessment_schemes where id = $1', [schemeId]))[0].override_reason).toContain('出差');
    expect(await auditActions('assessment_scheme', schemeId)).toEqual(['override', 'compute']);
    const table = (await results(s.office)).json() as ResultTable;
    const by = Object.fromEntries(table.items.map((r) => [r.targetName, r]));
    // manual leaves weigh 0.4 + 0.2 + 0.2 = 0.8 → 8 × s; the media leaf 0.2 × 100 × min(n, 5)/5 = 4 × min(n, 5)
    // 机电: s = 0.6 × 9.5 + 0.4 × 9.5 = 9.5 (the draft 0 is left out) → 76 + 20 = 96, bonus min(3, cap 2) → 98
    expect(by['机电工程学院']).toMatchObject({ total: 98, party: 38, business: 39, featured: 19, adjustments: 2, rank: 1, grade: '优秀' });
    // 艺术: 80 + 16 = 96 but vetoed → lowest band
    expect(by['艺术设计学院']).toMatchObject({ total: 96, rank: 2, vetoed: true, grade: '较差' });
    // 信息: 80 + 12 = 92 ≥ 90, but 优秀's quota floor(0.2 × 6) = 1 is used → 良好
    expect(by['信息工程学院']).toMatchObject({ total: 92, rank: 3, grade: '良好' });
    // 经管: 72 + 12 = 84 and 科研处: 68 + 16 = 84 tie at rank 4; 良好 quota floor(0.5 × 6) = 3 holds both
    expect([by['经济管理学院'].total, by['科研处'].total, by['经济管理学院'].rank, by['科研处'].rank]).toEqual([84, 84, 4, 4]);
    expect([by['经济管理学院'].grade, by['科研处'].grade]).toEqual(['良好', '良好']);
    // 教务处: 56 + 0 (a 2030 report and a theory article do not count) − 2 → 54
    expect(by['教务处']).toMatchObject({ total: 54, rank: 6, adjustments: -2, grade: '较差' });
    expect(by['机电工程学院'].groupTotals).toEqual({ [groups.L]: 95, [groups.S]: 95 });
  });

  it("shows one target's breakdown by indicator and group, with the data figure", async () => {
    const res = await call(t.app, s.office, 'GET', `/api/v1/assessment-schemes/${schemeId}/results/${target['机电工程学院']}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as ResultDetail;
    const line = (name: string) => d.lines.find((l) => l.name === name)!;
    expect(line('基层组织建设')).toMatchObject({ path: ['党的建设', '基层组织建设'], weight: 0.4, score: 9.5, contribution: 38, groups: { [groups.L]: 9.5, [groups.S]: 9.5 } });
    expect(line('宣传报道')).toMatchObject({ method: 'data', figure: 5, score: 10, contribution: 20 });
    expect(d.adjustmentItems).toEqual([{ kind: 'bonus', item: 'media', points: 3 }]);
    expect(d.reports[0].body).toContain('说院');
    const dist = (await call(t.app, s.office, 'GET', `/api/v1/assessment-schemes/${schemeId}/results/distribution`)).json();
    expect(dist.items.map((x: { grade: string; count: number }) => [x.grade, x.count])).toEqual([['优秀', 1], ['良好', 3], ['一般', 0], ['较差', 2]]);
  });

  it('refuses roles without the permissions', async () => {
    const auditor = await login(t.app, 'auditor');
    expectError(await results(auditor), 403, 'FORBIDDEN');
    expectError(await call(t.app, auditor, 'GET', '/api/v1/assessment-results'), 403, 'FORBIDDEN');
    expectError(await call(t.app, auditor, 'GET', `/api/v1/assessment-targets/context?unitId=${u['JD-XY']}`), 403, 'FORBIDDEN');
    for (const who of [s.leader, s.liaison, s.member]) {
      expectError(await call(t.app, who, 'POST', `/api/v1/assessment-schemes/${schemeId}/freeze`), 403, 'FORBIDDEN');
      expectError(await call(t.app, who, 'POST', `/api/v1/assessment-schemes/${schemeId}/publish`, { scope: 'all' }), 403, 'FORBIDDEN');
    }
  });

  it('keeps results from everyone but the office before publication', async () => {
    expectError(await results(s.unithead), 403, 'RESULTS_NOT_PUBLISHED');
    expectError(await results(s.member), 403, 'RESULTS_NOT_PUBLISHED');
    expectError(await call(t.app, s.office, 'POST', `/api/v1/assessment-schemes/${schemeId}/publish`, { scope: 'own' }), 409, 'RESULTS_NOT_READY');
    expectError(await call(t.app, s.office, 'POST', `/api/v1/assessment-schemes/${schemeId}/publish`, { scope: 'nobody' }), 400);
  });

  it("publishes to 'own': each unit sees only itself", async () => {
    expect((await call(t.app, s.office, 'POST', `/api/v1/assessment-schemes/${schemeId}/freeze`)).statusCode).toBe(200);
    expectError(await call(t.app, s.office, 'POST', `/api/v1/assessment-schemes/${schemeId}/compute`, { overrideReason: '再算一次试试' }), 409, 'RESULTS_FROZEN');
    const pub = await call(t.app, s.office, 'POST', `/api/v1/assessment-schemes/${schemeId}/publish`, { scope: 'own', publishReports: false });
    expect(pub.statusCode, pub.body).toBe(200);
    expect((await t.sql<{ status: string }>('select status from assessment_schemes where id = $1', [schemeId]))[0].status).toBe('published');
    expect(await auditActions('assessment_scheme', schemeId)).toEqual(['override', 'compute', 'freeze', 'publish']);
    expect(await count("select count(*)::int as n from notifications where tenant_id = $1 and kind = 'assessment.published'", [tenantId])).toBeGreaterThan(0);
    const mine = (await results(s.unithead)).json() as ResultTable;
    expect(mine.items.map((r) => r.targetName)).toEqual(['机电工程学院']);
    expect(mine.targetCount).toBe(6);
    const own = await call(t.app, s.unithead, 'GET', `/api/v1/assessment-schemes/${schemeId}/results/${target['机电工程学院']}`);
    expect(own.statusCode, own.body).toBe(200);
    expect((own.json() as ResultDetail).reports).toEqual([]);
    expectError(await call(t.app, s.unithead, 'GET', `/api/v1/assessment-schemes/${schemeId}/results/${target['信息工程学院']}`), 404, 'ASSESSMENT_RESULT_NOT_FOUND');
    // a member of 信息工程学院 (self scope) sees the college's result
    expect(((await results(s.member)).json() as ResultTable).items.map((r) => r.targetName)).toEqual(['信息工程学院']);
    expect(((await results(s.office)).json() as ResultTable).items).toHaveLength(6);
    const dist = (await call(t.app, s.unithead, 'GET', `/api/v1/assessment-schemes/${schemeId}/results/distribution`)).json();
    expect(dist.items.reduce((n: number, x: { count: number }) => n + x.count, 0)).toBe(1);
  });

  it("publishes to 'leaders': a member is denied, a leader reads all; reports shown when published with them", async () => {
    expect((await call(t.app, s.office, 'POST', `/api/v1/assessment-schemes/${schemeId}/publish`, { scope: 'leaders', publishReports: true })).statusCode).toBe(200);
    expectError(await results(s.member), 403, 'FORBIDDEN');
    expectError(await results(s.unithead), 403, 'FORBIDDEN');
    expect(((await results(s.leader)).json() as ResultTable).items).toHaveLength(6);
    const d = (await call(t.app, s.leader, 'GET', `/api/v1/assessment-schemes/${schemeId}/results/${target['机电工程学院']}`)).json() as ResultDetail;
    expect(d.reports).toHaveLength(1);
    expect((await call(t.app, s.office, 'POST', `/api/v1/assessment-schemes/${schemeId}/publish`, { scope: 'own', publishReports: false })).statusCode).toBe(200);
  });

  it('exports a real .xlsx with merged two-level headers', async () => {
    const res = await call(t.app, s.office, 'GET', `/api/v1/assessment-schemes/${schemeId}/results/export`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const merges = (ws.model as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:A2', 'B1:B2', 'C1:E1', 'F1:G1']));
    expect([ws.getCell('C1').text, ws.getCell('C2').text, ws.getCell('D2').text, ws.getCell('E2').text]).toEqual(['分项得分', '党建', '业务', '特色工作']);
    expect([ws.getCell('F1').text, ws.getCell('F2').text]).toEqual(['评价组得分', '校领导（60%）']);
    expect([ws.getCell('A3').text, ws.getCell('B3').value, ws.getCell('C3').value]).toEqual(['机电工程学院', 98, 38]);
    expect(ws.rowCount).toBe(8);
    // the unit sees only its own row
    const mine = await call(t.app, s.unithead, 'GET', `/api/v1/assessment-schemes/${schemeId}/results/export`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(mine.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0].rowCount).toBe(3);
  });

  it('records applications: commendation, talks; scoped reads; bad input names the field', async () => {
    const [jdHead] = await t.sql<{ person_id: string }>("select person_id from users where tenant_id = $1 and username = 'unithead'", [tenantId]);
    const [officePerson] = await t.sql<{ person_id: string }>("select person_id from users where tenant_id = $1 and username = 'office'", [tenantId]);
    const [jwcHead] = await t.sql<{ id: string }>('select id from people where tenant_id = $1 and unit_id = $2 order by staff_no limit 1', [tenantId, u.JWC]);
    const post = (who: Session, body: Record<string, unknown>) => call(t.app, who, 'POST', '/api/v1/result-applications', { schemeId, ...body });
    const c = await post(s.office, { kind: 'commendation', targetId: target['机电工程学院'], personId: jdHead.person_id, note: '推荐为年度先进基层党组织' });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json()).toMatchObject({ kind: 'commendation', targetName: '机电工程学院', grade: '优秀', schemeYear: YEAR });
    const talk = await post(s.office, { kind: 'talk', targetId: target['教务处'], personId: jwcHead.id, talkerPersonId: officePerson.person_id, talkedOn: `${YEAR + 1}-01-10`, points: '重点任务推进滞后，需制定整改清单', followUpDue: `${YEAR + 1}-03-31` });
    expect(talk.statusCode, talk.body).toBe(201);
    const talkId = (talk.json() as ResultApplication).id;
    const field = async (body: Record<string, unknown>, path: string) => expect((expectError(await post(s.office, body), 400).details as { issues: { path: string }[] }).issues[0].path).toBe(path);
    const n = await count('select count(*)::int as n from result_applications where tenant_id = $1', [tenantId]);
    await field({ kind: 'talk', targetId: target['教务处'], personId: jwcHead.id, talkerPersonId: officePerson.person_id }, 'body.talkedOn');
    await field({ kind: 'talk', personId: jwcHead.id, talkerPersonId: officePerson.person_id, talkedOn: `${YEAR + 1}-01-10`, followUpDue: `${YEAR}-12-01` }, 'body.followUpDue');
    await field({ kind: 'commendation' }, 'body.targetId');
    await field({ kind: 'commendation', targetId: crypto.randomUUID() }, 'body.targetId');
    await field({ kind: 'promotion', personId: crypto.randomUUID() }, 'body.personId');
    await field({ kind: 'bogus', targetId: target['教务处'] }, 'body.kind');
    expectError(await post(s.unithead, { kind: 'commendation', targetId: target['机电工程学院'] }), 403);
    expect(await count('select count(*)::int as n from result_applications where tenant_id = $1', [tenantId])).toBe(n);
    // reads: the unit head sees its college's, the liaison and member have no access
    const mine = (await call(t.app, s.unithead, 'GET', `/api/v1/result-applications?schemeId=${schemeId}`)).json();
    expect(mine.items.map((a: ResultApplication) => a.kind)).toEqual(['commendation']);
    expectError(await call(t.app, s.unithead, 'GET', `/api/v1/result-applications/${talkId}`), 404, 'RESULT_APPLICATION_NOT_FOUND');
    expectError(await call(t.app, s.liaison, 'GET', '/api/v1/result-applications'), 403);
    expectError(await call(t.app, s.member, 'GET', '/api/v1/result-applications'), 403);
    expect((await call(t.app, s.office, 'GET', `/api/v1/result-applications?unitId=${u.JWC}`)).json().items[0].id).toBe(talkId);
    expect((await call(t.app, s.office, 'GET', `/api/v1/result-applications?personId=${jwcHead.id}`)).json().total).toBe(1);
    const upd = await call(t.app, s.office, 'PATCH', `/api/v1/result-applications/${talkId}`, { outcome: '已制定整改清单，按期推进' });
    expect(upd.json()).toMatchObject({ outcome: '已制定整改清单，按期推进', points: '重点任务推进滞后，需制定整改清单' });
    expectError(await call(t.app, s.office, 'PATCH', `/api/v1/result-applications/${talkId}`, { followUpDue: `${YEAR}-01-01` }), 400);
    expect((await call(t.app, s.office, 'DELETE', `/api/v1/result-applications/${talkId}`)).statusCode).toBe(200);
    expectError(await call(t.app, s.office, 'DELETE', `/api/v1/result-applications/${talkId}`), 404, 'RESULT_APPLICATION_NOT_FOUND');
    expect(await auditActions('result_application', talkId)).toEqual(['create', 'update', 'delete']);
  });

  it("gives the unit's latest published result and its applications as context", async () => {
    const res = await call(t.app, s.unithead, 'GET', `/api/v1/assessment-targets/context?unitId=${u['JD-ZZ']}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ scheme: { id: schemeId, year: YEAR }, result: { total: 98, grade: '优秀' }, targetCount: 6 });
    expect(res.json().applications.map((a: ResultApplication) => a.kind)).toEqual(['commendation']);
    const byTarget = (await call(t.app, s.unithead, 'GET', `/api/v1/assessment-targets/context?targetId=${target['机电工程学院']}`)).json();
    expect(byTarget.result?.targetId).toBe(target['机电工程学院']);
    expectError(await call(t.app, s.unithead, 'GET', '/api/v1/assessment-targets/context'), 400);
    // another unit's context is not revealed under 'own'
    expect((await call(t.app, s.unithead, 'GET', `/api/v1/assessment-targets/context?unitId=${u['XX-XY']}`)).json().result).toBeNull();
    expect((await call(t.app, s.office, 'GET', `/api/v1/assessment-targets/context?unitId=${u['XX-XY']}&beforeYear=${YEAR}`)).json().scheme?.id).not.toBe(schemeId);
  });

  it('refuses compute outside the closed state and lists result schemes by role', async () => {
    const other = await buildScheme('rating');
    expectError(await call(t.app, s.office, 'POST', `/api/v1/assessment-schemes/${other.scheme.id}/compute`, {}), 409, 'RESULTS_SCHEME_STATE_INVALID');
    expectError(await call(t.app, s.office, 'POST', `/api/v1/assessment-schemes/${crypto.randomUUID()}/compute`, {}), 404, 'ASSESSMENT_RESULT_NOT_FOUND');
    const list = (await call(t.app, s.member, 'GET', '/api/v1/assessment-results')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(schemeId);
    expect(list.items.map((x: { id: string }) => x.id)).not.toContain(other.scheme.id);
  });

  it('gathers every data figure in one query per metric over the subtree and the paired unit', async () => {
    const jd = target['机电工程学院'];
    const campaign = crypto.randomUUID();
    const task = async (unit: string, due: string, status: string, completedAt: string | null) =>
      (await t.sql<{ id: string }>("insert into tasks (tenant_id, campaign_id, title, category, owner_unit_id, start_date, due_date, status, completed_at) values ($1, $2, '测试任务', 'key', $3, $4, $4, $5, $6) returning id", [tenantId, campaign, unit, due, status, completedAt]))[0].id;
    // 4 tasks due in the year (one cancelled, left out): done on time, done late, open → completion 2/3, on time 1/2;
    // one approved report by the due date and one after → timeliness 1/2; checks 2 pass of 4 → 1/2
    const k1 = await task(u['JD-XY'], `${YEAR}-06-30`, 'done', `${YEAR}-06-20T08:00:00Z`);
    await task(u['JD-JG'], `${YEAR}-06-30`, 'done', `${YEAR}-07-15T08:00:00Z`);
    await task(u['JD-ZZ'], `${YEAR}-09-30`, 'in_progress', null);
    await task(u['JD-XY'], `${YEAR}-09-30`, 'cancelled', null);
    const report = (taskId: string, at: string, status: string) =>
      t.sql("insert into progress_reports (tenant_id, task_id, reporter_id, reporter_name, progress, done_text, status, submitted_at) values ($1, $2, $3, '张三', 50, '推进中', $4, $5)", [tenantId, taskId, crypto.randomUUID(), status, at]);
    await report(k1, `${YEAR}-06-01T08:00:00Z`, 'approved');
    await report(k1, `${YEAR}-07-01T08:00:00Z`, 'approved');
    await report(k1, `${YEAR}-07-02T08:00:00Z`, 'returned');
    const check = (result: string) =>
      t.sql("insert into supervision_checks (tenant_id, plan_id, indicator_id, unit_id, method, checked_on, result) values ($1, $2, $2, $3, 'onsite', $4, $5)", [tenantId, crypto.randomUUID(), u['JD-JG'], `${YEAR}-04-01`, result]);
    for (const r of ['pass', 'pass', 'partial', 'fail']) await check(r);
    await t.sql("insert into lectures (tenant_id, lecturer_person_id, audience_unit_id, held_on, topic, audience_count) values ($1, $2, $3, $4, '专题党课', 40)", [tenantId, crypto.randomUUID(), u['JD-ZZ'], `${YEAR}-07-01`]);
    const [topic] = await t.sql<{ id: string }>("insert into research_topics (tenant_id, title, problem_area, leader_person_id, status, updated_at) values ($1, '产教融合调研', '产教融合', $2, 'closed', $3) returning id", [tenantId, crypto.randomUUID(), `${YEAR}-10-01`]);
    await t.sql('insert into research_topic_units (tenant_id, topic_id, unit_id) values ($1, $2, $3), ($1, $2, $4)', [tenantId, topic.id, u['JD-XY'], u['JD-ZZ']]);
    const formulas = ['task_completion_rate', 'on_time_rate', 'report_timeliness', 'supervision_pass_rate', 'lectures_given', 'research_topics_closed'].map((metric) => parseFormula({ metric })!);
    formulas.push(parseFormula({ kind: 'count', metric: 'outcome_count', outcomeKind: 'media_report' })!);
    const f = await gatherFigures(t.db, yearWindow(tenantId, schemeId, YEAR), formulas);
    expect(f.task_completion_rate[jd]).toBeCloseTo(2 / 3, 10);
    expect(f.on_time_rate[jd]).toBe(0.5);
    expect(f.report_timeliness[jd]).toBe(0.5);
    expect(f.supervision_pass_rate[jd]).toBe(0.5);
    expect(f.lectures_given[jd]).toBe(1);
    expect(f.research_topics_closed[jd]).toBe(1);
    expect(f['outcome_count:media_report'][jd]).toBe(5);
    expect(f.outcome_count[jd]).toBe(5);
    expect(f.task_completion_rate[target['信息工程学院']]).toBeUndefined();
  });

  it('takes trimmed means from summed scores: one highest and one lowest dropped, ties included', async () => {
    // a scheme of its own: one manual leaf (max 10), group A (weight 60) and B (40)
    const [scheme] = await t.db.insert(assessmentSchemes).values({ tenantId, year: YEAR + 5, title: '去极值测试', status: 'closed', trimmedMean: true }).returning();
    const [leaf] = await t.db.insert(assessmentIndicators).values({ tenantId, schemeId: scheme.id, parentId: null, name: '综合', weight: 100, maxScore: 10, track: 'business', method: 'manual' }).returning();
    const [A] = await t.db.insert(raterGroups).values({ tenantId, schemeId: scheme.id, name: 'A组', weight: 60 }).returning();
    const [B] = await t.db.insert(raterGroups).values({ tenantId, schemeId: scheme.id, name: 'B组', weight: 40 }).returning();
    // a rater rates a target in one group: A takes raters 0–5, B 6–9
    const raters = await Promise.all(Array.from({ length: 10 }, () => makeUser(t, { roles: ['member'] })));
    const rate = async (targetId: string, groupId: string, scores: number[]) => {
      for (const [i, score] of scores.entries()) {
        const rater = raters[(groupId === A.id ? 0 : 6) + i];
        const [a] = await t.db.insert(raterAssignments).values({ tenantId, schemeId: scheme.id, groupId, raterUserId: rater.id, targetId, status: 'submitted', submittedAt: new Date() }).returning();
        await t.db.insert(ratingScores).values({ tenantId, assignmentId: a.id, indicatorId: leaf.id, score });
      }
    };
    const [one] = await t.db.insert(assessmentTargets).values({ tenantId, schemeId: scheme.id, unitId: u.JWC, name: '教务处' }).returning();
    const [two] = await t.db.insert(assessmentTargets).values({ tenantId, schemeId: scheme.id, unitId: u.KYC, name: '科研处' }).returning();
    // A: six raters, both extremes doubled → drop one 9.5 and one 6: (9.5 + 7 + 8 + 6) / 4 = 7.625
    await rate(one.id, A.id, [9.5, 6, 7, 9.5, 8, 6]);
    // B: four raters, fewer than five → plain mean (10 + 2 + 6 + 6) / 4 = 6
    await rate(one.id, B.id, [10, 2, 6, 6]);
    // five equal scores: one dropped at each end → 8; B has no scores, so A alone counts
    await rate(two.id, A.id, [8, 8, 8, 8, 8]);
    const res = await call(t.app, s.office, 'POST', `/api/v1/assessment-schemes/${scheme.id}/compute`, {});
    expect(res.statusCode, res.body).toBe(200);
    const line = async (targetId: string) => ((await call(t.app, s.office, 'GET', `/api/v1/assessment-schemes/${scheme.id}/results/${targetId}`)).json() as ResultDetail).lines[0];
    // 0.6 × 7.625 + 0.4 × 6 = 6.975 → 69.75 of 100
    expect(await line(one.id)).toMatchObject({ score: 6.975, contribution: 69.75, groups: { [A.id]: 7.625, [B.id]: 6 } });
    expect(await line(two.id)).toMatchObject({ score: 8, contribution: 80, groups: { [A.id]: 8 } });
    const table = (await call(t.app, s.office, 'GET', `/api/v1/assessment-schemes/${scheme.id}/results`)).json() as ResultTable;
    expect(table.items.map((r) => [r.targetName, r.total, r.rank])).toEqual([['科研处', 80, 1], ['教务处', 69.75, 2]]);
  });
});
