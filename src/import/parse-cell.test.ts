import { describe, expect, it } from 'vitest';
import {
  AREA_OPTIONS,
  ETHNICITY_OPTIONS,
  RELATION_OPTIONS,
  SCHOOLING_OPTIONS,
  SEX_OPTIONS,
} from '../shared/schemas/household-import.schema.ts';
import type { CellContent } from './parse-cell.ts';
import {
  foldLabel,
  parseBoolean,
  parseChoice,
  parseCitizenId,
  parseCode,
  parseDateOrYear,
  parseDecimal,
  parseMoney,
  parseNumberText,
  parseText,
  readCellContent,
} from './parse-cell.ts';

const text = (t: string): CellContent => ({ kind: 'text', text: t });
const num = (value: number): CellContent => ({ kind: 'number', value });

describe('readCellContent: what ExcelJS gives, reduced to content', () => {
  const nfd = 'Hoàng Thị Mai'.normalize('NFD');
  it.each([
    ['empty cell', null, { kind: 'blank' }],
    ['spaces only', '   ', { kind: 'blank' }],
    ['NFD text becomes NFC', nfd, { kind: 'text', text: 'Hoàng Thị Mai' }],
    ['trailing and doubled spaces', '  Nông  Văn   Ba  ', { kind: 'text', text: 'Nông Văn Ba' }],
    ['non-breaking and zero-width spaces', 'Lạng\u00A0Sơn\u200B', { kind: 'text', text: 'Lạng Sơn' }],
    ['line break inside a cell', 'Họ tên\nchủ hộ', { kind: 'text', text: 'Họ tên chủ hộ' }],
    ['number', 850000, { kind: 'number', value: 850000 }],
    ['boolean', true, { kind: 'boolean', value: true }],
    ['Excel date (UTC midnight)', new Date(Date.UTC(1985, 2, 5)), { kind: 'date', iso: '1985-03-05' }],
    ['Excel date a hair before midnight', new Date(Date.UTC(1985, 2, 5) - 1), { kind: 'date', iso: '1985-03-05' }],
    ['rich text', { richText: [{ text: 'Hoàng ' }, { font: { bold: true }, text: 'Văn Hùng' }] }, { kind: 'text', text: 'Hoàng Văn Hùng' }],
    ['formula: cached result', { formula: 'A1*2', result: 1_700_000 }, { kind: 'number', value: 1_700_000 }],
    ['shared formula: cached text', { sharedFormula: 'B2', result: 'Có' }, { kind: 'text', text: 'Có' }],
    ['hyperlink: its text', { text: 'Xem hồ sơ', hyperlink: 'http://x' }, { kind: 'text', text: 'Xem hồ sơ' }],
  ])('%s', (_case, value, expected) => {
    expect(readCellContent(value)).toEqual(expected);
  });

  it.each([
    ['formula without a cached result', { formula: 'A1*2' }, 'chưa có kết quả'],
    ['formula error read as NaN', Number.NaN, 'giá trị lỗi'],
    ['error value', { error: '#N/A' }, '#N/A'],
  ])('%s is an error the officer can act on', (_case, value, fragment) => {
    const content = readCellContent(value);
    expect(content.kind).toBe('error');
    expect(content.kind === 'error' ? content.message : '').toContain(fragment);
  });
});

describe('parseNumberText: Vietnamese and English separators', () => {
  it.each([
    ['850000', 850000],
    ['850.000', 850000],
    ['850,000', 850000],
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    ['850 000', 850000],
    ['1,5', 1.5],
    ['45.5', 45.5],
    ['0,75', 0.75],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['12.50', 12.5],
    ['-5', -5],
    ['1.2.3', null],
    ['1.23.456', null],
    ['0.123.456', null],
    ['12a', null],
    ['', null],
    ['1,', null],
  ])('%s → %s', (input, expected) => {
    expect(parseNumberText(input)).toBe(expected);
  });
});

