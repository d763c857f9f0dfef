import type { ScopeCases, ScopeCtx, Target } from './harness.js';
import { planRefs } from './plan-refs.js';

/**
 * Tasks (S7–S9) and their flow: 下发, 签收, extensions, recurrence, comments and
 * follows; plus the generic attachment routes, shown on a task's files (the
 * owning task's permission and scope decide). A task is in scope through its
 * owner unit: JD-XY in, YS-XY out.
 */
export function planTaskCases(c: ScopeCtx): ScopeCases {
  const refs = planRefs(c);
  const taskBody = async (target: Target, over: Record<string, unknown> = {}) => ({
    campaignId: await refs.campaignId(), title: `权限矩阵任务${c.uniq()}`, category: 'project', ownerUnitId: c.college(target), startDate: '2026-03-01', dueDate: '2026-12-20', ...over,
  });
  const task = async (target: Target, over: Record<string, unknown> = {}) =>
    c.office<{ id: string; version: number }>('POST', '/api/v1/tasks', await taskBody(target, over));
  const issued = async (target: Target) => {
    const k = await task(target);
    await c.office('POST', `/api/v1/tasks/${k.id}/issue`);
    return k;
  };
  /** A pending extension request: asked by the JD-XY liaison; for 'out' the office then hands the task to YS-XY. */
  const pendingExtension = async (target: Target) => {
    const k = await task('in');
    const ext = await c.as<{ id: string }>('liaison', 'POST', `/api/v1/tasks/${k.id}/extensions`, { newDueDate: '2026-12-30', reason: '设备到货推迟' });
    if (target === 'out') {
      const { version } = await c.office<{ version: number }>('GET', `/api/v1/tasks/${k.id}`);
      await c.office('PATCH', `/api/v1/tasks/${k.id}`, { ownerUnitId: c.college('out'), version });
    }
    return ext;
  };
  const taskFile = async (target: Target) => refs.upload('task', (await task(target)).id);
  const on = (path: string) => async (target: Target) => `/api/v1/tasks/${(await task(target)).id}${path}`;

  return {
    'GET /api/v1/tasks/:id': async (target) => ({ method: 'GET', url: await on('')(target) }),
    'POST /api/v1/tasks': async (target) => ({ method: 'POST', url: '/api/v1/tasks', payload: await taskBody(target) }),
    'PATCH /api/v1/tasks/:id': async (target) => {
      const k = await task(target);
      return { method: 'PATCH', url: `/api/v1/tasks/${k.id}`, payload: { progress: 30, version: k.version } };
    },
    'DELETE /api/v1/tasks/:id': async (target) => ({ method: 'DELETE', url: await on('')(target) }),
    'POST /api/v1/tasks/:id/issue': async (target) => ({ method: 'POST', url: await on('/issue')(target) }),
    'POST /api/v1/tasks/:id/sign': async (target) => ({ method: 'POST', url: `/api/v1/tasks/${(await issued(target)).id}/sign` }),
    'GET /api/v1/tasks/:id/extensions': async (target) => ({ method: 'GET', url: await on('/extensions')(target) }),
    'POST /api/v1/tasks/:id/extensions': async (target) => ({ method: 'POST', url: await on('/extensions')(target), payload: { newDueDate: '2026-12-30', reason: '设备到货推迟' } }),
    'POST /api/v1/task-extensions/:id/approve': async (target) => ({ method: 'POST', url: `/api/v1/task-extensions/${(await pendingExtension(target)).id}/approve`, payload: { note: '同意' } }),
    'POST /api/v1/task-extensions/:id/reject': async (target) => ({ method: 'POST', url: `/api/v1/task-extensions/${(await pendingExtension(target)).id}/reject`, payload: { note: '请按期完成' } }),
    'POST /api/v1/tasks/:id/generate-instances': async (target) => {
      const k = await task(target, { recurrence: 'monthly', startDate: '2026-01-15', dueDate: '2026-12-31' });
      return { method: 'POST', url: `/api/v1/tasks/${k.id}/generate-instances`, payload: { until: '2026-02-28' } };
    },
    'GET /api/v1/tasks/:id/comments': async (target) => ({ method: 'GET', url: await on('/comments')(target) }),
    'POST /api/v1/tasks/:id/comments': async (target) => ({ method: 'POST', url: await on('/comments')(target), payload: { body: '请抓紧推进，按期报送进展' } }),
    'POST /api/v1/tasks/:id/follow': async (target) => ({ method: 'POST', url: await on('/follow')(target) }),
    'DELETE /api/v1/tasks/:id/follow': async (target) => ({ method: 'DELETE', url: await on('/follow')(target) }),

    'POST /api/v1/attachments': async (target) => ({
      method: 'POST', url: '/api/v1/attachments', raw: refs.uploadBody('task', (await task(target)).id), permission: 'plan.task.write',
    }),
    'GET /api/v1/attachments': async (target) => ({
      method: 'GET', url: `/api/v1/attachments?entity=task&entityId=${(await task(target)).id}`, permission: 'plan.task.read',
    }),
    'GET /api/v1/attachments/:id': async (target) => ({ method: 'GET', url: `/api/v1/attachments/${(await taskFile(target)).id}`, permission: 'plan.task.read' }),
    'DELETE /api/v1/attachments/:id': async (target) => ({ method: 'DELETE', url: `/api/v1/attachments/${(await taskFile(target)).id}`, permission: 'plan.task.write' }),
  };
}
