import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ETHNICITY_OPTIONS, HOUSEHOLD_SHEET, MEMBER_SHEET, RELATION_OPTIONS } from '../shared/schemas/household-import.schema.ts';
import { columnLetter } from './match-header.ts';
import { displayCell, readCellContent } from './parse-cell.ts';
import { GUIDE_SHEET_NAME, LISTS_SHEET_NAME, VALIDATED_ROWS, writeImportTemplate } from './write-import-template.ts';
import type { XlsxPackage } from './xlsx-package.ts';
import { openXlsxPackage, readPackagePart, streamWorkbookParts } from './xlsx-package.ts';

// The template is read through the importer's own package layer: cell values through ExcelJS's
// streaming reader, the sheet XML (views, columns, validations) as text.

let dir: string;
let pkg: XlsxPackage;
const cells = new Map<string, string[][]>();
const xml = new Map<string, string>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chung-tay-template-test-'));
  const path = join(dir, 'mau-nhap-ho.xlsx');
  await writeImportTemplate(path);
  pkg = await openXlsxPackage(path);
  const sheets = pkg.sheets.map((sheet) => {
    if (sheet.entry === null) throw new Error(`no part for ${sheet.name}`);
    return { id: sheet.name, entry: sheet.entry };
  });
  for (const sheet of sheets) xml.set(sheet.id, await readPackagePart(pkg, sheet.entry));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(streamWorkbookParts(pkg, sheets, () => {}), { sharedStrings: 'cache', worksheets: 'emit' });
  for await (const worksheet of reader as AsyncIterable<AsyncIterable<{ number: number; values: unknown[] }> & { name: string }>) {
    const rows: string[][] = [];
    for await (const row of worksheet) rows[row.number - 1] = Array.from(row.values.slice(1), (v) => displayCell(readCellContent(v)));
    cells.set(worksheet.name, rows);
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function sheetXml(name: string): string {
  return xml.get(name) ?? '';
}

/** Column widths from <col min max width>, one per column (ExcelJS merges equal neighbours). */
function widthsOf(sheet: string): number[] {
  const widths: number[] = [];
  for (const match of sheet.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/gu)) {
    for (let i = Number(match[1]); i <= Number(match[2]); i += 1) widths[i - 1] = Number(match[3]);
  }
  return widths;
}

/** The list a column's drop-down refers to, as values read from the lists sheet. */
function dropDownOf(sheetName: string, letter: string): string[] | null {
  const validation = new RegExp(`<dataValidation type="list"[^>]*sqref="${letter}2:${letter}${VALIDATED_ROWS + 1}"><formula1>([^<]*)</formula1>`, 'u').exec(sheetXml(sheetName));
  if (validation === null) return null;
  const reference = (validation[1] ?? '').replace(/&apos;/gu, "'");
  const match = /^'Danh mục'!\$([A-Z]+)\$2:\$[A-Z]+\$(\d+)$/u.exec(reference);
  if (match === null) return [`unexpected reference ${reference}`];
  const column = (match[1] ?? 'A').charCodeAt(0) - 65;
  const last = Number(match[2]);
  const lists = cells.get(LISTS_SHEET_NAME) ?? [];
  return lists.slice(1, last).map((row) => row[column] ?? '');
}

describe('the import template', () => {
  it('holds the two data sheets, the guide and the lists, in that order', () => {
    expect(pkg.sheets.map((s) => s.name)).toEqual([HOUSEHOLD_SHEET.name, MEMBER_SHEET.name, GUIDE_SHEET_NAME, LISTS_SHEET_NAME]);
  });

  it.each([HOUSEHOLD_SHEET, MEMBER_SHEET].map((s) => [s.name, s] as const))('"%s": Vietnamese headers in row 1 and nothing else, frozen, sized', (name, sheet) => {
    expect(cells.get(name)).toEqual([sheet.columns.map((c) => c.header)]);
    expect(sheetXml(name)).toMatch(/<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"\/>/u);
    expect(widthsOf(sheetXml(name))).toEqual(sheet.columns.map((c) => c.width));
  });

  it.each([
    [HOUSEHOLD_SHEET.name, 'D', ['Nông thôn', 'Thành thị']],
    [HOUSEHOLD_SHEET.name, 'E', ['Có', 'Không']],
    [HOUSEHOLD_SHEET.name, 'L', ['Có', 'Không']],
    [HOUSEHOLD_SHEET.name, 'K', ['Hộ nghèo', 'Hộ cận nghèo', 'Hộ có mức sống trung bình', 'Hộ không nghèo']],
    [MEMBER_SHEET.name, 'D', ['Nam', 'Nữ']],
    [MEMBER_SHEET.name, 'E', RELATION_OPTIONS.map((o) => o.label)],
    [MEMBER_SHEET.name, 'G', ETHNICITY_OPTIONS.map((o) => o.label)],
  ])('%s column %s offers a drop-down of its allowed values', (sheetName, letter, values) => {
    expect(dropDownOf(sheetName, letter)).toEqual(values);
  });

  it('has no drop-down on free columns (code, name, village, income)', () => {
    for (const letter of ['A', 'B', 'C', 'I']) expect(dropDownOf(HOUSEHOLD_SHEET.name, letter)).toBeNull();
  });

  it('keeps leading zeros of citizen IDs: the column is formatted as text and checked for 12 characters', async () => {
    const members = sheetXml(MEMBER_SHEET.name);
    expect(members).toMatch(new RegExp(`<dataValidation type="textLength" operator="equal"[^>]*sqref="F2:F${VALIDATED_ROWS + 1}"><formula1>12</formula1>`, 'u'));
    const style = Number(/<col min="6" max="6"[^>]*style="(\d+)"/u.exec(members)?.[1]);
    const styles = pkg.styles === null ? '' : await readPackagePart(pkg, pkg.styles);
    const formats = [...(/<cellXfs[^>]*>(.*?)<\/cellXfs>/su.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*numFmtId="(\d+)"/gu)].map((m) => m[1]);
    // 49 is Excel's built-in "@" (text) format.
    expect(formats[style]).toBe('49');
  });

  it('explains every column of both sheets on the guide sheet', () => {
    const guide = cells.get(GUIDE_SHEET_NAME) ?? [];
    const described = guide.filter((row) => row[0] === HOUSEHOLD_SHEET.name || row[0] === MEMBER_SHEET.name);
    expect(described.map((row) => `${row[0]}|${row[1]}|${row[2]}`)).toEqual([
      ...HOUSEHOLD_SHEET.columns.map((c, i) => `${HOUSEHOLD_SHEET.name}|${columnLetter(i + 1)}|${c.header}`),
      ...MEMBER_SHEET.columns.map((c, i) => `${MEMBER_SHEET.name}|${columnLetter(i + 1)}|${c.header}`),
    ]);
    expect(described[0]).toEqual([
      HOUSEHOLD_SHEET.name,
      'A',
      'Mã hộ',
      'Bắt buộc',
      'Mã (chữ, số, dấu gạch ngang)',
      '',
      HOUSEHOLD_SHEET.columns[0]?.description,
      '06001-03-0012',
    ]);
  });
});
