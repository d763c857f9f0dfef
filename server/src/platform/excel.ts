import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

let loading: Promise<typeof ExcelJS> | null = null;
/** exceljs on first use: loading it takes a second or more, which server start need not pay. */
export function loadExcelJS(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}

export interface XlsxColumn<T> {
  header: string;
  key: string;
  width?: number;
  value: (row: T) => string | number | boolean | Date | null | undefined;
}

/** RFC 6266/5987 Content-Disposition that keeps Chinese file names intact in every browser. */
export function contentDisposition(fileName: string, inline = false): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Streams rows into an .xlsx as they arrive: the workbook writer flushes each
 * committed row, so exports of any size run in bounded memory.
 */
export function sendXlsxStream<T>(reply: FastifyReply, fileName: string, sheetName: string, columns: XlsxColumn<T>[], batches: AsyncIterable<T[]>) {
  const out = new PassThrough();
  (async () => {
    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for await (const batch of batches) {
      for (const row of batch) {
        const values: Record<string, unknown> = {};
        for (const c of columns) values[c.key] = c.value(row) ?? null;
        ws.addRow(values).commit();
      }
    }
    ws.commit();
    await wb.commit();
  })().catch((err) => out.destroy(err));
  reply.header('Content-Type', XLSX_TYPE).header('Content-Disposition', contentDisposition(fileName));
  return reply.send(out);
}

export async function* once<T>(rows: T[]): AsyncIterable<T[]> {
  yield rows;
}

export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

/** Reads the first sheet: row 1 holds the headers; every cell comes back as trimmed text. */
export async function readSheet(buf: Buffer): Promise<{ headers: string[]; rows: SheetRow[] }> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return { headers: [], rows: [] };
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = cell.text.trim();
  });
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    const cells: Record<string, string> = {};
    let any = false;
    headers.forEach((h, i) => {
      if (!h) return;
      const t = r.getCell(i + 1).text?.trim() ?? '';
      cells[h] = t;
      if (t) any = true;
    });
    if (any) rows.push({ row: n, cells });
  });
  return { headers, rows };
}

/** A workbook with one header row, for import templates and error reports. */
export async function simpleWorkbook(sheetName: string, headers: string[], rows: (string | number)[][]): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A header over several columns (a group of one column spans both header rows). */
export interface XlsxColumnGroup<T> {
  header: string;
  columns: XlsxColumn<T>[];
}

/** A workbook with two merged header rows (group, then column), for reports with multi-level headers. */
export async function groupedWorkbook<T>(sheetName: string, groups: XlsxColumnGroup<T>[], rows: readonly T[]): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
  const columns = groups.flatMap((g) => g.columns);
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width ?? 14 }));
  let col = 1;
  for (const g of groups) {
    const last = col + g.columns.length - 1;
    if (g.columns.length === 1) {
      ws.getCell(1, col).value = g.header;
      ws.mergeCells(1, col, 2, col);
    } else {
      ws.getCell(1, col).value = g.header;
      ws.mergeCells(1, col, 1, last);
      g.columns.forEach((c, i) => (ws.getCell(2, col + i).value = c.header));
    }
    col = last + 1;
  }
  for (const r of [1, 2]) {
    ws.getRow(r).font = { bold: true };
    ws.getRow(r).alignment = { horizontal: 'center', vertical: 'middle' };
  }
  for (const row of rows) ws.addRow(columns.map((c) => c.value(row) ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
