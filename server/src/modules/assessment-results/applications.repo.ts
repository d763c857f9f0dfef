import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { resultApplications } from '../../db/schema/index.js';
import { rowsOf, uuidArray, type Scope } from '../../access/scope.js';

export interface ApplicationFilter {
  schemeId?: string;
  targetId?: string;
  personId?: string;
  unitId?: string;
  kind?: string;
}

export interface ApplicationRow {
  id: string;
  schemeId: string;
  schemeYear: number;
  schemeTitle: string;
  targetId: string | null;
  targetName: string | null;
  grade: string | null;
  schemeBands: unknown;
  personId: string | null;
  personName: string | null;
  kind: string;
  note: string | null;
  talkedOn: string | null;
  talkerPersonId: string | null;
  talkerName: string | null;
  points: string | null;
  followUpDue: string | null;
  outcome: string | null;
  createdAt: Date | string;
}

/** Applications a scope sees: of targets whose units are in scope, or of people of those units; self: one's own. */
export function applicationScopeSql(scope: Scope): SQL {
  if (scope.kind === 'all') return sql`true`;
  const self = scope.personId ? sql`a.person_id = ${scope.personId}` : sql`false`;
  if (scope.kind === 'self' || scope.unitIds.length === 0) return self;
  const units = uuidArray(scope.unitIds);
  return sql`(t.unit_id = any(${units}) or t.paired_unit_id = any(${units}) or p.unit_id = any(${units}) or ${self})`;
}

const select = sql`
  select a.id, a.scheme_id as "schemeId", s.year as "schemeYear", s.title as "schemeTitle", s.bands as "schemeBands", a.target_id as "targetId", t.name as "targetName",
    r.grade, a.person_id as "personId", p.name as "personName", a.kind, a.note, a.talked_on::text as "talkedOn",
    a.talker_person_id as "talkerPersonId", tp.name as "talkerName", a.points, a.follow_up_due::text as "followUpDue", a.outcome, a.created_at as "createdAt"
  from result_applications a
  join assessment_schemes s on s.tenant_id = a.tenant_id and s.id = a.scheme_id
  left join assessment_targets t on t.tenant_id = a.tenant_id and t.id = a.target_id
  left join assessment_results r on r.tenant_id = a.tenant_id and r.scheme_id = a.scheme_id and r.target_id = a.target_id
  left join people p on p.tenant_id = a.tenant_id and p.id = a.person_id
  left join people tp on tp.tenant_id = a.tenant_id and tp.id = a.talker_person_id`;

function where(tenantId: string, scope: Scope, f: ApplicationFilter): SQL {
  const conds: SQL[] = [sql`a.tenant_id = ${tenantId}`, applicationScopeSql(scope)];
  if (f.schemeId) conds.push(sql`a.scheme_id = ${f.schemeId}`);
  if (f.targetId) conds.push(sql`a.target_id = ${f.targetId}`);
  if (f.personId) conds.push(sql`(a.person_id = ${f.personId} or a.talker_person_id = ${f.personId})`);
  if (f.unitId) conds.push(sql`(t.unit_id = ${f.unitId} or t.paired_unit_id = ${f.unitId})`);
  if (f.kind) conds.push(sql`a.kind = ${f.kind}`);
  return and(...conds)!;
}

const sortable: Record<string, string> = { createdAt: 'a.created_at', kind: 'a.kind', talkedOn: 'a.talked_on', followUpDue: 'a.follow_up_due', year: 's.year' };

export async function listApplications(db: Db, tenantId: string, scope: Scope, f: ApplicationFilter, page: { page: number; pageSize: number; sort?: string }) {
  const w = where(tenantId, scope, f);
  const col = sortable[page.sort?.replace(/^-/, '') ?? ''];
  const order = col ? sql.raw(`${col} ${page.sort!.startsWith('-') ? 'desc' : 'asc'} nulls last, a.id`) : sql.raw('s.year desc, a.created_at desc, a.id');
  const rows = await db.execute(sql`${select} where ${w} order by ${order} limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`);
  const count = await db.execute(sql`select count(*)::int as n from result_applications a
    left join assessment_targets t on t.tenant_id = a.tenant_id and t.id = a.target_id
    left join people p on p.tenant_id = a.tenant_id and p.id = a.person_id
    join assessment_schemes s on s.tenant_id = a.tenant_id and s.id = a.scheme_id where ${w}`);
  return { rows: rowsOf<ApplicationRow>(rows), total: rowsOf<{ n: number }>(count)[0].n };
}

export async function getApplication(db: Db, tenantId: string, scope: Scope, id: string): Promise<ApplicationRow | null> {
  const res = await db.execute(sql`${select} where ${where(tenantId, scope, {})} and a.id = ${id}`);
  return rowsOf<ApplicationRow>(res)[0] ?? null;
}

export async function insertApplication(db: Db, values: typeof resultApplications.$inferInsert) {
  const [row] = await db.insert(resultApplications).values(values).returning({ id: resultApplications.id });
  return row;
}

export async function updateApplication(db: Db, tenantId: string, id: string, patch: Partial<typeof resultApplications.$inferInsert>) {
  await db.update(resultApplications).set(patch).where(and(eq(resultApplications.tenantId, tenantId), eq(resultApplications.id, id)));
}

export async function deleteApplication(db: Db, tenantId: string, id: string) {
  await db.delete(resultApplications).where(and(eq(resultApplications.tenantId, tenantId), eq(resultApplications.id, id)));
}

export async function targetInScheme(db: Db, tenantId: string, schemeId: string, targetId: string): Promise<boolean> {
  const res = await db.execute(sql`select 1 from assessment_targets where tenant_id = ${tenantId} and scheme_id = ${schemeId} and id = ${targetId}`);
  return rowsOf(res).length > 0;
}
