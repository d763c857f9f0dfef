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
import { activityRoutes } from './activities/activities.routes.js';
import { innovationRoutes } from './innovation/innovation.routes.js';
import { notificationRoutes } from '../platform/notify/notify.routes.js';
import { cockpitRoutes } from './cockpit/cockpit.routes.js';
import { briefingRoutes } from './briefing/briefing.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { notifySettingsRoutes } from './notify-settings/notify-settings.routes.js';
import { honourRoutes } from './honours/honours.routes.js';
import { supervisionRoutes } from './supervision/supervision.routes.js';
import { exchangeRoutes } from './exchange/exchange.routes.js';
import { assessmentResultRoutes } from './assessment-results/results.routes.js';

import { dispatchRoutes } from './dispatch/dispatch.routes.js';
import { assessmentRoutes } from './assessment/assessment.routes.js';
export type FeaturePlugin = (app: FastifyInstance, deps: { db: Db; cfg: Config }) => Promise<void>;

/**
 * Route plugins of the feature modules beyond org and admin; each feature adds
 * one line here (and registers its attachment owner in its own routes file).
 */
export const featureRoutes: FeaturePlugin[] = [campaignRoutes, documentRoutes, goalRoutes, studyRoutes, researchRoutes, lectureRoutes, leaderRoutes, taskRoutes, reportRoutes, notificationRoutes, outcomeRoutes, regulationRoutes, searchRoutes, notifySettingsRoutes, honourRoutes, cockpitRoutes, briefingRoutes, supervisionRoutes, exchangeRoutes, activityRoutes, innovationRoutes, assessmentResultRoutes, dispatchRoutes, assessmentRoutes];
