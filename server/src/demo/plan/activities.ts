import { sql } from 'drizzle-orm';
import { activities, activityGoals } from '../../db/schema/index.js';
import { rowsOf } from '../../access/scope.js';
import { grams } from '../../platform/search/grams.js';
import type { DemoRefs } from './refs.js';

type ActivitySeed = [kind: string, title: string, unit: string, on: string, participants: number, goals: string[], summary: string];

// S7: the platforms of the reference case — forums, the 建新功 seminar, the micro-lecture competition, practice.
const school: ActivitySeed[] = [
  ['forum', '“三同”工作法与高职院校高质量发展论坛', 'DZB', '2026-04-16', 260, ['P1.2', 'B4'], '邀请省内兄弟院校党委书记和专家学者，围绕党建与事业发展同部署、同落实、同考核开展交流研讨。'],
  ['forum', '产教融合背景下基层党建工作创新论坛', 'KYC', '2026-05-21', 150, ['B2.2'], '校企双方党组织负责人分享党建共建经验，签订校企党建联建协议6份。'],
  ['forum', '“双高计划”建设中的党建引领论坛', 'JWC', '2026-06-18', 180, ['B2', 'P3'], '总结“双高计划”中期建设成效，研讨党建引领专业群建设的路径。'],
  ['forum', '粤港澳大湾区职业教育党建联盟论坛', 'DZB', '2026-10-22', 300, ['B4.3'], '联盟成员单位共同发布《职业院校党建工作协同倡议》。'],
  ['forum', '课程思政教学改革论坛', 'JWC', '2026-09-24', 210, ['B1.1'], '展示课程思政示范课程12门，评选优秀教学案例。'],
  ['forum', '青年教师成长论坛', 'ZZB', '2026-07-09', 95, ['B2.3'], '青年教师代表围绕“扎根职教、立德树人”交流成长体会。'],
  ['forum', '红色文化育人论坛', 'XCB', '2026-06-28', 160, ['B1', 'P2.3'], '挖掘岭南红色文化资源，研讨红色文化融入思政课程的做法。'],
  ['seminar', '“七个建新功”主题座谈会', 'DZB', '2026-05-12', 36, ['P4.1', 'B4'], '各二级党组织书记围绕“七个建新功”汇报思路举措，党委书记作总结讲话。'],
  ['seminar', '“建新功”青年教师座谈会', 'ZZB', '2026-06-04', 28, ['B2.3'], '听取青年教师对职称评聘、教学科研的意见建议，现场解答问题9个。'],
  ['seminar', '“双带头人”教师党支部书记座谈会', 'ZZB', '2026-04-28', 24, ['P3.1'], '交流“双带头人”支部书记工作室建设经验，部署年度培育任务。'],
  ['seminar', '毕业生就业工作座谈会', 'XGC', '2026-05-26', 32, ['B3.2'], '研究促进毕业生高质量就业的举措，明确“书记校长访企拓岗”任务分工。'],
  ['seminar', '师生代表“急难愁盼”问题座谈会', 'HQC', '2026-03-31', 40, ['B3.1'], '收集食堂、宿舍、校园网络等方面问题建议23条，形成整改清单。'],
  ['seminar', '离退休老同志座谈会', 'ZZB', '2026-09-29', 45, ['B3.3'], '通报学校发展情况，听取老同志对学校发展的意见建议。'],
  ['competition', '全校“微党课”比赛决赛', 'XCB', '2026-06-25', 120, ['P2.3'], '来自各二级党组织的12名选手进入决赛，评出一等奖2名、二等奖4名、三等奖6名。'],
  ['competition', '“青春心向党·建功新时代”主题演讲比赛', 'XGC', '2026-05-04', 200, ['B1.2'], '各学院选派24名学生参赛，展现新时代青年学子精神风貌。'],
  ['competition', '职业技能大赛党员先锋岗竞赛', 'JD-XY', '2026-07-16', 86, ['B2.1'], '党员教师带领学生团队备赛，设立党员先锋岗8个。'],
  ['competition', '“挑战杯”创新创业大赛校内选拔赛', 'KYC', '2026-04-22', 150, ['B4.2'], '共收到参赛作品76件，推荐12件作品参加省赛。'],
  ['competition', '课程思政教学设计比赛', 'JWC', '2026-10-15', 64, ['B1.1'], '32名教师参赛，评选优秀教学设计10项。'],
  ['competition', '“强国有我”师生书画作品大赛', 'YS-XY', '2026-09-30', 110, ['B1'], '征集书法、绘画、设计作品180余件，择优在图书馆展出。'],
  ['practice', '“百千万工程”乡村振兴志愿服务实践', 'JG-XS', '2026-07-20', 48, ['B4.2'], '学生党员赴帮扶镇开展电商直播培训和农产品推介。'],
  ['practice', '社区“技能进万家”志愿服务', 'JD-XS', '2026-03-29', 36, ['B3'], '为社区居民义务维修家电120余件。'],
  ['practice', '“青年红色筑梦之旅”社会实践', 'XGC', '2026-08-05', 60, ['B1.2'], '组织创新创业团队走进革命老区，开展项目对接和调研。'],
  ['practice', '党员先锋岗“为师生办实事”实践活动', 'HQC-ZB', '2026-05-19', 26, ['B3.1'], '党员带头完成学生宿舍热水系统改造，解决师生反映强烈的问题。'],
  ['practice', '“三下乡”暑期社会实践', 'YS-XS', '2026-07-13', 42, ['B4.2'], '为乡村学校绘制文化墙6面，开展美育课堂12场。'],
  ['practice', '图书馆“红色书香”阅读推广实践', 'TSG-ZB', '2026-04-23', 70, ['P2'], '举办红色经典诵读和好书推荐活动。'],
  ['other', '庆祝建党105周年暨“七一”表彰大会', 'DZB', '2026-06-30', 420, ['P3'], '表彰优秀共产党员、优秀党务工作者和先进基层党组织。'],
  ['other', '党建品牌建设成果展', 'XCB', '2026-11-10', 300, ['P3.2'], '集中展示“一院一品”党建品牌创建成果。'],
];

