import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { users } from '../../db/schema/index.js';
import { rowsOf, uuidArray } from '../../access/scope.js';
import * as repo from '../../modules/reports/reports.repo.js';
import { reviewedNotice, submittedNotice } from '../../modules/reports/reports.notices.js';
import { insertNotifications } from '../../platform/notify/notify.repo.js';
import { FileStore, sniffType } from '../../platform/files/files.store.js';
import { insertAttachment, upsertFile } from '../../platform/files/attachments.repo.js';
import type { DemoRefs } from './refs.js';

/**
 * 同落实 in the demo: each unit's liaison has reported on its tasks through
 * the year; the working group (inspector) and the office approved most
 * reports, returned some (corrected and resubmitted) and have a queue waiting.
 * Every task's progress and last report date equal its latest approved report.
 */
const NOW = new Date('2026-11-28T10:00:00+08:00');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface TaskRow {
  id: string;
  title: string;
  category: string;
  status: string;
  progress: number;
  startDate: string;
  ownerCode: string;
  lastReportAt: Date | null;
  completedAt: Date | null;
}

interface Account {
  userId: string;
  name: string;
}

interface Ctx {
  refs: DemoRefs;
  reviewers: Account[];
  pick: <T>(list: readonly T[]) => T;
  int: (lo: number, hi: number) => number;
}

const doneTexts: Record<string, (n: number, m: number) => string> = {
  study: (n, m) => `组织专题学习${n}次，参学${m}人次，交流发言${Math.max(2, n)}人，学习台账和心得体会已归档。`,
  research: (n, m) => `完成实地调研${n}场，走访企业和兄弟院校，访谈师生及企业代表${m}人次，调研报告初稿已形成。`,
  lecture: (n, m) => `开展专题党课${n}场，覆盖党员干部和师生${m}人次，课件、签到表和现场照片已归档。`,
  activity: (n, m) => `举办主题活动${n}场，参与师生${m}人次，活动新闻已在学校官网和公众号发布。`,
  institution: (n) => `完成制度草案起草和征求意见，收集修改意见${n * 4}条并逐条吸收，已提交党委会审议。`,
  project: (n) => `按节点推进建设任务，完成阶段性建设指标${n}项，召开推进会${Math.max(1, n - 2)}次，经费执行进度符合预期。`,
  rectification: (n) => `整改清单${n + 4}项中已完成销号${n}项，其余事项明确责任人和完成时限，按周跟踪推进。`,
  other: (n) => `汇总各单位进展，编发督办通报${n}期，对滞后事项逐项提醒并跟踪落实。`,
};
const problems = ['部分单位进度不够均衡，个别环节滞后', '企业参与积极性有待进一步调动', '经费拨付进度偏慢，影响部分采购', '师生参与面还不够广', '佐证材料归档不够及时', '与相关部门的协同机制还需理顺'];
const nextSteps = ['下月完成中期检查并报送阶段总结', '加强与相关部门协同，倒排工期推进', '组织专项督导，确保按期完成剩余任务', '梳理典型经验做法，形成案例材料', '对照验收标准逐项自查，补齐短板'];
const returnComments = [
  '佐证材料不全，请补充活动签到表和现场照片',
  '进度数据与工作台账不一致，请核实后重新报送',
  '完成情况表述过于笼统，请补充具体数量和取得的成效',
  '存在问题未写明整改措施，请补充后重新提交',
];
const approveComments = ['同意', '情况属实，请继续推进', '同意，注意按节点完成剩余任务', null, '进展良好，经验做法可在每月一交流上分享'];

async function loadTasks(refs: DemoRefs): Promise<TaskRow[]> {
  const res = await refs.tx.execute(sql`select t.id, t.title, t.category, t.status, t.progress, t.start_date::text as "startDate", u.code as "ownerCode",
      t.last_report_at as "lastReportAt", t.completed_at as "completedAt"
    from tasks t join units u on u.id = t.owner_unit_id
    where t.tenant_id = ${refs.tenantId} and t.id = any(${uuidArray(refs.taskIds ?? [])}) order by t.sort_order`);
  const date = (d: Date | string | null) => (d === null ? null : new Date(d));
  return rowsOf<TaskRow>(res).map((r) => ({ ...r, progress: Number(r.progress), lastReportAt: date(r.lastReportAt), completedAt: date(r.completedAt) }));
}

