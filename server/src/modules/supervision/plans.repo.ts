import { and, eq, sql, type SQL } from 'drizzle-orm';
import { supervisionIndicators, supervisionPlans } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf, unitScopeSql, type Scope } from '../../access/scope.js';

export interface PlanFilter {
  campaignId?: string;
  year?: number;
  month?: string;
}

export interface PlanRow {
  id: string;
  campaignId: string;
  campaignTitle: string;
  month: string;
  title: string;
  indicatorCount: number;
  checkCount: number;
  passCount: number;
  partialCount: number;
  failCount: number;
  version: number;
  createdAt: Date | string;
}

export interface IndicatorRow {
  id: string;
  planId: string;
  requirement: string;
  evidence: string | null;
  unitKinds: string[];
  sortOrder: number;
  checkCount: number;
}

/** Plans are tenant-wide; their check figures count only the checks the scope sees. */
const planSelect = (scope: Scope) => sql`
  select p.id, p.campaign_id as "campaignId", c.title as "campaignTitle", p.month, p.title, p.version, p.created_at as "createdAt",
    (select count(*)::int from supervision_indicators i where i.tenant_id = p.tenant_id and i.plan_id = p.id) as "indicatorCount",
    coalesce(k.checks, 0)::int as "checkCount", coalesce(k.pass, 0)::int as "passCount",
    coalesce(k.partial, 0)::int as "partialCount", coalesce(k.fail, 0)::int as "failCount"
  from supervision_plans p
  join campaigns c on c.id = p.campaign_id and c.tenant_id = p.tenant_id
  left join lateral (
    select count(*) as checks, count(*) filter (where x.result = 'pass') as pass,
      count(*) filter (where x.result = 'partial') as partial, count(*) filter (where x.result = 'fail') as fail
    from supervision_checks x where x.tenant_id = p.tenant_id and x.plan_id = p.id and ${unitScopeSql(scope, sql`x.unit_id`)}
  ) k on true`;

function planWhere(tenantId: string, f: PlanFilter): SQL {
  const conds: SQL[] = [sql`p.tenant_id = ${tenantId}`];
  if (f.campaignId) conds.push(sql`p.campaign_id = ${f.campaignId}`);
  if (f.year) conds.push(sql`p.month like ${`${f.year}-%`}`);
  if (f.month) conds.push(sql`p.month = ${f.month}`);
  return and(...conds)!;
}

const sortable: Record<string, SQL> = { month: sql.raw('p.month'), title: sql.raw('p.title'), createdAt: sql.raw('p.created_at') };

function orderBy(sort?: string): SQL {
  const col = sortable[sort?.replace(/^-/, '') ?? ''];
  if (!col) return sql.raw('p.month desc, p.id');
  return sql`${col} ${sql.raw(sort!.startsWith('-') ? 'desc' : 'asc')}, p.id`;
}

export async function listPlans(db: Db, tenantId: string, scope: Scope, f: PlanFilter, page: { page: number; pageSize: number; sort?: string }) {
  const where = planWhere(tenantId, f);
  const rows = await db.execute(sql`${planSelect(scope)} where ${where} order by ${orderBy(page.sort)} limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`);
  const count = await db.execute(sql`select count(*)::int as n from supervision_plans p where ${where}`);
  return { rows: rowsOf<PlanRow>(rows), total: rowsOf<{ n: number }>(count)[0].n };
}

/** One plan; `lock` takes a row lock so concurrent check writes on the plan run one after another. */
export async function getPlan(db: Db, tenantId: string, scope: Scope, id: string, lock = false): Promise<PlanRow | null> {
  if (lock) await db.execute(sql`select id from supervision_plans where tenant_id = ${tenantId} and id = ${id} for update`);
  const res = await db.execute(sql`${planSelect(scope)} where p.tenant_id = ${tenantId} and p.id = ${id}`);
  return rowsOf<PlanRow>(res)[0] ?? null;
}

export async function planIdByMonth(db: Db, tenantId: string, campaignId: string, month: string): Promise<string | null> {
  const res = await db.execute(sql`select id from supervision_plans where tenant_id = ${tenantId} and campaign_id = ${campaignId} and month = ${month}`);
  return rowsOf<{ id: string }>(res)[0]?.id ?? null;
}

