import { createHash } from 'node:crypto';
import type { Cockpit, CockpitQuery } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { Scope } from '../../access/scope.js';
import type { ResultCache } from '../../platform/cache/result-cache.js';
import type { RequestContext } from '../../platform/context.js';
import { invalid, notFound } from '../../platform/errors.js';
import { validPeriod } from '../campaigns/campaign.rules.js';
import { taskClock } from '../tasks/task.settings.js';
import * as repo from './cockpit.repo.js';
import { presentAssessment, presentOutcomes, presentResearch, presentSupervision, presentTasks } from './cockpit.presenter.js';

/**
 * Checks the query and resolves the filter: a period never ends before it
 * starts; an unknown campaign is 404, an unknown unit names the field (querystring.unitId). Dated
 * records default to the campaign's dates; tasks and follow-ups are filtered
 * by due date only when the caller names a period.
 */
export async function resolveFilter(db: Db, ctx: RequestContext, q: CockpitQuery) {
  if (q.from && q.to && !validPeriod(q.from, q.to)) throw invalid('querystring.to', 'the period ends before it starts');
  const [campaign, clock, unitOk] = await Promise.all([
    q.campaignId ? repo.getCampaign(db, ctx.tenantId, q.campaignId) : Promise.resolve(null),
    taskClock(db, ctx.tenantId),
    q.unitId ? repo.unitExists(db, ctx.tenantId, q.unitId) : Promise.resolve(true),
  ]);
  if (q.campaignId && !campaign) throw notFound('CAMPAIGN_NOT_FOUND', 'campaign');
  if (!unitOk) throw invalid('querystring.unitId', 'unknown unit');
  const from = q.from ?? campaign?.startDate;
  const to = q.to ?? campaign?.endDate;
  if (from && to && !validPeriod(from, to)) throw invalid(q.from ? 'querystring.from' : 'querystring.to', 'the period ends before it starts');
  const filter: repo.CockpitFilter = {
    tenantId: ctx.tenantId, scope: ctx.scope, userId: ctx.userId, clock, campaignId: q.campaignId, unitId: q.unitId,
    from, to, dueFrom: q.from, dueTo: q.to,
  };
  return { filter, campaign, clock };
}

/**
 * What a cockpit result depends on besides the tenant: the caller's resolved
 * data scope (kind, person, the units hashed in sorted order) and the
 * normalised query. Users with the same scope and query share one result.
 */
export function cockpitCacheKey(scope: Scope, q: CockpitQuery): string {
  const who = scope.kind === 'all'
    ? 'all'
    : `${scope.kind}:${scope.personId ?? ''}:${createHash('sha256').update([...scope.unitIds].sort().join(',')).digest('base64url')}`;
  const query = [q.campaignId, q.from, q.to, q.unitId].map((v) => v?.toLowerCase() ?? '').join('|');
  return `${who}|${query}`;
}

/** How many times the cockpit's figures were computed for a request in this process (the tests count cache misses with it). */
export const cockpitComputations = { count: 0 };

/**
 * All figures of the cockpit: a handful of grouped queries, run side by side;
 * with a cache, a result younger than COCKPIT_CACHE_SECONDS for the same
 * tenant, scope and query (and no write in the tenant since) is reused, and
 * identical requests arriving together share one computation.
 */
export async function cockpit(db: Db, ctx: RequestContext, q: CockpitQuery, cache?: ResultCache<Cockpit>): Promise<Cockpit> {
  const compute = async () => {
    cockpitComputations.count++;
    return cockpitFor(db, q, await resolveFilter(db, ctx, q));
  };
  return cache ? cache.get(ctx.tenantId, cockpitCacheKey(ctx.scope, q), compute) : compute();
}

export async function cockpitFor(db: Db, q: CockpitQuery, { filter: f, campaign, clock }: Awaited<ReturnType<typeof resolveFilter>>): Promise<Cockpit> {
  const asOf = new Date().toISOString();
  const [tasks, outcomes, checks, lectures, topics, followUps, results] = await Promise.all([
    repo.taskGroups(db, f),
    repo.outcomeGroups(db, f),
    repo.checkGroups(db, f),
    repo.lectureCounts(db, f),
    repo.topicGroups(db, f),
    repo.followUpCounts(db, f),
    repo.latestResults(db, f),
  ]);
  return {
    campaign,
    period: { from: f.from ?? null, to: f.to ?? null, tasksByDue: Boolean(q.from || q.to) },
    today: clock.today,
    asOf,
    ...presentTasks(tasks),
    outcomes: presentOutcomes(outcomes),
    supervision: presentSupervision(checks),
    lectures,
    research: presentResearch(topics),
    followUps,
    assessment: presentAssessment(results),
  };
}
