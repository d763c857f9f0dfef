import { and, eq, sql, type SQL } from 'drizzle-orm';
import { taskGoals, tasks, taskUnits } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf, uuidArray, type Scope } from '../../access/scope.js';
import type { TaskClock } from './task.settings.js';
import { orderUsesOwnerUnit, taskOrder, taskScopeSql, taskWhere, type TaskFilter } from './task.query.js';
import { inListOrder } from '../../platform/paging.js';

export type TaskRecord = typeof tasks.$inferSelect;

/** One task as the list and detail queries return it, before the presenter adds links and abilities. */
export interface TaskRow {
  id: string;
  campaignId: string;
  parentId: string | null;
  parentTitle: string | null;
  title: string;
  description: string | null;
  category: string;
  ownerUnitId: string;
  ownerUnitName: string;
  responsiblePersonId: string | null;
  responsiblePersonName: string | null;
  startDate: string;
  dueDate: string;
  weight: number;
  status: string;
  progress: number;
  fused: boolean;
  issuedAt: Date | string | null;
  signedAt: Date | string | null;
  signedByName: string | null;
  lastReportAt: Date | string | null;
  completedAt: Date | string | null;
  recurrence: string;
  recurrenceOf: string | null;
  recurrenceKey: string | null;
  sortOrder: number;
  version: number;
  createdAt: Date | string;
  updatedAt: Date | string;
  extensionCount: number;
  pendingExtension: boolean;
  childCount: number;
  followed: boolean;
}

export interface TaskLinks {
  coUnits: Map<string, { id: string; name: string }[]>;
  goals: Map<string, { id: string; track: string; code: string | null; name: string }[]>;
}

/**
 * The columns of a TaskRow over `tasks t`. Names come from scalar subqueries
 * rather than joins: the statement is planned on every request, and the join
 * search over five tables cost more planning than the lookups cost to run.
 */
function rowColumns(scope: Scope, userId: string): SQL {
  return sql`t.id, t.campaign_id as "campaignId", t.parent_id as "parentId", (select p.title from tasks p where p.id = t.parent_id) as "parentTitle", t.title, t.description, t.category,
      t.owner_unit_id as "ownerUnitId", (select ou.name from units ou where ou.id = t.owner_unit_id) as "ownerUnitName", t.responsible_person_id as "responsiblePersonId", (select rp.name from people rp where rp.id = t.responsible_person_id) as "responsiblePersonName",
      t.start_date::text as "startDate", t.due_date::text as "dueDate", t.weight::float8 as weight, t.status, t.progress, t.fused,
      t.issued_at as "issuedAt", t.signed_at as "signedAt", (select su.display_name from users su where su.id = t.signed_by) as "signedByName", t.last_report_at as "lastReportAt",
      t.completed_at as "completedAt", t.recurrence, t.recurrence_of as "recurrenceOf", t.recurrence_key as "recurrenceKey",
      t.sort_order as "sortOrder", t.version, t.created_at as "createdAt", t.updated_at as "updatedAt",
      (select count(*)::int from task_extensions e where e.tenant_id = t.tenant_id and e.task_id = t.id and e.status = 'approved') as "extensionCount",
      exists (select 1 from task_extensions e where e.tenant_id = t.tenant_id and e.task_id = t.id and e.status = 'pending') as "pendingExtension",
      (select count(*)::int from tasks c where c.tenant_id = t.tenant_id and c.parent_id = t.id and ${taskScopeSql(scope, 'c')}) as "childCount",
      exists (select 1 from task_follows f where f.tenant_id = t.tenant_id and f.task_id = t.id and f.user_id = ${userId || null}) as followed`;
}

function selectRows(scope: Scope, userId: string): SQL {
  return sql`select ${rowColumns(scope, userId)} from tasks t`;
}

/** A task's co-units and goals as JSON arrays, in the order loadLinks gives them. */
const linkColumns = sql`
      (select coalesce(json_agg(json_build_object('id', u.id, 'name', u.name) order by u.sort_order, u.code), '[]'::json)
        from task_units tu join units u on u.id = tu.unit_id where tu.tenant_id = t.tenant_id and tu.task_id = t.id) as "coUnits",
      (select coalesce(json_agg(json_build_object('id', g.id, 'track', g.track, 'code', g.code, 'name', g.name) order by g.track desc, g.sort_order, g.code), '[]'::json)
        from task_goals tg join goals g on g.id = tg.goal_id and g.tenant_id = tg.tenant_id where tg.tenant_id = t.tenant_id and tg.task_id = t.id) as "goals"`;

