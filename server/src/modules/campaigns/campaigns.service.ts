import type { z } from 'zod';
import type { campaignCreate, campaignUpdate, Campaign, CampaignDetail } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import * as repo from './campaigns.repo.js';
import { canTransition, defaultBodies, validPeriod } from './campaign.rules.js';
import { presentCampaign, presentDetail, type CampaignRow } from './campaigns.presenter.js';

type CampaignCreate = z.infer<typeof campaignCreate>;
type CampaignUpdate = z.infer<typeof campaignUpdate>;

export async function loadCampaign(db: Db, ctx: Pick<RequestContext, 'tenantId'>, id: string): Promise<CampaignRow> {
  const row = await repo.getCampaign(db, ctx.tenantId, id);
  if (!row) throw notFound('CAMPAIGN_NOT_FOUND', 'campaign');
  return row;
}

/** A closed campaign is the record of what was done: no more changes to it or its bodies. */
export function assertOpen(c: { status: string }) {
  if (c.status === 'closed') throw new AppError('CAMPAIGN_CLOSED', 'the campaign is closed');
}

export async function listCampaigns(db: Db, ctx: RequestContext, f: repo.CampaignFilter, page: { page: number; pageSize: number; sort?: string }) {
  const { rows, total } = await repo.listCampaigns(db, ctx.tenantId, f, page);
  return { items: rows.map(presentCampaign), total };
}

export async function getCampaignDetail(db: Db, ctx: Pick<RequestContext, 'tenantId'>, id: string): Promise<CampaignDetail> {
  const c = await loadCampaign(db, ctx, id);
  const bodies = await repo.listBodies(db, ctx.tenantId, id);
  const members = await repo.listMembers(db, ctx.tenantId, bodies.map((b) => b.id));
  return presentDetail(c, bodies, members);
}

export async function createCampaign(db: Db, ctx: RequestContext, input: CampaignCreate) {
  if (!validPeriod(input.startDate, input.endDate)) throw invalid('body.endDate', 'the end date is before the start date');
  return db.transaction(async (tx) => {
    const { id } = await repo.insertCampaign(tx, {
      tenantId: ctx.tenantId,
      title: input.title,
      kind: input.kind,
      startDate: input.startDate,
      endDate: input.endDate,
      description: input.description ?? null,
    });
    await repo.insertBodies(tx, defaultBodies.map((b, i) => ({ ...b, tenantId: ctx.tenantId, campaignId: id, sortOrder: (i + 1) * 10 })));
    const after = await getCampaignDetail(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'campaign', entityId: id, after });
    return after;
  });
}

function checkStatusChange(before: CampaignRow, to: CampaignUpdate['status']) {
  if (!to || to === before.status) return;
  if (!canTransition(before.status as Campaign['status'], to))
    throw new AppError('CAMPAIGN_STATUS_INVALID', `a ${before.status} campaign cannot become ${to}`, {
      from: before.status,
      to,
      issues: [{ path: 'body.status', message: `not allowed from ${before.status}` }],
    });
}

export async function updateCampaign(db: Db, ctx: RequestContext, id: string, input: CampaignUpdate) {
  return db.transaction(async (tx) => {
    const before = await loadCampaign(tx, ctx, id);
    checkStatusChange(before, input.status);
    assertOpen(before);
    const start = input.startDate ?? before.startDate;
    const end = input.endDate ?? before.endDate;
    if (!validPeriod(start, end)) throw invalid(input.endDate ? 'body.endDate' : 'body.startDate', 'the end date is before the start date');
    const { version, ...patch } = input;
    const row = await repo.updateCampaign(tx, ctx.tenantId, id, version, patch);
    if (!row) throw new AppError('VERSION_CONFLICT', 'the campaign was changed by someone else; reload and retry', { currentVersion: before.version });
    const after = await loadCampaign(tx, ctx, id);
    const action = input.status && input.status !== before.status ? `status:${input.status}` : 'update';
    await appendAudit(tx, ctx, { action, entity: 'campaign', entityId: id, before: presentCampaign(before), after: presentCampaign(after) });
    return getCampaignDetail(tx, ctx, id);
  });
}

export async function deleteCampaign(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const before = await getCampaignDetail(tx, ctx, id);
    const usage = await repo.campaignUsage(tx, ctx.tenantId, id);
    if (Object.values(usage).some((n) => Number(n) > 0)) throw new AppError('CAMPAIGN_IN_USE', 'the campaign has tasks, documents or other records', usage);
    await repo.deleteCampaign(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'campaign', entityId: id, before });
  });
}
