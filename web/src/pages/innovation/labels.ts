import type { InnovationGrade, InnovationKind, InnovationLevel, InnovationStage, InnovationStep } from '@santong/contract';

/** Typed i18n keys of the innovation enums. */
export const innovationLabel = {
  kind: (k: InnovationKind) => `innovation.kind.${k}` as const,
  level: (l: InnovationLevel) => `innovation.level.${l}` as const,
  stage: (s: InnovationStage) => `innovation.stage.${s}` as const,
  grade: (g: InnovationGrade) => `innovation.grade.${g}` as const,
  step: (s: InnovationStep['step']) => `innovation.step.${s}` as const,
};

export const stageColor: Record<InnovationStage, string> = {
  applied: 'default', approved: 'blue', rejected: 'red', cultivating: 'processing', midterm_checked: 'purple', accepted: 'success',
};
export const gradeColor: Record<InnovationGrade, string> = { excellent: 'gold', pass: 'green', fail: 'red' };
export const levelColor: Record<InnovationLevel, string> = { national: 'red', provincial: 'orange', school: 'default' };
