import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HouseholdWorkbookResult, ImportProgress } from './read-household-workbook.ts';
import { readHouseholdWorkbook } from './read-household-workbook.ts';
import { formatImportIssue } from './import-issue.ts';
import { writeImportTemplate } from './write-import-template.ts';
import { writeSyntheticWorkbook } from './write-synthetic-workbook.ts';
import { minimalXlsx, sheetXml, zipOf } from './zip-fixtures.test-support.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chung-tay-import-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let fileCounter = 0;
const nextPath = (name = 'book.xlsx') => join(dir, `${(fileCounter += 1)}-${name}`);

/** A workbook written by ExcelJS's ordinary (non-streaming) writer, as another program would. */
async function workbookFile(sheets: readonly { name: string; rows: readonly (readonly unknown[])[] }[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((cells, i) => {
      const row = worksheet.getRow(i + 1);
      cells.forEach((value, j) => {
        if (value !== undefined && value !== null) row.getCell(j + 1).value = value as ExcelJS.CellValue;
      });
    });
  }
  const path = nextPath();
  await workbook.xlsx.writeFile(path);
  return path;
}

const HOUSEHOLD_HEADER = ['Mã hộ', 'Họ tên chủ hộ', 'Mã thôn', 'Khu vực', 'Thu nhập bình quân (đồng/người/tháng)'];
const MEMBER_HEADER = ['Mã hộ', 'Họ và tên', 'Ngày sinh (hoặc năm sinh)', 'Giới tính', 'Quan hệ với chủ hộ', 'Số CCCD'];

function householdRow(code: string, income: unknown = 850000): unknown[] {
  return [code, 'Hoàng Văn Hùng', '06001-03', 'Nông thôn', income];
}
function memberRow(code: string, relation = 'Chủ hộ', citizenId: unknown = null, name = 'Hoàng Văn Hùng'): unknown[] {
  return [code, name, '05/03/1985', 'Nam', relation, citizenId];
}

function errorsOf(result: HouseholdWorkbookResult) {
  return result.ok ? [] : result.errors;
}

function located(result: HouseholdWorkbookResult): string[] {
  return errorsOf(result).map((e) => `${e.sheet ?? '-'}|${e.row ?? '-'}|${e.column?.letter ?? '-'}|${e.code}`);
}

async function fileWith(content: string | Buffer, name = 'book.xlsx'): Promise<string> {
  const path = nextPath(name);
  await writeFile(path, content);
  return path;
}

// ---------------------------------------------------------------------------------------------

describe('the template read back', () => {
  it('has both sheets, every header, and no data: no errors, no warnings', async () => {
    const path = nextPath('mau-nhap.xlsx');
    await writeImportTemplate(path);
    const result = await readHouseholdWorkbook(path);
    expect(result).toEqual({ ok: true, households: [], members: [], warnings: [], counts: { households: 0, members: 0, blankRows: 0 } });
  });
});

