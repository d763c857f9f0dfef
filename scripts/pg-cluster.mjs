#!/usr/bin/env node
/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temp dir, start it on
 * a free port on 127.0.0.1 (unix socket inside the temp dir), stop and delete
 * it afterwards. PostgreSQL refuses to run as root, so as root the cluster is
 * owned by and run as the `postgres` user.
 *
 *   node scripts/pg-cluster.mjs start   → prints TEST_DATABASE_URL=… and PG_CLUSTER_DIR=…
 *   node scripts/pg-cluster.mjs stop DIR
 *   node scripts/pg-cluster.mjs bin     → prints the bin dir, exit 1 when there is none
 *
 * Also imported by server/test/setup/global-pg.ts.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const CANDIDATES = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin', '/usr/local/pgsql/bin'];

/** The directory holding initdb and pg_ctl, or null. PG_BIN overrides; PG_BIN=none pretends there is none. */
export function findPgBin() {
  if (process.env.PG_BIN === 'none') return null;
  const list = process.env.PG_BIN ? [process.env.PG_BIN, ...CANDIDATES] : CANDIDATES;
  return list.find((d) => fs.existsSync(path.join(d, 'initdb')) && fs.existsSync(path.join(d, 'pg_ctl'))) ?? null;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL binary, as the postgres user when we are root. */
function runPg(bin, args, opts = {}) {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  try {
    return execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });
  } catch (err) {
    const out = `${err.stdout ?? ''}${err.stderr ?? ''}`.trim();
    throw new Error(`${path.basename(bin)} ${args.join(' ')} failed: ${out || err.message}`);
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a new cluster and returns its connection URL (database `postgres`,
 * user `postgres`, trust auth on 127.0.0.1 only) and its directory.
 */
export async function startCluster({ bin = findPgBin(), port } = {}) {
  if (!bin) throw new Error('PostgreSQL binaries not found (set PG_BIN)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'santong-pg-'));
  const data = path.join(dir, 'data');
  if (isRoot()) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  runPg(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  // A test cluster: durability off, enough connections for parallel test files.
  fs.appendFileSync(
    path.join(data, 'postgresql.conf'),
    ['', 'fsync = off', 'synchronous_commit = off', 'full_page_writes = off', 'max_connections = 200', "listen_addresses = '127.0.0.1'", ''].join('\n'),
  );
  let lastErr;
  for (let attempt = 0; attempt < 3; attempt++) {
    const p = port ?? (await freePort());
    try {
      runPg(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', `-p ${p} -k ${dir}`, 'start']);
      return { url: `postgres://postgres@127.0.0.1:${p}/postgres`, dir, port: p, bin };
    } catch (err) {
      lastErr = err;
      if (port) break;
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  throw lastErr;
}

/** Stops a cluster started by startCluster and deletes its directory. */
export function stopCluster(dir, bin = findPgBin()) {
  if (!dir || !fs.existsSync(dir)) return;
  const data = path.join(dir, 'data');
  try {
    if (bin && fs.existsSync(path.join(data, 'postmaster.pid'))) runPg(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A streaming-replication standby of a cluster started by startCluster:
 * pg_basebackup -R (standby.signal + primary_conninfo), started on its own
 * port. `synchronous` makes the primary wait for the standby's flush at every
 * commit (synchronous_standby_names = '*', synchronous_commit = on), so an
 * acknowledged write survives losing the primary.
 */
export async function startStandby(primary, { synchronous = true } = {}) {
  const bin = primary.bin;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'santong-pg-standby-'));
  const data = path.join(dir, 'data');
  if (isRoot()) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  runPg(path.join(bin, 'pg_basebackup'), ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', data, '-R', '-X', 'stream', '--no-sync']);
  const port = await freePort();
  runPg(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir}`, 'start']);
  if (synchronous) {
    const psql = (sqlText) => runPg(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-d', 'postgres', '-Atc', sqlText]);
    psql("alter system set synchronous_standby_names = '*'");
    psql('alter system set synchronous_commit = on');
    psql('select pg_reload_conf()');
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, port, bin };
}

/** pg_ctl on a cluster directory made by startCluster/startStandby (stop -m immediate, promote, …). */
export function pgCtl(dir, args, bin = findPgBin()) {
  return runPg(path.join(bin, 'pg_ctl'), ['-D', path.join(dir, 'data'), '-w', '-t', '60', ...args]);
}

// CLI
const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) {
  const [cmd, arg] = process.argv.slice(2);
  try {
    if (cmd === 'start') {
      const c = await startCluster();
      console.log(`TEST_DATABASE_URL=${c.url}`);
      console.log(`PG_CLUSTER_DIR=${c.dir}`);
    } else if (cmd === 'stop') {
      stopCluster(arg);
    } else if (cmd === 'bin') {
      const b = findPgBin();
      if (!b) process.exit(1);
      console.log(b);
    } else {
      console.error('usage: pg-cluster.mjs start | stop DIR | bin');
      process.exit(2);
    }
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
