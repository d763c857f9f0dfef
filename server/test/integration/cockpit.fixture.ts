import {
  assessmentResults, assessmentSchemes, assessmentTargets, campaigns, followUpItems, leaderDuties, lectures, outcomes, researchTopics,
  researchTopicUnits, supervisionChecks, supervisionIndicators, supervisionPlans, tasks, taskUnits,
} from '../../src/db/schema/index.js';
import { defaultBands, type Role } from '@santong/contract';
import { makePerson, makeTenant, makeUnit, makeUser } from '../setup/factories.js';
import type { TestApp } from '../setup/db.js';

/**
 * A tenant of its own with a known set of records for the cockpit and the
 * briefing: five units (a college with a sub-branch and a paired general
 * branch, another college, a department), two campaigns, tasks, outcomes,
 * checks, lectures, topics, follow-ups and two published assessments. The
 * tests count the expected figures from these arrays, not from SQL.
 */

export const UNIT_CODES = ['A', 'A1', 'AP', 'B', 'C'] as const;
export type UnitCode = (typeof UNIT_CODES)[number];

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export interface TaskRec { id: string; campaign: 'K' | 'K2'; unit: UnitCode; coUnit: UnitCode | null; leader: boolean; status: string; progress: number; startDate: string; dueDate: string; lastReportAt: Date | null; fused: boolean; weight: number }
export interface OutcomeRec { unit: UnitCode; kind: string; level: string; medium: string | null; publishedOn: string; title: string }
export interface CheckRec { campaign: 'K' | 'K2'; unit: UnitCode; result: string; checkedOn: string }
export interface LectureRec { campaign: 'K' | null; unit: UnitCode; byLeader: boolean; heldOn: string; audience: number }
export interface TopicRec { unit: UnitCode; byLeader: boolean; status: string }
export interface FollowUpRec { campaign: 'K' | 'K2'; unit: UnitCode; dueDate: string; closed: boolean }
export interface ResultRec { unit: UnitCode; total: number; rank: number; grade: string }

export interface Fixture {
  tenantId: string;
  tenantCode: string;
  unitIds: Record<UnitCode, string>;
  campaignId: string;
  otherCampaignId: string;
  schemeId: string;
  leaderPersonId: string;
  tasks: TaskRec[];
  outcomes: OutcomeRec[];
  checks: CheckRec[];
  lectures: LectureRec[];
  topics: TopicRec[];
  followUps: FollowUpRec[];
  results: ResultRec[];
  /** username by role */
  users: Record<'office' | 'leader' | 'head' | 'liaison', string>;
}

const statuses = ['planned', 'in_progress', 'done', 'cancelled'];
const kinds = ['theory_article', 'research_paper', 'think_tank_report', 'typical_case', 'innovation_case', 'media_report', 'award'];
const levels = ['national', 'provincial', 'municipal', 'school'];
const media = ['中国教育报', '省委教育工委工作简报', '人民网', '南方日报'];
const results = ['pass', 'pass', 'partial', 'fail'];
const topicStatuses = ['proposed', 'approved', 'in_progress', 'reported', 'closed'];

function taskRecs(): Omit<TaskRec, 'id'>[] {
  return Array.from({ length: 36 }, (_, i) => {
    const status = statuses[i % 4];
    const startDate = addDays('2026-03-01', (i * 5) % 60);
    return {
      campaign: i % 10 === 9 ? 'K2' : 'K', unit: UNIT_CODES[i % 5], coUnit: i % 7 === 0 ? 'B' : null, leader: i % 6 === 0, status,
      progress: status === 'done' ? 100 : (i * 13) % 100, startDate, dueDate: addDays(startDate, 30 + ((i * 11) % 300)),
      lastReportAt: i % 3 === 0 ? null : new Date(Date.now() - ((i * 4) % 30) * 86_400_000), fused: i % 3 !== 0, weight: 1 + (i % 3),
    };
  });
}

async function insertTasks(t: TestApp, tenantId: string, ids: Fixture['unitIds'], camp: Record<'K' | 'K2', string>, leaderId: string) {
  const recs = taskRecs();
  const rows = await t.db.insert(tasks).values(recs.map((r, i) => ({
    tenantId, campaignId: camp[r.campaign], title: `测试任务${i + 1}`, category: 'other', ownerUnitId: ids[r.unit], responsiblePersonId: r.leader ? leaderId : null,
    startDate: r.startDate, dueDate: r.dueDate, weight: r.weight, status: r.status, progress: r.progress, fused: r.fused, lastReportAt: r.lastReportAt,
  }))).returning({ id: tasks.id });
  const out: TaskRec[] = recs.map((r, i) => ({ ...r, id: rows[i].id }));
  const co = out.filter((r) => r.coUnit);
  if (co.length) await t.db.insert(taskUnits).values(co.map((r) => ({ tenantId, taskId: r.id, unitId: ids[r.coUnit!] })));
  return out;
}

