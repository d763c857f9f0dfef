import type { ScopeCases, ScopeCtx, Target } from './harness.js';
import { assessFixtures, once, S } from './assess-fixtures.js';

/**
 * Year-end assessment configuration (S13): schemes, indicators, targets and
 * their self work, adjustments, rater groups and assignments. Schemes are
 * campaign-wide ('in' and 'out' build the same kind of scheme); targets belong
 * to the target's college and its paired general branch.
 */
export function assessConfigCases(c: ScopeCtx): ScopeCases {
  const f = assessFixtures(c);
  const T = '/api/v1/assessment-targets';

  /** One scheme taking self work, with both colleges as targets: self reports and scores are saved again and again. */
  const selfScheme = once(async () => {
    const s = await f.scheme();
    const leaf = await f.leaf(s.id);
    const targets = { in: await f.target(s.id, c.college('in')), out: await f.target(s.id, c.college('out')) };
    await f.moveTo(s.id, 'self_assessment');
    return { leaf, targets };
  });
  const report = async (target: Target) => {
    const t = (await selfScheme()).targets[target];
    const detail = await c.office('GET', `${T}/${t.id}`);
    const head = (detail.target.reports as { kind: string; version: number }[]).find((r) => r.kind === 'head')!;
    return { id: t.id, version: head.version };
  };

  const onScheme = (method: 'GET' | 'DELETE', tail = '') => async () => ({ method, url: `${S}/${(await f.scheme()).id}${tail}` });

  return {
    // schemes
    'GET /api/v1/assessment-schemes/:id': onScheme('GET'),
    'PATCH /api/v1/assessment-schemes/:id': async () => {
      const s = await f.scheme();
      return { method: 'PATCH', url: `${S}/${s.id}`, payload: { title: '改名后的考核方案', version: s.version } };
    },
    'DELETE /api/v1/assessment-schemes/:id': onScheme('DELETE'),
    'POST /api/v1/assessment-schemes/:id/transition': async (target) => {
      const { scheme } = await f.draftWithTarget(target);
      const s = await c.office('GET', `${S}/${scheme.id}`);
      return { method: 'POST', url: `${S}/${scheme.id}/transition`, payload: { to: 'self_assessment', version: s.version } };
    },
    'POST /api/v1/assessment-schemes/:id/copy': async () => ({
      method: 'POST', url: `${S}/${(await f.scheme()).id}/copy`, payload: { year: 2041, title: `复制的考核${c.uniq()}` },
    }),

    // indicators
    'GET /api/v1/assessment-schemes/:id/indicators': onScheme('GET', '/indicators'),
    'POST /api/v1/assessment-schemes/:id/indicators/validate': async () => {
      const s = await f.scheme();
      await f.leaf(s.id);
      return { method: 'POST', url: `${S}/${s.id}/indicators/validate` };
    },
    'POST /api/v1/assessment-schemes/:id/indicators': async () => ({
      method: 'POST', url: `${S}/${(await f.scheme()).id}/indicators`, payload: { name: '业务发展', weight: 100, track: 'business', maxScore: 10 },
    }),
    'PATCH /api/v1/assessment-indicators/:id': async () => {
      const ind = await f.leaf((await f.scheme()).id);
      return { method: 'PATCH', url: `/api/v1/assessment-indicators/${ind.id}`, payload: { name: '党的建设' } };
    },
    'DELETE /api/v1/assessment-indicators/:id': async () => ({ method: 'DELETE', url: `/api/v1/assessment-indicators/${(await f.leaf((await f.scheme()).id)).id}` }),

    // targets
    'GET /api/v1/assessment-schemes/:id/targets': async (target) => {
      const s = await f.scheme();
      await f.target(s.id, c.college(target));
      return { method: 'GET', url: `${S}/${s.id}/targets` };
    },
    'POST /api/v1/assessment-schemes/:id/targets': async (target) => ({
      method: 'POST', url: `${S}/${(await f.scheme()).id}/targets`, payload: { unitId: c.college(target) },
    }),
    'POST /api/v1/assessment-schemes/:id/targets/pairs': async () => ({
      method: 'POST', url: `${S}/${(await f.scheme()).id}/targets/pairs`, payload: { kinds: ['college'] },
    }),
    'GET /api/v1/assessment-targets/:id': async (target) => {
      const t = await f.target((await f.scheme()).id, c.college(target));
      return { method: 'GET', url: `${T}/${t.id}` };
    },
    'DELETE /api/v1/assessment-targets/:id': async (target) => {
      const t = await f.target((await f.scheme()).id, c.college(target));
      return { method: 'DELETE', url: `${T}/${t.id}` };
    },
    'PUT /api/v1/assessment-targets/:id/reports/:kind': async (target) => {
      const r = await report(target);
      return { method: 'PUT', url: `${T}/${r.id}/reports/head`, payload: { body: '学院年度工作述职（草稿）', version: r.version } };
    },
    'POST /api/v1/assessment-targets/:id/reports/:kind/submit': async (target) => {
      const r = await report(target);
      return { method: 'POST', url: `${T}/${r.id}/reports/head/submit`, payload: { body: '学院年度工作述职', version: r.version } };
    },
    'PUT /api/v1/assessment-targets/:id/self-scores': async (target) => {
      const { leaf, targets } = await selfScheme();
      return { method: 'PUT', url: `${T}/${targets[target].id}/self-scores`, payload: { scores: [{ indicatorId: leaf.id, score: 8, evidence: '年度台账' }] } };
    },
    'POST /api/v1/assessment-targets/:id/adjustments': async (target) => {
      const t = await f.target((await f.scheme()).id, c.college(target));
      return { method: 'POST', url: `${T}/${t.id}/adjustments`, payload: { item: 'award', points: 1, evidence: '省级表彰文件' } };
    },
    'DELETE /api/v1/target-adjustments/:id': async (target) => {
      const t = await f.target((await f.scheme()).id, c.college(target));
      const a = await c.office('POST', `${T}/${t.id}/adjustments`, { item: 'award', points: 1, evidence: '省级表彰文件' });
      return { method: 'DELETE', url: `/api/v1/target-adjustments/${a.id}` };
    },

    // rater groups and assignments
    'GET /api/v1/assessment-schemes/:id/rater-groups': onScheme('GET', '/rater-groups'),
    'PUT /api/v1/assessment-schemes/:id/rater-groups': async () => ({
      method: 'PUT', url: `${S}/${(await f.scheme()).id}/rater-groups`, payload: { groups: [{ name: '校领导', weight: 60 }, { name: '教职工代表', weight: 40 }] },
    }),
    'GET /api/v1/assessment-schemes/:id/rater-assignments': onScheme('GET', '/rater-assignments'),
    'POST /api/v1/assessment-schemes/:id/rater-assignments': async (target) => {
      const s = await f.scheme();
      const t = await f.target(s.id, c.college(target));
      const [g] = await f.groups(s.id);
      return { method: 'POST', url: `${S}/${s.id}/rater-assignments`, payload: { groupId: g.id, userIds: [c.sessions.inspector.user.id], targetIds: [t.id] } };
    },
    'DELETE /api/v1/rater-assignments/:id': async (target) => {
      const s = await f.scheme();
      const t = await f.target(s.id, c.college(target));
      const [g] = await f.groups(s.id);
      const [a] = await f.assign(s.id, g.id, [c.sessions.inspector.user.id], [t.id]);
      return { method: 'DELETE', url: `/api/v1/rater-assignments/${a.id}` };
    },
  };
}
