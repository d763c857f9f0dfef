import { and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf, unitScopeSql, uuidArray, type Scope } from '../../access/scope.js';
import { inListOrder } from '../../platform/paging.js';
import type { LeaderCover, SheetFollowUp, SheetTask, UnitRef } from './dispatch.rules.js';

export const asDate = (v: Date | string | null | undefined): Date | null => (v == null ? null : v instanceof Date ? v : new Date(v));

export interface CampaignRow {
  id: string;
  title: string;
  status: string;
}

export async function getCampaign(db: Db, tenantId: string, id: string): Promise<CampaignRow | null> {
  const res = await db.execute(sql`select id, title, status from campaigns where tenant_id = ${tenantId} and id = ${id}`);
  return rowsOf<CampaignRow>(res)[0] ?? null;
}

export async function activeCampaigns(db: Db, tenantId: string): Promise<CampaignRow[]> {
  const res = await db.execute(sql`select id, title, status from campaigns where tenant_id = ${tenantId} and status = 'active' order by start_date, id`);
  return rowsOf<CampaignRow>(res);
}

/** Open tasks of a campaign whose owner unit is in scope; the rules decide which go on the sheet. */
export async function openTasks(db: Db, tenantId: string, scope: Scope, campaignId: string): Promise<SheetTask[]> {
  const res = await db.execute(sql`
    select k.id, k.title, k.owner_unit_id as "ownerUnitId", u.name as "ownerUnitName", rp.name as "responsibleName", k.status, k.progress,
      k.start_date::text as "startDate", k.due_date::text as "dueDate", k.last_report_at as "lastReportAt"
    from tasks k join units u on u.id = k.owner_unit_id left join people rp on rp.id = k.responsible_person_id
    where k.tenant_id = ${tenantId} and k.campaign_id = ${campaignId} and k.status not in ('done', 'cancelled')
      and ${unitScopeSql(scope, sql`k.owner_unit_id`)}
    order by k.due_date, k.id`);
  return rowsOf<SheetTask & { lastReportAt: Date | string | null }>(res).map((t) => ({ ...t, progress: Number(t.progress), lastReportAt: asDate(t.lastReportAt) }));
}

/**
 * Follow-ups that were open at the start of the week (local Monday 00:00):
 * created before it and not closed before it. Items decided at this week's
 * meeting are carried from next week on.
 */
export async function carriedFollowUps(db: Db, tenantId: string, scope: Scope, campaignId: string, monday: string, timeZone: string): Promise<SheetFollowUp[]> {
  const weekStart = sql`(${monday}::date::timestamp at time zone ${timeZone})`;
  const res = await db.execute(sql`
    select f.id, f.title, f.owner_unit_id as "ownerUnitId", u.name as "ownerUnitName", f.due_date::text as "dueDate", f.status, m.iso_week as "fromWeek"
    from follow_up_items f join units u on u.id = f.owner_unit_id
      left join dispatch_meetings m on m.tenant_id = f.tenant_id and m.id = f.meeting_id
    where f.tenant_id = ${tenantId} and f.campaign_id = ${campaignId} and f.created_at < ${weekStart}
      and (f.status = 'open' or f.closed_at >= ${weekStart})
      and ${unitScopeSql(scope, sql`f.owner_unit_id`)}
    order by f.due_date, f.id`);
  return rowsOf<SheetFollowUp>(res);
}

export async function unitOrder(db: Db, tenantId: string): Promise<UnitRef[]> {
  const res = await db.execute(sql`select id, name, sort_order as "sortOrder" from units where tenant_id = ${tenantId} order by sort_order, code`);
  return rowsOf<UnitRef>(res);
}

/** Every leader duty (分管 and 联系) expanded to the units it covers, as the leader scope expands it. */
export async function leaderCovers(db: Db, tenantId: string): Promise<LeaderCover[]> {
  const res = await db.execute(sql`
    with recursive roots as (
      select distinct person_id, unit_id as root from leader_duties where tenant_id = ${tenantId}
    ), base as (
      select r.person_id, u.id from roots r join units u on u.tenant_id = ${tenantId} and (u.id = r.root or u.paired_unit_id = r.root)
      union
      select r.person_id, u.paired_unit_id as id from roots r join units u on u.tenant_id = ${tenantId} and u.id = r.root and u.paired_unit_id is not null
    ), cov as (
      select person_id, id from base
      union
      select c.person_id, u.id from units u join cov c on u.parent_id = c.id where u.tenant_id = ${tenantId}
    )
    select c.person_id as "personId", p.name as "personName", c.id as "unitId"
    from cov c join people p on p.id = c.person_id
    order by p.staff_no, c.id`);
  return rowsOf<LeaderCover>(res);
}

