import crypto from 'node:crypto';
import ExcelJS from 'exceljs';

/** An .xlsx with one sheet: a header row, then the rows. */
export async function workbook(headers: string[], rows: (string | number | null)[][], sheet = 'Sheet1'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The first sheet of an .xlsx as rows of cell text (row 1 = headers). */
export async function readWorkbook(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.text;
    });
    out.push(Array.from(cells, (c) => c ?? ''));
  });
  return out;
}

/** A multipart/form-data body with one file field, for app.inject. */
export function multipartFile(buf: Buffer, fileName: string, field = 'file', mime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') {
  const boundary = `----santong${crypto.randomBytes(8).toString('hex')}`;
  // Browsers send the file name as raw UTF-8 inside the quotes.
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName.replace(/["\r\n]/g, '_')}"\r\nContent-Type: ${mime}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, buf, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const unitHeaders = ['编码', '名称', '简称', '类型', '上级编码', '结对单位编码', '排序'];
export const personHeaders = ['工号', '姓名', '性别', '职称职务', '政治面貌', '双带头人', '电话', '邮箱', '单位编码', '岗位'];
