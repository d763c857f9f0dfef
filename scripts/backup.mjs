#!/usr/bin/env node
/**
 * npm run backup -- --out DIR
 *
 * Backs up what the server's settings point at (the same environment as
 * `npm start`: DATABASE_URL, SANTONG_DATA_DIR):
 *   PostgreSQL  pg_dump --format=custom → DIR/db.dump (run as the invoking user)
 *   PGlite      a dump of SANTONG_DATA_DIR/pglite → DIR/pglite.tar.gz; the server
 *               must be stopped (the data-directory lock is respected and held)
 * plus a copy of the file store (SANTONG_DATA_DIR/files → DIR/files) and
 * DIR/manifest.json: row count and checksum of every table, which
 * `npm run restore` checks after restoring.
 *
 * Runs under tsx (it reuses the server's config, lock and database client).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/src/config.js';
import { lockDataDir } from '../server/src/platform/datadir.js';
import { openPglite } from '../server/src/db/client.js';
import { parseArgs, pgliteChecksums, postgresChecksums, redactUrl, runPgTool, treeStats } from './backup-lib.mjs';

async function backupPostgres(cfg, out) {
  runPgTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', path.join(out, 'db.dump'), cfg.databaseUrl]);
  return { engine: 'postgres', source: redactUrl(cfg.databaseUrl), tables: await postgresChecksums(cfg.databaseUrl) };
}

async function backupPglite(cfg, out) {
  const dir = path.join(cfg.dataDir, 'pglite');
  if (!fs.existsSync(dir)) throw new Error(`no embedded database in ${dir}`);
  const database = await openPglite(dir);
  try {
    const tables = await pgliteChecksums(database.pglite);
    const dump = await database.pglite.dumpDataDir('gzip');
    fs.writeFileSync(path.join(out, 'pglite.tar.gz'), Buffer.from(await dump.arrayBuffer()));
    return { engine: 'pglite', source: dir, tables };
  } finally {
    await database.close();
  }
}

export async function backup(outDir, env = process.env) {
  const cfg = loadConfig(env);
  const out = path.resolve(outDir);
  if (fs.existsSync(out) && fs.readdirSync(out).length) throw new Error(`${out} is not empty: back up into a new directory`);
  fs.mkdirSync(out, { recursive: true });
  // The embedded database may not be open twice: hold the server's own lock while dumping.
  const unlock = cfg.databaseUrl ? () => {} : lockDataDir(cfg.dataDir);
  try {
    const db = cfg.databaseUrl ? await backupPostgres(cfg, out) : await backupPglite(cfg, out);
    const files = path.join(cfg.dataDir, 'files');
    if (fs.existsSync(files)) fs.cpSync(files, path.join(out, 'files'), { recursive: true });
    const manifest = { format: 1, createdAt: new Date().toISOString(), ...db, files: treeStats(path.join(out, 'files')) };
    fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2));
    return manifest;
  } finally {
    unlock();
  }
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) {
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.help || !args.out) {
      console.log('usage: npm run backup -- --out DIR   (uses DATABASE_URL / SANTONG_DATA_DIR like the server)');
      process.exit(args.help ? 0 : 2);
    }
    const m = await backup(args.out);
    const rows = Object.values(m.tables).reduce((n, t) => n + t.rows, 0);
    console.log(`backup of ${m.engine} (${m.source}) written to ${path.resolve(args.out)}: ${Object.keys(m.tables).length} tables, ${rows} rows, ${m.files.count} files`);
  } catch (err) {
    console.error(`✖ backup failed: ${err.message}`);
    process.exit(1);
  }
}
