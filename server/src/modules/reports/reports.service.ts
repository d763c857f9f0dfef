import { hasPermission, type Attachment, type ProgressReportCreate, type ProgressReportDetail, type ProgressReportListQuery, type ProgressReportUpdate } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { listAttachments } from '../../platform/files/attachments.repo.js';
import { presentAttachment } from '../../platform/files/files.routes.js';
import { notify, notifyRoles } from '../../platform/notify/notify.service.js';
import * as repo from './reports.repo.js';
import { presentDetail, presentReport } from './reports.presenter.js';
import { isTaskOpen, taskAfterApproval, taskChanged } from './reports.rules.js';
import { reviewedNotice, submittedNotice } from './reports.notices.js';

type Ctx = RequestContext;

/** Who reviews: the office and the working groups. */
export const REVIEWER_ROLES = ['office', 'inspector'] as const;
export const EVIDENCE = 'progress_report';

const all = (ctx: Ctx): Ctx => ({ ...ctx, scope: { kind: 'all' } });
const stateInvalid = (msg: string) => new AppError('REPORT_STATE_INVALID', msg);
const taskClosed = (status: string) => new AppError('REPORT_TASK_CLOSED', `the task is ${status}: it takes no more progress reports`, { taskStatus: status });
const taskMissing = () =>
  new AppError('TASK_NOT_FOUND', 'task not found', { issues: [{ path: 'body.taskId', message: 'unknown task or outside your data scope' }] });

async function evidenceOf(db: Db, tenantId: string, ids: string[]): Promise<Map<string, Attachment[]>> {
  const byReport = new Map<string, Attachment[]>();
  for (const a of await listAttachments(db, tenantId, EVIDENCE, ids)) {
    byReport.set(a.entityId, [...(byReport.get(a.entityId) ?? []), presentAttachment(a)]);
  }
  return byReport;
}

async function presentDetails(db: Db, ctx: Ctx, rows: repo.ReportRow[]): Promise<ProgressReportDetail[]> {
  const ids = rows.map((r) => r.id);
  const [evidence, events] = await Promise.all([evidenceOf(db, ctx.tenantId, ids), repo.eventsOf(db, ctx.tenantId, ids)]);
  return rows.map((r) => presentDetail(ctx, r, evidence.get(r.id) ?? [], events.filter((e) => e.reportId === r.id)));
}

export async function listReports(db: Db, ctx: Ctx, query: ProgressReportListQuery) {
  const { page, pageSize, sort, ...f } = query;
  const { rows, total } = await repo.listReports(db, ctx, f, { page, pageSize, sort });
  const evidence = await evidenceOf(db, ctx.tenantId, rows.map((r) => r.id));
  return { items: rows.map((r) => presentReport(ctx, r, evidence.get(r.id) ?? [])), total };
}

export async function* exportBatches(db: Db, ctx: Ctx, query: Omit<ProgressReportListQuery, 'page' | 'pageSize'>) {
  const { sort, ...f } = query;
  for await (const rows of repo.iterateReports(db, ctx, f, sort)) {
    const evidence = await evidenceOf(db, ctx.tenantId, rows.map((r) => r.id));
    yield rows.map((r) => presentReport(ctx, r, evidence.get(r.id) ?? []));
  }
}

/** A report with its history; out of scope answers 404 like a missing one. */
export async function getReport(db: Db, ctx: Ctx, id: string): Promise<ProgressReportDetail> {
  const row = await repo.getReport(db, ctx, id);
  if (!row) throw notFound('PROGRESS_REPORT_NOT_FOUND', 'progress report');
  return (await presentDetails(db, ctx, [row]))[0];
}

/** The whole report history of a task the caller can see, newest report first. */
export async function taskHistory(db: Db, ctx: Ctx, taskId: string) {
  if (!(await repo.taskInScope(db, ctx, taskId))) throw notFound('TASK_NOT_FOUND', 'task');
  return { items: await presentDetails(db, ctx, await repo.reportsOfTask(db, ctx.tenantId, taskId)) };
}

