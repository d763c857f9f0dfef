import { and, eq, sql, type SQL } from 'drizzle-orm';
import { innovationProjects, innovationProjectSteps, outcomes } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf, unitScopeSql, type Scope } from '../../access/scope.js';
import { like } from '../study/refs.repo.js';
import { outcomeScopeSql } from '../outcomes/outcomes.repo.js';
import { activityScopeSql } from '../activities/activities.repo.js';

export interface ProjectFilter {
  kind?: string;
  level?: string;
  stage?: string;
  unitId?: string;
  q?: string;
}

export interface ProjectRow {
  id: string;
  kind: string;
  title: string;
  unitId: string;
  unitName: string;
  leaderPersonId: string;
  leaderName: string;
  level: string;
  stage: string;
  grade: string | null;
  summary: string | null;
  appliedOn: string | null;
  lastStepOn: string | null;
  outcomeCount: number;
  activityCount: number;
  version: number;
  createdAt: Date | string;
  updatedAt: Date | string;
}

export interface StepRow {
  id: string;
  step: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  expertComment: string | null;
  grade: string | null;
}

/** Projects a scope sees: those of units in scope; a leader of a project always sees it. */
export function projectScopeSql(scope: Scope): SQL {
  if (scope.kind === 'all') return sql`true`;
  const own = scope.personId ? sql`p.leader_person_id = ${scope.personId}` : sql`false`;
  return sql`(${unitScopeSql(scope, sql`p.unit_id`)} or ${own})`;
}

function projectWhere(tenantId: string, scope: Scope, f: ProjectFilter): SQL {
  const conds: SQL[] = [sql`p.tenant_id = ${tenantId}`, projectScopeSql(scope)];
  if (f.kind) conds.push(sql`p.kind = ${f.kind}`);
  if (f.level) conds.push(sql`p.level = ${f.level}`);
  if (f.stage) conds.push(sql`p.stage = ${f.stage}`);
  if (f.unitId) conds.push(sql`p.unit_id = ${f.unitId}`);
  if (f.q) conds.push(sql`p.title ilike ${like(f.q)}`);
  return and(...conds)!;
}

const stepDate = (agg: string, only = '') =>
  sql.raw(`(select ${agg}(s.at)::text from innovation_project_steps s where s.tenant_id = p.tenant_id and s.project_id = p.id ${only})`);

const projectSelect = sql`
  select p.id, p.kind, p.title, p.unit_id as "unitId", u.name as "unitName", p.leader_person_id as "leaderPersonId", pe.name as "leaderName",
    p.level, p.stage, p.grade, p.summary, p.version, p.created_at as "createdAt", p.updated_at as "updatedAt",
    ${stepDate('min', "and s.step = 'apply'")} as "appliedOn", ${stepDate('max')} as "lastStepOn",
    (select count(*)::int from outcomes o where o.tenant_id = p.tenant_id and o.project_id = p.id) as "outcomeCount",
    (select count(*)::int from activities a where a.tenant_id = p.tenant_id and a.project_id = p.id) as "activityCount"
  from innovation_projects p
  join units u on u.id = p.unit_id
  join people pe on pe.id = p.leader_person_id`;

const sortable: Record<string, string> = {
  title: 'p.title',
  kind: 'p.kind',
  level: `array_position(array['national','provincial','school'], p.level)`,
  stage: `array_position(array['applied','approved','rejected','cultivating','midterm_checked','accepted'], p.stage)`,
  unitName: 'u.name',
  leaderName: 'pe.name',
  createdAt: 'p.created_at',
  updatedAt: 'p.updated_at',
  appliedOn: '"appliedOn"',
  lastStepOn: '"lastStepOn"',
};

function orderBy(sort?: string): SQL {
  const col = sortable[sort?.replace(/^-/, '') ?? ''];
  // newest movement first: the date of the latest step is an output column of projectSelect
  if (!col) return sql.raw('"lastStepOn" desc nulls last, p.id');
  return sql.raw(`${col} ${sort!.startsWith('-') ? 'desc' : 'asc'}, p.id`);
}

export async function listProjects(db: Db, tenantId: string, scope: Scope, f: ProjectFilter, page: { page: number; pageSize: number; sort?: string }) {
  const where = projectWhere(tenantId, scope, f);
  const rows = await db.execute(sql`${projectSelect} where ${where} order by ${orderBy(page.sort)} limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`);
  const count = await db.execute(sql`select count(*)::int as n from innovation_projects p where ${where}`);
  return { rows: rowsOf<ProjectRow>(rows), total: rowsOf<{ n: number }>(count)[0].n };
}

