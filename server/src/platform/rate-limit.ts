import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { normalizeIP } from '@fastify/rate-limit';
import type { Config } from '../config.js';
import { SESSION_COOKIE } from './auth/auth.hook.js';
import { AppError } from './errors.js';

const WINDOW_MS = 60_000;
/** Requests already counted by a hook (the rest are counted when they finish). */
const counted = new WeakSet<FastifyRequest>();

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;
type Outcome = Awaited<ReturnType<Limiter>>;

const isApi = (req: FastifyRequest) => req.url.startsWith('/api/v1');
const ipKey = (req: FastifyRequest) => `ip:${normalizeIP(req.ip)}`;
const userKey = (req: FastifyRequest) => `user:${req.ctx.tenantId}:${req.ctx.userId}`;

/** 429 in the API's error shape, with the standard headers the client can wait on. */
function refuse(reply: FastifyReply, outcome: Outcome, who: 'user' | 'ip'): never {
  if (outcome.isAllowed) throw new Error('refuse() called for an allowed request');
  const retryAfter = Math.max(1, outcome.ttlInSeconds);
  reply.header('retry-after', retryAfter);
  reply.header('x-ratelimit-limit', outcome.max);
  reply.header('x-ratelimit-remaining', 0);
  reply.header('x-ratelimit-reset', retryAfter);
  throw new AppError('RATE_LIMITED', `too many requests, retry in ${retryAfter} s`, { retryAfterSeconds: retryAfter, limit: outcome.max, per: who });
}

/**
 * API-wide rate limits on /api/v1 (等保: intrusion prevention), counted in this process's memory.
 * A signed-in user is counted by tenant + user id, so colleagues behind one office NAT do not share
 * a budget; everything else (no session, a dead session, public routes) is counted by client IP.
 *
 * The user key needs the session, so the user limit runs right after authentication; the IP limit
 * runs before it, so a flood without a session is refused before it costs a session lookup.
 * Requests the auth hook refuses (401 with a forged cookie, 403 CSRF or permission) are counted
 * when they finish, and an IP over its anonymous budget is refused even with a cookie.
 */
export function registerApiRateLimit(app: FastifyInstance, cfg: Config, registerAuth: () => void) {
  const { perUserPerMinute, perIpPerMinute } = cfg.rateLimit;
  const byIp = perIpPerMinute > 0 ? app.createRateLimit({ max: perIpPerMinute, timeWindow: WINDOW_MS, keyGenerator: ipKey }) : null;
  const byUser = perUserPerMinute > 0 ? app.createRateLimit({ max: perUserPerMinute, timeWindow: WINDOW_MS, keyGenerator: userKey }) : null;

  if (byIp) {
    app.addHook('onRequest', async (req, reply) => {
      if (!isApi(req)) return;
      const anonymous = !!req.routeOptions.config?.public || !req.cookies?.[SESSION_COOKIE];
      if (anonymous) counted.add(req);
      // with a cookie, only look: the request is counted against its user once authenticated
      const outcome = await byIp(req, { increment: anonymous });
      if (outcome.isAllowed) return;
      if (anonymous ? outcome.isExceeded : outcome.remaining === 0) refuse(reply, outcome, 'ip');
    });
  }
  registerAuth();
  if (byUser) {
    app.addHook('onRequest', async (req, reply) => {
      if (!isApi(req) || !req.ctx || counted.has(req)) return;
      counted.add(req);
      const outcome = await byUser(req);
      if (!outcome.isAllowed) {
        reply.header('x-ratelimit-limit', outcome.max);
        reply.header('x-ratelimit-remaining', outcome.remaining);
        if (outcome.isExceeded) refuse(reply, outcome, 'user');
      }
    });
  }
  // Requests the auth hook turned away still count against their user, or else their IP.
  app.addHook('onResponse', async (req) => {
    if (!isApi(req) || counted.has(req)) return;
    if (req.ctx && byUser) await byUser(req);
    else if (!req.ctx && byIp) await byIp(req);
  });
}
