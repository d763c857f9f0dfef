import type { z } from 'zod';
import type { studySessionCreate, studySessionUpdate, StudySessionDetail } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { unitInScope } from '../../access/scope.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import * as repo from './study.repo.js';
import * as refs from './refs.repo.js';
import { presentSession, presentSessionDetail } from './study.presenter.js';

type SessionCreate = z.infer<typeof studySessionCreate>;
type SessionUpdate = z.infer<typeof studySessionUpdate>;
type Page = { page: number; pageSize: number; sort?: string };

export async function listSessions(db: Db, ctx: RequestContext, f: repo.StudyFilter, page: Page) {
  const { rows, total } = await repo.listSessions(db, ctx.tenantId, ctx.scope, f, page);
  const goals = await repo.listGoalLinks(db, ctx.tenantId, rows.map((r) => r.id));
  return { items: rows.map((r) => presentSession(r, goals)), total };
}

async function loadSession(db: Db, ctx: RequestContext, id: string) {
  const row = await repo.getSession(db, ctx.tenantId, ctx.scope, id);
  if (!row) throw notFound('STUDY_SESSION_NOT_FOUND', 'study session');
  return row;
}

async function detail(db: Db, ctx: RequestContext, id: string): Promise<StudySessionDetail> {
  const row = await loadSession(db, ctx, id);
  // Sequential: `db` may be a transaction, which runs one statement at a time.
  const goals = await repo.listGoalLinks(db, ctx.tenantId, [id]);
  const attendees = await repo.listAttendees(db, ctx.tenantId, id);
  return presentSessionDetail(row, goals, attendees);
}

export const getSessionDetail = detail;

/** Seen through the attendance list is not enough to change a session: its host unit must be in scope. */
export const canWrite = (ctx: RequestContext, hostUnitId: string) => unitInScope(ctx.scope, hostUnitId);

function requireWritable(ctx: RequestContext, hostUnitId: string) {
  if (!canWrite(ctx, hostUnitId)) throw new AppError('OUT_OF_SCOPE', 'the host unit of this session is outside your data scope');
}

async function checkInput(tx: Db, ctx: RequestContext, input: Partial<SessionCreate>) {
  if (input.hostUnitId) {
    await refs.requireUnit(tx, ctx.tenantId, input.hostUnitId, 'body.hostUnitId');
    refs.requireUnitInScope(ctx, input.hostUnitId, 'body.hostUnitId');
  }
  if (input.campaignId) await refs.requireCampaign(tx, ctx.tenantId, input.campaignId, 'body.campaignId');
  if (input.goalIds) {
    const dup = refs.firstDuplicate(input.goalIds);
    if (dup >= 0) throw invalid(`body.goalIds.${dup}`, 'goal listed twice');
    await refs.requireGoals(tx, ctx.tenantId, input.goalIds, 'body.goalIds');
  }
  if (input.attendees) {
    const ids = input.attendees.map((a) => a.personId);
    const dup = refs.firstDuplicate(ids);
    if (dup >= 0) throw invalid(`body.attendees.${dup}.personId`, 'person listed twice');
    await refs.requirePeople(tx, ctx.tenantId, ids, 'body.attendees');
  }
}

export async function createSession(db: Db, ctx: RequestContext, input: SessionCreate) {
  return db.transaction(async (tx) => {
    await checkInput(tx, ctx, input);
    const { attendees, goalIds, ...fields } = input;
    // A session named without a campaign belongs to the campaign under way.
    const campaignId = fields.campaignId === undefined ? await refs.activeCampaignId(tx, ctx.tenantId) : fields.campaignId;
    const { id } = await repo.insertSession(tx, { ...fields, location: fields.location ?? null, summary: fields.summary ?? null, campaignId, tenantId: ctx.tenantId });
    await repo.replaceAttendees(tx, ctx.tenantId, id, attendees.map((a) => ({ personId: a.personId, attended: a.attended })));
    await repo.replaceGoals(tx, ctx.tenantId, id, goalIds);
    const after = await detail(tx, { ...ctx, scope: { kind: 'all' } }, id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'study_session', entityId: id, after });
    return after;
  });
}

export async function updateSession(db: Db, ctx: RequestContext, id: string, input: SessionUpdate) {
  return db.transaction(async (tx) => {
    const before = await detail(tx, ctx, id);
    requireWritable(ctx, before.hostUnitId);
    await checkInput(tx, ctx, input);
    const { version, attendees, goalIds, ...patch } = input;
    const ok = await repo.updateSession(tx, ctx.tenantId, id, version, patch);
    if (!ok) throw new AppError('VERSION_CONFLICT', 'the session was changed by someone else; reload and retry', { currentVersion: before.version });
    if (attendees) await repo.replaceAttendees(tx, ctx.tenantId, id, attendees.map((a) => ({ personId: a.personId, attended: a.attended })));
    if (goalIds) await repo.replaceGoals(tx, ctx.tenantId, id, goalIds);
    const after = await detail(tx, { ...ctx, scope: { kind: 'all' } }, id);
    await appendAudit(tx, ctx, { action: 'update', entity: 'study_session', entityId: id, before, after });
    return after;
  });
}

export async function deleteSession(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const before = await detail(tx, ctx, id);
    requireWritable(ctx, before.hostUnitId);
    await repo.deleteSession(tx, ctx.tenantId, id);
    await refs.deleteAttachmentsOf(tx, ctx.tenantId, 'study_session', id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'study_session', entityId: id, before });
  });
}
