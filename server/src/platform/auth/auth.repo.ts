import crypto from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import { sessions, tenants, users } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export async function findUsersByUsername(db: Db, username: string, tenantCode?: string) {
  const q = db
    .select({ user: users, tenant: tenants })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(tenantCode ? and(eq(users.username, username), eq(tenants.code, tenantCode)) : eq(users.username, username));
  return q.limit(5);
}

export async function createSession(db: Db, tenantId: string, userId: string, ip: string, userAgent: string | undefined) {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  await db.insert(sessions).values({ tokenHash: sha256(token), tenantId, userId, csrfToken, ip, userAgent: userAgent?.slice(0, 300) });
  return { token, csrfToken };
}

/**
 * The session behind a cookie, with what the request context needs (runs on every request:
 * only those columns, so neither the password hash nor the TOTP secret leaves the database).
 */
export async function findSession(db: Db, token: string) {
  const rows = await db
    .select({
      session: { tokenHash: sessions.tokenHash, csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt },
      user: {
        id: users.id, tenantId: users.tenantId, username: users.username, displayName: users.displayName, roles: users.roles, personId: users.personId,
        status: users.status, mustChangePassword: users.mustChangePassword, passwordChangedAt: users.passwordChangedAt,
      },
      tenantName: tenants.name,
      tenantSettings: tenants.settings,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
    .where(eq(sessions.tokenHash, sha256(token)))
    .limit(1);
  return rows[0] ?? null;
}

export async function touchSession(db: Db, tokenHash: string) {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteUserSessions(db: Db, tenantId: string, userId: string) {
  await db.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.userId, userId)));
}

export async function purgeIdleSessions(db: Db, idleMinutes: number) {
  await db.delete(sessions).where(lt(sessions.lastSeenAt, new Date(Date.now() - idleMinutes * 60_000)));
}

/** Counts a failed login and locks the account when the threshold is reached, in one statement. */
export async function recordFailedLogin(db: Db, userId: string, threshold: number, lockMinutes: number) {
  await db
    .update(users)
    .set({
      failedLogins: sql`case when ${users.failedLogins} + 1 >= ${threshold} then 0 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${threshold} then now() + make_interval(mins => ${lockMinutes}) else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId));
}

export async function recordSuccessfulLogin(db: Db, userId: string) {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() }).where(eq(users.id, userId));
}
