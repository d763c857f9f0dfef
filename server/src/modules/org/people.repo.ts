import { and, asc, desc, eq, ilike, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { people, positions, units } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { unitScopeSql, uuidArray, rowsOf, type Scope } from '../../access/scope.js';
import { grams } from '../../platform/search/grams.js';
import type { PersonRow, PositionRow } from './org.presenter.js';

export interface PersonFilter {
  unitId?: string;
  subtree?: boolean;
  politicalStatus?: string;
  dualLeader?: boolean;
  role?: string;
  q?: string;
}

const like = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;

const personColumns = {
  id: people.id,
  staffNo: people.staffNo,
  name: people.name,
  gender: people.gender,
  title: people.title,
  politicalStatus: people.politicalStatus,
  dualLeader: people.dualLeader,
  phone: people.phone,
  email: people.email,
  unitId: people.unitId,
  unitName: units.name,
  version: people.version,
};

const sortable: Record<string, AnyColumn> = {
  name: people.name,
  staffNo: people.staffNo,
  unitName: units.name,
  politicalStatus: people.politicalStatus,
};

function personWhere(tenantId: string, scope: Scope, f: PersonFilter): SQL {
  const conds: SQL[] = [eq(people.tenantId, tenantId), unitScopeSql(scope, people.unitId, people.id)];
  if (f.unitId) {
    conds.push(
      f.subtree
        ? sql`${people.unitId} in (with recursive t as (select id from units where tenant_id = ${tenantId} and id = ${f.unitId}
            union select u.id from units u join t on u.parent_id = t.id where u.tenant_id = ${tenantId}) select id from t)`
        : eq(people.unitId, f.unitId),
    );
  }
  if (f.politicalStatus) conds.push(eq(people.politicalStatus, f.politicalStatus));
  if (f.dualLeader !== undefined) conds.push(eq(people.dualLeader, f.dualLeader));
  if (f.role) conds.push(sql`exists (select 1 from positions p where p.tenant_id = ${tenantId} and p.person_id = ${people.id} and p.role = ${f.role})`);
  if (f.q) conds.push(or(ilike(people.name, like(f.q)), ilike(people.staffNo, like(f.q)), ilike(people.phone, like(f.q)))!);
  return and(...conds)!;
}

/** One page of people within scope, sorted; the count uses the same predicate so totals are right. */
export async function listPeople(db: Db, tenantId: string, scope: Scope, f: PersonFilter, page: { page: number; pageSize: number; sort?: string }) {
  const where = personWhere(tenantId, scope, f);
  const key = page.sort?.replace(/^-/, '') ?? 'staffNo';
  const col = sortable[key] ?? people.staffNo;
  const order = page.sort?.startsWith('-') ? desc(col) : asc(col);
  const [rows, [{ count }]] = await Promise.all([
    db
      .select(personColumns)
      .from(people)
      .innerJoin(units, eq(units.id, people.unitId))
      .where(where)
      .orderBy(order, asc(people.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ count: sql<number>`count(*)::int` }).from(people).where(where),
  ]);
  return { rows: rows as PersonRow[], total: count };
}

/** Counts by political status within scope, one GROUP BY. */
export async function countPeopleByStatus(db: Db, tenantId: string, scope: Scope) {
  return db
    .select({ politicalStatus: people.politicalStatus, count: sql<number>`count(*)::int`, dual: sql<number>`count(*) filter (where ${people.dualLeader})::int` })
    .from(people)
    .where(personWhere(tenantId, scope, {}))
    .groupBy(people.politicalStatus)
    .orderBy(people.politicalStatus);
}

/** All matching people in batches, for exports that must not hold everything in memory. */
export async function* iteratePeople(db: Db, tenantId: string, scope: Scope, f: PersonFilter, batch = 2000) {
  const where = personWhere(tenantId, scope, f);
  let after = '';
  for (;;) {
    const rows = (await db
      .select(personColumns)
      .from(people)
      .innerJoin(units, eq(units.id, people.unitId))
      .where(and(where, sql`${people.staffNo} > ${after}`))
      .orderBy(asc(people.staffNo))
      .limit(batch)) as PersonRow[];
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].staffNo;
  }
}

