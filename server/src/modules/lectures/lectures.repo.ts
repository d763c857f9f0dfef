import { and, eq, sql, type SQL } from 'drizzle-orm';
import { lectures } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf, uuidArray, type Scope } from '../../access/scope.js';
import { gramsMatchSql } from '../../platform/search/match.js';
import { inListOrder } from '../../platform/paging.js';

export interface LectureFilter {
  lecturerPersonId?: string;
  audienceUnitId?: string;
  campaignId?: string;
  from?: string;
  to?: string;
  q?: string;
}

export interface LectureRow {
  id: string;
  campaignId: string | null;
  lecturerPersonId: string;
  lecturerName: string;
  lecturerTitle: string | null;
  audienceUnitId: string;
  audienceUnitName: string;
  heldOn: string;
  topic: string;
  audienceCount: number;
  location: string | null;
  materialsCount: number;
  version: number;
  createdAt: Date | string;
  updatedAt: Date | string;
}

/** Lectures a scope sees: given to a unit in scope, or given by the caller. */
export function lectureScopeSql(scope: Scope): SQL {
  if (scope.kind === 'all') return sql`true`;
  const mine = scope.personId ? sql`l.lecturer_person_id = ${scope.personId}` : sql`false`;
  if (scope.kind === 'self' || scope.unitIds.length === 0) return mine;
  return sql`(l.audience_unit_id = any(${uuidArray(scope.unitIds)}) or ${mine})`;
}

function lectureWhere(tenantId: string, scope: Scope, f: LectureFilter): SQL {
  const conds: SQL[] = [sql`l.tenant_id = ${tenantId}`, lectureScopeSql(scope)];
  if (f.lecturerPersonId) conds.push(sql`l.lecturer_person_id = ${f.lecturerPersonId}`);
  if (f.audienceUnitId) conds.push(sql`l.audience_unit_id = ${f.audienceUnitId}`);
  if (f.campaignId) conds.push(sql`l.campaign_id = ${f.campaignId}`);
  if (f.from) conds.push(sql`l.held_on >= ${f.from}`);
  if (f.to) conds.push(sql`l.held_on <= ${f.to}`);
  if (f.q) conds.push(gramsMatchSql(sql`l.search_grams`, f.q));
  return and(...conds)!;
}

const lectureSelect = sql`
  select l.id, l.campaign_id as "campaignId", l.lecturer_person_id as "lecturerPersonId", p.name as "lecturerName", p.title as "lecturerTitle",
    l.audience_unit_id as "audienceUnitId", u.name as "audienceUnitName", l.held_on::text as "heldOn", l.topic, l.audience_count as "audienceCount",
    l.location, l.version, l.created_at as "createdAt", l.updated_at as "updatedAt",
    (select count(*)::int from attachments f where f.tenant_id = l.tenant_id and f.entity = 'lecture' and f.entity_id = l.id) as "materialsCount"
  from lectures l join people p on p.id = l.lecturer_person_id join units u on u.id = l.audience_unit_id`;

const sortable: Record<string, string> = {
  heldOn: 'l.held_on',
  topic: 'l.topic',
  audienceCount: 'l.audience_count',
  lecturerName: 'p.name',
  audienceUnitName: 'u.name',
  createdAt: 'l.created_at',
};

function orderBy(sort?: string): SQL {
  const col = sortable[sort?.replace(/^-/, '') ?? ''];
  if (!col) return sql.raw('l.held_on desc, l.id');
  return sql.raw(`${col} ${sort!.startsWith('-') ? 'desc' : 'asc'}, l.id`);
}

export async function listLectures(db: Db, tenantId: string, scope: Scope, f: LectureFilter, page: { page: number; pageSize: number; sort?: string }) {
  const where = lectureWhere(tenantId, scope, f);
  const [rows, count] = await Promise.all([
    db.execute(sql`${lectureSelect} where ${where} order by ${orderBy(page.sort)} limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`),
    db.execute(sql`select count(*)::int as n from lectures l where ${where}`),
  ]);
  return { rows: rowsOf<LectureRow>(rows), total: rowsOf<{ n: number }>(count)[0].n };
}

export async function* iterateLectures(db: Db, tenantId: string, scope: Scope, f: LectureFilter, sort?: string, batch = 1000) {
  yield* inListOrder<LectureRow>(db, { select: lectureSelect, where: lectureWhere(tenantId, scope, f), order: orderBy(sort), idColumn: sql`l.id` }, batch);
}

export async function getLecture(db: Db, tenantId: string, scope: Scope, id: string): Promise<LectureRow | null> {
  const res = await db.execute(sql`${lectureSelect} where l.tenant_id = ${tenantId} and l.id = ${id} and ${lectureScopeSql(scope)}`);
  return rowsOf<LectureRow>(res)[0] ?? null;
}

export interface TotalRow {
  id: string;
  name: string;
  count: number;
  audience: number;
}

/** Lectures and audience per lecturer and per audience unit, with the list's filters and scope. */
export async function lectureTotals(db: Db, tenantId: string, scope: Scope, f: LectureFilter) {
  const where = lectureWhere(tenantId, scope, f);
  const byLecturer = await db.execute(sql`
    select p.id, p.name, count(*)::int as count, coalesce(sum(l.audience_count), 0)::int as audience
    from lectures l join people p on p.id = l.lecturer_person_id where ${where}
    group by p.id, p.name, p.staff_no order by count desc, audience desc, p.staff_no`);
  const byUnit = await db.execute(sql`
    select u.id, u.name, count(*)::int as count, coalesce(sum(l.audience_count), 0)::int as audience
    from lectures l join units u on u.id = l.audience_unit_id where ${where}
    group by u.id, u.name, u.sort_order order by count desc, audience desc, u.sort_order`);
  return { byLecturer: rowsOf<TotalRow>(byLecturer), byUnit: rowsOf<TotalRow>(byUnit) };
}

export async function insertLecture(db: Db, values: typeof lectures.$inferInsert) {
  const [row] = await db.insert(lectures).values(values).returning({ id: lectures.id });
  return row;
}

export async function updateLecture(db: Db, tenantId: string, id: string, version: number, patch: Partial<typeof lectures.$inferInsert>) {
  const [row] = await db
    .update(lectures)
    .set({ ...patch, version: sql`${lectures.version} + 1`, updatedAt: new Date() })
    .where(and(eq(lectures.tenantId, tenantId), eq(lectures.id, id), eq(lectures.version, version)))
    .returning({ id: lectures.id });
  return row ?? null;
}

export async function deleteLecture(db: Db, tenantId: string, id: string) {
  await db.delete(lectures).where(and(eq(lectures.tenantId, tenantId), eq(lectures.id, id)));
}
