import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  activity, activityCreate, activityExportQuery, activityList, activityListQuery, activityStats, activityStatsQuery, activityUpdate, hasPermission, idParams, okBody,
  type Activity,
} from '@santong/contract';
import type { Db } from '../../db/client.js';
import { sendXlsxStream } from '../../platform/excel.js';
import { registerAttachmentOwner } from '../../platform/files/attachments.js';
import * as repo from './activities.repo.js';
import * as service from './activities.service.js';
import { activityKindLabel, presentActivity } from './activities.presenter.js';
import { scoped } from '../../access/target.js';

const excelDate = (d: string) => new Date(`${d}T00:00:00Z`);

/** 同落实 activities (S7): forums, 座谈会, competitions, studio activities, with photos and files. */
export async function activityRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['activities'];
  const read = { permission: 'execute.activity.read' as const };
  const write = { permission: 'execute.activity.write' as const };
  const onActivity = { target: scoped('activity') };

  // Photos and files: readable with the activity, written by those who may edit it.
  registerAttachmentOwner('activity', async (db, ctx, id, mode) => {
    if (!hasPermission(ctx.roles, 'execute.activity.read')) return 'missing';
    const row = await repo.getActivity(db, ctx.tenantId, ctx.scope, id);
    if (!row) return 'missing';
    if (mode === 'write' && !(hasPermission(ctx.roles, 'execute.activity.write') && service.canWrite(ctx, row.unitId))) return 'denied';
    return 'ok';
  });

  r.get('/api/v1/activities', { config: read, schema: { tags, querystring: activityListQuery, response: { 200: activityList } } }, async (req) => {
    const { page, pageSize, sort, ...f } = req.query;
    return service.listActivities(db, req.ctx, f, { page, pageSize, sort });
  });

  r.get('/api/v1/activities/stats', { config: read, schema: { tags, querystring: activityStatsQuery, response: { 200: activityStats } } }, async (req) =>
    service.activityStats(db, req.ctx, req.query),
  );

  r.get('/api/v1/activities/export', { config: read, schema: { tags, querystring: activityExportQuery } }, async (req, reply) => {
    const { sort, ...f } = req.query;
    const batches = (async function* () {
      for await (const rows of repo.iterateActivities(db, req.ctx.tenantId, req.ctx.scope, f, sort)) {
        const goals = await repo.listGoalLinks(db, req.ctx.tenantId, rows.map((x) => x.id));
        yield rows.map((x) => presentActivity(x, goals));
      }
    })();
    return sendXlsxStream<Activity>(reply, '活动记录.xlsx', '活动记录', [
      { header: '类别', key: 'kind', width: 12, value: (a) => activityKindLabel[a.kind] },
      { header: '活动名称', key: 'title', width: 40, value: (a) => a.title },
      { header: '单位', key: 'unitName', width: 20, value: (a) => a.unitName },
      { header: '日期', key: 'heldOn', width: 12, value: (a) => excelDate(a.heldOn) },
      { header: '参加人数', key: 'participants', width: 10, value: (a) => a.participants },
      { header: '所属工作室', key: 'projectTitle', width: 30, value: (a) => a.projectTitle },
      { header: '关联目标', key: 'goals', width: 30, value: (a) => a.goals.map((g) => g.name).join('、') },
      { header: '附件数', key: 'fileCount', width: 8, value: (a) => a.fileCount },
      { header: '活动简介', key: 'summary', width: 50, value: (a) => a.summary },
    ], batches);
  });

  r.get('/api/v1/activities/:id', { config: { ...read, ...onActivity }, schema: { tags, params: idParams, response: { 200: activity } } }, async (req) => service.getActivity(db, req.ctx, req.params.id));

  r.post('/api/v1/activities', { config: { ...write, target: scoped('unit') }, schema: { tags, body: activityCreate, response: { 201: activity } } }, async (req, reply) => {
    reply.status(201);
    return service.createActivity(db, req.ctx, req.body);
  });

  r.patch('/api/v1/activities/:id', { config: { ...write, ...onActivity }, schema: { tags, params: idParams, body: activityUpdate, response: { 200: activity } } }, async (req) =>
    service.updateActivity(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/activities/:id', { config: { ...write, ...onActivity }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await service.deleteActivity(db, req.ctx, req.params.id);
    return { ok: true as const };
  });
}
