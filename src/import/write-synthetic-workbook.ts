import { standardForReviewYear } from '../domain/poverty/index.ts';
// A synthetic household workbook for tests and benchmarks: N households of Lạng Sơn with about
// four members each, written as a stream with a seeded random generator (the same seed gives the
// same file), optionally with K broken rows of known kinds at known places, so a test can ask the
// reader for exactly those K errors. Everything it writes is marked as demo data.

import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ImportColumn, ImportSheet, RelationToHead, Sex } from '../shared/schemas/household-import.schema.ts';
import {
  CATEGORY_OPTIONS,
  EMPLOYMENT_OPTIONS,
  ETHNICITY_OPTIONS,
  HOUSEHOLD_SHEET,
  MEMBER_SHEET,
  RELATION_OPTIONS,
  SCHOOLING_OPTIONS,
  SEX_OPTIONS,
} from '../shared/schemas/household-import.schema.ts';
import { columnLetter } from './match-header.ts';

export const BROKEN_ROW_KINDS = ['bad_citizen_id', 'bad_date', 'unknown_category', 'text_in_number', 'missing_required'] as const;
export type BrokenRowKind = (typeof BROKEN_ROW_KINDS)[number];

export interface SyntheticWorkbookOptions {
  readonly households: number;
  readonly seed?: number;
  /** Rows broken on purpose, spread over the file; at most one per household. */
  readonly brokenRows?: number;
  /** Title lines above each header, as officers' files have (default true). */
  readonly titleRows?: boolean;
  /** The review year the data describes; ages are counted to it (default 2025). */
  readonly year?: number;
  /** Villages to spread the households over (e.g. those that exist in the database); made-up codes when absent. */
  readonly villages?: readonly { readonly code: string; readonly urban: boolean }[];
}

export interface ExpectedImportError {
  readonly kind: BrokenRowKind;
  readonly sheet: string;
  readonly row: number;
  readonly columnKey: string;
  readonly columnLetter: string;
}

export interface SyntheticWorkbookSummary {
  readonly households: number;
  readonly members: number;
  /** One per broken row, in the order they appear (households sheet first). */
  readonly expectedErrors: readonly ExpectedImportError[];
}

