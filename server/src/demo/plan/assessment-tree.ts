import type { AdjustmentItem, DataFormulaInput, IndicatorTrack } from '@santong/contract';

/**
 * The demo indicator system (三级指标): party building, business and featured
 * work in one tree, each leaf 10 points, some scored from data the product holds.
 */
export interface SeedIndicator {
  name: string;
  weight: number;
  points?: string;
  formula?: DataFormulaInput;
  children?: SeedIndicator[];
}

export const demoTree: { track: IndicatorTrack; node: SeedIndicator }[] = [
  {
    track: 'party',
    node: {
      name: '党的建设', weight: 40, children: [
        { name: '政治建设', weight: 30, children: [
          { name: '理论学习中心组学习', weight: 40, points: '年度学习计划制定与执行；专题研讨不少于6次；学习记录完整规范' },
          { name: '意识形态工作责任制', weight: 30, points: '定期分析研判意识形态形势；课堂、讲座、网络阵地管理到位；无意识形态事件' },
          { name: '“第一议题”制度落实', weight: 30, points: '党政联席会议、党总支（支部）委员会“第一议题”学习记录；学习后有贯彻落实举措' },
        ] },
        { name: '组织建设', weight: 40, children: [
          { name: '支部标准化规范化建设', weight: 35, points: '支部设置合理、换届按期；“三会一课”、主题党日规范开展；党建工作手册记录完整' },
          { name: '“双带头人”教师党支部书记培育', weight: 25, points: '“双带头人”配备比例；书记工作室建设；支部书记年度述职评议' },
          { name: '党员发展与教育管理', weight: 20, points: '发展党员程序规范；党员教育培训学时达标；党费收缴使用规范' },
          { name: '“三会一课”记录报送及时率', weight: 20, formula: { kind: 'ratio', metric: 'report_timeliness' }, points: '按月报送进展，逾期一次按比例扣减（系统数据自动计算）' },
        ] },
        { name: '作风与廉政建设', weight: 30, children: [
          { name: '全面从严治党主体责任落实', weight: 50, points: '“一岗双责”落实；党风廉政建设责任书签订；廉政谈话开展情况' },
          { name: '廉政风险防控', weight: 30, points: '重点领域廉政风险点排查；制度建设与执行；无违纪违法案件' },
          { name: '督查检查合格率', weight: 20, formula: { kind: 'ratio', metric: 'supervision_pass_rate' }, points: '月度督查中“合格”占比（系统数据自动计算）' },
        ] },
      ],
    },
  },
  {
    track: 'business',
    node: {
      name: '事业发展', weight: 45, children: [
        { name: '重点任务落实', weight: 40, children: [
          { name: '年度重点任务完成率', weight: 50, formula: { kind: 'ratio', metric: 'task_completion_rate' }, points: '承担的“三同”重点任务完成比例（系统数据自动计算）' },
          { name: '任务按期完成率', weight: 30, formula: { kind: 'ratio', metric: 'on_time_rate' }, points: '在计划完成时间内完成的任务比例（系统数据自动计算）' },
          { name: '重点工作推进成效', weight: 20, points: '学校年度重点工作推进质量；标志性成果；师生获得感' },
        ] },
        { name: '人才培养与服务质量', weight: 30, children: [
          { name: '人才培养与育人质量', weight: 40, points: '“三全育人”落实；学生技能竞赛、就业质量；职能部门服务育人成效' },
          { name: '教育教学与管理改革', weight: 30, points: '专业建设、课程思政、教学改革项目；管理服务流程优化' },
          { name: '师生满意度', weight: 30, points: '师生满意度测评结果；投诉办理及时有效' },
        ] },
        { name: '科研与社会服务', weight: 30, children: [
          { name: '调研课题结题', weight: 30, formula: { kind: 'count', metric: 'research_topics_closed', cap: 3 }, points: '年度调研课题结题数，3项得满分（系统数据自动计算）' },
          { name: '成果产出', weight: 40, formula: { kind: 'count', metric: 'outcome_count', cap: 6 }, points: '登记的理论文章、研究报告、典型案例、媒体报道等成果数，6项得满分（系统数据自动计算）' },
          { name: '社会服务与产教融合', weight: 30, points: '校企合作项目、技术服务到账、社会培训规模；服务地方发展成效' },
        ] },
      ],
    },
  },
  {
    track: 'featured',
    node: {
      name: '特色工作', weight: 15, children: [
        { name: '党建与业务融合', weight: 60, children: [
          { name: '“一院一品”党建品牌', weight: 50, points: '品牌项目培育与成效；党建与业务同部署、同落实、同考核的具体做法' },
          { name: '理论宣讲', weight: 20, formula: { kind: 'count', metric: 'lectures_given', cap: 8 }, points: '年度开展理论宣讲场次，8场得满分（系统数据自动计算）' },
          { name: '典型经验推广', weight: 30, points: '工作经验被上级刊发、推广；在校内外会议交流发言' },
        ] },
        { name: '创新创优', weight: 40, children: [
          { name: '工作创新', weight: 60, points: '体制机制创新；数字化赋能党建与业务；可复制可推广的新做法' },
          { name: '获奖与表彰', weight: 40, points: '集体和个人获得的各级表彰奖励' },
        ] },
      ],
    },
  },
];

export const demoAdjustmentItems: AdjustmentItem[] = [
  { code: 'provincial_award', kind: 'bonus', name: '获省级及以上表彰奖励', cap: 3 },
  { code: 'experience_promoted', kind: 'bonus', name: '工作经验被上级推广', cap: 2 },
  { code: 'supervision_notice', kind: 'penalty', name: '被通报批评或督查问题逾期未整改', cap: 3 },
  { code: 'discipline_accountability', kind: 'penalty', name: '违反廉洁纪律被问责', cap: 5 },
  { code: 'major_incident', kind: 'veto', name: '发生重大安全责任事故或严重违纪违法案件', cap: 0 },
];

export const headReport = (name: string, year: number) =>
  `${year}年，${name}坚持以习近平新时代中国特色社会主义思想为指导，落实学校党委“三同”工作部署，把年度重点任务分解到科室和个人，实行清单化管理、项目化推进。` +
  `全年承担学校重点任务并按月报送进展，围绕立德树人根本任务和产教融合主线，推进专业（业务）建设、服务质量提升和管理改革。` +
  `存在的不足：个别任务推进进度不均衡，标志性成果还不够多。下一步将对标年度考核指标，补短板、强弱项，推动各项工作提质增效。`;

export const secretaryReport = (name: string, year: number) =>
  `${year}年，${name}党组织认真履行全面从严治党主体责任，坚持“第一议题”制度，组织理论学习中心组专题学习和研讨，` +
  `扎实开展支部标准化规范化建设，“三会一课”、主题党日按计划开展，推进“双带头人”教师党支部书记培育，以党建品牌引领业务发展。` +
  `查摆问题：党建与业务融合的抓手还不够实，部分党员先锋模范作用发挥不充分。下一步将深化“三同”机制，以高质量党建推动事业高质量发展。`;

export const selfEvidence = [
  '详见年度工作总结及佐证材料目录',
  '会议记录、学习台账已归档',
  '相关制度文件及执行记录见附件',
  '年度统计报表、获奖证书复印件',
  '工作简报及媒体报道截图',
];
