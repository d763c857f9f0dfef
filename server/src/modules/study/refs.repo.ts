import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf, unitInScope, uuidArray } from '../../access/scope.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/errors.js';

/**
 * Reference checks shared by study sessions, research topics and lectures:
 * every id a request names must exist in the caller's tenant, else 400 naming the field.
 */
async function foundIds(db: Db, table: SQL, tenantId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const res = await db.execute(sql`select id from ${table} where tenant_id = ${tenantId} and id = any(${uuidArray(ids)})`);
  return new Set(rowsOf<{ id: string }>(res).map((r) => r.id));
}

async function requireAll(db: Db, table: SQL, tenantId: string, ids: readonly string[], path: string, what: string) {
  const found = await foundIds(db, table, tenantId, ids);
  const missing = ids.find((i) => !found.has(i));
  if (missing) throw invalid(path, `unknown ${what} ${missing}`);
}

export const requireUnit = (db: Db, tenantId: string, id: string, path: string) => requireAll(db, sql.raw('units'), tenantId, [id], path, 'unit');
export const requireUnits = (db: Db, tenantId: string, ids: readonly string[], path: string) => requireAll(db, sql.raw('units'), tenantId, ids, path, 'unit');
export const requirePerson = (db: Db, tenantId: string, id: string, path: string) => requireAll(db, sql.raw('people'), tenantId, [id], path, 'person');
export const requirePeople = (db: Db, tenantId: string, ids: readonly string[], path: string) => requireAll(db, sql.raw('people'), tenantId, ids, path, 'person');
/** Goals of another tenant are "unknown" here: ids never cross tenants. */
export const requireGoals = (db: Db, tenantId: string, ids: readonly string[], path: string) => requireAll(db, sql.raw('goals'), tenantId, ids, path, 'goal');
export const requireCampaign = (db: Db, tenantId: string, id: string, path: string) => requireAll(db, sql.raw('campaigns'), tenantId, [id], path, 'campaign');
export const requireDocument = (db: Db, tenantId: string, id: string, path: string) => requireAll(db, sql.raw('documents'), tenantId, [id], path, 'document');

/** A unit a write names must lie in the caller's scope (403 naming the field). */
export function requireUnitInScope(ctx: RequestContext, unitId: string, path: string) {
  if (!unitInScope(ctx.scope, unitId)) {
    throw new AppError('OUT_OF_SCOPE', 'this unit is outside your data scope', { issues: [{ path, message: 'outside your scope' }] });
  }
}

/** The first repeated value of a list, for "no duplicates" checks. */
export function firstDuplicate<T>(values: readonly T[]): number {
  const seen = new Set<T>();
  for (let i = 0; i < values.length; i++) {
    if (seen.has(values[i])) return i;
    seen.add(values[i]);
  }
  return -1;
}

/** The latest active campaign of the tenant (used when a record names none). */
export async function activeCampaignId(db: Db, tenantId: string): Promise<string | null> {
  const res = await db.execute(sql`select id from campaigns where tenant_id = ${tenantId} and status = 'active' order by start_date desc, created_at desc limit 1`);
  return rowsOf<{ id: string }>(res)[0]?.id ?? null;
}

/** Timestamps as ISO strings whichever driver returned them. */
export const iso = (v: Date | string) => new Date(v).toISOString();

export const like = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;

/** Drops attachment rows of a deleted record (the content-addressed files stay for other owners). */
export async function deleteAttachmentsOf(db: Db, tenantId: string, entity: string, id: string) {
  await db.execute(sql`delete from attachments where tenant_id = ${tenantId} and entity = ${entity} and entity_id = ${id}`);
}
