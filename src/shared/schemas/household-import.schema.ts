// The household import contract (issue 3, item 5): the two sheets of the import workbook, their
// columns as data, and the zod schemas of one household row and one member row. The server, the
// web client's preview and the spreadsheet reader in src/import all use these; nothing else may
// keep a second model of the same rows.

import { z } from 'zod';
import type { Area, EmploymentStatus, PovertyCategory, SchoolingLevel } from '../../domain/poverty/index.ts';
import { AREAS, ND07_2021, POVERTY_CATEGORIES, QD59_2015 } from '../../domain/poverty/index.ts';

// ---------------------------------------------------------------------------------------------
// Allowed values: each option has a stable code (what is stored), the label shown in the
// template's drop-down, and the other spellings officers type.

export interface ImportOption<C extends string = string> {
  readonly code: C;
  readonly label: string;
  readonly aliases: readonly string[];
}

export const YES_NO_OPTIONS: readonly ImportOption<'yes' | 'no'>[] = [
  { code: 'yes', label: 'Có', aliases: ['x', '✓', '1', 'yes', 'đúng'] },
  { code: 'no', label: 'Không', aliases: ['0', 'no', 'ko', 'sai'] },
];

const AREA_LABELS_FOR_IMPORT: Readonly<Record<Area, ImportOption<Area>>> = {
  rural: { code: 'rural', label: 'Nông thôn', aliases: ['NT', 'nông thôn', 'rural', 'xã'] },
  urban: { code: 'urban', label: 'Thành thị', aliases: ['TT', 'thành thị', 'đô thị', 'urban'] },
};
export const AREA_OPTIONS: readonly ImportOption<Area>[] = AREAS.map((area) => AREA_LABELS_FOR_IMPORT[area]);

const CATEGORY_OPTIONS_BY_CODE: Readonly<Record<PovertyCategory, ImportOption<PovertyCategory>>> = {
  poor: { code: 'poor', label: 'Hộ nghèo', aliases: ['nghèo', 'HN'] },
  near_poor: { code: 'near_poor', label: 'Hộ cận nghèo', aliases: ['cận nghèo', 'HCN'] },
  middle: {
    code: 'middle',
    label: 'Hộ có mức sống trung bình',
    aliases: ['mức sống trung bình', 'hộ mức sống trung bình', 'trung bình', 'MSTB'],
  },
  not_poor: { code: 'not_poor', label: 'Hộ không nghèo', aliases: ['không nghèo', 'KN'] },
};
export const CATEGORY_OPTIONS: readonly ImportOption<PovertyCategory>[] = POVERTY_CATEGORIES.map(
  (category) => CATEGORY_OPTIONS_BY_CODE[category],
);

export type Sex = 'male' | 'female';
export const SEX_OPTIONS: readonly ImportOption<Sex>[] = [
  { code: 'male', label: 'Nam', aliases: ['M', 'trai'] },
  { code: 'female', label: 'Nữ', aliases: ['F', 'gái'] },
];

export const RELATIONS_TO_HEAD = [
  'head',
  'spouse',
  'child',
  'child_in_law',
  'grandchild',
  'parent',
  'parent_in_law',
  'grandparent',
  'sibling',
  'other',
] as const;
export type RelationToHead = (typeof RELATIONS_TO_HEAD)[number];
export const RELATION_OPTIONS: readonly ImportOption<RelationToHead>[] = [
  { code: 'head', label: 'Chủ hộ', aliases: ['CH', 'bản thân'] },
  { code: 'spouse', label: 'Vợ/chồng', aliases: ['vợ', 'chồng'] },
  { code: 'child', label: 'Con', aliases: ['con đẻ', 'con nuôi', 'con trai', 'con gái', 'con riêng'] },
  { code: 'child_in_law', label: 'Con dâu/con rể', aliases: ['con dâu', 'con rể'] },
  { code: 'grandchild', label: 'Cháu', aliases: ['cháu nội', 'cháu ngoại', 'chắt'] },
  { code: 'parent', label: 'Bố/mẹ', aliases: ['bố', 'mẹ', 'cha', 'cha mẹ', 'bố mẹ', 'bố đẻ', 'mẹ đẻ'] },
  {
    code: 'parent_in_law',
    label: 'Bố/mẹ vợ hoặc chồng',
    aliases: ['bố chồng', 'mẹ chồng', 'bố vợ', 'mẹ vợ', 'cha chồng', 'cha vợ'],
  },
  { code: 'grandparent', label: 'Ông/bà', aliases: ['ông', 'bà', 'ông nội', 'bà nội', 'ông ngoại', 'bà ngoại'] },
  { code: 'sibling', label: 'Anh/chị/em', aliases: ['anh', 'chị', 'em', 'anh trai', 'chị gái', 'em trai', 'em gái'] },
  { code: 'other', label: 'Khác', aliases: ['quan hệ khác', 'họ hàng'] },
];

