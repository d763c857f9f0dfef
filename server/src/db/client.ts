import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Raw SQL through the driver, for benchmarks and maintenance. */
  query(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
  pglite?: PGlite;
  pool?: pg.Pool;
  /** A streaming-replication standby for read-heavy endpoints (DATABASE_REPLICA_URL); see db/read.ts. */
  replica?: Database;
}

const migrationsFolder = path.resolve(import.meta.dirname, '../../drizzle');

// Dates come back as ISO strings for DATE columns; keep them as text, not local-midnight Date objects.
pg.types.setTypeParser(1082, (v) => v);

export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
  // An idle client whose server connection ends (PostgreSQL restarted, failover, the
  // database dropped) emits 'error' on the pool; unhandled, that would end the process.
  // The pool drops the client and the next query opens a new one.
  pool.on('error', (err) => console.warn(`PostgreSQL: idle connection closed (${(err as Error).message})`));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    pool,
    async query(text, params) {
      return (await pool.query(text, params as unknown[])).rows;
    },
    close: () => pool.end(),
  };
}

export async function openPglite(dataDir: string | null, opts: { loadDataDir?: Blob } = {}): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: dataDir ?? undefined,
    loadDataDir: opts.loadDataDir,
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    async query(text, params) {
      return (await client.query<Record<string, unknown>>(text, params as unknown[])).rows;
    },
    close: () => client.close(),
  };
}

/** Runs pending migrations; on PostgreSQL an advisory lock keeps concurrent starters in line. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  const client = await database.pool!.connect();
  try {
    await client.query('select pg_advisory_lock(727001)');
    await migratePg(drizzlePg(client) as never, { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock(727001)').catch(() => {});
    client.release();
  }
}

export async function ping(db: Db): Promise<boolean> {
  await db.execute(sql`select 1`);
  return true;
}
