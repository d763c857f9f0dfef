import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.js';
import type { Config } from '../config.js';
import { campaignRoutes } from './campaigns/campaigns.routes.js';
import { documentRoutes } from './documents/documents.routes.js';
import { goalRoutes } from './goals/goals.routes.js';
import { studyRoutes } from './study/study.routes.js';
import { researchRoutes } from './research/research.routes.js';
import { lectureRoutes } from './lectures/lectures.routes.js';
import { leaderRoutes } from './leader/leader.routes.js';
import { taskRoutes } from './tasks/task.routes.js';
import { reportRoutes } from './reports/reports.routes.js';
import { outcomeRoutes } from './outcomes/outcomes.routes.js';
import { regulationRoutes } from './regulations/regulations.routes.js';
import { notificationRoutes } from '../platform/notify/notify.routes.js';

export type FeaturePlugin = (app: FastifyInstance, deps: { db: Db; cfg: Config }) => Promise<void>;

/**
 * Route plugins of the feature modules beyond org and admin; each feature adds
 * one line here (and registers its attachment owner in its own routes file).
 */
export const featureRoutes: FeaturePlugin[] = [campaignRoutes, documentRoutes, goalRoutes, studyRoutes, researchRoutes, lectureRoutes, leaderRoutes, taskRoutes, reportRoutes, notificationRoutes, outcomeRoutes, regulationRoutes];
