import type { Outcome } from '@santong/contract';
import type { OutcomePersonRow, OutcomeRow } from './outcomes.repo.js';
import { iso } from '../study/refs.repo.js';

export function presentOutcome(r: OutcomeRow, people: OutcomePersonRow[]): Outcome {
  return {
    id: r.id,
    kind: r.kind as Outcome['kind'],
    title: r.title,
    unitId: r.unitId,
    unitName: r.unitName,
    people: people.filter((p) => p.outcomeId === r.id).map((p) => ({ id: p.id, name: p.name })),
    level: r.level as Outcome['level'],
    medium: r.medium,
    publishedOn: r.publishedOn,
    link: r.link,
    areaCode: r.areaCode,
    areaName: r.areaName,
    taskId: r.taskId,
    projectId: r.projectId,
    version: r.version,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

export const outcomeKindLabel: Record<string, string> = {
  theory_article: '理论文章',
  research_paper: '研究论文',
  think_tank_report: '智库报告',
  typical_case: '典型案例',
  innovation_case: '创新案例',
  media_report: '媒体报道',
  award: '奖励荣誉',
};

export const outcomeLevelLabel: Record<string, string> = { national: '国家级', provincial: '省级', municipal: '市级', school: '校级' };
