import type { SupervisionCheck, SupervisionIndicator, SupervisionPlan } from '@santong/contract';
import type { CheckRow } from './checks.repo.js';
import type { IndicatorRow, PlanRow } from './plans.repo.js';
import { iso } from '../study/refs.repo.js';

export function presentPlan(r: PlanRow): SupervisionPlan {
  return {
    id: r.id, campaignId: r.campaignId, campaignTitle: r.campaignTitle, month: r.month, title: r.title,
    indicatorCount: Number(r.indicatorCount), checkCount: Number(r.checkCount), passCount: Number(r.passCount),
    partialCount: Number(r.partialCount), failCount: Number(r.failCount), version: r.version, createdAt: iso(r.createdAt),
  };
}

export function presentIndicator(r: IndicatorRow): SupervisionIndicator {
  return {
    id: r.id, planId: r.planId, requirement: r.requirement, evidence: r.evidence,
    unitKinds: r.unitKinds as SupervisionIndicator['unitKinds'], sortOrder: r.sortOrder, checkCount: Number(r.checkCount),
  };
}

export function presentCheck(r: CheckRow): SupervisionCheck {
  return {
    id: r.id, planId: r.planId, planTitle: r.planTitle, month: r.month, indicatorId: r.indicatorId, requirement: r.requirement,
    unitId: r.unitId, unitName: r.unitName, method: r.method as SupervisionCheck['method'],
    inspectorPersonId: r.inspectorPersonId, inspectorName: r.inspectorName, checkedOn: r.checkedOn,
    result: r.result as SupervisionCheck['result'], comment: r.comment, rectificationTaskId: r.rectificationTaskId,
    rectification: r.rectificationTaskId && r.taskTitle
      ? { id: r.rectificationTaskId, title: r.taskTitle, status: r.taskStatus!, progress: Number(r.taskProgress ?? 0), dueDate: r.taskDueDate! }
      : null,
    version: r.version, createdAt: iso(r.createdAt),
  };
}

export const methodLabel: Record<string, string> = { onsite: '现场检查', material: '查阅材料', online: '线上检查' };
export const resultLabel: Record<string, string> = { pass: '合格', partial: '部分合格', fail: '不合格' };