/** Active user accounts linked to these people (to notify the leaders concerned). */
export async function usersOfPeople(db: Db, tenantId: string, personIds: string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const res = await db.execute(sql`select id from users where tenant_id = ${tenantId} and status = 'active' and person_id = any(${uuidArray(personIds)}) order by username`);
  return rowsOf<{ id: string }>(res).map((r) => r.id);
}

/** Whether the Monday notice of this meeting went out already (a retried job run does not repeat it). */
export async function readyNoticeSent(db: Db, tenantId: string, meetingId: string): Promise<boolean> {
  const res = await db.execute(sql`select 1 from notifications where tenant_id = ${tenantId} and kind = 'dispatch.ready' and entity_id = ${meetingId} limit 1`);
  return rowsOf(res).length > 0;
}

export async function personExists(db: Db, tenantId: string, id: string): Promise<boolean> {
  return rowsOf(await db.execute(sql`select 1 from people where tenant_id = ${tenantId} and id = ${id}`)).length > 0;
}

export async function unitExists(db: Db, tenantId: string, id: string): Promise<boolean> {
  return rowsOf(await db.execute(sql`select 1 from units where tenant_id = ${tenantId} and id = ${id}`)).length > 0;
}

// ---- meetings ----

export interface MeetingRow {
  id: string;
  campaignId: string;
  campaignTitle: string;
  isoWeek: string;
  heldOn: string | null;
  chairPersonId: string | null;
  chairName: string | null;
  attendees: string | null;
  minutes: string | null;
  sheet: unknown;
  preparedAt: Date | string | null;
  version: number;
  createdAt: Date | string;
  followUpCount: number;
  openFollowUpCount: number;
}

const meetingSelect = (withSheet: boolean) => sql`
  select m.id, m.campaign_id as "campaignId", c.title as "campaignTitle", m.iso_week as "isoWeek", m.held_on::text as "heldOn",
    m.chair_person_id as "chairPersonId", p.name as "chairName", m.attendees, m.minutes,
    ${withSheet ? sql`m.sheet` : sql`jsonb_build_object('counts', m.sheet -> 'counts')`} as sheet,
    m.prepared_at as "preparedAt", m.version, m.created_at as "createdAt",
    (select count(*)::int from follow_up_items f where f.tenant_id = m.tenant_id and f.meeting_id = m.id) as "followUpCount",
    (select count(*)::int from follow_up_items f where f.tenant_id = m.tenant_id and f.meeting_id = m.id and f.status = 'open') as "openFollowUpCount"
  from dispatch_meetings m join campaigns c on c.id = m.campaign_id left join people p on p.id = m.chair_person_id`;

export async function getMeeting(db: Db, tenantId: string, id: string, withSheet = true): Promise<MeetingRow | null> {
  const res = await db.execute(sql`${meetingSelect(withSheet)} where m.tenant_id = ${tenantId} and m.id = ${id}`);
  return rowsOf<MeetingRow>(res)[0] ?? null;
}

export async function findMeeting(db: Db, tenantId: string, campaignId: string, isoWeek: string, withSheet = false): Promise<MeetingRow | null> {
  const res = await db.execute(sql`${meetingSelect(withSheet)} where m.tenant_id = ${tenantId} and m.campaign_id = ${campaignId} and m.iso_week = ${isoWeek}`);
  return rowsOf<MeetingRow>(res)[0] ?? null;
}

export async function listMeetings(db: Db, tenantId: string, f: { campaignId?: string }, page: { page: number; pageSize: number }) {
  const where = and(sql`m.tenant_id = ${tenantId}`, f.campaignId ? sql`m.campaign_id = ${f.campaignId}` : undefined)!;
  const rows = await db.execute(sql`${meetingSelect(false)} where ${where} order by m.iso_week desc, m.id limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`);
  const count = await db.execute(sql`select count(*)::int as n from dispatch_meetings m where ${where}`);
  return { rows: rowsOf<MeetingRow>(rows), total: rowsOf<{ n: number }>(count)[0].n };
}

