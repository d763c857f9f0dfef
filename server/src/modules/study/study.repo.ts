import { and, eq, sql, type SQL } from 'drizzle-orm';
import { studyAttendees, studySessionGoals, studySessions } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf, uuidArray, type Scope } from '../../access/scope.js';
import { like } from './refs.repo.js';
import { inListOrder } from '../../platform/paging.js';

export interface StudyFilter {
  kind?: string;
  hostUnitId?: string;
  campaignId?: string;
  goalId?: string;
  from?: string;
  to?: string;
  q?: string;
}

export interface SessionRow {
  id: string;
  campaignId: string | null;
  kind: string;
  title: string;
  heldOn: string;
  hostUnitId: string;
  hostUnitName: string;
  location: string | null;
  summary: string | null;
  attendeeCount: number;
  attendedCount: number;
  minutesCount: number;
  version: number;
  createdAt: Date | string;
  updatedAt: Date | string;
}

export interface GoalLinkRow {
  sessionId: string;
  id: string;
  name: string;
  track: string;
}

export interface AttendeeRow {
  personId: string;
  name: string;
  unitName: string;
  attended: boolean;
}

/**
 * Sessions visible in a scope: the host unit is in scope, or (for anyone not
 * seeing everything) the caller was on the attendance list.
 */
export function sessionScopeSql(scope: Scope): SQL {
  if (scope.kind === 'all') return sql`true`;
  const attendee = scope.personId
    ? sql`exists (select 1 from study_attendees a where a.tenant_id = s.tenant_id and a.session_id = s.id and a.person_id = ${scope.personId})`
    : sql`false`;
  if (scope.kind === 'self' || scope.unitIds.length === 0) return attendee;
  return sql`(s.host_unit_id = any(${uuidArray(scope.unitIds)}) or ${attendee})`;
}

function sessionWhere(tenantId: string, scope: Scope, f: StudyFilter): SQL {
  const conds: SQL[] = [sql`s.tenant_id = ${tenantId}`, sessionScopeSql(scope)];
  if (f.kind) conds.push(sql`s.kind = ${f.kind}`);
  if (f.hostUnitId) conds.push(sql`s.host_unit_id = ${f.hostUnitId}`);
  if (f.campaignId) conds.push(sql`s.campaign_id = ${f.campaignId}`);
  if (f.goalId) conds.push(sql`exists (select 1 from study_session_goals g where g.tenant_id = s.tenant_id and g.session_id = s.id and g.goal_id = ${f.goalId})`);
  if (f.from) conds.push(sql`s.held_on >= ${f.from}`);
  if (f.to) conds.push(sql`s.held_on <= ${f.to}`);
  if (f.q) conds.push(sql`(s.title ilike ${like(f.q)} or s.location ilike ${like(f.q)})`);
  return and(...conds)!;
}

const sessionSelect = sql`
  select s.id, s.campaign_id as "campaignId", s.kind, s.title, s.held_on::text as "heldOn", s.host_unit_id as "hostUnitId",
    u.name as "hostUnitName", s.location, s.summary, s.version, s.created_at as "createdAt", s.updated_at as "updatedAt",
    (select count(*)::int from study_attendees a where a.tenant_id = s.tenant_id and a.session_id = s.id) as "attendeeCount",
    (select count(*)::int from study_attendees a where a.tenant_id = s.tenant_id and a.session_id = s.id and a.attended) as "attendedCount",
    (select count(*)::int from attachments f where f.tenant_id = s.tenant_id and f.entity = 'study_session' and f.entity_id = s.id) as "minutesCount"
  from study_sessions s join units u on u.id = s.host_unit_id`;

const sortable: Record<string, string> = { heldOn: 's.held_on', title: 's.title', kind: 's.kind', hostUnitName: 'u.name', createdAt: 's.created_at' };

function orderBy(sort?: string): SQL {
  const key = sort?.replace(/^-/, '') ?? '';
  const col = sortable[key];
  if (!col) return sql.raw('s.held_on desc, s.id');
  return sql.raw(`${col} ${sort!.startsWith('-') ? 'desc' : 'asc'}, s.id`);
}

