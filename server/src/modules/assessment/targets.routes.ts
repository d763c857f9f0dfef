import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  adjustmentCreate, assessmentTarget, hasPermission, idParams, okBody, reportParams, reportSave, selfScoresSave, selfTargets, targetAdjustment, targetCreate,
  targetDetail, targetList, targetPairsCreate, targetPairsResult, targetReport,
} from '@santong/contract';
import type { Db } from '../../db/client.js';
import { registerAttachmentOwner } from '../../platform/files/attachments.js';
import { scoped } from '../../access/target.js';
import * as service from './targets.service.js';
import * as adjustments from './targets.adjustments.js';
import * as repo from './targets.repo.js';
import { assessTags as tags, configScheme, onScheme, schemeRead, schemeWrite } from './schemes.routes.js';
import { isRaterOf } from './rating.service.js';

const selfWrite = { permission: 'assess.self.write' as const };
// A target belongs to its unit and the paired unit: readers and the unit's own self work stay inside their scope.
const onTarget = { target: scoped('assessment-target') };

/** Targets (paired units), their self reports and self scores, and the office's adjustments. */
export async function targetRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Self report files: the unit writes while the scheme takes reports; the office, the unit and its raters read.
  registerAttachmentOwner('target_report', async (db, ctx, id, mode) => {
    const report = await repo.getReport(db, ctx.tenantId, id);
    if (!report) return 'missing';
    const target = await repo.getTarget(db, ctx.tenantId, report.targetId);
    if (!target) return 'missing';
    const own = service.targetInScope(ctx, target);
    const readable = (hasPermission(ctx.roles, 'assess.scheme.read') && own) || (await isRaterOf(db, ctx, target.id));
    if (!readable) return 'missing';
    if (mode === 'read') return 'ok';
    return hasPermission(ctx.roles, 'assess.self.write') && own && (await service.acceptsSelfWork(db, ctx, target.schemeId)) ? 'ok' : 'denied';
  });

  // the list is filtered to the caller's scope, so the scheme itself is open to every reader
  r.get('/api/v1/assessment-schemes/:id/targets', { config: { ...schemeRead, ...onScheme }, schema: { tags, params: idParams, response: { 200: targetList } } }, async (req) =>
    service.listTargets(db, req.ctx, req.params.id),
  );

  r.post('/api/v1/assessment-schemes/:id/targets', { config: { ...schemeWrite, ...configScheme() }, schema: { tags, params: idParams, body: targetCreate, response: { 201: assessmentTarget } } }, async (req, reply) => {
    reply.status(201);
    return service.createTarget(db, req.ctx, req.params.id, req.body);
  });

  r.post(
    '/api/v1/assessment-schemes/:id/targets/pairs',
    { config: { ...schemeWrite, ...configScheme() }, schema: { tags, params: idParams, body: targetPairsCreate, response: { 201: targetPairsResult } } },
    async (req, reply) => {
      reply.status(201);
      return service.createPairs(db, req.ctx, req.params.id, req.body.kinds);
    },
  );

  r.get('/api/v1/assessment-targets/:id', { config: { ...schemeRead, ...onTarget }, schema: { tags, params: idParams, response: { 200: targetDetail } } }, async (req) =>
    service.targetDetail(db, req.ctx, req.params.id),
  );

  r.delete('/api/v1/assessment-targets/:id', { config: { ...schemeWrite, ...configScheme('assessment-target') }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await service.deleteTarget(db, req.ctx, req.params.id);
    return { ok: true as const };
  });

  r.get('/api/v1/assessment/self', { config: selfWrite, schema: { tags, response: { 200: selfTargets } } }, async (req) => service.selfTargets(db, req.ctx));

  r.put('/api/v1/assessment-targets/:id/reports/:kind', { config: { ...selfWrite, ...onTarget }, schema: { tags, params: reportParams, body: reportSave, response: { 200: targetReport } } }, async (req) =>
    service.saveReport(db, req.ctx, req.params.id, req.params.kind, req.body, false),
  );

  r.post(
    '/api/v1/assessment-targets/:id/reports/:kind/submit',
    { config: { ...selfWrite, ...onTarget }, schema: { tags, params: reportParams, body: reportSave, response: { 200: targetReport } } },
    async (req) => service.saveReport(db, req.ctx, req.params.id, req.params.kind, req.body, true),
  );

  r.put('/api/v1/assessment-targets/:id/self-scores', { config: { ...selfWrite, ...onTarget }, schema: { tags, params: idParams, body: selfScoresSave, response: { 200: targetDetail } } }, async (req) =>
    service.saveSelfScores(db, req.ctx, req.params.id, req.body),
  );

  r.post(
    '/api/v1/assessment-targets/:id/adjustments',
    { config: { ...schemeWrite, ...configScheme('assessment-target') }, schema: { tags, params: idParams, body: adjustmentCreate, response: { 201: targetAdjustment } } },
    async (req, reply) => {
      reply.status(201);
      return adjustments.addAdjustment(db, req.ctx, req.params.id, req.body);
    },
  );

  r.delete('/api/v1/target-adjustments/:id', { config: { ...schemeWrite, ...configScheme('target-adjustment') }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await adjustments.deleteAdjustment(db, req.ctx, req.params.id);
    return { ok: true as const };
  });
}
