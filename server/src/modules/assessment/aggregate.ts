/**
 * Year-end assessment aggregation (同考核), as pure functions.
 *
 * Scores flow bottom-up:
 *  1. per manual leaf indicator and rater group: the mean of the raters' scores,
 *     or the trimmed mean (drop one highest and one lowest) when the scheme asks
 *     for it and the group has at least 5 raters for that indicator;
 *  2. groups combined by their weights (groups with no score for the indicator
 *     are left out and the remaining weights renormalised);
 *  3. data indicators scored by their formula from a figure the product holds;
 *  4. each leaf contributes weight-path × score / maxScore, so the total is out
 *     of 100 (sibling weights sum to 100 at every level);
 *  5. bonus and penalty items, each group capped, are added; a veto item caps
 *     the grade at the lowest band whatever the score;
 *  6. ranking by total, ties sharing a rank (1, 2, 2, 4);
 *  7. grades by bands, best first: a target gets the best band whose minimum it
 *     reaches and whose quota still has room. A quota is floor(share × targets).
 *     Tied targets are never split: if a tie group does not fit in a band's
 *     remaining quota, the whole group falls to the next band, so no band's
 *     quota is ever exceeded.
 */

export type Track = 'party' | 'business' | 'featured';

export interface Indicator {
  id: string;
  parentId: string | null;
  weight: number;
  maxScore: number;
  track: Track;
  method: 'manual' | 'data';
  formula?: DataFormula | null;
}

/** ratio: a figure in [0,1] (e.g. completion rate) scales the max score; count: min(count, cap)/cap of it. */
export type DataFormula = { kind: 'ratio'; metric: string } | { kind: 'count'; metric: string; cap: number };

export interface RaterScore {
  targetId: string;
  indicatorId: string;
  groupId: string;
  score: number;
}

/**
 * What a group's mean needs of its raters' scores on one indicator for one
 * target: the database hands these over already summed (one row per target,
 * indicator and group instead of one per score); summarise() builds them from
 * single scores.
 */
export interface ScoreStats {
  targetId: string;
  indicatorId: string;
  groupId: string;
  count: number;
  sum: number;
  min: number;
  max: number;
  /** sum − min − max, when the database works it out exactly (decimal); else computed from the three */
  middleSum?: number;
}

export interface Group {
  id: string;
  weight: number;
}

export interface Adjustment {
  targetId: string;
  kind: 'bonus' | 'penalty' | 'veto';
  points: number;
}

export interface Band {
  name: string;
  minScore: number;
  /** at most this share of targets (0–1); null for no quota */
  maxShare: number | null;
}

export interface AggregateInput {
  indicators: Indicator[];
  groups: Group[];
  /** single scores, or (`scoreStats`) their sums per target, indicator and group; give one of the two */
  scores?: RaterScore[];
  scoreStats?: ScoreStats[];
  targetIds: string[];
  trimmedMean: boolean;
  /** metric → targetId → figure, for data indicators */
  figures: Record<string, Record<string, number>>;
  adjustments: Adjustment[];
  bonusCap: number;
  penaltyCap: number;
  bands: Band[];
}

export interface TargetResult {
  targetId: string;
  total: number;
  subtotals: Record<Track, number>;
  adjustments: number;
  vetoed: boolean;
  rank: number;
  grade: string;
  /** leaf indicator id → { score on its own scale, per-group means, contribution to the total } */
  breakdown: Record<string, { score: number; groups: Record<string, number>; contribution: number }>;
}

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

export function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** Drops one highest and one lowest score; only meaningful from 5 scores on. */
export function trimmedMean(xs: readonly number[]): number {
  if (xs.length < 5) return mean(xs);
  const sorted = [...xs].sort((a, b) => a - b);
  return mean(sorted.slice(1, -1));
}

