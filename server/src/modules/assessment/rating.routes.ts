import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assignmentParams, ratingForm, ratingList, ratingSave, ratingSaved } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { owned } from '../../access/target.js';
import * as service from './rating.service.js';
import { assessTags as tags } from './schemes.routes.js';

const rate = { permission: 'assess.rating.write' as const };
// A form is its rater's alone: the office reads and changes no one else's (RATING_NOT_ASSIGNED).
const onForm = { ...rate, target: owned('rating-form') };

/** A rater's forms: list, read, autosave, submit. */
export async function ratingRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/ratings/mine', { config: rate, schema: { tags, response: { 200: ratingList } } }, async (req) => service.listMine(db, req.ctx));

  r.get('/api/v1/ratings/:assignmentId', { config: onForm, schema: { tags, params: assignmentParams, response: { 200: ratingForm } } }, async (req) =>
    service.getForm(db, req.ctx, req.params.assignmentId),
  );

  r.put('/api/v1/ratings/:assignmentId', { config: onForm, schema: { tags, params: assignmentParams, body: ratingSave, response: { 200: ratingSaved } } }, async (req) =>
    service.saveScores(db, req.ctx, req.params.assignmentId, req.body),
  );

  r.post('/api/v1/ratings/:assignmentId/submit', { config: onForm, schema: { tags, params: assignmentParams, response: { 200: ratingForm } } }, async (req) =>
    service.submit(db, req.ctx, req.params.assignmentId),
  );
}
