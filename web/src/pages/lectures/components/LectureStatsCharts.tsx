import { useMemo } from 'react';
import { Card, Col, Empty, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LectureStats } from '@santong/contract';
import { EChart, type EChartOption } from '../../../components/EChart';

function barOption(rows: { name: string; count: number; audience: number }[], labels: { count: string; audience: string }): EChartOption {
  const top = rows.slice(0, 12);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: top.map((r) => r.name), axisLabel: { interval: 0, rotate: top.length > 6 ? 30 : 0, width: 90, overflow: 'truncate' } },
    yAxis: [
      { type: 'value', minInterval: 1, name: labels.count },
      { type: 'value', minInterval: 1, name: labels.audience, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: labels.count, data: top.map((r) => r.count), itemStyle: { color: '#c62828' }, barMaxWidth: 28, label: { show: true, position: 'top' } },
      { type: 'bar', name: labels.audience, yAxisIndex: 1, data: top.map((r) => r.audience), itemStyle: { color: '#f9a825' }, barMaxWidth: 28 },
    ],
  };
}

/** Totals per leader and per audience unit: lectures given and people reached. */
export function LectureStatsCharts({ stats, loading }: { stats: LectureStats | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const labels = useMemo(() => ({ count: t('lecture.stats.count'), audience: t('lecture.stats.audience') }), [t]);
  const byLecturer = useMemo(() => barOption(stats?.byLecturer ?? [], labels), [stats, labels]);
  const byUnit = useMemo(() => barOption(stats?.byUnit ?? [], labels), [stats, labels]);
  const chart = (title: string, option: EChartOption, n: number, testId: string) => (
    <Card size="small" title={title} loading={loading && !stats}>
      {n ? <EChart option={option} height={240} testId={testId} /> : <Empty description={t('home.noData')} />}
    </Card>
  );
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={4}>
        <Card size="small" style={{ height: '100%' }}>
          <Statistic title={t('lecture.stats.total')} value={stats?.total.count ?? 0} />
          <Statistic title={t('lecture.stats.totalAudience')} value={stats?.total.audience ?? 0} style={{ marginTop: 16 }} />
        </Card>
      </Col>
      <Col xs={24} md={10}>
        {chart(t('lecture.stats.byLecturer'), byLecturer, stats?.byLecturer.length ?? 0, 'lecture-chart-lecturer')}
      </Col>
      <Col xs={24} md={10}>
        {chart(t('lecture.stats.byUnit'), byUnit, stats?.byUnit.length ?? 0, 'lecture-chart-unit')}
      </Col>
    </Row>
  );
}