// The same four events in each college (a college's branches and its general branch).
const perCollege: [kind: string, title: string, suffix: string, on: string, participants: number, goals: string[], summary: string][] = [
  ['competition', '{c}“微党课”比赛初赛', 'ZZ', '2026-05-', 45, ['P2.3'], '各党支部推荐选手参赛，择优推荐2名选手参加学校决赛。'],
  ['other', '{c}主题党日：重温入党誓词', 'JG', '2026-07-0', 30, ['P3.3'], '全体党员重温入党誓词，交流学习体会。'],
  ['seminar', '{c}“建新功”师生座谈会', 'XY', '2026-06-1', 35, ['B1.2', 'P4.1'], '院领导班子听取师生代表意见建议，梳理问题清单。'],
  ['practice', '{c}红色教育基地现场教学', 'ZZ', '2026-09-1', 50, ['P2'], '组织党员赴红色教育基地开展现场教学和党性教育。'],
];
const colleges: [code: string, short: string][] = [['JD', '机电学院'], ['XX', '信息学院'], ['JG', '经管学院'], ['YS', '艺术学院']];

const studioTitles = [
  '工作室专题研讨：党建与专业建设深度融合', '工作室走进合作企业开展联学共建', '工作室“名师示范课”观摩活动',
  '工作室党员教师下企业实践交流', '工作室“师生同行”技能帮扶活动', '工作室学生党员技能攻关小组结对',
];

function collegeRows(): ActivitySeed[] {
  return colleges.flatMap(([code, short], ci) =>
    perCollege.map(([kind, title, suffix, on, participants, goals, summary]) => [
      kind, title.replace('{c}', short), `${code}-${suffix}`, `${on}${String(ci * 2 + 2).padStart(on.endsWith('-') ? 2 : 1, '0')}`, participants + ci * 3, goals, summary,
    ] as ActivitySeed),
  );
}

/** S7: some sixty activities across kinds and units; studio activities belong to the 双带头人 studio projects. */
export async function seedActivities(refs: DemoRefs) {
  const { tx, tenantId } = refs;
  const studios = rowsOf<{ id: string; unit_id: string; title: string }>(await tx.execute(sql`
    select id, unit_id, title from innovation_projects
    where tenant_id = ${tenantId} and kind = 'dual_leader_studio' and stage <> 'applied' and stage <> 'rejected' order by created_at, id`));
  const rows: (typeof activities.$inferInsert & { goalCodes: string[] })[] = [...school, ...collegeRows()].map(([kind, title, unit, heldOn, participants, goalCodes, summary]) => ({
    tenantId, campaignId: refs.campaignId ?? null, kind, title, unitId: refs.units.get(unit)!, heldOn, participants, summary, goalCodes, searchGrams: grams(title),
  }));
  studios.forEach((s, si) => {
    for (let k = 0; k < 3; k++) {
      const title = studioTitles[(si * 3 + k) % studioTitles.length];
      const month = String(5 + ((si + k * 2) % 6)).padStart(2, '0');
      rows.push({
        tenantId, campaignId: refs.campaignId ?? null, kind: 'studio', title, unitId: s.unit_id, projectId: s.id, heldOn: `2026-${month}-${String(8 + si * 3 + k).padStart(2, '0')}`,
        participants: 12 + ((si * 7 + k * 5) % 20), summary: `${s.title}组织开展，党员教师与学生骨干共同参与。`, goalCodes: ['P3.1', 'B2.1'], searchGrams: grams(title),
      });
    }
  });
  const inserted = await tx.insert(activities).values(rows.map(({ goalCodes: _g, ...r }) => r)).returning({ id: activities.id });
  const links = inserted.flatMap((a, i) =>
    rows[i].goalCodes.flatMap((code) => (refs.goals?.get(code) ? [{ tenantId, activityId: a.id, goalId: refs.goals.get(code)! }] : [])),
  );
  if (links.length) await tx.insert(activityGoals).values(links);
}