/** Whether the caller may report on (and attach evidence for) the task: write permission and the task in scope. */
export async function mayReport(db: Db, ctx: Ctx, taskId: string): Promise<boolean> {
  return hasPermission(ctx.roles, 'execute.report.write') && !!(await repo.taskInScope(db, ctx, taskId));
}

const snapshot = (r: repo.ReportRecord) => ({ revision: r.revision, progress: r.progress, doneText: r.doneText, problems: r.problems, nextSteps: r.nextSteps });
const auditShape = (d: ProgressReportDetail) => {
  const { can: _c, events: _e, evidence, ...rest } = d;
  return { ...rest, evidence: evidence.map((a) => a.id) };
};

async function recordEvent(tx: Db, ctx: Ctx, r: repo.ReportRecord, action: 'submit' | 'resubmit' | 'approve' | 'return', comment: string | null = null) {
  await repo.insertEvent(tx, {
    tenantId: ctx.tenantId,
    reportId: r.id,
    action,
    actorId: ctx.userId || null,
    actorName: ctx.displayName,
    comment,
    snapshot: action === 'submit' || action === 'resubmit' ? snapshot(r) : { revision: r.revision, progress: r.progress },
  });
}

/** A liaison (or the owner unit) reports on an open task in scope; the reviewers are notified. */
export async function createReport(db: Db, ctx: Ctx, input: ProgressReportCreate): Promise<ProgressReportDetail> {
  return db.transaction(async (tx) => {
    // A share lock: the task cannot be closed by a concurrent approval while this report goes in.
    const task = await repo.taskInScope(tx, ctx, input.taskId, 'share');
    if (!task) throw taskMissing();
    if (!isTaskOpen(task.status)) throw taskClosed(task.status);
    const rec = await repo.insertReport(tx, {
      tenantId: ctx.tenantId,
      taskId: task.id,
      reporterId: ctx.userId,
      reporterName: ctx.displayName,
      progress: input.progress,
      doneText: input.doneText,
      problems: input.problems ?? null,
      nextSteps: input.nextSteps ?? null,
    });
    await recordEvent(tx, ctx, rec, 'submit');
    const after = await getReport(tx, all(ctx), rec.id);
    await notifyRoles(tx, ctx.tenantId, REVIEWER_ROLES, submittedNotice({ report: rec, taskTitle: task.title, unitName: after.ownerUnitName }), [ctx.userId]);
    await appendAudit(tx, ctx, { action: 'submit', entity: 'progress_report', entityId: rec.id, after: auditShape(after) });
    return getReport(tx, ctx, rec.id);
  });
}

/** Corrects a returned report and sends it back to review as the next revision. */
export async function resubmitReport(db: Db, ctx: Ctx, id: string, input: ProgressReportUpdate): Promise<ProgressReportDetail> {
  return db.transaction(async (tx) => {
    const before = await getReport(tx, ctx, id);
    const task = await repo.taskInScope(tx, ctx, before.taskId, 'share');
    if (!task) throw notFound('PROGRESS_REPORT_NOT_FOUND', 'progress report');
    if (before.version !== input.version) throw new AppError('VERSION_CONFLICT', 'the report was changed by someone else; reload and retry', { currentVersion: before.version });
    if (before.status !== 'returned') throw stateInvalid(`only a returned report can be corrected and resubmitted; this one is ${before.status}`);
    if (!isTaskOpen(task.status)) throw taskClosed(task.status);
    const { version, ...patch } = input;
    const rec = await repo.resubmitReport(tx, ctx.tenantId, id, version, patch);
    if (!rec) throw new AppError('VERSION_CONFLICT', 'the report was changed by someone else; reload and retry');
    await recordEvent(tx, ctx, rec, 'resubmit');
    await notifyRoles(tx, ctx.tenantId, REVIEWER_ROLES, submittedNotice({ report: rec, taskTitle: task.title, unitName: before.ownerUnitName }), [ctx.userId]);
    const after = await getReport(tx, all(ctx), id);
    await appendAudit(tx, ctx, { action: 'resubmit', entity: 'progress_report', entityId: id, before: auditShape(before), after: auditShape(after) });
    return getReport(tx, ctx, id);
  });
}

