import type { Database } from '../server/src/db/client.js';
import type { Engine } from './db.js';
import { endpoints as allEndpoints, exports as allExports, refQueries, type EndpointSpec, type ExportSpec, type Refs } from './endpoints.js';
import { captureStatements, replayOnce, type Captured } from './capture.js';
import { preflight, runLoad, sequentialClient, signIn, type Session } from './load.js';
import { addMeasure, type BenchResult, type Where } from './report.js';
import type { LiveServer } from './server.js';
import { measureExport } from './xlsx.js';
import { documents as allDocuments, measureAssessment, measureDocuments, type DocumentSpec } from './timed.js';
import { percentile, round } from './stats.js';

/** How to reach one engine's data: open it in-process (refs, raw SQL) and serve it over HTTP. */
export interface EngineRun {
  engine: Engine;
  open(): Promise<Database>;
  release(database: Database): Promise<void>;
  serve(): Promise<LiveServer>;
}

export interface EngineOptions {
  connections: number[];
  duration: number;
  rawSeconds: number;
  /** an export still running after this many seconds is cut off and reported as such */
  exportTimeout: number;
  endpoints?: EndpointSpec[];
  exports?: ExportSpec[];
  documents?: DocumentSpec[];
  /** time the assessment computation (default true) */
  assessment?: boolean;
  /** runs of each document and of the computation (default 3) */
  timedRuns?: number;
  log: (msg: string) => void;
}

/** Ids for the URLs, from the first bench tenant. */
export async function loadRefs(database: Database): Promise<Refs> {
  const [tenant] = (await database.query(`select id, code from tenants where code like 'bench%' order by code limit 1`)) as { id: string; code: string }[];
  if (!tenant) throw new Error('no bench tenant: run npm run bench:data first');
  const refs: Refs = { tenantCode: tenant.code, tenantId: tenant.id };
  for (const [key, text] of Object.entries(refQueries)) {
    const [row] = (await database.query(text, [tenant.id])) as { id: string }[];
    if (row) refs[key as keyof typeof refQueries] = row.id;
  }
  return refs;
}

async function apiRoutes(baseUrl: string): Promise<Set<string>> {
  const doc = (await (await fetch(`${baseUrl}/api/v1/openapi.json`)).json()) as { paths: Record<string, unknown> };
  return new Set(['/healthz', ...Object.keys(doc.paths)]);
}

export function recordLoad(result: BenchResult, endpoint: string, engine: Where, r: Awaited<ReturnType<typeof runLoad>>): void {
  result.http.push({ endpoint, engine, ...r });
  const failed = r.failures > 0 ? `, ${r.failures} failed` : '';
  addMeasure(result, {
    key: `${endpoint} p99@${r.connections}`, engine, value: r.failures > 0 ? NaN : r.p99, unit: 'ms',
    display: `p99 ${r.p99} ms (p50 ${r.p50}, ${Math.round(r.rps)} req/s${failed})`,
  });
}

interface Live {
  server: LiveServer;
  database: Database;
  refs: Refs;
  captures: Map<string, Captured>;
}

/** Load at each connection count, then the overhead ratio against the raw-SQL baseline. */
async function benchEndpoint(result: BenchResult, run: EngineRun, { server, database, refs, captures }: Live, spec: EndpointSpec, session: Session | null, opts: EngineOptions) {
  const check = await preflight(server.baseUrl, spec, refs, session);
  if (check.status >= 300) {
    result.skipped.push({ engine: run.engine, what: spec.name, reason: `preflight ${check.status}: ${check.text}` });
    return;
  }
  for (const c of opts.connections) {
    opts.log(`  ${run.engine} ${spec.name} @${c} (${opts.duration} s)`);
    recordLoad(result, spec.name, run.engine, await runLoad(server.baseUrl, spec, refs, session, c, opts.duration));
  }
  const captured = captures.get(spec.name);
  if (spec.kind !== 'read' || !captured) return;
  const o = await overhead(database, captured, server, spec, refs, session, opts.rawSeconds);
  result.raw.push({ endpoint: spec.name, engine: run.engine, ...o.sql, queries: captured.reads.length, skipped: captured.skipped, sql: captured.reads.map((x) => x.text.replace(/\s+/g, ' ').trim()) });
  result.sequential.push({ endpoint: spec.name, engine: run.engine, ...o.http });
  const ratio = o.http.p50 / Math.max(o.sql.p50, 0.001);
  addMeasure(result, {
    key: `overhead ${spec.name}`, engine: run.engine, value: round(ratio), unit: '×',
    display: `${round(ratio)}× (HTTP p50 ${round(o.http.p50)} / SQL p50 ${round(o.sql.p50)} ms, ${captured.reads.length} stmts)`,
  });
}

/**
 * HTTP p50 (one keep-alive connection) over raw-SQL p50 of the same statements,
 * alternating one request and one replay so machine load hits both alike.
 */
