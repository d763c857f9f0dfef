import { and, eq, sql, type SQL } from 'drizzle-orm';
import { regulations } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../access/scope.js';
import { gramsMatchSql } from '../../platform/search/match.js';
import { inListOrder } from '../../platform/paging.js';

export interface RegulationFilter {
  status?: string;
  category?: string;
  ownerUnitId?: string;
  current?: 'true' | 'false';
  q?: string;
}

export interface RegulationRow {
  id: string;
  seriesId: string;
  versionNo: number;
  previousId: string | null;
  title: string;
  docNo: string | null;
  ownerUnitId: string;
  ownerUnitName: string;
  category: string;
  status: string;
  effectiveOn: string | null;
  revisedOn: string | null;
  abolishedOn: string | null;
  abolishReason: string | null;
  body: string | null;
  version: number;
  createdAt: Date | string;
  updatedAt: Date | string;
}

/*
 * Regulations are the school's rules: every reader of the tenant sees all of
 * them (no unit scope); only the office and admins write.
 */
function regulationWhere(tenantId: string, f: RegulationFilter): SQL {
  const conds: SQL[] = [sql`g.tenant_id = ${tenantId}`];
  if (f.status) conds.push(sql`g.status = ${f.status}`);
  if (f.category) conds.push(sql`g.category = ${f.category}`);
  if (f.ownerUnitId) conds.push(sql`g.owner_unit_id = ${f.ownerUnitId}`);
  if (f.current === 'true') conds.push(sql`g.status <> 'revised'`);
  if (f.q) conds.push(gramsMatchSql(sql`g.search_grams`, f.q));
  return and(...conds)!;
}

const regulationSelect = sql`
  select g.id, g.series_id as "seriesId", g.version_no as "versionNo", g.previous_id as "previousId", g.title, g.doc_no as "docNo",
    g.owner_unit_id as "ownerUnitId", u.name as "ownerUnitName", g.category, g.status, g.effective_on::text as "effectiveOn",
    g.revised_on::text as "revisedOn", g.abolished_on::text as "abolishedOn", g.abolish_reason as "abolishReason", g.body,
    g.version, g.created_at as "createdAt", g.updated_at as "updatedAt"
  from regulations g
  join units u on u.id = g.owner_unit_id`;

const sortable: Record<string, SQL> = {
  title: sql.raw('g.title'),
  docNo: sql.raw('g.doc_no'),
  category: sql.raw('g.category'),
  status: sql.raw(`array_position(array['draft','in_force','revised','abolished'], g.status)`),
  effectiveOn: sql.raw('g.effective_on'),
  ownerUnitName: sql.raw('u.name'),
  updatedAt: sql.raw('g.updated_at'),
};

function orderBy(sort?: string): SQL {
  const col = sortable[sort?.replace(/^-/, '') ?? ''];
  if (!col) return sql.raw('g.updated_at desc, g.id');
  return sql`${col} ${sql.raw(sort!.startsWith('-') ? 'desc nulls last' : 'asc nulls last')}, g.id`;
}

export async function listRegulations(db: Db, tenantId: string, f: RegulationFilter, page: { page: number; pageSize: number; sort?: string }) {
  const where = regulationWhere(tenantId, f);
  const rows = await db.execute(sql`${regulationSelect} where ${where} order by ${orderBy(page.sort)} limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`);
  const count = await db.execute(sql`select count(*)::int as n from regulations g where ${where}`);
  return { rows: rowsOf<RegulationRow>(rows), total: rowsOf<{ n: number }>(count)[0].n };
}

export async function* iterateRegulations(db: Db, tenantId: string, f: RegulationFilter, sort?: string, batch = 1000) {
  yield* inListOrder<RegulationRow>(db, { select: regulationSelect, where: regulationWhere(tenantId, f), order: orderBy(sort), idColumn: sql`g.id` }, batch);
}

export async function getRegulation(db: Db, tenantId: string, id: string): Promise<RegulationRow | null> {
  const res = await db.execute(sql`${regulationSelect} where g.tenant_id = ${tenantId} and g.id = ${id}`);
  return rowsOf<RegulationRow>(res)[0] ?? null;
}

export async function listSeries(db: Db, tenantId: string, seriesId: string): Promise<RegulationRow[]> {
  const res = await db.execute(sql`${regulationSelect} where g.tenant_id = ${tenantId} and g.series_id = ${seriesId} order by g.version_no`);
  return rowsOf<RegulationRow>(res);
}

/** The cleanup report's three parts for [from, to]: first versions in force, revisions, abolitions. */
export async function cleanupPart(db: Db, tenantId: string, part: 'made' | 'revised' | 'abolished', from: string, to: string): Promise<RegulationRow[]> {
  const cond = {
    made: sql`g.version_no = 1 and g.effective_on between ${from} and ${to}`,
    revised: sql`g.version_no > 1 and g.effective_on between ${from} and ${to}`,
    abolished: sql`g.abolished_on between ${from} and ${to}`,
  }[part];
  const order = part === 'abolished' ? sql.raw('g.abolished_on') : sql.raw('g.effective_on');
  const res = await db.execute(sql`${regulationSelect} where g.tenant_id = ${tenantId} and ${cond} order by ${order}, g.title, g.id`);
  return rowsOf<RegulationRow>(res);
}

export async function insertRegulation(db: Db, values: typeof regulations.$inferInsert) {
  const [row] = await db.insert(regulations).values(values).returning({ id: regulations.id });
  return row;
}

/** Updates a row only while it is in `status` (and at `version` if given); null when either no longer holds. */
export async function updateRegulationIf(db: Db, tenantId: string, id: string, guard: { status: string; version?: number }, patch: Partial<typeof regulations.$inferInsert>) {
  const conds = [eq(regulations.tenantId, tenantId), eq(regulations.id, id), eq(regulations.status, guard.status)];
  if (guard.version !== undefined) conds.push(eq(regulations.version, guard.version));
  const [row] = await db
    .update(regulations)
    .set({ ...patch, version: sql`${regulations.version} + 1`, updatedAt: new Date() })
    .where(and(...conds))
    .returning({ id: regulations.id });
  return row ?? null;
}

export async function deleteRegulation(db: Db, tenantId: string, id: string) {
  await db.delete(regulations).where(and(eq(regulations.tenantId, tenantId), eq(regulations.id, id)));
}
