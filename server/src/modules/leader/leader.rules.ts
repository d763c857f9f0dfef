import type { LeaderRag, LeaderRagCounts } from '@santong/contract';

/** Pure helpers of the leader view. */

export const emptyRag = (): LeaderRagCounts => ({ red: 0, amber: 0, green: 0, none: 0 });

export function countRag(colours: readonly LeaderRag[]): LeaderRagCounts {
  const out = emptyRag();
  for (const c of colours) out[c]++;
  return out;
}

/** "a,b" from array_to_string → ids; empty string → none. */
export const splitIds = (s: string | null | undefined): string[] => (s ? s.split(',').filter(Boolean) : []);

const weight: Record<LeaderRag, number> = { red: 0, amber: 1, green: 2, none: 3 };

/** Red first, then amber, then the rest; earlier due dates first within a colour. */
export function byUrgency<T extends { rag: LeaderRag; dueDate: string }>(a: T, b: T): number {
  return weight[a.rag] - weight[b.rag] || a.dueDate.localeCompare(b.dueDate);
}
