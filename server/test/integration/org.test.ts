import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, describeDb, expectError, type Session, type TestApp } from '../setup/db.js';
import { openOrgFixture, orgQueries, type OrgSessions } from './org-fixture.js';
import { makePerson, makeUnit } from '../setup/factories.js';

const uuid = () => crypto.randomUUID();
const uniq = () => crypto.randomBytes(3).toString('hex').toUpperCase();

describeDb('org', () => {
  let t: TestApp;
  let tenantId: string;
  let s: OrgSessions;
  const u: Record<string, string> = {};
  const { count, auditCount, peopleUnder } = orgQueries(() => ({ t, tenantId, u }));

  beforeAll(async () => {
    ({ t, tenantId, s } = await openOrgFixture(u));
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('units', () => {
    it('lists the tree with filters', async () => {
      const all = (await call(t.app, s.member, 'GET', '/api/v1/units')).json();
      expect(all.total).toBe(await count('select count(*)::int as n from units where tenant_id = $1', [tenantId]));
      expect(all.items).toHaveLength(all.total);
      const party = (await call(t.app, s.member, 'GET', '/api/v1/units?track=party')).json();
      expect(party.total).toBe(await count("select count(*)::int as n from units where tenant_id = $1 and track = 'party'", [tenantId]));
      expect(party.items.every((x: { track: string }) => x.track === 'party')).toBe(true);
      const colleges = (await call(t.app, s.member, 'GET', '/api/v1/units?kind=college')).json();
      expect(colleges.items.map((x: { code: string }) => x.code).sort()).toEqual(['JD-XY', 'JG-XY', 'XX-XY', 'YS-XY']);
      const q = (await call(t.app, s.member, 'GET', `/api/v1/units?q=${encodeURIComponent('机电')}`)).json();
      expect(q.items.map((x: { code: string }) => x.code)).toContain('JD-XY');
      expect(q.items.every((x: { name: string }) => x.name.includes('机电'))).toBe(true);
    });

    it('shows a unit with its partner, positions, people count and leaders', async () => {
      const res = await call(t.app, s.liaison, 'GET', `/api/v1/units/${u['JD-XY']}`);
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json();
      expect(d.unit.code).toBe('JD-XY');
      expect(d.pairedUnit.code).toBe('JD-ZZ');
      expect(d.peopleCount).toBe(await count('select count(*)::int as n from people where unit_id = $1', [u['JD-XY']]));
      expect(d.positions.some((p: { role: string }) => p.role === 'head')).toBe(true);
      expect(d.leaders.map((l: { kind: string }) => l.kind)).toContain('linked');
    });

    it('creates a unit under a parent, keeps pairing symmetric, audits it', async () => {
      const code = `T-ZB-${uniq()}`;
      const res = await call(t.app, s.office, 'POST', '/api/v1/units', { kind: 'branch', name: '测试党支部', code, parentId: u['JD-ZZ'], sortOrder: 5 });
      expect(res.statusCode, res.body).toBe(201);
      const branch = res.json();
      expect(branch).toMatchObject({ code, parentId: u['JD-ZZ'], track: 'party', kind: 'branch', version: 1, pairedUnitId: null });

      const [a] = await t.sql<{ action: string; before: unknown; after: { code: string } }>(
        "select action, before, after from audit_log where entity = 'unit' and entity_id = $1",
        [branch.id],
      );
      expect(a).toMatchObject({ action: 'create', before: null });
      expect(a.after.code).toBe(code);

      // A business unit paired with the new branch: both sides point at each other.
      const college = (await call(t.app, s.office, 'POST', '/api/v1/units', { kind: 'department', name: '测试处', code: `T-C-${uniq()}`, pairedUnitId: branch.id })).json();
      expect(college.pairedUnitId).toBe(branch.id);
      expect((await call(t.app, s.office, 'GET', `/api/v1/units/${branch.id}`)).json().unit.pairedUnitId).toBe(college.id);

      // Re-pairing the branch elsewhere releases the old partner.
      const other = (await call(t.app, s.office, 'POST', '/api/v1/units', { kind: 'center', name: '测试中心', code: `T-M-${uniq()}` })).json();
      const cur = (await call(t.app, s.office, 'GET', `/api/v1/units/${branch.id}`)).json().unit;
      const moved = await call(t.app, s.office, 'PATCH', `/api/v1/units/${branch.id}`, { pairedUnitId: other.id, version: cur.version });
      expect(moved.statusCode, moved.body).toBe(200);
      const states = await t.sql<{ id: string; paired_unit_id: string | null }>('select id, paired_unit_id from units where id = any($1::uuid[])', [`{${branch.id},${college.id},${other.id}}`]);
      const pairOf = Object.fromEntries(states.map((r) => [r.id, r.paired_unit_id]));
      expect(pairOf).toEqual({ [branch.id]: other.id, [other.id]: branch.id, [college.id]: null });

      // Unpairing clears both sides.
      const v = moved.json().version;
      expect((await call(t.app, s.office, 'PATCH', `/api/v1/units/${branch.id}`, { pairedUnitId: null, version: v })).statusCode).toBe(200);
      expect(await count('select count(*)::int as n from units where id = any($1::uuid[]) and paired_unit_id is not null', [`{${branch.id},${other.id}}`])).toBe(0);
    });

    it('refuses pairing within one track, naming pairedUnitId', async () => {
      const err = expectError(await call(t.app, s.office, 'POST', '/api/v1/units', { kind: 'branch', name: '同轨结对', code: `T-P-${uniq()}`, parentId: u['JD-ZZ'], pairedUnitId: u['YS-ZZ'] }), 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(err.details)).toContain('pairedUnitId');
    });

    it('updates with optimistic concurrency: a stale version gets 409 and writes nothing', async () => {
      const unit = await makeUnit(t, { kind: 'branch', parentId: u['JD-ZZ'] });
      const ok = await call(t.app, s.office, 'PATCH', `/api/v1/units/${unit.id}`, { name: '改名后的支部', version: 1 });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ name: '改名后的支部', version: 2 });
      const [a] = await t.sql<{ before: { name: string; version: number }; after: { name: string; version: number } }>(
        "select before, after from audit_log where entity = 'unit' and action = 'update' and entity_id = $1",
        [unit.id],
      );
      expect(a.before).toMatchObject({ name: unit.name, version: 1 });
      expect(a.after).toMatchObject({ name: '改名后的支部', version: 2 });

      const before = await auditCount();
      const err = expectError(await call(t.app, s.office, 'PATCH', `/api/v1/units/${unit.id}`, { name: '过期写入', version: 1 }), 409, 'VERSION_CONFLICT');
      expect(err.details?.currentVersion).toBe(2);
      expect(await auditCount()).toBe(before);
      expect((await t.sql<{ name: string }>('select name from units where id = $1', [unit.id]))[0].name).toBe('改名后的支部');
    });

    it('refuses cycles and unknown parents with 400 naming parentId', async () => {
      const top = await makeUnit(t, { kind: 'branch', parentId: u['JD-ZZ'] });
      const child = await makeUnit(t, { kind: 'branch', parentId: top.id });
      const grandchild = await makeUnit(t, { kind: 'branch', parentId: child.id });
      for (const parentId of [grandchild.id, child.id, top.id]) {
        const err = expectError(await call(t.app, s.office, 'PATCH', `/api/v1/units/${top.id}`, { parentId, version: 1 }), 400, 'VALIDATION_FAILED');
        expect(err.message).toContain('parentId');
        expect((err.details?.issues as { path: string }[])[0].path).toBe('parentId');
      }
      const unknown = expectError(await call(t.app, s.office, 'PATCH', `/api/v1/units/${top.id}`, { parentId: uuid(), version: 1 }), 400, 'VALIDATION_FAILED');
      expect(unknown.message).toContain('parentId');
      const unknownCreate = expectError(await call(t.app, s.office, 'POST', '/api/v1/units', { kind: 'branch', name: '孤儿', code: `T-O-${uniq()}`, parentId: uuid() }), 400, 'VALIDATION_FAILED');
      expect(unknownCreate.message).toContain('parentId');
      expect((await t.sql<{ parent_id: string }>('select parent_id from units where id = $1', [top.id]))[0].parent_id).toBe(u['JD-ZZ']);
    });

    it('refuses to delete a unit that still has children (409), deletes a leaf', async () => {
      const parent = await makeUnit(t, { kind: 'branch', parentId: u['JD-ZZ'] });
      const leaf = await makeUnit(t, { kind: 'branch', parentId: parent.id });
      const before = await auditCount();
      const err = expectError(await call(t.app, s.office, 'DELETE', `/api/v1/units/${parent.id}`), 409, 'UNIT_HAS_CHILDREN');
      expect(err.details).toMatchObject({ children: 1 });
      expectError(await call(t.app, s.office, 'DELETE', `/api/v1/units/${u['JD-XY']}`), 409, 'UNIT_HAS_CHILDREN');
      expect(await auditCount()).toBe(before);
      expect((await call(t.app, s.office, 'DELETE', `/api/v1/units/${leaf.id}`)).statusCode).toBe(200);
      expect((await call(t.app, s.office, 'DELETE', `/api/v1/units/${parent.id}`)).statusCode).toBe(200);
      expectError(await call(t.app, s.office, 'GET', `/api/v1/units/${parent.id}`), 404, 'UNIT_NOT_FOUND');
      expectError(await call(t.app, s.office, 'DELETE', `/api/v1/units/${parent.id}`), 404, 'UNIT_NOT_FOUND');
      const [a] = await t.sql<{ before: { id: string } }>("select before from audit_log where action = 'delete' and entity_id = $1", [parent.id]);
      expect(a.before.id).toBe(parent.id);
    });

    it('refuses a duplicate code with 409', async () => {
      expectError(await call(t.app, s.office, 'POST', '/api/v1/units', { kind: 'college', name: '重复', code: 'JD-XY' }), 409, 'DUPLICATE');
    });
  });

  describe('people', () => {
    it('creates, reads, updates (versioned) and deletes a person, each audited', async () => {
      const staffNo = `P${uniq()}`;
      const created = await call(t.app, s.office, 'POST', '/api/v1/people', {
        staffNo, name: '测试人员', gender: 'female', politicalStatus: 'cpc_member', unitId: u['JD-XY'], positions: ['member', 'liaison'], email: 'ceshi@example.edu.cn',
      });
      expect(created.statusCode, created.body).toBe(201);
      const p = created.json();
      expect(p).toMatchObject({ staffNo, name: '测试人员', unitId: u['JD-XY'], unitName: '机电工程学院', dualLeader: false, version: 1 });
      expect(p.positions.map((x: { role: string }) => x.role).sort()).toEqual(['liaison', 'member']);

      expectError(await call(t.app, s.office, 'POST', '/api/v1/people', { staffNo, name: '重复', politicalStatus: 'masses', unitId: u['JD-XY'] }), 409, 'DUPLICATE');

      const got = await call(t.app, s.liaison, 'GET', `/api/v1/people/${p.id}`);
      expect(got.statusCode).toBe(200);
      expect(got.json().positions).toHaveLength(2);

      const upd = await call(t.app, s.liaison, 'PATCH', `/api/v1/people/${p.id}`, { title: '讲师', dualLeader: true, version: 1 });
      expect(upd.statusCode, upd.body).toBe(200);
      expect(upd.json()).toMatchObject({ title: '讲师', dualLeader: true, version: 2 });
      expectError(await call(t.app, s.liaison, 'PATCH', `/api/v1/people/${p.id}`, { title: '过期', version: 1 }), 409, 'VERSION_CONFLICT');

      const audits = await t.sql<{ action: string; before: { title?: string } | null; after: { title?: string } | null }>(
        "select action, before, after from audit_log where entity = 'person' and entity_id = $1 order by seq",
        [p.id],
      );
      expect(audits.map((a) => a.action)).toEqual(['create', 'update']);
      expect(audits[1].before?.title ?? null).toBeNull();
      expect(audits[1].after?.title).toBe('讲师');

      expect((await call(t.app, s.office, 'DELETE', `/api/v1/people/${p.id}`)).statusCode).toBe(200);
      expectError(await call(t.app, s.office, 'GET', `/api/v1/people/${p.id}`), 404, 'PERSON_NOT_FOUND');
      expect(await count('select count(*)::int as n from positions where person_id = $1', [p.id])).toBe(0);
      expect(await count("select count(*)::int as n from audit_log where entity = 'person' and action = 'delete' and entity_id = $1", [p.id])).toBe(1);
    });

    it('filters, pages and sorts with right totals', async () => {
      const list = async (qs: string, who: Session = s.office) => {
        const res = await call(t.app, who, 'GET', `/api/v1/people?${qs}`);
        expect(res.statusCode, res.body).toBe(200);
        return res.json() as { items: { id: string; staffNo: string; name: string; unitId: string; politicalStatus: string; dualLeader: boolean }[]; total: number };
      };
      const all = await count('select count(*)::int as n from people where tenant_id = $1', [tenantId]);
      expect((await list('pageSize=5')).total).toBe(all);

      const byUnit = await list(`unitId=${u['JD-XY']}&pageSize=500`);
      expect(byUnit.total).toBe(await count('select count(*)::int as n from people where unit_id = $1', [u['JD-XY']]));
      expect(byUnit.items.every((p) => p.unitId === u['JD-XY'])).toBe(true);

      const sub = await list(`unitId=${u.DW}&subtree=true&pageSize=500`);
      expect(sub.total).toBe((await peopleUnder(['DW'])).length);
      expect((await list(`unitId=${u.DW}&subtree=false`)).total).toBe(await count('select count(*)::int as n from people where unit_id = $1', [u.DW]));

      const members = await list('politicalStatus=cpc_member&pageSize=1');
      expect(members.total).toBe(await count("select count(*)::int as n from people where tenant_id = $1 and political_status = 'cpc_member'", [tenantId]));
      const dual = await list('dualLeader=true&pageSize=500');
      expect(dual.total).toBe(await count('select count(*)::int as n from people where tenant_id = $1 and dual_leader', [tenantId]));
      expect(dual.items.every((p) => p.dualLeader)).toBe(true);
      const secretaries = await list('role=secretary&pageSize=500');
      expect(secretaries.total).toBe(await count("select count(distinct person_id)::int as n from positions where tenant_id = $1 and role = 'secretary'", [tenantId]));
      const combined = await list(`unitId=${u['JD-XY']}&politicalStatus=cpc_member&dualLeader=true`);
      expect(combined.total).toBe(await count("select count(*)::int as n from people where unit_id = $1 and political_status = 'cpc_member' and dual_leader", [u['JD-XY']]));

      const [someone] = await t.sql<{ name: string; staff_no: string }>('select name, staff_no from people where unit_id = $1 order by staff_no desc limit 1', [u['YS-XY']]);
      const byName = await list(`q=${encodeURIComponent(someone.name)}`);
      expect(byName.items.map((p) => p.staffNo)).toContain(someone.staff_no);
      expect((await list(`q=${someone.staff_no}`)).total).toBe(1);
      expect((await list('q=%25')).total).toBe(0); // LIKE wildcards are literal

      // Pages do not overlap and together give the first N by staffNo.
      const p1 = await list('pageSize=7&page=1');
      const p2 = await list('pageSize=7&page=2');
      expect(p1.total).toBe(all);
      expect(p2.total).toBe(all);
      const expected = await t.sql<{ staff_no: string }>('select staff_no from people where tenant_id = $1 order by staff_no limit 14', [tenantId]);
      expect([...p1.items, ...p2.items].map((p) => p.staffNo)).toEqual(expected.map((r) => r.staff_no));
      const beyond = await list(`pageSize=50&page=${Math.ceil(all / 50) + 1}`);
      expect(beyond).toEqual({ items: [], total: all });

      const desc = await list('sort=-staffNo&pageSize=3');
      const descExpected = await t.sql<{ staff_no: string }>('select staff_no from people where tenant_id = $1 order by staff_no desc limit 3', [tenantId]);
      expect(desc.items.map((p) => p.staffNo)).toEqual(descExpected.map((r) => r.staff_no));
      const byNameSort = await list('sort=name&pageSize=10');
      const nameExpected = await t.sql<{ id: string }>('select id from people where tenant_id = $1 order by name, id limit 10', [tenantId]);
      expect(byNameSort.items.map((p) => p.id)).toEqual(nameExpected.map((r) => r.id));

      expectError(await call(t.app, s.office, 'GET', '/api/v1/people?pageSize=0'), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, s.office, 'GET', '/api/v1/people?pageSize=501'), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, s.office, 'GET', '/api/v1/people?page=abc'), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, s.office, 'GET', '/api/v1/people?bogus=1'), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, s.office, 'GET', '/api/v1/people?unitId=not-a-uuid'), 400, 'VALIDATION_FAILED');
    });

    it('adds and removes positions', async () => {
      const p = await makePerson(t, { unitId: u['JD-XY'] });
      const res = await call(t.app, s.liaison, 'POST', '/api/v1/positions', { personId: p.id, unitId: u['JD-ZZ'], role: 'committee_member', startDate: '2026-01-01' });
      expect(res.statusCode, res.body).toBe(201);
      const pos = res.json();
      expect(pos).toMatchObject({ personId: p.id, unitId: u['JD-ZZ'], role: 'committee_member', personName: p.name });
      expectError(await call(t.app, s.liaison, 'POST', '/api/v1/positions', { personId: p.id, unitId: u['JD-ZZ'], role: 'committee_member' }), 409, 'DUPLICATE');
      expectError(await call(t.app, s.liaison, 'POST', '/api/v1/positions', { personId: p.id, unitId: u['JD-ZZ'], role: 'emperor' }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, s.liaison, 'POST', '/api/v1/positions', { personId: uuid(), unitId: u['JD-ZZ'], role: 'member' }), 404, 'PERSON_NOT_FOUND');
      expect((await call(t.app, s.liaison, 'GET', `/api/v1/people/${p.id}`)).json().positions).toHaveLength(1);
      expect((await call(t.app, s.liaison, 'DELETE', `/api/v1/positions/${pos.id}`)).statusCode).toBe(200);
      expectError(await call(t.app, s.liaison, 'DELETE', `/api/v1/positions/${pos.id}`), 404, 'NOT_FOUND');
      expect(await count("select count(*)::int as n from audit_log where entity = 'position' and entity_id = $1", [pos.id])).toBe(2);
    });
  });

  describe('leader duties', () => {
    it('lists, adds and removes 分管/联系 duties', async () => {
      const mine = (await call(t.app, s.office, 'GET', `/api/v1/leader-duties?personId=${s.leader.user.personId}`)).json();
      const byCode = await t.sql<{ code: string; kind: string }>(
        'select u.code, d.kind from leader_duties d join units u on u.id = d.unit_id where d.person_id = $1 order by u.code',
        [s.leader.user.personId],
      );
      expect(byCode).toEqual([
        { code: 'JD-XY', kind: 'linked' },
        { code: 'JWC', kind: 'in_charge' },
        { code: 'KYC', kind: 'in_charge' },
      ]);
      expect(mine.total).toBe(3);

      const leaderPerson = await makePerson(t, { unitId: u.DW, title: '副校长' });
      const res = await call(t.app, s.office, 'POST', '/api/v1/leader-duties', { personId: leaderPerson.id, unitId: u['YS-XY'], kind: 'linked', note: '联系艺术学院' });
      expect(res.statusCode, res.body).toBe(201);
      const duty = res.json();
      expect(duty).toMatchObject({ personId: leaderPerson.id, unitId: u['YS-XY'], kind: 'linked', unitName: '艺术设计学院', note: '联系艺术学院' });
      expectError(await call(t.app, s.office, 'POST', '/api/v1/leader-duties', { personId: leaderPerson.id, unitId: u['YS-XY'], kind: 'linked' }), 409, 'DUPLICATE');
      expectError(await call(t.app, s.office, 'POST', '/api/v1/leader-duties', { personId: uuid(), unitId: u['YS-XY'], kind: 'linked' }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, s.office, 'POST', '/api/v1/leader-duties', { personId: leaderPerson.id, unitId: u['YS-XY'], kind: 'boss' }), 400, 'VALIDATION_FAILED');
      const byUnit = (await call(t.app, s.office, 'GET', `/api/v1/leader-duties?unitId=${u['YS-XY']}&kind=linked`)).json();
      expect(byUnit.items.map((d: { id: string }) => d.id)).toContain(duty.id);
      expect((await call(t.app, s.office, 'DELETE', `/api/v1/leader-duties/${duty.id}`)).statusCode).toBe(200);
      expectError(await call(t.app, s.office, 'DELETE', `/api/v1/leader-duties/${duty.id}`), 404, 'DUTY_NOT_FOUND');
      expect(await count("select count(*)::int as n from audit_log where entity = 'leader_duty' and entity_id = $1", [duty.id])).toBe(2);
    });
  });
});
