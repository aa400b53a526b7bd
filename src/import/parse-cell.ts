// Tolerant reading of spreadsheet cells: what officers actually type in Excel. Text arrives in NFD
// from some keyboards, with trailing and doubled spaces; money as "850.000", "850,000 đ" or
// "1.234.567 đồng"; areas with a decimal comma; dates as Excel dates, "dd/mm/yyyy" text or a year
// alone; yes/no as "có", "x", "✓", 1. Pure: no I/O, usable by the web client's preview too.

import type { ImportColumn, ImportColumnKind, ImportOption } from '../shared/schemas/household-import.schema.ts';
import { formatNumber } from '../shared/vi-format.ts';
import { foldForSearch, normalizeText } from '../shared/vi-text.ts';

/** A cell's content once the spreadsheet library's shapes are removed. */
export type CellContent =
  | { readonly kind: 'blank' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** yyyy-MM-dd */
  | { readonly kind: 'date'; readonly iso: string }
  | { readonly kind: 'error'; readonly message: string };

export type CellParse<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const BLANK: CellContent = { kind: 'blank' };

// Zero-width characters survive copy-and-paste from web pages and are not white space for \s.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/gu;

/**
 * Short texts repeat down a column ("Có", "Nam", "Nông thôn"): remember their cleaned and folded
 * forms. The memo is emptied when full, so memory stays bounded on any file.
 */
function memoized(transform: (text: string) => string): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    if (text.length > 64) return transform(text);
    let result = memo.get(text);
    if (result === undefined) {
      if (memo.size >= 50_000) memo.clear();
      result = transform(text);
      memo.set(text, result);
    }
    return result;
  };
}

/** NFC, invisible characters removed, trimmed, inner runs of white space collapsed. */
export const cleanText: (text: string) => string = memoized((text) => normalizeText(text.replace(INVISIBLE, '')));

/**
 * Reduce an ExcelJS cell value to its content: formulas give their cached result, rich text and
 * hyperlinks their plain text. Never throws.
 */
export function readCellContent(value: unknown): CellContent {
  if (value === null || value === undefined) return BLANK;
  if (typeof value === 'string') {
    const text = cleanText(value);
    return text === '' ? BLANK : { kind: 'text', text };
  }
  if (typeof value === 'number') {
    // ExcelJS reads a cached formula error as NaN.
    return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'error', message: FORMULA_ERROR_MESSAGE };
  }
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { kind: 'error', message: 'Ô chứa ngày tháng không hợp lệ.' };
    return { kind: 'date', iso: isoDateOf(value) };
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record['richText'])) {
      const text = (record['richText'] as unknown[])
        .map((run) => (run !== null && typeof run === 'object' && typeof (run as { text?: unknown }).text === 'string' ? (run as { text: string }).text : ''))
        .join('');
      return readCellContent(text);
    }
    if ('formula' in record || 'sharedFormula' in record) {
      if (record['result'] === undefined) {
        return { kind: 'error', message: 'Ô chứa công thức chưa có kết quả; hãy mở tệp bằng Excel, để Excel tính lại rồi lưu.' };
      }
      return readCellContent(record['result']);
    }
    if ('error' in record) {
      return { kind: 'error', message: `Ô có giá trị lỗi ${String(record['error'])}; hãy sửa công thức hoặc nhập giá trị.` };
    }
    if ('text' in record) return readCellContent(record['text']);
  }
  return { kind: 'error', message: 'Không đọc được nội dung ô.' };
}

const FORMULA_ERROR_MESSAGE = 'Ô có giá trị lỗi của công thức (như #N/A, #VALUE!); hãy sửa công thức hoặc nhập giá trị.';

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isoDateOf(date: Date): string {
  // Excel dates carry no time zone: ExcelJS builds them at UTC midnight. Round to the second so a
  // serial stored as 31186.999999 still lands on its day.
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  return `${rounded.getUTCFullYear()}-${pad2(rounded.getUTCMonth() + 1)}-${pad2(rounded.getUTCDate())}`;
}

