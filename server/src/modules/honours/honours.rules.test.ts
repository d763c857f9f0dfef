import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { checkQuota, isPersonCategory, requireRoundStatus } from './honours.rules.js';

describe('honours rules', () => {
  it('lets a category fill up to its quota and no further', () => {
    expect(() => checkQuota('outstanding_member', 3, 2, 'nominations')).not.toThrow();
    try {
      checkQuota('outstanding_member', 3, 3, 'approvals');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('HONOUR_QUOTA_EXCEEDED');
      expect((e as AppError).details).toEqual({ category: 'outstanding_member', quota: 3, count: 3, counted: 'approvals' });
    }
    expect(() => checkQuota('advanced_organisation', 0, 0, 'nominations')).toThrow(AppError);
  });

  it('refuses a step from the wrong stage', () => {
    expect(() => requireRoundStatus('reviewing', 'reviewing', 'review')).not.toThrow();
    expect(() => requireRoundStatus('nominating', 'publicity', 'award')).toThrow(/nominating/);
  });

  it('tells person categories from the organisation category', () => {
    expect(isPersonCategory('outstanding_worker')).toBe(true);
    expect(isPersonCategory('advanced_organisation')).toBe(false);
  });
});
