import { and, eq, sql, type SQL } from 'drizzle-orm';
import { contributionAreas, outcomePeople, outcomes } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf, uuidArray, type Scope } from '../../access/scope.js';
import { gramsMatchSql } from '../../platform/search/match.js';
import { inListOrder } from '../../platform/paging.js';

export interface OutcomeFilter {
  kind?: string;
  level?: string;
  medium?: string;
  areaCode?: string;
  unitId?: string;
  from?: string;
  to?: string;
  q?: string;
}

export interface OutcomeRow {
  id: string;
  kind: string;
  title: string;
  unitId: string;
  unitName: string;
  level: string;
  medium: string | null;
  publishedOn: string;
  link: string | null;
  areaCode: string | null;
  areaName: string | null;
  taskId: string | null;
  projectId: string | null;
  version: number;
  createdAt: Date | string;
  updatedAt: Date | string;
}

export interface OutcomePersonRow {
  outcomeId: string;
  id: string;
  name: string;
}

const mine = (personId: string) =>
  sql`exists (select 1 from outcome_people op where op.tenant_id = o.tenant_id and op.outcome_id = o.id and op.person_id = ${personId})`;

/** Outcomes a scope sees: those of units in scope, and those the caller is named in. */
export function outcomeScopeSql(scope: Scope): SQL {
  if (scope.kind === 'all') return sql`true`;
  const own = scope.personId ? mine(scope.personId) : sql`false`;
  if (scope.kind === 'self' || scope.unitIds.length === 0) return own;
  return sql`(o.unit_id = any(${uuidArray(scope.unitIds)}) or ${own})`;
}

export function outcomeWhere(tenantId: string, scope: Scope, f: OutcomeFilter): SQL {
  const conds: SQL[] = [sql`o.tenant_id = ${tenantId}`, outcomeScopeSql(scope)];
  if (f.kind) conds.push(sql`o.kind = ${f.kind}`);
  if (f.level) conds.push(sql`o.level = ${f.level}`);
  if (f.medium) conds.push(sql`o.medium = ${f.medium}`);
  if (f.areaCode) conds.push(sql`o.area_code = ${f.areaCode}`);
  if (f.unitId) conds.push(sql`o.unit_id = ${f.unitId}`);
  if (f.from) conds.push(sql`o.published_on >= ${f.from}`);
  if (f.to) conds.push(sql`o.published_on <= ${f.to}`);
  if (f.q) conds.push(gramsMatchSql(sql`o.search_grams`, f.q));
  return and(...conds)!;
}

const outcomeSelect = sql`
  select o.id, o.kind, o.title, o.unit_id as "unitId", u.name as "unitName", o.level, o.medium, o.published_on::text as "publishedOn",
    o.link, o.area_code as "areaCode", a.name as "areaName", o.task_id as "taskId", o.project_id as "projectId",
    o.version, o.created_at as "createdAt", o.updated_at as "updatedAt"
  from outcomes o
  join units u on u.id = o.unit_id
  left join contribution_areas a on a.tenant_id = o.tenant_id and a.code = o.area_code`;

const sortable: Record<string, SQL> = {
  title: sql.raw('o.title'),
  kind: sql.raw('o.kind'),
  level: sql.raw(`array_position(array['national','provincial','municipal','school'], o.level)`),
  medium: sql.raw('o.medium'),
  unitName: sql.raw('u.name'),
  publishedOn: sql.raw('o.published_on'),
  createdAt: sql.raw('o.created_at'),
};

function orderBy(sort?: string): SQL {
  const col = sortable[sort?.replace(/^-/, '') ?? ''];
  if (!col) return sql.raw('o.published_on desc, o.id');
  return sql`${col} ${sql.raw(sort!.startsWith('-') ? 'desc' : 'asc')}, o.id`;
}

export async function listOutcomes(db: Db, tenantId: string, scope: Scope, f: OutcomeFilter, page: { page: number; pageSize: number; sort?: string }) {
  const where = outcomeWhere(tenantId, scope, f);
  const rows = await db.execute(sql`${outcomeSelect} where ${where} order by ${orderBy(page.sort)} limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`);
  const count = await db.execute(sql`select count(*)::int as n from outcomes o where ${where}`);
  return { rows: rowsOf<OutcomeRow>(rows), total: rowsOf<{ n: number }>(count)[0].n };
}

export async function* iterateOutcomes(db: Db, tenantId: string, scope: Scope, f: OutcomeFilter, sort?: string, batch = 1000) {
  yield* inListOrder<OutcomeRow>(db, { select: outcomeSelect, where: outcomeWhere(tenantId, scope, f), order: orderBy(sort), idColumn: sql`o.id` }, batch);
}

