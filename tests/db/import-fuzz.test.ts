// Importer fuzz (issue 8, item 5): 1,200 broken workbooks generated from one seed — wrong types, huge cells, formulas
// (=cmd|…, =HYPERLINK, errors, no cached result), merged cells, missing sheets and columns, not a zip, truncated zips,
// zip bombs, parts that lie about their size, a row at 1,048,576, NFC and NFD Vietnamese mixed, duplicate codes,
// dates as text and as serials, empty files — each with noise that is not an error (title rows, blank rows,
// columns in another order, NFD headers, cached formulas, merged titles). For every one: no exception, no unhandled
// rejection, and a refusal or an issue list in Vietnamese that names the sheet, row and column of the broken cell.
// The same noise without the defect must read cleanly (controls), so each refusal is the defect's doing. A sample
// goes through the HTTP import API into the database: refused, the commit refused, not a row written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHouseholdWorkbook, type HouseholdWorkbookResult } from '../../src/import/read-household-workbook.ts';
import { formatImportIssue, type ImportIssueCode } from '../../src/import/import-issue.ts';
import { columnLetter } from '../../src/import/match-header.ts';
import { zipOf } from '../../src/import/zip-fixtures.test-support.ts';
import { createTestContext, type TestClient, type TestContext } from '../support/test-app.ts';
import { multipartBody } from '../support/multipart.ts';

const SEED = 20_261_129;
const CASES = 1200;
const CONTROLS = 150;
const API_SAMPLE = 60;
/** Vietnamese: at least one letter with a Vietnamese diacritic. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// ---------------------------------------------------------------------------------------------
// Workbooks written as XML (fast, and able to say what Excel would never write).

type Cell =
  | string
  | number
  | boolean
  | null
  | { f: string; v?: string | number; t?: 'str' | 'e' } // a formula, with or without its cached result
  | { error: string };

interface Sheet {
  name: string;
  /** [Excel row number, cells in column order] */
  rows: [number, Cell[]][];
  merges: string[];
  dimension?: string;
}

const xmlEscape = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

