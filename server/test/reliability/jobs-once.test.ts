import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, pgAdmin, pgDatabase, tmpDir, type PgDatabase } from './support/engines.js';
import { killAllServers, startServer, type ServerProcess } from './support/server.js';
import { weekly } from '../../src/platform/jobs/periods.js';

/**
 * The weekly dispatch job with two server processes on one PostgreSQL,
 * started at the same moment with the scheduler on: the job_runs claim lets
 * exactly one of them prepare this week's sheets, and nobody is told twice.
 * The servers start after this week's Monday 08:00, so this is also the
 * catch-up of a run missed while no server was up.
 */
describe.skipIf(!hasPostgres())('weekly dispatch job runs once across servers', () => {
  let db: PgDatabase;
  let dataDir: string;
  let servers: ServerProcess[] = [];
  const week = weekly(1, 8)(new Date(), 'Asia/Shanghai');
  const q = <T>(text: string, params: unknown[] = []) => pgAdmin(db.url, async (c) => (await c.query(text, params)).rows as T[]);

  beforeAll(async () => {
    db = await pgDatabase('demo');
    dataDir = tmpDir('jobs-once');
    if (!week) return;
    // This week as if nobody had prepared it yet, and a second active campaign.
    await q('delete from follow_up_items where meeting_id in (select id from dispatch_meetings where iso_week = $1)', [week]);
    await q('delete from dispatch_meetings where iso_week = $1', [week]);
    await q("delete from job_runs where job = 'dispatch.weekly'");
    await q(`insert into campaigns (tenant_id, title, kind, start_date, end_date, status)
      select id, '第二个专项（多实例测试）', 'special', '2026-01-01', '2027-12-31', 'active' from tenants where code = 'demo'`);
    servers = await Promise.all([startServer({ dataDir, databaseUrl: db.url }), startServer({ dataDir, databaseUrl: db.url })]);
  }, 180_000);

  afterAll(async () => {
    for (const s of servers) await s.kill('SIGTERM');
    await killAllServers();
    await db?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('one job_runs row, one prepared meeting per active campaign, no duplicate notifications', async (ctx) => {
    if (!week) {
      console.log('[jobs-once] Monday before 08:00 in Asia/Shanghai: the weekly job is not due yet');
      return ctx.skip();
    }
    let runs: { status: string; detail: { campaigns?: { notified: number }[] } | null }[] = [];
    for (let i = 0; i < 120; i++) {
      runs = await q("select status, detail from job_runs where job = 'dispatch.weekly' and period_key = $1", [week]);
      if (runs.length && runs[0].status !== 'running') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    // both schedulers have ticked at start; give the loser a moment to (not) do anything
    await new Promise((r) => setTimeout(r, 2000));
    runs = await q("select status, detail from job_runs where job = 'dispatch.weekly' and period_key = $1", [week]);
    expect(runs).toHaveLength(1);
    expect(runs[0].status).toBe('done');

    const active = await q<{ id: string }>("select id from campaigns where status = 'active'");
    expect(active.length).toBeGreaterThanOrEqual(2);
    const meetings = await q<{ campaign_id: string; n: number; prepared: number }>(
      'select campaign_id, count(*)::int as n, count(prepared_at)::int as prepared from dispatch_meetings where iso_week = $1 group by campaign_id',
      [week],
    );
    expect(meetings.map((m) => m.campaign_id).sort()).toEqual(active.map((c) => c.id).sort());
    expect(meetings.every((m) => m.n === 1 && m.prepared === 1)).toBe(true);
    expect(runs[0].detail?.campaigns).toHaveLength(active.length);

    const notes = await q<{ user_id: string; entity_id: string; n: number }>(
      "select user_id, entity_id, count(*)::int as n from notifications where kind = 'dispatch.ready' group by user_id, entity_id",
    );
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((x) => x.n === 1)).toBe(true);
    const told = runs[0].detail!.campaigns!.reduce((s, c) => s + c.notified, 0);
    expect(notes.reduce((s, x) => s + x.n, 0)).toBe(told);
    const office = await q<{ n: number }>(
      "select count(*)::int as n from notifications n join users u on u.id = n.user_id where n.kind = 'dispatch.ready' and u.username = 'office'",
    );
    expect(office[0].n).toBe(active.length);
    const audits = await q<{ n: number }>("select count(*)::int as n from audit_log where entity = 'dispatch_meeting' and action = 'prepare' and actor_name = 'system'");
    expect(audits[0].n).toBe(active.length);
  });
});
