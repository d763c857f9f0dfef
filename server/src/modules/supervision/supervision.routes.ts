import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  hasPermission, idParams, okBody, supervisionCheck, supervisionCheckCreate, supervisionCheckExportQuery, supervisionCheckList, supervisionCheckListQuery,
  supervisionCheckUpdate, supervisionIndicator, supervisionIndicatorCreate, supervisionIndicatorUpdate, supervisionPlanCreate, supervisionPlanDetail,
  supervisionPlanList, supervisionPlanListQuery, supervisionPlanUpdate, supervisionStats, supervisionStatsQuery, type SupervisionCheck,
} from '@santong/contract';
import type { Db } from '../../db/client.js';
import { sendXlsxStream } from '../../platform/excel.js';
import { registerAttachmentOwner } from '../../platform/files/attachments.js';
import { unitInScope } from '../../access/scope.js';
import { scoped, tenantConfig, tenantWide } from '../../access/target.js';
import * as checksRepo from './checks.repo.js';
import * as plans from './plans.service.js';
import * as checks from './checks.service.js';
import { methodLabel, presentCheck, resultLabel } from './supervision.presenter.js';

const excelDate = (d: string) => new Date(`${d}T00:00:00Z`);

/** Supervision (S12): monthly plans and indicators, checks per unit with evidence, rectification, pass rates. */
export async function supervisionRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['supervision'];
  const read = { permission: 'assess.supervision.read' as const };
  const write = { permission: 'assess.supervision.write' as const };
  // Plans are tenant-wide (their figures count only the checks in scope); a check belongs to the checked unit.
  // Planning (plans and indicators) needs assess.supervision.plan (the office); inspectors record checks.
  const plan = { permission: 'assess.supervision.plan' as const, target: tenantConfig('supervision-plan') };
  const onPlan = { target: tenantWide('supervision-plan') };
  const onCheck = { target: scoped('supervision-check') };

  // Evidence files of a check: readable with the check, writable by those who record checks on its unit.
  registerAttachmentOwner('supervision_check', async (db, ctx, id, mode) => {
    if (!hasPermission(ctx.roles, 'assess.supervision.read')) return 'missing';
    const row = await checksRepo.getCheck(db, ctx.tenantId, ctx.scope, id);
    if (!row) return 'missing';
    if (mode === 'write' && !(hasPermission(ctx.roles, 'assess.supervision.write') && unitInScope(ctx.scope, row.unitId))) return 'denied';
    return 'ok';
  });

  r.get('/api/v1/supervision/plans', { config: read, schema: { tags, querystring: supervisionPlanListQuery, response: { 200: supervisionPlanList } } }, async (req) => {
    const { page, pageSize, sort, ...f } = req.query;
    return plans.listPlans(db, req.ctx, f, { page, pageSize, sort });
  });

  r.get('/api/v1/supervision/plans/:id', { config: { ...read, ...onPlan }, schema: { tags, params: idParams, response: { 200: supervisionPlanDetail } } }, async (req) => plans.getPlan(db, req.ctx, req.params.id));

  r.post('/api/v1/supervision/plans', { config: { permission: plan.permission }, schema: { tags, body: supervisionPlanCreate, response: { 201: supervisionPlanDetail } } }, async (req, reply) => {
    reply.status(201);
    return plans.createPlan(db, req.ctx, req.body);
  });

  r.patch('/api/v1/supervision/plans/:id', { config: plan, schema: { tags, params: idParams, body: supervisionPlanUpdate, response: { 200: supervisionPlanDetail } } }, async (req) =>
    plans.updatePlan(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/supervision/plans/:id', { config: plan, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await plans.deletePlan(db, req.ctx, req.params.id);
    return { ok: true as const };
  });

  r.post('/api/v1/supervision/plans/:id/indicators', { config: plan, schema: { tags, params: idParams, body: supervisionIndicatorCreate, response: { 201: supervisionIndicator } } }, async (req, reply) => {
    reply.status(201);
    return plans.addIndicator(db, req.ctx, req.params.id, req.body);
  });

  r.patch('/api/v1/supervision/indicators/:id', { config: plan, schema: { tags, params: idParams, body: supervisionIndicatorUpdate, response: { 200: supervisionIndicator } } }, async (req) =>
    plans.updateIndicator(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/supervision/indicators/:id', { config: plan, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await plans.deleteIndicator(db, req.ctx, req.params.id);
    return { ok: true as const };
  });

  r.get('/api/v1/supervision/checks', { config: read, schema: { tags, querystring: supervisionCheckListQuery, response: { 200: supervisionCheckList } } }, async (req) => {
    const { page, pageSize, sort, ...f } = req.query;
    return checks.listChecks(db, req.ctx, f, { page, pageSize, sort });
  });

  r.get('/api/v1/supervision/checks/export', { config: read, schema: { tags, querystring: supervisionCheckExportQuery } }, async (req, reply) => {
    const { sort, ...f } = req.query;
    const batches = (async function* () {
      for await (const rows of checksRepo.iterateChecks(db, req.ctx.tenantId, req.ctx.scope, f, sort)) yield rows.map(presentCheck);
    })();
    return sendXlsxStream<SupervisionCheck>(reply, '督导检查.xlsx', '督导检查', [
      { header: '月份', key: 'month', width: 10, value: (c) => c.month },
      { header: '督导计划', key: 'planTitle', width: 30, value: (c) => c.planTitle },
      { header: '督导指标', key: 'requirement', width: 40, value: (c) => c.requirement },
      { header: '被检查单位', key: 'unitName', width: 22, value: (c) => c.unitName },
      { header: '检查方式', key: 'method', width: 10, value: (c) => methodLabel[c.method] },
      { header: '检查人', key: 'inspectorName', width: 10, value: (c) => c.inspectorName },
      { header: '检查日期', key: 'checkedOn', width: 12, value: (c) => excelDate(c.checkedOn) },
      { header: '检查结果', key: 'result', width: 10, value: (c) => resultLabel[c.result] },
      { header: '检查意见', key: 'comment', width: 40, value: (c) => c.comment },
      { header: '整改任务', key: 'rectification', width: 36, value: (c) => c.rectification?.title },
      { header: '整改期限', key: 'rectificationDue', width: 12, value: (c) => (c.rectification ? excelDate(c.rectification.dueDate) : null) },
    ], batches);
  });

  r.get('/api/v1/supervision/checks/:id', { config: { ...read, ...onCheck }, schema: { tags, params: idParams, response: { 200: supervisionCheck } } }, async (req) => checks.getCheck(db, req.ctx, req.params.id));

  r.post('/api/v1/supervision/checks', { config: { ...write, target: scoped('unit') }, schema: { tags, body: supervisionCheckCreate, response: { 201: supervisionCheck } } }, async (req, reply) => {
    reply.status(201);
    return checks.createCheck(db, req.ctx, req.body);
  });

  r.patch('/api/v1/supervision/checks/:id', { config: { ...write, ...onCheck }, schema: { tags, params: idParams, body: supervisionCheckUpdate, response: { 200: supervisionCheck } } }, async (req) =>
    checks.updateCheck(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/supervision/checks/:id', { config: { ...write, ...onCheck }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await checks.deleteCheck(db, req.ctx, req.params.id);
    return { ok: true as const };
  });

  r.get('/api/v1/supervision/stats', { config: read, schema: { tags, querystring: supervisionStatsQuery, response: { 200: supervisionStats } } }, async (req) =>
    checks.supervisionStats(db, req.ctx, req.query),
  );
}
