import { and, eq, sql, type SQL } from 'drizzle-orm';
import { progressReportEvents, progressReports } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf, uuidArray, type Scope } from '../../access/scope.js';
import { textArray } from '../../platform/search/match.js';
import { taskScopeSql } from '../tasks/task.query.js';
import { inListOrder } from '../../platform/paging.js';

/**
 * All SQL of progress reports. A report is visible exactly when its task is
 * (owner unit or a co-unit in scope, or the leader responsible), so every
 * read joins the task and applies the tasks module's scope predicate.
 */

export type ReportRecord = typeof progressReports.$inferSelect;
export type EventRecord = typeof progressReportEvents.$inferSelect;

export interface ReportRow {
  id: string;
  taskId: string;
  taskTitle: string;
  taskStatus: string;
  taskProgress: number;
  taskDueDate: string;
  ownerUnitId: string;
  ownerUnitName: string;
  reporterId: string;
  reporterName: string;
  progress: number;
  doneText: string;
  problems: string | null;
  nextSteps: string | null;
  status: string;
  revision: number;
  reviewerId: string | null;
  reviewerName: string | null;
  reviewComment: string | null;
  reviewedAt: Date | string | null;
  submittedAt: Date | string;
  createdAt: Date | string;
  version: number;
}

export interface ReportFilter {
  taskId?: string;
  status?: string;
  unitId?: string;
  campaignId?: string;
  reporterId?: string;
  mine?: 'true' | 'false';
  from?: string;
  to?: string;
  q?: string;
}

export interface Viewer {
  tenantId: string;
  scope: Scope;
  userId: string;
}

const reportSelect = sql`
  select r.id, r.task_id as "taskId", t.title as "taskTitle", t.status as "taskStatus", t.progress as "taskProgress", t.due_date::text as "taskDueDate",
    t.owner_unit_id as "ownerUnitId", u.name as "ownerUnitName", r.reporter_id as "reporterId", r.reporter_name as "reporterName",
    r.progress, r.done_text as "doneText", r.problems, r.next_steps as "nextSteps", r.status, r.revision,
    r.reviewer_id as "reviewerId", r.reviewer_name as "reviewerName", r.review_comment as "reviewComment", r.reviewed_at as "reviewedAt",
    r.submitted_at as "submittedAt", r.created_at as "createdAt", r.version
  from progress_reports r
  join tasks t on t.tenant_id = r.tenant_id and t.id = r.task_id
  join units u on u.id = t.owner_unit_id`;

const like = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;

function reportWhere(v: Viewer, f: ReportFilter): SQL {
  const conds: SQL[] = [sql`r.tenant_id = ${v.tenantId}`, taskScopeSql(v.scope, 't')];
  if (f.taskId) conds.push(sql`r.task_id = ${f.taskId}`);
  if (f.status) conds.push(sql`r.status = any(${textArray(f.status.split(',').filter(Boolean))})`);
  if (f.unitId) conds.push(sql`t.owner_unit_id = ${f.unitId}`);
  if (f.campaignId) conds.push(sql`t.campaign_id = ${f.campaignId}`);
  if (f.reporterId) conds.push(sql`r.reporter_id = ${f.reporterId}`);
  if (f.mine === 'true') conds.push(sql`r.reporter_id = ${v.userId || null}`);
  // Dates are calendar days in the tenant's time zone.
  const zone = sql`coalesce((select tz.time_zone from tenants tz where tz.id = ${v.tenantId}), 'Asia/Shanghai')`;
  if (f.from) conds.push(sql`r.submitted_at >= (${f.from}::date::timestamp at time zone ${zone})`);
  if (f.to) conds.push(sql`r.submitted_at < ((${f.to}::date + 1)::timestamp at time zone ${zone})`);
  if (f.q) conds.push(sql`(t.title ilike ${like(f.q)} or r.done_text ilike ${like(f.q)} or r.reporter_name ilike ${like(f.q)})`);
  return sql.join(conds, sql` and `);
}

