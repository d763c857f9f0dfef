import type { RectificationTask, ResearchProblem, ResearchTopic, ResearchTopicDetail } from '@santong/contract';
import type { ProblemRow, TopicRow, TopicUnitRow } from './research.repo.js';
import { iso } from '../study/refs.repo.js';

export function presentTopic(r: TopicRow, units: TopicUnitRow[]): ResearchTopic {
  return {
    id: r.id,
    campaignId: r.campaignId,
    title: r.title,
    problemArea: r.problemArea,
    leaderPersonId: r.leaderPersonId,
    leaderName: r.leaderName,
    status: r.status as ResearchTopic['status'],
    units: units.filter((u) => u.topicId === r.id).map((u) => ({ id: u.id, name: u.name })),
    reportDocument: r.reportDocumentId && r.reportTitle ? { id: r.reportDocumentId, title: r.reportTitle, docNo: r.reportDocNo } : null,
    findings: r.findings,
    problemCount: r.problemCount,
    rectifiedCount: r.rectifiedCount,
    doneCount: r.doneCount,
    version: r.version,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

export function presentTask(p: ProblemRow): RectificationTask | null {
  if (!p.taskId) return null;
  return {
    id: p.taskId,
    title: p.taskTitle ?? '',
    status: p.taskStatus ?? 'planned',
    progress: p.taskProgress ?? 0,
    startDate: p.taskStartDate ?? '',
    dueDate: p.taskDueDate ?? '',
    ownerUnitName: p.taskOwnerUnitName ?? '',
    done: p.taskStatus === 'done',
  };
}

export function presentProblem(p: ProblemRow): ResearchProblem {
  return {
    id: p.id,
    topicId: p.topicId,
    description: p.description,
    ownerUnitId: p.ownerUnitId,
    ownerUnitName: p.ownerUnitName,
    rectificationTaskId: p.rectificationTaskId,
    task: presentTask(p),
    createdAt: iso(p.createdAt),
  };
}

export function presentTopicDetail(r: TopicRow, units: TopicUnitRow[], problems: ProblemRow[]): ResearchTopicDetail {
  return { ...presentTopic(r, units), problems: problems.map(presentProblem) };
}

export const researchStatusLabel: Record<string, string> = {
  proposed: '立项申报',
  approved: '已批准',
  in_progress: '调研中',
  reported: '已报告',
  closed: '已结题',
};