/** Creates the week's meeting unless it exists (concurrent prepares: one wins, the others get null). */
export async function insertMeeting(db: Db, tenantId: string, campaignId: string, isoWeek: string, sheet: unknown): Promise<string | null> {
  const res = await db.execute(sql`
    insert into dispatch_meetings (tenant_id, campaign_id, iso_week, sheet, prepared_at)
    values (${tenantId}, ${campaignId}, ${isoWeek}, ${JSON.stringify(sheet)}::jsonb, now())
    on conflict (tenant_id, campaign_id, iso_week) do nothing
    returning id`);
  return rowsOf<{ id: string }>(res)[0]?.id ?? null;
}

export async function storeSheet(db: Db, tenantId: string, id: string, sheet: unknown): Promise<void> {
  await db.execute(sql`update dispatch_meetings set sheet = ${JSON.stringify(sheet)}::jsonb, prepared_at = now(), version = version + 1
    where tenant_id = ${tenantId} and id = ${id}`);
}

export interface MeetingPatch {
  heldOn?: string | null;
  chairPersonId?: string | null;
  attendees?: string | null;
  minutes?: string | null;
}

/** Applies the patch when the version still matches; false means someone else changed it. */
export async function updateMeeting(db: Db, tenantId: string, id: string, version: number, p: MeetingPatch): Promise<boolean> {
  const sets: SQL[] = [sql`version = version + 1`];
  if (p.heldOn !== undefined) sets.push(sql`held_on = ${p.heldOn}`);
  if (p.chairPersonId !== undefined) sets.push(sql`chair_person_id = ${p.chairPersonId}`);
  if (p.attendees !== undefined) sets.push(sql`attendees = ${p.attendees}`);
  if (p.minutes !== undefined) sets.push(sql`minutes = ${p.minutes}`);
  const res = await db.execute(sql`update dispatch_meetings set ${sql.join(sets, sql`, `)}
    where tenant_id = ${tenantId} and id = ${id} and version = ${version} returning id`);
  return rowsOf(res).length === 1;
}

// ---- follow-ups ----

export interface FollowUpFilter {
  campaignId?: string;
  meetingId?: string;
  ownerUnitId?: string;
  status?: string;
  overdue?: 'true' | 'false';
  dueFrom?: string;
  dueTo?: string;
  q?: string;
}

export interface FollowUpRow {
  id: string;
  campaignId: string;
  campaignTitle: string;
  meetingId: string | null;
  meetingWeek: string | null;
  title: string;
  ownerUnitId: string;
  ownerUnitName: string;
  dueDate: string;
  status: 'open' | 'done';
  closingNote: string | null;
  closedAt: Date | string | null;
  version: number;
  createdAt: Date | string;
}

const followUpSelect = sql`
  select f.id, f.campaign_id as "campaignId", c.title as "campaignTitle", f.meeting_id as "meetingId", m.iso_week as "meetingWeek",
    f.title, f.owner_unit_id as "ownerUnitId", u.name as "ownerUnitName", f.due_date::text as "dueDate", f.status,
    f.closing_note as "closingNote", f.closed_at as "closedAt", f.version, f.created_at as "createdAt"
  from follow_up_items f join campaigns c on c.id = f.campaign_id join units u on u.id = f.owner_unit_id
    left join dispatch_meetings m on m.tenant_id = f.tenant_id and m.id = f.meeting_id`;

export function followUpWhere(tenantId: string, scope: Scope, f: FollowUpFilter, today: string): SQL {
  const conds: SQL[] = [sql`f.tenant_id = ${tenantId}`, unitScopeSql(scope, sql`f.owner_unit_id`)];
  if (f.campaignId) conds.push(sql`f.campaign_id = ${f.campaignId}`);
  if (f.meetingId) conds.push(sql`f.meeting_id = ${f.meetingId}`);
  if (f.ownerUnitId) conds.push(sql`f.owner_unit_id = ${f.ownerUnitId}`);
  if (f.status) conds.push(sql`f.status = ${f.status}`);
  if (f.overdue === 'true') conds.push(sql`f.status = 'open' and f.due_date < ${today}::date`);
  if (f.overdue === 'false') conds.push(sql`not (f.status = 'open' and f.due_date < ${today}::date)`);
  if (f.dueFrom) conds.push(sql`f.due_date >= ${f.dueFrom}::date`);
  if (f.dueTo) conds.push(sql`f.due_date <= ${f.dueTo}::date`);
  if (f.q) conds.push(sql`f.title ilike ${'%' + f.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`);
  return and(...conds)!;
}