describe('a workbook as an officer makes it', () => {
  it('reads title rows, NFD text, "850.000 đ", dates as text and years, aliases and ticks', async () => {
    const nfd = (s: string) => s.normalize('NFD');
    const path = await workbookFile([
      {
        name: 'Ho gia dinh',
        rows: [
          ['DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2025'],
          ['Xã Đoàn Kết, tỉnh Lạng Sơn'],
          [],
          ['STT', 'MÃ HỘ', nfd('Họ và tên chủ hộ'), 'Mã thôn, bản', 'Thành thị/nông thôn', 'Thu nhập BQ', 'DTTS', 'Thiếu hụt: Bảo hiểm y tế', 'Diện tích nhà (m2)', 'Ghi chú'],
          ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)'],
          [1, 'H01 ', nfd('  Hoàng  Văn Hùng '), '06001-03', 'NT', '850.000 đ', 'x', '✓', '45,5', 'hộ mới tách'],
          [],
          [2, 'H02', { richText: [{ text: 'Nông ' }, { font: { bold: true }, text: 'Thị Lan' }] }, '06001-03', 'Thành thị', '1.234.567 đồng', 'Không', null, 60, null],
          [3, null, null, null, null, null, null, null, null, 'dòng chỉ có ghi chú'],
          [4, 'H03', 'Lương Văn Tài', '06001-04', 'nông thôn', { formula: '700000+200000', result: 900000 }, 'có', 'X', null, null],
        ],
      },
      {
        name: 'THÀNH VIÊN',
        rows: [
          ['Danh sách thành viên'],
          ['Mã hộ', 'Họ tên', 'Năm sinh', 'Giới tính', 'Quan hệ', 'CCCD', 'Dân tộc', 'Có BHYT'],
          ['H01', nfd('Hoàng Văn Hùng'), new Date(Date.UTC(1985, 2, 5)), 'Nam', 'Chủ hộ', 20085001234, nfd('Nùng'), 'Có'],
          ['H01', 'Lăng Thị Mai', '7/9/1988', 'nữ', 'vợ', '020 188 001 234', 'Tày', 'không'],
          ['H02', 'Nông Thị Lan', 1990, 'Nữ', 'Chủ hộ', null, 'Kinh', null],
          ['H03', 'Lương Văn Tài', '1979', 'Nam', 'chủ hộ', null, "H'Mông", 'x'],
        ],
      },
    ]);
    const result = await readHouseholdWorkbook(path);
    expect(errorsOf(result).map(formatImportIssue)).toEqual([]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.households.map((h) => [h.row, h.value])).toEqual([
      [
        6,
        {
          code: 'H01',
          headName: 'Hoàng Văn Hùng',
          villageCode: '06001-03',
          area: 'rural',
          ethnicMinority: true,
          femaleHead: false,
          hasPersonOfMerit: false,
          hasSocialProtectionBeneficiary: false,
          incomePerCapita: 850000,
          deprivations: ['health_insurance'],
          floorArea: 45.5,
        },
      ],
      [
        8,
        {
          code: 'H02',
          headName: 'Nông Thị Lan',
          villageCode: '06001-03',
          area: 'urban',
          ethnicMinority: false,
          femaleHead: false,
          hasPersonOfMerit: false,
          hasSocialProtectionBeneficiary: false,
          incomePerCapita: 1234567,
          deprivations: [],
          floorArea: 60,
        },
      ],
      [
        10,
        {
          code: 'H03',
          headName: 'Lương Văn Tài',
          villageCode: '06001-04',
          area: 'rural',
          ethnicMinority: true,
          femaleHead: false,
          hasPersonOfMerit: false,
          hasSocialProtectionBeneficiary: false,
          incomePerCapita: 900000,
          deprivations: ['health_insurance'],
        },
      ],
    ]);
    expect(result.households[0]?.value.headName).toBe('Hoàng Văn Hùng'.normalize('NFC'));
    expect(result.members.map((m) => m.value)).toEqual([
      {
        householdCode: 'H01',
        name: 'Hoàng Văn Hùng',
        birthDate: '1985-03-05',
        birthYear: 1985,
        sex: 'male',
        relationToHead: 'head',
        citizenId: '020085001234',
        ethnicity: 'nung',
        hasHealthInsurance: true,
      },
      {
        householdCode: 'H01',
        name: 'Lăng Thị Mai',
        birthDate: '1988-09-07',
        birthYear: 1988,
        sex: 'female',
        relationToHead: 'spouse',
        citizenId: '020188001234',
        ethnicity: 'tay',
        hasHealthInsurance: false,
      },
      { householdCode: 'H02', name: 'Nông Thị Lan', birthYear: 1990, sex: 'female', relationToHead: 'head', ethnicity: 'kinh' },
      { householdCode: 'H03', name: 'Lương Văn Tài', birthYear: 1979, sex: 'male', relationToHead: 'head', ethnicity: 'mong', hasHealthInsurance: true },
    ]);
    expect(result.counts).toEqual({ households: 3, members: 4, blankRows: 1 });
    // "Ghi chú" is ignored quietly like "STT"; no other warnings.
    expect(result.warnings).toEqual([]);
  });

  it('reads a minimal .xlsx from another tool: inline strings, no shared strings, absolute targets', async () => {
    const path = await fileWith(
      minimalXlsx(
        sheetXml([HOUSEHOLD_HEADER, ['H01', 'Hoàng Văn Hùng', '06001-03', 'NT', 850000]]),
        sheetXml([MEMBER_HEADER, ['H01', 'Hoàng Văn Hùng', 1985, 'Nam', 'Chủ hộ']]),
      ),
    );
    const result = await readHouseholdWorkbook(path);
    expect(errorsOf(result).map(formatImportIssue)).toEqual([]);
    expect(result.ok && result.members[0]?.value.birthYear).toBe(1985);
  });
});

