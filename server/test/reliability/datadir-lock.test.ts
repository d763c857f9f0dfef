import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteDataDir } from './support/engines.js';
import { killAllServers, spawnServer, startServer, type ServerProcess } from './support/server.js';
import { ApiClient, DEMO_PASSWORD } from './support/http.js';

/** A pid that is certainly not running: a child that has already exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '0']);
  return r.pid!;
}

describe('embedded server process: data directory lock, logs', () => {
  let first: ServerProcess | null = null;
  let dataDir = '';

  afterAll(async () => {
    await first?.kill('SIGTERM');
    await killAllServers();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes over a stale lock left by a dead process', async () => {
    dataDir = await pgliteDataDir('demo');
    const lock = path.join(dataDir, 'santong.lock');
    fs.writeFileSync(lock, String(deadPid()));
    // Logging at its most verbose: the test below checks that no secret reaches the log.
    first = await startServer({ dataDir, env: { LOG_LEVEL: 'trace' } });
    expect(fs.readFileSync(lock, 'utf8')).toBe(String(first.child.pid));
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
  });

  it('refuses a second server on the same data directory with a clear message', async () => {
    const second = await spawnServer({ dataDir });
    const code = await second.exited;
    expect(code).not.toBe(0);
    expect(typeof code === 'number' ? code : 1).toBeGreaterThan(0);
    expect(second.output()).toMatch(/in use/);
    expect(second.output()).toContain(String(first!.child.pid));
    // The first server is unharmed and still owns the lock.
    expect((await fetch(`${first!.url}/healthz`)).status).toBe(200);
    expect(fs.readFileSync(path.join(dataDir, 'santong.lock'), 'utf8')).toBe(String(first!.child.pid));
  });

  it('never writes passwords, session tokens or CSRF tokens to its log, even at trace level', async () => {
    const api = new ApiClient(first!.url);
    await api.login('office');
    await api.req('GET', '/api/v1/units');
    await api.req('POST', '/api/v1/units', { kind: 'department', name: '日志检查', code: 'LOG-CHECK' });
    const wrong = await new ApiClient(first!.url).req('POST', '/api/v1/auth/login', { username: 'office', password: 'Wrong#Secret99' });
    expect(wrong.status).toBe(401);
    const log = first!.output();
    expect(log).toMatch(/incoming request/); // the requests were logged …
    const token = api.cookie.split('=')[1];
    for (const secret of [DEMO_PASSWORD, 'Wrong#Secret99', token, api.csrf, '$argon2']) expect(log).not.toContain(secret); // … their secrets not
  });

  it('releases the lock at a clean shutdown', async () => {
    const code = await first!.kill('SIGTERM');
    first = null;
    expect(code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'santong.lock'))).toBe(false);
  });
});
