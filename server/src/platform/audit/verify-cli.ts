/**
 * npm run audit:verify
 *
 * Walks the audit hash chain of every tenant in the database the server's
 * settings point at (DATABASE_URL, else the embedded database in
 * SANTONG_DATA_DIR, which needs the server stopped). Exit code 0 when every
 * chain is intact, 1 when one is broken (a row changed, removed or inserted),
 * 2 when the check could not run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config.js';
import { openPglite, openPostgres, type Database } from '../../db/client.js';
import { lockDataDir } from '../datadir.js';
import { verifyAuditChain } from './audit.repo.js';

export interface ChainReport {
  tenantId: string;
  code: string;
  name: string;
  ok: boolean;
  rows: number;
  brokenAt?: number;
}

export async function verifyAllTenants(database: Database): Promise<ChainReport[]> {
  const tenants = await database.query('select id, code, name from tenants order by code');
  const out: ChainReport[] = [];
  for (const t of tenants) {
    const r = await verifyAuditChain(database.db, String(t.id));
    out.push({ tenantId: String(t.id), code: String(t.code), name: String(t.name), ...r });
  }
  return out;
}

async function main(): Promise<number> {
  const cfg = loadConfig();
  let unlock = () => {};
  let database: Database;
  if (cfg.databaseUrl) database = await openPostgres(cfg.databaseUrl, { max: 2 });
  else {
    const dir = path.join(cfg.dataDir, 'pglite');
    if (!fs.existsSync(dir)) throw new Error(`no embedded database in ${dir}`);
    unlock = lockDataDir(cfg.dataDir);
    database = await openPglite(dir);
  }
  try {
    const reports = await verifyAllTenants(database);
    for (const r of reports) {
      console.log(r.ok ? `✔ ${r.code} (${r.name}): ${r.rows} audit rows, chain intact` : `✖ ${r.code} (${r.name}): chain broken at seq ${r.brokenAt} of ${r.rows} rows`);
    }
    if (!reports.length) console.log('no tenants');
    return reports.every((r) => r.ok) ? 0 : 1;
  } finally {
    await database.close();
    unlock();
  }
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (invokedDirectly) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`✖ audit verification could not run: ${(err as Error).message}`);
      process.exit(2);
    },
  );
}
