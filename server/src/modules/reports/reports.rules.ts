import type { ProgressReportAction, ProgressReportStatus } from '@santong/contract';

/**
 * Pure rules of progress reports: the review cycle and how approved reports
 * move their task.
 *
 *   (new) ──submit──▶ submitted ──approve──▶ approved (final)
 *                        │  ▲
 *                  return│  │resubmit (next revision)
 *                        ▼  │
 *                      returned
 */
const transitions: Record<ProgressReportAction, { from: ProgressReportStatus | null; to: ProgressReportStatus }> = {
  submit: { from: null, to: 'submitted' },
  resubmit: { from: 'returned', to: 'submitted' },
  approve: { from: 'submitted', to: 'approved' },
  return: { from: 'submitted', to: 'returned' },
};

/** The status after `action`, or null when the action is not allowed from `current` (null = no report yet). */
export function nextStatus(current: ProgressReportStatus | null, action: ProgressReportAction): ProgressReportStatus | null {
  const t = transitions[action];
  return t.from === current ? t.to : null;
}

/** Done and cancelled tasks take no more reports. */
export const isTaskOpen = (status: string) => status !== 'done' && status !== 'cancelled';

export interface TaskProgressState {
  status: string;
  progress: number;
  lastReportAt: Date | null;
  completedAt: Date | null;
}

/**
 * The task as its latest approved report says: that report's progress and
 * submission time; a planned task is under way once a report is approved,
 * and done (completed now) at 100 %.
 */
export function taskAfterApproval(task: TaskProgressState, latest: { progress: number; submittedAt: Date }, now: Date): TaskProgressState {
  const done = latest.progress >= 100;
  const status = done ? 'done' : task.status === 'planned' ? 'in_progress' : task.status;
  return {
    status,
    progress: latest.progress,
    lastReportAt: latest.submittedAt,
    completedAt: done ? (task.completedAt ?? now) : task.completedAt,
  };
}

/** Whether applying the approval changes anything on the task (no audit row for a no-op). */
export function taskChanged(a: TaskProgressState, b: TaskProgressState): boolean {
  const t = (d: Date | null) => d?.getTime() ?? null;
  return a.status !== b.status || a.progress !== b.progress || t(a.lastReportAt) !== t(b.lastReportAt) || t(a.completedAt) !== t(b.completedAt);
}
