import type { ScopeCases, ScopeCtx, Target } from './harness.js';
import { planRefs } from './plan-refs.js';

/**
 * 工作部署 (S1–S3): campaigns with their bodies and members, documents and goals.
 * All are tenant-wide records the office writes, so 'in' / 'out' only vary the
 * unit a record names (issuing unit, member's person); the answer must not depend on it.
 */
export function planDeployCases(c: ScopeCtx): ScopeCases {
  const refs = planRefs(c);
  const campaign = () =>
    c.office<{ id: string; version: number; bodies: { id: string; kind: string }[] }>('POST', '/api/v1/campaigns', { title: `权限矩阵部署${c.uniq()}`, kind: 'special', startDate: '2026-03-01', endDate: '2026-12-31' });
  const body = async () => {
    const k = await campaign();
    return c.office<{ id: string }>('POST', `/api/v1/campaigns/${k.id}/bodies`, { kind: 'working_group', name: `矩阵工作组${c.uniq()}` });
  };
  /** A new campaign comes with its default bodies, the liaison team among them. */
  const liaisonTeam = async () => (await campaign()).bodies.find((b) => b.kind === 'liaison_team')!;
  const member = async (target: Target) => {
    const b = await body();
    return c.office<{ id: string }>('POST', `/api/v1/campaign-bodies/${b.id}/members`, { personId: await refs.person(target), role: 'member' });
  };
  const document = (target: Target) =>
    c.office<{ id: string; version: number }>('POST', '/api/v1/documents', { kind: 'notice', title: `权限矩阵通知${c.uniq()}`, issuingUnitId: c.college(target) });
  const goal = () => c.office<{ id: string; version: number }>('POST', '/api/v1/goals', { track: 'party', name: `权限矩阵目标${c.uniq()}` });

  return {
    'GET /api/v1/campaigns/:id': async () => ({ method: 'GET', url: `/api/v1/campaigns/${(await campaign()).id}` }),
    'PATCH /api/v1/campaigns/:id': async () => {
      const k = await campaign();
      return { method: 'PATCH', url: `/api/v1/campaigns/${k.id}`, payload: { description: '矩阵改说明', version: k.version } };
    },
    'DELETE /api/v1/campaigns/:id': async () => ({ method: 'DELETE', url: `/api/v1/campaigns/${(await campaign()).id}` }),
    'POST /api/v1/campaigns/:id/bodies': async () => ({
      method: 'POST', url: `/api/v1/campaigns/${(await campaign()).id}/bodies`, payload: { kind: 'working_group', name: '矩阵指导组' },
    }),
    'PATCH /api/v1/campaign-bodies/:id': async () => ({ method: 'PATCH', url: `/api/v1/campaign-bodies/${(await body()).id}`, payload: { duty: '矩阵职责' } }),
    'DELETE /api/v1/campaign-bodies/:id': async () => ({ method: 'DELETE', url: `/api/v1/campaign-bodies/${(await body()).id}` }),
    'POST /api/v1/campaign-bodies/:id/members': async (target) => ({
      method: 'POST', url: `/api/v1/campaign-bodies/${(await body()).id}/members`, payload: { personId: await refs.person(target), role: 'member' },
    }),
    'POST /api/v1/campaign-bodies/:id/liaisons': async () => ({ method: 'POST', url: `/api/v1/campaign-bodies/${(await liaisonTeam()).id}/liaisons` }),
    'PATCH /api/v1/campaign-members/:id': async (target) => ({ method: 'PATCH', url: `/api/v1/campaign-members/${(await member(target)).id}`, payload: { role: 'deputy_leader' } }),
    'DELETE /api/v1/campaign-members/:id': async (target) => ({ method: 'DELETE', url: `/api/v1/campaign-members/${(await member(target)).id}` }),

    'GET /api/v1/documents/:id': async (target) => ({ method: 'GET', url: `/api/v1/documents/${(await document(target)).id}` }),
    'PATCH /api/v1/documents/:id': async (target) => {
      const d = await document(target);
      return { method: 'PATCH', url: `/api/v1/documents/${d.id}`, payload: { summary: '矩阵摘要', version: d.version } };
    },
    'DELETE /api/v1/documents/:id': async (target) => ({ method: 'DELETE', url: `/api/v1/documents/${(await document(target)).id}` }),

    'GET /api/v1/goals/:id': async () => ({ method: 'GET', url: `/api/v1/goals/${(await goal()).id}` }),
    'PATCH /api/v1/goals/:id': async () => {
      const g = await goal();
      return { method: 'PATCH', url: `/api/v1/goals/${g.id}`, payload: { description: '矩阵说明', version: g.version } };
    },
    'DELETE /api/v1/goals/:id': async () => ({ method: 'DELETE', url: `/api/v1/goals/${(await goal()).id}` }),
  };
}