describe('Vietnamese text through the stream', () => {
  it('keeps every letter of 6,000 distinct names, whatever the chunk boundaries', async () => {
    const families = ['Hoàng', 'Nông', 'Lương', 'Lăng', 'Triệu', 'Lộc', 'Hứa', 'Dương', 'Lục', 'Đinh'];
    const middles = ['Văn', 'Thị', 'Đức', 'Quốc', 'Ngọc', 'Thúy'];
    const givens = ['Hùng', 'Mai', 'Thắng', 'Hằng', 'Dũng', 'Nguyệt', 'Khuê', 'Ưng', 'Ỷ', 'Ữu'];
    const names: string[] = [];
    for (let i = 0; names.length < 6_000; i += 1) {
      names.push(`${families[i % 10]} ${middles[Math.floor(i / 10) % 6]} ${givens[Math.floor(i / 60) % 10]} ${'ơ'.repeat(1 + (i % 7))}${i}`);
    }
    const path = await workbookFile([
      { name: 'Hộ gia đình', rows: [HOUSEHOLD_HEADER, ...names.map((name, i) => [`H${i}`, name, '06001-03', 'Nông thôn', 850000])] },
      { name: 'Thành viên', rows: [MEMBER_HEADER, ...names.map((name, i) => memberRow(`H${i}`, 'Chủ hộ', null, name))] },
    ]);
    const result = await readHouseholdWorkbook(path);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.households.map((h) => h.value.headName)).toEqual(names);
    expect(result.members.map((m) => m.value.name)).toEqual(names);
  }, 60_000);
});

describe('every error of a broken workbook, and nothing imported', () => {
  it('returns exactly the 50 broken rows of a synthetic workbook, by sheet, row and column', async () => {
    const path = nextPath('broken.xlsx');
    const summary = await writeSyntheticWorkbook(path, { households: 400, brokenRows: 50, seed: 7 });
    expect(summary.expectedErrors).toHaveLength(50);
    expect(new Set(summary.expectedErrors.map((e) => e.kind)).size).toBe(5);
    const result = await readHouseholdWorkbook(path);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refused).toBe(false);
    expect(result.errorCount).toBe(50);
    expect(result.errors.map((e) => `${e.sheet}|${e.row}|${e.column?.letter}|${e.column?.key}`)).toEqual(
      summary.expectedErrors.map((e) => `${e.sheet}|${e.row}|${e.columnLetter}|${e.columnKey}`),
    );
    const messages = new Map(result.errors.map((e, i) => [summary.expectedErrors[i]?.kind, e.message]));
    expect(messages.get('bad_citizen_id')).toBe('Số CCCD phải có đúng 12 chữ số (đang có 11 chữ số).');
    expect(messages.get('bad_date')).toMatch(/^Ngày sinh "31\/02\/\d{4}" không có thật/u);
    expect(messages.get('unknown_category')).toContain('"Hộ khá giả" không có trong danh sách');
    expect(messages.get('text_in_number')).toContain('Không đọc được số tiền "tám trăm nghìn"');
    expect(messages.get('missing_required')).toBe('Thiếu họ tên chủ hộ.');
  }, 60_000);

  it('lists the first errors and counts the rest beyond maxErrors', async () => {
    const path = nextPath('broken-many.xlsx');
    await writeSyntheticWorkbook(path, { households: 100, brokenRows: 30, seed: 11 });
    const result = await readHouseholdWorkbook(path, { maxErrors: 10 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errorCount).toBe(30);
    expect(result.errors).toHaveLength(11);
    expect(result.errors[10]?.message).toBe('Còn 20 lỗi khác không được liệt kê; hãy sửa các lỗi trên rồi nhập lại tệp.');
  });

  it('reads a clean synthetic workbook whole, with the counts it was written with', async () => {
    const path = nextPath('clean.xlsx');
    const summary = await writeSyntheticWorkbook(path, { households: 300, seed: 3 });
    const result = await readHouseholdWorkbook(path);
    expect(errorsOf(result)).toEqual([]);
    expect(result.counts).toEqual({ households: 300, members: summary.members, blankRows: 0 });
    expect(result.warnings).toEqual([]);
  }, 60_000);
});

