import { useMemo, useState } from 'react';
import { Card, Col, DatePicker, Empty, Row, Space, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { OutcomeKind, OutcomeLevel, OutcomeStats } from '@santong/contract';
import { EChart, type EChartOption } from '../../components/EChart';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useOutcomeStats } from './hooks';
import { outcomeLabel } from './labels';
import { AreasCard } from './components/AreasCard';

type Dim = 'kind' | 'level' | 'medium' | 'areaCode';
type Row = OutcomeStats['byKind'][number];

/** One dimension: a table whose counts link to the filtered list, and a chart. */
function DimCard({ title, rows, dim, label, base, chart }: { title: string; rows: Row[]; dim: Dim; label: (r: Row) => string; base: Record<string, string>; chart: 'bar' | 'pie' }) {
  const { t } = useTranslation();
  const href = (r: Row) => `/execute/outcomes?${new URLSearchParams({ ...base, [dim]: r.key }).toString()}`;
  const option = useMemo<EChartOption>(() => {
    const data = rows.map((r) => ({ name: label(r), value: r.count }));
    if (chart === 'pie') return { tooltip: { trigger: 'item' }, legend: { bottom: 0 }, series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], label: { show: false }, data }] };
    return { tooltip: { trigger: 'axis' }, grid: { left: 150, right: 20, top: 10, bottom: 20 }, xAxis: { type: 'value' }, yAxis: { type: 'category', inverse: true, data: data.map((d) => d.name) }, series: [{ type: 'bar', data: data.map((d) => d.value) }] } as EChartOption;
  }, [rows, label, chart]);
  return (
    <Card size="small" title={title} data-testid={`outcome-stats-${dim}`}>
      {rows.length === 0 ? <Empty /> : (
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Table<Row> size="small" rowKey="key" pagination={false} dataSource={rows}
              columns={[{ title: title, key: 'name', render: (_, r) => label(r) }, { title: t('outcome.count'), key: 'count', width: 80, align: 'right', render: (_, r) => <Link to={href(r)}>{r.count}</Link> }]} />
          </Col>
          <Col xs={24} md={14}><EChart option={option} height={Math.max(220, rows.length * 28)} /></Col>
        </Row>
      )}
    </Card>
  );
}

/** 成果统计: counts by kind, level, medium and 建新功 area for a period, each count clickable to its list. */
export default function OutcomeStatsPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[dayjs.Dayjs, dayjs.Dayjs] | null>([dayjs().startOf('year'), dayjs().endOf('year')]);
  const [unitId, setUnitId] = useState<string | undefined>();
  const query = { from: range?.[0].format('YYYY-MM-DD'), to: range?.[1].format('YYYY-MM-DD'), unitId };
  const { data } = useOutcomeStats(query);
  const base = Object.fromEntries(Object.entries(query).filter(([, v]) => v)) as Record<string, string>;
  const kindLabel = (r: Row) => t(outcomeLabel.kind(r.key as OutcomeKind));
  const levelLabel = (r: Row) => t(outcomeLabel.level(r.key as OutcomeLevel));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <Space wrap>
          <DatePicker.RangePicker value={range} onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)} />
          <UnitTreeSelect value={unitId} onChange={(v) => setUnitId(v ?? undefined)} placeholder={t('outcome.unit')} style={{ width: 220 }} />
          <Typography.Text type="secondary">{t('outcome.statsHint')}</Typography.Text>
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('outcome.total')} value={data?.total ?? 0} /></Card></Col>
        {(data?.byKind ?? []).slice(0, 3).map((r) => (
          <Col xs={12} md={6} key={r.key}><Card size="small"><Link to={`/execute/outcomes?${new URLSearchParams({ ...base, kind: r.key })}`}><Statistic title={kindLabel(r)} value={r.count} /></Link></Card></Col>
        ))}
      </Row>
      <DimCard title={t('outcome.kind')} rows={data?.byKind ?? []} dim="kind" label={kindLabel} base={base} chart="bar" />
      <Row gutter={16}>
        <Col xs={24} lg={10}><DimCard title={t('outcome.level')} rows={data?.byLevel ?? []} dim="level" label={levelLabel} base={base} chart="pie" /></Col>
        <Col xs={24} lg={14}><DimCard title={t('outcome.medium')} rows={data?.byMedium ?? []} dim="medium" label={(r) => r.key} base={base} chart="bar" /></Col>
      </Row>
      <DimCard title={t('outcome.area')} rows={data?.byArea ?? []} dim="areaCode" label={(r) => r.name ?? r.key} base={base} chart="bar" />
      <AreasCard />
    </Space>
  );
}
