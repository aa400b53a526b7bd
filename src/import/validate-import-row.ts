// One spreadsheet row → one validated import row, or every problem of that row. Cells are read by
// their column's kind (parse-cell.ts), assembled into the row object, then checked by the shared
// zod schema; each problem is reported once, against the cell it comes from.

import type { z } from 'zod';
import type { ImportColumn, ImportSheet } from '../shared/schemas/household-import.schema.ts';
import { formatNumber } from '../shared/vi-format.ts';
import type { ImportIssue, ImportIssueColumn } from './import-issue.ts';
import type { LocatedColumn, SheetLayout } from './match-header.ts';
import type { DateOrYear } from './parse-cell.ts';
import { cellLength, parseCellForColumn, readCellContent } from './parse-cell.ts';

export interface RowContext {
  readonly sheet: ImportSheet;
  /** The sheet's name as written in the file. */
  readonly sheetName: string;
  readonly layout: SheetLayout;
  readonly maxCellLength: number;
}

export type RowOutcome<T> =
  | { readonly kind: 'blank' }
  | { readonly kind: 'valid'; readonly value: T }
  | { readonly kind: 'invalid'; readonly issues: readonly ImportIssue[]; readonly assembled: Readonly<Record<string, unknown>> };

/** Which column a row field comes from, for locating the schema's problems. */
const fieldColumns = new WeakMap<ImportSheet, Map<string, ImportColumn>>();

function columnOfField(sheet: ImportSheet, field: string): ImportColumn | undefined {
  let map = fieldColumns.get(sheet);
  if (map === undefined) {
    map = new Map();
    for (const column of sheet.columns) {
      const target = column.target;
      if (target.type === 'field') map.set(target.field, column);
      else if (target.type === 'date_or_year') {
        map.set(target.dateField, column);
        map.set(target.yearField, column);
      }
    }
    fieldColumns.set(sheet, map);
  }
  return map.get(field);
}

/** Fields the row starts with: "Không" for yes/no columns whose blank means no, an empty tick list. */
const rowDefaults = new WeakMap<ImportSheet, { readonly fields: Readonly<Record<string, unknown>>; readonly ticks: boolean }>();

function startRow(sheet: ImportSheet): Record<string, unknown> {
  let defaults = rowDefaults.get(sheet);
  if (defaults === undefined) {
    const fields: Record<string, unknown> = {};
    let ticks = false;
    for (const column of sheet.columns) {
      if (column.target.type === 'deprivation') ticks = true;
      else if (column.blank === 'no' && column.target.type === 'field') fields[column.target.field] = false;
    }
    defaults = { fields, ticks };
    rowDefaults.set(sheet, defaults);
  }
  return defaults.ticks ? { ...defaults.fields, deprivations: [] } : { ...defaults.fields };
}

function issueColumn(column: ImportColumn, located: LocatedColumn | undefined): ImportIssueColumn {
  return { letter: located?.letter ?? null, header: located?.header ?? column.header, key: column.key };
}

export function validateImportRow<T>(
  schema: z.ZodType<T>,
  values: readonly unknown[],
  rowNumber: number,
  context: RowContext,
): RowOutcome<T> {
  const row = startRow(context.sheet);
  const issues: ImportIssue[] = [];
  const failedColumns = new Set<string>();
  let blank = true;
  const problem = (column: ImportColumn, located: LocatedColumn | undefined, message: string) => {
    failedColumns.add(column.key);
    issues.push({
      severity: 'error',
      code: 'invalid_value',
      sheet: context.sheetName,
      row: rowNumber,
      column: issueColumn(column, located),
      message,
    });
  };

  for (const located of context.layout.located) {
    const column = located.column;
    const content = readCellContent(values[located.index]);
    if (content.kind === 'blank') continue;
    blank = false;
    const length = cellLength(content);
    if (length > context.maxCellLength) {
      failedColumns.add(column.key);
      issues.push({
        severity: 'error',
        code: 'cell_too_long',
        sheet: context.sheetName,
        row: rowNumber,
        column: issueColumn(column, located),
        message: `Ô dài ${formatNumber(length)} ký tự, vượt giới hạn ${formatNumber(context.maxCellLength)} ký tự.`,
      });
      continue;
    }
    const parsed = parseCellForColumn(content, column);
    if (!parsed.ok) {
      problem(column, located, parsed.message);
      continue;
    }
    const target = column.target;
    switch (target.type) {
      case 'field':
        row[target.field] = parsed.value;
        break;
      case 'deprivation':
        if (parsed.value === true) (row['deprivations'] as string[]).push(target.code);
        break;
      case 'date_or_year': {
        const birth = parsed.value as DateOrYear;
        if (birth.date !== null) row[target.dateField] = birth.date;
        row[target.yearField] = birth.year;
        break;
      }
    }
  }
  if (blank) return { kind: 'blank' };

  const result = schema.safeParse(row);
  if (result.success && issues.length === 0) return { kind: 'valid', value: result.data };
  if (!result.success) {
    const locatedByKey = new Map(context.layout.located.map((l) => [l.column.key, l]));
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      const column = columnOfField(context.sheet, field);
      if (column === undefined) {
        issues.push({ severity: 'error', code: 'invalid_value', sheet: context.sheetName, row: rowNumber, column: null, message: issue.message });
        continue;
      }
      // One problem per cell: a cell that could not be read is not reported again as missing.
      if (failedColumns.has(column.key)) continue;
      problem(column, locatedByKey.get(column.key), issue.message);
    }
  }
  return { kind: 'invalid', issues, assembled: row };
}
