import type { z } from 'zod';
import type { personCreate, personUpdate, positionCreate, Person } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { unitInScope } from '../../access/scope.js';
import * as repo from './people.repo.js';
import { getUnit } from './units.repo.js';
import { presentPerson, presentPosition } from './org.presenter.js';

type PersonCreate = z.infer<typeof personCreate>;
type PersonUpdate = z.infer<typeof personUpdate>;

/** A person is in scope when their unit is, or when they are the caller (self scope). */
export function personInScope(ctx: RequestContext, p: { id: string; unitId: string }): boolean {
  if (ctx.scope.kind === 'self') return ctx.scope.personId === p.id;
  return unitInScope(ctx.scope, p.unitId);
}

// The org chart (who holds which post) is public inside a tenant, so a person's
// existence is no secret: out-of-scope access answers 403 rather than 404.
async function loadPerson(db: Db, ctx: RequestContext, id: string) {
  const row = await repo.getPerson(db, ctx.tenantId, id);
  if (!row) throw notFound('PERSON_NOT_FOUND', 'person');
  if (!personInScope(ctx, row)) throw new AppError('OUT_OF_SCOPE', 'this person belongs to a unit outside your data scope');
  return row;
}

async function checkUnit(db: Db, ctx: RequestContext, unitId: string) {
  if (!(await getUnit(db, ctx.tenantId, unitId))) throw invalid('unitId', 'unknown unit');
  if (!unitInScope(ctx.scope, unitId)) throw new AppError('OUT_OF_SCOPE', 'this unit is outside your data scope', { issues: [{ path: 'body.unitId', message: 'outside your scope' }] });
}

export async function getPersonDetail(db: Db, ctx: RequestContext, id: string): Promise<Person> {
  const row = await loadPerson(db, ctx, id);
  return presentPerson(row, await repo.listPositions(db, ctx.tenantId, { personIds: [id] }));
}

export async function listPeople(db: Db, ctx: RequestContext, f: repo.PersonFilter, page: { page: number; pageSize: number; sort?: string }) {
  const { rows, total } = await repo.listPeople(db, ctx.tenantId, ctx.scope, f, page);
  const posts = await repo.listPositions(db, ctx.tenantId, { personIds: rows.map((r) => r.id) });
  return { items: rows.map((r) => presentPerson(r, posts.filter((p) => p.personId === r.id))), total };
}

export async function createPerson(db: Db, ctx: RequestContext, input: PersonCreate) {
  return db.transaction(async (tx) => {
    await checkUnit(tx, ctx, input.unitId);
    if (await repo.getPersonByStaffNo(tx, ctx.tenantId, input.staffNo))
      throw new AppError('DUPLICATE', 'staff number already used', { issues: [{ path: 'body.staffNo', message: 'already used' }] });
    const { positions: roles, ...fields } = input;
    const [{ id }] = await repo.insertPeople(tx, [{ ...fields, tenantId: ctx.tenantId }]);
    await repo.insertPositions(tx, (roles ?? []).map((role) => ({ tenantId: ctx.tenantId, personId: id, unitId: input.unitId, role })));
    const after = await getPersonDetail(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'person', entityId: id, after });
    return after;
  });
}

export async function updatePerson(db: Db, ctx: RequestContext, id: string, input: PersonUpdate) {
  return db.transaction(async (tx) => {
    const before = await loadPerson(tx, ctx, id);
    if (ctx.scope.kind === 'self') throw new AppError('OUT_OF_SCOPE', 'members cannot edit person records');
    if (input.unitId && input.unitId !== before.unitId) await checkUnit(tx, ctx, input.unitId);
    if (input.staffNo && input.staffNo !== before.staffNo && (await repo.getPersonByStaffNo(tx, ctx.tenantId, input.staffNo)))
      throw new AppError('DUPLICATE', 'staff number already used', { issues: [{ path: 'body.staffNo', message: 'already used' }] });
    const { version, ...patch } = input;
    const ok = await repo.updatePerson(tx, ctx.tenantId, id, version, { ...patch, searchGrams: repo.personGrams({ ...before, ...patch }) });
    if (!ok) throw new AppError('VERSION_CONFLICT', 'the person was changed by someone else; reload and retry', { currentVersion: before.version });
    const after = await getPersonDetail(tx, { ...ctx, scope: { kind: 'all' } }, id);
    await appendAudit(tx, ctx, { action: 'update', entity: 'person', entityId: id, before, after });
    return after;
  });
}

export async function deletePerson(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const before = await loadPerson(tx, ctx, id);
    if (ctx.scope.kind === 'self') throw new AppError('OUT_OF_SCOPE', 'members cannot delete person records');
    await repo.deletePerson(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'person', entityId: id, before });
  });
}

export async function addPosition(db: Db, ctx: RequestContext, input: z.infer<typeof positionCreate>) {
  return db.transaction(async (tx) => {
    await loadPerson(tx, ctx, input.personId);
    await checkUnit(tx, ctx, input.unitId);
    const [row] = await repo.insertPositions(tx, [{ tenantId: ctx.tenantId, ...input, startDate: input.startDate ?? null }]);
    if (!row) throw new AppError('DUPLICATE', 'this person already holds this position in this unit');
    const [presented] = (await repo.listPositions(tx, ctx.tenantId, { personIds: [input.personId] })).filter((p) => p.id === row.id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'position', entityId: row.id, after: presented });
    return presentPosition(presented);
  });
}

export async function removePosition(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const row = await repo.getPosition(tx, ctx.tenantId, id);
    if (!row) throw notFound('NOT_FOUND', 'position');
    if (!unitInScope(ctx.scope, row.unitId)) throw new AppError('OUT_OF_SCOPE', 'this position is in a unit outside your data scope');
    await repo.deletePosition(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'position', entityId: id, before: row });
  });
}
