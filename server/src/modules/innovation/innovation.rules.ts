import type { InnovationAction, InnovationStage } from '@santong/contract';

/**
 * The 双创 life cycle: apply → approve (or reject) → cultivate → mid-term
 * check → accept with a grade. Each action moves from exactly one stage.
 */
export const transitions: Record<InnovationAction, { from: InnovationStage; to: InnovationStage }> = {
  approve: { from: 'applied', to: 'approved' },
  reject: { from: 'applied', to: 'rejected' },
  cultivate: { from: 'approved', to: 'cultivating' },
  midterm_check: { from: 'cultivating', to: 'midterm_checked' },
  accept: { from: 'midterm_checked', to: 'accepted' },
};

/** The stage an action leads to from `stage`, or null when the action is out of order. */
export function nextStage(stage: InnovationStage, action: InnovationAction): InnovationStage | null {
  const t = transitions[action];
  return t.from === stage ? t.to : null;
}

/** Actions the office may take next. */
export function nextActions(stage: InnovationStage): InnovationAction[] {
  return (Object.keys(transitions) as InnovationAction[]).filter((a) => transitions[a].from === stage);
}

/** A closed project (accepted or rejected) is no longer edited. */
export const isClosed = (stage: InnovationStage) => stage === 'accepted' || stage === 'rejected';

/** An application may be withdrawn (deleted) only before approval, or after rejection. */
export const isDeletable = (stage: InnovationStage) => stage === 'applied' || stage === 'rejected';

/** Steps are dated in order: a step may not be dated before the step it follows. */
export const dateInOrder = (previous: string | null, at: string) => !previous || at >= previous;

/** Where each stage stands in the cycle (for sorting and progress bars); rejected ends at 1. */
export const stageOrder: Record<InnovationStage, number> = { applied: 0, approved: 1, rejected: 1, cultivating: 2, midterm_checked: 3, accepted: 4 };
