import { sql, type SQL } from 'drizzle-orm';
import type { TaskListQuery } from '@santong/contract';
import { unitScopeSql, type Scope } from '../../access/scope.js';
import { gramsMatchSql, textArray } from '../../platform/search/match.js';
import type { TaskClock } from './task.settings.js';

/**
 * SQL fragments over the tasks table aliased as `t` (or another alias):
 * data scope, the RAG colour and the list filters. Lists page and count with
 * the same predicate, so nothing is filtered after the query.
 */

export type TaskFilter = Omit<TaskListQuery, 'page' | 'pageSize' | 'sort'>;

const col = (alias: string, name: string) => sql.raw(`${alias}.${name}`);

/**
 * Tasks a scope can see: all; or those whose owner unit or a co-unit is in
 * the scope's units; a leader also sees the tasks they are responsible for.
 */
export function taskScopeSql(scope: Scope, alias = 't'): SQL {
  if (scope.kind === 'all') return sql`true`;
  if (scope.kind === 'self') return sql`false`;
  const parts: SQL[] = [];
  if (scope.unitIds.length) {
    parts.push(unitScopeSql(scope, col(alias, 'owner_unit_id')));
    parts.push(sql`exists (select 1 from task_units stu where stu.tenant_id = ${col(alias, 'tenant_id')} and stu.task_id = ${col(alias, 'id')} and ${unitScopeSql(scope, sql.raw('stu.unit_id'))})`);
  }
  if (scope.kind === 'duty' && scope.personId) parts.push(sql`${col(alias, 'responsible_person_id')} = ${scope.personId}`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/**
 * The RAG colour in SQL, step for step the same as ragStatus() in
 * task.rules.ts (same float arithmetic, report dates taken in UTC), so a
 * filter by colour agrees with the colour the presenter shows.
 */
export function ragSql(clock: TaskClock, alias = 't'): SQL {
  const today = sql`${clock.today}::date`;
  const s = clock.rag;
  const start = col(alias, 'start_date');
  const due = col(alias, 'due_date');
  const progress = col(alias, 'progress');
  return sql`(case
    when ${col(alias, 'status')} in ('done', 'cancelled') then 'none'
    when ${today} > ${due} then 'red'
    when ${today} > ${start} and least(100::float8, ((${today} - ${start})::float8 / greatest(${due} - ${start}, 1)::float8) * 100::float8) - ${progress} >= ${s.behindPoints}::float8 then 'red'
    when (${due} - ${today})::float8 <= ${s.dueSoonDays}::float8 and ${progress} < ${s.dueSoonProgress}::float8 then 'amber'
    when ${today} >= ${start} and (${today} - coalesce((${col(alias, 'last_report_at')} at time zone 'UTC')::date, ${start}))::float8 >= ${s.staleDays}::float8 then 'amber'
    else 'green' end)`;
}

/** The moment before which an issued, unsigned task is overdue for signing. */
export const signCutoff = (clock: TaskClock) => new Date(clock.now.getTime() - clock.signDays * 86_400_000).toISOString();

const list = (csv: string) => csv.split(',').filter(Boolean);

function unitFilter(tenantId: string, unitId: string, subtree: boolean): SQL {
  const units = subtree
    ? sql`(with recursive sub as (select id from units where tenant_id = ${tenantId} and id = ${unitId}
        union select u.id from units u join sub on u.parent_id = sub.id where u.tenant_id = ${tenantId}) select id from sub)`
    : sql`(select ${unitId}::uuid)`;
  return sql`(t.owner_unit_id in ${units} or exists (select 1 from task_units fu where fu.tenant_id = t.tenant_id and fu.task_id = t.id and fu.unit_id in ${units}))`;
}

/** A goal filter matches tasks linked to the goal or any goal below it. */
function goalFilter(tenantId: string, goalId: string): SQL {
  return sql`exists (select 1 from task_goals fg where fg.tenant_id = t.tenant_id and fg.task_id = t.id and fg.goal_id in (
    with recursive sub as (select id from goals where tenant_id = ${tenantId} and id = ${goalId}
      union select g.id from goals g join sub on g.parent_id = sub.id where g.tenant_id = ${tenantId}) select id from sub))`;
}

export function taskWhere(tenantId: string, scope: Scope, userId: string, clock: TaskClock, f: TaskFilter): SQL {
  const conds: SQL[] = [sql`t.tenant_id = ${tenantId}`, taskScopeSql(scope)];
  if (f.campaignId) conds.push(sql`t.campaign_id = ${f.campaignId}`);
  if (f.parentId) conds.push(sql`t.parent_id = ${f.parentId}`);
  // Top level of the caller's view: a task whose parent is outside the scope heads its own branch.
  if (f.root === 'true')
    conds.push(scope.kind === 'all' ? sql`t.parent_id is null` : sql`(t.parent_id is null or not exists (select 1 from tasks vp where vp.id = t.parent_id and vp.tenant_id = t.tenant_id and ${taskScopeSql(scope, 'vp')}))`);
  if (f.unitId) conds.push(unitFilter(tenantId, f.unitId, f.subtree === 'true'));
  if (f.ownerUnitId) conds.push(sql`t.owner_unit_id = ${f.ownerUnitId}`);
  if (f.leaderId) conds.push(sql`t.responsible_person_id = ${f.leaderId}`);
  if (f.status) conds.push(sql`t.status = any(${textArray(list(f.status))})`);
  if (f.rag) conds.push(sql`${ragSql(clock)} = any(${textArray(list(f.rag))})`);
  if (f.goalId) conds.push(goalFilter(tenantId, f.goalId));
  if (f.category) conds.push(sql`t.category = ${f.category}`);
  if (f.fused) conds.push(sql`t.fused = ${f.fused === 'true'}`);
  if (f.dueFrom) conds.push(sql`t.due_date >= ${f.dueFrom}::date`);
  if (f.dueTo) conds.push(sql`t.due_date <= ${f.dueTo}::date`);
  if (f.followed === 'true') conds.push(sql`exists (select 1 from task_follows ff where ff.tenant_id = t.tenant_id and ff.task_id = t.id and ff.user_id = ${userId})`);
  if (f.unsigned === 'true' || f.unsignedOverdue === 'true') conds.push(sql`t.issued_at is not null and t.signed_at is null`);
  if (f.unsignedOverdue === 'true') conds.push(sql`t.issued_at < ${signCutoff(clock)}::timestamptz`);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    // Rows written without grams (by other modules) still match on the title.
    conds.push(sql`(${gramsMatchSql(sql.raw('t.search_grams'), f.q)} or t.title ilike ${like})`);
  }
  return sql.join(conds, sql` and `);
}

const sortable: Record<string, string> = {
  dueDate: 't.due_date',
  startDate: 't.start_date',
  title: 't.title',
  progress: 't.progress',
  status: 't.status',
  weight: 't.weight',
  category: 't.category',
  createdAt: 't.created_at',
  updatedAt: 't.updated_at',
  sortOrder: 't.sort_order',
  ownerUnitName: 'ou.sort_order',
};

/** Whether taskOrder() reads the owner unit (aliased `ou`), so the query has to join it. */
export const orderUsesOwnerUnit = (sort: string | undefined) => sortable[sort?.replace(/^-/, '') ?? '']?.startsWith('ou.') === true;

export function taskOrder(sort: string | undefined, clock: TaskClock): SQL {
  const key = sort?.replace(/^-/, '');
  const dir = sort?.startsWith('-') ? sql.raw('desc') : sql.raw('asc');
  if (key === 'rag') {
    const rank = sql`(case ${ragSql(clock)} when 'red' then 0 when 'amber' then 1 when 'green' then 2 else 3 end)`;
    return sql`${rank} ${dir}, t.due_date asc, t.id asc`;
  }
  const c = key ? sortable[key] : undefined;
  if (!c) return sql`t.start_date asc, t.sort_order asc, t.created_at asc, t.id asc`;
  return sql`${sql.raw(c)} ${dir}, t.id asc`;
}
