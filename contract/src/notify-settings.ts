import { z } from 'zod';

/**
 * Notification kinds a user can route to email or the group robots (in-app is
 * always on). Features emit these kinds through notify()/notifyRoles().
 */
export const notificationKinds = [
  'task.due_soon',
  'task.overdue',
  'report.submitted',
  'report.resubmitted',
  'report.returned',
  'report.approved',
  'rating.opened',
  'rating.closing',
  'dispatch.ready',
  'honour.publicity',
  'assessment.published',
  'supervision.rectification',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationPreference = z
  .object({ kind: z.enum(notificationKinds), email: z.boolean(), webhook: z.boolean() })
  .strict()
  .meta({ id: 'NotificationPreference' });
export type NotificationPreference = z.infer<typeof notificationPreference>;

export const notificationPreferences = z
  .object({
    /** where email goes: the account's address, else the person's */
    email: z.string().nullable(),
    items: z.array(notificationPreference),
  })
  .meta({ id: 'NotificationPreferences' });
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

export const notificationPreferencesUpdate = z
  .object({ items: z.array(notificationPreference).max(notificationKinds.length * 2) })
  .strict();
export type NotificationPreferencesUpdate = z.infer<typeof notificationPreferencesUpdate>;

const httpsUrl = z.url({ protocol: /^https?$/ }).max(500);

/** Tenant robots. Secrets are write-only: reads show a mask and `secretSet`. */
export const notificationSettings = z
  .object({
    dingtalk: z.object({ enabled: z.boolean(), url: z.string().nullable(), secretSet: z.boolean(), secretMasked: z.string().nullable() }),
    wecom: z.object({ enabled: z.boolean(), url: z.string().nullable() }),
    /** kinds the tenant robots announce */
    webhookKinds: z.array(z.enum(notificationKinds)),
  })
  .meta({ id: 'NotificationSettings' });
export type NotificationSettings = z.infer<typeof notificationSettings>;

export const notificationSettingsUpdate = z
  .object({
    dingtalk: z
      .object({
        enabled: z.boolean(),
        url: httpsUrl.nullable(),
        /** omitted or null: keep the stored secret; '' clears it */
        secret: z.string().trim().max(200).nullish(),
      })
      .strict(),
    wecom: z.object({ enabled: z.boolean(), url: httpsUrl.nullable() }).strict(),
    webhookKinds: z.array(z.enum(notificationKinds)).max(notificationKinds.length),
  })
  .strict();
export type NotificationSettingsUpdate = z.infer<typeof notificationSettingsUpdate>;
