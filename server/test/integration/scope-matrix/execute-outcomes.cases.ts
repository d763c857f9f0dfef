import type { ScopeCases, ScopeCtx, Target } from './harness.js';

/** Outcomes (S10, S15) and the 建新功 contribution areas. */
export function outcomeCases(c: ScopeCtx): ScopeCases {
  const body = (target: Target, personIds: string[] = []) => ({
    kind: 'media_report', title: `权限矩阵成果${c.uniq()}`, unitId: c.college(target), personIds, level: 'provincial', publishedOn: '2026-05-01',
  });
  /** A fresh outcome of the target's unit; for a member's 'in' it names the member, which puts it in the member's scope. */
  const outcome = async (target: Target, role: string) => {
    const memberIn = target === 'in' && role === 'member';
    const o = await c.office('POST', '/api/v1/outcomes', body(target, memberIn ? [c.sessions.member.user.personId!] : []));
    return { id: o.id as string, version: o.version as number, selfOwned: memberIn };
  };
  const area = async () => c.office('POST', '/api/v1/contribution-areas', { code: `pm_${c.uniq().toLowerCase()}`, name: '权限矩阵领域' });

  return {
    'GET /api/v1/outcomes/:id': async (target, role) => {
      const o = await outcome(target, role);
      return { method: 'GET', url: `/api/v1/outcomes/${o.id}`, selfOwned: o.selfOwned };
    },
    'POST /api/v1/outcomes': async (target) => ({ method: 'POST', url: '/api/v1/outcomes', payload: body(target) }),
    'PATCH /api/v1/outcomes/:id': async (target, role) => {
      const o = await outcome(target, role);
      return { method: 'PATCH', url: `/api/v1/outcomes/${o.id}`, payload: { title: '改标题', version: o.version }, selfOwned: o.selfOwned };
    },
    'DELETE /api/v1/outcomes/:id': async (target, role) => {
      const o = await outcome(target, role);
      return { method: 'DELETE', url: `/api/v1/outcomes/${o.id}`, selfOwned: o.selfOwned };
    },
    'POST /api/v1/contribution-areas': async () => ({ method: 'POST', url: '/api/v1/contribution-areas', payload: { code: `pm_${c.uniq().toLowerCase()}`, name: '权限矩阵领域' } }),
    'PATCH /api/v1/contribution-areas/:id': async () => ({ method: 'PATCH', url: `/api/v1/contribution-areas/${(await area()).id}`, payload: { name: '改名' } }),
    'DELETE /api/v1/contribution-areas/:id': async () => ({ method: 'DELETE', url: `/api/v1/contribution-areas/${(await area()).id}` }),
  };
}
