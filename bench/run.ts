/**
 * npm run bench [-- --scale S|M|L --db pglite|postgres|both --duration 10 --quick --reuse --fraction 0.1 --export-timeout 60 --only "cockpit,task list" --timed "tasks .xlsx,assessment computation"]
 * Generates the scale's data per engine, starts the real server on it and
 * measures; prints one table and writes bench/results/<timestamp>.json.
 * --only measures just the named endpoints (no web bundle, hello-world,
 * exports, documents or assessment), e.g. the scale-L cockpit check.
 * --timed measures just the timed parts (exports, documents, assessment
 * computation; no load runs), all of them or the named ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import { num, oneOf, parseArgs } from './args.js';
import { openTarget, provisionPostgres, resetTarget, type Engine, type Target } from './db.js';
import { generate } from './gen/generate.js';
import { scales, shrink, type ScaleName } from './gen/scale.js';
import { endpoints, exports } from './endpoints.js';
import { documents } from './timed.js';
import { benchEngine, recordLoad, type EngineOptions } from './engine.js';
import { addMeasure, compareWithM, formatTable, loadAverage, newResult, writeResult, type BenchResult } from './report.js';
import { startServer, ROOT } from './server.js';
import { startHello } from './hello.js';
import { runLoad } from './load.js';
import { measureBundle } from './bundle.js';
import { round } from './stats.js';

const t0 = performance.now();
const log = (m: string) => console.log(`[bench +${Math.round((performance.now() - t0) / 1000)}s] ${m}`);

function measureWeb(result: BenchResult) {
  const b = measureBundle(log);
  result.bundle = b;
  const kb = (n: number) => round(n / 1024, 1);
  addMeasure(result, { key: 'login route initial JS', engine: 'web', value: kb(b.loginInitialJsGzip), unit: 'KB', display: `${kb(b.loginInitialJsGzip)} KB gzip` });
  addMeasure(result, { key: 'web JS total', engine: 'web', value: kb(b.totalJsGzip), unit: 'KB', display: `${kb(b.totalJsGzip)} KB gzip in ${b.chunks.filter((c) => c.file.endsWith('.js')).length} chunks (largest ${b.chunks[0]?.file.replace('assets/', '')} ${kb(b.chunks[0]?.gzip ?? 0)} KB)` });
  for (const r of b.routes) addMeasure(result, { key: `route ${r.page} JS`, engine: 'web', value: kb(r.gzip), unit: 'KB', display: `${kb(r.gzip)} KB gzip, ${r.files} files` });
}

async function measureHello(result: BenchResult, opts: EngineOptions) {
  const hello = await startHello();
  try {
    const spec = { name: 'fastify hello-world', method: 'GET' as const, route: '/', url: () => '/', as: null, kind: 'read' as const };
    for (const c of opts.connections) {
      log(`hello-world @${c}`);
      recordLoad(result, spec.name, 'node', await runLoad(hello.baseUrl, spec, { tenantCode: '', tenantId: '' }, null, c, opts.duration));
    }
  } finally {
    await hello.stop();
  }
}

async function hasBenchData(target: Target): Promise<boolean> {
  if (target.engine === 'pglite' && !fs.existsSync(target.dir)) return false;
  const database = await openTarget(target);
  try {
    return ((await database.query(`select count(*)::int as n from tenants where code like 'bench%'`)) as { n: number }[])[0].n > 0;
  } finally {
    await database.close();
  }
}

/** Fresh data for one engine (or the existing data with --reuse), then the engine's measurements. */
async function benchOn(engine: Engine, result: BenchResult, args: Map<string, string>, opts: EngineOptions) {
  const scale = result.options.scale as ScaleName;
  const spec = shrink(scales[scale], num('fraction', args.get('fraction'), 1));
  const pg = engine === 'postgres' ? await provisionPostgres() : null;
  const target: Target = pg ? { engine: 'postgres', url: pg.url } : { engine: 'pglite', dir: path.join(ROOT, 'bench', '.data', `run-${spec.name.replace('/', '_')}-pglite`) };
  try {
    const reuse = args.get('reuse') === 'true' && (await hasBenchData(target));
    if (!reuse) {
      await resetTarget(target);
      log(`${engine}: generating scale ${spec.name}`);
      const database = await openTarget(target);
      try {
        const gen = await generate(database, spec, opts.log);
        result.data[engine] = { rows: gen.rows, seconds: round(gen.seconds, 1), tenants: gen.tenants };
        const total = Object.values(gen.rows).reduce((a, b) => a + b, 0);
        addMeasure(result, { key: `data generation ${spec.name}`, engine, value: round(gen.seconds, 1), unit: 's', display: `${round(gen.seconds, 1)} s, ${total} rows, ${gen.tenants.length} tenant(s)` });
      } finally {
        await database.close();
      }
    }
    const logFile = path.join(ROOT, 'bench', '.data', `server-${engine}.log`);
    // PGlite has one owner: the bench opens its own copy while the server runs on the original.
    const inProcess: Target = target.engine === 'pglite' ? { engine: 'pglite', dir: `${target.dir}-copy` } : target;
    if (inProcess.engine === 'pglite' && target.engine === 'pglite') {
      fs.rmSync(inProcess.dir, { recursive: true, force: true });
      fs.cpSync(target.dir, inProcess.dir, { recursive: true });
    }
    await benchEngine(result, {
      engine,
      open: () => openTarget(inProcess),
      release: (db) => db.close(),
      serve: () => startServer(target, logFile),
    }, opts);
    if (inProcess !== target && inProcess.engine === 'pglite') fs.rmSync(inProcess.dir, { recursive: true, force: true });
  } finally {
    pg?.stop();
  }
}

