import type { z } from 'zod';
import type { supervisionIndicatorCreate, supervisionIndicatorUpdate, supervisionPlanCreate, supervisionPlanUpdate, SupervisionPlanDetail } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { Scope } from '../../access/scope.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import * as refs from '../study/refs.repo.js';
import * as repo from './plans.repo.js';
import { presentIndicator, presentPlan } from './supervision.presenter.js';
import { abilitiesOf, requirePlanner } from './supervision.policy.js';

type Page = { page: number; pageSize: number; sort?: string };
type IndicatorInput = z.infer<typeof supervisionIndicatorCreate>;
const ALL: Scope = { kind: 'all' };

export async function listPlans(db: Db, ctx: RequestContext, f: repo.PlanFilter, page: Page) {
  const { rows, total } = await repo.listPlans(db, ctx.tenantId, ctx.scope, f, page);
  return { items: rows.map(presentPlan), total, abilities: abilitiesOf(ctx) };
}

export async function loadPlan(db: Db, ctx: Pick<RequestContext, 'tenantId' | 'scope'>, id: string, lock = false) {
  const row = await repo.getPlan(db, ctx.tenantId, ctx.scope, id, lock);
  if (!row) throw notFound('SUPERVISION_PLAN_NOT_FOUND', 'supervision plan');
  return row;
}

export async function getPlan(db: Db, ctx: RequestContext, id: string): Promise<SupervisionPlanDetail> {
  const plan = presentPlan(await loadPlan(db, ctx, id));
  const indicators = (await repo.listIndicators(db, ctx.tenantId, ctx.scope, { planId: id })).map(presentIndicator);
  const units = (await repo.planUnits(db, ctx.tenantId, ctx.scope, id)) as SupervisionPlanDetail['units'];
  return { ...plan, indicators, units, abilities: abilitiesOf(ctx) };
}

/** The plan as the audit log keeps it: every check counted, with its indicators. */
async function snapshot(tx: Db, tenantId: string, id: string) {
  const plan = presentPlan(await loadPlan(tx, { tenantId, scope: ALL }, id));
  const indicators = (await repo.listIndicators(tx, tenantId, ALL, { planId: id })).map(presentIndicator);
  return { ...plan, indicators };
}

async function requireFreeMonth(tx: Db, tenantId: string, campaignId: string, month: string, self?: string) {
  const taken = await repo.planIdByMonth(tx, tenantId, campaignId, month);
  if (taken && taken !== self) throw new AppError('DUPLICATE', `the campaign already has a plan for ${month}`, { issues: [{ path: 'body.month', message: 'already planned' }] });
}

const indicatorValues = (tenantId: string, planId: string, i: IndicatorInput, sortOrder: number) => ({
  tenantId, planId, requirement: i.requirement, evidence: i.evidence || null, unitKinds: [...new Set(i.unitKinds)], sortOrder: i.sortOrder ?? sortOrder,
});

export async function createPlan(db: Db, ctx: RequestContext, input: z.infer<typeof supervisionPlanCreate>) {
  requirePlanner(ctx);
  return db.transaction(async (tx) => {
    await refs.requireCampaign(tx, ctx.tenantId, input.campaignId, 'body.campaignId');
    await requireFreeMonth(tx, ctx.tenantId, input.campaignId, input.month);
    const { id } = await repo.insertPlan(tx, { tenantId: ctx.tenantId, campaignId: input.campaignId, month: input.month, title: input.title });
    await repo.insertIndicators(tx, input.indicators.map((i, n) => indicatorValues(ctx.tenantId, id, i, (n + 1) * 10)));
    const after = await snapshot(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'supervision_plan', entityId: id, after });
    return getPlan(tx, ctx, id);
  });
}

export async function updatePlan(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof supervisionPlanUpdate>) {
  requirePlanner(ctx);
  return db.transaction(async (tx) => {
    const before = await snapshot(tx, ctx.tenantId, id);
    const { version, ...patch } = input;
    if (patch.month) await requireFreeMonth(tx, ctx.tenantId, before.campaignId, patch.month, id);
    if (!(await repo.updatePlan(tx, ctx.tenantId, id, version, patch))) {
      throw new AppError('VERSION_CONFLICT', 'the plan was changed by someone else; reload and retry', { currentVersion: before.version });
    }
    const after = await snapshot(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'update', entity: 'supervision_plan', entityId: id, before, after });
    return getPlan(tx, ctx, id);
  });
}

export async function deletePlan(db: Db, ctx: RequestContext, id: string) {
  requirePlanner(ctx);
  await db.transaction(async (tx) => {
    const before = await snapshot(tx, ctx.tenantId, id);
    if ((await repo.countChecks(tx, ctx.tenantId, { planId: id })) > 0) throw new AppError('SUPERVISION_PLAN_IN_USE', 'checks were recorded against this plan');
    await repo.deletePlan(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'supervision_plan', entityId: id, before });
  });
}

async function loadIndicator(tx: Db, tenantId: string, id: string) {
  const [row] = await repo.listIndicators(tx, tenantId, ALL, { id });
  if (!row) throw notFound('SUPERVISION_INDICATOR_NOT_FOUND', 'supervision indicator');
  return presentIndicator(row);
}

export async function addIndicator(db: Db, ctx: RequestContext, planId: string, input: IndicatorInput) {
  requirePlanner(ctx);
  return db.transaction(async (tx) => {
    await loadPlan(tx, ctx, planId, true);
    const [{ id }] = await repo.insertIndicators(tx, [indicatorValues(ctx.tenantId, planId, input, await repo.nextSortOrder(tx, ctx.tenantId, planId))]);
    await repo.touchPlan(tx, ctx.tenantId, planId);
    const after = await loadIndicator(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'supervision_indicator', entityId: id, after });
    return after;
  });
}

export async function updateIndicator(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof supervisionIndicatorUpdate>) {
  requirePlanner(ctx);
  return db.transaction(async (tx) => {
    const before = await loadIndicator(tx, ctx.tenantId, id);
    await loadPlan(tx, ctx, before.planId, true);
    const patch = {
      ...(input.requirement !== undefined && { requirement: input.requirement }),
      ...(input.evidence !== undefined && { evidence: input.evidence || null }),
      ...(input.unitKinds !== undefined && { unitKinds: [...new Set(input.unitKinds)] }),
      ...(input.sortOrder !== undefined && { sortOrder: input.sortOrder }),
    };
    await repo.updateIndicator(tx, ctx.tenantId, id, patch);
    await repo.touchPlan(tx, ctx.tenantId, before.planId);
    const after = await loadIndicator(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'update', entity: 'supervision_indicator', entityId: id, before, after });
    return after;
  });
}

export async function deleteIndicator(db: Db, ctx: RequestContext, id: string) {
  requirePlanner(ctx);
  await db.transaction(async (tx) => {
    const before = await loadIndicator(tx, ctx.tenantId, id);
    await loadPlan(tx, ctx, before.planId, true);
    if ((await repo.countChecks(tx, ctx.tenantId, { indicatorId: id })) > 0) throw new AppError('SUPERVISION_PLAN_IN_USE', 'checks were recorded against this indicator');
    await repo.deleteIndicator(tx, ctx.tenantId, id);
    await repo.touchPlan(tx, ctx.tenantId, before.planId);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'supervision_indicator', entityId: id, before });
  });
}
