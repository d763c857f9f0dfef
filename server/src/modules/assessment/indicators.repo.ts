import { and, asc, eq, inArray } from 'drizzle-orm';
import { assessmentIndicators, ratingScores, selfScores } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';

export type IndicatorRow = typeof assessmentIndicators.$inferSelect;

export async function listIndicators(db: Db, tenantId: string, schemeId: string): Promise<IndicatorRow[]> {
  return db
    .select()
    .from(assessmentIndicators)
    .where(and(eq(assessmentIndicators.tenantId, tenantId), eq(assessmentIndicators.schemeId, schemeId)))
    .orderBy(asc(assessmentIndicators.sortOrder), asc(assessmentIndicators.name), asc(assessmentIndicators.id));
}

export async function getIndicator(db: Db, tenantId: string, id: string): Promise<IndicatorRow | null> {
  const [row] = await db.select().from(assessmentIndicators).where(and(eq(assessmentIndicators.tenantId, tenantId), eq(assessmentIndicators.id, id)));
  return row ?? null;
}

export async function insertIndicators(db: Db, values: (typeof assessmentIndicators.$inferInsert)[]) {
  if (!values.length) return [];
  return db.insert(assessmentIndicators).values(values).returning({ id: assessmentIndicators.id });
}

export async function updateIndicator(db: Db, tenantId: string, id: string, patch: Partial<typeof assessmentIndicators.$inferInsert>) {
  await db.update(assessmentIndicators).set(patch).where(and(eq(assessmentIndicators.tenantId, tenantId), eq(assessmentIndicators.id, id)));
}

/** Deletes indicators and the scores given on them. */
export async function deleteIndicators(db: Db, tenantId: string, ids: string[]) {
  if (!ids.length) return;
  await db.delete(ratingScores).where(and(eq(ratingScores.tenantId, tenantId), inArray(ratingScores.indicatorId, ids)));
  await db.delete(selfScores).where(and(eq(selfScores.tenantId, tenantId), inArray(selfScores.indicatorId, ids)));
  await db.delete(assessmentIndicators).where(and(eq(assessmentIndicators.tenantId, tenantId), inArray(assessmentIndicators.id, ids)));
}
