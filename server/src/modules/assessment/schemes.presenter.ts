import type { AdjustmentItem, AssessmentIndicator, AssessmentScheme, GradeBand } from '@santong/contract';
import type { SchemeRow } from './schemes.repo.js';
import type { IndicatorRow } from './indicators.repo.js';
import { iso } from '../study/refs.repo.js';
import { placeTree } from './indicators.tree.js';

const isoOrNull = (v: Date | string | null) => (v ? iso(v) : null);

export function presentScheme(r: SchemeRow): AssessmentScheme {
  return {
    id: r.id,
    year: Number(r.year),
    title: r.title,
    status: r.status as AssessmentScheme['status'],
    trimmedMean: r.trimmedMean,
    bands: (r.bands ?? []) as GradeBand[],
    adjustmentItems: (r.adjustmentItems ?? []) as AdjustmentItem[],
    selfReportDeadline: r.selfReportDeadline,
    ratingDeadline: r.ratingDeadline,
    publishScope: r.publishScope,
    publishReports: r.publishReports,
    frozenAt: isoOrNull(r.frozenAt),
    publishedAt: isoOrNull(r.publishedAt),
    counts: { indicators: r.indicators, targets: r.targets, groups: r.groups, assignments: r.assignments, submitted: r.submitted },
    version: r.version,
    createdAt: iso(r.createdAt),
  };
}

/** The tree in display order, each node with its level and whether it is a leaf. */
export function presentIndicators(rows: IndicatorRow[]): AssessmentIndicator[] {
  return placeTree(rows).map(({ node: r, level, isLeaf }) => ({
    id: r.id,
    parentId: r.parentId,
    level,
    name: r.name,
    weight: Number(r.weight),
    observationPoints: r.observationPoints,
    maxScore: Number(r.maxScore),
    track: r.track as AssessmentIndicator['track'],
    method: r.method as AssessmentIndicator['method'],
    formula: (r.formula ?? null) as AssessmentIndicator['formula'],
    sortOrder: r.sortOrder,
    isLeaf,
  }));
}

export const schemeStatusLabel: Record<string, string> = {
  draft: '草稿',
  self_assessment: '自评中',
  rating: '评分中',
  closed: '评分结束',
  published: '已发布',
};
