import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../platform/excel.js';
import { groupLines, type DispatchGroup, type DispatchMeetingSummary, type DispatchReason, type DispatchSheet, type DispatchTaskLine, type FollowUpItem } from '@santong/contract';
import { chineseDocument, heading, line, paragraph, table, title, type DocBlock } from '../../platform/docx.js';
import { followUpStatusLabel, ragLabel, reasonLabel, taskStatusLabel } from './dispatch.presenter.js';

/** The .docx and .xlsx renderings of a dispatch sheet (Chinese, for the meeting table). */

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const RED_FILL = 'FDE2E1';

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export const weekRange = (sheet: DispatchSheet) => `${sheet.monday} 至 ${addDays(sheet.monday, 6)}`;

export const sections: { reason: DispatchReason; title: string }[] = [
  { reason: 'overdue', title: '逾期任务' },
  { reason: 'due_soon', title: '7日内到期任务' },
  { reason: 'red', title: '红灯任务' },
  { reason: 'stale', title: '超14日未报送进展任务' },
];

const taskRow = (t: DispatchTaskLine, i: number) => [i + 1, t.title, t.ownerUnitName, t.responsibleName ?? '', t.dueDate, `${t.progress}%`, ragLabel[t.rag]];
const TASK_HEAD = ['序号', '任务', '责任单位', '责任人', '截止日期', '进度', '灯'];
const TASK_WIDTHS = [0.6, 4, 2.2, 1.2, 1.6, 0.9, 0.6];

function countsSentence(s: DispatchSheet): string {
  const c = s.counts;
  return `本周共列入调度任务 ${c.tasks} 项，其中逾期 ${c.overdue} 项、7日内到期 ${c.dueSoon} 项、红灯 ${c.red} 项、超14日未报送进展 ${c.stale} 项；结转督办事项 ${c.followUps} 项（其中逾期未办结 ${c.followUpsOverdue} 项）。`;
}

const groupRows = (groups: DispatchGroup[], withUnits: boolean) =>
  groups.map((g) => [g.name, ...(withUnits ? [g.unitNames.join('、')] : []), g.counts.overdue, g.counts.dueSoon, g.counts.red, g.counts.stale, g.counts.followUps]);

export interface SheetDocInput {
  sheet: DispatchSheet;
  meeting: DispatchMeetingSummary | null;
  decisions: FollowUpItem[];
}

function meetingBlocks(n: () => string, meeting: DispatchMeetingSummary, decisions: FollowUpItem[]): DocBlock[] {
  const out: DocBlock[] = [heading(`${n()}、会议记录`)];
  out.push(line(`会议日期：${meeting.heldOn ?? '未记录'}`), line(`主持人：${meeting.chairName ?? '未记录'}`), line(`参会人员：${meeting.attendees ?? '未记录'}`));
  if (meeting.minutes) out.push(...meeting.minutes.split(/\n+/).filter(Boolean).map((p) => paragraph(p)));
  out.push(heading(`会议决定督办事项（${decisions.length}项）`, 2));
  if (decisions.length === 0) out.push(line('无。'));
  else out.push(table(['序号', '督办事项', '责任单位', '完成时限', '状态'], decisions.map((d, i) => [i + 1, d.title, d.ownerUnitName, d.dueDate, followUpStatusLabel[d.status]]), { widths: [0.6, 5, 2.2, 1.6, 1.2] }));
  return out;
}

