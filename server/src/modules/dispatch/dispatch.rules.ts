import type { DispatchCounts, DispatchFollowUpLine, DispatchGroup, DispatchReason, DispatchTaskLine } from '@santong/contract';
import { dayStart, ragStatus, utcDayStart as utcDay, type RagSettings } from '../tasks/task.rules.js';

// one collator for all comparisons: `localeCompare(…, 'zh-CN')` builds a new one per call (measured: most of a big sheet's time)
const byTitle = new Intl.Collator('zh-CN');

/**
 * Pure rules of the weekly dispatch sheet (每周一调度). The sheet's reference
 * day is the Monday of its ISO week: a task is on it when, on that Monday, it
 * is overdue, due within DUE_WINDOW_DAYS, red by the tenant's RAG thresholds,
 * or without an approved progress report for `staleDays` days.
 */
export const DUE_WINDOW_DAYS = 7;

const DAY = 86_400_000;

export interface SheetTask {
  id: string;
  title: string;
  ownerUnitId: string;
  ownerUnitName: string;
  responsibleName: string | null;
  status: string;
  progress: number;
  startDate: string;
  dueDate: string;
  /** submitted time of the latest approved report (tasks.last_report_at) */
  lastReportAt: Date | null;
}

export const isOpenTask = (status: string) => status !== 'done' && status !== 'cancelled';

/**
 * Days without an approved report, counted as ragStatus() counts them (from
 * the task's start when it never had one); null before the task started.
 */
export function daysWithoutReport(t: Pick<SheetTask, 'startDate' | 'lastReportAt'>, monday: string): number | null {
  const ref = dayStart(monday);
  const start = dayStart(t.startDate);
  if (ref < start) return null;
  const last = t.lastReportAt ? utcDay(t.lastReportAt) : start;
  return Math.floor((ref - last) / DAY);
}

/** Why a task belongs on the sheet of the week starting `monday` (empty: it does not). */
export function sheetReasons(t: SheetTask, monday: string, rag: RagSettings): { rag: DispatchTaskLine['rag']; reasons: DispatchReason[] } {
  if (!isOpenTask(t.status)) return { rag: 'none', reasons: [] };
  const colour = ragStatus({ status: t.status, progress: t.progress, startDate: t.startDate, dueDate: t.dueDate, lastReportAt: t.lastReportAt }, monday, rag);
  const reasons: DispatchReason[] = [];
  const toDue = (dayStart(t.dueDate) - dayStart(monday)) / DAY;
  if (toDue < 0) reasons.push('overdue');
  else if (toDue <= DUE_WINDOW_DAYS) reasons.push('due_soon');
  if (colour === 'red') reasons.push('red');
  const silent = daysWithoutReport(t, monday);
  if (silent !== null && silent >= rag.staleDays) reasons.push('stale');
  return { rag: colour, reasons };
}

/** The sheet's task lines: tasks with at least one reason, overdue first, then by due date. */
export function taskLines(tasks: readonly SheetTask[], monday: string, rag: RagSettings): DispatchTaskLine[] {
  const lines: DispatchTaskLine[] = [];
  for (const t of tasks) {
    const { rag: colour, reasons } = sheetReasons(t, monday, rag);
    if (reasons.length === 0) continue;
    lines.push({
      taskId: t.id, title: t.title, ownerUnitId: t.ownerUnitId, ownerUnitName: t.ownerUnitName, responsibleName: t.responsibleName,
      status: t.status, progress: t.progress, dueDate: t.dueDate, lastReportAt: t.lastReportAt ? t.lastReportAt.toISOString() : null, rag: colour, reasons,
    });
  }
  return lines.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || byTitle.compare(a.title, b.title) || a.taskId.localeCompare(b.taskId));
}

export interface SheetFollowUp {
  id: string;
  title: string;
  ownerUnitId: string;
  ownerUnitName: string;
  dueDate: string;
  status: 'open' | 'done';
  fromWeek: string | null;
}

