import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conflictingRoles, exclusiveRoles, hasPermission, permissions, permissionsOf, rolePermissions, roles } from './permissions.js';

describe('conflictingRoles (三员分立)', () => {
  it('allows one administrator role with others', () => {
    expect(conflictingRoles([])).toEqual([]);
    expect(conflictingRoles(['admin'])).toEqual([]);
    expect(conflictingRoles(['admin', 'office', 'leader'])).toEqual([]);
    expect(conflictingRoles(['auditor', 'member'])).toEqual([]);
  });

  it('names the clashing administrator roles', () => {
    expect(conflictingRoles(['admin', 'auditor'])).toEqual(['admin', 'auditor']);
    expect(conflictingRoles(['security', 'admin'])).toEqual(['admin', 'security']);
    expect(conflictingRoles(['auditor', 'security', 'office'])).toEqual(['security', 'auditor']);
    expect(conflictingRoles(['admin', 'security', 'auditor'])).toEqual(['admin', 'security', 'auditor']);
  });

  it('conflicts exactly when two or more exclusive roles are held', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...roles), { maxLength: 9 }), (held) => {
        const n = exclusiveRoles.filter((r) => held.includes(r)).length;
        expect(conflictingRoles(held).length > 0).toBe(n > 1);
      }),
    );
  });
});

describe('permissions table', () => {
  it('only names known permissions', () => {
    for (const r of roles) for (const p of rolePermissions[r]) expect(permissions).toContain(p);
  });
  it('keeps the audit log away from the system administrator', () => {
    expect(hasPermission(['admin'], 'audit.read')).toBe(false);
    expect(hasPermission(['auditor'], 'audit.read')).toBe(true);
    expect(hasPermission(['auditor'], 'user.write')).toBe(false);
  });
  it('hasPermission agrees with permissionsOf', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...roles), { maxLength: 4 }), fc.constantFrom(...permissions), (held, p) => {
        expect(hasPermission(held, p)).toBe(permissionsOf(held).has(p));
      }),
    );
  });
});
