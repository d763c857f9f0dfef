/**
 * What a route acts on, declared next to the route (`config.target`) so the
 * permission matrix can be generated from the route table: for each route ×
 * role × (target in scope, out of scope) the expected answer follows from the
 * route's permission, the role's data scope and this declaration
 * (server/test/integration/permissions-scope.test.ts checks every case).
 *
 * - `scope`:  holders of the permission whose data scope is narrower than the
 *             whole tenant may act only on records inside it (their unit
 *             subtree, their duty units, or — for a member — their own records).
 * - `tenant`: any holder of the permission may act on any record of the tenant
 *             (reference data, campaign-wide records the office configures).
 * - `config`: tenant configuration: only holders whose data scope is the whole
 *             tenant (the office) may act, on any record of the tenant.
 * - `own`:    only the record's owner may act (a rater's form, one's own
 *             notifications), whatever the role's scope.
 */
export type TargetRule = 'scope' | 'tenant' | 'config' | 'own';

export interface RouteTarget {
  /** the record the route names (by path parameter or by a unit / record id in the body) */
  kind: string;
  rule: TargetRule;
}

export const scoped = (kind: string): RouteTarget => ({ kind, rule: 'scope' });
export const tenantWide = (kind: string): RouteTarget => ({ kind, rule: 'tenant' });
export const tenantConfig = (kind: string): RouteTarget => ({ kind, rule: 'config' });
export const owned = (kind: string): RouteTarget => ({ kind, rule: 'own' });
