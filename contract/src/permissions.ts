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
  'plan.campaign.read',
  'plan.campaign.write',
  'plan.document.read',
  'plan.document.write',
  'plan.goal.read',
  'plan.goal.write',
  'plan.study.read',
  'plan.study.write',
  'plan.research.read',
  'plan.research.write',
  'plan.lecture.read',
  'plan.lecture.write',
  'plan.leaderView.read',
  'plan.task.read',
  'plan.task.write',
  'plan.task.assign',
  'plan.task.sign',
  'plan.task.extend',
  'plan.task.comment',
  'plan.task.import',
  'execute.report.read',
  'execute.report.write',
  'execute.report.review',
  'execute.activity.read',
  'execute.activity.write',
  'execute.honour.read',
  'execute.honour.nominate',
  'execute.honour.review',
  'execute.innovation.read',
  'execute.innovation.write',
  'execute.innovation.review',
  'execute.outcome.read',
  'execute.outcome.write',
  'execute.regulation.read',
  'execute.regulation.write',
  'assess.dispatch.read',
  'assess.dispatch.write',
  'assess.followup.write',
  'assess.supervision.read',
  'assess.supervision.write',
  /** monthly supervision plans and their indicators: the office's, while inspectors record checks */
  'assess.supervision.plan',
  'assess.exchange.read',
  'assess.exchange.write',
  'assess.scheme.read',
  'assess.scheme.write',
  'assess.self.write',
  'assess.rating.write',
  'assess.result.read',
  'assess.result.publish',
  'assess.application.read',
  'assess.application.write',
  'insight.cockpit.read',
  'insight.briefing.read',
  'search.read',
  'notify.settings.write',
] as const;
export type Permission = (typeof permissions)[number];

const orgRead: Permission[] = ['org.unit.read', 'org.person.read', 'org.duty.read'];
/** 同部署: campaigns, documents and goals are read by every working role and written by the office. */
const deployRead: Permission[] = ['plan.campaign.read', 'plan.document.read', 'plan.goal.read'];
const deployWrite: Permission[] = ['plan.campaign.write', 'plan.document.write', 'plan.goal.write'];
/** Study sessions, research topics and lectures (S4–S6): units record their own; leaders lead topics. */
const activityRead: Permission[] = ['plan.study.read', 'plan.research.read', 'plan.lecture.read'];
const activityWrite: Permission[] = ['plan.study.write', 'plan.research.write', 'plan.lecture.write'];

/**
 * Tasks: the office breaks down, issues and decides extensions; the owner
 * unit (unit_head, liaison) edits its tasks, signs for them and asks for
 * extensions; leaders and the office comment. Members see no tasks.
 */
const taskOffice: Permission[] = ['plan.task.read', 'plan.task.write', 'plan.task.assign', 'plan.task.comment', 'plan.task.import'];
const taskOwner: Permission[] = ['plan.task.read', 'plan.task.write', 'plan.task.sign', 'plan.task.extend'];

/**
 * Progress reports (同落实): the owner unit (liaison, unit_head) reports; the
 * working groups (inspector) and the office review; leaders read their duty units'.
 */
const reportRead: Permission = 'execute.report.read';
const reportWrite: Permission = 'execute.report.write';
const reportReview: Permission = 'execute.report.review';

/**
 * Outcomes and regulations (同落实 S8–S11, S15): the office registers both; units
 * register the outcomes of their scope; leaders and inspectors read; members read outcomes (their own).
 */
const recordRead: Permission[] = ['execute.outcome.read', 'execute.regulation.read'];
const recordWrite: Permission[] = ['execute.outcome.write', 'execute.regulation.write'];

/**
 * 同落实 records (S7, S9): activities and 双创 projects are kept by the units
 * and the office; honours rounds: units nominate, the office reviews; the
 * publicity list is visible to everyone in the tenant.
 */
const execOffice: Permission[] = ['execute.activity.read', 'execute.activity.write', 'execute.honour.read', 'execute.honour.review', 'execute.innovation.read', 'execute.innovation.write', 'execute.innovation.review'];
const execUnit: Permission[] = ['execute.activity.read', 'execute.activity.write', 'execute.honour.read', 'execute.honour.nominate', 'execute.innovation.read', 'execute.innovation.write'];
const execRead: Permission[] = ['execute.activity.read', 'execute.honour.read', 'execute.innovation.read'];

/**
 * 同考核 (S12–S14): the office runs dispatch, schemes and publication; the
 * working groups (inspector) check; units self-assess and close their
 * follow-ups; any assigned rater rates; results are read as published.
 */
const assessRead: Permission[] = ['assess.dispatch.read', 'assess.supervision.read', 'assess.exchange.read', 'assess.scheme.read', 'assess.result.read', 'assess.application.read'];
const assessOffice: Permission[] = [...assessRead, 'assess.dispatch.write', 'assess.followup.write', 'assess.supervision.write', 'assess.supervision.plan', 'assess.exchange.write', 'assess.scheme.write', 'assess.rating.write', 'assess.result.publish', 'assess.application.write'];
const assessUnit: Permission[] = ['assess.dispatch.read', 'assess.followup.write', 'assess.supervision.read', 'assess.exchange.read', 'assess.scheme.read', 'assess.self.write', 'assess.rating.write', 'assess.result.read'];
const insight: Permission[] = ['insight.cockpit.read', 'insight.briefing.read', 'search.read'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: [...orgRead, 'org.unit.write', 'org.person.write', 'org.duty.write', 'org.import', 'user.read', 'user.write', 'user.unlock', ...deployRead, ...deployWrite, ...activityRead, ...activityWrite, ...taskOffice, reportRead, reportReview, ...recordRead, ...recordWrite, ...execOffice, ...assessOffice, ...insight, 'notify.settings.write'],
  office: [...orgRead, 'org.unit.write', 'org.person.write', 'org.duty.write', 'org.import', ...deployRead, ...deployWrite, ...activityRead, ...activityWrite, 'plan.leaderView.read', ...taskOffice, reportRead, reportReview, ...recordRead, ...recordWrite, ...execOffice, ...assessOffice, ...insight, 'notify.settings.write'],
  leader: [...orgRead, ...deployRead, ...activityRead, 'plan.research.write', 'plan.leaderView.read', 'plan.task.read', 'plan.task.comment', reportRead, ...recordRead, ...execRead, ...assessRead, 'assess.rating.write', ...insight],
  unit_head: [...orgRead, 'org.person.write', ...deployRead, ...activityRead, 'plan.study.write', 'plan.lecture.write', ...taskOwner, reportRead, reportWrite, ...recordRead, 'execute.outcome.write', ...execUnit, ...assessUnit, 'assess.application.read', ...insight],
  liaison: [...orgRead, 'org.person.write', ...deployRead, ...activityRead, 'plan.study.write', 'plan.lecture.write', ...taskOwner, reportRead, reportWrite, ...recordRead, 'execute.outcome.write', ...execUnit, ...assessUnit, 'search.read'],
  inspector: [...orgRead, ...deployRead, ...activityRead, 'plan.leaderView.read', 'plan.task.read', reportRead, reportReview, ...recordRead, ...execRead, ...assessRead, 'assess.supervision.write', 'assess.rating.write', ...insight],
  member: [...orgRead, ...deployRead, 'plan.study.read', 'plan.lecture.read', 'execute.outcome.read', 'execute.activity.read', 'execute.honour.read', 'assess.exchange.read', 'assess.rating.write', 'assess.result.read', 'search.read'],
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
