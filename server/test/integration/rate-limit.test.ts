import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, call, describeDb, expectError, login, type Session, type TestApp } from '../setup/db.js';

/**
 * API-wide rate limits (等保 intrusion prevention): per signed-in user (tenant + user id) and per
 * client IP without a session. Sessions come from an app with the limits off; the limited app
 * runs on the same database, so its counters start clean in every test.
 */
const PER_USER = 5;
const PER_IP = 3;

function expectLimited(res: LightMyRequestResponse, per: 'user' | 'ip') {
  const error = expectError(res, 429, 'RATE_LIMITED');
  expect(error.details).toMatchObject({ per });
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(error.details?.retryAfterSeconds).toBe(retryAfter);
}

describeDb('API-wide rate limits', () => {
  let t: TestApp;
  let limited: TestApp;
  const sessions: Record<string, Session> = {};

  beforeAll(async () => {
    t = await buildTestApp();
    for (const u of ['office', 'leader', 'member', 'inspector']) sessions[u] = await login(t.app, u);
  });
  afterAll(async () => {
    await limited?.close();
    await t?.close();
  });
  // a fresh limited app per test: counters live in the process (per app), not in the database
  const freshLimited = async () => {
    await limited?.close();
    limited = await buildTestApp({ database: t.database, config: { rateLimit: { perUserPerMinute: PER_USER, perIpPerMinute: PER_IP } } });
    return limited.app;
  };
  afterEach(() => {
    vi.useRealTimers();
  });

  it('the 6th request of a user within a minute → 429 with the error shape and Retry-After; another user is unaffected', async () => {
    const app = await freshLimited();
    for (let i = 1; i <= PER_USER; i++) {
      const res = await call(app, sessions.office!, 'GET', '/api/v1/auth/me');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['x-ratelimit-limit']).toBe(String(PER_USER));
      expect(res.headers['x-ratelimit-remaining']).toBe(String(PER_USER - i));
    }
    expectLimited(await call(app, sessions.office!, 'GET', '/api/v1/auth/me'), 'user');
    // keyed by the user, not the address: another client address does not help
    expectLimited(await call(app, sessions.office!, 'GET', '/api/v1/units', undefined, { remoteAddress: '10.7.0.9' }), 'user');
    // a colleague at the same address still has the whole budget
    for (let i = 0; i < PER_USER; i++) expect((await call(app, sessions.leader!, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expectLimited(await call(app, sessions.leader!, 'GET', '/api/v1/auth/me'), 'user');
    expect((await call(app, sessions.member!, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('a refused request never reaches its handler: a limited logout leaves the session alive', async () => {
    const app = await freshLimited();
    for (let i = 0; i < PER_USER; i++) expect((await call(app, sessions.inspector!, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expectLimited(await call(app, sessions.inspector!, 'POST', '/api/v1/auth/logout'), 'user');
    expect((await call(t.app, sessions.inspector!, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('requests the auth hook refuses (403 CSRF) still count against the user', async () => {
    const app = await freshLimited();
    const noCsrf = { cookie: sessions.member!.cookie };
    for (let i = 0; i < PER_USER; i++) {
      expectError(await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: noCsrf }), 403, 'CSRF_INVALID');
    }
    expectLimited(await call(app, sessions.member!, 'GET', '/api/v1/auth/me'), 'user');
  });

  it('without a session: limited per client IP, public routes included; another IP is unaffected', async () => {
    const app = await freshLimited();
    const anon = (ip: string, url = '/api/v1/units') => app.inject({ method: 'GET', url, remoteAddress: ip });
    for (let i = 0; i < PER_IP; i++) expectError(await anon('10.9.0.1'), 401, 'UNAUTHENTICATED');
    expectLimited(await anon('10.9.0.1'), 'ip');
    // sign-in is public and counted by IP too (unknown URLs under /api/v1 as well)
    expectLimited(await app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.9.0.1', payload: { username: 'office', password: 'x' } }), 'ip');
    expectLimited(await anon('10.9.0.1', '/api/v1/no-such-route'), 'ip');
    expectError(await anon('10.9.0.2'), 401, 'UNAUTHENTICATED');
    // outside the API nothing is limited
    expect((await app.inject({ method: 'GET', url: '/healthz', remoteAddress: '10.9.0.1' })).statusCode).toBe(200);
  });

  it('a forged session cookie does not escape the IP limit', async () => {
    const app = await freshLimited();
    const forged = (n: number) => app.inject({ method: 'GET', url: '/api/v1/units', remoteAddress: '10.9.1.1', headers: { cookie: `st_session=forged-${n}` } });
    for (let i = 0; i < PER_IP; i++) expectError(await forged(i), 401, 'UNAUTHENTICATED');
    expectLimited(await forged(99), 'ip');
  });

  it('the window ends after a minute', async () => {
    const app = await freshLimited();
    vi.useFakeTimers({ toFake: ['Date'] });
    for (let i = 0; i < PER_USER; i++) await call(app, sessions.office!, 'GET', '/api/v1/auth/me');
    expectLimited(await call(app, sessions.office!, 'GET', '/api/v1/auth/me'), 'user');
    vi.setSystemTime(Date.now() + 61_000);
    // the session's idle clock moves too; 61 s is far inside SESSION_IDLE_MINUTES
    expect((await call(app, sessions.office!, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('0 turns the limits off (the default test settings)', async () => {
    for (let i = 0; i < 40; i++) {
      const res = await call(t.app, sessions.office!, 'GET', '/api/v1/auth/me');
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-ratelimit-limit']).toBeUndefined();
    }
    for (let i = 0; i < 40; i++) expect((await t.app.inject({ method: 'GET', url: '/api/v1/units', remoteAddress: '10.9.2.1' })).statusCode).toBe(401);
  });
});
