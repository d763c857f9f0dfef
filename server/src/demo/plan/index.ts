import type { DemoRefs } from './refs.js';
import { seedCampaign } from './campaign.js';
import { seedGoals } from './goals.js';
import { seedDocuments } from './documents.js';
import { seedTasks } from './tasks.js';
import { seedStudy } from './study.js';
import { seedResearch } from './research.js';
import { seedLectures } from './lectures.js';
import { seedReports } from './reports.js';
import { seedOutcomes } from './outcomes.js';
import { seedRegulations } from './regulations.js';
import { seedInnovation } from './innovation.js';
import { seedActivities } from './activities.js';
import { seedHonours } from './honours.js';
import { seedSupervision } from './supervision.js';
import { seedExchange } from './exchange.js';

import { seedAssessment } from './assessment.js';
import { seedDispatch } from './dispatch.js';
import { seedAssessmentResults } from './assessmentResults.js';
/**
 * The 同部署 story of the demo tenant, in dependency order. Each feature owns
 * one seeder; each receives what the previous ones created through `refs`.
 */
type Seeder = (refs: DemoRefs) => Promise<void>;

export const planSeeders: Seeder[] = [seedCampaign, seedGoals, seedDocuments, seedTasks, seedStudy, seedResearch, seedLectures, seedReports, seedOutcomes, seedRegulations, seedInnovation, seedActivities, seedHonours, seedSupervision, seedExchange, seedAssessment, seedDispatch, seedAssessmentResults];

export async function seedPlan(refs: DemoRefs) {
  for (const s of planSeeders) await s(refs);
}
