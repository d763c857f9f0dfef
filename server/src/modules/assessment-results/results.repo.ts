import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assessmentIndicators, assessmentResults, assessmentSchemes, raterGroups } from '../../db/schema/index.js';
import { rowsOf, uuidArray, type Scope } from '../../access/scope.js';
import type { ScoreStats } from '../assessment/aggregate.js';

export type SchemeRow = typeof assessmentSchemes.$inferSelect;

export async function getScheme(db: Db, tenantId: string, id: string, forUpdate = false): Promise<SchemeRow | null> {
  const q = db.select().from(assessmentSchemes).where(and(eq(assessmentSchemes.tenantId, tenantId), eq(assessmentSchemes.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function updateScheme(db: Db, tenantId: string, id: string, patch: Partial<typeof assessmentSchemes.$inferInsert>) {
  await db
    .update(assessmentSchemes)
    .set({ ...patch, version: sql`${assessmentSchemes.version} + 1` })
    .where(and(eq(assessmentSchemes.tenantId, tenantId), eq(assessmentSchemes.id, id)));
}

export const listIndicators = (db: Db, tenantId: string, schemeId: string) =>
  db.select().from(assessmentIndicators).where(and(eq(assessmentIndicators.tenantId, tenantId), eq(assessmentIndicators.schemeId, schemeId))).orderBy(assessmentIndicators.sortOrder, assessmentIndicators.name);

export const listGroups = (db: Db, tenantId: string, schemeId: string) =>
  db.select().from(raterGroups).where(and(eq(raterGroups.tenantId, tenantId), eq(raterGroups.schemeId, schemeId))).orderBy(sql`${raterGroups.weight} desc`, raterGroups.name);

export interface TargetRow {
  id: string;
  name: string;
  unitId: string;
  pairedUnitId: string | null;
}

export async function listTargets(db: Db, tenantId: string, schemeId: string): Promise<TargetRow[]> {
  const res = await db.execute(sql`select id, name, unit_id as "unitId", paired_unit_id as "pairedUnitId" from assessment_targets
    where tenant_id = ${tenantId} and scheme_id = ${schemeId} order by name`);
  return rowsOf<TargetRow>(res);
}

/** A rater's form counts once submitted; drafts are left out of the results. */
const submitted = sql`(a.status = 'submitted' or a.submitted_at is not null)`;

/**
 * Submitted scores summed per target, indicator and rater group: all the
 * means need (aggregate.ts statsMean), in one row per group instead of one per
 * score. Sums (and the trimmed mean's sum without the lowest and highest
 * score) are exact decimals before they become floats, so the means do not
 * depend on the order the rows come in.
 */
export async function listScoreStats(db: Db, tenantId: string, schemeId: string): Promise<ScoreStats[]> {
  const res = await db.execute(sql`select a.target_id as "targetId", s.indicator_id as "indicatorId", a.group_id as "groupId",
      count(*)::int as count, sum(s.score)::float8 as sum, min(s.score)::float8 as min, max(s.score)::float8 as max,
      (sum(s.score) - min(s.score) - max(s.score))::float8 as "middleSum"
    from rating_scores s join rater_assignments a on a.tenant_id = s.tenant_id and a.id = s.assignment_id
    where a.tenant_id = ${tenantId} and a.scheme_id = ${schemeId} and ${submitted}
    group by a.target_id, s.indicator_id, a.group_id`);
  return rowsOf<ScoreStats>(res).map((r) => ({ ...r, count: Number(r.count), sum: Number(r.sum), min: Number(r.min), max: Number(r.max), middleSum: Number(r.middleSum) }));
}

/** Required ratings not in: every assignment whose rater has not submitted (targets × raters). */
export async function listMissingRatings(db: Db, tenantId: string, schemeId: string) {
  const res = await db.execute(sql`select a.target_id as "targetId", t.name as "targetName", a.rater_user_id as "raterUserId",
      coalesce(u.display_name, u.username, '') as "raterName", coalesce(g.name, '') as "groupName"
    from rater_assignments a
    join assessment_targets t on t.tenant_id = a.tenant_id and t.id = a.target_id
    left join users u on u.id = a.rater_user_id
    left join rater_groups g on g.tenant_id = a.tenant_id and g.id = a.group_id
    where a.tenant_id = ${tenantId} and a.scheme_id = ${schemeId} and not ${submitted}
    order by t.name, g.name, 4`);
  return rowsOf<{ targetId: string; targetName: string; raterUserId: string; raterName: string; groupName: string }>(res);
}

export async function listAdjustments(db: Db, tenantId: string, schemeId: string) {
  const res = await db.execute(sql`select j.target_id as "targetId", j.kind, j.item, j.points::float8 as points
    from target_adjustments j join assessment_targets t on t.tenant_id = j.tenant_id and t.id = j.target_id
    where j.tenant_id = ${tenantId} and t.scheme_id = ${schemeId} order by j.created_at`);
  return rowsOf<{ targetId: string; kind: string; item: string; points: number }>(res).map((r) => ({ ...r, points: Number(r.points) }));
}

export async function replaceResults(db: Db, tenantId: string, schemeId: string, rows: Omit<typeof assessmentResults.$inferInsert, 'tenantId' | 'schemeId'>[]) {
  await db.delete(assessmentResults).where(and(eq(assessmentResults.tenantId, tenantId), eq(assessmentResults.schemeId, schemeId)));
  if (rows.length) await db.insert(assessmentResults).values(rows.map((r) => ({ ...r, tenantId, schemeId })));
}

export async function countResults(db: Db, tenantId: string, schemeId: string): Promise<number> {
  const res = await db.execute(sql`select count(*)::int as n from assessment_results where tenant_id = ${tenantId} and scheme_id = ${schemeId}`);
  return rowsOf<{ n: number }>(res)[0].n;
}

/**
 * Targets a unit-bound reader sees under the 'own' publication scope: those
 * whose unit or paired unit is in the reader's data scope, or is the unit the
 * reader belongs to or one of its ancestors (a member of a department sees the
 * college's result).
 */
export function ownTargetSql(scope: Scope): SQL {
  if (scope.kind === 'all') return sql`true`;
  const inScope = scope.unitIds.length ? sql`(t.unit_id = any(${uuidArray(scope.unitIds)}) or t.paired_unit_id = any(${uuidArray(scope.unitIds)}))` : sql`false`;
  if (!scope.personId) return inScope;
  return sql`(${inScope} or exists (
    with recursive up(id, parent_id) as (
      select u.id, u.parent_id from units u join people p on p.unit_id = u.id and p.tenant_id = u.tenant_id where p.id = ${scope.personId}
      union
      select u.id, u.parent_id from units u join up on u.id = up.parent_id
    ) select 1 from up where up.id = t.unit_id or up.id = t.paired_unit_id))`;
}

export interface ResultDbRow {
  targetId: string;
  targetName: string;
  unitId: string;
  pairedUnitId: string | null;
  total: number;
  party: number;
  business: number;
  featured: number;
  adjustments: number;
  vetoed: boolean;
  rank: number;
  grade: string;
  breakdown: StoredBreakdown;
}

export interface StoredBreakdown {
  indicators: Record<string, { score: number; groups: Record<string, number>; contribution: number; figure?: number | null }>;
  groupTotals: Record<string, number>;
}

/** Results of a scheme within `visible` (a predicate on target alias t), best first. */
export async function listResults(db: Db, tenantId: string, schemeId: string, visible: SQL, targetId?: string): Promise<ResultDbRow[]> {
  const res = await db.execute(sql`select r.target_id as "targetId", t.name as "targetName", t.unit_id as "unitId", t.paired_unit_id as "pairedUnitId",
      r.total::float8 as total, r.party::float8 as party, r.business::float8 as business, r.featured::float8 as featured,
      r.adjustments::float8 as adjustments, r.vetoed, r.rank, r.grade, r.breakdown
    from assessment_results r join assessment_targets t on t.tenant_id = r.tenant_id and t.id = r.target_id
    where r.tenant_id = ${tenantId} and r.scheme_id = ${schemeId} and ${visible} ${targetId ? sql`and r.target_id = ${targetId}` : sql``}
    order by r.rank, t.name`);
  return rowsOf<ResultDbRow>(res).map((r) => ({
    ...r,
    total: Number(r.total), party: Number(r.party), business: Number(r.business), featured: Number(r.featured), adjustments: Number(r.adjustments),
    breakdown: typeof r.breakdown === 'string' ? JSON.parse(r.breakdown) : r.breakdown,
  }));
}

export async function listTargetReports(db: Db, tenantId: string, targetId: string) {
  const res = await db.execute(sql`select kind, body, submitted_at as "submittedAt" from target_reports where tenant_id = ${tenantId} and target_id = ${targetId} order by kind`);
  return rowsOf<{ kind: string; body: string | null; submittedAt: Date | string | null }>(res);
}

export async function listTargetAdjustments(db: Db, tenantId: string, targetId: string) {
  const res = await db.execute(sql`select kind, item, points::float8 as points from target_adjustments where tenant_id = ${tenantId} and target_id = ${targetId} order by created_at`);
  return rowsOf<{ kind: string; item: string; points: number }>(res).map((r) => ({ ...r, points: Number(r.points) }));
}

/** The latest published scheme in which this unit (or its pair) was a target, before `beforeYear`. */
export async function latestPublishedTargetOf(db: Db, tenantId: string, unitId: string, beforeYear: number) {
  const res = await db.execute(sql`select s.id as "schemeId", s.year, s.title, t.id as "targetId"
    from assessment_targets t join assessment_schemes s on s.tenant_id = t.tenant_id and s.id = t.scheme_id
    where t.tenant_id = ${tenantId} and (t.unit_id = ${unitId} or t.paired_unit_id = ${unitId}) and s.status = 'published' and s.year < ${beforeYear}
    order by s.year desc, s.published_at desc limit 1`);
  return rowsOf<{ schemeId: string; year: number; title: string; targetId: string }>(res)[0] ?? null;
}

export async function countTargets(db: Db, tenantId: string, schemeId: string): Promise<number> {
  const res = await db.execute(sql`select count(*)::int as n from assessment_targets where tenant_id = ${tenantId} and scheme_id = ${schemeId}`);
  return rowsOf<{ n: number }>(res)[0].n;
}

/** Schemes with results to show: the office sees closed ones too; others published ones. */
export async function listResultSchemes(db: Db, tenantId: string, officeView: boolean) {
  const statuses = officeView ? ['closed', 'published'] : ['published'];
  const rows = await db.select().from(assessmentSchemes)
    .where(and(eq(assessmentSchemes.tenantId, tenantId), inArray(assessmentSchemes.status, statuses)))
    .orderBy(desc(assessmentSchemes.year), desc(assessmentSchemes.createdAt));
  const res = await db.execute(sql`select distinct scheme_id as id from assessment_results where tenant_id = ${tenantId}`);
  const computed = new Set(rowsOf<{ id: string }>(res).map((r) => r.id));
  return rows.map((r) => ({ scheme: r, computed: computed.has(r.id) }));
}

export async function unitOfTarget(db: Db, tenantId: string, targetId: string): Promise<string | null> {
  const res = await db.execute(sql`select unit_id as "unitId" from assessment_targets where tenant_id = ${tenantId} and id = ${targetId}`);
  return rowsOf<{ unitId: string }>(res)[0]?.unitId ?? null;
}