/** Per target, indicator and group: count, sum, lowest and highest of the scores (in their order). */
export function summarise(scores: readonly RaterScore[]): ScoreStats[] {
  const out = new Map<string, ScoreStats>();
  for (const s of scores) {
    const key = `${s.targetId}|${s.indicatorId}|${s.groupId}`;
    const st = out.get(key);
    if (!st) out.set(key, { targetId: s.targetId, indicatorId: s.indicatorId, groupId: s.groupId, count: 1, sum: s.score, min: s.score, max: s.score });
    else Object.assign(st, { count: st.count + 1, sum: st.sum + s.score, min: Math.min(st.min, s.score), max: Math.max(st.max, s.score) });
  }
  return [...out.values()];
}

/**
 * mean() or trimmedMean() from the sums alone: dropping one highest and one
 * lowest score takes exactly max and min off the sum, whatever the ties
 * (five scores 5, 5, 5, 5, 5 drop one 5 at each end: 15 / 3).
 */
export function statsMean(s: Pick<ScoreStats, 'count' | 'sum' | 'min' | 'max' | 'middleSum'>, trimmed: boolean): number {
  if (s.count <= 0) return 0;
  if (trimmed && s.count >= 5) return (s.middleSum ?? s.sum - s.max - s.min) / (s.count - 2);
  return s.sum / s.count;
}

/** Weighted combination of group means; groups without a mean are left out and the rest renormalised. */
export function combineGroups(groupMeans: Record<string, number>, groups: readonly Group[]): number {
  const present = groups.filter((g) => groupMeans[g.id] !== undefined && g.weight > 0);
  const w = present.reduce((s, g) => s + g.weight, 0);
  return w > 0 ? present.reduce((s, g) => s + groupMeans[g.id] * g.weight, 0) / w : 0;
}

export function dataScore(formula: DataFormula, figure: number | undefined, maxScore: number): number {
  const f = figure ?? 0;
  if (formula.kind === 'ratio') return maxScore * Math.min(1, Math.max(0, f));
  return formula.cap > 0 ? (maxScore * Math.min(Math.max(0, f), formula.cap)) / formula.cap : 0;
}

/** Effective weight of each leaf: the product of weight/100 along its path from the root. */
export function leafWeights(indicators: readonly Indicator[]): Map<string, number> {
  const children = new Map<string | null, Indicator[]>();
  for (const i of indicators) children.set(i.parentId, [...(children.get(i.parentId) ?? []), i]);
  const out = new Map<string, number>();
  const walk = (parent: string | null, factor: number) => {
    for (const i of children.get(parent) ?? []) {
      const f = (factor * i.weight) / 100;
      if (children.has(i.id)) walk(i.id, f);
      else out.set(i.id, f);
    }
  };
  walk(null, 1);
  return out;
}

/** Competition ranking: equal totals share a rank, the next rank skips (1, 2, 2, 4). */
export function rank(totals: readonly { id: string; total: number }[]): Map<string, number> {
  const sorted = [...totals].sort((a, b) => b.total - a.total);
  const out = new Map<string, number>();
  sorted.forEach((t, i) => out.set(t.id, i > 0 && round(t.total) === round(sorted[i - 1].total) ? out.get(sorted[i - 1].id)! : i + 1));
  return out;
}

/** Grades by bands with quotas; see rule 7 at the top of this file. */
export function assignGrades(ranked: readonly { id: string; total: number; rank: number; vetoed: boolean }[], bands: readonly Band[]): Map<string, string> {
  const n = ranked.length;
  const used = bands.map(() => 0);
  // A band skipped for lack of quota stays closed: nobody ranked lower may take it.
  const closed = bands.map(() => false);
  const out = new Map<string, string>();
  const lowest = bands[bands.length - 1]?.name ?? '';
  const byRank = new Map<number, typeof ranked[number][]>();
  for (const t of [...ranked].sort((a, b) => a.rank - b.rank)) byRank.set(t.rank, [...(byRank.get(t.rank) ?? []), t]);
  for (const tie of byRank.values()) {
    const eligible = tie.filter((t) => !t.vetoed);
    for (const t of tie.filter((t) => t.vetoed)) out.set(t.id, lowest);
    if (!eligible.length) continue;
    const total = eligible[0].total;
    let placed = false;
    for (let b = 0; b < bands.length && !placed; b++) {
      if (closed[b] || (total < bands[b].minScore && b < bands.length - 1)) continue;
      const quota = bands[b].maxShare === null ? Infinity : Math.floor(bands[b].maxShare! * n);
      if (b < bands.length - 1 && used[b] + eligible.length > quota) {
        closed[b] = true;
        continue;
      }
      used[b] += eligible.length;
      for (const t of eligible) out.set(t.id, bands[b].name);
      placed = true;
    }
  }
  return out;
}