export async function* iterateProjects(db: Db, tenantId: string, scope: Scope, f: ProjectFilter, sort?: string, batch = 1000) {
  const where = projectWhere(tenantId, scope, f);
  for (let offset = 0; ; offset += batch) {
    const rows = rowsOf<ProjectRow>(await db.execute(sql`${projectSelect} where ${where} order by ${orderBy(sort)} limit ${batch} offset ${offset}`));
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
  }
}

export async function getProject(db: Db, tenantId: string, scope: Scope, id: string): Promise<ProjectRow | null> {
  const res = await db.execute(sql`${projectSelect} where p.tenant_id = ${tenantId} and p.id = ${id} and ${projectScopeSql(scope)}`);
  return rowsOf<ProjectRow>(res)[0] ?? null;
}

export async function listSteps(db: Db, tenantId: string, projectId: string): Promise<StepRow[]> {
  const res = await db.execute(sql`
    select id, step, at::text as at, actor_id as "actorId", actor_name as "actorName", expert_comment as "expertComment", grade
    from innovation_project_steps where tenant_id = ${tenantId} and project_id = ${projectId} order by at, created_at, id`);
  return rowsOf<StepRow>(res);
}

/** Outcomes linked to the project that the caller may see. */
export async function listLinkedOutcomes(db: Db, tenantId: string, scope: Scope, projectId: string) {
  const res = await db.execute(sql`
    select o.id, o.kind, o.title, o.level, o.published_on::text as "publishedOn", u.name as "unitName"
    from outcomes o join units u on u.id = o.unit_id
    where o.tenant_id = ${tenantId} and o.project_id = ${projectId} and ${outcomeScopeSql(scope)}
    order by o.published_on desc, o.id`);
  return rowsOf<{ id: string; kind: string; title: string; level: string; publishedOn: string; unitName: string }>(res);
}

/** Activities of a studio project that the caller may see. */
export async function listLinkedActivities(db: Db, tenantId: string, scope: Scope, projectId: string) {
  const res = await db.execute(sql`
    select a.id, a.kind, a.title, a.held_on::text as "heldOn", u.name as "unitName", a.participants
    from activities a join units u on u.id = a.unit_id
    where a.tenant_id = ${tenantId} and a.project_id = ${projectId} and ${activityScopeSql(scope)}
    order by a.held_on desc, a.id`);
  return rowsOf<{ id: string; kind: string; title: string; heldOn: string; unitName: string; participants: number }>(res);
}

/** An outcome the caller may see, with its current project link. */
export async function getVisibleOutcome(db: Db, tenantId: string, scope: Scope, outcomeId: string) {
  const res = await db.execute(sql`select o.id, o.project_id as "projectId", o.version from outcomes o where o.tenant_id = ${tenantId} and o.id = ${outcomeId} and ${outcomeScopeSql(scope)}`);
  return rowsOf<{ id: string; projectId: string | null; version: number }>(res)[0] ?? null;
}

/** Sets or clears an outcome's project (a change of the outcome: its version moves on). */
export async function setOutcomeProject(db: Db, tenantId: string, outcomeId: string, projectId: string | null) {
  await db
    .update(outcomes)
    .set({ projectId, version: sql`${outcomes.version} + 1`, updatedAt: new Date() })
    .where(and(eq(outcomes.tenantId, tenantId), eq(outcomes.id, outcomeId)));
}

export async function insertProject(db: Db, values: typeof innovationProjects.$inferInsert) {
  const [row] = await db.insert(innovationProjects).values(values).returning({ id: innovationProjects.id });
  return row;
}

/** Updates when the guard holds (version and/or stage); null otherwise. */
export async function updateProjectIf(db: Db, tenantId: string, id: string, guard: { version?: number; stage?: string }, patch: Partial<typeof innovationProjects.$inferInsert>) {
  const conds = [eq(innovationProjects.tenantId, tenantId), eq(innovationProjects.id, id)];
  if (guard.version !== undefined) conds.push(eq(innovationProjects.version, guard.version));
  if (guard.stage !== undefined) conds.push(eq(innovationProjects.stage, guard.stage));
  const [row] = await db
    .update(innovationProjects)
    .set({ ...patch, version: sql`${innovationProjects.version} + 1`, updatedAt: new Date() })
    .where(and(...conds))
    .returning({ id: innovationProjects.id });
  return row ?? null;
}

export async function insertStep(db: Db, values: typeof innovationProjectSteps.$inferInsert) {
  await db.insert(innovationProjectSteps).values(values);
}

export async function deleteProject(db: Db, tenantId: string, id: string) {
  await db.delete(innovationProjectSteps).where(and(eq(innovationProjectSteps.tenantId, tenantId), eq(innovationProjectSteps.projectId, id)));
  await db.delete(innovationProjects).where(and(eq(innovationProjects.tenantId, tenantId), eq(innovationProjects.id, id)));
}