/** Follow-ups carried onto the sheet; overdue = still open and due before the Monday. */
export function followUpLines(items: readonly SheetFollowUp[], monday: string): DispatchFollowUpLine[] {
  return items
    .map((f) => ({ ...f, overdue: f.status === 'open' && f.dueDate < monday }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
}

export function countLines(tasks: readonly DispatchTaskLine[], followUps: readonly DispatchFollowUpLine[]): DispatchCounts {
  const has = (r: DispatchReason) => tasks.filter((t) => t.reasons.includes(r)).length;
  return {
    tasks: tasks.length,
    overdue: has('overdue'),
    dueSoon: has('due_soon'),
    red: has('red'),
    stale: has('stale'),
    followUps: followUps.length,
    followUpsOverdue: followUps.filter((f) => f.overdue).length,
  };
}

export interface UnitRef {
  id: string;
  name: string;
  sortOrder: number;
}

/** A group of lines, naming them by id (the sheet carries each line once). */
function groupOf(key: string | null, name: string, unitNames: string[], ts: DispatchTaskLine[], fs: DispatchFollowUpLine[]): DispatchGroup {
  return { key, name, unitNames, counts: countLines(ts, fs), taskIds: ts.map((t) => t.taskId), followUpIds: fs.map((f) => f.id) };
}

/** Lines by owner unit, each list in the lines' order. */
function byOwner<T extends { ownerUnitId: string }>(lines: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const l of lines) {
    const list = out.get(l.ownerUnitId);
    if (list) list.push(l);
    else out.set(l.ownerUnitId, [l]);
  }
  return out;
}

/** One group per unit with lines, in the org's unit order. */
export function groupByUnit(tasks: DispatchTaskLine[], followUps: DispatchFollowUpLine[], units: readonly UnitRef[]): DispatchGroup[] {
  const order = new Map(units.map((u, i) => [u.id, i]));
  const taskBy = byOwner(tasks);
  const followUpBy = byOwner(followUps);
  const ids = [...new Set([...taskBy.keys(), ...followUpBy.keys()])];
  ids.sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b));
  return ids.map((id) => {
    const ts = taskBy.get(id) ?? [];
    const fs = followUpBy.get(id) ?? [];
    const name = ts[0]?.ownerUnitName ?? fs[0]?.ownerUnitName ?? '';
    return groupOf(id, name, [name], ts, fs);
  });
}

/** A leader's duty, expanded to one row per covered unit (the unit, its pair and descendants). */
export interface LeaderCover {
  personId: string;
  personName: string;
  unitId: string;
}

export const NO_LEADER_NAME = '未明确分管（联系）校领导';

/**
 * One group per school leader whose duty units (分管 or 联系) have lines, in
 * the order given; a line under several leaders shows in each. Lines of units
 * no leader covers gather in a last group with key null.
 */
export function groupByLeader(tasks: DispatchTaskLine[], followUps: DispatchFollowUpLine[], covers: readonly LeaderCover[]): DispatchGroup[] {
  const leaders = new Map<string, { name: string; units: Set<string> }>();
  for (const c of covers) {
    const l = leaders.get(c.personId) ?? { name: c.personName, units: new Set<string>() };
    l.units.add(c.unitId);
    leaders.set(c.personId, l);
  }
  const covered = new Set(covers.map((c) => c.unitId));
  const group = (key: string | null, name: string, inUnit: (unitId: string) => boolean): DispatchGroup | null => {
    const ts = tasks.filter((t) => inUnit(t.ownerUnitId));
    const fs = followUps.filter((f) => inUnit(f.ownerUnitId));
    if (ts.length + fs.length === 0) return null;
    const unitNames = [...new Set([...ts.map((t) => t.ownerUnitName), ...fs.map((f) => f.ownerUnitName)])];
    return groupOf(key, name, unitNames, ts, fs);
  };
  const out: DispatchGroup[] = [];
  for (const [personId, l] of leaders) {
    const g = group(personId, l.name, (u) => l.units.has(u));
    if (g) out.push(g);
  }
  const rest = group(null, NO_LEADER_NAME, (u) => !covered.has(u));
  if (rest) out.push(rest);
  return out;
}

/** Person ids of the leaders with lines on the sheet: they are told it is ready. */
export const leadersConcerned = (byLeader: readonly DispatchGroup[]) => byLeader.map((g) => g.key).filter((k): k is string => !!k);