const sortable: Record<string, SQL> = {
  dueDate: sql.raw('f.due_date'),
  title: sql.raw('f.title'),
  status: sql.raw('f.status'),
  ownerUnitName: sql.raw('u.name'),
  createdAt: sql.raw('f.created_at'),
  closedAt: sql.raw('f.closed_at'),
};

function orderBy(sort?: string): SQL {
  const col = sortable[sort?.replace(/^-/, '') ?? ''];
  // open items first, the most urgent on top
  if (!col) return sql.raw(`case f.status when 'open' then 0 else 1 end, f.due_date, f.id`);
  return sql`${col} ${sql.raw(sort!.startsWith('-') ? 'desc' : 'asc')}, f.id`;
}

export async function listFollowUps(db: Db, tenantId: string, scope: Scope, f: FollowUpFilter, today: string, page: { page: number; pageSize: number; sort?: string }) {
  const where = followUpWhere(tenantId, scope, f, today);
  const rows = await db.execute(sql`${followUpSelect} where ${where} order by ${orderBy(page.sort)} limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`);
  const count = await db.execute(sql`select count(*)::int as n from follow_up_items f where ${where}`);
  return { rows: rowsOf<FollowUpRow>(rows), total: rowsOf<{ n: number }>(count)[0].n };
}

export async function* iterateFollowUps(db: Db, tenantId: string, scope: Scope, f: FollowUpFilter, today: string, sort?: string, batch = 1000) {
  yield* inListOrder<FollowUpRow>(db, { select: followUpSelect, where: followUpWhere(tenantId, scope, f, today), order: orderBy(sort), idColumn: sql`f.id` }, batch);
}

/** One item regardless of scope: the service decides between 404 and 403. */
export async function getFollowUp(db: Db, tenantId: string, id: string, lock = false): Promise<FollowUpRow | null> {
  if (lock) await db.execute(sql`select id from follow_up_items where tenant_id = ${tenantId} and id = ${id} for update`);
  const res = await db.execute(sql`${followUpSelect} where f.tenant_id = ${tenantId} and f.id = ${id}`);
  return rowsOf<FollowUpRow>(res)[0] ?? null;
}

export async function insertFollowUp(db: Db, v: { tenantId: string; campaignId: string; meetingId: string | null; title: string; ownerUnitId: string; dueDate: string }): Promise<string> {
  const res = await db.execute(sql`insert into follow_up_items (tenant_id, campaign_id, meeting_id, title, owner_unit_id, due_date)
    values (${v.tenantId}, ${v.campaignId}, ${v.meetingId}, ${v.title}, ${v.ownerUnitId}, ${v.dueDate}) returning id`);
  return rowsOf<{ id: string }>(res)[0].id;
}

export async function updateFollowUp(db: Db, tenantId: string, id: string, version: number, p: { title?: string; ownerUnitId?: string; dueDate?: string }): Promise<boolean> {
  const sets: SQL[] = [sql`version = version + 1`];
  if (p.title !== undefined) sets.push(sql`title = ${p.title}`);
  if (p.ownerUnitId !== undefined) sets.push(sql`owner_unit_id = ${p.ownerUnitId}`);
  if (p.dueDate !== undefined) sets.push(sql`due_date = ${p.dueDate}`);
  const res = await db.execute(sql`update follow_up_items set ${sql.join(sets, sql`, `)} where tenant_id = ${tenantId} and id = ${id} and version = ${version} returning id`);
  return rowsOf(res).length === 1;
}

export async function closeFollowUp(db: Db, tenantId: string, id: string, version: number, note: string): Promise<boolean> {
  const res = await db.execute(sql`update follow_up_items set status = 'done', closing_note = ${note}, closed_at = now(), version = version + 1
    where tenant_id = ${tenantId} and id = ${id} and version = ${version} and status = 'open' returning id`);
  return rowsOf(res).length === 1;
}