export async function getPerson(db: Db, tenantId: string, id: string): Promise<PersonRow | null> {
  const [row] = await db
    .select(personColumns)
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(and(eq(people.tenantId, tenantId), eq(people.id, id)));
  return (row as PersonRow) ?? null;
}

export async function getPersonByStaffNo(db: Db, tenantId: string, staffNo: string) {
  const [row] = await db.select({ id: people.id }).from(people).where(and(eq(people.tenantId, tenantId), eq(people.staffNo, staffNo)));
  return row ?? null;
}

/** The texts the header search finds a person by: name, staff number and title. */
export const personGrams = (p: { name: string; staffNo: string; title?: string | null }) => grams(p.name, p.staffNo, p.title);

export async function insertPeople(db: Db, rows: (typeof people.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(people).values(rows.map((r) => ({ ...r, searchGrams: personGrams(r) }))).returning({ id: people.id, staffNo: people.staffNo });
}

/** Fills search grams of people written before they had any (older data, other writers); idempotent, in small batches. */
export async function backfillPersonGrams(db: Db, batch = 500): Promise<number> {
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select({ id: people.id, name: people.name, staffNo: people.staffNo, title: people.title })
      .from(people)
      .where(sql`cardinality(${people.searchGrams}) = 0 and ${people.id} > ${after}`)
      .orderBy(people.id)
      .limit(batch);
    for (const r of rows) await db.update(people).set({ searchGrams: personGrams(r) }).where(eq(people.id, r.id));
    done += rows.length;
    if (rows.length < batch) return done;
    after = rows[rows.length - 1].id;
  }
}

export async function updatePerson(db: Db, tenantId: string, id: string, version: number, patch: Partial<typeof people.$inferInsert>) {
  const [row] = await db
    .update(people)
    .set({ ...patch, version: sql`${people.version} + 1`, updatedAt: new Date() })
    .where(and(eq(people.tenantId, tenantId), eq(people.id, id), eq(people.version, version)))
    .returning({ id: people.id });
  return row ?? null;
}

export async function deletePerson(db: Db, tenantId: string, id: string) {
  await db.delete(positions).where(and(eq(positions.tenantId, tenantId), eq(positions.personId, id)));
  await db.delete(people).where(and(eq(people.tenantId, tenantId), eq(people.id, id)));
}

export async function listPositions(db: Db, tenantId: string, by: { unitIds?: string[]; personIds?: string[] }): Promise<PositionRow[]> {
  const conds: SQL[] = [sql`p.tenant_id = ${tenantId}`];
  if (by.unitIds) conds.push(sql`p.unit_id = any(${uuidArray(by.unitIds)})`);
  if (by.personIds) conds.push(sql`p.person_id = any(${uuidArray(by.personIds)})`);
  const res = await db.execute(sql`
    select p.id, p.person_id as "personId", pe.name as "personName", p.unit_id as "unitId", u.name as "unitName", p.role
    from positions p join people pe on pe.id = p.person_id join units u on u.id = p.unit_id
    where ${and(...conds)} order by u.sort_order, p.role, pe.staff_no`);
  return rowsOf<PositionRow>(res);
}

export async function getPosition(db: Db, tenantId: string, id: string) {
  const [row] = await db.select().from(positions).where(and(eq(positions.tenantId, tenantId), eq(positions.id, id)));
  return row ?? null;
}

export async function insertPositions(db: Db, rows: (typeof positions.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(positions).values(rows).onConflictDoNothing().returning();
}

export async function deletePosition(db: Db, tenantId: string, id: string) {
  await db.delete(positions).where(and(eq(positions.tenantId, tenantId), eq(positions.id, id)));
}
