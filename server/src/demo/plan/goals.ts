import { insertGoal } from '../../modules/goals/goals.repo.js';
import type { DemoRefs } from './refs.js';

type GoalSeed = [code: string, name: string, description: string, children: [string, string][]];

// S4 "四融": the business goals the study plans are fused with, and the party-building goals.
const business: GoalSeed[] = [
  ['B1', '立德树人·三全育人', '把立德树人成效作为检验学校一切工作的根本标准', [
    ['B1.1', '思政课程与课程思政协同育人'],
    ['B1.2', '“三全育人”综合改革'],
    ['B1.3', '学生资助与心理健康教育'],
  ]],
  ['B2', '“双高计划”建设', '高水平高职学校和高水平专业群建设任务', [
    ['B2.1', '高水平专业群建设'],
    ['B2.2', '产教融合与校企合作'],
    ['B2.3', '“双师型”教师队伍建设'],
  ]],
  ['B3', '民生福祉·急难愁盼', '解决师生急难愁盼问题，增进师生获得感', [
    ['B3.1', '食堂宿舍等生活条件改善'],
    ['B3.2', '毕业生高质量就业'],
    ['B3.3', '教职工关心关爱'],
  ]],
  ['B4', '高质量发展', '以治理能力现代化支撑学校高质量发展', [
    ['B4.1', '数字校园与治理能力现代化'],
    ['B4.2', '科研与社会服务能力提升'],
    ['B4.3', '国际交流与合作'],
  ]],
];

const party: GoalSeed[] = [
  ['P1', '政治建设', '坚持和加强党的全面领导', [
    ['P1.1', '落实“第一议题”制度'],
    ['P1.2', '坚持党委领导下的校长负责制'],
  ]],
  ['P2', '思想建设·理论学习', '以学铸魂、以学增智、以学正风、以学促干', [
    ['P2.1', '党委理论学习中心组学习'],
    ['P2.2', '专题读书班'],
    ['P2.3', '党课与理论宣讲'],
  ]],
  ['P3', '组织建设', '建强基层党组织，发挥战斗堡垒作用', [
    ['P3.1', '“双带头人”教师党支部书记培育'],
    ['P3.2', '基层党组织标准化规范化建设'],
    ['P3.3', '党员发展与教育管理'],
  ]],
  ['P4', '作风建设', '大兴调查研究，以钉钉子精神抓落实', [
    ['P4.1', '大兴调查研究'],
    ['P4.2', '“每周一调度”督办落实'],
  ]],
  ['P5', '纪律建设', '把纪律和规矩挺在前面', [
    ['P5.1', '廉政风险防控'],
    ['P5.2', '警示教育'],
  ]],
  ['P6', '制度建设', '以制度“立改废”固化主题教育成果', [
    ['P6.1', '制度“立改废释”'],
    ['P6.2', '党建工作激励机制'],
  ]],
];

/** Both goal trees; refs.goals maps each stable code (B1, B1.1, P2 …) to its id. */
export async function seedGoals(refs: DemoRefs) {
  const goals = new Map<string, string>();
  for (const [track, seeds] of [['business', business], ['party', party]] as const) {
    for (const [i, [code, name, description, children]] of seeds.entries()) {
      const { id } = await insertGoal(refs.tx, { tenantId: refs.tenantId, track, code, name, description, sortOrder: (i + 1) * 10 });
      goals.set(code, id);
      for (const [j, [childCode, childName]] of children.entries()) {
        const child = await insertGoal(refs.tx, { tenantId: refs.tenantId, track, parentId: id, code: childCode, name: childName, sortOrder: (j + 1) * 10 });
        goals.set(childCode, child.id);
      }
    }
  }
  refs.goals = goals;
}
