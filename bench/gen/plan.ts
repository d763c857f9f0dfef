import { campaigns, goals, taskGoals, tasks, taskUnits } from '../../server/src/db/schema/index.js';
import { insertBatched } from './batch.js';
import { grams } from '../../server/src/platform/search/grams.js';
import { addDays, at, daysBetween } from './random.js';
import type { Random } from './random.js';
import type { TaskRef, TenantRefs } from './refs.js';

const partyGoals: [string, string[]][] = [
  ['政治建设', ['理论武装', '政治监督', '意识形态']],
  ['组织建设', ['支部标准化', '党员发展', '干部队伍']],
  ['作风建设', ['调查研究', '为民办实事', '纠治四风']],
  ['纪律建设', ['廉政教育', '警示教育', '制度执行']],
];
const businessGoals: [string, string[]][] = [
  ['立德树人', ['三全育人', '思政课程', '学生成长']],
  ['双高计划', ['专业群建设', '产教融合', '双师队伍']],
  ['民生福祉', ['急难愁盼', '校园服务', '就业帮扶']],
  ['高质量发展', ['科研创新', '社会服务', '数字校园']],
];

/** Two goal trees (party / business), four roots with three children each. */
export async function genGoals(t: TenantRefs): Promise<number> {
  const rows: (typeof goals.$inferInsert)[] = [];
  for (const [track, tree, prefix] of [['party', partyGoals, 'P'], ['business', businessGoals, 'B']] as const) {
    tree.forEach(([name, children], i) => {
      const id = t.r.uuid();
      rows.push({ id, tenantId: t.tenantId, track, code: `${prefix}${i + 1}`, name, sortOrder: i });
      children.forEach((c, j) => {
        const child = t.r.uuid();
        rows.push({ id: child, tenantId: t.tenantId, track, parentId: id, code: `${prefix}${i + 1}.${j + 1}`, name: c, sortOrder: j });
        t.goals.push({ id: child, track });
      });
    });
  }
  return insertBatched(t.db, goals, rows);
}

/** Last year's campaign (closed) and this year's (active), which holds most of the work. */
export async function genCampaigns(t: TenantRefs): Promise<number> {
  const year = Number(t.today.slice(0, 4));
  const list = [
    { id: t.r.uuid(), title: `${year - 1}年度党建与业务融合工作`, kind: 'annual', startDate: `${year - 1}-01-01`, endDate: `${year - 1}-12-31`, status: 'closed' },
    { id: t.r.uuid(), title: `${year}年主题教育与“三同”工作`, kind: 'theme_education', startDate: `${year}-01-01`, endDate: `${year}-12-31`, status: 'active' },
  ];
  t.campaigns = list;
  return insertBatched(t.db, campaigns, list.map((c) => ({ ...c, tenantId: t.tenantId, description: '基准测试数据' })));
}

const verbs = ['推进', '落实', '开展', '完善', '深化', '组织', '建设', '整改', '提升', '督导'];
const objects = ['专题学习研讨', '支部标准化建设', '课程思政示范课', '产教融合项目', '学生就业帮扶', '调研成果转化', '党员志愿服务', '廉政风险排查', '制度汇编修订', '实训基地建设', '青年教师培养', '宿舍环境整治', '校企合作协议', '党课宣讲', '数字校园平台'];
const categories = [['study', 3], ['research', 2], ['lecture', 1], ['activity', 3], ['institution', 1], ['project', 2], ['rectification', 1], ['other', 1]] as const;
/**
 * A status that fits the task's dates on the story's "today", as a school
 * in November would have them: most tasks already due are done (a few
 * overdue, a few cancelled), running ones are in progress, future ones planned.
 */
function statusOn(r: Random, startDate: string, dueDate: string, today: string): string {
  if (startDate > today) return r.weighted([['planned', 9], ['in_progress', 1]]);
  if (dueDate < today) return r.weighted([['done', 94], ['in_progress', 4], ['cancelled', 2]]);
  return r.weighted([['in_progress', 90], ['done', 6], ['planned', 3], ['cancelled', 1]]);
}

/** Progress near the elapsed share of the task's time (±20 points), 5–95. */
function progressOn(r: Random, startDate: string, dueDate: string, today: string): number {
  const elapsed = daysBetween(startDate, today) / Math.max(1, daysBetween(startDate, dueDate));
  return Math.max(5, Math.min(95, Math.round(Math.min(1, Math.max(0, elapsed)) * 100) + r.int(-20, 20)));
}

/** Open tasks report weekly (three in four within the last 9 days); closed ones last reported near their due date. */
function lastReportDay(r: Random, startDate: string, dueDate: string, status: string, today: string): string {
  const until = status === 'in_progress' ? today : dueDate < today ? dueDate : today;
  const back = status === 'in_progress' ? (r.chance(0.75) ? r.int(0, 9) : r.int(10, 40)) : r.int(0, 14);
  const day = addDays(until, -back);
  return day < startDate ? startDate : day;
}

