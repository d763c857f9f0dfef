import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Database } from '../../src/db/client.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.repo.js';
import { REPO_ROOT } from '../setup/constants.js';
import { crashRestartPostgres, hasPostgres, pgAdmin, pgDatabase, pgliteDataDir, tmpDir, type Engine, type PgDatabase } from './support/engines.js';
import { ApiClient } from './support/http.js';
import { killAllServers, spawnServer, startServer, waitReady, type ServerOptions, type ServerProcess } from './support/server.js';

/**
 * SIGKILL the server while a writer hammers it, restart, and check that every
 * write the server acknowledged is there. PGlite writes through to the OS on
 * every commit (no fsync: a power cut is another matter, hence the snapshots
 * and the README's advice), so a killed process must lose nothing it answered.
 */
const KILLS = Number(process.env.CRASH_KILLS || 10);
/** Ten restarts take a few seconds each, far longer on a busy machine. */
const CRASH_TIMEOUT = 600_000;
const WRITER = path.join(import.meta.dirname, 'support', 'writer.mjs');

interface Tally {
  engine: Engine;
  kills: number;
  postgresCrashes: number;
  acked: { unit: Set<string>; person: Set<string> };
  checks: number;
  started: number;
}

const writers = new Set<ReturnType<typeof spawn>>();

