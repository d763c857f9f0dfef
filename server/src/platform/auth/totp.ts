import { Secret, TOTP } from 'otpauth';

/**
 * Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 s), as
 * authenticator apps expect. A code of the previous or next step is accepted
 * to allow for clock drift.
 */
const ISSUER = '三同 Santong';

function totpOf(secret: string, label: string) {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, label: string): string {
  return totpOf(secret, label).toString();
}

export function verifyTotp(secret: string, code: string, now = Date.now()): boolean {
  return totpOf(secret, 'check').validate({ token: code, timestamp: now, window: 1 }) !== null;
}

/** The current code (tests and the demo use it). */
export function currentTotp(secret: string, now = Date.now()): string {
  return totpOf(secret, 'check').generate({ timestamp: now });
}
