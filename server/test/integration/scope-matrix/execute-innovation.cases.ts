import { makePerson } from '../../setup/factories.js';
import type { ScopeCases, ScopeCtx, Target } from './harness.js';

/** 党建"双创" projects (S9): each belongs to its unit's scope; the office takes the review steps. */
export function innovationCases(c: ScopeCtx): ScopeCases {
  const body = async (target: Target) => ({
    kind: 'model_branch', title: `权限矩阵样板支部${c.uniq()}`, unitId: c.branch(target), leaderPersonId: (await makePerson(c.t, { unitId: c.branch(target) })).id, level: 'school',
  });
  const steps = ['approve', 'cultivate', 'midterm-check'] as const;
  /** A project of the target's unit after the first `done` review steps. */
  const project = async (target: Target, done = 0) => {
    let p = await c.office('POST', '/api/v1/innovation-projects', { ...(await body(target)), appliedOn: '2026-03-01' });
    for (let i = 0; i < done; i++) p = await c.office('POST', `/api/v1/innovation-projects/${p.id}/${steps[i]}`, { at: `2026-0${4 + i}-01` });
    return p;
  };
  const outcome = (target: Target) =>
    c.office('POST', '/api/v1/outcomes', { kind: 'innovation_case', title: `权限矩阵案例${c.uniq()}`, unitId: c.branch(target), level: 'school', publishedOn: '2026-05-01' });
  const step = (path: string, done: number, payload: Record<string, unknown>) => async (target: Target) => ({
    method: 'POST' as const, url: `/api/v1/innovation-projects/${(await project(target, done)).id}/${path}`, payload,
  });

  return {
    'GET /api/v1/innovation-projects/:id': async (target) => ({ method: 'GET', url: `/api/v1/innovation-projects/${(await project(target)).id}` }),
    'POST /api/v1/innovation-projects': async (target) => ({ method: 'POST', url: '/api/v1/innovation-projects', payload: await body(target) }),
    'PATCH /api/v1/innovation-projects/:id': async (target) => {
      const p = await project(target);
      return { method: 'PATCH', url: `/api/v1/innovation-projects/${p.id}`, payload: { summary: '补充简介', version: p.version } };
    },
    'DELETE /api/v1/innovation-projects/:id': async (target) => ({ method: 'DELETE', url: `/api/v1/innovation-projects/${(await project(target)).id}` }),
    'POST /api/v1/innovation-projects/:id/approve': step('approve', 0, { at: '2026-04-01' }),
    'POST /api/v1/innovation-projects/:id/reject': step('reject', 0, { at: '2026-04-01', expertComment: '申报材料不足' }),
    'POST /api/v1/innovation-projects/:id/cultivate': step('cultivate', 1, { at: '2026-05-01' }),
    'POST /api/v1/innovation-projects/:id/midterm-check': step('midterm-check', 2, { at: '2026-06-01' }),
    'POST /api/v1/innovation-projects/:id/accept': step('accept', 3, { at: '2026-07-01', grade: 'excellent' }),
    'POST /api/v1/innovation-projects/:id/outcomes': async (target) => ({
      method: 'POST', url: `/api/v1/innovation-projects/${(await project(target)).id}/outcomes`, payload: { outcomeId: (await outcome(target)).id },
    }),
    'DELETE /api/v1/innovation-projects/:id/outcomes/:outcomeId': async (target) => {
      const p = await project(target);
      const o = await outcome(target);
      await c.office('POST', `/api/v1/innovation-projects/${p.id}/outcomes`, { outcomeId: o.id });
      return { method: 'DELETE', url: `/api/v1/innovation-projects/${p.id}/outcomes/${o.id}` };
    },
  };
}
