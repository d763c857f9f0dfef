import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { judge, type Verdict } from './targets.js';
import type { Engine } from './db.js';
import type { LoadResult } from './load.js';
import type { RawTiming } from './capture.js';
import type { BundleReport } from './bundle.js';
import type { ExportResult } from './xlsx.js';
import type { TimedResult } from './timed.js';
import { ROOT } from './server.js';

export type Where = Engine | 'web' | 'node';

/** One row of the printed table. `key` is what targets match on. */
export interface Measure {
  key: string;
  engine: Where;
  value: number;
  unit: string;
  display: string;
  verdict: Verdict | null;
}

export interface BenchResult {
  version: 1;
  startedAt: string;
  finishedAt: string;
  seconds: number;
  machine: ReturnType<typeof machineInfo>;
  options: { scale: string; engines: Engine[]; duration: number; connections: number[]; quick: boolean; only?: string[]; timed?: string };
  data: Partial<Record<Engine, { rows: Record<string, number>; seconds: number; tenants: string[] }>>;
  http: ({ endpoint: string; engine: Where } & LoadResult)[];
  raw: ({ endpoint: string; engine: Engine } & RawTiming)[];
  /** sequential keep-alive HTTP timings (µs resolution), the numerator of the overhead ratio */
  sequential: { endpoint: string; engine: Engine; p50: number; p99: number; iterations: number }[];
  exports: ({ name: string; engine: Engine; rows: number } & ExportResult)[];
  /** documents and the assessment computation: seconds of every run */
  timed: TimedResult[];
  bundle: BundleReport | null;
  skipped: { engine: Where; what: string; reason: string }[];
  measures: Measure[];
}

export const loadAverage = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

export function machineInfo() {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryMB: Math.round(os.totalmem() / 2 ** 20),
    /** 1/5/15-minute load averages at the start and the end: other work on the machine skews every number */
    loadAverage: loadAverage(),
    loadAverageEnd: null as number[] | null,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    gitCommit: git('rev-parse', 'HEAD'),
    gitDirty: (git('status', '--porcelain') ?? '').length > 0,
  };
}

export function newResult(options: BenchResult['options']): BenchResult {
  return {
    version: 1, startedAt: new Date().toISOString(), finishedAt: '', seconds: 0, machine: machineInfo(), options,
    data: {}, http: [], raw: [], sequential: [], exports: [], timed: [], bundle: null, skipped: [], measures: [],
  };
}

/** Adds a measure, judging it against the targets of issue 7. */
export function addMeasure(result: BenchResult, m: Omit<Measure, 'verdict'>): void {
  result.measures.push({ ...m, verdict: Number.isFinite(m.value) ? judge(m.key, m.value, m.engine, result.options.scale) : null });
}

const verdictText = (v: Verdict | null) => (!v ? '—' : `${v.pass ? 'pass' : 'FAIL'}${v.indicative ? '~' : ''}`);
// CJK and full-width characters take two terminal columns.
const wide = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const width = (s: string) => [...s].reduce((w, ch) => w + (wide.test(ch) ? 2 : 1), 0);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

/** The one table: measure, engine, value, target, pass/fail. */
export function formatTable(result: BenchResult): string {
  const rows = [['measure', 'engine', 'value', 'target', 'result'], ...result.measures.map((m) => [m.key, m.engine, m.display, m.verdict?.target ?? '', verdictText(m.verdict)])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i]))));
  const line = (r: string[]) => `| ${r.map((c, i) => pad(c, widths[i])).join(' | ')} |`;
  const sep = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const notes = result.skipped.map((s) => `  skipped [${s.engine}] ${s.what}: ${s.reason}`);
  return [
    line(rows[0]),
    sep,
    ...rows.slice(1).map(line),
    '',
    `scale ${result.options.scale}, ${result.options.duration} s per load run, connections ${result.options.connections.join('/')}; ~ = target is for another scale/engine (indicative)`,
    `machine: ${result.machine.cpus} × ${result.machine.cpuModel}, ${result.machine.memoryMB} MB, node ${result.machine.node}, commit ${result.machine.gitCommit?.slice(0, 10)}${result.machine.gitDirty ? ' (dirty)' : ''}`,
    `load average at start ${result.machine.loadAverage.join(' / ')}${result.machine.loadAverageEnd ? `, at end ${result.machine.loadAverageEnd.join(' / ')}` : ''} (on ${result.machine.cpus} CPUs: anything above ${result.machine.cpus} means other work competed with the bench)`,
    ...notes,
  ].join('\n');
}

/**
 * Scale L's check: cockpit p99 for one tenant against the newest scale-M run
 * in bench/results (same engine), as a ratio with the 1.3× target.
 */
export function compareWithM(result: BenchResult, dir = path.join(ROOT, 'bench', 'results')): void {
  const l = result.measures.find((m) => m.key === 'cockpit p99@20' && m.engine === 'postgres');
  if (result.options.scale !== 'L' || !l || !fs.existsSync(dir)) return;
  const runs = fs.readdirSync(dir).filter((f) => /^\d{4}-.*\.json$/.test(f)).sort().reverse();
  for (const f of runs) {
    const other = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as BenchResult;
    const m = other.options?.scale === 'M' ? other.measures.find((x) => x.key === 'cockpit p99@20' && x.engine === 'postgres') : undefined;
    if (!m || !Number.isFinite(m.value) || m.value <= 0) continue;
    const ratio = Math.round((l.value / m.value) * 100) / 100;
    addMeasure(result, { key: 'scale L cockpit p99 vs M', engine: 'postgres', value: ratio, unit: '×', display: `${ratio}× (L ${l.value} ms / M ${m.value} ms in ${f})` });
    return;
  }
}

export function writeResult(result: BenchResult, dir = path.join(ROOT, 'bench', 'results')): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${result.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  return file;
}
