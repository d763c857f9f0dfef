/**
 * npm run bench:soak [-- --seconds 300 --connections 100 --scale S --fraction 1]
 * Five minutes of mixed reads and writes at 100 connections on PostgreSQL
 * against the real server: counts every non-2xx and error, and samples the
 * server's resident memory. Passes when there are zero errors and RSS after
 * the warm-up grows by less than 10 %. Writes bench/results/soak-<ts>.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { num, oneOf, parseArgs } from './args.js';
import { openTarget, provisionPostgres, resetTarget, type Target } from './db.js';
import { endpoints, type Refs } from './endpoints.js';
import { loadRefs } from './engine.js';
import { generate } from './gen/generate.js';
import { scales, shrink, type ScaleName } from './gen/scale.js';
import { requestOf, signIn, type Session } from './load.js';
import { memoryOf, ROOT, startServer } from './server.js';
import { round } from './stats.js';

const MIX = ['task list', 'task detail', 'people list', 'outcome list', 'progress report list', 'cockpit', 'search', 'weekly dispatch sheet', 'progress report submit'];

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const seconds = num('seconds', args.get('seconds'), 300);
  const connections = num('connections', args.get('connections'), 100);
  const warmup = Math.min(60, Math.round(seconds / 5));
  const scale = oneOf<ScaleName>('scale', args.get('scale'), ['S', 'M', 'L'], 'S');
  const spec = shrink(scales[scale], num('fraction', args.get('fraction'), 1));
  const pg = await provisionPostgres();
  const target: Target = { engine: 'postgres', url: pg.url };
  const log = (m: string) => console.log(`[soak] ${m}`);
  try {
    await resetTarget(target);
    const database = await openTarget(target);
    let refs: Refs;
    try {
      log(`generating scale ${spec.name}`);
      await generate(database, spec, log);
      refs = await loadRefs(database);
    } finally {
      await database.close();
    }
    fs.mkdirSync(path.join(ROOT, 'bench', '.data'), { recursive: true });
    const server = await startServer(target, path.join(ROOT, 'bench', '.data', 'server-soak.log'));
    try {
      const sessions = new Map<string, Session>();
      const mix = endpoints.filter((e) => MIX.includes(e.name));
      for (const e of mix) if (e.as && !sessions.has(e.as)) sessions.set(e.as, await signIn(server.baseUrl, e.as, refs.tenantCode));
      // only what this build serves (a feature not landed yet is left out and listed)
      const routes = new Set(Object.keys(((await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json()) as { paths: object }).paths));
      const used = mix.filter((e) => routes.has(e.route));
      const requests = used.map((e) => requestOf(e, refs, e.as ? sessions.get(e.as)! : null));
      log(`${connections} connections for ${seconds} s over: ${used.map((e) => e.name).join(', ')}`);

      const samples: { t: number; rss: number }[] = [];
      const t0 = Date.now();
      const timer = setInterval(() => {
        const m = server.pid ? memoryOf(server.pid) : null;
        if (m) samples.push({ t: (Date.now() - t0) / 1000, rss: m.rss });
      }, 2000);
      const o = { url: server.baseUrl, connections, duration: seconds, timeout: 30, requests };
      let r = await autocannon(o);
      if (!r.latency) r = autocannon.aggregateResult([r], o);
      clearInterval(timer);

      const after = samples.filter((s) => s.t >= warmup);
      const base = after[0]?.rss ?? NaN;
      const tail = after.slice(-Math.max(1, Math.round(after.length / 10)));
      const end = tail.reduce((a, s) => a + s.rss, 0) / tail.length;
      const growth = (end - base) / base;
      const errors = r.errors + r.timeouts + r.non2xx;
      const out = {
        startedAt: new Date(t0).toISOString(),
        machine: { cpus: os.cpus().length, memGiB: round(os.totalmem() / 2 ** 30, 1), node: process.version, loadAverage: os.loadavg() },
        scale: spec.name, seconds, connections, warmupSeconds: warmup, endpoints: used.map((e) => e.name),
        requests: r.requests.total, rps: round(r.requests.average, 1), p50: r.latency.p50, p99: r.latency.p99,
        errors, non2xx: r.non2xx, timeouts: r.timeouts,
        rssMiB: { afterWarmup: round(base, 1), end: round(end, 1), growthPercent: round(growth * 100, 2) },
        pass: errors === 0 && growth < 0.1,
      };
      console.log(`\n| soak | value |\n|---|---|`);
      console.log(`| requests | ${out.requests} (${out.rps} req/s, p50 ${out.p50} ms, p99 ${out.p99} ms) |`);
      console.log(`| errors (non-2xx, timeouts, socket errors) | ${errors} |`);
      console.log(`| RSS after ${warmup} s warm-up → end | ${out.rssMiB.afterWarmup} → ${out.rssMiB.end} MiB (${out.rssMiB.growthPercent} %) |`);
      console.log(`| verdict (0 errors, growth < 10 %) | ${out.pass ? 'pass' : 'FAIL'} |`);
      const file = path.join(ROOT, 'bench', 'results', `soak-${out.startedAt.replace(/[:.]/g, '-')}.json`);
      fs.writeFileSync(file, JSON.stringify({ ...out, samples }, null, 2));
      console.log(`\nwritten ${path.relative(ROOT, file)}`);
      if (!out.pass) process.exitCode = 1;
    } finally {
      await server.stop();
    }
  } finally {
    pg.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
