import type { z } from 'zod';
import { hasPermission, type AssessmentTarget, type ReportKind, type reportSave, type selfScoresSave, type targetCreate, type TargetDetail } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { unitInScope } from '../../access/scope.js';
import * as repo from './targets.repo.js';
import * as schemesRepo from './schemes.repo.js';
import * as indicatorsRepo from './indicators.repo.js';
import { editableIn, loadScheme, requireStatus } from './schemes.service.js';
import { presentIndicators } from './schemes.presenter.js';
import { presentAdjustment, presentReport, presentTarget } from './targets.presenter.js';

const all = { kind: 'all' } as const;

export const targetInScope = (ctx: RequestContext, t: { unitId: string; pairedUnitId: string | null }) => unitInScope(ctx.scope, t.unitId) || unitInScope(ctx.scope, t.pairedUnitId);

export async function listTargets(db: Db, ctx: RequestContext, schemeId: string) {
  await loadScheme(db, ctx, schemeId);
  const rows = await repo.listTargets(db, ctx.tenantId, ctx.scope, { schemeId });
  const reports = await repo.listReports(db, ctx.tenantId, rows.map((r) => r.id));
  return { items: rows.map((r) => presentTarget(r, reports)), total: rows.length };
}

/** A target row the caller may see (404 otherwise). */
export async function loadTarget(db: Db, ctx: RequestContext, id: string, scoped = true): Promise<AssessmentTarget> {
  const row = await repo.getTarget(db, ctx.tenantId, id);
  if (!row || (scoped && !targetInScope(ctx, row))) throw notFound('ASSESSMENT_TARGET_NOT_FOUND', 'assessment target');
  return presentTarget(row, await repo.listReports(db, ctx.tenantId, [id]));
}

export async function targetDetail(db: Db, ctx: RequestContext, id: string, scoped = true): Promise<TargetDetail> {
  const target = await loadTarget(db, ctx, id, scoped);
  const scheme = await loadScheme(db, ctx, target.schemeId);
  const indicators = presentIndicators(await indicatorsRepo.listIndicators(db, ctx.tenantId, scheme.id));
  const scores = await repo.listSelfScores(db, ctx.tenantId, id);
  const adjustments = await repo.listAdjustments(db, ctx.tenantId, id);
  return {
    target,
    scheme: { id: scheme.id, year: scheme.year, title: scheme.title, status: scheme.status, selfReportDeadline: scheme.selfReportDeadline },
    indicators,
    selfScores: scores.map((s) => ({ indicatorId: s.indicatorId, score: Number(s.score), evidence: s.evidence })),
    adjustments: adjustments.map((a) => presentAdjustment(a, scheme.adjustmentItems)),
    canSelfAssess: hasPermission(ctx.roles, 'assess.self.write') && targetInScope(ctx, target) && scheme.status === 'self_assessment',
  };
}

/** The caller's own targets in schemes past draft (the unit's self-assessment page). */
export async function selfTargets(db: Db, ctx: RequestContext) {
  const rows = await repo.listTargets(db, ctx.tenantId, ctx.scope, { schemeStatuses: ['self_assessment', 'rating', 'closed', 'published'] });
  const items: TargetDetail[] = [];
  for (const r of rows) items.push(await targetDetail(db, ctx, r.id));
  items.sort((a, b) => b.scheme.year - a.scheme.year);
  return { items };
}

export async function createTarget(db: Db, ctx: RequestContext, schemeId: string, input: z.infer<typeof targetCreate>) {
  return db.transaction(async (tx) => {
    const scheme = await loadScheme(tx, ctx, schemeId);
    requireStatus(scheme, editableIn.targets, 'targets');
    const unit = await repo.getUnit(tx, ctx.tenantId, input.unitId);
    if (!unit) throw invalid('body.unitId', `unknown unit ${input.unitId}`);
    const pairedUnitId = input.pairedUnitId === undefined ? unit.pairedUnitId : input.pairedUnitId;
    if (pairedUnitId && !(await repo.getUnit(tx, ctx.tenantId, pairedUnitId))) throw invalid('body.pairedUnitId', `unknown unit ${pairedUnitId}`);
    if (pairedUnitId === input.unitId) throw invalid('body.pairedUnitId', 'a unit cannot pair with itself');
    const [id] = await repo.insertTargets(tx, ctx.tenantId, schemeId, scheme.selfReportDeadline, [{ unitId: unit.id, pairedUnitId: pairedUnitId ?? null, name: input.name ?? unit.name }]);
    if (!id) throw new AppError('DUPLICATE', 'this unit is already a target of the scheme', { issues: [{ path: 'body.unitId', message: 'already a target' }] });
    const after = await loadTarget(tx, ctx, id, false);
    await appendAudit(tx, ctx, { action: 'create', entity: 'assessment_target', entityId: id, after });
    return after;
  });
}

