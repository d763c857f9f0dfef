import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ExchangeMeeting } from '@santong/contract';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, type Session, type TestApp } from '../setup/db.js';
import { readWorkbook } from '../setup/xlsx.js';

type Who = 'office' | 'leader' | 'liaison' | 'unithead' | 'inspector' | 'member' | 'auditor';

describeDb('monthly exchange (每月一交流)', () => {
  let t: TestApp;
  let tenantId: string;
  let s: Record<Who, Session>;

  const count = async (q: string, params: unknown[] = []) => (await t.sql<{ n: number }>(q, params))[0].n;
  const meetingCount = () => count('select count(*)::int as n from exchange_meetings where tenant_id = $1', [tenantId]);
  const auditCount = () => count('select count(*)::int as n from audit_log where tenant_id = $1', [tenantId]);
  const issuePaths = (res: Awaited<ReturnType<typeof call>>) => (expectError(res, 400).details as { issues: { path: string }[] }).issues.map((i) => i.path);
  const create = (who: Session, over: Record<string, unknown> = {}) =>
    call(t.app, who, 'POST', '/api/v1/exchange-meetings', {
      month: '2026-12', heldOn: '2026-12-24', presenters: '张明（机电学院党总支书记）、李华（教务处处长）',
      topics: '年终考核述党建交流\n“三同”工作经验总结', summary: '两位同志交流了年度工作亮点与不足。', ...over,
    });

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    s = Object.fromEntries(await Promise.all((['office', 'leader', 'liaison', 'unithead', 'inspector', 'member', 'auditor'] as Who[]).map(async (w) => [w, await login(t.app, w)]))) as Record<Who, Session>;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('seeds ten monthly records that every working role reads, filtered by year and month', async () => {
    for (const who of ['office', 'leader', 'liaison', 'unithead', 'inspector', 'member'] as Who[]) {
      const res = await call(t.app, s[who], 'GET', '/api/v1/exchange-meetings?year=2026&pageSize=50');
      expect(res.statusCode, `${who}: ${res.body}`).toBe(200);
      expect(res.json().total).toBe(10);
    }
    const nov = (await call(t.app, s.member, 'GET', '/api/v1/exchange-meetings?month=2026-11')).json() as { items: ExchangeMeeting[]; total: number };
    expect(nov.total).toBe(1);
    expect(nov.items[0]).toMatchObject({ month: '2026-11', heldOn: '2026-11-26' });
    expect(nov.items[0].presenters).toContain('（');
    expect((await call(t.app, s.office, 'GET', '/api/v1/exchange-meetings?year=2025')).json().total).toBe(0);
    const q = (await call(t.app, s.office, 'GET', `/api/v1/exchange-meetings?q=${encodeURIComponent('微党课')}`)).json();
    expect(q.total).toBeGreaterThan(0);
    expectError(await call(t.app, s.auditor, 'GET', '/api/v1/exchange-meetings'), 403);
  });

  it('creates, edits and deletes with versions and audit', async () => {
    const before = await meetingCount();
    const res = await create(s.office);
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json() as ExchangeMeeting;
    expect(m).toMatchObject({ month: '2026-12', heldOn: '2026-12-24', version: 1 });
    expect(await meetingCount()).toBe(before + 1);
    const upd = await call(t.app, s.office, 'PATCH', `/api/v1/exchange-meetings/${m.id}`, { summary: '补充：会议要求12月底前提交述职报告。', version: 1 });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ version: 2, summary: '补充：会议要求12月底前提交述职报告。' });
    expectError(await call(t.app, s.office, 'PATCH', `/api/v1/exchange-meetings/${m.id}`, { topics: '旧版本', version: 1 }), 409, 'VERSION_CONFLICT');
    expect((await call(t.app, s.member, 'GET', `/api/v1/exchange-meetings/${m.id}`)).json().version).toBe(2);
    expect((await call(t.app, s.office, 'DELETE', `/api/v1/exchange-meetings/${m.id}`)).statusCode).toBe(200);
    expectError(await call(t.app, s.office, 'GET', `/api/v1/exchange-meetings/${m.id}`), 404, 'EXCHANGE_MEETING_NOT_FOUND');
    expect(await meetingCount()).toBe(before);
    const actions = await t.sql<{ action: string }>("select action from audit_log where tenant_id = $1 and entity = 'exchange_meeting' and entity_id = $2 order by seq", [tenantId, m.id]);
    expect(actions.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses bad input naming the field, and writers without the permission, writing nothing', async () => {
    const before = [await meetingCount(), await auditCount()];
    expect(issuePaths(await create(s.office, { month: '2026-13' }))).toContain('body.month');
    expect(issuePaths(await create(s.office, { month: '2026/12' }))).toContain('body.month');
    expect(issuePaths(await create(s.office, { heldOn: '2026-12-40' }))).toContain('body.heldOn');
    expect(issuePaths(await create(s.office, { heldOn: '2027-01-05' }))).toEqual(['body.heldOn']);
    expect(issuePaths(await create(s.office, { presenters: '  ' }))).toContain('body.presenters');
    expect(issuePaths(await create(s.office, { topics: '' }))).toContain('body.topics');
    expect(issuePaths(await create(s.office, { venue: '礼堂' }))[0]).toMatch(/^body/);
    for (const who of ['leader', 'liaison', 'unithead', 'inspector', 'member'] as Who[]) expectError(await create(s[who]), 403);
    const seeded = (await call(t.app, s.office, 'GET', '/api/v1/exchange-meetings?month=2026-10')).json().items[0] as ExchangeMeeting;
    expect(issuePaths(await call(t.app, s.office, 'PATCH', `/api/v1/exchange-meetings/${seeded.id}`, { month: '2026-09', version: seeded.version }))).toEqual(['body.heldOn']);
    expectError(await call(t.app, s.member, 'PATCH', `/api/v1/exchange-meetings/${seeded.id}`, { topics: 'x', version: seeded.version }), 403);
    expectError(await call(t.app, s.office, 'PATCH', `/api/v1/exchange-meetings/${crypto.randomUUID()}`, { topics: 'x', version: 1 }), 404, 'EXCHANGE_MEETING_NOT_FOUND');
    expect([await meetingCount(), await auditCount()]).toEqual(before);
  });

  it('exports the year to a real .xlsx with Chinese headers', async () => {
    const res = await call(t.app, s.member, 'GET', '/api/v1/exchange-meetings/export?year=2026&sort=month');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readWorkbook(res.rawPayload);
    expect(rows[0]).toEqual(['月份', '交流日期', '交流人', '交流主题', '交流纪要']);
    expect(rows.length - 1).toBe(await count("select count(*)::int as n from exchange_meetings where tenant_id = $1 and month like '2026-%'", [tenantId]));
    expect(rows[1][0]).toBe('2026-02');
  });

  it('attaches files for the office; readers download, others cannot upload', async () => {
    const m = (await call(t.app, s.office, 'GET', '/api/v1/exchange-meetings?month=2026-11')).json().items[0] as ExchangeMeeting;
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
    const upload = (who: Session) => {
      const boundary = `----st${crypto.randomBytes(6).toString('hex')}`;
      const field = (k: string, v: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
      const body = Buffer.concat([
        Buffer.from(field('entity', 'exchange_meeting') + field('entityId', m.id)),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="交流材料.pdf"\r\nContent-Type: application/pdf\r\n\r\n`, 'utf8'),
        pdf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return call(t.app, who, 'POST', '/api/v1/attachments', body, { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    };
    const up = await upload(s.office);
    expect(up.statusCode, up.body).toBe(201);
    expect((await call(t.app, s.member, 'GET', up.json().url)).statusCode).toBe(200);
    expectError(await upload(s.liaison), 403);
    expectError(await call(t.app, s.auditor, 'GET', up.json().url), 404);
  });
});
