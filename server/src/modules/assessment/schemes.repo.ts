import { and, eq, sql, type SQL } from 'drizzle-orm';
import { assessmentSchemes } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../access/scope.js';

export interface SchemeRow {
  id: string;
  year: number;
  title: string;
  status: string;
  trimmedMean: boolean;
  bands: unknown;
  adjustmentItems: unknown;
  selfReportDeadline: string | null;
  ratingDeadline: string | null;
  publishScope: string | null;
  publishReports: boolean;
  frozenAt: Date | string | null;
  publishedAt: Date | string | null;
  version: number;
  createdAt: Date | string;
  indicators: number;
  targets: number;
  groups: number;
  assignments: number;
  submitted: number;
}

const schemeSelect = sql`
  select s.id, s.year, s.title, s.status, s.trimmed_mean as "trimmedMean", s.bands, s.adjustment_items as "adjustmentItems",
    s.self_report_deadline::text as "selfReportDeadline", s.rating_deadline::text as "ratingDeadline", s.publish_scope as "publishScope",
    s.publish_reports as "publishReports", s.frozen_at as "frozenAt", s.published_at as "publishedAt", s.version, s.created_at as "createdAt",
    (select count(*)::int from assessment_indicators i where i.tenant_id = s.tenant_id and i.scheme_id = s.id) as indicators,
    (select count(*)::int from assessment_targets t where t.tenant_id = s.tenant_id and t.scheme_id = s.id) as targets,
    (select count(*)::int from rater_groups g where g.tenant_id = s.tenant_id and g.scheme_id = s.id) as groups,
    (select count(*)::int from rater_assignments a where a.tenant_id = s.tenant_id and a.scheme_id = s.id) as assignments,
    (select count(*)::int from rater_assignments a where a.tenant_id = s.tenant_id and a.scheme_id = s.id and a.status = 'submitted') as submitted
  from assessment_schemes s`;

export async function listSchemes(db: Db, tenantId: string, f: { year?: number; status?: string }): Promise<SchemeRow[]> {
  const conds: SQL[] = [sql`s.tenant_id = ${tenantId}`];
  if (f.year) conds.push(sql`s.year = ${f.year}`);
  if (f.status) conds.push(sql`s.status = ${f.status}`);
  return rowsOf<SchemeRow>(await db.execute(sql`${schemeSelect} where ${and(...conds)} order by s.year desc, s.created_at desc`));
}

export async function getScheme(db: Db, tenantId: string, id: string): Promise<SchemeRow | null> {
  return rowsOf<SchemeRow>(await db.execute(sql`${schemeSelect} where s.tenant_id = ${tenantId} and s.id = ${id}`))[0] ?? null;
}

/**
 * Locks the scheme row for the rest of the transaction: 'update' for status
 * changes, 'share' for writes that must not cross one (ratings, self scores),
 * so concurrent raters never block each other.
 */
export async function lockScheme(db: Db, tenantId: string, id: string, mode: 'update' | 'share'): Promise<{ status: string; frozenAt: unknown } | null> {
  const res = await db.execute(sql`select status, frozen_at as "frozenAt" from assessment_schemes where tenant_id = ${tenantId} and id = ${id} for ${sql.raw(mode)}`);
  return rowsOf<{ status: string; frozenAt: unknown }>(res)[0] ?? null;
}

export async function insertScheme(db: Db, values: typeof assessmentSchemes.$inferInsert) {
  const [row] = await db.insert(assessmentSchemes).values(values).returning({ id: assessmentSchemes.id });
  return row;
}

export async function updateScheme(db: Db, tenantId: string, id: string, version: number, patch: Partial<typeof assessmentSchemes.$inferInsert>) {
  const [row] = await db
    .update(assessmentSchemes)
    .set({ ...patch, version: sql`${assessmentSchemes.version} + 1` })
    .where(and(eq(assessmentSchemes.tenantId, tenantId), eq(assessmentSchemes.id, id), eq(assessmentSchemes.version, version)))
    .returning({ id: assessmentSchemes.id });
  return row ?? null;
}

/** Removes a scheme and everything configured under it (drafts only, checked by the service). */
export async function deleteSchemeCascade(db: Db, tenantId: string, id: string) {
  const targets = sql`(select id from assessment_targets where tenant_id = ${tenantId} and scheme_id = ${id})`;
  await db.execute(sql`delete from attachments where tenant_id = ${tenantId} and entity = 'target_report' and entity_id in (select id from target_reports where tenant_id = ${tenantId} and target_id in ${targets})`);
  await db.execute(sql`delete from rating_scores where tenant_id = ${tenantId} and assignment_id in (select id from rater_assignments where tenant_id = ${tenantId} and scheme_id = ${id})`);
  await db.execute(sql`delete from rater_assignments where tenant_id = ${tenantId} and scheme_id = ${id}`);
  await db.execute(sql`delete from rater_groups where tenant_id = ${tenantId} and scheme_id = ${id}`);
  for (const table of ['target_reports', 'self_scores', 'target_adjustments']) {
    await db.execute(sql`delete from ${sql.raw(table)} where tenant_id = ${tenantId} and target_id in ${targets}`);
  }
  await db.execute(sql`delete from assessment_targets where tenant_id = ${tenantId} and scheme_id = ${id}`);
  await db.execute(sql`delete from assessment_indicators where tenant_id = ${tenantId} and scheme_id = ${id}`);
  await db.execute(sql`delete from assessment_schemes where tenant_id = ${tenantId} and id = ${id}`);
}

/** Targets without any rater assignment, for the open-rating check. */
export async function targetsWithoutRaters(db: Db, tenantId: string, schemeId: string) {
  const res = await db.execute(sql`
    select t.id, t.name from assessment_targets t
    where t.tenant_id = ${tenantId} and t.scheme_id = ${schemeId}
      and not exists (select 1 from rater_assignments a where a.tenant_id = t.tenant_id and a.target_id = t.id)
    order by t.name`);
  return rowsOf<{ id: string; name: string }>(res);
}

export async function raterUserIds(db: Db, tenantId: string, schemeId: string, status?: string): Promise<string[]> {
  const res = await db.execute(sql`select distinct rater_user_id as id from rater_assignments
    where tenant_id = ${tenantId} and scheme_id = ${schemeId} ${status ? sql`and status = ${status}` : sql``}`);
  return rowsOf<{ id: string }>(res).map((r) => r.id);
}
