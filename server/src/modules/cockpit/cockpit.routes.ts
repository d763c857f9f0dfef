import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { cockpit, cockpitQuery } from '@santong/contract';
import type { Db } from '../../db/client.js';
import * as service from './cockpit.service.js';

/** 驾驶舱: one aggregated read for the campaign, period and unit chosen, within the caller's scope. */
export async function cockpitRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/cockpit', { config: { permission: 'insight.cockpit.read' }, schema: { tags: ['insight'], querystring: cockpitQuery, response: { 200: cockpit } } }, async (req) =>
    service.cockpit(db, req.ctx, req.query),
  );
}
