import type { z } from 'zod';
import { honourCategories, type honourPublicityOpen, type honourRoundCreate, type honourRoundUpdate, type HonourRound, type Role } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { notifyRoles } from '../../platform/notify/notify.service.js';
import * as repo from './honours.repo.js';
import { presentRound } from './honours.presenter.js';
import { roundStateError, roundSteps } from './honours.rules.js';

type Ctx = RequestContext;
type Page = { page: number; pageSize: number; sort?: string };

/** Everyone who works in the tenant hears that the publicity list is out. */
export const BUSINESS_ROLES: readonly Role[] = ['office', 'leader', 'unit_head', 'liaison', 'inspector', 'member'];
export const roundLink = (id: string) => `/execute/honours/${id}`;

export async function listRounds(db: Db, ctx: Ctx, f: { year?: number; status?: string }, page: Page) {
  const { rows, total } = await repo.listRounds(db, ctx.tenantId, f, page);
  const counts = await repo.countsOf(db, ctx.tenantId, rows.map((r) => r.id));
  return { items: rows.map((r) => presentRound(r, counts)), total };
}

/** The round with its quotas and the counts per category; `lock` holds its row for the transaction. */
export async function loadRound(db: Db, ctx: Ctx, id: string, lock = false): Promise<HonourRound> {
  const row = await repo.getRound(db, ctx.tenantId, id, lock);
  if (!row) throw notFound('HONOUR_ROUND_NOT_FOUND', 'honours round');
  return presentRound(row, await repo.countsOf(db, ctx.tenantId, [id]));
}

export async function createRound(db: Db, ctx: Ctx, input: z.infer<typeof honourRoundCreate>) {
  return db.transaction(async (tx) => {
    const { id } = await repo.insertRound(tx, { tenantId: ctx.tenantId, year: input.year, title: input.title, quotas: input.quotas, status: 'nominating' });
    const after = await loadRound(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'create', entity: 'honour_round', entityId: id, after });
    return after;
  });
}

/** Title and quotas change until publicity; a quota never drops below the places already approved. */
export async function updateRound(db: Db, ctx: Ctx, id: string, input: z.infer<typeof honourRoundUpdate>) {
  return db.transaction(async (tx) => {
    const before = await loadRound(tx, ctx, id, true);
    if (before.status !== 'nominating' && before.status !== 'reviewing') throw roundStateError(before.status, 'change title or quotas');
    for (const c of honourCategories) {
      const approved = before.counts[c].approved;
      if (input.quotas && input.quotas[c] < approved) throw invalid(`body.quotas.${c}`, `below the ${approved} places already approved`);
    }
    const { version, ...patch } = input;
    const ok = await repo.updateRoundIf(tx, ctx.tenantId, id, { status: ['nominating', 'reviewing'], version }, patch);
    if (!ok) throw new AppError('VERSION_CONFLICT', 'the round was changed by someone else; reload and retry', { currentVersion: before.version });
    const after = await loadRound(tx, ctx, id);
    await appendAudit(tx, ctx, { action: 'update', entity: 'honour_round', entityId: id, before, after });
    return after;
  });
}

type Step = keyof typeof roundSteps;

/** One step of the round; `check` may refuse it (the round row is locked meanwhile). */
async function stepRound(db: Db, ctx: Ctx, id: string, step: Step, check: (r: HonourRound) => void, patch: { publicityStart?: string; publicityEnd?: string } = {}, after?: (tx: Db, r: HonourRound) => Promise<void>) {
  return db.transaction(async (tx) => {
    const before = await loadRound(tx, ctx, id, true);
    const { from, to } = roundSteps[step];
    if (before.status !== from) throw roundStateError(before.status, step, { needed: from });
    check(before);
    const ok = await repo.updateRoundIf(tx, ctx.tenantId, id, { status: [from] }, { status: to, ...patch });
    if (!ok) throw roundStateError('changed', step);
    const next = await loadRound(tx, ctx, id);
    await appendAudit(tx, ctx, { action: step === 'startReview' ? 'start_review' : step === 'openPublicity' ? 'open_publicity' : 'close', entity: 'honour_round', entityId: id, before, after: next });
    await after?.(tx, next);
    return next;
  });
}

/** Nominations close; the office reviews. */
export const startReview = (db: Db, ctx: Ctx, id: string) => stepRound(db, ctx, id, 'startReview', () => {});

const pendingOf = (r: HonourRound, status: 'nominated' | 'approved') =>
  honourCategories.reduce((n, c) => n + (status === 'nominated' ? r.counts[c].nominated - r.counts[c].approved : r.counts[c].approved - r.counts[c].awarded), 0);

/** Every nomination decided → the approved list is publicised between the dates, and everyone is told. */
export async function openPublicity(db: Db, ctx: Ctx, id: string, input: z.infer<typeof honourPublicityOpen>) {
  if (input.publicityEnd < input.publicityStart) throw invalid('body.publicityEnd', 'before the start of the publicity window');
  const check = (r: HonourRound) => {
    // Nominated but not yet approved: live minus approved (rejected ones are not live).
    const pending = pendingOf(r, 'nominated');
    if (pending > 0) throw roundStateError(r.status, 'open publicity', { pending, reason: `${pending} nominations still wait for review` });
  };
  return stepRound(db, ctx, id, 'openPublicity', check, input, async (tx, r) => {
    await notifyRoles(tx, ctx.tenantId, BUSINESS_ROLES, {
      kind: 'honour.publicity',
      title: `${r.title}拟表彰名单公示`,
      body: `公示期 ${r.publicityStart} 至 ${r.publicityEnd}。如有异议，请在公示期内向党委组织部反映。`,
      link: roundLink(r.id),
      entity: 'honour_round',
      entityId: r.id,
    }, [ctx.userId]);
  });
}

/** Publicity over and every approved nomination awarded or not → the round is closed. */
export function closeRound(db: Db, ctx: Ctx, id: string) {
  return stepRound(db, ctx, id, 'close', (r) => {
    const pending = pendingOf(r, 'approved');
    if (pending > 0) throw roundStateError(r.status, 'close', { pending, reason: `${pending} publicised nominations are neither awarded nor rejected` });
  });
}