describe('checks across rows and sheets', () => {
  it('finds duplicate households, unknown households, duplicate citizen IDs; warns on households without members or heads', async () => {
    const path = await workbookFile([
      {
        name: 'Hộ gia đình',
        rows: [HOUSEHOLD_HEADER, householdRow('H01'), householdRow('H02'), householdRow('H01'), householdRow('H03'), householdRow('H04')],
      },
      {
        name: 'Thành viên',
        rows: [
          MEMBER_HEADER,
          memberRow('H01', 'Chủ hộ', '020085001234'),
          memberRow('H02', 'Chủ hộ', '020085001234'),
          memberRow('H09'),
          memberRow('H03', 'Con'),
          memberRow('H04', 'Chủ hộ'),
          memberRow('H04', 'Chủ hộ'),
        ],
      },
    ]);
    const result = await readHouseholdWorkbook(path);
    expect(located(result)).toEqual([
      'Hộ gia đình|4|A|duplicate_household',
      'Thành viên|3|F|duplicate_citizen_id',
      'Thành viên|4|A|unknown_household',
    ]);
    expect(errorsOf(result).map((e) => e.message)).toEqual([
      'Mã hộ "H01" trùng với hộ ở dòng 2.',
      'Số CCCD 020085001234 trùng với thành viên ở dòng 2.',
      'Mã hộ "H09" không có trong trang "Hộ gia đình".',
    ]);
    expect(result.warnings.map((w) => `${w.row}|${w.code}|${w.message}`)).toEqual([
      '5|head_count|Hộ "H03" không có thành viên nào ghi quan hệ "Chủ hộ".',
      '6|head_count|Hộ "H04" có 2 thành viên ghi quan hệ "Chủ hộ" (các dòng 6, 7 của trang "Thành viên").',
    ]);
  });

  it('warns about a household without members but imports it', async () => {
    const path = await workbookFile([
      { name: 'Hộ gia đình', rows: [HOUSEHOLD_HEADER, householdRow('H01'), householdRow('H02')] },
      { name: 'Thành viên', rows: [MEMBER_HEADER, memberRow('H01')] },
    ]);
    const result = await readHouseholdWorkbook(path);
    expect(result.ok).toBe(true);
    expect(result.warnings.map(formatImportIssue)).toEqual([
      'Cảnh báo: Trang "Hộ gia đình", dòng 3, cột A (Mã hộ): Hộ "H02" chưa có thành viên nào trong trang "Thành viên".',
    ]);
  });

  it('does not blame members for a household row that has its own error', async () => {
    const path = await workbookFile([
      { name: 'Hộ gia đình', rows: [HOUSEHOLD_HEADER, householdRow('H01', 'không rõ')] },
      { name: 'Thành viên', rows: [MEMBER_HEADER, memberRow('H01')] },
    ]);
    const result = await readHouseholdWorkbook(path);
    expect(located(result)).toEqual(['Hộ gia đình|2|E|invalid_value']);
  });

  it('refuses a cell longer than 2,000 characters, at its place', async () => {
    const path = await workbookFile([
      { name: 'Hộ gia đình', rows: [HOUSEHOLD_HEADER, ['H01', 'Hoàng '.repeat(400), '06001-03', 'NT', 850000]] },
      { name: 'Thành viên', rows: [MEMBER_HEADER, memberRow('H01')] },
    ]);
    const result = await readHouseholdWorkbook(path);
    expect(errorsOf(result).map(formatImportIssue)).toEqual([
      'Trang "Hộ gia đình", dòng 2, cột B (Họ tên chủ hộ): Ô dài 2.399 ký tự, vượt giới hạn 2.000 ký tự.',
    ]);
  });
});