async function insertSupervision(t: TestApp, tenantId: string, ids: Fixture['unitIds'], camp: Record<'K' | 'K2', string>) {
  const plans = await t.db.insert(supervisionPlans).values([
    { tenantId, campaignId: camp.K, month: '2026-05', title: '5月督导' }, { tenantId, campaignId: camp.K, month: '2026-06', title: '6月督导' },
    { tenantId, campaignId: camp.K2, month: '2026-05', title: '其他督导' },
  ]).returning({ id: supervisionPlans.id });
  const inds = await t.db.insert(supervisionIndicators).values(plans.map((p) => ({ tenantId, planId: p.id, requirement: '按要求开展学习' }))).returning({ id: supervisionIndicators.id, planId: supervisionIndicators.planId });
  const checks: CheckRec[] = Array.from({ length: 22 }, (_, i) => ({
    campaign: i % 5 === 4 ? 'K2' : 'K', unit: UNIT_CODES[(i * 3) % 5], result: results[i % 4], checkedOn: addDays('2026-05-03', (i % 2) * 31 + i),
  }));
  await t.db.insert(supervisionChecks).values(checks.map((c) => {
    const plan = c.campaign === 'K2' ? 2 : c.checkedOn < '2026-06-01' ? 0 : 1;
    return { tenantId, planId: plans[plan].id, indicatorId: inds[plan].id, unitId: ids[c.unit], method: 'onsite', checkedOn: c.checkedOn, result: c.result };
  }));
  return checks;
}

async function insertAssessment(t: TestApp, tenantId: string, ids: Fixture['unitIds']) {
  const [old, latest] = await t.db.insert(assessmentSchemes).values([
    { tenantId, year: 2024, title: '2024年度考核', status: 'published', bands: defaultBands, publishedAt: new Date('2025-01-10T00:00:00Z') },
    { tenantId, year: 2025, title: '2025年度党建与业务考核', status: 'published', bands: defaultBands, publishedAt: new Date('2026-01-15T00:00:00Z') },
    { tenantId, year: 2026, title: '2026年度考核（草稿）', status: 'draft', bands: defaultBands },
  ]).returning({ id: assessmentSchemes.id });
  const recs: ResultRec[] = [
    { unit: 'B', total: 93.5, rank: 1, grade: 'excellent' }, { unit: 'A', total: 88.25, rank: 2, grade: 'good' }, { unit: 'C', total: 71, rank: 3, grade: 'pass' },
  ];
  for (const scheme of [old.id, latest.id]) {
    const targets = await t.db.insert(assessmentTargets).values(recs.map((r) => ({ tenantId, schemeId: scheme, unitId: ids[r.unit], pairedUnitId: r.unit === 'A' ? ids.AP : null, name: `${r.unit}单位` }))).returning({ id: assessmentTargets.id });
    await t.db.insert(assessmentResults).values(recs.map((r, i) => ({
      tenantId, schemeId: scheme, targetId: targets[i].id, total: scheme === old.id ? 60 + i : r.total, party: 40, business: 40, featured: 10, rank: scheme === old.id ? 3 - i : r.rank,
      grade: scheme === old.id ? 'pass' : r.grade, breakdown: {},
    })));
  }
  return { schemeId: latest.id, results: recs };
}

