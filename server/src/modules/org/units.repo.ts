import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { units, people, positions, leaderDuties } from '../../db/schema/index.js';
import type { Unit } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../access/scope.js';

export type UnitRow = typeof units.$inferSelect;

export interface UnitFilter {
  track?: string;
  kind?: string;
  q?: string;
}

const like = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;

/** The org tree is reference data every signed-in user of the tenant may read. */
export async function listUnits(db: Db, tenantId: string, f: UnitFilter): Promise<UnitRow[]> {
  const conds: SQL[] = [eq(units.tenantId, tenantId)];
  if (f.track) conds.push(eq(units.track, f.track));
  if (f.kind) conds.push(eq(units.kind, f.kind));
  if (f.q) conds.push(or(ilike(units.name, like(f.q)), ilike(units.code, like(f.q)))!);
  return db.select().from(units).where(and(...conds)).orderBy(asc(units.sortOrder), asc(units.code));
}

/**
 * The unit list as the API sends it: just the contract's columns, straight from the
 * driver (mapping every column of 200 rows through the query builder cost more than the query).
 */
export async function listUnitViews(db: Db, tenantId: string, f: UnitFilter): Promise<Unit[]> {
  const res = await db.execute(sql`
    select id, parent_id as "parentId", track, kind, name, short_name as "shortName", code, paired_unit_id as "pairedUnitId", sort_order as "sortOrder", version
    from units
    where tenant_id = ${tenantId}
      ${f.track ? sql`and track = ${f.track}` : sql``}
      ${f.kind ? sql`and kind = ${f.kind}` : sql``}
      ${f.q ? sql`and (name ilike ${like(f.q)} or code ilike ${like(f.q)})` : sql``}
    order by sort_order, code`);
  return rowsOf<Unit>(res);
}

export async function getUnit(db: Db, tenantId: string, id: string): Promise<UnitRow | null> {
  const [row] = await db.select().from(units).where(and(eq(units.tenantId, tenantId), eq(units.id, id)));
  return row ?? null;
}

export async function getUnitsByIds(db: Db, tenantId: string, ids: string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(units).where(and(eq(units.tenantId, tenantId), sql`${units.id} = any(${`{${ids.join(',')}}`}::uuid[])`));
}

export async function getUnitByCode(db: Db, tenantId: string, code: string): Promise<UnitRow | null> {
  const [row] = await db.select().from(units).where(and(eq(units.tenantId, tenantId), eq(units.code, code)));
  return row ?? null;
}

/** Ancestors of a unit, nearest first; used to refuse cycles when a unit moves. */
export async function ancestorIds(db: Db, tenantId: string, id: string): Promise<string[]> {
  const res = await db.execute<{ id: string }>(sql`
    with recursive up as (
      select id, parent_id from units where tenant_id = ${tenantId} and id = ${id}
      union
      select u.id, u.parent_id from units u join up on u.id = up.parent_id where u.tenant_id = ${tenantId}
    ) select id from up`);
  return rowsOf<{ id: string }>(res).map((r) => r.id);
}

export async function insertUnit(db: Db, values: typeof units.$inferInsert): Promise<UnitRow> {
  const [row] = await db.insert(units).values(values).returning();
  return row;
}

/** Updates only when the version matches; returns null on a stale version. */
export async function updateUnit(db: Db, tenantId: string, id: string, version: number, patch: Partial<typeof units.$inferInsert>) {
  const [row] = await db
    .update(units)
    .set({ ...patch, version: sql`${units.version} + 1`, updatedAt: new Date() })
    .where(and(eq(units.tenantId, tenantId), eq(units.id, id), eq(units.version, version)))
    .returning();
  return row ?? null;
}

/**
 * Keeps pairing symmetric: pairing A with B clears whatever either was paired
 * with before; pairing A with null unpairs A and its partner on both sides.
 */
export async function setPairing(db: Db, tenantId: string, a: string, b: string | null) {
  await db
    .update(units)
    .set({ pairedUnitId: null })
    .where(and(eq(units.tenantId, tenantId), or(eq(units.id, a), eq(units.pairedUnitId, a), b ? eq(units.pairedUnitId, b) : sql`false`)!));
  if (b) {
    await db.update(units).set({ pairedUnitId: b }).where(and(eq(units.tenantId, tenantId), eq(units.id, a)));
    await db.update(units).set({ pairedUnitId: a }).where(and(eq(units.tenantId, tenantId), eq(units.id, b)));
  }
}

export async function unitUsage(db: Db, tenantId: string, id: string) {
  const res = await db.execute<{ children: number; members: number; posts: number; duties: number }>(sql`
    select
      (select count(*)::int from ${units} where tenant_id = ${tenantId} and parent_id = ${id}) as children,
      (select count(*)::int from ${people} where tenant_id = ${tenantId} and unit_id = ${id}) as members,
      (select count(*)::int from ${positions} where tenant_id = ${tenantId} and unit_id = ${id}) as posts,
      (select count(*)::int from ${leaderDuties} where tenant_id = ${tenantId} and unit_id = ${id}) as duties`);
  return rowsOf<{ children: number; members: number; posts: number; duties: number }>(res)[0];
}

export async function deleteUnit(db: Db, tenantId: string, id: string) {
  await db.update(units).set({ pairedUnitId: null }).where(and(eq(units.tenantId, tenantId), eq(units.pairedUnitId, id)));
  await db.delete(units).where(and(eq(units.tenantId, tenantId), eq(units.id, id)));
}
