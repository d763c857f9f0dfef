import crypto from 'node:crypto';
import type { z } from 'zod';
import type { schemeCopy } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { raterAssignments, raterGroups } from '../../db/schema/index.js';
import * as repo from './schemes.repo.js';
import * as indicatorsRepo from './indicators.repo.js';
import * as targetsRepo from './targets.repo.js';
import * as ratersRepo from './raters.repo.js';
import { loadScheme } from './schemes.service.js';
import { placeTree } from './indicators.tree.js';

/**
 * A new draft scheme from an earlier one: settings, the indicator tree (new
 * ids, same shape), the targets and the rater groups; assignments only when
 * asked. Nothing that was scored or submitted is copied.
 */
export async function copyScheme(db: Db, ctx: RequestContext, sourceId: string, input: z.infer<typeof schemeCopy>) {
  return db.transaction(async (tx) => {
    const src = await loadScheme(tx, ctx, sourceId);
    const { id } = await repo.insertScheme(tx, {
      tenantId: ctx.tenantId, year: input.year, title: input.title, trimmedMean: src.trimmedMean, bands: src.bands, adjustmentItems: src.adjustmentItems,
    });
    const indicators = await indicatorsRepo.listIndicators(tx, ctx.tenantId, sourceId);
    const newId = new Map(indicators.map((i) => [i.id, crypto.randomUUID()]));
    // Parents before children, so the tree is whole at every insert.
    const ordered = placeTree(indicators.map((i) => ({ ...i, weight: Number(i.weight) }))).map((p) => p.node);
    await indicatorsRepo.insertIndicators(tx, ordered.map(({ id: old, tenantId, schemeId: _s, parentId, ...rest }) => ({ ...rest, tenantId, id: newId.get(old)!, schemeId: id, parentId: parentId ? newId.get(parentId)! : null })));

    const targets = await targetsRepo.listTargets(tx, ctx.tenantId, { kind: 'all' }, { schemeId: sourceId });
    await targetsRepo.insertTargets(tx, ctx.tenantId, id, null, targets.map((t) => ({ unitId: t.unitId, pairedUnitId: t.pairedUnitId, name: t.name })));
    const groups = await ratersRepo.listGroups(tx, ctx.tenantId, sourceId);
    const groupId = new Map(groups.map((g) => [g.id, crypto.randomUUID()]));
    if (groups.length) await tx.insert(raterGroups).values(groups.map((g) => ({ id: groupId.get(g.id)!, tenantId: ctx.tenantId, schemeId: id, name: g.name, weight: g.weight })));

    if (input.withAssignments) {
      const newTargets = await targetsRepo.listTargets(tx, ctx.tenantId, { kind: 'all' }, { schemeId: id });
      const targetByUnit = new Map(newTargets.map((t) => [t.unitId, t.id]));
      const oldUnit = new Map(targets.map((t) => [t.id, t.unitId]));
      const rows = await ratersRepo.listAssignments(tx, ctx.tenantId, sourceId, {});
      if (rows.length) {
        await tx.insert(raterAssignments).values(rows.map((a) => ({
          tenantId: ctx.tenantId, schemeId: id, groupId: groupId.get(a.groupId)!, raterUserId: a.raterUserId, targetId: targetByUnit.get(oldUnit.get(a.targetId)!)!,
        })));
      }
    }
    const after = await loadScheme(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'copy', entity: 'assessment_scheme', entityId: id, after: { ...after, copiedFrom: sourceId } });
    return after;
  });
}
