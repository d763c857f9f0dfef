#!/usr/bin/env node
/**
 * `npm test`: every test tier in order, each with vitest's normal output, then
 * one summary. The last line is always `N passed, N failed[, N skipped]`; the
 * exit code is non-zero when anything failed.
 *
 *   npm test                      unit, int-pglite, int-pg, e2e (when e2e/ has tests),
 *                                 reliability (when server/test/reliability/ has tests)
 *   npm test -- unit int-pg       only those tiers
 *   npm test -- --bail=1          extra arguments go to vitest
 *
 * int-pg uses TEST_DATABASE_URL when set, else starts a throwaway PostgreSQL
 * (see scripts/pg-cluster.mjs); without either its tests are reported skipped
 * (PG_BIN=none simulates that).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findPgBin } from './pg-cluster.mjs';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, '.tmp');
fs.mkdirSync(tmp, { recursive: true });

// Tiers in the order they run; e2e and reliability run only when they have test files.
const ALL = ['unit', 'int-pglite', 'int-pg', 'e2e', 'reliability'];
const argv = process.argv.slice(2);
const picked = argv.filter((a) => ALL.includes(a));
const passthrough = argv.filter((a) => !ALL.includes(a));
const stages = picked.length ? ALL.filter((s) => picked.includes(s)) : ALL;

const vitestBin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');

function filesUnder(dir, pred, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) filesUnder(p, pred, out);
    else if (pred(p)) out.push(p);
  }
  return out;
}

const newest = (files) => files.reduce((m, f) => Math.max(m, fs.statSync(f).mtimeMs), 0);

/** Builds web/dist when it is missing or older than the web sources. */
function ensureWebBuilt() {
  const web = path.join(root, 'web');
  const index = path.join(web, 'dist', 'index.html');
  const sources = [
    ...filesUnder(path.join(web, 'src'), () => true),
    ...filesUnder(path.join(web, 'public'), () => true),
    ...['index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'].map((f) => path.join(web, f)).filter((f) => fs.existsSync(f)),
  ];
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newest(sources)) {
    console.log('web/dist is up to date');
    return true;
  }
  console.log('\n▶ npm run build:web (web/dist is missing or older than web/src)\n');
  const r = spawnSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
  return r.status === 0;
}

/** Counts from vitest's JSON report; a file that failed to load counts as one failure. */
function readReport(file) {
  if (!fs.existsSync(file)) return null;
  const j = JSON.parse(fs.readFileSync(file, 'utf8'));
  const brokenFiles = (j.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length;
  return {
    passed: j.numPassedTests ?? 0,
    failed: (j.numFailedTests ?? 0) + brokenFiles,
    skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0),
    files: (j.testResults ?? []).length,
  };
}

function runStage(name) {
  const out = path.join(tmp, `vitest-${name}.json`);
  fs.rmSync(out, { force: true });
  console.log(`\n▶ ${name}\n`);
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    [vitestBin, 'run', '--project', name, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...passthrough],
    { cwd: root, stdio: 'inherit', env: process.env },
  );
  const seconds = (Date.now() - started) / 1000;
  const counts = readReport(out) ?? { passed: 0, failed: 0, skipped: 0, files: 0 };
  // vitest failed without a failing test (config error, unhandled error, crash): count it.
  if (r.status !== 0 && counts.failed === 0) counts.failed = 1;
  return { name, seconds, ...counts, status: r.status };
}

const pgSource = process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : findPgBin() ? `throwaway cluster (${findPgBin()})` : null;
const results = [];
const notes = [];
const started = Date.now();

for (const stage of stages) {
  if (stage === 'e2e') {
    const tests = filesUnder(path.join(root, 'e2e'), (p) => p.endsWith('.test.ts'));
    if (tests.length === 0) {
      notes.push('e2e: no test files in e2e/ — skipped');
      continue;
    }
    if (!ensureWebBuilt()) {
      results.push({ name: 'e2e', seconds: 0, passed: 0, failed: 1, skipped: 0, files: 0, note: 'npm run build:web failed' });
      continue;
    }
  }
  if (stage === 'reliability' && filesUnder(path.join(root, 'server', 'test', 'reliability'), (p) => p.endsWith('.test.ts')).length === 0) {
    notes.push('reliability: no test files — skipped');
    continue;
  }
  results.push(runStage(stage));
}

const total = results.reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });

console.log('\n──────── test summary ────────');
for (const r of results) {
  const extra = r.note ? `  (${r.note})` : '';
  console.log(`${r.name.padEnd(11)} ${String(r.passed).padStart(4)} passed  ${String(r.failed).padStart(3)} failed  ${String(r.skipped).padStart(3)} skipped  ${String(r.files).padStart(3)} files  ${r.seconds.toFixed(1).padStart(6)}s${extra}`);
}
if (stages.includes('int-pg') || stages.includes('reliability')) console.log(pgSource ? `PostgreSQL: ${pgSource}` : 'PostgreSQL: not available — skipped (set TEST_DATABASE_URL or install PostgreSQL 15)');
for (const n of notes) console.log(n);
console.log(`total time ${((Date.now() - started) / 1000).toFixed(1)}s`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 || results.some((r) => r.status !== 0 && r.status !== undefined) ? 1 : 0);
