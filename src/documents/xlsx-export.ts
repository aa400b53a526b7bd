// Report tables as an Excel workbook, written with exceljs's streaming writer so a table of every
// household of a district does not sit in memory twice. Numbers stay numbers (officials sum and
// filter them) and carry a number format; Excel shows "#,##0" with the reader's own separators, so a
// Vietnamese Excel shows 1.234.567. Dates are real dates shown dd/mm/yyyy.

import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  assertTableShape,
  formatCell,
  type CellValue,
  type ColumnSpec,
  type TableSpec,
} from './table-spec.ts';

export interface XlsxSheet {
  /** Sheet name; the table's title, else "Bảng n", when not given. Cut to Excel's 31 characters. */
  readonly name?: string;
  readonly table: TableSpec;
}

/**
 * Text that begins with = + - @ (or a tab or carriage return) is taken for a formula by Excel and
 * LibreOffice when it is pasted, imported from CSV or re-entered — the "CSV/formula injection" of
 * OWASP. A leading apostrophe makes it plain text. Household names and notes come from the public,
 * so every text cell goes through this.
 */
export function escapeFormulaText(text: string): string {
  return /^[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
}

function numberFormat(column: ColumnSpec): string | undefined {
  const digits = column.fractionDigits ?? 2;
  const fraction = digits > 0 ? `.${'0'.repeat(digits)}` : '';
  switch (column.kind) {
    case 'integer':
      return '#,##0';
    case 'decimal':
      return `#,##0${fraction}`;
    case 'percent':
      return `0${fraction}%`;
    case 'money':
      return '#,##0 "đ"';
    case 'date':
      return 'dd/mm/yyyy';
    case 'text':
      return undefined;
  }
}

function isoDateToUtc(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/u.exec(value);
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** The value stored in the cell: numbers as numbers (percent as a fraction, as Excel's % format expects), ISO dates as dates. */
export function xlsxValue(column: ColumnSpec, value: CellValue): string | number | Date | null {
  if (value === null) return null;
  if (typeof value === 'number') {
    if (column.kind === 'percent') return value / 100;
    if (column.kind === 'text') return escapeFormulaText(String(value));
    return value;
  }
  if (column.kind === 'date') return isoDateToUtc(value) ?? escapeFormulaText(value);
  return escapeFormulaText(value);
}

/** Excel forbids : \ / ? * [ ] in sheet names, allows 31 characters and no two sheets alike. */
export function sheetName(raw: string, used: Set<string>): string {
  const clean =
    raw
      .replace(/[:\\/?*[\]]/gu, ' ')
      .replace(/\s+/gu, ' ')
      .trim()
      .slice(0, 31) || 'Bảng';
  let name = clean;
  for (let n = 2; used.has(name.toLocaleLowerCase('vi')); n += 1) {
    const suffix = ` (${n})`;
    name = `${clean.slice(0, 31 - suffix.length)}${suffix}`;
  }
  used.add(name.toLocaleLowerCase('vi'));
  return name;
}

function columnWidth(column: ColumnSpec, table: TableSpec, index: number): number {
  const longest = Math.max(
    ...column.header.split(/\s+/u).map((w) => w.length * 1.5),
    column.header.length / 2,
    ...table.rows.slice(0, 500).map((r) => formatCell(column, r[index] ?? null).length),
  );
  return Math.min(60, Math.max(8, Math.ceil(longest) + 2));
}

/** Write the tables, one sheet each, to a stream; resolves when the workbook is complete. */
export async function writeXlsx(sheets: readonly XlsxSheet[], output: Writable): Promise<void> {
  // Refuse a malformed table before anything is written, so the caller's stream never gets half a workbook.
  for (const sheet of sheets) assertTableShape(sheet.table);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = 'Chung Tay';
  const used = new Set<string>();
  for (const [sheetIndex, sheet] of sheets.entries()) {
    const { table } = sheet;
    const worksheet = workbook.addWorksheet(
      sheetName(sheet.name ?? table.title ?? `Bảng ${sheetIndex + 1}`, used),
      {
        views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
      },
    );
    worksheet.columns = table.columns.map((c, i) => ({ width: columnWidth(c, table, i) }));
    const header = worksheet.addRow(table.columns.map((c) => escapeFormulaText(c.header)));
    header.eachCell((cell) => {
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    header.commit();
    const writeRow = (values: readonly CellValue[], bold: boolean): void => {
      const row = worksheet.addRow(table.columns.map((c, i) => xlsxValue(c, values[i] ?? null)));
      table.columns.forEach((column, i) => {
        const cell = row.getCell(i + 1);
        const format = numberFormat(column);
        if (format && typeof cell.value !== 'string') cell.numFmt = format;
        if (bold) cell.font = { bold: true };
      });
      row.commit();
    };
    for (const values of table.rows) writeRow(values, false);
    if (table.totalRow) writeRow(table.totalRow, true);
    worksheet.commit();
  }
  await workbook.commit();
}

/** The workbook as a Buffer, for a download response or a test. */
export async function buildXlsx(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  await writeXlsx(sheets, sink);
  await finished;
  return Buffer.concat(chunks);
}