/**
 * The liaison of each owner unit, with an account to report from: the demo
 * liaison for 机电学院; for other units their liaison (组织员 or 科员) gets
 * a liaison account `liaison-<unit>` (the demo password), unless that person
 * already signs in as office or inspector, when a colleague reports instead.
 */
async function reporterAccounts(refs: DemoRefs, codes: string[]): Promise<Map<string, Account>> {
  const res = await refs.tx.execute(sql`select u.code, p.id as "personId", p.name, usr.id as "userId", usr.roles
    from positions pos join people p on p.id = pos.person_id join units u on u.id = pos.unit_id
    left join users usr on usr.tenant_id = pos.tenant_id and usr.person_id = p.id
    where pos.tenant_id = ${refs.tenantId} and pos.role = 'liaison' order by u.code, p.staff_no`);
  const liaisons = rowsOf<{ code: string; personId: string; name: string; userId: string | null; roles: string[] | null }>(res);
  const [template] = await refs.tx.select({ hash: users.passwordHash }).from(users).where(sql`${users.tenantId} = ${refs.tenantId} and ${users.username} = 'liaison'`);
  const accounts = new Map<string, Account>();
  const created = new Map<string, Account>();
  const taken = new Set(liaisons.filter((l) => l.userId).map((l) => l.personId));
  for (const code of codes) {
    const group = code.split('-')[0];
    const own = liaisons.find((l) => l.code === code) ?? liaisons.find((l) => l.code === `${group}-XY`);
    if (own?.userId && (own.roles ?? []).some((r) => r === 'liaison' || r === 'unit_head')) {
      accounts.set(code, { userId: own.userId, name: own.name });
      continue;
    }
    const username = `liaison-${group.toLowerCase()}`;
    const personId = own && !own.userId ? own.personId : (refs.staffByUnit.get(code) ?? []).find((p) => !taken.has(p));
    if (!created.has(username) && personId && template) {
      const [person] = rowsOf<{ name: string }>(await refs.tx.execute(sql`select name from people where id = ${personId}`));
      const [user] = await refs.tx
        .insert(users)
        .values({ tenantId: refs.tenantId, username, displayName: person.name, roles: ['liaison'], passwordHash: template.hash, personId })
        .returning({ id: users.id });
      taken.add(personId);
      created.set(username, { userId: user.id, name: person.name });
    }
    const account = created.get(username);
    if (account) accounts.set(code, account);
  }
  return accounts;
}

interface Submission {
  at: Date;
  progress: number;
  returnedAt?: Date;
  returnComment?: string;
}

/** One report with its events: each submission (the first ones returned), then an optional final review. */
async function insertReport(c: Ctx, task: TaskRow, by: Account, subs: Submission[], review: { status: 'approved' | 'returned' | 'submitted'; at?: Date }) {
  const { refs } = c;
  const last = subs[subs.length - 1];
  const reviewer = c.pick(c.reviewers);
  const n = c.int(2, 6);
  const comment = review.status === 'approved' ? c.pick(approveComments) : review.status === 'returned' ? c.pick(returnComments) : null;
  const text = last.progress >= 100 ? '全部任务已完成，形成工作总结并通过验收，相关佐证材料已整理归档。' : (doneTexts[task.category] ?? doneTexts.other)(n, n * c.int(25, 60));
  // The review the record shows: the final one, or the return that preceded the last resubmission.
  const before = subs.length > 1 ? subs[subs.length - 2] : null;
  const shown = review.at ? { at: review.at, comment } : before?.returnedAt ? { at: before.returnedAt, comment: before.returnComment ?? null } : null;
  const events = subs.length * 2 - 1 + (review.at ? 1 : 0);
  const rec = await repo.insertReport(refs.tx, {
    tenantId: refs.tenantId, taskId: task.id, reporterId: by.userId, reporterName: by.name, progress: last.progress, doneText: text,
    problems: last.progress >= 100 ? null : c.pick(problems), nextSteps: last.progress >= 100 ? null : c.pick(nextSteps),
    status: review.status, revision: subs.length, submittedAt: last.at, createdAt: subs[0].at, version: events,
    reviewerId: shown ? reviewer.userId : null, reviewerName: shown ? reviewer.name : null, reviewComment: shown?.comment ?? null, reviewedAt: shown?.at ?? null,
  });
  const event = (action: string, at: Date, actor: Account, revision: number, progress: number, note: string | null = null) =>
    repo.insertEvent(refs.tx, { tenantId: refs.tenantId, reportId: rec.id, action, actorId: actor.userId, actorName: actor.name, comment: note, snapshot: { revision, progress }, at });
  for (const [i, s] of subs.entries()) {
    await event(i === 0 ? 'submit' : 'resubmit', s.at, by, i + 1, s.progress);
    if (s.returnedAt) await event('return', s.returnedAt, reviewer, i + 1, s.progress, s.returnComment ?? null);
  }
  if (review.at && review.status !== 'submitted') await event(review.status === 'approved' ? 'approve' : 'return', review.at, reviewer, subs.length, last.progress, comment);
  return rec;
}

