import { activities, outcomes, progressReports } from '../../server/src/db/schema/index.js';
import { insertBatched } from './batch.js';
import { grams } from '../../server/src/platform/search/grams.js';
import { addDays, at, daysBetween } from './random.js';
import type { TenantRefs } from './refs.js';

// Enum values follow issue 4; align them with contract/src once the execute contracts land.
const done = ['完成专题学习两次，形成学习纪要', '召开推进会，明确责任分工', '完成阶段性调研，形成问题清单', '组织党员志愿服务一次', '完成方案修订并报审'];
const problems = ['部分环节进度偏慢', '经费到位较晚', '参与面有待扩大', null, null];

/** Reports spread over the issued tasks, most approved, some returned or waiting for review. */
export async function genProgressReports(t: TenantRefs): Promise<number> {
  const { r } = t;
  const issued = t.tasks.filter((x) => x.status !== 'planned');
  if (issued.length === 0 || t.spec.progressReports === 0) return 0;
  const liaison = t.users.get('liaison')!;
  const inspector = t.users.get('inspector')!;
  function* rows() {
    for (let i = 0; i < t.spec.progressReports; i++) {
      const task = issued[i % issued.length];
      const round = Math.floor(i / issued.length);
      const span = Math.max(1, Math.min(daysBetween(task.startDate, task.dueDate), daysBetween(task.startDate, t.today)));
      const day = addDays(task.startDate, Math.min(span, round * 7 + r.int(0, 6)));
      const status = r.weighted([['approved', 8], ['submitted', 1], ['returned', 1]]);
      const submittedAt = at(r, day);
      yield {
        id: r.uuid(), tenantId: t.tenantId, taskId: task.id, reporterId: liaison.id, reporterName: liaison.name,
        progress: Math.min(100, Math.round((task.progress * (round + 1)) / 10)), doneText: r.pick(done), problems: r.pick(problems),
        nextSteps: '按计划推进下一阶段工作', status, reviewerId: status === 'submitted' ? null : inspector.id,
        reviewerName: status === 'submitted' ? null : inspector.name, reviewComment: status === 'returned' ? '请补充佐证材料' : null,
        reviewedAt: status === 'submitted' ? null : new Date(submittedAt.getTime() + 86_400_000), submittedAt, createdAt: submittedAt,
      } satisfies typeof progressReports.$inferInsert;
    }
  }
  return insertBatched(t.db, progressReports, rows());
}

const activityKinds = [['forum', 1], ['seminar', 3], ['competition', 1], ['studio', 2], ['practice', 2], ['other', 1]] as const;
const activityTopics = ['“三同”主题党日', '师生座谈会', '技能竞赛', '双带头人工作室开放日', '社区志愿服务', '读书分享会'];

export async function genActivities(t: TenantRefs): Promise<number> {
  const { r } = t;
  const hosts = t.units.filter((u) => u.kind !== 'committee');
  const year = t.today.slice(0, 4);
  return insertBatched(t.db, activities, (function* () {
    for (let i = 0; i < t.spec.activities; i++) {
      const unit = r.pick(hosts);
      const title = `${unit.short}${r.pick(activityTopics)}`;
      const heldOn = addDays(`${year}-01-01`, r.int(0, Math.max(0, daysBetween(`${year}-01-01`, t.today))));
      yield {
        id: r.uuid(), tenantId: t.tenantId, campaignId: t.campaigns[t.campaigns.length - 1].id, kind: r.weighted(activityKinds), title,
        unitId: unit.id, heldOn, participants: r.int(10, 200), summary: `${title}顺利举行。`, searchGrams: grams(title), createdAt: at(r, heldOn), updatedAt: at(r, heldOn),
      } satisfies typeof activities.$inferInsert;
    }
  })());
}

const outcomeKinds = [['theory_article', 2], ['research_paper', 3], ['think_tank_report', 1], ['typical_case', 2], ['innovation_case', 2], ['media_report', 3], ['award', 1]] as const;
const levels = [['national', 1], ['provincial', 3], ['municipal', 3], ['school', 5]] as const;
const media = ['中国教育报', '省宣传简报', '人民网', '学习强国', null];

export async function genOutcomes(t: TenantRefs): Promise<number> {
  const { r } = t;
  const hosts = t.units.filter((u) => u.kind !== 'committee');
  return insertBatched(t.db, outcomes, (function* () {
    for (let i = 0; i < t.spec.outcomes; i++) {
      const unit = r.pick(hosts);
      const task = t.tasks.length && r.chance(0.3) ? r.pick(t.tasks) : null;
      const title = `${unit.short}${task ? task.title.slice(0, 12) : '党建工作'}成果（${i + 1}）`;
      const medium = r.pick(media);
      const publishedOn = addDays(t.today, -r.int(0, 700));
      yield {
        id: r.uuid(), tenantId: t.tenantId, kind: r.weighted(outcomeKinds), title, unitId: unit.id, level: r.weighted(levels), medium,
        publishedOn, taskId: task?.id ?? null, searchGrams: grams(title, medium), createdAt: at(r, publishedOn), updatedAt: at(r, publishedOn),
      } satisfies typeof outcomes.$inferInsert;
    }
  })());
}
