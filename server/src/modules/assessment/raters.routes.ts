import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assignmentList, assignmentListQuery, assignmentsCreate, assignmentsCreated, idParams, okBody, raterCandidateList, raterGroupList, raterGroupsSave } from '@santong/contract';
import type { Db } from '../../db/client.js';
import * as service from './raters.service.js';
import { assessTags as tags, configScheme, onScheme, schemeRead, schemeWrite } from './schemes.routes.js';

/** Rater groups with weights, and who rates which target (the office's to see and change). */
export async function raterRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/assessment-schemes/:id/rater-groups', { config: { ...schemeRead, ...onScheme }, schema: { tags, params: idParams, response: { 200: raterGroupList } } }, async (req) =>
    service.listGroups(db, req.ctx, req.params.id),
  );

  r.put('/api/v1/assessment-schemes/:id/rater-groups', { config: { ...schemeWrite, ...configScheme() }, schema: { tags, params: idParams, body: raterGroupsSave, response: { 200: raterGroupList } } }, async (req) =>
    service.saveGroups(db, req.ctx, req.params.id, req.body),
  );

  r.get(
    '/api/v1/assessment-schemes/:id/rater-assignments',
    { config: { ...schemeWrite, ...configScheme() }, schema: { tags, params: idParams, querystring: assignmentListQuery, response: { 200: assignmentList } } },
    async (req) => service.listAssignments(db, req.ctx, req.params.id, req.query),
  );

  r.post(
    '/api/v1/assessment-schemes/:id/rater-assignments',
    { config: { ...schemeWrite, ...configScheme() }, schema: { tags, params: idParams, body: assignmentsCreate, response: { 201: assignmentsCreated } } },
    async (req, reply) => {
      reply.status(201);
      return service.createAssignments(db, req.ctx, req.params.id, req.body);
    },
  );

  r.delete('/api/v1/rater-assignments/:id', { config: { ...schemeWrite, ...configScheme('rater-assignment') }, schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    await service.deleteAssignment(db, req.ctx, req.params.id);
    return { ok: true as const };
  });

  r.get('/api/v1/assessment/rater-candidates', { config: schemeWrite, schema: { tags, response: { 200: raterCandidateList } } }, async (req) => service.raterCandidates(db, req.ctx));
}
