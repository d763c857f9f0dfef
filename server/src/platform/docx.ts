import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from './excel.js';

/**
 * A small document engine for Chinese A4 reports (dispatch sheets, briefings).
 * Every run names an East Asian font so Word and WPS render CJK text with
 * 宋体/黑体 instead of falling back to a Latin font.
 */

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const CJK_FONTS = {
  body: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' },
  heading: { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体', cs: 'Arial' },
  title: { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '方正小标宋简体', cs: 'Arial' },
} as const;

/** A4 in twips (1/20 pt) with the usual Chinese official-document margins (~2.5 cm). */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1440, bottom: 1440, left: 1418, right: 1418 };
/** Usable width in twips, for tables and images. */
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

export interface RunStyle {
  bold?: boolean;
  color?: string;
  /** Size in points. */
  size?: number;
  italics?: boolean;
}

export function run(text: string, style: RunStyle = {}, font: keyof typeof CJK_FONTS = 'body'): TextRun {
  return new TextRun({
    text,
    bold: style.bold,
    italics: style.italics,
    color: style.color,
    size: style.size ? style.size * 2 : undefined,
    font: CJK_FONTS[font],
  });
}

/** The document title: centred, large, 小标宋. */
export function title(text: string, subtitle?: string): Paragraph[] {
  const out = [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(text, { size: 22 }, 'title')] })];
  if (subtitle) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [run(subtitle, { size: 12, color: '555555' }, 'body')] }));
  return out;
}

const HEADING_LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
const HEADING_SIZES = [16, 14, 12];

/** A heading of level 1–3 (黑体), recognised by Word's navigation pane. */
export function heading(text: string, level: 1 | 2 | 3 = 1): Paragraph {
  return new Paragraph({
    heading: HEADING_LEVELS[level - 1],
    spacing: { before: 240, after: 120 },
    children: [run(text, { size: HEADING_SIZES[level - 1], bold: level > 1, color: '000000' }, 'heading')],
  });
}

/** A body paragraph with a two-character first-line indent, as Chinese prose expects. */
export function paragraph(text: string | TextRun[], opts: { indent?: boolean; align?: 'left' | 'center' | 'right' } = {}): Paragraph {
  const children = typeof text === 'string' ? [run(text, { size: 12 })] : text;
  const alignment = opts.align === 'center' ? AlignmentType.CENTER : opts.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  return new Paragraph({ alignment, spacing: { after: 120, line: 360 }, indent: opts.indent === false ? undefined : { firstLine: 480 }, children });
}

/** A plain line (no indent), e.g. "说明：…" or a list entry. */
export function line(text: string, style: RunStyle = {}): Paragraph {
  return new Paragraph({ spacing: { after: 80 }, children: [run(text, { size: 12, ...style })] });
}

export type CellValue = string | number | null | undefined;

export interface TableOptions {
  /** Relative column widths; defaults to equal. */
  widths?: number[];
  /** Per-row background fill (hex), e.g. to mark red tasks. */
  rowFill?: (rowIndex: number) => string | undefined;
  fontSize?: number;
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const borders = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

function cell(value: CellValue, width: number, opts: { header?: boolean; fill?: string; size: number }): TableCell {
  const text = value === null || value === undefined ? '' : String(value);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: opts.fill ? { type: ShadingType.CLEAR, fill: opts.fill, color: 'auto' } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: text.split('\n').map((l) => new Paragraph({ children: [run(l, { size: opts.size, bold: opts.header }, opts.header ? 'heading' : 'body')] })),
  });
}

/** A bordered table from a header row and data rows; the header repeats on each page. */
export function table(header: string[], rows: CellValue[][], opts: TableOptions = {}): Table {
  const rel = opts.widths ?? header.map(() => 1);
  const sum = rel.reduce((a, b) => a + b, 0) || 1;
  const widths = rel.map((w) => Math.floor((w / sum) * CONTENT_WIDTH));
  const size = opts.fontSize ?? 10.5;
  const headRow = new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, widths[i] ?? 0, { header: true, fill: 'E8ECF2', size })) });
  const body = rows.map(
    (r, ri) => new TableRow({ cantSplit: true, children: header.map((_, i) => cell(r[i], widths[i] ?? 0, { fill: opts.rowFill?.(ri), size })) }),
  );
  return new Table({ width: { size: CONTENT_WIDTH, type: WidthType.DXA }, columnWidths: widths, borders, rows: [headRow, ...body] });
}

/** Reads a PNG's pixel size from its IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || png.readUInt32BE(12) !== 0x49484452) throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** A centred image paragraph from a PNG buffer, scaled to fit the text width (or `maxWidthPx`). */
export function image(png: Buffer, opts: { maxWidthPx?: number; caption?: string } = {}): Paragraph[] {
  const { width, height } = pngSize(png);
  // Text width in pixels at 96 dpi: twips / 15.
  const maxW = opts.maxWidthPx ?? Math.floor(CONTENT_WIDTH / 15);
  const scale = Math.min(1, maxW / width);
  const out = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new ImageRun({ type: 'png', data: png, transformation: { width: Math.round(width * scale), height: Math.round(height * scale) } })],
    }),
  ];
  if (opts.caption) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(opts.caption, { size: 10.5, color: '555555' })] }));
  return out;
}

export type DocBlock = FileChild | FileChild[];

/** Assembles an A4 portrait document with CJK default fonts and heading styles. */
export function chineseDocument(blocks: DocBlock[], meta: { title?: string; creator?: string } = {}): Document {
  const children = blocks.flat();
  return new Document({
    creator: meta.creator ?? 'Santong',
    title: meta.title,
    styles: {
      default: {
        document: { run: { font: CJK_FONTS.body, size: 24 } },
        heading1: { run: { font: CJK_FONTS.heading, size: 32, color: '000000' } },
        heading2: { run: { font: CJK_FONTS.heading, size: 28, color: '000000' } },
        heading3: { run: { font: CJK_FONTS.heading, size: 24, color: '000000' } },
      },
    },
    sections: [{ properties: { page: { size: A4, margin: MARGIN } }, children }],
  });
}

export async function docxBuffer(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}

/** Sends the document as a download with an RFC 5987 file name (Chinese names intact). */
export async function sendDocx(reply: FastifyReply, fileName: string, doc: Document) {
  const buf = await docxBuffer(doc);
  reply.header('Content-Type', DOCX_TYPE).header('Content-Disposition', contentDisposition(fileName));
  return reply.send(buf);
}