export async function insertPlan(db: Db, values: typeof supervisionPlans.$inferInsert) {
  const [row] = await db.insert(supervisionPlans).values(values).returning({ id: supervisionPlans.id });
  return row;
}

export async function updatePlan(db: Db, tenantId: string, id: string, version: number, patch: { month?: string; title?: string }) {
  const [row] = await db
    .update(supervisionPlans)
    .set({ ...patch, version: sql`${supervisionPlans.version} + 1` })
    .where(and(eq(supervisionPlans.tenantId, tenantId), eq(supervisionPlans.id, id), eq(supervisionPlans.version, version)))
    .returning({ id: supervisionPlans.id });
  return row ?? null;
}

/** Indicator edits change the plan: its version moves so stale plan edits get 409. */
export async function touchPlan(db: Db, tenantId: string, id: string) {
  await db.execute(sql`update supervision_plans set version = version + 1 where tenant_id = ${tenantId} and id = ${id}`);
}

export async function deletePlan(db: Db, tenantId: string, id: string) {
  await db.delete(supervisionIndicators).where(and(eq(supervisionIndicators.tenantId, tenantId), eq(supervisionIndicators.planId, id)));
  await db.delete(supervisionPlans).where(and(eq(supervisionPlans.tenantId, tenantId), eq(supervisionPlans.id, id)));
}

export async function listIndicators(db: Db, tenantId: string, scope: Scope, by: { planId?: string; id?: string }): Promise<IndicatorRow[]> {
  const cond = by.id ? sql`i.id = ${by.id}` : sql`i.plan_id = ${by.planId!}`;
  const res = await db.execute(sql`
    select i.id, i.plan_id as "planId", i.requirement, i.evidence, i.unit_kinds as "unitKinds", i.sort_order as "sortOrder",
      (select count(*)::int from supervision_checks x where x.tenant_id = i.tenant_id and x.indicator_id = i.id and ${unitScopeSql(scope, sql`x.unit_id`)}) as "checkCount"
    from supervision_indicators i where i.tenant_id = ${tenantId} and ${cond} order by i.sort_order, i.id`);
  return rowsOf<IndicatorRow>(res);
}

export async function insertIndicators(db: Db, values: (typeof supervisionIndicators.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(supervisionIndicators).values(values).returning({ id: supervisionIndicators.id });
}

export async function nextSortOrder(db: Db, tenantId: string, planId: string): Promise<number> {
  const res = await db.execute(sql`select coalesce(max(sort_order), 0)::int + 10 as n from supervision_indicators where tenant_id = ${tenantId} and plan_id = ${planId}`);
  return rowsOf<{ n: number }>(res)[0].n;
}

export async function updateIndicator(db: Db, tenantId: string, id: string, patch: Partial<typeof supervisionIndicators.$inferInsert>) {
  await db.update(supervisionIndicators).set(patch).where(and(eq(supervisionIndicators.tenantId, tenantId), eq(supervisionIndicators.id, id)));
}

export async function deleteIndicator(db: Db, tenantId: string, id: string) {
  await db.delete(supervisionIndicators).where(and(eq(supervisionIndicators.tenantId, tenantId), eq(supervisionIndicators.id, id)));
}

/** Checks recorded on a plan or an indicator, whatever the caller's scope (to refuse deletes). */
export async function countChecks(db: Db, tenantId: string, by: { planId?: string; indicatorId?: string }): Promise<number> {
  const cond = by.indicatorId ? sql`indicator_id = ${by.indicatorId}` : sql`plan_id = ${by.planId!}`;
  const res = await db.execute(sql`select count(*)::int as n from supervision_checks where tenant_id = ${tenantId} and ${cond}`);
  return rowsOf<{ n: number }>(res)[0].n;
}

/** The units in scope some indicator of the plan applies to: the rows of the checks matrix. */
export async function planUnits(db: Db, tenantId: string, scope: Scope, planId: string) {
  const res = await db.execute(sql`
    select u.id, u.name, u.kind from units u
    where u.tenant_id = ${tenantId} and ${unitScopeSql(scope, sql`u.id`)}
      and exists (select 1 from supervision_indicators i where i.tenant_id = u.tenant_id and i.plan_id = ${planId}
        and (cardinality(i.unit_kinds) = 0 or u.kind = any(i.unit_kinds)))
    order by u.sort_order, u.name`);
  return rowsOf<{ id: string; name: string; kind: string }>(res);
}
