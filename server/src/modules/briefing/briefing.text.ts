import { mediumSuggestions, type Cockpit } from '@santong/contract';
import { outcomeKindLabel, outcomeLevelLabel } from '../outcomes/outcomes.presenter.js';
import { researchStatusLabel } from '../research/research.presenter.js';
import type { DeployCounts, ExecuteCounts, HighlightRow } from './briefing.repo.js';

/**
 * The briefing's sentences: templates of a Chinese work report filled with
 * the figures. Pure functions, so the wording is tested without a database.
 */

export interface BriefingData {
  cockpit: Cockpit;
  deploy: DeployCounts;
  exec: ExecuteCounts;
  highlights: HighlightRow[];
}

/** 67.3% — one decimal, as work reports write ratios. */
export const pct = (r: number) => `${(Math.round(r * 1000) / 10).toFixed(1)}%`;

const cnDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export function periodText(from: string | null, to: string | null): string {
  if (from && to) return `${cnDate(from)}至${cnDate(to)}`;
  if (from) return `${cnDate(from)}以来`;
  if (to) return `截至${cnDate(to)}`;
  return '全部时段';
}

/** Measure words by outcome kind (篇 for writing, 份 for reports, 个 for cases, 项 for awards). */
export const outcomeUnit: Record<string, string> = {
  theory_article: '篇', research_paper: '篇', think_tank_report: '份', typical_case: '个', innovation_case: '个', media_report: '篇', award: '项',
};

const studyLabel: Record<string, string> = { central_group: '中心组学习', reading_class: '读书班', seminar: '专题研讨', branch_study: '支部学习' };
const activityLabel: Record<string, string> = { forum: '论坛', seminar: '座谈会', competition: '竞赛', studio: '工作室活动', practice: '实践活动', other: '其他活动' };

const list = (parts: string[]) => parts.join('、');
const statusCount = (c: Cockpit, s: string) => c.tasks.byStatus.find((x) => x.key === s)?.count ?? 0;

/** 同部署: documents, tasks and fusion, study, research topics, lectures. */
export function deploySentences(d: BriefingData): string[] {
  const { cockpit: c, deploy } = d;
  const f = c.fusion.overall;
  const out: string[] = [];
  if (deploy.plans || deploy.documents) out.push(`围绕工作部署，制定工作方案${deploy.plans}份、相关文件${deploy.documents}份，明确任务书、路线图和时间表。`);
  out.push(
    f.total
      ? `本期共部署任务${f.total}项，其中党建与业务融合任务${f.fused}项，融合率${pct(f.ratio)}（按权重计${pct(f.weightedRatio)}）。`
      : '本期暂无部署任务。',
  );
  if (deploy.studySessions) {
    const kinds = list(deploy.studyByKind.map((k) => `${studyLabel[k.kind] ?? k.kind}${k.count}次`));
    out.push(`坚持以学促干，开展集中学习${deploy.studySessions}次（${kinds}），推动理论学习与业务发展相融合。`);
  }
  if (c.research.total) {
    const kinds = list(c.research.byStatus.map((s) => `${researchStatusLabel[s.key] ?? s.key}${s.count}个`));
    out.push(`聚焦发展难题确定调研课题${c.research.total}个，其中${kinds}。`);
  }
  if (c.lectures.total) {
    const upcoming = c.lectures.upcoming ? `，另有${c.lectures.upcoming}场已列入计划` : '';
    out.push(`领导班子成员深入分管部门、联系单位讲授专题党课${c.lectures.held}场次，覆盖党员干部${c.lectures.audience}人次${upcoming}。`);
  }
  return out;
}

