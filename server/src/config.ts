import path from 'node:path';
import { checkRetentionDays } from './platform/audit/retention.js';

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got "${raw}"`);
  return n;
}

/** Every setting comes from the environment and has a default (see README). */
export function loadConfig(env = process.env) {
  const dataDir = path.resolve(env.SANTONG_DATA_DIR || './data');
  return {
    port: int(env, 'PORT', 3000),
    host: env.HOST || '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || null,
    /** A read-only standby of DATABASE_URL for read-heavy endpoints (cockpit, exports, search). */
    databaseReplicaUrl: env.DATABASE_REPLICA_URL || null,
    demo: env.SANTONG_DEMO !== '0',
    demoPassword: env.DEMO_PASSWORD || 'Santong@2026',
    logLevel: env.LOG_LEVEL || 'info',
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30),
    loginRateLimit: int(env, 'LOGIN_RATE_LIMIT', 20),
    /** API-wide requests per minute and process: per signed-in user, and per client IP without a session; 0 = off. */
    rateLimit: { perUserPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 1200), perIpPerMinute: int(env, 'RATE_LIMIT_ANON_PER_MINUTE', 300) },
    lockoutThreshold: int(env, 'LOCKOUT_THRESHOLD', 5),
    lockoutMinutes: int(env, 'LOCKOUT_MINUTES', 15),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024),
    uploadLimitBytes: int(env, 'UPLOAD_LIMIT_MB', 50) * 1024 * 1024,
    snapshotCron: env.SANTONG_SNAPSHOT_CRON || '0 3 * * *',
    snapshotKeep: int(env, 'SANTONG_SNAPSHOT_KEEP', 7),
    webDist: env.SANTONG_WEB_DIST || path.resolve(import.meta.dirname, '../../web/dist'),
    serveWeb: env.NODE_ENV === 'production' || env.SANTONG_SERVE_WEB === '1',
    cookieSecure: env.COOKIE_SECURE === '1',
    /** Validate every response with zod (and check the production serializer agrees); on outside production, or with VALIDATE_RESPONSES=1. */
    validateResponses: env.NODE_ENV !== 'production' || env.VALIDATE_RESPONSES === '1',
    /** How long a cockpit result is reused for the same tenant, scope and query; 0 computes every request. */
    cockpitCacheSeconds: int(env, 'COCKPIT_CACHE_SECONDS', 30),
    /** Scheduled jobs (weekly dispatch, reminders); off with SANTONG_JOBS=0. */
    jobs: env.SANTONG_JOBS !== '0',
    /** Audit rows older than this many days are archived and purged daily; 0 keeps them forever (等保: ≥ 180). */
    auditRetentionDays: checkRetentionDays(int(env, 'AUDIT_RETENTION_DAYS', 0)),
    /** Outgoing email (notifications by email are off without SMTP_HOST). */
    smtp: {
      host: env.SMTP_HOST || null,
      port: int(env, 'SMTP_PORT', 587),
      secure: env.SMTP_SECURE === '1',
      user: env.SMTP_USER || null,
      pass: env.SMTP_PASS || null,
      from: env.SMTP_FROM || 'Santong <no-reply@localhost>',
    },
    /** The notification outbox worker: how often it looks, how long a webhook may take, retries. */
    notify: {
      intervalMs: int(env, 'NOTIFY_INTERVAL_SECONDS', 15) * 1000,
      webhookTimeoutMs: int(env, 'WEBHOOK_TIMEOUT_MS', 5000),
      maxAttempts: int(env, 'NOTIFY_MAX_ATTEMPTS', 6),
      retryBaseMs: int(env, 'NOTIFY_RETRY_BASE_SECONDS', 60) * 1000,
    },
  };
}
export type Config = ReturnType<typeof loadConfig>;
