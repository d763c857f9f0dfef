import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf, unitScopeSql, type Scope } from '../../access/scope.js';
import type { TaskClock } from '../tasks/task.settings.js';
import { ragSql, taskWhere } from '../tasks/task.query.js';
import { fusionCols, type FusionRow } from '../tasks/task.flow.repo.js';
import { outcomeWhere } from '../outcomes/outcomes.repo.js';
import { lectureScopeSql } from '../lectures/lectures.repo.js';
import { topicScopeSql } from '../research/research.repo.js';

/**
 * The cockpit's aggregated reads: each one query, grouped in SQL, within the
 * caller's scope. Tasks, outcomes, lectures and topics reuse the scope and
 * filter predicates of their own lists, so every figure equals the total of
 * the list it links to.
 */
export interface CockpitFilter {
  tenantId: string;
  scope: Scope;
  userId: string;
  clock: TaskClock;
  campaignId?: string;
  /** the period dated records (outcomes, checks, lectures) fall in */
  from?: string;
  to?: string;
  /** tasks and follow-ups are filtered by due date only when the caller named a period */
  dueFrom?: string;
  dueTo?: string;
  unitId?: string;
}

/** The unit and every unit below it (the same subtree the task list's `subtree=true` uses). */
function subtree(f: CockpitFilter): SQL {
  return sql`(with recursive sub as (select id from units where tenant_id = ${f.tenantId} and id = ${f.unitId}
    union select u.id from units u join sub on u.parent_id = sub.id where u.tenant_id = ${f.tenantId}) select id from sub)`;
}

const inSubtree = (f: CockpitFilter, col: SQL) => (f.unitId ? sql`and ${col} in ${subtree(f)}` : sql``);
const between = (col: SQL, from?: string, to?: string) => sql`${from ? sql`and ${col} >= ${from}::date` : sql``} ${to ? sql`and ${col} <= ${to}::date` : sql``}`;
const campaignOf = (f: CockpitFilter, col: SQL) => (f.campaignId ? sql`and ${col} = ${f.campaignId}` : sql``);

/**
 * One statement with PostgreSQL's JIT compilation off. For a unit-scoped caller the
 * task predicate (owner unit OR an EXISTS on co-units) is estimated far above what it
 * costs, past jit_above_cost, and compiling it took ~180 ms for a ~90 ms statement at
 * scale M. SET LOCAL keeps the setting to this transaction (PGlite accepts it too).
 * (Statements in a transaction do not show in the bench's statement capture.)
 */
function withoutJit(db: Db, query: SQL) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return tx.execute(query);
  });
}

export interface TaskGroupRow extends FusionRow {
  unitId: string;
  unitName: string;
  status: string;
  /** tasks of the group by RAG colour ('none' = done or cancelled) */
  red: number;
  amber: number;
  green: number;
  none: number;
}

/**
 * Tasks grouped by owner unit and status in one pass, the RAG colours counted
 * per group: about 800 groups, so PostgreSQL hashes them instead of sorting
 * every task of the campaign; the unit names are joined to the groups, not to
 * the tasks. Counts and fusion come out of the same rows.
 */
export async function taskGroups(db: Db, f: CockpitFilter): Promise<TaskGroupRow[]> {
  const where = taskWhere(f.tenantId, f.scope, f.userId, f.clock, {
    campaignId: f.campaignId, unitId: f.unitId, subtree: f.unitId ? 'true' : undefined, dueFrom: f.dueFrom, dueTo: f.dueTo,
  });
  const rag = (colour: string) => sql`count(*) filter (where t.rag = ${colour})::int`;
  const query = sql`select g.*, u.name as "unitName"
    from (select t.owner_unit_id as "unitId", t.status, ${fusionCols},
        ${rag('red')} as red, ${rag('amber')} as amber, ${rag('green')} as green, ${rag('none')} as none
      from (select t.owner_unit_id, t.status, t.fused, t.weight, ${ragSql(f.clock)} as rag from tasks t where ${where}) t
      group by t.owner_unit_id, t.status) g
    join units u on u.id = g."unitId"
    order by u.sort_order, u.name, g.status`;
  // only the OR … EXISTS predicates of a unit scope or a unit filter are costed past jit_above_cost
  const res = f.scope.kind === 'all' && !f.unitId ? await db.execute(query) : await withoutJit(db, query);
  const n = (v: unknown) => Number(v);
  return rowsOf<TaskGroupRow>(res).map((r) => ({
    ...r, total: n(r.total), fused: n(r.fused), weight: n(r.weight), fusedWeight: n(r.fusedWeight), red: n(r.red), amber: n(r.amber), green: n(r.green), none: n(r.none),
  }));
}

