import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_SHEET, MEMBER_SHEET } from '../shared/schemas/household-import.schema.ts';
import { columnLetter, findHeaderRow, isColumnNumberRow, matchHeader } from './match-header.ts';

/** ExcelJS rows are sparse arrays indexed from 1. */
const row = (...cells: unknown[]): unknown[] => [undefined, ...cells];

describe('columnLetter', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
  ])('%d → %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});

describe('matchHeader: accent- and case-insensitive, with aliases', () => {
  it.each([
    ['Mã hộ', HOUSEHOLD_SHEET, 'code'],
    ['MÃ HỘ', HOUSEHOLD_SHEET, 'code'],
    ['ma ho', HOUSEHOLD_SHEET, 'code'],
    ['Mã hộ (*)', HOUSEHOLD_SHEET, 'code'],
    ['1. Mã hộ', HOUSEHOLD_SHEET, 'code'],
    ['Họ và tên chủ hộ'.normalize('NFD'), HOUSEHOLD_SHEET, 'headName'],
    ['Thành thị/nông thôn', HOUSEHOLD_SHEET, 'area'],
    ['Thu nhập bình quân đầu người', HOUSEHOLD_SHEET, 'incomePerCapita'],
    ['Thu nhập bình quân (đồng/người/tháng)', HOUSEHOLD_SHEET, 'incomePerCapita'],
    ['Thiếu hụt: Bảo hiểm y tế', HOUSEHOLD_SHEET, 'deprivation:health_insurance'],
    ['B2 BHYT', HOUSEHOLD_SHEET, 'deprivation:health_insurance'],
    ['Nhà tiêu hợp vệ sinh', HOUSEHOLD_SHEET, 'hygienicLatrine'],
    ['Thiếu hụt: Nhà tiêu hợp vệ sinh', HOUSEHOLD_SHEET, 'deprivation:latrine'],
    ['Năm sinh', MEMBER_SHEET, 'birth'],
    ['Ngày tháng năm sinh', MEMBER_SHEET, 'birth'],
    ['Số định danh cá nhân', MEMBER_SHEET, 'citizenId'],
    ['BHYT', MEMBER_SHEET, 'hasHealthInsurance'],
  ])('%s', (header, sheet, key) => {
    expect(matchHeader(header, sheet)?.key).toBe(key);
  });

  it.each([['Ghi chú'], ['Số điện thoại'], ['BHYT']])('"%s" is not a household column', (header) => {
    expect(matchHeader(header, HOUSEHOLD_SHEET)).toBeNull();
  });
});

describe('findHeaderRow: the header below title rows', () => {
  it('skips title lines and finds the header with its columns', () => {
    const layout = findHeaderRow(
      [
        { number: 1, values: row('DANH SÁCH HỘ GIA ĐÌNH NĂM 2025') },
        { number: 2, values: row('Xã Đoàn Kết - Mã hộ theo thôn') },
        { number: 4, values: row('STT', 'Mã hộ', 'Họ tên chủ hộ', 'Mã thôn', 'Khu vực', 'Ghi chú riêng') },
        { number: 5, values: row(1, 'H1', 'Hoàng Văn Hùng', '06001-03', 'NT') },
      ],
      HOUSEHOLD_SHEET,
    );
    expect(layout?.headerRow).toBe(4);
    expect(layout?.located.map((l) => `${l.letter}:${l.column.key}`)).toEqual(['B:code', 'C:headName', 'D:villageCode', 'E:area']);
    expect(layout?.unknown).toEqual([{ letter: 'F', header: 'Ghi chú riêng' }]);
    expect(layout?.missing).toEqual([]);
  });

  it('reports required columns the header lacks', () => {
    const layout = findHeaderRow([{ number: 1, values: row('Mã hộ', 'Họ tên chủ hộ') }], HOUSEHOLD_SHEET);
    expect(layout?.missing.map((c) => c.key)).toEqual(['villageCode', 'area']);
  });

  it('reports a column given twice', () => {
    const layout = findHeaderRow([{ number: 1, values: row('Mã hộ', 'Họ tên chủ hộ', 'Mã HGĐ') }], HOUSEHOLD_SHEET);
    expect(layout?.duplicates.map((d) => `${d.first.letter}/${d.again.letter}`)).toEqual(['A/C']);
  });

  it('takes no header from rows below row 20, nor from a single matching cell', () => {
    expect(findHeaderRow([{ number: 21, values: row('Mã hộ', 'Họ tên chủ hộ') }], HOUSEHOLD_SHEET)).toBeNull();
    expect(findHeaderRow([{ number: 1, values: row('Mã hộ') }], HOUSEHOLD_SHEET)).toBeNull();
  });
});

describe('isColumnNumberRow: the "(1) (2) (3)" row of official forms', () => {
  it.each([
    [row('(1)', '(2)', '(3)', '(4)'), true],
    [row(1, 2, 3, 4, 5), true],
    [row('1', '2', '3'), true],
    [row(1, 2), false],
    [row(3, 2, 1), false],
    [row('H1', 'Hoàng Văn Hùng', '06001-03'), false],
  ])('%o → %s', (values, expected) => {
    expect(isColumnNumberRow(values)).toBe(expected);
  });
});
