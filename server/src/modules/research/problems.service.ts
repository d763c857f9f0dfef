import type { z } from 'zod';
import type { rectifyInput, researchProblemCreate, researchProblemUpdate } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import * as repo from './research.repo.js';
import * as refs from '../study/refs.repo.js';
import { insertRectificationTask } from './rectify.repo.js';
import { taskClock } from '../tasks/task.settings.js';
import { presentProblem, presentTask } from './research.presenter.js';
import { loadTopic } from './research.service.js';
import { rectificationTitle } from './research.rules.js';

async function problemById(db: Db, tenantId: string, id: string) {
  const [row] = await repo.listProblems(db, tenantId, { id });
  return row ?? null;
}

/** A problem whose topic the caller may see (404 otherwise, as for the topic). */
async function loadProblem(db: Db, ctx: RequestContext, id: string) {
  const row = await problemById(db, ctx.tenantId, id);
  if (!row) throw notFound('RESEARCH_PROBLEM_NOT_FOUND', 'research problem');
  const topic = await repo.getTopic(db, ctx.tenantId, ctx.scope, row.topicId);
  if (!topic) throw notFound('RESEARCH_PROBLEM_NOT_FOUND', 'research problem');
  return { problem: row, topic };
}

export async function addProblem(db: Db, ctx: RequestContext, topicId: string, input: z.infer<typeof researchProblemCreate>) {
  return db.transaction(async (tx) => {
    await loadTopic(tx, ctx, topicId);
    await refs.requireUnit(tx, ctx.tenantId, input.ownerUnitId, 'body.ownerUnitId');
    const { id } = await repo.insertProblem(tx, { tenantId: ctx.tenantId, topicId, description: input.description, ownerUnitId: input.ownerUnitId });
    await repo.touchTopic(tx, ctx.tenantId, topicId);
    const after = presentProblem((await problemById(tx, ctx.tenantId, id))!);
    await appendAudit(tx, ctx, { action: 'create', entity: 'research_problem', entityId: id, after });
    return after;
  });
}

export async function updateProblem(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof researchProblemUpdate>) {
  return db.transaction(async (tx) => {
    const { problem } = await loadProblem(tx, ctx, id);
    if (input.ownerUnitId) {
      await refs.requireUnit(tx, ctx.tenantId, input.ownerUnitId, 'body.ownerUnitId');
      // The task already belongs to the unit it was given to.
      if (problem.rectificationTaskId && input.ownerUnitId !== problem.ownerUnitId) throw new AppError('PROBLEM_ALREADY_RECTIFIED', 'the problem already became a task of its unit');
    }
    const before = presentProblem(problem);
    await repo.updateProblem(tx, ctx.tenantId, id, input);
    await repo.touchTopic(tx, ctx.tenantId, problem.topicId);
    const after = presentProblem((await problemById(tx, ctx.tenantId, id))!);
    await appendAudit(tx, ctx, { action: 'update', entity: 'research_problem', entityId: id, before, after });
    return after;
  });
}

export async function deleteProblem(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const { problem } = await loadProblem(tx, ctx, id);
    if (problem.rectificationTaskId) throw new AppError('PROBLEM_ALREADY_RECTIFIED', 'the problem became a rectification task and stays on record');
    await repo.deleteProblem(tx, ctx.tenantId, id);
    await repo.touchTopic(tx, ctx.tenantId, problem.topicId);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'research_problem', entityId: id, before: presentProblem(problem) });
  });
}

/**
 * One step from a problem to a rectification task: a planned task of the
 * problem's unit in the topic's campaign, starting today, linked both ways.
 */
export async function rectifyProblem(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof rectifyInput>) {
  return db.transaction(async (tx) => {
    const { problem, topic } = await loadProblem(tx, ctx, id);
    if (problem.rectificationTaskId) throw new AppError('PROBLEM_ALREADY_RECTIFIED', 'this problem already became a rectification task', { taskId: problem.rectificationTaskId });
    if (!problem.ownerUnitId) throw invalid('body.ownerUnitId', 'give the problem an owner unit first');
    const campaignId = topic.campaignId ?? (await refs.activeCampaignId(tx, ctx.tenantId));
    if (!campaignId) throw invalid('body.campaignId', 'the topic belongs to no campaign and none is active');
    const { today } = await taskClock(tx, ctx.tenantId);
    if (input.dueDate < today) throw invalid('body.dueDate', `must not be before the start date ${today}`);
    if (input.responsiblePersonId) await refs.requirePerson(tx, ctx.tenantId, input.responsiblePersonId, 'body.responsiblePersonId');
    const task = await insertRectificationTask(tx, {
      tenantId: ctx.tenantId, campaignId, title: input.title ?? rectificationTitle(problem.description),
      description: `${problem.description}\n（来源：调研课题《${topic.title}》）`, ownerUnitId: problem.ownerUnitId,
      responsiblePersonId: input.responsiblePersonId === undefined ? topic.leaderPersonId : input.responsiblePersonId,
      startDate: today, dueDate: input.dueDate, createdBy: ctx.userId || null,
    });
    if (!(await repo.linkTask(tx, ctx.tenantId, id, task.id))) throw new AppError('PROBLEM_ALREADY_RECTIFIED', 'this problem already became a rectification task');
    await repo.touchTopic(tx, ctx.tenantId, problem.topicId);
    const linked = (await problemById(tx, ctx.tenantId, id))!;
    await appendAudit(tx, ctx, { action: 'create', entity: 'task', entityId: task.id, after: { ...task, source: { researchProblemId: id, researchTopicId: topic.id } } });
    await appendAudit(tx, ctx, { action: 'rectify', entity: 'research_problem', entityId: id, before: presentProblem(problem), after: presentProblem(linked) });
    return { problem: presentProblem(linked), task: presentTask(linked)! };
  });
}
