import type { CheckMethod, CheckResult } from '@santong/contract';

/** Typed i18n keys of the supervision enums. */
export const supervisionLabel = {
  method: (m: CheckMethod) => `supervision.method.${m}` as const,
  result: (r: CheckResult) => `supervision.result.${r}` as const,
};

export const resultColor: Record<CheckResult, string> = { pass: 'green', partial: 'orange', fail: 'red' };
/** Cell backgrounds of the checks matrix. */
export const resultBg: Record<CheckResult, string> = { pass: '#f6ffed', partial: '#fff7e6', fail: '#fff1f0' };

export const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
