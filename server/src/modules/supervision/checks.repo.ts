import { and, eq, sql, type SQL } from 'drizzle-orm';
import { supervisionChecks } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf, unitScopeSql, type Scope } from '../../access/scope.js';

export interface CheckFilter {
  planId?: string;
  campaignId?: string;
  indicatorId?: string;
  unitId?: string;
  result?: string;
  method?: string;
  from?: string;
  to?: string;
}

export interface CheckRow {
  id: string;
  planId: string;
  planTitle: string;
  month: string;
  indicatorId: string;
  requirement: string;
  unitId: string;
  unitName: string;
  method: string;
  inspectorPersonId: string | null;
  inspectorName: string | null;
  checkedOn: string;
  result: string;
  comment: string | null;
  rectificationTaskId: string | null;
  taskTitle: string | null;
  taskStatus: string | null;
  taskProgress: number | null;
  taskDueDate: string | null;
  version: number;
  createdAt: Date | string;
}

const checkSelect = sql`
  select c.id, c.plan_id as "planId", p.title as "planTitle", p.month, c.indicator_id as "indicatorId", i.requirement,
    c.unit_id as "unitId", u.name as "unitName", c.method, c.inspector_person_id as "inspectorPersonId", ip.name as "inspectorName",
    c.checked_on::text as "checkedOn", c.result, c.comment, c.rectification_task_id as "rectificationTaskId",
    t.title as "taskTitle", t.status as "taskStatus", t.progress as "taskProgress", t.due_date::text as "taskDueDate",
    c.version, c.created_at as "createdAt"
  from supervision_checks c
  join supervision_plans p on p.id = c.plan_id and p.tenant_id = c.tenant_id
  join supervision_indicators i on i.id = c.indicator_id and i.tenant_id = c.tenant_id
  join units u on u.id = c.unit_id
  left join people ip on ip.id = c.inspector_person_id
  left join tasks t on t.id = c.rectification_task_id and t.tenant_id = c.tenant_id`;

/** Filters shared by the list, the export and the stats; `from`/`to` are plan months. */
export function checkWhere(tenantId: string, scope: Scope, f: CheckFilter): SQL {
  const conds: SQL[] = [sql`c.tenant_id = ${tenantId}`, unitScopeSql(scope, sql`c.unit_id`)];
  if (f.planId) conds.push(sql`c.plan_id = ${f.planId}`);
  if (f.campaignId) conds.push(sql`p.campaign_id = ${f.campaignId}`);
  if (f.indicatorId) conds.push(sql`c.indicator_id = ${f.indicatorId}`);
  if (f.unitId) conds.push(sql`c.unit_id = ${f.unitId}`);
  if (f.result) conds.push(sql`c.result = ${f.result}`);
  if (f.method) conds.push(sql`c.method = ${f.method}`);
  if (f.from) conds.push(sql`p.month >= ${f.from}`);
  if (f.to) conds.push(sql`p.month <= ${f.to}`);
  return and(...conds)!;
}

const sortable: Record<string, SQL> = {
  checkedOn: sql.raw('c.checked_on'),
  month: sql.raw('p.month'),
  unitName: sql.raw('u.name'),
  result: sql.raw(`array_position(array['pass','partial','fail'], c.result)`),
  method: sql.raw('c.method'),
  createdAt: sql.raw('c.created_at'),
};

function orderBy(sort?: string): SQL {
  const col = sortable[sort?.replace(/^-/, '') ?? ''];
  if (!col) return sql.raw('c.checked_on desc, u.sort_order, i.sort_order, c.id');
  return sql`${col} ${sql.raw(sort!.startsWith('-') ? 'desc' : 'asc')}, c.id`;
}

export async function listChecks(db: Db, tenantId: string, scope: Scope, f: CheckFilter, page: { page: number; pageSize: number; sort?: string }) {
  const where = checkWhere(tenantId, scope, f);
  const rows = await db.execute(sql`${checkSelect} where ${where} order by ${orderBy(page.sort)} limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`);
  const count = await db.execute(sql`select count(*)::int as n from supervision_checks c join supervision_plans p on p.id = c.plan_id and p.tenant_id = c.tenant_id where ${where}`);
  return { rows: rowsOf<CheckRow>(rows), total: rowsOf<{ n: number }>(count)[0].n };
}

export async function* iterateChecks(db: Db, tenantId: string, scope: Scope, f: CheckFilter, sort?: string, batch = 1000) {
  const where = checkWhere(tenantId, scope, f);
  for (let offset = 0; ; offset += batch) {
    const rows = rowsOf<CheckRow>(await db.execute(sql`${checkSelect} where ${where} order by ${orderBy(sort)} limit ${batch} offset ${offset}`));
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
  }
}

export async function getCheck(db: Db, tenantId: string, scope: Scope, id: string): Promise<CheckRow | null> {
  const res = await db.execute(sql`${checkSelect} where c.tenant_id = ${tenantId} and c.id = ${id} and ${unitScopeSql(scope, sql`c.unit_id`)}`);
  return rowsOf<CheckRow>(res)[0] ?? null;
}

