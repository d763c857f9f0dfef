import type { z } from 'zod';
import type { goalCreate, goalUpdate, Goal } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import * as repo from './goals.repo.js';
import { presentGoal } from './goals.presenter.js';

type GoalCreate = z.infer<typeof goalCreate>;
type GoalUpdate = z.infer<typeof goalUpdate>;

/**
 * Checks goal ids given with a task or a study session: each must be a goal of
 * this tenant (an unknown id or one of another tenant is a 400 on `path`).
 * Returns the goals with their track, for the fusion rule.
 */
export async function checkGoalIds(db: Db, tenantId: string, ids: readonly string[], path = 'body.goalIds') {
  const unique = [...new Set(ids)];
  const found = await repo.goalsByIds(db, tenantId, unique);
  const known = new Set(found.map((g) => g.id));
  const missing = unique.filter((id) => !known.has(id));
  if (missing.length) throw invalid(path, `unknown goal ${missing[0]}`);
  return found as { id: string; track: 'party' | 'business' }[];
}

export async function listGoals(db: Db, ctx: RequestContext, f: repo.GoalFilter) {
  const rows = await repo.listGoals(db, ctx.tenantId, f);
  return { items: rows.map(presentGoal), total: rows.length };
}

async function load(db: Db, ctx: RequestContext, id: string) {
  const row = await repo.getGoal(db, ctx.tenantId, id);
  if (!row) throw notFound('GOAL_NOT_FOUND', 'goal');
  return row;
}

export async function getGoal(db: Db, ctx: RequestContext, id: string): Promise<Goal> {
  return presentGoal(await load(db, ctx, id));
}

/** The parent must be a goal of the same tenant and track, and not the goal itself or below it. */
async function checkParent(db: Db, ctx: RequestContext, id: string | null, track: string, parentId: string | null | undefined) {
  if (!parentId) return;
  const parent = await repo.getGoal(db, ctx.tenantId, parentId);
  if (!parent) throw invalid('body.parentId', 'unknown goal');
  if (parent.track !== track) throw invalid('body.parentId', 'the parent goal is in the other track');
  if (id && (await repo.ancestorIds(db, ctx.tenantId, parentId)).includes(id)) throw invalid('body.parentId', 'a goal cannot move under itself');
}

async function checkCode(db: Db, ctx: RequestContext, id: string | null, code: string | null | undefined) {
  if (!code) return;
  const other = await repo.getGoalByCode(db, ctx.tenantId, code);
  if (other && other.id !== id) throw new AppError('DUPLICATE', 'goal code already used', { issues: [{ path: 'body.code', message: 'already used' }] });
}

export async function createGoal(db: Db, ctx: RequestContext, input: GoalCreate) {
  return db.transaction(async (tx) => {
    await checkParent(tx, ctx, null, input.track, input.parentId);
    await checkCode(tx, ctx, null, input.code);
    const { id } = await repo.insertGoal(tx, {
      tenantId: ctx.tenantId,
      track: input.track,
      parentId: input.parentId ?? null,
      code: input.code ?? null,
      name: input.name,
      description: input.description ?? null,
      sortOrder: input.sortOrder ?? 0,
    });
    const after = presentGoal((await repo.getGoal(tx, ctx.tenantId, id))!);
    await appendAudit(tx, ctx, { action: 'create', entity: 'goal', entityId: id, after });
    return after;
  });
}

export async function updateGoal(db: Db, ctx: RequestContext, id: string, input: GoalUpdate) {
  return db.transaction(async (tx) => {
    const before = await load(tx, ctx, id);
    await checkParent(tx, ctx, id, before.track, input.parentId);
    await checkCode(tx, ctx, id, input.code);
    const { version, ...patch } = input;
    const row = await repo.updateGoal(tx, ctx.tenantId, id, version, patch);
    if (!row) throw new AppError('VERSION_CONFLICT', 'the goal was changed by someone else; reload and retry', { currentVersion: before.version });
    const after = presentGoal((await repo.getGoal(tx, ctx.tenantId, id))!);
    await appendAudit(tx, ctx, { action: 'update', entity: 'goal', entityId: id, before: presentGoal(before), after });
    return after;
  });
}

export async function deleteGoal(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const before = await load(tx, ctx, id);
    const usage = await repo.goalUsage(tx, ctx.tenantId, id);
    if (usage.children) throw new AppError('GOAL_HAS_CHILDREN', 'the goal still has sub-goals', usage);
    if (usage.tasks || usage.studies || usage.activities) throw new AppError('GOAL_IN_USE', 'the goal is linked to tasks, study sessions or activities', usage);
    await repo.deleteGoal(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'goal', entityId: id, before: presentGoal(before) });
  });
}
