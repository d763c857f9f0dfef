import type { ResultApplicationKind, ResultPublishScope } from '@santong/contract';

/** Tag colours of the grades, by position in the scheme's bands (best first). */
const palette = ['green', 'blue', 'gold', 'red', 'magenta'];
export const gradeColor = (grade: string, bands: readonly { name: string }[]) => {
  const i = bands.findIndex((b) => b.name === grade);
  return i < 0 ? 'default' : i === bands.length - 1 ? 'red' : palette[i] ?? 'default';
};

export const scopeKey = (s: ResultPublishScope) => `results.scope.${s}` as const;
export const appKindKey = (k: ResultApplicationKind) => `resultApp.kind.${k}` as const;
export const appKindColor: Record<ResultApplicationKind, string> = { commendation: 'green', promotion: 'blue', talk: 'orange' };
