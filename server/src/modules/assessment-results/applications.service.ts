import type { z } from 'zod';
import type { ResultApplication, resultApplicationCreate, resultApplicationUpdate } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { requirePerson } from '../study/refs.repo.js';
import * as repo from './applications.repo.js';
import { getScheme } from './results.repo.js';
import { bandLabels } from './metrics.js';

type Create = z.infer<typeof resultApplicationCreate>;
type Update = z.infer<typeof resultApplicationUpdate>;
type Page = { page: number; pageSize: number; sort?: string };

/**
 * Results applied (S14): 评优评先 and 选任参考 name a target or a person;
 * 谈话督促 records who talked to whom, when, the points made, when to follow
 * up and the outcome. Only published results are applied.
 */
function present({ schemeBands, ...r }: repo.ApplicationRow): ResultApplication {
  const bands = typeof schemeBands === 'string' ? JSON.parse(schemeBands) : schemeBands;
  return {
    ...r,
    grade: r.grade ? (bandLabels(bands).get(r.grade) ?? r.grade) : null,
    kind: r.kind as ResultApplication['kind'],
    schemeYear: Number(r.schemeYear),
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

export async function listApplications(db: Db, ctx: RequestContext, f: repo.ApplicationFilter, page: Page) {
  const { rows, total } = await repo.listApplications(db, ctx.tenantId, ctx.scope, f, page);
  return { items: rows.map(present), total };
}

export async function applicationsOfTarget(db: Db, ctx: RequestContext, targetId: string) {
  return (await listApplications(db, ctx, { targetId }, { page: 1, pageSize: 100 })).items;
}

export async function getApplication(db: Db, ctx: RequestContext, id: string) {
  const row = await repo.getApplication(db, ctx.tenantId, ctx.scope, id);
  if (!row) throw notFound('RESULT_APPLICATION_NOT_FOUND', 'result application');
  return present(row);
}

type Fields = Pick<Create, 'personId' | 'talkedOn' | 'talkerPersonId' | 'followUpDue' | 'targetId'>;

/** The shape rules: a talk names both people and its date; a follow-up is due after the talk. */
async function checkFields(tx: Db, ctx: RequestContext, kind: string, v: Fields) {
  if (!v.targetId && !v.personId) throw invalid('body.targetId', 'name a target or a person');
  if (v.personId) await requirePerson(tx, ctx.tenantId, v.personId, 'body.personId');
  if (v.talkerPersonId) await requirePerson(tx, ctx.tenantId, v.talkerPersonId, 'body.talkerPersonId');
  if (kind !== 'talk') return;
  if (!v.talkedOn) throw invalid('body.talkedOn', 'a talk needs its date');
  if (!v.talkerPersonId) throw invalid('body.talkerPersonId', 'who held the talk');
  if (!v.personId) throw invalid('body.personId', 'who was talked to');
  if (v.talkerPersonId === v.personId) throw invalid('body.talkerPersonId', 'the talker and the person talked to differ');
  if (v.followUpDue && v.followUpDue < v.talkedOn) throw invalid('body.followUpDue', 'the follow-up is due after the talk');
}

export async function createApplication(db: Db, ctx: RequestContext, input: Create) {
  return db.transaction(async (tx) => {
    const scheme = await getScheme(tx, ctx.tenantId, input.schemeId);
    if (!scheme) throw invalid('body.schemeId', `unknown scheme ${input.schemeId}`);
    if (scheme.status !== 'published') throw new AppError('RESULTS_SCHEME_STATE_INVALID', 'results are applied once published');
    if (input.targetId && !(await repo.targetInScheme(tx, ctx.tenantId, input.schemeId, input.targetId))) throw invalid('body.targetId', 'not a target of this scheme');
    await checkFields(tx, ctx, input.kind, input);
    const { id } = await repo.insertApplication(tx, {
      tenantId: ctx.tenantId, schemeId: input.schemeId, targetId: input.targetId ?? null, personId: input.personId ?? null, kind: input.kind,
      note: input.note || null, talkedOn: input.talkedOn ?? null, talkerPersonId: input.talkerPersonId ?? null, points: input.points || null,
      followUpDue: input.followUpDue ?? null, outcome: input.outcome || null,
    });
    const after = await getApplication(tx, { ...ctx, scope: { kind: 'all' } }, id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'result_application', entityId: id, after });
    return after;
  });
}

export async function updateApplication(db: Db, ctx: RequestContext, id: string, input: Update) {
  return db.transaction(async (tx) => {
    const before = await getApplication(tx, ctx, id);
    const merged = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as ResultApplication;
    await checkFields(tx, ctx, before.kind, merged);
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined).map(([k, v]) => [k, v === '' ? null : v]));
    await repo.updateApplication(tx, ctx.tenantId, id, patch);
    const after = await getApplication(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'update', entity: 'result_application', entityId: id, before, after });
    return after;
  });
}

export async function deleteApplication(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const before = await getApplication(tx, ctx, id);
    await repo.deleteApplication(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'result_application', entityId: id, before });
  });
}
