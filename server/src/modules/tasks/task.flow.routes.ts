import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  fusionReport, idParams, task, taskCampaignQuery, taskComment, taskCommentCreate, taskCommentList, taskExtension, taskExtensionCreate,
  taskExtensionDecision, taskExtensionList, taskExtensionQuery, taskExtensionStats, taskFollowResult, taskGenerateBody, taskGenerateResult,
} from '@santong/contract';
import type { Db } from '../../db/client.js';
import * as flow from './task.flow.service.js';
import { extensionStats } from './task.flow.repo.js';
import { scoped } from '../../access/target.js';

/** The supervision flow around a task: 下发, 签收, extensions, recurrence, comments, follows, and the counts over them. */
export async function taskFlowRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tasks'];
  // Every step acts on a task in the caller's scope (an extension request on its task's).
  const onTask = { target: scoped('task') };

  r.get('/api/v1/tasks/fusion', { config: { permission: 'plan.task.read' }, schema: { tags, querystring: taskCampaignQuery, response: { 200: fusionReport } } }, async (req) =>
    flow.fusionReport(db, req.ctx, req.query.campaignId),
  );

  r.get('/api/v1/tasks/extension-stats', { config: { permission: 'plan.task.read' }, schema: { tags, querystring: taskCampaignQuery, response: { 200: taskExtensionStats } } }, async (req) =>
    extensionStats(db, req.ctx, req.query.campaignId),
  );

  r.post('/api/v1/tasks/:id/issue', { config: { permission: 'plan.task.assign', ...onTask }, schema: { tags, params: idParams, response: { 200: task } } }, async (req) =>
    flow.issueTask(db, req.ctx, req.params.id),
  );

  r.post('/api/v1/tasks/:id/sign', { config: { permission: 'plan.task.sign', ...onTask }, schema: { tags, params: idParams, response: { 200: task } } }, async (req) =>
    flow.signTask(db, req.ctx, req.params.id),
  );

  r.get('/api/v1/tasks/:id/extensions', { config: { permission: 'plan.task.read', ...onTask }, schema: { tags, params: idParams, response: { 200: taskExtensionList } } }, async (req) =>
    flow.taskExtensions(db, req.ctx, req.params.id),
  );

  r.post('/api/v1/tasks/:id/extensions', { config: { permission: 'plan.task.extend', ...onTask }, schema: { tags, params: idParams, body: taskExtensionCreate, response: { 201: taskExtension } } }, async (req, reply) => {
    reply.status(201);
    return flow.requestExtension(db, req.ctx, req.params.id, req.body);
  });

  r.get('/api/v1/task-extensions', { config: { permission: 'plan.task.read' }, schema: { tags, querystring: taskExtensionQuery, response: { 200: taskExtensionList } } }, async (req) =>
    flow.allExtensions(db, req.ctx, req.query),
  );

  for (const decision of ['approve', 'reject'] as const) {
    r.post(`/api/v1/task-extensions/:id/${decision}`, { config: { permission: 'plan.task.assign', target: scoped('task-extension') }, schema: { tags, params: idParams, body: taskExtensionDecision, response: { 200: taskExtension } } }, async (req) =>
      flow.decideExtension(db, req.ctx, req.params.id, decision === 'approve', req.body?.note ?? null),
    );
  }

  r.post('/api/v1/tasks/:id/generate-instances', { config: { permission: 'plan.task.assign', ...onTask }, schema: { tags, params: idParams, body: taskGenerateBody, response: { 200: taskGenerateResult } } }, async (req) =>
    flow.generateForTask(db, req.ctx, req.params.id, req.body?.until),
  );

  r.get('/api/v1/tasks/:id/comments', { config: { permission: 'plan.task.read', ...onTask }, schema: { tags, params: idParams, response: { 200: taskCommentList } } }, async (req) =>
    flow.listComments(db, req.ctx, req.params.id),
  );

  r.post('/api/v1/tasks/:id/comments', { config: { permission: 'plan.task.comment', ...onTask }, schema: { tags, params: idParams, body: taskCommentCreate, response: { 201: taskComment } } }, async (req, reply) => {
    reply.status(201);
    return flow.addComment(db, req.ctx, req.params.id, req.body.body);
  });

  r.post('/api/v1/tasks/:id/follow', { config: { permission: 'plan.task.read', ...onTask }, schema: { tags, params: idParams, response: { 200: taskFollowResult } } }, async (req) =>
    flow.setFollow(db, req.ctx, req.params.id, true),
  );

  r.delete('/api/v1/tasks/:id/follow', { config: { permission: 'plan.task.read', ...onTask }, schema: { tags, params: idParams, response: { 200: taskFollowResult } } }, async (req) =>
    flow.setFollow(db, req.ctx, req.params.id, false),
  );
}
