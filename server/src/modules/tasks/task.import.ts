import { sql } from 'drizzle-orm';
import type { ImportIssue, ImportResult } from '@santong/contract';
import type { Db } from '../../db/client.js';
import { importJobs } from '../../db/schema/index.js';
import { rowsOf } from '../../access/scope.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { grams } from '../../platform/search/grams.js';
import { readSheet, simpleWorkbook } from '../../platform/excel.js';
import * as repo from './task.repo.js';
import { ownsTask } from './task.presenter.js';
import { dateProblems, parentsFirst } from './task.tree.js';
import { categoryLabel, codeOf, parseDateCell, recurrenceLabel, splitList } from './task.labels.js';

export const importColumns = {
  key: '行键', parentKey: '上级行键', title: '任务名称', description: '任务说明', category: '类别', ownerCode: '牵头单位编码',
  coUnitCodes: '协同单位编码', leaderStaffNo: '责任领导工号', startDate: '开始日期', dueDate: '截止日期', weight: '权重',
  goalCodes: '目标编码', recurrence: '周期',
} as const;
const required = [importColumns.key, importColumns.title, importColumns.category, importColumns.ownerCode, importColumns.startDate, importColumns.dueDate];
const MAX_ROWS = 5000;

interface Row {
  row: number;
  key: string;
  parentKey: string | null;
  title: string;
  description: string | null;
  category: string;
  ownerUnitId: string;
  coUnitIds: string[];
  responsiblePersonId: string | null;
  startDate: string;
  dueDate: string;
  weight: number;
  goalIds: string[];
  recurrence: string;
}

async function recordJob(db: Db, ctx: RequestContext, fileName: string, total: number, created: number, errors: ImportIssue[]) {
  const [job] = await db
    .insert(importJobs)
    .values({ tenantId: ctx.tenantId, kind: 'tasks', status: errors.length ? 'failed' : 'done', fileName, totalRows: total, created, errors, createdBy: ctx.userId })
    .returning({ id: importJobs.id });
  return job.id;
}

async function lookup(db: Db, tenantId: string, table: string, keyCol: string): Promise<Map<string, string[]>> {
  const res = await db.execute(sql`select id, ${sql.raw(keyCol)} as k from ${sql.raw(table)} where tenant_id = ${tenantId} and ${sql.raw(keyCol)} is not null`);
  const out = new Map<string, string[]>();
  for (const r of rowsOf<{ id: string; k: string }>(res)) out.set(r.k, [...(out.get(r.k) ?? []), r.id]);
  return out;
}

/** The campaign of the import: the one named, else the latest active one. */
async function importCampaign(db: Db, tenantId: string, campaignId?: string): Promise<string> {
  const res = campaignId
    ? await db.execute(sql`select id from campaigns where tenant_id = ${tenantId} and id = ${campaignId}`)
    : await db.execute(sql`select id from campaigns where tenant_id = ${tenantId} and status = 'active' order by start_date desc limit 1`);
  const row = rowsOf<{ id: string }>(res)[0];
  if (!row) throw new AppError('VALIDATION_FAILED', 'campaignId: unknown campaign, or no active campaign to import into', { issues: [{ path: 'querystring.campaignId', message: 'unknown campaign' }] });
  return row.id;
}

type Maps = { units: Map<string, string[]>; people: Map<string, string[]>; goals: Map<string, string[]> };

/** Checks one row on its own; cross-row checks (keys, parents) come after. */
function parseRow(r: { row: number; cells: Record<string, string> }, m: Maps, ctx: RequestContext, errors: ImportIssue[]): Row | null {
  const c = r.cells;
  const before = errors.length;
  const err = (column: string, reason: string) => errors.push({ row: r.row, column, reason });
  const one = (map: Map<string, string[]>, code: string, column: string, what: string) => {
    const ids = map.get(code);
    if (!ids) err(column, `unknown ${what} ${code}`);
    else if (ids.length > 1) err(column, `${what} ${code} is ambiguous`);
    return ids?.length === 1 ? ids[0] : null;
  };
  for (const col of required) if (!c[col]) err(col, 'required');
  const title = c[importColumns.title] ?? '';
  if (title.length > 200) err(importColumns.title, 'at most 200 characters');
  const category = codeOf(categoryLabel, c[importColumns.category] ?? '');
  if (c[importColumns.category] && !category) err(importColumns.category, `unknown category ${c[importColumns.category]}`);
  const ownerUnitId = c[importColumns.ownerCode] ? one(m.units, c[importColumns.ownerCode], importColumns.ownerCode, 'unit code') : null;
  if (ownerUnitId && !ownsTask(ctx, ownerUnitId)) err(importColumns.ownerCode, 'outside your data scope');
  const coUnitIds = splitList(c[importColumns.coUnitCodes]).map((code) => one(m.units, code, importColumns.coUnitCodes, 'unit code'));
  const staffNo = c[importColumns.leaderStaffNo];
  const responsiblePersonId = staffNo ? one(m.people, staffNo, importColumns.leaderStaffNo, 'staff number') : null;
  const goalIds = splitList(c[importColumns.goalCodes]).map((code) => one(m.goals, code, importColumns.goalCodes, 'goal code'));
  const startDate = c[importColumns.startDate] ? parseDateCell(c[importColumns.startDate]) : null;
  if (c[importColumns.startDate] && !startDate) err(importColumns.startDate, 'not a date (use 2026-07-01)');
  const dueDate = c[importColumns.dueDate] ? parseDateCell(c[importColumns.dueDate]) : null;
  if (c[importColumns.dueDate] && !dueDate) err(importColumns.dueDate, 'not a date (use 2026-07-01)');
  const weight = c[importColumns.weight] ? Number(c[importColumns.weight]) : 1;
  if (!Number.isFinite(weight) || weight < 0 || weight > 1000) err(importColumns.weight, 'a number from 0 to 1000');
  const recurrence = c[importColumns.recurrence] ? codeOf(recurrenceLabel, c[importColumns.recurrence]) : 'none';
  if (!recurrence) err(importColumns.recurrence, `unknown recurrence ${c[importColumns.recurrence]} (不重复, 每周, 每月)`);
  if (startDate && dueDate) for (const p of dateProblems({ startDate, dueDate }, null)) err(importColumns.dueDate, p.message);
  if (errors.length > before) return null;
  return {
    row: r.row, key: c[importColumns.key], parentKey: c[importColumns.parentKey] || null, title, description: c[importColumns.description] || null,
    category: category!, ownerUnitId: ownerUnitId!, coUnitIds: [...new Set(coUnitIds as string[])].filter((u) => u !== ownerUnitId),
    responsiblePersonId, startDate: startDate!, dueDate: dueDate!, weight, goalIds: [...new Set(goalIds as string[])], recurrence: recurrence!,
  };
}