export interface OutcomeGroupRow {
  kind: string;
  level: string;
  medium: string | null;
  count: number;
}

/** Outcomes grouped by kind, level and medium (published in the period), within the register's own scope. */
export async function outcomeGroups(db: Db, f: CockpitFilter): Promise<OutcomeGroupRow[]> {
  const res = await db.execute(sql`select o.kind, o.level, o.medium, count(*)::int as count from outcomes o
    where ${outcomeWhere(f.tenantId, f.scope, { from: f.from, to: f.to })} ${inSubtree(f, sql`o.unit_id`)}
    group by o.kind, o.level, o.medium`);
  return rowsOf<OutcomeGroupRow>(res).map((r) => ({ ...r, count: Number(r.count) }));
}

export interface CheckGroupRow {
  month: string;
  result: string;
  count: number;
}

/** Supervision checks of the campaign's monthly plans, by month checked and result. */
export async function checkGroups(db: Db, f: CockpitFilter): Promise<CheckGroupRow[]> {
  const res = await db.execute(sql`select to_char(c.checked_on, 'YYYY-MM') as month, c.result, count(*)::int as count
    from supervision_checks c join supervision_plans p on p.id = c.plan_id and p.tenant_id = c.tenant_id
    where c.tenant_id = ${f.tenantId} and ${unitScopeSql(f.scope, sql`c.unit_id`)} ${campaignOf(f, sql`p.campaign_id`)}
      ${between(sql`c.checked_on`, f.from, f.to)} ${inSubtree(f, sql`c.unit_id`)}
    group by 1, c.result order by 1`);
  return rowsOf<CheckGroupRow>(res).map((r) => ({ ...r, count: Number(r.count) }));
}

export interface LectureCounts {
  total: number;
  held: number;
  upcoming: number;
  audience: number;
}

/** Lectures given in the period: held (on or before today) and scheduled, with the audience they reached. */
export async function lectureCounts(db: Db, f: CockpitFilter): Promise<LectureCounts> {
  const res = await db.execute(sql`select count(*)::int as total, count(*) filter (where l.held_on <= ${f.clock.today}::date)::int as held,
      count(*) filter (where l.held_on > ${f.clock.today}::date)::int as upcoming, coalesce(sum(l.audience_count), 0)::int as audience
    from lectures l
    where l.tenant_id = ${f.tenantId} and ${lectureScopeSql(f.scope)} ${campaignOf(f, sql`l.campaign_id`)}
      ${between(sql`l.held_on`, f.from, f.to)} ${inSubtree(f, sql`l.audience_unit_id`)}`);
  const r = rowsOf<LectureCounts>(res)[0];
  return { total: Number(r?.total ?? 0), held: Number(r?.held ?? 0), upcoming: Number(r?.upcoming ?? 0), audience: Number(r?.audience ?? 0) };
}

