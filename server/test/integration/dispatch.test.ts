import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { groupLines, type DispatchMeeting, type DispatchSheetResponse, type FollowUpItem } from '@santong/contract';
import { buildTestApp, call, demoTenantId, describeDb, expectError, login, unitIdByCode, type Session, type TestApp } from '../setup/db.js';
import { readWorkbook } from '../setup/xlsx.js';
import { runDueJobs } from '../../src/platform/jobs/runner.js';
import { dispatchWeeklyJob } from '../../src/modules/dispatch/dispatch.job.js';

/**
 * A campaign of our own with tasks whose dates put each on the sheet of
 * 2026-W48 (Monday 2026-11-23) for one known reason, and follow-ups that
 * were, or were not, open at that Monday.
 */
describeDb('weekly dispatch', () => {
  let t: TestApp;
  let tenantId: string;
  let s: Record<'office' | 'leader' | 'unithead' | 'liaison' | 'inspector' | 'member' | 'auditor', Session>;
  const u: Record<string, string> = {};
  const task: Record<string, string> = {};
  const fu: Record<string, string> = {};
  let campaignId: string;
  const W48 = '2026-W48';

  const count = async (q: string, params: unknown[] = []) => (await t.sql<{ n: number }>(q, params))[0].n;
  const auditCount = () => count('select count(*)::int as n from audit_log where tenant_id = $1', [tenantId]);
  const sheetOf = async (who: Session, week = W48) => {
    const res = await call(t.app, who, 'GET', `/api/v1/dispatch/sheet?campaignId=${campaignId}&week=${week}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as DispatchSheetResponse;
  };

  async function addTask(key: string, unit: string, dueDate: string, progress: number, lastReport: string | null, status = 'in_progress') {
    const [row] = await t.sql<{ id: string }>(
      `insert into tasks (tenant_id, campaign_id, title, category, owner_unit_id, start_date, due_date, status, progress, last_report_at)
       values ($1, $2, $3, 'other', $4, '2026-11-01', $5, $6, $7, $8) returning id`,
      [tenantId, campaignId, `调度测试任务${key}`, u[unit], dueDate, status, progress, lastReport],
    );
    task[key] = row.id;
  }
  async function addFollowUp(key: string, unit: string, dueDate: string, createdAt: string, closedAt: string | null = null) {
    const [row] = await t.sql<{ id: string }>(
      `insert into follow_up_items (tenant_id, campaign_id, title, owner_unit_id, due_date, status, closing_note, closed_at, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [tenantId, campaignId, `督办测试${key}`, u[unit], dueDate, closedAt ? 'done' : 'open', closedAt ? '已办结' : null, closedAt, createdAt],
    );
    fu[key] = row.id;
  }

  beforeAll(async () => {
    t = await buildTestApp();
    tenantId = await demoTenantId(t);
    for (const c of ['JD-XY', 'XX-XY', 'DZB']) u[c] = await unitIdByCode(t, c);
    s = {
      office: await login(t.app, 'office'), leader: await login(t.app, 'leader'), unithead: await login(t.app, 'unithead'), liaison: await login(t.app, 'liaison'),
      inspector: await login(t.app, 'inspector'), member: await login(t.app, 'member'), auditor: await login(t.app, 'auditor'),
    };
    const [c] = await t.sql<{ id: string }>(
      "insert into campaigns (tenant_id, title, kind, start_date, end_date, status) values ($1, '调度测试专项', 'theme_education', '2026-09-01', '2027-01-31', 'active') returning id",
      [tenantId],
    );
    campaignId = c.id;
    await addTask('T1', 'JD-XY', '2026-11-20', 50, '2026-11-20T02:00:00Z'); // overdue + red
    await addTask('T2', 'XX-XY', '2026-11-25', 90, '2026-11-20T02:00:00Z'); // due within 7 days
    await addTask('T3', 'DZB', '2026-12-01', 40, '2026-11-20T02:00:00Z'); // red: 73% of time gone, 40% done
    await addTask('T4', 'JD-XY', '2026-12-31', 50, '2026-11-05T02:00:00Z'); // 18 days without an approved report
    await addTask('T5', 'JD-XY', '2026-12-31', 50, '2026-11-20T02:00:00Z'); // on track: not on the sheet
    await addTask('T6', 'XX-XY', '2026-11-10', 100, '2026-11-09T02:00:00Z', 'done'); // done: not on the sheet
    await addFollowUp('F1', 'JD-XY', '2026-11-20', '2026-11-16T02:00:00Z'); // open, overdue: carried
    await addFollowUp('F2', 'XX-XY', '2026-11-20', '2026-11-16T02:00:00Z', '2026-11-18T02:00:00Z'); // closed before the Monday
    await addFollowUp('F3', 'DZB', '2026-12-10', '2026-11-24T02:00:00Z'); // decided after the Monday: next week
    await addFollowUp('F4', 'XX-XY', '2026-11-30', '2026-11-16T02:00:00Z', '2026-11-24T02:00:00Z'); // open at the Monday, closed since
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the sheet holds exactly what the tasks and follow-ups imply, by unit and by leader', async () => {
    const { sheet, meeting } = await sheetOf(s.office);
    expect(meeting).toBeNull();
    expect(sheet.monday).toBe('2026-11-23');
    const reasons = Object.fromEntries(sheet.tasks.map((l) => [l.taskId, l.reasons]));
    expect(reasons).toEqual({ [task.T1]: ['overdue', 'red'], [task.T2]: ['due_soon'], [task.T3]: ['red'], [task.T4]: ['stale'] });
    expect(sheet.tasks.map((l) => l.taskId)).toEqual([task.T1, task.T2, task.T3, task.T4]);
    expect(sheet.followUps.map((f) => [f.id, f.status, f.overdue])).toEqual([[fu.F1, 'open', true], [fu.F4, 'done', false]]);
    expect(sheet.counts).toEqual({ tasks: 4, overdue: 1, dueSoon: 1, red: 2, stale: 1, followUps: 2, followUpsOverdue: 1 });
    // groups name their lines by id; each line is sent once, in sheet.tasks / sheet.followUps
    const byUnit = Object.fromEntries(sheet.byUnit.map((g) => [g.key, [[...g.taskIds].sort(), g.followUpIds]]));
    expect(byUnit).toEqual({ [u['JD-XY']]: [[task.T1, task.T4].sort(), [fu.F1]], [u['XX-XY']]: [[task.T2], [fu.F4]], [u.DZB]: [[task.T3], []] });
    // the demo leader is linked to 机电学院 (JD-XY) and in charge of 教务处/科研处: only JD lines
    const leaderPerson = s.leader.user.personId;
    const mine = sheet.byLeader.find((g) => g.key === leaderPerson)!;
    expect([...mine.taskIds].sort()).toEqual([task.T1, task.T4].sort());
    expect(mine.followUpIds).toEqual([fu.F1]);
    expect(groupLines(sheet)(mine).tasks.map((x) => x.taskId)).toEqual(sheet.tasks.filter((x) => mine.taskIds.includes(x.taskId)).map((x) => x.taskId));
    // the party secretary is in charge of 党委办公室 (DZB) and linked to JD-XY
    const [sec] = await t.sql<{ person_id: string }>("select d.person_id from leader_duties d join units x on x.id = d.unit_id where d.tenant_id = $1 and x.code = 'DZB' and d.kind = 'in_charge'", [tenantId]);
    expect([...sheet.byLeader.find((g) => g.key === sec.person_id)!.taskIds].sort()).toEqual([task.T1, task.T3, task.T4].sort());
    // every line is under at least one leader group
    const underLeaders = new Set(sheet.byLeader.flatMap((g) => g.taskIds));
    expect(sheet.tasks.every((l) => underLeaders.has(l.taskId))).toBe(true);
  });

  it('next week carries the follow-up decided after this Monday, and drops the ones closed before it', async () => {
    const { sheet } = await sheetOf(s.office, '2026-W49');
    expect(sheet.followUps.map((f) => f.id).sort()).toEqual([fu.F1, fu.F3].sort());
    expect(sheet.tasks.find((l) => l.taskId === task.T2)!.reasons).toContain('overdue');
  });

  it('scopes the sheet: unit roles and leaders see their units only; member and auditor are refused', async () => {
    for (const who of [s.liaison, s.unithead, s.leader]) {
      const { sheet } = await sheetOf(who);
      expect(sheet.tasks.map((l) => l.taskId).sort(), who.username).toEqual([task.T1, task.T4].sort());
      expect(sheet.followUps.map((f) => f.id)).toEqual([fu.F1]);
      expect(sheet.byUnit.map((g) => g.key)).toEqual([u['JD-XY']]);
    }
    expect((await sheetOf(s.inspector)).sheet.counts.tasks).toBe(4);
    for (const who of [s.member, s.auditor]) expectError(await call(t.app, who, 'GET', `/api/v1/dispatch/sheet?campaignId=${campaignId}&week=${W48}`), 403, 'FORBIDDEN');
  });

  it('rejects bad weeks and unknown campaigns', async () => {
    const e = expectError(await call(t.app, s.office, 'GET', `/api/v1/dispatch/sheet?campaignId=${campaignId}&week=2025-W53`), 400, 'VALIDATION_FAILED');
    expect(e.details?.issues).toEqual([expect.objectContaining({ path: 'querystring.week' })]);
    const e2 = expectError(await call(t.app, s.office, 'GET', `/api/v1/dispatch/sheet?campaignId=${campaignId}&week=2026-48`), 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(e2.details)).toContain('querystring.week');
    expectError(await call(t.app, s.office, 'GET', `/api/v1/dispatch/sheet?campaignId=${crypto.randomUUID()}&week=${W48}`), 404, 'CAMPAIGN_NOT_FOUND');
  });

  let meeting: DispatchMeeting;

  it('prepare stores the sheet once per campaign and week (idempotent), audited; units may not prepare', async () => {
    const before = await auditCount();
    expectError(await call(t.app, s.liaison, 'POST', '/api/v1/dispatch/meetings/prepare', { campaignId, isoWeek: W48 }), 403);
    expect(await auditCount()).toBe(before);
    const first = await call(t.app, s.office, 'POST', '/api/v1/dispatch/meetings/prepare', { campaignId, isoWeek: W48 });
    expect(first.statusCode, first.body).toBe(201);
    meeting = first.json();
    expect(meeting.sheet!.counts).toEqual({ tasks: 4, overdue: 1, dueSoon: 1, red: 2, stale: 1, followUps: 2, followUpsOverdue: 1 });
    expect(meeting.preparedAt).toBeTruthy();
    const again = await call(t.app, s.office, 'POST', '/api/v1/dispatch/meetings/prepare', { campaignId, isoWeek: W48 });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(meeting.id);
    expect(await count('select count(*)::int as n from dispatch_meetings where tenant_id = $1 and campaign_id = $2', [tenantId, campaignId])).toBe(1);
    expect(await count("select count(*)::int as n from audit_log where tenant_id = $1 and entity = 'dispatch_meeting' and action = 'prepare' and entity_id = $2", [tenantId, meeting.id])).toBe(1);
    const { meeting: summary } = await sheetOf(s.liaison);
    expect(summary?.id).toBe(meeting.id);
    // a unit reads the meeting record but not the whole-tenant stored sheet
    expect((await call(t.app, s.liaison, 'GET', `/api/v1/dispatch/meetings/${meeting.id}`)).json().sheet).toBeNull();
  });

  it('a sheet stored before groups named their lines by id reads back in the current shape', async () => {
    const sheet = ((await call(t.app, s.office, 'GET', `/api/v1/dispatch/meetings/${meeting.id}`)).json() as DispatchMeeting).sheet!;
    expect(sheet.byUnit.map((g) => g.taskIds.length).reduce((a, b) => a + b, 0)).toBe(4);
    const linesOf = groupLines(sheet);
    const earlier = (gs: typeof sheet.byUnit) => gs.map(({ taskIds, followUpIds, ...g }) => ({ ...g, ...linesOf({ taskIds, followUpIds }) }));
    await t.sql('update dispatch_meetings set sheet = $1::jsonb where id = $2', [JSON.stringify({ ...sheet, byUnit: earlier(sheet.byUnit), byLeader: earlier(sheet.byLeader) }), meeting.id]);
    try {
      expect(((await call(t.app, s.office, 'GET', `/api/v1/dispatch/meetings/${meeting.id}`)).json() as DispatchMeeting).sheet).toEqual(sheet);
    } finally {
      await t.sql('update dispatch_meetings set sheet = $1::jsonb where id = $2', [JSON.stringify(sheet), meeting.id]);
    }
  });

  it('records the meeting with optimistic versioning', async () => {
    const chair = s.leader.user.personId!;
    const body = { heldOn: '2026-11-23', chairPersonId: chair, attendees: '校领导班子成员、各二级党组织书记', minutes: '听取各单位任务推进情况汇报。\n对逾期任务逐项明确整改时限。', version: meeting.version };
    expectError(await call(t.app, s.liaison, 'PATCH', `/api/v1/dispatch/meetings/${meeting.id}`, body), 403);
    const bad = expectError(await call(t.app, s.office, 'PATCH', `/api/v1/dispatch/meetings/${meeting.id}`, { ...body, chairPersonId: crypto.randomUUID() }), 400, 'VALIDATION_FAILED');
    expect(bad.details?.issues).toEqual([expect.objectContaining({ path: 'body.chairPersonId' })]);
    const ok = await call(t.app, s.office, 'PATCH', `/api/v1/dispatch/meetings/${meeting.id}`, body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ heldOn: '2026-11-23', chairPersonId: chair, version: meeting.version + 1 });
    const before = await auditCount();
    expectError(await call(t.app, s.office, 'PATCH', `/api/v1/dispatch/meetings/${meeting.id}`, { minutes: '过期版本', version: meeting.version }), 409, 'VERSION_CONFLICT');
    expect(await auditCount()).toBe(before);
    meeting = ok.json();
    expect(await count("select count(*)::int as n from audit_log where tenant_id = $1 and entity = 'dispatch_meeting' and action = 'update'", [tenantId])).toBe(1);
  });

  let decided: FollowUpItem;

  it('turns decisions into follow-up items (office only, validated)', async () => {
    const body = { campaignId, meetingId: meeting.id, title: '机电学院11月底前完成主题党日材料归档', ownerUnitId: u['JD-XY'], dueDate: '2026-11-30' };
    expectError(await call(t.app, s.liaison, 'POST', '/api/v1/dispatch/follow-ups', body), 403);
    const e = expectError(await call(t.app, s.office, 'POST', '/api/v1/dispatch/follow-ups', { ...body, ownerUnitId: crypto.randomUUID() }), 400);
    expect(e.details?.issues).toEqual([expect.objectContaining({ path: 'body.ownerUnitId' })]);
    const e2 = expectError(await call(t.app, s.office, 'POST', '/api/v1/dispatch/follow-ups', { ...body, title: '  ' }), 400);
    expect(JSON.stringify(e2.details)).toContain('body.title');
    const res = await call(t.app, s.office, 'POST', '/api/v1/dispatch/follow-ups', body);
    expect(res.statusCode, res.body).toBe(201);
    decided = res.json();
    expect(decided).toMatchObject({ meetingWeek: W48, status: 'open', ownerUnitName: expect.any(String) });
    expect((await call(t.app, s.office, 'GET', `/api/v1/dispatch/meetings/${meeting.id}`)).json().followUpCount).toBe(1);
    // the office edits it with its version; a stale version is refused, a unit may not edit
    expectError(await call(t.app, s.liaison, 'PATCH', `/api/v1/dispatch/follow-ups/${decided.id}`, { dueDate: '2026-12-05', version: decided.version }), 403);
    const edited = await call(t.app, s.office, 'PATCH', `/api/v1/dispatch/follow-ups/${decided.id}`, { dueDate: '2026-12-05', version: decided.version });
    expect(edited.statusCode, edited.body).toBe(200);
    expectError(await call(t.app, s.office, 'PATCH', `/api/v1/dispatch/follow-ups/${decided.id}`, { dueDate: '2026-12-06', version: decided.version }), 409, 'VERSION_CONFLICT');
    decided = edited.json();
    expect(decided.dueDate).toBe('2026-12-05');
    expect(await count("select count(*)::int as n from audit_log where tenant_id = $1 and entity = 'follow_up_item' and entity_id = $2", [tenantId, decided.id])).toBe(2);
  });

  it('lists follow-ups within scope with filters', async () => {
    const mine = (await call(t.app, s.liaison, 'GET', `/api/v1/dispatch/follow-ups?campaignId=${campaignId}&pageSize=100`)).json() as { items: FollowUpItem[]; total: number };
    expect(mine.items.map((f) => f.id).sort()).toEqual([fu.F1, decided.id].sort());
    expect(mine.items.every((f) => f.canClose)).toBe(true);
    const all = (await call(t.app, s.office, 'GET', `/api/v1/dispatch/follow-ups?campaignId=${campaignId}&status=open`)).json();
    expect(all.total).toBe(3);
    const inspector = (await call(t.app, s.inspector, 'GET', `/api/v1/dispatch/follow-ups?campaignId=${campaignId}&status=open`)).json();
    expect(inspector.items.every((f: FollowUpItem) => !f.canClose)).toBe(true);
    const byMeeting = (await call(t.app, s.office, 'GET', `/api/v1/dispatch/follow-ups?meetingId=${meeting.id}`)).json();
    expect(byMeeting.items.map((f: FollowUpItem) => f.id)).toEqual([decided.id]);
    const xlsx = await call(t.app, s.liaison, 'GET', `/api/v1/dispatch/follow-ups/export?campaignId=${campaignId}`);
    expect(xlsx.statusCode).toBe(200);
    const rows = await readWorkbook(xlsx.rawPayload);
    expect(rows[0].slice(0, 3)).toEqual(['督办事项', '责任单位', '完成时限']);
    expect(rows).toHaveLength(3);
  });

  it('the owner unit closes its item with a note; another unit gets 403; closed items stay closed', async () => {
    const before = await auditCount();
    expectError(await call(t.app, s.liaison, 'POST', `/api/v1/dispatch/follow-ups/${fu.F3}/close`, { closingNote: '不是本单位', version: 1 }), 403, 'OUT_OF_SCOPE');
    expectError(await call(t.app, s.member, 'POST', `/api/v1/dispatch/follow-ups/${fu.F1}/close`, { closingNote: '无权限', version: 1 }), 403);
    const noNote = expectError(await call(t.app, s.liaison, 'POST', `/api/v1/dispatch/follow-ups/${fu.F1}/close`, { closingNote: '', version: 1 }), 400);
    expect(JSON.stringify(noNote.details)).toContain('body.closingNote');
    expectError(await call(t.app, s.liaison, 'POST', `/api/v1/dispatch/follow-ups/${fu.F1}/close`, { closingNote: '已整改', version: 7 }), 409, 'VERSION_CONFLICT');
    expect(await auditCount()).toBe(before);
    const ok = await call(t.app, s.liaison, 'POST', `/api/v1/dispatch/follow-ups/${fu.F1}/close`, { closingNote: '材料已补齐并报党委办公室备案', version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'done', closingNote: '材料已补齐并报党委办公室备案', canClose: false });
    expect(ok.json().closedAt).toBeTruthy();
    expectError(await call(t.app, s.liaison, 'POST', `/api/v1/dispatch/follow-ups/${fu.F1}/close`, { closingNote: '再次', version: 2 }), 409, 'FOLLOW_UP_CLOSED');
    expect(await count("select count(*)::int as n from audit_log where tenant_id = $1 and entity = 'follow_up_item' and action = 'close' and entity_id = $2", [tenantId, fu.F1])).toBe(1);
    // closed after the W48 Monday: still on W48 (it was open then), gone from W50 on
    expect((await sheetOf(s.office, '2026-W50')).sheet.followUps.map((f) => f.id)).not.toContain(fu.F1);
  });

  it('exports the sheet as a real .docx with the headings and counts, and a real .xlsx', async () => {
    const res = await call(t.app, s.office, 'GET', `/api/v1/dispatch/sheet/docx?campaignId=${campaignId}&week=${W48}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(String(res.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('每周一调度清单-2026-W48.docx')}`);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const h of ['调度测试专项每周一调度清单', '逾期任务（1项）', '7日内到期任务（1项）', '红灯任务（2项）', '超14日未报送进展任务（1项）', '结转督办事项（2项）', '会议记录', '会议决定督办事项（1项）', '调度测试任务T3', '督办测试F1'])
      expect(xml, h).toContain(h);
    expect(xml).toContain('本周共列入调度任务 4 项');
    expect(xml).not.toContain('调度测试任务T5');
    const xres = await call(t.app, s.liaison, 'GET', `/api/v1/dispatch/sheet/xlsx?campaignId=${campaignId}&week=${W48}`);
    expect(xres.statusCode).toBe(200);
    const rows = await readWorkbook(xres.rawPayload);
    expect(rows[0].slice(0, 2)).toEqual(['任务', '责任单位']);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(['调度测试任务T1', '调度测试任务T4']);
  });

  it('the Monday job prepares each active campaign once and notifies the office and the leaders concerned; a second run does nothing', async () => {
    const now = new Date('2026-11-30T01:00:00Z'); // Monday 09:00 in Asia/Shanghai, 2026-W49
    const first = await runDueJobs(t.db, [dispatchWeeklyJob], now);
    expect(first).toEqual([expect.objectContaining({ job: 'dispatch.weekly', periodKey: '2026-W49', status: 'done', tenantId })]);
    const [m] = await t.sql<{ id: string; prepared_at: Date | null }>('select id, prepared_at from dispatch_meetings where tenant_id = $1 and campaign_id = $2 and iso_week = $3', [tenantId, campaignId, '2026-W49']);
    expect(m.prepared_at).toBeTruthy();
    const notes = await t.sql<{ username: string; link: string }>(
      "select us.username, n.link from notifications n join users us on us.id = n.user_id where n.tenant_id = $1 and n.kind = 'dispatch.ready' and n.entity_id = $2",
      [tenantId, m.id],
    );
    const link = `/assess/dispatch?campaignId=${campaignId}&week=2026-W49`;
    expect(notes.map((n) => n.username)).toEqual(expect.arrayContaining(['office', 'leader']));
    expect(notes.every((n) => n.link === link)).toBe(true);
    expect(new Set(notes.map((n) => n.username)).size).toBe(notes.length);
    expect(await count("select count(*)::int as n from audit_log where tenant_id = $1 and entity = 'dispatch_meeting' and action = 'prepare' and entity_id = $2 and actor_name = 'system'", [tenantId, m.id])).toBe(1);
    const notified = await count("select count(*)::int as n from notifications where tenant_id = $1 and kind = 'dispatch.ready'", [tenantId]);
    expect(await runDueJobs(t.db, [dispatchWeeklyJob], new Date('2026-11-30T05:00:00Z'))).toEqual([]);
    expect(await count("select count(*)::int as n from notifications where tenant_id = $1 and kind = 'dispatch.ready'", [tenantId])).toBe(notified);
    expect(await count("select count(*)::int as n from job_runs where tenant_id = $1 and job = 'dispatch.weekly' and period_key = '2026-W49'", [tenantId])).toBe(1);
    // before Monday 08:00 local time nothing is due
    expect(await runDueJobs(t.db, [dispatchWeeklyJob], new Date('2026-12-06T23:30:00Z'))).toEqual([]);
  });
});
