import { sql } from 'drizzle-orm';
import { honourNominations, honourRounds } from '../../db/schema/index.js';
import { rowsOf } from '../../access/scope.js';
import { notifyRoles } from '../../platform/notify/notify.service.js';
import { BUSINESS_ROLES, roundLink } from '../../modules/honours/honours.service.js';
import type { DemoRefs } from './refs.js';

/** The demo's "today" (as in tasks.ts): this year's 公示 runs across it. */
const TODAY = '2026-11-28';
const DAY = 86_400_000;
const dayFrom = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const stamp = (iso: string) => new Date(`${iso}T10:00:00+08:00`);

const memberDeeds = [
  '担任教工党支部委员，牵头完成省级课程思政示范课程建设，带领学生获全国职业院校技能大赛一等奖',
  '扎根教学一线二十年，主持校企共建党支部“党建+技能”项目，带动12名青年教师成长为技术骨干',
  '在产业学院建设中冲锋在前，牵头开发3门新形态教材，服务企业技术改造项目5项',
  '长期担任学生党支部书记，创新“红色领航”育人品牌，所带班级连续三年获评先进班集体',
  '积极参与乡村振兴驻村帮扶，带领团队开展电商直播培训40余场，助农增收成效明显',
  '带头落实“第一议题”制度，把党的创新理论融入专业教学，学生评教连续位居全院前列',
  '在疫情防控和校园安全工作中勇挑重担，默默奉献，获师生一致好评',
  '主持省级教学成果奖培育项目，推动“岗课赛证”融通改革，在全校推广',
  '作为“双带头人”教师，带领支部获评省级样板支部，科研成果转化效益显著',
  '热心服务师生，主动承担困难学生帮扶工作，资助育人事迹被省宣传简报报道',
  '在数字化校园建设中攻坚克难，牵头完成一站式服务平台上线，服务师生逾万人次',
  '坚持把支部建在专业上，组织党员教师开展“师带徒”，培养技能大赛获奖学生30余人',
];
const workerDeeds = [
  '从事党务工作十余年，规范“三会一课”台账管理，所在党总支获评“五星级”党组织',
  '牵头推进党建与业务“同部署、同落实、同考核”，建立任务清单与月度调度机制',
  '扎实做好发展党员工作，严把入口关，全年发展学生党员程序规范、质量过硬',
  '创新组织生活方式，打造“微党课”品牌，相关做法在全省高校交流推广',
  '认真履行党建组织员职责，指导所属支部完成换届选举和标准化建设',
  '组织开展主题教育专题读书班和调研活动，形成调研报告3篇并推动问题整改落实',
];
const orgDeeds = [
  '坚持“一院一品”，打造“匠心铸魂”党建品牌，党建与专业建设深度融合，获评省级样板支部',
  '以“双带头人”工作室为平台，带领支部党员攻关企业技术难题，服务地方产业发展成效显著',
  '严格落实组织生活制度，支部标准化规范化建设扎实，党员先锋模范作用突出',
  '围绕“三全育人”开展“党员+宿舍”“党员+班级”结对活动，学生满意度持续提升',
  '推动“党建+教学”融合，支部所在专业群入选省高水平专业群建设项目',
  '扎实开展主题教育，立查立改师生“急难愁盼”问题18项，群众获得感明显增强',
];
const rejectNotes = ['推荐材料中事迹不够具体，请下次补充佐证材料', '近三年年度考核结果不符合推荐条件', '本年度已获同级表彰，按规定不重复推荐'];

interface Cand {
  id: string;
  unitCode: string;
}

/** Full party members by college or department (the nominees), in a stable order. */
async function candidates(refs: DemoRefs): Promise<Cand[]> {
  const res = await refs.tx.execute(sql`
    select p.id, u.code as "unitCode" from people p join units u on u.id = p.unit_id
    where p.tenant_id = ${refs.tenantId} and p.political_status = 'cpc_member' and u.track = 'admin' and u.code <> 'DW'
    order by u.sort_order, p.staff_no`);
  return rowsOf<Cand>(res);
}

/** The party organisation that nominates for a unit: a college's 党总支, a department's 党支部. */
const nominatorOf = (code: string) => (code.endsWith('-XY') ? code.replace('-XY', '-ZZ') : `${code}-ZB`);

type Plan = { category: string; nominee: { personId?: string; unitCode?: string }; nominator: string; reason: string; status: string; note?: string };

