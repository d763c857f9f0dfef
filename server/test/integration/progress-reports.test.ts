import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressReportDetail } from '@santong/contract';
import { tasks, taskUnits } from '../../src/db/schema/index.js';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';
import { makeUser } from '../setup/factories.js';
import { readWorkbook } from '../setup/xlsx.js';

/** A multipart body with text fields and one file, as a browser sends it. */
function multipart(fields: Record<string, string>, file: { name: string; buf: Buffer; mime: string }) {
  const boundary = `----st${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`, 'utf8'));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.mime}\r\n\r\n`, 'utf8'));
  parts.push(file.buf, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const pdf = (tag = '') => Buffer.from(`%PDF-1.4\n% ${tag}\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n`);

type Who = 'office' | 'inspector' | 'leader' | 'unithead' | 'liaison' | 'member';

describeDb('progress reports', () => {
  let t: TestApp;
  let tenantId: string;
  let campaignId: string;
  let s: Record<Who, Session>;
  const u: Record<string, string> = {};

  const count = async (q: string, params: unknown[] = []) => Number((await t.sql<{ n: number }>(q, params))[0].n);
  const reportCount = () => count('select count(*)::int as n from progress_reports where tenant_id = $1', [tenantId]);
  const auditCount = () => count('select count(*)::int as n from audit_log where tenant_id = $1', [tenantId]);
  const writes = async () => [await reportCount(), await auditCount(), await count('select count(*)::int as n from progress_report_events where tenant_id = $1', [tenantId]), await count('select count(*)::int as n from notifications where tenant_id = $1', [tenantId])];
  const taskRow = async (id: string) =>
    (await t.sql<{ status: string; progress: number; last_report_at: Date | null; completed_at: Date | null; version: number }>('select status, progress, last_report_at, completed_at, version from tasks where id = $1', [id]))[0];

  /** A task straight in the database (owner unit by code, optional co-units). */
  const makeTask = async (owner: string, over: Partial<typeof tasks.$inferInsert> = {}, coUnits: string[] = []) => {
    const [row] = await t.db
      .insert(tasks)
      .values({ tenantId, campaignId, title: `测试任务${crypto.randomBytes(3).toString('hex')}`, category: 'project', ownerUnitId: u[owner], startDate: '2026-03-01', dueDate: '2026-12-31', ...over })
      .returning();
    if (coUnits.length) await t.db.insert(taskUnits).values(coUnits.map((c) => ({ tenantId, taskId: row.id, unitId: u[c] })));
    return row;
  };
  const body = (taskId: string, over: Record<string, unknown> = {}) => ({
    taskId,
    progress: 40,
    doneText: '完成专业群建设方案论证，召开校企合作研讨会2次。',
    problems: '企业导师到岗率不高',
    nextSteps: '12月完成课程标准修订',
    ...over,
  });
  const submit = (who: Session, taskId: string, over: Record<string, unknown> = {}) => call(t.app, who, 'POST', '/api/v1/progress-reports', body(taskId, over));
  const approve = (who: Session, id: string, comment?: string) => call(t.app, who, 'POST', `/api/v1/progress-reports/${id}/approve`, comment ? { comment } : {});
  const giveBack = (who: Session, id: string, comment: string) => call(t.app, who, 'POST', `/api/v1/progress-reports/${id}/return`, { comment });

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    campaignId = (await t.sql<{ id: string }>('select id from campaigns where tenant_id = $1 limit 1', [tenantId]))[0].id;
    for (const c of ['JD-XY', 'JD-ZZ', 'YS-XY', 'KYC']) u[c] = await unitIdByCode(t, c);
    s = {} as Record<Who, Session>;
    for (const w of ['office', 'inspector', 'leader', 'unithead', 'liaison', 'member'] as const) s[w] = await login(t.app, w);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('seeds the demo with approved, returned and resubmitted reports that agree with task progress', async () => {
    const byStatus = Object.fromEntries(
      (await t.sql<{ status: string; n: number }>('select status, count(*)::int as n from progress_reports where tenant_id = $1 group by status', [tenantId])).map((r) => [r.status, Number(r.n)]),
    );
    expect(byStatus.approved).toBeGreaterThan(50);
    expect(byStatus.returned).toBeGreaterThan(0);
    expect(byStatus.submitted).toBeGreaterThan(0);
    expect(await count("select count(*)::int as n from progress_report_events where tenant_id = $1 and action = 'resubmit'", [tenantId])).toBeGreaterThan(0);
    const disagreeing = await count(
      `select count(*)::int as n from tasks t cross join lateral (select progress, submitted_at from progress_reports r
         where r.tenant_id = t.tenant_id and r.task_id = t.id and r.status = 'approved' order by submitted_at desc, id desc limit 1) a
       where t.tenant_id = $1 and (a.progress <> t.progress or a.submitted_at <> t.last_report_at)`,
      [tenantId],
    );
    expect(disagreeing).toBe(0);
    expect(await count("select count(*)::int as n from notifications n join users u on u.id = n.user_id where n.tenant_id = $1 and u.username in ('office', 'inspector', 'liaison')", [tenantId])).toBeGreaterThan(0);
  });

  it('runs submit → return → resubmit → approve, moving the task only on approval', async () => {
    const task = await makeTask('JD-XY');
    const reviewers = await count("select count(*)::int as n from users where tenant_id = $1 and status = 'active' and roles && '{office,inspector}'::text[]", [tenantId]);

    const created = await submit(s.liaison, task.id);
    expect(created.statusCode, created.body).toBe(201);
    const r1 = created.json() as ProgressReportDetail;
    expect(r1).toMatchObject({ status: 'submitted', revision: 1, progress: 40, reporterId: s.liaison.user.id, taskId: task.id, ownerUnitName: expect.any(String) });
    expect(r1.events.map((e) => e.action)).toEqual(['submit']);
    expect(r1.can).toMatchObject({ resubmit: false, approve: false, attach: true });
    expect(await count("select count(*)::int as n from notifications where entity_id = $1 and kind = 'report.submitted'", [r1.id])).toBe(reviewers);

    const asInspector = (await call(t.app, s.inspector, 'GET', `/api/v1/progress-reports/${r1.id}`)).json() as ProgressReportDetail;
    expect(asInspector.can).toMatchObject({ approve: true, return: true, resubmit: false });

    const returned = await giveBack(s.inspector, r1.id, '佐证材料不全，请补充研讨会签到表');
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', reviewComment: '佐证材料不全，请补充研讨会签到表', reviewerName: s.inspector.user.displayName });
    expect(await taskRow(task.id)).toMatchObject({ status: 'planned', progress: 0, last_report_at: null });
    const toLiaison = await t.sql<{ kind: string; user_id: string }>('select kind, user_id from notifications where entity_id = $1 and kind = $2', [r1.id, 'report.returned']);
    expect(toLiaison).toEqual([{ kind: 'report.returned', user_id: s.liaison.user.id }]);

    const mine = (await call(t.app, s.liaison, 'GET', `/api/v1/progress-reports/${r1.id}`)).json() as ProgressReportDetail;
    expect(mine.can.resubmit).toBe(true);
    const resubmitted = await call(t.app, s.liaison, 'PATCH', `/api/v1/progress-reports/${r1.id}`, { version: mine.version, progress: 60, doneText: '补充签到表，完成方案论证。' });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    const r2 = resubmitted.json() as ProgressReportDetail;
    expect(r2).toMatchObject({ status: 'submitted', revision: 2, progress: 60, problems: '企业导师到岗率不高' });
    expect(await count("select count(*)::int as n from notifications where entity_id = $1 and kind = 'report.resubmitted'", [r1.id])).toBe(reviewers);

    const approved = await approve(s.inspector, r1.id, '同意');
    expect(approved.statusCode, approved.body).toBe(200);
    const r3 = approved.json() as ProgressReportDetail;
    expect(r3).toMatchObject({ status: 'approved', revision: 2, reviewComment: '同意', taskProgress: 60, taskStatus: 'in_progress' });
    const after = await taskRow(task.id);
    expect(after).toMatchObject({ status: 'in_progress', progress: 60, completed_at: null, version: task.version + 1 });
    expect(new Date(after.last_report_at!).toISOString()).toBe(r3.submittedAt);
    expect(await count("select count(*)::int as n from notifications where entity_id = $1 and kind = 'report.approved' and user_id = $2", [r1.id, s.liaison.user.id])).toBe(1);

    const history = await call(t.app, s.leader, 'GET', `/api/v1/tasks/${task.id}/progress-reports`);
    expect(history.statusCode, history.body).toBe(200);
    const [h] = history.json().items as ProgressReportDetail[];
    expect(h.events.map((e) => [e.action, e.revision])).toEqual([['submit', 1], ['return', 1], ['resubmit', 2], ['approve', 2]]);
    expect(h.events[1].comment).toBe('佐证材料不全，请补充研讨会签到表');

    const audit = await t.sql<{ action: string; entity: string }>("select action, entity from audit_log where tenant_id = $1 and entity_id in ($2, $3) order by seq", [tenantId, r1.id, task.id]);
    expect(audit).toEqual([
      { action: 'submit', entity: 'progress_report' },
      { action: 'return', entity: 'progress_report' },
      { action: 'resubmit', entity: 'progress_report' },
      { action: 'report_progress', entity: 'task' },
      { action: 'approve', entity: 'progress_report' },
    ]);
  });

  it('completes the task at 100 % and then refuses further reports, writing nothing', async () => {
    const task = await makeTask('JD-XY', { status: 'in_progress', progress: 70 });
    const r = (await submit(s.unithead, task.id, { progress: 100, doneText: '全部完成并通过验收。' })).json() as ProgressReportDetail;
    const pending = (await submit(s.liaison, task.id, { progress: 90 })).json() as ProgressReportDetail;
    expect((await approve(s.office, r.id)).statusCode).toBe(200);
    const done = await taskRow(task.id);
    expect(done).toMatchObject({ status: 'done', progress: 100 });
    expect(done.completed_at).not.toBeNull();

    const before = await writes();
    expectError(await submit(s.liaison, task.id), 409, 'REPORT_TASK_CLOSED');
    expectError(await approve(s.inspector, pending.id), 409, 'REPORT_TASK_CLOSED');
    expect(await writes()).toEqual(before);
    // The pending report can still be returned (closing its review).
    expect((await giveBack(s.inspector, pending.id, '任务已完成，本报告不再审核')).statusCode).toBe(200);
    const again = (await call(t.app, s.liaison, 'GET', `/api/v1/progress-reports/${pending.id}`)).json() as ProgressReportDetail;
    expect(again.can.resubmit).toBe(false);
    expectError(await call(t.app, s.liaison, 'PATCH', `/api/v1/progress-reports/${pending.id}`, { version: again.version, progress: 95 }), 409, 'REPORT_TASK_CLOSED');
  });

  it('refuses reports on cancelled tasks and progress outside 0–100, naming the field', async () => {
    const cancelled = await makeTask('JD-XY', { status: 'cancelled' });
    const open = await makeTask('JD-XY');
    const before = await writes();
    expectError(await submit(s.liaison, cancelled.id), 409, 'REPORT_TASK_CLOSED');
    for (const progress of [-1, 101, 50.5, '60']) {
      const err = expectError(await submit(s.liaison, open.id, { progress }), 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(err.details)).toContain('body.progress');
    }
    const blank = expectError(await submit(s.liaison, open.id, { doneText: '   ' }), 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(blank.details)).toContain('body.doneText');
    expectError(await submit(s.liaison, crypto.randomUUID()), 404, 'TASK_NOT_FOUND');
    expectError(await call(t.app, s.liaison, 'POST', '/api/v1/progress-reports', { ...body(open.id), extra: 1 }), 400, 'VALIDATION_FAILED');
    expect(await writes()).toEqual(before);
  });

  it('answers 409 for stale versions and for steps out of order', async () => {
    const task = await makeTask('JD-XY');
    const r = (await submit(s.liaison, task.id)).json() as ProgressReportDetail;
    expectError(await call(t.app, s.liaison, 'PATCH', `/api/v1/progress-reports/${r.id}`, { version: r.version, progress: 50 }), 409, 'REPORT_STATE_INVALID');
    const ret = (await giveBack(s.office, r.id, '请补充数据')).json() as ProgressReportDetail;
    const before = await writes();
    expectError(await call(t.app, s.liaison, 'PATCH', `/api/v1/progress-reports/${r.id}`, { version: r.version, progress: 50 }), 409, 'VERSION_CONFLICT');
    expectError(await giveBack(s.inspector, r.id, '再次退回'), 409, 'REPORT_STATE_INVALID');
    expectError(await approve(s.inspector, r.id), 409, 'REPORT_STATE_INVALID');
    const noComment = expectError(await call(t.app, s.inspector, 'POST', `/api/v1/progress-reports/${r.id}/return`, {}), 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(noComment.details)).toContain('body.comment');
    expect(await writes()).toEqual(before);

    expect((await call(t.app, s.liaison, 'PATCH', `/api/v1/progress-reports/${r.id}`, { version: ret.version, progress: 50 })).statusCode).toBe(200);
    expect((await approve(s.inspector, r.id)).statusCode).toBe(200);
    expectError(await approve(s.office, r.id), 409, 'REPORT_STATE_INVALID');
    expectError(await giveBack(s.office, r.id, '撤回'), 409, 'REPORT_STATE_INVALID');
    expectError(await call(t.app, s.liaison, 'PATCH', `/api/v1/progress-reports/${r.id}`, { version: r.version + 3, progress: 50 }), 409, 'REPORT_STATE_INVALID');
  });

  describe('scope', () => {
    let inTask: string;
    let coTask: string;
    let outTask: string;
    let outReport: string;

    beforeAll(async () => {
      inTask = (await makeTask('JD-XY')).id;
      coTask = (await makeTask('KYC', {}, ['JD-ZZ'])).id;
      outTask = (await makeTask('YS-XY')).id;
      const ys = await makeUser(t, { roles: ['liaison'] });
      const [row] = await t.sql<{ id: string }>(
        "insert into progress_reports (tenant_id, task_id, reporter_id, reporter_name, progress, done_text) values ($1, $2, $3, '艺术学院联络员', 30, '完成红色主题作品征集') returning id",
        [tenantId, outTask, ys.id],
      );
      outReport = row.id;
    });

    it('lets the owner unit and co-units report, and nobody outside', async () => {
      expect((await submit(s.liaison, inTask)).statusCode).toBe(201);
      expect((await submit(s.liaison, coTask)).statusCode).toBe(201);
      const before = await writes();
      const err = expectError(await submit(s.liaison, outTask), 404, 'TASK_NOT_FOUND');
      expect(JSON.stringify(err.details)).toContain('body.taskId');
      expectError(await submit(s.leader, inTask), 403, 'FORBIDDEN');
      expectError(await submit(s.inspector, inTask), 403, 'FORBIDDEN');
      expectError(await submit(s.member, inTask), 403, 'FORBIDDEN');
      expect(await writes()).toEqual(before);
    });

    it('reads within scope and answers 404 outside', async () => {
      expectError(await call(t.app, s.liaison, 'GET', `/api/v1/progress-reports/${outReport}`), 404, 'PROGRESS_REPORT_NOT_FOUND');
      expectError(await call(t.app, s.leader, 'GET', `/api/v1/progress-reports/${outReport}`), 404, 'PROGRESS_REPORT_NOT_FOUND');
      expectError(await call(t.app, s.liaison, 'GET', `/api/v1/tasks/${outTask}/progress-reports`), 404, 'TASK_NOT_FOUND');
      expect((await call(t.app, s.inspector, 'GET', `/api/v1/progress-reports/${outReport}`)).statusCode).toBe(200);
      expectError(await call(t.app, s.member, 'GET', '/api/v1/progress-reports'), 403, 'FORBIDDEN');

      for (const who of [s.liaison, s.leader]) {
        const list = (await call(t.app, who, 'GET', '/api/v1/progress-reports', undefined, { query: { pageSize: '500' } })).json();
        const ids = list.items.map((r: { id: string; taskId: string }) => r.taskId);
        expect(ids).not.toContain(outTask);
        expect(ids).toContain(inTask);
        expect(list.total).toBe(list.items.length);
      }
      const scoped = await count(
        `select count(*)::int as n from progress_reports r join tasks t on t.id = r.task_id where r.tenant_id = $1 and (t.owner_unit_id = any($2::uuid[])
           or exists (select 1 from task_units tu where tu.task_id = t.id and tu.unit_id = any($2::uuid[])))`,
        [tenantId, `{${s.liaison.user.scope.unitIds.join(',')}}`],
      );
      expect((await call(t.app, s.liaison, 'GET', '/api/v1/progress-reports?pageSize=1')).json().total).toBe(scoped);
      const all = (await call(t.app, s.inspector, 'GET', '/api/v1/progress-reports?pageSize=1')).json().total;
      expect(all).toBe(await reportCount());
    });

    it('keeps reviews to reviewers, never of their own report, and 404 outside scope', async () => {
      const r = (await submit(s.liaison, inTask)).json() as ProgressReportDetail;
      const before = await writes();
      expectError(await approve(s.liaison, r.id), 403, 'FORBIDDEN');
      expectError(await approve(s.leader, r.id), 403, 'FORBIDDEN');
      expectError(await giveBack(s.unithead, r.id, '退回'), 403, 'FORBIDDEN');
      expectError(await approve(s.office, crypto.randomUUID()), 404, 'PROGRESS_REPORT_NOT_FOUND');
      const both = await makeUser(t, { roles: ['liaison', 'inspector'] });
      const bothSession = await login(t.app, both.username);
      const own = (await submit(bothSession, outTask)).json() as ProgressReportDetail;
      const afterOwn = await writes();
      expect(own.can.approve).toBe(false);
      expectError(await approve(bothSession, own.id), 403, 'FORBIDDEN');
      expect(await writes()).toEqual(afterOwn);
      expect(afterOwn[0]).toBe(before[0] + 1);
    });

    it('filters the list by status, task, unit, mine and text', async () => {
      const q = async (who: Session, query: Record<string, string>) => (await call(t.app, who, 'GET', '/api/v1/progress-reports', undefined, { query: { pageSize: '500', ...query } })).json();
      const byTask = await q(s.inspector, { taskId: inTask, status: 'submitted' });
      expect(byTask.items.length).toBeGreaterThan(0);
      expect(byTask.items.every((r: { taskId: string; status: string }) => r.taskId === inTask && r.status === 'submitted')).toBe(true);
      const mine = await q(s.liaison, { mine: 'true' });
      expect(mine.items.every((r: { reporterId: string }) => r.reporterId === s.liaison.user.id)).toBe(true);
      const ys = await q(s.inspector, { unitId: u['YS-XY'] });
      expect(ys.items.map((r: { id: string }) => r.id)).toContain(outReport);
      const text = await q(s.inspector, { q: '红色主题' });
      expect(text.items.map((r: { id: string }) => r.id)).toContain(outReport);
      expectError(await call(t.app, s.inspector, 'GET', '/api/v1/progress-reports?status=draft'), 400, 'VALIDATION_FAILED');
    });
  });

  it('takes evidence files within scope and shows them on the report', async () => {
    const task = await makeTask('JD-XY');
    const r = (await submit(s.liaison, task.id)).json() as ProgressReportDetail;
    const upload = (who: Session, id: string, name: string) => {
      const m = multipart({ entity: 'progress_report', entityId: id }, { name, buf: pdf(name), mime: 'application/pdf' });
      return call(t.app, who, 'POST', '/api/v1/attachments', m.payload, { headers: m.headers });
    };
    const up = await upload(s.liaison, r.id, '研讨会签到表.pdf');
    expect(up.statusCode, up.body).toBe(201);
    expectError(await upload(s.inspector, r.id, '审核人上传.pdf'), 403, 'OUT_OF_SCOPE');
    const detail = (await call(t.app, s.inspector, 'GET', `/api/v1/progress-reports/${r.id}`)).json() as ProgressReportDetail;
    expect(detail.evidence.map((a) => a.name)).toEqual(['研讨会签到表.pdf']);
    expect((await call(t.app, s.inspector, 'GET', detail.evidence[0].url)).statusCode).toBe(200);
    const queue = (await call(t.app, s.inspector, 'GET', `/api/v1/progress-reports?taskId=${task.id}`)).json();
    expect(queue.items[0].evidence).toHaveLength(1);
    await approve(s.inspector, r.id);
    expectError(await upload(s.liaison, r.id, '通过后补交.pdf'), 403, 'OUT_OF_SCOPE');
  });

  it('exports the filtered list to .xlsx with Chinese headers', async () => {
    const res = await call(t.app, s.inspector, 'GET', '/api/v1/progress-reports/export?status=approved');
    expect(res.statusCode).toBe(200);
    const rows = await readWorkbook(res.rawPayload);
    expect(rows[0]).toEqual(expect.arrayContaining(['任务名称', '牵头单位', '进度(%)', '完成情况', '状态']));
    const approved = await count("select count(*)::int as n from progress_reports r join tasks t on t.id = r.task_id where r.tenant_id = $1 and r.status = 'approved'", [tenantId]);
    expect(rows.length - 1).toBe(approved);
  });

  it('stores 50 concurrent reports on one task and keeps its progress consistent under concurrent approvals', async () => {
    const task = await makeTask('JD-XY');
    const created = await Promise.all(Array.from({ length: 50 }, (_, i) => submit(i % 2 ? s.liaison : s.unithead, task.id, { progress: i + 1, doneText: `第${i + 1}次进展` })));
    expect(created.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    expect(await count('select count(*)::int as n from progress_reports where task_id = $1', [task.id])).toBe(50);
    const ids = created.map((r) => (r.json() as ProgressReportDetail).id);

    const reviewed = await Promise.all(ids.map((id, i) => (i % 5 === 0 ? giveBack(s.office, id, '请补充') : approve(i % 2 ? s.inspector : s.office, id))));
    expect(reviewed.map((r) => r.statusCode)).toEqual(Array(50).fill(200));

    const [latest] = await t.sql<{ progress: number; submitted_at: Date }>(
      "select progress, submitted_at from progress_reports where task_id = $1 and status = 'approved' order by submitted_at desc, id desc limit 1",
      [task.id],
    );
    const after = await taskRow(task.id);
    expect(after.progress).toBe(latest.progress);
    expect(new Date(after.last_report_at!).getTime()).toBe(new Date(latest.submitted_at).getTime());
    expect(after.status).toBe('in_progress');
    expect(await count("select count(*)::int as n from progress_reports where task_id = $1 and status = 'approved'", [task.id])).toBe(40);
    expect(await count('select count(*)::int as n from progress_report_events e join progress_reports r on r.id = e.report_id where r.task_id = $1', [task.id])).toBe(100);
  });
});
