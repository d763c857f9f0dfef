import { and, eq, inArray, sql } from 'drizzle-orm';
import { raterAssignments, ratingScores } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../access/scope.js';
import { manualLeavesSql } from './targets.repo.js';

export interface MineRow {
  assignmentId: string;
  schemeId: string;
  schemeTitle: string;
  year: number;
  schemeStatus: string;
  ratingDeadline: string | null;
  targetId: string;
  targetName: string;
  groupName: string;
  status: string;
  submittedAt: Date | string | null;
  version: number;
  scored: number;
  total: number;
}

const mineSelect = (tenantId: string) => sql`
  select a.id as "assignmentId", s.id as "schemeId", s.title as "schemeTitle", s.year, s.status as "schemeStatus", s.rating_deadline::text as "ratingDeadline",
    t.id as "targetId", t.name as "targetName", g.name as "groupName", a.status, a.submitted_at as "submittedAt", a.version,
    (select count(*)::int from rating_scores r where r.tenant_id = a.tenant_id and r.assignment_id = a.id and r.indicator_id in (${manualLeavesSql(tenantId, sql`a.scheme_id`)})) as scored,
    (select count(*)::int from (${manualLeavesSql(tenantId, sql`a.scheme_id`)}) m) as total
  from rater_assignments a
  join assessment_schemes s on s.tenant_id = a.tenant_id and s.id = a.scheme_id
  join assessment_targets t on t.tenant_id = a.tenant_id and t.id = a.target_id
  join rater_groups g on g.tenant_id = a.tenant_id and g.id = a.group_id`;

/** The caller's forms in schemes past draft, open ones of the latest year first. */
export async function listMine(db: Db, tenantId: string, userId: string): Promise<MineRow[]> {
  const res = await db.execute(sql`${mineSelect(tenantId)}
    where a.tenant_id = ${tenantId} and a.rater_user_id = ${userId} and s.status <> 'draft'
    order by s.year desc, (a.status = 'open') desc, t.name`);
  return rowsOf<MineRow>(res);
}

export async function getMine(db: Db, tenantId: string, assignmentId: string): Promise<(MineRow & { raterUserId: string; unitId: string; pairedUnitId: string | null }) | null> {
  const res = await db.execute(sql`select x.*, a.rater_user_id as "raterUserId", t.unit_id as "unitId", t.paired_unit_id as "pairedUnitId"
    from (${mineSelect(tenantId)} where a.tenant_id = ${tenantId} and a.id = ${assignmentId}) x
    join rater_assignments a on a.id = x."assignmentId" join assessment_targets t on t.id = x."targetId"`);
  return rowsOf<MineRow & { raterUserId: string; unitId: string; pairedUnitId: string | null }>(res)[0] ?? null;
}

export async function listScores(db: Db, tenantId: string, assignmentId: string) {
  return db.select().from(ratingScores).where(and(eq(ratingScores.tenantId, tenantId), eq(ratingScores.assignmentId, assignmentId)));
}

export async function upsertScores(db: Db, tenantId: string, assignmentId: string, scores: { indicatorId: string; score: number }[]) {
  if (!scores.length) return;
  const now = new Date();
  await db
    .insert(ratingScores)
    .values(scores.map((s) => ({ tenantId, assignmentId, indicatorId: s.indicatorId, score: s.score, updatedAt: now })))
    .onConflictDoUpdate({ target: [ratingScores.tenantId, ratingScores.assignmentId, ratingScores.indicatorId], set: { score: sql`excluded.score`, updatedAt: now } });
}

export async function clearScores(db: Db, tenantId: string, assignmentId: string, indicatorIds: string[]) {
  if (!indicatorIds.length) return;
  await db.delete(ratingScores).where(and(eq(ratingScores.tenantId, tenantId), eq(ratingScores.assignmentId, assignmentId), inArray(ratingScores.indicatorId, indicatorIds)));
}

export async function markAssignment(db: Db, tenantId: string, id: string, patch: { status?: string; submittedAt?: Date }) {
  await db
    .update(raterAssignments)
    .set({ ...patch, version: sql`${raterAssignments.version} + 1` })
    .where(and(eq(raterAssignments.tenantId, tenantId), eq(raterAssignments.id, id)));
}

export async function hasAssignment(db: Db, tenantId: string, userId: string, targetId: string): Promise<boolean> {
  const res = await db.execute(sql`select 1 from rater_assignments where tenant_id = ${tenantId} and rater_user_id = ${userId} and target_id = ${targetId} limit 1`);
  return rowsOf(res).length > 0;
}
