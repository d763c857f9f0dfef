import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { cockpit, cockpitQuery, type Cockpit } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { Config } from '../../config.js';
import { ResultCache } from '../../platform/cache/result-cache.js';
import * as service from './cockpit.service.js';

/** Results kept at most (one per tenant × scope × query; a result is tens of KB at scale M). */
const MAX_ENTRIES = 200;

/**
 * 驾驶舱: one aggregated read for the campaign, period and unit chosen, within the caller's scope.
 * Results are reused for COCKPIT_CACHE_SECONDS and dropped at once by a write of the tenant in this
 * process; with several server processes a write made through another one shows here within that time.
 */
export async function cockpitRoutes(app: FastifyInstance, { db, cfg }: { db: Db; cfg: Config }) {
  const cache = new ResultCache<Cockpit>({ ttlMs: cfg.cockpitCacheSeconds * 1000, maxEntries: MAX_ENTRIES, generations: app.tenantWrites });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/cockpit', { config: { permission: 'insight.cockpit.read' }, schema: { tags: ['insight'], querystring: cockpitQuery, response: { 200: cockpit } } }, async (req) =>
    service.cockpit(db, req.ctx, req.query, cache),
  );
}
