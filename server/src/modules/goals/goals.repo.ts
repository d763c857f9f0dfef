import { and, eq, sql, type SQL } from 'drizzle-orm';
import { goals } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf, uuidArray } from '../../access/scope.js';
import type { GoalRow } from './goals.presenter.js';

export interface GoalFilter {
  track?: string;
  q?: string;
}

const like = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;

/** Goals of a tenant with how many tasks and study sessions use each, in tree order within each track. */
export async function listGoals(db: Db, tenantId: string, f: GoalFilter): Promise<GoalRow[]> {
  const conds: SQL[] = [sql`g.tenant_id = ${tenantId}`];
  if (f.track) conds.push(sql`g.track = ${f.track}`);
  if (f.q) conds.push(sql`(g.name ilike ${like(f.q)} or g.code ilike ${like(f.q)})`);
  const res = await db.execute(sql`
    select g.id, g.track, g.parent_id as "parentId", g.code, g.name, g.description, g.sort_order as "sortOrder", g.version,
      (select count(*)::int from task_goals tg where tg.tenant_id = g.tenant_id and tg.goal_id = g.id) as "taskCount",
      (select count(*)::int from study_session_goals sg where sg.tenant_id = g.tenant_id and sg.goal_id = g.id) as "studyCount"
    from goals g where ${and(...conds)}
    order by g.track desc, g.sort_order, g.code nulls last, g.name`);
  return rowsOf<GoalRow>(res);
}

export async function getGoal(db: Db, tenantId: string, id: string): Promise<GoalRow | null> {
  const res = await db.execute(sql`
    select g.id, g.track, g.parent_id as "parentId", g.code, g.name, g.description, g.sort_order as "sortOrder", g.version,
      (select count(*)::int from task_goals tg where tg.tenant_id = g.tenant_id and tg.goal_id = g.id) as "taskCount",
      (select count(*)::int from study_session_goals sg where sg.tenant_id = g.tenant_id and sg.goal_id = g.id) as "studyCount"
    from goals g where g.tenant_id = ${tenantId} and g.id = ${id}`);
  return rowsOf<GoalRow>(res)[0] ?? null;
}

export async function getGoalByCode(db: Db, tenantId: string, code: string) {
  const [row] = await db.select({ id: goals.id }).from(goals).where(and(eq(goals.tenantId, tenantId), eq(goals.code, code)));
  return row ?? null;
}

/** The goals of this tenant among `ids` (ids of other tenants are simply not found). */
export async function goalsByIds(db: Db, tenantId: string, ids: string[]): Promise<{ id: string; track: string }[]> {
  if (ids.length === 0) return [];
  const res = await db.execute(sql`select id, track from goals where tenant_id = ${tenantId} and id = any(${uuidArray(ids)})`);
  return rowsOf<{ id: string; track: string }>(res);
}

/** The goal and all its ancestors' ids. */
export async function ancestorIds(db: Db, tenantId: string, id: string): Promise<string[]> {
  const res = await db.execute(sql`
    with recursive up as (
      select id, parent_id, 1 as depth from goals where tenant_id = ${tenantId} and id = ${id}
      union all
      select g.id, g.parent_id, up.depth + 1 from goals g join up on g.id = up.parent_id where g.tenant_id = ${tenantId} and up.depth < 100
    ) select id from up`);
  return rowsOf<{ id: string }>(res).map((r) => r.id);
}

export async function goalUsage(db: Db, tenantId: string, id: string) {
  const res = await db.execute(sql`
    select
      (select count(*)::int from goals where tenant_id = ${tenantId} and parent_id = ${id}) as children,
      (select count(*)::int from task_goals where tenant_id = ${tenantId} and goal_id = ${id}) as tasks,
      (select count(*)::int from study_session_goals where tenant_id = ${tenantId} and goal_id = ${id}) as studies,
      (select count(*)::int from activity_goals where tenant_id = ${tenantId} and goal_id = ${id}) as activities`);
  return rowsOf<{ children: number; tasks: number; studies: number; activities: number }>(res)[0];
}

export async function insertGoal(db: Db, values: typeof goals.$inferInsert) {
  const [row] = await db.insert(goals).values(values).returning({ id: goals.id });
  return row;
}

export async function updateGoal(db: Db, tenantId: string, id: string, version: number, patch: Partial<typeof goals.$inferInsert>) {
  const [row] = await db
    .update(goals)
    .set({ ...patch, version: sql`${goals.version} + 1` })
    .where(and(eq(goals.tenantId, tenantId), eq(goals.id, id), eq(goals.version, version)))
    .returning({ id: goals.id });
  return row ?? null;
}

export async function deleteGoal(db: Db, tenantId: string, id: string) {
  await db.delete(goals).where(and(eq(goals.tenantId, tenantId), eq(goals.id, id)));
}
