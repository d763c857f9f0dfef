import type { ScopeCases, ScopeCtx, Target } from './harness.js';
import { activeCampaign } from './assess-dispatch.cases.js';

/**
 * Supervision (S12): plans are tenant-wide, a check belongs to the checked
 * unit (the target's college). Checks pass, so they open no rectification
 * task and can be deleted.
 */
export function assessSupervisionCases(c: ScopeCtx): ScopeCases {
  const campaignId = activeCampaign(c);
  let months = 0;
  /** A month the campaign has no plan for yet (one plan per campaign and month). */
  const nextMonth = () => {
    const n = months++;
    return `${2031 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  };
  const P = '/api/v1/supervision';
  const plan = async () => {
    const month = nextMonth();
    const p = await c.office('POST', `${P}/plans`, {
      campaignId: await campaignId(), month, title: `${month} 督导计划`, indicators: [{ requirement: '建立重点任务台账并按月更新', unitKinds: [] }],
    });
    return { id: p.id as string, version: p.version as number, month, indicatorId: p.indicators[0].id as string };
  };
  const checkBody = (p: { month: string; indicatorId: string }, target: Target) => ({
    indicatorId: p.indicatorId, unitId: c.college(target), method: 'onsite', checkedOn: `${p.month}-15`, result: 'pass', comment: '台账完整',
  });
  const check = async (target: Target): Promise<{ id: string; version: number }> => c.office('POST', `${P}/checks`, checkBody(await plan(), target));

  return {
    'GET /api/v1/supervision/plans/:id': async () => ({ method: 'GET', url: `${P}/plans/${(await plan()).id}` }),
    'GET /api/v1/supervision/checks/:id': async (target) => ({ method: 'GET', url: `${P}/checks/${(await check(target)).id}` }),
    'POST /api/v1/supervision/checks': async (target) => ({ method: 'POST', url: `${P}/checks`, payload: checkBody(await plan(), target) }),
    'PATCH /api/v1/supervision/checks/:id': async (target) => {
      const k = await check(target);
      return { method: 'PATCH', url: `${P}/checks/${k.id}`, payload: { comment: '台账完整，佐证充分', version: k.version } };
    },
    'DELETE /api/v1/supervision/checks/:id': async (target) => ({ method: 'DELETE', url: `${P}/checks/${(await check(target)).id}` }),
  };
}

/**
 * Plans and their indicators: the office and admin plan, inspectors (who hold
 * the same write permission to record checks) are refused by
 * supervision.policy.ts. The target vocabulary has no rule for "tenant-wide
 * scope and a planning role", so these routes declare no target yet and this
 * factory is not wired into groups.ts; it is ready for when it does.
 */
export function supervisionPlanningCases(c: ScopeCtx): ScopeCases {
  const campaignId = activeCampaign(c);
  let months = 600; // well after the months of the check cases
  const plan = async () => {
    const n = months++;
    const month = `${2031 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    const p = await c.office('POST', '/api/v1/supervision/plans', { campaignId: await campaignId(), month, title: `${month} 督导计划`, indicators: [{ requirement: '按月更新任务台账' }] });
    return { id: p.id as string, version: p.version as number, indicatorId: p.indicators[0].id as string };
  };
  const P = '/api/v1/supervision';
  return {
    'PATCH /api/v1/supervision/plans/:id': async () => {
      const p = await plan();
      return { method: 'PATCH', url: `${P}/plans/${p.id}`, payload: { title: '改名后的督导计划', version: p.version } };
    },
    'DELETE /api/v1/supervision/plans/:id': async () => ({ method: 'DELETE', url: `${P}/plans/${(await plan()).id}` }),
    'POST /api/v1/supervision/plans/:id/indicators': async () => ({ method: 'POST', url: `${P}/plans/${(await plan()).id}/indicators`, payload: { requirement: '开展一次专题学习' } }),
    'PATCH /api/v1/supervision/indicators/:id': async () => ({ method: 'PATCH', url: `${P}/indicators/${(await plan()).indicatorId}`, payload: { requirement: '建立并公开任务台账' } }),
    'DELETE /api/v1/supervision/indicators/:id': async () => ({ method: 'DELETE', url: `${P}/indicators/${(await plan()).indicatorId}` }),
  };
}