/** The text of a cell as an officer sees it, for messages and header matching. */
export function displayCell(content: CellContent): string {
  switch (content.kind) {
    case 'blank':
      return '';
    case 'text':
      return content.text;
    case 'number':
      return String(content.value);
    case 'boolean':
      return content.value ? 'TRUE' : 'FALSE';
    case 'date': {
      const [y, m, d] = content.iso.split('-');
      return `${d}/${m}/${y}`;
    }
    case 'error':
      return '';
  }
}

/**
 * Fold a label for matching headers, sheet names and drop-down values: no accents, lower case,
 * punctuation as spaces ("Vợ/chồng" → "vo chong", "Mã hộ (*)" → "ma ho").
 */
export const foldLabel: (text: string) => string = memoized((text) =>
  foldForSearch(text.replace(INVISIBLE, ''))
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim(),
);

/** Quote a value in a message, shortened when long. */
function quote(text: string): string {
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

// ---------------------------------------------------------------------------------------------
// Numbers

const MONEY_SUFFIX =
  /\s*(?:đồng\/người\/tháng|đ\/người\/tháng|đồng\/ng\/tháng|đ\/ng\/th|đồng|vnđ|vnd|đ|d)\.?$/u;
// Units officers append to areas and scores: "45,5 m²", "135 điểm".
const DECIMAL_SUFFIX = /\s*(?:m²|m2|m\^2|mét vuông|điểm)\.?$/u;
const MULTIPLIERS: readonly (readonly [RegExp, number])[] = [
  [/\s*(?:triệu|tr)\.?$/u, 1_000_000],
  [/\s*(?:nghìn|ngàn|k)\.?$/u, 1_000],
];

/**
 * Read a number written the Vietnamese way ("1.234.567", "1,5") or the English way ("1,234,567",
 * "1.5"). One separator followed by exactly three digits is a thousands separator ("850.000",
 * "850,000"); otherwise it is the decimal mark ("1,5", "45.5"). With both, the last one is the
 * decimal mark ("1.234,5").
 */
export function parseNumberText(raw: string): number | null {
  let text = raw.replace(/[\s\u00A0\u202F]/gu, '');
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('−')) {
    sign = -1;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  if (!/^\d[\d.,]*$/u.test(text) || /[.,]$/u.test(text)) return null;
  const dots = (text.match(/\./gu) ?? []).length;
  const commas = (text.match(/,/gu) ?? []).length;
  let normalized: string;
  if (dots === 0 && commas === 0) {
    normalized = text;
  } else if (dots > 0 && commas > 0) {
    const decimalMark = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    const thousands = decimalMark === '.' ? ',' : '.';
    const [whole, fraction, ...rest] = text.split(decimalMark);
    if (rest.length > 0 || whole === undefined || fraction === undefined || fraction.includes(thousands)) return null;
    if (!isGroupedThousands(whole, thousands)) return null;
    normalized = `${whole.split(thousands).join('')}.${fraction}`;
  } else {
    const mark = dots > 0 ? '.' : ',';
    const count = dots > 0 ? dots : commas;
    if (count > 1 || isGroupedThousands(text, mark)) {
      if (!isGroupedThousands(text, mark)) return null;
      normalized = text.split(mark).join('');
    } else {
      normalized = text.replace(mark, '.');
    }
  }
  const value = Number(normalized);
  return Number.isFinite(value) ? sign * value : null;
}

/** "1.234.567" with "." — a first group of 1–3 digits not starting with 0, then groups of 3. */
function isGroupedThousands(text: string, separator: string): boolean {
  const groups = text.split(separator);
  if (groups.length < 2) return /^\d+$/u.test(text);
  const [first, ...rest] = groups;
  return first !== undefined && /^[1-9]\d{0,2}$/u.test(first) && rest.every((g) => /^\d{3}$/u.test(g));
}

/** Whole VND per person per month. Numbers computed by a formula are rounded to the đồng. */
export function parseMoney(content: CellContent): CellParse<number> {
  if (content.kind === 'number') return { ok: true, value: Math.round(content.value) };
  if (content.kind !== 'text') return notA(content, 'số tiền');
  let text = content.text.toLowerCase().replace(MONEY_SUFFIX, '');
  let multiplier = 1;
  for (const [suffix, factor] of MULTIPLIERS) {
    if (suffix.test(text)) {
      text = text.replace(suffix, '');
      multiplier = factor;
      break;
    }
  }
  const value = parseNumberText(text);
  if (value === null) {
    return { ok: false, message: `Không đọc được số tiền ${quote(content.text)}; hãy ghi số đồng, ví dụ 850.000.` };
  }
  return { ok: true, value: Math.round(value * multiplier) };
}

/** Areas (m²) and scores: decimal comma or point. */
export function parseDecimal(content: CellContent): CellParse<number> {
  if (content.kind === 'number') return { ok: true, value: content.value };
  if (content.kind !== 'text') return notA(content, 'số');
  const value = parseNumberText(content.text.toLowerCase().replace(DECIMAL_SUFFIX, ''));
  if (value === null) return { ok: false, message: `Không đọc được số ${quote(content.text)}; ví dụ đúng: 45 hoặc 45,5.` };
  return { ok: true, value };
}

// ---------------------------------------------------------------------------------------------
// Yes / no

// On Phiếu B an "x" marks a ticked box; a dash marks an empty one.
const YES_SYMBOLS = new Set(['x', 'X', '✓', '✔', '☑', '☒', '+', 'v', 'V']);
const NO_SYMBOLS = new Set(['-', '–', '—', '0']);
const YES_WORDS = new Set(['co', 'c', '1', 'yes', 'y', 'true', 'dung', 'roi', 'da co', 'co the']);
const NO_WORDS = new Set(['khong', 'k', 'ko', 'kh', 'khong co', 'chua', 'chua co', 'no', 'n', 'false', 'sai']);

export function parseBoolean(content: CellContent): CellParse<boolean> {
  if (content.kind === 'boolean') return { ok: true, value: content.value };
  if (content.kind === 'number') {
    if (content.value === 1) return { ok: true, value: true };
    if (content.value === 0) return { ok: true, value: false };
    return { ok: false, message: `Chỉ ghi "Có" hoặc "Không" (hoặc 1/0), không ghi ${formatNumber(content.value)}.` };
  }
  if (content.kind !== 'text') return notA(content, '"Có" hoặc "Không"');
  if (YES_SYMBOLS.has(content.text)) return { ok: true, value: true };
  if (NO_SYMBOLS.has(content.text)) return { ok: true, value: false };
  const folded = foldLabel(content.text);
  if (YES_WORDS.has(folded)) return { ok: true, value: true };
  if (NO_WORDS.has(folded)) return { ok: true, value: false };
  return { ok: false, message: `Không hiểu ${quote(content.text)}; chỉ ghi "Có" hoặc "Không" (cũng nhận x, ✓, 1, 0).` };
}

// ---------------------------------------------------------------------------------------------
// Drop-down values

const optionIndexes = new WeakMap<readonly ImportOption[], { accented: Map<string, string>; folded: Map<string, string> }>();

/** Lower case, NFC, punctuation as spaces — but the accents kept: "Vợ/chồng" → "vợ chồng". */
const accentedLabel = (text: string): string =>
  text
    .replace(INVISIBLE, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function indexOptions(options: readonly ImportOption[]): { accented: Map<string, string>; folded: Map<string, string> } {
  let index = optionIndexes.get(options);
  if (index === undefined) {
    index = { accented: new Map(), folded: new Map() };
    for (const option of options) {
      for (const spelling of [option.label, option.code, ...option.aliases]) {
        const accented = accentedLabel(spelling);
        if (accented !== '' && !index.accented.has(accented)) index.accented.set(accented, option.code);
        const folded = foldLabel(spelling);
        if (folded !== '' && !index.folded.has(folded)) index.folded.set(folded, option.code);
      }
    }
    optionIndexes.set(options, index);
  }
  return index;
}

/**
 * One of the allowed values, by label, code or alias, in any case. Accents are ignored only when the officer typed
 * none ("nong thon", "ban than"): a value written WITH accents must match with its accents, because in Vietnamese
 * the accents make the word — the importer fuzz found "bạn thân" (a close friend) read as "bản thân" (oneself, i.e.
 * the household head), silently giving the household a second head.
 */
export function parseChoice(content: CellContent, options: readonly ImportOption[]): CellParse<string> {
  if (content.kind !== 'text' && content.kind !== 'number') return notA(content, 'giá trị trong danh sách');
  const text = displayCell(content);
  const index = indexOptions(options);
  const accented = accentedLabel(text);
  const folded = foldLabel(text);
  const typedWithoutAccents = accented === folded;
  const code = index.accented.get(accented) ?? (typedWithoutAccents ? index.folded.get(folded) : undefined);
  if (code !== undefined) return { ok: true, value: code };
  const labels = options.map((o) => `"${o.label}"`);
  const allowed = labels.length <= 12 ? labels.join(', ') : `${labels.slice(0, 6).join(', ')}… (xem trang "Danh mục")`;
  return { ok: false, message: `Giá trị ${quote(text)} không có trong danh sách: ${allowed}.` };
}

// ---------------------------------------------------------------------------------------------
// Dates of birth

export interface DateOrYear {
  /** yyyy-MM-dd, null when only the year is known. */
  readonly date: string | null;
  readonly year: number;
}

// Excel's 1900 date system: serial 61 is 1900-03-01; Excel counts a 29 February 1900 that never
// existed, so from serial 61 on, day 0 is 1899-12-30.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;
const YEAR_RANGE = { min: 1900, max: 2100 } as const;

function yearOnly(year: number): DateOrYear {
  return { date: null, year };
}

function fullDate(iso: string): DateOrYear {
  return { date: iso, year: Number(iso.slice(0, 4)) };
}

function validIso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/**
 * A birth date or a birth year: an Excel date; a number that is a year (1900–2100) or an Excel
 * date serial whose format was lost; text "dd/mm/yyyy", "d/m/yyyy", "dd-mm-yyyy", "dd.mm.yyyy",
 * "yyyy-mm-dd", "mm/yyyy" (year kept) or "yyyy".
 */
export function parseDateOrYear(content: CellContent): CellParse<DateOrYear> {
  if (content.kind === 'date') {
    // A year typed into a date-formatted cell: Excel keeps 1985 as the serial of 07/06/1905. No
    // one living was born in those months of 1905, so a serial that is a plausible year is a year.
    const serial = Math.round((Date.parse(content.iso) - EXCEL_EPOCH_MS) / MS_PER_DAY);
    if (serial >= YEAR_RANGE.min && serial <= YEAR_RANGE.max) return { ok: true, value: yearOnly(serial) };
    return { ok: true, value: fullDate(content.iso) };
  }
  if (content.kind === 'number') {
    const v = content.value;
    if (Number.isInteger(v) && v >= YEAR_RANGE.min && v <= YEAR_RANGE.max) return { ok: true, value: yearOnly(v) };
    if (v >= 61 && v < 73_051) {
      return { ok: true, value: fullDate(isoDateOf(new Date(EXCEL_EPOCH_MS + Math.floor(v) * MS_PER_DAY))) };
    }
    return { ok: false, message: `Không đọc được ngày sinh từ số ${formatNumber(v)}; ghi dạng 05/03/1985 hoặc 1985.` };
  }
  if (content.kind !== 'text') return notA(content, 'ngày sinh');
  const text = content.text.replace(/^năm\s+/iu, '').trim();
  const invalid = (): CellParse<DateOrYear> => ({
    ok: false,
    message: `Ngày sinh ${quote(content.text)} không có thật; kiểm tra lại ngày và tháng (dạng ngày/tháng/năm).`,
  });
  let match = /^(\d{4})$/u.exec(text);
  if (match) {
    const year = Number(match[1]);
    if (year < YEAR_RANGE.min || year > YEAR_RANGE.max) {
      return { ok: false, message: `Năm sinh ${quote(content.text)} phải trong khoảng 1900–2100.` };
    }
    return { ok: true, value: yearOnly(year) };
  }
  match = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/u.exec(text);
  if (match) {
    const iso = validIso(Number(match[3]), Number(match[2]), Number(match[1]));
    return iso === null ? invalid() : { ok: true, value: fullDate(iso) };
  }
  match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(text);
  if (match) {
    const iso = validIso(Number(match[1]), Number(match[2]), Number(match[3]));
    return iso === null ? invalid() : { ok: true, value: fullDate(iso) };
  }
  match = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/u.exec(text);
  if (match) {
    const month = Number(match[1]);
    if (month < 1 || month > 12) return invalid();
    return { ok: true, value: yearOnly(Number(match[2])) };
  }
  if (/^\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2}$/u.test(text)) {
    return { ok: false, message: `Năm sinh trong ${quote(content.text)} phải ghi đủ 4 chữ số, ví dụ 05/03/1985.` };
  }
  return {
    ok: false,
    message: `Không đọc được ngày sinh ${quote(content.text)}; ghi dạng ngày/tháng/năm (05/03/1985) hoặc chỉ năm sinh (1985).`,
  };
}

// ---------------------------------------------------------------------------------------------
// Identifiers and text

/**
 * A citizen ID as digits. Excel turns "020185001234" typed without an apostrophe into the number
 * 20185001234; every province code starts with 0 (001–096), so a 10- or 11-digit number gets its
 * zeros back. The rules on the digits themselves are in the row schema.
 */
export function parseCitizenId(content: CellContent): CellParse<string> {
  if (content.kind === 'number') {
    if (!Number.isInteger(content.value) || content.value < 0) {
      return { ok: false, message: 'Số CCCD phải là dãy 12 chữ số.' };
    }
    const digits = String(content.value);
    return { ok: true, value: digits.length === 10 || digits.length === 11 ? digits.padStart(12, '0') : digits };
  }
  if (content.kind !== 'text') return notA(content, 'số CCCD');
  return { ok: true, value: content.text.replace(/^'/u, '').replace(/[\s.\-_]/gu, '') };
}

/** Codes (household, village): spaces dropped, numbers written without separators. */
export function parseCode(content: CellContent): CellParse<string> {
  if (content.kind === 'number') return { ok: true, value: String(content.value) };
  if (content.kind !== 'text') return notA(content, 'mã');
  return { ok: true, value: content.text.replace(/\s+/gu, '') };
}

export function parseText(content: CellContent): CellParse<string> {
  if (content.kind === 'text') return { ok: true, value: content.text };
  if (content.kind === 'number') return { ok: true, value: String(content.value) };
  return notA(content, 'chữ');
}

function notA<T>(content: CellContent, what: string): CellParse<T> {
  if (content.kind === 'error') return { ok: false, message: content.message };
  return { ok: false, message: `Ô cần ${what}, không đọc được ${quote(displayCell(content))}.` };
}

/** Character count of what a cell holds, for the length limit. */
export function cellLength(content: CellContent): number {
  return content.kind === 'text' ? content.text.length : 0;
}

export type ParsedCell = string | number | boolean | DateOrYear;

/** Parse a non-blank cell by the kind of its column. */
export function parseCellForColumn(content: CellContent, column: ImportColumn): CellParse<ParsedCell> {
  const kind: ImportColumnKind = column.kind;
  switch (kind) {
    case 'text':
      return parseText(content);
    case 'code':
      return parseCode(content);
    case 'money':
      return parseMoney(content);
    case 'decimal':
      return parseDecimal(content);
    case 'boolean':
      return parseBoolean(content);
    case 'choice':
      return parseChoice(content, column.options ?? []);
    case 'date_or_year':
      return parseDateOrYear(content);
    case 'citizen_id':
      return parseCitizenId(content);
  }
}