export async function listSessions(db: Db, tenantId: string, scope: Scope, f: StudyFilter, page: { page: number; pageSize: number; sort?: string }) {
  const where = sessionWhere(tenantId, scope, f);
  const [rows, count] = await Promise.all([
    db.execute(sql`${sessionSelect} where ${where} order by ${orderBy(page.sort)} limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`),
    db.execute(sql`select count(*)::int as n from study_sessions s where ${where}`),
  ]);
  return { rows: rowsOf<SessionRow>(rows), total: rowsOf<{ n: number }>(count)[0].n };
}

/** Every matching session in batches, for exports. */
export async function* iterateSessions(db: Db, tenantId: string, scope: Scope, f: StudyFilter, sort?: string, batch = 1000) {
  yield* inListOrder<SessionRow>(db, { select: sessionSelect, where: sessionWhere(tenantId, scope, f), order: orderBy(sort), idColumn: sql`s.id` }, batch);
}

/** One session if it exists and the scope lets the caller see it. */
export async function getSession(db: Db, tenantId: string, scope: Scope, id: string): Promise<SessionRow | null> {
  const res = await db.execute(sql`${sessionSelect} where s.tenant_id = ${tenantId} and s.id = ${id} and ${sessionScopeSql(scope)}`);
  return rowsOf<SessionRow>(res)[0] ?? null;
}

export async function listGoalLinks(db: Db, tenantId: string, sessionIds: string[]): Promise<GoalLinkRow[]> {
  if (sessionIds.length === 0) return [];
  const res = await db.execute(sql`
    select sg.session_id as "sessionId", g.id, g.name, g.track
    from study_session_goals sg join goals g on g.id = sg.goal_id and g.tenant_id = sg.tenant_id
    where sg.tenant_id = ${tenantId} and sg.session_id = any(${uuidArray(sessionIds)})
    order by g.track desc, g.sort_order, g.name`);
  return rowsOf<GoalLinkRow>(res);
}

export async function listAttendees(db: Db, tenantId: string, sessionId: string): Promise<AttendeeRow[]> {
  const res = await db.execute(sql`
    select a.person_id as "personId", p.name, u.name as "unitName", a.attended
    from study_attendees a join people p on p.id = a.person_id join units u on u.id = p.unit_id
    where a.tenant_id = ${tenantId} and a.session_id = ${sessionId}
    order by u.sort_order, p.staff_no`);
  return rowsOf<AttendeeRow>(res);
}

export async function insertSession(db: Db, values: typeof studySessions.$inferInsert) {
  const [row] = await db.insert(studySessions).values(values).returning({ id: studySessions.id });
  return row;
}

/** Updates only when the version matches; null on a stale version. */
export async function updateSession(db: Db, tenantId: string, id: string, version: number, patch: Partial<typeof studySessions.$inferInsert>) {
  const [row] = await db
    .update(studySessions)
    .set({ ...patch, version: sql`${studySessions.version} + 1`, updatedAt: new Date() })
    .where(and(eq(studySessions.tenantId, tenantId), eq(studySessions.id, id), eq(studySessions.version, version)))
    .returning({ id: studySessions.id });
  return row ?? null;
}

export async function replaceAttendees(db: Db, tenantId: string, sessionId: string, list: { personId: string; attended: boolean }[]) {
  await db.delete(studyAttendees).where(and(eq(studyAttendees.tenantId, tenantId), eq(studyAttendees.sessionId, sessionId)));
  if (list.length) await db.insert(studyAttendees).values(list.map((a) => ({ tenantId, sessionId, ...a })));
}

export async function replaceGoals(db: Db, tenantId: string, sessionId: string, goalIds: string[]) {
  await db.delete(studySessionGoals).where(and(eq(studySessionGoals.tenantId, tenantId), eq(studySessionGoals.sessionId, sessionId)));
  if (goalIds.length) await db.insert(studySessionGoals).values(goalIds.map((goalId) => ({ tenantId, sessionId, goalId })));
}

export async function deleteSession(db: Db, tenantId: string, id: string) {
  await replaceAttendees(db, tenantId, id, []);
  await replaceGoals(db, tenantId, id, []);
  await db.delete(studySessions).where(and(eq(studySessions.tenantId, tenantId), eq(studySessions.id, id)));
}