async function overhead(database: Database, captured: Captured, server: LiveServer, spec: EndpointSpec, refs: Refs, session: Session | null, seconds: number) {
  const client = sequentialClient(server.baseUrl, spec, refs, session);
  const httpMs: number[] = [];
  const sqlMs: number[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      await client.once();
      await replayOnce(database, captured.reads);
    }
    const until = performance.now() + seconds * 1000;
    while (httpMs.length < 2000 && (performance.now() < until || httpMs.length < 20)) {
      httpMs.push(await client.once());
      sqlMs.push(await replayOnce(database, captured.reads));
    }
  } finally {
    client.close();
  }
  const stats = (v: number[]) => ({ p50: percentile(v, 50), p99: percentile(v, 99), iterations: v.length });
  return { http: stats(httpMs), sql: stats(sqlMs) };
}

async function benchExports(result: BenchResult, run: EngineRun, server: LiveServer, list: ExportSpec[], routes: Set<string>, refs: Refs, counts: Map<string, number>, sessionOf: (u: string) => Promise<Session>, opts: EngineOptions) {
  for (const spec of list) {
    if (!routes.has(spec.route)) {
      result.skipped.push({ engine: run.engine, what: spec.name, reason: `${spec.route} not in the API yet` });
      continue;
    }
    const rows = counts.get(spec.name) ?? 0;
    opts.log(`  ${run.engine} ${spec.name} (${rows} rows, at most ${opts.exportTimeout} s)`);
    const r = await measureExport(server, spec.url(refs), await sessionOf(spec.as), opts.exportTimeout);
    if (r.status !== 200 && !r.timedOut) {
      result.skipped.push({ engine: run.engine, what: spec.name, reason: `status ${r.status}` });
      continue;
    }
    result.exports.push({ name: spec.name, engine: run.engine, rows, ...r });
    const display = r.timedOut
      ? `> ${round(r.seconds)} s: cut off with ${Math.round(r.bytes / 1024)} KB of ${rows} rows sent`
      : `${round(r.seconds)} s for ${rows} rows (${Math.round(r.bytes / 1024)} KB)`;
    addMeasure(result, { key: `export time ${spec.name}`, engine: run.engine, value: round(r.seconds), unit: 's', display });
    addMeasure(result, { key: `export rss ${spec.name}`, engine: run.engine, value: round(r.growthMB, 1), unit: 'MB', display: `+${round(r.growthMB, 1)} MB (peak ${round(r.peakMB, 1)} MB)` });
  }
}

async function captureAll(result: BenchResult, run: EngineRun, database: Database, endpoints: EndpointSpec[], refs: Refs): Promise<Map<string, Captured>> {
  const captures = new Map<string, Captured>();
  for (const [endpoint, c] of await captureStatements(database, endpoints.filter((e) => e.kind === 'read'), refs)) {
    if ('error' in c) result.skipped.push({ engine: run.engine, what: `raw SQL of ${endpoint}`, reason: c.error });
    else captures.set(endpoint, c);
  }
  return captures;
}

/**
 * Everything measured against one engine: the server is started first (cold
 * start), then the same data is opened in-process for ids, statement capture
 * and the raw-SQL side of the overhead ratio.
 */
export async function benchEngine(result: BenchResult, run: EngineRun, opts: EngineOptions): Promise<void> {
  const endpoints = opts.endpoints ?? allEndpoints;
  const exportList = opts.exports ?? allExports;
  const server = await run.serve();
  let database: Database | null = null;
  try {
    if (server.coldStartMs !== null) {
      addMeasure(result, { key: 'cold start', engine: run.engine, value: round(server.coldStartMs / 1000), unit: 's', display: `${round(server.coldStartMs / 1000)} s to /healthz 200` });
    }
    const routes = await apiRoutes(server.baseUrl);
    database = await run.open();
    const refs = await loadRefs(database);
    const present = endpoints.filter((e) => routes.has(e.route));
    const live: Live = { server, database, refs, captures: await captureAll(result, run, database, present, refs) };
    const counts = new Map<string, number>();
    for (const e of exportList) counts.set(e.name, Number(((await database.query(e.countSql, [refs.tenantId])) as { n: number }[])[0]?.n ?? 0));
    const sessions = new Map<string, Session>();
    const sessionOf = async (u: string) => sessions.get(u) ?? sessions.set(u, await signIn(server.baseUrl, u, refs.tenantCode)).get(u)!;
    for (const spec of endpoints) {
      if (!routes.has(spec.route)) {
        result.skipped.push({ engine: run.engine, what: spec.name, reason: `${spec.method} ${spec.route} not in the API yet` });
        continue;
      }
      await benchEndpoint(result, run, live, spec, spec.as ? await sessionOf(spec.as) : null, opts);
    }
    await benchExports(result, run, server, exportList, routes, refs, counts, sessionOf, opts);
    const timed = { result, engine: run.engine, server, routes, refs, sessionOf, log: opts.log, runs: opts.timedRuns };
    await measureDocuments(timed, opts.documents ?? allDocuments);
    if (opts.assessment !== false) await measureAssessment(timed, database);
  } finally {
    if (database) await run.release(database);
    await server.stop();
  }
}
