import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roles, roleScope, type Role } from '@santong/contract';
import { unitInScope, widestScopeKind, type Scope } from './scope.js';

const breadth = { self: 0, unit: 1, duty: 2, all: 3 } as const;

describe('widestScopeKind', () => {
  it('gives each single role its own scope', () => {
    for (const r of roles) expect(widestScopeKind([r])).toBe(roleScope[r]);
  });

  it('picks the widest of several roles', () => {
    expect(widestScopeKind(['member', 'leader'])).toBe('duty');
    expect(widestScopeKind(['leader', 'office'])).toBe('all');
    expect(widestScopeKind(['liaison', 'member'])).toBe('unit');
    expect(widestScopeKind(['unit_head', 'leader'])).toBe('duty');
  });

  it('falls back to self for no roles or unknown roles', () => {
    expect(widestScopeKind([])).toBe('self');
    expect(widestScopeKind(['nobody' as Role])).toBe('self');
  });

  it('is at least as wide as every role held and does not depend on order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...roles), { maxLength: 6 }), (held) => {
        const k = widestScopeKind(held);
        for (const r of held) expect(breadth[k]).toBeGreaterThanOrEqual(breadth[roleScope[r]]);
        if (held.length) expect(held.map((r) => roleScope[r])).toContain(k);
        expect(widestScopeKind([...held].reverse())).toBe(k);
      }),
    );
  });
});

describe('unitInScope', () => {
  const a = '00000000-0000-4000-8000-00000000000a';
  const b = '00000000-0000-4000-8000-00000000000b';
  it('all covers every unit', () => {
    expect(unitInScope({ kind: 'all' }, a)).toBe(true);
  });
  it('unit and duty scopes cover exactly their unit ids', () => {
    const s: Scope = { kind: 'unit', unitIds: [a], personId: null };
    expect(unitInScope(s, a)).toBe(true);
    expect(unitInScope(s, b)).toBe(false);
    expect(unitInScope(s, null)).toBe(false);
    expect(unitInScope({ kind: 'duty', unitIds: [], personId: null }, a)).toBe(false);
  });
  it('self scope covers no unit', () => {
    expect(unitInScope({ kind: 'self', unitIds: [a], personId: a }, a)).toBe(false);
  });
});
