import { and, eq, sql, type SQL } from 'drizzle-orm';
import { honourNominations, honourRounds } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf, unitScopeSql, type Scope } from '../../access/scope.js';
import { like } from '../study/refs.repo.js';
import { inListOrder } from '../../platform/paging.js';

export interface RoundRow {
  id: string;
  year: number;
  title: string;
  status: string;
  publicityStart: string | null;
  publicityEnd: string | null;
  quotas: Record<string, number>;
  version: number;
  createdAt: Date | string;
}

export interface CountRow {
  roundId: string;
  category: string;
  nominated: number;
  approved: number;
  awarded: number;
}

export interface NominationRow {
  id: string;
  roundId: string;
  roundStatus: string;
  category: string;
  nomineePersonId: string | null;
  nomineeUnitId: string | null;
  nomineeName: string;
  nomineeTitle: string | null;
  nomineePersonUnitName: string | null;
  nominatingUnitId: string;
  nominatingUnitName: string;
  reason: string;
  status: string;
  reviewNote: string | null;
  version: number;
  createdAt: Date | string;
}

export interface NominationFilter {
  category?: string;
  status?: string;
  nominatingUnitId?: string;
  q?: string;
}

const roundSelect = sql`
  select r.id, r.year, r.title, r.status, r.publicity_start::text as "publicityStart", r.publicity_end::text as "publicityEnd",
    r.quotas, r.version, r.created_at as "createdAt"
  from honour_rounds r`;

const roundSort: Record<string, SQL> = { year: sql.raw('r.year'), title: sql.raw('r.title'), createdAt: sql.raw('r.created_at') };

function roundOrder(sort?: string): SQL {
  const col = roundSort[sort?.replace(/^-/, '') ?? ''];
  if (!col) return sql.raw('r.year desc, r.created_at desc, r.id');
  return sql`${col} ${sql.raw(sort!.startsWith('-') ? 'desc' : 'asc')}, r.id`;
}

/** Rounds are the tenant's own calendar: every reader sees every round (nominations are scoped, not rounds). */
export async function listRounds(db: Db, tenantId: string, f: { year?: number; status?: string }, page: { page: number; pageSize: number; sort?: string }) {
  const conds: SQL[] = [sql`r.tenant_id = ${tenantId}`];
  if (f.year) conds.push(sql`r.year = ${f.year}`);
  if (f.status) conds.push(sql`r.status = ${f.status}`);
  const where = and(...conds)!;
  const rows = await db.execute(sql`${roundSelect} where ${where} order by ${roundOrder(page.sort)} limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`);
  const count = await db.execute(sql`select count(*)::int as n from honour_rounds r where ${where}`);
  return { rows: rowsOf<RoundRow>(rows), total: rowsOf<{ n: number }>(count)[0].n };
}

/** One round; `lock` holds the row for the transaction, so quota checks of one round queue on it. */
export async function getRound(db: Db, tenantId: string, id: string, lock = false): Promise<RoundRow | null> {
  const res = await db.execute(sql`${roundSelect} where r.tenant_id = ${tenantId} and r.id = ${id} ${lock ? sql.raw('for update of r') : sql``}`);
  return rowsOf<RoundRow>(res)[0] ?? null;
}

/** Per round and category: live nominations, places taken (approved or awarded), awards. */
export async function countsOf(db: Db, tenantId: string, roundIds: string[]): Promise<CountRow[]> {
  if (roundIds.length === 0) return [];
  const res = await db.execute(sql`
    select n.round_id as "roundId", n.category,
      count(*) filter (where n.status <> 'rejected')::int as nominated,
      count(*) filter (where n.status in ('approved', 'awarded'))::int as approved,
      count(*) filter (where n.status = 'awarded')::int as awarded
    from honour_nominations n
    where n.tenant_id = ${tenantId} and n.round_id in (${sql.join(roundIds.map((i) => sql`${i}`), sql`, `)})
    group by n.round_id, n.category`);
  return rowsOf<CountRow>(res);
}

export async function insertRound(db: Db, values: typeof honourRounds.$inferInsert) {
  const [row] = await db.insert(honourRounds).values(values).returning({ id: honourRounds.id });
  return row;
}