/** mulberry32: small, fast, and good enough to make plausible data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

function weighted<T>(rng: () => number, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let r = rng() * total;
  for (const [value, w] of choices) {
    r -= w;
    if (r < 0) return value;
  }
  return (choices[choices.length - 1] as readonly [T, number])[0];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

// Commune codes of Lạng Sơn from 01/07/2025 (reference-data/lang-son/langson_dvhc_2025-07-01.csv);
// the four phường are urban.
const URBAN_COMMUNES = ['05977', '05983', '05986', '06187'];
const RURAL_COMMUNES = [
  '06001', '06004', '06019', '06037', '06040', '06046', '06058', '06073', '06112', '06124', '06154', '06184', '06211',
  '06253', '06280', '06325', '06349', '06385', '06463', '06529', '06541', '06613', '06625', '06637',
];
const FAMILY_NAMES = ['Hoàng', 'Nông', 'Lương', 'Vi', 'Lăng', 'Hà', 'Triệu', 'Lộc', 'Nguyễn', 'Lý', 'Đinh', 'Chu', 'Mã', 'Hứa', 'Dương', 'Lục', 'Vy'];
const MALE_NAMES = ['Văn Hùng', 'Văn Minh', 'Văn Thắng', 'Đức Anh', 'Văn Tài', 'Văn Lâm', 'Quốc Khánh', 'Văn Sơn', 'Văn Bình', 'Minh Tuấn', 'Văn Hải', 'Văn Chiến'];
const FEMALE_NAMES = ['Thị Mai', 'Thị Hoa', 'Thị Lan', 'Thị Hằng', 'Thị Thu', 'Thị Nga', 'Thị Hạnh', 'Thị Huyền', 'Thị Liên', 'Thị Dung', 'Thị Phương', 'Thị Thảo'];
const OTHER_PROVINCES = ['001', '019', '024', '004', '022'];

interface SyntheticMember {
  readonly name: string;
  readonly sex: Sex;
  readonly relation: RelationToHead;
  readonly birthYear: number;
  readonly birthMonth: number;
  readonly birthDay: number;
  readonly birthStyle: 'date' | 'text' | 'year';
  readonly hasCitizenId: boolean;
  readonly citizenIdAsNumber: boolean;
  readonly provinceCode: string;
  readonly ethnicity: string;
  readonly age: number;
}

interface SyntheticHousehold {
  readonly code: string;
  readonly villageCode: string;
  readonly urban: boolean;
  readonly members: readonly SyntheticMember[];
  readonly row: readonly unknown[];
}

function labelOf(options: readonly { code: string; label: string }[], code: string): string {
  return options.find((o) => o.code === code)?.label ?? code;
}

function yesNo(value: boolean): string {
  return value ? 'Có' : 'Không';
}

/** Everything about household i, from its own seed: the two passes over the file agree. */
function makeHousehold(seed: number, index: number, year: number, villages?: SyntheticWorkbookOptions['villages']): SyntheticHousehold {
  const rng = random(seed ^ Math.imul(index + 1, 0x9e3779b1));
  const chosen = villages && villages.length ? villages[Math.floor(rng() * villages.length)]! : null;
  const urban = chosen ? chosen.urban : rng() < 0.12;
  const commune = pick(rng, urban ? URBAN_COMMUNES : RURAL_COMMUNES);
  const villageCode = chosen ? chosen.code : `${commune}-${pad(1 + Math.floor(rng() * 14), 2)}`;
  const code = `${villageCode}-${pad(index + 1, 6)}`;
  const ethnicity = weighted(rng, [
    ['nung', 42],
    ['tay', 35],
    ['kinh', 16],
    ['dao', 4],
    ['san_chay', 1.5],
    ['hoa', 0.8],
    ['mong', 0.7],
  ] as const);
  const femaleHead = rng() < 0.2;
  const size = weighted(rng, [
    [1, 8],
    [2, 12],
    [3, 20],
    [4, 25],
    [5, 18],
    [6, 10],
    [7, 7],
  ] as const);
  const familyName = pick(rng, FAMILY_NAMES);
  const members: SyntheticMember[] = [];
  const person = (sex: Sex, relation: RelationToHead, birthYear: number, family = familyName): SyntheticMember => {
    const provinceRoll = rng();
    return {
      name: `${family} ${pick(rng, sex === 'male' ? MALE_NAMES : FEMALE_NAMES)}`,
      sex,
      relation,
      birthYear,
      birthMonth: 1 + Math.floor(rng() * 12),
      birthDay: 1 + Math.floor(rng() * 28),
      birthStyle: weighted(rng, [
        ['date', 70],
        ['text', 20],
        ['year', 10],
      ] as const),
      hasCitizenId: rng() < 0.92,
      citizenIdAsNumber: rng() < 0.05,
      provinceCode: provinceRoll < 0.9 ? '020' : pick(rng, OTHER_PROVINCES),
      ethnicity: rng() < 0.9 ? ethnicity : pick(rng, ['kinh', 'tay', 'nung']),
      age: year - birthYear,
    };
  };
  const headYear = 1940 + Math.floor(rng() * 56);
  const headSex: Sex = femaleHead ? 'female' : 'male';
  members.push(person(headSex, 'head', headYear));
  if (size >= 2) members.push(person(headSex === 'male' ? 'female' : 'male', 'spouse', headYear + Math.floor(rng() * 9) - 4, pick(rng, FAMILY_NAMES)));
  for (let k = members.length; k < size; k += 1) {
    const relation = weighted(rng, [
      ['child', 70],
      ['grandchild', 15],
      ['parent', 10],
      ['other', 5],
    ] as const);
    const birthYear =
      relation === 'parent'
        ? Math.max(1925, headYear - 20 - Math.floor(rng() * 15))
        : relation === 'grandchild'
          ? Math.min(year, headYear + 40 + Math.floor(rng() * 15))
          : Math.min(year, headYear + 18 + Math.floor(rng() * 22));
    members.push(person(rng() < 0.5 ? 'male' : 'female', relation, birthYear));
  }

  const income = Math.round((urban ? 1_200_000 : 600_000) + rng() * rng() * 5_000_000);
  const standard = standardForReviewYear(year);
  // A Phiếu B1 score stands in for income only where the standard allows it (QĐ 59/2015).
  const useB1 = standard.b1Thresholds !== null && rng() < 0.05;
  const indicators = new Set(standard.indicators.map((i) => i.code));
  const incomeCell = useB1
    ? null
    : weighted(rng, [
        ['number', 85],
        ['dotted', 10],
        ['dong', 5],
      ] as const) === 'number'
      ? income
      : `${new Intl.NumberFormat('vi-VN').format(income)}${rng() < 0.5 ? ' đ' : ''}`;
  const row: unknown[] = [];
  for (const column of HOUSEHOLD_SHEET.columns) {
    row.push(householdCell(column, { code, villageCode, urban, ethnicity, femaleHead, incomeCell, useB1, indicators, rng, headName: members[0]?.name ?? '' }));
  }
  return { code, villageCode, urban, members, row };
}

