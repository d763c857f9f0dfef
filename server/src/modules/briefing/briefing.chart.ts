import fs from 'node:fs';
import path from 'node:path';
import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';

/**
 * Charts for documents: ECharts renders to an SVG string on the server (no
 * DOM, no canvas), resvg turns it into a PNG. resvg draws text only with the
 * fonts it is given, so a CJK font is looked up among the system fonts once.
 */

const FONT_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto-cjk', '/usr/share/fonts/truetype/noto', '/usr/share/fonts/google-noto-cjk', '/System/Library/Fonts'];
const CJK_FAMILY = 'Noto Sans CJK SC';

let fontFiles: string[] | null = null;

/** Noto Sans CJK files when installed (fast: a few files instead of every system font). */
function cjkFontFiles(): string[] {
  if (fontFiles) return fontFiles;
  const found: string[] = [];
  for (const dir of FONT_DIRS) {
    try {
      // the regular weight only: each file is ~20 MB and is parsed on every render
      for (const f of fs.readdirSync(dir)) if (/NotoSansCJK(sc)?-Regular\.(ttc|otf)$|NotoSansSC-Regular\.(ttf|otf)$/i.test(f)) found.push(path.join(dir, f));
    } catch {
      // not on this machine
    }
  }
  fontFiles = found;
  return found;
}

export type ChartOption = echarts.EChartsCoreOption;

/** An ECharts option rendered as a PNG at twice its size (crisp when printed). */
export function renderChartPng(option: ChartOption, size: { width: number; height: number } = { width: 640, height: 320 }): Buffer {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  let svg: string;
  try {
    chart.setOption({ animation: false, backgroundColor: '#ffffff', textStyle: { fontFamily: CJK_FAMILY }, ...option });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const files = cjkFontFiles();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size.width * 2 },
    // Without a known CJK file, fall back to scanning the system fonts (slower, still correct).
    font: { fontFiles: files, loadSystemFonts: files.length === 0, defaultFontFamily: CJK_FAMILY, sansSerifFamily: CJK_FAMILY },
  });
  return resvg.render().asPng();
}

const palette = ['#c62828', '#1565c0', '#2e7d32', '#f9a825', '#6a1b9a', '#00838f', '#ef6c00', '#5d4037'];

/** Horizontal bars, one per category (e.g. outcomes by kind). */
export function barChartPng(title: string, items: { name: string; value: number }[]): Buffer {
  const height = Math.max(220, 80 + items.length * 30);
  return renderChartPng(
    {
      color: palette,
      title: { text: title, left: 'center', textStyle: { fontSize: 16 } },
      grid: { left: 16, right: 50, top: 50, bottom: 20, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: items.map((i) => i.name) },
      series: [{ type: 'bar', data: items.map((i) => i.value), label: { show: true, position: 'right' }, barMaxWidth: 22 }],
    },
    { width: 640, height },
  );
}

/** Stacked bars per unit (e.g. task progress by status). */
export function stackedChartPng(title: string, categories: string[], series: { name: string; color: string; data: number[] }[]): Buffer {
  const height = Math.max(260, 110 + categories.length * 26);
  return renderChartPng(
    {
      title: { text: title, left: 'center', textStyle: { fontSize: 16 } },
      legend: { bottom: 0 },
      grid: { left: 16, right: 30, top: 50, bottom: 45, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: categories },
      series: series.map((s) => ({ type: 'bar', stack: 'all', name: s.name, data: s.data, itemStyle: { color: s.color }, barMaxWidth: 20 })),
    },
    { width: 640, height },
  );
}