export function aggregate(input: AggregateInput): TargetResult[] {
  const weights = leafWeights(input.indicators);
  const byId = new Map(input.indicators.map((i) => [i.id, i]));
  // target → indicator → group → the group's mean
  const grouped = new Map<string, Map<string, Map<string, number>>>();
  for (const s of input.scoreStats ?? summarise(input.scores ?? [])) {
    const t = grouped.get(s.targetId) ?? new Map();
    const ind = t.get(s.indicatorId) ?? new Map();
    ind.set(s.groupId, statsMean(s, input.trimmedMean));
    t.set(s.indicatorId, ind);
    grouped.set(s.targetId, t);
  }
  const partial = input.targetIds.map((targetId) => {
    const subtotals: Record<Track, number> = { party: 0, business: 0, featured: 0 };
    const breakdown: TargetResult['breakdown'] = {};
    for (const [leafId, w] of weights) {
      const ind = byId.get(leafId)!;
      const groups: Record<string, number> = {};
      let score: number;
      if (ind.method === 'data' && ind.formula) {
        score = dataScore(ind.formula, input.figures[ind.formula.metric]?.[targetId], ind.maxScore);
      } else {
        for (const [g, m] of grouped.get(targetId)?.get(leafId) ?? []) groups[g] = m;
        score = combineGroups(groups, input.groups);
      }
      const contribution = ind.maxScore > 0 ? (100 * w * score) / ind.maxScore : 0;
      subtotals[ind.track] += contribution;
      breakdown[leafId] = { score: round(score), groups: Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, round(v)])), contribution: round(contribution) };
    }
    const adj = input.adjustments.filter((a) => a.targetId === targetId);
    const bonus = Math.min(input.bonusCap, adj.filter((a) => a.kind === 'bonus').reduce((s, a) => s + a.points, 0));
    const penalty = Math.min(input.penaltyCap, adj.filter((a) => a.kind === 'penalty').reduce((s, a) => s + Math.abs(a.points), 0));
    const base = subtotals.party + subtotals.business + subtotals.featured;
    return {
      targetId,
      total: round(base + bonus - penalty),
      subtotals: { party: round(subtotals.party), business: round(subtotals.business), featured: round(subtotals.featured) },
      adjustments: round(bonus - penalty),
      vetoed: adj.some((a) => a.kind === 'veto'),
      breakdown,
    };
  });
  const ranks = rank(partial.map((p) => ({ id: p.targetId, total: p.total })));
  const grades = assignGrades(partial.map((p) => ({ id: p.targetId, total: p.total, rank: ranks.get(p.targetId)!, vetoed: p.vetoed })), input.bands);
  return partial
    .map((p) => ({ ...p, rank: ranks.get(p.targetId)!, grade: grades.get(p.targetId)! }))
    .sort((a, b) => a.rank - b.rank || a.targetId.localeCompare(b.targetId));
}

/** Sibling weights must sum to 100 at every level; returns the parents (null = top level) where they do not. */
export function weightProblems(indicators: readonly Pick<Indicator, 'id' | 'parentId' | 'weight'>[]): (string | null)[] {
  const sums = new Map<string | null, number>();
  for (const i of indicators) sums.set(i.parentId, (sums.get(i.parentId) ?? 0) + i.weight);
  return [...sums].filter(([, s]) => Math.abs(s - 100) > 1e-6).map(([p]) => p);
}
