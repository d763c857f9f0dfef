import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SearchResult } from '@santong/contract';
import { activities, documents, lectures, outcomePeople, outcomes, people, regulations, researchTopics, researchTopicUnits, tasks } from '../../src/db/schema/index.js';
import { grams } from '../../src/platform/search/grams.js';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';

describeDb('search', () => {
  let t: TestApp;
  let tenantId: string;
  let s: Record<'office' | 'unithead' | 'member' | 'leader' | 'auditor', Session>;
  const ids: Record<string, string> = {};

  const search = async (who: Session, q: string, extra: Record<string, string> = {}) => {
    const res = await call(t.app, who, 'GET', '/api/v1/search', undefined, { query: { q, limit: '50', ...extra } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as SearchResult;
  };
  const idsOf = (r: SearchResult, kind: string) => r.groups.find((g) => g.kind === kind)?.items.map((i) => i.id) ?? [];

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    s = { office: await login(t.app, 'office'), unithead: await login(t.app, 'unithead'), member: await login(t.app, 'member'), leader: await login(t.app, 'leader'), auditor: await login(t.app, 'auditor') };
    const jd = await unitIdByCode(t, 'JD-XY');
    const ys = await unitIdByCode(t, 'YS-XY');
    const [{ id: campaignId }] = await t.sql<{ id: string }>('select id from campaigns where tenant_id = $1 limit 1', [tenantId]);
    const [{ id: lecturer }] = await t.sql<{ id: string }>('select id from people where tenant_id = $1 and unit_id = $2 limit 1', [tenantId, jd]);
    const task = (title: string, ownerUnitId: string, description: string | null = null) => ({
      tenantId, campaignId, title, description, category: 'project', ownerUnitId, startDate: '2026-03-01', dueDate: '2026-12-31', searchGrams: grams(title, description),
    });
    const ins = await t.db.insert(tasks).values([
      task('开展专题党课进课堂活动', jd),
      task('艺术学院产教融合实训基地建设', ys),
      task('机电学院5G智慧校园AI赋能试点', jd),
      task('鲲鹏计划人才培养', jd),
      task('推进鲲鹏生态课程开发', jd),
      task('校企合作实践周', jd, '依托鲲鹏平台组织学生实训'),
    ]).returning({ id: tasks.id });
    [ids.taskLecture, ids.taskYs, ids.task5g, ids.kpFirst, ids.kpLater, ids.kpBody] = ins.map((r) => r.id);
    ids.document = (await t.db.insert(documents).values({ tenantId, kind: 'notice', title: '关于深化产教融合的实施意见', docNo: '校党发〔2026〕9号', searchGrams: grams('关于深化产教融合的实施意见', '校党发〔2026〕9号') }).returning())[0].id;
    ids.outcome = (await t.db.insert(outcomes).values({ tenantId, kind: 'article', title: '产教融合育人模式探索', unitId: ys, level: 'provincial', publishedOn: '2026-05-01', searchGrams: grams('产教融合育人模式探索') }).returning())[0].id;
    ids.regulation = (await t.db.insert(regulations).values({ tenantId, seriesId: crypto.randomUUID(), title: '专题党课管理办法', ownerUnitId: jd, category: 'party', status: 'in_force', searchGrams: grams('专题党课管理办法') }).returning())[0].id;
    ids.activity = (await t.db.insert(activities).values({ tenantId, kind: 'forum', title: '产教融合发展论坛', unitId: jd, heldOn: '2026-06-01', searchGrams: grams('产教融合发展论坛') }).returning())[0].id;
    ids.research = (await t.db.insert(researchTopics).values({ tenantId, title: '产教融合深度调研', problemArea: '校企合作', leaderPersonId: lecturer, searchGrams: grams('产教融合深度调研', '校企合作') }).returning())[0].id;
    await t.db.insert(researchTopicUnits).values({ tenantId, topicId: ids.research, unitId: jd });
    ids.lecture = (await t.db.insert(lectures).values({ tenantId, lecturerPersonId: lecturer, audienceUnitId: jd, heldOn: '2026-04-01', topic: '专题党课：传承红色基因', audienceCount: 80, searchGrams: grams('专题党课：传承红色基因') }).returning())[0].id;
    ids.personYs = (await t.db.insert(people).values({ tenantId, staffNo: 'S-QY-1', name: '欧阳产教', politicalStatus: 'cpc_member', unitId: ys, searchGrams: grams('欧阳产教', 'S-QY-1') }).returning())[0].id;
    // the member is named in a YS outcome: members see outcomes they are named in
    const memberPerson = (await t.sql<{ person_id: string }>("select person_id from users where tenant_id = $1 and username = 'member'", [tenantId]))[0].person_id;
    ids.outcomeMine = (await t.db.insert(outcomes).values({ tenantId, kind: 'article', title: '产教融合课程思政案例', unitId: ys, level: 'school', publishedOn: '2026-05-02', searchGrams: grams('产教融合课程思政案例') }).returning())[0].id;
    await t.db.insert(outcomePeople).values({ tenantId, outcomeId: ids.outcomeMine, personId: memberPerson });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds Chinese substrings in every kind, grouped by kind', async () => {
    const r = await search(s.office, '产教');
    expect(idsOf(r, 'task')).toContain(ids.taskYs);
    expect(idsOf(r, 'document')).toContain(ids.document);
    expect(idsOf(r, 'outcome')).toContain(ids.outcome);
    expect(idsOf(r, 'activity')).toContain(ids.activity);
    expect(idsOf(r, 'research')).toContain(ids.research);
    expect(idsOf(r, 'person')).toContain(ids.personYs);
    const order = ['task', 'document', 'outcome', 'regulation', 'activity', 'research', 'lecture', 'person'];
    const kinds = r.groups.map((g) => g.kind);
    expect(kinds).toEqual(order.filter((k) => kinds.includes(k as never)));
    for (const g of r.groups) {
      expect(g.total).toBeGreaterThanOrEqual(g.items.length);
      for (const i of g.items) expect(i.kind).toBe(g.kind);
    }

    const d = await search(s.office, '党课');
    expect(idsOf(d, 'task')).toContain(ids.taskLecture);
    expect(idsOf(d, 'regulation')).toContain(ids.regulation);
    expect(idsOf(d, 'lecture')).toContain(ids.lecture);
    expect(d.groups.find((g) => g.kind === 'lecture')!.items.find((i) => i.id === ids.lecture)!.link).toContain('/plan/lectures');
  });

  it('matches 1-, 2- and 4-character queries and mixed Latin and digits', async () => {
    expect(idsOf(await search(s.office, '鲲', { kinds: 'task' }), 'task')).toEqual(expect.arrayContaining([ids.kpFirst, ids.kpLater, ids.kpBody]));
    expect(idsOf(await search(s.office, '产教融合', { kinds: 'task,document' }), 'task')).toContain(ids.taskYs);
    expect(idsOf(await search(s.office, '专题党课', { kinds: 'task' }), 'task')).toContain(ids.taskLecture);
    // a 4-character query does not match a text holding its characters apart
    expect(idsOf(await search(s.office, '党课专题', { kinds: 'task' }), 'task')).not.toContain(ids.taskLecture);
    expect(idsOf(await search(s.office, '5g', { kinds: 'task' }), 'task')).toContain(ids.task5g);
    expect(idsOf(await search(s.office, 'AI赋能', { kinds: 'task' }), 'task')).toContain(ids.task5g);
    expect(idsOf(await search(s.office, 'ai 智慧', { kinds: 'task' }), 'task')).toContain(ids.task5g);
    expect(idsOf(await search(s.office, '２０２６', { kinds: 'document' }), 'document')).toContain(ids.document);
    expect(idsOf(await search(s.office, 'S-QY-1', { kinds: 'person' }), 'person')).toEqual([ids.personYs]);
  });

  it('ranks title hits first, then the earlier position, and shows a snippet for body hits', async () => {
    const r = await search(s.office, '鲲鹏', { kinds: 'task' });
    const order = idsOf(r, 'task').filter((id) => [ids.kpFirst, ids.kpLater, ids.kpBody].includes(id));
    expect(order).toEqual([ids.kpFirst, ids.kpLater, ids.kpBody]);
    const body = r.groups[0].items.find((i) => i.id === ids.kpBody)!;
    expect(body.titleHit).toBe(false);
    expect(body.snippet).toContain('鲲鹏平台');
    expect(r.groups[0].items.find((i) => i.id === ids.kpFirst)!.snippet).toBeNull();
  });

  it('returns the best-ranked hits of a kind with more matches than the limit, names filled, the total of all', async () => {
    const [{ id: campaignId }] = await t.sql<{ id: string }>('select id from campaigns where tenant_id = $1 limit 1', [tenantId]);
    const jd = await unitIdByCode(t, 'JD-XY');
    const [{ name: jdName }] = await t.sql<{ name: string }>('select name from units where id = $1', [jd]);
    const at = (day: number) => new Date(Date.UTC(2026, 4, day));
    // title position 1 (older and newer), position 3, body only (newest of all), and older title hits at position 1
    const made = [
      { title: '翠微书院建设（旧）', updatedAt: at(1) },
      { title: '翠微书院建设（新）', updatedAt: at(9) },
      { title: '推进翠微书院', updatedAt: at(20) },
      { title: '校园文化周', description: '走进翠微书院', updatedAt: at(30) },
      { title: '翠微讲堂一', updatedAt: at(2) },
      { title: '翠微讲堂二', updatedAt: at(3) },
      { title: '翠微讲堂三', updatedAt: at(4) },
    ];
    const ins = await t.db
      .insert(tasks)
      .values(made.map((m) => ({ tenantId, campaignId, title: m.title, description: m.description ?? null, category: 'project', ownerUnitId: jd, startDate: '2026-03-01', dueDate: '2026-12-31', updatedAt: m.updatedAt, searchGrams: grams(m.title, m.description) })))
      .returning({ id: tasks.id });
    const id = (i: number) => ins[i].id;
    const res = await call(t.app, s.office, 'GET', '/api/v1/search', undefined, { query: { q: '翠微', kinds: 'task', limit: '5' } });
    expect(res.statusCode, res.body).toBe(200);
    const group = (res.json() as SearchResult).groups[0];
    expect(group.total).toBe(7);
    // position 1 by recency, then position 3; the body-only hit and the rest fall past the limit
    expect(group.items.map((i) => i.id)).toEqual([id(1), id(6), id(5), id(4), id(0)]);
    for (const item of group.items) expect(item.subtitle).toBe(jdName);
    // with room for all, the title hit at position 3 comes before the body-only hit
    const all = await search(s.office, '翠微', { kinds: 'task' });
    expect(idsOf(all, 'task').slice(5)).toEqual([id(2), id(3)]);
    expect(all.groups[0].items[6].snippet).toContain('翠微书院');
  });

  it('stays within each kind\'s data scope', async () => {
    const head = await search(s.unithead, '产教');
    expect(idsOf(head, 'task')).not.toContain(ids.taskYs);
    expect(idsOf(head, 'outcome')).not.toContain(ids.outcome);
    expect(idsOf(head, 'person')).not.toContain(ids.personYs);
    expect(idsOf(head, 'activity')).toContain(ids.activity);
    expect(idsOf(head, 'research')).toContain(ids.research);
    expect(idsOf(await search(s.unithead, '党课'), 'task')).toContain(ids.taskLecture);

    const member = await search(s.member, '产教');
    expect(member.groups.map((g) => g.kind)).not.toContain('task');
    expect(idsOf(member, 'outcome')).toContain(ids.outcomeMine);
    expect(idsOf(member, 'outcome')).not.toContain(ids.outcome);
    const named = await t.sql<{ n: number }>(
      "select count(*)::int as n from outcome_people op join users u on u.person_id = op.person_id and u.username = 'member' where op.outcome_id = any($1::uuid[])",
      [idsOf(member, 'outcome')],
    );
    expect(named[0].n).toBe(idsOf(member, 'outcome').length);
    expect(idsOf(member, 'person')).toEqual([]);
    expect(idsOf(member, 'document')).toContain(ids.document);
    const self = (await t.sql<{ name: string; id: string }>("select p.name, p.id from people p join users u on u.person_id = p.id where u.username = 'member' and u.tenant_id = $1", [tenantId]))[0];
    expect(idsOf(await search(s.member, self.name, { kinds: 'person' }), 'person')).toEqual([self.id]);

    // the leader's duty units are JD-XY (linked) among others, not YS-XY
    const leader = await search(s.leader, '产教', { kinds: 'task' });
    expect(idsOf(leader, 'task')).not.toContain(ids.taskYs);
  });

  it('answers bad input in the error shape', async () => {
    for (const q of ['', '   ', 'x'.repeat(201), '！？…', '%_']) {
      const res = await call(t.app, s.office, 'GET', '/api/v1/search', undefined, { query: { q } });
      const err = expectError(res, 400, 'VALIDATION_FAILED');
      expect((err.details as { issues: { path: string }[] }).issues[0].path).toBe('querystring.q');
    }
    expectError(await call(t.app, s.office, 'GET', '/api/v1/search'), 400, 'VALIDATION_FAILED');
    expectError(await call(t.app, s.office, 'GET', '/api/v1/search', undefined, { query: { q: '党课', kinds: 'task,secret' } }), 400, 'VALIDATION_FAILED');
    expectError(await call(t.app, s.office, 'GET', '/api/v1/search', undefined, { query: { q: '党课', limit: '0' } }), 400, 'VALIDATION_FAILED');
    expect((await call(t.app, s.office, 'GET', '/api/v1/search', undefined, { query: { q: 'x'.repeat(200) } })).statusCode).toBe(200);
    expectError(await call(t.app, s.auditor, 'GET', '/api/v1/search', undefined, { query: { q: '党课' } }), 403);
    expectError(await call(t.app, null, 'GET', '/api/v1/search', undefined, { query: { q: '党课' } }), 401);
  });
});
