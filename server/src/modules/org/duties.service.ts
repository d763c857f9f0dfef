import type { z } from 'zod';
import type { leaderDutyCreate } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import * as repo from './duties.repo.js';
import { getUnit } from './units.repo.js';
import { getPerson } from './people.repo.js';
import { presentDuty } from './org.presenter.js';

export async function listDuties(db: Db, ctx: RequestContext, f: repo.DutyFilter) {
  const rows = await repo.listDuties(db, ctx.tenantId, f, ctx.scope);
  return { items: rows.map(presentDuty), total: rows.length };
}

export async function addDuty(db: Db, ctx: RequestContext, input: z.infer<typeof leaderDutyCreate>) {
  return db.transaction(async (tx) => {
    if (!(await getPerson(tx, ctx.tenantId, input.personId))) throw invalid('personId', 'unknown person');
    if (!(await getUnit(tx, ctx.tenantId, input.unitId))) throw invalid('unitId', 'unknown unit');
    const existing = await repo.listDuties(tx, ctx.tenantId, input);
    if (existing.length) throw new AppError('DUPLICATE', 'this leader already has this duty for this unit');
    const row = await repo.insertDuty(tx, { tenantId: ctx.tenantId, personId: input.personId, unitId: input.unitId, kind: input.kind, note: input.note ?? null });
    const [presented] = await repo.listDuties(tx, ctx.tenantId, { personId: input.personId, unitId: input.unitId, kind: input.kind });
    await appendAudit(tx, ctx, { action: 'create', entity: 'leader_duty', entityId: row.id, after: presented });
    return presentDuty(presented);
  });
}

export async function removeDuty(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const row = await repo.getDuty(tx, ctx.tenantId, id);
    if (!row) throw notFound('DUTY_NOT_FOUND', 'leader duty');
    await repo.deleteDuty(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'leader_duty', entityId: id, before: row });
  });
}
