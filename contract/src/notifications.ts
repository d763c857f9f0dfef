import { z } from 'zod';
import { listOf, pageQuery } from './common.js';

/** In-app notifications: each belongs to one user and is only ever shown to that user. */
export const notification = z
  .object({
    id: z.uuid(),
    kind: z.string().describe('e.g. report.submitted, report.returned'),
    title: z.string(),
    body: z.string().nullable(),
    link: z.string().nullable().describe('an app path to open'),
    entity: z.string().nullable(),
    entityId: z.uuid().nullable(),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notification>;

export const notificationListQuery = z
  .object({
    page: pageQuery.page,
    pageSize: pageQuery.pageSize,
    unread: z.enum(['true', 'false']).optional().describe('true: only unread; false: only read'),
    kind: z.string().max(60).optional(),
  })
  .strict();
export type NotificationListQuery = z.infer<typeof notificationListQuery>;
export const notificationList = listOf(notification);
export const unreadCount = z.object({ count: z.number().int() }).meta({ id: 'UnreadCount' });
export const readAllResult = z.object({ updated: z.number().int() });
