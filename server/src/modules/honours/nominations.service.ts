import type { z } from 'zod';
import type { honourNominationAward, honourNominationReview, HonourNomination, HonourNominationCreate } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { unitInScope } from '../../access/scope.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { notify } from '../../platform/notify/notify.service.js';
import * as repo from './honours.repo.js';
import { honourCategoryLabel, presentNomination } from './honours.presenter.js';
import { loadRound, roundLink } from './honours.service.js';
import { checkQuota, isPersonCategory, nominationStage, requireRoundStatus } from './honours.rules.js';

type Ctx = RequestContext;
type Page = { page: number; pageSize: number; sort?: string };

const all = (ctx: Ctx): Ctx => ({ ...ctx, scope: { kind: 'all' } });
const outOfScope = (path: string) => new AppError('OUT_OF_SCOPE', 'outside your data scope', { issues: [{ path, message: 'outside your scope' }] });

export async function listNominations(db: Db, ctx: Ctx, roundId: string, f: repo.NominationFilter, page: Page) {
  await loadRound(db, ctx, roundId);
  const { rows, total } = await repo.listNominations(db, ctx.tenantId, ctx.scope, roundId, f, page);
  return { items: rows.map(presentNomination), total };
}

export async function* exportBatches(db: Db, ctx: Ctx, roundId: string, f: repo.NominationFilter, sort?: string) {
  for await (const rows of repo.iterateNominations(db, ctx.tenantId, ctx.scope, roundId, f, sort)) yield rows.map(presentNomination);
}

/** A nomination the caller sees; any other answers 404 like a missing one. */
async function loadNomination(db: Db, ctx: Ctx, id: string): Promise<HonourNomination> {
  const row = await repo.getNomination(db, ctx.tenantId, ctx.scope, id);
  if (!row) throw notFound('HONOUR_NOMINATION_NOT_FOUND', 'nomination');
  return presentNomination(row);
}

/** The nominee fits the category (a full party member, or a party organisation) and lies in the caller's scope; returns its unit. */
async function checkNominee(tx: Db, ctx: Ctx, input: HonourNominationCreate): Promise<{ personId: string | null; unitId: string | null; homeUnitId: string }> {
  if (isPersonCategory(input.category)) {
    if (!input.nomineePersonId) throw invalid('body.nomineePersonId', 'a person is nominated in this category');
    if (input.nomineeUnitId) throw invalid('body.nomineeUnitId', 'only the organisation category nominates a unit');
    const person = await repo.personOf(tx, ctx.tenantId, input.nomineePersonId);
    if (!person) throw invalid('body.nomineePersonId', `unknown person ${input.nomineePersonId}`);
    if (person.politicalStatus !== 'cpc_member') throw invalid('body.nomineePersonId', 'not a full member of the party');
    if (!unitInScope(ctx.scope, person.unitId)) throw outOfScope('body.nomineePersonId');
    return { personId: person.id, unitId: null, homeUnitId: person.unitId };
  }
  if (!input.nomineeUnitId) throw invalid('body.nomineeUnitId', 'a party organisation is nominated in this category');
  if (input.nomineePersonId) throw invalid('body.nomineePersonId', 'the organisation category nominates a unit, not a person');
  const unit = await repo.unitOf(tx, ctx.tenantId, input.nomineeUnitId);
  if (!unit) throw invalid('body.nomineeUnitId', `unknown unit ${input.nomineeUnitId}`);
  if (unit.track !== 'party') throw invalid('body.nomineeUnitId', 'not a party organisation');
  if (!unitInScope(ctx.scope, unit.id)) throw outOfScope('body.nomineeUnitId');
  return { personId: null, unitId: unit.id, homeUnitId: unit.id };
}

/** A unit nominates within its scope and within the category's quota (the round row is locked while counting). */
export async function nominate(db: Db, ctx: Ctx, roundId: string, input: HonourNominationCreate) {
  return db.transaction(async (tx) => {
    const round = await loadRound(tx, ctx, roundId, true);
    requireRoundStatus(round.status, nominationStage.nominate, 'nominate');
    const nominee = await checkNominee(tx, ctx, input);
    const nominatingUnitId = input.nominatingUnitId ?? nominee.homeUnitId;
    if (input.nominatingUnitId && !(await repo.unitOf(tx, ctx.tenantId, input.nominatingUnitId))) throw invalid('body.nominatingUnitId', `unknown unit ${input.nominatingUnitId}`);
    if (!unitInScope(ctx.scope, nominatingUnitId)) throw outOfScope('body.nominatingUnitId');
    if (await repo.liveDuplicate(tx, ctx.tenantId, roundId, input.category, nominee)) {
      throw new AppError('DUPLICATE', 'already nominated in this category', { issues: [{ path: nominee.personId ? 'body.nomineePersonId' : 'body.nomineeUnitId', message: 'already nominated' }] });
    }
    checkQuota(input.category, round.quotas[input.category], round.counts[input.category].nominated, 'nominations');
    const { id } = await repo.insertNomination(tx, {
      tenantId: ctx.tenantId, roundId, category: input.category, nomineePersonId: nominee.personId, nomineeUnitId: nominee.unitId,
      nominatingUnitId, reason: input.reason, status: 'nominated',
    });
    const after = await loadNomination(tx, all(ctx), id);
    await appendAudit(tx, ctx, { action: 'nominate', entity: 'honour_nomination', entityId: id, after });
    return after;
  });
}