/** The sheet as a Word document: summary, one section per reason, carried follow-ups, groups, and the meeting. */
export function sheetDocument({ sheet, meeting, decisions }: SheetDocInput) {
  let k = 0;
  const n = () => CN_NUM[k++] ?? String(k);
  const blocks: DocBlock[] = [title(`${sheet.campaignTitle}每周一调度清单`, `${sheet.isoWeek}（${weekRange(sheet)}）  生成时间：${sheet.generatedAt.slice(0, 16).replace('T', ' ')}`)];
  blocks.push(heading(`${n()}、总体情况`), paragraph(countsSentence(sheet)));
  for (const s of sections) {
    const rows = sheet.tasks.filter((t) => t.reasons.includes(s.reason));
    blocks.push(heading(`${n()}、${s.title}（${rows.length}项）`));
    blocks.push(rows.length ? table(TASK_HEAD, rows.map(taskRow), { widths: TASK_WIDTHS, rowFill: (i) => (rows[i].rag === 'red' ? RED_FILL : undefined) }) : line('无。'));
  }
  blocks.push(heading(`${n()}、结转督办事项（${sheet.followUps.length}项）`));
  blocks.push(
    sheet.followUps.length
      ? table(['序号', '督办事项', '责任单位', '完成时限', '来源', '状态'], sheet.followUps.map((f, i) => [i + 1, f.title, f.ownerUnitName, f.dueDate, f.fromWeek ?? '', f.overdue ? '逾期' : followUpStatusLabel[f.status]]), {
          widths: [0.6, 4.4, 2.2, 1.6, 1.4, 1], rowFill: (i) => (sheet.followUps[i].overdue ? RED_FILL : undefined),
        })
      : line('无。'),
  );
  const countHead = ['逾期', '7日内到期', '红灯', '超14日未报', '督办'];
  blocks.push(heading(`${n()}、分单位汇总（${sheet.byUnit.length}个单位）`));
  if (sheet.byUnit.length) blocks.push(table(['单位', ...countHead], groupRows(sheet.byUnit, false), { widths: [3, 1, 1, 1, 1, 1] }));
  blocks.push(heading(`${n()}、分校领导汇总（${sheet.byLeader.length}组）`));
  if (sheet.byLeader.length) blocks.push(table(['校领导', '分管（联系）单位', ...countHead], groupRows(sheet.byLeader, true), { widths: [1.4, 3.6, 0.9, 1, 0.9, 1, 0.9] }));
  if (meeting) blocks.push(...meetingBlocks(n, meeting, decisions));
  return chineseDocument(blocks, { title: `${sheet.campaignTitle} ${sheet.isoWeek} 每周一调度清单` });
}

function addSheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; width: number }[], rows: (string | number | Date | null)[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return ws;
}

const asDate = (d: string | null) => (d ? new Date(`${d.slice(0, 10)}T00:00:00Z`) : null);

/** The sheet as a workbook: tasks by unit, tasks by leader, carried follow-ups, and the counts. */
export async function sheetWorkbook(sheet: DispatchSheet): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  const taskCols = [
    { header: '任务', width: 40 }, { header: '责任单位', width: 20 }, { header: '责任人', width: 10 }, { header: '截止日期', width: 12 },
    { header: '进度(%)', width: 8 }, { header: '状态', width: 8 }, { header: '红黄绿', width: 8 }, { header: '列入原因', width: 28 }, { header: '最近报告', width: 12 },
  ];
  const taskCells = (t: DispatchTaskLine) => [t.title, t.ownerUnitName, t.responsibleName, asDate(t.dueDate), t.progress, taskStatusLabel[t.status] ?? t.status, ragLabel[t.rag], t.reasons.map((r) => reasonLabel[r]).join('、'), asDate(t.lastReportAt)];
  const dated = (ws: ExcelJS.Worksheet, ...cols: number[]) => cols.forEach((c) => (ws.getColumn(c).numFmt = 'yyyy-mm-dd'));
  const linesOf = groupLines(sheet);
  dated(addSheet(wb, '按单位', taskCols, sheet.byUnit.flatMap((g) => linesOf(g).tasks.map(taskCells))), 4, 9);
  dated(addSheet(wb, '按校领导', [{ header: '校领导', width: 12 }, ...taskCols], sheet.byLeader.flatMap((g) => linesOf(g).tasks.map((t) => [g.name, ...taskCells(t)]))), 5, 10);
  dated(addSheet(wb, '督办事项', [{ header: '督办事项', width: 40 }, { header: '责任单位', width: 20 }, { header: '完成时限', width: 12 }, { header: '来源周次', width: 12 }, { header: '状态', width: 10 }, { header: '是否逾期', width: 10 }],
    sheet.followUps.map((f) => [f.title, f.ownerUnitName, asDate(f.dueDate), f.fromWeek, followUpStatusLabel[f.status], f.overdue ? '是' : '否'])), 3);
  addSheet(wb, '汇总', [{ header: '项目', width: 20 }, { header: '数量', width: 10 }], [
    ['周次', sheet.isoWeek], ['调度任务', sheet.counts.tasks], ['逾期', sheet.counts.overdue], ['7日内到期', sheet.counts.dueSoon], ['红灯', sheet.counts.red],
    ['超14日未报进展', sheet.counts.stale], ['结转督办事项', sheet.counts.followUps], ['逾期督办事项', sheet.counts.followUpsOverdue],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
