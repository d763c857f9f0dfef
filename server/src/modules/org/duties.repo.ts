import { and, eq, sql, type SQL } from 'drizzle-orm';
import { leaderDuties } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { rowsOf, unitScopeSql, type Scope } from '../../access/scope.js';
import type { DutyRow } from './org.presenter.js';

export interface DutyFilter {
  personId?: string;
  unitId?: string;
  kind?: string;
}

export async function listDuties(db: Db, tenantId: string, f: DutyFilter, scope: Scope = { kind: 'all' }): Promise<DutyRow[]> {
  const conds: SQL[] = [sql`d.tenant_id = ${tenantId}`, unitScopeSql(scope, sql`d.unit_id`, sql`d.person_id`)];
  if (f.personId) conds.push(sql`d.person_id = ${f.personId}`);
  if (f.unitId) conds.push(sql`d.unit_id = ${f.unitId}`);
  if (f.kind) conds.push(sql`d.kind = ${f.kind}`);
  const res = await db.execute(sql`
    select d.id, d.person_id as "personId", p.name as "personName", d.unit_id as "unitId", u.name as "unitName", d.kind, d.note
    from leader_duties d join people p on p.id = d.person_id join units u on u.id = d.unit_id
    where ${and(...conds)} order by p.staff_no, d.kind, u.sort_order`);
  return rowsOf<DutyRow>(res);
}

export async function getDuty(db: Db, tenantId: string, id: string) {
  const [row] = await db.select().from(leaderDuties).where(and(eq(leaderDuties.tenantId, tenantId), eq(leaderDuties.id, id)));
  return row ?? null;
}

export async function insertDuty(db: Db, values: typeof leaderDuties.$inferInsert) {
  const [row] = await db.insert(leaderDuties).values(values).returning();
  return row;
}

export async function deleteDuty(db: Db, tenantId: string, id: string) {
  await db.delete(leaderDuties).where(and(eq(leaderDuties.tenantId, tenantId), eq(leaderDuties.id, id)));
}
