import { Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResultRow, ResultTable } from '@santong/contract';
import { gradeColor } from '../labels';

/** The ranking with two-level headers: sub-totals and one column per rater group. */
export function RankingTable({ table, onOpen }: { table: ResultTable; onOpen: (row: ResultRow) => void }) {
  const { t } = useTranslation();
  const num = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(2));
  return (
    <Table<ResultRow>
      rowKey="targetId"
      size="middle"
      bordered
      data-testid="results-ranking"
      dataSource={table.items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(r) => ({ onClick: () => onOpen(r), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('results.rank'), dataIndex: 'rank', width: 70, fixed: 'left' },
        { title: t('results.target'), dataIndex: 'targetName', width: 180, fixed: 'left', render: (v: string) => <a>{v}</a> },
        { title: t('results.total'), dataIndex: 'total', width: 90, render: (v: number) => <b>{num(v)}</b> },
        {
          title: t('results.subtotals'),
          children: (['party', 'business', 'featured'] as const).map((k) => ({ title: t(`results.${k}`), dataIndex: k, key: k, width: 90, render: num })),
        },
        ...(table.groups.length
          ? [{ title: t('results.groupScores'), children: table.groups.map((g) => ({ title: `${g.name}（${g.weight}%）`, key: g.id, width: 110, render: (_: unknown, r: ResultRow) => num(r.groupTotals[g.id]) })) }]
          : []),
        { title: t('results.adjustments'), dataIndex: 'adjustments', width: 80, render: (v: number) => (v > 0 ? `+${v}` : v) },
        {
          title: t('results.grade'), dataIndex: 'grade', width: 120, fixed: 'right',
          render: (g: string, r) => (
            <>
              <Tag color={gradeColor(g, table.bands)} data-testid={`grade-${r.targetId}`}>{r.gradeLabel}</Tag>
              {r.vetoed && <Tooltip title={t('results.vetoed')}><Tag color="red">{t('results.vetoed')}</Tag></Tooltip>}
            </>
          ),
        },
      ]}
    />
  );
}
