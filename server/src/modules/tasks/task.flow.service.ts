import type { FusionReport, Task, TaskComment, TaskExtension } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import * as repo from './task.repo.js';
import * as flow from './task.flow.repo.js';
import { getTask, loadOwned } from './task.service.js';
import { taskClock } from './task.settings.js';
import { generateInstances, LOOKAHEAD_DAYS } from './task.recurring.js';
import { addDays } from './task.recurrence.js';

type Ctx = RequestContext;

const iso = (v: Date | string | null) => (v === null || v === undefined ? null : new Date(v).toISOString());
const stale = (what: string) => new AppError('TASK_STATE_INVALID', what);

async function loadVisible(db: Db, ctx: Ctx, id: string) {
  if (!(await repo.isVisible(db, ctx, id))) throw notFound('TASK_NOT_FOUND', 'task');
  return (await repo.getTaskRecord(db, ctx.tenantId, id))!;
}

/** 下发: the office sends the task to its owner unit, which must then sign for it. */
export async function issueTask(db: Db, ctx: Ctx, id: string): Promise<Task> {
  return db.transaction(async (tx) => {
    const rec = await loadVisible(tx, ctx, id);
    if (rec.issuedAt) throw stale('the task has already been issued');
    if (rec.status === 'done' || rec.status === 'cancelled') throw stale(`a ${rec.status} task cannot be issued`);
    await repo.updateTask(tx, ctx.tenantId, id, null, { issuedAt: new Date() });
    const after = await getTask(tx, ctx, id, true);
    await appendAudit(tx, ctx, { action: 'issue', entity: 'task', entityId: id, before: { issuedAt: null }, after: { issuedAt: after.issuedAt } });
    return after;
  });
}

/** 签收: the owner unit acknowledges an issued task; handling (办理) starts. */
export async function signTask(db: Db, ctx: Ctx, id: string): Promise<Task> {
  return db.transaction(async (tx) => {
    await loadVisible(tx, ctx, id);
    const rec = await loadOwned(tx, ctx, id);
    if (!rec.issuedAt) throw stale('the task has not been issued yet');
    if (rec.signedAt) throw stale('the task has already been signed for');
    await repo.updateTask(tx, ctx.tenantId, id, null, { signedAt: new Date(), signedBy: ctx.userId, ...(rec.status === 'planned' ? { status: 'in_progress' } : {}) });
    const after = await getTask(tx, ctx, id, true);
    await appendAudit(tx, ctx, { action: 'sign', entity: 'task', entityId: id, before: { signedAt: null, status: rec.status }, after: { signedAt: after.signedAt, status: after.status } });
    return after;
  });
}

export function presentExtension(r: flow.ExtensionRow): TaskExtension {
  return { ...r, status: r.status as TaskExtension['status'], decidedAt: iso(r.decidedAt), createdAt: iso(r.createdAt)! };
}

/** The owner unit asks for a later due date, with a reason; one open request at a time. */
export async function requestExtension(db: Db, ctx: Ctx, id: string, input: { newDueDate: string; reason: string }): Promise<TaskExtension> {
  return db.transaction(async (tx) => {
    await loadVisible(tx, ctx, id);
    const rec = await loadOwned(tx, ctx, id);
    if (rec.status === 'done' || rec.status === 'cancelled') throw stale(`a ${rec.status} task needs no extension`);
    if (input.newDueDate <= rec.dueDate) throw invalid('body.newDueDate', `must be after the current due date ${rec.dueDate}`);
    const parent = rec.parentId ? await repo.getTaskRecord(tx, ctx.tenantId, rec.parentId) : null;
    if (parent && input.newDueDate > parent.dueDate) throw invalid('body.newDueDate', `a subtask cannot be due after its parent (${parent.dueDate})`);
    if (await flow.hasPendingExtension(tx, ctx.tenantId, id)) throw stale('an extension request for this task is already pending');
    const row = await flow.insertExtension(tx, { tenantId: ctx.tenantId, taskId: id, requestedBy: ctx.userId, oldDueDate: rec.dueDate, newDueDate: input.newDueDate, reason: input.reason });
    await appendAudit(tx, ctx, { action: 'request', entity: 'task_extension', entityId: row.id, after: row });
    return presentExtension(await flow.getExtensionRow(tx, ctx.tenantId, row.id));
  });
}

