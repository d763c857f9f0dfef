import { and, eq, sql, type SQL } from 'drizzle-orm';
import { activities, activityGoals } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf, uuidArray, type Scope } from '../../access/scope.js';
import { gramsMatchSql } from '../../platform/search/match.js';

export interface ActivityFilter {
  kind?: string;
  unitId?: string;
  projectId?: string;
  goalId?: string;
  campaignId?: string;
  from?: string;
  to?: string;
  q?: string;
}

export interface ActivityRow {
  id: string;
  kind: string;
  title: string;
  unitId: string;
  unitName: string;
  heldOn: string;
  participants: number;
  summary: string | null;
  campaignId: string | null;
  projectId: string | null;
  projectTitle: string | null;
  fileCount: number;
  version: number;
  createdAt: Date | string;
  updatedAt: Date | string;
}

export interface ActivityGoalRow {
  activityId: string;
  id: string;
  name: string;
  track: string;
}

/**
 * Activities a scope sees: units in scope; a member (self scope) sees the
 * activities of their own unit and its paired unit (a college and its party branch).
 */
export function activityScopeSql(scope: Scope): SQL {
  if (scope.kind === 'all') return sql`true`;
  if (scope.kind === 'self') {
    if (!scope.personId) return sql`false`;
    return sql`a.unit_id in (
      select pp.unit_id from people pp where pp.id = ${scope.personId}
      union select uu.paired_unit_id from people pp join units uu on uu.id = pp.unit_id where pp.id = ${scope.personId} and uu.paired_unit_id is not null)`;
  }
  if (scope.unitIds.length === 0) return sql`false`;
  return sql`a.unit_id = any(${uuidArray(scope.unitIds)})`;
}

function activityWhere(tenantId: string, scope: Scope, f: ActivityFilter): SQL {
  const conds: SQL[] = [sql`a.tenant_id = ${tenantId}`, activityScopeSql(scope)];
  if (f.kind) conds.push(sql`a.kind = ${f.kind}`);
  if (f.unitId) conds.push(sql`a.unit_id = ${f.unitId}`);
  if (f.projectId) conds.push(sql`a.project_id = ${f.projectId}`);
  if (f.campaignId) conds.push(sql`a.campaign_id = ${f.campaignId}`);
  if (f.goalId) conds.push(sql`exists (select 1 from activity_goals g where g.tenant_id = a.tenant_id and g.activity_id = a.id and g.goal_id = ${f.goalId})`);
  if (f.from) conds.push(sql`a.held_on >= ${f.from}`);
  if (f.to) conds.push(sql`a.held_on <= ${f.to}`);
  if (f.q) conds.push(gramsMatchSql(sql`a.search_grams`, f.q));
  return and(...conds)!;
}

const activitySelect = sql`
  select a.id, a.kind, a.title, a.unit_id as "unitId", u.name as "unitName", a.held_on::text as "heldOn", a.participants, a.summary,
    a.campaign_id as "campaignId", a.project_id as "projectId", p.title as "projectTitle", a.version,
    a.created_at as "createdAt", a.updated_at as "updatedAt",
    (select count(*)::int from attachments f where f.tenant_id = a.tenant_id and f.entity = 'activity' and f.entity_id = a.id) as "fileCount"
  from activities a
  join units u on u.id = a.unit_id
  left join innovation_projects p on p.tenant_id = a.tenant_id and p.id = a.project_id`;

const sortable: Record<string, string> = {
  heldOn: 'a.held_on',
  title: 'a.title',
  kind: 'a.kind',
  unitName: 'u.name',
  participants: 'a.participants',
  createdAt: 'a.created_at',
};

function orderBy(sort?: string): SQL {
  const col = sortable[sort?.replace(/^-/, '') ?? ''];
  if (!col) return sql.raw('a.held_on desc, a.id');
  return sql.raw(`${col} ${sort!.startsWith('-') ? 'desc' : 'asc'}, a.id`);
}

export async function listActivities(db: Db, tenantId: string, scope: Scope, f: ActivityFilter, page: { page: number; pageSize: number; sort?: string }) {
  const where = activityWhere(tenantId, scope, f);
  const rows = await db.execute(sql`${activitySelect} where ${where} order by ${orderBy(page.sort)} limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`);
  const count = await db.execute(sql`select count(*)::int as n from activities a where ${where}`);
  return { rows: rowsOf<ActivityRow>(rows), total: rowsOf<{ n: number }>(count)[0].n };
}

