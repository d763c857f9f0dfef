import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDetail, CampaignMember } from '@santong/contract';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';
import { makePerson, makeTenant } from '../setup/factories.js';
import { readWorkbook } from '../setup/xlsx.js';

describeDb('campaigns', () => {
  let t: TestApp;
  let tenantId: string;
  let s: Record<'office' | 'admin' | 'leader' | 'liaison' | 'member' | 'inspector' | 'auditor' | 'security', Session>;

  const count = async (sql: string, params: unknown[] = []) => (await t.sql<{ n: number }>(sql, params))[0].n;
  const auditCount = () => count('select count(*)::int as n from audit_log where tenant_id = $1', [tenantId]);
  const personIn = async (code: string, offset = 0) =>
    (await t.sql<{ id: string; name: string; unit_id: string }>('select p.id, p.name, p.unit_id from people p join units u on u.id = p.unit_id where u.code = $1 and p.tenant_id = $2 order by p.staff_no offset $3 limit 1', [code, tenantId, offset]))[0];
  const create = async (title = `测试部署${crypto.randomBytes(2).toString('hex')}`) => {
    const res = await call(t.app, s.office, 'POST', '/api/v1/campaigns', { title, kind: 'special', startDate: '2026-09-01', endDate: '2026-12-31' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as CampaignDetail;
  };
  const body = (c: CampaignDetail, name: string) => c.bodies.find((b) => b.name === name)!;

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    const names = ['office', 'admin', 'leader', 'liaison', 'member', 'inspector', 'auditor', 'security'] as const;
    s = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await login(t.app, n)]))) as typeof s;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('the seeded campaign', () => {
    it('is listed to every working role and hidden from auditor and security', async () => {
      for (const who of ['member', 'liaison', 'leader', 'inspector'] as const) {
        const res = await call(t.app, s[who], 'GET', '/api/v1/campaigns?status=active');
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().items.map((c: { title: string }) => c.title)).toContain('2026年主题教育暨“三同”工作推进');
      }
      expectError(await call(t.app, s.auditor, 'GET', '/api/v1/campaigns'), 403, 'FORBIDDEN');
      expectError(await call(t.app, s.security, 'GET', '/api/v1/campaigns'), 403, 'FORBIDDEN');
    });

    it('shows the work loop: leading group under the secretary, office, three working groups, every unit’s liaison', async () => {
      const [{ id }] = (await call(t.app, s.member, 'GET', '/api/v1/campaigns?status=active')).json().items;
      const c = (await call(t.app, s.member, 'GET', `/api/v1/campaigns/${id}`)).json() as CampaignDetail;
      expect(c.status).toBe('active');
      expect(c.bodies.map((b) => b.kind)).toEqual(['leading_group', 'office', 'working_group', 'working_group', 'working_group', 'liaison_team']);
      expect(c.bodies.filter((b) => b.kind === 'working_group').map((b) => b.name)).toEqual(['综合组', '宣传组', '指导组']);
      const [secretary] = await t.sql<{ name: string }>("select p.name from positions x join people p on p.id = x.person_id join units u on u.id = x.unit_id where u.code = 'DW' and x.role = 'secretary' and x.tenant_id = $1", [tenantId]);
      const leader = body(c, '领导小组').members.find((m) => m.role === 'leader')!;
      expect(leader.personName).toBe(secretary.name);
      for (const b of c.bodies) expect(b.members.length, b.name).toBeGreaterThan(0);
      const liaisons = body(c, '联络员队伍').members;
      const units = new Set(liaisons.map((m) => m.unitName));
      expect(units.size).toBe(14); // four colleges and ten departments
      expect(liaisons.every((m) => m.role === 'liaison' && m.unitId && m.personName)).toBe(true);
      const inspector = await t.sql<{ person_id: string }>("select person_id from users where username = 'inspector' and tenant_id = $1", [tenantId]);
      expect(body(c, '指导组').members.map((m) => m.personId)).toContain(inspector[0].person_id);
      expect(c.memberCount).toBe(c.bodies.reduce((n, b) => n + b.members.length, 0));
      expect(c.documentCount).toBe(await count('select count(*)::int as n from documents where campaign_id = $1', [id]));
      expect(c.documentCount).toBeGreaterThanOrEqual(11);
    });

    it('cannot be deleted while documents hang on it', async () => {
      const [{ id }] = (await call(t.app, s.office, 'GET', '/api/v1/campaigns?status=active')).json().items;
      expectError(await call(t.app, s.office, 'DELETE', `/api/v1/campaigns/${id}`), 409, 'CAMPAIGN_IN_USE');
    });

    it('exports the list with the current filters', async () => {
      const res = await call(t.app, s.member, 'GET', `/api/v1/campaigns/export?q=${encodeURIComponent('主题教育')}`);
      expect(res.statusCode).toBe(200);
      const rows = await readWorkbook(res.rawPayload);
      expect(rows[0].slice(0, 5)).toEqual(['名称', '类型', '开始日期', '结束日期', '状态']);
      expect(rows[1][0]).toBe('2026年主题教育暨“三同”工作推进');
      expect(rows[1][4]).toBe('进行中');
      expect(rows).toHaveLength(2);
    });
  });

  describe('campaign life cycle', () => {
    it('creates a draft with the default bodies and audits it', async () => {
      const before = await auditCount();
      const c = await create();
      expect(c).toMatchObject({ status: 'draft', version: 1, kind: 'special' });
      expect(c.bodies.map((b) => b.name)).toEqual(['领导小组', '领导小组办公室', '综合组', '宣传组', '指导组', '联络员队伍']);
      expect(await auditCount()).toBe(before + 1);
      const [a] = await t.sql<{ action: string }>("select action from audit_log where entity = 'campaign' and entity_id = $1", [c.id]);
      expect(a.action).toBe('create');
    });

    it('rejects bad periods and unknown kinds, naming the field, writing nothing', async () => {
      const before = [await auditCount(), await count('select count(*)::int as n from campaigns where tenant_id = $1', [tenantId])];
      const bad = expectError(await call(t.app, s.office, 'POST', '/api/v1/campaigns', { title: '倒序', kind: 'annual', startDate: '2026-12-01', endDate: '2026-01-01' }), 400, 'VALIDATION_FAILED');
      expect(bad.details?.issues).toEqual([{ path: 'body.endDate', message: 'the end date is before the start date' }]);
      const kind = expectError(await call(t.app, s.office, 'POST', '/api/v1/campaigns', { title: 'x', kind: 'party', startDate: '2026-01-01', endDate: '2026-02-01' }), 400);
      expect((kind.details?.issues as { path: string }[])[0].path).toBe('body.kind');
      const date = expectError(await call(t.app, s.office, 'POST', '/api/v1/campaigns', { title: 'x', kind: 'annual', startDate: '2026-02-30', endDate: '2026-03-01' }), 400);
      expect((date.details?.issues as { path: string }[])[0].path).toBe('body.startDate');
      const c = await create();
      expectError(await call(t.app, s.office, 'PATCH', `/api/v1/campaigns/${c.id}`, { endDate: '2026-08-01', version: 1 }), 400, 'VALIDATION_FAILED');
      expect(await auditCount()).toBe(before[0] + 1);
      expect(await count('select count(*)::int as n from campaigns where tenant_id = $1', [tenantId])).toBe(before[1] + 1);
    });

    it('moves only forward: draft → active → closed, then is read-only', async () => {
      const c = await create();
      const skip = expectError(await call(t.app, s.office, 'PATCH', `/api/v1/campaigns/${c.id}`, { status: 'closed', version: 1 }), 409, 'CAMPAIGN_STATUS_INVALID');
      expect(skip.details).toMatchObject({ from: 'draft', to: 'closed' });
      const active = await call(t.app, s.office, 'PATCH', `/api/v1/campaigns/${c.id}`, { status: 'active', version: 1 });
      expect(active.statusCode, active.body).toBe(200);
      expect(active.json()).toMatchObject({ status: 'active', version: 2 });
      expectError(await call(t.app, s.office, 'PATCH', `/api/v1/campaigns/${c.id}`, { status: 'draft', version: 2 }), 409, 'CAMPAIGN_STATUS_INVALID');
      expectError(await call(t.app, s.office, 'PATCH', `/api/v1/campaigns/${c.id}`, { title: '过期版本', version: 1 }), 409, 'VERSION_CONFLICT');
      expect((await call(t.app, s.office, 'PATCH', `/api/v1/campaigns/${c.id}`, { status: 'closed', version: 2 })).statusCode).toBe(200);
      expectError(await call(t.app, s.office, 'PATCH', `/api/v1/campaigns/${c.id}`, { title: '改名', version: 3 }), 409, 'CAMPAIGN_CLOSED');
      expectError(await call(t.app, s.office, 'POST', `/api/v1/campaigns/${c.id}/bodies`, { kind: 'working_group', name: '新组' }), 409, 'CAMPAIGN_CLOSED');
      const actions = await t.sql<{ action: string }>("select action from audit_log where entity = 'campaign' and entity_id = $1 order by seq", [c.id]);
      expect(actions.map((a) => a.action)).toEqual(['create', 'status:active', 'status:closed']);
    });

    it('lets only office and admin write', async () => {
      for (const who of ['leader', 'liaison', 'member', 'inspector'] as const) {
        expectError(await call(t.app, s[who], 'POST', '/api/v1/campaigns', { title: '越权', kind: 'annual', startDate: '2026-01-01', endDate: '2026-02-01' }), 403, 'FORBIDDEN');
      }
      const res = await call(t.app, s.admin, 'POST', '/api/v1/campaigns', { title: '管理员新建', kind: 'annual', startDate: '2026-01-01', endDate: '2026-12-31' });
      expect(res.statusCode).toBe(201);
    });

    it('deletes an unused campaign with its bodies and members', async () => {
      const c = await create();
      const p = await personIn('JWC');
      await call(t.app, s.office, 'POST', `/api/v1/campaign-bodies/${body(c, '综合组').id}/members`, { personId: p.id, role: 'member' });
      expect((await call(t.app, s.office, 'DELETE', `/api/v1/campaigns/${c.id}`)).statusCode).toBe(200);
      expectError(await call(t.app, s.office, 'GET', `/api/v1/campaigns/${c.id}`), 404, 'CAMPAIGN_NOT_FOUND');
      expect(await count('select count(*)::int as n from campaign_bodies where campaign_id = $1', [c.id])).toBe(0);
      expect(await count('select count(*)::int as n from campaign_members where body_id = $1', [body(c, '综合组').id])).toBe(0);
    });
  });

  describe('bodies and members', () => {
    it('adds, renames and removes working groups; one leading group per campaign', async () => {
      const c = await create();
      const added = await call(t.app, s.office, 'POST', `/api/v1/campaigns/${c.id}/bodies`, { kind: 'working_group', name: '督查组', duty: '专项督查' });
      expect(added.statusCode, added.body).toBe(201);
      const g = added.json();
      const dup = expectError(await call(t.app, s.office, 'POST', `/api/v1/campaigns/${c.id}/bodies`, { kind: 'leading_group', name: '第二领导小组' }), 409, 'DUPLICATE');
      expect(dup.details?.issues).toEqual([{ path: 'body.kind', message: 'only one per campaign' }]);
      const renamed = await call(t.app, s.office, 'PATCH', `/api/v1/campaign-bodies/${g.id}`, { name: '督查督办组' });
      expect(renamed.json().name).toBe('督查督办组');
      expect((await call(t.app, s.office, 'DELETE', `/api/v1/campaign-bodies/${body(c, '宣传组').id}`)).statusCode).toBe(200);
      const after = (await call(t.app, s.office, 'GET', `/api/v1/campaigns/${c.id}`)).json() as CampaignDetail;
      expect(after.bodies.map((b) => b.name)).toEqual(['领导小组', '领导小组办公室', '综合组', '指导组', '督查督办组', '联络员队伍']);
      expectError(await call(t.app, s.office, 'PATCH', `/api/v1/campaign-bodies/${crypto.randomUUID()}`, { name: 'x' }), 404, 'CAMPAIGN_BODY_NOT_FOUND');
      const actions = await t.sql<{ action: string }>("select action from audit_log where entity = 'campaign_body' and entity_id = $1 order by seq", [g.id]);
      expect(actions.map((a) => a.action)).toEqual(['create', 'update']);
    });

    it('adds members with names, roles and units; rejects unknown people and units by field', async () => {
      const c = await create();
      const lead = body(c, '领导小组');
      const secretary = await personIn('DW');
      const res = await call(t.app, s.office, 'POST', `/api/v1/campaign-bodies/${lead.id}/members`, { personId: secretary.id, role: 'leader' });
      expect(res.statusCode, res.body).toBe(201);
      const m = res.json() as CampaignMember;
      expect(m).toMatchObject({ personId: secretary.id, personName: secretary.name, role: 'leader', unitId: null });
      expectError(await call(t.app, s.office, 'POST', `/api/v1/campaign-bodies/${lead.id}/members`, { personId: secretary.id, role: 'member' }), 409, 'DUPLICATE');

      const before = await auditCount();
      const other = await makeTenant(t);
      const stranger = await makePerson(t, { tenantId: other.id });
      const cases: [unknown, string][] = [
        [{ personId: crypto.randomUUID(), role: 'member' }, 'body.personId'],
        [{ personId: stranger.id, role: 'member' }, 'body.personId'],
        [{ personId: (await personIn('JWC')).id, role: 'member', unitId: crypto.randomUUID() }, 'body.unitId'],
        [{ personId: (await personIn('JWC')).id, role: 'chief' }, 'body.role'],
      ];
      for (const [payload, path] of cases) {
        const err = expectError(await call(t.app, s.office, 'POST', `/api/v1/campaign-bodies/${lead.id}/members`, payload), 400, 'VALIDATION_FAILED');
        expect((err.details?.issues as { path: string }[]).map((i) => i.path)).toContain(path);
      }
      expect(await auditCount()).toBe(before);

      const changed = await call(t.app, s.office, 'PATCH', `/api/v1/campaign-members/${m.id}`, { role: 'deputy_leader', unitId: await unitIdByCode(t, 'DW') });
      expect(changed.json()).toMatchObject({ role: 'deputy_leader', unitName: '中共南粤职业技术学院委员会' });
      expect((await call(t.app, s.office, 'DELETE', `/api/v1/campaign-members/${m.id}`)).statusCode).toBe(200);
      expectError(await call(t.app, s.office, 'DELETE', `/api/v1/campaign-members/${m.id}`), 404, 'CAMPAIGN_MEMBER_NOT_FOUND');
      const actions = await t.sql<{ action: string }>("select action from audit_log where entity = 'campaign_member' and entity_id = $1 order by seq", [m.id]);
      expect(actions.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    });

    it('fills the liaison team with every unit’s liaison once; a liaison defaults to their own unit', async () => {
      const c = await create();
      const team = body(c, '联络员队伍');
      const fill = await call(t.app, s.office, 'POST', `/api/v1/campaign-bodies/${team.id}/liaisons`);
      expect(fill.statusCode, fill.body).toBe(200);
      expect(fill.json().added).toBe(14);
      expect(new Set(fill.json().body.members.map((m: CampaignMember) => m.unitId)).size).toBe(14);
      expect((await call(t.app, s.office, 'POST', `/api/v1/campaign-bodies/${team.id}/liaisons`)).json().added).toBe(0);
      expectError(await call(t.app, s.office, 'POST', `/api/v1/campaign-bodies/${body(c, '综合组').id}/liaisons`), 400, 'VALIDATION_FAILED');
      const extra = await personIn('YS-XY', 8);
      const m = (await call(t.app, s.office, 'POST', `/api/v1/campaign-bodies/${team.id}/members`, { personId: extra.id, role: 'liaison' })).json();
      expect(m.unitId).toBe(extra.unit_id);
      expect(m.unitName).toBe('艺术设计学院');
    });
  });
});
