import { personHonourCategories, type HonourCategory, type HonourRoundStatus } from '@santong/contract';
import { AppError } from '../../platform/errors.js';

/**
 * The round moves one way: nominating → reviewing → publicity → closed.
 * Each step names the status it starts from; anything else is out of order.
 */
export const roundSteps = {
  startReview: { from: 'nominating', to: 'reviewing' },
  openPublicity: { from: 'reviewing', to: 'publicity' },
  close: { from: 'publicity', to: 'closed' },
} as const satisfies Record<string, { from: HonourRoundStatus; to: HonourRoundStatus }>;

/** What each nomination action needs of its round. */
export const nominationStage = { nominate: 'nominating', withdraw: 'nominating', review: 'reviewing', award: 'publicity' } as const;

export function roundStateError(status: string, action: string, extra: Record<string, unknown> = {}) {
  return new AppError('HONOUR_ROUND_STATE_INVALID', `the round is ${status}: cannot ${action}`, { status, action, ...extra });
}

export function requireRoundStatus(status: string, needed: HonourRoundStatus, action: string) {
  if (status !== needed) throw roundStateError(status, action, { needed });
}

export const isPersonCategory = (c: HonourCategory) => personHonourCategories.includes(c);

/**
 * The quota counts places: `nominations` are the live nominations (not
 * rejected) of a category, `approvals` the approved or awarded ones. Adding
 * one more must keep the count within the quota.
 */
export function checkQuota(category: HonourCategory, quota: number, count: number, counted: 'nominations' | 'approvals') {
  if (count + 1 <= quota) return;
  throw new AppError('HONOUR_QUOTA_EXCEEDED', `the quota of ${category} is ${quota} and ${count} ${counted} already hold it`, { category, quota, count, counted });
}
