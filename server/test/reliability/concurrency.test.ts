import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit.repo.js';
import { call, demoTenantId, login, type Session, type TestApp } from '../setup/db.js';
import { makeUnit, makeUser } from '../setup/factories.js';
import { hasPostgres, type Engine } from './support/engines.js';
import { appOn } from './support/inproc.js';

/**
 * Optimistic concurrency under real parallelism (PostgreSQL runs the requests
 * on separate connections; PGlite serialises them, which must give the same
 * answers). Still to come with their features: 50 concurrent progress reports
 * on one task, two raters at once (see docs/security.md).
 */
const engines: Engine[] = hasPostgres() ? ['pglite', 'postgres'] : ['pglite'];

describe.each(engines)('concurrent edits [%s]', (engine) => {
  let t: TestApp;
  let office: Session;
  let office2: Session;
  let tenantId: string;

  beforeAll(async () => {
    t = await appOn(engine);
    tenantId = await demoTenantId(t);
    const second = await makeUser(t, { roles: ['office'], displayName: '第二位办公室用户' });
    [office, office2] = await Promise.all([login(t.app, 'office'), login(t.app, second.username)]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('two users saving one unit with the same version: one 200, one 409, nothing lost', async () => {
    for (let round = 0; round < 10; round++) {
      const u = await makeUnit(t, { kind: 'department' });
      const [r1, r2] = await Promise.all([
        call(t.app, office, 'PATCH', `/api/v1/units/${u.id}`, { name: `甲改${round}`, version: u.version }),
        call(t.app, office2, 'PATCH', `/api/v1/units/${u.id}`, { shortName: `乙改${round}`, version: u.version }),
      ]);
      expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
      const [loser, loserSession, retry] = r1.statusCode === 409 ? [r1, office, { name: `甲改${round}` }] : [r2, office2, { shortName: `乙改${round}` }];
      expect(loser.json().error.code).toBe('VERSION_CONFLICT');
      // The loser reloads and saves again on the new version: both changes are kept.
      const fresh = (await call(t.app, loserSession, 'GET', `/api/v1/units/${u.id}`)).json().unit;
      expect(fresh.version).toBe(u.version + 1);
      const again = await call(t.app, loserSession, 'PATCH', `/api/v1/units/${u.id}`, { ...retry, version: fresh.version });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toMatchObject({ name: `甲改${round}`, shortName: `乙改${round}`, version: u.version + 2 });
      const audits = await t.sql<{ n: number }>("select count(*)::int as n from audit_log where entity = 'unit' and entity_id = $1 and action = 'update'", [u.id]);
      expect(audits[0].n).toBe(2);
    }
  });

  it('50 concurrent person creates are all stored, each audited once', async () => {
    const home = await makeUnit(t, { kind: 'department' });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call(t.app, i % 2 ? office : office2, 'POST', '/api/v1/people', { staffNo: `CC${i}`, name: `并发${i}`, politicalStatus: 'masses', unitId: home.id }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const rows = await t.sql<{ staff_no: string }>('select staff_no from people where unit_id = $1 order by staff_no', [home.id]);
    expect(rows.map((r) => r.staff_no).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `CC${i}`).sort());
    const ids = results.map((r) => r.json().id);
    const audits = await t.sql<{ n: number }>("select count(*)::int as n from audit_log where entity = 'person' and action = 'create' and entity_id = any($1::text[])", [ids]);
    expect(audits[0].n).toBe(50);
  });

  it('50 concurrent updates: distinct people all succeed, one person exactly once', async () => {
    const home = await makeUnit(t, { kind: 'department' });
    const created = await Promise.all(
      Array.from({ length: 50 }, (_, i) => call(t.app, office, 'POST', '/api/v1/people', { staffNo: `CU${i}`, name: `更新${i}`, politicalStatus: 'masses', unitId: home.id })),
    );
    const people = created.map((r) => r.json() as { id: string; version: number });
    const distinct = await Promise.all(people.map((p, i) => call(t.app, i % 2 ? office : office2, 'PATCH', `/api/v1/people/${p.id}`, { title: `职称${i}`, version: p.version })));
    expect(distinct.map((r) => r.statusCode)).toEqual(Array(50).fill(200));
    const stored = await t.sql<{ title: string; version: number }>('select title, version from people where unit_id = $1', [home.id]);
    expect(stored.every((p) => p.version === 2 && p.title?.startsWith('职称'))).toBe(true);

    const target = people[0];
    const same = await Promise.all(Array.from({ length: 50 }, (_, i) => call(t.app, i % 2 ? office : office2, 'PATCH', `/api/v1/people/${target.id}`, { phone: `010-${String(i).padStart(4, '0')}`, version: 2 })));
    const codes = same.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    const winner = same.find((r) => r.statusCode === 200)!.json();
    const [row] = await t.sql<{ phone: string; version: number }>('select phone, version from people where id = $1', [target.id]);
    expect(row).toEqual({ phone: winner.phone, version: 3 });
  });

  it('the audit chain stays intact under concurrent writers', async () => {
    expect(await verifyAuditChain(t.db, tenantId)).toMatchObject({ ok: true });
  });
});