/** Cross-row checks: unique keys, known parent keys, no loops, subtasks inside their parent's dates. */
function checkTree(rows: Row[], errors: ImportIssue[]): Row[] {
  const byKey = new Map<string, Row>();
  for (const r of rows) {
    if (byKey.has(r.key)) errors.push({ row: r.row, column: importColumns.key, reason: `duplicate key ${r.key}` });
    else byKey.set(r.key, r);
  }
  for (const r of rows) {
    if (!r.parentKey) continue;
    const p = byKey.get(r.parentKey);
    if (!p) errors.push({ row: r.row, column: importColumns.parentKey, reason: `no row with key ${r.parentKey}` });
    else for (const d of dateProblems(r, p)) errors.push({ row: r.row, column: d.field === 'startDate' ? importColumns.startDate : importColumns.dueDate, reason: d.message });
  }
  const { ordered, stuck } = parentsFirst(rows, (r) => r.key, (r) => r.parentKey);
  for (const r of stuck) errors.push({ row: r.row, column: importColumns.parentKey, reason: 'the parent keys form a loop' });
  return ordered;
}

/** All-or-nothing import of a task breakdown into one campaign; any bad row and nothing is written. */
export async function importTasks(db: Db, ctx: RequestContext, fileName: string, buf: Buffer, campaignId?: string): Promise<ImportResult> {
  let sheet;
  try {
    sheet = await readSheet(buf);
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'the file is not a readable .xlsx workbook');
  }
  const missing = required.filter((h) => !sheet.headers.includes(h));
  if (missing.length) throw new AppError('IMPORT_INVALID', `missing columns: ${missing.join(', ')}`, { errors: missing.map((m) => ({ row: 1, column: m, reason: 'missing column' })) });
  if (sheet.rows.length > MAX_ROWS) throw new AppError('IMPORT_INVALID', `at most ${MAX_ROWS} rows per import`);
  const campaign = await importCampaign(db, ctx.tenantId, campaignId);
  const maps: Maps = {
    units: await lookup(db, ctx.tenantId, 'units', 'code'),
    people: await lookup(db, ctx.tenantId, 'people', 'staff_no'),
    goals: await lookup(db, ctx.tenantId, 'goals', 'code'),
  };
  const errors: ImportIssue[] = [];
  const parsed = sheet.rows.map((r) => parseRow(r, maps, ctx, errors)).filter((r): r is Row => r !== null);
  const ordered = checkTree(parsed, errors);
  const total = sheet.rows.length;
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    const importId = await recordJob(db, ctx, fileName, total, 0, errors);
    throw new AppError('IMPORT_INVALID', `${errors.length} problem(s) in the file; nothing was imported`, { importId, errors, totalRows: total });
  }
  return db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const r of ordered) {
      const rec = await repo.insertTask(tx, {
        tenantId: ctx.tenantId, campaignId: campaign, parentId: r.parentKey ? ids.get(r.parentKey)! : null, title: r.title, description: r.description,
        category: r.category, ownerUnitId: r.ownerUnitId, responsiblePersonId: r.responsiblePersonId, startDate: r.startDate, dueDate: r.dueDate,
        weight: r.weight, recurrence: r.recurrence, sortOrder: r.row, searchGrams: grams(r.title, r.description), createdBy: ctx.userId || null,
      });
      ids.set(r.key, rec.id);
      await repo.setCoUnits(tx, ctx.tenantId, rec.id, r.coUnitIds);
      await repo.setGoals(tx, ctx.tenantId, rec.id, r.goalIds);
      await appendAudit(tx, ctx, { action: 'import', entity: 'task', entityId: rec.id, after: { ...r, campaignId: campaign } });
    }
    const importId = await recordJob(tx, ctx, fileName, total, ordered.length, []);
    return { importId, status: 'done' as const, totalRows: total, created: ordered.length, errors: [] };
  });
}

export function importTemplate(): Promise<Buffer> {
  return simpleWorkbook('任务', Object.values(importColumns), [
    ['A', '', '深化“三全育人”综合改革', '以二级学院为主体推进育人体系建设', '项目建设', 'XGC', 'JD-XY、XX-XY', 'T1003', '2026-03-01', '2026-12-20', 3, 'P1、B1', '不重复'],
    ['A1', 'A', '修订学院“三全育人”实施细则', '', '制度建设', 'JD-XY', '', '', '2026-03-15', '2026-06-30', 1, 'P1、B1.1', '不重复'],
    ['B', '', '党员“双报到”服务月报', '', '主题活动', 'ZZB', '', '', '2026-01-01', '2026-12-31', 1, 'P2', '每月'],
  ]);
}
