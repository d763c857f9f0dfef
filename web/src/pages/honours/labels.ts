import type { HonourCategory, HonourNomination, HonourRound } from '@santong/contract';

export const honourLabel = {
  category: (c: HonourCategory) => `honour.category.${c}` as const,
  roundStatus: (s: HonourRound['status']) => `honour.round.status.${s}` as const,
  status: (s: HonourNomination['status']) => `honour.status.${s}` as const,
};

export const roundColor: Record<HonourRound['status'], string> = { nominating: 'processing', reviewing: 'warning', publicity: 'magenta', closed: 'default' };
export const nominationColor: Record<HonourNomination['status'], string> = { nominated: 'processing', approved: 'success', rejected: 'error', awarded: 'gold', not_awarded: 'default' };
