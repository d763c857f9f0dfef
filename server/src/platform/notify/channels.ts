import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf, uuidArray } from '../../access/scope.js';
import { notificationDeliveries } from '../../db/schema/index.js';
import { readRobotSettings } from './settings.js';

/** What a notification says, as the channels need it. */
export interface ChannelMessage {
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
}

export interface EmailPayload {
  subject: string;
  text: string;
  link: string | null;
}

export interface RobotPayload {
  title: string;
  markdown: string;
}

const emailOf = (m: ChannelMessage): EmailPayload => ({
  subject: `【三同】${m.title}`,
  text: [m.title, m.body ?? '', m.link ? `查看：${m.link}` : ''].filter(Boolean).join('\n\n'),
  link: m.link ?? null,
});

const robotOf = (m: ChannelMessage): RobotPayload => ({
  title: m.title,
  markdown: [`#### ${m.title}`, m.body ?? '', m.link ? `[查看详情](${m.link})` : ''].filter(Boolean).join('\n\n'),
});

interface PrefRow {
  user_id: string;
  email: boolean;
  webhook: boolean;
  address: string | null;
}

/**
 * Writes the outbox rows for one notify() call, in the caller's transaction:
 * an email to every recipient whose preference for the kind asks for email
 * (to the account's address, else the person's), and one message to each
 * enabled tenant robot when the tenant announces the kind or a recipient asked
 * for it. The worker in delivery.ts sends them later.
 */
export async function enqueueDeliveries(tx: Db, tenantId: string, sent: { id: string; userId: string }[], msg: ChannelMessage): Promise<number> {
  if (sent.length === 0) return 0;
  const prefs = rowsOf<PrefRow>(
    await tx.execute(sql`
      select np.user_id, np.email, np.webhook, coalesce(nullif(u.email, ''), nullif(p.email, '')) as address
      from notification_preferences np
      join users u on u.id = np.user_id and u.tenant_id = np.tenant_id
      left join people p on p.id = u.person_id and p.tenant_id = u.tenant_id
      where np.tenant_id = ${tenantId} and np.kind = ${msg.kind} and (np.email or np.webhook)
        and np.user_id = any(${uuidArray(sent.map((s) => s.userId))})`),
  );
  const rows: (typeof notificationDeliveries.$inferInsert)[] = [];
  const idOf = new Map(sent.map((s) => [s.userId, s.id]));
  const addresses = new Set<string>();
  for (const p of prefs) {
    if (!p.email || !p.address || addresses.has(p.address.toLowerCase())) continue;
    addresses.add(p.address.toLowerCase());
    rows.push({ tenantId, notificationId: idOf.get(p.user_id) ?? null, channel: 'email', target: p.address, payload: emailOf(msg) });
  }
  const robots = await readRobotSettings(tx, tenantId);
  if (robots.webhookKinds.includes(msg.kind) || prefs.some((p) => p.webhook)) {
    const first = sent[0].id;
    if (robots.dingtalk.enabled && robots.dingtalk.url) rows.push({ tenantId, notificationId: first, channel: 'dingtalk', target: robots.dingtalk.url, payload: robotOf(msg) });
    if (robots.wecom.enabled && robots.wecom.url) rows.push({ tenantId, notificationId: first, channel: 'wecom', target: robots.wecom.url, payload: robotOf(msg) });
  }
  if (rows.length) await tx.insert(notificationDeliveries).values(rows);
  return rows.length;
}
