import type { ResultRow, ResultTable } from '@santong/contract';
import { groupedWorkbook, type XlsxColumnGroup } from '../../platform/excel.js';

/**
 * The ranking as .xlsx with two header rows: target | total | 分项得分 (party,
 * business, featured) | 评价组得分 (one column per rater group) | adjustments | rank | grade.
 */
export function resultsWorkbook(table: ResultTable): Promise<Buffer> {
  const one = (header: string, key: string, value: (r: ResultRow) => string | number | null, width = 12): XlsxColumnGroup<ResultRow> => ({ header, columns: [{ header, key, width, value }] });
  const groups: XlsxColumnGroup<ResultRow>[] = [
    one('考核对象', 'target', (r) => r.targetName, 28),
    one('总分', 'total', (r) => r.total),
    {
      header: '分项得分',
      columns: [
        { header: '党建', key: 'party', value: (r) => r.party },
        { header: '业务', key: 'business', value: (r) => r.business },
        { header: '特色工作', key: 'featured', value: (r) => r.featured },
      ],
    },
  ];
  if (table.groups.length) {
    groups.push({
      header: '评价组得分',
      columns: table.groups.map((g) => ({ header: `${g.name}（${g.weight}%）`, key: `g_${g.id}`, width: 16, value: (r: ResultRow) => r.groupTotals[g.id] ?? null })),
    });
  }
  groups.push(one('加减分', 'adjustments', (r) => r.adjustments), one('排名', 'rank', (r) => r.rank, 8), one('等次', 'grade', (r) => (r.vetoed ? `${r.gradeLabel}（一票否决）` : r.gradeLabel)));
  return groupedWorkbook('考核结果', groups, table.items);
}
