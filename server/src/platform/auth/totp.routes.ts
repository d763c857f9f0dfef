import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { okBody, totpCodeBody, totpDisableBody, totpSetupResponse, totpStatus } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { AppError, notFound } from '../errors.js';
import { appendAudit } from '../audit/audit.repo.js';
import { verifyPassword } from './password.js';
import { newTotpSecret, totpUri, verifyTotp } from './totp.js';

const idParams = z.object({ id: z.uuid() });

/** The caller's own second factor, and the security administrator's reset for a user who lost theirs. */
export async function totpRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const own = { permission: 'authenticated' as const };
  const me = async (userId: string) => (await db.select().from(users).where(eq(users.id, userId)))[0];

  r.get('/api/v1/auth/totp', { config: own, schema: { tags: ['auth'], response: { 200: totpStatus } } }, async (req) => {
    const u = await me(req.ctx.userId);
    return { enabled: !!u?.totpEnabledAt, enabledAt: u?.totpEnabledAt?.toISOString() ?? null };
  });

  // A new secret replaces any unconfirmed one; an enabled factor must be disabled first.
  r.post('/api/v1/auth/totp/setup', { config: own, schema: { tags: ['auth'], response: { 200: totpSetupResponse } } }, async (req) => {
    const u = await me(req.ctx.userId);
    if (u.totpEnabledAt) throw new AppError('TOTP_ALREADY_ENABLED', 'two-factor authentication is already enabled');
    const secret = newTotpSecret();
    await db.transaction(async (tx) => {
      await tx.update(users).set({ totpSecret: secret, updatedAt: new Date() }).where(eq(users.id, u.id));
      await appendAudit(tx, req.ctx, { action: 'totp_setup', entity: 'user', entityId: u.id });
    });
    return { secret, uri: totpUri(secret, `${req.tenantName}:${u.username}`) };
  });

  r.post('/api/v1/auth/totp/enable', { config: own, schema: { tags: ['auth'], body: totpCodeBody, response: { 200: totpStatus } } }, async (req) => {
    const u = await me(req.ctx.userId);
    if (!u.totpSecret) throw new AppError('TOTP_NOT_SET_UP', 'set up two-factor authentication first');
    if (u.totpEnabledAt) throw new AppError('TOTP_ALREADY_ENABLED', 'two-factor authentication is already enabled');
    if (!verifyTotp(u.totpSecret, req.body.code)) throw new AppError('TOTP_INVALID', 'wrong code', { issues: [{ path: 'body.code', message: 'wrong code' }] });
    const enabledAt = new Date();
    await db.transaction(async (tx) => {
      await tx.update(users).set({ totpEnabledAt: enabledAt, updatedAt: enabledAt }).where(eq(users.id, u.id));
      await appendAudit(tx, req.ctx, { action: 'totp_enabled', entity: 'user', entityId: u.id });
    });
    return { enabled: true, enabledAt: enabledAt.toISOString() };
  });

  r.post('/api/v1/auth/totp/disable', { config: own, schema: { tags: ['auth'], body: totpDisableBody, response: { 200: totpStatus } } }, async (req) => {
    const u = await me(req.ctx.userId);
    if (!u.totpEnabledAt || !u.totpSecret) throw new AppError('TOTP_NOT_SET_UP', 'two-factor authentication is not enabled');
    if (!(await verifyPassword(u.passwordHash, req.body.password)))
      throw new AppError('INVALID_CREDENTIALS', 'wrong password', { issues: [{ path: 'body.password', message: 'wrong password' }] });
    if (!verifyTotp(u.totpSecret, req.body.code)) throw new AppError('TOTP_INVALID', 'wrong code', { issues: [{ path: 'body.code', message: 'wrong code' }] });
    await db.transaction(async (tx) => {
      await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, updatedAt: new Date() }).where(eq(users.id, u.id));
      await appendAudit(tx, req.ctx, { action: 'totp_disabled', entity: 'user', entityId: u.id });
    });
    return { enabled: false, enabledAt: null };
  });

  r.post('/api/v1/users/:id/totp/reset', { config: { permission: 'user.unlock' }, schema: { tags: ['admin'], params: idParams, response: { 200: okBody } } }, async (req) => {
    const [u] = await db.select({ id: users.id }).from(users).where(and(eq(users.tenantId, req.ctx.tenantId), eq(users.id, req.params.id)));
    if (!u) throw notFound('USER_NOT_FOUND', 'user');
    await db.transaction(async (tx) => {
      await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, updatedAt: new Date() }).where(eq(users.id, u.id));
      await appendAudit(tx, req.ctx, { action: 'totp_reset', entity: 'user', entityId: u.id });
    });
    return { ok: true as const };
  });
}