describe('layout problems of a sheet', () => {
  it('names each missing required column and reads the other sheet still', async () => {
    const path = await workbookFile([
      { name: 'Hộ gia đình', rows: [['Mã hộ', 'Họ tên chủ hộ', 'Thu nhập'], ['H01', 'Hoàng Văn Hùng', 850000]] },
      { name: 'Thành viên', rows: [MEMBER_HEADER, memberRow('H01', 'Chủ hộ', '12345')] },
    ]);
    const result = await readHouseholdWorkbook(path);
    expect(errorsOf(result).map(formatImportIssue)).toEqual([
      'Trang "Hộ gia đình", dòng 1, cột "Mã thôn": Thiếu cột bắt buộc "Mã thôn".',
      'Trang "Hộ gia đình", dòng 1, cột "Khu vực": Thiếu cột bắt buộc "Khu vực".',
      'Trang "Thành viên", dòng 2, cột F (Số CCCD): Số CCCD phải có đúng 12 chữ số (đang có 5 chữ số).',
    ]);
  });

  it('says so when no header is found in the first 20 rows', async () => {
    const path = await workbookFile([
      { name: 'Hộ gia đình', rows: [['Báo cáo'], ['H01', 'Hoàng Văn Hùng']] },
      { name: 'Thành viên', rows: [MEMBER_HEADER] },
    ]);
    const result = await readHouseholdWorkbook(path);
    expect(located(result)).toEqual(['Hộ gia đình|-|-|header_not_found']);
    expect(errorsOf(result)[0]?.message).toContain('"Mã hộ", "Họ tên chủ hộ", "Mã thôn"');
  });
});

describe('refusals of the whole file, each explained', () => {
  it.each([
    ['a CSV file', () => fileWith('Mã hộ,Họ tên chủ hộ\nH01,Hoàng Văn Hùng\n', 'ds.xlsx'), 'not_zip', 'không phải bảng tính Excel (.xlsx)'],
    ['an empty file', () => fileWith(Buffer.alloc(0)), 'file_empty', 'Tệp rỗng'],
    ['an Excel 97–2003 file', () => fileWith(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])), 'legacy_xls', '.xls'],
    ['an HTML table named .xls', () => fileWith('<html><body><table><tr><td>Mã hộ</td></tr></table></body></html>'), 'html_table', 'trang HTML'],
    ['a zip that is not a workbook', () => fileWith(zipOf([{ name: 'word/document.xml', data: '<w:document/>' }])), 'not_xlsx', 'không chứa bảng tính Excel'],
    ['a truncated download', async () => fileWith(minimalXlsx(sheetXml([HOUSEHOLD_HEADER]), sheetXml([MEMBER_HEADER])).subarray(0, 300)), 'corrupt_zip', 'bị hỏng'],
    [
      'a zip whose directory understates a part',
      () => fileWith(minimalXlsx(sheetXml([HOUSEHOLD_HEADER]), sheetXml([MEMBER_HEADER]), { membersDeclaredSize: 100 })),
      'corrupt_zip',
      'nhiều hơn kích thước đã khai báo',
    ],
    [
      'a file without the members sheet',
      () => workbookFile([{ name: 'Hộ gia đình', rows: [HOUSEHOLD_HEADER] }, { name: 'Sheet1', rows: [] }]),
      'missing_sheet',
      'Không tìm thấy trang "Thành viên". Các trang có trong tệp: "Hộ gia đình", "Sheet1".',
    ],
    ['a path that does not exist', async () => join(dir, 'khong-co.xlsx'), 'file_not_found', 'Không tìm thấy tệp'],
  ])('%s', async (_case, make, code, fragment) => {
    const result = await readHouseholdWorkbook(await make());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refused).toBe(true);
    expect(result.errors.map((e) => e.code)).toEqual([code]);
    expect(result.errors[0]?.message).toContain(fragment);
  });

  it('names both sheets when both are missing', async () => {
    const path = await workbookFile([{ name: 'Sheet1', rows: [['a']] }]);
    const result = await readHouseholdWorkbook(path);
    expect(errorsOf(result).map((e) => e.message)).toEqual([
      'Không tìm thấy trang "Hộ gia đình". Các trang có trong tệp: "Sheet1".',
      'Không tìm thấy trang "Thành viên". Các trang có trong tệp: "Sheet1".',
    ]);
  });

  it('refuses a file over the size limit', async () => {
    const path = nextPath();
    await writeSyntheticWorkbook(path, { households: 50 });
    const result = await readHouseholdWorkbook(path, { maxFileBytes: 1024 });
    expect(errorsOf(result).map((e) => e.code)).toEqual(['file_too_large']);
    expect(errorsOf(result)[0]?.message).toMatch(/^Tệp quá lớn \([\d,]+ KB\); giới hạn là 1 KB\./u);
  });

  it('refuses a sheet with more data rows than allowed, naming the sheet', async () => {
    const path = nextPath();
    await writeSyntheticWorkbook(path, { households: 20 });
    const result = await readHouseholdWorkbook(path, { maxRowsPerSheet: { members: 10 } });
    expect(errorsOf(result).map(formatImportIssue)).toEqual([
      'Trang "Thành viên": Có hơn 10 dòng dữ liệu, vượt giới hạn của một lần nhập; hãy chia thành nhiều tệp (ví dụ theo xã).',
    ]);
  });

  it('refuses a zip bomb: a small file that inflates past the limit', async () => {
    const emptyRows = '<row r="99"></row>'.repeat(300_000); // ~5 MB inflated, a few KB compressed
    const bomb = minimalXlsx(sheetXml([HOUSEHOLD_HEADER], emptyRows), sheetXml([MEMBER_HEADER]));
    expect(bomb.length).toBeLessThan(100_000);
    const result = await readHouseholdWorkbook(await fileWith(bomb), { maxUncompressedBytes: 1024 * 1024 });
    expect(errorsOf(result).map((e) => e.code)).toEqual(['uncompressed_too_large']);
    expect(errorsOf(result)[0]?.message).toContain('bom nén');
  });

  it('refuses a cell of megabytes before parsing it', async () => {
    const huge = 'a'.repeat(1_000_000);
    const path = await fileWith(minimalXlsx(sheetXml([HOUSEHOLD_HEADER, ['H01', huge]]), sheetXml([MEMBER_HEADER])));
    const result = await readHouseholdWorkbook(path);
    expect(errorsOf(result).map((e) => e.code)).toEqual(['abnormal_cell']);
  });
});

