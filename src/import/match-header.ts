// Find the header row of a sheet and which column holds what. Officers put a title, the commune's
// name and a blank line above the table, rename headers slightly, drop accents, add "(*)"; the
// header is the row among the first 20 that matches the most known headers or their aliases.

import type { ImportColumn, ImportSheet } from '../shared/schemas/household-import.schema.ts';
import { displayCell, foldLabel, readCellContent } from './parse-cell.ts';

/** Rows searched for the header, counted from the top of the sheet. */
export const HEADER_SEARCH_ROWS = 20;

export interface LocatedColumn {
  /** 1-based column number. */
  readonly index: number;
  readonly letter: string;
  /** The header as written in the file. */
  readonly header: string;
  readonly column: ImportColumn;
}

export interface HeaderMatch {
  readonly located: readonly LocatedColumn[];
  /** A known column found under more than one header: the first is used. */
  readonly duplicates: readonly { readonly column: ImportColumn; readonly first: LocatedColumn; readonly again: LocatedColumn }[];
  /** Headers that match no column, ignored. */
  readonly unknown: readonly { readonly letter: string; readonly header: string }[];
}

export interface SheetLayout extends HeaderMatch {
  readonly headerRow: number;
  /** Required columns absent from the header. */
  readonly missing: readonly ImportColumn[];
}

/** 1 → "A", 27 → "AA". */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const headerIndexes = new WeakMap<ImportSheet, Map<string, ImportColumn>>();

function headerIndex(sheet: ImportSheet): Map<string, ImportColumn> {
  let index = headerIndexes.get(sheet);
  if (index === undefined) {
    index = new Map();
    for (const column of sheet.columns) {
      for (const spelling of [column.header, ...column.aliases, column.key]) {
        const folded = foldLabel(spelling);
        if (folded !== '' && !index.has(folded)) index.set(folded, column);
      }
    }
    headerIndexes.set(sheet, index);
  }
  return index;
}

// Columns that are never data and need no warning: row numbers and notes.
const IGNORED_HEADERS = new Set(['stt', 'tt', 'so tt', 'so thu tu', 'ghi chu']);

/** The column a header names: as written, without "(…)" notes, without a leading "1." numbering. */
export function matchHeader(text: string, sheet: ImportSheet): ImportColumn | null {
  const index = headerIndex(sheet);
  const candidates = [
    text,
    text.replace(/\([^)]*\)|\[[^\]]*\]/gu, ' '),
    text.replace(/^\s*\(?\d{1,2}[.)]\s*/u, ''),
  ];
  for (const candidate of candidates) {
    const column = index.get(foldLabel(candidate));
    if (column !== undefined) return column;
  }
  return null;
}

/** Match one row's cells (sparse, 1-based as ExcelJS gives them) against the sheet's columns. */
export function matchHeaderCells(values: readonly unknown[], sheet: ImportSheet): HeaderMatch {
  const located: LocatedColumn[] = [];
  const duplicates: { column: ImportColumn; first: LocatedColumn; again: LocatedColumn }[] = [];
  const unknown: { letter: string; header: string }[] = [];
  const byKey = new Map<string, LocatedColumn>();
  for (let index = 1; index < values.length; index += 1) {
    const header = displayCell(readCellContent(values[index]));
    if (header === '') continue;
    const letter = columnLetter(index);
    const column = matchHeader(header, sheet);
    if (column === null) {
      if (!IGNORED_HEADERS.has(foldLabel(header))) unknown.push({ letter, header });
      continue;
    }
    const here: LocatedColumn = { index, letter, header, column };
    const first = byKey.get(column.key);
    if (first === undefined) {
      byKey.set(column.key, here);
      located.push(here);
    } else {
      duplicates.push({ column, first, again: here });
    }
  }
  return { located, duplicates, unknown };
}

/**
 * The header among the rows given (the first HEADER_SEARCH_ROWS of the sheet): the one matching
 * the most columns, the earliest on a tie; at least two columns must match, so a title line that
 * happens to contain "Mã hộ" is not taken for the header.
 */
export function findHeaderRow(rows: readonly { readonly number: number; readonly values: readonly unknown[] }[], sheet: ImportSheet): SheetLayout | null {
  let best: { number: number; match: HeaderMatch } | null = null;
  for (const row of rows) {
    if (row.number > HEADER_SEARCH_ROWS) break;
    const match = matchHeaderCells(row.values, sheet);
    if (match.located.length >= 2 && (best === null || match.located.length > best.match.located.length)) {
      best = { number: row.number, match };
    }
  }
  if (best === null) return null;
  const present = new Set(best.match.located.map((l) => l.column.key));
  return {
    ...best.match,
    headerRow: best.number,
    missing: sheet.columns.filter((column) => column.required && !present.has(column.key)),
  };
}

/**
 * A row of column numbers under the header — "(1) (2) (3)…" or "1 2 3…", as on official forms —
 * is not data: at least three cells, every one a small number, increasing from left to right.
 */
export function isColumnNumberRow(values: readonly unknown[]): boolean {
  let count = 0;
  let previous = 0;
  for (let index = 1; index < values.length; index += 1) {
    const text = displayCell(readCellContent(values[index]));
    if (text === '') continue;
    const match = /^[([]?(\d{1,3})[)\]]?$/u.exec(text);
    if (!match) return false;
    const n = Number(match[1]);
    if (n <= previous) return false;
    previous = n;
    count += 1;
  }
  return count >= 3;
}