export interface Viewer {
  tenantId: string;
  scope: Scope;
  userId: string;
}

type PageRow = TaskRow & { total: number; coUnits: { id: string; name: string }[] | string; goals: { id: string; track: string; code: string | null; name: string }[] | string };

/**
 * One page of tasks within scope with the total, co-units and goals, in one
 * statement: the page's ids are found on the tasks table alone (an index on
 * the filter and sort columns answers without reading rows), the total is
 * counted once with the same predicate, and names and per-row extras are
 * computed for the page's rows only. Only a page past the end needs a second
 * statement for the total.
 */
export async function listTasks(db: Db, v: Viewer, clock: TaskClock, f: TaskFilter, page: { page: number; pageSize: number; sort?: string }) {
  const where = taskWhere(v.tenantId, v.scope, v.userId, clock, f);
  const order = taskOrder(page.sort, clock);
  const ids = sql`select t.id, row_number() over (order by ${order}) as ord, (select count(*)::int from tasks t where ${where}) as total
    from tasks t ${orderUsesOwnerUnit(page.sort) ? sql`join units ou on ou.id = t.owner_unit_id` : sql``}
    where ${where} order by ${order} limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`;
  const res = await db.execute(sql`select ${rowColumns(v.scope, v.userId)}, pg.total, ${linkColumns}
    from (${ids}) pg join tasks t on t.id = pg.id
    order by pg.ord`);
  const rows = rowsOf<PageRow>(res);
  const links: TaskLinks = { coUnits: new Map(), goals: new Map() };
  for (const r of rows) {
    links.coUnits.set(r.id, parseJson(r.coUnits));
    links.goals.set(r.id, parseJson(r.goals));
  }
  let total = rows.length ? Number(rows[0].total) : 0;
  if (rows.length === 0 && page.page > 1) total = Number(rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from tasks t where ${where}`))[0].n);
  return { rows: rows.map(({ total: _t, coUnits: _c, goals: _g, ...r }) => normalize(r)), total, links };
}

/** json columns arrive parsed from both drivers; a string is parsed here in case one hands text. */
const parseJson = <T>(v: T[] | string): T[] => (typeof v === 'string' ? (JSON.parse(v) as T[]) : v);

/** What the .xlsx export shows of a task, besides co-units, goals and approved extensions (taken per page). */
export interface TaskExportRow {
  id: string;
  parentTitle: string | null;
  title: string;
  category: string;
  ownerUnitName: string;
  responsiblePersonName: string | null;
  startDate: string;
  dueDate: string;
  weight: number;
  status: string;
  progress: number;
  fused: boolean;
  issuedAt: Date | string | null;
  signedAt: Date | string | null;
  lastReportAt: Date | string | null;
}

/**
 * Every matching task in list order, pages of `batch`, with just the columns
 * the export shows: none of the list's per-row subqueries (children, pending
 * extension, followed), which cost most of an export's time.
 */
export async function* iterateTaskExport(db: Db, v: Viewer, clock: TaskClock, f: TaskFilter, sort?: string, batch = 1000): AsyncGenerator<TaskExportRow[]> {
  const select = sql`select t.id, p.title as "parentTitle", t.title, t.category, ou.name as "ownerUnitName", rp.name as "responsiblePersonName",
      t.start_date::text as "startDate", t.due_date::text as "dueDate", t.weight::float8 as weight, t.status, t.progress, t.fused,
      t.issued_at as "issuedAt", t.signed_at as "signedAt", t.last_report_at as "lastReportAt"
    from tasks t join units ou on ou.id = t.owner_unit_id
    left join people rp on rp.id = t.responsible_person_id
    left join tasks p on p.id = t.parent_id`;
  const q = { select, where: taskWhere(v.tenantId, v.scope, v.userId, clock, f), order: taskOrder(sort, clock), idColumn: sql`t.id` };
  for await (const rows of inListOrder<TaskExportRow>(db, q, batch)) yield rows.map((r) => ({ ...r, weight: Number(r.weight), progress: Number(r.progress) }));
}

/** Approved extensions per task, for a page of the export (tasks without any are absent). */
export async function approvedExtensionCounts(db: Db, tenantId: string, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const res = await db.execute(sql`select task_id as "taskId", count(*)::int as n from task_extensions
    where tenant_id = ${tenantId} and task_id = any(${uuidArray(ids)}) and status = 'approved' group by task_id`);
  return new Map(rowsOf<{ taskId: string; n: number }>(res).map((r) => [r.taskId, Number(r.n)]));
}

/** A task within scope, or null (also when it exists outside the scope). */
export async function getTaskRow(db: Db, v: Viewer, id: string): Promise<TaskRow | null> {
  const res = await db.execute(sql`${selectRows(v.scope, v.userId)} where t.tenant_id = ${v.tenantId} and t.id = ${id} and ${taskScopeSql(v.scope)}`);
  const row = rowsOf<TaskRow>(res)[0];
  return row ? normalize(row) : null;
}

function normalize(r: TaskRow): TaskRow {
  return { ...r, weight: Number(r.weight), progress: Number(r.progress), extensionCount: Number(r.extensionCount), childCount: Number(r.childCount) };
}

/** The stored record regardless of scope (writes decide 403 themselves). */
export async function getTaskRecord(db: Db, tenantId: string, id: string): Promise<TaskRecord | null> {
  const [row] = await db.select().from(tasks).where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id)));
  return row ?? null;
}

export async function isVisible(db: Db, v: Viewer, id: string): Promise<boolean> {
  const res = await db.execute(sql`select 1 from tasks t where t.tenant_id = ${v.tenantId} and t.id = ${id} and ${taskScopeSql(v.scope)}`);
  return rowsOf(res).length > 0;
}

/** Co-units and goals of the given tasks, in two queries. */
export async function loadLinks(db: Db, tenantId: string, ids: string[]): Promise<TaskLinks> {
  const links: TaskLinks = { coUnits: new Map(), goals: new Map() };
  if (ids.length === 0) return links;
  const [units, goals] = await Promise.all([
    db.execute(sql`select tu.task_id as "taskId", u.id, u.name from task_units tu join units u on u.id = tu.unit_id
      where tu.tenant_id = ${tenantId} and tu.task_id = any(${uuidArray(ids)}) order by u.sort_order, u.code`),
    db.execute(sql`select tg.task_id as "taskId", g.id, g.track, g.code, g.name from task_goals tg join goals g on g.id = tg.goal_id and g.tenant_id = tg.tenant_id
      where tg.tenant_id = ${tenantId} and tg.task_id = any(${uuidArray(ids)}) order by g.track desc, g.sort_order, g.code`),
  ]);
  for (const r of rowsOf<{ taskId: string; id: string; name: string }>(units)) {
    links.coUnits.set(r.taskId, [...(links.coUnits.get(r.taskId) ?? []), { id: r.id, name: r.name }]);
  }
  for (const r of rowsOf<{ taskId: string; id: string; track: string; code: string | null; name: string }>(goals)) {
    links.goals.set(r.taskId, [...(links.goals.get(r.taskId) ?? []), { id: r.id, track: r.track, code: r.code, name: r.name }]);
  }
  return links;
}

/** The task and every task above it, nearest first. */
export async function ancestorIds(db: Db, tenantId: string, id: string): Promise<string[]> {
  const res = await db.execute(sql`
    with recursive up as (
      select id, parent_id, 0 as depth from tasks where tenant_id = ${tenantId} and id = ${id}
      union
      select t.id, t.parent_id, up.depth + 1 from tasks t join up on t.id = up.parent_id where t.tenant_id = ${tenantId} and up.depth < 1000
    ) select id from up order by depth`);
  return rowsOf<{ id: string }>(res).map((r) => r.id);
}

export async function childRanges(db: Db, tenantId: string, id: string) {
  const res = await db.execute(sql`select start_date::text as "startDate", due_date::text as "dueDate" from tasks where tenant_id = ${tenantId} and parent_id = ${id}`);
  return rowsOf<{ startDate: string; dueDate: string }>(res);
}

export async function insertTask(db: Db, values: typeof tasks.$inferInsert): Promise<TaskRecord> {
  const [row] = await db.insert(tasks).values(values).returning();
  return row;
}

/** Updates only when the version matches; returns null on a stale version. */
export async function updateTask(db: Db, tenantId: string, id: string, version: number | null, patch: Partial<typeof tasks.$inferInsert>) {
  const conds = [eq(tasks.tenantId, tenantId), eq(tasks.id, id)];
  if (version !== null) conds.push(eq(tasks.version, version));
  const [row] = await db
    .update(tasks)
    .set({ ...patch, version: sql`${tasks.version} + 1`, updatedAt: new Date() })
    .where(and(...conds))
    .returning();
  return row ?? null;
}

/** Moves a whole subtree to another campaign (a subtask always lives in its parent's campaign). */
export async function setSubtreeCampaign(db: Db, tenantId: string, rootId: string, campaignId: string) {
  await db.execute(sql`
    with recursive sub as (select id from tasks where tenant_id = ${tenantId} and parent_id = ${rootId}
      union select t.id from tasks t join sub on t.parent_id = sub.id where t.tenant_id = ${tenantId})
    update tasks set campaign_id = ${campaignId}, updated_at = now() where tenant_id = ${tenantId} and id in (select id from sub)`);
}

export async function setCoUnits(db: Db, tenantId: string, taskId: string, unitIds: string[]) {
  await db.delete(taskUnits).where(and(eq(taskUnits.tenantId, tenantId), eq(taskUnits.taskId, taskId)));
  if (unitIds.length) await db.insert(taskUnits).values(unitIds.map((unitId) => ({ tenantId, taskId, unitId })));
}

export async function setGoals(db: Db, tenantId: string, taskId: string, goalIds: string[]) {
  await db.delete(taskGoals).where(and(eq(taskGoals.tenantId, tenantId), eq(taskGoals.taskId, taskId)));
  if (goalIds.length) await db.insert(taskGoals).values(goalIds.map((goalId) => ({ tenantId, taskId, goalId })));
  await refreshFused(db, tenantId, [taskId]);
}

/**
 * Recomputes tasks.fused (linked to ≥1 party goal and ≥1 business goal).
 * Without ids: every task of the tenant (call after goals are deleted or move track).
 */
export async function refreshFused(db: Db, tenantId: string, taskIds?: string[]) {
  const linked = (track: string) => sql`exists (select 1 from task_goals tg join goals g on g.id = tg.goal_id and g.tenant_id = tg.tenant_id
    where tg.tenant_id = tasks.tenant_id and tg.task_id = tasks.id and g.track = ${track})`;
  await db.execute(sql`update tasks set fused = (${linked('party')} and ${linked('business')})
    where tenant_id = ${tenantId} ${taskIds ? sql`and id = any(${uuidArray(taskIds)})` : sql``}`);
}

/** Records that would dangle if the task went away (children, reports, research problems). */
export async function taskUsage(db: Db, tenantId: string, id: string) {
  const res = await db.execute(sql`select
      (select count(*)::int from tasks where tenant_id = ${tenantId} and parent_id = ${id}) as children,
      (select count(*)::int from progress_reports where tenant_id = ${tenantId} and task_id = ${id}) as reports,
      (select count(*)::int from research_problems where tenant_id = ${tenantId} and rectification_task_id = ${id}) as problems,
      (select count(*)::int from supervision_checks where tenant_id = ${tenantId} and rectification_task_id = ${id}) as checks`);
  const r = rowsOf<{ children: number; reports: number; problems: number; checks: number }>(res)[0];
  return { children: Number(r.children), reports: Number(r.reports), problems: Number(r.problems), checks: Number(r.checks) };
}

export async function deleteTask(db: Db, tenantId: string, id: string) {
  for (const table of ['task_units', 'task_goals', 'task_extensions', 'task_comments', 'task_follows']) {
    await db.execute(sql`delete from ${sql.raw(table)} where tenant_id = ${tenantId} and task_id = ${id}`);
  }
  await db.delete(tasks).where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id)));
}

/** Which of the given ids exist in the tenant (units, people, goals, campaigns). */
export async function existingIds(db: Db, table: 'units' | 'people' | 'goals' | 'campaigns', tenantId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const res = await db.execute(sql`select id from ${sql.raw(table)} where tenant_id = ${tenantId} and id = any(${uuidArray(ids)})`);
  return new Set(rowsOf<{ id: string }>(res).map((r) => r.id));
}