describe('parseMoney: VND per person per month', () => {
  it.each([
    ['plain', text('850000'), 850000],
    ['dots', text('850.000'), 850000],
    ['comma and đ', text('850,000 đ'), 850000],
    ['đồng', text('1.234.567 đồng'), 1234567],
    ['đ stuck to the number', text('850.000đ'), 850000],
    ['VND', text('2.000.000 VND'), 2000000],
    ['per person per month', text('700.000 đ/người/tháng'), 700000],
    ['triệu', text('1,2 triệu'), 1200000],
    ['nghìn', text('850 nghìn'), 850000],
    ['numeric cell', num(850000), 850000],
    ['numeric cell from a formula, rounded to the đồng', num(833333.3333), 833333],
  ])('%s', (_case, content, expected) => {
    expect(parseMoney(content)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['words', text('tám trăm nghìn')],
    ['two numbers', text('800.000 - 900.000')],
    ['a date', { kind: 'date', iso: '2020-01-01' } as CellContent],
  ])('%s is refused with an example of what to write', (_case, content) => {
    const parsed = parseMoney(content);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toMatch(/số tiền|số/u);
  });
});

describe('parseDecimal: areas and B1 scores', () => {
  it.each([
    [text('1,5'), 1.5],
    [text('45,5 m²'), 45.5],
    [text('45.5 m2'), 45.5],
    [text('60'), 60],
    [text('135 điểm'), 135],
    [num(45.5), 45.5],
  ])('%o → %d', (content, expected) => {
    expect(parseDecimal(content)).toEqual({ ok: true, value: expected });
  });

  it('refuses text that is not a number', () => {
    expect(parseDecimal(text('khoảng 40')).ok).toBe(false);
  });
});

describe('parseBoolean: có/không as officers write it', () => {
  it.each([
    ['Có', true],
    ['có', true],
    ['CÓ', true],
    ['Co', true],
    ['x', true],
    ['X', true],
    ['✓', true],
    ['✔', true],
    ['1', true],
    ['yes', true],
    ['Không', false],
    ['không', false],
    ['khong', false],
    ['ko', false],
    ['0', false],
    ['no', false],
    ['-', false],
  ])('%s → %s', (input, expected) => {
    expect(parseBoolean(text(input))).toEqual({ ok: true, value: expected });
  });

  it.each([
    [num(1), true],
    [num(0), false],
    [{ kind: 'boolean', value: true } as CellContent, true],
  ])('%o → %s', (content, expected) => {
    expect(parseBoolean(content)).toEqual({ ok: true, value: expected });
  });

  it.each([[text('có lẽ')], [text('2')], [num(2)]])('%o is refused', (content) => {
    const parsed = parseBoolean(content);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toContain('"Có" hoặc "Không"');
  });
});

describe('parseChoice: drop-down values by label, code or alias, without accents or case', () => {
  it.each([
    ['Nông thôn', AREA_OPTIONS, 'rural'],
    ['nong thon', AREA_OPTIONS, 'rural'],
    ['NT', AREA_OPTIONS, 'rural'],
    ['nt', AREA_OPTIONS, 'rural'],
    ['Thành thị', AREA_OPTIONS, 'urban'],
    ['TT', AREA_OPTIONS, 'urban'],
    ['urban', AREA_OPTIONS, 'urban'],
    ['Nữ', SEX_OPTIONS, 'female'],
    ['nu', SEX_OPTIONS, 'female'],
    ['Nam', SEX_OPTIONS, 'male'],
    ['Vợ/chồng', RELATION_OPTIONS, 'spouse'],
    ['vợ', RELATION_OPTIONS, 'spouse'],
    ['Con dâu', RELATION_OPTIONS, 'child_in_law'],
    ['Chủ hộ', RELATION_OPTIONS, 'head'],
    ['Nùng'.normalize('NFD'), ETHNICITY_OPTIONS, 'nung'],
    ['Tày', ETHNICITY_OPTIONS, 'tay'],
    ['Thái', ETHNICITY_OPTIONS, 'thai'],
    ["H'Mông", ETHNICITY_OPTIONS, 'mong'],
    ['Cao Lan', ETHNICITY_OPTIONS, 'san_chay'],
    ['cấp 2', SCHOOLING_OPTIONS, 'lower_secondary'],
    ['THPT', SCHOOLING_OPTIONS, 'upper_secondary'],
  ])('%s → %s', (input, options, expected) => {
    expect(parseChoice(text(input), options)).toEqual({ ok: true, value: expected });
  });

  it('refuses a value outside the list and names the allowed ones', () => {
    const parsed = parseChoice(text('Hàng xóm'), RELATION_OPTIONS);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toContain('"Hàng xóm" không có trong danh sách');
    expect(parsed.ok ? '' : parsed.message).toContain('"Chủ hộ"');
  });

  // Accents make the word: ignored only when none were typed (found by tests/db/import-fuzz.test.ts).
  it.each([
    ['bạn thân', RELATION_OPTIONS],
    ['Bạn thân', RELATION_OPTIONS],
    ['Nữ hoàng', SEX_OPTIONS],
    ['Nông thốn', AREA_OPTIONS],
  ])('refuses %s, an accented word that only looks like a listed one without its accents', (input, options) => {
    expect(parseChoice(text(input), options).ok).toBe(false);
  });

  it.each([
    ['ban than', RELATION_OPTIONS, 'head'],
    ['BẢN THÂN', RELATION_OPTIONS, 'head'],
    ['Con dâu'.normalize('NFD'), RELATION_OPTIONS, 'child_in_law'],
    ['h’mông', ETHNICITY_OPTIONS, 'mong'],
  ])('still reads %s', (input, options, expected) => {
    expect(parseChoice(text(input), options)).toEqual({ ok: true, value: expected });
  });

  it('points to the lists sheet instead of naming 54 ethnic groups', () => {
    const parsed = parseChoice(text('Người sao Hỏa'), ETHNICITY_OPTIONS);
    expect(parsed.ok ? '' : parsed.message).toContain('Danh mục');
  });
});

describe('parseDateOrYear: birth dates and years', () => {
  it.each([
    ['Excel date', { kind: 'date', iso: '1985-03-05' } as CellContent, { date: '1985-03-05', year: 1985 }],
    ['dd/mm/yyyy', text('05/03/1985'), { date: '1985-03-05', year: 1985 }],
    ['d/m/yyyy', text('5/3/1985'), { date: '1985-03-05', year: 1985 }],
    ['dd-mm-yyyy', text('05-03-1985'), { date: '1985-03-05', year: 1985 }],
    ['dd.mm.yyyy', text('05.03.1985'), { date: '1985-03-05', year: 1985 }],
    ['ISO', text('1985-03-05'), { date: '1985-03-05', year: 1985 }],
    ['29 February of a leap year', text('29/02/2000'), { date: '2000-02-29', year: 2000 }],
    ['year alone as text', text('1985'), { date: null, year: 1985 }],
    ['"năm 1985"', text('năm 1985'), { date: null, year: 1985 }],
    ['month and year', text('03/1985'), { date: null, year: 1985 }],
    ['year alone as a number', num(1985), { date: null, year: 1985 }],
    ['serial of a date whose format was lost', num(31111), { date: '1985-03-05', year: 1985 }],
    // 1985 typed into a date-formatted cell reads back as 07/06/1905.
    ['year typed into a date-formatted cell', { kind: 'date', iso: '1905-06-07' } as CellContent, { date: null, year: 1985 }],
  ])('%s', (_case, content, expected) => {
    expect(parseDateOrYear(content)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['31 February', text('31/02/1985'), 'không có thật'],
    ['29 February of a common year', text('29/02/1985'), 'không có thật'],
    ['month 13', text('13/1985'), 'không có thật'],
    ['two-digit year', text('5/3/85'), '4 chữ số'],
    ['year out of range', text('1850'), '1900–2100'],
    ['words', text('không rõ'), 'ngày/tháng/năm'],
  ])('%s is refused', (_case, content, fragment) => {
    const parsed = parseDateOrYear(content);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toContain(fragment);
  });
});

describe('parseCitizenId: digits, leading zeros restored when Excel stored a number', () => {
  it.each([
    ['text', text('020185001234'), '020185001234'],
    ['text with spaces', text('020 185 001 234'), '020185001234'],
    ['text with dots', text('020.185.001.234'), '020185001234'],
    ['apostrophe kept by a paste', text("'020185001234"), '020185001234'],
    ['number lost one zero (province 010–096)', num(20185001234), '020185001234'],
    ['number lost two zeros (province 001–009)', num(1185001234), '001185001234'],
    ['a short number is not padded', num(12345), '12345'],
    ['wrong length text left for the schema to refuse', text('02018500123'), '02018500123'],
  ])('%s', (_case, content, expected) => {
    expect(parseCitizenId(content)).toEqual({ ok: true, value: expected });
  });
});

describe('codes and text', () => {
  it.each([
    [text('06001 - 03'), '06001-03'],
    [num(12345), '12345'],
  ])('parseCode %o → %s', (content, expected) => {
    expect(parseCode(content)).toEqual({ ok: true, value: expected });
  });

  it('parseText refuses a date where a name is expected', () => {
    expect(parseText({ kind: 'date', iso: '2020-01-01' }).ok).toBe(false);
  });

  it.each([
    ['Mã hộ (*)', 'ma ho'],
    ['Vợ/chồng', 'vo chong'],
    ['ĐIỂM B1', 'diem b1'],
    ['Số CCCD'.normalize('NFD'), 'so cccd'],
  ])('foldLabel %s → %s', (input, expected) => {
    expect(foldLabel(input)).toBe(expected);
  });
});
