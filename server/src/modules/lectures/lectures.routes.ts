import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hasPermission, idParams, lecture, lectureCreate, lectureExportQuery, lectureList, lectureListQuery, lectureStats, lectureStatsQuery, lectureUpdate, okBody, type Lecture } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { sendXlsxStream } from '../../platform/excel.js';
import { registerAttachmentOwner } from '../../platform/files/attachments.js';
import * as repo from './lectures.repo.js';
import * as service from './lectures.service.js';
import { presentLecture } from './lectures.presenter.js';
import { scoped } from '../../access/target.js';

/** 党课 (S6): lectures with totals per lecturer and per audience unit. */
export async function lectureRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['lectures'];
  // A lecture is in scope through its audience unit (or, for reading, when the caller gave it); a new one names an audience unit in scope.
  const onLecture = { target: scoped('lecture') };

  // Slides and handouts of a lecture: readable with the lecture, written by those who may edit it.
  registerAttachmentOwner('lecture', async (db, ctx, id, mode) => {
    if (!hasPermission(ctx.roles, 'plan.lecture.read')) return 'missing';
    const row = await repo.getLecture(db, ctx.tenantId, ctx.scope, id);
    if (!row) return 'missing';
    if (mode === 'write' && !(hasPermission(ctx.roles, 'plan.lecture.write') && service.canWrite(ctx, row.audienceUnitId))) return 'denied';
    return 'ok';
  });

  r.get('/api/v1/lectures', { config: { permission: 'plan.lecture.read' }, schema: { tags, querystring: lectureListQuery, response: { 200: lectureList } } }, async (req) => {
    const { page, pageSize, sort, ...f } = req.query;
    return service.listLectures(db, req.ctx, f, { page, pageSize, sort });
  });

  r.get('/api/v1/lectures/stats', { config: { permission: 'plan.lecture.read' }, schema: { tags, querystring: lectureStatsQuery, response: { 200: lectureStats } } }, async (req) =>
    service.lectureStats(db, req.ctx, req.query),
  );

  r.get('/api/v1/lectures/export', { config: { permission: 'plan.lecture.read' }, schema: { tags, querystring: lectureExportQuery } }, async (req, reply) => {
    const { sort, ...f } = req.query;
    const batches = (async function* () {
      for await (const rows of repo.iterateLectures(db, req.ctx.tenantId, req.ctx.scope, f, sort)) yield rows.map(presentLecture);
    })();
    return sendXlsxStream<Lecture>(reply, '党课记录.xlsx', '党课', [
      { header: '日期', key: 'heldOn', width: 12, value: (l) => new Date(`${l.heldOn}T00:00:00Z`) },
      { header: '党课题目', key: 'topic', width: 40, value: (l) => l.topic },
      { header: '主讲人', key: 'lecturerName', width: 12, value: (l) => l.lecturerName },
      { header: '主讲人职务', key: 'lecturerTitle', width: 20, value: (l) => l.lecturerTitle },
      { header: '听课单位', key: 'audienceUnitName', width: 26, value: (l) => l.audienceUnitName },
      { header: '听课人数', key: 'audienceCount', width: 10, value: (l) => l.audienceCount },
      { header: '地点', key: 'location', width: 20, value: (l) => l.location },
      { header: '课件附件数', key: 'materialsCount', width: 10, value: (l) => l.materialsCount },
    ], batches);
  });

  r.get('/api/v1/lectures/:id', { config: { permission: 'plan.lecture.read', ...onLecture }, schema: { tags, params: idParams, response: { 200: lecture } } }, async (req) =>
    service.getLecture(db, req.ctx, req.params.id),
  );

  r.post('/api/v1/lectures', { config: { permission: 'plan.lecture.write', target: scoped('unit') }, schema: { tags, body: lectureCreate, response: { 201: lecture } } }, async (req, reply) => {
    reply.status(201);
    return service.createLecture(db, req.ctx, req.body);
  });

  r.patch('/api/v1/lectures/:id', { config: { permission: 'plan.lecture.write', ...onLecture }, schema: { tags, params: idParams, body: lectureUpdate, response: { 200: lecture } } }, async (req) =>
    service.updateLecture(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/lectures/:id', { config: { permission: 'plan.lecture.write', ...onLecture }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await service.deleteLecture(db, req.ctx, req.params.id);
    return { ok: true as const };
  });
}
