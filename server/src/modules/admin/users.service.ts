import type { z } from 'zod';
import { conflictingRoles, type Role, type User, type userCreate, type userUpdate } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { hashPassword } from '../../platform/auth/password.js';
import { deleteUserSessions } from '../../platform/auth/auth.repo.js';
import { getPerson } from '../org/people.repo.js';
import * as repo from './users.repo.js';

/** Never let a hash leave the server, not even into the audit log. */
export function presentUser(u: repo.UserRow): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles as Role[],
    personId: u.personId,
    status: u.status as User['status'],
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    mustChangePassword: u.mustChangePassword,
    version: u.version,
  };
}

function checkRoles(roles: Role[]) {
  const clash = conflictingRoles(roles);
  if (clash.length) throw new AppError('ROLE_CONFLICT', `三员分立: ${clash.join(' + ')} cannot be held by one user`, { roles: clash, issues: [{ path: 'body.roles', message: 'separation of duties' }] });
}

async function checkPerson(db: Db, tenantId: string, personId: string | null | undefined) {
  if (personId && !(await getPerson(db, tenantId, personId))) throw invalid('personId', 'unknown person');
}

export async function createUser(db: Db, ctx: RequestContext, input: z.infer<typeof userCreate>) {
  checkRoles(input.roles);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await checkPerson(tx, ctx.tenantId, input.personId);
    if (await repo.getUserByName(tx, ctx.tenantId, input.username))
      throw new AppError('DUPLICATE', 'username already taken', { issues: [{ path: 'body.username', message: 'already taken' }] });
    const row = await repo.insertUser(tx, {
      tenantId: ctx.tenantId,
      username: input.username,
      displayName: input.displayName,
      roles: [...new Set(input.roles)],
      personId: input.personId ?? null,
      passwordHash,
      mustChangePassword: true,
    });
    const after = presentUser(row);
    await appendAudit(tx, ctx, { action: 'create', entity: 'user', entityId: row.id, after });
    return after;
  });
}

export async function updateUser(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof userUpdate>) {
  if (input.roles) checkRoles(input.roles);
  return db.transaction(async (tx) => {
    const before = await repo.getUser(tx, ctx.tenantId, id);
    if (!before) throw notFound('USER_NOT_FOUND', 'user');
    if (id === ctx.userId && input.roles && !input.roles.includes('admin')) throw invalid('roles', 'you cannot remove your own admin role');
    await checkPerson(tx, ctx.tenantId, input.personId);
    const { version, roles, ...rest } = input;
    const row = await repo.updateUser(tx, ctx.tenantId, id, version, { ...rest, ...(roles ? { roles: [...new Set(roles)] } : {}) });
    if (!row) throw new AppError('VERSION_CONFLICT', 'the user was changed by someone else; reload and retry');
    // Role or status changes take effect now, not at the next login.
    if (roles || input.status === 'disabled') await deleteUserSessions(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'update', entity: 'user', entityId: id, before: presentUser(before), after: presentUser(row) });
    return presentUser(row);
  });
}

export async function resetPassword(db: Db, ctx: RequestContext, id: string, password: string) {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const row = await repo.updateUser(tx, ctx.tenantId, id, null, { passwordHash, mustChangePassword: true, passwordChangedAt: new Date(), failedLogins: 0, lockedUntil: null });
    if (!row) throw notFound('USER_NOT_FOUND', 'user');
    await deleteUserSessions(tx, ctx.tenantId, id);
    await appendAudit(tx, ctx, { action: 'reset_password', entity: 'user', entityId: id });
    return presentUser(row);
  });
}

export async function unlockUser(db: Db, ctx: RequestContext, id: string) {
  return db.transaction(async (tx) => {
    const row = await repo.updateUser(tx, ctx.tenantId, id, null, { failedLogins: 0, lockedUntil: null });
    if (!row) throw notFound('USER_NOT_FOUND', 'user');
    await appendAudit(tx, ctx, { action: 'unlock', entity: 'user', entityId: id });
    return presentUser(row);
  });
}
