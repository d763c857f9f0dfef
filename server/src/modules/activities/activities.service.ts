import type { z } from 'zod';
import type { activityCreate, activityUpdate, Activity, ActivityStats } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { unitInScope } from '../../access/scope.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { grams } from '../../platform/search/grams.js';
import * as refs from '../study/refs.repo.js';
import * as repo from './activities.repo.js';
import { presentActivity } from './activities.presenter.js';

type Create = z.infer<typeof activityCreate>;
type Update = z.infer<typeof activityUpdate>;
type Page = { page: number; pageSize: number; sort?: string };

export async function listActivities(db: Db, ctx: RequestContext, f: repo.ActivityFilter, page: Page) {
  const { rows, total } = await repo.listActivities(db, ctx.tenantId, ctx.scope, f, page);
  const goals = await repo.listGoalLinks(db, ctx.tenantId, rows.map((r) => r.id));
  return { items: rows.map((r) => presentActivity(r, goals)), total };
}

/** An activity the caller may see (404 otherwise: activities outside the scope are not revealed). */
export async function getActivity(db: Db, ctx: RequestContext, id: string): Promise<Activity> {
  const row = await repo.getActivity(db, ctx.tenantId, ctx.scope, id);
  if (!row) throw notFound('ACTIVITY_NOT_FOUND', 'activity');
  return presentActivity(row, await repo.listGoalLinks(db, ctx.tenantId, [id]));
}

/** Units write the activities of their own subtree; the office writes any. */
export const canWrite = (ctx: RequestContext, unitId: string) => unitInScope(ctx.scope, unitId);

async function checkInput(tx: Db, ctx: RequestContext, input: Partial<Create>) {
  if (input.unitId) await refs.requireUnit(tx, ctx.tenantId, input.unitId, 'body.unitId');
  if (input.campaignId) await refs.requireCampaign(tx, ctx.tenantId, input.campaignId, 'body.campaignId');
  if (input.goalIds) {
    const dup = refs.firstDuplicate(input.goalIds);
    if (dup >= 0) throw invalid(`body.goalIds.${dup}`, 'goal listed twice');
    await refs.requireGoals(tx, ctx.tenantId, input.goalIds, 'body.goalIds');
  }
  if (input.projectId) {
    const project = await repo.getProjectRef(tx, ctx.tenantId, input.projectId);
    // a studio outside the caller's scope is as unknown as a missing one
    if (!project || !unitInScope(ctx.scope, project.unitId)) throw invalid('body.projectId', `unknown project ${input.projectId}`);
    if (project.kind !== 'dual_leader_studio') throw invalid('body.projectId', 'activities attach to 双带头人工作室 projects only');
  }
}

const loadAll = (tx: Db, ctx: RequestContext, id: string) => getActivity(tx, { ...ctx, scope: { kind: 'all' } }, id);

export async function createActivity(db: Db, ctx: RequestContext, input: Create) {
  return db.transaction(async (tx) => {
    await checkInput(tx, ctx, input);
    refs.requireUnitInScope(ctx, input.unitId, 'body.unitId');
    const { goalIds, ...fields } = input;
    const { id } = await repo.insertActivity(tx, {
      ...fields, tenantId: ctx.tenantId, summary: fields.summary || null, campaignId: fields.campaignId ?? null, projectId: fields.projectId ?? null,
      searchGrams: grams(fields.title),
    });
    await repo.replaceGoals(tx, ctx.tenantId, id, goalIds);
    const after = await loadAll(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'activity', entityId: id, after });
    return after;
  });
}

export async function updateActivity(db: Db, ctx: RequestContext, id: string, input: Update) {
  return db.transaction(async (tx) => {
    const before = await getActivity(tx, ctx, id);
    refs.requireUnitInScope(ctx, before.unitId, 'body.unitId');
    await checkInput(tx, ctx, input);
    if (input.unitId) refs.requireUnitInScope(ctx, input.unitId, 'body.unitId');
    const { version, goalIds, ...patch } = input;
    const ok = await repo.updateActivity(tx, ctx.tenantId, id, version, {
      ...patch, ...(patch.summary !== undefined ? { summary: patch.summary || null } : {}), searchGrams: grams(patch.title ?? before.title),
    });
    if (!ok) throw new AppError('VERSION_CONFLICT', 'the activity was changed by someone else; reload and retry', { currentVersion: before.version });
    if (goalIds) await repo.replaceGoals(tx, ctx.tenantId, id, goalIds);
    const after = await loadAll(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'update', entity: 'activity', entityId: id, before, after });
    return after;
  });
}

export async function deleteActivity(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const before = await getActivity(tx, ctx, id);
    refs.requireUnitInScope(ctx, before.unitId, 'body.unitId');
    await repo.deleteActivity(tx, ctx.tenantId, id);
    await refs.deleteAttachmentsOf(tx, ctx.tenantId, 'activity', id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'activity', entityId: id, before });
  });
}

/** Counts and participants by kind and unit within the caller's scope. */
export async function activityStats(db: Db, ctx: RequestContext, f: { from?: string; to?: string; unitId?: string }): Promise<ActivityStats> {
  if (f.from && f.to && f.to < f.from) throw invalid('query.to', 'before from');
  const { total, byKind, byUnit } = await repo.activityTotals(db, ctx.tenantId, ctx.scope, f);
  return { total, byKind: byKind.map((k) => ({ ...k, kind: k.kind as ActivityStats['byKind'][number]['kind'] })), byUnit };
}
