// Reading one sheet's rows as they stream by: hold the first rows until the header is found among
// them, report what is wrong with the header, then hand each data row on, counting data rows
// against the sheet's limit.

import type { ImportSheet } from '../shared/schemas/household-import.schema.ts';
import { formatNumber } from '../shared/vi-format.ts';
import type { ImportIssue } from './import-issue.ts';
import { ImportRefusal } from './import-issue.ts';
import type { SheetLayout } from './match-header.ts';
import { findHeaderRow, HEADER_SEARCH_ROWS, isColumnNumberRow } from './match-header.ts';

/** What a data row turned out to be: blank rows are skipped and not counted against the limit. */
export type RowKind = 'blank' | 'data';

export class SheetReading {
  readonly sheet: ImportSheet;
  /** The sheet's name as written in the file. */
  readonly sheetName: string;
  layout: SheetLayout | null = null;
  /** The header is missing or lacks required columns: the sheet's rows are not read. */
  unusable = false;
  dataRows = 0;
  private readonly maxRows: number;
  private readonly pending: { number: number; values: unknown[] }[] = [];
  private afterHeader = true;
  private readonly report: (issue: ImportIssue) => void;
  private readonly onRow: (rowNumber: number, values: readonly unknown[], layout: SheetLayout) => RowKind;

  constructor(
    sheet: ImportSheet,
    sheetName: string,
    maxRows: number,
    report: (issue: ImportIssue) => void,
    onRow: (rowNumber: number, values: readonly unknown[], layout: SheetLayout) => RowKind,
  ) {
    this.sheet = sheet;
    this.sheetName = sheetName;
    this.maxRows = maxRows;
    this.report = report;
    this.onRow = onRow;
  }

  accept(rowNumber: number, values: unknown[]): void {
    if (this.unusable) return;
    if (this.layout === null) {
      if (rowNumber <= HEADER_SEARCH_ROWS) {
        this.pending.push({ number: rowNumber, values });
        return;
      }
      this.settleHeader();
      if (this.layout === null) return;
    }
    this.dataRow(rowNumber, values);
  }

  /** The sheet has ended: a short sheet may not have settled its header yet. */
  finish(): void {
    if (this.layout === null && !this.unusable) this.settleHeader();
  }

  private settleHeader(): void {
    const layout = findHeaderRow(this.pending, this.sheet);
    const rows = this.pending.splice(0);
    if (layout === null) {
      this.unusable = true;
      const examples = this.sheet.columns
        .filter((c) => c.required)
        .slice(0, 3)
        .map((c) => `"${c.header}"`)
        .join(', ');
      this.report(this.issue('header_not_found', `Không tìm thấy dòng tiêu đề trong ${HEADER_SEARCH_ROWS} dòng đầu của trang (cần các cột như ${examples}).`));
      return;
    }
    for (const column of layout.missing) {
      this.report({
        ...this.issue('missing_column', `Thiếu cột bắt buộc "${column.header}".`),
        row: layout.headerRow,
        column: { letter: null, header: column.header, key: column.key },
      });
    }
    for (const duplicate of layout.duplicates) {
      this.report({
        ...this.issue(
          'duplicate_column',
          `Cột "${duplicate.column.header}" xuất hiện hai lần (cột ${duplicate.first.letter} và cột ${duplicate.again.letter}); hãy xóa hoặc đổi tên một cột.`,
        ),
        row: layout.headerRow,
        column: { letter: duplicate.again.letter, header: duplicate.again.header, key: duplicate.column.key },
      });
    }
    for (const unknown of layout.unknown) {
      this.report({
        ...this.issue('unknown_column', `Cột "${unknown.header}" không có trong mẫu nhập nên được bỏ qua.`),
        severity: 'warning',
        row: layout.headerRow,
        column: { letter: unknown.letter, header: unknown.header, key: '' },
      });
    }
    if (layout.missing.length > 0) {
      this.unusable = true;
      return;
    }
    this.layout = layout;
    for (const row of rows) if (row.number > layout.headerRow) this.dataRow(row.number, row.values);
  }

  private dataRow(rowNumber: number, values: unknown[]): void {
    const layout = this.layout;
    if (layout === null) return;
    if (this.afterHeader) {
      this.afterHeader = false;
      if (isColumnNumberRow(values)) return;
    }
    if (this.onRow(rowNumber, values, layout) === 'blank') return;
    this.dataRows += 1;
    if (this.dataRows > this.maxRows) {
      throw new ImportRefusal(
        'too_many_rows',
        `Có hơn ${formatNumber(this.maxRows)} dòng dữ liệu, vượt giới hạn của một lần nhập; hãy chia thành nhiều tệp (ví dụ theo xã).`,
        { sheet: this.sheetName },
      );
    }
  }

  private issue(code: ImportIssue['code'], message: string): ImportIssue {
    return { severity: 'error', code, sheet: this.sheetName, row: null, column: null, message };
  }
}
