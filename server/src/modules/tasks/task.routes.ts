import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hasPermission, idParams, importResult, okBody, task, taskCreate, taskExportQuery, taskImportQuery, taskList, taskListQuery, taskUpdate } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { contentDisposition, sendXlsxStream, XLSX_TYPE } from '../../platform/excel.js';
import { readUpload } from '../../platform/upload.js';
import { registerAttachmentOwner } from '../../platform/files/attachments.js';
import * as repo from './task.repo.js';
import * as service from './task.service.js';
import { ownsTask } from './task.presenter.js';
import { importTasks, importTemplate } from './task.import.js';
import { exportBatches, exportColumns } from './task.export.js';
import { taskFlowRoutes } from './task.flow.routes.js';
import { scoped } from '../../access/target.js';

export async function taskRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tasks'];
  // A task is in scope through its owner unit (or a co-unit, for reading); a new one is placed in a unit of the caller's scope.
  const onTask = { target: scoped('task') };

  // Evidence and files of a task: readable within scope, written by its owner unit.
  registerAttachmentOwner('task', async (d, ctx, id, mode) => {
    if (!hasPermission(ctx.roles, 'plan.task.read') || !(await repo.isVisible(d, ctx, id))) return 'missing';
    if (mode === 'write') {
      const rec = await repo.getTaskRecord(d, ctx.tenantId, id);
      if (!rec || !hasPermission(ctx.roles, 'plan.task.write') || !ownsTask(ctx, rec.ownerUnitId)) return 'denied';
    }
    return 'ok';
  });

  r.get('/api/v1/tasks', { config: { permission: 'plan.task.read' }, schema: { tags, querystring: taskListQuery, response: { 200: taskList } } }, async (req) =>
    service.listTasks(db, req.ctx, req.query),
  );

  r.get('/api/v1/tasks/export', { config: { permission: 'plan.task.read' }, schema: { tags, querystring: taskExportQuery } }, async (req, reply) =>
    sendXlsxStream(reply, '任务清单.xlsx', '任务', exportColumns, exportBatches(await req.readDb(), req.ctx, req.query)),
  );

  r.get('/api/v1/tasks/template', { config: { permission: 'plan.task.import' }, schema: { tags } }, async (_req, reply) => {
    reply.header('Content-Type', XLSX_TYPE).header('Content-Disposition', contentDisposition('任务导入模板.xlsx'));
    return importTemplate();
  });

  r.post('/api/v1/tasks/import', { config: { permission: 'plan.task.import' }, schema: { tags, consumes: ['multipart/form-data'], querystring: taskImportQuery, response: { 200: importResult } } }, async (req) => {
    const file = await readUpload(req);
    return importTasks(db, req.ctx, file.fileName, file.buffer, req.query.campaignId);
  });

  r.get('/api/v1/tasks/:id', { config: { permission: 'plan.task.read', ...onTask }, schema: { tags, params: idParams, response: { 200: task } } }, async (req) =>
    service.getTask(db, req.ctx, req.params.id),
  );

  r.post('/api/v1/tasks', { config: { permission: 'plan.task.write', target: scoped('unit') }, schema: { tags, body: taskCreate, response: { 201: task } } }, async (req, reply) => {
    reply.status(201);
    return service.createTask(db, req.ctx, req.body);
  });

  r.patch('/api/v1/tasks/:id', { config: { permission: 'plan.task.write', ...onTask }, schema: { tags, params: idParams, body: taskUpdate, response: { 200: task } } }, async (req) =>
    service.updateTask(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/tasks/:id', { config: { permission: 'plan.task.write', ...onTask }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await service.deleteTask(db, req.ctx, req.params.id);
    return { ok: true as const };
  });

  await taskFlowRoutes(app, db);
}
