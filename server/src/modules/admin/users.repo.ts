import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';

export type UserRow = typeof users.$inferSelect;

export async function listUsers(db: Db, tenantId: string, f: { q?: string; role?: string }, page: number, pageSize: number) {
  const conds: SQL[] = [eq(users.tenantId, tenantId)];
  if (f.q) conds.push(or(ilike(users.username, `%${f.q}%`), ilike(users.displayName, `%${f.q}%`))!);
  if (f.role) conds.push(sql`${f.role} = any(${users.roles})`);
  const where = and(...conds);
  const [items, [{ count }]] = await Promise.all([
    db.select().from(users).where(where).orderBy(asc(users.username)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ count: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  return { items, total: count };
}

export async function getUser(db: Db, tenantId: string, id: string) {
  const [row] = await db.select().from(users).where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
  return row ?? null;
}

export async function getUserByName(db: Db, tenantId: string, username: string) {
  const [row] = await db.select().from(users).where(and(eq(users.tenantId, tenantId), eq(users.username, username)));
  return row ?? null;
}

export async function insertUser(db: Db, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning();
  return row;
}

export async function updateUser(db: Db, tenantId: string, id: string, version: number | null, patch: Partial<typeof users.$inferInsert>) {
  const conds = [eq(users.tenantId, tenantId), eq(users.id, id)];
  if (version !== null) conds.push(eq(users.version, version));
  const [row] = await db
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(and(...conds))
    .returning();
  return row ?? null;
}
