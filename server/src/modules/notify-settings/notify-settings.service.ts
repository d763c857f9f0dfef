import { notificationKinds, type NotificationPreferences, type NotificationPreferencesUpdate, type NotificationSettings, type NotificationSettingsUpdate } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { invalid } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { maskSecret, readRobotSettings, writeRobotSettings, type RobotSettings } from '../../platform/notify/settings.js';
import * as repo from './prefs.repo.js';

/** Every kind with the caller's choice (off until chosen). */
async function loadPrefs(db: Db, ctx: RequestContext): Promise<NotificationPreferences> {
  const stored = new Map((await repo.listPrefs(db, ctx.tenantId, ctx.userId)).map((p) => [p.kind, p]));
  return {
    email: await repo.emailAddressOf(db, ctx.tenantId, ctx.userId),
    items: notificationKinds.map((kind) => ({ kind, email: stored.get(kind)?.email ?? false, webhook: stored.get(kind)?.webhook ?? false })),
  };
}

export const getPreferences = (db: Db, ctx: RequestContext) => loadPrefs(db, ctx);

/** Sets the caller's own preferences; kinds not listed keep their value. */
export async function updatePreferences(db: Db, ctx: RequestContext, input: NotificationPreferencesUpdate): Promise<NotificationPreferences> {
  const seen = new Set<string>();
  input.items.forEach((i, n) => {
    if (seen.has(i.kind)) throw invalid(`body.items.${n}.kind`, 'kind listed twice');
    seen.add(i.kind);
  });
  return db.transaction(async (tx) => {
    const before = await loadPrefs(tx, ctx);
    await repo.upsertPrefs(tx, ctx.tenantId, ctx.userId, input.items);
    const after = await loadPrefs(tx, ctx);
    await appendAudit(tx, ctx, { action: 'update', entity: 'notification_preferences', entityId: ctx.userId, before: before.items, after: after.items });
    return after;
  });
}

/** The settings as shown: the secret never leaves in full. */
export function presentSettings(s: RobotSettings): NotificationSettings {
  return {
    dingtalk: { enabled: s.dingtalk.enabled, url: s.dingtalk.url, secretSet: !!s.dingtalk.secret, secretMasked: maskSecret(s.dingtalk.secret) },
    wecom: { enabled: s.wecom.enabled, url: s.wecom.url },
    webhookKinds: s.webhookKinds.filter((k): k is NotificationSettings['webhookKinds'][number] => (notificationKinds as readonly string[]).includes(k)),
  };
}

export async function getSettings(db: Db, ctx: RequestContext): Promise<NotificationSettings> {
  return presentSettings(await readRobotSettings(db, ctx.tenantId));
}

export async function updateSettings(db: Db, ctx: RequestContext, input: NotificationSettingsUpdate): Promise<NotificationSettings> {
  if (input.dingtalk.enabled && !input.dingtalk.url) throw invalid('body.dingtalk.url', 'required when the DingTalk robot is on');
  if (input.wecom.enabled && !input.wecom.url) throw invalid('body.wecom.url', 'required when the WeCom robot is on');
  return db.transaction(async (tx) => {
    const before = await readRobotSettings(tx, ctx.tenantId);
    const secret = input.dingtalk.secret === undefined || input.dingtalk.secret === null ? before.dingtalk.secret : input.dingtalk.secret || null;
    const next: RobotSettings = {
      dingtalk: { enabled: input.dingtalk.enabled, url: input.dingtalk.url, secret },
      wecom: { enabled: input.wecom.enabled, url: input.wecom.url },
      webhookKinds: [...new Set(input.webhookKinds)],
    };
    await writeRobotSettings(tx, ctx.tenantId, next);
    await appendAudit(tx, ctx, { action: 'update', entity: 'notification_settings', entityId: ctx.tenantId, before: presentSettings(before), after: presentSettings(next) });
    return presentSettings(next);
  });
}
