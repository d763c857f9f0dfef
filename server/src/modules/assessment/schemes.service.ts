import type { z } from 'zod';
import type { AssessmentScheme, FieldIssue, schemeCreate, schemeTransition, schemeUpdate, SchemeStatus } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { notify } from '../../platform/notify/notify.service.js';
import * as repo from './schemes.repo.js';
import * as indicatorsRepo from './indicators.repo.js';
import * as ratersRepo from './raters.repo.js';
import { presentScheme } from './schemes.presenter.js';
import { levelIssues, levelProblems } from './indicators.tree.js';

/** Which parts of a scheme may change in which status. */
export const editableIn = {
  settings: ['draft', 'self_assessment', 'rating'],
  indicators: ['draft', 'self_assessment'],
  targets: ['draft', 'self_assessment'],
  raters: ['draft', 'self_assessment', 'rating'],
  adjustments: ['draft', 'self_assessment', 'rating', 'closed'],
} as const satisfies Record<string, readonly SchemeStatus[]>;

export async function loadScheme(db: Db, ctx: Pick<RequestContext, 'tenantId'>, id: string): Promise<AssessmentScheme> {
  const row = await repo.getScheme(db, ctx.tenantId, id);
  if (!row) throw notFound('ASSESSMENT_SCHEME_NOT_FOUND', 'assessment scheme');
  return presentScheme(row);
}

export function requireStatus(scheme: Pick<AssessmentScheme, 'status' | 'frozenAt'>, allowed: readonly string[], what: string) {
  if (!allowed.includes(scheme.status) || (scheme.frozenAt && scheme.status !== 'draft')) {
    throw new AppError('SCHEME_STATE_INVALID', `${what} cannot change while the scheme is ${scheme.status}${scheme.frozenAt ? ' (frozen)' : ''}`, { status: scheme.status });
  }
}

export async function listSchemes(db: Db, ctx: RequestContext, f: { year?: number; status?: string }) {
  const rows = await repo.listSchemes(db, ctx.tenantId, f);
  return { items: rows.map(presentScheme), total: rows.length };
}

export const getScheme = (db: Db, ctx: RequestContext, id: string) => loadScheme(db, ctx, id);

export async function createScheme(db: Db, ctx: RequestContext, input: z.infer<typeof schemeCreate>) {
  return db.transaction(async (tx) => {
    const { id } = await repo.insertScheme(tx, {
      tenantId: ctx.tenantId, year: input.year, title: input.title, trimmedMean: input.trimmedMean, bands: input.bands, adjustmentItems: input.adjustmentItems,
      selfReportDeadline: input.selfReportDeadline ?? null, ratingDeadline: input.ratingDeadline ?? null,
    });
    const after = await loadScheme(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'assessment_scheme', entityId: id, after });
    return after;
  });
}

export async function updateScheme(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof schemeUpdate>) {
  return db.transaction(async (tx) => {
    const before = await loadScheme(tx, ctx, id);
    requireStatus(before, editableIn.settings, 'the scheme settings');
    const { version, ...patch } = input;
    const ok = await repo.updateScheme(tx, ctx.tenantId, id, version, patch);
    if (!ok) throw new AppError('VERSION_CONFLICT', 'the scheme was changed by someone else; reload and retry', { currentVersion: before.version });
    const after = await loadScheme(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'update', entity: 'assessment_scheme', entityId: id, before, after });
    return after;
  });
}

export async function deleteScheme(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const before = await loadScheme(tx, ctx, id);
    requireStatus(before, ['draft'], 'a scheme past draft');
    await repo.deleteSchemeCascade(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'assessment_scheme', entityId: id, before });
  });
}

/**
 * What keeps a scheme from moving on: the indicator weights of every level,
 * the rater group weights and (to open rating) raters for every target.
 */
export async function readinessIssues(tx: Db, tenantId: string, schemeId: string, to: SchemeStatus): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const indicators = await indicatorsRepo.listIndicators(tx, tenantId, schemeId);
  if (!indicators.length) issues.push({ path: 'indicators', message: 'the scheme has no indicators' });
  issues.push(...levelIssues(levelProblems(indicators.map((i) => ({ ...i, weight: Number(i.weight) })))));
  const parents = new Set(indicators.map((i) => i.parentId));
  for (const i of indicators) {
    if (!parents.has(i.id) && i.method === 'data' && !i.formula) issues.push({ path: `indicators.${i.id}.formula`, message: `“${i.name}”: a data indicator needs a formula` });
  }
  const targets = await repo.getScheme(tx, tenantId, schemeId);
  if (!targets?.targets) issues.push({ path: 'targets', message: 'the scheme has no targets' });
  if (to !== 'rating') return issues;
  const groups = await ratersRepo.listGroups(tx, tenantId, schemeId);
  const sum = Math.round(groups.reduce((s, g) => s + g.weight, 0) * 1000) / 1000;
  if (!groups.length) issues.push({ path: 'raterGroups', message: 'the scheme has no rater groups' });
  else if (Math.abs(sum - 100) > 1e-6) issues.push({ path: 'raterGroups.weight', message: `rater group weights sum to ${sum}, not 100` });
  for (const t of await repo.targetsWithoutRaters(tx, tenantId, schemeId)) issues.push({ path: `targets.${t.id}`, message: `“${t.name}” has no raters` });
  return issues;
}

const nextStatuses: Record<string, SchemeStatus[]> = { draft: ['self_assessment', 'rating'], self_assessment: ['rating'], rating: ['closed'] };

/** draft → self_assessment → rating → closed; opening rating notifies every assigned rater. */
export async function transition(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof schemeTransition>) {
  return db.transaction(async (tx) => {
    if (!(await repo.lockScheme(tx, ctx.tenantId, id, 'update'))) throw notFound('ASSESSMENT_SCHEME_NOT_FOUND', 'assessment scheme');
    const before = await loadScheme(tx, ctx, id);
    if (before.version !== input.version) throw new AppError('VERSION_CONFLICT', 'the scheme was changed by someone else; reload and retry', { currentVersion: before.version });
    if (!(nextStatuses[before.status] ?? []).includes(input.to)) {
      throw new AppError('SCHEME_STATE_INVALID', `a ${before.status} scheme cannot move to ${input.to}`, { status: before.status });
    }
    if (input.to !== 'closed') {
      const issues = await readinessIssues(tx, ctx.tenantId, id, input.to);
      if (issues.length) throw new AppError('VALIDATION_FAILED', `the scheme is not ready: ${issues[0].message}`, { issues });
    }
    await repo.updateScheme(tx, ctx.tenantId, id, before.version, { status: input.to });
    const after = await loadScheme(tx, ctx, id);
    await appendAudit(tx, ctx, { action: `status.${input.to}`, entity: 'assessment_scheme', entityId: id, before: { status: before.status }, after: { status: after.status } });
    if (input.to === 'rating') {
      const raters = await repo.raterUserIds(tx, ctx.tenantId, id);
      await notify(tx, ctx.tenantId, raters, {
        kind: 'rating.opened', title: `${after.title}：评分已开始`, body: after.ratingDeadline ? `请于 ${after.ratingDeadline} 前完成评分并提交。` : '请完成评分并提交。',
        link: '/assess/ratings', entity: 'assessment_scheme', entityId: id,
      });
    }
    return after;
  });
}
