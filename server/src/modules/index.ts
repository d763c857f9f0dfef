import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.js';
import type { Config } from '../config.js';

export type FeaturePlugin = (app: FastifyInstance, deps: { db: Db; cfg: Config }) => Promise<void>;

/**
 * Route plugins of the feature modules beyond org and admin; each feature adds
 * one line here (and registers its attachment owner in its own routes file).
 */
export const featureRoutes: FeaturePlugin[] = [];
