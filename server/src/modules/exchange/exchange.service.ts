import type { z } from 'zod';
import type { ExchangeMeeting, exchangeMeetingCreate, exchangeMeetingUpdate } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { deleteAttachmentsOf } from '../study/refs.repo.js';
import * as repo from './exchange.repo.js';
import { presentMeeting } from './exchange.presenter.js';

type Page = { page: number; pageSize: number; sort?: string };

export async function listMeetings(db: Db, ctx: RequestContext, f: repo.ExchangeFilter, page: Page) {
  const { rows, total } = await repo.listMeetings(db, ctx.tenantId, f, page);
  return { items: rows.map(presentMeeting), total };
}

export async function getMeeting(db: Db, ctx: Pick<RequestContext, 'tenantId'>, id: string): Promise<ExchangeMeeting> {
  const row = await repo.getMeeting(db, ctx.tenantId, id);
  if (!row) throw notFound('EXCHANGE_MEETING_NOT_FOUND', 'exchange meeting');
  return presentMeeting(row);
}

/** The meeting of a month is held in that month. */
function requireDateInMonth(month: string, heldOn: string) {
  if (heldOn.slice(0, 7) !== month) throw invalid('body.heldOn', `must fall in ${month}`);
}

export async function createMeeting(db: Db, ctx: RequestContext, input: z.infer<typeof exchangeMeetingCreate>) {
  requireDateInMonth(input.month, input.heldOn);
  return db.transaction(async (tx) => {
    const { id } = await repo.insertMeeting(tx, { tenantId: ctx.tenantId, ...input, summary: input.summary || null });
    const after = await getMeeting(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'exchange_meeting', entityId: id, after });
    return after;
  });
}

export async function updateMeeting(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof exchangeMeetingUpdate>) {
  return db.transaction(async (tx) => {
    const before = await getMeeting(tx, ctx, id);
    const { version, ...patch } = input;
    requireDateInMonth(patch.month ?? before.month, patch.heldOn ?? before.heldOn);
    const values = { ...patch, ...(patch.summary !== undefined && { summary: patch.summary || null }) };
    if (!(await repo.updateMeeting(tx, ctx.tenantId, id, version, values))) {
      throw new AppError('VERSION_CONFLICT', 'the record was changed by someone else; reload and retry', { currentVersion: before.version });
    }
    const after = await getMeeting(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'update', entity: 'exchange_meeting', entityId: id, before, after });
    return after;
  });
}

export async function deleteMeeting(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const before = await getMeeting(tx, ctx, id);
    await repo.deleteMeeting(tx, ctx.tenantId, id);
    await deleteAttachmentsOf(tx, ctx.tenantId, 'exchange_meeting', id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'exchange_meeting', entityId: id, before });
  });
}
