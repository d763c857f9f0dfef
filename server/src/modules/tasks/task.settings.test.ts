import { describe, expect, it } from 'vitest';
import { mergeRagSettings } from './task.settings.js';
import { defaultRagSettings } from './task.rules.js';

describe('mergeRagSettings', () => {
  it('takes the tenant’s numbers over the defaults and ignores bad values', () => {
    expect(mergeRagSettings(undefined)).toEqual(defaultRagSettings);
    expect(mergeRagSettings({ staleDays: 21, dueSoonDays: '3', behindPoints: -5, extra: 1 })).toEqual({ ...defaultRagSettings, staleDays: 21 });
    expect(mergeRagSettings({ dueSoonDays: 0, dueSoonProgress: 90 })).toEqual({ ...defaultRagSettings, dueSoonDays: 0, dueSoonProgress: 90 });
  });
});