/** 同落实: progress by status, the red/amber/green warning, reports, activities. */
export function executeSentences(d: BriefingData): string[] {
  const { cockpit: c, exec } = d;
  const total = c.tasks.total - statusCount(c, 'cancelled');
  const done = statusCount(c, 'done');
  const out: string[] = [];
  if (total) {
    out.push(
      `各项任务中，已完成${done}项、进行中${statusCount(c, 'in_progress')}项、未开始${statusCount(c, 'planned')}项，任务完成率${pct(total ? done / total : 0)}。`,
    );
    out.push(`按红黄绿灯预警，红灯${c.tasks.rag.red}项、黄灯${c.tasks.rag.amber}项、绿灯${c.tasks.rag.green}项，红灯任务已纳入每周调度督办。`);
  }
  if (exec.reportsSubmitted) out.push(`各单位联络员提交任务进展报告${exec.reportsSubmitted}份，经审核通过${exec.reportsApproved}份。`);
  if (exec.activities) {
    const kinds = list(exec.activitiesByKind.map((k) => `${activityLabel[k.kind] ?? k.kind}${k.count}场`));
    out.push(`搭建特色平台，开展${kinds}，共${exec.activities}场次，参与${exec.activityParticipants}人次。`);
  }
  const best = [...c.fusion.byUnit].filter((u) => u.total >= 3).sort((a, b) => b.ratio - a.ratio || b.total - a.total).slice(0, 3);
  if (best.length) out.push(`融合率较高的单位有：${list(best.map((u) => `${u.unitName}（${pct(u.ratio)}）`))}。`);
  return out;
}

/** 同考核: supervision checks, follow-up items, the published assessment. */
export function assessSentences(d: BriefingData): string[] {
  const { supervision: s, followUps: fu, assessment: a } = d.cockpit;
  const out: string[] = [];
  out.push(
    s.total
      ? `开展日常督导检查${s.total}次，通过${s.pass}次、基本通过${s.partial}次、未通过${s.fail}次，检查通过率${pct(s.passRate)}。`
      : '本期暂无督导检查记录。',
  );
  if (fu.total) out.push(`每周一调度形成督办事项${fu.total}项，已办结${fu.closed}项，尚在办理${fu.open}项，其中逾期${fu.overdue}项。`);
  if (a && a.ranking.length) {
    const grades = list(a.byGrade.filter((g) => g.count).map((g) => `${g.label}${g.count}个`));
    const top = a.ranking.filter((r) => !r.vetoed).slice(0, 3).map((r) => r.name);
    out.push(`${a.year}年度考核（${a.title}）结果已发布，共考核${a.ranking.length}个单位，其中${grades}。`);
    if (top.length) out.push(`排名前列的单位为：${list(top)}。`);
  }
  return out;
}

/** The media named one by one (S15: 中国教育报, the provincial briefing); the rest summed as central and provincial media. */
export const featuredMedia: readonly string[] = mediumSuggestions.slice(0, 2);

export function mediaSentence(c: Cockpit): string | null {
  const media = c.outcomes.byMedium;
  if (!media.length) return null;
  const named = featuredMedia.flatMap((m) => {
    const row = media.find((x) => x.key === m);
    return row ? [`在${m}刊发报道${row.count}篇`] : [];
  });
  const others = media.filter((x) => !featuredMedia.includes(x.key));
  const central = others.reduce((s, x) => s + x.national + x.provincial, 0);
  const examples = others.filter((x) => x.national + x.provincial > 0).slice(0, 2).map((x) => x.key);
  if (central) named.push(`在${list(examples)}等中央和省级媒体刊发报道${central}篇`);
  const local = others.reduce((s, x) => s + x.count - x.national - x.provincial, 0);
  if (local) named.push(`在其他媒体刊发报道${local}篇`);
  return named.length ? `宣传报道方面，${named.join('，')}。` : null;
}

/** 成效: outcomes by kind, the media, the highlights. */
export function outcomeSentences(d: BriefingData): string[] {
  const o = d.cockpit.outcomes;
  if (!o.total) return ['本期暂无登记成果。'];
  const kinds = list(o.byKind.map((k) => `${outcomeKindLabel[k.key] ?? k.key}${k.count}${outcomeUnit[k.key] ?? '项'}`));
  const levels = list(o.byLevel.map((l) => `${outcomeLevelLabel[l.key] ?? l.key}${l.count}项`));
  const out = [`本期共取得各类成果${o.total}项，其中${kinds}${levels ? `；按级别分，${levels}` : ''}。`];
  const media = mediaSentence(d.cockpit);
  if (media) out.push(media);
  return out;
}

export function highlightLines(rows: HighlightRow[]): string[] {
  return rows.map((h, i) => `${i + 1}. 《${h.title.replace(/^《|》$/g, '')}》（${h.unitName}，${outcomeLevelLabel[h.level] ?? h.level}${outcomeKindLabel[h.kind] ?? h.kind}）`);
}
