// What the importer tells an officer: every problem found in a workbook, located by sheet, Excel
// row and column, in Vietnamese. A refusal is a problem with the whole file (too large, not an
// .xlsx, a sheet missing); the importer then stops and lists it with what it had found so far.

import { formatNumber } from '../shared/vi-format.ts';

export type ImportIssueCode =
  // refusals of the whole file
  | 'file_not_found'
  | 'file_empty'
  | 'file_too_large'
  | 'not_zip'
  | 'legacy_xls'
  | 'html_table'
  | 'not_xlsx'
  | 'encrypted'
  | 'corrupt_zip'
  | 'uncompressed_too_large'
  | 'abnormal_cell'
  | 'missing_sheet'
  | 'too_many_rows'
  | 'unreadable'
  // problems of a sheet's layout
  | 'header_not_found'
  | 'missing_column'
  | 'duplicate_column'
  | 'unknown_column'
  // problems of a cell or a row
  | 'cell_too_long'
  | 'invalid_value'
  | 'duplicate_household'
  | 'unknown_household'
  | 'duplicate_citizen_id'
  | 'household_without_members'
  | 'head_count'
  | 'more_issues';

export interface ImportIssueColumn {
  /** Excel column letter in the file, null when the column is absent from the file. */
  readonly letter: string | null;
  /** The header as written in the file, or the template's header when the column is absent. */
  readonly header: string;
  /** ImportColumn.key */
  readonly key: string;
}

export interface ImportIssue {
  readonly severity: 'error' | 'warning';
  readonly code: ImportIssueCode;
  /** The sheet's name as written in the file; null for problems of the whole file. */
  readonly sheet: string | null;
  /** Excel row number (1-based), null when the problem is not one row's. */
  readonly row: number | null;
  readonly column: ImportIssueColumn | null;
  readonly message: string;
  /** The underlying technical cause, for logs; never shown to officers. */
  readonly detail?: string;
}

/** Thrown inside the importer to stop at a refusal; readHouseholdWorkbook turns it into a result. */
export class ImportRefusal extends Error {
  issue: ImportIssue;
  constructor(code: ImportIssueCode, message: string, where: { sheet?: string | null; row?: number | null } = {}) {
    super(message);
    this.name = 'ImportRefusal';
    this.issue = { severity: 'error', code, sheet: where.sheet ?? null, row: where.row ?? null, column: null, message };
  }
}

/** "Trang "Thành viên", dòng 12, cột F (Số CCCD): Số CCCD phải có đúng 12 chữ số." */
export function formatImportIssue(issue: ImportIssue): string {
  const where: string[] = [];
  if (issue.sheet !== null) where.push(`Trang "${issue.sheet}"`);
  if (issue.row !== null) where.push(`dòng ${issue.row}`);
  if (issue.column !== null) {
    where.push(issue.column.letter === null ? `cột "${issue.column.header}"` : `cột ${issue.column.letter} (${issue.column.header})`);
  }
  const prefix = issue.severity === 'warning' ? 'Cảnh báo: ' : '';
  return where.length === 0 ? `${prefix}${issue.message}` : `${prefix}${where.join(', ')}: ${issue.message}`;
}

/** Sizes for messages: "850 KB", "12,5 MB", "200 MB". */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb < 1) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${formatNumber(mb, mb < 10 ? 1 : 0)} MB`;
}

export function fileTooLargeMessage(size: number | null, maxFileBytes: number): string {
  const actual = size === null ? '' : ` (${formatMegabytes(size)})`;
  return `Tệp quá lớn${actual}; giới hạn là ${formatMegabytes(maxFileBytes)}. Hãy chia dữ liệu thành nhiều tệp nhỏ hơn (ví dụ theo xã).`;
}

/**
 * Keeps every issue up to a cap (a file with a million broken rows must not exhaust memory), and
 * counts the rest so the officer is told how many were left out.
 */
export class IssueCollector {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  errorCount = 0;
  warningCount = 0;
  private readonly maxErrors: number;
  private readonly maxWarnings: number;

  constructor(maxErrors: number, maxWarnings: number) {
    this.maxErrors = maxErrors;
    this.maxWarnings = maxWarnings;
  }

  add(issue: ImportIssue): void {
    if (issue.severity === 'error') {
      this.errorCount += 1;
      if (this.errors.length < this.maxErrors) this.errors.push(issue);
    } else {
      this.warningCount += 1;
      if (this.warnings.length < this.maxWarnings) this.warnings.push(issue);
    }
  }

  /** The issues kept, with a closing line for those left out. */
  listErrors(): ImportIssue[] {
    const left = this.errorCount - this.errors.length;
    if (left <= 0) return [...this.errors];
    return [
      ...this.errors,
      {
        severity: 'error',
        code: 'more_issues',
        sheet: null,
        row: null,
        column: null,
        message: `Còn ${formatNumber(left)} lỗi khác không được liệt kê; hãy sửa các lỗi trên rồi nhập lại tệp.`,
      },
    ];
  }

  listWarnings(): ImportIssue[] {
    const left = this.warningCount - this.warnings.length;
    if (left <= 0) return [...this.warnings];
    return [
      ...this.warnings,
      {
        severity: 'warning',
        code: 'more_issues',
        sheet: null,
        row: null,
        column: null,
        message: `Còn ${formatNumber(left)} cảnh báo khác không được liệt kê.`,
      },
    ];
  }
}
