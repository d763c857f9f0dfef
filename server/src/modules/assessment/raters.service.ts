import type { z } from 'zod';
import { rolePermissions, roles as allRoles, type assignmentsCreate, type RaterAssignment, type raterGroupsSave } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { notify } from '../../platform/notify/notify.service.js';
import { iso } from '../study/refs.repo.js';
import { raterGroups } from '../../db/schema/index.js';
import { and, eq } from 'drizzle-orm';
import * as repo from './raters.repo.js';
import * as targetsRepo from './targets.repo.js';
import { editableIn, loadScheme, requireStatus } from './schemes.service.js';

/** Roles that may hold a rating form. */
export const raterRoles = allRoles.filter((r) => rolePermissions[r].includes('assess.rating.write'));

export function presentAssignment(r: repo.AssignmentRow): RaterAssignment {
  return {
    id: r.id, groupId: r.groupId, groupName: r.groupName, raterUserId: r.raterUserId, raterName: r.raterName, targetId: r.targetId, targetName: r.targetName,
    status: r.status as RaterAssignment['status'], submittedAt: r.submittedAt ? iso(r.submittedAt) : null, scored: r.scored,
  };
}

export async function listGroups(db: Db, ctx: RequestContext, schemeId: string) {
  await loadScheme(db, ctx, schemeId);
  return { items: await repo.listGroups(db, ctx.tenantId, schemeId) };
}

/** Replaces the scheme's rater groups as one set, whose weights must sum to 100. */
export async function saveGroups(db: Db, ctx: RequestContext, schemeId: string, input: z.infer<typeof raterGroupsSave>) {
  return db.transaction(async (tx) => {
    requireStatus(await loadScheme(tx, ctx, schemeId), editableIn.raters, 'rater groups');
    const sum = Math.round(input.groups.reduce((s, g) => s + g.weight, 0) * 1000) / 1000;
    if (Math.abs(sum - 100) > 1e-6) throw invalid('body.groups', `the group weights sum to ${sum}, not 100`);
    const names = input.groups.map((g) => g.name);
    const dup = names.findIndex((n, i) => names.indexOf(n) !== i);
    if (dup >= 0) throw invalid(`body.groups.${dup}.name`, 'group names must differ');
    const before = await repo.listGroups(tx, ctx.tenantId, schemeId);
    input.groups.forEach((g, i) => {
      if (g.id && !before.some((b) => b.id === g.id)) throw invalid(`body.groups.${i}.id`, 'no such group in this scheme');
    });
    for (const gone of before.filter((b) => !input.groups.some((g) => g.id === b.id))) {
      if (await repo.groupInUse(tx, ctx.tenantId, gone.id)) throw new AppError('RATER_GROUP_IN_USE', `“${gone.name}” has rater assignments; remove them first`);
      await tx.delete(raterGroups).where(and(eq(raterGroups.tenantId, ctx.tenantId), eq(raterGroups.id, gone.id)));
    }
    for (const g of input.groups) {
      if (g.id) await tx.update(raterGroups).set({ name: g.name, weight: g.weight }).where(and(eq(raterGroups.tenantId, ctx.tenantId), eq(raterGroups.id, g.id)));
      else await tx.insert(raterGroups).values({ tenantId: ctx.tenantId, schemeId, name: g.name, weight: g.weight });
    }
    const after = await repo.listGroups(tx, ctx.tenantId, schemeId);
    await appendAudit(tx, ctx, { action: 'update', entity: 'rater_groups', entityId: schemeId, before, after });
    return { items: after };
  });
}

export async function listAssignments(db: Db, ctx: RequestContext, schemeId: string, f: { groupId?: string; targetId?: string; raterUserId?: string }) {
  await loadScheme(db, ctx, schemeId);
  const rows = await repo.listAssignments(db, ctx.tenantId, schemeId, f);
  return { items: rows.map(presentAssignment), total: rows.length };
}

export async function raterCandidates(db: Db, ctx: RequestContext) {
  const rows = await repo.usersWithRoles(db, ctx.tenantId, raterRoles);
  return { items: rows.map((u) => ({ userId: u.id, username: u.username, name: u.name, unitName: u.unitName, roles: u.roles })) };
}

