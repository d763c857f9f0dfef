import type { z } from 'zod';
import type {
  innovationAcceptInput, innovationProjectCreate, innovationProjectUpdate, InnovationAction, InnovationProjectDetail, InnovationStage,
} from '@santong/contract';
import type { Db } from '../../db/client.js';
import { unitInScope } from '../../access/scope.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import * as refs from '../study/refs.repo.js';
import * as repo from './innovation.repo.js';
import { presentProject, presentStep } from './innovation.presenter.js';
import { dateInOrder, isClosed, isDeletable, nextActions, nextStage } from './innovation.rules.js';

type Create = z.infer<typeof innovationProjectCreate>;
type Update = z.infer<typeof innovationProjectUpdate>;
type StepInput = { at: string; expertComment?: string | null; version?: number; grade?: z.infer<typeof innovationAcceptInput>['grade'] };
type Page = { page: number; pageSize: number; sort?: string };

const today = () => new Date().toISOString().slice(0, 10);

export async function listProjects(db: Db, ctx: RequestContext, f: repo.ProjectFilter, page: Page) {
  const { rows, total } = await repo.listProjects(db, ctx.tenantId, ctx.scope, f, page);
  return { items: rows.map(presentProject), total };
}

async function load(db: Db, ctx: RequestContext, id: string) {
  const row = await repo.getProject(db, ctx.tenantId, ctx.scope, id);
  if (!row) throw notFound('INNOVATION_PROJECT_NOT_FOUND', 'innovation project');
  return row;
}

/** One project with its step timeline, the next allowed steps, and the outcomes and activities linked to it. */
export async function getDetail(db: Db, ctx: RequestContext, id: string): Promise<InnovationProjectDetail> {
  const row = await load(db, ctx, id);
  const steps = await repo.listSteps(db, ctx.tenantId, id);
  const outcomes = await repo.listLinkedOutcomes(db, ctx.tenantId, ctx.scope, id);
  const activities = await repo.listLinkedActivities(db, ctx.tenantId, ctx.scope, id);
  return {
    ...presentProject(row),
    steps: steps.map(presentStep),
    nextActions: nextActions(row.stage as InnovationStage),
    outcomes: outcomes as InnovationProjectDetail['outcomes'],
    activities: activities as InnovationProjectDetail['activities'],
  };
}

/** Units apply for and edit the projects of their own subtree; the office any. */
export const canWrite = (ctx: RequestContext, unitId: string) => unitInScope(ctx.scope, unitId);

const stepError = (stage: string, action: string) =>
  new AppError('INNOVATION_STEP_INVALID', `a project in stage ${stage} cannot be ${action}`, { stage, action, allowed: nextActions(stage as InnovationStage) });

async function checkInput(tx: Db, ctx: RequestContext, input: Partial<Create>) {
  if (input.unitId) await refs.requireUnit(tx, ctx.tenantId, input.unitId, 'body.unitId');
  if (input.leaderPersonId) await refs.requirePerson(tx, ctx.tenantId, input.leaderPersonId, 'body.leaderPersonId');
}

const detailAll = (tx: Db, ctx: RequestContext, id: string) => getDetail(tx, { ...ctx, scope: { kind: 'all' } }, id);

/** An application: the project starts in stage applied with its 'apply' step. */
export async function createProject(db: Db, ctx: RequestContext, input: Create) {
  return db.transaction(async (tx) => {
    await checkInput(tx, ctx, input);
    refs.requireUnitInScope(ctx, input.unitId, 'body.unitId');
    const { appliedOn, comment, ...fields } = input;
    const { id } = await repo.insertProject(tx, { ...fields, tenantId: ctx.tenantId, summary: fields.summary || null, stage: 'applied' });
    await repo.insertStep(tx, { tenantId: ctx.tenantId, projectId: id, step: 'apply', at: appliedOn ?? today(), actorId: ctx.userId || null, actorName: ctx.displayName, expertComment: comment || null });
    const after = await detailAll(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'innovation_project', entityId: id, after });
    return after;
  });
}

export async function updateProject(db: Db, ctx: RequestContext, id: string, input: Update) {
  return db.transaction(async (tx) => {
    const before = await load(tx, ctx, id);
    refs.requireUnitInScope(ctx, before.unitId, 'body.unitId');
    if (isClosed(before.stage as InnovationStage)) throw stepError(before.stage, 'edited');
    await checkInput(tx, ctx, input);
    if (input.unitId) refs.requireUnitInScope(ctx, input.unitId, 'body.unitId');
    if (input.kind && input.kind !== 'dual_leader_studio' && before.kind === 'dual_leader_studio' && before.activityCount > 0) {
      throw new AppError('INNOVATION_PROJECT_IN_USE', 'activities are attached to this studio', { issues: [{ path: 'body.kind', message: 'activities are attached to this studio' }] });
    }
    const { version, ...patch } = input;
    const ok = await repo.updateProjectIf(tx, ctx.tenantId, id, { version }, { ...patch, ...(patch.summary !== undefined ? { summary: patch.summary || null } : {}) });
    if (!ok) throw new AppError('VERSION_CONFLICT', 'the project was changed by someone else; reload and retry', { currentVersion: before.version });
    const after = await detailAll(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'update', entity: 'innovation_project', entityId: id, before: presentProject(before), after });
    return after;
  });
}

