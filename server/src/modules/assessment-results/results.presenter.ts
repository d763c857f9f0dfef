import type { ResultPublishScope, ResultRow, ResultSchemeSummary } from '@santong/contract';
import type { ResultDbRow, SchemeRow } from './results.repo.js';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function presentScheme(s: SchemeRow, computed: boolean): ResultSchemeSummary {
  return {
    id: s.id, year: s.year, title: s.title, status: s.status, publishScope: (s.publishScope as ResultPublishScope | null) ?? null,
    publishReports: s.publishReports, frozenAt: iso(s.frozenAt), publishedAt: iso(s.publishedAt), overrideReason: s.overrideReason, computed,
  };
}

export function presentRow(r: ResultDbRow, labels: ReadonlyMap<string, string>): ResultRow {
  return {
    targetId: r.targetId, targetName: r.targetName, unitId: r.unitId, pairedUnitId: r.pairedUnitId,
    total: r.total, party: r.party, business: r.business, featured: r.featured, adjustments: r.adjustments,
    vetoed: r.vetoed, rank: r.rank, grade: r.grade, gradeLabel: labels.get(r.grade) ?? r.grade, groupTotals: r.breakdown?.groupTotals ?? {},
  };
}

export const applicationKindLabel: Record<string, string> = { commendation: '评优评先', promotion: '选任参考', talk: '谈话督促' };
