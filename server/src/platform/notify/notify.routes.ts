import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, notification, notificationList, notificationListQuery, readAllResult, unreadCount } from '@santong/contract';
import type { Db } from '../../db/client.js';
import * as service from './notify.service.js';
import { owned } from '../../access/target.js';

/** The caller's own in-app notifications: list, unread count, mark read. */
export async function notificationRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const config = { permission: 'authenticated' as const };

  r.get('/api/v1/notifications', { config, schema: { tags, querystring: notificationListQuery, response: { 200: notificationList } } }, async (req) =>
    service.listMine(db, req.ctx, req.query),
  );

  r.get('/api/v1/notifications/unread-count', { config, schema: { tags, response: { 200: unreadCount } } }, async (req) => service.unreadCount(db, req.ctx));

  r.post('/api/v1/notifications/read-all', { config, schema: { tags, response: { 200: readAllResult } } }, async (req) => service.markAllRead(db, req.ctx));

  r.post('/api/v1/notifications/:id/read', { config: { ...config, target: owned('notification') }, schema: { tags, params: idParams, response: { 200: notification } } }, async (req) =>
    service.markRead(db, req.ctx, req.params.id),
  );
}
