import { personInput, unitInput, type ImportIssue, type ImportResult } from '@santong/contract';
import { eq, and } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { importJobs } from '../../db/schema/index.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/audit.repo.js';
import { readSheet, simpleWorkbook, type SheetRow } from '../../platform/excel.js';
import * as unitsRepo from './units.repo.js';
import * as peopleRepo from './people.repo.js';
import { trackOfKind } from './units.service.js';
import { fromLabel, genderLabel, politicalStatusLabel, positionRoleLabel, unitKindLabel } from './org.labels.js';

export const unitColumns = { code: '编码', name: '名称', shortName: '简称', kind: '类型', parentCode: '上级编码', pairedCode: '结对单位编码', sortOrder: '排序' } as const;
export const personColumns = {
  staffNo: '工号', name: '姓名', gender: '性别', title: '职称职务', politicalStatus: '政治面貌', dualLeader: '双带头人',
  phone: '电话', email: '邮箱', unitCode: '单位编码', positions: '岗位',
} as const;

const MAX_ROWS = 20000;

async function recordJob(db: Db, ctx: RequestContext, kind: string, fileName: string, totalRows: number, created: number, errors: ImportIssue[]) {
  const [job] = await db
    .insert(importJobs)
    .values({ tenantId: ctx.tenantId, kind, status: errors.length ? 'failed' : 'done', fileName, totalRows, created, errors, createdBy: ctx.userId })
    .returning({ id: importJobs.id });
  return job.id;
}

/** Zod issues of one row, reported against the spreadsheet's column headers. */
function zodIssues(row: number, issues: { path: PropertyKey[]; message: string }[], headerOf: Record<string, string>): ImportIssue[] {
  return issues.map((i) => ({ row, column: headerOf[String(i.path[0])] ?? String(i.path[0] ?? ''), reason: i.message }));
}

async function parse(buf: Buffer, expected: Record<string, string>): Promise<SheetRow[]> {
  let sheet;
  try {
    sheet = await readSheet(buf);
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'the file is not a readable .xlsx workbook');
  }
  const missing = Object.values(expected).filter((h) => !sheet.headers.includes(h) && h !== expected.shortName);
  if (missing.length) throw new AppError('IMPORT_INVALID', `missing columns: ${missing.join(', ')}`, { errors: missing.map((m) => ({ row: 1, column: m, reason: 'missing column' })) });
  if (sheet.rows.length > MAX_ROWS) throw new AppError('IMPORT_INVALID', `at most ${MAX_ROWS} rows per import`);
  return sheet.rows;
}

function fail(importId: string, errors: ImportIssue[], total: number): never {
  throw new AppError('IMPORT_INVALID', `${errors.length} problem(s) in the file; nothing was imported`, { importId, errors, totalRows: total });
}

