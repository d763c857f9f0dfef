import { and, eq, sql, type SQL } from 'drizzle-orm';
import { assessmentTargets, selfScores, targetAdjustments, targetReports } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf, uuidArray, type Scope } from '../../access/scope.js';

export interface TargetRow {
  id: string;
  schemeId: string;
  name: string;
  unitId: string;
  unitName: string;
  pairedUnitId: string | null;
  pairedUnitName: string | null;
  selfScored: number;
  manualCount: number;
  raters: number;
  submitted: number;
  adjustments: number;
}

/** Manual leaves of a scheme: what self scores and ratings are given on. */
export const manualLeavesSql = (tenantId: string, schemeId: SQL | string) => sql`
  select i.id from assessment_indicators i where i.tenant_id = ${tenantId} and i.scheme_id = ${schemeId} and i.method = 'manual'
    and not exists (select 1 from assessment_indicators c where c.tenant_id = i.tenant_id and c.parent_id = i.id)`;

const targetSelect = (tenantId: string) => sql`
  select t.id, t.scheme_id as "schemeId", t.name, t.unit_id as "unitId", u.name as "unitName", t.paired_unit_id as "pairedUnitId", pu.name as "pairedUnitName",
    (select count(*)::int from self_scores ss where ss.tenant_id = t.tenant_id and ss.target_id = t.id and ss.indicator_id in (${manualLeavesSql(tenantId, sql`t.scheme_id`)})) as "selfScored",
    (select count(*)::int from (${manualLeavesSql(tenantId, sql`t.scheme_id`)}) m) as "manualCount",
    (select count(*)::int from rater_assignments a where a.tenant_id = t.tenant_id and a.target_id = t.id) as raters,
    (select count(*)::int from rater_assignments a where a.tenant_id = t.tenant_id and a.target_id = t.id and a.status = 'submitted') as submitted,
    (select count(*)::int from target_adjustments ad where ad.tenant_id = t.tenant_id and ad.target_id = t.id) as adjustments
  from assessment_targets t
  join units u on u.id = t.unit_id
  left join units pu on pu.id = t.paired_unit_id`;

/** A target is in a scope when its unit or its paired unit is. */
export function targetScopeSql(scope: Scope): SQL {
  if (scope.kind === 'all') return sql`true`;
  if (scope.kind === 'self' || scope.unitIds.length === 0) return sql`false`;
  return sql`(t.unit_id = any(${uuidArray(scope.unitIds)}) or t.paired_unit_id = any(${uuidArray(scope.unitIds)}))`;
}

export async function listTargets(db: Db, tenantId: string, scope: Scope, f: { schemeId?: string; schemeStatuses?: string[] }): Promise<TargetRow[]> {
  const conds: SQL[] = [sql`t.tenant_id = ${tenantId}`, targetScopeSql(scope)];
  if (f.schemeId) conds.push(sql`t.scheme_id = ${f.schemeId}`);
  if (f.schemeStatuses) conds.push(sql`t.scheme_id in (select id from assessment_schemes where tenant_id = ${tenantId} and status = any(${`{${f.schemeStatuses.join(',')}}`}::text[]))`);
  return rowsOf<TargetRow>(await db.execute(sql`${targetSelect(tenantId)} where ${and(...conds)} order by u.sort_order, t.name`));
}

export async function getTarget(db: Db, tenantId: string, id: string): Promise<TargetRow | null> {
  return rowsOf<TargetRow>(await db.execute(sql`${targetSelect(tenantId)} where t.tenant_id = ${tenantId} and t.id = ${id}`))[0] ?? null;
}

export type ReportRow = typeof targetReports.$inferSelect;

export async function listReports(db: Db, tenantId: string, targetIds: readonly string[]): Promise<ReportRow[]> {
  if (!targetIds.length) return [];
  const res = await db.execute(sql`select id, tenant_id as "tenantId", target_id as "targetId", kind, body, deadline::text as deadline, submitted_at as "submittedAt", version
    from target_reports where tenant_id = ${tenantId} and target_id = any(${uuidArray(targetIds)}) order by kind`);
  return rowsOf<ReportRow>(res);
}

export async function getReport(db: Db, tenantId: string, id: string): Promise<(ReportRow & { schemeId: string }) | null> {
  const res = await db.execute(sql`select r.id, r.target_id as "targetId", r.kind, r.body, r.deadline::text as deadline, r.submitted_at as "submittedAt", r.version, t.scheme_id as "schemeId"
    from target_reports r join assessment_targets t on t.tenant_id = r.tenant_id and t.id = r.target_id where r.tenant_id = ${tenantId} and r.id = ${id}`);
  return rowsOf<ReportRow & { schemeId: string }>(res)[0] ?? null;
}

