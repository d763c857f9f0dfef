import type { Role } from '@santong/contract';
import type { ScopeCases, ScopeCtx, Target } from './harness.js';
import { planRefs } from './plan-refs.js';

/**
 * 学习 · 调研 · 宣讲 (S4–S6). A study session is in scope through its host unit
 * (a member's through their attendance), a lecture through its audience unit (a
 * member's when they gave it), a research topic through the units it touches.
 */
export function planActivityCases(c: ScopeCtx): ScopeCases {
  const refs = planRefs(c);
  const memberIn = (target: Target, role: Role) => target === 'in' && role === 'member';

  const sessionBody = (target: Target, attendees: string[] = []) => ({
    kind: 'seminar', title: `权限矩阵研讨${c.uniq()}`, heldOn: '2026-11-20', hostUnitId: c.college(target), attendees: attendees.map((personId) => ({ personId })),
  });
  const session = async (target: Target, role: Role) => {
    const s = await c.office('POST', '/api/v1/study-sessions', sessionBody(target, memberIn(target, role) ? [refs.memberPerson()] : []));
    return { id: s.id as string, version: s.version as number, selfOwned: memberIn(target, role) };
  };

  const lectureBody = async (target: Target, lecturer?: string) => ({
    lecturerPersonId: lecturer ?? (await refs.person(target)), audienceUnitId: c.college(target), heldOn: '2026-11-20', topic: `权限矩阵宣讲${c.uniq()}`, audienceCount: 40,
  });
  const lecture = async (target: Target, role: Role) => {
    const l = await c.office('POST', '/api/v1/lectures', await lectureBody(target, memberIn(target, role) ? refs.memberPerson() : undefined));
    return { id: l.id as string, version: l.version as number, selfOwned: memberIn(target, role) };
  };

  // Led by a person of the target's college who is no demo user: the topic is in scope through its unit only.
  const topicBody = async (target: Target) => ({
    title: `权限矩阵调研${c.uniq()}`, problemArea: '基层党建', leaderPersonId: await refs.person(target), unitIds: [c.college(target)],
  });
  const topic = async (target: Target) => c.office<{ id: string; version: number }>('POST', '/api/v1/research-topics', await topicBody(target));
  const problem = async (target: Target) => {
    const k = await topic(target);
    return c.office<{ id: string }>('POST', `/api/v1/research-topics/${k.id}/problems`, { description: '矩阵问题：组织生活不够规范', ownerUnitId: c.college(target) });
  };

  return {
    'GET /api/v1/study-sessions/:id': async (target, role) => {
      const s = await session(target, role);
      return { method: 'GET', url: `/api/v1/study-sessions/${s.id}`, selfOwned: s.selfOwned };
    },
    'POST /api/v1/study-sessions': async (target) => ({ method: 'POST', url: '/api/v1/study-sessions', payload: sessionBody(target) }),
    'PATCH /api/v1/study-sessions/:id': async (target, role) => {
      const s = await session(target, role);
      return { method: 'PATCH', url: `/api/v1/study-sessions/${s.id}`, payload: { location: '矩阵会议室', version: s.version }, selfOwned: s.selfOwned };
    },
    'DELETE /api/v1/study-sessions/:id': async (target, role) => {
      const s = await session(target, role);
      return { method: 'DELETE', url: `/api/v1/study-sessions/${s.id}`, selfOwned: s.selfOwned };
    },

    'GET /api/v1/lectures/:id': async (target, role) => {
      const l = await lecture(target, role);
      return { method: 'GET', url: `/api/v1/lectures/${l.id}`, selfOwned: l.selfOwned };
    },
    'POST /api/v1/lectures': async (target) => ({ method: 'POST', url: '/api/v1/lectures', payload: await lectureBody(target) }),
    'PATCH /api/v1/lectures/:id': async (target, role) => {
      const l = await lecture(target, role);
      return { method: 'PATCH', url: `/api/v1/lectures/${l.id}`, payload: { location: '矩阵报告厅', version: l.version }, selfOwned: l.selfOwned };
    },
    'DELETE /api/v1/lectures/:id': async (target, role) => {
      const l = await lecture(target, role);
      return { method: 'DELETE', url: `/api/v1/lectures/${l.id}`, selfOwned: l.selfOwned };
    },

    'GET /api/v1/research-topics/:id': async (target) => ({ method: 'GET', url: `/api/v1/research-topics/${(await topic(target)).id}` }),
    'POST /api/v1/research-topics': async (target) => ({ method: 'POST', url: '/api/v1/research-topics', payload: await topicBody(target) }),
    'PATCH /api/v1/research-topics/:id': async (target) => {
      const k = await topic(target);
      return { method: 'PATCH', url: `/api/v1/research-topics/${k.id}`, payload: { findings: '矩阵调研发现', version: k.version } };
    },
    'DELETE /api/v1/research-topics/:id': async (target) => ({ method: 'DELETE', url: `/api/v1/research-topics/${(await topic(target)).id}` }),
    'POST /api/v1/research-topics/:id/problems': async (target) => ({
      method: 'POST', url: `/api/v1/research-topics/${(await topic(target)).id}/problems`, payload: { description: '矩阵问题：台账不全', ownerUnitId: c.college(target) },
    }),
    'PATCH /api/v1/research-problems/:id': async (target) => ({ method: 'PATCH', url: `/api/v1/research-problems/${(await problem(target)).id}`, payload: { description: '矩阵问题（修订）' } }),
    'DELETE /api/v1/research-problems/:id': async (target) => ({ method: 'DELETE', url: `/api/v1/research-problems/${(await problem(target)).id}` }),
    'POST /api/v1/research-problems/:id/rectify': async (target) => ({ method: 'POST', url: `/api/v1/research-problems/${(await problem(target)).id}/rectify`, payload: { dueDate: '2027-03-31' } }),
  };
}
