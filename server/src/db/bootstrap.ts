import crypto from 'node:crypto';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import { openPglite, openPostgres, runMigrations, type Database } from './client.js';
import { rowsOf } from '../access/scope.js';
import { backfillPersonGrams } from '../modules/org/people.repo.js';

/** Opens the configured database (PGlite in the data dir unless DATABASE_URL is set) and migrates it. */
export async function openDatabase(cfg: Config, mark: (phase: string) => void = () => {}): Promise<Database> {
  const database = cfg.databaseUrl ? await openPostgres(cfg.databaseUrl) : await openPglite(path.join(cfg.dataDir, 'pglite'));
  mark('openDatabase');
  await runMigrations(database);
  mark('migrations');
  await backfillPersonGrams(database.db);
  mark('backfillGrams');
  if (cfg.databaseUrl && cfg.databaseReplicaUrl) {
    const replica = await openPostgres(cfg.databaseReplicaUrl);
    const closePrimary = database.close;
    database.replica = replica;
    database.close = async () => {
      await replica.close();
      await closePrimary();
    };
  }
  return database;
}

export type SeedOutcome = { seeded: false } | { seeded: true; demo: true } | { seeded: true; demo: false; adminPassword: string };

/** Seeds an empty database once; concurrent starters on PostgreSQL serialise on an advisory lock. */
export async function seedIfEmpty(database: Database, cfg: Config): Promise<SeedOutcome> {
  // The usual case, a database with data: one cheap query, no lock, no seed code loaded.
  const [{ any }] = rowsOf<{ any: boolean }>(await database.db.execute(sql`select exists (select 1 from tenants) as any`));
  if (any) return { seeded: false };
  // The demo plan (and docx, which it uses for sample files) loads only when a database is seeded.
  const { seedDemo, seedEmpty } = await import('../demo/seed.js');
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727002)`);
    const [{ n }] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from tenants`));
    if (n > 0) return { seeded: false } as const;
    if (cfg.demo) {
      await seedDemo(tx, cfg.demoPassword, { filesDir: path.join(cfg.dataDir, 'files') });
      return { seeded: true, demo: true } as const;
    }
    const adminPassword = `St-${crypto.randomBytes(9).toString('base64url')}`;
    await seedEmpty(tx, adminPassword);
    return { seeded: true, demo: false, adminPassword } as const;
  });
}
