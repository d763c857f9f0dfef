import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assessmentIndicator, idParams, indicatorCreate, indicatorTree, indicatorUpdate, okBody } from '@santong/contract';
import type { Db } from '../../db/client.js';
import * as service from './indicators.service.js';
import { assessTags as tags, configScheme, onScheme, schemeRead, schemeWrite } from './schemes.routes.js';

/** The indicator tree of a scheme: nodes, and a validation of the weights of every level. */
export async function indicatorRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/assessment-schemes/:id/indicators', { config: { ...schemeRead, ...onScheme }, schema: { tags, params: idParams, response: { 200: indicatorTree } } }, async (req) =>
    service.indicatorTree(db, req.ctx, req.params.id),
  );

  r.post(
    '/api/v1/assessment-schemes/:id/indicators/validate',
    { config: { ...schemeRead, ...onScheme }, schema: { tags, params: idParams, response: { 200: indicatorTree } } },
    async (req) => service.validateTree(db, req.ctx, req.params.id),
  );

  r.post(
    '/api/v1/assessment-schemes/:id/indicators',
    { config: { ...schemeWrite, ...configScheme() }, schema: { tags, params: idParams, body: indicatorCreate, response: { 201: assessmentIndicator } } },
    async (req, reply) => {
      reply.status(201);
      return service.createIndicator(db, req.ctx, req.params.id, req.body);
    },
  );

  r.patch('/api/v1/assessment-indicators/:id', { config: { ...schemeWrite, ...configScheme('assessment-indicator') }, schema: { tags, params: idParams, body: indicatorUpdate, response: { 200: assessmentIndicator } } }, async (req) =>
    service.updateIndicator(db, req.ctx, req.params.id, req.body),
  );

  r.delete('/api/v1/assessment-indicators/:id', { config: { ...schemeWrite, ...configScheme('assessment-indicator') }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await service.deleteIndicator(db, req.ctx, req.params.id);
    return { ok: true as const };
  });
}
