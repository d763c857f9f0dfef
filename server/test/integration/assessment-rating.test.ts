import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RatingForm, RatingSummary } from '@santong/contract';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, type Session, type TestApp } from '../setup/db.js';
import { buildSmallScheme, moveTo, ok, userId, type SmallScheme } from './assessment-fixture.js';

type Issue = { path: string; message: string };

describeDb('assessment rating', () => {
  let t: TestApp;
  let tenantId: string;
  let s: Record<'office' | 'leader' | 'unithead' | 'member' | 'inspector' | 'auditor', Session>;
  let x: SmallScheme;
  const forms: Record<string, Record<string, string>> = {};

  const count = async (q: string, params: unknown[] = []) => (await t.sql<{ n: number }>(q, params))[0].n;
  const rate = (who: Session, id: string, scores: { indicatorId: string; score: number | null }[]) => call(t.app, who, 'PUT', `/api/v1/ratings/${id}`, { scores });
  const submit = (who: Session, id: string) => call(t.app, who, 'POST', `/api/v1/ratings/${id}/submit`);
  const full = () => [{ indicatorId: x.ind.study.id, score: 8.5 }, { indicatorId: x.ind.ideology.id, score: 9 }, { indicatorId: x.ind.edu.id, score: 17 }];

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    s = {
      office: await login(t.app, 'office'), leader: await login(t.app, 'leader'), unithead: await login(t.app, 'unithead'),
      member: await login(t.app, 'member'), inspector: await login(t.app, 'inspector'), auditor: await login(t.app, 'auditor'),
    };
    x = await buildSmallScheme(t, s.office, 2035);
    const base = `/api/v1/assessment-schemes/${x.scheme.id}`;
    const all = Object.values(x.targets).map((v) => v.id);
    const assign = async (group: number, users: string[]) =>
      ok(call(t.app, s.office, 'POST', `${base}/rater-assignments`, { groupId: x.groups[group].id, userIds: await Promise.all(users.map((u) => userId(t, u))), targetIds: all, skipOwnUnit: true }), 201);
    await assign(0, ['leader']);
    await assign(1, ['member', 'inspector', 'unithead']);
    await ok(moveTo(t, s.office, x.scheme.id, 'self_assessment'));
    await ok(call(t.app, s.unithead, 'PUT', `/api/v1/assessment-targets/${x.targets.JD.id}/self-scores`, { scores: [{ indicatorId: x.ind.study.id, score: 9.5, evidence: '中心组学习12次，记录齐全' }] }));
    await ok(moveTo(t, s.office, x.scheme.id, 'rating'));
    for (const who of ['leader', 'member', 'inspector', 'unithead'] as const) {
      const mine = await ok<{ items: RatingSummary[] }>(call(t.app, s[who], 'GET', '/api/v1/ratings/mine'));
      forms[who] = Object.fromEntries(mine.items.filter((i) => i.schemeId === x.scheme.id).map((i) => [i.targetName, i.assignmentId]));
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists only the caller’s forms, never their own unit', async () => {
    expect(Object.keys(forms.leader).sort()).toEqual(['信息学院', '党政办', '机电学院'].sort());
    expect(Object.keys(forms.member).sort()).toEqual(['党政办', '机电学院'].sort());
    expect(Object.keys(forms.unithead).sort()).toEqual(['信息学院', '党政办'].sort());
    const mine = await ok<{ items: RatingSummary[] }>(call(t.app, s.leader, 'GET', '/api/v1/ratings/mine'));
    expect(mine.items.find((i) => i.assignmentId === forms.leader['机电学院'])).toMatchObject({ status: 'open', scored: 0, total: 3, schemeStatus: 'rating', groupName: '校领导' });
  });

  it('shows the manual indicators with observation points, the target’s self score and its two reports', async () => {
    const form = await ok<RatingForm>(call(t.app, s.leader, 'GET', `/api/v1/ratings/${forms.leader['机电学院']}`));
    expect(form.editable).toBe(true);
    expect(form.items.map((i) => i.name)).toEqual(['理论学习', '意识形态', '人才培养']);
    expect(form.items[0]).toMatchObject({ path: ['党建', '政治建设'], observationPoints: '学习计划；专题研讨', maxScore: 10, selfScore: 9.5, selfEvidence: '中心组学习12次，记录齐全', score: null });
    expect(form.reports.map((r) => r.kind).sort()).toEqual(['head', 'secretary']);
  });

  it('autosaves partial scores, refuses to submit with the missing ones listed, then submits and locks', async () => {
    const id = forms.leader['机电学院'];
    expect(await ok<{ scored: number; total: number }>(rate(s.leader, id, [{ indicatorId: x.ind.study.id, score: 8 }]))).toMatchObject({ scored: 1, total: 3 });
    expect((await ok<{ scored: number }>(rate(s.leader, id, [{ indicatorId: x.ind.study.id, score: 8.5 }]))).scored).toBe(1);
    const missing = expectError(await submit(s.leader, id), 400, 'VALIDATION_FAILED');
    expect((missing.details!.issues as Issue[]).map((i) => i.path)).toEqual([`scores.${x.ind.ideology.id}`, `scores.${x.ind.edu.id}`]);
    expect(missing.message).toMatch(/意识形态/);
    await ok(rate(s.leader, id, full()));
    const done = await ok<RatingForm>(submit(s.leader, id));
    expect(done.summary).toMatchObject({ status: 'submitted', scored: 3 });
    expect(done.editable).toBe(false);
    expect(done.items.map((i) => i.score)).toEqual([8.5, 9, 17]);
    expectError(await rate(s.leader, id, [{ indicatorId: x.ind.study.id, score: 1 }]), 409, 'RATING_SUBMITTED');
    const audits = await t.sql<{ action: string }>("select action from audit_log where tenant_id = $1 and entity = 'rating' and entity_id = $2 order by seq", [tenantId, id]);
    expect(audits.map((a) => a.action)).toEqual(['save', 'save', 'save', 'submit']);
  });

  it('refuses a score outside 0–max with 400 naming the indicator, and writes nothing', async () => {
    const id = forms.leader['信息学院'];
    const before = await count('select count(*)::int as n from rating_scores where assignment_id = $1', [id]);
    const err = expectError(await rate(s.leader, id, [{ indicatorId: x.ind.study.id, score: 7 }, { indicatorId: x.ind.edu.id, score: 21 }]), 400, 'VALIDATION_FAILED');
    expect((err.details!.issues as Issue[])[0]).toEqual({ path: 'body.scores.1.score', message: '“人才培养”: the score must lie within 0–20' });
    expectError(await rate(s.leader, id, [{ indicatorId: x.ind.study.id, score: -1 }]), 400, 'VALIDATION_FAILED');
    const data = expectError(await rate(s.leader, id, [{ indicatorId: x.ind.rate.id, score: 5 }]), 400);
    expect((data.details!.issues as Issue[])[0].path).toBe('body.scores.0.indicatorId');
    expect(await count('select count(*)::int as n from rating_scores where assignment_id = $1', [id])).toBe(before);
  });

  it('answers 403 for another rater’s form and for one’s own unit', async () => {
    expectError(await rate(s.member, forms.leader['信息学院'], [{ indicatorId: x.ind.study.id, score: 5 }]), 403, 'RATING_NOT_ASSIGNED');
    expectError(await call(t.app, s.member, 'GET', `/api/v1/ratings/${forms.leader['信息学院']}`), 403, 'RATING_NOT_ASSIGNED');
    // An assignment to the rater's own unit written behind the API's back is still refused.
    const [{ id }] = await t.sql<{ id: string }>(
      'insert into rater_assignments (tenant_id, scheme_id, group_id, rater_user_id, target_id) values ($1, $2, $3, $4, $5) returning id',
      [tenantId, x.scheme.id, x.groups[1].id, await userId(t, 'member'), x.targets.XX.id],
    );
    expectError(await rate(s.member, id, [{ indicatorId: x.ind.study.id, score: 5 }]), 403, 'RATER_OWN_UNIT');
    expectError(await submit(s.member, id), 403, 'RATER_OWN_UNIT');
    expect(await count('select count(*)::int as n from rating_scores where assignment_id = $1', [id])).toBe(0);
    await t.sql('delete from rater_assignments where id = $1', [id]);
    expectError(await rate(s.member, '00000000-0000-4000-8000-000000000000', [{ indicatorId: x.ind.study.id, score: 5 }]), 404, 'RATER_ASSIGNMENT_NOT_FOUND');
    expectError(await call(t.app, s.auditor, 'GET', '/api/v1/ratings/mine'), 403, 'FORBIDDEN');
  });

  it('stores both when two raters submit the same target at once', async () => {
    const a = forms.member['党政办'];
    const b = forms.inspector['机电学院'];
    const c = forms.unithead['党政办'];
    for (const [who, id] of [[s.member, a], [s.inspector, b], [s.unithead, c]] as const) await ok(rate(who, id, full()));
    const results = await Promise.all([submit(s.member, a), submit(s.unithead, c), submit(s.inspector, b)]);
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const rows = await t.sql<{ status: string; n: number }>(
      'select a.status, (select count(*)::int from rating_scores r where r.assignment_id = a.id) as n from rater_assignments a where a.id = any($1::uuid[])',
      [`{${a},${b},${c}}`],
    );
    expect(rows).toEqual([{ status: 'submitted', n: 3 }, { status: 'submitted', n: 3 }, { status: 'submitted', n: 3 }]);
  });

  it('answers 409 once the scheme is closed', async () => {
    const id = forms.leader['党政办'];
    await ok(rate(s.leader, id, [{ indicatorId: x.ind.study.id, score: 6 }]));
    await ok(moveTo(t, s.office, x.scheme.id, 'closed'));
    expectError(await rate(s.leader, id, [{ indicatorId: x.ind.study.id, score: 7 }]), 409, 'RATING_CLOSED');
    expectError(await submit(s.leader, id), 409, 'RATING_CLOSED');
    const form = await ok<RatingForm>(call(t.app, s.leader, 'GET', `/api/v1/ratings/${id}`));
    expect(form.editable).toBe(false);
    expect(form.items[0].score).toBe(6);
  });

  it('gives the demo raters leader and member open forms this year', async () => {
    for (const who of [s.leader, s.member]) {
      const mine = await ok<{ items: RatingSummary[] }>(call(t.app, who, 'GET', '/api/v1/ratings/mine'));
      expect(mine.items.some((i) => i.year === 2026 && i.schemeStatus === 'rating' && i.status === 'open')).toBe(true);
    }
  });
});
