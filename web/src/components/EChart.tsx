import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { ComposeOption, ECElementEvent } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TitleComponentOption, TooltipComponentOption } from 'echarts/components';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);

export type EChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TitleComponentOption | TooltipComponentOption
>;

export type EChartClick = Pick<ECElementEvent, 'seriesIndex' | 'seriesId' | 'seriesName' | 'dataIndex' | 'name' | 'value' | 'data'>;

interface Props {
  option: EChartOption;
  height?: number;
  testId?: string;
  /** a click on a bar, slice or point (e.g. to open the list behind it) */
  onClick?: (e: EChartClick) => void;
  /** 'dark' for the full-screen display */
  theme?: 'dark';
  /** svg keeps each segment a DOM element (clickable in browser tests, crisp on large screens) */
  renderer?: 'canvas' | 'svg';
}

/** A tree-shaken ECharts instance that follows its option and its box size. */
export function EChart({ option, height = 280, testId, onClick, theme, renderer = 'canvas' }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, theme, { renderer });
    chart.current = c;
    c.on('click', (e) => click.current?.(e as ECElementEvent));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [theme, renderer]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, theme, renderer]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
