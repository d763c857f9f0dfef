import type { Db } from '../../db/client.js';
import { daily } from '../../platform/jobs/periods.js';
import type { JobDef, JobTenant } from '../../platform/jobs/runner.js';
import { notify } from '../../platform/notify/notify.service.js';
import * as repo from './reminders.repo.js';

/**
 * Daily reminders at 08:00 tenant time. The period key is the local date, and
 * the runner runs each job once per tenant and date across processes, so each
 * task, scheme or round is reminded of at most once a day. A job's
 * notifications are written in one transaction: a failed run leaves nothing
 * and is run again.
 */

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const DUE_SOON_DAYS = 3;

async function remindTasks(db: Db, tenant: JobTenant, day: string, mode: 'due_soon' | 'overdue') {
  return db.transaction(async (tx) => {
    const due = mode === 'due_soon' ? await repo.tasksDue(tx, tenant.id, addDays(day, DUE_SOON_DAYS), 'on') : await repo.tasksDue(tx, tenant.id, day, 'before');
    let notified = 0;
    for (const t of due) {
      const to = await repo.taskRecipients(tx, tenant.id, t);
      const late = daysBetween(t.due_date, day);
      notified += (
        await notify(tx, tenant.id, to, {
          kind: mode === 'due_soon' ? 'task.due_soon' : 'task.overdue',
          title: mode === 'due_soon' ? `任务${DUE_SOON_DAYS}天后到期：${t.title}` : `任务已逾期：${t.title}`,
          body: mode === 'due_soon' ? `截止日期 ${t.due_date}，当前进度 ${t.progress}%。` : `截止日期 ${t.due_date}，已逾期 ${late} 天，当前进度 ${t.progress}%。`,
          link: `/plan/tasks?task=${t.id}`,
          entity: 'task',
          entityId: t.id,
        })
      ).length;
    }
    return { tasks: due.length, notified };
  });
}

export const taskDueSoonJob: JobDef = { name: 'reminder.task_due_soon', schedule: daily(8), run: (db, tenant, day) => remindTasks(db, tenant, day, 'due_soon') };
export const taskOverdueJob: JobDef = { name: 'reminder.task_overdue', schedule: daily(8), run: (db, tenant, day) => remindTasks(db, tenant, day, 'overdue') };

export const ratingClosingJob: JobDef = {
  name: 'reminder.rating_closing',
  schedule: daily(8),
  run: (db, tenant, day) =>
    db.transaction(async (tx) => {
      let notified = 0;
      const schemes = await repo.schemesClosing(tx, tenant.id, addDays(day, DUE_SOON_DAYS));
      for (const s of schemes) {
        notified += (
          await notify(tx, tenant.id, s.raters, {
            kind: 'rating.closing',
            title: `测评将于${DUE_SOON_DAYS}天后截止：${s.title}`,
            body: `请在 ${s.rating_deadline} 前提交尚未完成的测评表。`,
            link: '/assess/rating',
            entity: 'assessment_scheme',
            entityId: s.id,
          })
        ).length;
      }
      return { schemes: schemes.length, notified };
    }),
};

export const honourPublicityJob: JobDef = {
  name: 'reminder.honour_publicity',
  schedule: daily(8),
  run: (db, tenant, day) =>
    db.transaction(async (tx) => {
      const rounds = await repo.roundsInPublicityFrom(tx, tenant.id, day);
      if (rounds.length === 0) return { rounds: 0, notified: 0 };
      const everyone = await repo.activeUsers(tx, tenant.id);
      let notified = 0;
      for (const r of rounds) {
        notified += (
          await notify(tx, tenant.id, everyone, {
            kind: 'honour.publicity',
            title: `评优结果公示：${r.title}`,
            body: r.publicity_end ? `公示期 ${r.publicity_start} 至 ${r.publicity_end}，如有异议请在公示期内反映。` : `公示自 ${r.publicity_start} 起。`,
            link: `/execute/honours/${r.id}`,
            entity: 'honour_round',
            entityId: r.id,
          })
        ).length;
      }
      return { rounds: rounds.length, notified };
    }),
};

export const reminderJobs: JobDef[] = [taskDueSoonJob, taskOverdueJob, ratingClosingJob, honourPublicityJob];
