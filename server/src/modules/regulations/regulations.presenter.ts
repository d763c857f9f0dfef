import type { Regulation } from '@santong/contract';
import type { RegulationRow } from './regulations.repo.js';
import { iso } from '../study/refs.repo.js';

export function presentRegulation(r: RegulationRow): Regulation {
  return {
    id: r.id,
    seriesId: r.seriesId,
    versionNo: r.versionNo,
    previousId: r.previousId,
    title: r.title,
    docNo: r.docNo,
    ownerUnitId: r.ownerUnitId,
    ownerUnitName: r.ownerUnitName,
    category: r.category as Regulation['category'],
    status: r.status as Regulation['status'],
    effectiveOn: r.effectiveOn,
    revisedOn: r.revisedOn,
    abolishedOn: r.abolishedOn,
    abolishReason: r.abolishReason,
    body: r.body,
    version: r.version,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

export const regulationCategoryLabel: Record<string, string> = {
  party_building: '党的建设', administration: '行政管理', teaching: '教学管理', research: '科研管理',
  student: '学生管理', finance: '财务管理', logistics: '后勤保障', other: '其他',
};

export const regulationStatusLabel: Record<string, string> = { draft: '草案', in_force: '现行有效', revised: '已修订', abolished: '已废止' };
