import type { Notification, NotificationListQuery } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../context.js';
import { notFound } from '../errors.js';
import { appendAudit } from '../audit/audit.repo.js';
import * as repo from './notify.repo.js';
import { enqueueDeliveries } from './channels.js';

/** One message to one or more users; `link` is an app path the bell opens. */
export interface NotifyMessage {
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
  entity?: string | null;
  entityId?: string | null;
}

/**
 * Stores an in-app notification for each user, inside the caller's
 * transaction, so a notification exists exactly when the write it tells of
 * does. Duplicate and empty user ids are dropped. Recipients who asked for
 * email (or the tenant robots) for the kind get an outbox row too.
 */
export async function notify(tx: Db, tenantId: string, userIds: readonly (string | null | undefined)[], msg: NotifyMessage): Promise<string[]> {
  const to = [...new Set(userIds.filter((u): u is string => !!u))];
  const sent = await repo.insertNotifications(
    tx,
    to.map((userId) => ({
      tenantId,
      userId,
      kind: msg.kind,
      title: msg.title.slice(0, 200),
      body: msg.body ?? null,
      link: msg.link ?? null,
      entity: msg.entity ?? null,
      entityId: msg.entityId ?? null,
    })),
  );
  // email and robot messages go to the outbox in the same transaction; the delivery worker sends them
  await enqueueDeliveries(tx, tenantId, sent, msg);
  return to;
}

/** Notifies every active user of the tenant holding one of the roles (e.g. office and inspector), except `exclude`. */
export async function notifyRoles(tx: Db, tenantId: string, roles: readonly string[], msg: NotifyMessage, exclude: readonly string[] = []): Promise<string[]> {
  const users = (await repo.activeUsersWithRoles(tx, tenantId, roles)).filter((u) => !exclude.includes(u));
  return notify(tx, tenantId, users, msg);
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentNotification(r: repo.NotificationRow): Notification {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    entity: r.entity,
    entityId: r.entityId,
    readAt: iso(r.readAt),
    createdAt: r.createdAt.toISOString(),
  };
}

export async function listMine(db: Db, ctx: RequestContext, q: NotificationListQuery) {
  const { page, pageSize, ...f } = q;
  const { rows, total } = await repo.listNotifications(db, ctx.tenantId, ctx.userId, f, { page, pageSize });
  return { items: rows.map(presentNotification), total };
}

export const unreadCount = async (db: Db, ctx: RequestContext) => ({ count: await repo.countUnread(db, ctx.tenantId, ctx.userId) });

/** Marks one of my notifications read; someone else's id answers 404 like a missing one. */
export async function markRead(db: Db, ctx: RequestContext, id: string): Promise<Notification> {
  return db.transaction(async (tx) => {
    const before = await repo.getOwn(tx, ctx.tenantId, ctx.userId, id);
    if (!before) throw notFound('NOTIFICATION_NOT_FOUND', 'notification');
    if (before.readAt) return presentNotification(before);
    const row = (await repo.markRead(tx, ctx.tenantId, ctx.userId, id))!;
    await appendAudit(tx, ctx, { action: 'read', entity: 'notification', entityId: id, before: { readAt: null }, after: { readAt: iso(row.readAt) } });
    return presentNotification(row);
  });
}

export async function markAllRead(db: Db, ctx: RequestContext) {
  return db.transaction(async (tx) => {
    const updated = await repo.markAllRead(tx, ctx.tenantId, ctx.userId);
    if (updated) await appendAudit(tx, ctx, { action: 'read_all', entity: 'notification', entityId: null, after: { updated } });
    return { updated };
  });
}
