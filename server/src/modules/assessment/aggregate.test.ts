import { describe, expect, it } from 'vitest';
import { aggregate, assignGrades, combineGroups, dataScore, leafWeights, mean, rank, statsMean, summarise, trimmedMean, weightProblems, type Band, type Indicator } from './aggregate.js';

describe('means', () => {
  it('mean and trimmed mean', () => {
    expect(mean([80, 90, 70])).toBe(80);
    // fewer than 5 raters: plain mean
    expect(trimmedMean([60, 100, 80, 90])).toBe(82.5);
    // 5 raters: drop 50 and 100 → (70 + 80 + 90) / 3 = 80
    expect(trimmedMean([100, 50, 80, 90, 70])).toBe(80);
  });
  it('gives the same means from count, sum, min and max, duplicate extremes included', () => {
    const stats = (xs: number[]) => summarise(xs.map((score) => ({ targetId: 't', indicatorId: 'i', groupId: 'g', score })))[0];
    // both extremes doubled: one 9.5 and one 6 dropped → (9.5 + 7 + 8 + 6) / 4
    expect(statsMean(stats([9.5, 6, 7, 9.5, 8, 6]), true)).toBe(7.625);
    expect(trimmedMean([9.5, 6, 7, 9.5, 8, 6])).toBe(7.625);
    expect(statsMean(stats([5, 5, 5, 5, 5]), true)).toBe(5);
    // fewer than five, or no trimming asked: the plain mean
    expect(statsMean(stats([10, 2, 6, 6]), true)).toBe(6);
    expect(statsMean(stats([9.5, 6, 7, 9.5, 8, 6]), false)).toBe(mean([9.5, 6, 7, 9.5, 8, 6]));
    // an exact middle sum from the database is used as given
    expect(statsMean({ count: 5, sum: 0, min: 0, max: 0, middleSum: 24 }, true)).toBe(8);
    for (let n = 1; n < 12; n++) {
      const xs = Array.from({ length: n }, (_, i) => ((i * 7) % 5) + (i % 3) * 0.5);
      for (const trimmed of [true, false]) expect(statsMean(stats(xs), trimmed)).toBeCloseTo(trimmed ? trimmedMean(xs) : mean(xs), 12);
    }
  });
  it('combines groups by weight, renormalising over groups present', () => {
    const groups = [{ id: 'L', weight: 40 }, { id: 'P', weight: 30 }, { id: 'S', weight: 30 }];
    // 0.4 × 90 + 0.3 × 80 + 0.3 × 70 = 36 + 24 + 21 = 81
    expect(combineGroups({ L: 90, P: 80, S: 70 }, groups)).toBeCloseTo(81, 10);
    // staff group missing: (40 × 90 + 30 × 80) / 70 = 6000 / 70
    expect(combineGroups({ L: 90, P: 80 }, groups)).toBeCloseTo(6000 / 70, 10);
  });
});

describe('data formulas', () => {
  it('ratio scales the max score, count caps', () => {
    expect(dataScore({ kind: 'ratio', metric: 'completion' }, 0.85, 10)).toBeCloseTo(8.5, 10);
    expect(dataScore({ kind: 'ratio', metric: 'completion' }, 1.4, 10)).toBe(10);
    expect(dataScore({ kind: 'count', metric: 'outcomes', cap: 8 }, 6, 4)).toBe(3);
    expect(dataScore({ kind: 'count', metric: 'outcomes', cap: 8 }, 20, 4)).toBe(4);
    expect(dataScore({ kind: 'count', metric: 'outcomes', cap: 8 }, undefined, 4)).toBe(0);
  });
});

describe('tree weights', () => {
  const tree = [
    { id: 'A', parentId: null, weight: 60 },
    { id: 'B', parentId: null, weight: 40 },
    { id: 'A1', parentId: 'A', weight: 50 },
    { id: 'A2', parentId: 'A', weight: 50 },
    { id: 'A1a', parentId: 'A1', weight: 100 },
  ];
  it('multiplies weights along the path', () => {
    const w = leafWeights(tree.map((t) => ({ ...t, maxScore: 10, track: 'party' as const, method: 'manual' as const })));
    expect(w.get('A1a')).toBeCloseTo(0.3, 10);
    expect(w.get('A2')).toBeCloseTo(0.3, 10);
    expect(w.get('B')).toBeCloseTo(0.4, 10);
    expect(w.has('A')).toBe(false);
  });
  it('names every level whose weights do not sum to 100', () => {
    expect(weightProblems(tree)).toEqual([]);
    expect(weightProblems([...tree, { id: 'A3', parentId: 'A', weight: 5 }])).toEqual(['A']);
    expect(weightProblems([{ id: 'X', parentId: null, weight: 99 }])).toEqual([null]);
  });
});