/** --timed: no load runs; every export, document and the computation, or just the named ones. */
function timedOnly(value: string): Partial<EngineOptions> {
  const all = [...exports.map((e) => e.name), ...documents.map((d) => d.name), 'assessment computation'];
  const names = value === 'true' ? all : value.split(',').map((n) => n.trim());
  const unknown = names.filter((n) => !all.includes(n));
  if (unknown.length) throw new Error(`--timed: unknown measure(s) ${unknown.join(', ')}; known: ${all.join(', ')}`);
  return {
    endpoints: [],
    exports: exports.filter((e) => names.includes(e.name)),
    documents: documents.filter((d) => names.includes(d.name)),
    assessment: names.includes('assessment computation'),
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const scale = oneOf<ScaleName>('scale', args.get('scale'), ['S', 'M', 'L'], 'S');
  // S runs on both engines by default; M and L are PostgreSQL-sized (issue 7's targets), PGlite only when asked.
  const which = oneOf('db', args.get('db'), ['pglite', 'postgres', 'both'] as const, scale === 'S' ? 'both' : 'postgres');
  const quick = args.get('quick') === 'true';
  const duration = num('duration', args.get('duration'), quick ? 3 : 10);
  const engines: Engine[] = which === 'both' ? ['pglite', 'postgres'] : [which];
  fs.mkdirSync(path.join(ROOT, 'bench', '.data'), { recursive: true });
  const only = args.get('only')?.split(',').map((n) => n.trim());
  const timed = args.get('timed');
  if (only && timed) throw new Error('--only and --timed exclude each other');
  const result = newResult({ scale, engines, duration, connections: [1, 20], quick, ...(only ? { only } : {}), ...(timed ? { timed } : {}) });
  const started = Date.parse(result.startedAt);
  const opts: EngineOptions = { connections: [1, 20], duration, rawSeconds: quick ? 0.5 : 2, exportTimeout: num('export-timeout', args.get('export-timeout'), quick ? 30 : 60), log: (m) => log(m.trim()) };
  if (only) {
    const unknown = only.filter((n) => !endpoints.some((e) => e.name === n));
    if (unknown.length) throw new Error(`--only: unknown endpoint(s) ${unknown.join(', ')}; known: ${endpoints.map((e) => e.name).join(', ')}`);
    Object.assign(opts, { endpoints: endpoints.filter((e) => only.includes(e.name)), exports: [], documents: [], assessment: false });
  } else if (timed) {
    Object.assign(opts, timedOnly(timed));
  } else {
    measureWeb(result);
    await measureHello(result, opts);
  }
  for (const engine of engines) await benchOn(engine, result, args, opts);
  compareWithM(result);
  result.finishedAt = new Date().toISOString();
  result.machine.loadAverageEnd = loadAverage();
  result.seconds = round((Date.now() - started) / 1000, 1);
  console.log('\n' + formatTable(result));
  console.log(`\nwritten ${path.relative(ROOT, writeResult(result))} (${result.seconds} s)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
