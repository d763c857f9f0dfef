import type { z } from 'zod';
import type { lectureCreate, lectureUpdate, Lecture } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { unitInScope } from '../../access/scope.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { grams } from '../../platform/search/grams.js';
import * as repo from './lectures.repo.js';
import * as refs from '../study/refs.repo.js';
import { presentLecture, presentStats } from './lectures.presenter.js';

type LectureCreate = z.infer<typeof lectureCreate>;
type LectureUpdate = z.infer<typeof lectureUpdate>;
type Page = { page: number; pageSize: number; sort?: string };

export async function listLectures(db: Db, ctx: RequestContext, f: repo.LectureFilter, page: Page) {
  const { rows, total } = await repo.listLectures(db, ctx.tenantId, ctx.scope, f, page);
  return { items: rows.map(presentLecture), total };
}

export async function lectureStats(db: Db, ctx: RequestContext, f: repo.LectureFilter) {
  return presentStats(await repo.lectureTotals(db, ctx.tenantId, ctx.scope, f));
}

export async function getLecture(db: Db, ctx: RequestContext, id: string): Promise<Lecture> {
  const row = await repo.getLecture(db, ctx.tenantId, ctx.scope, id);
  if (!row) throw notFound('LECTURE_NOT_FOUND', 'lecture');
  return presentLecture(row);
}

/** A lecture is recorded by those whose scope holds its audience unit. */
export const canWrite = (ctx: RequestContext, audienceUnitId: string) => unitInScope(ctx.scope, audienceUnitId);

async function checkInput(tx: Db, ctx: RequestContext, input: Partial<LectureCreate>) {
  if (input.lecturerPersonId) await refs.requirePerson(tx, ctx.tenantId, input.lecturerPersonId, 'body.lecturerPersonId');
  if (input.audienceUnitId) {
    await refs.requireUnit(tx, ctx.tenantId, input.audienceUnitId, 'body.audienceUnitId');
    refs.requireUnitInScope(ctx, input.audienceUnitId, 'body.audienceUnitId');
  }
  if (input.campaignId) await refs.requireCampaign(tx, ctx.tenantId, input.campaignId, 'body.campaignId');
}

const all = (ctx: RequestContext): RequestContext => ({ ...ctx, scope: { kind: 'all' } });

export async function createLecture(db: Db, ctx: RequestContext, input: LectureCreate) {
  return db.transaction(async (tx) => {
    await checkInput(tx, ctx, input);
    const campaignId = input.campaignId === undefined ? await refs.activeCampaignId(tx, ctx.tenantId) : input.campaignId;
    const { id } = await repo.insertLecture(tx, {
      ...input, tenantId: ctx.tenantId, campaignId, location: input.location ?? null, searchGrams: grams(input.topic, input.location),
    });
    const after = await getLecture(tx, all(ctx), id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'lecture', entityId: id, after });
    return after;
  });
}

export async function updateLecture(db: Db, ctx: RequestContext, id: string, input: LectureUpdate) {
  return db.transaction(async (tx) => {
    const before = await getLecture(tx, ctx, id);
    if (!canWrite(ctx, before.audienceUnitId)) throw new AppError('OUT_OF_SCOPE', 'the audience unit of this lecture is outside your data scope');
    await checkInput(tx, ctx, input);
    const { version, ...patch } = input;
    const topic = patch.topic ?? before.topic;
    const location = patch.location === undefined ? before.location : patch.location;
    const ok = await repo.updateLecture(tx, ctx.tenantId, id, version, { ...patch, searchGrams: grams(topic, location) });
    if (!ok) throw new AppError('VERSION_CONFLICT', 'the lecture was changed by someone else; reload and retry', { currentVersion: before.version });
    const after = await getLecture(tx, all(ctx), id);
    await appendAudit(tx, ctx, { action: 'update', entity: 'lecture', entityId: id, before, after });
    return after;
  });
}

export async function deleteLecture(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const before = await getLecture(tx, ctx, id);
    if (!canWrite(ctx, before.audienceUnitId)) throw new AppError('OUT_OF_SCOPE', 'the audience unit of this lecture is outside your data scope');
    await repo.deleteLecture(tx, ctx.tenantId, id);
    await refs.deleteAttachmentsOf(tx, ctx.tenantId, 'lecture', id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'lecture', entityId: id, before });
  });
}
