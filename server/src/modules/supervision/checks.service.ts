import type { z } from 'zod';
import type { CheckResult, SupervisionCheck, SupervisionStats, supervisionCheckCreate, supervisionCheckUpdate } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { Scope } from '../../access/scope.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import * as refs from '../study/refs.repo.js';
import { insertRectificationTask } from '../research/rectify.repo.js';
import { taskClock } from '../tasks/task.settings.js';
import { notify } from '../../platform/notify/notify.service.js';
import * as plans from './plans.repo.js';
import * as repo from './checks.repo.js';
import { loadPlan } from './plans.service.js';
import { presentCheck } from './supervision.presenter.js';
import { appliesTo, checkedOnFits, defaultRectificationDue, needsRectification, passRate, rectificationSource, rectificationTitleFor } from './supervision.rules.js';

type Page = { page: number; pageSize: number; sort?: string };
type CheckCreate = z.infer<typeof supervisionCheckCreate>;
type CheckUpdate = z.infer<typeof supervisionCheckUpdate>;
type PlanRow = plans.PlanRow;
const ALL: Scope = { kind: 'all' };

export async function listChecks(db: Db, ctx: RequestContext, f: repo.CheckFilter, page: Page) {
  const { rows, total } = await repo.listChecks(db, ctx.tenantId, ctx.scope, f, page);
  return { items: rows.map(presentCheck), total };
}

/** A check the caller may see (404 otherwise: checks of units outside the scope are not revealed). */
export async function getCheck(db: Db, ctx: Pick<RequestContext, 'tenantId' | 'scope'>, id: string): Promise<SupervisionCheck> {
  const row = await repo.getCheck(db, ctx.tenantId, ctx.scope, id);
  if (!row) throw notFound('SUPERVISION_CHECK_NOT_FOUND', 'supervision check');
  return presentCheck(row);
}

async function requireIndicator(tx: Db, tenantId: string, id: string) {
  const [row] = await plans.listIndicators(tx, tenantId, ALL, { id });
  if (!row) throw invalid('body.indicatorId', `unknown indicator ${id}`);
  return row;
}

async function checkFields(tx: Db, ctx: RequestContext, plan: PlanRow, input: Partial<CheckCreate>) {
  if (input.inspectorPersonId) await refs.requirePerson(tx, ctx.tenantId, input.inspectorPersonId, 'body.inspectorPersonId');
  if (input.checkedOn && !checkedOnFits(plan.month, input.checkedOn)) throw invalid('body.checkedOn', `must not be before the plan's month ${plan.month}`);
}

/**
 * Opens the rectification task of a partial or failed check: a planned task of
 * the checked unit in the plan's campaign, starting today, linked back from the check.
 */
async function openRectification(tx: Db, ctx: RequestContext, checkId: string, plan: PlanRow, requirement: string, unit: { id: string; name: string }, v: { result: CheckResult; comment?: string | null; checkedOn: string; rectificationDueDate?: string }) {
  const { today } = await taskClock(tx, ctx.tenantId);
  const dueDate = v.rectificationDueDate ?? defaultRectificationDue(v.checkedOn, today);
  if (dueDate < today) throw invalid('body.rectificationDueDate', `must not be before today ${today}`);
  const task = await insertRectificationTask(tx, {
    tenantId: ctx.tenantId, campaignId: plan.campaignId, title: rectificationTitleFor(unit.name, requirement),
    description: rectificationSource(plan.title, plan.month, requirement, v.result, v.comment), ownerUnitId: unit.id,
    responsiblePersonId: await repo.leaderOfUnit(tx, ctx.tenantId, unit.id), startDate: today, dueDate, createdBy: ctx.userId || null,
  });
  if (!(await repo.linkTask(tx, ctx.tenantId, checkId, task.id))) throw new AppError('VERSION_CONFLICT', 'the check already opened a rectification task');
  await appendAudit(tx, ctx, { action: 'create', entity: 'task', entityId: task.id, after: { ...task, source: { supervisionCheckId: checkId, supervisionPlanId: plan.id } } });
  await notify(tx, ctx.tenantId, await repo.unitContacts(tx, ctx.tenantId, unit.id), {
    kind: 'supervision.rectification', title: `督导整改：${task.title}`, body: `整改期限 ${dueDate}`, link: `/plan/tasks?task=${task.id}`, entity: 'task', entityId: task.id,
  });
}