export async function buildFixture(t: TestApp): Promise<Fixture> {
  const tenant = await makeTenant(t);
  const tenantId = tenant.id;
  const root = await makeUnit(t, { tenantId, kind: 'committee', name: '测试党委', sortOrder: 0 });
  const a = await makeUnit(t, { tenantId, kind: 'college', name: '甲学院', parentId: root.id, sortOrder: 1 });
  const a1 = await makeUnit(t, { tenantId, kind: 'center', name: '甲学院实训中心', parentId: a.id, sortOrder: 2 });
  const ap = await makeUnit(t, { tenantId, kind: 'general_branch', name: '甲学院党总支', parentId: root.id, pairedUnitId: a.id, sortOrder: 3 });
  const b = await makeUnit(t, { tenantId, kind: 'college', name: '乙学院', parentId: root.id, sortOrder: 4 });
  const c = await makeUnit(t, { tenantId, kind: 'department', name: '丙处', parentId: root.id, sortOrder: 5 });
  const ids: Fixture['unitIds'] = { A: a.id, A1: a1.id, AP: ap.id, B: b.id, C: c.id };
  const leader = await makePerson(t, { tenantId, unitId: root.id, name: '李校长' });
  const other = await makePerson(t, { tenantId, unitId: c.id, name: '王处长' });
  const head = await makePerson(t, { tenantId, unitId: b.id, name: '赵院长' });
  await t.db.insert(leaderDuties).values({ tenantId, personId: leader.id, unitId: a.id, kind: 'in_charge' });
  const user = async (roles: Role[], personId?: string) => (await makeUser(t, { tenantId, roles, personId })).username;
  const users = { office: await user(['office']), leader: await user(['leader'], leader.id), head: await user(['unit_head'], head.id), liaison: await user(['liaison'], head.id) };
  const [k, k2] = await t.db.insert(campaigns).values([
    { tenantId, title: '2026年“三同”工作推进', kind: 'theme_education', startDate: '2026-03-01', endDate: '2026-12-31', status: 'active' },
    { tenantId, title: '其他专项工作', kind: 'annual', startDate: '2026-01-01', endDate: '2026-12-31', status: 'active' },
  ]).returning({ id: campaigns.id });
  const camp = { K: k.id, K2: k2.id };
  const taskList = await insertTasks(t, tenantId, ids, camp, leader.id);

  const outcomeList: OutcomeRec[] = Array.from({ length: 30 }, (_, i) => {
    const kind = kinds[i % 7];
    return { unit: UNIT_CODES[(i * 2) % 5], kind, level: levels[i % 4], medium: kind === 'media_report' || i % 5 === 0 ? media[i % 4] : null, publishedOn: addDays('2026-02-10', i * 11), title: `测试成果${i + 1}` };
  });
  await t.db.insert(outcomes).values(outcomeList.map((o) => ({ tenantId, kind: o.kind, title: o.title, unitId: ids[o.unit], level: o.level, medium: o.medium, publishedOn: o.publishedOn })));

  const checks = await insertSupervision(t, tenantId, ids, camp);

  const lectureList: LectureRec[] = Array.from({ length: 9 }, (_, i) => ({ campaign: i % 4 === 3 ? null : 'K', unit: UNIT_CODES[(i + 3) % 5], byLeader: i % 3 === 0, heldOn: addDays('2026-03-20', i * 33), audience: 20 + i * 7 }));
  await t.db.insert(lectures).values(lectureList.map((l, i) => ({
    tenantId, campaignId: l.campaign ? camp.K : null, lecturerPersonId: l.byLeader ? leader.id : other.id, audienceUnitId: ids[l.unit], heldOn: l.heldOn, topic: `专题党课${i + 1}`, audienceCount: l.audience,
  })));

  const topicList: TopicRec[] = Array.from({ length: 8 }, (_, i) => ({ unit: UNIT_CODES[(i + 1) % 5], byLeader: i % 4 === 0, status: topicStatuses[i % 5] }));
  const topicRows = await t.db.insert(researchTopics).values(topicList.map((x, i) => ({ tenantId, campaignId: camp.K, title: `调研课题${i + 1}`, problemArea: '产教融合', leaderPersonId: x.byLeader ? leader.id : other.id, status: x.status }))).returning({ id: researchTopics.id });
  await t.db.insert(researchTopicUnits).values(topicRows.map((r, i) => ({ tenantId, topicId: r.id, unitId: ids[topicList[i].unit] })));

  const followUps: FollowUpRec[] = Array.from({ length: 12 }, (_, i) => ({ campaign: i === 11 ? 'K2' : 'K', unit: UNIT_CODES[i % 5], dueDate: addDays('2026-10-20', i * 7), closed: i % 3 === 0 }));
  await t.db.insert(followUpItems).values(followUps.map((f, i) => ({
    tenantId, campaignId: camp[f.campaign], title: `督办事项${i + 1}`, ownerUnitId: ids[f.unit], dueDate: f.dueDate, status: f.closed ? 'closed' : 'open', closedAt: f.closed ? new Date() : null,
  })));

  const { schemeId, results: resultList } = await insertAssessment(t, tenantId, ids);
  return {
    tenantId, tenantCode: tenant.code, unitIds: ids, campaignId: k.id, otherCampaignId: k2.id, schemeId, leaderPersonId: leader.id,
    tasks: taskList, outcomes: outcomeList, checks, lectures: lectureList, topics: topicList, followUps, results: resultList, users,
  };
}
