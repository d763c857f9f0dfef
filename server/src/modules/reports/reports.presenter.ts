import { hasPermission, type Attachment, type ProgressReport, type ProgressReportDetail, type ProgressReportEvent } from '@santong/contract';
import type { RequestContext } from '../../platform/context.js';
import { isTaskOpen } from './reports.rules.js';
import type { EventRecord, ReportRow } from './reports.repo.js';

type Caller = Pick<RequestContext, 'roles' | 'userId'>;

const iso = (v: Date | string | null): string | null => (v === null || v === undefined ? null : new Date(v).toISOString());

/**
 * What the caller may do with the report. Visibility (the task in scope) is
 * already settled by the query that loaded the row; nobody reviews their own report.
 */
export function abilities(ctx: Caller, r: Pick<ReportRow, 'status' | 'taskStatus' | 'reporterId'>): ProgressReport['can'] {
  const write = hasPermission(ctx.roles, 'execute.report.write');
  const review = hasPermission(ctx.roles, 'execute.report.review') && r.status === 'submitted' && r.reporterId !== ctx.userId;
  const open = isTaskOpen(r.taskStatus);
  return {
    resubmit: write && r.status === 'returned' && open,
    approve: review && open,
    return: review,
    attach: write && r.status !== 'approved',
  };
}

export function presentReport(ctx: Caller, r: ReportRow, evidence: Attachment[]): ProgressReport {
  return {
    id: r.id,
    taskId: r.taskId,
    taskTitle: r.taskTitle,
    taskStatus: r.taskStatus as ProgressReport['taskStatus'],
    taskProgress: r.taskProgress,
    taskDueDate: r.taskDueDate,
    ownerUnitId: r.ownerUnitId,
    ownerUnitName: r.ownerUnitName,
    reporterId: r.reporterId,
    reporterName: r.reporterName,
    progress: r.progress,
    doneText: r.doneText,
    problems: r.problems,
    nextSteps: r.nextSteps,
    status: r.status as ProgressReport['status'],
    revision: r.revision,
    reviewerId: r.reviewerId,
    reviewerName: r.reviewerName,
    reviewComment: r.reviewComment,
    reviewedAt: iso(r.reviewedAt),
    submittedAt: iso(r.submittedAt)!,
    createdAt: iso(r.createdAt)!,
    version: r.version,
    evidence,
    can: abilities(ctx, r),
  };
}

export function presentEvent(e: EventRecord): ProgressReportEvent {
  const snap = (e.snapshot ?? {}) as { revision?: unknown; progress?: unknown };
  return {
    id: e.id,
    action: e.action as ProgressReportEvent['action'],
    actorId: e.actorId,
    actorName: e.actorName,
    comment: e.comment,
    revision: typeof snap.revision === 'number' ? snap.revision : null,
    progress: typeof snap.progress === 'number' ? snap.progress : null,
    at: e.at.toISOString(),
  };
}

export function presentDetail(ctx: Caller, r: ReportRow, evidence: Attachment[], events: EventRecord[]): ProgressReportDetail {
  return { ...presentReport(ctx, r, evidence), events: events.map(presentEvent) };
}
