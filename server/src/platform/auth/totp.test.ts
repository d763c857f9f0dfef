import { describe, expect, it } from 'vitest';
import { currentTotp, newTotpSecret, totpUri, verifyTotp } from './totp.js';

describe('totp', () => {
  it('matches the RFC 6238 SHA-1 test vector', () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s → 94287082 (8 digits); the 6-digit code is the last six
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(currentTotp(secret, 59_000)).toBe('287082');
    expect(verifyTotp(secret, '287082', 59_000)).toBe(true);
  });

  it('accepts one step of drift and nothing further', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    expect(verifyTotp(secret, currentTotp(secret, now - 30_000), now)).toBe(true);
    expect(verifyTotp(secret, currentTotp(secret, now - 90_000), now)).toBe(false);
    expect(verifyTotp(secret, '000000', now) && currentTotp(secret, now) !== '000000').toBe(false);
  });

  it('builds an otpauth URI for authenticator apps', () => {
    expect(totpUri('GEZDGNBVGY3TQOJQ', 'office')).toMatch(/^otpauth:\/\/totp\/.*office\?.*secret=GEZDGNBVGY3TQOJQ/);
  });
});
