import type { z } from 'zod';
import { partyKinds, type UnitDetail, type unitCreate, type unitUpdate } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { unitInScope } from '../../access/scope.js';
import * as repo from './units.repo.js';
import { listPositions } from './people.repo.js';
import { listDuties } from './duties.repo.js';
import { presentDuty, presentPosition, presentUnit } from './org.presenter.js';

type UnitCreate = z.infer<typeof unitCreate>;
type UnitUpdate = z.infer<typeof unitUpdate>;

export const trackOfKind = (kind: string) => ((partyKinds as readonly string[]).includes(kind) ? 'party' : 'admin');

async function loadInScope(db: Db, ctx: RequestContext, id: string) {
  const row = await repo.getUnit(db, ctx.tenantId, id);
  if (!row) throw notFound('UNIT_NOT_FOUND', 'unit');
  return row;
}

function assertWritable(ctx: RequestContext, unitId: string) {
  if (!unitInScope(ctx.scope, unitId)) throw new AppError('OUT_OF_SCOPE', 'this unit is outside your data scope');
}

/** Checks the references of a unit: the parent exists, no cycle, the partner is of the other track. */
async function checkRefs(db: Db, ctx: RequestContext, id: string | null, kind: string, parentId: string | null | undefined, pairedUnitId: string | null | undefined) {
  if (parentId) {
    const parent = await repo.getUnit(db, ctx.tenantId, parentId);
    if (!parent) throw invalid('parentId', 'unknown unit');
    if (id && (await repo.ancestorIds(db, ctx.tenantId, parentId)).includes(id)) throw invalid('parentId', 'a unit cannot move under itself');
  }
  if (pairedUnitId) {
    const partner = await repo.getUnit(db, ctx.tenantId, pairedUnitId);
    if (!partner) throw invalid('pairedUnitId', 'unknown unit');
    if (partner.id === id) throw invalid('pairedUnitId', 'a unit cannot pair with itself');
    if (partner.track === trackOfKind(kind)) throw invalid('pairedUnitId', 'pair a party organisation with a business unit');
  }
}

export async function getUnitDetail(db: Db, ctx: RequestContext, id: string): Promise<UnitDetail> {
  const row = await loadInScope(db, ctx, id);
  const [paired, posts, duties, usage] = await Promise.all([
    row.pairedUnitId ? repo.getUnit(db, ctx.tenantId, row.pairedUnitId) : null,
    listPositions(db, ctx.tenantId, { unitIds: [id] }),
    listDuties(db, ctx.tenantId, { unitId: id }),
    repo.unitUsage(db, ctx.tenantId, id),
  ]);
  return {
    unit: presentUnit(row),
    pairedUnit: paired ? presentUnit(paired) : null,
    positions: posts.map(presentPosition),
    peopleCount: usage.members,
    leaders: duties.map(presentDuty),
  };
}

export async function createUnit(db: Db, ctx: RequestContext, input: UnitCreate) {
  if (input.parentId) assertWritable(ctx, input.parentId);
  else if (ctx.scope.kind !== 'all') throw new AppError('OUT_OF_SCOPE', 'only tenant-wide roles create top-level units');
  return db.transaction(async (tx) => {
    await checkRefs(tx, ctx, null, input.kind, input.parentId, input.pairedUnitId);
    if (await repo.getUnitByCode(tx, ctx.tenantId, input.code)) throw new AppError('DUPLICATE', 'unit code already used', { issues: [{ path: 'body.code', message: 'already used' }] });
    const row = await repo.insertUnit(tx, {
      tenantId: ctx.tenantId,
      parentId: input.parentId ?? null,
      track: trackOfKind(input.kind),
      kind: input.kind,
      name: input.name,
      shortName: input.shortName ?? null,
      code: input.code,
      sortOrder: input.sortOrder ?? 0,
    });
    if (input.pairedUnitId) await repo.setPairing(tx, ctx.tenantId, row.id, input.pairedUnitId);
    const created = (await repo.getUnit(tx, ctx.tenantId, row.id))!;
    await appendAudit(tx, ctx, { action: 'create', entity: 'unit', entityId: row.id, after: created });
    return presentUnit(created);
  });
}

export async function updateUnit(db: Db, ctx: RequestContext, id: string, input: UnitUpdate) {
  return db.transaction(async (tx) => {
    const before = await loadInScope(tx, ctx, id);
    assertWritable(ctx, id);
    const kind = input.kind ?? before.kind;
    if (trackOfKind(kind) !== before.track && before.pairedUnitId && input.pairedUnitId === undefined)
      throw invalid('kind', 'changing track would break the pairing: clear pairedUnitId too');
    await checkRefs(tx, ctx, id, kind, input.parentId, input.pairedUnitId);
    const { version, pairedUnitId, ...rest } = input;
    const row = await repo.updateUnit(tx, ctx.tenantId, id, version, { ...rest, track: trackOfKind(kind) });
    if (!row) throw new AppError('VERSION_CONFLICT', 'the unit was changed by someone else; reload and retry', { currentVersion: before.version });
    if (pairedUnitId !== undefined && pairedUnitId !== before.pairedUnitId) await repo.setPairing(tx, ctx.tenantId, id, pairedUnitId);
    const after = (await repo.getUnit(tx, ctx.tenantId, id))!;
    await appendAudit(tx, ctx, { action: 'update', entity: 'unit', entityId: id, before, after });
    return presentUnit(after);
  });
}

export async function deleteUnit(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const before = await loadInScope(tx, ctx, id);
    assertWritable(ctx, id);
    const usage = await repo.unitUsage(tx, ctx.tenantId, id);
    if (usage.children || usage.members || usage.posts || usage.duties)
      throw new AppError('UNIT_HAS_CHILDREN', 'the unit still has sub-units, people, positions or leader duties', usage);
    await repo.deleteUnit(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'unit', entityId: id, before });
  });
}
