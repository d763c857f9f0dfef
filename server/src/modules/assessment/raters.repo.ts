import { and, eq, sql, type SQL } from 'drizzle-orm';
import { raterAssignments } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf, uuidArray } from '../../access/scope.js';

export interface GroupRow {
  id: string;
  name: string;
  weight: number;
  raters: number;
}

export async function listGroups(db: Db, tenantId: string, schemeId: string): Promise<GroupRow[]> {
  const res = await db.execute(sql`
    select g.id, g.name, g.weight::float8 as weight,
      (select count(distinct a.rater_user_id)::int from rater_assignments a where a.tenant_id = g.tenant_id and a.group_id = g.id) as raters
    from rater_groups g where g.tenant_id = ${tenantId} and g.scheme_id = ${schemeId} order by g.weight desc, g.name`);
  return rowsOf<GroupRow>(res).map((g) => ({ ...g, weight: Number(g.weight) }));
}

export interface AssignmentRow {
  id: string;
  schemeId: string;
  groupId: string;
  groupName: string;
  raterUserId: string;
  raterName: string;
  targetId: string;
  targetName: string;
  status: string;
  submittedAt: Date | string | null;
  version: number;
  scored: number;
}

const assignmentSelect = sql`
  select a.id, a.scheme_id as "schemeId", a.group_id as "groupId", g.name as "groupName", a.rater_user_id as "raterUserId", u.display_name as "raterName",
    a.target_id as "targetId", t.name as "targetName", a.status, a.submitted_at as "submittedAt", a.version,
    (select count(*)::int from rating_scores r where r.tenant_id = a.tenant_id and r.assignment_id = a.id) as scored
  from rater_assignments a
  join rater_groups g on g.tenant_id = a.tenant_id and g.id = a.group_id
  join users u on u.tenant_id = a.tenant_id and u.id = a.rater_user_id
  join assessment_targets t on t.tenant_id = a.tenant_id and t.id = a.target_id`;

export async function listAssignments(db: Db, tenantId: string, schemeId: string, f: { groupId?: string; targetId?: string; raterUserId?: string }) {
  const conds: SQL[] = [sql`a.tenant_id = ${tenantId}`, sql`a.scheme_id = ${schemeId}`];
  if (f.groupId) conds.push(sql`a.group_id = ${f.groupId}`);
  if (f.targetId) conds.push(sql`a.target_id = ${f.targetId}`);
  if (f.raterUserId) conds.push(sql`a.rater_user_id = ${f.raterUserId}`);
  return rowsOf<AssignmentRow>(await db.execute(sql`${assignmentSelect} where ${and(...conds)} order by g.weight desc, g.name, u.display_name, t.name`));
}

export async function getAssignment(db: Db, tenantId: string, id: string, lock = false): Promise<AssignmentRow | null> {
  if (lock) await db.execute(sql`select id from rater_assignments where tenant_id = ${tenantId} and id = ${id} for update`);
  return rowsOf<AssignmentRow>(await db.execute(sql`${assignmentSelect} where a.tenant_id = ${tenantId} and a.id = ${id}`))[0] ?? null;
}

export async function insertAssignments(db: Db, values: (typeof raterAssignments.$inferInsert)[]): Promise<number> {
  if (!values.length) return 0;
  const rows = await db.insert(raterAssignments).values(values).onConflictDoNothing().returning({ id: raterAssignments.id });
  return rows.length;
}

export async function deleteAssignment(db: Db, tenantId: string, id: string) {
  await db.execute(sql`delete from rating_scores where tenant_id = ${tenantId} and assignment_id = ${id}`);
  await db.delete(raterAssignments).where(and(eq(raterAssignments.tenantId, tenantId), eq(raterAssignments.id, id)));
}

export async function groupInUse(db: Db, tenantId: string, groupId: string): Promise<boolean> {
  return rowsOf(await db.execute(sql`select 1 from rater_assignments where tenant_id = ${tenantId} and group_id = ${groupId} limit 1`)).length > 0;
}

/**
 * The units each user belongs to: their person's unit and the units they hold
 * posts in, each with its paired unit (a college and its general branch are one).
 */
export async function ownUnits(db: Db, tenantId: string, userIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>(userIds.map((u) => [u, new Set()]));
  if (!userIds.length) return out;
  const res = await db.execute(sql`
    with mine as (
      select u.id as user_id, p.unit_id from users u join people p on p.tenant_id = u.tenant_id and p.id = u.person_id
      where u.tenant_id = ${tenantId} and u.id = any(${uuidArray(userIds)}) and p.unit_id is not null
      union
      select u.id, pos.unit_id from users u join positions pos on pos.tenant_id = u.tenant_id and pos.person_id = u.person_id
      where u.tenant_id = ${tenantId} and u.id = any(${uuidArray(userIds)})
    )
    select m.user_id as "userId", m.unit_id as "unitId", un.paired_unit_id as "pairedId"
    from mine m left join units un on un.tenant_id = ${tenantId} and un.id = m.unit_id`);
  for (const r of rowsOf<{ userId: string; unitId: string; pairedId: string | null }>(res)) {
    const set = out.get(r.userId)!;
    set.add(r.unitId);
    if (r.pairedId) set.add(r.pairedId);
  }
  return out;
}

export interface UserRow {
  id: string;
  username: string;
  name: string;
  roles: string[];
  status: string;
  unitName: string | null;
}

export async function usersByIds(db: Db, tenantId: string, ids: readonly string[]): Promise<UserRow[]> {
  if (!ids.length) return [];
  const res = await db.execute(sql`
    select u.id, u.username, u.display_name as name, u.roles, u.status, un.short_name as "unitName"
    from users u left join people p on p.tenant_id = u.tenant_id and p.id = u.person_id left join units un on un.id = p.unit_id
    where u.tenant_id = ${tenantId} and u.id = any(${uuidArray(ids)})`);
  return rowsOf<UserRow>(res);
}

/** Active users holding any of the given roles, for picking raters. */
export async function usersWithRoles(db: Db, tenantId: string, roles: readonly string[]): Promise<UserRow[]> {
  const res = await db.execute(sql`
    select u.id, u.username, u.display_name as name, u.roles, u.status, coalesce(un.short_name, un.name) as "unitName"
    from users u left join people p on p.tenant_id = u.tenant_id and p.id = u.person_id left join units un on un.id = p.unit_id
    where u.tenant_id = ${tenantId} and u.status = 'active' and u.roles && ${`{${roles.join(',')}}`}::text[]
    order by un.sort_order nulls first, u.display_name`);
  return rowsOf<UserRow>(res);
}