/** Inserts targets (skipping units already targets of the scheme) with their two empty self reports. */
export async function insertTargets(db: Db, tenantId: string, schemeId: string, deadline: string | null, rows: { unitId: string; pairedUnitId: string | null; name: string }[]) {
  if (!rows.length) return [];
  const created = await db
    .insert(assessmentTargets)
    .values(rows.map((r) => ({ tenantId, schemeId, ...r })))
    .onConflictDoNothing()
    .returning({ id: assessmentTargets.id });
  if (created.length) {
    await db.insert(targetReports).values(created.flatMap((t) => (['head', 'secretary'] as const).map((kind) => ({ tenantId, targetId: t.id, kind, deadline }))));
  }
  return created.map((c) => c.id);
}

export async function updateReport(db: Db, tenantId: string, id: string, version: number, patch: Partial<typeof targetReports.$inferInsert>) {
  const [row] = await db
    .update(targetReports)
    .set({ ...patch, version: sql`${targetReports.version} + 1` })
    .where(and(eq(targetReports.tenantId, tenantId), eq(targetReports.id, id), eq(targetReports.version, version)))
    .returning({ id: targetReports.id });
  return row ?? null;
}

export async function deleteTargetCascade(db: Db, tenantId: string, id: string) {
  await db.execute(sql`delete from attachments where tenant_id = ${tenantId} and entity = 'target_report' and entity_id in (select id from target_reports where tenant_id = ${tenantId} and target_id = ${id})`);
  await db.execute(sql`delete from rating_scores where tenant_id = ${tenantId} and assignment_id in (select id from rater_assignments where tenant_id = ${tenantId} and target_id = ${id})`);
  for (const table of ['rater_assignments', 'target_reports', 'self_scores', 'target_adjustments']) {
    await db.execute(sql`delete from ${sql.raw(table)} where tenant_id = ${tenantId} and target_id = ${id}`);
  }
  await db.delete(assessmentTargets).where(and(eq(assessmentTargets.tenantId, tenantId), eq(assessmentTargets.id, id)));
}

/** Business units of the given kinds, each with its paired party organisation. */
export async function pairableUnits(db: Db, tenantId: string, kinds: readonly string[]) {
  const res = await db.execute(sql`select id, coalesce(short_name, name) as name, paired_unit_id as "pairedUnitId" from units
    where tenant_id = ${tenantId} and kind = any(${`{${kinds.join(',')}}`}::text[]) order by sort_order`);
  return rowsOf<{ id: string; name: string; pairedUnitId: string | null }>(res);
}

export async function getUnit(db: Db, tenantId: string, id: string) {
  const res = await db.execute(sql`select id, coalesce(short_name, name) as name, kind, track, paired_unit_id as "pairedUnitId" from units where tenant_id = ${tenantId} and id = ${id}`);
  return rowsOf<{ id: string; name: string; kind: string; track: string; pairedUnitId: string | null }>(res)[0] ?? null;
}

export async function listSelfScores(db: Db, tenantId: string, targetId: string) {
  return db.select().from(selfScores).where(and(eq(selfScores.tenantId, tenantId), eq(selfScores.targetId, targetId)));
}

export async function upsertSelfScores(db: Db, rows: (typeof selfScores.$inferInsert)[]) {
  if (!rows.length) return;
  await db
    .insert(selfScores)
    .values(rows)
    .onConflictDoUpdate({ target: [selfScores.tenantId, selfScores.targetId, selfScores.indicatorId], set: { score: sql`excluded.score`, evidence: sql`excluded.evidence` } });
}

export type AdjustmentRow = typeof targetAdjustments.$inferSelect;

export async function listAdjustments(db: Db, tenantId: string, targetId: string): Promise<AdjustmentRow[]> {
  return db.select().from(targetAdjustments).where(and(eq(targetAdjustments.tenantId, tenantId), eq(targetAdjustments.targetId, targetId))).orderBy(targetAdjustments.createdAt);
}

export async function getAdjustment(db: Db, tenantId: string, id: string): Promise<AdjustmentRow | null> {
  const [row] = await db.select().from(targetAdjustments).where(and(eq(targetAdjustments.tenantId, tenantId), eq(targetAdjustments.id, id)));
  return row ?? null;
}

export async function insertAdjustment(db: Db, values: typeof targetAdjustments.$inferInsert) {
  const [row] = await db.insert(targetAdjustments).values(values).returning();
  return row;
}

export async function deleteAdjustment(db: Db, tenantId: string, id: string) {
  await db.delete(targetAdjustments).where(and(eq(targetAdjustments.tenantId, tenantId), eq(targetAdjustments.id, id)));
}

/** Serialises adjustments of one target so two entries cannot both fit under a cap. */
export async function lockTarget(db: Db, tenantId: string, id: string) {
  await db.execute(sql`select id from assessment_targets where tenant_id = ${tenantId} and id = ${id} for update`);
}
