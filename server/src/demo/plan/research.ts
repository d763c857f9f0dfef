import { and, eq } from 'drizzle-orm';
import { tasks } from '../../db/schema/index.js';
import { grams } from '../../platform/search/grams.js';
import * as repo from '../../modules/research/research.repo.js';
import { insertRectificationTask } from '../../modules/research/rectify.repo.js';
import { rectificationTitle } from '../../modules/research/research.rules.js';
import type { DemoRefs } from './refs.js';

type Fix = { due: string; status: 'planned' | 'in_progress' | 'done'; progress: number; reported?: string };
type ProblemSeed = [description: string, unit: string, fix?: Fix];
type TopicSeed = {
  title: string;
  area: string;
  leader: number;
  units: string[];
  status: 'proposed' | 'approved' | 'in_progress' | 'reported' | 'closed';
  findings?: string;
  problems: ProblemSeed[];
  /** when the problems became tasks */
  rectifiedOn?: string;
};

const done = (due: string): Fix => ({ due, status: 'done', progress: 100, reported: due });
const doing = (due: string, progress: number, reported: string): Fix => ({ due, status: 'in_progress', progress, reported });

// S5: ten topics chosen from the problems the school faces, at every stage.
const topics: TopicSeed[] = [
  {
    title: '以“红色引擎”打造职教特色党建品牌的调研', area: '党建品牌建设', leader: 0, units: ['XCB', 'ZZB'], status: 'closed', rectifiedOn: '2026-06-12',
    findings: '各二级党组织品牌创建积极性高，但存在“一院一品”同质化、品牌内涵与专业特色结合不紧、宣传载体单一等问题。',
    problems: [
      ['二级党组织党建品牌同质化，未体现专业群特色', 'ZZB', done('2026-09-30')],
      ['党建品牌宣传载体单一，新媒体传播力不足', 'XCB', done('2026-08-31')],
      ['品牌创建缺少评价标准和动态管理机制', 'ZZB', doing('2026-12-20', 80, '2026-11-20')],
    ],
  },
  {
    title: '凝练办学特色、提升学校核心竞争力的调研', area: '特色发展', leader: 1, units: ['DZB', 'JWC'], status: 'reported', rectifiedOn: '2026-07-02',
    findings: '学校在智能制造、数字经济领域已形成一定优势，但特色凝练不够、对外表达不统一，专业布局与区域产业匹配度有待提高。',
    problems: [
      ['办学特色表述不统一，对外宣传口径不一致', 'DZB', done('2026-09-15')],
      ['部分专业与区域主导产业匹配度不高', 'JWC', doing('2026-12-31', 55, '2026-11-16')],
    ],
  },
  {
    title: '深化产教融合、推进产业学院实体化运行的调研', area: '产教融合', leader: 3, units: ['KYC', 'JD-XY'], status: 'reported', rectifiedOn: '2026-06-20',
    findings: '已建成产业学院4个，但企业参与人才培养深度不够，校企共建实训基地利用率偏低，合作项目管理制度不健全。',
    problems: [
      ['校企合作项目缺少全过程管理制度', 'KYC', done('2026-09-30')],
      ['共建实训基地利用率不足60%', 'JD-XY', doing('2026-12-15', 45, '2026-10-30')],
      ['企业兼职教师授课课时占比偏低', 'JD-XY', doing('2026-12-10', 60, '2026-11-24')],
    ],
  },
  {
    title: '构建“三全育人”工作格局的调研', area: '三全育人', leader: 2, units: ['XGC', 'JG-XY'], status: 'reported', rectifiedOn: '2026-06-28',
    findings: '课程思政覆盖面逐步扩大，但专业课教师育人意识和能力参差不齐，辅导员队伍结构性缺编，家校协同机制不完善。',
    problems: [
      ['辅导员师生比未达到1:200要求', 'XGC', doing('2026-12-31', 70, '2026-11-18')],
      ['课程思政示范课程建设进度不均衡', 'JG-XY', done('2026-10-31')],
    ],
  },
  {
    title: '拓展国际合作交流渠道、提升职教国际影响力的调研', area: '国际合作交流', leader: 5, units: ['KYC', 'XX-XY'], status: 'approved',
    problems: [],
  },
  {
    title: '以数字化转型推进智慧校园建设的调研', area: '数字化校园', leader: 4, units: ['JYZX', 'TSG'], status: 'in_progress',
    findings: '初步发现业务系统“数据孤岛”现象突出，统一身份认证覆盖不全。',
    problems: [
      ['各业务系统数据标准不一，存在“数据孤岛”', 'JYZX'],
      ['统一身份认证未覆盖全部业务系统', 'JYZX'],
    ],
  },
  {
    title: '加强“双师型”教师队伍建设的调研', area: '师资队伍建设', leader: 0, units: ['ZZB', 'JWC'], status: 'closed', rectifiedOn: '2026-05-30',
    findings: '“双师型”教师占比达到62%，但认定标准偏松、企业实践落实不到位，高层次人才引进渠道单一。',
    problems: [
      ['“双师型”教师认定标准需修订完善', 'ZZB', done('2026-08-31')],
      ['教师企业实践制度落实不到位', 'JWC', done('2026-10-15')],
    ],
  },
  {
    title: '新时代高职学生心理健康教育体系建设的调研', area: '学生心理健康', leader: 2, units: ['XGC', 'YS-XY'], status: 'in_progress',
    findings: '心理普查覆盖率高，但专职心理教师不足，二级学院心理辅导站作用发挥不充分。',
    problems: [['专职心理健康教师配备不足', 'XGC']],
  },
  {
    title: '提升后勤服务质量、解决师生急难愁盼问题的调研', area: '后勤服务质量', leader: 4, units: ['HQC'], status: 'reported', rectifiedOn: '2026-07-10',
    findings: '师生对食堂菜品、宿舍维修响应速度意见较集中，物业服务考核机制不健全。',
    problems: [
      ['食堂菜品种类少、价格偏高，学生满意度不足70%', 'HQC', done('2026-09-10')],
      ['宿舍报修平均响应超过48小时', 'HQC', doing('2026-11-30', 75, '2026-11-25')],
      ['物业服务考核评价机制不健全', 'HQC', { due: '2026-12-31', status: 'planned', progress: 0 }],
    ],
  },
  {
    title: '促进科研成果转化、服务区域经济发展的调研', area: '科研成果转化', leader: 3, units: ['KYC', 'XX-XY'], status: 'proposed',
    problems: [],
  },
];

