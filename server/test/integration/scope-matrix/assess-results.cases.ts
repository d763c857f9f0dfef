import type { Role } from '@santong/contract';
import type { ScopeCases, ScopeCtx, Target } from './harness.js';
import { assessFixtures, once, S } from './assess-fixtures.js';

/**
 * Rating forms (rule `own`), results (compute / freeze / publish, the tables,
 * one target's result) and their application (S14).
 */
export function assessResultCases(c: ScopeCtx): ScopeCases {
  const f = assessFixtures(c);
  const raterRoles: Role[] = ['admin', 'office', 'leader', 'unit_head', 'liaison', 'inspector', 'member'];

  /**
   * A scheme open for rating whose targets are every college, department and
   * centre, each demo rater assigned to all of them but their own units: every
   * 'in' request takes a fresh open form of the calling role's user.
   */
  const ratingPool = once(async () => {
    const s = await f.scheme();
    const leaf = await f.leaf(s.id);
    const { items } = await c.office('POST', `${S}/${s.id}/targets/pairs`, { kinds: ['college', 'department', 'center'] });
    const [g] = await f.groups(s.id);
    const forms = await f.assign(s.id, g.id, raterRoles.map((r) => c.sessions[r].user.id), (items as { id: string }[]).map((t) => t.id));
    await f.moveTo(s.id, 'rating');
    return { leaf, forms, used: new Set<string>() };
  });
  const freshForm = async (role: Role) => {
    const pool = await ratingPool();
    const form = pool.forms.find((a) => a.raterUserId === c.sessions[role].user.id && !pool.used.has(a.id));
    if (!form) throw new Error(`no open rating form left for ${role}`);
    pool.used.add(form.id);
    return form.id;
  };
  /** Someone else's form: the inspector's (the leader's for the inspector), never changed since no one else may act on it. */
  const othersForm = once(async () => ({ inspector: await freshForm('inspector'), leader: await freshForm('leader') }));
  const form = async (target: Target, role: Role) => {
    if (target === 'in' && raterRoles.includes(role)) return freshForm(role);
    const other = await othersForm();
    return role === 'inspector' ? other.leader : other.inspector;
  };
  const score = async () => [{ indicatorId: (await ratingPool()).leaf.id, score: 8 }];

  const unitOfMember = once(async () => {
    const person = await c.office('GET', `/api/v1/people/${c.sessions.member.user.personId}`);
    return person.unitId as string;
  });
  /** A scheme whose rating is closed, its targets 机电 (in), 艺术 (out) and 信息 (the demo member's college). */
  const closedScheme = async () => {
    const s = await f.scheme();
    await f.leaf(s.id);
    const targets = {
      in: await f.target(s.id, c.college('in')),
      out: await f.target(s.id, c.college('out')),
      member: await f.target(s.id, await unitOfMember()),
    };
    const [g] = await f.groups(s.id);
    await f.assign(s.id, g.id, [c.sessions.inspector.user.id], Object.values(targets).map((t) => t.id));
    await f.moveTo(s.id, 'rating');
    await f.moveTo(s.id, 'closed');
    return { id: s.id, targets };
  };
  const computed = async () => {
    const s = await closedScheme();
    await c.office('POST', `${S}/${s.id}/compute`, { overrideReason: '权限矩阵：评分未全部提交' });
    return s;
  };
  const frozen = async () => {
    const s = await computed();
    await c.office('POST', `${S}/${s.id}/freeze`);
    return s;
  };
  /**
   * Published to "each unit itself" (scope 'own'), the one mode in which the
   * data scope decides who reads a target's result: 'all' would open every
   * result to every reader (tenant-wide) and 'leaders' refuses unit heads,
   * liaisons and members whatever the unit — a role rule, not a scope one
   * (both are covered by assessment-results.test.ts).
   */
  const published = once(async () => {
    const s = await frozen();
    await c.office('POST', `${S}/${s.id}/publish`, { scope: 'own', publishReports: false });
    return s;
  });
  const application = async (target: Target) => {
    const s = await published();
    return c.office('POST', '/api/v1/result-applications', { schemeId: s.id, targetId: s.targets[target].id, kind: 'commendation', note: '年度考核优秀，推荐评优' });
  };

  const R = '/api/v1/ratings';
  const onTable = (tail: string) => async () => ({ method: 'GET' as const, url: `${S}/${(await published()).id}${tail}` });
  return {
    // rating forms
    'GET /api/v1/ratings/:assignmentId': async (target, role) => ({ method: 'GET', url: `${R}/${await form(target, role)}` }),
    'PUT /api/v1/ratings/:assignmentId': async (target, role) => ({ method: 'PUT', url: `${R}/${await form(target, role)}`, payload: { scores: await score() } }),
    'POST /api/v1/ratings/:assignmentId/submit': async (target, role) => {
      const id = await form(target, role);
      // the rater's own form is complete before submitting; others' forms are left as they are
      if (target === 'in' && raterRoles.includes(role)) await c.as(role, 'PUT', `${R}/${id}`, { scores: await score() });
      return { method: 'POST', url: `${R}/${id}/submit` };
    },

    // compute, freeze, publish: each on a fresh scheme in the state the step needs
    'POST /api/v1/assessment-schemes/:id/compute': async () => ({
      method: 'POST', url: `${S}/${(await closedScheme()).id}/compute`, payload: { overrideReason: '权限矩阵：评分未全部提交' },
    }),
    'POST /api/v1/assessment-schemes/:id/freeze': async () => ({ method: 'POST', url: `${S}/${(await computed()).id}/freeze` }),
    'POST /api/v1/assessment-schemes/:id/publish': async () => ({ method: 'POST', url: `${S}/${(await frozen()).id}/publish`, payload: { scope: 'own' } }),

    // the published results
    'GET /api/v1/assessment-schemes/:id/results': onTable('/results'),
    'GET /api/v1/assessment-schemes/:id/results/distribution': onTable('/results/distribution'),
    'GET /api/v1/assessment-schemes/:id/results/export': onTable('/results/export'),
    'GET /api/v1/assessment-schemes/:id/results/:targetId': async (target, role) => {
      const s = await published();
      // the member reads the result of their own college (the self scope's 'in')
      const memberIn = target === 'in' && role === 'member';
      return { method: 'GET', url: `${S}/${s.id}/results/${s.targets[memberIn ? 'member' : target].id}`, selfOwned: memberIn };
    },

    // applications of the results
    'POST /api/v1/result-applications': async (target) => {
      const s = await published();
      return { method: 'POST', url: '/api/v1/result-applications', payload: { schemeId: s.id, targetId: s.targets[target].id, kind: 'promotion', note: '选任参考' } };
    },
    'GET /api/v1/result-applications/:id': async (target) => ({ method: 'GET', url: `/api/v1/result-applications/${(await application(target)).id}` }),
    'PATCH /api/v1/result-applications/:id': async (target) => ({
      method: 'PATCH', url: `/api/v1/result-applications/${(await application(target)).id}`, payload: { note: '补充说明：连续两年优秀' },
    }),
    'DELETE /api/v1/result-applications/:id': async (target) => ({ method: 'DELETE', url: `/api/v1/result-applications/${(await application(target)).id}` }),
  };
}
