import type { z } from 'zod';
import type { adjustmentCreate } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import * as repo from './targets.repo.js';
import { editableIn, loadScheme, requireStatus } from './schemes.service.js';
import { loadTarget } from './targets.service.js';
import { presentAdjustment } from './targets.presenter.js';

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * 加分 / 减分 / 一票否决 on a target, entered by the office with evidence. The
 * points of one item on one target never exceed the item's cap; a veto
 * carries no points (it caps the grade when results are computed).
 */
export async function addAdjustment(db: Db, ctx: RequestContext, targetId: string, input: z.infer<typeof adjustmentCreate>) {
  return db.transaction(async (tx) => {
    await repo.lockTarget(tx, ctx.tenantId, targetId);
    const target = await loadTarget(tx, ctx, targetId, false);
    const scheme = await loadScheme(tx, ctx, target.schemeId);
    requireStatus(scheme, editableIn.adjustments, 'adjustments');
    const item = scheme.adjustmentItems.find((i) => i.code === input.item);
    if (!item) throw invalid('body.item', `unknown adjustment item ${input.item}`);
    const points = item.kind === 'veto' ? 0 : input.points;
    if (item.kind !== 'veto' && points <= 0) throw invalid('body.points', 'give the points (more than 0)');
    const used = (await repo.listAdjustments(tx, ctx.tenantId, targetId)).filter((a) => a.item === item.code).reduce((s, a) => s + Number(a.points), 0);
    if (round(used + points) > item.cap) {
      throw invalid('body.points', `“${item.name}” is capped at ${item.cap} points; ${round(used)} already given, ${round(Math.max(0, item.cap - used))} left`);
    }
    const row = await repo.insertAdjustment(tx, { tenantId: ctx.tenantId, targetId, kind: item.kind, item: item.code, points, evidence: input.evidence });
    const after = presentAdjustment(row, scheme.adjustmentItems);
    await appendAudit(tx, ctx, { action: 'create', entity: 'target_adjustment', entityId: row.id, after });
    return after;
  });
}

export async function deleteAdjustment(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const row = await repo.getAdjustment(tx, ctx.tenantId, id);
    if (!row) throw notFound('TARGET_ADJUSTMENT_NOT_FOUND', 'adjustment');
    const target = await loadTarget(tx, ctx, row.targetId, false);
    const scheme = await loadScheme(tx, ctx, target.schemeId);
    requireStatus(scheme, editableIn.adjustments, 'adjustments');
    await repo.deleteAdjustment(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'target_adjustment', entityId: id, before: presentAdjustment(row, scheme.adjustmentItems) });
  });
}
