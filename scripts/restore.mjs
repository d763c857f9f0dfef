#!/usr/bin/env node
/**
 * npm run restore -- --from DIR [--force]
 *
 * Restores a backup written by `npm run backup` into what the server's
 * settings point at (DATABASE_URL / SANTONG_DATA_DIR), then checks that every
 * table has the row count and checksum recorded in the backup's manifest.
 * A target that already holds data is refused unless --force is given; with
 * --force a PostgreSQL target's schemas are dropped first, and an embedded
 * database and file store are moved aside (…replaced-<time>), never deleted.
 * The embedded mode needs the server stopped (the data-directory lock).
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../server/src/config.js';
import { lockDataDir } from '../server/src/platform/datadir.js';
import { openPglite } from '../server/src/db/client.js';
import { parseArgs, pgliteChecksums, postgresChecksums, redactUrl, runPgTool, treeStats } from './backup-lib.mjs';

export class RestoreRefused extends Error {}

async function pgQuery(url, text) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

const userTablesSql = `select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`;
const nonEmptyDir = (dir) => fs.existsSync(dir) && fs.readdirSync(dir).length > 0;
const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

async function restorePostgres(cfg, from, force) {
  const [{ n }] = await pgQuery(cfg.databaseUrl, userTablesSql);
  const filesBusy = nonEmptyDir(path.join(cfg.dataDir, 'files'));
  if ((n > 0 || filesBusy) && !force)
    throw new RestoreRefused(`the target is not empty (${n} tables in ${redactUrl(cfg.databaseUrl)}${filesBusy ? ', files in the file store' : ''}): add --force to replace it`);
  if (n > 0) {
    const schemas = await pgQuery(cfg.databaseUrl, `select nspname from pg_namespace where nspname not in ('pg_catalog', 'information_schema', 'public') and nspname not like 'pg\\_%'`);
    const drops = schemas.map((s) => `drop schema "${s.nspname.replace(/"/g, '""')}" cascade;`).join(' ');
    await pgQuery(cfg.databaseUrl, `${drops} drop schema if exists public cascade; create schema public;`);
  }
  runPgTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--dbname', cfg.databaseUrl, path.join(from, 'db.dump')]);
  return postgresChecksums(cfg.databaseUrl);
}

async function restorePglite(cfg, from, force) {
  const dir = path.join(cfg.dataDir, 'pglite');
  const files = path.join(cfg.dataDir, 'files');
  if ((nonEmptyDir(dir) || nonEmptyDir(files)) && !force) throw new RestoreRefused(`the target ${cfg.dataDir} already holds a database or files: add --force to replace them`);
  if (nonEmptyDir(dir)) {
    const aside = `${dir}.replaced-${stamp()}`;
    fs.renameSync(dir, aside);
    console.log(`  previous database moved to ${aside}`);
  }
  const dump = fs.readFileSync(path.join(from, 'pglite.tar.gz'));
  const database = await openPglite(dir, { loadDataDir: new Blob([new Uint8Array(dump)]) });
  try {
    return await pgliteChecksums(database.pglite);
  } finally {
    await database.close();
  }
}

function restoreFiles(cfg, from) {
  const target = path.join(cfg.dataDir, 'files');
  if (nonEmptyDir(target)) {
    const aside = `${target}.replaced-${stamp()}`;
    fs.renameSync(target, aside);
    console.log(`  previous file store moved to ${aside}`);
  }
  if (fs.existsSync(path.join(from, 'files'))) fs.cpSync(path.join(from, 'files'), target, { recursive: true });
  return treeStats(target);
}

/** Tables whose count or checksum differs from the manifest (empty when the restore is faithful). */
export function compareChecksums(expected, actual) {
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...names].filter((t) => expected[t]?.rows !== actual[t]?.rows || expected[t]?.md5 !== actual[t]?.md5).sort();
}

export async function restore(fromDir, { force = false, env = process.env } = {}) {
  const cfg = loadConfig(env);
  const from = path.resolve(fromDir);
  const manifestFile = path.join(from, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`${from} holds no backup (manifest.json missing)`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const engine = cfg.databaseUrl ? 'postgres' : 'pglite';
  if (manifest.engine !== engine)
    throw new Error(`the backup is of ${manifest.engine} but the target is ${engine}: ${manifest.engine === 'postgres' ? 'set DATABASE_URL' : 'unset DATABASE_URL'}`);
  fs.mkdirSync(cfg.dataDir, { recursive: true });
  const unlock = cfg.databaseUrl ? () => {} : lockDataDir(cfg.dataDir);
  try {
    const tables = engine === 'postgres' ? await restorePostgres(cfg, from, force) : await restorePglite(cfg, from, force);
    const files = restoreFiles(cfg, from);
    const mismatched = compareChecksums(manifest.tables, tables);
    if (files.count !== manifest.files.count || files.bytes !== manifest.files.bytes) mismatched.push('(file store)');
    return { manifest, tables, files, mismatched };
  } finally {
    unlock();
  }
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) {
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.help || !args.from) {
      console.log('usage: npm run restore -- --from DIR [--force]   (restores into DATABASE_URL / SANTONG_DATA_DIR)');
      process.exit(args.help ? 0 : 2);
    }
    const r = await restore(args.from, { force: args.force });
    if (r.mismatched.length) {
      console.error(`✖ restored, but these differ from the backup: ${r.mismatched.join(', ')}`);
      process.exit(3);
    }
    const rows = Object.values(r.tables).reduce((n, t) => n + t.rows, 0);
    console.log(`restored ${r.manifest.engine} backup of ${r.manifest.createdAt}: ${Object.keys(r.tables).length} tables, ${rows} rows and ${r.files.count} files, all checksums match`);
  } catch (err) {
    console.error(`✖ restore ${err instanceof RestoreRefused ? 'refused' : 'failed'}: ${err.message}`);
    process.exit(err instanceof RestoreRefused ? 2 : 1);
  }
}
