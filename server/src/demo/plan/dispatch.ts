import { dispatchMeetings, followUpItems } from '../../db/schema/index.js';
import { isoWeekOf, mondayOfIsoWeek } from '../../platform/jobs/periods.js';
import * as repo from '../../modules/dispatch/dispatch.repo.js';
import { computeSheet } from '../../modules/dispatch/dispatch.service.js';
import type { DemoRefs } from './refs.js';

/**
 * 每周一调度 history of the demo campaign: the last eight Monday meetings
 * (sheet prepared at 08:00, meeting at 09:00 chaired by a school leader) and
 * the follow-up items they decided — most closed with a note, the recent ones
 * open, a few past their deadline. Sheets are computed week by week so each
 * carries the items still open at its Monday.
 */
const TODAY = '2026-11-28';
const DAY = 86_400_000;
const WEEKS = 8;
const at = (iso: string, hour: number) => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const plusDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

const decisions: [unit: string, what: string][] = [
  ['JD-XY', '机电工程学院对照逾期任务清单逐项明确整改责任人和完成时限，下周调度会专题汇报'],
  ['XX-XY', '信息工程学院补报“双带头人”工作室建设进展材料，并上传佐证'],
  ['JG-XY', '经济管理学院加快课程思政示范课程建设，形成阶段性成果'],
  ['YS-XY', '艺术设计学院结合专业特色策划主题党日活动方案，报党委组织部审核'],
  ['ZZB', '党委组织部督促各党支部完成本月“三会一课”台账更新'],
  ['XCB', '党委宣传部梳理本季度“三同”工作典型案例，择优向上级媒体推送'],
  ['JWC', '教务处会同各学院核对产教融合项目任务进度，更新任务台账'],
  ['KYC', '科研处推进“三同”专项研究课题中期检查，汇总问题清单'],
  ['XGC', '学生工作处落实“三全育人”工作任务分解，两周内报送推进情况'],
  ['DZB', '党委办公室汇总上周各单位进展报告退回情况，督促按要求修改后重报'],
  ['CWC', '财务处保障专项工作经费及时拨付，说明预算执行进度'],
  ['HQC', '后勤管理处完成党建活动阵地改造方案并报分管校领导'],
];
const closingNotes = [
  '已按要求完成，相关材料已上传系统并报党委办公室备案。',
  '已召开专题会议研究落实，整改措施全部到位。',
  '已完成并经分管校领导审核同意。',
  '材料已补齐，进展报告已审核通过。',
  '已形成书面报告，报送党委办公室。',
];
const attendees = '校党委书记、校长及校领导班子成员；党委办公室、组织部、宣传部、教务处、科研处、学生工作处负责人；各二级学院党总支书记、院长';

function minutesOf(week: string, c: { tasks: number; overdue: number; dueSoon: number; red: number; stale: number; followUps: number }, chair: string): string {
  return [
    `${chair}主持召开${week}周工作调度会，听取党委办公室关于本周调度清单的情况通报：列入调度任务 ${c.tasks} 项，其中逾期 ${c.overdue} 项、7日内到期 ${c.dueSoon} 项、红灯 ${c.red} 项、超14日未报送进展 ${c.stale} 项，结转督办事项 ${c.followUps} 项。`,
    '会议逐项听取了相关单位对逾期和红灯任务的原因说明及下一步措施，强调要坚持党建与业务同部署、同落实、同考核，对照任务清单挂图作战、销号管理。',
    '会议要求各责任单位按时报送进展报告，党委办公室加强跟踪督办，对连续两周未推进的事项在下次调度会上专题通报。',
  ].join('\n');
}

export async function seedDispatch(refs: DemoRefs) {
  const { tx, tenantId, campaignId } = refs;
  if (!campaignId) return;
  const campaign = (await repo.getCampaign(tx, tenantId, campaignId))!;
  const [y, m, d] = TODAY.split('-').map(Number);
  const thisMonday = mondayOfIsoWeek(isoWeekOf(y, m, d));
  const chairs = [refs.leaders[0], refs.leaders[1], refs.leaders[0], refs.leaders[3]];
  const chairTitles = ['党委书记', '党委副书记、校长', '党委书记', '分管副校长'];
  let n = 0;
  for (let w = WEEKS - 1; w >= 0; w--) {
    const monday = plusDays(thisMonday, -7 * w);
    const [yy, mm, dd] = monday.split('-').map(Number);
    const week = isoWeekOf(yy, mm, dd);
    const sheet = await computeSheet(tx, tenantId, { kind: 'all' }, campaign, week, monday);
    const preparedAt = at(monday, 8);
    const chairId = chairs[w % chairs.length];
    const [row] = await tx
      .insert(dispatchMeetings)
      .values({
        tenantId, campaignId, isoWeek: week, heldOn: monday, chairPersonId: chairId, attendees,
        minutes: minutesOf(week, sheet.counts, chairTitles[w % chairs.length]),
        sheet: { ...sheet, generatedAt: preparedAt.toISOString() }, preparedAt, createdAt: preparedAt, version: 2,
      })
      .returning({ id: dispatchMeetings.id });
    // 2–3 decisions per meeting; items of older meetings are closed, recent ones partly open
    const count = 2 + (w % 2);
    const items: (typeof followUpItems.$inferInsert)[] = [];
    for (let i = 0; i < count; i++, n++) {
      const [unit, title] = decisions[n % decisions.length];
      const due = plusDays(monday, 7 + 7 * (i % 2) + (n % 3));
      const createdAt = at(monday, 11);
      const closeDay = plusDays(due, (n % 4) - 2);
      const open = (w <= 1 && i !== 0) || (w >= 2 && w <= 3 && i === 1) || closeDay > TODAY;
      const closedAt = open ? null : at(closeDay < monday ? plusDays(monday, 3) : closeDay, 16);
      items.push({
        tenantId, campaignId, meetingId: row.id, title, ownerUnitId: refs.units.get(unit)!, dueDate: due, createdAt,
        status: open ? 'open' : 'done', closingNote: open ? null : closingNotes[n % closingNotes.length], closedAt, version: open ? 1 : 2,
      });
    }
    await tx.insert(followUpItems).values(items);
  }
}
