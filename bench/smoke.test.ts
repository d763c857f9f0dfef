/**
 * Keeps the benchmark harness from rotting: a tenth of scale S into in-memory
 * PGlite, the product in-process, one 1 s autocannon round on /healthz and the
 * units list, one briefing download and one assessment computation, and the
 * result shape the JSON report carries. Not a measurement.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openPglite, runMigrations, type Database } from '../server/src/db/client.js';
import { loadConfig } from '../server/src/config.js';
import { buildApp } from '../server/src/app.js';
import { generate } from './gen/generate.js';
import { scales, shrink } from './gen/scale.js';
import { benchEngine } from './engine.js';
import { endpoints } from './endpoints.js';
import { formatTable, newResult } from './report.js';

let database: Database | null = null;
let app: FastifyInstance | null = null;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'santong-bench-smoke-'));

afterAll(async () => {
  await app?.close();
  await database?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('bench harness: generate, raw SQL, load, report', { timeout: 120_000 }, async () => {
  database = await openPglite(null);
  await runMigrations(database);
  const gen = await generate(database, shrink(scales.S, 0.1));
  expect(gen.rows.tasks).toBe(200);
  expect(gen.rows.users).toBe(9);

  const cfg = { ...loadConfig({ SANTONG_DATA_DIR: dataDir }), logLevel: 'silent', loginRateLimit: 1_000_000, rateLimit: { perUserPerMinute: 0, perIpPerMinute: 0 }, serveWeb: false };
  app = (await buildApp(cfg, database, { logger: false })).app;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const db = database;

  const result = newResult({ scale: 'S/10', engines: ['pglite'], duration: 1, connections: [1], quick: true });
  await benchEngine(result, {
    engine: 'pglite',
    open: async () => db,
    release: async () => {},
    serve: async () => ({ baseUrl: `http://127.0.0.1:${port}`, pid: null, coldStartMs: null, stop: async () => {} }),
  }, { connections: [1], duration: 1, rawSeconds: 0.2, exportTimeout: 10, endpoints: endpoints.filter((e) => e.name === 'healthz' || e.name === 'units list'), exports: [], timedRuns: 1, log: () => {} });

  expect(result.skipped).toEqual([]);
  expect(result.http.map((h) => h.endpoint)).toEqual(['healthz', 'units list']);
  for (const h of result.http) {
    expect(h).toMatchObject({ engine: 'pglite', connections: 1, failures: 0 });
    expect(h.requests).toBeGreaterThan(0);
    expect(h.rps).toBeGreaterThan(0);
    expect(Number.isFinite(h.p50) && Number.isFinite(h.p99)).toBe(true);
  }
  const raw = result.raw.find((r) => r.endpoint === 'units list')!;
  expect(raw.queries).toBeGreaterThan(0);
  expect(raw.sql.some((s) => /from "?units"?/i.test(s))).toBe(true);
  const overhead = result.measures.find((m) => m.key === 'overhead units list')!;
  expect(overhead.value).toBeGreaterThan(0);
  expect(overhead.verdict).toMatchObject({ indicative: true });

  // the generated closed scheme computes through the product's endpoint; the briefing downloads
  expect(result.timed.find((t) => t.name === 'assessment computation')).toMatchObject({ rows: 120, seconds: [expect.any(Number)] });
  expect(result.timed.find((t) => t.name === 'briefing .docx')?.bytes).toBeGreaterThan(1000);

  const json = JSON.parse(JSON.stringify(result));
  expect(Object.keys(json)).toEqual(expect.arrayContaining(['machine', 'options', 'http', 'raw', 'sequential', 'exports', 'timed', 'measures', 'skipped']));
  expect(json.machine).toMatchObject({ cpus: expect.any(Number), node: process.version });
  expect(formatTable(result)).toMatch(/units list p99@1/);
});
