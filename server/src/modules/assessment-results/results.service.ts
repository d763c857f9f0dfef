import { sql, type SQL } from 'drizzle-orm';
import { hasPermission, type ResultDetail, type ResultGradeDistribution, type ResultTable, type ResultTargetContext } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { leafWeights } from '../assessment/aggregate.js';
import { bandLabels, parseBands } from './metrics.js';
import * as repo from './results.repo.js';
import { presentRow, presentScheme } from './results.presenter.js';
import * as apps from './applications.service.js';

/**
 * Who reads which results. The office (assess.result.publish) always sees
 * everything, before publication too; everyone else only after publication:
 *   all     → every reader of the tenant sees every target
 *   leaders → leaders, the office and inspectors only
 *   own     → each reader sees the targets of their own units (office and
 *             tenant-wide scopes see all)
 */
const leaderRoles = ['leader', 'office', 'inspector', 'admin'] as const;

export function visibility(ctx: RequestContext, scheme: repo.SchemeRow): SQL {
  if (hasPermission(ctx.roles, 'assess.result.publish')) return sql`true`;
  if (scheme.status !== 'published') throw new AppError('RESULTS_NOT_PUBLISHED', 'the results are not published yet');
  if (scheme.publishScope === 'all') return sql`true`;
  if (scheme.publishScope === 'leaders') {
    if (ctx.roles.some((r) => (leaderRoles as readonly string[]).includes(r))) return sql`true`;
    throw new AppError('FORBIDDEN', 'these results are published to leaders only');
  }
  return repo.ownTargetSql(ctx.scope);
}

async function loadScheme(db: Db, ctx: RequestContext, id: string) {
  const scheme = await repo.getScheme(db, ctx.tenantId, id);
  if (!scheme) throw notFound('ASSESSMENT_RESULT_NOT_FOUND', 'assessment scheme');
  return scheme;
}

const groupList = (groups: Awaited<ReturnType<typeof repo.listGroups>>) => groups.map((g) => ({ id: g.id, name: g.name, weight: Number(g.weight) }));

export async function resultTable(db: Db, ctx: RequestContext, schemeId: string): Promise<ResultTable> {
  const scheme = await loadScheme(db, ctx, schemeId);
  const visible = visibility(ctx, scheme);
  const rows = await repo.listResults(db, ctx.tenantId, schemeId, visible);
  return {
    scheme: presentScheme(scheme, (await repo.countResults(db, ctx.tenantId, schemeId)) > 0),
    groups: groupList(await repo.listGroups(db, ctx.tenantId, schemeId)),
    bands: parseBands(scheme.bands),
    targetCount: await repo.countTargets(db, ctx.tenantId, schemeId),
    items: rows.map((r) => presentRow(r, bandLabels(scheme.bands))),
  };
}

/** One target's breakdown by indicator and group; 404 when the scope hides it. */
export async function resultDetail(db: Db, ctx: RequestContext, schemeId: string, targetId: string): Promise<ResultDetail> {
  const scheme = await loadScheme(db, ctx, schemeId);
  const [row] = await repo.listResults(db, ctx.tenantId, schemeId, visibility(ctx, scheme), targetId);
  if (!row) throw notFound('ASSESSMENT_RESULT_NOT_FOUND', 'result');
  const indicators = await repo.listIndicators(db, ctx.tenantId, schemeId);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const weights = leafWeights(indicators.map((i) => ({ id: i.id, parentId: i.parentId, weight: Number(i.weight), maxScore: Number(i.maxScore), track: 'party' as const, method: 'manual' as const })));
  const pathOf = (id: string): string[] => {
    const i = byId.get(id);
    return i ? [...(i.parentId ? pathOf(i.parentId) : []), i.name] : [];
  };
  const lines = indicators
    .filter((i) => weights.has(i.id))
    .map((i) => {
      const b = row.breakdown.indicators[i.id] ?? { score: 0, groups: {}, contribution: 0 };
      return {
        indicatorId: i.id, name: i.name, path: pathOf(i.id), track: i.track, method: i.method, maxScore: Number(i.maxScore),
        weight: Math.round(weights.get(i.id)! * 1e6) / 1e6, score: b.score, contribution: b.contribution, groups: b.groups, figure: b.figure ?? null,
      };
    })
    .sort((a, b) => a.path.join('/').localeCompare(b.path.join('/'), 'zh-CN'));
  const showReports = hasPermission(ctx.roles, 'assess.result.publish') || scheme.publishReports;
  const reports = showReports ? await repo.listTargetReports(db, ctx.tenantId, targetId) : [];
  return {
    row: presentRow(row, bandLabels(scheme.bands)),
    groups: groupList(await repo.listGroups(db, ctx.tenantId, schemeId)),
    lines,
    adjustmentItems: await repo.listTargetAdjustments(db, ctx.tenantId, targetId),
    reports: reports.map((r) => ({ kind: r.kind, body: r.body, submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null })),
  };
}

/** Grades counted over the rows the reader sees, in band order, and the mean scores. */
export async function gradeDistribution(db: Db, ctx: RequestContext, schemeId: string): Promise<ResultGradeDistribution> {
  const scheme = await loadScheme(db, ctx, schemeId);
  const rows = await repo.listResults(db, ctx.tenantId, schemeId, visibility(ctx, scheme));
  const labels = bandLabels(scheme.bands);
  const bands = [...labels.keys()];
  const grades = [...bands, ...new Set(rows.map((r) => r.grade).filter((g) => !bands.includes(g)))];
  const avg = (f: (r: repo.ResultDbRow) => number) => (rows.length ? Math.round((rows.reduce((s, r) => s + f(r), 0) / rows.length) * 1000) / 1000 : 0);
  return {
    items: grades.map((grade) => ({ grade, label: labels.get(grade) ?? grade, count: rows.filter((r) => r.grade === grade).length })),
    averages: { total: avg((r) => r.total), party: avg((r) => r.party), business: avg((r) => r.business), featured: avg((r) => r.featured) },
  };
}

/** The unit's latest published result (before `beforeYear` when given), as context for this year's assessment (null when none or hidden). */
export async function targetContext(db: Db, ctx: RequestContext, of: { unitId?: string; targetId?: string }, beforeYear?: number): Promise<ResultTargetContext> {
  const empty = { scheme: null, result: null, targetCount: 0, applications: [] };
  const unitId = of.unitId ?? (await repo.unitOfTarget(db, ctx.tenantId, of.targetId!));
  if (!unitId) return empty;
  const hit = await repo.latestPublishedTargetOf(db, ctx.tenantId, unitId, beforeYear ?? 10_000);
  if (!hit) return empty;
  const scheme = (await repo.getScheme(db, ctx.tenantId, hit.schemeId))!;
  let visible: SQL;
  try {
    visible = visibility(ctx, scheme);
  } catch {
    return empty;
  }
  const [row] = await repo.listResults(db, ctx.tenantId, hit.schemeId, visible, hit.targetId);
  const applications = row && hasPermission(ctx.roles, 'assess.application.read') ? await apps.applicationsOfTarget(db, ctx, hit.targetId) : [];
  return { scheme: { id: hit.schemeId, year: hit.year, title: hit.title }, result: row ? presentRow(row, bandLabels(scheme.bands)) : null, targetCount: await repo.countTargets(db, ctx.tenantId, hit.schemeId), applications };
}
