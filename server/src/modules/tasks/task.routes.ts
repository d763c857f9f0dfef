import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hasPermission, idParams, importResult, okBody, task, taskCreate, taskExportQuery, taskImportQuery, taskList, taskListQuery, taskUpdate, type Task } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { contentDisposition, sendXlsxStream, XLSX_TYPE, type XlsxColumn } from '../../platform/excel.js';
import { readUpload } from '../../platform/upload.js';
import { registerAttachmentOwner } from '../../platform/files/attachments.js';
import type { RequestContext } from '../../platform/context.js';
import * as repo from './task.repo.js';
import * as service from './task.service.js';
import { taskClock } from './task.settings.js';
import { ownsTask } from './task.presenter.js';
import { importTasks, importTemplate } from './task.import.js';
import { categoryLabel, ragLabel, statusLabel } from './task.labels.js';
import { taskFlowRoutes } from './task.flow.routes.js';

const day = (iso: string | null) => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);
const goalsOf = (t: Task, track: string) => t.goals.filter((g) => g.track === track).map((g) => g.code ?? g.name).join('、');

const exportColumns: XlsxColumn<Task>[] = [
  { header: '任务名称', key: 'title', width: 36, value: (t) => t.title },
  { header: '上级任务', key: 'parentTitle', width: 28, value: (t) => t.parentTitle },
  { header: '类别', key: 'category', value: (t) => categoryLabel[t.category] },
  { header: '牵头单位', key: 'ownerUnitName', width: 24, value: (t) => t.ownerUnitName },
  { header: '协同单位', key: 'coUnits', width: 28, value: (t) => t.coUnits.map((u) => u.name).join('、') },
  { header: '责任领导', key: 'leader', value: (t) => t.responsiblePersonName },
  { header: '开始日期', key: 'startDate', value: (t) => day(t.startDate) },
  { header: '截止日期', key: 'dueDate', value: (t) => day(t.dueDate) },
  { header: '权重', key: 'weight', value: (t) => t.weight },
  { header: '状态', key: 'status', value: (t) => statusLabel[t.status] },
  { header: '进度(%)', key: 'progress', value: (t) => t.progress },
  { header: '红黄绿', key: 'rag', value: (t) => ragLabel[t.rag] },
  { header: '党建业务融合', key: 'fused', value: (t) => (t.fused ? '是' : '否') },
  { header: '党建目标', key: 'partyGoals', value: (t) => goalsOf(t, 'party') },
  { header: '业务目标', key: 'businessGoals', value: (t) => goalsOf(t, 'business') },
  { header: '下发时间', key: 'issuedAt', value: (t) => (t.issuedAt ? new Date(t.issuedAt) : null) },
  { header: '签收时间', key: 'signedAt', value: (t) => (t.signedAt ? new Date(t.signedAt) : null) },
  { header: '逾期未签收', key: 'unsignedOverdue', value: (t) => (t.unsignedOverdue ? '是' : '') },
  { header: '延期次数', key: 'extensionCount', value: (t) => t.extensionCount },
  { header: '最近报告', key: 'lastReportAt', value: (t) => (t.lastReportAt ? new Date(t.lastReportAt) : null) },
];

async function* exportBatches(db: Db, ctx: RequestContext, query: typeof taskExportQuery._output) {
  const { sort, ...f } = query;
  const clock = await taskClock(db, ctx.tenantId);
  for await (const rows of repo.iterateTasks(db, ctx, clock, f, sort)) yield await service.presentRows(db, ctx, clock, rows);
}

export async function taskRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tasks'];

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

  r.get('/api/v1/tasks/:id', { config: { permission: 'plan.task.read' }, schema: { tags, params: idParams, response: { 200: task } } }, async (req) =>
    service.getTask(db, req.ctx, req.params.id),
  );

  r.post('/api/v1/tasks', { config: { permission: 'plan.task.write' }, schema: { tags, body: taskCreate, response: { 201: task } } }, async (req, reply) => {
    reply.status(201);
    return service.createTask(db, req.ctx, req.body);
  });

  r.patch('/api/v1/tasks/:id', { config: { permission: 'plan.task.write' }, schema: { tags, params: idParams, body: taskUpdate, response: { 200: task } } }, async (req) =>
    service.updateTask(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/tasks/:id', { config: { permission: 'plan.task.write' }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await service.deleteTask(db, req.ctx, req.params.id);
    return { ok: true as const };
  });

  await taskFlowRoutes(app, db);
}
