import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasPermission, type Permission } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { Config } from '../../config.js';
import type { RequestContext } from '../context.js';
import { AppError } from '../errors.js';
import { authenticate } from './auth.service.js';
import type { RouteTarget } from '../../access/target.js';

export const SESSION_COOKIE = 'st_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a route needs; 'authenticated' for any signed-in user. A route under /api/v1 without one is denied. */
    permission?: Permission | 'authenticated';
    /** Reachable without a session (login, health). */
    public?: boolean;
    /** What the route acts on, for the generated route × role × scope matrix (access/target.ts). */
    target?: RouteTarget;
    /** Reachable while the user must still change the one-time password. */
    allowPasswordChange?: boolean;
  }
  interface FastifyRequest {
    ctx: RequestContext;
    tenantName: string;
  }
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Authentication, CSRF and the route's declared permission, checked before the
 * body is even parsed. Routes declare access in their config; none → denied.
 */
export function registerAuthHook(app: FastifyInstance, db: Db, cfg: Config) {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('tenantName', '');
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const url = req.routeOptions.url;
    if (!url || !url.startsWith('/api/v1')) return;
    const config = req.routeOptions.config;
    if (config.public) return;
    const token = req.cookies?.[SESSION_COOKIE];
    if (!token) throw new AppError('UNAUTHENTICATED', 'sign in first');
    const found = await authenticate(db, cfg, token, req.ip);
    if (found.status === 'expired') throw new AppError('SESSION_EXPIRED', 'session expired, sign in again');
    if (found.status === 'none') throw new AppError('UNAUTHENTICATED', 'sign in first');
    req.ctx = found.ctx;
    req.tenantName = found.tenantName;
    if (unsafe.has(req.method) && req.headers['x-csrf-token'] !== found.ctx.csrfToken) {
      throw new AppError('CSRF_INVALID', 'missing or wrong X-CSRF-Token header');
    }
    if (found.ctx.mustChangePassword && !config.allowPasswordChange) {
      if (found.ctx.passwordExpired) throw new AppError('PASSWORD_CHANGE_REQUIRED', 'the password has expired: change it first', { reason: 'password_expired' });
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 'change the one-time password first');
    }
    const need = config.permission;
    if (!need) throw new AppError('FORBIDDEN', 'route has no declared permission');
    if (need !== 'authenticated' && !hasPermission(found.ctx.roles, need)) {
      throw new AppError('FORBIDDEN', `needs permission ${need}`);
    }
  });
}