const sortable: Record<string, string> = {
  submittedAt: 'r.submitted_at',
  reviewedAt: 'r.reviewed_at',
  progress: 'r.progress',
  status: 'r.status',
  taskTitle: 't.title',
  ownerUnitName: 'u.sort_order',
  reporterName: 'r.reporter_name',
};

function orderBy(sort?: string): SQL {
  const col = sortable[sort?.replace(/^-/, '') ?? ''];
  if (!col) return sql.raw('r.submitted_at desc, r.id desc');
  const dir = sort!.startsWith('-') ? 'desc' : 'asc';
  return sql.raw(`${col} ${dir} nulls last, r.id ${dir}`);
}

const normalize = (r: ReportRow): ReportRow => ({ ...r, progress: Number(r.progress), taskProgress: Number(r.taskProgress), revision: Number(r.revision), version: Number(r.version) });

export async function listReports(db: Db, v: Viewer, f: ReportFilter, page: { page: number; pageSize: number; sort?: string }) {
  const where = reportWhere(v, f);
  const [rows, count] = await Promise.all([
    db.execute(sql`${reportSelect} where ${where} order by ${orderBy(page.sort)} limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`),
    db.execute(sql`select count(*)::int as n from progress_reports r join tasks t on t.tenant_id = r.tenant_id and t.id = r.task_id where ${where}`),
  ]);
  return { rows: rowsOf<ReportRow>(rows).map(normalize), total: Number(rowsOf<{ n: number }>(count)[0].n) };
}

export async function* iterateReports(db: Db, v: Viewer, f: ReportFilter, sort?: string, batch = 1000) {
  const q = { select: reportSelect, where: reportWhere(v, f), order: orderBy(sort), idColumn: sql`r.id` };
  for await (const rows of inListOrder<ReportRow>(db, q, batch)) yield rows.map(normalize);
}

/** A report within scope, or null (also when it exists outside the scope). */
export async function getReport(db: Db, v: Viewer, id: string): Promise<ReportRow | null> {
  const res = await db.execute(sql`${reportSelect} where r.tenant_id = ${v.tenantId} and r.id = ${id} and ${taskScopeSql(v.scope, 't')}`);
  const row = rowsOf<ReportRow>(res)[0];
  return row ? normalize(row) : null;
}

/** Every report of a task, newest first (the caller has checked the task is visible). */
export async function reportsOfTask(db: Db, tenantId: string, taskId: string): Promise<ReportRow[]> {
  const res = await db.execute(sql`${reportSelect} where r.tenant_id = ${tenantId} and r.task_id = ${taskId} order by r.submitted_at desc, r.id desc`);
  return rowsOf<ReportRow>(res).map(normalize);
}

export async function eventsOf(db: Db, tenantId: string, reportIds: string[]): Promise<EventRecord[]> {
  if (reportIds.length === 0) return [];
  const res = await db
    .select()
    .from(progressReportEvents)
    .where(and(eq(progressReportEvents.tenantId, tenantId), sql`${progressReportEvents.reportId} = any(${uuidArray(reportIds)})`))
    .orderBy(progressReportEvents.at, progressReportEvents.id);
  return res;
}

export interface TaskState {
  id: string;
  title: string;
  status: string;
  progress: number;
  ownerUnitId: string;
  lastReportAt: Date | null;
  completedAt: Date | null;
}

/** The task if the scope sees it; `lock` takes a row lock for the rest of the transaction. */
export async function taskInScope(db: Db, v: Viewer, taskId: string, lock?: 'share' | 'update'): Promise<TaskState | null> {
  const res = await db.execute(sql`select t.id, t.title, t.status, t.progress, t.owner_unit_id as "ownerUnitId", t.last_report_at as "lastReportAt", t.completed_at as "completedAt"
    from tasks t where t.tenant_id = ${v.tenantId} and t.id = ${taskId} and ${taskScopeSql(v.scope, 't')}
    ${lock ? sql.raw(`for ${lock} of t`) : sql``}`);
  const row = rowsOf<TaskState & { lastReportAt: Date | string | null; completedAt: Date | string | null }>(res)[0];
  if (!row) return null;
  const date = (d: Date | string | null) => (d === null ? null : new Date(d));
  return { ...row, progress: Number(row.progress), lastReportAt: date(row.lastReportAt), completedAt: date(row.completedAt) };
}

