import { permissionsOf, type MeResponse, type Role } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { Config } from '../../config.js';
import { resolveScope } from '../../access/scope.js';
import { AppError } from '../errors.js';
import { appendAudit } from '../audit/audit.repo.js';
import type { Actor, RequestContext } from '../context.js';
import { decoyHash, verifyPassword } from './password.js';
import { verifyTotp } from './totp.js';
import { passwordExpired } from './password-policy.js';
import * as repo from './auth.repo.js';

export interface LoginInput {
  username: string;
  password: string;
  tenant?: string;
  otp?: string;
  ip: string;
  userAgent?: string;
}

/** Checks credentials with lockout, opens a session and audits the attempt either way. */
export async function login(db: Db, cfg: Config, input: LoginInput) {
  const found = await repo.findUsersByUsername(db, input.username, input.tenant);
  if (found.length > 1) throw new AppError('TENANT_REQUIRED', 'this username exists in several tenants: name the tenant');
  const hit = found[0];
  if (!hit) {
    await verifyPassword(await decoyHash(), input.password);
    throw new AppError('INVALID_CREDENTIALS', 'wrong username or password');
  }
  const { user, tenant } = hit;
  const actor = { tenantId: tenant.id, userId: user.id, displayName: user.displayName, ip: input.ip };
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await db.transaction((tx) => appendAudit(tx, actor, { action: 'login_refused_locked', entity: 'auth', entityId: user.id }));
    throw new AppError('ACCOUNT_LOCKED', 'account locked after repeated failed logins', { lockedUntil: user.lockedUntil.toISOString() });
  }
  const ok = user.status === 'active' && (await verifyPassword(user.passwordHash, input.password));
  if (!ok) {
    await db.transaction(async (tx) => {
      await repo.recordFailedLogin(tx, user.id, cfg.lockoutThreshold, cfg.lockoutMinutes);
      await appendAudit(tx, actor, { action: 'login_failed', entity: 'auth', entityId: user.id });
    });
    const failures = user.failedLogins + 1;
    if (failures >= cfg.lockoutThreshold) throw new AppError('ACCOUNT_LOCKED', 'account locked after repeated failed logins', { lockoutMinutes: cfg.lockoutMinutes });
    throw new AppError('INVALID_CREDENTIALS', 'wrong username or password', { remainingAttempts: cfg.lockoutThreshold - failures });
  }
  if (user.totpEnabledAt && user.totpSecret) await checkSecondFactor(db, cfg, { id: user.id, secret: user.totpSecret, failedLogins: user.failedLogins }, actor, input.otp);
  const expired = passwordExpired(user.passwordChangedAt, tenant.settings);
  const session = await db.transaction(async (tx) => {
    await repo.recordSuccessfulLogin(tx, user.id);
    await appendAudit(tx, actor, { action: 'login', entity: 'auth', entityId: user.id });
    // Signed in, but only to change the password (the auth hook enforces it on every request).
    if (expired) await appendAudit(tx, actor, { action: 'password_expired', entity: 'auth', entityId: user.id, after: { passwordChangedAt: user.passwordChangedAt } });
    return repo.createSession(tx, tenant.id, user.id, input.ip, input.userAgent);
  });
  return session;
}

/**
 * With TOTP on, the password alone opens nothing: no code → TOTP_REQUIRED (the
 * login form then asks for it); a wrong code counts as a failed login towards the lockout.
 */
async function checkSecondFactor(db: Db, cfg: Config, user: { id: string; secret: string; failedLogins: number }, actor: Actor, otp: string | undefined) {
  if (!otp) throw new AppError('TOTP_REQUIRED', 'enter the code of your authenticator app');
  if (verifyTotp(user.secret, otp)) return;
  await db.transaction(async (tx) => {
    await repo.recordFailedLogin(tx, user.id, cfg.lockoutThreshold, cfg.lockoutMinutes);
    await appendAudit(tx, actor, { action: 'login_failed_totp', entity: 'auth', entityId: user.id });
  });
  if (user.failedLogins + 1 >= cfg.lockoutThreshold) throw new AppError('ACCOUNT_LOCKED', 'account locked after repeated failed logins', { lockoutMinutes: cfg.lockoutMinutes });
  throw new AppError('TOTP_INVALID', 'wrong code', { issues: [{ path: 'body.otp', message: 'wrong code' }] });
}

export type SessionLookup =
  | { status: 'none' }
  | { status: 'expired' }
  | { status: 'ok'; ctx: RequestContext; tenantName: string };

/** Resolves a session cookie to a request context, enforcing the idle timeout. */
export async function authenticate(db: Db, cfg: Config, token: string, ip: string): Promise<SessionLookup> {
  const found = await repo.findSession(db, token);
  if (!found) return { status: 'none' };
  const { session, user, tenantName, tenantSettings } = found;
  const idleMs = cfg.sessionIdleMinutes * 60_000;
  if (Date.now() - session.lastSeenAt.getTime() > idleMs || user.status !== 'active') {
    await repo.deleteSession(db, session.tokenHash);
    return { status: 'expired' };
  }
  // Refresh the idle clock at most once a minute: one write per request would be wasteful.
  if (Date.now() - session.lastSeenAt.getTime() > 60_000) await repo.touchSession(db, session.tokenHash);
  const roles = user.roles as Role[];
  const scope = await resolveScope(db, user.tenantId, roles, user.personId);
  const expired = passwordExpired(user.passwordChangedAt, tenantSettings);
  return {
    status: 'ok',
    tenantName,
    ctx: {
      tenantId: user.tenantId,
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles,
      personId: user.personId,
      scope,
      ip,
      sessionId: session.tokenHash,
      csrfToken: session.csrfToken,
      mustChangePassword: user.mustChangePassword || expired,
      passwordExpired: expired,
    },
  };
}

export function presentMe(ctx: RequestContext, tenantName: string): MeResponse {
  return {
    csrfToken: ctx.csrfToken,
    user: {
      id: ctx.userId,
      username: ctx.username,
      displayName: ctx.displayName,
      roles: ctx.roles,
      tenantId: ctx.tenantId,
      tenantName,
      personId: ctx.personId,
      mustChangePassword: ctx.mustChangePassword,
      passwordExpired: ctx.passwordExpired ?? false,
      permissions: [...permissionsOf(ctx.roles)],
      scope: ctx.scope.kind === 'all' ? { kind: 'all', unitIds: [] } : { kind: ctx.scope.kind, unitIds: ctx.scope.unitIds },
    },
  };
}