/** The check already recorded for this unit against this indicator, if any (one per cell of the matrix). */
export async function checkIdFor(db: Db, tenantId: string, indicatorId: string, unitId: string): Promise<string | null> {
  const res = await db.execute(sql`select id from supervision_checks where tenant_id = ${tenantId} and indicator_id = ${indicatorId} and unit_id = ${unitId}`);
  return rowsOf<{ id: string }>(res)[0]?.id ?? null;
}

export async function insertCheck(db: Db, values: typeof supervisionChecks.$inferInsert) {
  const [row] = await db.insert(supervisionChecks).values(values).returning({ id: supervisionChecks.id });
  return row;
}

export async function updateCheck(db: Db, tenantId: string, id: string, version: number, patch: Partial<typeof supervisionChecks.$inferInsert>) {
  const [row] = await db
    .update(supervisionChecks)
    .set({ ...patch, version: sql`${supervisionChecks.version} + 1` })
    .where(and(eq(supervisionChecks.tenantId, tenantId), eq(supervisionChecks.id, id), eq(supervisionChecks.version, version)))
    .returning({ id: supervisionChecks.id });
  return row ?? null;
}

/** Links the task a check opened; only while none is linked (a check opens at most one). */
export async function linkTask(db: Db, tenantId: string, id: string, taskId: string): Promise<boolean> {
  const res = await db.execute(sql`update supervision_checks set rectification_task_id = ${taskId}
    where tenant_id = ${tenantId} and id = ${id} and rectification_task_id is null returning id`);
  return rowsOf(res).length > 0;
}

export async function deleteCheck(db: Db, tenantId: string, id: string) {
  await db.delete(supervisionChecks).where(and(eq(supervisionChecks.tenantId, tenantId), eq(supervisionChecks.id, id)));
}

export interface RateRow {
  checks: number;
  pass: number;
  partial: number;
  fail: number;
  rate: number | string;
}

const figures = sql`count(*)::int as checks, count(*) filter (where c.result = 'pass')::int as pass,
  count(*) filter (where c.result = 'partial')::int as partial, count(*) filter (where c.result = 'fail')::int as fail,
  round(count(*) filter (where c.result = 'pass')::numeric / count(*), 4) as rate`;
const fromChecks = sql`from supervision_checks c join supervision_plans p on p.id = c.plan_id and p.tenant_id = c.tenant_id`;

/** Pass rate per unit: one aggregation over the filtered checks. */
export async function ratesByUnit(db: Db, tenantId: string, scope: Scope, f: CheckFilter) {
  const res = await db.execute(sql`select c.unit_id as "unitId", u.name as "unitName", ${figures} ${fromChecks} join units u on u.id = c.unit_id
    where ${checkWhere(tenantId, scope, f)} group by c.unit_id, u.name, u.sort_order order by u.sort_order, u.name`);
  return rowsOf<RateRow & { unitId: string; unitName: string }>(res);
}

/** Pass rate per plan month: one aggregation over the filtered checks. */
export async function ratesByMonth(db: Db, tenantId: string, scope: Scope, f: CheckFilter) {
  const res = await db.execute(sql`select p.month, ${figures} ${fromChecks} where ${checkWhere(tenantId, scope, f)} group by p.month order by p.month`);
  return rowsOf<RateRow & { month: string }>(res);
}

export async function unitRef(db: Db, tenantId: string, id: string) {
  const res = await db.execute(sql`select id, name, kind from units where tenant_id = ${tenantId} and id = ${id}`);
  return rowsOf<{ id: string; name: string; kind: string }>(res)[0] ?? null;
}

/** The school leader in charge of (else linked to) a unit or its paired unit: the responsible leader of its rectification. */
export async function leaderOfUnit(db: Db, tenantId: string, unitId: string): Promise<string | null> {
  const res = await db.execute(sql`
    select d.person_id from leader_duties d join units u on u.tenant_id = d.tenant_id and u.id = ${unitId}
    where d.tenant_id = ${tenantId} and (d.unit_id = u.id or d.unit_id = u.paired_unit_id)
    order by case d.kind when 'in_charge' then 0 else 1 end, d.created_at, d.person_id limit 1`);
  return rowsOf<{ person_id: string }>(res)[0]?.person_id ?? null;
}

/** Active unit heads and liaisons of a unit or its paired unit: who hears of a rectification task. */
export async function unitContacts(db: Db, tenantId: string, unitId: string): Promise<string[]> {
  const res = await db.execute(sql`
    with target as (select id from units where tenant_id = ${tenantId} and (id = ${unitId} or paired_unit_id = ${unitId}))
    select distinct u.id from users u join people p on p.id = u.person_id and p.tenant_id = u.tenant_id
    where u.tenant_id = ${tenantId} and u.status = 'active' and u.roles && array['unit_head','liaison']::text[]
      and (p.unit_id in (select id from target) or exists (select 1 from positions po where po.tenant_id = u.tenant_id and po.person_id = p.id and po.unit_id in (select id from target)))`);
  return rowsOf<{ id: string }>(res).map((r) => r.id);
}
