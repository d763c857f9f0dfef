import type { Role } from '@santong/contract';
import { makePerson } from '../../setup/factories.js';
import type { ScopeCases, ScopeCtx, Target } from './harness.js';

/**
 * 两优一先 honours (S7): rounds are the tenant's (the office runs them, everyone
 * reads them); a nomination belongs to the scope of its nominee's unit.
 */
export function honourCases(c: ScopeCtx): ScopeCases {
  const round = async () =>
    c.office('POST', '/api/v1/honour-rounds', { year: 2026, title: `权限矩阵评选${c.uniq()}`, quotas: { outstanding_member: 50, outstanding_worker: 50, advanced_organisation: 50 } });
  const nominee = (target: Target) => makePerson(c.t, { unitId: c.college(target) });
  const nomineeBody = async (target: Target) => ({ category: 'outstanding_member', nomineePersonId: (await nominee(target)).id, reason: '教书育人成绩突出' });
  /** A round with one nomination of the target's unit, moved to the given stage. */
  const nominated = async (target: Target, stage: 'nominating' | 'reviewing' | 'publicity') => {
    const r = await round();
    // nominated by the nominee's unit (the office does not nominate): written straight to the database
    const p = await nominee(target);
    const [n] = await c.t.sql<{ id: string }>(
      `insert into honour_nominations (tenant_id, round_id, category, nominee_person_id, nominating_unit_id, reason)
       values ($1, $2, 'outstanding_member', $3, $4, '教书育人成绩突出') returning id`,
      [p.tenantId, r.id, p.id, p.unitId],
    );
    if (stage !== 'nominating') await c.office('POST', `/api/v1/honour-rounds/${r.id}/start-review`);
    if (stage === 'publicity') {
      await c.office('POST', `/api/v1/honour-nominations/${n.id}/review`, { decision: 'approve' });
      await c.office('POST', `/api/v1/honour-rounds/${r.id}/publicity`, { publicityStart: '2026-06-01', publicityEnd: '2026-06-07' });
    }
    return { round: r.id as string, nomination: n.id as string };
  };
  const roundIn = async (status: 'nominating' | 'reviewing' | 'publicity') => {
    const r = await round();
    if (status !== 'nominating') await c.office('POST', `/api/v1/honour-rounds/${r.id}/start-review`);
    if (status === 'publicity') await c.office('POST', `/api/v1/honour-rounds/${r.id}/publicity`, { publicityStart: '2026-06-01', publicityEnd: '2026-06-07' });
    return r;
  };

  return {
    'GET /api/v1/honour-rounds/:id': async () => ({ method: 'GET', url: `/api/v1/honour-rounds/${(await round()).id}` }),
    'PATCH /api/v1/honour-rounds/:id': async () => {
      const r = await round();
      return { method: 'PATCH', url: `/api/v1/honour-rounds/${r.id}`, payload: { title: '改名', version: r.version } };
    },
    'POST /api/v1/honour-rounds/:id/start-review': async () => ({ method: 'POST', url: `/api/v1/honour-rounds/${(await round()).id}/start-review` }),
    'POST /api/v1/honour-rounds/:id/publicity': async () => ({
      method: 'POST', url: `/api/v1/honour-rounds/${(await roundIn('reviewing')).id}/publicity`, payload: { publicityStart: '2026-06-01', publicityEnd: '2026-06-07' },
    }),
    'POST /api/v1/honour-rounds/:id/close': async () => ({ method: 'POST', url: `/api/v1/honour-rounds/${(await roundIn('publicity')).id}/close` }),
    // the round is everyone's; the list inside it is cut to the caller's scope
    'GET /api/v1/honour-rounds/:id/nominations': async () => ({ method: 'GET', url: `/api/v1/honour-rounds/${(await round()).id}/nominations` }),
    'GET /api/v1/honour-rounds/:id/nominations/export': async () => ({ method: 'GET', url: `/api/v1/honour-rounds/${(await round()).id}/nominations/export` }),
    'POST /api/v1/honour-rounds/:id/nominations': async (target) => ({
      method: 'POST', url: `/api/v1/honour-rounds/${(await round()).id}/nominations`, payload: await nomineeBody(target),
    }),
    'DELETE /api/v1/honour-nominations/:id': async (target) => ({ method: 'DELETE', url: `/api/v1/honour-nominations/${(await nominated(target, 'nominating')).nomination}` }),
    'POST /api/v1/honour-nominations/:id/review': async (target) => ({
      method: 'POST', url: `/api/v1/honour-nominations/${(await nominated(target, 'reviewing')).nomination}/review`, payload: { decision: 'approve' },
    }),
    'POST /api/v1/honour-nominations/:id/award': async (target, _role: Role) => ({
      method: 'POST', url: `/api/v1/honour-nominations/${(await nominated(target, 'publicity')).nomination}/award`, payload: { decision: 'award' },
    }),
  };
}
