import { hasPermission, type Task } from '@santong/contract';
import { unitInScope } from '../../access/scope.js';
import type { RequestContext } from '../../platform/context.js';
import { ragStatus } from './task.rules.js';
import { isUnsignedOverdue } from './task.tree.js';
import type { TaskClock } from './task.settings.js';
import type { TaskLinks, TaskRow } from './task.repo.js';

const iso = (v: Date | string | null): string | null => (v === null || v === undefined ? null : new Date(v).toISOString());
const asDate = (v: Date | string | null) => (v === null || v === undefined ? null : new Date(v));

type Caller = Pick<RequestContext, 'roles' | 'scope'>;

/** The owner unit's people (and tenant-wide roles) act on a task; co-units only read it. */
export const ownsTask = (ctx: Caller, ownerUnitId: string) => unitInScope(ctx.scope, ownerUnitId);

/** What the caller may do with the task, from permissions, scope and the task's state. */
export function abilities(ctx: Caller, r: TaskRow): Task['can'] {
  const can = (p: Parameters<typeof hasPermission>[1]) => hasPermission(ctx.roles, p);
  const owner = ownsTask(ctx, r.ownerUnitId);
  const open = r.status !== 'done' && r.status !== 'cancelled';
  return {
    edit: can('plan.task.write') && owner,
    delete: can('plan.task.write') && owner && r.childCount === 0 && (can('plan.task.assign') || !r.issuedAt),
    issue: can('plan.task.assign') && !r.issuedAt,
    sign: can('plan.task.sign') && owner && !!r.issuedAt && !r.signedAt,
    requestExtension: can('plan.task.extend') && owner && open && !r.pendingExtension,
    decideExtension: can('plan.task.assign') && r.pendingExtension,
    comment: can('plan.task.comment'),
    generate: can('plan.task.assign') && r.recurrence !== 'none',
  };
}

export function presentTask(ctx: Caller, clock: TaskClock, r: TaskRow, links: TaskLinks): Task {
  const coUnits = links.coUnits.get(r.id) ?? [];
  const goals = (links.goals.get(r.id) ?? []).map((g) => ({ ...g, track: g.track as 'party' | 'business' }));
  const lastReportAt = asDate(r.lastReportAt);
  return {
    id: r.id,
    campaignId: r.campaignId,
    parentId: r.parentId,
    parentTitle: r.parentTitle,
    title: r.title,
    description: r.description,
    category: r.category as Task['category'],
    ownerUnitId: r.ownerUnitId,
    ownerUnitName: r.ownerUnitName,
    coUnitIds: coUnits.map((u) => u.id),
    coUnits,
    responsiblePersonId: r.responsiblePersonId,
    responsiblePersonName: r.responsiblePersonName,
    startDate: r.startDate,
    dueDate: r.dueDate,
    weight: r.weight,
    status: r.status as Task['status'],
    progress: r.progress,
    fused: r.fused,
    rag: ragStatus({ status: r.status, progress: r.progress, startDate: r.startDate, dueDate: r.dueDate, lastReportAt }, clock.today, clock.rag),
    goalIds: goals.map((g) => g.id),
    goals,
    issuedAt: iso(r.issuedAt),
    signedAt: iso(r.signedAt),
    signedByName: r.signedByName,
    unsignedOverdue: isUnsignedOverdue(asDate(r.issuedAt), asDate(r.signedAt), clock.now, clock.signDays),
    lastReportAt: iso(r.lastReportAt),
    completedAt: iso(r.completedAt),
    recurrence: r.recurrence as Task['recurrence'],
    recurrenceOf: r.recurrenceOf,
    recurrenceKey: r.recurrenceKey,
    extensionCount: r.extensionCount,
    pendingExtension: r.pendingExtension,
    childCount: r.childCount,
    followed: r.followed,
    sortOrder: r.sortOrder,
    version: r.version,
    createdAt: iso(r.createdAt)!,
    updatedAt: iso(r.updatedAt)!,
    can: abilities(ctx, r),
  };
}
