import { Cron } from 'croner';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../access/scope.js';
import type { Schedule } from './periods.js';

export interface JobTenant {
  id: string;
  timeZone: string;
}

export interface JobDef {
  /** Stable name, part of the once-per-period key. */
  name: string;
  schedule: Schedule;
  /** Does the work for one tenant and period; the result is stored as the run's detail. */
  run(db: Db, tenant: JobTenant, periodKey: string): Promise<unknown>;
}

export interface JobOutcome {
  tenantId: string;
  job: string;
  periodKey: string;
  status: 'done' | 'failed';
  error?: string;
}

/**
 * Claims (tenant, job, period) for this process. The primary key of job_runs
 * makes the claim atomic across processes sharing one database; a failed run
 * may be claimed again, a running or finished one may not.
 */
export async function claimRun(db: Db, tenantId: string, job: string, periodKey: string): Promise<boolean> {
  const res = await db.execute(sql`
    insert into job_runs (tenant_id, job, period_key) values (${tenantId}, ${job}, ${periodKey})
    on conflict (tenant_id, job, period_key) do update set status = 'running', started_at = now(), finished_at = null, detail = null
      where job_runs.status = 'failed'
    returning period_key`);
  return rowsOf(res).length === 1;
}

async function finishRun(db: Db, tenantId: string, job: string, periodKey: string, status: 'done' | 'failed', detail: unknown) {
  await db.execute(sql`
    update job_runs set status = ${status}, finished_at = now(), detail = ${JSON.stringify(detail ?? null)}::jsonb
    where tenant_id = ${tenantId} and job = ${job} and period_key = ${periodKey}`);
}

/** Runs every job that is due at `now` and not yet run for its period, for every tenant. */
export async function runDueJobs(db: Db, jobs: readonly JobDef[], now = new Date()): Promise<JobOutcome[]> {
  const tenants = rowsOf<{ id: string; time_zone: string }>(await db.execute(sql`select id, time_zone from tenants order by code`));
  const out: JobOutcome[] = [];
  for (const t of tenants) {
    for (const job of jobs) {
      const periodKey = job.schedule(now, t.time_zone);
      if (!periodKey || !(await claimRun(db, t.id, job.name, periodKey))) continue;
      try {
        const detail = await job.run(db, { id: t.id, timeZone: t.time_zone }, periodKey);
        await finishRun(db, t.id, job.name, periodKey, 'done', detail);
        out.push({ tenantId: t.id, job: job.name, periodKey, status: 'done' });
      } catch (err) {
        const error = (err as Error).message;
        await finishRun(db, t.id, job.name, periodKey, 'failed', { error });
        out.push({ tenantId: t.id, job: job.name, periodKey, status: 'failed', error });
      }
    }
  }
  return out;
}

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Checks for due jobs at start (catching up a run missed while the server was
 * down) and then every minute. Returns a stop function.
 */
export function startScheduler(db: Db, jobs: readonly JobDef[], log: Log): () => void {
  const tick = async () => {
    try {
      for (const o of await runDueJobs(db, jobs)) (o.status === 'done' ? log.info : log.error).call(log, o, 'scheduled job');
    } catch (err) {
      log.error({ err }, 'scheduler tick failed');
    }
  };
  const cron = new Cron('* * * * *', { protect: true }, tick);
  void tick();
  return () => cron.stop();
}
