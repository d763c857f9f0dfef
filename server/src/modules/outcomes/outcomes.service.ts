import type { z } from 'zod';
import type { contributionAreaCreate, contributionAreaUpdate, outcomeCreate, outcomeUpdate, Outcome, OutcomeStats } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { unitInScope } from '../../access/scope.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { grams } from '../../platform/search/grams.js';
import * as repo from './outcomes.repo.js';
import * as refs from '../study/refs.repo.js';
import { presentOutcome } from './outcomes.presenter.js';
import { contributionAreas } from '../../db/schema/index.js';
import { and, eq } from 'drizzle-orm';

type OutcomeCreate = z.infer<typeof outcomeCreate>;
type OutcomeUpdate = z.infer<typeof outcomeUpdate>;
type Page = { page: number; pageSize: number; sort?: string };

export async function listOutcomes(db: Db, ctx: RequestContext, f: repo.OutcomeFilter, page: Page) {
  const { rows, total } = await repo.listOutcomes(db, ctx.tenantId, ctx.scope, f, page);
  const people = await repo.listOutcomePeople(db, ctx.tenantId, rows.map((r) => r.id));
  return { items: rows.map((r) => presentOutcome(r, people)), total };
}

/** An outcome the caller may see (404 otherwise: outcomes outside the scope are not revealed). */
export async function getOutcome(db: Db, ctx: RequestContext, id: string): Promise<Outcome> {
  const row = await repo.getOutcome(db, ctx.tenantId, ctx.scope, id);
  if (!row) throw notFound('OUTCOME_NOT_FOUND', 'outcome');
  return presentOutcome(row, await repo.listOutcomePeople(db, ctx.tenantId, [id]));
}

/** Units write outcomes of their own units only; the office writes any. */
export const canWrite = (ctx: RequestContext, unitId: string) => unitInScope(ctx.scope, unitId);

function requireUnitInScope(ctx: RequestContext, unitId: string) {
  if (!canWrite(ctx, unitId)) throw new AppError('OUT_OF_SCOPE', 'this unit is outside your data scope', { issues: [{ path: 'body.unitId', message: 'outside your scope' }] });
}

async function checkInput(tx: Db, ctx: RequestContext, input: Partial<OutcomeCreate>) {
  if (input.unitId) await refs.requireUnit(tx, ctx.tenantId, input.unitId, 'body.unitId');
  if (input.personIds) {
    const dup = refs.firstDuplicate(input.personIds);
    if (dup >= 0) throw invalid(`body.personIds.${dup}`, 'person listed twice');
    await refs.requirePeople(tx, ctx.tenantId, input.personIds, 'body.personIds');
  }
  if (input.areaCode && !(await repo.getArea(tx, ctx.tenantId, { code: input.areaCode }))) throw invalid('body.areaCode', `unknown contribution area ${input.areaCode}`);
  if (input.taskId && !(await repo.existsIn(tx, 'tasks', ctx.tenantId, input.taskId))) throw invalid('body.taskId', `unknown task ${input.taskId}`);
  if (input.projectId && !(await repo.existsIn(tx, 'innovation_projects', ctx.tenantId, input.projectId))) throw invalid('body.projectId', `unknown project ${input.projectId}`);
}

const gramsOf = (o: { title: string; medium?: string | null }) => grams(o.title, o.medium);

export async function createOutcome(db: Db, ctx: RequestContext, input: OutcomeCreate) {
  return db.transaction(async (tx) => {
    await checkInput(tx, ctx, input);
    requireUnitInScope(ctx, input.unitId);
    const { personIds, ...fields } = input;
    const { id } = await repo.insertOutcome(tx, {
      ...fields, tenantId: ctx.tenantId, medium: fields.medium || null, link: fields.link ?? null, areaCode: fields.areaCode ?? null,
      taskId: fields.taskId ?? null, projectId: fields.projectId ?? null, searchGrams: gramsOf(fields),
    });
    await repo.replaceOutcomePeople(tx, ctx.tenantId, id, personIds);
    const after = await getOutcome(tx, { ...ctx, scope: { kind: 'all' } }, id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'outcome', entityId: id, after });
    return after;
  });
}

