import { buildTestApp, demoTenantId, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';

/** The demo roles the org test files sign in as. */
export type OrgSessions = Record<'admin' | 'office' | 'liaison' | 'unithead' | 'leader' | 'member' | 'inspector', Session>;

const UNIT_CODES = ['DW', 'JD-XY', 'JD-ZZ', 'JD-JG', 'YS-XY', 'YS-ZZ', 'JWC', 'JWC-ZB', 'KYC', 'KYC-ZB', 'XX-XY'];

/** The org test files' common start: the app on a fresh demo database, demo unit ids (into `u`) and sessions. */
export async function openOrgFixture(u: Record<string, string>): Promise<{ t: TestApp; tenantId: string; s: OrgSessions }> {
  const t = await buildTestApp();
  const tenantId = await demoTenantId(t);
  for (const code of UNIT_CODES) u[code] = await unitIdByCode(t, code);
  const s = {} as OrgSessions;
  for (const who of ['admin', 'office', 'liaison', 'unithead', 'leader', 'member', 'inspector'] as const) s[who] = await login(t.app, who);
  return { t, tenantId, s };
}

/** Counts and lookups the org tests check against, straight from the tables. */
export function orgQueries(get: () => { t: TestApp; tenantId: string; u: Record<string, string> }) {
  const count = async (sql: string, params: unknown[] = []) => (await get().t.sql<{ n: number }>(sql, params))[0].n;
  return {
    count,
    auditCount: () => count('select count(*)::int as n from audit_log where tenant_id = $1', [get().tenantId]),
    /** People whose unit is one of the given units or below them. */
    peopleUnder: (codes: string[]) =>
      get().t.sql<{ id: string }>(
        `with recursive tree as (
           select id from units where tenant_id = $1 and code = any($2::text[])
           union select c.id from units c join tree on c.parent_id = tree.id where c.tenant_id = $1
         ) select p.id from people p where p.tenant_id = $1 and p.unit_id in (select id from tree)`,
        [get().tenantId, `{${codes.join(',')}}`],
      ),
    /** The first person (by staff number) of a demo unit. */
    personIn: async (code: string) =>
      (await get().t.sql<{ id: string; version: number }>('select id, version from people where unit_id = $1 order by staff_no limit 1', [get().u[code]]))[0],
  };
}
