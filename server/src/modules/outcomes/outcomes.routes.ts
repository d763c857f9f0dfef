import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  contributionArea, contributionAreaCreate, contributionAreaList, contributionAreaUpdate, hasPermission, idParams, okBody, outcome, outcomeCreate,
  outcomeExportQuery, outcomeList, outcomeListQuery, outcomeStats, outcomeStatsQuery, outcomeUpdate, type Outcome,
} from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { scoped, tenantConfig } from '../../access/target.js';
import { AppError } from '../../platform/errors.js';
import { sendXlsxStream } from '../../platform/excel.js';
import { registerAttachmentOwner } from '../../platform/files/attachments.js';
import * as repo from './outcomes.repo.js';
import * as service from './outcomes.service.js';
import { outcomeKindLabel, outcomeLevelLabel, presentOutcome } from './outcomes.presenter.js';

const excelDate = (d: string) => new Date(`${d}T00:00:00Z`);

/** The list of 建新功 areas is the office's to configure (writers with the whole tenant in scope). */
function requireOffice(ctx: RequestContext) {
  if (ctx.scope.kind !== 'all') throw new AppError('FORBIDDEN', 'only the office configures contribution areas');
}

/** Outcomes register (S10, S15) and the 建新功 contribution areas. */
export async function outcomeRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['outcomes'];
  const read = { permission: 'execute.outcome.read' as const };
  const write = { permission: 'execute.outcome.write' as const };
  // an outcome belongs to its unit's scope (and to the people it names)
  const onOutcome = { target: scoped('outcome') };
  const onArea = { target: tenantConfig('contribution-area') };

  registerAttachmentOwner('outcome', async (db, ctx, id, mode) => {
    if (!hasPermission(ctx.roles, 'execute.outcome.read')) return 'missing';
    const row = await repo.getOutcome(db, ctx.tenantId, ctx.scope, id);
    if (!row) return 'missing';
    if (mode === 'write' && !(hasPermission(ctx.roles, 'execute.outcome.write') && service.canWrite(ctx, row.unitId))) return 'denied';
    return 'ok';
  });

  r.get('/api/v1/outcomes', { config: read, schema: { tags, querystring: outcomeListQuery, response: { 200: outcomeList } } }, async (req) => {
    const { page, pageSize, sort, ...f } = req.query;
    return service.listOutcomes(db, req.ctx, f, { page, pageSize, sort });
  });

  r.get('/api/v1/outcomes/stats', { config: read, schema: { tags, querystring: outcomeStatsQuery, response: { 200: outcomeStats } } }, async (req) =>
    service.outcomeStats(await req.readDb(), req.ctx, req.query),
  );

  r.get('/api/v1/outcomes/export', { config: read, schema: { tags, querystring: outcomeExportQuery } }, async (req, reply) => {
    const { sort, ...f } = req.query;
    const rdb = await req.readDb();
    const batches = (async function* () {
      for await (const rows of repo.iterateOutcomes(rdb, req.ctx.tenantId, req.ctx.scope, f, sort)) {
        const people = await repo.listOutcomePeople(rdb, req.ctx.tenantId, rows.map((x) => x.id));
        yield rows.map((x) => presentOutcome(x, people));
      }
    })();
    return sendXlsxStream<Outcome>(reply, '成果登记.xlsx', '成果登记', [
      { header: '类别', key: 'kind', width: 12, value: (o) => outcomeKindLabel[o.kind] },
      { header: '标题', key: 'title', width: 40, value: (o) => o.title },
      { header: '单位', key: 'unitName', width: 20, value: (o) => o.unitName },
      { header: '人员', key: 'people', width: 20, value: (o) => o.people.map((p) => p.name).join('、') },
      { header: '级别', key: 'level', width: 8, value: (o) => outcomeLevelLabel[o.level] },
      { header: '刊发媒体', key: 'medium', width: 20, value: (o) => o.medium },
      { header: '日期', key: 'publishedOn', width: 12, value: (o) => excelDate(o.publishedOn) },
      { header: '建新功领域', key: 'areaName', width: 20, value: (o) => o.areaName },
      { header: '链接', key: 'link', width: 30, value: (o) => o.link },
    ], batches);
  });

  r.get('/api/v1/outcomes/:id', { config: { ...read, ...onOutcome }, schema: { tags, params: idParams, response: { 200: outcome } } }, async (req) => service.getOutcome(db, req.ctx, req.params.id));

  r.post('/api/v1/outcomes', { config: { ...write, target: scoped('unit') }, schema: { tags, body: outcomeCreate, response: { 201: outcome } } }, async (req, reply) => {
    reply.status(201);
    return service.createOutcome(db, req.ctx, req.body);
  });

  r.patch('/api/v1/outcomes/:id', { config: { ...write, ...onOutcome }, schema: { tags, params: idParams, body: outcomeUpdate, response: { 200: outcome } } }, async (req) =>
    service.updateOutcome(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/outcomes/:id', { config: { ...write, ...onOutcome }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await service.deleteOutcome(db, req.ctx, req.params.id);
    return { ok: true as const };
  });

  r.get('/api/v1/contribution-areas', { config: read, schema: { tags, response: { 200: contributionAreaList } } }, async (req) => service.listAreas(db, req.ctx));

  r.post('/api/v1/contribution-areas', { config: { ...write, ...onArea }, schema: { tags, body: contributionAreaCreate, response: { 201: contributionArea } } }, async (req, reply) => {
    requireOffice(req.ctx);
    reply.status(201);
    return service.createArea(db, req.ctx, req.body);
  });

  r.patch('/api/v1/contribution-areas/:id', { config: { ...write, ...onArea }, schema: { tags, params: idParams, body: contributionAreaUpdate, response: { 200: contributionArea } } }, async (req) => {
    requireOffice(req.ctx);
    return service.updateArea(db, req.ctx, req.params.id, req.body);
  });

  r.delete('/api/v1/contribution-areas/:id', { config: { ...write, ...onArea }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    requireOffice(req.ctx);
    await service.deleteArea(db, req.ctx, req.params.id);
    return { ok: true as const };
  });
}
