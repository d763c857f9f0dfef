import { sql } from 'drizzle-orm';
import type { Database } from '../../server/src/db/client.js';
import { hashPassword } from '../../server/src/platform/auth/password.js';
import { genLeaderDuties, genPeople, genPositions, genTenant, genUnits, genUsers } from './org.js';
import { genCampaigns, genGoals, genTaskGoals, genTasks, genTaskUnits } from './plan.js';
import { genActivities, genOutcomes, genProgressReports } from './execute.js';
import { genAssessment } from './assess.js';
import { Random } from './random.js';
import type { TenantRefs } from './refs.js';
import { BENCH_PASSWORD, SEED, tenantCode, type ScaleSpec } from './scale.js';

/**
 * One entry per table, in dependency order. A feature that adds a table adds
 * one function here (reading what earlier entries left in TenantRefs).
 */
export const tableGenerators: { table: string; run: (t: TenantRefs) => Promise<number> }[] = [
  { table: 'tenants', run: genTenant },
  { table: 'units', run: genUnits },
  { table: 'people', run: genPeople },
  { table: 'positions', run: genPositions },
  { table: 'leader_duties', run: genLeaderDuties },
  { table: 'users', run: genUsers },
  { table: 'goals', run: genGoals },
  { table: 'campaigns', run: genCampaigns },
  { table: 'tasks', run: genTasks },
  { table: 'task_units', run: genTaskUnits },
  { table: 'task_goals', run: genTaskGoals },
  { table: 'progress_reports', run: genProgressReports },
  { table: 'activities', run: genActivities },
  { table: 'outcomes', run: genOutcomes },
  { table: 'rating_scores', run: genAssessment },
];

/** The fixed "today" of the generated story (dates are absolute so runs compare). */
export const STORY_TODAY = '2026-11-02';

/**
 * Bulk-load practice: secondary indexes (everything but primary keys) are
 * dropped before the load and rebuilt after it, which is several times faster
 * than maintaining them row by row. Returns the statements that rebuild them.
 */
async function dropSecondaryIndexes(database: Database, tables: string[]): Promise<string[]> {
  const rows = (await database.query(
    `select i.indexname, i.indexdef from pg_indexes i
     where i.schemaname = current_schema() and i.tablename = any($1::text[])
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [tables],
  )) as { indexname: string; indexdef: string }[];
  for (const r of rows) await database.query(`drop index "${r.indexname}"`);
  return rows.map((r) => r.indexdef);
}

export interface GenerateResult {
  scale: string;
  tenants: string[];
  rows: Record<string, number>;
  seconds: number;
}

/** Writes a whole scale into an empty, migrated database, then ANALYZEs so the planner has statistics. */
export async function generate(database: Database, spec: ScaleSpec, log: (msg: string) => void = () => {}): Promise<GenerateResult> {
  const started = performance.now();
  const [{ n }] = (await database.query('select count(*)::int as n from tenants')) as { n: number }[];
  if (n > 0) throw new Error('the target database already holds tenants: generate into an empty one (bench:data --reset)');
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const indexes = await dropSecondaryIndexes(database, tableGenerators.map((g) => g.table));
  const rows: Record<string, number> = {};
  const tenants: string[] = [];
  for (let i = 0; i < spec.tenants; i++) {
    const r = new Random(SEED + i * 7919);
    const t: TenantRefs = {
      db: database.db, spec, index: i, code: tenantCode(spec, i), tenantId: r.uuid(), r, passwordHash, today: STORY_TODAY,
      units: [], people: [], leaders: [], keyed: new Map(), users: new Map(), goals: [], campaigns: [], tasks: [],
    };
    tenants.push(t.code);
    for (const g of tableGenerators) {
      const t0 = performance.now();
      // Each table in one transaction; generators write through t.db, which is the transaction here.
      const count = await database.db.transaction(async (tx) => {
        t.db = tx;
        return g.run(t);
      });
      t.db = database.db;
      rows[g.table] = (rows[g.table] ?? 0) + count;
      log(`  ${t.code} ${g.table.padEnd(18)} ${String(count).padStart(8)} rows  ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  }
  const t0 = performance.now();
  for (const ddl of indexes) await database.query(ddl);
  log(`  ${indexes.length} secondary indexes rebuilt  ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await database.db.execute(sql.raw(database.kind === 'postgres' ? 'vacuum analyze' : 'analyze'));
  return { scale: spec.name, tenants, rows, seconds: (performance.now() - started) / 1000 };
}
