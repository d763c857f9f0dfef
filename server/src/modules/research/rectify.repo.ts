import { tasks } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { grams } from '../../platform/search/grams.js';

export interface RectificationTaskInput {
  tenantId: string;
  campaignId: string;
  title: string;
  description: string;
  ownerUnitId: string;
  responsiblePersonId: string | null;
  startDate: string;
  dueDate: string;
  createdBy: string | null;
}

/**
 * Writes the rectification task straight into `tasks` (the tasks module owns
 * the table; this is the one insert research needs: a planned task of category
 * 'rectification').
 */
export async function insertRectificationTask(db: Db, v: RectificationTaskInput) {
  const [row] = await db
    .insert(tasks)
    .values({
      tenantId: v.tenantId,
      campaignId: v.campaignId,
      title: v.title,
      description: v.description,
      category: 'rectification',
      ownerUnitId: v.ownerUnitId,
      responsiblePersonId: v.responsiblePersonId,
      startDate: v.startDate,
      dueDate: v.dueDate,
      status: 'planned',
      createdBy: v.createdBy,
      searchGrams: grams(v.title, v.description),
    })
    .returning();
  return row;
}
