import type { z } from 'zod';
import type { FieldIssue, RatingForm, RatingItem, RatingSummary, ratingSave } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { iso } from '../study/refs.repo.js';
import * as repo from './rating.repo.js';
import * as schemesRepo from './schemes.repo.js';
import * as indicatorsRepo from './indicators.repo.js';
import * as targetsRepo from './targets.repo.js';
import * as ratersRepo from './raters.repo.js';
import { placeTree } from './indicators.tree.js';
import { presentReport } from './targets.presenter.js';
import { ratesOwnUnit } from './raters.service.js';

function presentSummary(r: repo.MineRow): RatingSummary {
  return {
    assignmentId: r.assignmentId, schemeId: r.schemeId, schemeTitle: r.schemeTitle, year: Number(r.year), schemeStatus: r.schemeStatus as RatingSummary['schemeStatus'],
    ratingDeadline: r.ratingDeadline, targetId: r.targetId, targetName: r.targetName, groupName: r.groupName, status: r.status as RatingSummary['status'],
    submittedAt: r.submittedAt ? iso(r.submittedAt) : null, scored: r.scored, total: r.total, version: r.version,
  };
}

export async function listMine(db: Db, ctx: RequestContext) {
  return { items: (await repo.listMine(db, ctx.tenantId, ctx.userId)).map(presentSummary) };
}

/**
 * The caller's own form: 404 when it does not exist, 403 when it is someone
 * else's, 403 RATER_OWN_UNIT when the target is (now) the rater's own unit.
 */
async function loadOwnForm(tx: Db, ctx: RequestContext, assignmentId: string, lock: boolean) {
  if (lock) await ratersRepo.getAssignment(tx, ctx.tenantId, assignmentId, true);
  const row = await repo.getMine(tx, ctx.tenantId, assignmentId);
  if (!row) throw notFound('RATER_ASSIGNMENT_NOT_FOUND', 'rating form');
  if (row.raterUserId !== ctx.userId) throw new AppError('RATING_NOT_ASSIGNED', 'you are not assigned to rate this target');
  const own = await ratersRepo.ownUnits(tx, ctx.tenantId, [ctx.userId]);
  if (ratesOwnUnit(own.get(ctx.userId), row)) throw new AppError('RATER_OWN_UNIT', 'a rater cannot rate their own unit');
  return row;
}

/** Manual leaves with their ancestors' names, in tree order. */
async function manualLeaves(tx: Db, tenantId: string, schemeId: string) {
  return placeTree((await indicatorsRepo.listIndicators(tx, tenantId, schemeId)).map((i) => ({ ...i, weight: Number(i.weight) })))
    .filter((p) => p.isLeaf && p.node.method === 'manual')
    .map((p) => ({ ...p.node, maxScore: Number(p.node.maxScore), path: p.path.slice(0, -1) }));
}

export async function getForm(db: Db, ctx: RequestContext, assignmentId: string): Promise<RatingForm> {
  const row = await loadOwnForm(db, ctx, assignmentId, false);
  const leaves = await manualLeaves(db, ctx.tenantId, row.schemeId);
  const selfScores = new Map((await targetsRepo.listSelfScores(db, ctx.tenantId, row.targetId)).map((s) => [s.indicatorId, s]));
  const mine = new Map((await repo.listScores(db, ctx.tenantId, assignmentId)).map((s) => [s.indicatorId, Number(s.score)]));
  const items: RatingItem[] = leaves.map((l) => {
    const self = selfScores.get(l.id);
    return {
      indicatorId: l.id, name: l.name, path: l.path, track: l.track as RatingItem['track'], observationPoints: l.observationPoints, maxScore: l.maxScore,
      selfScore: self ? Number(self.score) : null, selfEvidence: self?.evidence ?? null, score: mine.get(l.id) ?? null,
    };
  });
  const reports = (await targetsRepo.listReports(db, ctx.tenantId, [row.targetId])).map(presentReport);
  return { summary: presentSummary(row), items, reports, editable: row.schemeStatus === 'rating' && row.status === 'open' };
}

