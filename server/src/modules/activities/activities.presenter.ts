import type { Activity } from '@santong/contract';
import type { ActivityGoalRow, ActivityRow } from './activities.repo.js';
import { iso } from '../study/refs.repo.js';

export function presentActivity(r: ActivityRow, goals: ActivityGoalRow[]): Activity {
  return {
    id: r.id,
    kind: r.kind as Activity['kind'],
    title: r.title,
    unitId: r.unitId,
    unitName: r.unitName,
    heldOn: r.heldOn,
    participants: r.participants,
    summary: r.summary,
    campaignId: r.campaignId,
    projectId: r.projectId,
    projectTitle: r.projectTitle,
    goals: goals.filter((g) => g.activityId === r.id).map((g) => ({ id: g.id, name: g.name, track: g.track as 'party' | 'business' })),
    fileCount: r.fileCount,
    version: r.version,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

export const activityKindLabel: Record<string, string> = {
  forum: '论坛',
  seminar: '座谈会',
  competition: '比赛',
  studio: '工作室活动',
  practice: '实践活动',
  other: '其他',
};
