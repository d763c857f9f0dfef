import type { Regulation } from '@santong/contract';

export const regulationLabel = {
  status: (s: Regulation['status']) => `regulation.status.${s}` as const,
  category: (c: Regulation['category']) => `regulation.category.${c}` as const,
};

export const statusColor: Record<Regulation['status'], string> = { draft: 'default', in_force: 'success', revised: 'warning', abolished: 'error' };
