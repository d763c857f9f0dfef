import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Config } from '../../config.js';
import { schemeRoutes } from './schemes.routes.js';
import { indicatorRoutes } from './indicators.routes.js';
import { targetRoutes } from './targets.routes.js';
import { raterRoutes } from './raters.routes.js';
import { ratingRoutes } from './rating.routes.js';

/** Year-end assessment (S13), configuration and rating. */
export async function assessmentRoutes(app: FastifyInstance, deps: { db: Db; cfg: Config }) {
  for (const plugin of [schemeRoutes, indicatorRoutes, targetRoutes, raterRoutes, ratingRoutes]) await plugin(app, deps);
}
