import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { districtTable } from './document-examples.test-support.ts';
import type { TableSpec } from './table-spec.ts';
import { buildXlsx, escapeFormulaText, sheetName, writeXlsx } from './xlsx-export.ts';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

const dangerous = ['=HYPERLINK("http://x","Bấm")', '+84 912 345 678', '-1+2', '@SUM(A1)', '\t=1+1', '\r=1+1'];
const harmless = ['Hộ ông Hoàng Văn Tư', 'a=b', '1+1', ''];

const mixed: TableSpec = {
  title: 'Hộ nghèo: danh sách/2018',
  columns: [
    { header: 'Ghi chú', kind: 'text' },
    { header: 'Số hộ', kind: 'integer' },
    { header: 'Bình quân', kind: 'decimal', fractionDigits: 1 },
    { header: 'Tỷ lệ', kind: 'percent' },
    { header: 'Hỗ trợ', kind: 'money' },
    { header: 'Ngày rà soát', kind: 'date' },
  ],
  rows: [
    ['Thôn Nà Pàn', 1_234_567, 3.25, 19.07, 850_000, '2018-01-05'],
    ...[...dangerous, ...harmless].map((text) => [text, null, null, null, null, null]),
  ],
  totalRow: ['Tổng cộng', 1_234_567, null, null, 850_000, null],
};

let sheet: ExcelJS.Worksheet;
beforeAll(async () => {
  const workbook = await load(await buildXlsx([{ table: mixed }]));
  const first = workbook.worksheets[0];
  if (!first) throw new Error('no sheet');
  sheet = first;
});

describe('formula injection: text that Excel would run is stored with a leading apostrophe', () => {
  it.each(dangerous.map((t) => [JSON.stringify(t), t]))('%s is escaped', (_label, text) => {
    expect(escapeFormulaText(text)).toBe(`'${text}`);
    const row = mixed.rows.findIndex((r) => r[0] === text) + 2;
    // XML reading turns a carriage return into a line feed; the apostrophe in front is what counts.
    expect(sheet.getCell(row, 1).value).toBe(`'${text}`.replace(/\r/gu, '\n'));
  });
  it.each(harmless.filter((t) => t !== '').map((t) => [JSON.stringify(t), t]))(
    '%s is left alone',
    (_label, text) => {
      expect(escapeFormulaText(text)).toBe(text);
      const row = mixed.rows.findIndex((r) => r[0] === text) + 2;
      expect(sheet.getCell(row, 1).value).toBe(text);
    },
  );
  it('never writes a formula cell', () => {
    let formulas = 0;
    sheet.eachRow((row) =>
      row.eachCell((cell) => (cell.type === ExcelJS.ValueType.Formula ? (formulas += 1) : 0)),
    );
    expect(formulas).toBe(0);
  });
});

describe('header row', () => {
  it('holds the Vietnamese headers in bold', () => {
    expect(mixed.columns.map((_c, i) => sheet.getCell(1, i + 1).value)).toEqual(
      mixed.columns.map((c) => c.header),
    );
    expect(mixed.columns.every((_c, i) => sheet.getCell(1, i + 1).font?.bold === true)).toBe(true);
  });
  it('is frozen, so it stays in view while scrolling', () => {
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

describe('numbers stay numbers with a number format', () => {
  it.each([
    ['integer', 2, 1_234_567, '#,##0'],
    ['decimal with 1 digit', 3, 3.25, '#,##0.0'],
    ['percent as a fraction for the % format', 4, 0.1907, '0.00%'],
    ['money in đồng', 5, 850_000, '#,##0 "đ"'],
  ])('%s', (_case, column, value, format) => {
    const cell = sheet.getCell(2, column);
    expect(cell.value).toBeCloseTo(value, 10);
    expect(cell.numFmt).toBe(format);
  });
  it('stores dates as real dates shown dd/mm/yyyy', () => {
    const cell = sheet.getCell(2, 6);
    expect(cell.value).toEqual(new Date(Date.UTC(2018, 0, 5)));
    expect(cell.numFmt).toBe('dd/mm/yyyy');
  });
  it('sets the total row in bold', () => {
    const last = mixed.rows.length + 2;
    expect(sheet.getCell(last, 1).value).toBe('Tổng cộng');
    expect(sheet.getCell(last, 2).font?.bold).toBe(true);
    expect(sheet.getCell(last, 2).value).toBe(1_234_567);
  });
});

describe('sheets', () => {
  it('names a sheet after its table, without the characters Excel forbids', () => {
    expect(sheet.name).toBe('Hộ nghèo danh sách 2018');
  });
  it.each([
    ['a name within 31 characters', 'Bảng 1', [], 'Bảng 1'],
    [
      'a long name cut to 31',
      'Kết quả giảm nghèo năm 2018 theo huyện, thành phố',
      [],
      'Kết quả giảm nghèo năm 2018 the',
    ],
    ['a repeated name gets a number', 'Bảng 1', ['bảng 1'], 'Bảng 1 (2)'],
    ['an empty name', ' / ', [], 'Bảng'],
  ])('%s', (_case, raw, used, expected) => {
    expect(sheetName(raw, new Set(used))).toBe(expected);
  });
  it('refuses a malformed table before writing a byte to the stream', async () => {
    const sink = new PassThrough();
    let written = 0;
    sink.on('data', (chunk: Buffer) => (written += chunk.length));
    const broken: TableSpec = { title: 'Lỗi', columns: districtTable.columns, rows: [[1, 'Thiếu ô']] };
    await expect(writeXlsx([{ table: districtTable }, { table: broken }], sink)).rejects.toThrow(
      'Bảng "Lỗi": dòng 1 có 2 ô, cần đúng 5 ô',
    );
    expect(written).toBe(0);
  });
  it('writes one sheet per table to a file stream', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chung-tay-xlsx-'));
    try {
      const path = join(dir, 'bao-cao.xlsx');
      const file = createWriteStream(path);
      const closed = new Promise<void>((resolve) => file.on('close', () => resolve()));
      await writeXlsx([{ table: districtTable }, { name: 'Bản sao', table: districtTable }], file);
      await closed;
      const workbook = await load(await readFile(path));
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['Kết quả giảm nghèo năm 2018 the', 'Bản sao']);
      expect(workbook.worksheets[0]?.getCell(2, 3).value).toBe(4_312);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
