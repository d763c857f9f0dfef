import type { Cockpit } from '@santong/contract';
import type { CockpitFilters } from './hooks';

/**
 * The list behind each figure: the same filters the server counted with, so
 * the list's total equals the number clicked.
 */
const href = (path: string, q: Record<string, string | undefined>) => {
  const qs = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => !!e[1])).toString();
  return qs ? `${path}?${qs}` : path;
};

/** Tasks: campaign, the unit subtree, and the due-date range when the period was chosen. */
function taskBase(f: CockpitFilters, c?: Cockpit) {
  const byDue = c?.period.tasksByDue;
  return { campaignId: f.campaignId, unitId: f.unitId, subtree: f.unitId ? 'true' : undefined, dueFrom: byDue ? f.from : undefined, dueTo: byDue ? f.to : undefined };
}

/** Dated records use the period the cockpit counted (the campaign's dates by default). */
const dated = (f: CockpitFilters, c?: Cockpit) => ({ from: c?.period.from ?? f.from, to: c?.period.to ?? f.to, unitId: f.unitId });

export const links = {
  tasks: (f: CockpitFilters, c?: Cockpit, extra: Record<string, string | undefined> = {}) => href('/plan/tasks', { ...taskBase(f, c), ...extra }),
  unitStatus: (f: CockpitFilters, c: Cockpit | undefined, ownerUnitId: string, status: string) => href('/plan/tasks', { ...taskBase(f, c), ownerUnitId, status }),
  rag: (f: CockpitFilters, c: Cockpit | undefined, rag: string) => href('/plan/tasks', { ...taskBase(f, c), rag }),
  fused: (f: CockpitFilters, c: Cockpit | undefined, ownerUnitId?: string) =>
    href('/plan/tasks', { ...taskBase(f, c), ownerUnitId, fused: 'true', status: 'planned,in_progress,done' }),
  outcomes: (f: CockpitFilters, c: Cockpit | undefined, extra: Record<string, string | undefined> = {}) => href('/execute/outcomes', { ...dated(f, c), ...extra }),
  supervision: (month?: string) => href('/assess/supervision', { month }),
  lectures: (c?: Cockpit) => href('/plan/lectures', { from: c?.period.from ?? undefined, to: c?.period.to ?? undefined }),
  research: (status?: string) => href('/plan/research', { status }),
  followUps: (f: CockpitFilters, extra: Record<string, string | undefined> = {}) => href('/assess/follow-ups', { campaignId: f.campaignId, ...extra }),
  results: (schemeId: string) => `/assess/results/${schemeId}`,
};
