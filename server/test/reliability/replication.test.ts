import fs from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPgBin, pgCtl, startCluster, startStandby, stopCluster, type Cluster } from '../../../scripts/pg-cluster.mjs';
import { tmpDir } from './support/engines.js';
import { ApiClient } from './support/http.js';
import { killAllServers, startServer, type ServerProcess } from './support/server.js';


async function sqlOn(url: string, text: string): Promise<Record<string, unknown>[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

async function until(what: string, check: () => Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * A PostgreSQL primary with a synchronous streaming-replication standby on
 * loopback. Reads of read-heavy endpoints go to the standby, except a user's
 * own just-written data; after the primary is lost and the standby promoted,
 * every acknowledged write is there.
 */
describe.skipIf(!findPgBin())('replication and failover', () => {
  let primary: Cluster;
  let standby: Cluster;
  let dataDir: string;
  let server: ServerProcess;
  let office: ApiClient;
  let unitId: string;

  beforeAll(async () => {
    primary = await startCluster();
    standby = await startStandby(primary, { synchronous: true });
    dataDir = tmpDir('replica');
    server = await startServer({ dataDir, databaseUrl: primary.url, env: { DATABASE_REPLICA_URL: standby.url, SANTONG_JOBS: '0' } });
    office = new ApiClient(server.url);
    await office.login('office');
    const units = await office.req<{ items: { id: string; code: string }[] }>('GET', '/api/v1/units');
    unitId = units.body.items.find((u) => u.code === 'JD-XY')!.id;
    // the seed has reached the standby
    await until('standby replay', async () => (await sqlOn(standby.url, 'select count(*)::int as n from outcomes'))[0].n === (await sqlOn(primary.url, 'select count(*)::int as n from outcomes'))[0].n);
  });

  afterAll(async () => {
    await server?.kill('SIGTERM');
    await killAllServers();
    if (standby) stopCluster(standby.dir);
    if (primary) stopCluster(primary.dir);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const createOutcome = (api: ApiClient, title: string) =>
    api.req<{ id: string }>('POST', '/api/v1/outcomes', { kind: 'media_report', title, unitId, level: 'provincial', medium: '省宣传简报', publishedOn: '2026-11-20' });
  const total = async (api: ApiClient) => (await api.req<{ total: number }>('GET', '/api/v1/outcomes/stats')).body.total;

  it('reads come from the standby, and a writer reads its own write from the primary while the standby lags', async () => {
    const inspector = new ApiClient(server.url);
    await inspector.login('inspector');
    const before = await total(inspector);

    await sqlOn(standby.url, 'select pg_wal_replay_pause()');
    try {
      const created = await createOutcome(office, '复制测试：写后即读');
      expect(created.status, created.text).toBe(201);
      expect(office.cookie).toMatch(/st_lsn=[0-9A-F]+\/[0-9A-F]+/);
      // the writer: the standby is behind its write, so the primary answers
      expect(await total(office)).toBe(before + 1);
      // another user with no recent write is served by the (paused) standby
      expect(await total(inspector)).toBe(before);
    } finally {
      await sqlOn(standby.url, 'select pg_wal_replay_resume()');
    }
    await until('replay resumed', async () => (await total(inspector)) === before + 1);
  });

  it('after the primary is lost and the standby promoted, every acknowledged write is there', async () => {
    const acknowledged: string[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await createOutcome(office, `故障切换测试成果${i}`);
      expect(res.status, res.text).toBe(201);
      acknowledged.push(res.body.id);
    }
    pgCtl(primary.dir, ['-m', 'immediate', 'stop'], primary.bin);
    pgCtl(standby.dir, ['promote'], standby.bin);
    await until('promotion', async () => (await sqlOn(standby.url, 'select pg_is_in_recovery() as r'))[0].r === false);
    await server.kill('SIGTERM');

    server = await startServer({ dataDir, databaseUrl: standby.url, env: { SANTONG_JOBS: '0' } });
    const api = new ApiClient(server.url);
    await api.login('office');
    for (const id of acknowledged) {
      const res = await api.req('GET', `/api/v1/outcomes/${id}`);
      expect(res.status, `acknowledged outcome ${id}`).toBe(200);
    }
    // and the new primary takes writes
    expect((await createOutcome(api, '切换后的新成果')).status).toBe(201);
  });
});
