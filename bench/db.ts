import fs from 'node:fs';
import path from 'node:path';
import { openPglite, openPostgres, runMigrations, type Database } from '../server/src/db/client.js';
import { startCluster, stopCluster } from '../scripts/pg-cluster.mjs';

export type Engine = 'pglite' | 'postgres';

/** Where one engine's bench data lives: a SANTONG_DATA_DIR (PGlite in <dir>/pglite) or a DATABASE_URL. */
export type Target = { engine: 'pglite'; dir: string } | { engine: 'postgres'; url: string };

export const pgliteDir = (dataDir: string) => path.join(dataDir, 'pglite');

/** Opens and migrates the target through the product's own client. */
export async function openTarget(target: Target): Promise<Database> {
  const database = target.engine === 'pglite' ? await openPglite(pgliteDir(target.dir)) : await openPostgres(target.url, { max: 4 });
  await runMigrations(database);
  return database;
}

/** Empties a target before generating into it: deletes the PGlite dir, or drops every table on PostgreSQL. */
export async function resetTarget(target: Target): Promise<void> {
  if (target.engine === 'pglite') {
    fs.rmSync(target.dir, { recursive: true, force: true });
    return;
  }
  const database = await openPostgres(target.url, { max: 1 });
  try {
    await database.query('drop schema if exists drizzle cascade');
    await database.query('drop schema public cascade');
    await database.query('create schema public');
  } finally {
    await database.close();
  }
}

/** BENCH_DATABASE_URL when set; otherwise a throwaway PostgreSQL cluster (scripts/pg-cluster.mjs) stopped by `stop`. */
export async function provisionPostgres(): Promise<{ url: string; stop: () => void; owned: boolean }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: () => {}, owned: false };
  const cluster = await startCluster();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    stopCluster(cluster.dir, cluster.bin);
  };
  process.once('exit', stop);
  return { url: cluster.url, stop, owned: true };
}
