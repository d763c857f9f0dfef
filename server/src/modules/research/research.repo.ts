import { and, eq, sql, type SQL } from 'drizzle-orm';
import { researchProblems, researchTopicUnits, researchTopics } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf, uuidArray, type Scope } from '../../access/scope.js';
import { gramsMatchSql } from '../../platform/search/match.js';
import { inListOrder } from '../../platform/paging.js';

export interface TopicFilter {
  status?: string;
  leaderPersonId?: string;
  unitId?: string;
  campaignId?: string;
  q?: string;
}

export interface TopicRow {
  id: string;
  campaignId: string | null;
  title: string;
  problemArea: string;
  leaderPersonId: string;
  leaderName: string;
  status: string;
  reportDocumentId: string | null;
  reportTitle: string | null;
  reportDocNo: string | null;
  findings: string | null;
  problemCount: number;
  rectifiedCount: number;
  doneCount: number;
  version: number;
  createdAt: Date | string;
  updatedAt: Date | string;
}

export interface TopicUnitRow {
  topicId: string;
  id: string;
  name: string;
}

export interface ProblemRow {
  id: string;
  topicId: string;
  description: string;
  ownerUnitId: string | null;
  ownerUnitName: string | null;
  rectificationTaskId: string | null;
  createdAt: Date | string;
  taskId: string | null;
  taskTitle: string | null;
  taskStatus: string | null;
  taskProgress: number | null;
  taskStartDate: string | null;
  taskDueDate: string | null;
  taskOwnerUnitName: string | null;
}

/** Topics a scope sees: the ones the caller leads, and those touching a unit in scope. */
export function topicScopeSql(scope: Scope): SQL {
  if (scope.kind === 'all') return sql`true`;
  const mine = scope.personId ? sql`t.leader_person_id = ${scope.personId}` : sql`false`;
  if (scope.kind === 'self' || scope.unitIds.length === 0) return mine;
  return sql`(${mine} or exists (select 1 from research_topic_units tu where tu.tenant_id = t.tenant_id and tu.topic_id = t.id and tu.unit_id = any(${uuidArray(scope.unitIds)})))`;
}

function topicWhere(tenantId: string, scope: Scope, f: TopicFilter): SQL {
  const conds: SQL[] = [sql`t.tenant_id = ${tenantId}`, topicScopeSql(scope)];
  if (f.status) conds.push(sql`t.status = ${f.status}`);
  if (f.leaderPersonId) conds.push(sql`t.leader_person_id = ${f.leaderPersonId}`);
  if (f.campaignId) conds.push(sql`t.campaign_id = ${f.campaignId}`);
  if (f.unitId) conds.push(sql`exists (select 1 from research_topic_units tu where tu.tenant_id = t.tenant_id and tu.topic_id = t.id and tu.unit_id = ${f.unitId})`);
  if (f.q) conds.push(gramsMatchSql(sql`t.search_grams`, f.q));
  return and(...conds)!;
}

const problemOf = sql`rp.tenant_id = t.tenant_id and rp.topic_id = t.id`;
const topicSelect = sql`
  select t.id, t.campaign_id as "campaignId", t.title, t.problem_area as "problemArea", t.leader_person_id as "leaderPersonId",
    p.name as "leaderName", t.status, t.report_document_id as "reportDocumentId", d.title as "reportTitle", d.doc_no as "reportDocNo",
    t.findings, t.version, t.created_at as "createdAt", t.updated_at as "updatedAt",
    (select count(*)::int from research_problems rp where ${problemOf}) as "problemCount",
    (select count(*)::int from research_problems rp where ${problemOf} and rp.rectification_task_id is not null) as "rectifiedCount",
    (select count(*)::int from research_problems rp join tasks k on k.tenant_id = rp.tenant_id and k.id = rp.rectification_task_id
      where ${problemOf} and k.status = 'done') as "doneCount"
  from research_topics t
  join people p on p.id = t.leader_person_id
  left join documents d on d.tenant_id = t.tenant_id and d.id = t.report_document_id`;

const statusOrder = sql.raw(`array_position(array['proposed','approved','in_progress','reported','closed'], t.status)`);
const sortable: Record<string, SQL> = {
  title: sql.raw('t.title'),
  status: statusOrder,
  leaderName: sql.raw('p.name'),
  createdAt: sql.raw('t.created_at'),
  updatedAt: sql.raw('t.updated_at'),
};

function orderBy(sort?: string): SQL {
  const col = sortable[sort?.replace(/^-/, '') ?? ''];
  if (!col) return sql.raw('t.created_at desc, t.id');
  return sql`${col} ${sql.raw(sort!.startsWith('-') ? 'desc' : 'asc')}, t.id`;
}

export async function listTopics(db: Db, tenantId: string, scope: Scope, f: TopicFilter, page: { page: number; pageSize: number; sort?: string }) {
  const where = topicWhere(tenantId, scope, f);
  const [rows, count] = await Promise.all([
    db.execute(sql`${topicSelect} where ${where} order by ${orderBy(page.sort)} limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`),
    db.execute(sql`select count(*)::int as n from research_topics t where ${where}`),
  ]);
  return { rows: rowsOf<TopicRow>(rows), total: rowsOf<{ n: number }>(count)[0].n };
}

