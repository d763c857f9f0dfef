import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import pg from 'pg';
import { openPglite } from '../../../src/db/client.js';
import { findPgBin } from '../../../../scripts/pg-cluster.mjs';
import { TMP_DIR, type TemplateKind } from '../../setup/constants.js';

/**
 * Databases for process-level tests, copied from the templates the global
 * setups built once (seeding the demo tenant takes far longer than a copy):
 * a PGlite data directory on disk, or a PostgreSQL database of its own.
 */
export type Engine = 'pglite' | 'postgres';

export const pgInfo = () => inject('pg');
export const hasPostgres = () => pgInfo() !== null;

/** A fresh directory under .tmp/reliability; removed by the caller (or left for post-mortem on failure). */
export function tmpDir(prefix: string): string {
  const root = path.join(TMP_DIR, 'reliability');
  fs.mkdirSync(root, { recursive: true });
  return fs.mkdtempSync(path.join(root, `${prefix}-`));
}

/** A SANTONG_DATA_DIR whose pglite/ holds a copy of a template database. */
export async function pgliteDataDir(template: TemplateKind = 'demo'): Promise<string> {
  const dir = tmpDir('data');
  const buf = fs.readFileSync(inject('pgliteTemplates')[template]);
  const database = await openPglite(path.join(dir, 'pglite'), { loadDataDir: new Blob([new Uint8Array(buf)]) });
  await database.close();
  return dir;
}

export async function pgAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export interface PgDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function withDb(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A new PostgreSQL database: a copy of a template, or empty (not even migrated) with template null. */
export async function pgDatabase(template: TemplateKind | null = 'demo'): Promise<PgDatabase> {
  const info = pgInfo();
  if (!info) throw new Error('PostgreSQL is not available');
  const name = `santong_rel_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const from = template ? `"${info.templates[template]}"` : 'template0';
  await pgAdmin(info.adminUrl, async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`create database "${name}" template ${from} encoding 'UTF8'`);
        return;
      } catch (err) {
        if (attempt >= 20 || !/being accessed by other users/.test(String((err as Error).message))) throw err;
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  });
  return {
    url: withDb(info.adminUrl, name),
    name,
    drop: () => pgAdmin(info.adminUrl, (c) => c.query(`drop database if exists "${name}" with (force)`)).then(() => {}),
  };
}

/**
 * Crashes and restarts the PostgreSQL server (immediate mode: no checkpoint,
 * recovery from WAL on start) — only for the throwaway cluster this run owns.
 * Returns false when PostgreSQL is someone else's (TEST_DATABASE_URL).
 */
export async function crashRestartPostgres(): Promise<boolean> {
  const info = pgInfo();
  const bin = findPgBin();
  if (!info || info.source !== 'throwaway cluster' || !bin) return false;
  const dataDir = await pgAdmin(info.adminUrl, async (c) => (await c.query<{ d: string }>('select current_setting($1) as d', ['data_directory'])).rows[0].d);
  const args = ['-D', dataDir, '-m', 'immediate', '-w', '-t', '60', 'restart'];
  const isRoot = process.getuid?.() === 0;
  // pg_ctl restart reuses postmaster.opts (port, socket dir) but not the log file: hand the new
  // postmaster the cluster's log as its stdout, or it would hold our pipe open forever.
  const log = path.join(path.dirname(dataDir), 'server.log');
  const fd = fs.openSync(log, 'a');
  try {
    execFileSync(isRoot ? 'runuser' : path.join(bin, 'pg_ctl'), isRoot ? ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), ...args] : args, { stdio: ['ignore', fd, fd], timeout: 90_000 });
  } catch (err) {
    throw new Error(`PostgreSQL restart failed: ${(err as Error).message}\n${fs.readFileSync(log, 'utf8').slice(-2000)}`);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}
