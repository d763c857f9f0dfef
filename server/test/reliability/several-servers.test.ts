import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, pgDatabase, tmpDir, type PgDatabase } from './support/engines.js';
import { ApiClient } from './support/http.js';
import { killAllServers, startServer, type ServerProcess } from './support/server.js';

/**
 * Two server processes on one PostgreSQL database and one shared file store
 * (SANTONG_DATA_DIR), requests alternating between them: nothing a user does
 * may depend on which process answers.
 */
describe.skipIf(!hasPostgres())('several servers on one PostgreSQL', () => {
  let db: PgDatabase;
  let dataDir: string;
  let servers: ServerProcess[] = [];
  let a: ApiClient;
  let b: ApiClient;

  beforeAll(async () => {
    db = await pgDatabase('demo');
    dataDir = tmpDir('shared');
    // Started together: migrations and the first-run seed serialise on advisory locks.
    servers = await Promise.all([startServer({ dataDir, databaseUrl: db.url }), startServer({ dataDir, databaseUrl: db.url })]);
    a = new ApiClient(servers[0].url);
    await a.login('office');
    b = a.at(servers[1].url);
  });

  afterAll(async () => {
    for (const s of servers) await s.kill('SIGTERM');
    await killAllServers();
    await db?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a session opened on A is valid on B', async () => {
    const me = await b.req('GET', '/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('office');
    // The CSRF token is part of the shared session too: a write on B with A's token works.
    const created = await b.req('POST', '/api/v1/units', { kind: 'general_branch', name: '多实例测试总支', code: 'MULTI-HOME' });
    expect(created.status, created.text).toBe(201);
  });

  it('writes alternate between the servers and each is read on the other', async () => {
    const apis = [a, b];
    for (let i = 0; i < 10; i++) {
      const [writer, reader] = [apis[i % 2], apis[(i + 1) % 2]];
      const created = await writer.req('POST', '/api/v1/units', { kind: 'branch', name: `多实例支部${i}`, code: `MULTI-${i}` });
      expect(created.status, created.text).toBe(201);
      const read = await reader.req('GET', `/api/v1/units/${created.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body.unit.name).toBe(`多实例支部${i}`);
      // An edit on the reader with the version it saw; the writer sees it at once.
      const edited = await reader.req('PATCH', `/api/v1/units/${created.body.id}`, { name: `多实例支部${i}（改）`, version: read.body.unit.version });
      expect(edited.status, edited.text).toBe(200);
      const again = await writer.req('GET', `/api/v1/units/${created.body.id}`);
      expect(again.body.unit.name).toBe(`多实例支部${i}（改）`);
      // A stale edit on the writer is refused whichever server holds the newer version.
      const stale = await writer.req('PATCH', `/api/v1/units/${created.body.id}`, { name: 'stale', version: read.body.unit.version });
      expect(stale.status).toBe(409);
    }
  });

  it('an upload on A downloads byte for byte on B (shared file store)', async (ctx) => {
    const doc = await a.req('POST', '/api/v1/documents', { kind: 'notice', title: '多实例附件测试通知' });
    if (doc.status === 404) {
      console.log('[several-servers] no documents API yet: upload/download across servers not tested');
      return ctx.skip();
    }
    expect(doc.status, doc.text).toBe(201);
    const content = Buffer.from(`三同 several servers ${Date.now()}\n`.repeat(50));
    const form = new FormData();
    form.set('entity', 'document');
    form.set('entityId', doc.body.id);
    form.set('file', new Blob([content]), '多实例.txt');
    const up = await a.req('POST', '/api/v1/attachments', undefined, { raw: form });
    expect(up.status, up.text).toBe(201);
    const res = await fetch(`${servers[1].url}${up.body.url}`, { headers: { cookie: a.cookie } });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(content)).toBe(true);
    const list = await b.req('GET', `/api/v1/attachments?entity=document&entityId=${doc.body.id}`);
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([up.body.id]);
  });

  it('a logout on B ends the session on A', async () => {
    const out = await b.req('POST', '/api/v1/auth/logout');
    expect(out.status).toBe(200);
    const me = await a.req('GET', '/api/v1/auth/me');
    expect(me.status).toBe(401);
  });
});