/** S5: the ten topics, the problems they found, and the rectification tasks those became (some done). */
export async function seedResearch(refs: DemoRefs) {
  const { tx, tenantId } = refs;
  const unit = (code: string) => refs.units.get(code)!;
  for (const t of topics) {
    const { id } = await repo.insertTopic(tx, {
      tenantId, campaignId: refs.campaignId ?? null, title: t.title, problemArea: t.area, leaderPersonId: refs.leaders[t.leader],
      status: t.status, findings: t.findings ?? null, searchGrams: grams(t.title, t.area, t.findings),
    });
    await repo.replaceTopicUnits(tx, tenantId, id, t.units.map(unit));
    for (const [description, owner, fix] of t.problems) {
      const problem = await repo.insertProblem(tx, { tenantId, topicId: id, description, ownerUnitId: unit(owner) });
      if (!fix || !refs.campaignId || !t.rectifiedOn) continue;
      const task = await insertRectificationTask(tx, {
        tenantId, campaignId: refs.campaignId, title: rectificationTitle(description), description: `${description}\n（来源：调研课题《${t.title}》）`,
        ownerUnitId: unit(owner), responsiblePersonId: refs.leaders[t.leader], startDate: t.rectifiedOn, dueDate: fix.due, createdBy: refs.officeUserId,
      });
      await tx
        .update(tasks)
        .set({
          status: fix.status, progress: fix.progress, issuedAt: new Date(`${t.rectifiedOn}T09:00:00+08:00`),
          signedAt: new Date(`${t.rectifiedOn}T15:00:00+08:00`), lastReportAt: fix.reported ? new Date(`${fix.reported}T17:00:00+08:00`) : null,
          completedAt: fix.status === 'done' ? new Date(`${fix.due}T17:00:00+08:00`) : null,
        })
        .where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, task.id)));
      await repo.linkTask(tx, tenantId, problem.id, task.id);
    }
  }
}
