import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_MAX_AGE_DAYS, passwordExpired, passwordMaxAgeDays } from './password-policy.js';

const daysAgo = (d: number, now: Date) => new Date(now.getTime() - d * 86_400_000);

describe('password expiry policy', () => {
  const now = new Date('2026-06-01T08:00:00Z');

  it('defaults to 180 days when the tenant sets nothing usable', () => {
    for (const s of [{}, null, { passwordMaxAgeDays: 'x' }, { passwordMaxAgeDays: -3 }]) expect(passwordMaxAgeDays(s)).toBe(DEFAULT_PASSWORD_MAX_AGE_DAYS);
    expect(passwordExpired(daysAgo(179, now), {}, now)).toBe(false);
    expect(passwordExpired(daysAgo(181, now), {}, now)).toBe(true);
  });

  it('follows the tenant setting; 0 means passwords never expire', () => {
    expect(passwordExpired(daysAgo(100, now), { passwordMaxAgeDays: 90 }, now)).toBe(true);
    expect(passwordExpired(daysAgo(200, now), { passwordMaxAgeDays: 365 }, now)).toBe(false);
    expect(passwordExpired(daysAgo(5000, now), { passwordMaxAgeDays: 0 }, now)).toBe(false);
  });
});