/** A round's nominations: `statuses[category]` lists the outcome of each, in order. */
function planRound(people: Cand[], offset: number, statuses: Record<string, string[]>): Plan[] {
  const plans: Plan[] = [];
  const pick = (i: number) => people[(offset + i * 7) % people.length];
  let p = 0;
  for (const [category, list] of Object.entries(statuses)) {
    list.forEach((status, i) => {
      const note = status === 'rejected' || status === 'not_awarded' ? rejectNotes[(i + offset) % rejectNotes.length] : status === 'nominated' ? undefined : '符合条件，同意推荐';
      if (category === 'advanced_organisation') {
        const orgs = ['JD-JG', 'XX-XS', 'JG-JG', 'YS-JG', 'JWC-ZB', 'KYC-ZB', 'XGC-ZB'];
        const unitCode = orgs[(i + offset) % orgs.length];
        plans.push({ category, nominee: { unitCode }, nominator: unitCode.endsWith('-ZB') ? unitCode : unitCode.replace(/-(JG|XS)$/, '-ZZ'), reason: orgDeeds[(i + offset) % orgDeeds.length], status, note });
        return;
      }
      const cand = pick(p++);
      const deeds = category === 'outstanding_member' ? memberDeeds : workerDeeds;
      plans.push({ category, nominee: { personId: cand.id }, nominator: nominatorOf(cand.unitCode), reason: deeds[(i + offset) % deeds.length], status, note });
    });
  }
  return plans;
}

async function insertRound(refs: DemoRefs, round: typeof honourRounds.$inferInsert, plans: Plan[]) {
  const [{ id }] = await refs.tx.insert(honourRounds).values(round).returning({ id: honourRounds.id });
  await refs.tx.insert(honourNominations).values(
    plans.map((n, i) => ({
      tenantId: refs.tenantId, roundId: id, category: n.category, nomineePersonId: n.nominee.personId ?? null,
      nomineeUnitId: n.nominee.unitCode ? refs.units.get(n.nominee.unitCode)! : null, nominatingUnitId: refs.units.get(n.nominator)!,
      reason: n.reason, status: n.status, reviewNote: n.note ?? null, createdAt: new Date(round.createdAt!.getTime() + (i % 9) * DAY),
    })),
  );
  return id;
}

const times = (n: number, status: string) => Array.from({ length: n }, () => status);

/** 两优一先 (S7): last year's round closed with its awards; this year's approved list in 公示 across the demo's today. */
export async function seedHonours(refs: DemoRefs) {
  const people = await candidates(refs);
  const { tenantId } = refs;
  await insertRound(refs, {
    tenantId, year: 2025, title: '2025年度“两优一先”评选表彰', status: 'closed', publicityStart: '2025-06-20', publicityEnd: '2025-06-26',
    quotas: { outstanding_member: 10, outstanding_worker: 5, advanced_organisation: 4 }, createdAt: stamp('2025-05-08'), version: 6,
  }, planRound(people, 3, {
    outstanding_member: [...times(9, 'awarded'), 'not_awarded', 'rejected'],
    outstanding_worker: [...times(4, 'awarded'), 'rejected'],
    advanced_organisation: [...times(4, 'awarded'), 'rejected'],
  }));
  const start = dayFrom(TODAY, -3);
  const end = dayFrom(TODAY, 3);
  const id = await insertRound(refs, {
    tenantId, year: 2026, title: '2026年度“两优一先”评选表彰', status: 'publicity', publicityStart: start, publicityEnd: end,
    quotas: { outstanding_member: 12, outstanding_worker: 6, advanced_organisation: 5 }, createdAt: stamp('2026-10-20'), version: 4,
  }, planRound(people, 11, {
    outstanding_member: [...times(11, 'approved'), 'rejected', 'rejected'],
    outstanding_worker: [...times(5, 'approved'), 'rejected'],
    advanced_organisation: [...times(4, 'approved'), 'rejected'],
  }));
  await notifyRoles(refs.tx, tenantId, BUSINESS_ROLES, {
    kind: 'honour.publicity', title: '2026年度“两优一先”评选表彰拟表彰名单公示',
    body: `公示期 ${start} 至 ${end}。如有异议，请在公示期内向党委组织部反映。`, link: roundLink(id), entity: 'honour_round', entityId: id,
  });
}
