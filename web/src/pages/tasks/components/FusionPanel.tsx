import { useMemo } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FusionReport } from '@santong/contract';
import { EChart, type EChartOption } from '../../../components/EChart';

const pct = (v: number) => Math.round(v * 1000) / 10;

/** The campaign's fusion ratio (plain and weighted) and a bar per owner unit. */
export function FusionPanel({ report }: { report: FusionReport | undefined }) {
  const { t } = useTranslation();
  const option = useMemo<EChartOption>(() => {
    const units = [...(report?.byUnit ?? [])].sort((a, b) => a.ratio - b.ratio);
    return {
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0, data: [t('task.fusion.ratio'), t('task.fusion.weighted')] },
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${v}%` },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: units.map((u) => u.unitName), axisLabel: { width: 110, overflow: 'truncate' } },
      series: [
        { name: t('task.fusion.ratio'), type: 'bar', data: units.map((u) => pct(u.ratio)), itemStyle: { color: '#c62828' }, barMaxWidth: 10 },
        { name: t('task.fusion.weighted'), type: 'bar', data: units.map((u) => pct(u.weightedRatio)), itemStyle: { color: '#f6a04d' }, barMaxWidth: 10 },
      ],
    } as EChartOption;
  }, [report, t]);
  const o = report?.overall;
  return (
    <Card size="small" title={t('task.fusion.title')} data-testid="fusion-panel">
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Statistic title={t('task.fusion.ratio')} value={o ? pct(o.ratio) : '-'} suffix="%" valueStyle={{ color: '#c62828' }} data-testid="fusion-ratio" />
          <Statistic title={t('task.fusion.weighted')} value={o ? pct(o.weightedRatio) : '-'} suffix="%" style={{ marginTop: 12 }} data-testid="fusion-weighted" />
          <Typography.Text type="secondary">{o ? t('task.fusion.count', { fused: o.fused, total: o.total }) : null}</Typography.Text>
        </Col>
        <Col xs={24} md={18}>
          <Typography.Text strong>{t('task.fusion.byUnit')}</Typography.Text>
          <EChart option={option} height={Math.max(180, (report?.byUnit.length ?? 0) * 22 + 40)} testId="fusion-chart" />
        </Col>
      </Row>
    </Card>
  );
}
