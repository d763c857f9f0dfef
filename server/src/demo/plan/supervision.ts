import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { supervisionChecks, supervisionIndicators, supervisionPlans, tasks } from '../../db/schema/index.js';
import { rowsOf } from '../../access/scope.js';
import { grams } from '../../platform/search/grams.js';
import { rectificationSource, rectificationTitleFor } from '../../modules/supervision/supervision.rules.js';
import type { CheckResult } from '@santong/contract';
import type { DemoRefs } from './refs.js';

const TODAY = '2026-11-28';
const DAY = 86_400_000;
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const at = (iso: string, hour: number) => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00+08:00`);

const C = ['college'];
const D = ['department', 'center'];
const CD = ['college', 'department', 'center'];

// S12: indicators decomposed from the campaign, re-used across months as the work moves on.
const pool: Record<string, [requirement: string, evidence: string, kinds: string[]]> = {
  A: ['党组织理论学习中心组每月开展专题学习不少于1次，做到有研讨、有记录', '学习计划、签到表、研讨发言材料', C],
  B: ['“三会一课”按期召开，支部书记每季度讲党课不少于1次', '会议记录本、党课讲稿及现场照片', CD],
  C: ['调研课题按方案推进，形成问题清单和调研报告初稿', '调研方案、走访记录、问题清单', ['college', 'department']],
  D: ['问题整改实行“清单制+责任制+销号制”，整改事项按期办结', '整改台账、销号佐证材料', D],
  E: ['“我为师生办实事”项目按时间节点推进，办结事项有回访', '项目清单、进度表、师生回访记录', D],
  F: ['院年度重点工作与党建任务一并研究、一并部署（同部署）', '党政联席会议纪要、年度工作计划', C],
  G: ['“双带头人”工作室开展活动，带动专业建设与党建融合', '工作室活动记录、成果材料', C],
  H: ['联络员每周更新任务进度和佐证材料，报送及时准确', '系统报送记录、佐证材料', CD],
  I: ['意识形态工作责任制落实，课堂、讲座、论坛等阵地管理规范', '讲座论坛审批登记表、阵地管理台账', ['college', 'department']],
  J: ['专题党课与业务工作相结合，做到“干什么讲什么、缺什么补什么”', '党课讲稿、听课记录', ['college', 'department']],
  K: ['主题教育各环节材料规范归档，分类清楚、内容齐全', '归档目录、电子台账', CD],
  L: ['每月至少报送1篇工作信息或典型案例', '信息报送记录、刊发截图', ['college', 'department']],
};

const months: [month: string, keys: string, focus: string][] = [
  ['2026-06', 'ABCHK', '理论学习与调研启动'],
  ['2026-07', 'ABCEI', '调研深化与为民办实事'],
  ['2026-08', 'DEHK', '暑期整改与材料归档'],
  ['2026-09', 'ABDFGJ', '新学期同部署与专题党课'],
  ['2026-10', 'ACDGJL', '整改销号与典型宣传'],
  ['2026-11', 'ABDHL', '年终考核准备'],
];

const units = ['JD-XY', 'XX-XY', 'JG-XY', 'YS-XY', 'DZB', 'ZZB', 'XCB', 'JWC', 'XGC', 'KYC', 'CWC', 'HQC', 'JYZX', 'TSG'];
const kindOf = (code: string) => (code.endsWith('-XY') ? 'college' : code === 'JYZX' || code === 'TSG' ? 'center' : 'department');
/** Units that check out a little weaker, so the pass rates spread. */
const weaker: Record<string, number> = { 'YS-XY': 0.12, HQC: 0.1, 'JG-XY': 0.05, KYC: 0.05 };
/** leaderPosts index in charge of (else linked to) each unit, as in seed.ts. */
const leaderOf: Record<string, number> = { DZB: 0, ZZB: 0, XCB: 0, CWC: 1, XGC: 2, JWC: 3, KYC: 3, HQC: 4, JYZX: 4, TSG: 5, 'JD-XY': 3, 'XX-XY': 1, 'JG-XY': 2, 'YS-XY': 4 };

const passNotes = ['材料齐全，记录规范', '按计划推进，佐证材料完整', '台账清晰，执行到位', '现场查阅，符合要求', '工作扎实，有特色做法'];
const partialNotes = ['部分记录不完整，缺少研讨发言材料', '台账已建立但更新不及时', '佐证材料不够充分，需补充完善', '按计划推进但进度滞后于时间节点', '个别事项未按期办结'];
const failNotes = ['未按要求开展，未能提供相关记录', '整改事项逾期未办结，无销号材料', '材料缺失，现场无法核实'];

type Refs = DemoRefs & { campaignId: string };

function pick<T>(refs: DemoRefs, list: readonly T[]): T {
  return list[Math.floor(refs.next() * list.length)];
}

/** A task's state when seeded: old rectifications are done, a few overdue, recent ones under way. */
function taskState(refs: DemoRefs, start: string, due: string) {
  const issued = { issuedAt: at(start, 9), signedAt: at(start, 15) };
  if (due < TODAY && refs.next() < 0.85) return { ...issued, status: 'done', progress: 100, lastReportAt: at(addDays(due, -2), 17), completedAt: at(addDays(due, -1), 17) };
  if (addDays(start, 5) < TODAY) return { ...issued, status: 'in_progress', progress: 20 + Math.floor(refs.next() * 6) * 10, lastReportAt: at(addDays(TODAY, -3 - Math.floor(refs.next() * 5)), 16), completedAt: null };
  return { ...issued, status: 'planned', progress: 0, lastReportAt: null, completedAt: null };
}

type PlanRow = { id: string; month: string; title: string };
type IndicatorRow = { id: string; planId: string; requirement: string; unitKinds: string[] };
type Check = typeof supervisionChecks.$inferInsert & { code: string };

/** Every applicable unit checked against every indicator (about half in the month under way). */
function buildChecks(refs: Refs, plans: PlanRow[], indicators: IndicatorRow[]): Check[] {
  const inspectors = [refs.keyed.get('inspector')!.id, ...['ZZB', 'JWC', 'XGC', 'DZB'].map((c) => refs.staffByUnit.get(c)![1])];
  const checks: Check[] = [];
  for (const plan of plans) {
    const current = plan.month === TODAY.slice(0, 7);
    for (const ind of indicators.filter((i) => i.planId === plan.id)) {
      for (const code of units.filter((u) => ind.unitKinds.includes(kindOf(u)))) {
        if (current && refs.next() < 0.5) continue;
        const r = refs.next() + (weaker[code] ?? 0);
        const result: CheckResult = r < 0.85 ? 'pass' : r < 0.97 ? 'partial' : 'fail';
        const day = `${plan.month}-${String(current ? 3 + Math.floor(refs.next() * 23) : 8 + Math.floor(refs.next() * 18)).padStart(2, '0')}`;
        checks.push({
          tenantId: refs.tenantId, planId: plan.id, indicatorId: ind.id, unitId: refs.units.get(code)!, code,
          method: pick(refs, ['onsite', 'onsite', 'material', 'material', 'online'] as const), inspectorPersonId: pick(refs, inspectors),
          checkedOn: day, result, comment: pick(refs, result === 'pass' ? passNotes : result === 'partial' ? partialNotes : failNotes), createdAt: at(day, 17),
        });
      }
    }
  }
  return checks;
}

/** The rectification task of each partial or failed check, linked back through the check's rectificationTaskId. */
async function seedRectifications(refs: Refs, plans: PlanRow[], indicators: IndicatorRow[], checks: Check[]) {
  const unitNames = new Map(rowsOf<{ code: string; name: string }>(await refs.tx.execute(sql`select code, name from units where tenant_id = ${refs.tenantId}`)).map((u) => [u.code, u.name]));
  const shortfalls = checks.filter((c) => c.result !== 'pass');
  const taskRows = shortfalls.map((c) => {
    const plan = plans.find((p) => p.id === c.planId)!;
    const requirement = indicators.find((i) => i.id === c.indicatorId)!.requirement;
    const start = addDays(c.checkedOn, 1);
    const due = addDays(c.checkedOn, c.result === 'fail' ? 20 : 30);
    const title = rectificationTitleFor(unitNames.get(c.code)!, requirement);
    const description = rectificationSource(plan.title, plan.month, requirement, c.result as CheckResult, c.comment);
    return {
      id: crypto.randomUUID(), tenantId: refs.tenantId, campaignId: refs.campaignId, title, description, category: 'rectification', ownerUnitId: c.unitId,
      responsiblePersonId: refs.leaders[leaderOf[c.code]], startDate: start, dueDate: due, createdBy: refs.officeUserId,
      searchGrams: grams(title, description), createdAt: at(start, 9), ...taskState(refs, start, due),
    };
  });
  if (taskRows.length) await refs.tx.insert(tasks).values(taskRows);
  shortfalls.forEach((c, i) => (c.rectificationTaskId = taskRows[i].id));
}

/** S12: monthly supervision plans of the active campaign, checks on colleges and departments, rectification of what fell short. */
export async function seedSupervision(base: DemoRefs) {
  if (!base.campaignId) return;
  const refs = base as Refs;
  const { tx, tenantId } = refs;
  // Ids are made here so rows link up without relying on the order RETURNING gives.
  const plans = months.map(([month, , focus]) => ({
    id: crypto.randomUUID(), tenantId, campaignId: refs.campaignId, month, title: `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月主题教育督导（${focus}）`, createdAt: at(`${month}-01`, 10),
  }));
  await tx.insert(supervisionPlans).values(plans);
  const indicators = months.flatMap(([, keys], m) =>
    [...keys].map((k, i) => ({ id: crypto.randomUUID(), tenantId, planId: plans[m].id, requirement: pool[k][0], evidence: pool[k][1], unitKinds: pool[k][2], sortOrder: (i + 1) * 10 })),
  );
  await tx.insert(supervisionIndicators).values(indicators);
  const checks = buildChecks(refs, plans, indicators);
  await seedRectifications(refs, plans, indicators, checks);
  if (checks.length) await tx.insert(supervisionChecks).values(checks.map(({ code: _c, ...v }) => v));
}
