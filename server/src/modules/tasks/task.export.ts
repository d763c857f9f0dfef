/**
 * The tasks .xlsx export: the list's filters and order, but its own lean
 * query (task.repo iterateTaskExport) and, per page of 1 000 rows, one query
 * each for co-units, goals and approved extensions, instead of the list's
 * full rows and presenter.
 */
import type { taskExportQuery } from '@santong/contract';
import type { Db } from '../../db/client.js';
import type { XlsxColumn } from '../../platform/excel.js';
import type { RequestContext } from '../../platform/context.js';
import * as repo from './task.repo.js';
import { taskClock, type TaskClock } from './task.settings.js';
import { categoryLabel, ragLabel, statusLabel } from './task.labels.js';
import { ragStatus } from './task.rules.js';
import { isUnsignedOverdue } from './task.tree.js';

/** One exported line: the row, its links and what the presenter would derive (colour, signing overdue). */
export interface ExportedTask extends repo.TaskExportRow {
  coUnits: { id: string; name: string }[];
  goals: { track: string; code: string | null; name: string }[];
  extensionCount: number;
  rag: string;
  unsignedOverdue: boolean;
}

const day = (iso: string | null) => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);
const asDate = (v: Date | string | null) => (v === null || v === undefined ? null : new Date(v));
const goalsOf = (t: ExportedTask, track: string) => t.goals.filter((g) => g.track === track).map((g) => g.code ?? g.name).join('、');

export const exportColumns: XlsxColumn<ExportedTask>[] = [
  { header: '任务名称', key: 'title', width: 36, value: (t) => t.title },
  { header: '上级任务', key: 'parentTitle', width: 28, value: (t) => t.parentTitle },
  { header: '类别', key: 'category', value: (t) => categoryLabel[t.category] },
  { header: '牵头单位', key: 'ownerUnitName', width: 24, value: (t) => t.ownerUnitName },
  { header: '协同单位', key: 'coUnits', width: 28, value: (t) => t.coUnits.map((u) => u.name).join('、') },
  { header: '责任领导', key: 'leader', value: (t) => t.responsiblePersonName },
  { header: '开始日期', key: 'startDate', value: (t) => day(t.startDate) },
  { header: '截止日期', key: 'dueDate', value: (t) => day(t.dueDate) },
  { header: '权重', key: 'weight', value: (t) => t.weight },
  { header: '状态', key: 'status', value: (t) => statusLabel[t.status] },
  { header: '进度(%)', key: 'progress', value: (t) => t.progress },
  { header: '红黄绿', key: 'rag', value: (t) => ragLabel[t.rag] },
  { header: '党建业务融合', key: 'fused', value: (t) => (t.fused ? '是' : '否') },
  { header: '党建目标', key: 'partyGoals', value: (t) => goalsOf(t, 'party') },
  { header: '业务目标', key: 'businessGoals', value: (t) => goalsOf(t, 'business') },
  { header: '下发时间', key: 'issuedAt', value: (t) => asDate(t.issuedAt) },
  { header: '签收时间', key: 'signedAt', value: (t) => asDate(t.signedAt) },
  { header: '逾期未签收', key: 'unsignedOverdue', value: (t) => (t.unsignedOverdue ? '是' : '') },
  { header: '延期次数', key: 'extensionCount', value: (t) => t.extensionCount },
  { header: '最近报告', key: 'lastReportAt', value: (t) => asDate(t.lastReportAt) },
];

/** A page of rows with its links, derived as presentTask() does for the same fields. */
async function exportPage(db: Db, tenantId: string, clock: TaskClock, rows: repo.TaskExportRow[]): Promise<ExportedTask[]> {
  const ids = rows.map((r) => r.id);
  const [links, extensions] = await Promise.all([repo.loadLinks(db, tenantId, ids), repo.approvedExtensionCounts(db, tenantId, ids)]);
  return rows.map((r) => ({
    ...r,
    coUnits: links.coUnits.get(r.id) ?? [],
    goals: links.goals.get(r.id) ?? [],
    extensionCount: extensions.get(r.id) ?? 0,
    rag: ragStatus({ status: r.status, progress: r.progress, startDate: r.startDate, dueDate: r.dueDate, lastReportAt: asDate(r.lastReportAt) }, clock.today, clock.rag),
    unsignedOverdue: isUnsignedOverdue(asDate(r.issuedAt), asDate(r.signedAt), clock.now, clock.signDays),
  }));
}

export async function* exportBatches(db: Db, ctx: RequestContext, query: typeof taskExportQuery._output): AsyncGenerator<ExportedTask[]> {
  const { sort, ...f } = query;
  const clock = await taskClock(db, ctx.tenantId);
  for await (const rows of repo.iterateTaskExport(db, ctx, clock, f, sort)) yield await exportPage(db, ctx.tenantId, clock, rows);
}
