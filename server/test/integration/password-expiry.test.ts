import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, type TestApp } from '../setup/db.js';
import { makeUser } from '../setup/factories.js';

/** 等保 2.0 identity control: passwords expire after the tenant's maximum age (default 180 days). */
describeDb('password expiry', () => {
  let t: TestApp;
  let tenantId: string;
  const NEW_PASSWORD = 'Renewed#2026x';

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const age = (userId: string, days: number) => t.sql(`update users set password_changed_at = now() - make_interval(days => $2) where id = $1`, [userId, days]);

  it('a password older than 180 days signs in only to be changed, and the event is audited', async () => {
    const u = await makeUser(t, { roles: ['office'] });
    await age(u.id, 181);
    const s = await login(t.app, u.username);
    expect(s.user).toMatchObject({ mustChangePassword: true, passwordExpired: true });

    const blocked = expectError(await call(t.app, s, 'GET', '/api/v1/units'), 403, 'PASSWORD_CHANGE_REQUIRED');
    expect(blocked.details).toEqual({ reason: 'password_expired' });
    expect((await call(t.app, s, 'GET', '/api/v1/auth/me')).json().user.passwordExpired).toBe(true);
    const audits = await t.sql<{ action: string }>("select action from audit_log where tenant_id = $1 and entity = 'auth' and entity_id = $2 order by seq", [tenantId, u.id]);
    expect(audits.map((a) => a.action)).toEqual(['login', 'password_expired']);

    const changed = await call(t.app, s, 'POST', '/api/v1/auth/password', { currentPassword: 'Santong@2026', newPassword: NEW_PASSWORD });
    expect(changed.statusCode, changed.body).toBe(200);
    const again = await login(t.app, u.username, NEW_PASSWORD);
    expect(again.user).toMatchObject({ mustChangePassword: false, passwordExpired: false });
    expect((await call(t.app, again, 'GET', '/api/v1/units')).statusCode).toBe(200);
  });

  it('a session open when the password expires is held to the change too', async () => {
    const u = await makeUser(t, { roles: ['office'] });
    const s = await login(t.app, u.username);
    expect((await call(t.app, s, 'GET', '/api/v1/units')).statusCode).toBe(200);
    await age(u.id, 200);
    expectError(await call(t.app, s, 'GET', '/api/v1/units'), 403, 'PASSWORD_CHANGE_REQUIRED');
  });

  it('follows the tenant setting passwordMaxAgeDays (0 = never)', async () => {
    const u = await makeUser(t, { roles: ['office'] });
    await age(u.id, 100);
    expect((await login(t.app, u.username)).user.passwordExpired).toBe(false);
    await t.sql(`update tenants set settings = settings || '{"passwordMaxAgeDays": 90}'::jsonb where id = $1`, [tenantId]);
    try {
      expect((await login(t.app, u.username)).user.passwordExpired).toBe(true);
      await t.sql(`update tenants set settings = settings || '{"passwordMaxAgeDays": 0}'::jsonb where id = $1`, [tenantId]);
      await age(u.id, 5000);
      expect((await login(t.app, u.username)).user.passwordExpired).toBe(false);
    } finally {
      await t.sql(`update tenants set settings = settings - 'passwordMaxAgeDays' where id = $1`, [tenantId]);
    }
  });
});
