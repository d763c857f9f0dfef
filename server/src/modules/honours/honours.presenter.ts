import { honourCategories, type HonourNomination, type HonourQuotas, type HonourRound } from '@santong/contract';
import type { CountRow, NominationRow, RoundRow } from './honours.repo.js';
import { iso } from '../study/refs.repo.js';

export function presentRound(r: RoundRow, counts: CountRow[]): HonourRound {
  const of = (c: string) => {
    const row = counts.find((x) => x.roundId === r.id && x.category === c);
    return { nominated: row?.nominated ?? 0, approved: row?.approved ?? 0, awarded: row?.awarded ?? 0 };
  };
  const quotas = Object.fromEntries(honourCategories.map((c) => [c, Number(r.quotas?.[c] ?? 0)])) as HonourQuotas;
  return {
    id: r.id,
    year: r.year,
    title: r.title,
    status: r.status as HonourRound['status'],
    publicityStart: r.publicityStart,
    publicityEnd: r.publicityEnd,
    quotas,
    counts: { outstanding_member: of('outstanding_member'), outstanding_worker: of('outstanding_worker'), advanced_organisation: of('advanced_organisation') },
    version: r.version,
    createdAt: iso(r.createdAt),
  };
}

export function presentNomination(n: NominationRow): HonourNomination {
  return {
    id: n.id,
    roundId: n.roundId,
    category: n.category as HonourNomination['category'],
    nomineePersonId: n.nomineePersonId,
    nomineeUnitId: n.nomineeUnitId,
    nomineeName: n.nomineeName,
    nomineeTitle: n.nomineeTitle,
    nomineePersonUnitName: n.nomineePersonUnitName,
    nominatingUnitId: n.nominatingUnitId,
    nominatingUnitName: n.nominatingUnitName,
    reason: n.reason,
    status: n.status as HonourNomination['status'],
    reviewNote: n.reviewNote,
    version: n.version,
    createdAt: iso(n.createdAt),
  };
}

/** Chinese labels for the export and the notifications (the tenant's language). */
export const honourCategoryLabel: Record<string, string> = {
  outstanding_member: '优秀共产党员',
  outstanding_worker: '优秀党务工作者',
  advanced_organisation: '先进基层党组织',
};

export const nominationStatusLabel: Record<string, string> = {
  nominated: '已推荐', approved: '审核通过', rejected: '未通过', awarded: '已授予', not_awarded: '未授予',
};
