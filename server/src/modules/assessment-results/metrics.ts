/**
 * Data indicators and the other pure steps around aggregate.ts.
 *
 * A data indicator carries `formula: {kind: 'ratio'|'count', metric, cap?, outcomeKind?}`
 * (contract/src/assessment.ts dataFormula; `full` is also read). The figure
 * is gathered for each target over the target's unit, its paired unit and
 * both subtrees, within the scheme's calendar year:
 *
 *  | metric                 | figure                                                                 | score                        |
 *  |------------------------|------------------------------------------------------------------------|------------------------------|
 *  | task_completion_rate   | done ÷ tasks due in the year (cancelled left out)                      | max × min(1, figure ÷ full)  |
 *  | on_time_rate           | done by the due date ÷ done, of tasks due in the year                  | max × min(1, figure ÷ full)  |
 *  | report_timeliness      | approved reports submitted by their task's due date ÷ approved reports | max × min(1, figure ÷ full)  |
 *  | supervision_pass_rate  | supervision checks passed ÷ checks (partial and fail count 0)          | max × min(1, figure ÷ full)  |
 *  | outcome_count          | outcomes registered (of `outcomeKind` when given)                      | max × min(figure, cap) ÷ cap |
 *  | lectures_given         | party lectures held for the target's units                             | max × min(figure, cap) ÷ cap |
 *  | research_topics_closed | research topics closed that the target's units took part in            | max × min(figure, cap) ÷ cap |
 *
 * `full` (default 1) is the rate that earns the full score, e.g. 0.9; `cap`
 * (defaults below) is the count that does. A target with no figure (no tasks,
 * no checks…) scores 0 on that indicator.
 */
import { countMetrics, ratioMetrics, type DataMetric } from '@santong/contract';
import type { Adjustment, Band, Group, Indicator } from '../assessment/aggregate.js';

export const defaultCaps: Record<(typeof countMetrics)[number], number> = { outcome_count: 10, lectures_given: 4, research_topics_closed: 2 };

export interface MetricFormula {
  metric: DataMetric;
  mode: 'ratio' | 'count';
  /** outcome kind filter (metric 'outcome_count' only) */
  outcomeKind: string | null;
  cap: number;
  full: number;
}

const isRatio = (m: string): m is (typeof ratioMetrics)[number] => (ratioMetrics as readonly string[]).includes(m);
const isCount = (m: string): m is (typeof countMetrics)[number] => (countMetrics as readonly string[]).includes(m);
const positive = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback);

/** The rate earning the full score, in (0, 1]; 90 is read as 90 %. */
function ratioFull(v: unknown): number {
  const x = positive(v, 1);
  return Math.min(1, x > 1 ? x / 100 : x);
}

/** Reads a stored formula; null when it names no known metric (the indicator then scores 0). */
export function parseFormula(raw: unknown): MetricFormula | null {
  if (!raw || typeof raw !== 'object') return null;
  const f = raw as Record<string, unknown>;
  const metric = String(f.metric ?? '');
  // the outcome kind is `outcomeKind`; a `kind` other than 'ratio'/'count' is read as one too
  const legacy = typeof f.kind === 'string' && f.kind !== 'ratio' && f.kind !== 'count' ? f.kind : null;
  const kind = typeof f.outcomeKind === 'string' && f.outcomeKind ? f.outcomeKind : legacy;
  if (isRatio(metric)) return { metric, mode: 'ratio', outcomeKind: null, cap: 0, full: ratioFull(f.full) };
  if (isCount(metric)) return { metric, mode: 'count', outcomeKind: metric === 'outcome_count' ? kind : null, cap: positive(f.cap, defaultCaps[metric]), full: 1 };
  return null;
}

/** The key under which a formula's figures are gathered ('outcome_count:media_report' for a kind). */
export const figureKey = (f: MetricFormula) => (f.outcomeKind ? `${f.metric}:${f.outcomeKind}` : f.metric);

/** The score 0..max a figure earns (see the table above). */
export function scoreFigure(f: MetricFormula, figure: number | null | undefined, maxScore: number): number {
  const x = Math.max(0, figure ?? 0);
  if (f.mode === 'ratio') return maxScore * Math.min(1, x / f.full);
  return (maxScore * Math.min(x, f.cap)) / f.cap;
}

