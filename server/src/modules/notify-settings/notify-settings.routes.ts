import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notificationPreferences, notificationPreferencesUpdate, notificationSettings, notificationSettingsUpdate } from '@santong/contract';
import type { Db } from '../../db/client.js';
import * as service from './notify-settings.service.js';

/** My notification channels per kind, and the tenant's group robots (office and admin). */
export async function notifySettingsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const own = { permission: 'authenticated' as const };
  const settings = { permission: 'notify.settings.write' as const };

  r.get('/api/v1/me/notification-preferences', { config: own, schema: { tags, response: { 200: notificationPreferences } } }, async (req) => service.getPreferences(db, req.ctx));
  r.put('/api/v1/me/notification-preferences', { config: own, schema: { tags, body: notificationPreferencesUpdate, response: { 200: notificationPreferences } } }, async (req) =>
    service.updatePreferences(db, req.ctx, req.body),
  );
  r.get('/api/v1/settings/notifications', { config: settings, schema: { tags, response: { 200: notificationSettings } } }, async (req) => service.getSettings(db, req.ctx));
  r.put('/api/v1/settings/notifications', { config: settings, schema: { tags, body: notificationSettingsUpdate, response: { 200: notificationSettings } } }, async (req) =>
    service.updateSettings(db, req.ctx, req.body),
  );
}
