import { z } from 'zod';
import { listOf, pageQuery } from './common.js';
import { role, newPassword } from './auth.js';

export const userStatus = z.enum(['active', 'disabled']);
export const user = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(role),
    personId: z.uuid().nullable(),
    status: userStatus,
    lockedUntil: z.string().nullable(),
    lastLoginAt: z.string().nullable(),
    mustChangePassword: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof user>;

export const userCreate = z
  .object({
    username: z.string().trim().min(2).max(64).regex(/^[a-zA-Z0-9_.-]+$/, 'letters, digits, _ . - only'),
    displayName: z.string().trim().min(1).max(50),
    roles: z.array(role).min(1).max(9),
    personId: z.uuid().nullish(),
    password: newPassword,
  })
  .strict();
export const userUpdate = z
  .object({
    displayName: z.string().trim().min(1).max(50).optional(),
    roles: z.array(role).min(1).max(9).optional(),
    personId: z.uuid().nullish(),
    status: userStatus.optional(),
    version: z.number().int(),
  })
  .strict();
export const resetPasswordBody = z.object({ password: newPassword }).strict();
export const userListQuery = z
  .object({ ...pageQuery, q: z.string().trim().max(64).optional(), role: role.optional() })
  .strict();
export const userList = listOf(user);

export const auditEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    ip: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export const auditQuery = z
  .object({
    ...pageQuery,
    entity: z.string().max(40).optional(),
    action: z.string().max(40).optional(),
    actor: z.string().max(64).optional(),
    entityId: z.string().max(64).optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  })
  .strict();
export const auditList = listOf(auditEntry);
