import { sql } from 'drizzle-orm';
import { rowsOf } from '../../access/scope.js';
import { systemActor } from '../../platform/context.js';
import { grams } from '../../platform/search/grams.js';
import * as repo from '../../modules/tasks/task.repo.js';
import * as flow from '../../modules/tasks/task.flow.repo.js';
import { generateInstances } from '../../modules/tasks/task.recurring.js';
import type { DemoRefs } from './refs.js';

/** The demo's "today": dates, reports and sign-offs are placed around it so red, amber and green all occur. */
const TODAY = '2026-11-28';
const DAY = 86_400_000;
const at = (iso: string, hour = 9) => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const daysAgo = (n: number) => new Date(at(TODAY, 10).getTime() - n * DAY);

// [key, parent, title, category, owner, co-units, start, due, weight, status, progress, goals, days since last report, leader override]
type Seed = [string, string | null, string, string, string, string[], string, string, number, string, number, string[], number | null, number?];

const D = 'done';
const P = 'in_progress';
const N = 'planned';
const C = 'cancelled';

// The breakdown of the campaign (同部署): workstreams of the party office and the units, each with subtasks.
const seeds: Seed[] = [
  ['T1', null, '党委理论学习中心组专题学习', 'study', 'DZB', ['XCB'], '03-01', '12-31', 3, P, 82, ['P2.1', 'B4.1'], 5],
  ['T1.1', 'T1', '制定年度中心组学习计划', 'study', 'DZB', [], '03-01', '03-20', 1, D, 100, ['P2.1'], null],
  ['T1.2', 'T1', '落实“第一议题”制度并建立学习台账', 'study', 'DZB', [], '03-10', '12-31', 1, P, 85, ['P1.1'], 3],
  ['T1.3', 'T1', '中心组成员赴二级学院开展专题调研交流', 'research', 'DZB', ['JD-XY', 'XX-XY'], '05-01', '11-30', 1, P, 60, ['P4.1', 'B2.2'], 20],
  ['T2', null, '举办处级干部专题读书班', 'study', 'ZZB', ['DZB'], '03-15', '07-31', 2, D, 100, ['P2.2', 'B4.1'], null],
  ['T2.1', 'T2', '制定读书班实施方案', 'study', 'ZZB', [], '03-15', '04-10', 1, D, 100, ['P2.2'], null],
  ['T2.2', 'T2', '组织集中研讨与交流发言', 'study', 'ZZB', ['XCB'], '04-15', '07-20', 1, D, 100, ['P2.2', 'B1.2'], null],
  ['T2.3', 'T2', '读书班学习成果汇编', 'study', 'XCB', [], '07-01', '07-31', 1, D, 100, ['P2.2'], null],
  ['T3', null, '大兴调查研究 破解发展难题', 'research', 'KYC', ['DZB'], '04-01', '12-31', 2, P, 80, ['P4.1', 'B4.2'], 4],
  ['T3.1', 'T3', '产教融合共同体建设专题调研', 'research', 'KYC', ['JD-XY'], '04-01', '09-30', 1, D, 100, ['P4.1', 'B2.2'], null],
  ['T3.2', 'T3', '国际合作办学现状与对策调研', 'research', 'KYC', ['JG-XY'], '04-10', '10-31', 1, D, 100, ['P4.1', 'B4.3'], null],
  ['T3.3', 'T3', '调研成果转化与问题整改清单落实', 'rectification', 'DZB', [], '09-01', '12-20', 1, P, 55, ['P4.1', 'B4.2'], 4],
  ['T4', null, '领导干部讲党课', 'lecture', 'XCB', ['ZZB'], '04-01', '12-15', 2, P, 80, ['P2.3', 'B1.1'], 6],
  ['T4.1', 'T4', '党委书记为全校中层干部讲专题党课', 'lecture', 'DZB', [], '05-10', '05-31', 1, D, 100, ['P2.3'], null],
  ['T4.2', 'T4', '校领导到联系学院讲党课', 'lecture', 'XCB', ['JD-XY', 'XX-XY', 'JG-XY', 'YS-XY'], '05-01', '12-15', 1, P, 80, ['P2.3', 'B1.1'], 6],
  ['T4.3', 'T4', '青年教师微党课比赛', 'activity', 'XCB', ['JYZX'], '09-01', '11-30', 1, P, 60, ['P2.3', 'B2.3'], 16],
  ['T5', null, '深化“三全育人”综合改革', 'project', 'XGC', ['JWC'], '03-01', '12-31', 3, P, 72, ['P3.2', 'B1.2'], 2],
  ['T5.1', 'T5', '修订“三全育人”实施方案', 'institution', 'XGC', [], '03-01', '05-31', 1, D, 100, ['P6.1', 'B1.2'], null],
  ['T5.2', 'T5', '辅导员队伍能力提升培训', 'project', 'XGC', ['ZZB'], '04-01', '11-30', 1, P, 90, ['P3.3', 'B1.2'], 3],
  ['T5.3', 'T5', '学生心理健康筛查与分级帮扶', 'project', 'XGC', [], '09-01', '12-10', 1, P, 65, ['P3.3', 'B1.3'], 8],
  ['T5.4', 'T5', '家庭经济困难学生精准资助', 'project', 'XGC', ['CWC'], '09-01', '12-05', 1, P, 70, ['B1.3'], 15],
  ['T6', null, '“双高计划”建设任务攻坚', 'project', 'JWC', ['KYC'], '03-01', '12-31', 3, P, 75, ['P1.2', 'B2'], 5],
  ['T6.1', 'T6', '高水平专业群建设年度绩效自评', 'project', 'JWC', ['JD-XY', 'XX-XY'], '09-01', '12-15', 1, P, 62, ['B2.1'], 10],
  ['T6.2', 'T6', '课程思政示范课程建设', 'project', 'JWC', ['JD-XY'], '03-15', '10-31', 1, D, 100, ['P2.3', 'B1.1'], null],
  ['T6.3', 'T6', '“双师型”教师认定与培训', 'project', 'ZZB', ['JWC'], '04-01', '12-20', 1, P, 72, ['P3.1', 'B2.3'], 12],
  ['T6.4', 'T6', '“1+X”证书试点扩面', 'project', 'JWC', [], '05-01', '11-25', 1, P, 85, ['B2.1'], 9],
  ['T7', null, '产教融合与社会服务能力提升', 'project', 'KYC', [], '03-01', '12-31', 2, P, 74, ['P4.1', 'B2.2'], 6],
  ['T7.1', 'T7', '与龙头企业共建智能制造产业学院', 'project', 'JD-XY', ['KYC'], '03-01', '10-31', 1, D, 100, ['P3.2', 'B2.2'], null],
  ['T7.2', 'T7', '横向科研项目与技术服务到账', 'project', 'KYC', [], '03-01', '12-31', 1, P, 72, ['P3.2', 'B4.2'], 4],
  ['T7.3', 'T7', '校企联合党支部共建', 'activity', 'XX-ZZ', ['XX-XY'], '06-01', '12-15', 1, P, 50, ['P3.2', 'B2.2'], 25],
  ['T8', null, '办好师生急难愁盼实事', 'project', 'HQC', ['XGC', 'CWC'], '03-15', '12-31', 3, P, 78, ['P4.1', 'B3'], 3],
  ['T8.1', 'T8', '学生食堂提质改造', 'project', 'HQC', ['CWC'], '04-01', '09-30', 1, D, 100, ['P4.1', 'B3.1'], null],
  ['T8.2', 'T8', '学生宿舍空调安装', 'project', 'HQC', [], '05-01', '12-10', 1, P, 78, ['B3.1'], 5],
  ['T8.3', 'T8', '党员领导干部“访企拓岗”促就业', 'project', 'XGC', ['JD-XY', 'XX-XY', 'JG-XY', 'YS-XY'], '03-15', '12-31', 1, P, 82, ['P4.1', 'B3.2'], 7],
  ['T8.4', 'T8', '教职工健康体检与关心关爱', 'activity', 'ZZB', ['HQC'], '10-01', '12-20', 1, N, 0, ['B3.3'], null],
  ['T9', null, '智慧校园与治理能力现代化', 'project', 'JYZX', ['TSG'], '03-01', '12-31', 2, P, 68, ['P1.2', 'B4.1'], 9, 4],
  ['T9.1', 'T9', '“一网通办”师生服务平台上线', 'project', 'JYZX', ['DZB'], '03-01', '09-30', 1, D, 100, ['P4.2', 'B4.1'], null, 4],
  ['T9.2', 'T9', '智慧图书馆资源建设', 'project', 'TSG', [], '06-01', '12-20', 1, P, 62, ['P2.2', 'B4.1'], 13],
  ['T9.3', 'T9', '党建信息化平台建设', 'project', 'JYZX', ['ZZB'], '07-01', '12-31', 1, P, 58, ['P3.2', 'B4.1'], 4, 4],
  ['T10', null, '基层党组织“强基”工程', 'project', 'ZZB', [], '03-01', '12-31', 3, P, 80, ['P3.2', 'B4'], 3],
  ['T10.1', 'T10', '教师党支部书记“双带头人”培育', 'project', 'ZZB', ['JD-ZZ', 'XX-ZZ', 'JG-ZZ', 'YS-ZZ'], '03-01', '11-30', 1, P, 90, ['P3.1', 'B2.3'], 2],
  ['T10.2', 'T10', '党支部标准化规范化建设达标验收', 'project', 'ZZB', [], '09-01', '12-15', 1, P, 40, ['P3.2'], 10],
  ['T10.3', 'T10', '发展党员质量提升工程', 'project', 'JG-ZZ', ['JG-XY'], '03-01', '12-31', 1, P, 70, ['P3.3', 'B1.2'], 16],
  ['T10.4', 'T10', '机电学院样板党支部创建', 'project', 'JD-ZZ', ['JD-XY'], '04-01', '12-31', 1, P, 75, ['P3.2', 'B2.1'], 5],
  ['T11', null, '廉洁文化进校园', 'activity', 'DZB', ['XCB'], '03-01', '12-31', 2, P, 85, ['P5.2', 'B1.1'], 4, 5],
  ['T11.1', 'T11', '廉政风险点排查与防控', 'institution', 'CWC', ['HQC'], '04-01', '09-30', 1, D, 100, ['P5.1', 'B4.1'], null, 5],
  ['T11.2', 'T11', '召开全校警示教育大会', 'activity', 'DZB', [], '10-10', '11-20', 1, D, 100, ['P5.2'], null, 5],
  ['T11.3', 'T11', '招标采购专项监督', 'rectification', 'HQC', ['CWC'], '09-01', '12-31', 1, P, 52, ['P5.1', 'B3.1'], 5, 5],
  ['T12', null, '制度“立改废释”专项行动', 'institution', 'DZB', ['ZZB'], '04-01', '12-31', 2, P, 72, ['P6.1', 'B4.1'], 5],
  ['T12.1', 'T12', '全校规章制度集中清理', 'institution', 'DZB', ['JWC', 'XGC', 'KYC', 'CWC', 'HQC'], '04-01', '08-31', 1, D, 100, ['P6.1', 'B4.1'], null],
  ['T12.2', 'T12', '修订二级党组织会议议事规则', 'institution', 'ZZB', ['JD-ZZ', 'XX-ZZ'], '06-01', '12-05', 1, P, 65, ['P6.1', 'P1.2'], 6],
  ['T12.3', 'T12', '制定党建工作成果激励办法', 'institution', 'ZZB', [], '11-15', '12-31', 1, P, 10, ['P6.2'], null],
  ['T13', null, '机电学院“党建+专业”融合发展', 'project', 'JD-XY', ['JD-ZZ'], '03-01', '12-31', 2, P, 78, ['P3.2', 'B2.1'], 3, 3],
  ['T13.1', 'T13', '党员教师技能大师工作室建设', 'project', 'JD-XY', [], '05-01', '12-15', 1, P, 72, ['P3.1', 'B2.3'], 6, 3],
  ['T13.2', 'T13', '学生党员先锋岗', 'activity', 'JD-ZZ', [], '09-01', '12-31', 1, P, 62, ['P3.3', 'B1.2'], 20, 3],
  ['T13.3', 'T13', '实训基地安全隐患整改', 'rectification', 'JD-XY', ['HQC'], '12-01', '12-20', 1, N, 0, ['B4.1'], null, 3],
  ['T14', null, '信息学院“数字工匠”培养', 'project', 'XX-XY', ['XX-ZZ'], '03-01', '12-31', 2, P, 72, ['P3.2', 'B2.1'], 5],
  ['T14.1', 'T14', '信创产业学院共建', 'project', 'XX-XY', ['KYC'], '04-01', '11-30', 1, P, 88, ['P3.2', 'B2.2'], 3],
  ['T14.2', 'T14', '学生技能竞赛党员攻坚队', 'activity', 'XX-ZZ', [], '03-01', '10-31', 1, D, 100, ['P3.3', 'B2.1'], null],
  ['T15', null, '经管学院乡村振兴社会服务', 'project', 'JG-XY', ['JG-ZZ'], '04-01', '12-31', 2, P, 70, ['P4.1', 'B4.2'], 5],
  ['T15.1', 'T15', '党员志愿服务进乡村', 'activity', 'JG-ZZ', [], '05-01', '11-30', 1, D, 100, ['P3.3', 'B4.2'], null],
  ['T15.2', 'T15', '农村电商人才培训', 'project', 'JG-XY', [], '06-01', '12-20', 1, P, 55, ['B4.2'], 9],
  ['T16', null, '艺术学院“红色文化”创作展演', 'activity', 'YS-XY', ['YS-ZZ', 'XCB'], '04-01', '12-20', 2, P, 76, ['P2.3', 'B1.1'], 8],
  ['T16.1', 'T16', '红色主题原创作品展', 'activity', 'YS-XY', [], '06-01', '10-15', 1, D, 100, ['P2.3', 'B1.1'], null],
  ['T16.2', 'T16', '艺术党支部“美育浸润”行动', 'activity', 'YS-ZZ', [], '09-01', '12-20', 1, P, 62, ['P3.2', 'B1.1'], 4],
  ['T16.3', 'T16', '非遗工作坊校企合作', 'project', 'YS-XY', ['KYC'], '12-01', '12-20', 1, N, 0, ['B2.2'], null],
  ['T17', null, '财务管理提质增效', 'project', 'CWC', [], '03-01', '12-31', 1, P, 80, ['P6.1', 'B4.1'], 5],
  ['T17.1', 'T17', '预算绩效管理改革', 'institution', 'CWC', [], '03-01', '11-30', 1, P, 92, ['P6.1', 'B4.1'], 4],
  ['T17.2', 'T17', '报销流程“最多跑一次”改革', 'rectification', 'CWC', ['JYZX'], '06-01', '11-20', 1, D, 100, ['P4.1', 'B3.3'], null],
  ['T18', null, '思政课建设质量提升', 'project', 'JWC', ['XCB'], '03-01', '12-31', 2, P, 76, ['P2.3', 'B1.1'], 10],
  ['T18.1', 'T18', '思政课教师集体备课', 'study', 'JWC', [], '03-01', '12-31', 1, P, 80, ['P2.1', 'B1.1'], 12],
  ['T18.2', 'T18', '“大思政课”实践教学基地建设', 'project', 'JWC', ['XGC'], '05-01', '12-15', 1, P, 68, ['P2.3', 'B1.1'], 18],
  ['T19', null, '主题教育宣传思想工作', 'activity', 'XCB', [], '03-01', '12-31', 1, P, 82, ['P2.3', 'B4.1'], 3],
  ['T19.1', 'T19', '主题教育成效宣传报道', 'activity', 'XCB', ['DZB'], '03-01', '12-31', 1, P, 85, ['P2.3', 'B4.1'], 2],
  ['T19.2', 'T19', '校园网络文化节', 'activity', 'XCB', ['JYZX'], '04-01', '10-31', 1, C, 30, ['P2.3'], null],
  ['T19.3', 'T19', '“三同”典型案例征集汇编', 'activity', 'XCB', [], '10-01', '12-05', 1, P, 50, ['P2.3', 'B4.1'], 5],
  ['T20', null, '“每周一调度”月度督办汇总', 'other', 'DZB', [], '09-01', '12-31', 1, P, 70, ['P4.2', 'B4.1'], 2],
  ['T21', null, '教工之家建设与工会关爱活动', 'activity', 'ZZB', ['HQC'], '11-16', '12-30', 1, N, 0, ['P3.3', 'B3.3'], null],
  ['T22', null, '“书香校园”阅读推广', 'activity', 'TSG', ['XCB'], '04-23', '11-30', 1, P, 78, ['P2.2', 'B1.1'], 16],
];