export async function* iterateActivities(db: Db, tenantId: string, scope: Scope, f: ActivityFilter, sort?: string, batch = 1000) {
  const where = activityWhere(tenantId, scope, f);
  for (let offset = 0; ; offset += batch) {
    const rows = rowsOf<ActivityRow>(await db.execute(sql`${activitySelect} where ${where} order by ${orderBy(sort)} limit ${batch} offset ${offset}`));
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
  }
}

export async function getActivity(db: Db, tenantId: string, scope: Scope, id: string): Promise<ActivityRow | null> {
  const res = await db.execute(sql`${activitySelect} where a.tenant_id = ${tenantId} and a.id = ${id} and ${activityScopeSql(scope)}`);
  return rowsOf<ActivityRow>(res)[0] ?? null;
}

export async function listGoalLinks(db: Db, tenantId: string, activityIds: string[]): Promise<ActivityGoalRow[]> {
  if (activityIds.length === 0) return [];
  const res = await db.execute(sql`
    select ag.activity_id as "activityId", g.id, g.name, g.track
    from activity_goals ag join goals g on g.id = ag.goal_id and g.tenant_id = ag.tenant_id
    where ag.tenant_id = ${tenantId} and ag.activity_id = any(${uuidArray(activityIds)})
    order by g.track desc, g.sort_order, g.name`);
  return rowsOf<ActivityGoalRow>(res);
}

/** Counts and participants by kind and by unit within the filter. */
export async function activityTotals(db: Db, tenantId: string, scope: Scope, f: ActivityFilter) {
  const where = activityWhere(tenantId, scope, f);
  const total = rowsOf<{ count: number; participants: number }>(
    await db.execute(sql`select count(*)::int as count, coalesce(sum(a.participants), 0)::int as participants from activities a where ${where}`),
  )[0];
  const byKind = rowsOf<{ kind: string; count: number; participants: number }>(
    await db.execute(sql`select a.kind, count(*)::int as count, coalesce(sum(a.participants), 0)::int as participants from activities a where ${where} group by a.kind order by count(*) desc, a.kind`),
  );
  const byUnit = rowsOf<{ unitId: string; name: string; count: number; participants: number }>(
    await db.execute(sql`
      select a.unit_id as "unitId", u.name, count(*)::int as count, coalesce(sum(a.participants), 0)::int as participants
      from activities a join units u on u.id = a.unit_id where ${where} group by a.unit_id, u.name, u.sort_order order by count(*) desc, u.sort_order`),
  );
  return { total, byKind, byUnit };
}

/** The project an activity names: it must be a 双带头人 studio of the tenant. */
export async function getProjectRef(db: Db, tenantId: string, projectId: string): Promise<{ kind: string; unitId: string } | null> {
  const res = await db.execute(sql`select kind, unit_id as "unitId" from innovation_projects where tenant_id = ${tenantId} and id = ${projectId}`);
  return rowsOf<{ kind: string; unitId: string }>(res)[0] ?? null;
}

export async function insertActivity(db: Db, values: typeof activities.$inferInsert) {
  const [row] = await db.insert(activities).values(values).returning({ id: activities.id });
  return row;
}

/** Updates only when the version matches; null on a stale version. */
export async function updateActivity(db: Db, tenantId: string, id: string, version: number, patch: Partial<typeof activities.$inferInsert>) {
  const [row] = await db
    .update(activities)
    .set({ ...patch, version: sql`${activities.version} + 1`, updatedAt: new Date() })
    .where(and(eq(activities.tenantId, tenantId), eq(activities.id, id), eq(activities.version, version)))
    .returning({ id: activities.id });
  return row ?? null;
}

export async function replaceGoals(db: Db, tenantId: string, activityId: string, goalIds: string[]) {
  await db.delete(activityGoals).where(and(eq(activityGoals.tenantId, tenantId), eq(activityGoals.activityId, activityId)));
  if (goalIds.length) await db.insert(activityGoals).values(goalIds.map((goalId) => ({ tenantId, activityId, goalId })));
}

export async function deleteActivity(db: Db, tenantId: string, id: string) {
  await replaceGoals(db, tenantId, id, []);
  await db.delete(activities).where(and(eq(activities.tenantId, tenantId), eq(activities.id, id)));
}