// The 54 ethnic groups of Viet Nam in the order of the General Statistics Office's list; codes
// are the names folded to ASCII. Lạng Sơn's households are mostly Nùng, Tày, Kinh, Dao, Sán Chay.
const ETHNIC_GROUPS: readonly (readonly [code: string, label: string, aliases?: readonly string[]])[] = [
  ['kinh', 'Kinh', ['Việt']],
  ['tay', 'Tày'],
  ['thai', 'Thái'],
  ['hoa', 'Hoa'],
  ['khmer', 'Khmer', ['Khơ-me', 'Khơ Me']],
  ['muong', 'Mường'],
  ['nung', 'Nùng'],
  ['mong', 'Mông', ['H’Mông', "H'Mông", 'Hmông', 'HMông']],
  ['dao', 'Dao'],
  ['gia_rai', 'Gia Rai', ['Jrai']],
  ['ngai', 'Ngái'],
  ['e_de', 'Ê Đê', ['Ede']],
  ['ba_na', 'Ba Na', ['Bahnar']],
  ['xo_dang', 'Xơ Đăng'],
  ['san_chay', 'Sán Chay', ['Cao Lan', 'Sán Chỉ', 'Cao Lan - Sán Chỉ']],
  ['co_ho', 'Cơ Ho', ["K'Ho"]],
  ['cham', 'Chăm', ['Chàm']],
  ['san_diu', 'Sán Dìu'],
  ['hre', 'Hrê', ["H'rê"]],
  ['mnong', 'Mnông', ["M'Nông"]],
  ['ra_glai', 'Ra Glai', ['Raglai']],
  ['xtieng', 'Xtiêng', ['Stiêng']],
  ['bru_van_kieu', 'Bru-Vân Kiều', ['Vân Kiều', 'Bru']],
  ['tho', 'Thổ'],
  ['giay', 'Giáy'],
  ['co_tu', 'Cơ Tu', ['Katu']],
  ['gie_trieng', 'Giẻ Triêng', ['Gié Triêng']],
  ['ma', 'Mạ'],
  ['kho_mu', 'Khơ Mú', ['Khmu']],
  ['co', 'Co'],
  ['ta_oi', 'Tà Ôi'],
  ['cho_ro', 'Chơ Ro'],
  ['khang', 'Kháng'],
  ['xinh_mun', 'Xinh Mun'],
  ['ha_nhi', 'Hà Nhì'],
  ['chu_ru', 'Chu Ru'],
  ['lao', 'Lào'],
  ['la_chi', 'La Chí'],
  ['la_ha', 'La Ha'],
  ['phu_la', 'Phù Lá'],
  ['la_hu', 'La Hủ'],
  ['lu', 'Lự'],
  ['lo_lo', 'Lô Lô'],
  ['chut', 'Chứt'],
  ['mang', 'Mảng'],
  ['pa_then', 'Pà Thẻn'],
  ['co_lao', 'Cơ Lao', ['Co Lao']],
  ['cong', 'Cống'],
  ['bo_y', 'Bố Y'],
  ['si_la', 'Si La'],
  ['pu_peo', 'Pu Péo'],
  ['brau', 'Brâu'],
  ['o_du', 'Ơ Đu'],
  ['ro_mam', 'Rơ Măm'],
];
export const ETHNICITY_OPTIONS: readonly ImportOption[] = ETHNIC_GROUPS.map(([code, label, aliases]) => ({
  code,
  label,
  aliases: aliases ?? [],
}));
export const ETHNICITY_CODES: readonly string[] = ETHNICITY_OPTIONS.map((o) => o.code);

const SCHOOLING_OPTIONS_BY_CODE: Readonly<Record<SchoolingLevel, ImportOption<SchoolingLevel>>> = {
  none: {
    code: 'none',
    label: 'Chưa tốt nghiệp tiểu học',
    aliases: ['chưa đi học', 'không biết chữ', 'mù chữ', 'chưa học xong tiểu học'],
  },
  primary: { code: 'primary', label: 'Tốt nghiệp tiểu học', aliases: ['tiểu học', 'cấp 1', 'cấp I'] },
  lower_secondary: {
    code: 'lower_secondary',
    label: 'Tốt nghiệp THCS',
    aliases: ['THCS', 'trung học cơ sở', 'tốt nghiệp trung học cơ sở', 'cấp 2', 'cấp II'],
  },
  upper_secondary: {
    code: 'upper_secondary',
    label: 'Tốt nghiệp THPT',
    aliases: ['THPT', 'trung học phổ thông', 'tốt nghiệp trung học phổ thông', 'cấp 3', 'cấp III'],
  },
  vocational: {
    code: 'vocational',
    label: 'Sơ cấp, trung cấp nghề',
    aliases: ['sơ cấp', 'trung cấp', 'trung cấp nghề', 'sơ cấp nghề', 'học nghề'],
  },
  higher: {
    code: 'higher',
    label: 'Cao đẳng, đại học trở lên',
    aliases: ['cao đẳng', 'đại học', 'ĐH', 'thạc sĩ', 'tiến sĩ', 'sau đại học'],
  },
};
export const SCHOOLING_LEVELS: readonly SchoolingLevel[] = [
  'none',
  'primary',
  'lower_secondary',
  'upper_secondary',
  'vocational',
  'higher',
];
export const SCHOOLING_OPTIONS: readonly ImportOption<SchoolingLevel>[] = SCHOOLING_LEVELS.map(
  (level) => SCHOOLING_OPTIONS_BY_CODE[level],
);

