import { and, eq, sql } from 'drizzle-orm';
import { taskComments, taskExtensions, taskFollows } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../access/scope.js';
import { taskScopeSql } from './task.query.js';
import type { Viewer } from './task.repo.js';

/** Extensions, comments, follows and the counts over them. */

export interface ExtensionRow {
  id: string;
  taskId: string;
  taskTitle: string;
  requestedBy: string;
  requestedByName: string | null;
  oldDueDate: string;
  newDueDate: string;
  reason: string;
  status: string;
  decidedByName: string | null;
  decidedAt: Date | string | null;
  decisionNote: string | null;
  createdAt: Date | string;
}

const extensionSelect = sql`select e.id, e.task_id as "taskId", t.title as "taskTitle", e.requested_by as "requestedBy", ru.display_name as "requestedByName",
    e.old_due_date::text as "oldDueDate", e.new_due_date::text as "newDueDate", e.reason, e.status, du.display_name as "decidedByName",
    e.decided_at as "decidedAt", e.decision_note as "decisionNote", e.created_at as "createdAt"
  from task_extensions e join tasks t on t.id = e.task_id and t.tenant_id = e.tenant_id
  left join users ru on ru.id = e.requested_by left join users du on du.id = e.decided_by`;

/** Extension requests of the tasks in scope, newest first. */
export async function listExtensions(db: Db, v: Viewer, f: { taskId?: string; status?: string; campaignId?: string }) {
  const res = await db.execute(sql`${extensionSelect} where e.tenant_id = ${v.tenantId} and ${taskScopeSql(v.scope)}
    ${f.taskId ? sql`and e.task_id = ${f.taskId}` : sql``}
    ${f.status ? sql`and e.status = ${f.status}` : sql``}
    ${f.campaignId ? sql`and t.campaign_id = ${f.campaignId}` : sql``}
    order by e.created_at desc limit 500`);
  return rowsOf<ExtensionRow>(res);
}

export async function getExtension(db: Db, tenantId: string, id: string) {
  const [row] = await db.select().from(taskExtensions).where(and(eq(taskExtensions.tenantId, tenantId), eq(taskExtensions.id, id)));
  return row ?? null;
}

export async function getExtensionRow(db: Db, tenantId: string, id: string): Promise<ExtensionRow> {
  return rowsOf<ExtensionRow>(await db.execute(sql`${extensionSelect} where e.tenant_id = ${tenantId} and e.id = ${id}`))[0];
}

export async function hasPendingExtension(db: Db, tenantId: string, taskId: string) {
  const res = await db.execute(sql`select 1 from task_extensions where tenant_id = ${tenantId} and task_id = ${taskId} and status = 'pending'`);
  return rowsOf(res).length > 0;
}

export async function insertExtension(db: Db, values: typeof taskExtensions.$inferInsert) {
  const [row] = await db.insert(taskExtensions).values(values).returning();
  return row;
}

/** Decides a pending request; null when it was decided meanwhile. */
export async function decideExtension(db: Db, tenantId: string, id: string, status: 'approved' | 'rejected', by: string, note: string | null) {
  const [row] = await db
    .update(taskExtensions)
    .set({ status, decidedBy: by, decidedAt: new Date(), decisionNote: note })
    .where(and(eq(taskExtensions.tenantId, tenantId), eq(taskExtensions.id, id), eq(taskExtensions.status, 'pending')))
    .returning();
  return row ?? null;
}

const counts = sql`count(*)::int as count,
  count(*) filter (where e.status = 'approved')::int as approved,
  count(*) filter (where e.status = 'rejected')::int as rejected,
  count(*) filter (where e.status = 'pending')::int as pending`;

