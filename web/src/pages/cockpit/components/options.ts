import type { TFunction } from 'i18next';
import type { Cockpit } from '@santong/contract';
import type { EChartOption } from '../../../components/EChart';

/** ECharts options of the cockpit; `dark` for the wall display (larger type, transparent background). */

export const statusColor: Record<string, string> = { done: '#52c41a', in_progress: '#1677ff', planned: '#bfbfbf', cancelled: '#8c8c8c' };
export const ragColor: Record<string, string> = { red: '#f5222d', amber: '#faad14', green: '#52c41a', none: '#bfbfbf' };
const palette = ['#c62828', '#1677ff', '#52c41a', '#faad14', '#722ed1', '#13c2c2', '#fa8c16', '#8c564b'];

const base = (dark: boolean): EChartOption => ({
  color: palette,
  backgroundColor: 'transparent',
  textStyle: { fontSize: dark ? 16 : 12 },
  tooltip: { trigger: 'item' },
});

const pctLabel = (v: number) => `${Math.round(v * 1000) / 10}%`;

export function progressOption(c: Cockpit, t: TFunction, dark: boolean): EChartOption {
  const units = c.tasks.byUnit;
  return {
    ...base(dark),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 10, bottom: 36, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: units.map((u) => u.unitName), axisLabel: { width: 130, overflow: 'truncate' } },
    series: (['done', 'in_progress', 'planned'] as const).map((s) => ({
      type: 'bar', stack: 'tasks', name: t(`task.status.${s}`), id: s, data: units.map((u) => u[s]), itemStyle: { color: statusColor[s] }, barMaxWidth: 18,
    })),
  };
}

export function ragOption(c: Cockpit, t: TFunction, dark: boolean): EChartOption {
  const data = (['red', 'amber', 'green'] as const).map((r) => ({ name: t(`task.rag.${r}`), value: c.tasks.rag[r], id: r, itemStyle: { color: ragColor[r] } }));
  return { ...base(dark), legend: { bottom: 0 }, series: [{ type: 'pie', radius: ['36%', '62%'], center: ['50%', '45%'], label: { formatter: '{b} {c}', overflow: 'none' }, data }] };
}

export function fusionOption(c: Cockpit, t: TFunction, dark: boolean): EChartOption {
  const units = c.fusion.byUnit;
  return {
    ...base(dark),
    tooltip: { trigger: 'axis', valueFormatter: (v) => pctLabel(Number(v)) },
    grid: { left: 8, right: 40, top: 10, bottom: 10, containLabel: true },
    xAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => pctLabel(v) } },
    yAxis: { type: 'category', inverse: true, data: units.map((u) => u.unitName), axisLabel: { width: 130, overflow: 'truncate' } },
    series: [{ type: 'bar', name: t('cockpit.series.fusionRatio'), data: units.map((u) => u.ratio), barMaxWidth: 16, itemStyle: { color: '#c62828' },
      label: { show: true, position: 'right', formatter: (p: { value: unknown }) => pctLabel(Number(p.value)) } }],
  };
}

export function barOption(items: { name: string; value: number }[], dark: boolean, color = '#c62828'): EChartOption {
  return {
    ...base(dark),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 36, top: 10, bottom: 10, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: items.map((i) => i.name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [{ type: 'bar', data: items.map((i) => i.value), barMaxWidth: 18, itemStyle: { color }, label: { show: true, position: 'right' } }],
  };
}

export function pieOption(items: { name: string; value: number; color?: string }[], dark: boolean): EChartOption {
  return {
    ...base(dark),
    legend: { bottom: 0 },
    // labels never truncate: the pie shrinks a little instead
    series: [{ type: 'pie', radius: ['32%', '58%'], center: ['50%', '44%'], label: { formatter: '{b} {c}', overflow: 'none' }, data: items.map((i) => ({ name: i.name, value: i.value, itemStyle: i.color ? { color: i.color } : undefined })) }],
  };
}

export function supervisionOption(c: Cockpit, t: TFunction, dark: boolean): EChartOption {
  const months = c.supervision.byMonth;
  return {
    ...base(dark),
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 20, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', max: 1, axisLabel: { formatter: (v: number) => pctLabel(v) } }],
    series: [
      { type: 'bar', name: t('cockpit.series.total'), data: months.map((m) => m.total), barMaxWidth: 24, itemStyle: { color: '#1677ff' } },
      { type: 'line', name: t('cockpit.series.passRate'), yAxisIndex: 1, data: months.map((m) => m.passRate), itemStyle: { color: '#c62828' }, label: { show: true, formatter: (p: { value: unknown }) => pctLabel(Number(p.value)) } },
    ],
  };
}
