import type { Goal } from '@santong/contract';

export interface GoalRow {
  id: string;
  track: string;
  parentId: string | null;
  code: string | null;
  name: string;
  description: string | null;
  sortOrder: number;
  version: number;
  taskCount: number;
  studyCount: number;
}

export const presentGoal = (g: GoalRow): Goal => ({
  ...g,
  track: g.track as Goal['track'],
  taskCount: Number(g.taskCount),
  studyCount: Number(g.studyCount),
});

export const trackLabel: Record<Goal['track'], string> = { party: '党建目标', business: '业务目标' };
