import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../access/scope.js';
import { tasks } from '../../db/schema/index.js';
import type { Actor } from '../../platform/context.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { grams } from '../../platform/search/grams.js';
import * as repo from './task.repo.js';
import { addDays, periodsBetween, type Recurrence } from './task.recurrence.js';

/** How far ahead instances are made: the current period and the next one. */
export const LOOKAHEAD_DAYS = 31;

/**
 * Creates the missing instances of one recurring task for the periods that
 * start by `until`: one subtask per month or ISO week, keyed by
 * recurrence_key ('2026-07', '2026-W27'). The unique key (tenant,
 * recurrence_of, recurrence_key) makes a second run create nothing, also
 * when two processes run it at once.
 */
export async function generateInstances(tx: Db, actor: Actor, template: repo.TaskRecord, until: string): Promise<string[]> {
  if (template.recurrence !== 'weekly' && template.recurrence !== 'monthly') return [];
  // Periods start up to `until`; each keeps its whole span within the template's dates.
  const periods = periodsBetween(template.startDate, template.dueDate, template.recurrence as Recurrence).filter((p) => p.startDate <= until);
  if (periods.length === 0) return [];
  const links = await repo.loadLinks(tx, template.tenantId, [template.id]);
  const created: string[] = [];
  for (const p of periods) {
    const title = `${template.title}（${p.key}）`;
    const [row] = await tx
      .insert(tasks)
      .values({
        tenantId: template.tenantId,
        campaignId: template.campaignId,
        parentId: template.id,
        title,
        description: template.description,
        category: template.category,
        ownerUnitId: template.ownerUnitId,
        responsiblePersonId: template.responsiblePersonId,
        startDate: p.startDate,
        dueDate: p.dueDate,
        weight: template.weight,
        recurrenceOf: template.id,
        recurrenceKey: p.key,
        sortOrder: template.sortOrder,
        searchGrams: grams(title, template.description),
        createdBy: actor.userId || null,
      })
      .onConflictDoNothing()
      .returning({ id: tasks.id });
    if (!row) continue;
    await repo.setCoUnits(tx, template.tenantId, row.id, (links.coUnits.get(template.id) ?? []).map((u) => u.id));
    await repo.setGoals(tx, template.tenantId, row.id, (links.goals.get(template.id) ?? []).map((g) => g.id));
    await appendAudit(tx, actor, { action: 'generate', entity: 'task', entityId: row.id, after: { recurrenceOf: template.id, recurrenceKey: p.key, title, startDate: p.startDate, dueDate: p.dueDate } });
    created.push(p.key);
  }
  return created;
}

/**
 * For a scheduled job: every open recurring task of a tenant gets its
 * instances up to today + LOOKAHEAD_DAYS. Runs in the caller's transaction.
 */
export async function generateDueInstances(tx: Db, actor: Actor, today: string): Promise<number> {
  const res = await tx.execute(sql`select id from tasks where tenant_id = ${actor.tenantId} and recurrence in ('weekly', 'monthly')
    and status not in ('done', 'cancelled') and start_date <= ${addDays(today, LOOKAHEAD_DAYS)}::date`);
  let n = 0;
  for (const { id } of rowsOf<{ id: string }>(res)) {
    const template = await repo.getTaskRecord(tx, actor.tenantId, id);
    if (template) n += (await generateInstances(tx, actor, template, addDays(today, LOOKAHEAD_DAYS))).length;
  }
  return n;
}
