import { Descriptions, Drawer, Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResultDetail } from '@santong/contract';
import { useResultDetail } from '../hooks';
import { gradeColor } from '../labels';

type Line = ResultDetail['lines'][number];

/** One target's breakdown: each leaf indicator with its score per rater group, its weight and points. */
export function BreakdownDrawer({ schemeId, targetId, bands, onClose }: { schemeId: string; targetId: string | null; bands: { name: string }[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { data, isFetching } = useResultDetail(schemeId, targetId);
  const num = (v: number | null | undefined, d = 2) => (v === null || v === undefined ? '—' : Number(v.toFixed(d)));
  return (
    <Drawer open={!!targetId} width={980} onClose={onClose} title={data ? `${data.row.targetName} · ${t('results.breakdown')}` : t('results.breakdown')} loading={isFetching && !data}>
      {data && (
        <>
          <Descriptions size="small" column={4} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('results.total')}><b>{num(data.row.total)}</b></Descriptions.Item>
            <Descriptions.Item label={t('results.rank')}>{data.row.rank}</Descriptions.Item>
            <Descriptions.Item label={t('results.grade')}><Tag color={gradeColor(data.row.grade, bands)}>{data.row.gradeLabel}</Tag>{data.row.vetoed && <Tag color="red">{t('results.vetoed')}</Tag>}</Descriptions.Item>
            <Descriptions.Item label={t('results.adjustments')}>{data.row.adjustments}</Descriptions.Item>
            <Descriptions.Item label={t('results.party')}>{num(data.row.party)}</Descriptions.Item>
            <Descriptions.Item label={t('results.business')}>{num(data.row.business)}</Descriptions.Item>
            <Descriptions.Item label={t('results.featured')}>{num(data.row.featured)}</Descriptions.Item>
          </Descriptions>
          <Table<Line>
            rowKey="indicatorId"
            size="small"
            bordered
            pagination={false}
            data-testid="breakdown-table"
            dataSource={data.lines}
            scroll={{ x: 760 + data.groups.length * 100 }}
            columns={[
              { title: t('results.indicator'), key: 'path', render: (_, l) => <>{l.path.slice(0, -1).map((p) => <Typography.Text key={p} type="secondary">{p} / </Typography.Text>)}{l.name} {l.method === 'data' && <Tag>{t('results.method.data')}</Tag>}</> },
              { title: t('results.weight'), dataIndex: 'weight', width: 80, render: (w: number) => `${Number((w * 100).toFixed(2))}%` },
              { title: t('results.maxScore'), dataIndex: 'maxScore', width: 70 },
              ...data.groups.map((g) => ({ title: g.name, key: g.id, width: 100, render: (_: unknown, l: Line) => (l.method === 'data' ? '—' : num(l.groups[g.id])) })),
              { title: t('results.figure'), dataIndex: 'figure', width: 80, render: (v: number | null) => num(v, 3) },
              { title: t('results.score'), dataIndex: 'score', width: 80, render: (v: number) => num(v) },
              { title: t('results.contribution'), dataIndex: 'contribution', width: 80, render: (v: number) => num(v) },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('results.adjustmentItems')}</Typography.Title>
          {data.adjustmentItems.length ? data.adjustmentItems.map((a, i) => <Tag key={i} color={a.kind === 'bonus' ? 'green' : 'red'}>{a.item} {a.kind === 'veto' ? t('results.vetoed') : a.points}</Tag>) : <Typography.Text type="secondary">—</Typography.Text>}
          {data.reports.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>{t('results.reports')}</Typography.Title>
              {data.reports.map((r) => (
                <div key={r.kind} style={{ marginBottom: 12 }}>
                  <Typography.Text strong>{r.kind === 'secretary' || r.kind === 'party' ? t('results.report.secretary') : t('results.report.head')}</Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.body || <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}</Typography.Paragraph>
                </div>
              ))}
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
