import type { z } from 'zod';
import { hasPermission, type DispatchMeeting, type DispatchSheet, type DispatchSheetResponse, type dispatchMeetingUpdate, type followUpCreate, type followUpUpdate } from '@santong/contract';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf, unitInScope, type Scope } from '../../access/scope.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { isoWeekOf, mondayOfIsoWeek } from '../../platform/jobs/periods.js';
import { notify, notifyRoles } from '../../platform/notify/notify.service.js';
import { mergeRagSettings } from '../tasks/task.settings.js';
import { todayIn } from '../tasks/task.rules.js';
import * as repo from './dispatch.repo.js';
import { countLines, followUpLines, groupByLeader, groupByUnit, leadersConcerned, taskLines } from './dispatch.rules.js';
import { presentFollowUp, presentMeeting, presentMeetingSummary } from './dispatch.presenter.js';

const ALL: Scope = { kind: 'all' };

interface TenantClock {
  timeZone: string;
  today: string;
  rag: ReturnType<typeof mergeRagSettings>;
}

export async function tenantClock(db: Db, tenantId: string, now = new Date()): Promise<TenantClock> {
  const [row] = rowsOf<{ time_zone: string; settings: Record<string, unknown> | null }>(
    await db.execute(sql`select time_zone, settings from tenants where id = ${tenantId}`),
  );
  const timeZone = row?.time_zone || 'Asia/Shanghai';
  return { timeZone, today: todayIn(timeZone, now), rag: mergeRagSettings(row?.settings?.rag) };
}

/** The Monday of a week key, rejecting keys like 2026-W53 that name no week. */
export function mondayOf(week: string, path: string): string {
  const monday = mondayOfIsoWeek(week);
  const [y, m, d] = monday.split('-').map(Number);
  if (isoWeekOf(y, m, d) !== week) throw invalid(path, `${week} is not a week of its year`);
  return monday;
}

/** The current ISO week in the tenant's time zone. */
export function currentWeek(clock: { today: string }): string {
  const [y, m, d] = clock.today.split('-').map(Number);
  return isoWeekOf(y, m, d);
}

async function requireCampaign(db: Db, tenantId: string, id: string) {
  const c = await repo.getCampaign(db, tenantId, id);
  if (!c) throw notFound('CAMPAIGN_NOT_FOUND', 'campaign');
  return c;
}

/** Computes the sheet of a campaign and week as the data stand now, within a scope. */
export async function computeSheet(db: Db, tenantId: string, scope: Scope, campaign: repo.CampaignRow, week: string, monday: string): Promise<DispatchSheet> {
  const clock = await tenantClock(db, tenantId);
  const tasks = taskLines(await repo.openTasks(db, tenantId, scope, campaign.id), monday, clock.rag);
  const followUps = followUpLines(await repo.carriedFollowUps(db, tenantId, scope, campaign.id, monday, clock.timeZone), monday);
  const units = await repo.unitOrder(db, tenantId);
  const covers = await repo.leaderCovers(db, tenantId);
  return {
    campaignId: campaign.id, campaignTitle: campaign.title, isoWeek: week, monday, generatedAt: new Date().toISOString(),
    counts: countLines(tasks, followUps), tasks, followUps,
    byUnit: groupByUnit(tasks, followUps, units), byLeader: groupByLeader(tasks, followUps, covers),
  };
}

export async function getSheet(db: Db, ctx: RequestContext, campaignId: string, week: string): Promise<DispatchSheetResponse> {
  const monday = mondayOf(week, 'querystring.week');
  const campaign = await requireCampaign(db, ctx.tenantId, campaignId);
  const sheet = await computeSheet(db, ctx.tenantId, ctx.scope, campaign, week, monday);
  const meeting = await repo.findMeeting(db, ctx.tenantId, campaignId, week);
  return { sheet, meeting: meeting ? presentMeetingSummary(meeting) : null };
}

export interface Prepared {
  meeting: DispatchMeeting;
  created: boolean;
}

/**
 * Stores the week's sheet (the whole tenant, whoever asks) once per campaign
 * and week; a second prepare returns the stored one unless `refresh` asks
 * for a re-computation. The unique key settles concurrent prepares.
 */
export async function prepareIn(tx: Db, actor: Actor, campaign: repo.CampaignRow, week: string, refresh: boolean): Promise<Prepared> {
  const monday = mondayOf(week, 'body.isoWeek');
  const stored = async (id: string) => presentMeeting((await repo.getMeeting(tx, actor.tenantId, id))!);
  const existing = await repo.findMeeting(tx, actor.tenantId, campaign.id, week);
  if (existing?.preparedAt && !refresh) return { meeting: await stored(existing.id), created: false };
  const sheet = await computeSheet(tx, actor.tenantId, ALL, campaign, week, monday);
  if (existing) {
    await repo.storeSheet(tx, actor.tenantId, existing.id, sheet);
  } else {
    const id = await repo.insertMeeting(tx, actor.tenantId, campaign.id, week, sheet);
    // null: another process prepared it between our read and our insert
    if (!id) return { meeting: await stored((await repo.findMeeting(tx, actor.tenantId, campaign.id, week))!.id), created: false };
  }
  const after = (await repo.findMeeting(tx, actor.tenantId, campaign.id, week))!;
  await appendAudit(tx, actor, {
    action: existing ? 'refresh' : 'prepare', entity: 'dispatch_meeting', entityId: after.id,
    before: existing ? presentMeetingSummary(existing) : undefined, after: presentMeetingSummary(after),
  });
  return { meeting: await stored(after.id), created: !existing };
}

