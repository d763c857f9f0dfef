import type { BriefingQuery } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { cockpitFor, resolveFilter } from '../cockpit/cockpit.service.js';
import * as repo from './briefing.repo.js';
import type { BriefingData } from './briefing.text.js';

export interface Briefing {
  data: BriefingData;
  campaignTitle: string;
  generatedOn: string;
}

/** Everything the briefing states, within the caller's scope: the cockpit's figures and a few more reads. */
export async function gatherBriefing(db: Db, ctx: RequestContext, q: BriefingQuery): Promise<Briefing> {
  const resolved = await resolveFilter(db, ctx, q);
  const { filter, campaign, clock } = resolved;
  const [figures, deploy, exec, highlights] = await Promise.all([
    cockpitFor(db, q, resolved),
    repo.deployCounts(db, filter),
    repo.executeCounts(db, filter),
    repo.topOutcomes(db, filter),
  ]);
  return { data: { cockpit: figures, deploy, exec, highlights }, campaignTitle: campaign?.title ?? '“三同”工作', generatedOn: clock.today };
}

/** 工作简报_<campaign>_<date>: a file name without characters file systems refuse. */
export const fileName = (b: Briefing, ext: 'docx' | 'xlsx') =>
  `${ext === 'docx' ? '工作简报' : '统计表'}_${b.campaignTitle.replace(/[\\/:*?"<>|“”\s]+/g, '')}_${b.generatedOn}.${ext}`;
