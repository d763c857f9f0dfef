/** Roles, permissions and data scope: the one table both server and web read. */
export const roles = [
  'admin',
  'office',
  'leader',
  'unit_head',
  'liaison',
  'inspector',
  'member',
  'auditor',
  'security',
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'org.unit.read',
  'org.unit.write',
  'org.person.read',
  'org.person.write',
  'org.duty.read',
  'org.duty.write',
  'org.import',
  'user.read',
  'user.write',
  'user.unlock',
  'audit.read',
  'security.manage',
] as const;
export type Permission = (typeof permissions)[number];

const orgRead: Permission[] = ['org.unit.read', 'org.person.read', 'org.duty.read'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: [...orgRead, 'org.unit.write', 'org.person.write', 'org.duty.write', 'org.import', 'user.read', 'user.write', 'user.unlock'],
  office: [...orgRead, 'org.unit.write', 'org.person.write', 'org.duty.write', 'org.import'],
  leader: [...orgRead],
  unit_head: [...orgRead, 'org.person.write'],
  liaison: [...orgRead, 'org.person.write'],
  inspector: [...orgRead],
  member: [...orgRead],
  auditor: ['org.unit.read', 'audit.read'],
  security: ['org.unit.read', 'user.read', 'user.unlock', 'security.manage'],
};

/**
 * Data scope by role. A user with several roles gets the widest.
 * all: every record of the tenant; duty: the leader's 分管/联系 units and their
 * subtrees; unit: the subtree of the units the user belongs to; self: own records.
 */
export type ScopeKind = 'all' | 'duty' | 'unit' | 'self';
export const roleScope: Record<Role, ScopeKind> = {
  admin: 'all',
  office: 'all',
  inspector: 'all',
  auditor: 'all',
  security: 'all',
  leader: 'duty',
  unit_head: 'unit',
  liaison: 'unit',
  member: 'self',
};

/** 三员分立: the system, security and audit administrators are separate people. */
export const exclusiveRoles: readonly Role[] = ['admin', 'security', 'auditor'];

export function permissionsOf(userRoles: readonly Role[]): Set<Permission> {
  return new Set(userRoles.flatMap((r) => rolePermissions[r] ?? []));
}

export function hasPermission(userRoles: readonly Role[], p: Permission): boolean {
  return userRoles.some((r) => rolePermissions[r]?.includes(p));
}

export function conflictingRoles(userRoles: readonly Role[]): Role[] {
  const held = exclusiveRoles.filter((r) => userRoles.includes(r));
  return held.length > 1 ? held : [];
}