export const EMPLOYMENT_STATUSES: readonly EmploymentStatus[] = ['stable', 'unstable', 'unemployed', 'not_in_labour_force'];
const EMPLOYMENT_OPTIONS_BY_CODE: Readonly<Record<EmploymentStatus, ImportOption<EmploymentStatus>>> = {
  stable: { code: 'stable', label: 'Có việc làm ổn định', aliases: ['ổn định', 'có việc làm'] },
  unstable: {
    code: 'unstable',
    label: 'Việc làm không ổn định',
    aliases: ['không ổn định', 'làm thuê', 'thời vụ', 'không có hợp đồng lao động'],
  },
  unemployed: { code: 'unemployed', label: 'Không có việc làm', aliases: ['thất nghiệp'] },
  not_in_labour_force: {
    code: 'not_in_labour_force',
    label: 'Không tham gia lao động',
    aliases: ['học sinh', 'sinh viên', 'nghỉ hưu', 'mất sức lao động', 'còn nhỏ', 'già yếu', 'nội trợ'],
  },
};
export const EMPLOYMENT_OPTIONS: readonly ImportOption<EmploymentStatus>[] = EMPLOYMENT_STATUSES.map(
  (status) => EMPLOYMENT_OPTIONS_BY_CODE[status],
);

// ---------------------------------------------------------------------------------------------
// Deprivation indicators ticked on Phiếu B part B2: the union of the standards' indicator lists,
// NĐ 07/2021's order first, then the two QĐ 59/2015 indicators it does not have.

export interface DeprivationTick {
  readonly code: string;
  readonly name: string;
  readonly shortName: string;
}
export const DEPRIVATION_TICKS: readonly DeprivationTick[] = (() => {
  const seen = new Map<string, DeprivationTick>();
  for (const indicator of [...ND07_2021.indicators, ...QD59_2015.indicators]) {
    if (!seen.has(indicator.code)) {
      seen.set(indicator.code, { code: indicator.code, name: indicator.name, shortName: indicator.shortName });
    }
  }
  return [...seen.values()];
})();
export const DEPRIVATION_CODES: readonly string[] = DEPRIVATION_TICKS.map((t) => t.code);

// ---------------------------------------------------------------------------------------------
// Citizen ID (số định danh cá nhân / CCCD): 12 digits (Luật Căn cước công dân 2014; Thông tư
// 07/2016/TT-BCA, Điều 7): 3 digits province (or country) of birth registration, 1 digit century
// and sex, 2 digits year of birth, 6 random digits.

/** Province-of-birth codes accepted in the first three digits. */
export const CITIZEN_ID_PROVINCE_RANGE = { min: 1, max: 96 } as const;

/** A problem with the number on its own, or null. */
export function checkCitizenIdFormat(id: string): string | null {
  if (!/^\d+$/u.test(id)) return 'Số CCCD chỉ gồm chữ số.';
  if (id.length !== 12) return `Số CCCD phải có đúng 12 chữ số (đang có ${id.length} chữ số).`;
  const province = Number(id.slice(0, 3));
  if (province < CITIZEN_ID_PROVINCE_RANGE.min || province > CITIZEN_ID_PROVINCE_RANGE.max) {
    return `Ba chữ số đầu của số CCCD ("${id.slice(0, 3)}") phải là mã tỉnh nơi đăng ký khai sinh, từ 001 đến 096.`;
  }
  return null;
}

/**
 * The 4th digit encodes century and sex: 0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s, …
 * (Thông tư 07/2016/TT-BCA, Điều 7, khoản 2). Returns a problem with the person's facts, or null.
 */