export async function getOutcome(db: Db, tenantId: string, scope: Scope, id: string): Promise<OutcomeRow | null> {
  const res = await db.execute(sql`${outcomeSelect} where o.tenant_id = ${tenantId} and o.id = ${id} and ${outcomeScopeSql(scope)}`);
  return rowsOf<OutcomeRow>(res)[0] ?? null;
}

export async function listOutcomePeople(db: Db, tenantId: string, outcomeIds: string[]): Promise<OutcomePersonRow[]> {
  if (outcomeIds.length === 0) return [];
  const res = await db.execute(sql`
    select op.outcome_id as "outcomeId", p.id, p.name from outcome_people op join people p on p.id = op.person_id
    where op.tenant_id = ${tenantId} and op.outcome_id = any(${uuidArray(outcomeIds)}) order by p.name`);
  return rowsOf<OutcomePersonRow>(res);
}

/** Counts by one dimension (a column expression) within the filter, largest first. */
export async function countBy(db: Db, tenantId: string, scope: Scope, f: OutcomeFilter, dim: 'kind' | 'level' | 'medium' | 'area') {
  const where = outcomeWhere(tenantId, scope, f);
  if (dim === 'area') {
    const res = await db.execute(sql`
      select o.area_code as key, a.name, count(*)::int as count from outcomes o
      left join contribution_areas a on a.tenant_id = o.tenant_id and a.code = o.area_code
      where ${where} and o.area_code is not null group by o.area_code, a.name, a.sort_order order by a.sort_order nulls last, o.area_code`);
    return rowsOf<{ key: string; name: string | null; count: number }>(res);
  }
  const col = sql.raw(`o.${dim}`);
  const res = await db.execute(sql`
    select ${col} as key, null as name, count(*)::int as count from outcomes o
    where ${where} and ${col} is not null group by ${col} order by count(*) desc, ${col}`);
  return rowsOf<{ key: string; name: string | null; count: number }>(res);
}

export async function countOutcomes(db: Db, tenantId: string, scope: Scope, f: OutcomeFilter): Promise<number> {
  const res = await db.execute(sql`select count(*)::int as n from outcomes o where ${outcomeWhere(tenantId, scope, f)}`);
  return rowsOf<{ n: number }>(res)[0].n;
}

export async function insertOutcome(db: Db, values: typeof outcomes.$inferInsert) {
  const [row] = await db.insert(outcomes).values(values).returning({ id: outcomes.id });
  return row;
}

export async function updateOutcome(db: Db, tenantId: string, id: string, version: number, patch: Partial<typeof outcomes.$inferInsert>) {
  const [row] = await db
    .update(outcomes)
    .set({ ...patch, version: sql`${outcomes.version} + 1`, updatedAt: new Date() })
    .where(and(eq(outcomes.tenantId, tenantId), eq(outcomes.id, id), eq(outcomes.version, version)))
    .returning({ id: outcomes.id });
  return row ?? null;
}

export async function replaceOutcomePeople(db: Db, tenantId: string, outcomeId: string, personIds: string[]) {
  await db.delete(outcomePeople).where(and(eq(outcomePeople.tenantId, tenantId), eq(outcomePeople.outcomeId, outcomeId)));
  if (personIds.length) await db.insert(outcomePeople).values(personIds.map((personId) => ({ tenantId, outcomeId, personId })));
}

export async function deleteOutcome(db: Db, tenantId: string, id: string) {
  await replaceOutcomePeople(db, tenantId, id, []);
  await db.delete(outcomes).where(and(eq(outcomes.tenantId, tenantId), eq(outcomes.id, id)));
}

export async function listAreas(db: Db, tenantId: string) {
  return db.select().from(contributionAreas).where(eq(contributionAreas.tenantId, tenantId)).orderBy(contributionAreas.sortOrder, contributionAreas.code);
}

export async function getArea(db: Db, tenantId: string, by: { id?: string; code?: string }) {
  const cond = by.id ? eq(contributionAreas.id, by.id) : eq(contributionAreas.code, by.code!);
  const [row] = await db.select().from(contributionAreas).where(and(eq(contributionAreas.tenantId, tenantId), cond));
  return row ?? null;
}

export async function areaInUse(db: Db, tenantId: string, code: string): Promise<boolean> {
  const res = await db.execute(sql`select 1 from outcomes where tenant_id = ${tenantId} and area_code = ${code} limit 1`);
  return rowsOf(res).length > 0;
}

export async function existsIn(db: Db, table: 'tasks' | 'innovation_projects', tenantId: string, id: string): Promise<boolean> {
  const res = await db.execute(sql`select 1 from ${sql.raw(table)} where tenant_id = ${tenantId} and id = ${id}`);
  return rowsOf(res).length > 0;
}