export async function createCheck(db: Db, ctx: RequestContext, input: CheckCreate) {
  return db.transaction(async (tx) => {
    const indicator = await requireIndicator(tx, ctx.tenantId, input.indicatorId);
    const plan = await loadPlan(tx, { tenantId: ctx.tenantId, scope: ALL }, indicator.planId, true);
    const unit = await repo.unitRef(tx, ctx.tenantId, input.unitId);
    if (!unit) throw invalid('body.unitId', `unknown unit ${input.unitId}`);
    refs.requireUnitInScope(ctx, unit.id, 'body.unitId');
    if (!appliesTo(indicator.unitKinds, unit.kind)) throw invalid('body.unitId', 'the indicator does not apply to this kind of unit');
    await checkFields(tx, ctx, plan, input);
    const existing = await repo.checkIdFor(tx, ctx.tenantId, indicator.id, unit.id);
    if (existing) throw new AppError('DUPLICATE', 'this unit was already checked against this indicator; edit that check', { checkId: existing, issues: [{ path: 'body.unitId', message: 'already checked' }] });
    const { id } = await repo.insertCheck(tx, {
      tenantId: ctx.tenantId, planId: plan.id, indicatorId: indicator.id, unitId: unit.id, method: input.method,
      inspectorPersonId: input.inspectorPersonId === undefined ? ctx.personId : input.inspectorPersonId, checkedOn: input.checkedOn,
      result: input.result, comment: input.comment || null,
    });
    if (needsRectification(input.result)) await openRectification(tx, ctx, id, plan, indicator.requirement, unit, input);
    const after = await getCheck(tx, { tenantId: ctx.tenantId, scope: ALL }, id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'supervision_check', entityId: id, after });
    return after;
  });
}

/** A new result of partial or fail opens a task if none is open yet; back to pass keeps the task on record. */
export async function updateCheck(db: Db, ctx: RequestContext, id: string, input: CheckUpdate) {
  return db.transaction(async (tx) => {
    const before = await getCheck(tx, ctx, id);
    const plan = await loadPlan(tx, { tenantId: ctx.tenantId, scope: ALL }, before.planId, true);
    refs.requireUnitInScope(ctx, before.unitId, 'body.unitId');
    await checkFields(tx, ctx, plan, input);
    const { version, rectificationDueDate, ...fields } = input;
    const patch = { ...fields, ...(fields.comment !== undefined && { comment: fields.comment || null }) };
    if (!(await repo.updateCheck(tx, ctx.tenantId, id, version, patch))) {
      throw new AppError('VERSION_CONFLICT', 'the check was changed by someone else; reload and retry', { currentVersion: before.version });
    }
    const result = input.result ?? before.result;
    if (needsRectification(result) && !before.rectificationTaskId) {
      const v = { result, comment: input.comment === undefined ? before.comment : input.comment, checkedOn: input.checkedOn ?? before.checkedOn, rectificationDueDate };
      await openRectification(tx, ctx, id, plan, before.requirement, { id: before.unitId, name: before.unitName }, v);
    }
    const after = await getCheck(tx, { tenantId: ctx.tenantId, scope: ALL }, id);
    await appendAudit(tx, ctx, { action: 'update', entity: 'supervision_check', entityId: id, before, after });
    return after;
  });
}

export async function deleteCheck(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const before = await getCheck(tx, ctx, id);
    refs.requireUnitInScope(ctx, before.unitId, 'unitId');
    if (before.rectificationTaskId) throw new AppError('SUPERVISION_CHECK_RECTIFIED', 'the check opened a rectification task and stays on record', { taskId: before.rectificationTaskId });
    await repo.deleteCheck(tx, ctx.tenantId, id);
    await refs.deleteAttachmentsOf(tx, ctx.tenantId, 'supervision_check', id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'supervision_check', entityId: id, before });
  });
}

const figures = (r: repo.RateRow) => ({ checks: Number(r.checks), pass: Number(r.pass), partial: Number(r.partial), fail: Number(r.fail), rate: Number(r.rate) });

/** Pass rates by unit and by month within the caller's scope (one aggregation each; the total sums the months). */
export async function supervisionStats(db: Db, ctx: RequestContext, f: { campaignId?: string; from?: string; to?: string }): Promise<SupervisionStats> {
  // Sequential: `db` may be a transaction, which runs one statement at a time.
  const byUnit = (await repo.ratesByUnit(db, ctx.tenantId, ctx.scope, f)).map((r) => ({ unitId: r.unitId, unitName: r.unitName, ...figures(r) }));
  const byMonth = (await repo.ratesByMonth(db, ctx.tenantId, ctx.scope, f)).map((r) => ({ month: r.month, ...figures(r) }));
  const sum = (k: 'checks' | 'pass' | 'partial' | 'fail') => byMonth.reduce((n, m) => n + m[k], 0);
  const total = { checks: sum('checks'), pass: sum('pass'), partial: sum('partial'), fail: sum('fail'), rate: passRate(sum('pass'), sum('checks')) };
  return { total, byUnit, byMonth };
}