/** Extension requests counted per task and per owner unit, within scope. */
export async function extensionStats(db: Db, v: Viewer, campaignId?: string) {
  const where = sql`e.tenant_id = ${v.tenantId} and ${taskScopeSql(v.scope)} ${campaignId ? sql`and t.campaign_id = ${campaignId}` : sql``}`;
  const [byTask, byUnit] = await Promise.all([
    db.execute(sql`select t.id as "taskId", t.title, u.name as "unitName", ${counts}
      from task_extensions e join tasks t on t.id = e.task_id and t.tenant_id = e.tenant_id join units u on u.id = t.owner_unit_id
      where ${where} group by t.id, t.title, u.name order by count(*) desc, t.title`),
    db.execute(sql`select u.id as "unitId", u.name as "unitName", ${counts}
      from task_extensions e join tasks t on t.id = e.task_id and t.tenant_id = e.tenant_id join units u on u.id = t.owner_unit_id
      where ${where} group by u.id, u.name, u.sort_order order by count(*) desc, u.sort_order`),
  ]);
  type C = { count: number; approved: number; rejected: number; pending: number };
  const n = <T extends C>(r: T): T => ({ ...r, count: Number(r.count), approved: Number(r.approved), rejected: Number(r.rejected), pending: Number(r.pending) });
  return {
    byTask: rowsOf<C & { taskId: string; title: string; unitName: string }>(byTask).map(n),
    byUnit: rowsOf<C & { unitId: string; unitName: string }>(byUnit).map(n),
  };
}

export type FusionRow = { total: number; fused: number; weight: number; fusedWeight: number };
export const fusionCols = sql`count(*)::int as total, count(*) filter (where t.fused)::int as fused,
  coalesce(sum(t.weight), 0)::float8 as weight, coalesce(sum(t.weight) filter (where t.fused), 0)::float8 as "fusedWeight"`;

/**
 * The fusion ratio counted in SQL: tasks (cancelled ones left out) linked to
 * both tracks over all tasks, plain and weighted, overall, per campaign and per owner unit.
 */
export async function fusionCounts(db: Db, v: Viewer, campaignId?: string) {
  const where = sql`t.tenant_id = ${v.tenantId} and t.status <> 'cancelled' and ${taskScopeSql(v.scope)} ${campaignId ? sql`and t.campaign_id = ${campaignId}` : sql``}`;
  const [overall, byCampaign, byUnit] = await Promise.all([
    db.execute(sql`select ${fusionCols} from tasks t where ${where}`),
    db.execute(sql`select c.id as "campaignId", c.title, ${fusionCols} from tasks t join campaigns c on c.id = t.campaign_id and c.tenant_id = t.tenant_id
      where ${where} group by c.id, c.title, c.start_date order by c.start_date desc`),
    db.execute(sql`select u.id as "unitId", u.name as "unitName", ${fusionCols} from tasks t join units u on u.id = t.owner_unit_id
      where ${where} group by u.id, u.name, u.sort_order order by u.sort_order`),
  ]);
  return {
    overall: rowsOf<FusionRow>(overall)[0],
    byCampaign: rowsOf<FusionRow & { campaignId: string; title: string }>(byCampaign),
    byUnit: rowsOf<FusionRow & { unitId: string; unitName: string }>(byUnit),
  };
}

export async function listComments(db: Db, tenantId: string, taskId: string) {
  return db
    .select()
    .from(taskComments)
    .where(and(eq(taskComments.tenantId, tenantId), eq(taskComments.taskId, taskId)))
    .orderBy(taskComments.createdAt);
}

export async function insertComment(db: Db, values: typeof taskComments.$inferInsert) {
  const [row] = await db.insert(taskComments).values(values).returning();
  return row;
}

/** Returns whether a follow row was added (false when already following). */
export async function follow(db: Db, tenantId: string, taskId: string, userId: string) {
  const rows = await db.insert(taskFollows).values({ tenantId, taskId, userId }).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function unfollow(db: Db, tenantId: string, taskId: string, userId: string) {
  const rows = await db
    .delete(taskFollows)
    .where(and(eq(taskFollows.tenantId, tenantId), eq(taskFollows.taskId, taskId), eq(taskFollows.userId, userId)))
    .returning();
  return rows.length > 0;
}
