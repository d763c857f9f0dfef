import { useMemo } from 'react';
import { Card, Empty } from 'antd';
import { EChart, type EChartOption } from '../../../components/EChart';

const palette = ['#c62828', '#ef6c00', '#f9a825', '#1565c0', '#6d4c41', '#2e7d32', '#8e24aa'];

/** A small bar chart of label → count. */
export function DistributionChart({ title, data, emptyText }: { title: string; data: { name: string; value: number }[]; emptyText: string }) {
  const option = useMemo<EChartOption>(
    () => ({
      color: palette,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.map((d) => d.name), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 36,
          data: data.map((d, i) => ({ value: d.value, itemStyle: { color: palette[i % palette.length] } })),
          label: { show: true, position: 'top' },
        },
      ],
    }),
    [data],
  );
  return (
    <Card title={title} size="small" data-testid="home-chart">
      {data.length ? <EChart option={option} height={260} /> : <Empty description={emptyText} />}
    </Card>
  );
}
