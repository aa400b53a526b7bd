// One description of a table, written to DOCX, PDF and XLSX alike, so a report table and its
// spreadsheet never disagree.

import { formatDate, formatMoney, formatNumber, formatPercent } from '../shared/vi-format.ts';

/**
 * What a column holds. Numbers stay numbers until they are written: the DOCX and PDF show them in
 * vi-VN form ("1.234.567"), the XLSX keeps the number and gives the cell a number format.
 * - percent: in percentage points, as formatPercent takes it (19.07 means 19,07 %);
 * - money: đồng;
 * - date: an ISO date "yyyy-MM-dd".
 */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'percent' | 'money' | 'date';

export type CellAlign = 'left' | 'center' | 'right';

export interface ColumnSpec {
  /** Header text in Vietnamese, e.g. "Số hộ nghèo". */
  readonly header: string;
  readonly kind: ColumnKind;
  /** Digits after the decimal comma for decimal and percent columns; 2 when not given. */
  readonly fractionDigits?: number;
  /** Relative width in DOCX and PDF (the page width is shared out by these weights). */
  readonly width?: number;
  /** Overrides the alignment that follows from the kind (e.g. a centred "TT" column). */
  readonly align?: CellAlign;
}

/** A cell: a number for numeric kinds, an ISO date for dates, text; null for an empty cell. */
export type CellValue = string | number | null;

export interface TableSpec {
  /** Shown bold and centred above the table; the sheet name in a workbook. */
  readonly title?: string;
  /** A note above the table on the right, in italics, e.g. "Đơn vị tính: hộ". */
  readonly note?: string;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly (readonly CellValue[])[];
  /** A closing row shown in bold, e.g. ["", "Tổng cộng", 1234]. */
  readonly totalRow?: readonly CellValue[];
}

export function isNumericKind(kind: ColumnKind): boolean {
  return kind === 'integer' || kind === 'decimal' || kind === 'percent' || kind === 'money';
}

/** Numbers are right-aligned so their digits line up; text and dates are left-aligned. */
export function alignmentOf(column: ColumnSpec): CellAlign {
  if (column.align) return column.align;
  if (isNumericKind(column.kind)) return 'right';
  if (column.kind === 'date') return 'center';
  return 'left';
}

/** The text a reader sees in a DOCX or PDF cell: "1.234.567", "19,07%", "850.000 đ", "05/01/2018". */
export function formatCell(column: ColumnSpec, value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return column.kind === 'date' ? formatDateCell(value) : value;
  switch (column.kind) {
    case 'integer':
      return formatNumber(value);
    case 'decimal':
      return formatNumber(value, column.fractionDigits ?? 2);
    case 'percent':
      return formatPercent(value, column.fractionDigits ?? 2);
    case 'money':
      return formatMoney(value);
    case 'text':
    case 'date':
      return String(value);
  }
}

function formatDateCell(value: string): string {
  return /^\d{4}-\d{2}-\d{2}/u.test(value) ? formatDate(value.slice(0, 10)) : value;
}

/** Share a total width out by the columns' weights; a column without a weight counts as 1. */
export function shareWidths(columns: readonly ColumnSpec[], total: number): number[] {
  const weights = columns.map((c) => (c.width !== undefined && c.width > 0 ? c.width : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((total * w) / sum));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  if (widths.length > 0) widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + rest;
  return widths;
}

/** A row with more or fewer cells than columns is a programming error that would shift every figure. */
export function assertTableShape(table: TableSpec): void {
  const expected = table.columns.length;
  const label = table.title ? `Bảng "${table.title}"` : 'Bảng';
  if (expected === 0) throw new Error(`${label} không có cột nào.`);
  table.rows.forEach((row, index) => {
    if (row.length !== expected) {
      throw new Error(`${label}: dòng ${index + 1} có ${row.length} ô, cần đúng ${expected} ô theo số cột.`);
    }
  });
  if (table.totalRow && table.totalRow.length !== expected) {
    throw new Error(`${label}: dòng tổng có ${table.totalRow.length} ô, cần đúng ${expected} ô theo số cột.`);
  }
}
