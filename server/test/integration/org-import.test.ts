import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, describeDb, expectError, type Session, type TestApp } from '../setup/db.js';
import { openOrgFixture, orgQueries, type OrgSessions } from './org-fixture.js';
import { multipartFile, personHeaders, readWorkbook, unitHeaders, workbook } from '../setup/xlsx.js';

const uuid = () => crypto.randomUUID();
const uniq = () => crypto.randomBytes(3).toString('hex').toUpperCase();

/** Org .xlsx import (all-or-nothing, row-level report) and streamed export; split from org.test.ts. */
describeDb('org import and export', () => {
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

  describe('import and export (.xlsx)', () => {
    const upload = (who: Session, url: string, buf: Buffer, name = '导入.xlsx') => {
      const mp = multipartFile(buf, name);
      return t.app.inject({ method: 'POST', url, payload: mp.payload, headers: { ...who.headers, ...mp.headers } });
    };

    it('imports units: a good file creates every row with parents and pairing', async () => {
      const k = uniq();
      const buf = await workbook(unitHeaders, [
        [`IM-ZB-${k}`, '导入党支部', '', '党支部', `IM-ZZ-${k}`, `IM-C-${k}`, 20], // parent comes later in the file
        [`IM-ZZ-${k}`, '导入党总支', '导入总支', 'general_branch', 'DW', '', 10],
        [`IM-C-${k}`, '导入中心', '', '中心', '', '', ''],
      ]);
      const before = await auditCount();
      const res = await upload(s.office, '/api/v1/units/import', buf);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'done', totalRows: 3, created: 3, errors: [] });
      const rows = await t.sql<{ code: string; parent: string | null; paired: string | null; kind: string }>(
        `select u.code, p.code as parent, pr.code as paired, u.kind from units u left join units p on p.id = u.parent_id left join units pr on pr.id = u.paired_unit_id
         where u.code like $1 order by u.code`,
        [`IM-%-${k}`],
      );
      expect(rows).toEqual([
        { code: `IM-C-${k}`, parent: null, paired: `IM-ZB-${k}`, kind: 'center' },
        { code: `IM-ZB-${k}`, parent: `IM-ZZ-${k}`, paired: `IM-C-${k}`, kind: 'branch' },
        { code: `IM-ZZ-${k}`, parent: 'DW', paired: null, kind: 'general_branch' },
      ]);
      expect(await auditCount()).toBe(before + 3);
    });

    it('a file with one bad row → 400 IMPORT_INVALID with row/column/reason, nothing written, and an error report', async () => {
      const k = uniq();
      const buf = await workbook(unitHeaders, [
        [`BAD-A-${k}`, '好的一行', '', '处室', '', '', 1],
        [`BAD-B-${k}`, '坏的一行', '', '处室', 'NO-SUCH-UNIT', '', 2],
        [`BAD-C-${k}`, '又一行好的', '', '二级学院', '', '', 3],
      ]);
      const unitsBefore = await count('select count(*)::int as n from units');
      const auditBefore = await auditCount();
      const res = await upload(s.office, '/api/v1/units/import', buf, '单位导入.xlsx');
      const err = expectError(res, 400, 'IMPORT_INVALID');
      expect(err.details?.errors).toEqual([{ row: 3, column: '上级编码', reason: expect.stringContaining('NO-SUCH-UNIT') }]);
      expect(await count('select count(*)::int as n from units')).toBe(unitsBefore);
      expect(await auditCount()).toBe(auditBefore);

      const report = await call(t.app, s.office, 'GET', `/api/v1/imports/${err.details?.importId}/report`);
      expect(report.statusCode).toBe(200);
      expect(report.headers['content-type']).toContain('spreadsheetml');
      expect(String(report.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('导入错误报告-单位导入.xlsx')}`);
      const sheet = await readWorkbook(report.rawPayload);
      expect(sheet[0]).toEqual(['行号', '列', '原因']);
      expect(sheet.slice(1).map((r) => r.slice(0, 2))).toEqual([['3', '上级编码']]);
      expectError(await call(t.app, s.office, 'GET', `/api/v1/imports/${uuid()}/report`), 404, 'IMPORT_NOT_FOUND');
    });

    it('reports every problem of a bad people file and writes nothing', async () => {
      const k = uniq();
      const buf = await workbook(personHeaders, [
        [`IP1${k}`, '甲', '男', '讲师', '中共党员', '否', '13800000001', '', 'JD-XY', '成员'],
        [`IP2${k}`, '乙', '女', '', '火星人', '否', '', '', 'JD-XY', ''],
        [`IP3${k}`, '丙', '', '', '群众', '也许', '', 'not-an-email', 'NOPE', '皇帝'],
        [`IP1${k}`, '丁', '', '', '群众', '', '', '', 'JD-XY', ''],
      ]);
      const before = await count('select count(*)::int as n from people');
      const err = expectError(await upload(s.office, '/api/v1/people/import', buf), 400, 'IMPORT_INVALID');
      const errors = err.details?.errors as { row: number; column: string; reason: string }[];
      const at = (row: number) => errors.filter((e) => e.row === row).map((e) => e.column).sort();
      expect(at(2)).toEqual([]);
      expect(at(3)).toEqual(['政治面貌']);
      expect(at(4)).toEqual(['单位编码', '双带头人', '岗位', '邮箱'].sort());
      expect(at(5)).toEqual(['工号']);
      for (const e of errors) expect(typeof e.reason).toBe('string');
      expect(await count('select count(*)::int as n from people')).toBe(before);
    });

    it('imports people with their positions', async () => {
      const k = uniq();
      const buf = await workbook(personHeaders, [
        [`IG1${k}`, '导入甲', '男', '讲师', '中共党员', '是', '13800000001', 'a@example.edu.cn', 'JD-XY', '成员、联络员'],
        [`IG2${k}`, '导入乙', 'female', '', 'masses', '否', '', '', 'YS-XY', ''],
      ]);
      const res = await upload(s.admin, '/api/v1/people/import', buf);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'done', created: 2 });
      const rows = await t.sql<{ staff_no: string; dual_leader: boolean; gender: string; roles: string | null }>(
        `select p.staff_no, p.dual_leader, p.gender, string_agg(po.role, ',' order by po.role) as roles
         from people p left join positions po on po.person_id = p.id where p.staff_no like $1 group by p.staff_no, p.dual_leader, p.gender order by p.staff_no`,
        [`IG_${k}`],
      );
      expect(rows).toEqual([
        { staff_no: `IG1${k}`, dual_leader: true, gender: 'male', roles: 'liaison,member' },
        { staff_no: `IG2${k}`, dual_leader: false, gender: 'female', roles: null },
      ]);
    });

    it('refuses files that are not workbooks or lack columns', async () => {
      expectError(await upload(s.office, '/api/v1/units/import', Buffer.from('not a zip')), 415, 'UNSUPPORTED_MEDIA_TYPE');
      const err = expectError(await upload(s.office, '/api/v1/units/import', await workbook(['编码', '名称'], [['A', 'B']])), 400, 'IMPORT_INVALID');
      expect((err.details?.errors as { column: string }[]).map((e) => e.column)).toContain('类型');
      expectError(await call(t.app, s.office, 'POST', '/api/v1/units/import', { file: 'x' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
      const empty = multipartFile(Buffer.alloc(0), 'x.xlsx', 'other');
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/units/import', payload: empty.payload, headers: { ...s.office.headers, ...empty.headers } });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    });

    it('serves import templates that import back cleanly', async () => {
      const res = await call(t.app, s.office, 'GET', '/api/v1/people/template');
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('人员导入模板.xlsx'));
      const sheet = await readWorkbook(res.rawPayload);
      expect(sheet[0]).toEqual(personHeaders);
      const ok = await upload(s.office, '/api/v1/people/import', res.rawPayload);
      expect(ok.statusCode, ok.body).toBe(200);
    });

    it('exports people in scope as .xlsx with a Chinese file name that parses back', async () => {
      const res = await call(t.app, s.office, 'GET', '/api/v1/people/export');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const cd = String(res.headers['content-disposition']);
      expect(cd).toMatch(/^attachment; filename="[\x20-\x7e]+"; /);
      expect(cd).toContain(`filename*=UTF-8''${encodeURIComponent('人员名单.xlsx')}`);
      expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(cd)![1])).toBe('人员名单.xlsx');
      const sheet = await readWorkbook(res.rawPayload);
      expect(sheet[0]).toEqual(['工号', '姓名', '性别', '职称职务', '政治面貌', '双带头人', '电话', '邮箱', '单位']);
      const db = await t.sql<{ staff_no: string; name: string; unit: string }>(
        'select p.staff_no, p.name, u.name as unit from people p join units u on u.id = p.unit_id where p.tenant_id = $1 order by p.staff_no',
        [tenantId],
      );
      expect(sheet.slice(1).map((r) => [r[0], r[1], r[8]])).toEqual(db.map((r) => [r.staff_no, r.name, r.unit]));

      const liaison = await readWorkbook((await call(t.app, s.liaison, 'GET', '/api/v1/people/export')).rawPayload);
      expect(liaison.length - 1).toBe((await peopleUnder(['JD-XY', 'JD-ZZ'])).length);
      const filtered = await readWorkbook((await call(t.app, s.office, 'GET', `/api/v1/people/export?unitId=${u['YS-XY']}`)).rawPayload);
      expect(filtered.length - 1).toBe(await count('select count(*)::int as n from people where unit_id = $1', [u['YS-XY']]));
    });

    it('exports units with parent and partner codes', async () => {
      const res = await call(t.app, s.member, 'GET', '/api/v1/units/export?kind=college');
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('单位列表.xlsx'));
      const sheet = await readWorkbook(res.rawPayload);
      expect(sheet[0]).toEqual(unitHeaders);
      const jd = sheet.find((r) => r[0] === 'JD-XY')!;
      expect(jd[1]).toBe('机电工程学院');
      expect(jd[3]).toBe('二级学院');
      expect(jd[5]).toBe('JD-ZZ');
      expect(sheet.length - 1).toBe(4);
    });
  });
});
