import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { researchStatuses } from '@santong/contract';
import { canMove, nextStatus, rectificationTitle } from './research.rules.js';

describe('research topic status', () => {
  it('walks proposed → approved → in_progress → reported → closed', () => {
    expect(nextStatus('proposed')).toBe('approved');
    expect(nextStatus('approved')).toBe('in_progress');
    expect(nextStatus('in_progress')).toBe('reported');
    expect(nextStatus('reported')).toBe('closed');
    expect(nextStatus('closed')).toBeNull();
  });
  it('refuses going back and skipping steps', () => {
    expect(canMove('approved', 'proposed')).toBe(false);
    expect(canMove('proposed', 'in_progress')).toBe(false);
    expect(canMove('closed', 'reported')).toBe(false);
    expect(canMove('reported', 'reported')).toBe(true);
  });
  it('allows exactly the same status or the next one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...researchStatuses), fc.constantFrom(...researchStatuses), (a, b) => {
        const d = researchStatuses.indexOf(b) - researchStatuses.indexOf(a);
        expect(canMove(a, b)).toBe(d === 0 || d === 1);
      }),
    );
  });
});

describe('rectificationTitle', () => {
  it('prefixes and shortens the problem', () => {
    expect(rectificationTitle('  实训室安全台账  不完整 ')).toBe('整改：实训室安全台账 不完整');
    const long = '问'.repeat(80);
    expect(rectificationTitle(long)).toBe(`整改：${'问'.repeat(60)}…`);
  });
});