export async function prepare(db: Db, ctx: RequestContext, campaignId: string, week: string, refresh: boolean): Promise<Prepared> {
  if (ctx.scope.kind !== 'all') throw new AppError('FORBIDDEN', 'only the office prepares the dispatch sheet');
  mondayOf(week, 'body.isoWeek');
  return db.transaction(async (tx) => prepareIn(tx, ctx, await requireCampaign(tx, ctx.tenantId, campaignId), week, refresh));
}

export const sheetLink = (campaignId: string, week: string) => `/assess/dispatch?campaignId=${campaignId}&week=${week}`;

/**
 * The Monday job for one tenant: prepares the week's sheet of every active
 * campaign as the system and tells the office and the leaders with lines.
 */
export async function prepareWeek(db: Db, tenantId: string, week: string) {
  const actor: Actor = { tenantId, userId: '', displayName: 'system', ip: '' };
  const done: { campaignId: string; meetingId: string; created: boolean; notified: number }[] = [];
  for (const campaign of await repo.activeCampaigns(db, tenantId)) {
    const r = await db.transaction(async (tx) => {
      const { meeting, created } = await prepareIn(tx, actor, campaign, week, false);
      if (await repo.readyNoticeSent(tx, tenantId, meeting.id)) return { campaignId: campaign.id, meetingId: meeting.id, created, notified: 0 };
      const counts = meeting.sheet?.counts;
      const msg = {
        kind: 'dispatch.ready',
        title: `${week} 周调度清单已生成：${campaign.title}`,
        body: counts ? `逾期 ${counts.overdue} 项，7日内到期 ${counts.dueSoon} 项，红灯 ${counts.red} 项，超14日未报进展 ${counts.stale} 项，督办事项 ${counts.followUps} 项` : null,
        link: sheetLink(campaign.id, week), entity: 'dispatch_meeting', entityId: meeting.id,
      };
      const office = await notifyRoles(tx, tenantId, ['office'], msg);
      const leaders = await notify(tx, tenantId, (await repo.usersOfPeople(tx, tenantId, leadersConcerned(meeting.sheet?.byLeader ?? []))).filter((u) => !office.includes(u)), msg);
      return { campaignId: campaign.id, meetingId: meeting.id, created, notified: office.length + leaders.length };
    });
    done.push(r);
  }
  return { week, campaigns: done };
}

export async function listMeetings(db: Db, ctx: RequestContext, f: { campaignId?: string }, page: { page: number; pageSize: number }) {
  const { rows, total } = await repo.listMeetings(db, ctx.tenantId, f, page);
  return { items: rows.map(presentMeetingSummary), total };
}

/** The stored meeting with its sheet: the sheet covers the whole tenant, so only those who see all read it. */
export async function getMeeting(db: Db, ctx: RequestContext, id: string): Promise<DispatchMeeting> {
  const row = await repo.getMeeting(db, ctx.tenantId, id, ctx.scope.kind === 'all');
  if (!row) throw notFound('DISPATCH_MEETING_NOT_FOUND', 'dispatch meeting');
  return ctx.scope.kind === 'all' ? presentMeeting(row) : { ...presentMeetingSummary(row), sheet: null };
}

export async function updateMeeting(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof dispatchMeetingUpdate>): Promise<DispatchMeeting> {
  if (ctx.scope.kind !== 'all') throw new AppError('FORBIDDEN', 'only the office records the meeting');
  return db.transaction(async (tx) => {
    const before = await repo.getMeeting(tx, ctx.tenantId, id, false);
    if (!before) throw notFound('DISPATCH_MEETING_NOT_FOUND', 'dispatch meeting');
    if (input.chairPersonId && !(await repo.personExists(tx, ctx.tenantId, input.chairPersonId))) throw invalid('body.chairPersonId', 'unknown person');
    const { version, ...patch } = input;
    if (!(await repo.updateMeeting(tx, ctx.tenantId, id, version, patch)))
      throw new AppError('VERSION_CONFLICT', 'the meeting record was changed by someone else; reload and retry', { currentVersion: before.version });
    const after = (await repo.getMeeting(tx, ctx.tenantId, id, false))!;
    await appendAudit(tx, ctx, { action: 'update', entity: 'dispatch_meeting', entityId: id, before: presentMeetingSummary(before), after: presentMeetingSummary(after) });
    return getMeeting(tx, ctx, id);
  });
}

// ---- follow-ups (督办事项) ----

const canClose = (ctx: RequestContext, ownerUnitId: string) => hasPermission(ctx.roles, 'assess.followup.write') && unitInScope(ctx.scope, ownerUnitId);

