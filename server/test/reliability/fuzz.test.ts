import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildTestApp, call, DEMO_PASSWORD, login, type TestApp } from '../setup/db.js';
import { REPO_ROOT, TMP_DIR } from '../setup/constants.js';
import { runFuzz, type FuzzJob, type FuzzOutcome } from './support/fuzz-run.js';

/**
 * Property-based requests for every route of the OpenAPI document: malformed
 * and boundary paths, queries and bodies, sent by a user who may call the
 * route (so that validation, not the permission check, answers). Nothing a
 * client sends may produce a 5xx, and every 4xx carries the error shape.
 * With FUZZ_WORKERS=n, n forked workers each fuzz their own app and database.
 */
const TARGET = Number(process.env.FUZZ_REQUESTS || 10_000);
const SEED = Number(process.env.FUZZ_SEED || Date.now() % 2 ** 31);
/** Stop after this long even below the target (a busy machine); FUZZ_STRICT=1 insists on the target. */
const BUDGET_S = Number(process.env.FUZZ_SECONDS || 300);
/** Forked workers, each with its own app and database (one per core, at most two); 1 fuzzes in this process. */
const WORKERS = Math.max(1, Number(process.env.FUZZ_WORKERS || Math.min(2, os.availableParallelism())));
const WORKER = path.join(import.meta.dirname, 'support', 'fuzz-worker.ts');

function runWorker(template: string, job: FuzzJob): Promise<FuzzOutcome> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, { cwd: REPO_ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (m: { ok: boolean; outcome?: FuzzOutcome; error?: string }) => (m.ok ? resolve(m.outcome!) : reject(new Error(m.error))));
    child.once('exit', (code) => code !== 0 && reject(new Error(`fuzz worker exited with ${code}`)));
    child.send({ template, job });
  });
}

function merge(outcomes: FuzzOutcome[]): FuzzOutcome {
  const all: FuzzOutcome = { sent: 0, operations: outcomes[0].operations, byStatus: {}, failures: [], failedRequests: [], genMs: 0, spent: {} };
  for (const o of outcomes) {
    all.sent += o.sent;
    all.genMs += o.genMs;
    all.failures.push(...o.failures);
    all.failedRequests.push(...o.failedRequests);
    for (const [k, n] of Object.entries(o.byStatus)) all.byStatus[Number(k)] = (all.byStatus[Number(k)] ?? 0) + n;
    for (const [k, ms] of Object.entries(o.spent)) all.spent[k] = (all.spent[k] ?? 0) + ms;
  }
  return all;
}

describe('input fuzzing from the contracts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it(`${TARGET} malformed and boundary requests (or ${BUDGET_S} s): no 5xx, every error in the API shape`, async () => {
    const started = Date.now();
    const template = inject('pgliteTemplates').demo;
    const share = Math.ceil(TARGET / WORKERS);
    const jobs = Array.from({ length: WORKERS }, (_, k): FuzzJob => ({ seed: (SEED + k * 1_000_003) % 2 ** 31, target: share, budgetMs: BUDGET_S * 1000, only: process.env.FUZZ_ONLY, password: DEMO_PASSWORD }));
    const r =
      WORKERS === 1
        ? await runFuzz(t.app, t.routes, (text) => t.database.query(text), jobs[0])
        : merge(await Promise.all(jobs.map((job) => runWorker(template, job))));
    const seconds = (Date.now() - started) / 1000;
    const statuses = Object.entries(r.byStatus).map(([st, n]) => `${st}×${n}`).join(' ');
    console.log(
      `[fuzz] ${r.sent} requests over ${r.operations} operations in ${seconds.toFixed(1)} s with ${WORKERS} workers (${(r.sent / seconds).toFixed(0)}/s, seed ${SEED}); statuses ${statuses}` +
        (r.sent < TARGET ? ` — time budget reached before the ${TARGET} target (slow or busy machine)` : ''),
    );
    if (process.env.FUZZ_PROFILE === '1') {
      const top = Object.entries(r.spent).sort((a, b) => b[1] - a[1]).slice(0, 15);
      console.log(`generation ${(r.genMs / 1000).toFixed(1)}s\n` + top.map(([k, ms]) => `${(ms / 1000).toFixed(1)}s ${k}`).join('\n'));
    }
    if (r.failures.length) {
      // Kept for reproduction: the full requests, bodies base64-encoded.
      fs.mkdirSync(path.join(TMP_DIR, 'reliability'), { recursive: true });
      fs.writeFileSync(path.join(TMP_DIR, 'reliability', 'fuzz-failures.json'), JSON.stringify(r.failedRequests, null, 1));
    }
    expect(r.failures, `seed ${SEED}`).toEqual([]);
    // Every route got a fair share even when the budget cut the run short.
    expect(r.sent).toBeGreaterThanOrEqual(Math.min(TARGET, r.operations * 10));
    if (process.env.FUZZ_STRICT === '1') expect(r.sent).toBeGreaterThanOrEqual(TARGET);
  }, (BUDGET_S + 120) * 1000);

  it('stored text round-trips unchanged; text that cannot be stored is refused, never altered', async () => {
    const office = await login(t.app, 'office');
    const [unit] = await t.sql<{ id: string }>("select id from units where kind = 'department' order by code limit 1");
    const samples = ['مدرسة الحزب', 'שלום עולם', '\u202Eابت\u202C', 'e\u0301 é', '𠀀𠀁𪜀', '👨‍👩‍👧‍👦🏳️‍🌈', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇', '<b>粗体</b>&amp;', "O'Brien \"引号\"", '\\反斜杠\\', '\u200B零宽\u200D'];
    const oddText = fc
      .oneof(fc.constantFrom(...samples), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }))
      .filter((x) => x.length > 0 && x.length <= 50 && x === x.trim() && !/\u0000|[\uD800-\uDFFF]/.test(x.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(oddText, oddText, async (name, title) => {
        const res = await call(t.app, office, 'POST', '/api/v1/people', { staffNo: `RT${n++}`, name, title, politicalStatus: 'masses', unitId: unit.id });
        expect(res.statusCode, res.body).toBe(201);
        const back = (await call(t.app, office, 'GET', `/api/v1/people/${res.json().id}`)).json();
        expect({ name: back.name, title: back.title }).toEqual({ name, title });
        const [row] = await t.sql<{ name: string; title: string }>('select name, title from people where id = $1', [back.id]);
        expect(row).toEqual({ name, title });
      }),
      { numRuns: 150, seed: SEED },
    );
    for (const bad of ['a\u0000b', 'x\uD800y', '\uDFFF尾']) {
      const res = await call(t.app, office, 'POST', '/api/v1/units', { kind: 'department', name: bad, code: `BAD${n++}` });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.issues[0].path).toBe('body.name');
    }
  });
});