/** Issued but not yet signed for: two overdue (issued on 11-20), one fresh (11-27). */
const unsigned: Record<string, string> = { 'T13.3': '2026-11-20', T21: '2026-11-20', 'T16.3': '2026-11-27' };

// The leader in charge of (分管) or linked to (联系) each unit, by index in refs.leaders.
const leaderOf: Record<string, number> = {
  DZB: 0, ZZB: 0, XCB: 0, DW: 0, CWC: 1, XGC: 2, JWC: 3, KYC: 3, HQC: 4, JYZX: 4, TSG: 5,
  JD: 3, XX: 1, JG: 2, YS: 4,
};
const leaderIndex = (unit: string) => leaderOf[unit] ?? leaderOf[unit.split('-')[0]] ?? 0;

async function userIds(refs: DemoRefs): Promise<Map<string, string>> {
  const res = await refs.tx.execute(sql`select id, username from users where tenant_id = ${refs.tenantId}`);
  return new Map(rowsOf<{ id: string; username: string }>(res).map((u) => [u.username, u.id]));
}

async function insertSeeds(refs: DemoRefs, users: Map<string, string>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const goal = (code: string) => refs.goals?.get(code);
  for (const [i, s] of seeds.entries()) {
    const [key, parent, title, category, owner, co, start, due, weight, status, progress, goals, reported, leader] = s;
    const issuedOn = unsigned[key] ?? '2026-03-08';
    const ownerIsJd = owner.startsWith('JD-');
    const rec = await repo.insertTask(refs.tx, {
      tenantId: refs.tenantId, campaignId: refs.campaignId!, parentId: parent ? ids.get(parent)! : null, title, category,
      description: `${title}：按照学校“三同”工作实施方案要求，明确责任分工和时间节点，定期报送进展，确保取得实效。`,
      ownerUnitId: refs.units.get(owner)!, responsiblePersonId: refs.leaders[leader ?? leaderIndex(owner)],
      startDate: `2026-${start}`, dueDate: `2026-${due}`, weight, status, progress,
      issuedAt: at(issuedOn), signedAt: unsigned[key] ? null : at('2026-03-09', 15), signedBy: unsigned[key] || !ownerIsJd ? null : users.get('liaison') ?? null,
      lastReportAt: reported === null ? null : daysAgo(reported), completedAt: status === D ? at(`2026-${due}`, 17) : null,
      recurrence: key === 'T20' ? 'monthly' : 'none', sortOrder: (i + 1) * 10, searchGrams: grams(title), createdBy: refs.officeUserId,
    });
    ids.set(key, rec.id);
    await repo.setCoUnits(refs.tx, refs.tenantId, rec.id, co.map((c) => refs.units.get(c)!));
    await repo.setGoals(refs.tx, refs.tenantId, rec.id, goals.map(goal).filter((g): g is string => !!g));
  }
  return ids;
}