function cellXml(ref: string, cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(cell)}</t></is></c>`;
  if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
  if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  if ('error' in cell) return `<c r="${ref}" t="e"><v>${xmlEscape(cell.error)}</v></c>`;
  const type = cell.t ? ` t="${cell.t}"` : '';
  return `<c r="${ref}"${type}><f>${xmlEscape(cell.f)}</f>${cell.v === undefined ? '' : `<v>${xmlEscape(String(cell.v))}</v>`}</c>`;
}

function sheetXml(sheet: Sheet): string {
  const rows = sheet.rows
    .map(([r, cells]) => `<row r="${r}">${cells.map((c, i) => cellXml(`${columnLetter(i + 1)}${r}`, c)).join('')}</row>`)
    .join('');
  const merges = sheet.merges.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  const dimension = sheet.dimension ? `<dimension ref="${sheet.dimension}"/>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dimension}<sheetData>${rows}</sheetData>${merges}</worksheet>`;
}

function xlsxOf(sheets: Sheet[], extra: { padding?: string; declaredSize?: number } = {}): Buffer {
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipOf([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: '_rels/.rels', data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><sheets>${sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    },
    ...sheets.map((s, i) => {
      const xml = sheetXml(s);
      const data = extra.padding && i === 0 ? xml.replace('</sheetData>', `${extra.padding}</sheetData>`) : xml;
      return { name: `xl/worksheets/sheet${i + 1}.xml`, data, ...(extra.declaredSize !== undefined && i === sheets.length - 1 ? { declaredSize: extra.declaredSize } : {}) };
    }),
  ]);
}

// ---------------------------------------------------------------------------------------------
// A valid workbook with noise, then one defect.

const HH_NAMES = ['Hộ gia đình', 'HỘ GIA ĐÌNH', 'Hộ gia đình'.normalize('NFD'), 'Ho gia dinh'];
const MB_NAMES = ['Thành viên', 'THÀNH VIÊN', 'Thành viên'.normalize('NFD'), 'Thanh vien'];
const HH_COLUMNS = ['code', 'headName', 'villageCode', 'area', 'income'] as const;
const MB_COLUMNS = ['householdCode', 'name', 'birth', 'sex', 'relation', 'citizenId'] as const;
const HEADERS: Record<string, string> = {
  code: 'Mã hộ',
  headName: 'Họ tên chủ hộ',
  villageCode: 'Mã thôn',
  area: 'Khu vực',
  income: 'Thu nhập bình quân (đồng/người/tháng)',
  householdCode: 'Mã hộ',
  name: 'Họ và tên',
  birth: 'Ngày sinh (hoặc năm sinh)',
  sex: 'Giới tính',
  relation: 'Quan hệ với chủ hộ',
  citizenId: 'Số CCCD',
};
const GIVEN = ['Hoàng Văn Hùng', 'Lục Thị Mai', 'Nông Đức Anh', 'Triệu Thị Hằng', 'Lương Văn Thắng', 'Vi Thị Thảo', 'Đinh Quốc Khánh'];
/** Excel's serial of a date (the 1900 system). */
const serialOf = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

type Expectation =
  | { kind: 'refusal'; codes: ImportIssueCode[] }
  | { kind: 'issue'; sheet: 'households' | 'members'; row: number; column: string | null; codes?: ImportIssueCode[] };

interface FuzzCase {
  index: number;
  defect: string;
  bytes: Buffer;
  expect: Expectation | null; // null: a control, must read cleanly
  options?: Parameters<typeof readHouseholdWorkbook>[1];
  viaApi: boolean;
}

interface Draft {
  hh: { name: string; order: (typeof HH_COLUMNS)[number][]; titles: Cell[][]; rows: Record<string, Cell>[] };
  mb: { name: string; order: (typeof MB_COLUMNS)[number][]; titles: Cell[][]; rows: Record<string, Cell>[] };
  blankEvery: number;
  nfdHeaders: boolean;
  merges: { households: string[]; members: string[] };
  lastRowAt?: number;
}

function draftWorkbook(rng: () => number): Draft {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
  const nfx = (text: string) => (rng() < 0.3 ? text.normalize('NFD') : text);
  const shuffle = <T,>(items: readonly T[]): T[] => {
    const out = [...items];
    if (rng() < 0.5) return out;
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = Math.floor(rng() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const households: Record<string, Cell>[] = [];
  const members: Record<string, Cell>[] = [];
  const n = 1 + Math.floor(rng() * 4);
  let serial = Math.floor(rng() * 900_000);
  for (let i = 0; i < n; i += 1) {
    const code = `06001-03-${String(i + 1).padStart(4, '0')}`;
    const head = pick(GIVEN);
    households.push({
      code,
      headName: nfx(head),
      villageCode: '06001-03',
      area: pick(['Nông thôn', 'NT', 'nông thôn'.normalize('NFD'), 'Thành thị']),
      income: pick<Cell>([850_000, '850.000 đ', 1_200_000, { f: '1700000/2', v: 850_000 }, '1.500.000']),
    });
    const size = 1 + Math.floor(rng() * 3);
    for (let k = 0; k < size; k += 1) {
      const female = rng() < 0.5;
      const year = 1960 + Math.floor(rng() * 40);
      const day = 1 + Math.floor(rng() * 28);
      const month = 1 + Math.floor(rng() * 12);
      serial += 1;
      const withId = rng() < 0.5;
      members.push({
        householdCode: code,
        name: nfx(k === 0 ? head : pick(GIVEN)),
        birth: pick<Cell>([`${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`, serialOf(year, month, day), String(year)]),
        sex: female ? pick(['Nữ', 'nữ'.normalize('NFD'), 'F']) : pick(['Nam', 'M']),
        relation: k === 0 ? pick(['Chủ hộ', 'chủ hộ'.normalize('NFD'), 'CH']) : pick(['Con', 'Vợ/chồng', 'Cháu', 'con đẻ']),
        // 020: born in Lạng Sơn; 4th digit: century and sex; 5–6: year (Thông tư 59/2021/TT-BCA).
        citizenId: withId ? `020${female ? 1 : 0}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}` : null,
      });
    }
  }
  const titles = (what: string): Cell[][] => (rng() < 0.5 ? [] : [[`DANH SÁCH ${what} — DỮ LIỆU THỬ`], [rng() < 0.5 ? null : 'Kỳ rà soát năm 2021']]);
  return {
    hh: { name: pick(HH_NAMES), order: shuffle(HH_COLUMNS), titles: titles('HỘ GIA ĐÌNH'), rows: households },
    mb: { name: pick(MB_NAMES), order: shuffle(MB_COLUMNS), titles: titles('THÀNH VIÊN'), rows: members },
    blankEvery: rng() < 0.3 ? 2 : 0,
    nfdHeaders: rng() < 0.25,
    merges: { households: [], members: [] },
  };
}

/** Lays the draft out as sheets, returning where each data row landed. */
function layOut(draft: Draft): { sheets: Sheet[]; rowOf: { households: number[]; members: number[] }; letterOf: (sheet: 'households' | 'members', key: string) => string } {
  const rowOf = { households: [] as number[], members: [] as number[] };
  const build = (which: 'households' | 'members'): Sheet => {
    const part = which === 'households' ? draft.hh : draft.mb;
    const rows: [number, Cell[]][] = [];
    let r = 0;
    for (const title of part.titles) rows.push([(r += 1), title]);
    if (part.titles.length && draft.merges[which].length === 0) draft.merges[which].push(`A1:${columnLetter(part.order.length)}1`);
    rows.push([(r += 1), part.order.map((key) => (draft.nfdHeaders ? HEADERS[key]!.normalize('NFD') : HEADERS[key]!))]);
    part.rows.forEach((values, i) => {
      if (draft.blankEvery && i % draft.blankEvery === 1) r += 1; // a blank row between data rows
      r += 1;
      if (which === 'households' && i === part.rows.length - 1 && draft.lastRowAt) r = draft.lastRowAt;
      rows.push([r, part.order.map((key) => values[key] ?? null)]);
      rowOf[which].push(r);
    });
    const last = rows[rows.length - 1]![0];
    return { name: part.name, rows, merges: draft.merges[which], dimension: `A1:${columnLetter(part.order.length)}${last}` };
  };
  const sheets = [build('households'), build('members')];
  return {
    sheets,
    rowOf,
    letterOf: (sheet, key) => columnLetter((sheet === 'households' ? draft.hh.order : draft.mb.order).indexOf(key as never) + 1),
  };
}

const DEFECTS = [
  'wrong_type_income',
  'wrong_type_area',
  'wrong_type_sex',
  'wrong_type_relation',
  'huge_cell',
  'formula_without_result',
  'formula_error_value',
  'formula_dde_in_number',
  'formula_hyperlink_in_date',
  'merged_cells_hide_village',
  'duplicate_code',
  'duplicate_code_nfc_nfd',
  'duplicate_citizen_id',
  'unknown_household',
  'missing_required',
  'date_as_text_impossible',
  'date_serial_out_of_range',
  'row_1048576',
  'missing_sheet',
  'missing_column',
  'no_header',
  'not_a_zip',
  'empty_file',
  'empty_zip',
  'truncated_zip',
  'zip_bomb',
  'lying_size',
  'abnormal_cell',
  'too_many_rows',
] as const;
type Defect = (typeof DEFECTS)[number];

/** Defects whose refusal depends on a reader option smaller than the server's, read directly only. */
const DIRECT_ONLY: readonly Defect[] = ['zip_bomb', 'too_many_rows'];

function generate(index: number, control: boolean): FuzzCase {
  const rng = mulberry32(SEED ^ Math.imul(index + 1, 0x9e3779b1));
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
  const draft = draftWorkbook(rng);
  if (control) {
    return { index, defect: 'control', bytes: xlsxOf(layOut(draft).sheets), expect: null, viaApi: false };
  }
  const defect: Defect = DEFECTS[index % DEFECTS.length]!;
  const h = Math.floor(rng() * draft.hh.rows.length);
  const m = Math.floor(rng() * draft.mb.rows.length);
  const hhRow = draft.hh.rows[h]!;
  const mbRow = draft.mb.rows[m]!;
  // What to expect once laid out: the issue's place, filled in after layOut.
  let at: { sheet: 'households' | 'members'; index: number; key: string | null; codes?: ImportIssueCode[] } | null = null;
  let refusal: ImportIssueCode[] | null = null;
  let options: FuzzCase['options'];
  let bytes: Buffer | null = null;
  const viaApi = !DIRECT_ONLY.includes(defect);
  switch (defect) {
    case 'wrong_type_income':
      hhRow.income = pick<Cell>(['tám trăm nghìn', true, 'khoảng 1 triệu', -850_000, 'N/A', '1,5tr/tháng?', '850000đồng/năm!!']);
      at = { sheet: 'households', index: h, key: 'income', codes: ['invalid_value'] };
      break;
    case 'wrong_type_area':
      hhRow.area = pick<Cell>(['Sao Hỏa', 42, true, 'miền núi cao']);
      at = { sheet: 'households', index: h, key: 'area', codes: ['invalid_value'] };
      break;
    case 'wrong_type_sex':
      mbRow.sex = pick<Cell>(['Không rõ', 3, false, 'khác']);
      at = { sheet: 'members', index: m, key: 'sex', codes: ['invalid_value'] };
      break;
    case 'wrong_type_relation':
      mbRow.relation = pick<Cell>(['hàng xóm', 7, 'bạn thân']);
      at = { sheet: 'members', index: m, key: 'relation' };
      break;
    case 'huge_cell': {
      const length = 2_001 + Math.floor(rng() * 30_000);
      const text = pick(['Nguyễn', 'Lục Thị', 'ạ'.normalize('NFD'), 'Ưu']).repeat(Math.ceil(length / 2)).slice(0, length);
      if (rng() < 0.5) hhRow.headName = text;
      else mbRow.name = text;
      // Counted after NFC: a decomposed text may come back under the cell limit, and is then too long for a name.
      at = hhRow.headName === text ? { sheet: 'households', index: h, key: 'headName', codes: ['cell_too_long', 'invalid_value'] } : { sheet: 'members', index: m, key: 'name', codes: ['cell_too_long', 'invalid_value'] };
      break;
    }
    case 'formula_without_result':
      hhRow.income = { f: pick(['HYPERLINK("http://example.invalid/x","850000")', 'SUM(E1:E9)', "cmd|' /C calc'!A0"]) };
      at = { sheet: 'households', index: h, key: 'income', codes: ['invalid_value'] };
      break;
    case 'formula_error_value':
      mbRow.birth = pick<Cell>([{ f: 'DATE(1985,2,30)/0', v: '#DIV/0!', t: 'e' }, { error: '#N/A' }, { error: '#VALUE!' }, { f: 'VLOOKUP(A2,X:Y,2)', v: '#REF!', t: 'e' }]);
      at = { sheet: 'members', index: m, key: 'birth', codes: ['invalid_value'] };
      break;
    case 'formula_dde_in_number':
      hhRow.income = pick<Cell>(["=cmd|' /C calc'!A0", '=HYPERLINK("http://example.invalid","850000")', '+SUM(1;2)', '@SUM(A1)', { f: 'HYPERLINK("http://x","tám trăm")', v: 'tám trăm', t: 'str' }]);
      at = { sheet: 'households', index: h, key: 'income', codes: ['invalid_value'] };
      break;
    case 'formula_hyperlink_in_date':
      mbRow.birth = pick<Cell>([{ f: 'HYPERLINK("http://x","hôm qua")', v: 'hôm qua', t: 'str' }, '=HYPERLINK("http://x","1985")', "=cmd|' /C calc'!A0"]);
      at = { sheet: 'members', index: m, key: 'birth', codes: ['invalid_value'] };
      break;
    case 'merged_cells_hide_village':
      // Excel keeps only the top-left value of a merged range: the village code under it is gone.
      hhRow.villageCode = null;
      at = { sheet: 'households', index: h, key: 'villageCode' };
      break;
    case 'duplicate_code': {
      const copy = { ...draft.hh.rows[h]! };
      draft.hh.rows.push(copy);
      at = { sheet: 'households', index: draft.hh.rows.length - 1, key: 'code', codes: ['duplicate_household'] };
      break;
    }
    case 'duplicate_code_nfc_nfd': {
      // The same code, once composed and once decomposed: one household to the officer, so one to the importer.
      const code = `Hộ-Đặc-${index}`;
      for (const member of draft.mb.rows) if (member.householdCode === hhRow.code) member.householdCode = code;
      hhRow.code = code.normalize('NFC');
      draft.hh.rows.push({ ...hhRow, code: code.normalize('NFD') });
      at = { sheet: 'households', index: draft.hh.rows.length - 1, key: 'code', codes: ['duplicate_household'] };
      break;
    }
    case 'duplicate_citizen_id': {
      const id = `0200${85}${String(index).padStart(6, '0')}`;
      draft.mb.rows.push({ ...mbRow, birth: '05/03/1985', sex: 'Nam', relation: 'Con', citizenId: id, name: 'Hoàng Văn A' }, { ...mbRow, birth: 31_111, sex: 'Nam', relation: 'Con', citizenId: id, name: 'Hoàng Văn B' });
      at = { sheet: 'members', index: draft.mb.rows.length - 1, key: 'citizenId', codes: ['duplicate_citizen_id'] };
      break;
    }
    case 'unknown_household':
      draft.mb.rows.push({ ...mbRow, householdCode: `06001-03-${9000 + index}` });
      at = { sheet: 'members', index: draft.mb.rows.length - 1, key: 'householdCode', codes: ['unknown_household'] };
      break;
    case 'missing_required': {
      const key = pick(['code', 'headName', 'villageCode', 'area']);
      hhRow[key] = pick<Cell>([null, '   ', '\u200b']);
      at = { sheet: 'households', index: h, key };
      break;
    }
    case 'date_as_text_impossible':
      mbRow.birth = pick<Cell>(['31/02/1990', '1990-13-45', '00/00/0000', 'hôm qua', '29/02/1989', '15/15/1975']);
      at = { sheet: 'members', index: m, key: 'birth', codes: ['invalid_value'] };
      break;
    case 'date_serial_out_of_range':
      mbRow.birth = pick<Cell>([2_958_466, -1, 99_999, 0.5, 1e12]);
      at = { sheet: 'members', index: m, key: 'birth', codes: ['invalid_value'] };
      break;
    case 'row_1048576':
      // Excel's last row: the last household sits there (a sheet declaring 1,048,576 rows), and is broken.
      draft.lastRowAt = 1_048_576;
      draft.hh.rows[draft.hh.rows.length - 1]!.income = 'không biết';
      at = { sheet: 'households', index: draft.hh.rows.length - 1, key: 'income', codes: ['invalid_value'] };
      break;
    case 'missing_sheet': {
      const { sheets } = layOut(draft);
      const variant = Math.floor(rng() * 3);
      const kept = variant === 0 ? [sheets[0]!] : variant === 1 ? [sheets[1]!] : [{ ...sheets[0]!, name: 'Sheet1' }, { ...sheets[1]!, name: 'Sheet2' }];
      bytes = xlsxOf(kept);
      refusal = ['missing_sheet'];
      break;
    }
    case 'missing_column': {
      const key = pick(['villageCode', 'area', 'code'] as const);
      draft.hh.order = draft.hh.order.filter((k) => k !== key);
      refusal = ['missing_column'];
      break;
    }
    case 'no_header':
      draft.hh.titles = Array.from({ length: 21 }, (_, i) => [`Dòng ghi chú ${i + 1}`]);
      refusal = ['header_not_found'];
      break;
    case 'not_a_zip':
      bytes = pick([
        () => Buffer.from('Mã hộ,Họ tên chủ hộ\n06001-03-0001,Hoàng Văn Hùng\n'),
        () => Buffer.from('<html><body><table><tr><td>Mã hộ</td></tr></table></body></html>'),
        () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array.from({ length: 500 }, () => Math.floor(rng() * 256))]),
        () => Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'),
        () => Buffer.from(Array.from({ length: 1 + Math.floor(rng() * 4000) }, () => Math.floor(rng() * 256)).map((b, i) => (i === 0 && b === 0x50 ? 0x51 : b))),
      ])();
      refusal = ['not_zip', 'legacy_xls', 'html_table', 'encrypted'];
      break;
    case 'empty_file':
      bytes = Buffer.alloc(0);
      refusal = ['file_empty'];
      break;
    case 'empty_zip':
      bytes = zipOf([]);
      refusal = ['not_xlsx'];
      break;
    case 'truncated_zip': {
      const whole = xlsxOf(layOut(draft).sheets);
      bytes = whole.subarray(0, 1 + Math.floor(rng() * (whole.length - 23)));
      refusal = ['corrupt_zip', 'not_zip', 'not_xlsx', 'file_empty'];
      break;
    }
    case 'zip_bomb': {
      const padding = '<row r="1048000"></row>'.repeat(60_000 + Math.floor(rng() * 60_000));
      bytes = xlsxOf(layOut(draft).sheets, { padding });
      options = { maxUncompressedBytes: 1024 * 1024 };
      refusal = ['uncompressed_too_large'];
      break;
    }
    case 'lying_size': {
      const { sheets } = layOut(draft);
      bytes = xlsxOf(sheets, { declaredSize: 10 + Math.floor(rng() * 50) });
      refusal = ['corrupt_zip'];
      break;
    }
    case 'abnormal_cell':
      hhRow.headName = 'ư'.repeat(200_000 + Math.floor(rng() * 100_000));
      refusal = ['abnormal_cell'];
      break;
    case 'too_many_rows':
      for (let i = 0; i < 6; i += 1) draft.mb.rows.push({ ...mbRow, relation: 'Con' });
      options = { maxRowsPerSheet: { members: 5 } };
      refusal = ['too_many_rows'];
      break;
  }
  let laid: ReturnType<typeof layOut> | null = null;
  if (!bytes) {
    laid = layOut(draft);
    if (defect === 'merged_cells_hide_village') {
      // The village cell merged with its left neighbour (or, in column A, with the cell to its right).
      const row = laid.rowOf.households[h]!;
      const position = draft.hh.order.indexOf('villageCode') + 1;
      const [from, to] = position === 1 ? [1, 2] : [position - 1, position];
      laid.sheets[0]!.merges.push(`${columnLetter(from)}${row}:${columnLetter(to)}${row}`);
    }
    bytes = xlsxOf(laid.sheets);
  }
  let expectation: Expectation;
  if (refusal) expectation = { kind: 'refusal', codes: refusal };
  else {
    const place = at!;
    expectation = {
      kind: 'issue',
      sheet: place.sheet,
      row: laid!.rowOf[place.sheet][place.index]!,
      column: place.key ? laid!.letterOf(place.sheet, place.key) : null,
      ...(place.codes ? { codes: place.codes } : {}),
    };
  }
  return { index, defect, bytes, expect: expectation, options, viaApi };
}

// ---------------------------------------------------------------------------------------------

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chung-tay-import-fuzz-'));
const cases = Array.from({ length: CASES }, (_, i) => generate(i, false));
const controls = Array.from({ length: CONTROLS }, (_, i) => generate(CASES + i, true));
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

async function read(fuzz: FuzzCase): Promise<HouseholdWorkbookResult> {
  const file = path.join(dir, `case-${fuzz.index}.xlsx`);
  fs.writeFileSync(file, fuzz.bytes);
  try {
    return await readHouseholdWorkbook(file, fuzz.options);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function describeFailure(fuzz: FuzzCase, result: HouseholdWorkbookResult): string {
  const issues = result.ok ? ['(read as valid)'] : result.errors.slice(0, 5).map(formatImportIssue);
  return `case ${fuzz.index} (${fuzz.defect}), expected ${JSON.stringify(fuzz.expect)}: ${issues.join(' | ')}`;
}

beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('importer fuzz: 1,200 broken workbooks from one seed', { timeout: 120_000 }, () => {
  it('reads every control (the same noise without a defect) cleanly', async () => {
    for (const fuzz of controls) {
      const result = await read(fuzz);
      expect(result.ok, describeFailure(fuzz, result)).toBe(true);
    }
  });

  it('refuses or lists every broken workbook, in Vietnamese, at the broken cell', async () => {
    const seen = new Map<string, number>();
    const failures: string[] = [];
    for (const fuzz of cases) {
      const result = await read(fuzz);
      const problem = checkRefusal(fuzz, result);
      if (problem) failures.push(`${problem} — ${describeFailure(fuzz, result)}`);
      else seen.set(fuzz.defect, (seen.get(fuzz.defect) ?? 0) + 1);
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect([...seen.keys()].sort()).toEqual([...DEFECTS].sort());
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(CASES);
    expect(unhandled).toEqual([]);
  });
});

/** What is wrong with the reader's answer to a broken workbook, or null when it is right. */
function checkRefusal(fuzz: FuzzCase, result: HouseholdWorkbookResult): string | null {
  if (result.ok) return 'read as valid';
  if (result.errors.length === 0) return 'no issue listed';
  for (const issue of result.errors) {
    if (!VIETNAMESE.test(issue.message)) return `not Vietnamese: ${issue.message}`;
    if (!formatImportIssue(issue).includes(issue.message)) return 'formatted issue lost its message';
  }
  const expectation = fuzz.expect!;
  if (expectation.kind === 'refusal') {
    return result.errors.some((e) => expectation.codes.includes(e.code)) ? null : `none of ${expectation.codes.join(', ')}`;
  }
  const sheetNames = (expectation.sheet === 'households' ? HH_NAMES : MB_NAMES).map((n) => n.normalize('NFC'));
  const hit = result.errors.find(
    (e) =>
      e.sheet !== null &&
      sheetNames.includes(e.sheet.normalize('NFC')) &&
      e.row === expectation.row &&
      (expectation.column === null || e.column?.letter === expectation.column) &&
      (!expectation.codes || expectation.codes.includes(e.code)),
  );
  return hit ? null : 'not at the broken cell';
}

describe('a sample through the HTTP import API into the database', { timeout: 120_000 }, () => {
  let ctx: TestContext;
  let officer: TestClient;
  const TABLES = ['households', 'household_members', 'assessments', 'audit_log', 'round_aggregates'];

  async function digest(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const table of TABLES) {
      const [row] = await ctx.testDb.database.query<{ n: number; h: string }>(`select count(*)::int as n, coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') as h from ${table} t`);
      out[table] = `${row!.n}:${row!.h}`;
    }
    return out;
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    officer = await ctx.userWith('commune_officer', { unitCode: '06529' });
    const province = await ctx.userWith('poverty_office', { unitCode: '20' });
    expect((await officer.post('/api/units/villages', { communeCode: '06529', name: 'Thôn Nà Lù', kind: 'Thôn', validFrom: '2016-01-01' })).statusCode).toBe(200);
    expect((await province.post('/api/rounds', { year: 2021, openedOn: '2021-09-01' })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('refuses each one with a Vietnamese explanation, refuses its commit, and writes nothing', async () => {
    const before = await digest();
    const sample = [...cases.filter((c) => c.viaApi).filter((_, i) => i % 17 === 0).slice(0, API_SAMPLE - 5), ...controls.slice(0, 5)];
    expect(sample.length).toBe(API_SAMPLE);
    for (const fuzz of sample) {
      const body = multipartBody({ roundYear: '2021' }, { name: 'file', filename: `Danh sách ${fuzz.index}.xlsx`, content: fuzz.bytes });
      const res = await officer.request({ method: 'POST', url: '/api/imports', payload: body.payload, headers: body.headers });
      expect(res.statusCode, `case ${fuzz.index}: ${res.body}`).toBe(200);
      let job = res.json() as { id: string; state: string; issues: { sheet: string; row: number | null; column: string | null; message: string }[] };
      for (let i = 0; i < 1000 && job.state === 'parsing'; i += 1) {
        await new Promise((r) => setTimeout(r, 10));
        const polled = await officer.get(`/api/imports/${job.id}`);
        expect(polled.statusCode).toBe(200);
        job = polled.json();
      }
      // Controls read cleanly but name villages that do not exist in this database: refused all the same.
      expect(job.state, `case ${fuzz.index} (${fuzz.defect})`).toBe('failed');
      expect(job.issues.length).toBeGreaterThan(0);
      for (const issue of job.issues) expect(issue.message, `case ${fuzz.index}`).toMatch(VIETNAMESE);
      if (fuzz.expect?.kind === 'issue') {
        expect(job.issues.some((i) => i.row === (fuzz.expect as { row: number }).row && i.sheet !== '' && (i.column ?? '').startsWith(`Cột ${(fuzz.expect as { column: string | null }).column ?? ''}`)), `case ${fuzz.index}`).toBe(true);
      }
      const commit = await officer.post(`/api/imports/${job.id}/commit`);
      expect(commit.statusCode, commit.body).toBe(400);
      expect((commit.json() as { error: { message: string } }).error.message).toMatch(VIETNAMESE);
    }
    expect(await digest()).toEqual(before);
    expect(unhandled).toEqual([]);
  });
});
