import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, call, login, type Session, type TestApp } from '../setup/db.js';

/**
 * 等保 2.0 controls proved across the whole route table rather than route by
 * route: no response ever carries a password hash or session secret, and a
 * client-chosen file name never reaches the file system.
 */
const SECRET = /\$argon2|passwordHash|password_hash|tokenHash|token_hash|csrf_token/;

describe('security controls across the route table', () => {
  let t: TestApp;
  const s: Record<string, Session> = {};

  beforeAll(async () => {
    t = await buildTestApp();
    for (const u of ['admin', 'office', 'auditor', 'security', 'leader']) s[u] = await login(t.app, u);
    // Give the audit log some user changes to show (their before/after must not carry hashes either).
    const created = await call(t.app, s.admin, 'POST', '/api/v1/users', { username: 'sec-check', displayName: '安全检查', roles: ['member'], password: 'Check#2026pw' });
    expect(created.statusCode, created.body).toBe(201);
    await call(t.app, s.admin, 'POST', `/api/v1/users/${created.json().id}/reset-password`, { password: 'Reset#2026pw' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('no GET route returns a password hash, a session token hash or a CSRF secret, for any role', async () => {
    const gets = t.routes.filter((r) => r.method === 'GET' && !r.url.includes(':') && !r.public);
    expect(gets.length).toBeGreaterThan(20);
    let checked = 0;
    for (const [name, session] of Object.entries(s)) {
      for (const r of gets) {
        const res = await call(t.app, session, 'GET', r.url);
        if (res.statusCode !== 200 || !String(res.headers['content-type'] ?? '').includes('json')) continue;
        expect(res.body, `${name} GET ${r.url}`).not.toMatch(SECRET);
        checked++;
      }
    }
    // The user list and the audit log (with the user changes above) are among them.
    const users = await call(t.app, s.admin, 'GET', '/api/v1/users?pageSize=500');
    expect(users.json().items.some((u: { username: string }) => u.username === 'sec-check')).toBe(true);
    const audit = await call(t.app, s.auditor, 'GET', '/api/v1/audit-log?entity=user&pageSize=100');
    expect(audit.json().total).toBeGreaterThan(0);
    expect(audit.body).not.toMatch(SECRET);
    expect(checked).toBeGreaterThan(40);
  });

  it('the production serializer (no zod validation) strips unknown keys too: no secret in any GET', async () => {
    // validateResponses: false is what NODE_ENV=production runs (platform/serializer.ts)
    const prod = await buildTestApp({ database: t.database, config: { validateResponses: false } });
    try {
      const admin = await login(prod.app, 'admin');
      let checked = 0;
      for (const r of prod.routes.filter((x) => x.method === 'GET' && !x.url.includes(':') && !x.public)) {
        const res = await call(prod.app, admin, 'GET', r.url);
        if (res.statusCode !== 200 || !String(res.headers['content-type'] ?? '').includes('json')) continue;
        expect(res.body, `GET ${r.url}`).not.toMatch(SECRET);
        checked++;
      }
      expect(checked).toBeGreaterThan(20);
    } finally {
      await prod.close();
    }
  });

  it('an uploaded file name cannot steer where the file is stored or how it is served', async () => {
    const doc = await call(t.app, s.office, 'POST', '/api/v1/documents', { kind: 'notice', title: '路径穿越测试' });
    expect(doc.statusCode, doc.body).toBe(201);
    const boundary = 'secBoundary';
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="entity"\r\n\r\ndocument\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="entityId"\r\n\r\n${doc.json().id}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="../../../../tmp/evil.txt"\r\nContent-Type: text/plain\r\n\r\n通知正文\r\n--${boundary}--\r\n`,
    );
    const up = await call(t.app, s.office, 'POST', '/api/v1/attachments', body, { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(up.statusCode, up.body).toBe(201);
    const name: string = up.json().name;
    expect(name).toBe('evil.txt');
    // Stored under its digest inside the file store, nowhere else.
    const sha: string = up.json().sha256;
    expect(fs.existsSync(path.join(t.cfg.dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha))).toBe(true);
    const down = await call(t.app, s.office, 'GET', up.json().url);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-disposition']).not.toMatch(/[\r\n]|\.\.\//);
    expect(down.headers['x-content-type-options']).toBe('nosniff');
  });

  it('behind TLS and a proxy: COOKIE_SECURE marks the cookie Secure, TRUST_PROXY records the client address', async () => {
    const before = process.env.TRUST_PROXY;
    process.env.TRUST_PROXY = '1';
    const tls = await buildTestApp({ database: t.database, config: { cookieSecure: true } });
    try {
      const res = await tls.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'office', password: 'Santong@2026' }, headers: { 'x-forwarded-for': '203.0.113.7' } });
      expect(res.statusCode).toBe(200);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/Secure/);
      expect(cookie).toMatch(/SameSite=Lax/i);
      const [row] = await t.sql<{ ip: string }>("select ip from audit_log where action = 'login' order by id desc limit 1");
      expect(row.ip).toBe('203.0.113.7');
    } finally {
      await tls.app.close();
      if (before === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = before;
    }
    // Without the settings: no Secure flag (plain HTTP in development), the proxy header is ignored.
    const plain = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'office', password: 'Santong@2026' }, headers: { 'x-forwarded-for': '203.0.113.8' } });
    expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/);
    const [row] = await t.sql<{ ip: string }>("select ip from audit_log where action = 'login' order by id desc limit 1");
    expect(row.ip).not.toBe('203.0.113.8');
  });

  it('user names are unique within a tenant', async () => {
    const dup = await call(t.app, s.admin, 'POST', '/api/v1/users', { username: 'office', displayName: '冒名', roles: ['member'], password: 'Dup#2026pw!' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('DUPLICATE');
  });
});