/** The monthly dispatch summary: September and October done, November under way, December planned. */
async function seedRecurring(refs: DemoRefs, templateId: string) {
  const template = (await repo.getTaskRecord(refs.tx, refs.tenantId, templateId))!;
  await generateInstances(refs.tx, systemActor(refs.tenantId), template, '2026-12-31');
  const state: Record<string, [string, number, number | null]> = { '2026-09': [D, 100, 60], '2026-10': [D, 100, 30], '2026-11': [P, 70, 2], '2026-12': [N, 0, null] };
  for (const [key, [status, progress, reported]] of Object.entries(state)) {
    await refs.tx.execute(sql`update tasks set status = ${status}, progress = ${progress},
      last_report_at = ${reported === null ? null : daysAgo(reported).toISOString()}::timestamptz,
      completed_at = case when ${status} = 'done' then due_date::timestamptz + interval '17 hours' else null end
      where tenant_id = ${refs.tenantId} and recurrence_of = ${templateId} and recurrence_key = ${key}`);
  }
}

async function seedFlow(refs: DemoRefs, ids: Map<string, string>, users: Map<string, string>) {
  const office = users.get('office') ?? refs.officeUserId;
  const leader = users.get('leader')!;
  const liaison = users.get('liaison') ?? office;
  const t = (k: string) => ids.get(k)!;
  const ext = (task: string, by: string, from: string, to: string, reason: string, status: string, note: string | null, on: string) =>
    flow.insertExtension(refs.tx, {
      tenantId: refs.tenantId, taskId: t(task), requestedBy: by, oldDueDate: from, newDueDate: to, reason, status,
      decidedBy: status === 'pending' ? null : office, decidedAt: status === 'pending' ? null : at(on, 16), decisionNote: note, createdAt: at(on, 10),
    });
  await ext('T8.2', office, '2026-10-31', '2026-12-10', '空调设备厂家供货延迟，安装需错开学生在校时段', 'approved', '同意延期，请每周报送安装进度', '2026-10-20');
  await ext('T3.3', office, '2026-11-30', '2026-12-20', '部分整改事项涉及预算调整，需待财务处审核', 'approved', '同意，整改销号情况纳入每周一调度', '2026-11-10');
  await ext('T15.2', office, '2026-12-20', '2026-12-31', '培训班学员集中返乡时间推迟', 'rejected', '培训可分批开展，请按原计划推进', '2026-11-18');
  await ext('T6.4', office, '2026-11-25', '2026-12-20', '“1+X”考核站点评估时间由省里统一调整', 'pending', null, '2026-11-26');
  await ext('T13.1', liaison, '2026-11-30', '2026-12-15', '大师工作室设备采购需走公开招标程序', 'approved', '同意延期至12月15日', '2026-11-05');
  const say = async (task: string, userId: string, name: string, body: string, on: string) =>
    flow.insertComment(refs.tx, { tenantId: refs.tenantId, taskId: t(task), authorId: userId, authorName: name, body, createdAt: at(on, 11) });
  const leaderName = refs.keyed.get('leader')!.name;
  const officeName = refs.keyed.get('office')!.name;
  await say('T6.4', leader, leaderName, '请教务处对照考核站点新要求倒排工期，确保12月中旬前完成扩面任务。', '2026-11-26');
  await say('T13.2', leader, leaderName, '先锋岗要和专业实训结合起来，避免挂牌了事。', '2026-11-12');
  await say('T3.3', office, officeName, '整改清单已纳入每周一调度，请按周报送销号情况。', '2026-11-11');
  await say('T6', leader, leaderName, '双高中期绩效评价在即，各项指标要逐项对账。', '2026-11-20');
  for (const k of ['T6', 'T6.4', 'T13', 'T3.3']) await flow.follow(refs.tx, refs.tenantId, t(k), leader);
}

/** ≥ 60 tasks of the campaign with goals on both tracks (fusion about two thirds), the assignment flow and a monthly task. */
export async function seedTasks(refs: DemoRefs) {
  if (!refs.campaignId) return;
  const users = await userIds(refs);
  const ids = await insertSeeds(refs, users);
  await seedRecurring(refs, ids.get('T20')!);
  await seedFlow(refs, ids, users);
  refs.taskIds = [...ids.values()];
}
