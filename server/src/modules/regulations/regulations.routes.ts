import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  hasPermission, idParams, okBody, regulationAbolish, regulationCleanup, regulationCleanupQuery, regulationCreate, regulationDetail, regulationExportQuery,
  regulationList, regulationListQuery, regulationPublish, regulationRevise, regulationUpdate, type Regulation,
} from '@santong/contract';
import type { Db } from '../../db/client.js';
import { sendXlsxStream } from '../../platform/excel.js';
import { registerAttachmentOwner } from '../../platform/files/attachments.js';
import * as repo from './regulations.repo.js';
import * as service from './regulations.service.js';
import { presentRegulation, regulationCategoryLabel, regulationStatusLabel } from './regulations.presenter.js';
import { tenantWide } from '../../access/target.js';

const excelDate = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

/** Regulations register (S8, S11): draft → in force → revised (a new version) / abolished. */
export async function regulationRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['regulations'];
  const read = { permission: 'execute.regulation.read' as const };
  const write = { permission: 'execute.regulation.write' as const };
  // regulations are the institution's reference texts: the owner unit is the drafting department, not a scope
  const onRegulation = { target: tenantWide('regulation') };

  registerAttachmentOwner('regulation', async (db, ctx, id, mode) => {
    if (!hasPermission(ctx.roles, 'execute.regulation.read')) return 'missing';
    if (!(await repo.getRegulation(db, ctx.tenantId, id))) return 'missing';
    return mode === 'write' && !hasPermission(ctx.roles, 'execute.regulation.write') ? 'denied' : 'ok';
  });

  r.get('/api/v1/regulations', { config: read, schema: { tags, querystring: regulationListQuery, response: { 200: regulationList } } }, async (req) => {
    const { page, pageSize, sort, ...f } = req.query;
    return service.listRegulations(db, req.ctx, f, { page, pageSize, sort });
  });

  r.get('/api/v1/regulations/cleanup', { config: read, schema: { tags, querystring: regulationCleanupQuery, response: { 200: regulationCleanup } } }, async (req) =>
    service.cleanup(db, req.ctx, req.query),
  );

  r.get('/api/v1/regulations/export', { config: read, schema: { tags, querystring: regulationExportQuery } }, async (req, reply) => {
    const { sort, ...f } = req.query;
    const batches = (async function* () {
      for await (const rows of repo.iterateRegulations(db, req.ctx.tenantId, f, sort)) yield rows.map(presentRegulation);
    })();
    return sendXlsxStream<Regulation>(reply, '制度清单.xlsx', '制度清单', [
      { header: '制度名称', key: 'title', width: 40, value: (g) => g.title },
      { header: '文号', key: 'docNo', width: 20, value: (g) => g.docNo },
      { header: '制定单位', key: 'ownerUnitName', width: 20, value: (g) => g.ownerUnitName },
      { header: '类别', key: 'category', width: 10, value: (g) => regulationCategoryLabel[g.category] },
      { header: '状态', key: 'status', width: 10, value: (g) => regulationStatusLabel[g.status] },
      { header: '版本', key: 'versionNo', width: 6, value: (g) => g.versionNo },
      { header: '施行日期', key: 'effectiveOn', width: 12, value: (g) => excelDate(g.effectiveOn) },
      { header: '修订日期', key: 'revisedOn', width: 12, value: (g) => excelDate(g.revisedOn) },
      { header: '废止日期', key: 'abolishedOn', width: 12, value: (g) => excelDate(g.abolishedOn) },
      { header: '废止理由', key: 'abolishReason', width: 30, value: (g) => g.abolishReason },
    ], batches);
  });

  r.get('/api/v1/regulations/:id', { config: { ...read, ...onRegulation }, schema: { tags, params: idParams, response: { 200: regulationDetail } } }, async (req) => service.getDetail(db, req.ctx, req.params.id));

  r.post('/api/v1/regulations', { config: { ...write, ...onRegulation }, schema: { tags, body: regulationCreate, response: { 201: regulationDetail } } }, async (req, reply) => {
    reply.status(201);
    return service.createRegulation(db, req.ctx, req.body);
  });

  r.patch('/api/v1/regulations/:id', { config: { ...write, ...onRegulation }, schema: { tags, params: idParams, body: regulationUpdate, response: { 200: regulationDetail } } }, async (req) =>
    service.updateRegulation(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/regulations/:id', { config: { ...write, ...onRegulation }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await service.deleteRegulation(db, req.ctx, req.params.id);
    return { ok: true as const };
  });

  r.post('/api/v1/regulations/:id/publish', { config: { ...write, ...onRegulation }, schema: { tags, params: idParams, body: regulationPublish, response: { 200: regulationDetail } } }, async (req) =>
    service.publish(db, req.ctx, req.params.id, req.body),
  );

  r.post('/api/v1/regulations/:id/revise', { config: { ...write, ...onRegulation }, schema: { tags, params: idParams, body: regulationRevise, response: { 201: regulationDetail } } }, async (req, reply) => {
    reply.status(201);
    return service.revise(db, req.ctx, req.params.id, req.body);
  });

  r.post('/api/v1/regulations/:id/abolish', { config: { ...write, ...onRegulation }, schema: { tags, params: idParams, body: regulationAbolish, response: { 200: regulationDetail } } }, async (req) =>
    service.abolish(db, req.ctx, req.params.id, req.body),
  );
}