export function checkCitizenIdMatchesPerson(id: string, person: { birthYear?: number; sex?: Sex }): string | null {
  if (checkCitizenIdFormat(id) !== null) return null;
  const centuryDigit = Number(id[3]);
  const century = 1900 + Math.floor(centuryDigit / 2) * 100;
  const yearDigits = id.slice(4, 6);
  if (person.birthYear !== undefined) {
    const expectedCenturyDigit = Math.floor((person.birthYear - 1900) / 100) * 2 + (centuryDigit % 2);
    if (person.birthYear < century || person.birthYear >= century + 100) {
      return `Chữ số thứ 4 của số CCCD ("${centuryDigit}") chỉ người sinh năm ${century}–${century + 99}, không khớp năm sinh ${person.birthYear} (cần ${expectedCenturyDigit}).`;
    }
    if (Number(yearDigits) !== person.birthYear % 100) {
      return `Chữ số thứ 5–6 của số CCCD ("${yearDigits}") phải là hai số cuối của năm sinh ${person.birthYear}.`;
    }
  }
  if (person.sex !== undefined) {
    const sexOnId: Sex = centuryDigit % 2 === 0 ? 'male' : 'female';
    if (sexOnId !== person.sex) {
      const label = (sex: Sex) => (sex === 'male' ? 'nam' : 'nữ');
      return `Chữ số thứ 4 của số CCCD ("${centuryDigit}") chỉ giới tính ${label(sexOnId)}, không khớp giới tính ${label(person.sex)}.`;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Row schemas. Every message is what the officer reads next to the cell.

const householdCode = (missing: string) =>
  z
    .string({ error: missing })
    .min(1, { error: missing })
    .max(40, { error: 'Mã hộ dài quá 40 ký tự.' })
    .regex(/^[\p{L}\p{N}._/-]+$/u, { error: 'Mã hộ chỉ gồm chữ, số và các dấu - _ . /' });

const personName = (missing: string) =>
  z
    .string({ error: missing })
    .min(1, { error: missing })
    .max(100, { error: 'Họ tên dài quá 100 ký tự.' })
    .regex(/\p{L}/u, { error: 'Họ tên phải có chữ cái.' });

const optionCode = <C extends string>(options: readonly ImportOption<C>[], missing: string, wrong: string) =>
  z.custom<C>((value) => typeof value === 'string' && options.some((o) => o.code === value), {
    error: (issue) => (issue.input === undefined ? missing : wrong),
  });

const fact = z.boolean({ error: 'Chỉ ghi "Có" hoặc "Không".' });

export const householdImportRowSchema = z
  .object({
    code: householdCode('Thiếu mã hộ.'),
    headName: personName('Thiếu họ tên chủ hộ.'),
    // Villages have no national code; the product numbers them under the commune: "06001-03".
    villageCode: z
      .string({ error: 'Thiếu mã thôn.' })
      .regex(/^\d{5}-[0-9A-Za-z]{1,8}$/u, { error: 'Mã thôn phải có dạng "mã xã-số thôn", ví dụ "06001-03".' }),
    area: optionCode(AREA_OPTIONS, 'Thiếu khu vực (nông thôn hoặc thành thị).', 'Khu vực phải là "Nông thôn" hoặc "Thành thị".'),
    ethnicMinority: fact,
    femaleHead: fact,
    hasPersonOfMerit: fact,
    hasSocialProtectionBeneficiary: fact,
    /** VND per person per month. */
    incomePerCapita: z
      .number({ error: 'Thu nhập phải là số.' })
      .int({ error: 'Thu nhập phải là số đồng nguyên.' })
      .min(0, { error: 'Thu nhập không được âm.' })
      .max(1_000_000_000, { error: 'Thu nhập bình quân lớn bất thường (quá 1 tỷ đồng/người/tháng).' })
      .optional(),
    /** Phiếu B part B1 score, standing in for income under QĐ 59/2015. */
    b1Score: z
      .number({ error: 'Điểm B1 phải là số.' })
      .min(0, { error: 'Điểm B1 không được âm.' })
      .max(1000, { error: 'Điểm B1 lớn bất thường (quá 1.000 điểm).' })
      .optional(),
    category: optionCode(CATEGORY_OPTIONS, 'Thiếu phân loại.', 'Phân loại không có trong danh sách.').optional(),
    /** Indicator codes ticked on Phiếu B part B2. */
    deprivations: z.array(
      z.string().refine((code) => DEPRIVATION_CODES.includes(code), { error: 'Mã chỉ số thiếu hụt không có trong danh sách.' }),
    ),
    wallDurable: fact.optional(),
    frameDurable: fact.optional(),
    roofDurable: fact.optional(),
    /** Floor area of the house, m². */
    floorArea: z
      .number({ error: 'Diện tích phải là số.' })
      .min(0, { error: 'Diện tích không được âm.' })
      .max(10_000, { error: 'Diện tích nhà lớn bất thường (quá 10.000 m²).' })
      .optional(),
    hygienicWater: fact.optional(),
    hygienicLatrine: fact.optional(),
  })
  .superRefine(
    (row, ctx) => {
      // Either a measured income or a B1 score (DOMAIN.md §3, step 2).
      if (row.incomePerCapita === undefined && row.b1Score === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['incomePerCapita'],
          message: 'Cần ghi thu nhập bình quân đầu người hoặc điểm B1.',
        });
      }
    },
    { when: () => true },
  );
export type HouseholdImportRow = z.output<typeof householdImportRowSchema>;

export const memberImportRowSchema = z
  .object({
    householdCode: householdCode('Thiếu mã hộ của thành viên.'),
    name: personName('Thiếu họ tên thành viên.'),
    /** yyyy-MM-dd when the full date is known. */
    birthDate: z.iso.date({ error: 'Ngày sinh không hợp lệ.' }).optional(),
    birthYear: z
      .number({ error: 'Thiếu ngày sinh hoặc năm sinh.' })
      .int({ error: 'Năm sinh phải là số nguyên.' })
      .min(1900, { error: 'Năm sinh phải từ 1900 trở đi.' })
      .max(2100, { error: 'Năm sinh không hợp lệ.' }),
    sex: optionCode(SEX_OPTIONS, 'Thiếu giới tính.', 'Giới tính phải là "Nam" hoặc "Nữ".'),
    relationToHead: optionCode(RELATION_OPTIONS, 'Thiếu quan hệ với chủ hộ.', 'Quan hệ với chủ hộ không có trong danh sách.'),
    citizenId: z
      .string()
      .superRefine((id, ctx) => {
        const problem = checkCitizenIdFormat(id);
        if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    ethnicity: optionCode(ETHNICITY_OPTIONS, 'Thiếu dân tộc.', 'Dân tộc không có trong danh mục 54 dân tộc.').optional(),
    schooling: optionCode(SCHOOLING_OPTIONS, 'Thiếu trình độ học vấn.', 'Trình độ học vấn không có trong danh sách.').optional(),
    inSchool: fact.optional(),
    hasHealthInsurance: fact.optional(),
    employment: optionCode(EMPLOYMENT_OPTIONS, 'Thiếu tình trạng việc làm.', 'Tình trạng việc làm không có trong danh sách.').optional(),
  })
  .superRefine(
    (row, ctx) => {
      // Runs even when other fields failed, so every problem of the row is listed at once; the
      // values may then be of any type.
      const birthYear = typeof row.birthYear === 'number' ? row.birthYear : undefined;
      if (typeof row.birthDate === 'string' && birthYear !== undefined && Number(row.birthDate.slice(0, 4)) !== birthYear) {
        ctx.addIssue({ code: 'custom', path: ['birthYear'], message: 'Năm sinh không khớp ngày sinh.' });
      }
      if (typeof row.citizenId === 'string') {
        const sex = row.sex === 'male' || row.sex === 'female' ? row.sex : undefined;
        const problem = checkCitizenIdMatchesPerson(row.citizenId, { birthYear, sex });
        if (problem !== null) ctx.addIssue({ code: 'custom', path: ['citizenId'], message: problem });
      }
    },
    { when: () => true },
  );
export type MemberImportRow = z.output<typeof memberImportRowSchema>;

// ---------------------------------------------------------------------------------------------
// Columns as data: what the template writes, what the reader matches, what the guide explains.

export type ImportColumnKind =
  | 'text' // free text (names)
  | 'code' // identifiers: spaces removed, numbers kept as written
  | 'money' // whole VND: "850.000", "850,000 đ", 850000
  | 'decimal' // "1,5", "45.5", 45.5
  | 'boolean' // có/không/x/✓/1/0
  | 'choice' // one of `options`
  | 'date_or_year' // a date (Excel date, dd/mm/yyyy) or a year alone
  | 'citizen_id'; // 12 digits, leading zeros restored when Excel stored a number

export interface ImportColumn {
  /** Identifier of the column; also the row field it fills unless `fields` says otherwise. */
  readonly key: string;
  /** Header in the template. */
  readonly header: string;
  /** Other headers accepted (matched without accents and case). */
  readonly aliases: readonly string[];
  readonly kind: ImportColumnKind;
  readonly required: boolean;
  /** Allowed values, offered as a drop-down in the template. */
  readonly options?: readonly ImportOption[];
  /** What an empty cell means for an optional column: left unrecorded, or "Không". */
  readonly blank: 'unrecorded' | 'no';
  /** Fields of the row this column fills: a tick fills the `deprivations` list; a date or year fills two. */
  readonly target:
    | { readonly type: 'field'; readonly field: string }
    | { readonly type: 'deprivation'; readonly code: string }
    | { readonly type: 'date_or_year'; readonly dateField: string; readonly yearField: string };
  /** One sentence for the "Hướng dẫn" sheet. */
  readonly description: string;
  readonly example: string;
  /** Column width in the template, in characters. */
  readonly width: number;
}

type ColumnSpec = Omit<ImportColumn, 'aliases' | 'blank' | 'target'> &
  Partial<Pick<ImportColumn, 'aliases' | 'blank' | 'target'>>;

function column(spec: ColumnSpec): ImportColumn {
  return {
    aliases: [],
    blank: 'unrecorded',
    target: { type: 'field', field: spec.key },
    ...spec,
  };
}

export const HOUSEHOLD_COLUMNS: readonly ImportColumn[] = [
  column({
    key: 'code',
    header: 'Mã hộ',
    aliases: ['Mã hộ gia đình', 'Mã HGĐ', 'Mã số hộ'],
    kind: 'code',
    required: true,
    description: 'Mã riêng của hộ, không trùng trong tệp; trang "Thành viên" dùng mã này để ghép thành viên vào hộ.',
    example: '06001-03-0012',
    width: 16,
  }),
  column({
    key: 'headName',
    header: 'Họ tên chủ hộ',
    aliases: ['Họ và tên chủ hộ', 'Chủ hộ', 'Tên chủ hộ'],
    kind: 'text',
    required: true,
    description: 'Họ và tên đầy đủ của chủ hộ, có dấu.',
    example: 'Hoàng Văn Hùng',
    width: 26,
  }),
  column({
    key: 'villageCode',
    header: 'Mã thôn',
    aliases: ['Mã thôn, bản', 'Mã thôn bản', 'Mã thôn/bản/tổ dân phố', 'Mã thôn, bản, tổ dân phố'],
    kind: 'code',
    required: true,
    description: 'Mã thôn, bản, tổ dân phố nơi hộ cư trú: mã xã 5 chữ số, dấu gạch ngang, số thứ tự của thôn.',
    example: '06001-03',
    width: 12,
  }),
  column({
    key: 'area',
    header: 'Khu vực',
    aliases: ['Thành thị/nông thôn', 'Nông thôn/thành thị', 'Khu vực thành thị/nông thôn', 'Địa bàn'],
    kind: 'choice',
    required: true,
    options: AREA_OPTIONS,
    description: 'Nông thôn hoặc thành thị; quyết định chuẩn nghèo áp dụng. Có thể ghi tắt NT, TT.',
    example: 'Nông thôn',
    width: 12,
  }),
  column({
    key: 'ethnicMinority',
    header: 'Hộ dân tộc thiểu số',
    aliases: ['Dân tộc thiểu số', 'DTTS', 'Hộ DTTS'],
    kind: 'boolean',
    required: false,
    options: YES_NO_OPTIONS,
    blank: 'no',
    description: 'Có nếu chủ hộ là người dân tộc thiểu số. Để trống được hiểu là Không.',
    example: 'Có',
    width: 12,
  }),
  column({
    key: 'femaleHead',
    header: 'Chủ hộ là nữ',
    aliases: ['Chủ hộ nữ', 'Nữ chủ hộ'],
    kind: 'boolean',
    required: false,
    options: YES_NO_OPTIONS,
    blank: 'no',
    description: 'Có nếu chủ hộ là nữ. Để trống được hiểu là Không.',
    example: 'Không',
    width: 10,
  }),
  column({
    key: 'hasPersonOfMerit',
    header: 'Có người có công',
    aliases: ['Hộ có người có công', 'Người có công', 'NCC'],
    kind: 'boolean',
    required: false,
    options: YES_NO_OPTIONS,
    blank: 'no',
    description: 'Có nếu hộ có thành viên là người có công với cách mạng. Để trống được hiểu là Không.',
    example: 'Không',
    width: 12,
  }),
  column({
    key: 'hasSocialProtectionBeneficiary',
    header: 'Có đối tượng bảo trợ xã hội',
    aliases: ['Hộ có đối tượng bảo trợ xã hội', 'Đối tượng bảo trợ xã hội', 'Bảo trợ xã hội', 'BTXH', 'Đối tượng BTXH'],
    kind: 'boolean',
    required: false,
    options: YES_NO_OPTIONS,
    blank: 'no',
    description: 'Có nếu hộ có thành viên hưởng trợ cấp bảo trợ xã hội. Để trống được hiểu là Không.',
    example: 'Không',
    width: 14,
  }),
  column({
    key: 'incomePerCapita',
    header: 'Thu nhập bình quân (đồng/người/tháng)',
    aliases: ['Thu nhập bình quân', 'Thu nhập bình quân đầu người', 'Thu nhập bình quân đầu người/tháng', 'Thu nhập BQ', 'TNBQ'],
    kind: 'money',
    required: false,
    description: 'Thu nhập bình quân đầu người một tháng, tính bằng đồng (ví dụ 850.000). Bắt buộc nếu không có điểm B1.',
    example: '850.000',
    width: 18,
  }),
  column({
    key: 'b1Score',
    header: 'Điểm B1',
    aliases: ['Tổng điểm B1', 'Điểm phiếu B1', 'Điểm Phiếu B phần B1'],
    kind: 'decimal',
    required: false,
    description: 'Tổng điểm phần B1 của Phiếu B (thay cho thu nhập theo QĐ 59/2015). Bắt buộc nếu không có thu nhập.',
    example: '135',
    width: 10,
  }),
  column({
    key: 'category',
    header: 'Phân loại',
    aliases: ['Kết quả phân loại', 'Phân loại hộ', 'Kết quả rà soát', 'Kết quả'],
    kind: 'choice',
    required: false,
    options: CATEGORY_OPTIONS,
    description: 'Kết quả phân loại đã có (nếu có). Để trống thì hệ thống tự phân loại theo chuẩn nghèo của kỳ rà soát.',
    example: 'Hộ nghèo',
    width: 20,
  }),
  ...DEPRIVATION_TICKS.map((tick) =>
    column({
      key: `deprivation:${tick.code}`,
      header: `Thiếu hụt: ${tick.name}`,
      aliases: [`Thiếu hụt ${tick.shortName}`, `B2: ${tick.name}`, `B2 ${tick.shortName}`, tick.code],
      kind: 'boolean',
      required: false,
      options: YES_NO_OPTIONS,
      blank: 'no',
      target: { type: 'deprivation', code: tick.code },
      description: `Đánh dấu (x hoặc Có) nếu hộ thiếu hụt chỉ số "${tick.name}" theo Phiếu B phần B2. Để trống là không thiếu hụt.`,
      example: 'x',
      width: 14,
    }),
  ),
  column({
    key: 'wallDurable',
    header: 'Tường nhà bền chắc',
    aliases: ['Tường bền chắc', 'Tường nhà'],
    kind: 'boolean',
    required: false,
    options: YES_NO_OPTIONS,
    description: 'Có nếu tường nhà làm bằng vật liệu bền chắc. Để trống là chưa ghi nhận.',
    example: 'Có',
    width: 12,
  }),
  column({
    key: 'frameDurable',
    header: 'Khung nhà bền chắc',
    aliases: ['Khung, cột bền chắc', 'Khung cột nhà bền chắc', 'Khung nhà'],
    kind: 'boolean',
    required: false,
    options: YES_NO_OPTIONS,
    description: 'Có nếu khung, cột nhà làm bằng vật liệu bền chắc. Để trống là chưa ghi nhận.',
    example: 'Có',
    width: 12,
  }),
  column({
    key: 'roofDurable',
    header: 'Mái nhà bền chắc',
    aliases: ['Mái bền chắc', 'Mái nhà'],
    kind: 'boolean',
    required: false,
    options: YES_NO_OPTIONS,
    description: 'Có nếu mái nhà làm bằng vật liệu bền chắc. Để trống là chưa ghi nhận.',
    example: 'Không',
    width: 12,
  }),
  column({
    key: 'floorArea',
    header: 'Diện tích nhà ở (m²)',
    aliases: ['Diện tích nhà ở', 'Diện tích nhà', 'Diện tích nhà (m2)', 'Diện tích ở'],
    kind: 'decimal',
    required: false,
    description: 'Diện tích nhà ở của hộ, mét vuông; dùng dấu phẩy cho số lẻ (ví dụ 45,5).',
    example: '45,5',
    width: 12,
  }),
  column({
    key: 'hygienicWater',
    header: 'Nguồn nước hợp vệ sinh',
    aliases: ['Nước hợp vệ sinh', 'Nước sinh hoạt hợp vệ sinh', 'Nước sạch'],
    kind: 'boolean',
    required: false,
    options: YES_NO_OPTIONS,
    description: 'Có nếu hộ dùng nguồn nước sinh hoạt hợp vệ sinh. Để trống là chưa ghi nhận.',
    example: 'Có',
    width: 12,
  }),
  column({
    key: 'hygienicLatrine',
    header: 'Nhà tiêu hợp vệ sinh',
    aliases: ['Hố xí hợp vệ sinh', 'Hố xí/nhà tiêu hợp vệ sinh'],
    kind: 'boolean',
    required: false,
    options: YES_NO_OPTIONS,
    description: 'Có nếu hộ có nhà tiêu (hố xí) hợp vệ sinh. Để trống là chưa ghi nhận.',
    example: 'Không',
    width: 12,
  }),
];

export const MEMBER_COLUMNS: readonly ImportColumn[] = [
  column({
    key: 'householdCode',
    header: 'Mã hộ',
    aliases: ['Mã hộ gia đình', 'Mã HGĐ', 'Mã số hộ'],
    kind: 'code',
    required: true,
    description: 'Mã của hộ trong trang "Hộ gia đình".',
    example: '06001-03-0012',
    width: 16,
  }),
  column({
    key: 'name',
    header: 'Họ và tên',
    aliases: ['Họ tên', 'Họ và tên thành viên', 'Tên thành viên', 'Họ tên thành viên'],
    kind: 'text',
    required: true,
    description: 'Họ và tên đầy đủ, có dấu.',
    example: 'Hoàng Thị Mai',
    width: 26,
  }),
  column({
    key: 'birth',
    header: 'Ngày sinh (hoặc năm sinh)',
    aliases: ['Ngày sinh', 'Năm sinh', 'Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'Ngày sinh/năm sinh'],
    kind: 'date_or_year',
    required: true,
    target: { type: 'date_or_year', dateField: 'birthDate', yearField: 'birthYear' },
    description: 'Ngày sinh dạng ngày/tháng/năm (ví dụ 05/03/1985) hoặc chỉ năm sinh (1985) nếu không rõ ngày.',
    example: '05/03/1985',
    width: 14,
  }),
  column({
    key: 'sex',
    header: 'Giới tính',
    aliases: ['Nam/Nữ', 'Giới'],
    kind: 'choice',
    required: true,
    options: SEX_OPTIONS,
    description: 'Nam hoặc Nữ.',
    example: 'Nữ',
    width: 10,
  }),
  column({
    key: 'relationToHead',
    header: 'Quan hệ với chủ hộ',
    aliases: ['Quan hệ', 'Quan hệ với chủ hộ gia đình', 'QH với chủ hộ'],
    kind: 'choice',
    required: true,
    options: RELATION_OPTIONS,
    description: 'Chọn trong danh sách; chính chủ hộ ghi "Chủ hộ". Mỗi hộ có đúng một chủ hộ.',
    example: 'Vợ/chồng',
    width: 18,
  }),
  column({
    key: 'citizenId',
    header: 'Số CCCD',
    aliases: ['CCCD', 'Số căn cước công dân', 'Số căn cước', 'Số định danh cá nhân', 'Số định danh', 'Mã định danh'],
    kind: 'citizen_id',
    required: false,
    description:
      'Số căn cước công dân (số định danh cá nhân) 12 chữ số; nhập dạng văn bản để giữ số 0 ở đầu. Để trống nếu chưa có.',
    example: '020185001234',
    width: 16,
  }),
  column({
    key: 'ethnicity',
    header: 'Dân tộc',
    aliases: ['Thành phần dân tộc'],
    kind: 'choice',
    required: false,
    options: ETHNICITY_OPTIONS,
    description: 'Tên dân tộc theo danh mục 54 dân tộc Việt Nam (trang "Danh mục").',
    example: 'Nùng',
    width: 12,
  }),
  column({
    key: 'schooling',
    header: 'Trình độ học vấn',
    aliases: ['Trình độ giáo dục', 'Học vấn', 'Trình độ văn hóa', 'Bằng cấp cao nhất'],
    kind: 'choice',
    required: false,
    options: SCHOOLING_OPTIONS,
    description: 'Bậc học cao nhất đã tốt nghiệp.',
    example: 'Tốt nghiệp THCS',
    width: 22,
  }),
  column({
    key: 'inSchool',
    header: 'Đang đi học',
    aliases: ['Đi học', 'Hiện đang đi học'],
    kind: 'boolean',
    required: false,
    options: YES_NO_OPTIONS,
    description: 'Có nếu thành viên đang đi học. Để trống là chưa ghi nhận.',
    example: 'Không',
    width: 10,
  }),
  column({
    key: 'hasHealthInsurance',
    header: 'Có thẻ BHYT',
    aliases: ['Có BHYT', 'BHYT', 'Bảo hiểm y tế', 'Thẻ BHYT', 'Có bảo hiểm y tế'],
    kind: 'boolean',
    required: false,
    options: YES_NO_OPTIONS,
    description: 'Có nếu thành viên có thẻ bảo hiểm y tế còn hạn. Để trống là chưa ghi nhận.',
    example: 'Có',
    width: 10,
  }),
  column({
    key: 'employment',
    header: 'Việc làm',
    aliases: ['Tình trạng việc làm', 'Nghề nghiệp, việc làm'],
    kind: 'choice',
    required: false,
    options: EMPLOYMENT_OPTIONS,
    description: 'Tình trạng việc làm hiện nay (chỉ số "việc làm" của NĐ 07/2021).',
    example: 'Việc làm không ổn định',
    width: 22,
  }),
];

// ---------------------------------------------------------------------------------------------
// The two sheets.

export type ImportSheetKey = 'households' | 'members';

export interface ImportSheet {
  readonly key: ImportSheetKey;
  /** Name in the template. */
  readonly name: string;
  /** Other names accepted (matched without accents and case). */
  readonly aliases: readonly string[];
  readonly columns: readonly ImportColumn[];
}

export const HOUSEHOLD_SHEET: ImportSheet = {
  key: 'households',
  name: 'Hộ gia đình',
  aliases: ['Hộ', 'Danh sách hộ', 'Hộ gia đình (HGĐ)', 'HGĐ', 'Households'],
  columns: HOUSEHOLD_COLUMNS,
};

export const MEMBER_SHEET: ImportSheet = {
  key: 'members',
  name: 'Thành viên',
  aliases: ['Thành viên hộ', 'Nhân khẩu', 'Danh sách thành viên', 'Danh sách nhân khẩu', 'Members'],
  columns: MEMBER_COLUMNS,
};

/** In reading order: households first, so members can be checked against them. */
export const IMPORT_SHEETS: readonly ImportSheet[] = [HOUSEHOLD_SHEET, MEMBER_SHEET];
