import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '@santong/contract';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';
import { makeTenant } from '../setup/factories.js';
import { readWorkbook } from '../setup/xlsx.js';

/** A multipart body with text fields and one file, as a browser sends it (raw UTF-8 file name). */
function multipart(fields: Record<string, string>, file: { name: string; buf: Buffer; mime?: string }) {
  const boundary = `----st${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`, 'utf8'));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.mime ?? 'application/octet-stream'}\r\n\r\n`, 'utf8'));
  parts.push(file.buf, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A real 1×1 PNG. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.from([0, 200, 30, 30]))), chunk('IEND', Buffer.alloc(0))]);
}

/** A small valid PDF with one empty page. */
function pdf(note = 'santong'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${note}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

const elf = () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120, 0)]);

describeDb('documents', () => {
  let t: TestApp;
  let tenantId: string;
  let campaignId: string;
  let s: Record<'office' | 'leader' | 'liaison' | 'member' | 'auditor', Session>;

  const count = async (sql: string, params: unknown[] = []) => (await t.sql<{ n: number }>(sql, params))[0].n;
  const auditCount = () => count('select count(*)::int as n from audit_log where tenant_id = $1', [tenantId]);
  const list = async (qs: string, who: Session = s.member) => {
    const res = await call(t.app, who, 'GET', `/api/v1/documents?${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: DocumentRecord[]; total: number };
  };
  const create = async (extra: Record<string, unknown> = {}) => {
    const res = await call(t.app, s.office, 'POST', '/api/v1/documents', { kind: 'notice', title: '关于做好年终考核工作的通知', campaignId, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as DocumentRecord;
  };

  beforeAll(async () => {
    // A 50 KB upload limit so that the oversize case stays small.
    t = await buildTestApp({ config: { uploadLimitBytes: 50 * 1024 } });
    tenantId = await demoTenantId(t);
    s = {
      office: await login(t.app, 'office'),
      leader: await login(t.app, 'leader'),
      liaison: await login(t.app, 'liaison'),
      member: await login(t.app, 'member'),
      auditor: await login(t.app, 'auditor'),
    };
    [{ id: campaignId }] = await t.sql<{ id: string }>("select id from campaigns where tenant_id = $1 and status = 'active'", [tenantId]);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('register', () => {
    it('holds the campaign’s 4 work plans and 7 other documents, each with its file', async () => {
      const all = await list(`campaignId=${campaignId}&pageSize=100`);
      const mine = all.items.filter((d) => d.docNo?.startsWith('南粤职院'));
      expect(mine).toHaveLength(11);
      expect(mine.filter((d) => d.kind === 'plan')).toHaveLength(4);
      expect(mine.every((d) => d.files.length === 1 && d.files[0].name.endsWith('.docx') && d.files[0].mime.includes('wordprocessingml'))).toBe(true);
      expect(all.total).toBe(await count('select count(*)::int as n from documents where tenant_id = $1 and campaign_id = $2', [tenantId, campaignId]));
      expect(all.items.every((d) => d.campaignTitle === '2026年主题教育暨“三同”工作推进' && d.issuingUnitName)).toBe(true);
      const dates = all.items.map((d) => d.issuedOn!);
      expect(dates).toEqual([...dates].sort().reverse());
      expect(all.items.map((d) => d.docNo)).toContain('南粤职院党〔2026〕12号');
    });

    it('filters by kind, unit, date range and Chinese text, paging with right totals', async () => {
      const n = (where: string, params: unknown[] = []) => count(`select count(*)::int as n from documents where tenant_id = $1 and ${where}`, [tenantId, ...params]);
      expect((await list('kind=plan')).total).toBe(await n("kind = 'plan'"));
      const dzb = await unitIdByCode(t, 'DZB');
      const byUnit = await list(`issuingUnitId=${dzb}`);
      expect(byUnit.total).toBe(await n('issuing_unit_id = $2', [dzb]));
      expect(byUnit.total).toBeGreaterThanOrEqual(3);
      expect(byUnit.items.every((d) => d.issuingUnitId === dzb)).toBe(true);
      const range = await list('from=2026-03-01&to=2026-03-31');
      expect(range.items.every((d) => d.issuedOn! >= '2026-03-01' && d.issuedOn! <= '2026-03-31')).toBe(true);
      expect(range.total).toBe(await n("issued_on between '2026-03-01' and '2026-03-31'"));
      expect(range.total).toBeGreaterThanOrEqual(6);
      const q = await list(`q=${encodeURIComponent('每周一调度')}`);
      expect(q.items.map((d) => d.title)).toEqual(['关于建立“每周一调度”工作机制的通知']);
      const byNo = await list(`q=${encodeURIComponent('〔2026〕12号')}`);
      expect(byNo.items.map((d) => d.docNo)).toContain('南粤职院宣〔2026〕12号');
      expect(byNo.items.map((d) => d.docNo)).toContain('南粤职院党〔2026〕12号');
      const bySummary = await list(`q=${encodeURIComponent('微党课比赛')}`);
      expect(bySummary.items.map((d) => d.kind)).toEqual(['other']);
      const page2 = await list('pageSize=4&page=2&sort=title');
      expect(page2.total).toBe(await n('true'));
      expect(page2.items).toHaveLength(4);
      const bad = expectError(await call(t.app, s.member, 'GET', '/api/v1/documents?from=2026-13-01'), 400);
      expect((bad.details?.issues as { path: string }[])[0].path).toBe('querystring.from');
    });

    it('exports the filtered list with Chinese headers and real dates', async () => {
      const res = await call(t.app, s.leader, 'GET', '/api/v1/documents/export?kind=plan');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('文件登记.xlsx')}`);
      const rows = await readWorkbook(res.rawPayload);
      expect(rows[0]).toEqual(['类型', '标题', '文号', '发文单位', '发文日期', '所属工作部署', '摘要']);
      expect(rows).toHaveLength(1 + (await count("select count(*)::int as n from documents where tenant_id = $1 and kind = 'plan'", [tenantId])));
      expect(rows.slice(1).every((r) => r[0] === '方案')).toBe(true);
      expect(rows.slice(1).some((r) => r[2] === '南粤职院党〔2026〕8号' && /2026/.test(r[4]))).toBe(true);
    });

    it('is read by every working role, written by the office only', async () => {
      expect((await list('', s.liaison)).total).toBe(await count('select count(*)::int as n from documents where tenant_id = $1', [tenantId]));
      expectError(await call(t.app, s.auditor, 'GET', '/api/v1/documents'), 403, 'FORBIDDEN');
      for (const who of ['leader', 'liaison', 'member'] as const) {
        expectError(await call(t.app, s[who], 'POST', '/api/v1/documents', { kind: 'other', title: '越权' }), 403, 'FORBIDDEN');
      }
    });
  });

  describe('writes', () => {
    it('creates with search grams, updates with the version, deletes with its files, auditing each', async () => {
      const d = await create({ docNo: '南粤职院党〔2026〕88号', summary: '部署年终述职评议', issuedOn: '2026-11-20', issuingUnitId: await unitIdByCode(t, 'DW') });
      const [row] = await t.sql<{ search_grams: string[] }>('select search_grams from documents where id = $1', [d.id]);
      expect(row.search_grams).toEqual(expect.arrayContaining(['考核', '通知', '88', '述职', '党']));
      expect((await list(`q=${encodeURIComponent('述职评议')}`)).items.map((x) => x.id)).toEqual([d.id]);
      const upd = await call(t.app, s.office, 'PATCH', `/api/v1/documents/${d.id}`, { summary: '部署年终民主测评', version: 1 });
      expect(upd.statusCode, upd.body).toBe(200);
      expect(upd.json().version).toBe(2);
      expect((await list(`q=${encodeURIComponent('述职评议')}`)).total).toBe(0);
      expect((await list(`q=${encodeURIComponent('民主测评')}`)).items.map((x) => x.id)).toEqual([d.id]);
      expectError(await call(t.app, s.office, 'PATCH', `/api/v1/documents/${d.id}`, { title: '旧', version: 1 }), 409, 'VERSION_CONFLICT');
      expect((await call(t.app, s.office, 'DELETE', `/api/v1/documents/${d.id}`)).statusCode).toBe(200);
      expectError(await call(t.app, s.office, 'GET', `/api/v1/documents/${d.id}`), 404, 'DOCUMENT_NOT_FOUND');
      const actions = await t.sql<{ action: string }>("select action from audit_log where entity = 'document' and entity_id = $1 order by seq", [d.id]);
      expect(actions.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    });

    it('names the field of an unknown unit or campaign, or a used 文号, and writes nothing', async () => {
      const before = [await auditCount(), await count('select count(*)::int as n from documents where tenant_id = $1', [tenantId])];
      const other = await makeTenant(t);
      const [foreignCampaign] = await t.sql<{ id: string }>("insert into campaigns (tenant_id, title, kind, start_date, end_date) values ($1, '外租户', 'annual', '2026-01-01', '2026-12-31') returning id", [other.id]);
      const cases: [Record<string, unknown>, string][] = [
        [{ issuingUnitId: crypto.randomUUID() }, 'body.issuingUnitId'],
        [{ campaignId: crypto.randomUUID() }, 'body.campaignId'],
        [{ campaignId: foreignCampaign.id }, 'body.campaignId'],
        [{ kind: 'letter' }, 'body.kind'],
        [{ issuedOn: '2026-02-31' }, 'body.issuedOn'],
        [{ title: '   ' }, 'body.title'],
      ];
      for (const [extra, path] of cases) {
        const err = expectError(await call(t.app, s.office, 'POST', '/api/v1/documents', { kind: 'notice', title: '测试', ...extra }), 400, 'VALIDATION_FAILED');
        expect((err.details?.issues as { path: string }[]).map((i) => i.path)).toContain(path);
      }
      const dup = expectError(await call(t.app, s.office, 'POST', '/api/v1/documents', { kind: 'notice', title: '重号', docNo: '南粤职院党〔2026〕12号' }), 409, 'DUPLICATE');
      expect(dup.details?.issues).toEqual([{ path: 'body.docNo', message: 'already registered' }]);
      expect([await auditCount(), await count('select count(*)::int as n from documents where tenant_id = $1', [tenantId])]).toEqual(before);
    });

    it('keeps a document that is a research topic’s report', async () => {
      const d = await create();
      const [leader] = await t.sql<{ id: string }>("select person_id as id from users where username = 'leader' and tenant_id = $1", [tenantId]);
      await t.sql("insert into research_topics (tenant_id, title, problem_area, leader_person_id, report_document_id) values ($1, '调研', '党建品牌', $2, $3)", [tenantId, leader.id, d.id]);
      expectError(await call(t.app, s.office, 'DELETE', `/api/v1/documents/${d.id}`), 409, 'DOCUMENT_IN_USE');
    });
  });

  describe('files', () => {
    const upload = (who: Session, entityId: string, name: string, buf: Buffer, mime?: string) => {
      const m = multipart({ entity: 'document', entityId }, { name, buf, mime });
      return call(t.app, who, 'POST', '/api/v1/attachments', m.payload, { headers: m.headers });
    };

    it('stores a PDF and a PNG by content and sends Chinese names back intact', async () => {
      const d = await create();
      for (const [name, buf, mime] of [['实施方案（定稿）.pdf', pdf(), 'application/pdf'], ['会议现场照片.png', png(), 'image/png']] as const) {
        const res = await upload(s.office, d.id, name, buf, 'application/octet-stream');
        expect(res.statusCode, res.body).toBe(201);
        const a = res.json();
        expect(a).toMatchObject({ name, mime, size: buf.length, sha256: crypto.createHash('sha256').update(buf).digest('hex') });
        const dl = await call(t.app, s.member, 'GET', a.url);
        expect(dl.statusCode).toBe(200);
        expect(dl.headers['content-type']).toBe(mime);
        expect(dl.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
        expect(dl.headers['content-disposition']).toMatch(/^inline; filename="[\x20-\x7e]+"/);
        expect(Buffer.compare(dl.rawPayload, buf)).toBe(0);
      }
      const got = (await call(t.app, s.member, 'GET', `/api/v1/documents/${d.id}`)).json() as DocumentRecord;
      expect(got.files.map((f) => f.name)).toEqual(['实施方案（定稿）.pdf', '会议现场照片.png']);
    });

    it('stores identical bytes once (sha256 dedupe) while each record keeps its attachment', async () => {
      const [a, b] = [await create(), await create()];
      const bytes = pdf(crypto.randomBytes(6).toString('hex'));
      const sha = crypto.createHash('sha256').update(bytes).digest('hex');
      expect((await upload(s.office, a.id, '纪要.pdf', bytes)).statusCode).toBe(201);
      expect((await upload(s.office, b.id, '纪要（副本）.pdf', bytes)).statusCode).toBe(201);
      expect(await count('select count(*)::int as n from files where tenant_id = $1 and sha256 = $2', [tenantId, sha])).toBe(1);
      expect(await count('select count(*)::int as n from attachments a join files f on f.id = a.file_id where a.tenant_id = $1 and f.sha256 = $2', [tenantId, sha])).toBe(2);
    });

    it('refuses executables, HTML in disguise and oversize files with the error shape, writing nothing', async () => {
      const d = await create();
      const before = [await auditCount(), await count('select count(*)::int as n from attachments where tenant_id = $1', [tenantId]), await count('select count(*)::int as n from files where tenant_id = $1', [tenantId])];
      const exe = expectError(await upload(s.office, d.id, '方案.pdf', elf(), 'application/pdf'), 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(exe.message).toContain('not accepted');
      expectError(await upload(s.office, d.id, '通知.pdf', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'), 'application/pdf'), 415, 'UNSUPPORTED_MEDIA_TYPE');
      const big = Buffer.concat([pdf(), Buffer.alloc(60 * 1024, 0x20)]);
      expectError(await upload(s.office, d.id, '大文件.pdf', big), 413, 'PAYLOAD_TOO_LARGE');
      expect([await auditCount(), await count('select count(*)::int as n from attachments where tenant_id = $1', [tenantId]), await count('select count(*)::int as n from files where tenant_id = $1', [tenantId])]).toEqual(before);
    });

    it('checks access through the document: no write for readers, no read for the auditor, 404 for unknown records', async () => {
      const d = await create();
      expectError(await upload(s.leader, d.id, '越权.pdf', pdf()), 403, 'OUT_OF_SCOPE');
      expectError(await upload(s.office, crypto.randomUUID(), '无主.pdf', pdf()), 404, 'NOT_FOUND');
      const a = (await upload(s.office, d.id, '附件.pdf', pdf('acl'))).json();
      expectError(await call(t.app, s.auditor, 'GET', a.url), 403, 'OUT_OF_SCOPE');
      expect((await call(t.app, s.liaison, 'GET', a.url)).statusCode).toBe(200);
      expectError(await call(t.app, s.liaison, 'DELETE', `/api/v1/attachments/${a.id}`), 403, 'OUT_OF_SCOPE');
      expect((await call(t.app, s.office, 'DELETE', `/api/v1/attachments/${a.id}`)).statusCode).toBe(200);
    });
  });
});
