import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { verifyAuditChain } from '../../src/platform/audit/audit.repo.js';
import { call, describeDb, expectError, login, type Session, type TestApp } from '../setup/db.js';
import { openOrgFixture, orgQueries, type OrgSessions } from './org-fixture.js';
import { makePerson, makeTenant, makeUnit, makeUser } from '../setup/factories.js';
import { readWorkbook } from '../setup/xlsx.js';

const uuid = () => crypto.randomUUID();
const uniq = () => crypto.randomBytes(3).toString('hex').toUpperCase();

/** Org data scope, audit, 三员分立, bad input and tenant isolation; split from org.test.ts along that seam. */
describeDb('org access and integrity', () => {
  let t: TestApp;
  let tenantId: string;
  let s: OrgSessions;
  const u: Record<string, string> = {};
  const { count, auditCount, peopleUnder, personIn } = orgQueries(() => ({ t, tenantId, u }));

  beforeAll(async () => {
    ({ t, tenantId, s } = await openOrgFixture(u));
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('data scope', () => {
    const allPeople = async (who: Session, qs = '') => {
      const res = await call(t.app, who, 'GET', `/api/v1/people?pageSize=500${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: { id: string; unitId: string }[]; total: number };
    };

    it('liaison and unit head see their college and its paired 党总支 subtree only', async () => {
      const expected = await peopleUnder(['JD-XY', 'JD-ZZ']);
      expect(expected.length).toBeGreaterThan(10);
      for (const who of [s.liaison, s.unithead]) {
        const got = await allPeople(who);
        expect(got.total).toBe(expected.length);
        expect(got.items.map((p) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
        expect(who.user.scope.kind).toBe('unit');
      }
      // Filters narrow the scope, never widen it.
      expect((await allPeople(s.liaison, `&unitId=${u['YS-XY']}`)).total).toBe(0);
      expect((await allPeople(s.liaison, `&unitId=${u.DW}&subtree=true`)).total).toBe((await peopleUnder(['JD-ZZ'])).length);
    });

    it('liaison gets 403 OUT_OF_SCOPE for another unit’s people, and may edit its own', async () => {
      const theirs = await personIn('YS-XY');
      expectError(await call(t.app, s.liaison, 'GET', `/api/v1/people/${theirs.id}`), 403, 'OUT_OF_SCOPE');
      const before = await auditCount();
      expectError(await call(t.app, s.liaison, 'PATCH', `/api/v1/people/${theirs.id}`, { title: '越权', version: theirs.version }), 403, 'OUT_OF_SCOPE');
      expectError(await call(t.app, s.liaison, 'DELETE', `/api/v1/people/${theirs.id}`), 403, 'OUT_OF_SCOPE');
      expectError(await call(t.app, s.liaison, 'POST', '/api/v1/people', { staffNo: `X${uniq()}`, name: '越权', politicalStatus: 'masses', unitId: u['YS-XY'] }), 403, 'OUT_OF_SCOPE');
      expectError(await call(t.app, s.liaison, 'POST', '/api/v1/positions', { personId: theirs.id, unitId: u['YS-XY'], role: 'member' }), 403, 'OUT_OF_SCOPE');
      expect(await auditCount()).toBe(before);
      expect((await t.sql<{ version: number }>('select version from people where id = $1', [theirs.id]))[0].version).toBe(theirs.version);

      const ours = await makePerson(t, { unitId: u['JD-JG'] });
      // …but not move one of ours out of scope.
      expectError(await call(t.app, s.liaison, 'PATCH', `/api/v1/people/${ours.id}`, { unitId: u['YS-XY'], version: 1 }), 403, 'OUT_OF_SCOPE');
      const ok = await call(t.app, s.liaison, 'PATCH', `/api/v1/people/${ours.id}`, { title: '组织员', version: 1 });
      expect(ok.statusCode, ok.body).toBe(200);
      // Org-wide writes are not theirs at all.
      expectError(await call(t.app, s.liaison, 'POST', '/api/v1/units', { kind: 'branch', name: 'x', code: `X-${uniq()}`, parentId: u['JD-ZZ'] }), 403, 'FORBIDDEN');
    });

    it('leader sees the people of the duty units (分管 + 联系) and their partners’ subtrees', async () => {
      const expected = await peopleUnder(['JWC', 'JWC-ZB', 'KYC', 'KYC-ZB', 'JD-XY', 'JD-ZZ']);
      const got = await allPeople(s.leader);
      expect(s.leader.user.scope.kind).toBe('duty');
      expect(got.total).toBe(expected.length);
      expect(got.items.map((p) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
      const ys = await personIn('YS-XY');
      expectError(await call(t.app, s.leader, 'GET', `/api/v1/people/${ys.id}`), 403, 'OUT_OF_SCOPE');
      expect((await call(t.app, s.leader, 'GET', `/api/v1/people/${(await personIn('KYC')).id}`)).statusCode).toBe(200);
      const duties = (await call(t.app, s.leader, 'GET', '/api/v1/leader-duties')).json();
      const scoped = new Set([u['JWC'], u['JWC-ZB'], u['KYC'], u['KYC-ZB'], u['JD-XY'], u['JD-ZZ']]);
      expect(duties.items.every((d: { unitId: string }) => scoped.has(d.unitId))).toBe(true);
    });

    it('member sees only themself', async () => {
      const got = await allPeople(s.member);
      expect(got.total).toBe(1);
      expect(got.items[0].id).toBe(s.member.user.personId);
      expect((await call(t.app, s.member, 'GET', `/api/v1/people/${s.member.user.personId}`)).statusCode).toBe(200);
      expectError(await call(t.app, s.member, 'GET', `/api/v1/people/${(await personIn('JD-XY')).id}`), 403, 'OUT_OF_SCOPE');
      expectError(await call(t.app, s.member, 'PATCH', `/api/v1/people/${s.member.user.personId}`, { title: '自己改', version: 1 }), 403, 'FORBIDDEN');
      const exp = await call(t.app, s.member, 'GET', '/api/v1/people/export');
      expect((await readWorkbook(exp.rawPayload)).length).toBe(2);
    });

    it('people stats count by political status within scope', async () => {
      const independent = async (codes: string[] | null) => {
        const ids = codes ? (await peopleUnder(codes)).map((r) => r.id) : null;
        const rows = await t.sql<{ political_status: string; n: number }>(
          `select political_status, count(*)::int as n from people where tenant_id = $1 ${ids ? 'and id = any($2::uuid[])' : ''} group by political_status`,
          ids ? [tenantId, `{${ids.join(',')}}`] : [tenantId],
        );
        return Object.fromEntries(rows.map((r) => [r.political_status, r.n]));
      };
      const asMap = (body: { byPoliticalStatus: { politicalStatus: string; count: number }[] }) =>
        Object.fromEntries(body.byPoliticalStatus.map((r) => [r.politicalStatus, r.count]));
      const all = (await call(t.app, s.office, 'GET', '/api/v1/people/stats')).json();
      expect(asMap(all)).toEqual(await independent(null));
      expect(all.total).toBe(await count('select count(*)::int as n from people where tenant_id = $1', [tenantId]));
      const mine = (await call(t.app, s.liaison, 'GET', '/api/v1/people/stats')).json();
      expect(asMap(mine)).toEqual(await independent(['JD-XY', 'JD-ZZ']));
      const self = (await call(t.app, s.member, 'GET', '/api/v1/people/stats')).json();
      expect(self.total).toBe(1);
    });

    it('office and inspector see everyone', async () => {
      const all = await count('select count(*)::int as n from people where tenant_id = $1', [tenantId]);
      expect((await allPeople(s.office)).total).toBe(all);
      expect((await allPeople(s.inspector)).total).toBe(all);
    });
  });

  describe('audit', () => {
    it('writes the audit row in the same transaction as the write', async () => {
      // Make the audit insert fail for one unit code: the unit must not be written either.
      await t.sql(`create or replace function test_refuse_audit() returns trigger language plpgsql as $$
        begin if new.after->>'code' = 'AUDIT-BOOM' then raise exception 'audit refused'; end if; return new; end $$`);
      await t.sql('create trigger test_refuse_audit before insert on audit_log for each row execute function test_refuse_audit()');
      try {
        const before = await count('select count(*)::int as n from units');
        const res = await call(t.app, s.office, 'POST', '/api/v1/units', { kind: 'department', name: '审计失败', code: 'AUDIT-BOOM' });
        expectError(res, 500, 'INTERNAL');
        expect(res.json().error.message).toBe('internal error');
        expect(await count('select count(*)::int as n from units')).toBe(before);
      } finally {
        await t.sql('drop trigger test_refuse_audit on audit_log');
      }
    });

    it('leaves no audit row for a refused write', async () => {
      const before = await auditCount();
      const unit = await makeUnit(t, { kind: 'branch', parentId: u['JD-ZZ'] });
      await call(t.app, s.office, 'PATCH', `/api/v1/units/${unit.id}`, { version: 7, name: 'x' });
      await call(t.app, s.office, 'POST', '/api/v1/units', { kind: 'college', name: '重复', code: 'JD-XY' });
      await call(t.app, s.office, 'DELETE', `/api/v1/units/${u.DW}`);
      await call(t.app, s.liaison, 'PATCH', `/api/v1/people/${(await personIn('YS-XY')).id}`, { version: 1, title: 'x' });
      await call(t.app, s.office, 'POST', '/api/v1/users', { username: 'clash', displayName: 'x', roles: ['admin', 'auditor'], password: 'Strong#Pass1' });
      expect(await auditCount()).toBe(before);
    });

    it('reads the log (auditor) and verifies the hash chain; a tampered row is detected', async () => {
      // a unit created and renamed through the API, so the log holds unit creates and updates of this file's own
      const made = await call(t.app, s.office, 'POST', '/api/v1/units', { kind: 'branch', name: '审计测试支部', code: `T-AU-${uniq()}`, parentId: u['JD-ZZ'] });
      expect(made.statusCode, made.body).toBe(201);
      expect((await call(t.app, s.office, 'PATCH', `/api/v1/units/${made.json().id}`, { name: '审计测试支部（改）', version: 1 })).statusCode).toBe(200);
      const auditor = await login(t.app, 'auditor');
      const log = await call(t.app, auditor, 'GET', '/api/v1/audit-log?entity=unit&action=update&pageSize=5');
      expect(log.statusCode, log.body).toBe(200);
      expect(log.json().total).toBe(await count("select count(*)::int as n from audit_log where tenant_id = $1 and entity = 'unit' and action = 'update'", [tenantId]));
      expect(log.json().items[0]).toHaveProperty('before');

      const ok = await verifyAuditChain(t.db, tenantId);
      expect(ok.ok).toBe(true);
      expect(ok.rows).toBe(await auditCount());

      const [row] = await t.sql<{ id: number; seq: number; after: string }>(
        "select id, seq, after::text as after from audit_log where tenant_id = $1 and entity = 'unit' and action = 'create' order by seq limit 1",
        [tenantId],
      );
      await t.sql(`update audit_log set after = jsonb_set(after, '{name}', '"篡改"') where id = $1`, [row.id]);
      try {
        expect(await verifyAuditChain(t.db, tenantId)).toEqual({ ok: false, rows: ok.rows, brokenAt: Number(row.seq) });
      } finally {
        await t.sql('update audit_log set after = $2::jsonb where id = $1', [row.id, row.after]);
      }
      expect((await verifyAuditChain(t.db, tenantId)).ok).toBe(true);

      // A deleted row breaks the chain too.
      const [last] = await t.sql<{ seq: number }>('select max(seq)::int as seq from audit_log where tenant_id = $1', [tenantId]);
      const [mid] = await t.sql<{ id: number; seq: number }>('select id, seq::int as seq from audit_log where tenant_id = $1 and seq = $2', [tenantId, Math.floor(last.seq / 2)]);
      const saved = await t.sql('select * from audit_log where id = $1', [mid.id]);
      await t.sql('delete from audit_log where id = $1', [mid.id]);
      try {
        expect(await verifyAuditChain(t.db, tenantId)).toMatchObject({ ok: false, brokenAt: mid.seq + 1 });
      } finally {
        const r = saved[0] as Record<string, unknown>;
        await t.sql(
          'insert into audit_log (id, tenant_id, seq, at, actor_id, actor_name, ip, action, entity, entity_id, before, after, prev_hash, hash) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11::jsonb,$12::jsonb,$13,$14)',
          [r.id, r.tenant_id, r.seq, r.at, r.actor_id, r.actor_name, r.ip, r.action, r.entity, r.entity_id, r.before == null ? null : JSON.stringify(r.before), r.after == null ? null : JSON.stringify(r.after), r.prev_hash, r.hash],
        );
      }
      expect((await verifyAuditChain(t.db, tenantId)).ok).toBe(true);
    });
  });

  describe('users (三员分立)', () => {
    it('refuses admin + auditor (and other 三员 pairs) with 400 ROLE_CONFLICT', async () => {
      const err = expectError(await call(t.app, s.admin, 'POST', '/api/v1/users', { username: `dual-${uniq()}`, displayName: '双重身份', roles: ['admin', 'auditor'], password: 'Strong#Pass1' }), 400, 'ROLE_CONFLICT');
      expect(err.details?.roles).toEqual(['admin', 'auditor']);
      const target = await makeUser(t, { roles: ['security'] });
      expectError(await call(t.app, s.admin, 'PATCH', `/api/v1/users/${target.id}`, { roles: ['security', 'auditor'], version: 1 }), 400, 'ROLE_CONFLICT');
      const ok = await call(t.app, s.admin, 'POST', '/api/v1/users', { username: `ok-${uniq()}`.toLowerCase(), displayName: '普通', roles: ['office', 'leader'], password: 'Strong#Pass1', personId: s.leader.user.personId });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({ roles: ['office', 'leader'], mustChangePassword: true });
      expect(ok.json()).not.toHaveProperty('passwordHash');
      const [a] = await t.sql<{ after: Record<string, unknown> }>("select after from audit_log where entity = 'user' and entity_id = $1", [ok.json().id]);
      expect(a.after).not.toHaveProperty('passwordHash');
      expect(JSON.stringify(a.after)).not.toContain('$argon2');
    });

    it('changing roles ends the user’s sessions', async () => {
      const target = await makeUser(t, { roles: ['inspector'] });
      const ts = await login(t.app, target.username);
      const res = await call(t.app, s.admin, 'PATCH', `/api/v1/users/${target.id}`, { roles: ['member'], version: 1 });
      expect(res.statusCode, res.body).toBe(200);
      expectError(await call(t.app, ts, 'GET', '/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
      expectError(await call(t.app, s.admin, 'PATCH', `/api/v1/users/${target.id}`, { displayName: '过期', version: 1 }), 409, 'VERSION_CONFLICT');
    });
  });

  describe('bad input never gives 500', () => {
    it('malformed JSON, unknown fields, wrong types → 400 with the error shape', async () => {
      const raw = (payload: string, ct = 'application/json') =>
        t.app.inject({ method: 'POST', url: '/api/v1/units', payload, headers: { ...s.office.headers, 'content-type': ct } });
      expectError(await raw('{"kind": "branch",'), 400);
      expectError(await raw(''), 400);
      expectError(await raw('null'), 400);
      expectError(await raw('[]'), 400);
      expectError(await raw('"text"'), 400);
      expectError(await raw('kind=branch', 'text/plain'), 400, 'VALIDATION_FAILED');
      expectError(await raw('<unit/>', 'application/xml'), 415, 'UNSUPPORTED_MEDIA_TYPE');
      const unknownField = expectError(await call(t.app, s.office, 'POST', '/api/v1/units', { kind: 'branch', name: 'x', code: 'X1', foo: 1 }), 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(unknownField.details)).toContain('foo');
      const wrongType = expectError(await call(t.app, s.office, 'POST', '/api/v1/units', { kind: 'branch', name: 123, code: 'X1', sortOrder: 'first' }), 400, 'VALIDATION_FAILED');
      expect((wrongType.details?.issues as { path: string }[]).map((i) => i.path).join()).toMatch(/name|sortOrder/);
      expectError(await call(t.app, s.office, 'POST', '/api/v1/units', { kind: 'palace', name: 'x', code: 'X1' }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, s.office, 'POST', '/api/v1/units', { kind: 'branch', name: '   ', code: 'X1' }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, s.office, 'POST', '/api/v1/units', { kind: 'branch', name: 'x', code: '中文编码' }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, s.office, 'PATCH', `/api/v1/units/${u['JD-XY']}`, { name: 'no version' }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, s.office, 'POST', '/api/v1/people', { staffNo: 'A 1', name: 'x', politicalStatus: 'cpc_member', unitId: u['JD-XY'] }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, s.office, 'POST', '/api/v1/people', { staffNo: 'A1', name: 'x', politicalStatus: 'cpc_member', unitId: u['JD-XY'], email: 'nope' }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, s.office, 'POST', '/api/v1/auth/login', { username: 'a', password: 'b', extra: 1 }), 400, 'VALIDATION_FAILED');
    });

    it('a body over BODY_LIMIT_BYTES → 413', async () => {
      const big = { kind: 'branch', name: 'x'.repeat(t.cfg.bodyLimitBytes + 10), code: 'BIG' };
      expectError(await call(t.app, s.office, 'POST', '/api/v1/units', big), 413, 'PAYLOAD_TOO_LARGE');
    });

    it('unknown ids → 404, malformed ids → 400, unknown routes → 404', async () => {
      const id = uuid();
      expectError(await call(t.app, s.office, 'GET', `/api/v1/units/${id}`), 404, 'UNIT_NOT_FOUND');
      expectError(await call(t.app, s.office, 'PATCH', `/api/v1/units/${id}`, { name: 'x', version: 1 }), 404, 'UNIT_NOT_FOUND');
      expectError(await call(t.app, s.office, 'DELETE', `/api/v1/units/${id}`), 404, 'UNIT_NOT_FOUND');
      expectError(await call(t.app, s.office, 'GET', `/api/v1/people/${id}`), 404, 'PERSON_NOT_FOUND');
      expectError(await call(t.app, s.office, 'PATCH', `/api/v1/people/${id}`, { name: 'x', version: 1 }), 404, 'PERSON_NOT_FOUND');
      expectError(await call(t.app, s.office, 'DELETE', `/api/v1/people/${id}`), 404, 'PERSON_NOT_FOUND');
      expectError(await call(t.app, s.office, 'DELETE', `/api/v1/positions/${id}`), 404);
      expectError(await call(t.app, s.office, 'DELETE', `/api/v1/leader-duties/${id}`), 404, 'DUTY_NOT_FOUND');
      expectError(await call(t.app, s.admin, 'PATCH', `/api/v1/users/${id}`, { displayName: 'x', version: 1 }), 404, 'USER_NOT_FOUND');
      expectError(await call(t.app, s.admin, 'POST', `/api/v1/users/${id}/unlock`), 404, 'USER_NOT_FOUND');
      expectError(await call(t.app, s.admin, 'POST', `/api/v1/users/${id}/reset-password`, { password: 'Strong#Pass1' }), 404, 'USER_NOT_FOUND');
      expectError(await call(t.app, s.office, 'GET', '/api/v1/units/not-a-uuid'), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, s.office, 'GET', '/api/v1/people/123'), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, s.office, 'GET', '/api/v1/no-such-thing'), 404, 'ROUTE_NOT_FOUND');
    });

    it('random bodies on every write route give a 4xx, never a 5xx', async () => {
      const target = await makePerson(t, { unitId: u['JD-XY'] });
      const writes: [string, string][] = [
        ['POST', '/api/v1/units'],
        ['PATCH', `/api/v1/units/${u['JD-JG']}`],
        ['POST', '/api/v1/people'],
        ['PATCH', `/api/v1/people/${target.id}`],
        ['POST', '/api/v1/positions'],
        ['POST', '/api/v1/leader-duties'],
        ['POST', '/api/v1/users'],
        ['POST', '/api/v1/auth/password'],
      ];
      const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom(u['JD-XY'], target.id, 'branch', 'cpc_member', '', '2026-02-30'), fc.double());
      const body = fc.oneof(
        fc.dictionary(fc.constantFrom('kind', 'name', 'code', 'parentId', 'pairedUnitId', 'version', 'staffNo', 'unitId', 'personId', 'role', 'politicalStatus', 'roles', 'password', 'username', 'displayName', 'startDate', 'sortOrder'), value),
        fc.anything(),
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...writes), body, async ([method, url], payload) => {
          const res = await t.app.inject({ method: method as 'POST', url, payload: JSON.stringify(payload ?? null), headers: { ...s.admin.headers, 'content-type': 'application/json' } });
          expect(res.statusCode, `${method} ${url} ${JSON.stringify(payload)} → ${res.body}`).toBeLessThan(500);
          if (res.statusCode >= 400) expect(res.json().error.code).toBeTruthy();
        }),
        { numRuns: 60 },
      );
    });
  });

  describe('tenant isolation', () => {
    it('a second tenant sees none of tenant 1 and cannot touch it (404)', async () => {
      const other = await makeTenant(t, { code: `other-${uniq().toLowerCase()}`, name: '另一所学校' });
      const otherUnit = await makeUnit(t, { tenantId: other.id, kind: 'committee', code: 'DW' });
      await makePerson(t, { tenantId: other.id, unitId: otherUnit.id });
      // Same username as in the demo tenant: login must name the tenant.
      await makeUser(t, { tenantId: other.id, username: 'admin', roles: ['admin'] });
      await makeUser(t, { tenantId: other.id, username: `office2-${uniq().toLowerCase()}`, roles: ['office'] });
      expectError(await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'Santong@2026' } }), 400, 'TENANT_REQUIRED');
      const a2 = await login(t.app, 'admin', undefined, other.code);
      expect(a2.user.tenantId).toBe(other.id);
      const a1 = await login(t.app, 'admin', undefined, 'demo');
      expect(a1.user.tenantId).toBe(tenantId);

      const units = (await call(t.app, a2, 'GET', '/api/v1/units')).json();
      expect(units.items.map((x: { id: string }) => x.id)).toEqual([otherUnit.id]);
      expect((await call(t.app, a2, 'GET', '/api/v1/people')).json().total).toBe(1);
      expect((await call(t.app, a2, 'GET', '/api/v1/leader-duties')).json().total).toBe(0);
      const users = (await call(t.app, a2, 'GET', '/api/v1/users')).json();
      expect(users.total).toBe(2);
      expect(users.items.every((x: { username: string }) => x.username === 'admin' || x.username.startsWith('office2-'))).toBe(true);
      const exp = await readWorkbook((await call(t.app, a2, 'GET', '/api/v1/people/export')).rawPayload);
      expect(exp.length).toBe(2);

      const theirPerson = await personIn('JD-XY');
      const [theirDuty] = await t.sql<{ id: string }>('select id from leader_duties where tenant_id = $1 limit 1', [tenantId]);
      const [theirPosition] = await t.sql<{ id: string }>('select id from positions where tenant_id = $1 limit 1', [tenantId]);
      const [theirUser] = await t.sql<{ id: string }>("select id from users where tenant_id = $1 and username = 'office'", [tenantId]);
      const auditBefore = await auditCount();
      expectError(await call(t.app, a2, 'GET', `/api/v1/units/${u['JD-XY']}`), 404, 'UNIT_NOT_FOUND');
      expectError(await call(t.app, a2, 'PATCH', `/api/v1/units/${u['JD-XY']}`, { name: '劫持', version: 1 }), 404, 'UNIT_NOT_FOUND');
      expectError(await call(t.app, a2, 'DELETE', `/api/v1/units/${u['JD-JG']}`), 404, 'UNIT_NOT_FOUND');
      expectError(await call(t.app, a2, 'GET', `/api/v1/people/${theirPerson.id}`), 404, 'PERSON_NOT_FOUND');
      expectError(await call(t.app, a2, 'PATCH', `/api/v1/people/${theirPerson.id}`, { name: '劫持', version: theirPerson.version }), 404, 'PERSON_NOT_FOUND');
      expectError(await call(t.app, a2, 'DELETE', `/api/v1/people/${theirPerson.id}`), 404, 'PERSON_NOT_FOUND');
      expectError(await call(t.app, a2, 'DELETE', `/api/v1/positions/${theirPosition.id}`), 404);
      expectError(await call(t.app, a2, 'DELETE', `/api/v1/leader-duties/${theirDuty.id}`), 404, 'DUTY_NOT_FOUND');
      expectError(await call(t.app, a2, 'PATCH', `/api/v1/users/${theirUser.id}`, { displayName: '劫持', version: 1 }), 404, 'USER_NOT_FOUND');
      expectError(await call(t.app, a2, 'POST', `/api/v1/users/${theirUser.id}/reset-password`, { password: 'Hijack#2026' }), 404, 'USER_NOT_FOUND');
      expectError(await call(t.app, a2, 'POST', `/api/v1/users/${theirUser.id}/unlock`), 404, 'USER_NOT_FOUND');
      expectError(await call(t.app, a2, 'POST', '/api/v1/positions', { personId: theirPerson.id, unitId: otherUnit.id, role: 'member' }), 404, 'PERSON_NOT_FOUND');
      // References into another tenant are unknown ids.
      expectError(await call(t.app, a2, 'POST', '/api/v1/people', { staffNo: `Z${uniq()}`, name: '跨租户', politicalStatus: 'masses', unitId: u['JD-XY'] }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, a2, 'POST', '/api/v1/units', { kind: 'branch', name: '跨租户', code: `Z-${uniq()}`, parentId: u['JD-ZZ'] }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, a2, 'POST', '/api/v1/leader-duties', { personId: theirPerson.id, unitId: otherUnit.id, kind: 'linked' }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, a2, 'POST', '/api/v1/users', { username: `x${uniq()}`.toLowerCase(), displayName: 'x', roles: ['member'], password: 'Strong#Pass1', personId: theirPerson.id }), 400, 'VALIDATION_FAILED');
      expect(await auditCount()).toBe(auditBefore);
      expect((await t.sql<{ name: string }>('select name from units where id = $1', [u['JD-XY']]))[0].name).toBe('机电工程学院');

      // Codes are unique per tenant, not globally.
      const dup = await call(t.app, a2, 'POST', '/api/v1/units', { kind: 'college', name: '机电工程学院', code: 'JD-XY' });
      expect(dup.statusCode, dup.body).toBe(201);
      // Each tenant's audit chain stands alone.
      expect((await verifyAuditChain(t.db, other.id)).ok).toBe(true);
      expect((await verifyAuditChain(t.db, tenantId)).ok).toBe(true);
    });
  });
});
