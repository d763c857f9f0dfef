import { expect } from 'vitest';
import type { AssessmentIndicator, AssessmentScheme, AssessmentTarget } from '@santong/contract';
import { call, unitIdByCode, type Session, type TestApp } from '../setup/db.js';

/**
 * A small scheme built through the API, shared by the assessment test files:
 *   党建 (party, 60) ─ 政治建设 (50) ─ 学习 (manual 10, 60) · 意识形态 (manual 10, 40)
 *                    └ 组织建设 (50) ─ 任务完成率 (data ratio, 100)
 *   业务 (business, 40) ─ 发展 (100) ─ 育人 (manual 20, 100)
 */
export interface SmallScheme {
  scheme: AssessmentScheme;
  ind: Record<'party' | 'politics' | 'study' | 'ideology' | 'org' | 'rate' | 'business' | 'dev' | 'edu', AssessmentIndicator>;
  targets: Record<'JD' | 'XX' | 'DZB', AssessmentTarget>;
  groups: { id: string; name: string }[];
}

export async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

export async function buildSmallScheme(t: TestApp, office: Session, year = 2031): Promise<SmallScheme> {
  const scheme = await ok<AssessmentScheme>(call(t.app, office, 'POST', '/api/v1/assessment-schemes', {
    year, title: `${year}年度测试考核`, trimmedMean: true,
    adjustmentItems: [
      { code: 'award', kind: 'bonus', name: '获省级表彰', cap: 3 },
      { code: 'notice', kind: 'penalty', name: '被通报批评', cap: 2 },
      { code: 'incident', kind: 'veto', name: '重大安全事故', cap: 0 },
    ],
  }), 201);
  const node = (body: Record<string, unknown>) => ok<AssessmentIndicator>(call(t.app, office, 'POST', `/api/v1/assessment-schemes/${scheme.id}/indicators`, body), 201);
  const party = await node({ name: '党建', weight: 60, track: 'party' });
  const politics = await node({ parentId: party.id, name: '政治建设', weight: 50, track: 'party' });
  const study = await node({ parentId: politics.id, name: '理论学习', weight: 60, track: 'party', maxScore: 10, observationPoints: '学习计划；专题研讨' });
  const ideology = await node({ parentId: politics.id, name: '意识形态', weight: 40, track: 'party', maxScore: 10, observationPoints: '阵地管理' });
  const org = await node({ parentId: party.id, name: '组织建设', weight: 50, track: 'party' });
  const rate = await node({ parentId: org.id, name: '任务完成率', weight: 100, track: 'party', maxScore: 10, method: 'data', formula: { kind: 'ratio', metric: 'task_completion_rate' } });
  const business = await node({ name: '业务', weight: 40, track: 'business' });
  const dev = await node({ parentId: business.id, name: '发展', weight: 100, track: 'business' });
  const edu = await node({ parentId: dev.id, name: '人才培养', weight: 100, track: 'business', maxScore: 20, observationPoints: '就业质量；技能竞赛' });
  const target = async (code: string) =>
    ok<AssessmentTarget>(call(t.app, office, 'POST', `/api/v1/assessment-schemes/${scheme.id}/targets`, { unitId: await unitIdByCode(t, code) }), 201);
  const targets = { JD: await target('JD-XY'), XX: await target('XX-XY'), DZB: await target('DZB') };
  const groups = (await ok<{ items: { id: string; name: string }[] }>(call(t.app, office, 'PUT', `/api/v1/assessment-schemes/${scheme.id}/rater-groups`, {
    groups: [{ name: '校领导', weight: 60 }, { name: '教职工代表', weight: 40 }],
  }))).items;
  return { scheme, ind: { party, politics, study, ideology, org, rate, business, dev, edu }, targets, groups };
}

export async function userId(t: TestApp, username: string): Promise<string> {
  const [row] = await t.sql<{ id: string }>("select u.id from users u join tenants t on t.id = u.tenant_id where t.code = 'demo' and u.username = $1", [username]);
  return row.id;
}

export async function moveTo(t: TestApp, office: Session, schemeId: string, to: string) {
  const s = await ok<AssessmentScheme>(call(t.app, office, 'GET', `/api/v1/assessment-schemes/${schemeId}`));
  return call(t.app, office, 'POST', `/api/v1/assessment-schemes/${schemeId}/transition`, { to, version: s.version });
}