/** True when the rater belongs to one of the target's units (their unit, their posts, or the paired unit). */
export const ratesOwnUnit = (own: Set<string> | undefined, t: { unitId: string; pairedUnitId: string | null }) =>
  !!own && (own.has(t.unitId) || (!!t.pairedUnitId && own.has(t.pairedUnitId)));

async function checkRaters(tx: Db, ctx: RequestContext, userIds: string[]) {
  const users = await repo.usersByIds(tx, ctx.tenantId, userIds);
  userIds.forEach((id, i) => {
    const u = users.find((x) => x.id === id);
    if (!u) throw invalid(`body.userIds.${i}`, `unknown user ${id}`);
    if (u.status !== 'active' || !u.roles.some((r) => (raterRoles as string[]).includes(r))) throw invalid(`body.userIds.${i}`, `${u.name} cannot rate (inactive or no rating role)`);
  });
}

/**
 * A group × users × targets in one go. A rater never rates their own unit:
 * such a pair refuses the whole request (403 RATER_OWN_UNIT) unless
 * skipOwnUnit asks to leave those pairs out.
 */
export async function createAssignments(db: Db, ctx: RequestContext, schemeId: string, input: z.infer<typeof assignmentsCreate>) {
  return db.transaction(async (tx) => {
    const scheme = await loadScheme(tx, ctx, schemeId);
    requireStatus(scheme, editableIn.raters, 'rater assignments');
    if (!(await repo.listGroups(tx, ctx.tenantId, schemeId)).some((g) => g.id === input.groupId)) throw invalid('body.groupId', 'no such rater group in this scheme');
    const userIds = [...new Set(input.userIds)];
    await checkRaters(tx, ctx, userIds);
    const targets = await targetsRepo.listTargets(tx, ctx.tenantId, { kind: 'all' }, { schemeId });
    input.targetIds.forEach((id, i) => {
      if (!targets.some((t) => t.id === id)) throw invalid(`body.targetIds.${i}`, 'no such target in this scheme');
    });
    const own = await repo.ownUnits(tx, ctx.tenantId, userIds);
    const pairs: { userId: string; targetId: string }[] = [];
    const skipped: { userId: string; targetId: string }[] = [];
    for (const userId of userIds) {
      for (const t of targets.filter((x) => input.targetIds.includes(x.id))) {
        if (!ratesOwnUnit(own.get(userId), t)) pairs.push({ userId, targetId: t.id });
        else if (input.skipOwnUnit) skipped.push({ userId, targetId: t.id });
        else throw new AppError('RATER_OWN_UNIT', `a rater cannot rate their own unit (${t.name})`, { userId, targetId: t.id, issues: [{ path: 'body.targetIds', message: `“${t.name}” is the rater's own unit` }] });
      }
    }
    const created = await repo.insertAssignments(tx, pairs.map((p) => ({ tenantId: ctx.tenantId, schemeId, groupId: input.groupId, raterUserId: p.userId, targetId: p.targetId })));
    await appendAudit(tx, ctx, { action: 'assign_raters', entity: 'assessment_scheme', entityId: schemeId, after: { groupId: input.groupId, pairs: pairs.length, created, skipped: skipped.length } });
    if (scheme.status === 'rating' && created) {
      await notify(tx, ctx.tenantId, userIds, { kind: 'rating.opened', title: `${scheme.title}：您有新的评分任务`, link: '/assess/ratings', entity: 'assessment_scheme', entityId: schemeId });
    }
    return { created, existing: pairs.length - created, skipped };
  });
}

export async function deleteAssignment(db: Db, ctx: RequestContext, id: string) {
  await db.transaction(async (tx) => {
    const row = await repo.getAssignment(tx, ctx.tenantId, id, true);
    if (!row) throw notFound('RATER_ASSIGNMENT_NOT_FOUND', 'rater assignment');
    requireStatus(await loadScheme(tx, ctx, row.schemeId), editableIn.raters, 'rater assignments');
    if (row.status === 'submitted') throw new AppError('RATING_SUBMITTED', 'this form is submitted and is part of the results');
    await repo.deleteAssignment(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'delete', entity: 'rater_assignment', entityId: id, before: presentAssignment(row) });
  });
}