const at = (d: Date, hour: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour - 8, 0, 0));

/** Earlier approved reports climbing towards the task's progress, about three weeks apart. */
function earlierSteps(task: TaskRow, last: Date, final: number, jitter: number[]): { at: Date; progress: number }[] {
  const start = Date.parse(`${task.startDate}T00:00:00+08:00`) + 10 * DAY;
  const steps: { at: Date; progress: number }[] = [];
  for (let j = 2; j >= 1; j--) {
    const when = new Date(last.getTime() - j * 21 * DAY);
    if (when.getTime() > start) steps.push({ at: at(when, 15), progress: Math.round((final * (3 - j)) / 3) + jitter[j] });
  }
  return steps;
}

/** The year's reports of one task; returns the reports that should raise notifications. */
async function seedTaskReports(c: Ctx, task: TaskRow, by: Account, i: number) {
  const done = task.status === 'done';
  // A done task's final report came the day before completion (never after the demo's today).
  const last = done ? at(new Date(Math.min(task.completedAt!.getTime(), NOW.getTime()) - DAY), 16) : task.lastReportAt!;
  const final = done ? 100 : task.progress;
  for (const step of earlierSteps(task, last, final, [0, c.int(-6, 4), c.int(-8, 6)])) {
    if (step.progress >= final || step.progress < 5) continue;
    await insertReport(c, task, by, [{ at: step.at, progress: step.progress }], { status: 'approved', at: new Date(step.at.getTime() + 20 * HOUR) });
  }
  // Every fourth final report was returned once and approved after correction.
  const corrected = i % 4 === 1;
  const subs: Submission[] = corrected
    ? [{ at: new Date(last.getTime() - 3 * DAY), progress: Math.max(0, final - 5), returnedAt: new Date(last.getTime() - 2 * DAY), returnComment: c.pick(returnComments) }, { at: last, progress: final }]
    : [{ at: last, progress: final }];
  const approved = await insertReport(c, task, by, subs, { status: 'approved', at: new Date(Math.min(last.getTime() + 3 * HOUR, NOW.getTime())) });
  if (done) await c.refs.tx.execute(sql`update tasks set last_report_at = ${last.toISOString()}::timestamptz where id = ${task.id}`);

  // A newer report waits for review, or was returned and waits for correction.
  const daysSince = (NOW.getTime() - last.getTime()) / DAY;
  let pending: repo.ReportRecord | null = null;
  if (!done && daysSince >= 2 && (i % 3 === 0 || i % 7 === 3)) {
    const when = at(new Date(NOW.getTime() - c.int(1, Math.min(3, Math.floor(daysSince) - 1)) * DAY), 9 + c.int(0, 8));
    const progress = Math.min(99, final + c.int(4, 12));
    pending = i % 7 === 3 && daysSince >= 4
      ? await insertReport(c, task, by, [{ at: new Date(when.getTime() - 2 * DAY), progress }], { status: 'returned', at: new Date(when.getTime() - DAY) })
      : await insertReport(c, task, by, [{ at: when, progress }], { status: 'submitted' });
  }
  return { approved, pending, recent: NOW.getTime() - last.getTime() < 10 * DAY };
}

