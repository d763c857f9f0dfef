import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../server/src/config.js';
import { buildApp } from '../server/src/app.js';
import type { Database } from '../server/src/db/client.js';
import { BENCH_PASSWORD } from './gen/scale.js';
import { requestOf, type Session } from './load.js';
import type { EndpointSpec, Refs } from './endpoints.js';

export interface Statement {
  text: string;
  params: unknown[];
}

export interface RawTiming {
  queries: number;
  /** statements the request issued that are not reads (session touch…): not replayed */
  skipped: number;
  p50: number;
  p99: number;
  iterations: number;
  sql: string[];
}

type QueryFn = (...args: unknown[]) => Promise<unknown>;

/** Records every statement the product sends through the driver while `on` is set. */
function installRecorder(database: Database) {
  const log: Statement[] = [];
  let on = false;
  const client = (database.pglite ?? database.pool) as unknown as { query: QueryFn };
  const original = client.query;
  client.query = function (this: unknown, ...args: unknown[]) {
    if (on) {
      const [q, p] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
      log.push(typeof q === 'string' ? { text: q, params: p ?? [] } : { text: q.text, params: p ?? q.values ?? [] });
    }
    return original.apply(this, args);
  } as QueryFn;
  return {
    record: async (fn: () => Promise<void>) => {
      log.length = 0;
      on = true;
      try {
        await fn();
      } finally {
        on = false;
      }
      return [...log];
    },
    uninstall: () => {
      client.query = original;
    },
  };
}

async function injectLogin(app: FastifyInstance, username: string, tenant: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: BENCH_PASSWORD, tenant } });
  if (res.statusCode !== 200) throw new Error(`in-process login ${username} failed: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((x) => x.name === 'st_session')!;
  return { cookie: `st_session=${c.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

const isRead = (text: string) => /^\s*(select|with)\b/i.test(text);

/** Runs statements back-to-back through the driver; ms. */
export async function replayOnce(database: Database, statements: Statement[]): Promise<number> {
  const t0 = performance.now();
  for (const s of statements) await database.query(s.text, s.params);
  return performance.now() - t0;
}

export interface Captured {
  /** the read statements, in the order the request issued them */
  reads: Statement[];
  /** statements that are not reads (session touch…): not replayed */
  skipped: number;
}

/**
 * The overhead baseline: builds the product in-process on the same data,
 * sends each read endpoint's request once while recording the statements it
 * issues (session lookup and scope included), so they can be issued again
 * directly through the driver.
 */
export async function captureStatements(database: Database, specs: EndpointSpec[], refs: Refs): Promise<Map<string, Captured | { error: string }>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'santong-bench-capture-'));
  const cfg = { ...loadConfig({ SANTONG_DATA_DIR: dataDir }), logLevel: 'silent', loginRateLimit: 1_000_000, rateLimit: { perUserPerMinute: 0, perIpPerMinute: 0 }, serveWeb: false,
    // the statements of a cockpit computation, not of a cache hit
    cockpitCacheSeconds: 0 };
  const { app } = await buildApp(cfg, database, { logger: false });
  await app.ready();
  const recorder = installRecorder(database);
  const out = new Map<string, Captured | { error: string }>();
  try {
    const sessions = new Map<string, Session>();
    for (const spec of specs) {
      if (spec.as && !sessions.has(spec.as)) sessions.set(spec.as, await injectLogin(app, spec.as, refs.tenantCode));
      const req = requestOf(spec, refs, spec.as ? sessions.get(spec.as)! : null);
      const send = () => app.inject({ method: spec.method, url: req.path, headers: req.headers, payload: req.body });
      await send();
      let status = 0;
      const statements = await recorder.record(async () => {
        status = (await send()).statusCode;
      });
      const reads = statements.filter((s) => isRead(s.text));
      out.set(spec.name, status === 200 ? { reads, skipped: statements.length - reads.length } : { error: `status ${status}` });
    }
  } finally {
    recorder.uninstall();
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}
