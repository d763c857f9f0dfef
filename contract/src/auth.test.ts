import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newPassword, passwordProblems } from './auth.js';

describe('passwordProblems', () => {
  it('accepts 8+ characters from 3 classes', () => {
    expect(passwordProblems('Santong@2026')).toBeNull();
    expect(passwordProblems('abcDEF12')).toBeNull();
    expect(passwordProblems('abc12345!')).toBeNull();
    expect(passwordProblems('ABC 1234')).toBeNull(); // space counts as a symbol
    expect(passwordProblems('密码Abc12345')).toBeNull();
  });

  it('rejects short passwords first', () => {
    expect(passwordProblems('')).toBe('too_short');
    expect(passwordProblems('Ab1!')).toBe('too_short');
    expect(passwordProblems('Abc@123')).toBe('too_short');
  });

  it('rejects passwords from fewer than 3 classes', () => {
    expect(passwordProblems('abcdefgh')).toBe('too_simple');
    expect(passwordProblems('12345678')).toBe('too_simple');
    expect(passwordProblems('abcd1234')).toBe('too_simple');
    expect(passwordProblems('ABCDabcd')).toBe('too_simple');
  });

  it('agrees with the zod schema the API uses', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (pw) => {
        expect(newPassword.safeParse(pw).success).toBe(passwordProblems(pw) === null);
      }),
    );
  });
});
