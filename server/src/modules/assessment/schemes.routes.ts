import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assessmentScheme, idParams, okBody, schemeCopy, schemeCreate, schemeList, schemeListQuery, schemeTransition, schemeUpdate } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { tenantConfig, tenantWide } from '../../access/target.js';
import * as service from './schemes.service.js';
import { copyScheme } from './schemes.copy.js';

export const assessTags = ['assessment'];
export const schemeRead = { permission: 'assess.scheme.read' as const };
export const schemeWrite = { permission: 'assess.scheme.write' as const };
/**
 * A scheme and everything hanging off it (indicators, targets, raters, adjustments) are
 * campaign-wide: every reader of schemes reads them, and only the office configures them
 * (assess.scheme.write is granted to tenant-wide roles only; nothing narrower may write).
 */
export const onScheme = { target: tenantWide('assessment-scheme') };
export const configScheme = (kind = 'assessment-scheme') => ({ target: tenantConfig(kind) });

/** Assessment schemes: settings, status transitions and copying last year's. */
export async function schemeRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = assessTags;

  r.get('/api/v1/assessment-schemes', { config: schemeRead, schema: { tags, querystring: schemeListQuery, response: { 200: schemeList } } }, async (req) =>
    service.listSchemes(db, req.ctx, req.query),
  );

  r.get('/api/v1/assessment-schemes/:id', { config: { ...schemeRead, ...onScheme }, schema: { tags, params: idParams, response: { 200: assessmentScheme } } }, async (req) =>
    service.getScheme(db, req.ctx, req.params.id),
  );

  r.post('/api/v1/assessment-schemes', { config: schemeWrite, schema: { tags, body: schemeCreate, response: { 201: assessmentScheme } } }, async (req, reply) => {
    reply.status(201);
    return service.createScheme(db, req.ctx, req.body);
  });

  r.patch('/api/v1/assessment-schemes/:id', { config: { ...schemeWrite, ...configScheme() }, schema: { tags, params: idParams, body: schemeUpdate, response: { 200: assessmentScheme } } }, async (req) =>
    service.updateScheme(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/assessment-schemes/:id', { config: { ...schemeWrite, ...configScheme() }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await service.deleteScheme(db, req.ctx, req.params.id);
    return { ok: true as const };
  });

  r.post(
    '/api/v1/assessment-schemes/:id/transition',
    { config: { ...schemeWrite, ...configScheme() }, schema: { tags, params: idParams, body: schemeTransition, response: { 200: assessmentScheme } } },
    async (req) => service.transition(db, req.ctx, req.params.id, req.body),
  );

  r.post('/api/v1/assessment-schemes/:id/copy', { config: { ...schemeWrite, ...configScheme() }, schema: { tags, params: idParams, body: schemeCopy, response: { 201: assessmentScheme } } }, async (req, reply) => {
    reply.status(201);
    return copyScheme(db, req.ctx, req.params.id, req.body);
  });
}
