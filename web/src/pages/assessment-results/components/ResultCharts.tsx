import { useMemo } from 'react';
import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResultGradeDistribution, ResultRow } from '@santong/contract';
import { EChart, type EChartOption } from '../../../components/EChart';

/** Grade distribution (pie) and the party / business / featured sub-totals of each visible target (stacked bars). */
export function ResultCharts({ rows, distribution }: { rows: ResultRow[]; distribution?: ResultGradeDistribution }) {
  const { t } = useTranslation();
  const pie = useMemo<EChartOption>(() => ({
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['40%', '68%'], data: (distribution?.items ?? []).filter((g) => g.count > 0).map((g) => ({ name: g.label, value: g.count })), label: { formatter: '{b} {c}' } }],
  }), [distribution]);
  const bars = useMemo<EChartOption>(() => {
    const names = rows.map((r) => r.targetName);
    const series = (['party', 'business', 'featured'] as const).map((k) => ({ type: 'bar' as const, stack: 'total', name: t(`results.${k}`), data: rows.map((r) => r[k]) }));
    return { tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 40, right: 16, top: 16, bottom: 80 }, xAxis: { type: 'category', data: names, axisLabel: { rotate: 30, interval: 0 } }, yAxis: { type: 'value' }, series } as EChartOption;
  }, [rows, t]);
  return (
    <Row gutter={12}>
      <Col xs={24} md={8}><Card size="small" title={t('results.distribution')}><EChart option={pie} height={260} testId="grade-chart" /></Card></Col>
      <Col xs={24} md={16}><Card size="small" title={t('results.subtotalChart')}><EChart option={bars} height={260} testId="subtotal-chart" /></Card></Col>
    </Row>
  );
}