export async function listFollowUps(db: Db, ctx: RequestContext, f: repo.FollowUpFilter, page: { page: number; pageSize: number; sort?: string }) {
  const { today } = await tenantClock(db, ctx.tenantId);
  const { rows, total } = await repo.listFollowUps(db, ctx.tenantId, ctx.scope, f, today, page);
  return { items: rows.map((r) => presentFollowUp(r, today, canClose(ctx, r.ownerUnitId))), total };
}

export async function* exportFollowUps(db: Db, ctx: RequestContext, f: repo.FollowUpFilter, sort?: string) {
  const { today } = await tenantClock(db, ctx.tenantId);
  for await (const rows of repo.iterateFollowUps(db, ctx.tenantId, ctx.scope, f, today, sort)) yield rows.map((r) => presentFollowUp(r, today, false));
}

async function loadFollowUp(tx: Db, ctx: RequestContext, id: string, lock = false) {
  const row = await repo.getFollowUp(tx, ctx.tenantId, id, lock);
  if (!row) throw notFound('FOLLOW_UP_NOT_FOUND', 'follow-up item');
  return row;
}

export async function getFollowUp(db: Db, ctx: RequestContext, id: string) {
  const row = await loadFollowUp(db, ctx, id);
  if (!unitInScope(ctx.scope, row.ownerUnitId)) throw notFound('FOLLOW_UP_NOT_FOUND', 'follow-up item');
  const { today } = await tenantClock(db, ctx.tenantId);
  return presentFollowUp(row, today, canClose(ctx, row.ownerUnitId));
}

async function checkFollowUpInput(tx: Db, ctx: RequestContext, input: { ownerUnitId?: string; meetingId?: string | null }, campaignId: string) {
  if (input.ownerUnitId && !(await repo.unitExists(tx, ctx.tenantId, input.ownerUnitId))) throw invalid('body.ownerUnitId', 'unknown unit');
  if (input.meetingId) {
    const m = await repo.getMeeting(tx, ctx.tenantId, input.meetingId, false);
    if (!m) throw invalid('body.meetingId', 'unknown meeting');
    if (m.campaignId !== campaignId) throw invalid('body.meetingId', 'the meeting belongs to another campaign');
  }
}

export async function createFollowUp(db: Db, ctx: RequestContext, input: z.infer<typeof followUpCreate>) {
  if (ctx.scope.kind !== 'all') throw new AppError('FORBIDDEN', 'only the office creates follow-up items');
  return db.transaction(async (tx) => {
    if (!(await repo.getCampaign(tx, ctx.tenantId, input.campaignId))) throw invalid('body.campaignId', 'unknown campaign');
    await checkFollowUpInput(tx, ctx, input, input.campaignId);
    const id = await repo.insertFollowUp(tx, { tenantId: ctx.tenantId, campaignId: input.campaignId, meetingId: input.meetingId ?? null, title: input.title, ownerUnitId: input.ownerUnitId, dueDate: input.dueDate });
    const after = await getFollowUp(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'follow_up_item', entityId: id, after });
    return after;
  });
}

export async function updateFollowUp(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof followUpUpdate>) {
  if (ctx.scope.kind !== 'all') throw new AppError('FORBIDDEN', 'only the office edits follow-up items');
  return db.transaction(async (tx) => {
    const before = await getFollowUp(tx, ctx, id);
    if (before.status !== 'open') throw new AppError('FOLLOW_UP_CLOSED', 'a closed follow-up item is not edited');
    await checkFollowUpInput(tx, ctx, input, before.campaignId);
    const { version, ...patch } = input;
    if (!(await repo.updateFollowUp(tx, ctx.tenantId, id, version, patch)))
      throw new AppError('VERSION_CONFLICT', 'the item was changed by someone else; reload and retry', { currentVersion: before.version });
    const after = await getFollowUp(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'update', entity: 'follow_up_item', entityId: id, before, after });
    return after;
  });
}

/** The owner unit (or the office) closes an item with a closing note; another unit gets 403. */
export async function closeFollowUp(db: Db, ctx: RequestContext, id: string, input: { closingNote: string; version: number }) {
  return db.transaction(async (tx) => {
    const row = await loadFollowUp(tx, ctx, id, true);
    if (!unitInScope(ctx.scope, row.ownerUnitId)) throw new AppError('OUT_OF_SCOPE', 'only the owner unit closes this item');
    const before = await getFollowUp(tx, ctx, id);
    if (before.status !== 'open') throw new AppError('FOLLOW_UP_CLOSED', 'the item is already closed');
    if (before.version !== input.version) throw new AppError('VERSION_CONFLICT', 'the item was changed by someone else; reload and retry', { currentVersion: before.version });
    if (!(await repo.closeFollowUp(tx, ctx.tenantId, id, input.version, input.closingNote))) throw new AppError('VERSION_CONFLICT', 'the item was changed by someone else; reload and retry');
    const after = await getFollowUp(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'close', entity: 'follow_up_item', entityId: id, before, after });
    return after;
  });
}