export async function getRecord(db: Db, tenantId: string, id: string): Promise<ReportRecord | null> {
  const [row] = await db.select().from(progressReports).where(and(eq(progressReports.tenantId, tenantId), eq(progressReports.id, id)));
  return row ?? null;
}

export async function insertReport(db: Db, values: typeof progressReports.$inferInsert): Promise<ReportRecord> {
  const [row] = await db.insert(progressReports).values(values).returning();
  return row;
}

export async function insertEvent(db: Db, values: typeof progressReportEvents.$inferInsert) {
  await db.insert(progressReportEvents).values(values);
}

/** Corrects a returned report and sends it back to review; null when the version or status no longer match. */
export async function resubmitReport(db: Db, tenantId: string, id: string, version: number, patch: Partial<typeof progressReports.$inferInsert>) {
  const [row] = await db
    .update(progressReports)
    .set({ ...patch, status: 'submitted', revision: sql`${progressReports.revision} + 1`, version: sql`${progressReports.version} + 1`, submittedAt: new Date() })
    .where(and(eq(progressReports.tenantId, tenantId), eq(progressReports.id, id), eq(progressReports.version, version), eq(progressReports.status, 'returned')))
    .returning();
  return row ?? null;
}

/** Approves or returns a report still under review; null when someone reviewed it meanwhile. */
export async function reviewReport(db: Db, tenantId: string, id: string, review: { status: 'approved' | 'returned'; reviewerId: string; reviewerName: string; comment: string | null }) {
  const [row] = await db
    .update(progressReports)
    .set({
      status: review.status,
      reviewerId: review.reviewerId || null,
      reviewerName: review.reviewerName,
      reviewComment: review.comment,
      reviewedAt: new Date(),
      version: sql`${progressReports.version} + 1`,
    })
    .where(and(eq(progressReports.tenantId, tenantId), eq(progressReports.id, id), eq(progressReports.status, 'submitted')))
    .returning();
  return row ?? null;
}

/** The approved report that now speaks for the task: the most recently submitted one. */
export async function latestApproved(db: Db, tenantId: string, taskId: string): Promise<{ progress: number; submittedAt: Date } | null> {
  const res = await db.execute(sql`select progress, submitted_at as "submittedAt" from progress_reports
    where tenant_id = ${tenantId} and task_id = ${taskId} and status = 'approved' order by submitted_at desc, id desc limit 1`);
  const row = rowsOf<{ progress: number; submittedAt: Date | string }>(res)[0];
  return row ? { progress: Number(row.progress), submittedAt: new Date(row.submittedAt) } : null;
}

export async function updateTaskProgress(db: Db, tenantId: string, taskId: string, p: { progress: number; status: string; lastReportAt: Date; completedAt: Date | null }) {
  await db.execute(sql`update tasks set progress = ${p.progress}, status = ${p.status}, last_report_at = ${p.lastReportAt.toISOString()}::timestamptz,
    completed_at = ${p.completedAt ? p.completedAt.toISOString() : null}::timestamptz, version = version + 1, updated_at = now()
    where tenant_id = ${tenantId} and id = ${taskId}`);
}

/** Everyone who submitted any revision of the report (they hear of its review). */
export async function submitters(db: Db, tenantId: string, reportId: string): Promise<string[]> {
  const res = await db.execute(sql`select distinct actor_id as id from progress_report_events
    where tenant_id = ${tenantId} and report_id = ${reportId} and action in ('submit', 'resubmit') and actor_id is not null`);
  return rowsOf<{ id: string }>(res).map((r) => r.id);
}
