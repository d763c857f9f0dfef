import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../access/scope.js';

/** The tenant's group robots, as stored in tenants.settings.notifications (the secret in full). */
export interface RobotSettings {
  dingtalk: { enabled: boolean; url: string | null; secret: string | null };
  wecom: { enabled: boolean; url: string | null };
  /** kinds every notification of which the robots announce */
  webhookKinds: string[];
}

export const noRobots = (): RobotSettings => ({ dingtalk: { enabled: false, url: null, secret: null }, wecom: { enabled: false, url: null }, webhookKinds: [] });

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** Stored settings over the defaults; anything malformed counts as off. */
export function parseRobotSettings(raw: unknown): RobotSettings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, Record<string, unknown> | unknown>;
  const d = (o.dingtalk ?? {}) as Record<string, unknown>;
  const w = (o.wecom ?? {}) as Record<string, unknown>;
  return {
    dingtalk: { enabled: d.enabled === true, url: str(d.url), secret: str(d.secret) },
    wecom: { enabled: w.enabled === true, url: str(w.url) },
    webhookKinds: Array.isArray(o.webhookKinds) ? o.webhookKinds.filter((k): k is string => typeof k === 'string') : [],
  };
}

export async function readRobotSettings(db: Db, tenantId: string): Promise<RobotSettings> {
  const [row] = rowsOf<{ n: unknown }>(await db.execute(sql`select settings -> 'notifications' as n from tenants where id = ${tenantId}`));
  return parseRobotSettings(row?.n);
}

/** Replaces only the notifications key of the tenant's settings. */
export async function writeRobotSettings(db: Db, tenantId: string, s: RobotSettings): Promise<void> {
  await db.execute(sql`update tenants set settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{notifications}', ${JSON.stringify(s)}::jsonb) where id = ${tenantId}`);
}

/** Shows enough of a secret to recognise it: "SEC1…9f3a". */
export function maskSecret(secret: string | null): string | null {
  if (!secret) return null;
  return secret.length <= 8 ? '••••' : `${secret.slice(0, 4)}…${secret.slice(-4)}`;
}