/** The office approves (the due date moves) or rejects a pending request. */
export async function decideExtension(db: Db, ctx: Ctx, id: string, approve: boolean, note: string | null): Promise<TaskExtension> {
  return db.transaction(async (tx) => {
    const ext = await flow.getExtension(tx, ctx.tenantId, id);
    if (!ext || !(await repo.isVisible(tx, ctx, ext.taskId))) throw notFound('TASK_EXTENSION_NOT_FOUND', 'extension request');
    if (ext.status !== 'pending') throw stale(`the request was already ${ext.status}`);
    const decided = await flow.decideExtension(tx, ctx.tenantId, id, approve ? 'approved' : 'rejected', ctx.userId, note);
    if (!decided) throw stale('the request was decided meanwhile');
    if (approve) {
      const task = (await repo.getTaskRecord(tx, ctx.tenantId, ext.taskId))!;
      await repo.updateTask(tx, ctx.tenantId, ext.taskId, null, { dueDate: ext.newDueDate });
      await appendAudit(tx, ctx, { action: 'extend', entity: 'task', entityId: ext.taskId, before: { dueDate: task.dueDate }, after: { dueDate: ext.newDueDate } });
    }
    await appendAudit(tx, ctx, { action: approve ? 'approve' : 'reject', entity: 'task_extension', entityId: id, before: ext, after: decided });
    return presentExtension(await flow.getExtensionRow(tx, ctx.tenantId, id));
  });
}

export async function taskExtensions(db: Db, ctx: Ctx, taskId: string) {
  await loadVisible(db, ctx, taskId);
  const rows = await flow.listExtensions(db, ctx, { taskId });
  return { items: rows.map(presentExtension), total: rows.length };
}

export async function allExtensions(db: Db, ctx: Ctx, f: { status?: string; campaignId?: string }) {
  const rows = await flow.listExtensions(db, ctx, f);
  return { items: rows.map(presentExtension), total: rows.length };
}

const presentComment = (ctx: Ctx) => (c: Awaited<ReturnType<typeof flow.listComments>>[number]): TaskComment => ({
  id: c.id,
  taskId: c.taskId,
  authorName: c.authorName,
  body: c.body,
  createdAt: c.createdAt.toISOString(),
  mine: c.authorId === ctx.userId,
});

export async function listComments(db: Db, ctx: Ctx, taskId: string) {
  await loadVisible(db, ctx, taskId);
  const rows = await flow.listComments(db, ctx.tenantId, taskId);
  return { items: rows.map(presentComment(ctx)), total: rows.length };
}

export async function addComment(db: Db, ctx: Ctx, taskId: string, body: string): Promise<TaskComment> {
  return db.transaction(async (tx) => {
    await loadVisible(tx, ctx, taskId);
    const row = await flow.insertComment(tx, { tenantId: ctx.tenantId, taskId, authorId: ctx.userId, authorName: ctx.displayName, body });
    await appendAudit(tx, ctx, { action: 'comment', entity: 'task', entityId: taskId, after: { commentId: row.id, body } });
    return presentComment(ctx)(row);
  });
}

export async function setFollow(db: Db, ctx: Ctx, taskId: string, on: boolean) {
  return db.transaction(async (tx) => {
    await loadVisible(tx, ctx, taskId);
    const changed = on ? await flow.follow(tx, ctx.tenantId, taskId, ctx.userId) : await flow.unfollow(tx, ctx.tenantId, taskId, ctx.userId);
    if (changed) await appendAudit(tx, ctx, { action: on ? 'follow' : 'unfollow', entity: 'task', entityId: taskId });
    return { followed: on };
  });
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const numbers = (r: { total: number; fused: number; weight: number; fusedWeight: number } | undefined) => {
  const total = Number(r?.total ?? 0);
  const fused = Number(r?.fused ?? 0);
  return { total, fused, ratio: ratio(fused, total), weightedRatio: ratio(Number(r?.fusedWeight ?? 0), Number(r?.weight ?? 0)) };
};

export async function fusionReport(db: Db, ctx: Ctx, campaignId?: string): Promise<FusionReport> {
  const c = await flow.fusionCounts(db, ctx, campaignId);
  return {
    overall: numbers(c.overall),
    byCampaign: c.byCampaign.map((r) => ({ campaignId: r.campaignId, title: r.title, ...numbers(r) })),
    byUnit: c.byUnit.map((r) => ({ unitId: r.unitId, unitName: r.unitName, ...numbers(r) })),
  };
}

/** Makes the missing instances of a recurring task (the office, or a scheduled job through generateDueInstances). */
export async function generateForTask(db: Db, ctx: Ctx, id: string, until?: string) {
  return db.transaction(async (tx) => {
    const rec = await loadVisible(tx, ctx, id);
    if (rec.recurrence === 'none') throw stale('the task does not recur');
    const clock = await taskClock(tx, ctx.tenantId);
    const keys = await generateInstances(tx, ctx, rec, until ?? addDays(clock.today, LOOKAHEAD_DAYS));
    return { created: keys.length, keys };
  });
}
