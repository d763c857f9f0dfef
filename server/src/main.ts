import { Cron } from 'croner';
import { loadConfig } from './config.js';
import { openDatabase, seedIfEmpty } from './db/bootstrap.js';
import { buildApp } from './app.js';
import { lockDataDir } from './platform/datadir.js';
import { takeSnapshot } from './platform/snapshots.js';
import { startScheduler } from './platform/jobs/runner.js';
import { featureJobs } from './modules/jobs.js';
import { auditRetentionJob } from './platform/audit/retention.js';
import path from 'node:path';
import { startDeliveryWorker } from './platform/notify/delivery.js';

const DEMO_USERS = ['admin', 'office', 'leader', 'unithead', 'liaison', 'inspector', 'member', 'auditor', 'security'];

async function main() {
  const cfg = loadConfig();
  let unlock = () => {};
  if (!cfg.databaseUrl) {
    try {
      unlock = lockDataDir(cfg.dataDir);
    } catch (err) {
      console.error(`\n✖ ${(err as Error).message}\n`);
      process.exit(1);
    }
  }
  const database = await openDatabase(cfg);
  const seed = await seedIfEmpty(database, cfg);
  const { app } = await buildApp(cfg, database);

  const snapshot = async (why: string) => {
    if (!database.pglite) return;
    try {
      const dir = await takeSnapshot(database.pglite, cfg.dataDir, cfg.snapshotKeep);
      app.log.info({ dir, why }, 'snapshot written');
    } catch (err) {
      app.log.error({ err }, 'snapshot failed');
    }
  };
  const snapshotJob = database.pglite ? new Cron(cfg.snapshotCron, { protect: true }, () => snapshot('scheduled')) : null;

  let stopJobs = () => {};
  let stopDeliveries = () => {};
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    snapshotJob?.stop();
    stopJobs();
    stopDeliveries();
    await app.close();
    await snapshot('shutdown');
    await database.close();
    unlock();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('exit', () => unlock());

  await app.listen({ port: cfg.port, host: cfg.host });
  if (cfg.jobs) stopJobs = startScheduler(database.db, [...featureJobs, ...auditRetentionJob(cfg.auditRetentionDays, path.join(cfg.dataDir, 'audit-archive'))], app.log);
  stopDeliveries = startDeliveryWorker(database.db, cfg, app.log);
  const url = `http://localhost:${cfg.port}`;
  const lines = [
    '',
    `  三同 Santong is running at ${url}`,
    `  database: ${database.kind === 'pglite' ? `embedded PGlite in ${cfg.dataDir} (use PostgreSQL for data that matters)` : 'PostgreSQL'}`,
    `  API docs: ${url}/api/docs`,
  ];
  if (cfg.demo && (seed.seeded || true)) {
    lines.push(`  demo logins (password ${process.env.DEMO_PASSWORD ? 'from DEMO_PASSWORD' : cfg.demoPassword}): ${DEMO_USERS.join(', ')}`);
  }
  if (seed.seeded && !seed.demo) lines.push(`  first sign-in: admin / ${seed.adminPassword}  (one-time: you must change it)`);
  console.log(lines.join('\n') + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
