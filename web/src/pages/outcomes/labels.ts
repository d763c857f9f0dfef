import type { OutcomeKind, OutcomeLevel } from '@santong/contract';

/** Typed i18n keys of the outcome enums. */
export const outcomeLabel = {
  kind: (k: OutcomeKind) => `outcome.kind.${k}` as const,
  level: (l: OutcomeLevel) => `outcome.level.${l}` as const,
};

export const levelColor: Record<OutcomeLevel, string> = { national: 'red', provincial: 'orange', municipal: 'blue', school: 'default' };
