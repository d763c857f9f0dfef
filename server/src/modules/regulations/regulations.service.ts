import crypto from 'node:crypto';
import type { z } from 'zod';
import type { regulationAbolish, regulationCreate, regulationRevise, regulationUpdate, RegulationCleanup, RegulationDetail } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { grams } from '../../platform/search/grams.js';
import * as repo from './regulations.repo.js';
import * as refs from '../study/refs.repo.js';
import { presentRegulation } from './regulations.presenter.js';

type Create = z.infer<typeof regulationCreate>;
type Update = z.infer<typeof regulationUpdate>;
type Page = { page: number; pageSize: number; sort?: string };

const gramsOf = (r: { title: string; docNo?: string | null }) => grams(r.title, r.docNo);

export async function listRegulations(db: Db, ctx: RequestContext, f: repo.RegulationFilter, page: Page) {
  const { rows, total } = await repo.listRegulations(db, ctx.tenantId, f, page);
  return { items: rows.map(presentRegulation), total };
}

async function load(db: Db, ctx: RequestContext, id: string) {
  const row = await repo.getRegulation(db, ctx.tenantId, id);
  if (!row) throw notFound('REGULATION_NOT_FOUND', 'regulation');
  return row;
}

/** One version with the history of its series, oldest first. */
export async function getDetail(db: Db, ctx: RequestContext, id: string): Promise<RegulationDetail> {
  const row = await load(db, ctx, id);
  const history = await repo.listSeries(db, ctx.tenantId, row.seriesId);
  return { ...presentRegulation(row), history: history.map(presentRegulation) };
}

/** A step that does not follow from the current status: 409, nothing written. */
function stateError(status: string, step: string) {
  return new AppError('REGULATION_STATE_INVALID', `a ${status} regulation cannot be ${step}`, { status, step });
}

export async function createRegulation(db: Db, ctx: RequestContext, input: Create) {
  return db.transaction(async (tx) => {
    await refs.requireUnit(tx, ctx.tenantId, input.ownerUnitId, 'body.ownerUnitId');
    const { id } = await repo.insertRegulation(tx, {
      ...input, tenantId: ctx.tenantId, seriesId: crypto.randomUUID(), versionNo: 1, status: 'draft', docNo: input.docNo || null, body: input.body ?? null, searchGrams: gramsOf(input),
    });
    const after = await getDetail(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'regulation', entityId: id, after });
    return after;
  });
}

export async function updateRegulation(db: Db, ctx: RequestContext, id: string, input: Update) {
  return db.transaction(async (tx) => {
    const before = await load(tx, ctx, id);
    if (before.status !== 'draft') throw stateError(before.status, 'edited; revise it instead');
    if (input.ownerUnitId) await refs.requireUnit(tx, ctx.tenantId, input.ownerUnitId, 'body.ownerUnitId');
    const { version, ...patch } = input;
    const merged = { title: patch.title ?? before.title, docNo: patch.docNo === undefined ? before.docNo : patch.docNo };
    const ok = await repo.updateRegulationIf(tx, ctx.tenantId, id, { status: 'draft', version }, { ...patch, searchGrams: gramsOf(merged) });
    if (!ok) throw new AppError('VERSION_CONFLICT', 'the regulation was changed by someone else; reload and retry', { currentVersion: before.version });
    const after = await getDetail(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'update', entity: 'regulation', entityId: id, before: presentRegulation(before), after });
    return after;
  });
}

export async function deleteRegulation(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const before = await load(tx, ctx, id);
    if (before.status !== 'draft') throw stateError(before.status, 'deleted; abolish it instead');
    await repo.deleteRegulation(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'regulation', entityId: id, before: presentRegulation(before) });
  });
}

/** draft → in_force. */
export async function publish(db: Db, ctx: RequestContext, id: string, input: { effectiveOn: string }) {
  return db.transaction(async (tx) => {
    const before = await load(tx, ctx, id);
    if (before.status !== 'draft') throw stateError(before.status, 'published');
    const ok = await repo.updateRegulationIf(tx, ctx.tenantId, id, { status: 'draft' }, { status: 'in_force', effectiveOn: input.effectiveOn });
    if (!ok) throw stateError('changed', 'published');
    const after = await getDetail(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'publish', entity: 'regulation', entityId: id, before: presentRegulation(before), after });
    return after;
  });
}

/** in_force → revised, with a new in-force version of the same series that links back. */
export async function revise(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof regulationRevise>) {
  return db.transaction(async (tx) => {
    const old = await load(tx, ctx, id);
    if (old.status !== 'in_force') throw stateError(old.status, 'revised');
    if (old.effectiveOn && input.effectiveOn < old.effectiveOn) throw invalid('body.effectiveOn', 'before the revised version came into force');
    // The guard makes two concurrent revisions of one version produce one new version.
    const ok = await repo.updateRegulationIf(tx, ctx.tenantId, id, { status: 'in_force' }, { status: 'revised', revisedOn: input.effectiveOn });
    if (!ok) throw stateError('changed', 'revised');
    const title = input.title ?? old.title;
    const docNo = input.docNo === undefined ? old.docNo : input.docNo || null;
    const { id: newId } = await repo.insertRegulation(tx, {
      tenantId: ctx.tenantId, seriesId: old.seriesId, versionNo: old.versionNo + 1, previousId: old.id, title, docNo,
      ownerUnitId: old.ownerUnitId, category: old.category, status: 'in_force', effectiveOn: input.effectiveOn,
      body: input.body === undefined ? old.body : input.body, searchGrams: gramsOf({ title, docNo }),
    });
    const after = await getDetail(tx, ctx, newId);
    await appendAudit(tx, ctx, { action: 'revise', entity: 'regulation', entityId: id, before: presentRegulation(old), after: { revisedOn: input.effectiveOn, newVersionId: newId } });
    await appendAudit(tx, ctx, { action: 'create', entity: 'regulation', entityId: newId, after });
    return after;
  });
}

/** in_force → abolished, with reason and date. */
export async function abolish(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof regulationAbolish>) {
  return db.transaction(async (tx) => {
    const before = await load(tx, ctx, id);
    if (before.status !== 'in_force') throw stateError(before.status, 'abolished');
    if (before.effectiveOn && input.abolishedOn < before.effectiveOn) throw invalid('body.abolishedOn', 'before the regulation came into force');
    const ok = await repo.updateRegulationIf(tx, ctx.tenantId, id, { status: 'in_force' }, { status: 'abolished', abolishedOn: input.abolishedOn, abolishReason: input.reason });
    if (!ok) throw stateError('changed', 'abolished');
    const after = await getDetail(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'abolish', entity: 'regulation', entityId: id, before: presentRegulation(before), after });
    return after;
  });
}

/** 立改废 for a period: first versions that came into force, revisions, abolitions. */
export async function cleanup(db: Db, ctx: RequestContext, q: { from: string; to: string }): Promise<RegulationCleanup> {
  if (q.to < q.from) throw invalid('query.to', 'before from');
  const made = await repo.cleanupPart(db, ctx.tenantId, 'made', q.from, q.to);
  const revised = await repo.cleanupPart(db, ctx.tenantId, 'revised', q.from, q.to);
  const abolished = await repo.cleanupPart(db, ctx.tenantId, 'abolished', q.from, q.to);
  const part = (rows: repo.RegulationRow[]) => ({ count: rows.length, items: rows.map(presentRegulation) });
  return { from: q.from, to: q.to, made: part(made), revised: part(revised), abolished: part(abolished) };
}