/** A report under review that the caller may decide: in scope, submitted, and not their own. */
async function loadForReview(tx: Db, ctx: Ctx, id: string) {
  const before = await getReport(tx, ctx, id);
  if (before.reporterId === ctx.userId) throw new AppError('FORBIDDEN', 'nobody reviews their own report');
  if (before.status !== 'submitted') throw stateInvalid(`only a submitted report can be reviewed; this one is ${before.status}`);
  return before;
}

/** Moves the task to what its latest approved report says (the task row is locked by the caller). */
async function applyToTask(tx: Db, ctx: Ctx, task: repo.TaskState) {
  const latest = await repo.latestApproved(tx, ctx.tenantId, task.id);
  if (!latest) return;
  const next = taskAfterApproval(task, latest, new Date());
  if (!taskChanged(task, next)) return;
  await repo.updateTaskProgress(tx, ctx.tenantId, task.id, { ...next, lastReportAt: next.lastReportAt! });
  const shape = (s: typeof next) => ({ status: s.status, progress: s.progress, lastReportAt: s.lastReportAt?.toISOString() ?? null, completedAt: s.completedAt?.toISOString() ?? null });
  await appendAudit(tx, ctx, { action: 'report_progress', entity: 'task', entityId: task.id, before: shape(task), after: shape(next) });
}

/** Approves a submitted report; the task's progress, last report date and status follow, in the same transaction. */
export async function approveReport(db: Db, ctx: Ctx, id: string, comment: string | null): Promise<ProgressReportDetail> {
  return db.transaction(async (tx) => {
    const before = await loadForReview(tx, ctx, id);
    // Approvals of one task queue on its row, so each computes the task from every approval before it.
    const task = (await repo.taskInScope(tx, all(ctx), before.taskId, 'update'))!;
    if (!isTaskOpen(task.status)) throw taskClosed(task.status);
    const rec = await repo.reviewReport(tx, ctx.tenantId, id, { status: 'approved', reviewerId: ctx.userId, reviewerName: ctx.displayName, comment });
    if (!rec) throw stateInvalid('the report was reviewed by someone else meanwhile');
    await recordEvent(tx, ctx, rec, 'approve', comment);
    await applyToTask(tx, ctx, task);
    await notify(tx, ctx.tenantId, await repo.submitters(tx, ctx.tenantId, id), reviewedNotice({ report: rec, taskTitle: task.title, unitName: before.ownerUnitName }));
    const after = await getReport(tx, all(ctx), id);
    await appendAudit(tx, ctx, { action: 'approve', entity: 'progress_report', entityId: id, before: auditShape(before), after: auditShape(after) });
    return getReport(tx, ctx, id);
  });
}

/** Returns a submitted report with a comment saying what to correct. */
export async function returnReport(db: Db, ctx: Ctx, id: string, comment: string): Promise<ProgressReportDetail> {
  return db.transaction(async (tx) => {
    const before = await loadForReview(tx, ctx, id);
    const rec = await repo.reviewReport(tx, ctx.tenantId, id, { status: 'returned', reviewerId: ctx.userId, reviewerName: ctx.displayName, comment });
    if (!rec) throw stateInvalid('the report was reviewed by someone else meanwhile');
    await recordEvent(tx, ctx, rec, 'return', comment);
    await notify(tx, ctx.tenantId, await repo.submitters(tx, ctx.tenantId, id), reviewedNotice({ report: rec, taskTitle: before.taskTitle, unitName: before.ownerUnitName }));
    const after = await getReport(tx, all(ctx), id);
    await appendAudit(tx, ctx, { action: 'return', entity: 'progress_report', entityId: id, before: auditShape(before), after: auditShape(after) });
    return getReport(tx, ctx, id);
  });
}