/** Picks 1–3 goals; about 60% of tasks get both tracks (fused). */
function pickGoals(t: TenantRefs): string[] {
  const party = t.goals.filter((g) => g.track === 'party');
  const business = t.goals.filter((g) => g.track === 'business');
  if (t.r.chance(0.6)) return [t.r.pick(party).id, t.r.pick(business).id, ...(t.r.chance(0.3) ? [t.r.pick(business).id] : [])].filter((v, i, a) => a.indexOf(v) === i);
  return [t.r.pick(t.r.chance(0.5) ? party : business).id];
}

/**
 * The task breakdown: a quarter top-level, the rest subtasks (to depth 3)
 * inside their parent's dates; 90% in the active campaign.
 */
export async function genTasks(t: TenantRefs): Promise<number> {
  const { r } = t;
  const owners = t.units.filter((u) => u.kind !== 'committee');
  const fusedGoal = new Set(t.goals.filter((g) => g.track === 'party').map((g) => g.id));
  const officeUser = t.users.get('office')!.id;
  const perCampaign: TaskRef[][] = t.campaigns.map(() => []);
  t.tasks = [];
  function* rows() {
    for (let i = 0; i < t.spec.tasks; i++) {
      const ci = r.chance(0.9) ? t.campaigns.length - 1 : 0;
      const c = t.campaigns[ci];
      const siblings = perCampaign[ci];
      const parent = siblings.length > 4 && r.chance(0.75) ? siblings[Math.floor(r.next() * siblings.length)] : null;
      const [lo, hi] = parent ? [parent.startDate, parent.dueDate] : [c.startDate, c.endDate];
      const span = Math.max(1, daysBetween(lo, hi));
      const startDate = addDays(lo, r.int(0, Math.floor(span / 2)));
      const dueDate = addDays(startDate, r.int(1, Math.max(1, daysBetween(startDate, hi))));
      const status = ci === 0 ? r.weighted([['done', 9], ['cancelled', 1]]) : statusOn(r, startDate, dueDate, t.today);
      const progress = status === 'done' ? 100 : status === 'planned' ? 0 : status === 'cancelled' ? r.int(0, 50) : progressOn(r, startDate, dueDate, t.today);
      const title = `${parent ? '' : `${r.pick(owners).short}`}${r.pick(verbs)}${r.pick(objects)}${parent ? `（第${(i % 9) + 1}项）` : ''}`;
      const goalIds = pickGoals(t);
      const coUnitIds = r.chance(0.3) ? r.sample(owners, r.int(1, 2)).map((u) => u.id) : [];
      const ref: TaskRef = { id: r.uuid(), title, ownerUnitId: r.pick(owners).id, startDate, dueDate, status, progress, goalIds, coUnitIds: [] };
      ref.coUnitIds = coUnitIds.filter((u) => u !== ref.ownerUnitId);
      siblings.push(ref);
      t.tasks.push(ref);
      const issued = status !== 'planned';
      const fused = goalIds.some((g) => fusedGoal.has(g)) && goalIds.some((g) => !fusedGoal.has(g));
      const created = at(r, lo);
      const description = `${title}：按计划分解落实，按周报送进展。`;
      yield {
        id: ref.id, tenantId: t.tenantId, campaignId: c.id, parentId: parent?.id ?? null, title, description,
        category: r.weighted(categories), ownerUnitId: ref.ownerUnitId, responsiblePersonId: r.pick(t.leaders), startDate, dueDate,
        weight: r.pick([1, 1, 1, 2, 3]), status, progress, fused, issuedAt: issued ? at(r, startDate) : null,
        signedAt: issued && r.chance(0.95) ? at(r, addDays(startDate, r.int(0, 3))) : null,
        lastReportAt: issued && progress > 0 ? at(r, lastReportDay(r, startDate, dueDate, status, t.today)) : null,
        completedAt: status === 'done' ? at(r, dueDate < t.today ? dueDate : t.today) : null, sortOrder: i, searchGrams: grams(title, description), createdBy: officeUser,
        createdAt: created, updatedAt: created,
      } satisfies typeof tasks.$inferInsert;
    }
  }
  return insertBatched(t.db, tasks, rows());
}

export async function genTaskUnits(t: TenantRefs): Promise<number> {
  return insertBatched(t.db, taskUnits, (function* () {
    for (const task of t.tasks) for (const unitId of task.coUnitIds) yield { tenantId: t.tenantId, taskId: task.id, unitId };
  })());
}

export async function genTaskGoals(t: TenantRefs): Promise<number> {
  return insertBatched(t.db, taskGoals, (function* () {
    for (const task of t.tasks) for (const goalId of task.goalIds) yield { tenantId: t.tenantId, taskId: task.id, goalId };
  })());
}
