import type { Task, TaskCreate, TaskListQuery, TaskUpdate } from '@santong/contract';
import { hasPermission } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { grams } from '../../platform/search/grams.js';
import * as repo from './task.repo.js';
import { presentTask, ownsTask } from './task.presenter.js';
import { taskClock, type TaskClock } from './task.settings.js';
import { checkRefs, resolvePlacement } from './task.checks.js';

type Ctx = RequestContext;

export const outOfScope = (field?: string) =>
  field
    ? new AppError('OUT_OF_SCOPE', 'the owner unit is outside your data scope: you can only place tasks in your own units', {
        issues: [{ path: `body.${field}`, message: 'outside your data scope' }],
      })
    : new AppError('OUT_OF_SCOPE', 'this task is owned by a unit outside your data scope: only its owner unit or the party office can change it');

/** The audit keeps the record, not the caller's abilities or follow flag. */
export const auditShape = (t: Task) => {
  const { can: _can, followed: _f, rag: _r, ...rest } = t;
  return rest;
};
const strip = auditShape;

/** Presents rows with their co-units and goals (two batched queries). */
export async function presentRows(db: Db, ctx: Ctx, clock: TaskClock, rows: repo.TaskRow[]): Promise<Task[]> {
  const links = await repo.loadLinks(db, ctx.tenantId, rows.map((r) => r.id));
  return rows.map((r) => presentTask(ctx, clock, r, links));
}

export async function listTasks(db: Db, ctx: Ctx, query: TaskListQuery) {
  const { page, pageSize, sort, ...f } = query;
  const clock = await taskClock(db, ctx.tenantId);
  const { rows, total, links } = await repo.listTasks(db, ctx, clock, f, { page, pageSize, sort });
  return { items: rows.map((r) => presentTask(ctx, clock, r, links)), total };
}

/**
 * A task the caller can see; out of scope answers 404 like a missing one.
 * `anyScope` reads past the scope (after a write by the owner, for the audit)
 * while abilities still follow the caller.
 */
export async function getTask(db: Db, ctx: Ctx, id: string, anyScope = false): Promise<Task> {
  const clock = await taskClock(db, ctx.tenantId);
  const row = await repo.getTaskRow(db, anyScope ? { ...ctx, scope: { kind: 'all' } } : ctx, id);
  if (!row) throw notFound('TASK_NOT_FOUND', 'task');
  return (await presentRows(db, ctx, clock, [row]))[0];
}

/** The stored task for a write by its owner unit: 404 when missing, 403 when another unit owns it. */
export async function loadOwned(db: Db, ctx: Ctx, id: string) {
  const rec = await repo.getTaskRecord(db, ctx.tenantId, id);
  if (!rec) throw notFound('TASK_NOT_FOUND', 'task');
  if (!ownsTask(ctx, rec.ownerUnitId)) throw outOfScope();
  return rec;
}

const completion = (status: string | undefined, before?: { status: string; completedAt: Date | null }) => {
  if (!status || status === before?.status) return {};
  return status === 'done' ? { completedAt: new Date() } : { completedAt: null };
};

export async function createTask(db: Db, ctx: Ctx, input: TaskCreate): Promise<Task> {
  return db.transaction(async (tx) => {
    const place = await resolvePlacement(tx, ctx, null, input.parentId ?? null, input.campaignId);
    const coUnitIds = [...new Set(input.coUnitIds ?? [])].filter((u) => u !== input.ownerUnitId);
    const goalIds = [...new Set(input.goalIds ?? [])];
    await checkRefs(tx, ctx.tenantId, { ...input, coUnitIds, goalIds }, place.parent, []);
    if (!ownsTask(ctx, input.ownerUnitId)) throw outOfScope('ownerUnitId');
    const done = input.status === 'done';
    const rec = await repo.insertTask(tx, {
      tenantId: ctx.tenantId,
      campaignId: place.campaignId,
      parentId: place.parent?.id ?? null,
      title: input.title,
      description: input.description ?? null,
      category: input.category,
      ownerUnitId: input.ownerUnitId,
      responsiblePersonId: input.responsiblePersonId ?? null,
      startDate: input.startDate,
      dueDate: input.dueDate,
      weight: input.weight ?? 1,
      status: input.status ?? 'planned',
      progress: input.progress ?? (done ? 100 : 0),
      completedAt: done ? new Date() : null,
      recurrence: input.recurrence ?? 'none',
      sortOrder: input.sortOrder ?? 0,
      searchGrams: grams(input.title, input.description),
      createdBy: ctx.userId || null,
    });
    await repo.setCoUnits(tx, ctx.tenantId, rec.id, coUnitIds);
    await repo.setGoals(tx, ctx.tenantId, rec.id, goalIds);
    const after = await getTask(tx, ctx, rec.id, true);
    await appendAudit(tx, ctx, { action: 'create', entity: 'task', entityId: rec.id, after: strip(after) });
    return after;
  });
}