function householdCell(
  column: ImportColumn,
  h: {
    code: string;
    villageCode: string;
    urban: boolean;
    ethnicity: string;
    femaleHead: boolean;
    incomeCell: number | string | null;
    useB1: boolean;
    indicators: ReadonlySet<string>;
    rng: () => number;
    headName: string;
  },
): unknown {
  const { rng } = h;
  // Only the indicators of the standard in force for the year are ticked (QĐ 59/2015 and NĐ 07/2021 differ).
  if (column.target.type === 'deprivation') return h.indicators.has(column.target.code) && rng() < 0.08 ? 'x' : null;
  switch (column.key) {
    case 'code':
      return h.code;
    case 'headName':
      return h.headName;
    case 'villageCode':
      return h.villageCode;
    case 'area':
      return h.urban ? 'Thành thị' : rng() < 0.1 ? 'NT' : 'Nông thôn';
    case 'ethnicMinority':
      return yesNo(h.ethnicity !== 'kinh');
    case 'femaleHead':
      return h.femaleHead ? 'x' : null;
    case 'hasPersonOfMerit':
      return rng() < 0.05 ? 'Có' : 'Không';
    case 'hasSocialProtectionBeneficiary':
      return rng() < 0.1 ? 'Có' : null;
    case 'incomePerCapita':
      return h.incomeCell;
    case 'b1Score':
      return h.useB1 ? 100 + Math.floor(rng() * 90) : null;
    case 'category':
      return rng() < 0.2 ? labelOf(CATEGORY_OPTIONS, pick(rng, ['poor', 'near_poor', 'middle', 'not_poor'])) : null;
    case 'wallDurable':
    case 'frameDurable':
    case 'roofDurable':
    case 'hygienicWater':
    case 'hygienicLatrine':
      return yesNo(rng() < 0.75);
    case 'floorArea':
      return Math.round((15 + rng() * 110) * 10) / 10;
    default:
      return null;
  }
}

/**
 * Citizen ID consistent with the person (Thông tư 07/2016/TT-BCA): province, century-and-sex digit,
 * two digits of the birth year, then a serial unique within that prefix.
 */
function citizenIdOf(member: SyntheticMember, serials: Map<string, number>): string {
  const centuryDigit = Math.floor((member.birthYear - 1900) / 100) * 2 + (member.sex === 'female' ? 1 : 0);
  const prefix = `${member.provinceCode}${centuryDigit}${pad(member.birthYear % 100, 2)}`;
  const serial = (serials.get(prefix) ?? 0) + 1;
  serials.set(prefix, serial);
  return `${prefix}${pad(serial % 1_000_000, 6)}`;
}

