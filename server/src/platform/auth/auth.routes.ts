import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { changePasswordBody, errorBody, loginBody, meResponse, okBody } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { Config } from '../../config.js';
import { users } from '../../db/schema/index.js';
import { AppError } from '../errors.js';
import { appendAudit } from '../audit/audit.repo.js';
import { SESSION_COOKIE } from './auth.hook.js';
import { authenticate, login, presentMe } from './auth.service.js';
import { deleteSession, deleteUserSessions } from './auth.repo.js';
import { hashPassword, verifyPassword } from './password.js';

export async function authRoutes(app: FastifyInstance, { db, cfg }: { db: Db; cfg: Config }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOpts = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: cfg.cookieSecure };

  r.post(
    '/api/v1/auth/login',
    {
      config: { public: true, rateLimit: { max: cfg.loginRateLimit, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: loginBody, response: { 200: meResponse, 401: errorBody, 423: errorBody } },
    },
    async (req, reply) => {
      const { token } = await login(db, cfg, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] });
      const found = await authenticate(db, cfg, token, req.ip);
      if (found.status !== 'ok') throw new AppError('INTERNAL', 'session not found after login');
      reply.setCookie(SESSION_COOKIE, token, cookieOpts);
      return presentMe(found.ctx, found.tenantName);
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { config: { permission: 'authenticated', allowPasswordChange: true }, schema: { tags: ['auth'], response: { 200: okBody } } },
    async (req, reply) => {
      await db.transaction(async (tx) => {
        await deleteSession(tx, req.ctx.sessionId);
        await appendAudit(tx, req.ctx, { action: 'logout', entity: 'auth', entityId: req.ctx.userId });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/v1/auth/me',
    { config: { permission: 'authenticated', allowPasswordChange: true }, schema: { tags: ['auth'], response: { 200: meResponse } } },
    async (req) => presentMe(req.ctx, req.tenantName),
  );

  r.post(
    '/api/v1/auth/password',
    {
      config: { permission: 'authenticated', allowPasswordChange: true },
      schema: { tags: ['auth'], body: changePasswordBody, response: { 200: okBody } },
    },
    async (req) => {
      const [u] = await db.select().from(users).where(eq(users.id, req.ctx.userId));
      if (!u || !(await verifyPassword(u.passwordHash, req.body.currentPassword)))
        throw new AppError('INVALID_CREDENTIALS', 'current password is wrong', { issues: [{ path: 'body.currentPassword', message: 'wrong password' }] });
      if (req.body.currentPassword === req.body.newPassword)
        throw new AppError('PASSWORD_POLICY', 'the new password must differ from the current one', { issues: [{ path: 'body.newPassword', message: 'same as current' }] });
      const passwordHash = await hashPassword(req.body.newPassword);
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), updatedAt: new Date() })
          .where(eq(users.id, u.id));
        await deleteUserSessions(tx, req.ctx.tenantId, u.id);
        await appendAudit(tx, req.ctx, { action: 'password_change', entity: 'user', entityId: u.id });
      });
      return { ok: true as const };
    },
  );
}