/** Updates a round only while it is in `status` (and at `version` if given); null when either no longer holds. */
export async function updateRoundIf(db: Db, tenantId: string, id: string, guard: { status: string[]; version?: number }, patch: Partial<typeof honourRounds.$inferInsert>) {
  const conds = [eq(honourRounds.tenantId, tenantId), eq(honourRounds.id, id), sql`${honourRounds.status} in (${sql.join(guard.status.map((s) => sql`${s}`), sql`, `)})`];
  if (guard.version !== undefined) conds.push(eq(honourRounds.version, guard.version));
  const [row] = await db.update(honourRounds).set({ ...patch, version: sql`${honourRounds.version} + 1` }).where(and(...conds)).returning({ id: honourRounds.id });
  return row ?? null;
}

/**
 * Nominations a scope sees: those its units made (a member: those naming
 * them); during publicity the approved list of the round is open to everyone.
 */
function visibleSql(scope: Scope): SQL {
  const own = unitScopeSql(scope, sql`n.nominating_unit_id`, sql`n.nominee_person_id`);
  return sql`(${own} or (r.status = 'publicity' and n.status in ('approved', 'awarded', 'not_awarded')))`;
}

const nominationSelect = sql`
  select n.id, n.round_id as "roundId", r.status as "roundStatus", n.category, n.nominee_person_id as "nomineePersonId", n.nominee_unit_id as "nomineeUnitId",
    coalesce(p.name, nu.name) as "nomineeName", p.title as "nomineeTitle", pu.name as "nomineePersonUnitName",
    n.nominating_unit_id as "nominatingUnitId", gu.name as "nominatingUnitName", n.reason, n.status, n.review_note as "reviewNote",
    n.version, n.created_at as "createdAt"
  from honour_nominations n
  join honour_rounds r on r.id = n.round_id and r.tenant_id = n.tenant_id
  join units gu on gu.id = n.nominating_unit_id
  left join people p on p.id = n.nominee_person_id
  left join units pu on pu.id = p.unit_id
  left join units nu on nu.id = n.nominee_unit_id`;

function nominationWhere(tenantId: string, scope: Scope, roundId: string, f: NominationFilter): SQL {
  const conds: SQL[] = [sql`n.tenant_id = ${tenantId}`, sql`n.round_id = ${roundId}`, visibleSql(scope)];
  if (f.category) conds.push(sql`n.category = ${f.category}`);
  if (f.status) conds.push(sql`n.status = ${f.status}`);
  if (f.nominatingUnitId) conds.push(sql`n.nominating_unit_id = ${f.nominatingUnitId}`);
  if (f.q) conds.push(sql`(coalesce(p.name, nu.name) ilike ${like(f.q)} or gu.name ilike ${like(f.q)})`);
  return and(...conds)!;
}

const nominationSort: Record<string, SQL> = {
  nomineeName: sql.raw('coalesce(p.name, nu.name)'),
  nominatingUnitName: sql.raw('gu.name'),
  status: sql.raw(`array_position(array['nominated','approved','awarded','not_awarded','rejected'], n.status)`),
  createdAt: sql.raw('n.created_at'),
};

function nominationOrder(sort?: string): SQL {
  const col = nominationSort[sort?.replace(/^-/, '') ?? ''];
  const byCategory = sql.raw(`array_position(array['outstanding_member','outstanding_worker','advanced_organisation'], n.category)`);
  if (!col) return sql`${byCategory}, gu.name, n.created_at, n.id`;
  return sql`${col} ${sql.raw(sort!.startsWith('-') ? 'desc' : 'asc')}, n.id`;
}

export async function listNominations(db: Db, tenantId: string, scope: Scope, roundId: string, f: NominationFilter, page: { page: number; pageSize: number; sort?: string }) {
  const where = nominationWhere(tenantId, scope, roundId, f);
  const rows = await db.execute(sql`${nominationSelect} where ${where} order by ${nominationOrder(page.sort)} limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`);
  const count = await db.execute(sql`
    select count(*)::int as n from honour_nominations n join honour_rounds r on r.id = n.round_id join units gu on gu.id = n.nominating_unit_id
      left join people p on p.id = n.nominee_person_id left join units nu on nu.id = n.nominee_unit_id where ${where}`);
  return { rows: rowsOf<NominationRow>(rows), total: rowsOf<{ n: number }>(count)[0].n };
}

