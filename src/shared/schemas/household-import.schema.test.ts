import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../vi-text.ts';
import type { ImportSheet } from './household-import.schema.ts';
import {
  checkCitizenIdFormat,
  checkCitizenIdMatchesPerson,
  DEPRIVATION_CODES,
  ETHNICITY_OPTIONS,
  HOUSEHOLD_SHEET,
  householdImportRowSchema,
  IMPORT_SHEETS,
  MEMBER_SHEET,
  memberImportRowSchema,
} from './household-import.schema.ts';

const fold = (text: string) => foldForSearch(text).replace(/[^a-z0-9]+/gu, ' ').trim();

describe('citizen ID (Thông tư 07/2016/TT-BCA, Điều 7)', () => {
  it.each([
    ['Lạng Sơn, man born 1985', '020085001234', null],
    ['Hà Nội (001), woman born 1990', '001190001234', null],
    ['Cà Mau (096), boy born 2010', '096210001234', null],
    ['11 digits', '02008500123', 'đúng 12 chữ số (đang có 11 chữ số)'],
    ['13 digits', '0200850012345', 'đúng 12 chữ số (đang có 13 chữ số)'],
    ['a letter', '02008500123A', 'chỉ gồm chữ số'],
    ['province 000', '000085001234', 'từ 001 đến 096'],
    ['province 097', '097085001234', 'từ 001 đến 096'],
  ])('%s: %s', (_case, id, problem) => {
    const found = checkCitizenIdFormat(id);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });

  it.each([
    ['man born 1985, digit 0, year 85', '020085001234', { birthYear: 1985, sex: 'male' as const }, null],
    ['woman born 1985, digit 1', '020185001234', { birthYear: 1985, sex: 'female' as const }, null],
    ['girl born 2005, digit 3', '020305001234', { birthYear: 2005, sex: 'female' as const }, null],
    ['born 1999 (last year of the 20th century), digit 0', '020099001234', { birthYear: 1999 }, null],
    ['born 2000 (first year of the 21st), digit 2', '020200001234', { birthYear: 2000 }, null],
    ['born 2000 but digit 0 (1900s)', '020000001234', { birthYear: 2000 }, 'sinh năm 1900–1999'],
    ['born 1999 but digit 2 (2000s)', '020299001234', { birthYear: 1999 }, 'sinh năm 2000–2099'],
    ['year digits 86 for someone born 1985', '020086001234', { birthYear: 1985 }, 'năm sinh 1985'],
    ['digit 1 (woman) for a man', '020185001234', { birthYear: 1985, sex: 'male' as const }, 'giới tính nữ'],
    ['digit 0 (man) for a woman', '020085001234', { sex: 'female' as const }, 'giới tính nam'],
    ['nothing known about the person', '020785001234', {}, null],
  ])('%s', (_case, id, person, problem) => {
    const found = checkCitizenIdMatchesPerson(id, person);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

const household = {
  code: '06001-03-0012',
  headName: 'Hoàng Văn Hùng',
  villageCode: '06001-03',
  area: 'rural',
  ethnicMinority: true,
  femaleHead: false,
  hasPersonOfMerit: false,
  hasSocialProtectionBeneficiary: false,
  incomePerCapita: 850_000,
  deprivations: ['health_insurance'],
};

const member = {
  householdCode: '06001-03-0012',
  name: 'Hoàng Văn Hùng',
  birthDate: '1985-03-05',
  birthYear: 1985,
  sex: 'male',
  relationToHead: 'head',
  citizenId: '020085001234',
};

const messagesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : (result.error?.issues ?? []).map((i) => `${String(i.path[0])}: ${i.message}`);

describe('household row schema', () => {
  it('accepts a complete row', () => {
    expect(householdImportRowSchema.safeParse(household).success).toBe(true);
  });

  it.each([
    ['a B1 score instead of income', { incomePerCapita: undefined, b1Score: 135 }, []],
    ['neither income nor B1 score', { incomePerCapita: undefined }, ['incomePerCapita: Cần ghi thu nhập bình quân đầu người hoặc điểm B1.']],
    ['a village code without the commune', { villageCode: '03' }, ['villageCode: Mã thôn phải có dạng "mã xã-số thôn", ví dụ "06001-03".']],
    ['negative income', { incomePerCapita: -1 }, ['incomePerCapita: Thu nhập không được âm.']],
    ['an unknown area', { area: 'mountain' }, ['area: Khu vực phải là "Nông thôn" hoặc "Thành thị".']],
    ['missing head name', { headName: undefined }, ['headName: Thiếu họ tên chủ hộ.']],
    ['an unknown indicator code', { deprivations: ['happiness'] }, ['deprivations: Mã chỉ số thiếu hụt không có trong danh sách.']],
  ])('%s', (_case, change, expected) => {
    expect(messagesOf(householdImportRowSchema.safeParse({ ...household, ...change }))).toEqual(expected);
  });

  it('lists every problem of a row at once, including the income-or-score rule', () => {
    const messages = messagesOf(householdImportRowSchema.safeParse({ ...household, headName: undefined, incomePerCapita: undefined }));
    expect(messages).toHaveLength(2);
  });
});

describe('member row schema', () => {
  it('accepts a complete row and a row with the year only', () => {
    expect(memberImportRowSchema.safeParse(member).success).toBe(true);
    expect(memberImportRowSchema.safeParse({ ...member, birthDate: undefined, citizenId: undefined }).success).toBe(true);
  });

  it.each([
    ['no birth at all', { birthDate: undefined, birthYear: undefined }, ['birthYear: Thiếu ngày sinh hoặc năm sinh.']],
    ['year disagreeing with the date', { birthYear: 1986, citizenId: undefined }, ['birthYear: Năm sinh không khớp ngày sinh.']],
    ['citizen ID of 11 digits', { citizenId: '02008500123' }, ['citizenId: Số CCCD phải có đúng 12 chữ số (đang có 11 chữ số).']],
    ['citizen ID of another birth year', { citizenId: '020086001234' }, ['citizenId: Chữ số thứ 5–6 của số CCCD ("86") phải là hai số cuối của năm sinh 1985.']],
    ['citizen ID of a woman for a man', { citizenId: '020185001234' }, ['citizenId: Chữ số thứ 4 của số CCCD ("1") chỉ giới tính nữ, không khớp giới tính nam.']],
    ['unknown relation', { relationToHead: 'neighbour' }, ['relationToHead: Quan hệ với chủ hộ không có trong danh sách.']],
  ])('%s', (_case, change, expected) => {
    expect(messagesOf(memberImportRowSchema.safeParse({ ...member, ...change }))).toEqual(expected);
  });
});

function fieldsOf(sheet: ImportSheet): string[] {
  return sheet.columns.flatMap((column) => {
    const target = column.target;
    if (target.type === 'field') return [target.field];
    if (target.type === 'deprivation') return ['deprivations'];
    return [target.dateField, target.yearField];
  });
}

describe('columns and schemas describe the same rows', () => {
  it.each([
    ['households', HOUSEHOLD_SHEET, Object.keys(householdImportRowSchema.shape)],
    ['members', MEMBER_SHEET, Object.keys(memberImportRowSchema.shape)],
  ])('every %s field has a column and every column a field', (_sheet, sheet, schemaFields) => {
    expect(new Set(fieldsOf(sheet))).toEqual(new Set(schemaFields));
  });

  it('has one tick column per indicator of every standard', () => {
    const ticks = HOUSEHOLD_SHEET.columns.flatMap((c) => (c.target.type === 'deprivation' ? [c.target.code] : []));
    expect(ticks).toEqual([...DEPRIVATION_CODES]);
    expect(ticks).toHaveLength(14);
  });

  it.each(IMPORT_SHEETS.map((sheet) => [sheet.name, sheet] as const))('headers and aliases of "%s" never name two columns', (_name, sheet) => {
    const owner = new Map<string, string>();
    for (const column of sheet.columns) {
      for (const spelling of new Set([column.header, ...column.aliases, column.key].map(fold))) {
        expect(owner.get(spelling) ?? column.key, `"${spelling}"`).toBe(column.key);
        owner.set(spelling, column.key);
      }
    }
  });

  it('has 54 ethnic groups whose names and aliases stay distinct without accents', () => {
    expect(ETHNICITY_OPTIONS).toHaveLength(54);
    const owner = new Map<string, string>();
    for (const option of ETHNICITY_OPTIONS) {
      for (const spelling of new Set([option.label, ...option.aliases].map(fold))) {
        expect(owner.get(spelling) ?? option.code, `"${spelling}"`).toBe(option.code);
        owner.set(spelling, option.code);
      }
    }
  });
});
