import { describe, expect, it } from 'vitest';
import { aggregate, leafWeights, type Indicator } from '../assessment/aggregate.js';
import { capAdjustments, dataInputs, figureKey, groupTotals, parseBands, parseFormula, scoreFigure } from './metrics.js';

describe('data indicator formulas', () => {
  it('reads formulas, with defaults and the outcome kind', () => {
    expect(parseFormula({ metric: 'task_completion_rate' })).toMatchObject({ mode: 'ratio', full: 1 });
    expect(parseFormula({ metric: 'supervision_pass_rate', full: 90 })).toMatchObject({ full: 0.9 });
    expect(parseFormula({ kind: 'count', metric: 'outcome_count', outcomeKind: 'media_report', cap: 5 })).toMatchObject({ mode: 'count', outcomeKind: 'media_report', cap: 5 });
    expect(parseFormula({ metric: 'lectures_given' })).toMatchObject({ cap: 4 });
    expect(parseFormula({ metric: 'lectures_given', kind: 'count' })?.outcomeKind).toBeNull();
    expect(parseFormula({ metric: 'weather' })).toBeNull();
    expect(parseFormula(null)).toBeNull();
    expect(figureKey(parseFormula({ metric: 'outcome_count', kind: 'typical_case' })!)).toBe('outcome_count:typical_case');
    expect(figureKey(parseFormula({ metric: 'outcome_count' })!)).toBe('outcome_count');
  });

  it('maps figures to scores by hand', () => {
    const completion = parseFormula({ metric: 'task_completion_rate', full: 0.9 })!;
    // 18 of 24 tasks done → 0.75; full at 0.9 → 10 × 0.75 / 0.9 = 8.333…
    expect(scoreFigure(completion, 18 / 24, 10)).toBeCloseTo(8.3333, 4);
    // 0.95 ≥ 0.9 → full marks
    expect(scoreFigure(completion, 0.95, 10)).toBe(10);
    expect(scoreFigure(completion, null, 10)).toBe(0);
    const pass = parseFormula({ metric: 'supervision_pass_rate' })!;
    // 7 of 8 checks passed → 6 × 0.875 = 5.25
    expect(scoreFigure(pass, 7 / 8, 6)).toBeCloseTo(5.25, 10);
    const media = parseFormula({ kind: 'count', metric: 'outcome_count', outcomeKind: 'media_report', cap: 5 })!;
    // 3 media reports, cap 5 → 4 × 3/5 = 2.4; 9 → capped at 4
    expect(scoreFigure(media, 3, 4)).toBeCloseTo(2.4, 10);
    expect(scoreFigure(media, 9, 4)).toBe(4);
    // lectures: cap 4 by default, 1 lecture → 5 × 1/4 = 1.25
    expect(scoreFigure(parseFormula({ metric: 'lectures_given' })!, 1, 5)).toBe(1.25);
    // research topics closed: cap 2, 3 closed → full 3
    expect(scoreFigure(parseFormula({ metric: 'research_topics_closed' })!, 3, 3)).toBe(3);
  });

  it('feeds aggregate so that a data leaf contributes weight × score ÷ max', () => {
    const indicators = [
      { id: 'M', parentId: null, weight: 50, maxScore: 10, track: 'party', method: 'manual' },
      { id: 'D', parentId: null, weight: 50, maxScore: 5, track: 'business', method: 'data', rawFormula: { kind: 'count', metric: 'outcome_count', outcomeKind: 'media_report', cap: 5 } },
    ] as (Indicator & { rawFormula?: unknown })[];
    const inputs = dataInputs(indicators, ['x'], { 'outcome_count:media_report': { x: 3 } });
    const [r] = aggregate({
      indicators: inputs.indicators, groups: [{ id: 'G', weight: 100 }], targetIds: ['x'], trimmedMean: false,
      scores: [{ targetId: 'x', indicatorId: 'M', groupId: 'G', score: 8 }], figures: inputs.figures,
      adjustments: [], bonusCap: 0, penaltyCap: 0, bands: [{ name: 'A', minScore: 0, maxShare: null }],
    });
    // D: 5 × 3/5 = 3 of 5 → 50 × 3/5 = 30; M: 50 × 8/10 = 40 → 70
    expect(r.breakdown.D.score).toBe(3);
    expect(r.subtotals).toEqual({ party: 40, business: 30, featured: 0 });
    expect(r.total).toBe(70);
  });
});

describe('adjustments, bands and group totals', () => {
  it('caps each item per target and passes vetoes through', () => {
    const items = [{ code: 'media', kind: 'bonus', cap: 2 }, { code: 'late', kind: 'penalty', cap: 3 }];
    const out = capAdjustments([
      { targetId: 'a', kind: 'bonus', item: 'media', points: 1.5 },
      { targetId: 'a', kind: 'bonus', item: 'media', points: 1.5 },
      { targetId: 'a', kind: 'penalty', item: 'late', points: -1 },
      { targetId: 'a', kind: 'bonus', item: 'other', points: 0.5 },
      { targetId: 'b', kind: 'veto', item: 'safety', points: 0 },
    ], items);
    // media: 3 → capped at 2; late: |−1| = 1 (under 3); other: no cap → 0.5
    expect(out).toEqual(expect.arrayContaining([
      { targetId: 'a', kind: 'bonus', points: 2 },
      { targetId: 'a', kind: 'penalty', points: 1 },
      { targetId: 'a', kind: 'bonus', points: 0.5 },
      { targetId: 'b', kind: 'veto', points: 0 },
    ]));
    expect(out).toHaveLength(4);
  });

  it('reads bands best first and falls back to the usual four', () => {
    expect(parseBands([{ name: 'B', minScore: 70, maxShare: null }, { name: 'A', minScore: 85, maxShare: 0.3 }]).map((b) => b.name)).toEqual(['A', 'B']);
    expect(parseBands([]).map((b) => [b.name, b.maxShare])).toEqual([['优秀', 0.2], ['良好', null], ['一般', null], ['较差', null]]);
  });

  it('totals each group over the leaves it scored, out of 100', () => {
    const tree: Indicator[] = [
      { id: 'A', parentId: null, weight: 60, maxScore: 10, track: 'party', method: 'manual' },
      { id: 'B', parentId: null, weight: 40, maxScore: 5, track: 'business', method: 'manual' },
    ];
    const w = leafWeights(tree);
    const leaves = new Map(tree.map((i) => [i.id, { weight: w.get(i.id)!, maxScore: i.maxScore }]));
    // L: 0.6 × 9/10 + 0.4 × 4/5 = 0.54 + 0.32 = 0.86 → 86; S scored only A: 7/10 → 70
    expect(groupTotals({ A: { groups: { L: 9, S: 7 } }, B: { groups: { L: 4 } } }, leaves, [{ id: 'L', weight: 60 }, { id: 'S', weight: 40 }])).toEqual({ L: 86, S: 70 });
  });
});