function spawnWriter(url: string, homeId: string, tag: string) {
  const writer = spawn(process.execPath, [WRITER, url, homeId, tag], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const w = { out: '', closed: new Promise<void>((resolve) => writer.on('close', () => resolve())), kill: () => writer.kill('SIGKILL'), exited: () => writer.exitCode !== null };
  writers.add(writer);
  writer.on('exit', () => writers.delete(writer));
  writer.stdout.on('data', (d) => (w.out += d));
  writer.stderr.on('data', (d) => (w.out += d));
  return w;
}

/** Lets the writer write until a random moment after its first acknowledged write, then kills server and writer. */
async function killAtRandom(server: ServerProcess, writer: ReturnType<typeof spawnWriter>): Promise<string[]> {
  const deadline = Date.now() + 60_000;
  while (!/^ACK /m.test(writer.out) && Date.now() < deadline && !writer.exited()) await new Promise((r) => setTimeout(r, 20));
  if (!/^ACK /m.test(writer.out)) throw new Error(`writer acknowledged nothing:\n${writer.out}\nserver:\n${server.output()}`);
  await new Promise((r) => setTimeout(r, 100 + Math.random() * 900));
  server.child.kill('SIGKILL');
  writer.kill();
  await Promise.all([server.exited, writer.closed]);
  const errors = writer.out.split('\n').filter((l) => l.startsWith('ERR '));
  expect(errors, 'the writer saw error responses before the kill').toEqual([]);
  return writer.out.split('\n').filter((l) => l.startsWith('ACK '));
}

/** Every acknowledged unit and person is readable through the API after the restart. */
async function checkAcked(api: ApiClient, homeId: string, t: Tally) {
  const units = await api.req<{ items: { id: string }[] }>('GET', '/api/v1/units');
  expect(units.status, `after kill ${t.kills}: ${units.text.slice(0, 300)}`).toBe(200);
  const unitIds = new Set(units.body.items.map((u) => u.id));
  const people = new Set<string>();
  for (let page = 1; ; page++) {
    const res = await api.req<{ items: { id: string }[]; total: number }>('GET', `/api/v1/people?unitId=${homeId}&pageSize=500&page=${page}`);
    expect(res.status).toBe(200);
    res.body.items.forEach((p) => people.add(p.id));
    if (page * 500 >= res.body.total) break;
  }
  const lostUnits = [...t.acked.unit].filter((id) => !unitIds.has(id));
  const lostPeople = [...t.acked.person].filter((id) => !people.has(id));
  expect({ lostUnits, lostPeople }).toEqual({ lostUnits: [], lostPeople: [] });
  t.checks += t.acked.unit.size + t.acked.person.size;
}

async function crashCycles(engine: Engine, opts: ServerOptions): Promise<Tally> {
  const t: Tally = { engine, kills: 0, postgresCrashes: 0, acked: { unit: new Set(), person: new Set() }, checks: 0, started: Date.now() };
  let server = await startServer(opts);
  const api = new ApiClient(server.url);
  await api.login('office');
  const home = await api.req<{ id: string }>('POST', '/api/v1/units', { kind: 'general_branch', name: '崩溃测试总支', code: `CR-HOME-${engine}` });
  expect(home.status, home.text).toBe(201);
  for (let i = 0; i < KILLS; i++) {
    // The writer starts alongside the (re)starting server and signs in as soon as it answers.
    const writer = spawnWriter(server.url, home.body.id, `${engine[0]}${i}`);
    if (i > 0) {
      // The server started cleanly after the last kill, with every write acknowledged before it.
      await waitReady(server);
      await checkAcked(api.at(server.url), home.body.id, t);
    }
    for (const line of await killAtRandom(server, writer)) {
      const [, kind, id] = line.split(' ');
      t.acked[kind as 'unit' | 'person'].add(id);
    }
    t.kills++;
    // Every other round on our own cluster, PostgreSQL itself crashes too (immediate stop, WAL recovery).
    if (engine === 'postgres' && i % 2 === 1 && (await crashRestartPostgres())) t.postgresCrashes++;
    server = await spawnServer(opts);
  }
  await waitReady(server);
  await checkAcked(api.at(server.url), home.body.id, t);
  expect(await server.kill('SIGTERM')).toBe(0);
  return t;
}

/** After all the crashes every tenant's audit chain still verifies. */
async function expectChainsIntact(database: Database) {
  try {
    const tenants = await database.query('select id from tenants');
    for (const { id } of tenants) expect(await verifyAuditChain(database.db, String(id))).toMatchObject({ ok: true });
  } finally {
    await database.close();
  }
}

const report = (t: Tally) =>
  `[crash] ${t.engine}: ${t.kills} SIGKILLs survived${t.postgresCrashes ? ` (${t.postgresCrashes} with PostgreSQL crashed too)` : ''}, ` +
  `${t.acked.unit.size + t.acked.person.size} acknowledged writes (${t.acked.unit.size} units, ${t.acked.person.size} people), ${t.checks} presence checks, ${((Date.now() - t.started) / 1000).toFixed(0)} s`;

describe('crash safety: SIGKILL while writing', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const w of writers) w.kill('SIGKILL');
    await killAllServers();
    for (const c of cleanup.reverse()) await c();
  });

  it.concurrent(`PGlite: ${KILLS} kills, every acknowledged write survives`, async () => {
    const dataDir = await pgliteDataDir('demo');
    cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const t = await crashCycles('pglite', { dataDir });
    console.log(report(t));
    expect(t.kills).toBe(KILLS);
    expect(t.acked.unit.size + t.acked.person.size).toBeGreaterThan(KILLS);
    await expectChainsIntact(await openPglite(path.join(dataDir, 'pglite')));
  }, CRASH_TIMEOUT);

  it.concurrent(`PostgreSQL: ${KILLS} kills, every acknowledged write survives`, async (ctx) => {
    if (!hasPostgres()) return ctx.skip('PostgreSQL not available');
    const pgdb: PgDatabase = await pgDatabase('demo');
    // The test cluster runs with synchronous_commit off (speed); a crashed PostgreSQL then loses
    // the last commits by design. Production keeps the default (on), and so does this database.
    await pgAdmin(pgdb.url, (c) => c.query(`alter database "${pgdb.name}" set synchronous_commit = on`));
    // PostgreSQL 15 quirk: a database just copied from a template (WAL_LOG strategy) rolls its
    // sequences back after a crash unless a checkpoint followed the copy (duplicate keys).
    await pgAdmin(pgdb.url, (c) => c.query('checkpoint'));
    const dataDir = tmpDir('data');
    cleanup.push(() => pgdb.drop(), () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const t = await crashCycles('postgres', { dataDir, databaseUrl: pgdb.url });
    console.log(report(t));
    expect(t.kills).toBe(KILLS);
    await expectChainsIntact(await openPostgres(pgdb.url, { max: 1 }));
  }, CRASH_TIMEOUT);
});
