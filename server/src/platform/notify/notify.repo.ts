import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { notifications } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../access/scope.js';
import { textArray } from '../search/match.js';

export type NotificationRow = typeof notifications.$inferSelect;

export async function insertNotifications(db: Db, rows: (typeof notifications.$inferInsert)[]): Promise<{ id: string; userId: string }[]> {
  if (rows.length === 0) return [];
  return db.insert(notifications).values(rows).returning({ id: notifications.id, userId: notifications.userId });
}

/** Active users of the tenant holding any of the roles. */
export async function activeUsersWithRoles(db: Db, tenantId: string, roles: readonly string[]): Promise<string[]> {
  if (roles.length === 0) return [];
  const res = await db.execute(sql`select id from users where tenant_id = ${tenantId} and status = 'active' and roles && ${textArray(roles)} order by username`);
  return rowsOf<{ id: string }>(res).map((r) => r.id);
}

export interface NotificationFilter {
  unread?: 'true' | 'false';
  kind?: string;
}

function mine(tenantId: string, userId: string, f: NotificationFilter = {}): SQL {
  const conds: SQL[] = [eq(notifications.tenantId, tenantId), eq(notifications.userId, userId)];
  if (f.unread === 'true') conds.push(isNull(notifications.readAt));
  if (f.unread === 'false') conds.push(sql`${notifications.readAt} is not null`);
  if (f.kind) conds.push(eq(notifications.kind, f.kind));
  return and(...conds)!;
}

export async function listNotifications(db: Db, tenantId: string, userId: string, f: NotificationFilter, page: { page: number; pageSize: number }) {
  const where = mine(tenantId, userId, f);
  const [rows, count] = await Promise.all([
    db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(page.pageSize).offset((page.page - 1) * page.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(where),
  ]);
  return { rows, total: Number(count[0].n) };
}

export async function countUnread(db: Db, tenantId: string, userId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(mine(tenantId, userId, { unread: 'true' }));
  return Number(row.n);
}

/** The user's own notification, or null (another user's id is "not found"). */
export async function getOwn(db: Db, tenantId: string, userId: string, id: string): Promise<NotificationRow | null> {
  const [row] = await db.select().from(notifications).where(and(mine(tenantId, userId), eq(notifications.id, id)));
  return row ?? null;
}

/** Marks one unread notification read; keeps the first read time. */
export async function markRead(db: Db, tenantId: string, userId: string, id: string): Promise<NotificationRow | null> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(mine(tenantId, userId), eq(notifications.id, id)))
    .returning();
  return row ?? null;
}

export async function markAllRead(db: Db, tenantId: string, userId: string): Promise<number> {
  const rows = await db.update(notifications).set({ readAt: new Date() }).where(mine(tenantId, userId, { unread: 'true' })).returning({ id: notifications.id });
  return rows.length;
}