describe('ranking and grades', () => {
  it('ties share a rank and the next rank skips', () => {
    const r = rank([{ id: 'a', total: 90 }, { id: 'b', total: 95 }, { id: 'c', total: 90 }, { id: 'd', total: 80 }]);
    expect([r.get('b'), r.get('a'), r.get('c'), r.get('d')]).toEqual([1, 2, 2, 4]);
  });
  const bands: Band[] = [
    { name: '优秀', minScore: 90, maxShare: 0.2 },
    { name: '良好', minScore: 80, maxShare: null },
    { name: '一般', minScore: 60, maxShare: null },
    { name: '较差', minScore: 0, maxShare: null },
  ];
  it('never exceeds a quota, even with ties, and keeps a skipped band closed', () => {
    // 10 targets → 优秀 quota floor(0.2 × 10) = 2
    const totals = [98, 95, 95, 94, 85, 84, 70, 65, 50, 91];
    const ids = totals.map((_, i) => `t${i}`);
    const r = rank(ids.map((id, i) => ({ id, total: totals[i] })));
    const g = assignGrades(ids.map((id, i) => ({ id, total: totals[i], rank: r.get(id)!, vetoed: false })), bands);
    // t0 (98) 优秀; t1, t2 tie at 95: 1 + 2 > 2 → both 良好, and 优秀 closes, so t3 (94) and t9 (91) are 良好 too
    expect(g.get('t0')).toBe('优秀');
    expect([g.get('t1'), g.get('t2'), g.get('t3'), g.get('t9')]).toEqual(['良好', '良好', '良好', '良好']);
    expect([g.get('t4'), g.get('t5'), g.get('t6'), g.get('t7'), g.get('t8')]).toEqual(['良好', '良好', '一般', '一般', '较差']);
    expect([...g.values()].filter((x) => x === '优秀').length).toBeLessThanOrEqual(2);
  });
  it('a veto caps the grade at the lowest band', () => {
    const g = assignGrades([{ id: 'a', total: 99, rank: 1, vetoed: true }, { id: 'b', total: 92, rank: 2, vetoed: false }], bands);
    expect(g.get('a')).toBe('较差');
    // 2 targets → 优秀 quota floor(0.4) = 0, so 92 lands in 良好
    expect(g.get('b')).toBe('良好');
  });
});