/** The nominating unit takes a nomination back while nominations are open. */
export async function withdraw(db: Db, ctx: Ctx, id: string) {
  await db.transaction(async (tx) => {
    const before = await loadNomination(tx, ctx, id);
    if (!unitInScope(ctx.scope, before.nominatingUnitId)) throw notFound('HONOUR_NOMINATION_NOT_FOUND', 'nomination');
    const round = await loadRound(tx, ctx, before.roundId, true);
    requireRoundStatus(round.status, nominationStage.withdraw, 'withdraw a nomination');
    if (before.status !== 'nominated') throw stateError(before.status, 'withdrawn');
    await repo.deleteNomination(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'withdraw', entity: 'honour_nomination', entityId: id, before });
  });
}

function stateError(status: string, step: string) {
  return new AppError('HONOUR_NOMINATION_STATE_INVALID', `a nomination that is ${status} cannot be ${step}`, { status, step });
}

type Decision = { from: 'nominated' | 'approved'; to: HonourNomination['status']; action: string; stage: 'reviewing' | 'publicity'; note: string | null };

/** One decision on one nomination, with the round locked so places are counted once; the nominating unit is told. */
async function decide(db: Db, ctx: Ctx, id: string, d: Decision) {
  return db.transaction(async (tx) => {
    const before = await loadNomination(tx, ctx, id);
    const round = await loadRound(tx, ctx, before.roundId, true);
    requireRoundStatus(round.status, d.stage, d.action);
    if (before.status !== d.from) throw stateError(before.status, d.action === 'approve' || d.action === 'reject' ? 'reviewed' : 'awarded or rejected');
    if (d.to === 'approved') checkQuota(before.category, round.quotas[before.category], round.counts[before.category].approved, 'approvals');
    const ok = await repo.moveNomination(tx, ctx.tenantId, id, d.from, { status: d.to, ...(d.note !== null ? { reviewNote: d.note } : {}) });
    if (!ok) throw stateError('changed', d.action);
    const after = await loadNomination(tx, all(ctx), id);
    await appendAudit(tx, ctx, { action: d.action, entity: 'honour_nomination', entityId: id, before, after });
    const verdict = { approved: '审核通过', rejected: '未通过审核', awarded: '已授予', not_awarded: '未授予' }[d.to as string] ?? d.to;
    await notify(tx, ctx.tenantId, await repo.nominatingUsers(tx, ctx.tenantId, id, before.nominatingUnitId), {
      kind: `honour.${d.action}`,
      title: `${round.title}：${before.nomineeName}（${honourCategoryLabel[before.category]}）${verdict}`,
      body: d.note,
      link: roundLink(round.id),
      entity: 'honour_nomination',
      entityId: id,
    });
    return after;
  });
}

/** The office approves (within the quota of places) or rejects with a note. */
export function review(db: Db, ctx: Ctx, id: string, input: z.infer<typeof honourNominationReview>) {
  const note = input.note?.trim() || null;
  if (input.decision === 'reject' && !note) throw invalid('body.note', 'say why the nomination is rejected');
  return decide(db, ctx, id, { from: 'nominated', to: input.decision === 'approve' ? 'approved' : 'rejected', action: input.decision, stage: 'reviewing', note });
}

/** After publicity the office awards a publicised nomination or, on an objection, does not (with a note). */
export function award(db: Db, ctx: Ctx, id: string, input: z.infer<typeof honourNominationAward>) {
  const note = input.note?.trim() || null;
  if (input.decision === 'not_award' && !note) throw invalid('body.note', 'say why the honour is not awarded');
  return decide(db, ctx, id, { from: 'approved', to: input.decision === 'award' ? 'awarded' : 'not_awarded', action: input.decision, stage: 'publicity', note });
}
