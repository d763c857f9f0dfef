import type { InnovationProject, InnovationProjectDetail, InnovationStep } from '@santong/contract';
import type { ProjectRow, StepRow } from './innovation.repo.js';
import { iso } from '../study/refs.repo.js';

export function presentProject(r: ProjectRow): InnovationProject {
  return {
    id: r.id,
    kind: r.kind as InnovationProject['kind'],
    title: r.title,
    unitId: r.unitId,
    unitName: r.unitName,
    leaderPersonId: r.leaderPersonId,
    leaderName: r.leaderName,
    level: r.level as InnovationProject['level'],
    stage: r.stage as InnovationProject['stage'],
    grade: r.grade as InnovationProject['grade'],
    summary: r.summary,
    appliedOn: r.appliedOn,
    lastStepOn: r.lastStepOn,
    outcomeCount: r.outcomeCount,
    activityCount: r.activityCount,
    version: r.version,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

export function presentStep(s: StepRow): InnovationStep {
  return { ...s, step: s.step as InnovationStep['step'], grade: s.grade as InnovationStep['grade'] };
}

export type DetailExtras = Omit<InnovationProjectDetail, keyof InnovationProject>;

export const innovationKindLabel: Record<string, string> = { benchmark_college: '标杆院系', model_branch: '样板支部', dual_leader_studio: '双带头人工作室', other: '其他' };
export const innovationLevelLabel: Record<string, string> = { national: '国家级', provincial: '省级', school: '校级' };
export const innovationStageLabel: Record<string, string> = {
  applied: '已申报', approved: '已立项', rejected: '未立项', cultivating: '培育中', midterm_checked: '已中期检查', accepted: '已验收',
};
export const innovationGradeLabel: Record<string, string> = { excellent: '优秀', pass: '合格', fail: '不合格' };