/** Checks shared by autosave and submit, in the order the API promises: 404, 403, 409. */
async function openForm(tx: Db, ctx: RequestContext, assignmentId: string) {
  const row = await loadOwnForm(tx, ctx, assignmentId, true);
  const scheme = await schemesRepo.lockScheme(tx, ctx.tenantId, row.schemeId, 'share');
  if (scheme?.status !== 'rating') throw new AppError('RATING_CLOSED', `rating is not open (the scheme is ${scheme?.status})`, { status: scheme?.status });
  if (row.status === 'submitted') throw new AppError('RATING_SUBMITTED', 'this form is submitted and can no longer change');
  return { row, leaves: await manualLeaves(tx, ctx.tenantId, row.schemeId) };
}

/** Autosave: any subset of the manual indicators, each within 0–max; null clears a score. */
export async function saveScores(db: Db, ctx: RequestContext, assignmentId: string, input: z.infer<typeof ratingSave>) {
  return db.transaction(async (tx) => {
    const { leaves } = await openForm(tx, ctx, assignmentId);
    const byId = new Map(leaves.map((l) => [l.id, l]));
    input.scores.forEach((s, i) => {
      const ind = byId.get(s.indicatorId);
      if (!ind) throw invalid(`body.scores.${i}.indicatorId`, 'not a manual indicator of this form');
      if (s.score !== null && (s.score < 0 || s.score > ind.maxScore)) {
        throw invalid(`body.scores.${i}.score`, `“${ind.name}”: the score must lie within 0–${ind.maxScore}`);
      }
    });
    const set = input.scores.filter((s): s is { indicatorId: string; score: number } => s.score !== null);
    await repo.upsertScores(tx, ctx.tenantId, assignmentId, set);
    await repo.clearScores(tx, ctx.tenantId, assignmentId, input.scores.filter((s) => s.score === null).map((s) => s.indicatorId));
    await repo.markAssignment(tx, ctx.tenantId, assignmentId, {});
    const scored = (await repo.listScores(tx, ctx.tenantId, assignmentId)).filter((s) => byId.has(s.indicatorId)).length;
    await appendAudit(tx, ctx, { action: 'save', entity: 'rating', entityId: assignmentId, after: { scores: input.scores } });
    return { scored, total: leaves.length, savedAt: new Date().toISOString() };
  });
}

/** Final submit: every manual indicator scored (400 listing the missing ones), then the form is locked. */
export async function submit(db: Db, ctx: RequestContext, assignmentId: string): Promise<RatingForm> {
  await db.transaction(async (tx) => {
    const { leaves } = await openForm(tx, ctx, assignmentId);
    const scores = await repo.listScores(tx, ctx.tenantId, assignmentId);
    const missing = leaves.filter((l) => !scores.some((s) => s.indicatorId === l.id));
    if (missing.length) {
      const issues: FieldIssue[] = missing.map((l) => ({ path: `scores.${l.id}`, message: `“${l.name}” is not scored` }));
      throw new AppError('VALIDATION_FAILED', `${missing.length} indicator(s) not scored: ${missing.map((l) => l.name).join('、')}`, { issues });
    }
    await repo.markAssignment(tx, ctx.tenantId, assignmentId, { status: 'submitted', submittedAt: new Date() });
    const after = Object.fromEntries(scores.map((s) => [s.indicatorId, Number(s.score)]));
    await appendAudit(tx, ctx, { action: 'submit', entity: 'rating', entityId: assignmentId, before: { status: 'open' }, after: { status: 'submitted', scores: after } });
  });
  return getForm(db, ctx, assignmentId);
}

/** Whether the caller holds a rating form for the target (raters read its self reports). */
export async function isRaterOf(db: Db, ctx: RequestContext, targetId: string): Promise<boolean> {
  return repo.hasAssignment(db, ctx.tenantId, ctx.userId, targetId);
}