/**
 * Data indicators handed to aggregate() as ratios of their own: the figure
 * becomes score ÷ max, so aggregate's ratio formula returns exactly scoreFigure.
 */
export function dataInputs(indicators: readonly (Indicator & { rawFormula?: unknown })[], targetIds: readonly string[], figures: Record<string, Record<string, number>>) {
  const out: Record<string, Record<string, number>> = {};
  const mapped = indicators.map((i) => {
    if (i.method !== 'data') return i;
    const f = parseFormula(i.rawFormula);
    const key = `indicator:${i.id}`;
    out[key] = Object.fromEntries(targetIds.map((t) => [t, f && i.maxScore > 0 ? scoreFigure(f, figures[figureKey(f)]?.[t], i.maxScore) / i.maxScore : 0]));
    return { ...i, formula: { kind: 'ratio' as const, metric: key } };
  });
  return { indicators: mapped, figures: out };
}

export interface AdjustmentItem {
  code: string;
  kind: string;
  cap: number | null;
}

/**
 * Each 加分项/减分项 is capped per target by its own item cap (points of the
 * same item summed first); veto rows pass through. Rows for unknown items keep
 * their points (no cap to apply).
 */
export function capAdjustments(rows: readonly { targetId: string; kind: string; item: string; points: number }[], items: readonly AdjustmentItem[]): Adjustment[] {
  const cap = new Map(items.map((i) => [i.code, i.cap]));
  const sums = new Map<string, Adjustment & { item: string }>();
  const out: Adjustment[] = [];
  for (const r of rows) {
    if (r.kind === 'veto') {
      out.push({ targetId: r.targetId, kind: 'veto', points: 0 });
      continue;
    }
    if (r.kind !== 'bonus' && r.kind !== 'penalty') continue;
    const key = `${r.targetId}|${r.kind}|${r.item}`;
    const prev = sums.get(key) ?? { targetId: r.targetId, kind: r.kind, item: r.item, points: 0 };
    prev.points += Math.abs(r.points);
    sums.set(key, prev);
  }
  for (const s of sums.values()) {
    const c = cap.get(s.item);
    out.push({ targetId: s.targetId, kind: s.kind, points: c != null && c >= 0 ? Math.min(c, s.points) : s.points });
  }
  return out;
}

/** Reads the scheme's bands (name = grade code, label shown); when none are set, the usual four with 优秀 at most 20 %. */
export function parseBands(raw: unknown): (Band & { label: string })[] {
  const list = Array.isArray(raw) ? raw : [];
  const bands = list
    .map((b: Record<string, unknown>) => ({
      name: String(b?.name ?? ''),
      label: String(b?.label || b?.name || ''),
      minScore: Number(b?.minScore ?? b?.min ?? 0),
      maxShare: b?.maxShare == null && b?.quota == null ? null : Number(b?.maxShare ?? b?.quota),
    }))
    .filter((b) => b.name && Number.isFinite(b.minScore));
  if (bands.length) return bands.sort((a, b) => b.minScore - a.minScore);
  return [
    { name: '优秀', label: '优秀', minScore: 90, maxShare: 0.2 },
    { name: '良好', label: '良好', minScore: 80, maxShare: null },
    { name: '一般', label: '一般', minScore: 60, maxShare: null },
    { name: '较差', label: '较差', minScore: 0, maxShare: null },
  ];
}

/**
 * How each rater group scored a target, out of 100: the manual leaves that
 * group scored, weighted by their effective weights and renormalised over them.
 */
export function groupTotals(
  breakdown: Record<string, { groups: Record<string, number> }>,
  leaves: ReadonlyMap<string, { weight: number; maxScore: number }>,
  groups: readonly Group[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const g of groups) {
    let sum = 0;
    let w = 0;
    for (const [id, leaf] of leaves) {
      const s = breakdown[id]?.groups[g.id];
      if (s === undefined || leaf.maxScore <= 0) continue;
      sum += (leaf.weight * s) / leaf.maxScore;
      w += leaf.weight;
    }
    if (w > 0) out[g.id] = Math.round((100 * sum * 1000) / w) / 1000;
  }
  return out;
}

/** grade code → label, for presenting stored grades. */
export const bandLabels = (raw: unknown) => new Map(parseBands(raw).map((b) => [b.name, b.label]));
