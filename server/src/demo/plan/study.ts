import * as repo from '../../modules/study/study.repo.js';
import type { DemoRefs } from './refs.js';

type SessionSeed = {
  kind: 'central_group' | 'reading_class' | 'seminar' | 'branch_study';
  title: string;
  on: string;
  host: string;
  location: string;
  summary: string;
  goals: string[];
  /** who was on the list */
  people: (refs: DemoRefs) => string[];
};

const heads = (refs: DemoRefs, codes: string[], n = 1) => codes.flatMap((c) => (refs.staffByUnit.get(c) ?? []).slice(0, n));
const colleges = ['JD-XY', 'XX-XY', 'JG-XY', 'YS-XY'];
const departments = ['DZB', 'ZZB', 'XCB', 'JWC', 'XGC', 'KYC', 'CWC', 'HQC', 'JYZX', 'TSG'];
// The party committee's theory study group: the school leaders and the heads of the three party departments.
const centralGroup = (refs: DemoRefs) => [...refs.leaders, ...heads(refs, ['DZB', 'ZZB', 'XCB'])];

const central = (on: string, title: string, summary: string, goals: string[]): SessionSeed => ({
  kind: 'central_group', title, on, host: 'DW', location: '行政楼第一会议室', summary, goals: ['P2.1', ...goals], people: centralGroup,
});

// S4 "四融": every central-group topic is paired with a business goal.
const sessions: SessionSeed[] = [
  central('2026-03-18', '专题学习：以学铸魂，把立德树人成效作为检验学校一切工作的根本标准', '围绕立德树人根本任务开展研讨，党委书记作主题发言，明确“三全育人”综合改革年度重点。', ['B1', 'B1.2']),
  central('2026-04-15', '专题学习：以学增智，高标准推进“双高计划”建设', '研讨高水平专业群建设中期目标，提出以党建“双创”带动专业群建设的具体举措。', ['B2', 'B2.1']),
  central('2026-05-20', '专题学习：大兴调查研究，在解决实际问题中检验学习成效', '学习调查研究工作方案，10个调研课题牵头校领导交流调研进展。', ['P4.1', 'B4']),
  central('2026-06-17', '专题学习：以学正风，着力解决师生急难愁盼问题', '聚焦食堂、宿舍、就业等民生事项，逐项明确责任领导和完成时限。', ['B3', 'B3.1']),
  central('2026-07-15', '专题学习：深化产教融合，服务区域产业发展', '邀请合作企业负责人列席，研讨产业学院建设和校企协同育人机制。', ['B2.2']),
  central('2026-09-16', '专题学习：以学促干，推动学校高质量发展', '总结上半年“三同”工作成效，部署下半年重点任务和年终考核准备。', ['B4', 'B4.1']),
  central('2026-10-21', '专题学习：加强新时代高校教师队伍建设', '研讨“双师型”教师认定与培养机制，部署“双带头人”教师党支部书记培育工作。', ['P3.1', 'B2.3']),
  central('2026-11-18', '专题学习：全面从严治党与廉政风险防控', '纪委书记通报典型案例，研讨重点领域廉政风险防控措施。', ['P5.1', 'B4']),
  {
    kind: 'reading_class', title: '2026年处级干部专题读书班', on: '2026-04-20', host: 'ZZB', location: '图书信息中心报告厅',
    summary: '为期5天，采取专家辅导、个人自学、分组研讨、现场教学相结合方式，全体处级干部参加，结业时每人提交1篇学习体会。',
    goals: ['P2.2', 'B4'], people: (refs) => [...refs.leaders.slice(1), ...heads(refs, departments, 2), ...heads(refs, colleges, 4)],
  },
  {
    kind: 'reading_class', title: '二级党组织书记读书班', on: '2026-08-24', host: 'ZZB', location: '党校培训室',
    summary: '围绕基层党组织标准化规范化建设开展专题学习，交流“双带头人”工作室建设经验。',
    goals: ['P2.2', 'P3.2', 'B2.3'], people: (refs) => [...heads(refs, colleges, 2).filter((_, i) => i % 2 === 1), ...heads(refs, departments, 2).filter((_, i) => i % 2 === 1)],
  },
  {
    kind: 'seminar', title: '产教融合专题研讨会', on: '2026-06-05', host: 'KYC', location: '科研楼302会议室',
    summary: '科研与产教融合处牵头，各学院分管副院长参加，研讨产业学院运行机制和校企合作项目管理办法。',
    goals: ['P4.1', 'B2.2'], people: (refs) => [refs.leaders[3], ...heads(refs, ['KYC'], 3), ...colleges.map((c) => refs.staffByUnit.get(c)![2])],
  },
  {
    kind: 'seminar', title: '“三全育人”综合改革专题研讨', on: '2026-09-25', host: 'XGC', location: '学生活动中心会议室',
    summary: '交流各学院辅导员队伍建设和课程思政示范课建设经验，形成“三全育人”工作清单。',
    goals: ['P2.1', 'B1.1', 'B1.2'], people: (refs) => [refs.leaders[2], ...heads(refs, ['XGC'], 3), ...colleges.map((c) => refs.staffByUnit.get(c)![3])],
  },
  {
    kind: 'branch_study', title: '机电学院教工党支部：学习贯彻全会精神主题党日', on: '2026-05-12', host: 'JD-JG', location: '机电实训楼党员活动室',
    summary: '支部书记领学，结合专业群建设开展讨论，党员认领“我为师生办实事”项目5项。',
    goals: ['P3.2', 'B2.1'], people: (refs) => refs.staffByUnit.get('JD-XY')!.slice(5, 20),
  },
  {
    kind: 'branch_study', title: '信息学院学生党支部：青年党员“学思践悟”交流会', on: '2026-10-14', host: 'XX-XS', location: '信息楼201',
    summary: '学生党员分享学习体会和志愿服务经历，研讨在专业学习中发挥先锋模范作用。',
    goals: ['P3.3', 'B1.1'], people: (refs) => refs.staffByUnit.get('XX-XY')!.slice(6, 18),
  },
  {
    kind: 'branch_study', title: '教务处党支部：“立足岗位作贡献”专题学习', on: '2026-07-08', host: 'JWC-ZB', location: '行政楼405',
    summary: '围绕教学质量提升开展学习研讨，梳理教学管理服务流程中的堵点问题6个。',
    goals: ['P3.2', 'B1'], people: (refs) => refs.staffByUnit.get('JWC')!,
  },
];

/** S4: central-group sessions paired with business goals, two reading classes, seminars and branch study. */
export async function seedStudy(refs: DemoRefs) {
  const { tx, tenantId } = refs;
  for (const s of sessions) {
    const { id } = await repo.insertSession(tx, {
      tenantId, campaignId: refs.campaignId ?? null, kind: s.kind, title: s.title, heldOn: s.on,
      hostUnitId: refs.units.get(s.host)!, location: s.location, summary: s.summary,
    });
    const people = [...new Set(s.people(refs))];
    // Most come; about one in twelve is excused (travel, teaching).
    await repo.replaceAttendees(tx, tenantId, id, people.map((personId) => ({ personId, attended: refs.next() > 0.08 })));
    const goalIds = s.goals.map((g) => refs.goals?.get(g)).filter((g): g is string => !!g);
    await repo.replaceGoals(tx, tenantId, id, [...new Set(goalIds)]);
  }
}
