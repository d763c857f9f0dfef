import type { Engine } from './db.js';

/**
 * Issue 7's targets. `key` matches a measure key (a trailing * matches any
 * prefix-equal key). A target holds at its scale/engine; elsewhere the
 * verdict is only indicative (marked ~ in the table).
 */
export interface TargetSpec {
  key: string;
  max: number;
  unit: 'ms' | 's' | 'KB' | 'MB' | '×';
  scale?: string;
  engine?: Engine;
  label: string;
}

export const targets: TargetSpec[] = [
  { key: 'cockpit p99@20', max: 100, unit: 'ms', scale: 'M', engine: 'postgres', label: 'p99 ≤ 100 ms (M, pg)' },
  { key: 'cockpit p99@20', max: 200, unit: 'ms', scale: 'S', engine: 'pglite', label: 'p99 ≤ 200 ms (S, pglite)' },
  { key: 'task list p99@20', max: 50, unit: 'ms', scale: 'M', engine: 'postgres', label: 'p99 ≤ 50 ms (M, pg)' },
  { key: 'search p99@20', max: 100, unit: 'ms', scale: 'M', engine: 'postgres', label: 'p99 ≤ 100 ms (M, pg)' },
  { key: 'overhead *', max: 1.5, unit: '×', scale: 'M', engine: 'postgres', label: '≤ 1.5 (M, pg)' },
  { key: 'assessment computation', max: 2, unit: 's', scale: 'M', engine: 'postgres', label: '≤ 2 s for 360k scores (M, pg)' },
  { key: 'export time *', max: 10, unit: 's', scale: 'M', engine: 'postgres', label: '≤ 10 s at 100k rows (M, pg)' },
  { key: 'export rss *', max: 200, unit: 'MB', scale: 'M', engine: 'postgres', label: 'RSS growth ≤ 200 MB (M, pg)' },
  { key: 'cold start', max: 3, unit: 's', label: '≤ 3 s (both engines)' },
  { key: 'login route initial JS', max: 350, unit: 'KB', label: '≤ 350 KB gzip' },
  { key: 'scale L cockpit p99 vs M', max: 1.3, unit: '×', scale: 'L', engine: 'postgres', label: '≤ 1.3× of scale M' },
];

export interface Verdict {
  target: string;
  pass: boolean;
  /** measured outside the target's scale/engine */
  indicative: boolean;
}

const matches = (pattern: string, key: string) => (pattern.endsWith('*') ? key.startsWith(pattern.slice(0, -1)) : pattern === key);

/** The verdict of a measured value against the best-fitting target, or null when the measure has none. */
export function judge(key: string, value: number, engine: Engine | 'web' | 'node', scale: string): Verdict | null {
  const candidates = targets.filter((t) => matches(t.key, key));
  if (candidates.length === 0) return null;
  const exact = candidates.find((t) => (!t.engine || t.engine === engine) && (!t.scale || t.scale === scale));
  const t = exact ?? candidates.find((c) => c.engine === engine) ?? candidates[0];
  return { target: t.label, pass: value <= t.max, indicative: !exact };
}
