import { and, eq, sql, type SQL } from 'drizzle-orm';
import { taskGoals, tasks, taskUnits } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf, uuidArray, type Scope } from '../../access/scope.js';
import type { TaskClock } from './task.settings.js';
import { taskOrder, taskScopeSql, taskWhere, type TaskFilter } from './task.query.js';
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

function selectRows(scope: Scope, userId: string): SQL {
  return sql`select t.id, t.campaign_id as "campaignId", t.parent_id as "parentId", p.title as "parentTitle", t.title, t.description, t.category,
      t.owner_unit_id as "ownerUnitId", ou.name as "ownerUnitName", t.responsible_person_id as "responsiblePersonId", rp.name as "responsiblePersonName",
      t.start_date::text as "startDate", t.due_date::text as "dueDate", t.weight::float8 as weight, t.status, t.progress, t.fused,
      t.issued_at as "issuedAt", t.signed_at as "signedAt", su.display_name as "signedByName", t.last_report_at as "lastReportAt",
      t.completed_at as "completedAt", t.recurrence, t.recurrence_of as "recurrenceOf", t.recurrence_key as "recurrenceKey",
      t.sort_order as "sortOrder", t.version, t.created_at as "createdAt", t.updated_at as "updatedAt",
      (select count(*)::int from task_extensions e where e.tenant_id = t.tenant_id and e.task_id = t.id and e.status = 'approved') as "extensionCount",
      exists (select 1 from task_extensions e where e.tenant_id = t.tenant_id and e.task_id = t.id and e.status = 'pending') as "pendingExtension",
      (select count(*)::int from tasks c where c.tenant_id = t.tenant_id and c.parent_id = t.id and ${taskScopeSql(scope, 'c')}) as "childCount",
      exists (select 1 from task_follows f where f.tenant_id = t.tenant_id and f.task_id = t.id and f.user_id = ${userId || null}) as followed
    from tasks t
    join units ou on ou.id = t.owner_unit_id
    left join people rp on rp.id = t.responsible_person_id
    left join tasks p on p.id = t.parent_id
    left join users su on su.id = t.signed_by`;
}

export interface Viewer {
  tenantId: string;
  scope: Scope;
  userId: string;
}

/** One page of tasks within scope; the count uses the same predicate. */
export async function listTasks(db: Db, v: Viewer, clock: TaskClock, f: TaskFilter, page: { page: number; pageSize: number; sort?: string }) {
  const where = taskWhere(v.tenantId, v.scope, v.userId, clock, f);
  const [rows, count] = await Promise.all([
    db.execute(sql`${selectRows(v.scope, v.userId)} where ${where} order by ${taskOrder(page.sort, clock)}
      limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`),
    db.execute(sql`select count(*)::int as n from tasks t where ${where}`),
  ]);
  return { rows: rowsOf<TaskRow>(rows).map(normalize), total: Number(rowsOf<{ n: number }>(count)[0].n) };
}

/** Every matching task in pages of `batch`, for exports. */
export async function* iterateTasks(db: Db, v: Viewer, clock: TaskClock, f: TaskFilter, sort?: string, batch = 1000) {
  const q = { select: selectRows(v.scope, v.userId), where: taskWhere(v.tenantId, v.scope, v.userId, clock, f), order: taskOrder(sort, clock), idColumn: sql`t.id` };
  for await (const rows of inListOrder<TaskRow>(db, q, batch)) yield rows.map(normalize);
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
