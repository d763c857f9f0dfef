import { sql } from 'drizzle-orm';
import { innovationProjects, innovationProjectSteps, outcomes } from '../../db/schema/index.js';
import { rowsOf, uuidArray } from '../../access/scope.js';
import type { DemoRefs } from './refs.js';

type Stage = 'applied' | 'approved' | 'rejected' | 'cultivating' | 'midterm_checked' | 'accepted';
type ProjectSeed = [kind: string, title: string, unit: string, level: string, stage: Stage, appliedOn: string, grade?: string];

/** S9: 党建"双创" projects of the demo college at every stage of the cycle. */
const projects: ProjectSeed[] = [
  ['benchmark_college', '机电工程学院“党建+产教融合”标杆院系培育创建', 'JD-ZZ', 'national', 'accepted', '2026-03-06', 'excellent'],
  ['benchmark_college', '信息工程学院“数智党建”标杆院系培育创建', 'XX-ZZ', 'provincial', 'midterm_checked', '2026-03-13'],
  ['benchmark_college', '经济管理学院“红色金融”标杆院系培育创建', 'JG-ZZ', 'school', 'cultivating', '2026-04-10'],
  ['benchmark_college', '艺术设计学院“以美育人”标杆院系培育创建', 'YS-ZZ', 'provincial', 'approved', '2026-09-18'],
  ['model_branch', '机电学院教工党支部“工匠引领”样板支部创建', 'JD-JG', 'national', 'accepted', '2026-03-06', 'excellent'],
  ['model_branch', '信息学院教工党支部“码上先锋”样板支部创建', 'XX-JG', 'provincial', 'accepted', '2026-03-20', 'pass'],
  ['model_branch', '经管学院学生党支部“青春助农”样板支部创建', 'JG-XS', 'school', 'midterm_checked', '2026-04-03'],
  ['model_branch', '艺术学院学生党支部“红色文创”样板支部创建', 'YS-XS', 'school', 'cultivating', '2026-05-08'],
  ['model_branch', '教务处党支部“教学服务先锋”样板支部创建', 'JWC-ZB', 'school', 'applied', '2026-10-23'],
  ['model_branch', '学生工作处党支部“三全育人”样板支部创建', 'XGC-ZB', 'provincial', 'cultivating', '2026-04-17'],
  ['model_branch', '后勤管理处党支部“暖心后勤”样板支部创建', 'HQC-ZB', 'school', 'rejected', '2026-05-15'],
  ['model_branch', '科研与产教融合处党支部“科研攻坚”样板支部创建', 'KYC-ZB', 'school', 'accepted', '2026-03-27', 'fail'],
  ['dual_leader_studio', '机电学院“智能制造”“双带头人”教师党支部书记工作室', 'JD-JG', 'provincial', 'accepted', '2026-03-13', 'excellent'],
  ['dual_leader_studio', '信息学院“数字工匠”“双带头人”教师党支部书记工作室', 'XX-JG', 'provincial', 'midterm_checked', '2026-03-27'],
  ['dual_leader_studio', '经管学院“跨境电商”“双带头人”教师党支部书记工作室', 'JG-JG', 'school', 'cultivating', '2026-04-24'],
  ['dual_leader_studio', '艺术学院“非遗传承”“双带头人”教师党支部书记工作室', 'YS-JG', 'provincial', 'midterm_checked', '2026-04-03'],
  ['dual_leader_studio', '机电学院“新能源汽车技术”“双带头人”工作室', 'JD-XY', 'school', 'approved', '2026-09-25'],
  ['dual_leader_studio', '信息学院“人工智能+思政”“双带头人”工作室', 'XX-XY', 'school', 'applied', '2026-11-06'],
  ['other', '“一院一品”党建品牌培育项目', 'XCB-ZB', 'school', 'approved', '2026-09-11'],
  ['other', '“党建+乡村振兴”志愿服务创新项目', 'JG-XY', 'school', 'applied', '2026-11-13'],
];

const comments: Record<string, string[]> = {
  apply: ['申报书已经党总支（支部）会议研究同意', '按学校党委组织部通知要求提交申报材料', '附创建方案、工作基础和预期成果'],
  approve: ['专家组评审通过，同意立项。建议进一步凝练特色、明确年度目标', '创建方案目标明确、措施具体，同意立项培育', '工作基础扎实，同意立项；建议加强与专业建设的融合'],
  reject: ['申报材料中创新点不够突出，与已有项目同质化较明显，建议凝练特色后下一年度重新申报'],
  cultivate: ['已下达培育经费，指定组织人事部联系人跟踪指导', '进入培育期，每季度报送一次工作进展', '召开培育启动会，明确任务清单和时间节点'],
  midterm_check: ['中期检查合格。台账资料较完整，建议加强成果提炼和宣传', '中期检查良好，党建与业务融合成效初显，建议形成可推广的工作案例', '中期检查合格，部分指标进度偏慢，需在验收前补齐'],
  accept: ['验收组一致认为项目示范引领作用明显，形成了可复制可推广的经验', '完成创建任务，成效较好，建议继续深化', '未完成申报书约定的主要指标，成果支撑不足，验收不通过'],
};