export async function* iterateNominations(db: Db, tenantId: string, scope: Scope, roundId: string, f: NominationFilter, sort?: string, batch = 1000) {
  yield* inListOrder<NominationRow>(db, { select: nominationSelect, where: nominationWhere(tenantId, scope, roundId, f), order: nominationOrder(sort), idColumn: sql`n.id` }, batch);
}

/** A nomination the scope sees (by the same rule as the list). */
export async function getNomination(db: Db, tenantId: string, scope: Scope, id: string): Promise<NominationRow | null> {
  const res = await db.execute(sql`${nominationSelect} where n.tenant_id = ${tenantId} and n.id = ${id} and ${visibleSql(scope)}`);
  return rowsOf<NominationRow>(res)[0] ?? null;
}

/** The nominee as the rules need it: a person's unit and political status, or an organisation's track. */
export async function personOf(db: Db, tenantId: string, id: string) {
  const res = await db.execute(sql`select id, unit_id as "unitId", political_status as "politicalStatus" from people where tenant_id = ${tenantId} and id = ${id}`);
  return rowsOf<{ id: string; unitId: string; politicalStatus: string }>(res)[0] ?? null;
}

export async function unitOf(db: Db, tenantId: string, id: string) {
  const res = await db.execute(sql`select id, track from units where tenant_id = ${tenantId} and id = ${id}`);
  return rowsOf<{ id: string; track: string }>(res)[0] ?? null;
}

/** Whether the nominee already has a live nomination in this category of the round. */
export async function liveDuplicate(db: Db, tenantId: string, roundId: string, category: string, nominee: { personId: string | null; unitId: string | null }) {
  const who = nominee.personId ? sql`n.nominee_person_id = ${nominee.personId}` : sql`n.nominee_unit_id = ${nominee.unitId}`;
  const res = await db.execute(sql`select 1 from honour_nominations n where n.tenant_id = ${tenantId} and n.round_id = ${roundId} and n.category = ${category} and n.status <> 'rejected' and ${who} limit 1`);
  return rowsOf(res).length > 0;
}

export async function insertNomination(db: Db, values: typeof honourNominations.$inferInsert) {
  const [row] = await db.insert(honourNominations).values(values).returning({ id: honourNominations.id });
  return row;
}

/** Moves a nomination from `from` to a new status; null when someone else moved it first. */
export async function moveNomination(db: Db, tenantId: string, id: string, from: string, patch: { status: string; reviewNote?: string | null }) {
  const [row] = await db
    .update(honourNominations)
    .set({ ...patch, version: sql`${honourNominations.version} + 1` })
    .where(and(eq(honourNominations.tenantId, tenantId), eq(honourNominations.id, id), eq(honourNominations.status, from)))
    .returning({ id: honourNominations.id });
  return row ?? null;
}

export async function deleteNomination(db: Db, tenantId: string, id: string) {
  await db.delete(honourNominations).where(and(eq(honourNominations.tenantId, tenantId), eq(honourNominations.id, id)));
}

/**
 * Who hears of a nomination's review: whoever nominated it (from the audit
 * trail) and the unit heads and liaisons attached to the nominating unit.
 */
export async function nominatingUsers(db: Db, tenantId: string, nominationId: string, unitId: string): Promise<string[]> {
  const res = await db.execute(sql`
    select a.actor_id as id from audit_log a
      where a.tenant_id = ${tenantId} and a.entity = 'honour_nomination' and a.entity_id = ${nominationId} and a.action = 'nominate' and a.actor_id is not null
    union
    select u.id from users u join people p on p.id = u.person_id and p.tenant_id = u.tenant_id
      where u.tenant_id = ${tenantId} and u.status = 'active' and u.roles && array['unit_head','liaison']::text[]
        and (p.unit_id = ${unitId} or exists (select 1 from positions po where po.tenant_id = u.tenant_id and po.person_id = p.id and po.unit_id = ${unitId}))`);
  return rowsOf<{ id: string }>(res).map((r) => r.id);
}