function memberCells(member: SyntheticMember, householdCode: string, citizenId: string | null, rng: () => number): unknown[] {
  const cells: unknown[] = [];
  for (const column of MEMBER_SHEET.columns) {
    switch (column.key) {
      case 'householdCode':
        cells.push(householdCode);
        break;
      case 'name':
        cells.push(member.name);
        break;
      case 'birth':
        cells.push(
          member.birthStyle === 'year'
            ? member.birthYear
            : member.birthStyle === 'text'
              ? `${pad(member.birthDay, 2)}/${pad(member.birthMonth, 2)}/${member.birthYear}`
              : new Date(Date.UTC(member.birthYear, member.birthMonth - 1, member.birthDay)),
        );
        break;
      case 'sex':
        cells.push(labelOf(SEX_OPTIONS, member.sex));
        break;
      case 'relationToHead':
        cells.push(labelOf(RELATION_OPTIONS, member.relation));
        break;
      case 'citizenId':
        cells.push(citizenId === null ? null : member.citizenIdAsNumber ? Number(citizenId) : citizenId);
        break;
      case 'ethnicity':
        cells.push(labelOf(ETHNICITY_OPTIONS, member.ethnicity));
        break;
      case 'schooling': {
        const level = member.age < 11 ? 'none' : member.age < 15 ? 'primary' : pick(rng, ['primary', 'lower_secondary', 'lower_secondary', 'upper_secondary', 'vocational']);
        cells.push(labelOf(SCHOOLING_OPTIONS, level));
        break;
      }
      case 'inSchool':
        cells.push(yesNo(member.age >= 6 && member.age <= 18 && rng() < 0.93));
        break;
      case 'hasHealthInsurance':
        cells.push(yesNo(rng() < 0.9));
        break;
      case 'employment': {
        const working = member.age >= 15 && member.age <= 60;
        const status = working ? pick(rng, ['stable', 'unstable', 'unstable', 'unemployed']) : 'not_in_labour_force';
        cells.push(labelOf(EMPLOYMENT_OPTIONS, status));
        break;
      }
      default:
        cells.push(null);
    }
  }
  return cells;
}

function columnPosition(sheet: ImportSheet, key: string): number {
  return sheet.columns.findIndex((c) => c.key === key) + 1;
}

/** Households chosen to carry a broken row, each with its kind, spread by the seed. */
function chooseBroken(seed: number, households: number, count: number): Map<number, BrokenRowKind> {
  if (count > households) throw new RangeError(`brokenRows (${count}) cannot exceed households (${households})`);
  const rng = random(seed ^ 0x5bd1e995);
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(Math.floor(rng() * households));
  const broken = new Map<number, BrokenRowKind>();
  [...chosen].sort((a, b) => a - b).forEach((index, i) => broken.set(index, BROKEN_ROW_KINDS[i % BROKEN_ROW_KINDS.length] as BrokenRowKind));
  return broken;
}

function writeTitle(sheet: ExcelJS.Worksheet, lines: readonly string[]): void {
  for (const line of lines) {
    const row = sheet.addRow([line]);
    row.getCell(1).font = { bold: true };
    row.commit();
  }
  sheet.addRow([]).commit();
}

function writeHeader(sheet: ExcelJS.Worksheet, definition: ImportSheet): void {
  const row = sheet.addRow(definition.columns.map((c) => c.header));
  row.font = { bold: true };
  row.commit();
}