/** "Add all colleges and departments as pairs": each business unit with its paired party organisation. */
export async function createPairs(db: Db, ctx: RequestContext, schemeId: string, kinds: string[]) {
  return db.transaction(async (tx) => {
    const scheme = await loadScheme(tx, ctx, schemeId);
    requireStatus(scheme, editableIn.targets, 'targets');
    const units = await repo.pairableUnits(tx, ctx.tenantId, kinds);
    const ids = await repo.insertTargets(tx, ctx.tenantId, schemeId, scheme.selfReportDeadline, units.map((u) => ({ unitId: u.id, pairedUnitId: u.pairedUnitId, name: u.name })));
    const rows = await repo.listTargets(tx, ctx.tenantId, all, { schemeId });
    const reports = await repo.listReports(tx, ctx.tenantId, ids);
    const items = rows.filter((r) => ids.includes(r.id)).map((r) => presentTarget(r, reports));
    for (const after of items) await appendAudit(tx, ctx, { action: 'create', entity: 'assessment_target', entityId: after.id, after });
    return { created: items.length, items };
  });
}

export async function deleteTarget(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const before = await loadTarget(tx, ctx, id, false);
    requireStatus(await loadScheme(tx, ctx, before.schemeId), editableIn.targets, 'targets');
    await repo.deleteTargetCascade(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'assessment_target', entityId: id, before });
  });
}

/** The unit's own target only (403 naming the target otherwise), while its scheme accepts self work. */
async function ownTargetForSelfWork(tx: Db, ctx: RequestContext, id: string, statuses: readonly string[], what: string) {
  const target = await loadTarget(tx, ctx, id, false);
  if (!targetInScope(ctx, target)) throw new AppError('OUT_OF_SCOPE', 'this target is not your unit', { issues: [{ path: 'params.id', message: 'outside your scope' }] });
  if (!(await schemesRepo.lockScheme(tx, ctx.tenantId, target.schemeId, 'share'))) throw notFound('ASSESSMENT_SCHEME_NOT_FOUND', 'assessment scheme');
  const scheme = await loadScheme(tx, ctx, target.schemeId);
  requireStatus(scheme, statuses, what);
  return { target, scheme };
}

/** Saves (and optionally submits) a self report: 说院/说处 (head) or 述党建 (secretary). */
export async function saveReport(db: Db, ctx: RequestContext, id: string, kind: ReportKind, input: z.infer<typeof reportSave>, submit: boolean) {
  return db.transaction(async (tx) => {
    const { target } = await ownTargetForSelfWork(tx, ctx, id, ['self_assessment', 'rating'], 'self reports');
    const report = target.reports.find((r) => r.kind === kind);
    if (!report) throw notFound('ASSESSMENT_TARGET_NOT_FOUND', 'self report');
    const body = input.body === null ? null : input.body || null;
    if (submit && !body) throw invalid('body.body', 'write the report before submitting it');
    const patch = { body, ...(submit ? { submittedAt: new Date() } : {}) };
    if (!(await repo.updateReport(tx, ctx.tenantId, report.id, input.version, patch))) {
      throw new AppError('VERSION_CONFLICT', 'the report was changed by someone else; reload and retry', { currentVersion: report.version });
    }
    const after = presentReport((await repo.listReports(tx, ctx.tenantId, [id])).find((r) => r.kind === kind)!);
    await appendAudit(tx, ctx, { action: submit ? 'submit' : 'update', entity: 'target_report', entityId: report.id, before: report, after });
    return after;
  });
}

/** 自评: the target scores itself on manual leaves, each within 0–max, during self-assessment. */
export async function saveSelfScores(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof selfScoresSave>) {
  return db.transaction(async (tx) => {
    const { target } = await ownTargetForSelfWork(tx, ctx, id, ['self_assessment'], 'self scores');
    const leaves = new Map(presentIndicators(await indicatorsRepo.listIndicators(tx, ctx.tenantId, target.schemeId)).filter((i) => i.isLeaf && i.method === 'manual').map((i) => [i.id, i]));
    input.scores.forEach((s, n) => {
      const ind = leaves.get(s.indicatorId);
      if (!ind) throw invalid(`body.scores.${n}.indicatorId`, 'not a manual indicator of this scheme');
      if (s.score < 0 || s.score > ind.maxScore) throw invalid(`body.scores.${n}.score`, `“${ind.name}”: the score must lie within 0–${ind.maxScore}`);
    });
    const before = await repo.listSelfScores(tx, ctx.tenantId, id);
    await repo.upsertSelfScores(tx, input.scores.map((s) => ({ tenantId: ctx.tenantId, targetId: id, indicatorId: s.indicatorId, score: s.score, evidence: s.evidence || null })));
    const detail = await targetDetail(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'self_score', entity: 'assessment_target', entityId: id, before: before.map((s) => ({ indicatorId: s.indicatorId, score: Number(s.score) })), after: input.scores });
    return detail;
  });
}

/** Whether the scheme takes self reports and their files now. */
export async function acceptsSelfWork(db: Db, ctx: Pick<RequestContext, 'tenantId'>, schemeId: string): Promise<boolean> {
  const s = await schemesRepo.getScheme(db, ctx.tenantId, schemeId);
  return !!s && ['self_assessment', 'rating'].includes(s.status);
}
