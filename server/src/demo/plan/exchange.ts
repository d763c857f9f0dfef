import { sql } from 'drizzle-orm';
import { exchangeMeetings } from '../../db/schema/index.js';
import { rowsOf, uuidArray } from '../../access/scope.js';
import type { DemoRefs } from './refs.js';

/** [unit code, staff index, post] — college staff: 0 head, 1 general-branch secretary, 5 teachers' branch secretary; department staff: 0 head, 1 branch secretary. */
type Presenter = [string, number, string];

// S14: 每月一交流 — each month two or three secretaries and heads share how party work and the unit's business moved together.
const meetings: [month: string, heldOn: string, presenters: Presenter[], topics: string[], summary: string][] = [
  ['2026-02', '2026-02-26', [['DZB', 0, '主任'], ['JD-XY', 1, '党总支书记']], ['新学期主题教育工作谋划', '二级学院“一院一品”党建品牌创建思路'],
    '党政办通报新学期“三同”工作要点；机电学院介绍以“红色引擎”带动专业群建设的品牌思路。会议要求各单位在3月上旬前报送本单位工作方案。'],
  ['2026-03', '2026-03-26', [['ZZB', 0, '部长'], ['XX-XY', 1, '党总支书记'], ['JWC', 0, '处长']], ['主题教育动员部署落实情况', '理论学习中心组专题学习经验交流'],
    '组织人事部通报领导小组、办公室和三个工作组组建及联络员队伍建设情况；信息学院、教务处交流中心组学习与“双高计划”建设相融合的做法。'],
  ['2026-04', '2026-04-23', [['XCB', 0, '部长'], ['JG-XY', 1, '党总支书记']], ['“四融”学习计划推进情况', '“党的创新理论我来讲”微党课比赛筹备'],
    '宣传统战部介绍微党课比赛方案；经管学院交流读书班与“三全育人”综合改革结合的经验。会议明确比赛分院级初赛、校级决赛两个阶段。'],
  ['2026-05', '2026-05-28', [['XGC', 0, '处长'], ['YS-XY', 1, '党总支书记'], ['KYC', 1, '党支部书记']], ['调研课题开展情况', '“我为师生办实事”项目清单推进'],
    '学工处、艺术学院、科研处分别汇报调研进展和师生“急难愁盼”问题收集情况。会议要求各课题组6月中旬前形成问题清单，纳入整改台账。'],
  ['2026-06', '2026-06-25', [['JD-XY', 0, '院长'], ['JD-XY', 5, '教工党支部书记']], ['调研问题清单梳理与整改', '“双带头人”工作室建设经验'],
    '机电学院院长、教工党支部书记交流“双带头人”工作室带领教师团队攻关校企合作项目的做法，会议对共建实训基地利用率偏低问题提出整改要求。'],
  ['2026-07', '2026-07-09', [['DZB', 1, '党支部书记'], ['XX-XY', 0, '院长'], ['HQC', 0, '处长']], ['上半年“三同”工作总结', '党建“双创”项目培育交流'],
    '党政办通报上半年任务完成率和督导发现的问题；信息学院交流党建“双创”项目培育经验；后勤处汇报食堂、宿舍维修等民生实事整改进展。'],
  ['2026-08', '2026-08-27', [['XGC', 1, '党支部书记'], ['JG-XY', 0, '院长']], ['暑期社会实践与党员志愿服务', '新学期重点工作部署'],
    '学工处介绍暑期“三下乡”与党员志愿服务情况；经管学院汇报新学期课程思政示范课程建设安排。会议部署9月迎新与主题教育衔接工作。'],
  ['2026-09', '2026-09-24', [['YS-XY', 0, '院长'], ['JWC', 1, '党支部书记'], ['ZZB', 1, '党支部书记']], ['“七个建新功”推进情况', '新生入学教育中的课程思政'],
    '艺术学院交流以专业优势服务乡村振兴的做法；教务处、组织人事部通报“双师型”教师认定标准修订进展。会议要求各单位围绕“七个建新功”各报送1个典型案例。'],
  ['2026-10', '2026-10-29', [['DZB', 0, '主任'], ['KYC', 0, '处长'], ['JD-XY', 1, '党总支书记']], ['规章制度“立改废”集中清理进展', '典型案例和宣传报道报送'],
    '党政办通报规章制度集中清理情况（修订、废止清单）；科研处交流产教融合项目管理制度建设；机电学院分享典型案例被省级简报刊发的经验。'],
  ['2026-11', '2026-11-26', [['ZZB', 0, '部长'], ['XX-XY', 1, '党总支书记'], ['CWC', 0, '处长']], ['年终考核指标体系征求意见', '说院（处）述党建准备工作'],
    '组织人事部介绍年终考核指标体系（征求意见稿）和评分方式；信息学院、财务处就说院（处）和述党建报告的写法进行交流。会议要求12月10日前反馈意见。'],
];

/** S14: ten months of 每月一交流 records, presenters drawn from the units' secretaries and heads. */
export async function seedExchange(refs: DemoRefs) {
  const { tx, tenantId } = refs;
  const ids = [...new Set(meetings.flatMap(([, , ps]) => ps.map(([code, i]) => refs.staffByUnit.get(code)![i])))];
  const names = new Map(rowsOf<{ id: string; name: string }>(await tx.execute(sql`select id, name from people where tenant_id = ${tenantId} and id = any(${uuidArray(ids)})`)).map((p) => [p.id, p.name]));
  const shortName = new Map(rowsOf<{ code: string; name: string }>(await tx.execute(sql`select code, coalesce(short_name, name) as name from units where tenant_id = ${tenantId}`)).map((u) => [u.code, u.name]));
  await tx.insert(exchangeMeetings).values(
    meetings.map(([month, heldOn, ps, topics, summary]) => ({
      tenantId, month, heldOn, summary, topics: topics.join('\n'),
      presenters: ps.map(([code, i, post]) => `${names.get(refs.staffByUnit.get(code)![i])}（${shortName.get(code)}${post}）`).join('、'),
      createdAt: new Date(`${heldOn}T17:00:00+08:00`),
    })),
  );
}