/** A small .docx of evidence (工作进展佐证材料): what was done and who took part. */
async function evidenceDocx(task: TaskRow, unitName: string, r: repo.ReportRecord, names: string[]): Promise<Buffer> {
  const p = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold, size: bold ? 32 : 24, font: 'SimSun' })] });
  const day = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' }).format(r.submittedAt);
  const doc = new Document({
    sections: [{ children: [p(`${task.title}工作进展佐证材料`, true), p(`报送单位：${unitName}　　报送人：${r.reporterName}　　日期：${day}`), p(`一、完成情况（进度 ${r.progress}%）`, true), p(r.doneText), p('二、参加人员签到', true), p(names.join('、') || '—')] }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** Evidence on the latest reports (the review queue and the latest approvals show files, as in real use). */
async function seedEvidence(c: Ctx, items: { task: TaskRow; unitName: string; reports: repo.ReportRecord[] }[]) {
  const { tx, tenantId, filesDir } = c.refs;
  // Blobs go to the data dir's file store; seeding without one (tests) writes only the rows.
  const store = filesDir ? new FileStore(filesDir, Number.MAX_SAFE_INTEGER) : null;
  for (const { task, unitName, reports } of items) {
    const staff = (c.refs.staffByUnit.get(task.ownerCode) ?? []).slice(0, 8);
    const names = staff.length ? rowsOf<{ name: string }>(await tx.execute(sql`select name from people where id = any(${uuidArray(staff)}) order by staff_no`)).map((x) => x.name) : [];
    for (const r of reports) {
      const buf = await evidenceDocx(task, unitName, r, names);
      const stored = store ? await store.put(buf) : { sha256: crypto.createHash('sha256').update(buf).digest('hex'), size: buf.length, mime: await sniffType(buf) };
      const file = await upsertFile(tx, tenantId, stored);
      await insertAttachment(tx, { tenantId, entity: 'progress_report', entityId: r.id, fileId: file.id, name: `${task.title.slice(0, 30)}-佐证材料.docx`, uploadedBy: r.reporterId, createdAt: r.submittedAt });
    }
  }
}

/** A few notifications per demo user: the review queue for the reviewers, approvals and returns for the liaisons. */
async function seedNotices(c: Ctx, items: { task: TaskRow; unitName: string; approved: repo.ReportRecord; pending: repo.ReportRecord | null; recent: boolean }[]) {
  const rows: Parameters<typeof insertNotifications>[1] = [];
  const push = (userId: string, msg: ReturnType<typeof submittedNotice>, createdAt: Date, read: boolean) =>
    rows.push({ tenantId: c.refs.tenantId, userId, ...msg, createdAt, readAt: read ? new Date(createdAt.getTime() + 2 * HOUR) : null });
  for (const { task, unitName, approved, pending, recent } of items) {
    const about = (report: repo.ReportRecord) => ({ report, taskTitle: task.title, unitName });
    if (pending?.status === 'submitted') for (const r of c.reviewers) push(r.userId, submittedNotice(about(pending)), pending.submittedAt, false);
    if (pending?.status === 'returned') push(pending.reporterId, reviewedNotice(about(pending)), pending.reviewedAt!, false);
    if (recent) push(approved.reporterId, reviewedNotice(about(approved)), approved.reviewedAt!, NOW.getTime() - approved.reviewedAt!.getTime() > 3 * DAY);
  }
  await insertNotifications(c.refs.tx, rows);
}

export async function seedReports(refs: DemoRefs) {
  if (!refs.taskIds?.length) return;
  const tasks = (await loadTasks(refs)).filter((t) => (t.status === 'in_progress' && t.lastReportAt) || (t.status === 'done' && t.completedAt));
  const reviewerRows = await refs.tx.execute(sql`select id, display_name as name from users where tenant_id = ${refs.tenantId} and username in ('inspector', 'office') order by username`);
  const reviewers = rowsOf<{ id: string; name: string }>(reviewerRows).map((r) => ({ userId: r.id, name: r.name }));
  const accounts = await reporterAccounts(refs, [...new Set(tasks.map((t) => t.ownerCode))]);
  const unitNames = new Map(rowsOf<{ code: string; name: string }>(await refs.tx.execute(sql`select code, name from units where tenant_id = ${refs.tenantId}`)).map((u) => [u.code, u.name]));
  const c: Ctx = {
    refs,
    reviewers,
    pick: (list) => list[Math.floor(refs.next() * list.length)],
    int: (lo, hi) => lo + Math.floor(refs.next() * (hi - lo + 1)),
  };
  const seeded = [];
  for (const [i, task] of tasks.entries()) {
    const by = accounts.get(task.ownerCode);
    if (!by || reviewers.length === 0) continue;
    seeded.push({ task, unitName: unitNames.get(task.ownerCode) ?? '', ...(await seedTaskReports(c, task, by, i)) });
  }
  await seedNotices(c, seeded);
  const open = seeded.filter((x) => x.task.status === 'in_progress');
  await seedEvidence(c, open.map((x) => ({ task: x.task, unitName: x.unitName, reports: [x.approved, ...(x.pending ? [x.pending] : [])] })));
}
