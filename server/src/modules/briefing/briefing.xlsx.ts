import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../platform/excel.js';
import { outcomeKindLabel } from '../outcomes/outcomes.presenter.js';
import { periodText, type BriefingData } from './briefing.text.js';

/**
 * The one-page statistics sheet: a merged title, the key figures, then the
 * per-unit, per-kind and per-medium tables, fitted to one A4 page.
 */

const COLS = 6;
type Cell = string | number | null;

interface SheetWriter {
  ws: ExcelJS.Worksheet;
  row: number;
}

function merged(w: SheetWriter, text: string, style: Partial<ExcelJS.Style>, height?: number) {
  w.ws.mergeCells(w.row, 1, w.row, COLS);
  const cell = w.ws.getCell(w.row, 1);
  cell.value = text;
  Object.assign(cell, style);
  if (height) w.ws.getRow(w.row).height = height;
  w.row++;
}

const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
const border = { top: thin, bottom: thin, left: thin, right: thin };

/** A titled block: its header row and its rows; `percentCols` (0-based) show as 0.0%. */
function block(w: SheetWriter, heading: string, header: string[], rows: Cell[][], percentCols: number[] = []) {
  w.row++;
  merged(w, heading, { font: { bold: true, size: 12 } });
  const head = w.ws.getRow(w.row++);
  header.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF2' } };
    c.border = border;
    c.alignment = { horizontal: 'center' };
  });
  for (const r of rows) {
    const row = w.ws.getRow(w.row++);
    r.forEach((v, i) => {
      const c = row.getCell(i + 1);
      c.value = v;
      c.border = border;
      if (percentCols.includes(i)) c.numFmt = '0.0%';
    });
  }
}

const status = (d: BriefingData, s: string) => d.cockpit.tasks.byStatus.find((x) => x.key === s)?.count ?? 0;

function keyFigures(d: BriefingData): Cell[][] {
  const c = d.cockpit;
  const f = c.fusion.overall;
  const done = status(d, 'done');
  const media = c.outcomes.byKind.find((k) => k.key === 'media_report')?.count ?? 0;
  return [
    ['部署任务（项）', f.total, '融合任务（项）', f.fused, '融合率', f.ratio],
    ['已完成任务（项）', done, '进行中（项）', status(d, 'in_progress'), '完成率', f.total ? done / f.total : 0],
    ['红灯任务（项）', c.tasks.rag.red, '黄灯任务（项）', c.tasks.rag.amber, '绿灯任务（项）', c.tasks.rag.green],
    ['工作方案（份）', d.deploy.plans, '相关文件（份）', d.deploy.documents, '集中学习（次）', d.deploy.studySessions],
    ['专题党课（场次）', c.lectures.held, '覆盖人次', c.lectures.audience, '调研课题（个）', c.research.total],
    ['督导检查（次）', c.supervision.total, '通过（次）', c.supervision.pass, '检查通过率', c.supervision.passRate],
    ['督办事项（项）', c.followUps.total, '已办结（项）', c.followUps.closed, '逾期（项）', c.followUps.overdue],
    ['成果总数（项）', c.outcomes.total, '媒体报道（篇）', media, '进展报告（份）', d.exec.reportsSubmitted],
  ];
}

export async function briefingWorkbook(d: BriefingData, meta: { campaignTitle: string; generatedOn: string }): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Santong';
  const ws = wb.addWorksheet('统计表', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 1 } });
  ws.columns = [{ width: 22 }, { width: 12 }, { width: 18 }, { width: 12 }, { width: 16 }, { width: 12 }];
  const w: SheetWriter = { ws, row: 1 };
  merged(w, `${meta.campaignTitle}统计表`, { font: { bold: true, size: 16 }, alignment: { horizontal: 'center', vertical: 'middle' } }, 30);
  merged(w, `统计时段：${periodText(d.cockpit.period.from, d.cockpit.period.to)}    生成日期：${meta.generatedOn}`, { alignment: { horizontal: 'center' }, font: { color: { argb: 'FF555555' } } });
  const figures = keyFigures(d);
  const ratioAt = new Set(['融合率', '完成率', '检查通过率']);
  block(w, '一、主要指标', ['指标', '数值', '指标', '数值', '指标', '数值'], figures);
  // ratios sit in the last column of their rows
  figures.forEach((r, i) => {
    if (ratioAt.has(String(r[4]))) ws.getCell(w.row - figures.length + i, 6).numFmt = '0.0%';
  });
  const fusion = new Map(d.cockpit.fusion.byUnit.map((u) => [u.unitId, u.ratio]));
  block(w, '二、各单位任务推进情况', ['单位', '任务数', '已完成', '进行中', '未开始', '融合率'],
    d.cockpit.tasks.byUnit.map((u) => [u.unitName, u.total, u.done, u.in_progress, u.planned, fusion.get(u.unitId) ?? 0]), [5]);
  block(w, '三、成果分类统计', ['成果类别', '数量'], d.cockpit.outcomes.byKind.map((k) => [outcomeKindLabel[k.key] ?? k.key, k.count]));
  if (d.cockpit.outcomes.byMedium.length)
    block(w, '四、媒体报道', ['媒体', '中央级', '省级', '合计'], d.cockpit.outcomes.byMedium.map((m) => [m.key, m.national, m.provincial, m.count]));
  const ranking = d.cockpit.assessment?.ranking ?? [];
  if (ranking.length) block(w, '五、年度考核排名（前十）', ['排名', '单位', '总分', '等次'], ranking.slice(0, 10).map((r) => [r.rank, r.name, r.total, r.gradeLabel]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
