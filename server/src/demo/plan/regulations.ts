import crypto from 'node:crypto';
import { regulations } from '../../db/schema/index.js';
import { grams } from '../../platform/search/grams.js';
import type { DemoRefs } from './refs.js';

type Row = typeof regulations.$inferInsert;

// Subjects of the school's rules by category and owner unit; a rule's title is subject + form.
const subjects: [category: string, unit: string, party: boolean, list: string[]][] = [
  ['party_building', 'ZZB', true, ['二级学院党组织会议', '党支部书记例会', '党建工作责任制考核', '发展党员工作', '党员教育管理', '“双带头人”培育', '党建工作奖励激励', '基层党组织换届选举', '党费收缴使用管理', '党务公开', '党员领导干部联系基层', '党建品牌创建', '“三会一课”', '主题党日活动']],
  ['administration', 'DZB', false, ['校长办公会议事规则', '公文处理', '督查督办工作', '信息公开', '印章使用管理', '会议管理', '校务公开', '合同管理', '档案管理', '信访工作', '对外合作交流', '内部控制', '重大事项决策', '安全生产责任制']],
  ['teaching', 'JWC', false, ['课程标准管理', '教学事故认定与处理', '实践教学管理', '考试管理', '学分认定与转换', '教材选用管理', '课程思政建设', '顶岗实习管理', '教师教学工作规范', '专业设置与调整', '教学质量监控', '技能竞赛管理', '“1+X”证书试点', '听课评课']],
  ['research', 'KYC', false, ['科研项目管理', '横向课题经费管理', '科研成果奖励', '学术道德规范', '产业学院建设管理', '校企合作项目管理', '专利管理', '科研平台管理', '社会服务管理', '学术委员会章程', '科技成果转化', '协同创新中心管理', '智库建设', '学术期刊管理']],
  ['student', 'XGC', false, ['学生违纪处分', '奖学金评定', '助学金管理', '辅导员队伍建设', '学生宿舍管理', '学生社团管理', '心理健康教育', '学生资助', '学生干部选拔培养', '毕业生就业工作', '学生请假管理', '征兵工作', '勤工助学管理', '学生评优']],
  ['finance', 'CWC', false, ['预算管理', '差旅费管理', '经费报销', '收费管理', '政府采购', '国有资产管理', '专项资金管理', '公务接待', '会议费管理', '培训费管理', '财务审批', '票据管理', '往来款管理', '内部审计']],
  ['logistics', 'HQC', false, ['校园安全管理', '食堂管理', '物业服务管理', '基建工程管理', '公务用车管理', '节能管理', '维修工程管理', '校园消防管理', '公共用房管理', '医务室管理', '校园绿化管理', '车辆出入管理', '水电管理', '仓库管理']],
];
const forms = ['办法', '规定', '实施细则', '管理办法'];

function titleOf(subject: string, i: number) {
  if (/(规则|章程|规范)$/.test(subject)) return subject;
  const form = forms[i % forms.length];
  return `南粤职业技术学院${subject}${subject.endsWith('管理') && form === '管理办法' ? '办法' : form}`;
}
const docNo = (party: boolean, year: number, n: number) => `南粤职院${party ? '党' : ''}〔${year}〕${n}号`;
const dayOf = (year: number, i: number) => new Date(Date.UTC(year, 0, 5) + ((i * 37) % 330) * 86400000).toISOString().slice(0, 10);

/**
 * 立改废 (S8, S11): in 2026, 22 regulations made, 66 revised (new versions of
 * earlier ones) and 5 abolished; others stay in force, and a few are drafts.
 */
export async function seedRegulations(refs: DemoRefs) {
  const { tenantId } = refs;
  // Interleaved by category, so every category has rules made, revised and abolished.
  const pool = subjects[0][3].flatMap((_, i) => subjects.map(([category, unit, party, list]) => ({ category, unit, party, title: titleOf(list[i], i) })));
  const rows: Row[] = [];
  let seq = 0;
  const base = (p: (typeof pool)[number], year: number, status: string, effectiveOn: string | null): Row => ({
    tenantId, seriesId: crypto.randomUUID(), versionNo: 1, title: p.title, docNo: status === 'draft' ? null : docNo(p.party, year, ++seq % 90 + 1),
    ownerUnitId: refs.units.get(p.unit)!, category: p.category, status, effectiveOn, body: `${p.title}（全文略）`, searchGrams: [],
  });
  pool.forEach((p, i) => {
    if (i < 66) {
      // An earlier regulation, revised in 2026.
      const old = base(p, 2016 + (i % 9), 'revised', dayOf(2016 + (i % 9), i));
      const revisedOn = dayOf(2026, i);
      old.revisedOn = revisedOn;
      old.id = crypto.randomUUID();
      rows.push(old, { ...old, id: undefined, versionNo: 2, previousId: old.id, status: 'in_force', effectiveOn: revisedOn, revisedOn: null, docNo: docNo(p.party, 2026, ++seq % 90 + 1) });
    } else if (i < 71) {
      rows.push({ ...base(p, 2015 + (i % 5), 'abolished', dayOf(2015 + (i % 5), i)), abolishedOn: dayOf(2026, i), abolishReason: '与上位政策不一致，内容已被新制度涵盖' });
    } else if (i < 93) {
      rows.push(base(p, 2026, 'in_force', dayOf(2026, i)));
    } else if (i < 95) {
      rows.push(base(p, 2026, 'draft', null));
    } else {
      rows.push(base(p, 2018 + (i % 7), 'in_force', dayOf(2018 + (i % 7), i)));
    }
  });
  for (const r of rows) r.searchGrams = grams(r.title, r.docNo);
  for (let at = 0; at < rows.length; at += 100) await refs.tx.insert(regulations).values(rows.slice(at, at + 100));
}