const offsets: [step: string, days: number][] = [['approve', 21], ['cultivate', 35], ['midterm_check', 120], ['accept', 200]];
const stepsTo: Record<Stage, number> = { applied: 0, approved: 1, rejected: 0, cultivating: 2, midterm_checked: 3, accepted: 4 };
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

/** The person who leads a project of a unit: a 双带头人 secretary for branches, the secretary or dean otherwise. */
function leaderOf(refs: DemoRefs, unit: string): string {
  const [family, part] = unit.split('-');
  const staff = refs.staffByUnit.get(part === 'ZB' ? family : `${family}-XY`) ?? [];
  const at = part === 'JG' ? 5 : part === 'XS' ? 6 : part === 'ZZ' ? 1 : part === 'ZB' ? 1 : 0;
  return staff[at] ?? staff[0];
}

function stepRows(refs: DemoRefs, projectId: string, p: ProjectSeed, i: number): (typeof innovationProjectSteps.$inferInsert)[] {
  const [, , , , stage, appliedOn, grade] = p;
  const actorName = refs.keyed.get('office')?.name ?? '党委组织部';
  const pick = (step: string) => comments[step][i % comments[step].length];
  const rows: (typeof innovationProjectSteps.$inferInsert)[] = [
    { tenantId: refs.tenantId, projectId, step: 'apply', at: appliedOn, actorName: '申报单位', expertComment: pick('apply') },
  ];
  if (stage === 'rejected') rows.push({ tenantId: refs.tenantId, projectId, step: 'reject', at: addDays(appliedOn, 21), actorName, expertComment: pick('reject') });
  for (const [step, days] of offsets.slice(0, stepsTo[stage])) {
    const comment = step === 'accept' ? comments.accept[grade === 'excellent' ? 0 : grade === 'pass' ? 1 : 2] : pick(step);
    rows.push({ tenantId: refs.tenantId, projectId, step, at: addDays(appliedOn, days), actorName, expertComment: comment, grade: step === 'accept' ? grade : null });
  }
  return rows;
}

/** Links the demo's innovation-case outcomes of the same college or department to projects that are under way. */
async function linkOutcomes(refs: DemoRefs, ids: string[]) {
  const codeOf = new Map([...refs.units].map(([code, id]) => [id, code]));
  const cases = rowsOf<{ id: string; unit_id: string }>(
    await refs.tx.execute(sql`select id, unit_id from outcomes where tenant_id = ${refs.tenantId} and kind = 'innovation_case' order by published_on, id`),
  );
  const pool = new Map<string, string[]>();
  for (const c of cases) {
    const family = codeOf.get(c.unit_id)!.split('-')[0];
    pool.set(family, [...(pool.get(family) ?? []), c.id]);
  }
  for (const [i, p] of projects.entries()) {
    const n = { accepted: 3, midterm_checked: 2, cultivating: 1 }[p[4] as string] ?? 0;
    const mine = (pool.get(p[2].split('-')[0]) ?? []).splice(0, n);
    if (mine.length) await refs.tx.update(outcomes).set({ projectId: ids[i] }).where(sql`tenant_id = ${refs.tenantId} and id = any(${uuidArray(mine)})`);
  }
}

/** S9: twenty projects across kinds, levels and stages, with their step timelines and linked innovation cases. */
export async function seedInnovation(refs: DemoRefs) {
  const { tx, tenantId } = refs;
  const inserted = await tx
    .insert(innovationProjects)
    .values(projects.map(([kind, title, unit, level, stage, , grade]) => ({
      tenantId, kind, title, unitId: refs.units.get(unit)!, leaderPersonId: leaderOf(refs, unit), level, stage, grade: grade ?? null,
      summary: `围绕${title.replace(/^.*?“(.+?)”.*$/, '$1')}特色，明确创建目标、重点任务和保障措施，推动党建工作与事业发展同部署、同落实、同考核。`,
    })))
    .returning({ id: innovationProjects.id });
  const ids = inserted.map((r) => r.id);
  await tx.insert(innovationProjectSteps).values(projects.flatMap((p, i) => stepRows(refs, ids[i], p, i)));
  await linkOutcomes(refs, ids);
}
