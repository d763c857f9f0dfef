import type { FieldIssue } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/errors.js';
import * as repo from './task.repo.js';
import { childrenOutside, dateProblems, makesCycle, type DateRange } from './task.tree.js';

/** Where a task sits: its parent (if any) and its campaign, which a subtask takes from its parent. */
export interface Placement {
  parent: repo.TaskRecord | null;
  campaignId: string;
}

/**
 * Resolves and checks the parent and campaign of a new or moved task: the
 * parent must be a task the caller can see, never the task itself or one of
 * its subtasks; a top-level task names a known campaign.
 */
export async function resolvePlacement(db: Db, ctx: RequestContext, rec: repo.TaskRecord | null, parentId: string | null, campaignId: string | undefined): Promise<Placement> {
  if (parentId) {
    if (rec && parentId === rec.id) throw invalid('body.parentId', 'a task cannot be its own parent');
    const parent = await repo.getTaskRecord(db, ctx.tenantId, parentId);
    if (!parent || !(await repo.isVisible(db, ctx, parentId))) throw invalid('body.parentId', 'unknown task');
    if (rec && makesCycle(rec.id, await repo.ancestorIds(db, ctx.tenantId, parentId)))
      throw invalid('body.parentId', 'a task cannot move under one of its own subtasks');
    if (campaignId && campaignId !== parent.campaignId) throw invalid('body.campaignId', 'a subtask belongs to the campaign of its parent');
    return { parent, campaignId: parent.campaignId };
  }
  const id = campaignId ?? rec?.campaignId;
  if (!id) throw invalid('body.campaignId', 'required for a top-level task');
  if (campaignId && campaignId !== rec?.campaignId && !(await repo.existingIds(db, 'campaigns', ctx.tenantId, [campaignId])).has(campaignId))
    throw invalid('body.campaignId', 'unknown campaign');
  return { parent: null, campaignId: id };
}

export interface RefInput extends DateRange {
  ownerUnitId: string;
  coUnitIds?: string[];
  responsiblePersonId?: string | null;
  goalIds?: string[];
}

/** Units, people and goals must exist in the tenant; dates must fit the parent and hold the children. All problems at once. */
export async function checkRefs(db: Db, tenantId: string, input: RefInput, parent: DateRange | null, children: DateRange[]) {
  const issues: FieldIssue[] = [];
  const unitIds = [input.ownerUnitId, ...(input.coUnitIds ?? [])];
  const [units, people, goals] = await Promise.all([
    repo.existingIds(db, 'units', tenantId, unitIds),
    input.responsiblePersonId ? repo.existingIds(db, 'people', tenantId, [input.responsiblePersonId]) : new Set<string>(),
    repo.existingIds(db, 'goals', tenantId, input.goalIds ?? []),
  ]);
  if (!units.has(input.ownerUnitId)) issues.push({ path: 'body.ownerUnitId', message: 'unknown unit' });
  const badUnits = (input.coUnitIds ?? []).filter((u) => !units.has(u));
  if (badUnits.length) issues.push({ path: 'body.coUnitIds', message: `unknown unit ${badUnits.join(', ')}` });
  if (input.responsiblePersonId && !people.has(input.responsiblePersonId)) issues.push({ path: 'body.responsiblePersonId', message: 'unknown person' });
  const badGoals = (input.goalIds ?? []).filter((g) => !goals.has(g));
  if (badGoals.length) issues.push({ path: 'body.goalIds', message: `unknown goal ${badGoals.join(', ')}` });
  for (const p of [...dateProblems(input, parent), ...childrenOutside(input, children)]) issues.push({ path: `body.${p.field}`, message: p.message });
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
}
