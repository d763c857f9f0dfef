import type { Role } from '@santong/contract';
import type { ScopeCases, ScopeCtx, Target } from './harness.js';

/** Progress reports (S6) on tasks of the target's unit, and one's own notifications. */
export function reportCases(c: ScopeCtx): ScopeCases {
  const tenant = async () => (await c.t.sql<{ id: string }>("select id from tenants where code = 'demo'"))[0].id;
  /** An open task owned by the target's college, straight in the database. */
  const task = async (target: Target) => {
    const tenantId = await tenant();
    const [row] = await c.t.sql<{ id: string }>(
      `insert into tasks (tenant_id, campaign_id, title, category, owner_unit_id, start_date, due_date, status)
       select $1, id, $2, 'project', $3, '2026-03-01', '2026-12-31', 'in_progress' from campaigns where tenant_id = $1 order by start_date desc limit 1
       returning id`,
      [tenantId, `权限矩阵任务${c.uniq()}`, c.college(target)],
    );
    return row.id;
  };
  /** A report on such a task, filed by the demo liaison (so every reviewer role may decide it), in the given status. */
  const report = async (target: Target, status: 'submitted' | 'returned' = 'submitted') => {
    const [row] = await c.t.sql<{ id: string; version: number }>(
      `insert into progress_reports (tenant_id, task_id, reporter_id, reporter_name, progress, done_text, status)
       values ($1, $2, $3, '联络员', 30, '完成阶段性工作', $4) returning id, version`,
      [await tenant(), await task(target), c.sessions.liaison.user.id, status],
    );
    return row;
  };
  const body = (taskId: string) => ({ taskId, progress: 50, doneText: '召开推进会，形成佐证材料', nextSteps: '按计划推进' });

  return {
    'GET /api/v1/progress-reports/:id': async (target) => ({ method: 'GET', url: `/api/v1/progress-reports/${(await report(target)).id}` }),
    'GET /api/v1/tasks/:taskId/progress-reports': async (target) => ({ method: 'GET', url: `/api/v1/tasks/${await task(target)}/progress-reports` }),
    'POST /api/v1/progress-reports': async (target) => ({ method: 'POST', url: '/api/v1/progress-reports', payload: body(await task(target)) }),
    'PATCH /api/v1/progress-reports/:id': async (target) => {
      const r = await report(target, 'returned');
      return { method: 'PATCH', url: `/api/v1/progress-reports/${r.id}`, payload: { progress: 60, doneText: '已按意见补充佐证', version: r.version } };
    },
    'POST /api/v1/progress-reports/:id/approve': async (target) => ({ method: 'POST', url: `/api/v1/progress-reports/${(await report(target)).id}/approve`, payload: {} }),
    'POST /api/v1/progress-reports/:id/return': async (target) => ({
      method: 'POST', url: `/api/v1/progress-reports/${(await report(target)).id}/return`, payload: { comment: '请补充佐证材料' },
    }),
    // 'in' is a notification addressed to the caller, 'out' one addressed to somebody else
    'POST /api/v1/notifications/:id/read': async (target, role: Role) => {
      const to = target === 'in' ? c.sessions[role].user.id : c.sessions[role === 'office' ? 'inspector' : 'office'].user.id;
      const [n] = await c.t.sql<{ id: string }>(
        "insert into notifications (tenant_id, user_id, kind, title) values ($1, $2, 'test', '权限矩阵通知') returning id",
        [await tenant(), to],
      );
      return { method: 'POST', url: `/api/v1/notifications/${n.id}/read` };
    },
  };
}