/** Research topics of the campaign by status (their current state; topics touching a unit of the subtree). */
export async function topicGroups(db: Db, f: CockpitFilter): Promise<{ status: string; count: number }[]> {
  const unit = f.unitId
    ? sql`and exists (select 1 from research_topic_units ftu where ftu.tenant_id = t.tenant_id and ftu.topic_id = t.id and ftu.unit_id in ${subtree(f)})`
    : sql``;
  const res = await db.execute(sql`select t.status, count(*)::int as count from research_topics t
    where t.tenant_id = ${f.tenantId} and ${topicScopeSql(f.scope)} ${campaignOf(f, sql`t.campaign_id`)} ${unit}
    group by t.status`);
  return rowsOf<{ status: string; count: number }>(res).map((r) => ({ ...r, count: Number(r.count) }));
}

export interface FollowUpCounts {
  total: number;
  open: number;
  overdue: number;
  closed: number;
}

/** 督办事项 of the campaign: open, overdue (open past the due date) and closed. */
export async function followUpCounts(db: Db, f: CockpitFilter): Promise<FollowUpCounts> {
  const closed = sql`(i.closed_at is not null or i.status in ('closed', 'done'))`;
  const res = await db.execute(sql`select count(*)::int as total, count(*) filter (where not ${closed})::int as open,
      count(*) filter (where not ${closed} and i.due_date < ${f.clock.today}::date)::int as overdue, count(*) filter (where ${closed})::int as closed
    from follow_up_items i
    where i.tenant_id = ${f.tenantId} and ${unitScopeSql(f.scope, sql`i.owner_unit_id`)} ${campaignOf(f, sql`i.campaign_id`)}
      ${between(sql`i.due_date`, f.dueFrom, f.dueTo)} ${inSubtree(f, sql`i.owner_unit_id`)}`);
  const r = rowsOf<FollowUpCounts>(res)[0];
  return { total: Number(r?.total ?? 0), open: Number(r?.open ?? 0), overdue: Number(r?.overdue ?? 0), closed: Number(r?.closed ?? 0) };
}

export interface ResultRow {
  schemeId: string;
  title: string;
  year: number;
  publishedAt: Date | string | null;
  bands: unknown;
  targetId: string | null;
  name: string | null;
  unitId: string | null;
  total: number | null;
  rank: number | null;
  grade: string | null;
  vetoed: boolean | null;
}

/**
 * The latest published assessment and its results for the targets in scope
 * (a target is in scope when its unit or its paired unit is), best rank first.
 */
export async function latestResults(db: Db, f: CockpitFilter): Promise<ResultRow[]> {
  const targetUnit = sql`(${unitScopeSql(f.scope, sql`tg.unit_id`)} or ${unitScopeSql(f.scope, sql`tg.paired_unit_id`)})`;
  const unit = f.unitId ? sql`and (tg.unit_id in ${subtree(f)} or tg.paired_unit_id in ${subtree(f)})` : sql``;
  const res = await db.execute(sql`with s as (
      select id, title, year, published_at, bands from assessment_schemes
      where tenant_id = ${f.tenantId} and status = 'published' order by published_at desc nulls last, year desc, created_at desc limit 1)
    select s.id as "schemeId", s.title, s.year, s.published_at as "publishedAt", s.bands,
      r.target_id as "targetId", tg.name, tg.unit_id as "unitId", r.total::float8 as total, r.rank, r.grade, r.vetoed
    from s left join (assessment_results r join assessment_targets tg on tg.id = r.target_id and tg.tenant_id = r.tenant_id and ${targetUnit} ${unit})
      on r.tenant_id = ${f.tenantId} and r.scheme_id = s.id
    order by r.rank nulls last, tg.name`);
  return rowsOf<ResultRow>(res);
}

export async function getCampaign(db: Db, tenantId: string, id: string) {
  const res = await db.execute(sql`select id, title, start_date::text as "startDate", end_date::text as "endDate" from campaigns where tenant_id = ${tenantId} and id = ${id}`);
  return rowsOf<{ id: string; title: string; startDate: string; endDate: string }>(res)[0] ?? null;
}

export async function unitExists(db: Db, tenantId: string, id: string): Promise<boolean> {
  return rowsOf(await db.execute(sql`select 1 from units where tenant_id = ${tenantId} and id = ${id}`)).length > 0;
}
