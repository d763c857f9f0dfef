import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { notifyRoles } from '../../platform/notify/notify.service.js';
import { aggregate, leafWeights, type Indicator, type Track } from '../assessment/aggregate.js';
import { capAdjustments, dataInputs, groupTotals, parseBands, parseFormula, type AdjustmentItem } from './metrics.js';
import { gatherFigures, yearWindow } from './figures.repo.js';
import * as repo from './results.repo.js';

/**
 * Compute, freeze and publish (the office, from a 'closed' scheme):
 *   closed ──compute (repeatable)──▶ results ──freeze──▶ frozen ──publish(scope)──▶ published
 * Compute refuses while ratings are missing unless the office gives a reason.
 */
export type Actor = Pick<RequestContext, 'tenantId' | 'userId' | 'displayName' | 'ip'>;

export async function loadOpenScheme(tx: Db, tenantId: string, id: string) {
  const scheme = await repo.getScheme(tx, tenantId, id, true);
  if (!scheme) throw notFound('ASSESSMENT_RESULT_NOT_FOUND', 'assessment scheme');
  return scheme;
}

const asTrack = (t: string): Track => (t === 'party' || t === 'business' || t === 'featured' ? t : 'business');

/** Everything aggregate() needs, read from the database in a handful of queries. */
async function buildInput(tx: Db, scheme: repo.SchemeRow) {
  const t = scheme.tenantId;
  const indicatorRows = await repo.listIndicators(tx, t, scheme.id);
  const groups = (await repo.listGroups(tx, t, scheme.id)).map((g) => ({ id: g.id, weight: Number(g.weight) }));
  const targets = await repo.listTargets(tx, t, scheme.id);
  const targetIds = targets.map((x) => x.id);
  const base = indicatorRows.map((i) => ({
    id: i.id, parentId: i.parentId, weight: Number(i.weight), maxScore: Number(i.maxScore), track: asTrack(i.track),
    method: i.method === 'data' ? ('data' as const) : ('manual' as const), rawFormula: i.formula,
  })) satisfies (Indicator & { rawFormula?: unknown })[];
  const leafIds = new Set(leafWeights(base).keys());
  const formulas = base.filter((i) => i.method === 'data' && leafIds.has(i.id)).map((i) => parseFormula(i.rawFormula)).filter((f) => f !== null);
  const rawFigures = await gatherFigures(tx, yearWindow(t, scheme.id, scheme.year), formulas);
  const data = dataInputs(base, targetIds, rawFigures);
  const items = (Array.isArray(scheme.adjustmentItems) ? scheme.adjustmentItems : []) as AdjustmentItem[];
  const adjustments = capAdjustments(await repo.listAdjustments(tx, t, scheme.id), items);
  return {
    base, groups, targets, rawFigures,
    input: {
      indicators: data.indicators, groups, targetIds, trimmedMean: scheme.trimmedMean, figures: data.figures,
      scoreStats: await repo.listScoreStats(tx, t, scheme.id), adjustments, bonusCap: Infinity, penaltyCap: Infinity, bands: parseBands(scheme.bands),
    },
  };
}

/** The figure behind each data leaf, per target, kept in the breakdown for the results pages. */
function figureOf(ind: { rawFormula?: unknown }, targetId: string, figures: Record<string, Record<string, number>>): number | null {
  const f = parseFormula(ind.rawFormula);
  if (!f) return null;
  const key = f.outcomeKind ? `${f.metric}:${f.outcomeKind}` : f.metric;
  return figures[key]?.[targetId] ?? null;
}

