/**
 * The parts of backup and restore that need nothing of the server: the
 * per-table checksum (reusable: tests and the restore check use it), the
 * PostgreSQL client tools, argument parsing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const PG_BINS = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin', '/usr/local/pgsql/bin'];

/** The directory holding pg_dump / pg_restore: PG_BIN, else the installed versions, else PATH. */
export function pgTool(name) {
  const dirs = process.env.PG_BIN ? [process.env.PG_BIN, ...PG_BINS] : PG_BINS;
  const dir = dirs.find((d) => fs.existsSync(path.join(d, name)));
  return dir ? path.join(dir, name) : name;
}

const ident = (s) => `"${String(s).replace(/"/g, '""')}"`;

/**
 * Row count and md5 of every user table, rows in primary-key order (whole-row
 * text order when there is none). `query(text)` runs on ONE session, so the
 * time zone set here applies to the row texts.
 */
export async function tableChecksums(query) {
  await query("set timezone = 'UTC'");
  const tables = await query(`
    select c.oid::int as oid, n.nspname as schema, c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
    order by n.nspname, c.relname`);
  const out = {};
  for (const t of tables) {
    const pk = await query(`
      select a.attname as col from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = ${Number(t.oid)} and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)`);
    const order = pk.length ? pk.map((r) => `t.${ident(r.col)}`).join(', ') : 't::text';
    const [row] = await query(
      `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by ${order}), '')) as md5 from ${ident(t.schema)}.${ident(t.name)} t`,
    );
    out[`${t.schema}.${t.name}`] = { rows: Number(row.rows), md5: row.md5 };
  }
  return out;
}

/** Checksums of a PostgreSQL database on one connection. */
export async function postgresChecksums(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await tableChecksums(async (text) => (await c.query(text)).rows);
  } finally {
    await c.end();
  }
}

/** Checksums of an open PGlite database. */
export const pgliteChecksums = (pglite) => tableChecksums(async (text) => (await pglite.query(text)).rows);

/** Number of files and bytes below a directory (0 when it does not exist). */
export function treeStats(dir) {
  let count = 0;
  let bytes = 0;
  if (!fs.existsSync(dir)) return { count, bytes };
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    count++;
    bytes += fs.statSync(path.join(e.parentPath ?? e.path, e.name)).size;
  }
  return { count, bytes };
}

export const redactUrl = (url) => {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
};

/** Runs a PostgreSQL client tool; its stderr becomes the error message. */
export function runPgTool(name, args) {
  try {
    execFileSync(pgTool(name), args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (err) {
    throw new Error(`${name} failed: ${(err.stderr || err.message || '').trim()}`);
  }
}

export function parseArgs(argv) {
  const args = { force: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--force') args.force = true;
    else if (argv[i] === '--out' || argv[i] === '--from') args[argv[i].slice(2)] = argv[++i];
    else if (argv[i] === '--help' || argv[i] === '-h') args.help = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}
