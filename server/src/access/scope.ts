import { sql } from 'drizzle-orm';
import type { SQL, AnyColumn } from 'drizzle-orm';
import { roleScope, type Role, type ScopeKind } from '@santong/contract';
import type { Db } from '../db/client.js';

/**
 * A request's data scope, resolved once per request. Repositories turn it into
 * a SQL predicate; nothing filters rows after the query.
 */
export type Scope =
  | { kind: 'all' }
  | { kind: 'duty' | 'unit'; unitIds: string[]; personId: string | null }
  | { kind: 'self'; unitIds: string[]; personId: string | null };

const breadth: Record<ScopeKind, number> = { all: 3, duty: 2, unit: 1, self: 0 };

/** The widest scope among a user's roles (a leader who is also office sees everything). */
export function widestScopeKind(roles: readonly Role[]): ScopeKind {
  let best: ScopeKind = 'self';
  for (const r of roles) {
    const k = roleScope[r];
    if (k && breadth[k] > breadth[best]) best = k;
  }
  return best;
}

/**
 * Expands root units to the units a scope covers: each root, the unit paired
 * with it (a college and its party general branch are one target of the
 * 三同 loop) and every descendant of those.
 */
async function expandUnits(db: Db, tenantId: string, roots: string[]): Promise<string[]> {
  if (roots.length === 0) return [];
  const rows = await db.execute<{ id: string }>(sql`
    with recursive base as (
      select id from units where tenant_id = ${tenantId} and (id = any(${uuidArray(roots)}) or paired_unit_id = any(${uuidArray(roots)}))
      union
      select paired_unit_id from units where tenant_id = ${tenantId} and id = any(${uuidArray(roots)}) and paired_unit_id is not null
    ), tree as (
      select id from base
      union
      select u.id from units u join tree t on u.parent_id = t.id where u.tenant_id = ${tenantId}
    )
    select id from tree`);
  return rowsOf<{ id: string }>(rows).map((r) => r.id);
}

/** A uuid[] parameter that both drivers accept (a PostgreSQL array literal of validated ids). */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

export function rowsOf<T>(res: unknown): T[] {
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

export async function resolveScope(db: Db, tenantId: string, roles: readonly Role[], personId: string | null): Promise<Scope> {
  const kind = widestScopeKind(roles);
  if (kind === 'all') return { kind: 'all' };
  if (!personId) return { kind, unitIds: [], personId: null };
  if (kind === 'self') return { kind, unitIds: [], personId };
  const roots =
    kind === 'duty'
      ? rowsOf<{ unit_id: string }>(
          await db.execute(sql`select unit_id from leader_duties where tenant_id = ${tenantId} and person_id = ${personId}`),
        ).map((r) => r.unit_id)
      : rowsOf<{ unit_id: string }>(
          await db.execute(sql`
            select unit_id from positions where tenant_id = ${tenantId} and person_id = ${personId}
            union select unit_id from people where tenant_id = ${tenantId} and id = ${personId}`),
        ).map((r) => r.unit_id);
  return { kind, unitIds: await expandUnits(db, tenantId, roots), personId };
}

/** SQL predicate "this row's unit is in scope". `personCol` serves the self scope. */
export function unitScopeSql(scope: Scope, unitCol: AnyColumn | SQL, personCol?: AnyColumn | SQL): SQL {
  if (scope.kind === 'all') return sql`true`;
  if (scope.kind === 'self') {
    return personCol && scope.personId ? sql`${personCol} = ${scope.personId}` : sql`false`;
  }
  if (scope.unitIds.length === 0) return sql`false`;
  return sql`${unitCol} = any(${uuidArray(scope.unitIds)})`;
}

export function unitInScope(scope: Scope, unitId: string | null | undefined): boolean {
  if (scope.kind === 'all') return true;
  if (!unitId || scope.kind === 'self') return false;
  return scope.unitIds.includes(unitId);
}
