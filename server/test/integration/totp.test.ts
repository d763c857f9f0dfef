import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, call, describeDb, expectError, login, type TestApp } from '../setup/db.js';
import { makeUser } from '../setup/factories.js';
import { currentTotp } from '../../src/platform/auth/totp.js';

const PASSWORD = 'Totp#Pass2026';

describeDb('second factor (TOTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const loginWith = (username: string, otp?: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD, ...(otp ? { otp } : {}) } });
  const audit = async (userId: string) =>
    (await t.sql<{ action: string }>("select action from audit_log where entity_id = $1 and action like '%totp%' order by seq", [userId])).map((r) => r.action);

  it('is set up with a code, then required at every login; a wrong code counts towards the lockout', async () => {
    const u = await makeUser(t, { username: `totp-${Date.now()}`, password: PASSWORD, roles: ['office'] });
    const s = await login(t.app, u.username, PASSWORD);
    expect((await call(t.app, s, 'GET', '/api/v1/auth/totp')).json()).toEqual({ enabled: false, enabledAt: null });
    expectError(await call(t.app, s, 'POST', '/api/v1/auth/totp/enable', { code: '123456' }), 409, 'TOTP_NOT_SET_UP');

    const setup = (await call(t.app, s, 'POST', '/api/v1/auth/totp/setup')).json() as { secret: string; uri: string };
    expect(setup.uri).toContain(`secret=${setup.secret}`);
    const wrong = currentTotp(setup.secret) === '000000' ? '111111' : '000000';
    expectError(await call(t.app, s, 'POST', '/api/v1/auth/totp/enable', { code: wrong }), 401, 'TOTP_INVALID');
    expectError(await call(t.app, s, 'POST', '/api/v1/auth/totp/enable', { code: 'abc' }), 400, 'VALIDATION_FAILED');
    const on = await call(t.app, s, 'POST', '/api/v1/auth/totp/enable', { code: currentTotp(setup.secret) });
    expect(on.statusCode).toBe(200);
    expect(on.json().enabled).toBe(true);
    expectError(await call(t.app, s, 'POST', '/api/v1/auth/totp/setup'), 409, 'TOTP_ALREADY_ENABLED');

    expectError(await loginWith(u.username), 401, 'TOTP_REQUIRED');
    expectError(await loginWith(u.username, wrong), 401, 'TOTP_INVALID');
    const [row] = await t.sql<{ failed_logins: number }>('select failed_logins from users where id = $1', [u.id]);
    expect(row.failed_logins).toBe(1);
    const ok = await loginWith(u.username, currentTotp(setup.secret));
    expect(ok.statusCode).toBe(200);
    expect(await audit(u.id)).toEqual(['totp_setup', 'totp_enabled', 'login_failed_totp']);
  });

  it('is disabled only with password and code; the security administrator may reset it', async () => {
    const u = await makeUser(t, { username: `totp2-${Date.now()}`, password: PASSWORD, roles: ['liaison'] });
    const s = await login(t.app, u.username, PASSWORD);
    const { secret } = (await call(t.app, s, 'POST', '/api/v1/auth/totp/setup')).json() as { secret: string };
    await call(t.app, s, 'POST', '/api/v1/auth/totp/enable', { code: currentTotp(secret) });
    expectError(await call(t.app, s, 'POST', '/api/v1/auth/totp/disable', { password: 'wrong', code: currentTotp(secret) }), 401, 'INVALID_CREDENTIALS');
    const off = await call(t.app, s, 'POST', '/api/v1/auth/totp/disable', { password: PASSWORD, code: currentTotp(secret) });
    expect(off.json()).toEqual({ enabled: false, enabledAt: null });
    expect((await loginWith(u.username)).statusCode).toBe(200);

    // on again, then lost phone: only user.unlock holders (security, admin) reset it
    const s2 = await login(t.app, u.username, PASSWORD);
    const again = (await call(t.app, s2, 'POST', '/api/v1/auth/totp/setup')).json() as { secret: string };
    await call(t.app, s2, 'POST', '/api/v1/auth/totp/enable', { code: currentTotp(again.secret) });
    expectError(await call(t.app, await login(t.app, 'office'), 'POST', `/api/v1/users/${u.id}/totp/reset`), 403);
    const security = await login(t.app, 'security');
    expect((await call(t.app, security, 'POST', `/api/v1/users/${u.id}/totp/reset`)).statusCode).toBe(200);
    expectError(await call(t.app, security, 'POST', '/api/v1/users/00000000-0000-4000-8000-000000000000/totp/reset'), 404, 'USER_NOT_FOUND');
    expect((await loginWith(u.username)).statusCode).toBe(200);
    const [row] = await t.sql<{ totp_secret: string | null }>('select totp_secret from users where id = $1', [u.id]);
    expect(row.totp_secret).toBeNull();
  });
});
