import type { ScopeCases, ScopeCtx, Target } from './harness.js';

/** Regulations (S11, tenant-wide reference texts) and activities (S7, their unit's scope). */
export function recordCases(c: ScopeCtx): ScopeCases {
  const regulation = async (target: Target, publish = false) => {
    const r = await c.office('POST', '/api/v1/regulations', { title: `权限矩阵制度${c.uniq()}`, ownerUnitId: c.college(target), category: 'party_building' });
    return publish ? c.office('POST', `/api/v1/regulations/${r.id}/publish`, { effectiveOn: '2026-03-01' }) : r;
  };
  const activityBody = (target: Target) => ({ kind: 'seminar', title: `权限矩阵活动${c.uniq()}`, unitId: c.branch(target), heldOn: '2026-05-04', participants: 30 });
  const activity = async (target: Target) => c.office('POST', '/api/v1/activities', activityBody(target));

  return {
    'GET /api/v1/regulations/:id': async (target) => ({ method: 'GET', url: `/api/v1/regulations/${(await regulation(target)).id}` }),
    'POST /api/v1/regulations': async (target) => ({
      method: 'POST', url: '/api/v1/regulations', payload: { title: `权限矩阵制度${c.uniq()}`, ownerUnitId: c.college(target), category: 'party_building' },
    }),
    'PATCH /api/v1/regulations/:id': async (target) => {
      const r = await regulation(target);
      return { method: 'PATCH', url: `/api/v1/regulations/${r.id}`, payload: { title: '改标题', version: r.version } };
    },
    'DELETE /api/v1/regulations/:id': async (target) => ({ method: 'DELETE', url: `/api/v1/regulations/${(await regulation(target)).id}` }),
    'POST /api/v1/regulations/:id/publish': async (target) => ({
      method: 'POST', url: `/api/v1/regulations/${(await regulation(target)).id}/publish`, payload: { effectiveOn: '2026-03-01' },
    }),
    'POST /api/v1/regulations/:id/revise': async (target) => ({
      method: 'POST', url: `/api/v1/regulations/${(await regulation(target, true)).id}/revise`, payload: { effectiveOn: '2026-09-01' },
    }),
    'POST /api/v1/regulations/:id/abolish': async (target) => ({
      method: 'POST', url: `/api/v1/regulations/${(await regulation(target, true)).id}/abolish`, payload: { reason: '已被新制度替代', abolishedOn: '2026-10-01' },
    }),
    'GET /api/v1/activities/:id': async (target) => ({ method: 'GET', url: `/api/v1/activities/${(await activity(target)).id}` }),
    'POST /api/v1/activities': async (target) => ({ method: 'POST', url: '/api/v1/activities', payload: activityBody(target) }),
    'PATCH /api/v1/activities/:id': async (target) => {
      const a = await activity(target);
      return { method: 'PATCH', url: `/api/v1/activities/${a.id}`, payload: { participants: 42, version: a.version } };
    },
    'DELETE /api/v1/activities/:id': async (target) => ({ method: 'DELETE', url: `/api/v1/activities/${(await activity(target)).id}` }),
  };
}