/** All-or-nothing import of units: every row is checked first; one bad row and nothing is written. */
export async function importUnits(db: Db, ctx: RequestContext, fileName: string, buf: Buffer): Promise<ImportResult> {
  const rows = await parse(buf, unitColumns);
  const headerOf: Record<string, string> = { ...unitColumns, parentId: unitColumns.parentCode, pairedUnitId: unitColumns.pairedCode };
  const errors: ImportIssue[] = [];
  const existing = new Map((await unitsRepo.listUnits(db, ctx.tenantId, {})).map((u) => [u.code, u]));
  const inFile = new Map<string, { row: number; kind: string }>();
  const valid: { row: SheetRow; kind: string; code: string }[] = [];
  for (const r of rows) {
    const c = r.cells;
    const kind = fromLabel(unitKindLabel, c[unitColumns.kind] ?? '') ?? c[unitColumns.kind];
    const parsed = unitInput.safeParse({
      kind,
      name: c[unitColumns.name],
      shortName: c[unitColumns.shortName] || null,
      code: c[unitColumns.code],
      sortOrder: c[unitColumns.sortOrder] ? Number(c[unitColumns.sortOrder]) : undefined,
    });
    if (!parsed.success) {
      errors.push(...zodIssues(r.row, parsed.error.issues, headerOf));
      continue;
    }
    const code = parsed.data.code;
    if (existing.has(code) || inFile.has(code)) {
      errors.push({ row: r.row, column: unitColumns.code, reason: `code ${code} already exists` });
      continue;
    }
    inFile.set(code, { row: r.row, kind: parsed.data.kind });
    valid.push({ row: r, kind: parsed.data.kind, code });
  }
  const known = (code: string) => existing.get(code) ?? inFile.get(code);
  for (const v of valid) {
    const parentCode = v.row.cells[unitColumns.parentCode];
    if (parentCode && !known(parentCode)) errors.push({ row: v.row.row, column: unitColumns.parentCode, reason: `unknown unit code ${parentCode}` });
    const pairedCode = v.row.cells[unitColumns.pairedCode];
    if (pairedCode) {
      const partner = known(pairedCode);
      if (!partner) errors.push({ row: v.row.row, column: unitColumns.pairedCode, reason: `unknown unit code ${pairedCode}` });
      else if (trackOfKind(partner.kind) === trackOfKind(v.kind)) errors.push({ row: v.row.row, column: unitColumns.pairedCode, reason: 'pair a party organisation with a business unit' });
    }
  }
  if (errors.length) fail(await recordJob(db, ctx, 'units', fileName, rows.length, 0, errors), errors, rows.length);

  // Parents may come later in the file than their children: order rows so each parent is written first.
  const ordered: typeof valid = [];
  const placed = new Set(existing.keys());
  let pending = [...valid];
  while (pending.length) {
    const ready = pending.filter((v) => !v.row.cells[unitColumns.parentCode] || placed.has(v.row.cells[unitColumns.parentCode]));
    if (ready.length === 0) {
      const errs = pending.map((v) => ({ row: v.row.row, column: unitColumns.parentCode, reason: 'parent chain forms a cycle' }));
      fail(await recordJob(db, ctx, 'units', fileName, rows.length, 0, errs), errs, rows.length);
    }
    for (const v of ready) placed.add(v.code);
    ordered.push(...ready);
    pending = pending.filter((v) => !ready.includes(v));
  }

  return db.transaction(async (tx) => {
    const ids = new Map([...existing].map(([code, u]) => [code, u.id]));
    for (const v of ordered) {
      const c = v.row.cells;
      const row = await unitsRepo.insertUnit(tx, {
        tenantId: ctx.tenantId,
        code: v.code,
        kind: v.kind,
        track: trackOfKind(v.kind),
        name: c[unitColumns.name],
        shortName: c[unitColumns.shortName] || null,
        parentId: c[unitColumns.parentCode] ? ids.get(c[unitColumns.parentCode])! : null,
        sortOrder: c[unitColumns.sortOrder] ? Number(c[unitColumns.sortOrder]) : 0,
      });
      ids.set(v.code, row.id);
      await appendAudit(tx, ctx, { action: 'import', entity: 'unit', entityId: row.id, after: row });
    }
    for (const v of valid) {
      const pairedCode = v.row.cells[unitColumns.pairedCode];
      if (pairedCode) await unitsRepo.setPairing(tx, ctx.tenantId, ids.get(v.code)!, ids.get(pairedCode)!);
    }
    const importId = await recordJob(tx, ctx, 'units', fileName, rows.length, valid.length, []);
    return { importId, status: 'done' as const, totalRows: rows.length, created: valid.length, errors: [] };
  });
}

const yes = new Set(['是', 'Y', 'y', 'yes', 'true', '1']);
const no = new Set(['否', 'N', 'n', 'no', 'false', '0', '']);

