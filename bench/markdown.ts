/**
 * npx tsx bench/markdown.ts bench/results/<run>.json [--engine postgres,node]
 * The run's table as Markdown, for docs/performance.md.
 */
import fs from 'node:fs';
import { parseArgs } from './args.js';
import type { BenchResult } from './report.js';

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: bench/markdown.ts RESULT.json [--engine E,E]');
  process.exit(2);
}
const only = parseArgs(rest).get('engine')?.split(',');
const r = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResult;
const cell = (s: string) => s.replace(/\|/g, '\\|');
const lines = ['| measure | engine | value | target | result |', '|---|---|---|---|---|'];
for (const m of r.measures) {
  if (only && !only.includes(m.engine)) continue;
  const v = m.verdict ? `${m.verdict.pass ? 'pass' : '**FAIL**'}${m.verdict.indicative ? ' ~' : ''}` : '—';
  lines.push(`| ${cell(m.key)} | ${m.engine} | ${cell(m.display)} | ${cell(m.verdict?.target ?? '')} | ${v} |`);
}
const mi = r.machine;
lines.push('', `Scale ${r.options.scale}, ${r.options.duration} s per load run, ${r.seconds} s in all; ${mi.cpus} × ${mi.cpuModel}, ${mi.memoryMB} MB, Node ${mi.node}, commit \`${mi.gitCommit?.slice(0, 10)}\`${mi.gitDirty ? ' (uncommitted changes)' : ''}; load average ${mi.loadAverage.join(' / ')} at start, ${mi.loadAverageEnd?.join(' / ') ?? '?'} at end.`);
for (const s of r.skipped) lines.push(`- skipped [${s.engine}] ${s.what}: ${s.reason}`);
console.log(lines.join('\n'));
