import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../access/scope.js';
import { defaultRagSettings, todayIn, type RagSettings } from './task.rules.js';

/** What the task rules need from the tenant: its today, its RAG thresholds and the signing deadline. */
export interface TaskClock {
  now: Date;
  today: string;
  rag: RagSettings;
  /** issued tasks unsigned for longer than this are flagged */
  signDays: number;
}

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback);

/** tenants.settings.rag merged over the defaults; unknown or bad values fall back to the default. */
export function mergeRagSettings(raw: unknown): RagSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    dueSoonDays: num(r.dueSoonDays, defaultRagSettings.dueSoonDays),
    dueSoonProgress: num(r.dueSoonProgress, defaultRagSettings.dueSoonProgress),
    staleDays: num(r.staleDays, defaultRagSettings.staleDays),
    behindPoints: num(r.behindPoints, defaultRagSettings.behindPoints),
  };
}

export async function taskClock(db: Db, tenantId: string, now = new Date()): Promise<TaskClock> {
  const [row] = rowsOf<{ time_zone: string; settings: Record<string, unknown> | null }>(
    await db.execute(sql`select time_zone, settings from tenants where id = ${tenantId}`),
  );
  const settings = (row?.settings ?? {}) as Record<string, unknown>;
  const tasks = (settings.tasks ?? {}) as Record<string, unknown>;
  return {
    now,
    today: todayIn(row?.time_zone || 'Asia/Shanghai', now),
    rag: mergeRagSettings(settings.rag),
    signDays: num(tasks.signDays, 2),
  };
}