describe('streams and progress', () => {
  it('reads an uploaded stream and reports progress up to the end', async () => {
    const path = nextPath();
    const summary = await writeSyntheticWorkbook(path, { households: 600, seed: 5 });
    const progress: ImportProgress[] = [];
    const result = await readHouseholdWorkbook(createReadStream(path), { onProgress: (p) => progress.push(p) });
    expect(result.ok).toBe(true);
    expect(result.counts.members).toBe(summary.members);
    const phases = [...new Set(progress.map((p) => p.phase))];
    expect(phases).toEqual(['receiving', 'checking', 'reading', 'done']);
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    const last = progress.at(-1);
    expect(last?.fraction).toBe(1);
    // Two title lines, the header and the data rows of each sheet.
    expect(last?.rowsRead).toBe(600 + summary.members + 2 * 3);
    expect(last?.totalRows).toBe(last?.rowsRead);
  }, 60_000);

  it('refuses an uploaded stream as soon as it passes the size limit', async () => {
    const path = nextPath();
    await writeSyntheticWorkbook(path, { households: 600 });
    const result = await readHouseholdWorkbook(createReadStream(path), { maxFileBytes: 10_000 });
    expect(errorsOf(result).map((e) => e.code)).toEqual(['file_too_large']);
  });

  it('explains an upload cut off half-way', async () => {
    const upload = new Readable({
      read() {
        this.push(Buffer.from('PK\x03\x04 first bytes of a workbook'));
        this.destroy(new Error('ECONNRESET'));
      },
    });
    const result = await readHouseholdWorkbook(upload);
    expect(errorsOf(result).map((e) => [e.code, e.message])).toEqual([
      ['unreadable', 'Việc tải tệp lên bị gián đoạn, tệp chưa nhận đủ; hãy tải lại.'],
    ]);
  });

  it('keeps no rows when a consumer takes them one by one', async () => {
    const path = nextPath();
    const summary = await writeSyntheticWorkbook(path, { households: 40 });
    let seen = 0;
    const result = await readHouseholdWorkbook(path, { keepRows: false, onRow: () => (seen += 1) });
    expect(result.ok && result.households.length + result.members.length).toBe(0);
    expect(seen).toBe(40 + summary.members);
  });
});
