import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  hasPermission, idParams, okBody, resultApplication, resultApplicationCreate, resultApplicationList, resultApplicationListQuery, resultApplicationUpdate,
  resultComputeBody, resultComputeResponse, resultContextQuery, resultDetail, resultGradeDistribution, resultPublishBody, resultSchemeParams,
  resultSchemeSummary, resultTable, resultTargetContext, resultTargetParams,
} from '@santong/contract';
import type { Db } from '../../db/client.js';
import { scoped, tenantConfig, tenantWide } from '../../access/target.js';
import { XLSX_TYPE, contentDisposition } from '../../platform/excel.js';
import * as compute from './results.compute.js';
import * as service from './results.service.js';
import * as apps from './applications.service.js';
import { listResultSchemes } from './results.repo.js';
import { presentScheme } from './results.presenter.js';
import { resultsWorkbook } from './results.export.js';

/** Year-end results (S13 publication) and their application (S14). */
export async function assessmentResultRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessment-results'];
  const read = { permission: 'assess.result.read' as const };
  const publish = { permission: 'assess.result.publish' as const };
  const appRead = { permission: 'assess.application.read' as const };
  const appWrite = { permission: 'assess.application.write' as const };
  const base = '/api/v1/assessment-schemes/:id';
  // Compute, freeze and publish are the office's (assess.result.publish: tenant-wide roles only).
  const office = { ...publish, target: tenantConfig('assessment-scheme') };
  // A published table is open to every reader; its rows are filtered by the publication scope (results.service visibility).
  const table = { ...read, target: tenantWide('assessment-scheme') };
  // One target's result: with results published to "each unit itself" only the target's units (and the office,
  // leaders of it, tenant-wide readers) see it. Published to "all" it is tenant-wide, to "leaders" role-bound.
  const oneResult = { ...read, target: scoped('assessment-target') };
  // Applications belong to the scope of their target's units (or of the person they name).
  const onApp = { target: scoped('result-application') };

  r.get('/api/v1/assessment-results', { config: read, schema: { tags, response: { 200: z.object({ items: z.array(resultSchemeSummary) }) } } }, async (req) => {
    const rows = await listResultSchemes(db, req.ctx.tenantId, hasPermission(req.ctx.roles, 'assess.result.publish'));
    return { items: rows.map((x) => presentScheme(x.scheme, x.computed)) };
  });

  r.post(`${base}/compute`, { config: office, schema: { tags, params: resultSchemeParams, body: resultComputeBody, response: { 200: resultComputeResponse } } }, async (req) =>
    compute.computeResults(db, req.ctx, req.params.id, req.body.overrideReason),
  );

  r.post(`${base}/freeze`, { config: office, schema: { tags, params: resultSchemeParams, response: { 200: okBody } } }, async (req) => {
    await compute.freezeResults(db, req.ctx, req.params.id);
    return { ok: true as const };
  });

  r.post(`${base}/publish`, { config: office, schema: { tags, params: resultSchemeParams, body: resultPublishBody, response: { 200: okBody } } }, async (req) => {
    await compute.publishResults(db, req.ctx, req.params.id, req.body);
    return { ok: true as const };
  });

  r.get(`${base}/results`, { config: table, schema: { tags, params: resultSchemeParams, response: { 200: resultTable } } }, async (req) => service.resultTable(db, req.ctx, req.params.id));

  r.get(`${base}/results/distribution`, { config: table, schema: { tags, params: resultSchemeParams, response: { 200: resultGradeDistribution } } }, async (req) =>
    service.gradeDistribution(db, req.ctx, req.params.id),
  );

  r.get(`${base}/results/export`, { config: table, schema: { tags, params: resultSchemeParams } }, async (req, reply) => {
    const table = await service.resultTable(db, req.ctx, req.params.id);
    const buf = await resultsWorkbook(table);
    return reply.header('Content-Type', XLSX_TYPE).header('Content-Disposition', contentDisposition(`${table.scheme.title}-考核结果.xlsx`)).send(buf);
  });

  r.get(`${base}/results/:targetId`, { config: oneResult, schema: { tags, params: resultTargetParams, response: { 200: resultDetail } } }, async (req) =>
    service.resultDetail(db, req.ctx, req.params.id, req.params.targetId),
  );

  r.get('/api/v1/assessment-targets/context', { config: read, schema: { tags, querystring: resultContextQuery, response: { 200: resultTargetContext } } }, async (req) =>
    service.targetContext(db, req.ctx, req.query, req.query.beforeYear),
  );

  r.get('/api/v1/result-applications', { config: appRead, schema: { tags, querystring: resultApplicationListQuery, response: { 200: resultApplicationList } } }, async (req) => {
    const { page, pageSize, sort, ...f } = req.query;
    return apps.listApplications(db, req.ctx, f, { page, pageSize, sort });
  });

  r.get('/api/v1/result-applications/:id', { config: { ...appRead, ...onApp }, schema: { tags, params: idParams, response: { 200: resultApplication } } }, async (req) => apps.getApplication(db, req.ctx, req.params.id));

  r.post('/api/v1/result-applications', { config: { ...appWrite, target: scoped('assessment-target') }, schema: { tags, body: resultApplicationCreate, response: { 201: resultApplication } } }, async (req, reply) => {
    reply.status(201);
    return apps.createApplication(db, req.ctx, req.body);
  });

  r.patch('/api/v1/result-applications/:id', { config: { ...appWrite, ...onApp }, schema: { tags, params: idParams, body: resultApplicationUpdate, response: { 200: resultApplication } } }, async (req) =>
    apps.updateApplication(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/result-applications/:id', { config: { ...appWrite, ...onApp }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await apps.deleteApplication(db, req.ctx, req.params.id);
    return { ok: true as const };
  });
}