export async function computeResults(db: Db, ctx: Actor, schemeId: string, overrideReason?: string) {
  return db.transaction(async (tx) => {
    const scheme = await loadOpenScheme(tx, ctx.tenantId, schemeId);
    if (scheme.status !== 'closed') throw new AppError('RESULTS_SCHEME_STATE_INVALID', `results are computed once rating is closed (status ${scheme.status})`);
    if (scheme.frozenAt) throw new AppError('RESULTS_FROZEN', 'the results are frozen');
    const missing = await repo.listMissingRatings(tx, ctx.tenantId, schemeId);
    if (missing.length && !overrideReason) throw new AppError('RATINGS_MISSING', `${missing.length} ratings are not submitted`, { missing });
    const { base, groups, input, rawFigures } = await buildInput(tx, scheme);
    const results = aggregate(input);
    const weights = leafWeights(base);
    const leaves = new Map(base.filter((i) => weights.has(i.id) && i.method === 'manual').map((i) => [i.id, { weight: weights.get(i.id)!, maxScore: i.maxScore }]));
    const byId = new Map(base.map((i) => [i.id, i]));
    await repo.replaceResults(tx, ctx.tenantId, schemeId, results.map((r) => {
      const indicators: repo.StoredBreakdown['indicators'] = {};
      for (const [id, line] of Object.entries(r.breakdown)) indicators[id] = byId.get(id)?.method === 'data' ? { ...line, figure: figureOf(byId.get(id)!, r.targetId, rawFigures) } : line;
      return {
        targetId: r.targetId, total: r.total, party: r.subtotals.party, business: r.subtotals.business, featured: r.subtotals.featured,
        adjustments: r.adjustments, vetoed: r.vetoed, rank: r.rank, grade: r.grade,
        breakdown: { indicators, groupTotals: groupTotals(r.breakdown, leaves, groups) } satisfies repo.StoredBreakdown,
      };
    }));
    const overridden = missing.length > 0;
    if (overridden) {
      await repo.updateScheme(tx, ctx.tenantId, schemeId, { overrideReason: overrideReason! });
      await appendAudit(tx, ctx, { action: 'override', entity: 'assessment_scheme', entityId: schemeId, before: { overrideReason: scheme.overrideReason }, after: { overrideReason, missing } });
    }
    await appendAudit(tx, ctx, { action: 'compute', entity: 'assessment_scheme', entityId: schemeId, after: { targets: results.length, overridden, grades: results.map((r) => ({ targetId: r.targetId, total: r.total, rank: r.rank, grade: r.grade })) } });
    return { computed: results.length, overridden };
  });
}

export async function freezeResults(db: Db, ctx: Actor, schemeId: string) {
  await db.transaction(async (tx) => {
    const scheme = await loadOpenScheme(tx, ctx.tenantId, schemeId);
    if (scheme.status !== 'closed') throw new AppError('RESULTS_SCHEME_STATE_INVALID', `only a closed scheme is frozen (status ${scheme.status})`);
    if (scheme.frozenAt) throw new AppError('RESULTS_FROZEN', 'the results are already frozen');
    if ((await repo.countResults(tx, ctx.tenantId, schemeId)) === 0) throw new AppError('RESULTS_NOT_READY', 'compute the results first');
    const frozenAt = new Date();
    await repo.updateScheme(tx, ctx.tenantId, schemeId, { frozenAt });
    await appendAudit(tx, ctx, { action: 'freeze', entity: 'assessment_scheme', entityId: schemeId, before: { frozenAt: null }, after: { frozenAt } });
  });
}

const audience: Record<string, string[]> = {
  all: ['office', 'leader', 'unit_head', 'liaison', 'inspector', 'member'],
  leaders: ['office', 'leader', 'inspector'],
  own: ['office', 'leader', 'unit_head', 'liaison', 'inspector'],
};

/** Publishes frozen results (or changes the scope of published ones) and tells the audience. */
export async function publishResults(db: Db, ctx: Actor, schemeId: string, input: { scope: 'all' | 'leaders' | 'own'; publishReports: boolean }) {
  await db.transaction(async (tx) => {
    const scheme = await loadOpenScheme(tx, ctx.tenantId, schemeId);
    if (scheme.status !== 'closed' && scheme.status !== 'published') throw new AppError('RESULTS_SCHEME_STATE_INVALID', `status ${scheme.status}`);
    if (!scheme.frozenAt) throw new AppError('RESULTS_NOT_READY', 'freeze the results before publishing');
    const publishedAt = scheme.publishedAt ?? new Date();
    await repo.updateScheme(tx, ctx.tenantId, schemeId, { status: 'published', publishScope: input.scope, publishReports: input.publishReports, publishedAt });
    await appendAudit(tx, ctx, {
      action: 'publish', entity: 'assessment_scheme', entityId: schemeId,
      before: { status: scheme.status, publishScope: scheme.publishScope, publishReports: scheme.publishReports },
      after: { status: 'published', publishScope: input.scope, publishReports: input.publishReports, publishedAt },
    });
    await notifyRoles(tx, ctx.tenantId, audience[input.scope], {
      kind: 'assessment.published', title: `${scheme.title}结果已发布`, link: `/assess/results/${schemeId}`, entity: 'assessment_scheme', entityId: schemeId,
    }, [ctx.userId]);
  });
}