export async function updateTask(db: Db, ctx: Ctx, id: string, input: TaskUpdate): Promise<Task> {
  return db.transaction(async (tx) => {
    const rec = await loadOwned(tx, ctx, id);
    const before = await getTask(tx, ctx, id, true);
    if (input.ownerUnitId && input.ownerUnitId !== rec.ownerUnitId && !ownsTask(ctx, input.ownerUnitId)) throw outOfScope('ownerUnitId');
    const parentId = input.parentId === undefined ? rec.parentId : input.parentId;
    const place = await resolvePlacement(tx, ctx, rec, parentId, input.campaignId);
    const ownerUnitId = input.ownerUnitId ?? rec.ownerUnitId;
    const coUnitIds = input.coUnitIds ? [...new Set(input.coUnitIds)].filter((u) => u !== ownerUnitId) : undefined;
    const goalIds = input.goalIds ? [...new Set(input.goalIds)] : undefined;
    const merged = { ...input, ownerUnitId, coUnitIds, goalIds, startDate: input.startDate ?? rec.startDate, dueDate: input.dueDate ?? rec.dueDate };
    await checkRefs(tx, ctx.tenantId, merged, place.parent, await repo.childRanges(tx, ctx.tenantId, id));
    const { version, coUnitIds: _c, goalIds: _g, campaignId: _cid, parentId: _p, ...fields } = input;
    const title = input.title ?? rec.title;
    const description = input.description === undefined ? rec.description : input.description;
    const row = await repo.updateTask(tx, ctx.tenantId, id, version, {
      ...fields,
      description,
      parentId: place.parent?.id ?? null,
      campaignId: place.campaignId,
      ...completion(input.status, rec),
      ...(input.status === 'done' && input.progress === undefined ? { progress: 100 } : {}),
      searchGrams: grams(title, description),
    });
    if (!row) throw new AppError('VERSION_CONFLICT', 'the task was changed by someone else; reload and retry', { currentVersion: rec.version });
    if (place.campaignId !== rec.campaignId) await repo.setSubtreeCampaign(tx, ctx.tenantId, id, place.campaignId);
    if (coUnitIds) await repo.setCoUnits(tx, ctx.tenantId, id, coUnitIds);
    else if (input.ownerUnitId) await repo.setCoUnits(tx, ctx.tenantId, id, before.coUnitIds.filter((u) => u !== ownerUnitId));
    if (goalIds) await repo.setGoals(tx, ctx.tenantId, id, goalIds);
    const after = await getTask(tx, ctx, id, true);
    await appendAudit(tx, ctx, { action: 'update', entity: 'task', entityId: id, before: strip(before), after: strip(after) });
    return after;
  });
}


export async function deleteTask(db: Db, ctx: Ctx, id: string) {
  await db.transaction(async (tx) => {
    const rec = await loadOwned(tx, ctx, id);
    if (rec.issuedAt && !hasPermission(ctx.roles, 'plan.task.assign'))
      throw new AppError('FORBIDDEN', 'an issued task can only be withdrawn by the party office');
    const usage = await repo.taskUsage(tx, ctx.tenantId, id);
    if (usage.children) throw new AppError('TASK_HAS_CHILDREN', 'the task still has subtasks', usage);
    if (usage.reports || usage.problems || usage.checks)
      throw new AppError('TASK_STATE_INVALID', 'the task has progress reports or comes from a research problem or a supervision check; cancel it instead', usage);
    const before = await getTask(tx, ctx, id, true);
    await repo.deleteTask(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'task', entityId: id, before: strip(before) });
  });
}
