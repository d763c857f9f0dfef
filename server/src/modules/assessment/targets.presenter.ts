import type { AdjustmentItem, AssessmentTarget, TargetAdjustment, TargetReport } from '@santong/contract';
import type { AdjustmentRow, ReportRow, TargetRow } from './targets.repo.js';
import { iso } from '../study/refs.repo.js';

export function presentReport(r: Pick<ReportRow, 'id' | 'kind' | 'body' | 'deadline' | 'submittedAt' | 'version'>): TargetReport {
  return { id: r.id, kind: r.kind as TargetReport['kind'], body: r.body, deadline: r.deadline, submittedAt: r.submittedAt ? iso(r.submittedAt) : null, version: r.version };
}

export function presentTarget(r: TargetRow, reports: ReportRow[]): AssessmentTarget {
  return {
    id: r.id,
    schemeId: r.schemeId,
    name: r.name,
    unitId: r.unitId,
    unitName: r.unitName,
    pairedUnitId: r.pairedUnitId,
    pairedUnitName: r.pairedUnitName,
    reports: reports.filter((x) => x.targetId === r.id).map(presentReport),
    selfScored: r.selfScored,
    manualCount: r.manualCount,
    raters: r.raters,
    submitted: r.submitted,
    adjustments: r.adjustments,
  };
}

export function presentAdjustment(r: AdjustmentRow, items: AdjustmentItem[]): TargetAdjustment {
  return {
    id: r.id,
    targetId: r.targetId,
    kind: r.kind as TargetAdjustment['kind'],
    item: r.item,
    itemName: items.find((i) => i.code === r.item)?.name ?? r.item,
    points: Number(r.points),
    evidence: r.evidence,
    createdAt: iso(r.createdAt),
  };
}

export const reportKindLabel: Record<string, string> = { head: '说院/说处', secretary: '述党建' };
