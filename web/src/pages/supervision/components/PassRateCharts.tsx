import { useMemo, useState } from 'react';
import { Card, Col, DatePicker, Empty, Row, Space, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { SupervisionStats } from '@santong/contract';
import { EChart, type EChartOption } from '../../../components/EChart';
import { useSupervisionStats } from '../hooks';
import { percent } from '../labels';

type Figures = SupervisionStats['total'];

/** Stacked pass / partial / fail counts with the pass rate on a second axis. */
function rateOption(names: string[], rows: Figures[], labels: { pass: string; partial: string; fail: string; rate: string }, horizontal: boolean): EChartOption {
  const cat = { type: 'category' as const, data: names, inverse: horizontal, axisLabel: { interval: 0, rotate: horizontal ? 0 : 30 } };
  const val = { type: 'value' as const, minInterval: 1 };
  const bar = (name: string, key: 'pass' | 'partial' | 'fail', color: string) => ({ name, type: 'bar' as const, stack: 'n', itemStyle: { color }, data: rows.map((r) => r[key]) });
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: horizontal ? 150 : 40, right: 30, top: 20, bottom: horizontal ? 40 : 80 },
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? cat : val,
    series: [bar(labels.pass, 'pass', '#52c41a'), bar(labels.partial, 'partial', '#fa8c16'), bar(labels.fail, 'fail', '#f5222d')],
  } as EChartOption;
}

function RateTable({ rows, nameTitle }: { rows: (Figures & { key: string; name: string })[]; nameTitle: string }) {
  const { t } = useTranslation();
  return (
    <Table size="small" rowKey="key" pagination={false} dataSource={rows} columns={[
      { title: nameTitle, dataIndex: 'name', key: 'name' },
      { title: t('supervision.checkCount'), dataIndex: 'checks', key: 'checks', align: 'right', width: 70 },
      { title: t('supervision.result.pass'), dataIndex: 'pass', key: 'pass', align: 'right', width: 60 },
      { title: t('supervision.result.partial'), dataIndex: 'partial', key: 'partial', align: 'right', width: 70 },
      { title: t('supervision.result.fail'), dataIndex: 'fail', key: 'fail', align: 'right', width: 60 },
      { title: t('supervision.passRate'), dataIndex: 'rate', key: 'rate', align: 'right', width: 80, render: (r: number) => percent(r) },
    ]} />
  );
}

/** 合格率: by unit and by month for a campaign and a range of months, within the reader's scope. */
export function PassRateCharts({ campaignId }: { campaignId?: string }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<[dayjs.Dayjs, dayjs.Dayjs] | null>(null);
  const { data } = useSupervisionStats({ campaignId, from: range?.[0].format('YYYY-MM'), to: range?.[1].format('YYYY-MM') });
  const labels = useMemo(() => ({ pass: t('supervision.result.pass'), partial: t('supervision.result.partial'), fail: t('supervision.result.fail'), rate: t('supervision.passRate') }), [t]);
  const byUnit = useMemo(() => (data?.byUnit ?? []).map((r) => ({ ...r, key: r.unitId, name: r.unitName })), [data]);
  const byMonth = useMemo(() => (data?.byMonth ?? []).map((r) => ({ ...r, key: r.month, name: r.month })), [data]);
  const unitOption = useMemo(() => rateOption(byUnit.map((r) => `${r.name} ${percent(r.rate)}`), byUnit, labels, true), [byUnit, labels]);
  const monthOption = useMemo(() => rateOption(byMonth.map((r) => `${r.name}（${percent(r.rate)}）`), byMonth, labels, false), [byMonth, labels]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="supervision-stats">
      <Space wrap>
        <DatePicker.RangePicker picker="month" value={range} onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)} placeholder={[t('supervision.month'), t('supervision.month')]} />
      </Space>
      <Row gutter={16}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('supervision.checkCount')} value={data?.total.checks ?? 0} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('supervision.totalRate')} value={percent(data?.total.rate ?? 0)} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('supervision.result.partial')} value={data?.total.partial ?? 0} valueStyle={{ color: '#fa8c16' }} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('supervision.result.fail')} value={data?.total.fail ?? 0} valueStyle={{ color: '#f5222d' }} /></Card></Col>
      </Row>
      <Card size="small" title={t('supervision.byMonth')}>
        {byMonth.length === 0 ? <Empty /> : (
          <Row gutter={16}>
            <Col xs={24} lg={14}><EChart option={monthOption} height={300} testId="chart-by-month" /></Col>
            <Col xs={24} lg={10}><RateTable rows={byMonth} nameTitle={t('supervision.month')} /></Col>
          </Row>
        )}
      </Card>
      <Card size="small" title={t('supervision.byUnit')}>
        {byUnit.length === 0 ? <Empty /> : (
          <Row gutter={16}>
            <Col xs={24} lg={14}><EChart option={unitOption} height={Math.max(260, byUnit.length * 28 + 60)} testId="chart-by-unit" /></Col>
            <Col xs={24} lg={10}><RateTable rows={byUnit} nameTitle={t('supervision.unit')} /></Col>
          </Row>
        )}
      </Card>
    </Space>
  );
}