export async function* iterateTopics(db: Db, tenantId: string, scope: Scope, f: TopicFilter, sort?: string, batch = 1000) {
  yield* inListOrder<TopicRow>(db, { select: topicSelect, where: topicWhere(tenantId, scope, f), order: orderBy(sort), idColumn: sql`t.id` }, batch);
}

export async function getTopic(db: Db, tenantId: string, scope: Scope, id: string): Promise<TopicRow | null> {
  const res = await db.execute(sql`${topicSelect} where t.tenant_id = ${tenantId} and t.id = ${id} and ${topicScopeSql(scope)}`);
  return rowsOf<TopicRow>(res)[0] ?? null;
}

export async function listTopicUnits(db: Db, tenantId: string, topicIds: string[]): Promise<TopicUnitRow[]> {
  if (topicIds.length === 0) return [];
  const res = await db.execute(sql`
    select tu.topic_id as "topicId", u.id, u.name from research_topic_units tu join units u on u.id = tu.unit_id
    where tu.tenant_id = ${tenantId} and tu.topic_id = any(${uuidArray(topicIds)}) order by u.sort_order, u.code`);
  return rowsOf<TopicUnitRow>(res);
}

export async function listProblems(db: Db, tenantId: string, by: { topicId?: string; id?: string }): Promise<ProblemRow[]> {
  const cond = by.id ? sql`rp.id = ${by.id}` : sql`rp.topic_id = ${by.topicId!}`;
  const res = await db.execute(sql`
    select rp.id, rp.topic_id as "topicId", rp.description, rp.owner_unit_id as "ownerUnitId", u.name as "ownerUnitName",
      rp.rectification_task_id as "rectificationTaskId", rp.created_at as "createdAt",
      k.id as "taskId", k.title as "taskTitle", k.status as "taskStatus", k.progress as "taskProgress",
      k.start_date::text as "taskStartDate", k.due_date::text as "taskDueDate", ku.name as "taskOwnerUnitName"
    from research_problems rp
    left join units u on u.id = rp.owner_unit_id
    left join tasks k on k.tenant_id = rp.tenant_id and k.id = rp.rectification_task_id
    left join units ku on ku.id = k.owner_unit_id
    where rp.tenant_id = ${tenantId} and ${cond}
    order by rp.created_at, rp.id`);
  return rowsOf<ProblemRow>(res);
}

export async function insertTopic(db: Db, values: typeof researchTopics.$inferInsert) {
  const [row] = await db.insert(researchTopics).values(values).returning({ id: researchTopics.id });
  return row;
}

export async function updateTopic(db: Db, tenantId: string, id: string, version: number, patch: Partial<typeof researchTopics.$inferInsert>) {
  const [row] = await db
    .update(researchTopics)
    .set({ ...patch, version: sql`${researchTopics.version} + 1`, updatedAt: new Date() })
    .where(and(eq(researchTopics.tenantId, tenantId), eq(researchTopics.id, id), eq(researchTopics.version, version)))
    .returning({ id: researchTopics.id });
  return row ?? null;
}

/** Marks a topic as changed when a problem under it changes (the version is the topic's own fields'). */
export async function touchTopic(db: Db, tenantId: string, id: string) {
  await db.update(researchTopics).set({ updatedAt: new Date() }).where(and(eq(researchTopics.tenantId, tenantId), eq(researchTopics.id, id)));
}

export async function replaceTopicUnits(db: Db, tenantId: string, topicId: string, unitIds: string[]) {
  await db.delete(researchTopicUnits).where(and(eq(researchTopicUnits.tenantId, tenantId), eq(researchTopicUnits.topicId, topicId)));
  if (unitIds.length) await db.insert(researchTopicUnits).values(unitIds.map((unitId) => ({ tenantId, topicId, unitId })));
}

export async function deleteTopic(db: Db, tenantId: string, id: string) {
  await replaceTopicUnits(db, tenantId, id, []);
  await db.delete(researchProblems).where(and(eq(researchProblems.tenantId, tenantId), eq(researchProblems.topicId, id)));
  await db.delete(researchTopics).where(and(eq(researchTopics.tenantId, tenantId), eq(researchTopics.id, id)));
}

export async function insertProblem(db: Db, values: typeof researchProblems.$inferInsert) {
  const [row] = await db.insert(researchProblems).values(values).returning({ id: researchProblems.id });
  return row;
}

export async function updateProblem(db: Db, tenantId: string, id: string, patch: Partial<typeof researchProblems.$inferInsert>) {
  await db.update(researchProblems).set(patch).where(and(eq(researchProblems.tenantId, tenantId), eq(researchProblems.id, id)));
}

/** Links a problem to its task only if it has none yet (two concurrent clicks make one task). */
export async function linkTask(db: Db, tenantId: string, id: string, taskId: string) {
  const [row] = await db
    .update(researchProblems)
    .set({ rectificationTaskId: taskId })
    .where(and(eq(researchProblems.tenantId, tenantId), eq(researchProblems.id, id), sql`${researchProblems.rectificationTaskId} is null`))
    .returning({ id: researchProblems.id });
  return row ?? null;
}

export async function deleteProblem(db: Db, tenantId: string, id: string) {
  await db.delete(researchProblems).where(and(eq(researchProblems.tenantId, tenantId), eq(researchProblems.id, id)));
}
