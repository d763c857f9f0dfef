import path from 'node:path';
import { loadConfig } from './config.js';
import { openDatabase, seedIfEmpty } from './db/bootstrap.js';
import { lockDataDir } from './platform/datadir.js';

/**
 * Server start, in the order that gets to the first request soonest: the
 * database starts opening first (PGlite compiles its WebAssembly in the
 * background), the HTTP app's modules load meanwhile (a dynamic import, so
 * they are not loaded before the database starts), and whatever need not
 * block listening (job scheduler, notification delivery, snapshot schedule)
 * starts after listen. When each phase ended is logged (info) once listening.
 */

const DEMO_USERS = ['admin', 'office', 'leader', 'unithead', 'liaison', 'inspector', 'member', 'auditor', 'security'];

/** When each startup phase ended, in ms since the process started (phases overlap, so not durations). */
const phases: Record<string, number> = {};
const mark = (name: string) => {
  phases[name] = Math.round(performance.now());
};

async function main() {
  mark('modules');
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
  const opening = openDatabase(cfg, mark);
  const appModule = import('./app.js');
  // Both run at once; if the database fails, that is the error to report.
  opening.catch(() => {});
  const { buildApp } = await appModule;
  mark('appModules');
  const database = await opening;
  const seed = await seedIfEmpty(database, cfg);
  mark('seedCheck');
  const { app } = await buildApp(cfg, database);
  mark('buildApp');

  const snapshot = async (why: string) => {
    if (!database.pglite) return;
    try {
      const { takeSnapshot } = await import('./platform/snapshots.js');
      const dir = await takeSnapshot(database.pglite, cfg.dataDir, cfg.snapshotKeep);
      app.log.info({ dir, why }, 'snapshot written');
    } catch (err) {
      app.log.error({ err }, 'snapshot failed');
    }
  };
  let stopSnapshots = () => {};
  let stopJobs = () => {};
  let stopDeliveries = () => {};
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    stopSnapshots();
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
  mark('listen');
  app.log.info({ phases }, 'startup: ms since process start at the end of each phase');
  const url = `http://localhost:${cfg.port}`;
  const lines = [
    '',
    `  三同 Santong is running at ${url}`,
    `  database: ${database.kind === 'pglite' ? `embedded PGlite in ${cfg.dataDir} (use PostgreSQL for data that matters)` : 'PostgreSQL'}`,
    `  API docs: ${url}/api/docs`,
  ];
  if (cfg.demo) {
    lines.push(`  demo logins (password ${process.env.DEMO_PASSWORD ? 'from DEMO_PASSWORD' : cfg.demoPassword}): ${DEMO_USERS.join(', ')}`);
  }
  if (seed.seeded && !seed.demo) lines.push(`  first sign-in: admin / ${seed.adminPassword}  (one-time: you must change it)`);
  console.log(lines.join('\n') + '\n');

  // Background work, after the server answers.
  const [{ Cron }, { startScheduler }, { featureJobs }, { auditRetentionJob }, { startDeliveryWorker }] = await Promise.all([
    import('croner'),
    import('./platform/jobs/runner.js'),
    import('./modules/jobs.js'),
    import('./platform/audit/retention.js'),
    import('./platform/notify/delivery.js'),
  ]);
  if (!stopping) {
    if (database.pglite) {
      const snapshotJob = new Cron(cfg.snapshotCron, { protect: true }, () => snapshot('scheduled'));
      stopSnapshots = () => snapshotJob.stop();
    }
    if (cfg.jobs) stopJobs = startScheduler(database.db, [...featureJobs, ...auditRetentionJob(cfg.auditRetentionDays, path.join(cfg.dataDir, 'audit-archive'))], app.log);
    stopDeliveries = startDeliveryWorker(database.db, cfg, app.log);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
