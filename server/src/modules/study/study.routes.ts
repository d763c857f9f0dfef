import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hasPermission, idParams, okBody, studySessionCreate, studySessionDetail, studySessionExportQuery, studySessionList, studySessionListQuery, studySessionUpdate } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { sendXlsxStream } from '../../platform/excel.js';
import { registerAttachmentOwner } from '../../platform/files/attachments.js';
import * as repo from './study.repo.js';
import * as service from './study.service.js';
import { presentSession, studyKindLabel } from './study.presenter.js';
import type { StudySession } from '@santong/contract';
import { scoped } from '../../access/target.js';

const excelDate = (d: string) => new Date(`${d}T00:00:00Z`);

/** 中心组学习, 读书班, 专题研讨, 支部学习: sessions with attendance and linked goals (S4). */
export async function studyRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['study'];
  // A session is in scope through its host unit (or, for reading, the caller's attendance); a new one names a host unit in scope.
  const onSession = { target: scoped('study-session') };

  // Minutes and photos of a session: readable with the session, written by those who may edit it.
  registerAttachmentOwner('study_session', async (db, ctx, id, mode) => {
    if (!hasPermission(ctx.roles, 'plan.study.read')) return 'missing';
    const row = await repo.getSession(db, ctx.tenantId, ctx.scope, id);
    if (!row) return 'missing';
    if (mode === 'write' && !(hasPermission(ctx.roles, 'plan.study.write') && service.canWrite(ctx, row.hostUnitId))) return 'denied';
    return 'ok';
  });

  r.get('/api/v1/study-sessions', { config: { permission: 'plan.study.read' }, schema: { tags, querystring: studySessionListQuery, response: { 200: studySessionList } } }, async (req) => {
    const { page, pageSize, sort, ...f } = req.query;
    return service.listSessions(db, req.ctx, f, { page, pageSize, sort });
  });

  r.get('/api/v1/study-sessions/export', { config: { permission: 'plan.study.read' }, schema: { tags, querystring: studySessionExportQuery } }, async (req, reply) => {
    const { sort, ...f } = req.query;
    const batches = (async function* () {
      for await (const rows of repo.iterateSessions(db, req.ctx.tenantId, req.ctx.scope, f, sort)) {
        const goals = await repo.listGoalLinks(db, req.ctx.tenantId, rows.map((x) => x.id));
        yield rows.map((x) => presentSession(x, goals));
      }
    })();
    return sendXlsxStream<StudySession>(reply, '学习活动.xlsx', '学习活动', [
      { header: '日期', key: 'heldOn', width: 12, value: (s) => excelDate(s.heldOn) },
      { header: '类型', key: 'kind', width: 12, value: (s) => studyKindLabel[s.kind] },
      { header: '主题', key: 'title', width: 40, value: (s) => s.title },
      { header: '主办单位', key: 'hostUnitName', width: 26, value: (s) => s.hostUnitName },
      { header: '地点', key: 'location', width: 20, value: (s) => s.location },
      { header: '应到人数', key: 'attendeeCount', width: 10, value: (s) => s.attendeeCount },
      { header: '实到人数', key: 'attendedCount', width: 10, value: (s) => s.attendedCount },
      { header: '出勤率', key: 'attendanceRate', width: 10, value: (s) => s.attendanceRate },
      { header: '党建目标', key: 'partyGoals', width: 30, value: (s) => s.goals.filter((g) => g.track === 'party').map((g) => g.name).join('、') },
      { header: '业务目标', key: 'businessGoals', width: 30, value: (s) => s.goals.filter((g) => g.track === 'business').map((g) => g.name).join('、') },
      { header: '纪要附件数', key: 'minutesCount', width: 10, value: (s) => s.minutesCount },
    ], batches);
  });

  r.get('/api/v1/study-sessions/:id', { config: { permission: 'plan.study.read', ...onSession }, schema: { tags, params: idParams, response: { 200: studySessionDetail } } }, async (req) =>
    service.getSessionDetail(db, req.ctx, req.params.id),
  );

  r.post('/api/v1/study-sessions', { config: { permission: 'plan.study.write', target: scoped('unit') }, schema: { tags, body: studySessionCreate, response: { 201: studySessionDetail } } }, async (req, reply) => {
    reply.status(201);
    return service.createSession(db, req.ctx, req.body);
  });

  r.patch('/api/v1/study-sessions/:id', { config: { permission: 'plan.study.write', ...onSession }, schema: { tags, params: idParams, body: studySessionUpdate, response: { 200: studySessionDetail } } }, async (req) =>
    service.updateSession(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/study-sessions/:id', { config: { permission: 'plan.study.write', ...onSession }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await service.deleteSession(db, req.ctx, req.params.id);
    return { ok: true as const };
  });
}