// ExcelJS's streaming writer queues committed rows until the zip stream gets a turn of the event
// loop: without a pause now and then a large file would sit whole in memory.
const YIELD_EVERY_ROWS = 2_000;
function drain(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Write the workbook to a file path or a stream. */
export async function writeSyntheticWorkbook(
  output: string | Writable,
  options: SyntheticWorkbookOptions,
): Promise<SyntheticWorkbookSummary> {
  const seed = options.seed ?? 2017;
  const year = options.year ?? 2025;
  const titled = options.titleRows ?? true;
  const broken = chooseBroken(seed, options.households, options.brokenRows ?? 0);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof output === 'string' ? { filename: output } : { stream: output }),
    useSharedStrings: true,
    useStyles: true,
  });
  workbook.creator = 'Chung Tay — dữ liệu giả lập (demo)';
  const expected: ExpectedImportError[] = [];
  const titleLines = (what: string) =>
    titled ? [`${what} — DỮ LIỆU GIẢ LẬP (DEMO), KHÔNG PHẢI SỐ LIỆU THẬT`, `Tỉnh Lạng Sơn, kỳ rà soát năm ${year}`] : [];

  const householdSheet = workbook.addWorksheet(HOUSEHOLD_SHEET.name);
  householdSheet.getColumn(columnPosition(HOUSEHOLD_SHEET, 'incomePerCapita')).numFmt = '#,##0';
  const householdTitle = titleLines('DANH SÁCH HỘ GIA ĐÌNH');
  if (householdTitle.length > 0) writeTitle(householdSheet, householdTitle);
  writeHeader(householdSheet, HOUSEHOLD_SHEET);
  let rowNumber = householdTitle.length > 0 ? householdTitle.length + 2 : 1;
  for (let i = 0; i < options.households; i += 1) {
    const household = makeHousehold(seed, i, year, options.villages);
    const cells = [...household.row];
    rowNumber += 1;
    const kind = broken.get(i);
    const breakCell = (key: string, value: unknown) => {
      const position = columnPosition(HOUSEHOLD_SHEET, key);
      cells[position - 1] = value;
      expected.push({ kind: kind as BrokenRowKind, sheet: HOUSEHOLD_SHEET.name, row: rowNumber, columnKey: key, columnLetter: columnLetter(position) });
    };
    if (kind === 'unknown_category') breakCell('category', 'Hộ khá giả');
    if (kind === 'text_in_number') {
      breakCell('incomePerCapita', 'tám trăm nghìn');
      cells[columnPosition(HOUSEHOLD_SHEET, 'b1Score') - 1] = null;
    }
    if (kind === 'missing_required') breakCell('headName', null);
    householdSheet.addRow(cells).commit();
    if (i % YIELD_EVERY_ROWS === 0) await drain();
  }
  householdSheet.commit();

  const memberSheet = workbook.addWorksheet(MEMBER_SHEET.name);
  memberSheet.getColumn(columnPosition(MEMBER_SHEET, 'birth')).numFmt = 'dd/mm/yyyy';
  memberSheet.getColumn(columnPosition(MEMBER_SHEET, 'citizenId')).numFmt = '@';
  const memberTitle = titleLines('DANH SÁCH THÀNH VIÊN HỘ');
  if (memberTitle.length > 0) writeTitle(memberSheet, memberTitle);
  writeHeader(memberSheet, MEMBER_SHEET);
  rowNumber = memberTitle.length > 0 ? memberTitle.length + 2 : 1;
  const serials = new Map<string, number>();
  let memberCount = 0;
  for (let i = 0; i < options.households; i += 1) {
    const household = makeHousehold(seed, i, year, options.villages);
    const rng = random(seed ^ Math.imul(i + 1, 0x85ebca6b));
    const kind = broken.get(i);
    household.members.forEach((member, k) => {
      rowNumber += 1;
      memberCount += 1;
      const breaksHere = k === 0 && (kind === 'bad_citizen_id' || kind === 'bad_date');
      const citizenId = member.hasCitizenId || (breaksHere && kind === 'bad_citizen_id') ? citizenIdOf(member, serials) : null;
      const cells = memberCells(member, household.code, citizenId, rng);
      if (breaksHere) {
        const key = kind === 'bad_citizen_id' ? 'citizenId' : 'birth';
        const position = columnPosition(MEMBER_SHEET, key);
        // An 11-digit number typed as text; a 31 February.
        cells[position - 1] = kind === 'bad_citizen_id' ? (citizenId ?? '').slice(0, 11) : `31/02/${member.birthYear}`;
        expected.push({ kind, sheet: MEMBER_SHEET.name, row: rowNumber, columnKey: key, columnLetter: columnLetter(position) });
      }
      memberSheet.addRow(cells).commit();
    });
    if (i % YIELD_EVERY_ROWS === 0) await drain();
  }
  memberSheet.commit();
  await workbook.commit();

  const order = (e: ExpectedImportError) => (e.sheet === HOUSEHOLD_SHEET.name ? 0 : 1);
  expected.sort((a, b) => order(a) - order(b) || a.row - b.row);
  return { households: options.households, members: memberCount, expectedErrors: expected };
}
