import type { z } from 'zod';
import type { AssessmentIndicator, indicatorCreate, IndicatorTree, indicatorUpdate } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import * as repo from './indicators.repo.js';
import { editableIn, loadScheme, requireStatus } from './schemes.service.js';
import { presentIndicators } from './schemes.presenter.js';
import { levelIssues, levelProblems, subtreeIds } from './indicators.tree.js';

const MAX_DEPTH = 5;

export async function indicatorTree(db: Db, ctx: RequestContext, schemeId: string): Promise<IndicatorTree> {
  await loadScheme(db, ctx, schemeId);
  const rows = await repo.listIndicators(db, ctx.tenantId, schemeId);
  const problems = levelProblems(rows);
  return { items: presentIndicators(rows), problems, valid: rows.length > 0 && problems.length === 0 };
}

/** 400 listing every level whose sibling weights do not sum to 100; the tree when they all do. */
export async function validateTree(db: Db, ctx: RequestContext, schemeId: string): Promise<IndicatorTree> {
  const tree = await indicatorTree(db, ctx, schemeId);
  if (!tree.items.length) throw invalid('indicators', 'the scheme has no indicators');
  if (tree.problems.length) {
    const issues = levelIssues(tree.problems);
    throw new AppError('VALIDATION_FAILED', issues[0].message, { issues, problems: tree.problems });
  }
  return tree;
}

async function loadIndicator(tx: Db, ctx: RequestContext, id: string): Promise<{ row: repo.IndicatorRow; all: repo.IndicatorRow[] }> {
  const row = await repo.getIndicator(tx, ctx.tenantId, id);
  if (!row) throw notFound('ASSESSMENT_INDICATOR_NOT_FOUND', 'indicator');
  return { row, all: await repo.listIndicators(tx, ctx.tenantId, row.schemeId) };
}

const present = (all: repo.IndicatorRow[], id: string): AssessmentIndicator => presentIndicators(all).find((i) => i.id === id)!;

/** Method and formula agree: a data indicator names its metric, a manual one has none. */
function checkMethod(method: string, formula: unknown) {
  if (method === 'data' && !formula) throw invalid('body.formula', 'a data indicator needs a formula (metric and mapping)');
  if (method === 'manual' && formula) throw invalid('body.formula', 'a manual indicator has no formula');
}

function depthOf(all: repo.IndicatorRow[], parentId: string | null | undefined): number {
  let d = 1;
  for (let p = parentId; p; p = all.find((i) => i.id === p)?.parentId) d++;
  return d;
}

export async function createIndicator(db: Db, ctx: RequestContext, schemeId: string, input: z.infer<typeof indicatorCreate>) {
  return db.transaction(async (tx) => {
    requireStatus(await loadScheme(tx, ctx, schemeId), editableIn.indicators, 'the indicator tree');
    const all = await repo.listIndicators(tx, ctx.tenantId, schemeId);
    if (input.parentId && !all.some((i) => i.id === input.parentId)) throw invalid('body.parentId', 'no such indicator in this scheme');
    if (depthOf(all, input.parentId) > MAX_DEPTH) throw invalid('body.parentId', `the tree has at most ${MAX_DEPTH} levels`);
    checkMethod(input.method, input.formula);
    const [{ id }] = await repo.insertIndicators(tx, [{
      tenantId: ctx.tenantId, schemeId, parentId: input.parentId ?? null, name: input.name, weight: input.weight, observationPoints: input.observationPoints || null,
      maxScore: input.maxScore, track: input.track, method: input.method, formula: input.formula ?? null, sortOrder: input.sortOrder,
    }]);
    const after = present(await repo.listIndicators(tx, ctx.tenantId, schemeId), id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'assessment_indicator', entityId: id, after });
    return after;
  });
}

export async function updateIndicator(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof indicatorUpdate>) {
  return db.transaction(async (tx) => {
    const { row, all } = await loadIndicator(tx, ctx, id);
    requireStatus(await loadScheme(tx, ctx, row.schemeId), editableIn.indicators, 'the indicator tree');
    if (input.parentId !== undefined && input.parentId !== null) {
      if (subtreeIds(all, id).includes(input.parentId)) throw invalid('body.parentId', 'an indicator cannot move under itself');
      if (!all.some((i) => i.id === input.parentId)) throw invalid('body.parentId', 'no such indicator in this scheme');
    }
    const method = input.method ?? row.method;
    const formula = input.formula !== undefined ? input.formula : method === 'manual' && input.method ? null : row.formula;
    checkMethod(method, formula);
    const before = present(all, id);
    const { observationPoints, ...rest } = input;
    await repo.updateIndicator(tx, ctx.tenantId, id, {
      ...rest, formula: formula ?? null, ...(observationPoints !== undefined ? { observationPoints: observationPoints || null } : {}),
    });
    const after = present(await repo.listIndicators(tx, ctx.tenantId, row.schemeId), id);
    await appendAudit(tx, ctx, { action: 'update', entity: 'assessment_indicator', entityId: id, before, after });
    return after;
  });
}

/** Deletes an indicator with its whole subtree (and any scores given on them). */
export async function deleteIndicator(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const { row, all } = await loadIndicator(tx, ctx, id);
    requireStatus(await loadScheme(tx, ctx, row.schemeId), editableIn.indicators, 'the indicator tree');
    const ids = subtreeIds(all, id);
    const before = presentIndicators(all).filter((i) => ids.includes(i.id));
    await repo.deleteIndicators(tx, ctx.tenantId, ids);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'assessment_indicator', entityId: id, before });
  });
}