export async function updateOutcome(db: Db, ctx: RequestContext, id: string, input: OutcomeUpdate) {
  return db.transaction(async (tx) => {
    const before = await getOutcome(tx, ctx, id);
    requireUnitInScope(ctx, before.unitId);
    await checkInput(tx, ctx, input);
    if (input.unitId) requireUnitInScope(ctx, input.unitId);
    const { version, personIds, ...patch } = input;
    const merged = { title: patch.title ?? before.title, medium: patch.medium === undefined ? before.medium : patch.medium };
    const ok = await repo.updateOutcome(tx, ctx.tenantId, id, version, { ...patch, searchGrams: gramsOf(merged) });
    if (!ok) throw new AppError('VERSION_CONFLICT', 'the outcome was changed by someone else; reload and retry', { currentVersion: before.version });
    if (personIds) await repo.replaceOutcomePeople(tx, ctx.tenantId, id, personIds);
    const after = await getOutcome(tx, { ...ctx, scope: { kind: 'all' } }, id);
    await appendAudit(tx, ctx, { action: 'update', entity: 'outcome', entityId: id, before, after });
    return after;
  });
}

export async function deleteOutcome(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const before = await getOutcome(tx, ctx, id);
    requireUnitInScope(ctx, before.unitId);
    await repo.deleteOutcome(tx, ctx.tenantId, id);
    await refs.deleteAttachmentsOf(tx, ctx.tenantId, 'outcome', id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'outcome', entityId: id, before });
  });
}

/** Counts by kind, level, medium and area within the caller's scope (one GROUP BY each). */
export async function outcomeStats(db: Db, ctx: RequestContext, f: { from?: string; to?: string; unitId?: string }): Promise<OutcomeStats> {
  // Sequential: `db` may be a transaction, which runs one statement at a time.
  const total = await repo.countOutcomes(db, ctx.tenantId, ctx.scope, f);
  const byKind = await repo.countBy(db, ctx.tenantId, ctx.scope, f, 'kind');
  const byLevel = await repo.countBy(db, ctx.tenantId, ctx.scope, f, 'level');
  const byMedium = await repo.countBy(db, ctx.tenantId, ctx.scope, f, 'medium');
  const byArea = await repo.countBy(db, ctx.tenantId, ctx.scope, f, 'area');
  return { total, byKind, byLevel, byMedium, byArea };
}

export async function listAreas(db: Db, ctx: RequestContext) {
  const rows = await repo.listAreas(db, ctx.tenantId);
  return { items: rows.map(({ id, code, name, sortOrder }) => ({ id, code, name, sortOrder })) };
}

export async function createArea(db: Db, ctx: RequestContext, input: z.infer<typeof contributionAreaCreate>) {
  return db.transaction(async (tx) => {
    if (await repo.getArea(tx, ctx.tenantId, { code: input.code })) throw new AppError('DUPLICATE', 'this code is taken', { issues: [{ path: 'body.code', message: 'already used' }] });
    const [row] = await tx.insert(contributionAreas).values({ tenantId: ctx.tenantId, ...input }).returning();
    const after = { id: row.id, code: row.code, name: row.name, sortOrder: row.sortOrder };
    await appendAudit(tx, ctx, { action: 'create', entity: 'contribution_area', entityId: row.id, after });
    return after;
  });
}

async function loadArea(tx: Db, ctx: RequestContext, id: string) {
  const row = await repo.getArea(tx, ctx.tenantId, { id });
  if (!row) throw notFound('CONTRIBUTION_AREA_NOT_FOUND', 'contribution area');
  return { id: row.id, code: row.code, name: row.name, sortOrder: row.sortOrder };
}

export async function updateArea(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof contributionAreaUpdate>) {
  return db.transaction(async (tx) => {
    const before = await loadArea(tx, ctx, id);
    await tx.update(contributionAreas).set(input).where(and(eq(contributionAreas.tenantId, ctx.tenantId), eq(contributionAreas.id, id)));
    const after = await loadArea(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'update', entity: 'contribution_area', entityId: id, before, after });
    return after;
  });
}

export async function deleteArea(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const before = await loadArea(tx, ctx, id);
    if (await repo.areaInUse(tx, ctx.tenantId, before.code)) throw new AppError('CONTRIBUTION_AREA_IN_USE', 'outcomes are filed under this area');
    await tx.delete(contributionAreas).where(and(eq(contributionAreas.tenantId, ctx.tenantId), eq(contributionAreas.id, id)));
    await appendAudit(tx, ctx, { action: 'delete', entity: 'contribution_area', entityId: id, before });
  });
}
