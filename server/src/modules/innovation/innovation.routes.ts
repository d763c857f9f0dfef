import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  hasPermission, idParams, innovationAcceptInput, innovationOutcomeLink, innovationOutcomeParams, innovationProjectCreate, innovationProjectDetail,
  innovationProjectExportQuery, innovationProjectList, innovationProjectListQuery, innovationProjectUpdate, innovationStepInput, okBody,
  type InnovationAction, type InnovationProject,
} from '@santong/contract';
import type { Db } from '../../db/client.js';
import { sendXlsxStream } from '../../platform/excel.js';
import { registerAttachmentOwner } from '../../platform/files/attachments.js';
import * as repo from './innovation.repo.js';
import * as service from './innovation.service.js';
import { innovationGradeLabel, innovationKindLabel, innovationLevelLabel, innovationStageLabel, presentProject } from './innovation.presenter.js';
import { scoped } from '../../access/target.js';

const excelDate = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

/** URL segment of each office step. */
const stepPaths: Record<InnovationAction, string> = { approve: 'approve', reject: 'reject', cultivate: 'cultivate', midterm_check: 'midterm-check', accept: 'accept' };

/** 党建"双创" projects (S9): apply → approve → cultivate → mid-term check → accept with a grade. */
export async function innovationRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['innovation'];
  const read = { permission: 'execute.innovation.read' as const };
  const write = { permission: 'execute.innovation.write' as const };
  const review = { permission: 'execute.innovation.review' as const };
  const onProject = { target: scoped('innovation-project') };

  // Application materials and expert opinions.
  registerAttachmentOwner('innovation_project', async (db, ctx, id, mode) => {
    if (!hasPermission(ctx.roles, 'execute.innovation.read')) return 'missing';
    const row = await repo.getProject(db, ctx.tenantId, ctx.scope, id);
    if (!row) return 'missing';
    if (mode === 'write' && !hasPermission(ctx.roles, 'execute.innovation.review') && !(hasPermission(ctx.roles, 'execute.innovation.write') && service.canWrite(ctx, row.unitId))) return 'denied';
    return 'ok';
  });

  r.get('/api/v1/innovation-projects', { config: read, schema: { tags, querystring: innovationProjectListQuery, response: { 200: innovationProjectList } } }, async (req) => {
    const { page, pageSize, sort, ...f } = req.query;
    return service.listProjects(db, req.ctx, f, { page, pageSize, sort });
  });

  r.get('/api/v1/innovation-projects/export', { config: read, schema: { tags, querystring: innovationProjectExportQuery } }, async (req, reply) => {
    const { sort, ...f } = req.query;
    const batches = (async function* () {
      for await (const rows of repo.iterateProjects(db, req.ctx.tenantId, req.ctx.scope, f, sort)) yield rows.map(presentProject);
    })();
    return sendXlsxStream<InnovationProject>(reply, '党建双创项目.xlsx', '双创项目', [
      { header: '项目名称', key: 'title', width: 40, value: (p) => p.title },
      { header: '类别', key: 'kind', width: 14, value: (p) => innovationKindLabel[p.kind] },
      { header: '单位', key: 'unitName', width: 20, value: (p) => p.unitName },
      { header: '负责人', key: 'leaderName', width: 10, value: (p) => p.leaderName },
      { header: '级别', key: 'level', width: 8, value: (p) => innovationLevelLabel[p.level] },
      { header: '阶段', key: 'stage', width: 12, value: (p) => innovationStageLabel[p.stage] },
      { header: '验收等级', key: 'grade', width: 10, value: (p) => (p.grade ? innovationGradeLabel[p.grade] : null) },
      { header: '申报日期', key: 'appliedOn', width: 12, value: (p) => excelDate(p.appliedOn) },
      { header: '最近进展日期', key: 'lastStepOn', width: 12, value: (p) => excelDate(p.lastStepOn) },
      { header: '关联成果数', key: 'outcomeCount', width: 10, value: (p) => p.outcomeCount },
      { header: '工作室活动数', key: 'activityCount', width: 10, value: (p) => p.activityCount },
    ], batches);
  });

  r.get('/api/v1/innovation-projects/:id', { config: { ...read, ...onProject }, schema: { tags, params: idParams, response: { 200: innovationProjectDetail } } }, async (req) =>
    service.getDetail(db, req.ctx, req.params.id),
  );

  r.post('/api/v1/innovation-projects', { config: { ...write, target: scoped('unit') }, schema: { tags, body: innovationProjectCreate, response: { 201: innovationProjectDetail } } }, async (req, reply) => {
    reply.status(201);
    return service.createProject(db, req.ctx, req.body);
  });

  r.patch('/api/v1/innovation-projects/:id', { config: { ...write, ...onProject }, schema: { tags, params: idParams, body: innovationProjectUpdate, response: { 200: innovationProjectDetail } } }, async (req) =>
    service.updateProject(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/innovation-projects/:id', { config: { ...write, ...onProject }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await service.deleteProject(db, req.ctx, req.params.id);
    return { ok: true as const };
  });

  for (const action of Object.keys(stepPaths) as InnovationAction[]) {
    const body = action === 'accept' ? innovationAcceptInput : innovationStepInput;
    r.post(`/api/v1/innovation-projects/:id/${stepPaths[action]}`, { config: { ...review, ...onProject }, schema: { tags, params: idParams, body, response: { 200: innovationProjectDetail } } }, async (req) =>
      service.takeStep(db, req.ctx, req.params.id, action, req.body),
    );
  }

  r.post('/api/v1/innovation-projects/:id/outcomes', { config: { ...write, ...onProject }, schema: { tags, params: idParams, body: innovationOutcomeLink, response: { 200: innovationProjectDetail } } }, async (req) =>
    service.linkOutcome(db, req.ctx, req.params.id, req.body.outcomeId),
  );

  r.delete('/api/v1/innovation-projects/:id/outcomes/:outcomeId', { config: { ...write, ...onProject }, schema: { tags, params: innovationOutcomeParams, response: { 200: innovationProjectDetail } } }, async (req) =>
    service.unlinkOutcome(db, req.ctx, req.params.id, req.params.outcomeId),
  );
}
