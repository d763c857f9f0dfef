import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { NotificationPreferences, NotificationSettings } from '@santong/contract';
import { assessmentSchemes, honourRounds, raterAssignments, tasks } from '../../src/db/schema/index.js';
import { DeliveryWorker, backoffMs } from '../../src/platform/notify/delivery.js';
import { runDueJobs } from '../../src/platform/jobs/runner.js';
import { reminderJobs } from '../../src/modules/reminders/reminders.jobs.js';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';

interface Mail { to: string[]; subject: string; raw: string }
interface Hook { path: string; query: URLSearchParams; body: Record<string, unknown> }

/** "=?UTF-8?B?…?=" words of a header, unfolded and decoded. */
function decodeHeader(raw: string, name: string): string {
  const unfolded = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)) ?? '';
  return line
    .slice(name.length + 1)
    .trim()
    .replace(/=\?utf-8\?([bq])\?(.*?)\?=\s*/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : decodeURIComponent(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, '%$1')),
    );
}

describeDb('notification channels and reminders', () => {
  let t: TestApp;
  let tenantId: string;
  let s: Record<'office' | 'inspector' | 'liaison' | 'unithead' | 'member' | 'leader', Session>;
  let smtp: SMTPServer;
  let smtpPort: number;
  let hooks: http.Server;
  let hookUrl: string;
  let hanging: http.Server;
  let hangingUrl: string;
  const mails: Mail[] = [];
  const received: Hook[] = [];
  const SECRET = 'SECa1b2c3d4e5f60718293a4b5c6d7e8f9';
  const opts = (webhookTimeoutMs = 5000) => ({ smtp: { host: '127.0.0.1', port: smtpPort, secure: false, user: null, pass: null, from: 'Santong <noreply@santong.test>' }, webhookTimeoutMs, maxAttempts: 3, retryBaseMs: 60_000 });

  const listen = (srv: http.Server) => new Promise<string>((resolve) => srv.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(srv.address() as AddressInfo).port}`)));
  const putSettings = (body: unknown, who = s.office) => call(t.app, who, 'PUT', '/api/v1/settings/notifications', body);
  const putPrefs = (who: Session, items: { kind: string; email: boolean; webhook: boolean }[]) => call(t.app, who, 'PUT', '/api/v1/me/notification-preferences', { items });
  const deliveries = (where = 'true', params: unknown[] = []) =>
    t.sql<{ id: string; channel: string; target: string; status: string; attempts: number; next_attempt_at: Date; last_error: string | null; payload: Record<string, string> }>(
      `select * from notification_deliveries where ${where} order by created_at, channel`, params);

  const newTask = async (title: string, dueDate = '2026-12-31', responsiblePersonId: string | null = null) => {
    const [{ id: campaignId }] = await t.sql<{ id: string }>('select id from campaigns where tenant_id = $1 limit 1', [tenantId]);
    const [task] = await t.db.insert(tasks).values({ tenantId, campaignId, title, category: 'project', ownerUnitId: await unitIdByCode(t, 'JD-XY'), startDate: '2026-01-01', dueDate, responsiblePersonId }).returning();
    return task;
  };
  const submitReport = async (title: string) => {
    const task = await newTask(title);
    const started = Date.now();
    const res = await call(t.app, s.liaison, 'POST', '/api/v1/progress-reports', { taskId: task.id, progress: 40, doneText: '完成阶段任务' });
    expect(res.statusCode, res.body).toBe(201);
    return { ms: Date.now() - started, task };
  };

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: decodeHeader(raw, 'Subject'), raw });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    hooks = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const url = new URL(req.url!, 'http://x');
        received.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(body) });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
      });
    });
    hookUrl = await listen(hooks);
    hanging = http.createServer(() => {
      /* never answers */
    });
    hangingUrl = await listen(hanging);

    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    s = {
      office: await login(t.app, 'office'), inspector: await login(t.app, 'inspector'), liaison: await login(t.app, 'liaison'),
      unithead: await login(t.app, 'unithead'), member: await login(t.app, 'member'), leader: await login(t.app, 'leader'),
    };
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((r) => smtp?.close(() => r()));
    hooks?.close();
    hanging?.closeAllConnections();
    hanging?.close();
  });

  it('keeps preferences per user and kind, own only', async () => {
    const before = (await call(t.app, s.member, 'GET', '/api/v1/me/notification-preferences')).json() as NotificationPreferences;
    expect(before.email).toBe('member@demo.santong.example');
    expect(before.items.find((i) => i.kind === 'task.due_soon')).toEqual({ kind: 'task.due_soon', email: false, webhook: false });
    const res = await putPrefs(s.member, [{ kind: 'honour.publicity', email: true, webhook: false }]);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as NotificationPreferences).items.find((i) => i.kind === 'honour.publicity')).toMatchObject({ email: true });
    const other = (await call(t.app, s.office, 'GET', '/api/v1/me/notification-preferences')).json() as NotificationPreferences;
    expect(other.items.find((i) => i.kind === 'honour.publicity')!.email).toBe(false);
    expectError(await putPrefs(s.member, [{ kind: 'nope', email: true, webhook: false }]), 400, 'VALIDATION_FAILED');
    const dup = expectError(await putPrefs(s.member, [{ kind: 'task.overdue', email: true, webhook: false }, { kind: 'task.overdue', email: false, webhook: false }]), 400);
    expect(JSON.stringify(dup.details)).toContain('body.items.1.kind');
    expect((await t.sql<{ n: number }>("select count(*)::int as n from audit_log where entity = 'notification_preferences'"))[0].n).toBeGreaterThan(0);
  });

  it('masks the robot secret and lets only the office and admins change the robots', async () => {
    const body = { dingtalk: { enabled: true, url: `${hookUrl}/dingtalk?access_token=tok1`, secret: SECRET }, wecom: { enabled: true, url: `${hookUrl}/wecom?key=k1` }, webhookKinds: [] };
    const res = await putSettings(body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain(SECRET);
    const got = (await call(t.app, s.office, 'GET', '/api/v1/settings/notifications')).json() as NotificationSettings;
    expect(got.dingtalk).toMatchObject({ enabled: true, secretSet: true });
    expect(got.dingtalk.secretMasked).toMatch(/^SECa….{4}$/);
    expect(JSON.stringify(got)).not.toContain(SECRET);
    // leaving the secret out keeps it
    expect((await putSettings({ ...body, dingtalk: { enabled: true, url: body.dingtalk.url } })).json().dingtalk.secretSet).toBe(true);
    const audit = await t.sql<{ after: unknown }>("select after from audit_log where entity = 'notification_settings' order by seq desc limit 1");
    expect(JSON.stringify(audit[0].after)).not.toContain(SECRET);
    expectError(await putSettings(body, s.liaison), 403);
    expectError(await call(t.app, s.member, 'GET', '/api/v1/settings/notifications'), 403);
    expectError(await putSettings({ ...body, wecom: { enabled: true, url: null } }), 400, 'VALIDATION_FAILED');
    expectError(await putSettings({ ...body, wecom: { enabled: true, url: 'ftp://x' } }), 400, 'VALIDATION_FAILED');
  });

  it('emails and posts to the robots through the outbox, signed as DingTalk documents', async () => {
    expect((await putPrefs(s.inspector, [{ kind: 'report.submitted', email: true, webhook: false }])).statusCode).toBe(200);
    expect((await putPrefs(s.office, [{ kind: 'report.submitted', email: false, webhook: true }])).statusCode).toBe(200);
    const { task } = await submitReport('课程思政示范课堂建设');
    const queued = await deliveries("status = 'pending'");
    expect(queued.map((d) => d.channel).sort()).toEqual(['dingtalk', 'email', 'wecom']);
    expect(queued.find((d) => d.channel === 'email')!.target).toBe('inspector@demo.santong.example');

    const worker = new DeliveryWorker(t.db, opts());
    const result = await worker.runOnce();
    expect(result, JSON.stringify((await deliveries()).map((d) => [d.channel, d.last_error]))).toEqual({ sent: 3, failed: 0 });
    worker.close();
    expect((await deliveries("status = 'sent'")).length).toBe(3);

    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual(['inspector@demo.santong.example']);
    expect(mails[0].subject).toContain(task.title);
    expect(mails[0].subject.startsWith('【三同】')).toBe(true);

    const ding = received.find((h) => h.path === '/dingtalk')!;
    expect(ding.query.get('access_token')).toBe('tok1');
    const ts = ding.query.get('timestamp')!;
    expect(Math.abs(Date.now() - Number(ts))).toBeLessThan(60_000);
    const expected = crypto.createHmac('sha256', SECRET).update(`${ts}\n${SECRET}`).digest('base64');
    expect(ding.query.get('sign')).toBe(expected);
    expect(ding.body).toMatchObject({ msgtype: 'markdown', markdown: { title: expect.stringContaining(task.title) } });
    expect((ding.body.markdown as { text: string }).text).toContain(task.title);
    const wecom = received.find((h) => h.path === '/wecom')!;
    expect(wecom.query.get('key')).toBe('k1');
    expect(wecom.body).toMatchObject({ msgtype: 'markdown', markdown: { content: expect.stringContaining(task.title) } });
    await t.sql("delete from notification_preferences where kind = 'report.submitted'");
  });

  it('never blocks the request on a slow or unreachable robot; retries with backoff, then gives up', async () => {
    const closed = http.createServer();
    const closedUrl = await listen(closed);
    await new Promise((r) => closed.close(r));
    expect((await putSettings({ dingtalk: { enabled: true, url: `${hangingUrl}/dingtalk?access_token=slow`, secret: null }, wecom: { enabled: true, url: `${closedUrl}/wecom` }, webhookKinds: ['report.submitted'] })).statusCode).toBe(200);
    await t.sql('delete from notification_deliveries');
    const { ms } = await submitReport('数字化校园运维保障');
    expect(ms).toBeLessThan(2000);
    expect((await deliveries()).map((d) => d.channel).sort()).toEqual(['dingtalk', 'wecom']);

    const worker = new DeliveryWorker(t.db, opts(300));
    const t0 = new Date();
    expect(await worker.runOnce(t0)).toEqual({ sent: 0, failed: 2 });
    let rows = await deliveries();
    for (const d of rows) {
      expect(d).toMatchObject({ status: 'pending', attempts: 1 });
      expect(d.last_error).toBeTruthy();
      expect(new Date(d.next_attempt_at).getTime()).toBe(t0.getTime() + backoffMs(1, 60_000));
    }
    expect(rows.find((d) => d.channel === 'dingtalk')!.last_error).toMatch(/abort|timeout/i);
    // not yet due: nothing is retried
    expect(await worker.runOnce(new Date(t0.getTime() + 30_000))).toEqual({ sent: 0, failed: 0 });
    const t1 = new Date(t0.getTime() + 61_000);
    expect((await worker.runOnce(t1)).failed).toBe(2);
    rows = await deliveries();
    for (const d of rows) expect(new Date(d.next_attempt_at).getTime()).toBe(t1.getTime() + 120_000);
    expect((await worker.runOnce(new Date(t1.getTime() + 121_000))).failed).toBe(2);
    rows = await deliveries();
    for (const d of rows) expect(d).toMatchObject({ status: 'failed', attempts: 3 });
    expect(await worker.runOnce(new Date(t1.getTime() + 86_400_000))).toEqual({ sent: 0, failed: 0 });
    worker.close();
    await putSettings({ dingtalk: { enabled: false, url: null, secret: '' }, wecom: { enabled: false, url: null }, webhookKinds: [] });
  });

  it('reminds of due, overdue, closing and publicity once a day, to the right people, by their channels', async () => {
    // 09:30 in Shanghai on 2027-03-10: the daily jobs are due for that date
    const now = new Date('2027-03-10T01:30:00Z');
    const day = '2027-03-10';
    const leaderPerson = s.leader.user.personId ?? null;
    const soon = await newTask('暑期社会实践基地建设', '2027-03-13', leaderPerson);
    const later = await newTask('实训室安全检查', '2027-03-14');
    const late = await newTask('学生党员发展材料归档', '2027-03-01');
    const done = await newTask('已完成的逾期任务', '2027-03-01');
    await t.sql("update tasks set status = 'done' where id = $1", [done.id]);
    const [scheme] = await t.db.insert(assessmentSchemes).values({ tenantId, year: 2027, title: '2026年度二级单位考核', status: 'rating', ratingDeadline: '2027-03-13' }).returning();
    const userId = (x: Session) => x.user.id;
    await t.db.insert(raterAssignments).values([
      { tenantId, schemeId: scheme.id, groupId: crypto.randomUUID(), raterUserId: userId(s.member), targetId: crypto.randomUUID(), status: 'open' },
      { tenantId, schemeId: scheme.id, groupId: crypto.randomUUID(), raterUserId: userId(s.leader), targetId: crypto.randomUUID(), status: 'submitted' },
    ]);
    const [round] = await t.db.insert(honourRounds).values({ tenantId, year: 2027, title: '2027年“两优一先”评选', status: 'publicity', publicityStart: day, publicityEnd: '2027-03-17' }).returning();
    expect((await putPrefs(s.unithead, [{ kind: 'task.due_soon', email: true, webhook: false }])).statusCode).toBe(200);
    await t.sql('delete from notification_deliveries');

    const before = new Date('2027-03-09T23:30:00Z'); // 07:30 local: not yet due
    expect(await runDueJobs(t.db, reminderJobs, before)).toEqual([]);
    const out = await runDueJobs(t.db, reminderJobs, now);
    expect(out.map((o) => `${o.job}:${o.periodKey}:${o.status}`).sort()).toEqual(reminderJobs.map((j) => `${j.name}:${day}:done`).sort());
    expect(await runDueJobs(t.db, reminderJobs, new Date(now.getTime() + 3_600_000))).toEqual([]);

    const to = async (entityId: string, kind: string) =>
      (await t.sql<{ username: string }>('select u.username from notifications n join users u on u.id = n.user_id where n.entity_id = $1 and n.kind = $2 order by u.username', [entityId, kind])).map((r) => r.username);
    const dueTo = await to(soon.id, 'task.due_soon');
    expect(dueTo).toEqual(expect.arrayContaining(['liaison', 'unithead', ...(leaderPerson ? ['leader'] : [])]));
    expect(dueTo).not.toContain('member');
    expect(dueTo).not.toContain('office');
    expect(new Set(dueTo).size).toBe(dueTo.length);
    expect(await to(later.id, 'task.due_soon')).toEqual([]);
    expect(await to(late.id, 'task.overdue')).toEqual(expect.arrayContaining(['liaison', 'unithead']));
    expect(await to(done.id, 'task.overdue')).toEqual([]);
    expect(await to(scheme.id, 'rating.closing')).toEqual(['member']);
    const active = (await t.sql<{ n: number }>("select count(*)::int as n from users where tenant_id = $1 and status = 'active'", [tenantId]))[0].n;
    expect((await to(round.id, 'honour.publicity')).length).toBe(active);

    // channels follow each user's preferences: the unit head asked for email of due-soon tasks; the member for publicity
    const mailsTo = (await deliveries("channel = 'email'")).map((d) => `${d.target}|${d.payload.subject}`);
    expect(mailsTo.filter((m) => m.includes(soon.title))).toEqual([`unithead@demo.santong.example|【三同】任务3天后到期：${soon.title}`]);
    expect(mailsTo.some((m) => m.startsWith('member@') && m.includes('两优一先'))).toBe(true);
    expect(mailsTo.some((m) => m.startsWith('liaison@'))).toBe(false);
  });
});
