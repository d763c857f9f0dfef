import type { Document } from 'docx';
import { chineseDocument, heading, image, line, paragraph, table, title, type DocBlock } from '../../platform/docx.js';
import { outcomeKindLabel, outcomeLevelLabel } from '../outcomes/outcomes.presenter.js';
import { statusLabel } from '../tasks/task.labels.js';
import { barChartPng, stackedChartPng } from './briefing.chart.js';
import {
  assessSentences, deploySentences, executeSentences, highlightLines, outcomeSentences, outcomeUnit, pct, periodText, type BriefingData,
} from './briefing.text.js';

/** The four sections of the 三同 loop, as the report's level-1 headings. */
export const sectionHeadings = ['一、同部署：统筹谋划，整体推进', '二、同落实：压实责任，协同推进', '三、同考核：督查考评，闭环管理', '四、成效：成果丰硕，亮点纷呈'] as const;

const statusColors: Record<string, string> = { done: '#2e7d32', in_progress: '#1565c0', planned: '#9e9e9e', cancelled: '#d7ccc8' };

function unitTable(d: BriefingData): DocBlock {
  const fusion = new Map(d.cockpit.fusion.byUnit.map((u) => [u.unitId, u]));
  const rows = d.cockpit.tasks.byUnit.map((u) => [u.unitName, u.total, u.done, u.in_progress, u.planned, pct(fusion.get(u.unitId)?.ratio ?? 0)]);
  return rows.length ? table(['单位', '任务数', '已完成', '进行中', '未开始', '融合率'], rows, { widths: [3, 1, 1, 1, 1, 1] }) : [];
}

function progressChart(d: BriefingData): DocBlock {
  const units = d.cockpit.tasks.byUnit.slice(0, 20);
  if (!units.length) return [];
  const series = (['done', 'in_progress', 'planned'] as const).map((s) => ({ name: statusLabel[s], color: statusColors[s], data: units.map((u) => u[s]) }));
  return image(stackedChartPng('各单位任务推进情况', units.map((u) => u.unitName), series), { caption: '图1  各单位任务推进情况' });
}

function rankingTable(d: BriefingData): DocBlock {
  const a = d.cockpit.assessment;
  if (!a || !a.ranking.length) return [];
  return table(['排名', '单位', '总分', '等次'], a.ranking.slice(0, 10).map((r) => [r.rank, r.name, r.total.toFixed(2), r.vetoed ? `${r.gradeLabel}（一票否决）` : r.gradeLabel]), {
    widths: [1, 4, 1.5, 1.5],
  });
}

function outcomeBlocks(d: BriefingData): DocBlock[] {
  const o = d.cockpit.outcomes;
  if (!o.total) return [];
  const kinds = o.byKind.map((k) => ({ name: outcomeKindLabel[k.key] ?? k.key, value: k.count }));
  const blocks: DocBlock[] = [
    table(['成果类别', '数量', '单位'], o.byKind.map((k) => [outcomeKindLabel[k.key] ?? k.key, k.count, outcomeUnit[k.key] ?? '项']), { widths: [3, 1, 1] }),
    image(barChartPng('成果分类统计', kinds), { caption: '图2  成果分类统计' }),
  ];
  if (o.byMedium.length) {
    blocks.push(heading('（一）媒体报道', 2));
    blocks.push(table(['媒体', '中央级', '省级', '合计'], o.byMedium.map((m) => [m.key, m.national, m.provincial, m.count]), { widths: [3, 1, 1, 1] }));
  }
  if (d.highlights.length) {
    blocks.push(heading(o.byMedium.length ? '（二）代表性成果' : '（一）代表性成果', 2));
    blocks.push(highlightLines(d.highlights).map((l) => line(l)));
  }
  return blocks;
}

/** The work report: title, the four sections with sentences, tables and charts. */
export function briefingDocument(d: BriefingData, meta: { campaignTitle: string; generatedOn: string }): Document {
  const c = d.cockpit;
  const period = periodText(c.period.from, c.period.to);
  const levels = c.outcomes.byLevel.map((l) => `${outcomeLevelLabel[l.key] ?? l.key}${l.count}项`).join('、');
  const blocks: DocBlock[] = [
    title(`${meta.campaignTitle}工作简报`, `统计时段：${period}    生成日期：${meta.generatedOn}`),
    paragraph(
      `本期以来，各单位坚持党建与业务同部署、同落实、同考核，推动党建工作与事业发展同心同向、同频共振。现将${period}工作进展情况简报如下。`,
    ),
    heading(sectionHeadings[0], 1),
    deploySentences(d).map((s) => paragraph(s)),
    heading(sectionHeadings[1], 1),
    executeSentences(d).map((s) => paragraph(s)),
    unitTable(d),
    progressChart(d),
    heading(sectionHeadings[2], 1),
    assessSentences(d).map((s) => paragraph(s)),
    rankingTable(d),
    heading(sectionHeadings[3], 1),
    outcomeSentences(d).map((s) => paragraph(s)),
    ...outcomeBlocks(d),
    levels ? line(`注：成果按级别统计为${levels}。数据来源：三同工作平台，统计截至${meta.generatedOn}。`, { size: 10.5, color: '666666' }) : [],
  ];
  return chineseDocument(blocks, { title: `${meta.campaignTitle}工作简报` });
}