/** All-or-nothing import of people with their positions in their unit. */
export async function importPeople(db: Db, ctx: RequestContext, fileName: string, buf: Buffer): Promise<ImportResult> {
  const rows = await parse(buf, personColumns);
  const headerOf: Record<string, string> = { ...personColumns, unitId: personColumns.unitCode };
  const errors: ImportIssue[] = [];
  const unitsByCode = new Map((await unitsRepo.listUnits(db, ctx.tenantId, {})).map((u) => [u.code, u]));
  const seen = new Set<string>();
  const valid: { values: ReturnType<typeof personInput.parse>; roles: string[] }[] = [];
  for (const r of rows) {
    const c = r.cells;
    const before = errors.length;
    const unit = unitsByCode.get(c[personColumns.unitCode]);
    if (!unit) errors.push({ row: r.row, column: personColumns.unitCode, reason: c[personColumns.unitCode] ? `unknown unit code ${c[personColumns.unitCode]}` : 'required' });
    const dual = c[personColumns.dualLeader] ?? '';
    if (!yes.has(dual) && !no.has(dual)) errors.push({ row: r.row, column: personColumns.dualLeader, reason: 'use 是 or 否' });
    const roles = (c[personColumns.positions] ?? '').split(/[,，、;；]/).map((s) => s.trim()).filter(Boolean);
    const roleCodes = roles.map((t) => fromLabel(positionRoleLabel, t));
    roles.forEach((t, i) => !roleCodes[i] && errors.push({ row: r.row, column: personColumns.positions, reason: `unknown position ${t}` }));
    const gender = c[personColumns.gender] ? fromLabel(genderLabel, c[personColumns.gender]) ?? c[personColumns.gender] : null;
    const parsed = personInput.safeParse({
      staffNo: c[personColumns.staffNo],
      name: c[personColumns.name],
      gender,
      title: c[personColumns.title] || null,
      politicalStatus: fromLabel(politicalStatusLabel, c[personColumns.politicalStatus] ?? '') ?? c[personColumns.politicalStatus],
      dualLeader: yes.has(dual),
      phone: c[personColumns.phone] || null,
      email: c[personColumns.email] || null,
      unitId: unit?.id ?? '00000000-0000-4000-8000-000000000000',
    });
    if (!parsed.success) errors.push(...zodIssues(r.row, parsed.error.issues, headerOf));
    else if (seen.has(parsed.data.staffNo)) errors.push({ row: r.row, column: personColumns.staffNo, reason: 'duplicate staff number in the file' });
    else if (await peopleRepo.getPersonByStaffNo(db, ctx.tenantId, parsed.data.staffNo))
      errors.push({ row: r.row, column: personColumns.staffNo, reason: `staff number ${parsed.data.staffNo} already exists` });
    if (parsed.success) seen.add(parsed.data.staffNo);
    if (errors.length === before && parsed.success) valid.push({ values: parsed.data, roles: roleCodes as string[] });
  }
  if (errors.length) fail(await recordJob(db, ctx, 'people', fileName, rows.length, 0, errors), errors, rows.length);

  return db.transaction(async (tx) => {
    const inserted = await peopleRepo.insertPeople(tx, valid.map((v) => ({ ...v.values, tenantId: ctx.tenantId })));
    const idOf = new Map(inserted.map((r) => [r.staffNo, r.id]));
    await peopleRepo.insertPositions(
      tx,
      valid.flatMap((v) => v.roles.map((role) => ({ tenantId: ctx.tenantId, personId: idOf.get(v.values.staffNo)!, unitId: v.values.unitId, role }))),
    );
    for (const v of valid) await appendAudit(tx, ctx, { action: 'import', entity: 'person', entityId: idOf.get(v.values.staffNo)!, after: v.values });
    const importId = await recordJob(tx, ctx, 'people', fileName, rows.length, valid.length, []);
    return { importId, status: 'done' as const, totalRows: rows.length, created: valid.length, errors: [] };
  });
}

export async function importReport(db: Db, ctx: RequestContext, id: string): Promise<{ fileName: string; buf: Buffer }> {
  const [job] = await db.select().from(importJobs).where(and(eq(importJobs.tenantId, ctx.tenantId), eq(importJobs.id, id)));
  if (!job || (job.createdBy !== ctx.userId && ctx.scope.kind !== 'all')) throw new AppError('IMPORT_NOT_FOUND', 'import not found');
  const errs = job.errors as ImportIssue[];
  const buf = await simpleWorkbook('错误报告', ['行号', '列', '原因'], errs.map((e) => [e.row, e.column, e.reason]));
  return { fileName: `导入错误报告-${job.fileName?.replace(/\.xlsx$/i, '') || job.kind}.xlsx`, buf };
}

export async function template(kind: 'units' | 'people'): Promise<Buffer> {
  if (kind === 'units')
    return simpleWorkbook('单位', Object.values(unitColumns), [['JD-XY', '机电工程学院', '机电学院', '二级学院', 'XZ', 'JD-ZZ', 10]]);
  return simpleWorkbook('人员', Object.values(personColumns), [['T9001', '张三', '男', '副教授', '中共党员', '否', '13800000000', 'zhangsan@example.edu.cn', 'JD-XY', '成员']]);
}
