import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedIfEmpty } from '../../src/db/bootstrap.js';
import { buildTestApp, call, DEMO_PASSWORD, describeDb, expectError, login, testConfig, type TestApp } from '../setup/db.js';
import { makeUser } from '../setup/factories.js';

const loginReq = (t: TestApp, username: string, password: string, extra: Record<string, unknown> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...extra } });

describeDb('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs in: HttpOnly SameSite=Lax session cookie and a CSRF token', async () => {
    const res = await loginReq(t, 'office', DEMO_PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'st_session');
    expect(cookie).toBeTruthy();
    expect(cookie!.httpOnly).toBe(true);
    expect(String(cookie!.sameSite).toLowerCase()).toBe('lax');
    expect(cookie!.path).toBe('/');
    expect(cookie!.value.length).toBeGreaterThanOrEqual(32);
    const raw = String(res.headers['set-cookie']);
    expect(raw).toMatch(/HttpOnly/i);
    expect(raw).toMatch(/SameSite=Lax/i);
    const body = res.json();
    expect(typeof body.csrfToken).toBe('string');
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(16);
    expect(body.user).toMatchObject({ username: 'office', roles: ['office'], mustChangePassword: false });
    expect(body.user.permissions).toContain('org.unit.write');
    expect(body.user).not.toHaveProperty('passwordHash');

    // The session works, and the token is not the stored value.
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `st_session=${cookie!.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(body.csrfToken);
    const stored = await t.sql<{ n: number }>('select count(*)::int as n from sessions where token_hash = $1', [cookie!.value]);
    expect(stored[0].n).toBe(0);
  });

  it('answers 401 without a session, with the error shape', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/units' }), 401, 'UNAUTHENTICATED');
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: { cookie: 'st_session=forged' } }), 401, 'UNAUTHENTICATED');
  });

  it('wrong password → 401 with remaining attempts; unknown user → same 401', async () => {
    const u = await makeUser(t, { roles: ['member'] });
    const err = expectError(await loginReq(t, u.username, 'Wrong@2026x'), 401, 'INVALID_CREDENTIALS');
    expect(err.details?.remainingAttempts).toBe(t.cfg.lockoutThreshold - 1);
    const err2 = expectError(await loginReq(t, u.username, 'Wrong@2026x'), 401, 'INVALID_CREDENTIALS');
    expect(err2.details?.remainingAttempts).toBe(t.cfg.lockoutThreshold - 2);
    const unknown = expectError(await loginReq(t, 'no-such-user', 'Wrong@2026x'), 401, 'INVALID_CREDENTIALS');
    expect(unknown.message).toBe(err.message);
    // A success resets the counter.
    expect((await loginReq(t, u.username, DEMO_PASSWORD)).statusCode).toBe(200);
    const err3 = expectError(await loginReq(t, u.username, 'Wrong@2026x'), 401, 'INVALID_CREDENTIALS');
    expect(err3.details?.remainingAttempts).toBe(t.cfg.lockoutThreshold - 1);
  });

  it(`locks the account after ${5} failures, even for the right password; admin can unlock`, async () => {
    expect(t.cfg.lockoutThreshold).toBe(5);
    const u = await makeUser(t, { roles: ['member'] });
    for (let i = 1; i < 5; i++) expectError(await loginReq(t, u.username, `Wrong@${i}xyz`), 401, 'INVALID_CREDENTIALS');
    expectError(await loginReq(t, u.username, 'Wrong@5xyz'), 423, 'ACCOUNT_LOCKED');
    expectError(await loginReq(t, u.username, DEMO_PASSWORD), 423, 'ACCOUNT_LOCKED');
    const [row] = await t.sql<{ locked: boolean }>('select locked_until > now() as locked from users where id = $1', [u.id]);
    expect(row.locked).toBe(true);
    const audit = await t.sql<{ action: string }>("select action from audit_log where entity = 'auth' and entity_id = $1 order by seq", [u.id]);
    expect(audit.map((a) => a.action)).toEqual([...Array(5).fill('login_failed'), 'login_refused_locked']);

    const security = await login(t.app, 'security');
    const res = await call(t.app, security, 'POST', `/api/v1/users/${u.id}/unlock`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await loginReq(t, u.username, DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('expires an idle session → 401 SESSION_EXPIRED, then the session is gone', async () => {
    const s = await login(t.app, 'member');
    expect((await call(t.app, s, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    await t.sql(`update sessions set last_seen_at = now() - make_interval(mins => $1) where token_hash in (select token_hash from sessions s join users u on u.id = s.user_id where u.username = 'member')`, [t.cfg.sessionIdleMinutes + 1]);
    expectError(await call(t.app, s, 'GET', '/api/v1/auth/me'), 401, 'SESSION_EXPIRED');
    expectError(await call(t.app, s, 'GET', '/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
  });

  it('keeps a session that is used within the idle window', async () => {
    const s = await login(t.app, 'member');
    await t.sql(`update sessions set last_seen_at = now() - make_interval(mins => $1) where csrf_token = $2`, [t.cfg.sessionIdleMinutes - 2, s.csrf]);
    expect((await call(t.app, s, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    const [row] = await t.sql<{ fresh: boolean }>(`select last_seen_at > now() - interval '1 minute' as fresh from sessions where csrf_token = $1`, [s.csrf]);
    expect(row.fresh).toBe(true);
  });

  it('refuses unsafe methods without the right CSRF token → 403 CSRF_INVALID', async () => {
    const s = await login(t.app, 'office');
    const body = { kind: 'department', name: 'CSRF 测试', code: 'CSRF-1' };
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: s.cookie }, payload: body }), 403, 'CSRF_INVALID');
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: s.cookie, 'x-csrf-token': 'nope' }, payload: body }), 403, 'CSRF_INVALID');
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie } }), 403, 'CSRF_INVALID');
    // Another session's token does not work either.
    const other = await login(t.app, 'admin');
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: s.cookie, 'x-csrf-token': other.csrf }, payload: body }), 403, 'CSRF_INVALID');
    const [{ n }] = await t.sql<{ n: number }>("select count(*)::int as n from units where code = 'CSRF-1'");
    expect(n).toBe(0);
    // GET needs none; the right token passes.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: { cookie: s.cookie } })).statusCode).toBe(200);
    expect((await call(t.app, s, 'POST', '/api/v1/units', body)).statusCode).toBe(201);
  });

  it('logs out: the cookie is cleared and the session is gone', async () => {
    const s = await login(t.app, 'inspector');
    const res = await call(t.app, s, 'POST', '/api/v1/auth/logout');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    const cleared = res.cookies.find((c) => c.name === 'st_session');
    expect(cleared?.value ?? '').toBe('');
    expectError(await call(t.app, s, 'GET', '/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    const [{ n }] = await t.sql<{ n: number }>("select count(*)::int as n from audit_log where action = 'logout'");
    expect(n).toBeGreaterThanOrEqual(1);
  });

  it('enforces the password policy on change and on user creation → 400', async () => {
    const u = await makeUser(t, { roles: ['member'] });
    const s = await login(t.app, u.username);
    for (const newPassword of ['Ab1!', 'abcdefgh', 'abcd1234', '12345678']) {
      const err = expectError(await call(t.app, s, 'POST', '/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword }), 400);
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(err.details)).toContain('newPassword');
    }
    expectError(await call(t.app, s, 'POST', '/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }), 400, 'PASSWORD_POLICY');
    expectError(await call(t.app, s, 'POST', '/api/v1/auth/password', { currentPassword: 'Wrong@2026', newPassword: 'Better#2027' }), 401, 'INVALID_CREDENTIALS');
    // Still the old password.
    await login(t.app, u.username);
    const admin = await login(t.app, 'admin');
    expectError(await call(t.app, admin, 'POST', '/api/v1/users', { username: 'weakling', displayName: '弱密码', roles: ['member'], password: 'password' }), 400, 'VALIDATION_FAILED');
    expectError(await call(t.app, admin, 'POST', `/api/v1/users/${u.id}/reset-password`, { password: 'short1A' }), 400, 'VALIDATION_FAILED');

    // A good change signs out every session of the user.
    const ok = await call(t.app, s, 'POST', '/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Better#2027' });
    expect(ok.statusCode, ok.body).toBe(200);
    expectError(await call(t.app, s, 'GET', '/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    expectError(await loginReq(t, u.username, DEMO_PASSWORD), 401, 'INVALID_CREDENTIALS');
    await login(t.app, u.username, 'Better#2027');
  });

  it('sends security headers', async () => {
    for (const url of ['/healthz', '/api/v1/auth/me', '/api/v1/units']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy'], url).toMatch(/default-src 'self'/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeTruthy();
    }
  });

  it('rate-limits sign-in attempts per client → 429 with the error shape', async () => {
    const limited = await buildTestApp({ database: t.database, config: { loginRateLimit: 3 } });
    try {
      const attempt = (ip: string) =>
        limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { username: 'no-such-user', password: 'x' } });
      for (let i = 0; i < 3; i++) expect((await attempt('10.0.0.1')).statusCode).toBe(401);
      const res = await attempt('10.0.0.1');
      expectError(res, 429, 'RATE_LIMITED');
      expect(res.headers['retry-after']).toBeTruthy();
      // Another client is not affected.
      expect((await attempt('10.0.0.2')).statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });
});

describeDb('auth: first run without demo data (SANTONG_DEMO=0)', () => {
  let t: TestApp;
  let adminPassword = '';
  beforeAll(async () => {
    t = await buildTestApp({ template: 'empty', config: { demo: false } });
    const outcome = await seedIfEmpty(t.database, testConfig({ demo: false }));
    if (!outcome.seeded || outcome.demo) throw new Error('expected an empty seed');
    adminPassword = outcome.adminPassword;
    // Seeding again does nothing.
    expect(await seedIfEmpty(t.database, testConfig({ demo: false }))).toEqual({ seeded: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('makes the one-time admin change the password before anything else', async () => {
    const [{ n }] = await t.sql<{ n: number }>('select count(*)::int as n from units');
    expect(n).toBe(0);
    const s = await login(t.app, 'admin', adminPassword);
    expect(s.user.mustChangePassword).toBe(true);
    expect(s.user.roles).toEqual(['admin']);
    for (const url of ['/api/v1/units', '/api/v1/people', '/api/v1/users']) expectError(await call(t.app, s, 'GET', url), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectError(await call(t.app, s, 'POST', '/api/v1/units', { kind: 'committee', name: '党委', code: 'DW' }), 403, 'PASSWORD_CHANGE_REQUIRED');
    expect((await call(t.app, s, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);

    const weak = await call(t.app, s, 'POST', '/api/v1/auth/password', { currentPassword: adminPassword, newPassword: 'simple' });
    expectError(weak, 400, 'VALIDATION_FAILED');
    const ok = await call(t.app, s, 'POST', '/api/v1/auth/password', { currentPassword: adminPassword, newPassword: 'Fresh#Start2026' });
    expect(ok.statusCode, ok.body).toBe(200);

    const again = await login(t.app, 'admin', 'Fresh#Start2026');
    expect(again.user.mustChangePassword).toBe(false);
    const units = await call(t.app, again, 'GET', '/api/v1/units');
    expect(units.statusCode).toBe(200);
    expect(units.json()).toEqual({ items: [], total: 0 });
    expect((await call(t.app, again, 'POST', '/api/v1/units', { kind: 'committee', name: '党委', code: 'DW' })).statusCode).toBe(201);
  });
});