/** Withdraws an application (before approval, or after rejection) that nothing is linked to. */
export async function deleteProject(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const before = await load(tx, ctx, id);
    refs.requireUnitInScope(ctx, before.unitId, 'body.unitId');
    if (!isDeletable(before.stage as InnovationStage)) throw stepError(before.stage, 'deleted');
    if (before.outcomeCount > 0 || before.activityCount > 0) throw new AppError('INNOVATION_PROJECT_IN_USE', 'outcomes or activities are linked to this project');
    await repo.deleteProject(tx, ctx.tenantId, id);
    await refs.deleteAttachmentsOf(tx, ctx.tenantId, 'innovation_project', id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'innovation_project', entityId: id, before: presentProject(before) });
  });
}

/** One office step (approve, reject, cultivate, mid-term check, accept): out of order → 409, nothing written. */
export async function takeStep(db: Db, ctx: RequestContext, id: string, action: InnovationAction, input: StepInput) {
  return db.transaction(async (tx) => {
    const before = await load(tx, ctx, id);
    const to = nextStage(before.stage as InnovationStage, action);
    if (!to) throw stepError(before.stage, action);
    if (input.version !== undefined && input.version !== before.version) {
      throw new AppError('VERSION_CONFLICT', 'the project was changed by someone else; reload and retry', { currentVersion: before.version });
    }
    if (!dateInOrder(before.lastStepOn, input.at)) throw invalid('body.at', `before the previous step (${before.lastStepOn})`);
    const grade = action === 'accept' ? input.grade! : null;
    // The stage guard makes two concurrent steps from one stage produce one.
    const ok = await repo.updateProjectIf(tx, ctx.tenantId, id, { stage: before.stage }, { stage: to, ...(grade ? { grade } : {}) });
    if (!ok) throw stepError('changed', action);
    await repo.insertStep(tx, { tenantId: ctx.tenantId, projectId: id, step: action, at: input.at, actorId: ctx.userId || null, actorName: ctx.displayName, expertComment: input.expertComment || null, grade });
    const after = await detailAll(tx, ctx, id);
    await appendAudit(tx, ctx, { action, entity: 'innovation_project', entityId: id, before: presentProject(before), after: { stage: to, grade, at: input.at, expertComment: input.expertComment ?? null } });
    return after;
  });
}

async function loadWritable(tx: Db, ctx: RequestContext, id: string) {
  const project = await load(tx, ctx, id);
  if (!canWrite(ctx, project.unitId)) throw new AppError('OUT_OF_SCOPE', 'this project is outside your data scope');
  return project;
}

/** Links an outcome the caller can see to the project (an outcome belongs to one project at most). */
export async function linkOutcome(db: Db, ctx: RequestContext, id: string, outcomeId: string) {
  return db.transaction(async (tx) => {
    await loadWritable(tx, ctx, id);
    const outcome = await repo.getVisibleOutcome(tx, ctx.tenantId, ctx.scope, outcomeId);
    if (!outcome) throw invalid('body.outcomeId', `unknown outcome ${outcomeId}`);
    if (outcome.projectId && outcome.projectId !== id) throw invalid('body.outcomeId', 'the outcome is linked to another project');
    if (outcome.projectId !== id) {
      await repo.setOutcomeProject(tx, ctx.tenantId, outcomeId, id);
      await appendAudit(tx, ctx, { action: 'link_outcome', entity: 'innovation_project', entityId: id, after: { outcomeId } });
    }
    return getDetail(tx, ctx, id);
  });
}

export async function unlinkOutcome(db: Db, ctx: RequestContext, id: string, outcomeId: string) {
  return db.transaction(async (tx) => {
    await loadWritable(tx, ctx, id);
    const outcome = await repo.getVisibleOutcome(tx, ctx.tenantId, ctx.scope, outcomeId);
    if (!outcome || outcome.projectId !== id) throw notFound('OUTCOME_NOT_FOUND', 'linked outcome');
    await repo.setOutcomeProject(tx, ctx.tenantId, outcomeId, null);
    await appendAudit(tx, ctx, { action: 'unlink_outcome', entity: 'innovation_project', entityId: id, before: { outcomeId } });
    return getDetail(tx, ctx, id);
  });
}
