import { contributionAreas, outcomePeople, outcomes } from '../../db/schema/index.js';
import { grams } from '../../platform/search/grams.js';
import type { DemoRefs } from './refs.js';

/** The seven 建新功 areas (S10). */
export const demoAreas: [code: string, name: string][] = [
  ['moral_education', '在立德树人上建新功'],
  ['industry_education', '在产教融合上建新功'],
  ['regional_service', '在服务区域发展上建新功'],
  ['tech_innovation', '在科技创新上建新功'],
  ['culture', '在文化传承创新上建新功'],
  ['reform', '在深化综合改革上建新功'],
  ['party_building', '在全面从严治党上建新功'],
];

const units = ['JD-XY', 'XX-XY', 'JG-XY', 'YS-XY', 'JD-ZZ', 'XX-ZZ', 'JG-ZZ', 'YS-ZZ', 'XCB', 'ZZB', 'JWC', 'XGC', 'KYC', 'DZB'];
const themes = [
  '“三同”工作法', '党建与业务深度融合', '课程思政', '产教融合', '“双带头人”教师党支部', '“一院一品”党建品牌', '职业教育数字化转型',
  '“三全育人”', '红色文化育人', '产业学院', '乡村振兴', '高技能人才培养', '基层党组织组织力', '大湾区先进制造业', '工匠精神',
];
const forms: Record<string, string[]> = {
  innovation_case: ['以{t}激活基层党建新动能', '{t}的创新实践', '探索{t}新路径的做法'],
  theory_article: ['论{t}的时代内涵与实践路径', '以{t}推动高职院校高质量发展', '{t}的价值意蕴与实现机制'],
  research_paper: ['高职院校{t}的实证研究', '{t}视域下的人才培养模式研究', '基于{t}的治理能力提升研究'],
  think_tank_report: ['关于深化{t}的对策建议', '{t}发展状况调研报告', '推进{t}的政策建议'],
  typical_case: ['{t}典型案例', '以{t}助推专业建设的典型经验', '{t}：一个支部的实践'],
  media_report: ['南粤职院：{t}结出硕果', '南粤职业技术学院扎实推进{t}', '{t}在南粤职院落地生根'],
  award: ['{t}项目获评优秀成果', '{t}获教学成果奖', '{t}入选示范项目'],
};

type Spec = { kind: string; n: number; level: (i: number) => string; medium?: (i: number) => string | null };
const levelCycle = (list: string[]) => (i: number) => list[i % list.length];

/** The reference case's figures (S9, S10, S15). */
const media: [medium: string, level: string, n: number][] = [
  ['中国教育报', 'national', 3], ['省委教育工委工作简报', 'provincial', 5],
  ['人民网', 'national', 5], ['光明网', 'national', 4], ['学习强国', 'national', 5], ['新华网', 'national', 2],
  ['南方日报', 'provincial', 8], ['广东教育', 'provincial', 3], ['羊城晚报', 'provincial', 2],
];
const mediaSlots = media.flatMap(([m, l, n]) => Array.from({ length: n }, () => [m, l] as const));
const specs: Spec[] = [
  { kind: 'innovation_case', n: 46, level: levelCycle(['school', 'school', 'provincial', 'municipal']) },
  { kind: 'theory_article', n: 25, level: levelCycle(['provincial', 'national', 'school']), medium: (i) => ['《中国高等教育》', '《广东党建》', '《职业技术教育》', '校报'][i % 4] },
  { kind: 'research_paper', n: 22, level: levelCycle(['provincial', 'national', 'municipal']), medium: (i) => ['《中国职业技术教育》', '《教育与职业》', '学报'][i % 3] },
  { kind: 'think_tank_report', n: 18, level: levelCycle(['provincial', 'municipal', 'national']), medium: () => null },
  { kind: 'typical_case', n: 40, level: levelCycle(['school', 'provincial', 'school', 'national']) },
  { kind: 'media_report', n: mediaSlots.length, level: (i) => mediaSlots[i][1], medium: (i) => mediaSlots[i][0] },
  { kind: 'award', n: 12, level: levelCycle(['provincial', 'national', 'municipal', 'school']) },
];

const day = (i: number, n: number) => {
  const d = new Date(Date.UTC(2026, 2, 2) + Math.floor((i * 260) / Math.max(n, 1)) * 86400000);
  return d.toISOString().slice(0, 10);
};

export async function seedOutcomes(refs: DemoRefs) {
  const { tx, tenantId } = refs;
  await tx.insert(contributionAreas).values(demoAreas.map(([code, name], i) => ({ tenantId, code, name, sortOrder: i + 1 })));
  const rows: (typeof outcomes.$inferInsert)[] = [];
  const people: { unit: string }[] = [];
  for (const s of specs) {
    for (let i = 0; i < s.n; i++) {
      const unit = units[(i * 5 + s.kind.length) % units.length];
      const form = forms[s.kind][i % forms[s.kind].length];
      const title = form.replace('{t}', themes[(i + s.kind.length) % themes.length]) + (i >= themes.length ? `（${Math.floor(i / themes.length) + 1}）` : '');
      const medium = s.medium ? s.medium(i) : null;
      const task = refs.taskIds && i % 7 === 0 ? refs.taskIds[i % refs.taskIds.length] : null;
      rows.push({
        tenantId, kind: s.kind, title, unitId: refs.units.get(unit)!, level: s.level(i), medium, publishedOn: day(i, s.n),
        link: s.kind === 'media_report' ? `https://news.example.cn/2026/${String(i + 1).padStart(4, '0')}.html` : null,
        areaCode: demoAreas[(i + s.n) % demoAreas.length][0], taskId: task, searchGrams: grams(title, medium),
      });
      people.push({ unit });
    }
  }
  const ids: string[] = [];
  for (let at = 0; at < rows.length; at += 100) {
    const inserted = await tx.insert(outcomes).values(rows.slice(at, at + 100)).returning({ id: outcomes.id });
    ids.push(...inserted.map((r) => r.id));
  }
  // Authors from the unit's staff; the demo member is named on a few, so "self" scope sees them.
  const member = refs.keyed.get('member')?.id;
  const links = ids.flatMap((outcomeId, i) => {
    const staff = refs.staffByUnit.get(people[i].unit) ?? [];
    const chosen = new Set(staff.slice(i % Math.max(staff.length, 1), (i % Math.max(staff.length, 1)) + 2));
    if (member && i % 25 === 0) chosen.add(member);
    return [...chosen].map((personId) => ({ tenantId, outcomeId, personId }));
  });
  for (let at = 0; at < links.length; at += 200) await tx.insert(outcomePeople).values(links.slice(at, at + 200));
}