describe('aggregate', () => {
  // Two top indicators: party building (50) with one manual leaf, business (50) with a manual and a data leaf.
  const indicators: Indicator[] = [
    { id: 'P', parentId: null, weight: 50, maxScore: 100, track: 'party', method: 'manual' },
    { id: 'P1', parentId: 'P', weight: 100, maxScore: 10, track: 'party', method: 'manual' },
    { id: 'B', parentId: null, weight: 50, maxScore: 100, track: 'business', method: 'manual' },
    { id: 'B1', parentId: 'B', weight: 60, maxScore: 10, track: 'business', method: 'manual' },
    { id: 'B2', parentId: 'B', weight: 40, maxScore: 5, track: 'business', method: 'data', formula: { kind: 'ratio', metric: 'completion' } },
  ];
  const groups = [{ id: 'L', weight: 60 }, { id: 'S', weight: 40 }];
  it('computes totals, subtotals, adjustments, ranks and grades by hand', () => {
    const res = aggregate({
      indicators,
      groups,
      targetIds: ['x', 'y'],
      trimmedMean: false,
      scores: [
        // x: P1 L=[8,10] → 9, S=[7] → 7 → 0.6×9 + 0.4×7 = 8.2 ; B1 L=[9] S=[9] → 9
        { targetId: 'x', indicatorId: 'P1', groupId: 'L', score: 8 },
        { targetId: 'x', indicatorId: 'P1', groupId: 'L', score: 10 },
        { targetId: 'x', indicatorId: 'P1', groupId: 'S', score: 7 },
        { targetId: 'x', indicatorId: 'B1', groupId: 'L', score: 9 },
        { targetId: 'x', indicatorId: 'B1', groupId: 'S', score: 9 },
        // y: P1 → 6 (L only), B1 → 5 (S only)
        { targetId: 'y', indicatorId: 'P1', groupId: 'L', score: 6 },
        { targetId: 'y', indicatorId: 'B1', groupId: 'S', score: 5 },
      ],
      figures: { completion: { x: 0.9, y: 0.5 } },
      adjustments: [
        { targetId: 'x', kind: 'bonus', points: 2 },
        { targetId: 'x', kind: 'bonus', points: 2 },
        { targetId: 'y', kind: 'penalty', points: 1 },
      ],
      bonusCap: 3,
      penaltyCap: 5,
      bands: [
        { name: 'A', minScore: 80, maxShare: 0.5 },
        { name: 'B', minScore: 0, maxShare: null },
      ],
    });
    const [x, y] = res;
    // x: party 100×0.5×8.2/10 = 41; business 100×0.3×9/10 = 27 + 100×0.2×4.5/5 = 18 → 45; bonus min(3, 4) = 3
    expect(x.subtotals).toEqual({ party: 41, business: 45, featured: 0 });
    expect(x.adjustments).toBe(3);
    expect(x.total).toBe(89);
    expect(x.breakdown.P1).toEqual({ score: 8.2, groups: { L: 9, S: 7 }, contribution: 41 });
    // y: party 50×6/10 = 30; business 30×5/10 = 15 + 20×2.5/5 = 10 → 25; penalty 1 → 54
    expect(y.total).toBe(54);
    expect([x.rank, y.rank]).toEqual([1, 2]);
    expect([x.grade, y.grade]).toEqual(['A', 'B']);
  });
  it('uses the trimmed mean from 5 raters on', () => {
    const res = aggregate({
      indicators: [{ id: 'I', parentId: null, weight: 100, maxScore: 10, track: 'featured', method: 'manual' }],
      groups: [{ id: 'G', weight: 100 }],
      targetIds: ['t'],
      trimmedMean: true,
      scores: [2, 10, 8, 8, 8].map((score) => ({ targetId: 't', indicatorId: 'I', groupId: 'G', score })),
      figures: {},
      adjustments: [],
      bonusCap: 0,
      penaltyCap: 0,
      bands: [{ name: 'only', minScore: 0, maxShare: null }],
    });
    // drop 2 and 10 → 8 → 100 × 8/10 = 80
    expect(res[0].total).toBe(80);
    expect(res[0].subtotals.featured).toBe(80);
  });
  it('gives the same results from single scores and from sums with the middle sum given', () => {
    // 3 targets × 2 leaves × 2 groups, 1 to 7 raters each, ties at both ends included
    const scores = ['a', 'b', 'c'].flatMap((targetId, ti) => ['P1', 'B1'].flatMap((indicatorId, ii) => ['L', 'S'].flatMap((groupId, gi) =>
      Array.from({ length: 1 + ((ti * 4 + ii * 2 + gi) % 7) }, (_, k) => ({ targetId, indicatorId, groupId, score: [6, 9.5, 7.5, 9.5, 6, 8, 8.5][(k + ti) % 7] })))));
    for (const trimmed of [true, false]) {
      const input = { indicators, groups, targetIds: ['a', 'b', 'c'], trimmedMean: trimmed, figures: { completion: { a: 1, b: 0.5 } }, adjustments: [], bonusCap: 0, penaltyCap: 0, bands: [{ name: 'A', minScore: 0, maxShare: null }] };
      // as the database hands them over: the middle sum worked out apart (here from the sorted scores, as trimmedMean does)
      const fromDb = summarise(scores).map((st) => {
        const xs = scores.filter((x) => x.targetId === st.targetId && x.indicatorId === st.indicatorId && x.groupId === st.groupId).map((x) => x.score).sort((p, q) => p - q);
        return { ...st, middleSum: xs.slice(1, -1).reduce((p, q) => p + q, 0) };
      });
      expect(aggregate({ ...input, scoreStats: fromDb })).toEqual(aggregate({ ...input, scores }));
    }
  });
});
