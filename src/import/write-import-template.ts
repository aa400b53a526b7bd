// The import template officers download: the two data sheets with Vietnamese headers (frozen,
// sized, required ones highlighted), drop-down lists on every column with allowed values, a
// "Hướng dẫn" sheet explaining each column, and a "Danh mục" sheet holding the lists. Everything
// comes from the column definitions in the shared schema, so the template cannot drift from what
// the importer accepts.

import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ImportColumn, ImportColumnKind, ImportOption, ImportSheet } from '../shared/schemas/household-import.schema.ts';
import { IMPORT_SHEETS, YES_NO_OPTIONS } from '../shared/schemas/household-import.schema.ts';
import { DEFAULT_IMPORT_LIMITS } from './read-household-workbook.ts';
import { columnLetter } from './match-header.ts';

export const GUIDE_SHEET_NAME = 'Hướng dẫn';
export const LISTS_SHEET_NAME = 'Danh mục';

const KIND_LABELS: Readonly<Record<ImportColumnKind, string>> = {
  text: 'Chữ',
  code: 'Mã (chữ, số, dấu gạch ngang)',
  money: 'Số tiền (đồng)',
  decimal: 'Số, có thể có phần lẻ',
  boolean: 'Có / Không',
  choice: 'Chọn trong danh sách',
  date_or_year: 'Ngày/tháng/năm hoặc năm',
  citizen_id: '12 chữ số (nhập dạng văn bản)',
};

const NUMBER_FORMATS: Readonly<Partial<Record<ImportColumnKind, string>>> = {
  text: '@',
  code: '@',
  citizen_id: '@',
  money: '#,##0',
  date_or_year: 'dd/mm/yyyy',
};

const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const OPTIONAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF9E9E9E' } };
// Drop-downs cover the first 100,000 data rows: more than a commune ever types, and few enough for
// libraries that expand a validated range cell by cell when reading (ExcelJS's Workbook does).
export const VALIDATED_ROWS = 100_000;

/** Each distinct list of allowed values, with its place on the "Danh mục" sheet. */
interface ListPlacement {
  readonly name: string;
  readonly options: readonly ImportOption[];
  /** Absolute reference, e.g. 'Danh mục'!$B$2:$B$4 */
  readonly reference: string;
}

function placeLists(sheets: readonly ImportSheet[]): ListPlacement[] {
  const placements: ListPlacement[] = [];
  for (const sheet of sheets) {
    for (const column of sheet.columns) {
      const options = column.options;
      if (options === undefined || placements.some((p) => p.options === options)) continue;
      const letter = columnLetter(placements.length + 1);
      placements.push({
        name: options === YES_NO_OPTIONS ? 'Có / Không' : column.header,
        options,
        reference: `'${LISTS_SHEET_NAME}'!$${letter}$2:$${letter}$${options.length + 1}`,
      });
    }
  }
  return placements;
}

function allowedValuesText(column: ImportColumn): string {
  const options = column.options;
  if (options === undefined) return '';
  if (options.length > 12) return `${options.length} giá trị, xem trang "${LISTS_SHEET_NAME}"`;
  return options.map((o) => o.label).join('; ');
}

/** The streaming writer's sheets have data validations; ExcelJS's type declarations omit them. */
type SheetWithValidations = ExcelJS.Worksheet & {
  readonly dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

/** Excel refuses longer texts in a validation: title 32, input message 255, error message 225. */
function limited(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function writeDataSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ImportSheet, lists: readonly ListPlacement[]): void {
  const worksheet = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2', activeCell: 'A2' }],
  }) as SheetWithValidations;
  sheet.columns.forEach((column, i) => {
    const excelColumn = worksheet.getColumn(i + 1);
    excelColumn.width = column.width;
    const numFmt = NUMBER_FORMATS[column.kind];
    if (numFmt !== undefined) excelColumn.numFmt = numFmt;
  });
  const header = worksheet.addRow(sheet.columns.map((c) => c.header));
  header.height = 48;
  sheet.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: column.required ? { argb: 'FF9C0006' } : { argb: 'FF1F3864' } };
    cell.fill = column.required ? REQUIRED_FILL : OPTIONAL_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    cell.numFmt = 'General';
  });
  header.commit();

  sheet.columns.forEach((column, i) => {
    const letter = columnLetter(i + 1);
    const range = `${letter}2:${letter}${VALIDATED_ROWS + 1}`;
    const list = column.options === undefined ? undefined : lists.find((l) => l.options === column.options);
    if (list !== undefined) {
      worksheet.dataValidations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [list.reference],
        showInputMessage: true,
        promptTitle: limited(column.header, 32),
        prompt: limited(column.description, 255),
        showErrorMessage: true,
        // Yes/no columns also take "x", "1", "✓": only inform. Other lists warn but let the
        // importer judge (it knows aliases such as "NT" or "cấp 2").
        errorStyle: column.kind === 'boolean' ? 'information' : 'warning',
        errorTitle: 'Giá trị ngoài danh sách',
        error: limited(`Nên chọn trong danh sách: ${allowedValuesText(column)}`, 225),
      });
    } else if (column.kind === 'citizen_id') {
      worksheet.dataValidations.add(range, {
        type: 'textLength',
        operator: 'equal',
        allowBlank: true,
        formulae: [12],
        showInputMessage: true,
        promptTitle: limited(column.header, 32),
        prompt: limited(column.description, 255),
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: 'Số CCCD không hợp lệ',
        error: 'Số CCCD phải có đúng 12 chữ số (nhập dạng văn bản để giữ số 0 ở đầu).',
      });
    }
  });
  worksheet.commit();
}

function writeGuideSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheets: readonly ImportSheet[]): void {
  const worksheet = workbook.addWorksheet(GUIDE_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 0 }] });
  const widths = [14, 7, 30, 10, 22, 34, 70, 18];
  widths.forEach((width, i) => {
    worksheet.getColumn(i + 1).width = width;
  });
  const title = worksheet.addRow(['HƯỚNG DẪN NHẬP DANH SÁCH HỘ GIA ĐÌNH VÀ THÀNH VIÊN']);
  title.getCell(1).font = { bold: true, size: 14 };
  title.commit();
  const notes = [
    `Nhập hộ vào trang "${sheets[0]?.name ?? ''}", mỗi hộ một dòng; nhập từng người của hộ vào trang "${sheets[1]?.name ?? ''}", mỗi người một dòng, ghép với hộ bằng cột "Mã hộ".`,
    'Cột có tiêu đề nền cam là bắt buộc; cột nền xanh có thể để trống. Không đổi tên trang, không xóa dòng tiêu đề; có thể thêm dòng tiêu đề văn bản phía trên bảng.',
    'Số tiền ghi số đồng (850.000 hoặc 850000); ngày ghi dạng ngày/tháng/năm (05/03/1985); cột Có/Không nhận "Có", "Không", "x", "1", "0".',
    'Số CCCD gồm 12 chữ số; ô đã được định dạng văn bản để giữ số 0 ở đầu. Ba chữ số đầu là mã tỉnh nơi đăng ký khai sinh, chữ số thứ 4 chỉ thế kỷ và giới tính, chữ số 5–6 là hai số cuối của năm sinh.',
    `Mỗi lần nhập tối đa ${DEFAULT_IMPORT_LIMITS.maxRowsPerSheet.toLocaleString('vi-VN')} dòng mỗi trang. Tệp có lỗi sẽ không được nhập dòng nào; hệ thống liệt kê mọi lỗi theo trang, dòng và cột để sửa rồi nhập lại.`,
  ];
  for (const note of notes) {
    const row = worksheet.addRow([`• ${note}`]);
    row.commit();
  }
  worksheet.addRow([]).commit();
  const header = worksheet.addRow(['Trang', 'Cột', 'Tên cột', 'Bắt buộc', 'Kiểu dữ liệu', 'Giá trị cho phép', 'Giải thích', 'Ví dụ']);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = OPTIONAL_FILL;
    cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  });
  header.commit();
  for (const sheet of sheets) {
    sheet.columns.forEach((column, i) => {
      const row = worksheet.addRow([
        sheet.name,
        columnLetter(i + 1),
        column.header,
        column.required ? 'Bắt buộc' : '',
        KIND_LABELS[column.kind],
        allowedValuesText(column),
        column.description,
        column.example,
      ]);
      row.alignment = { wrapText: true, vertical: 'top' };
      row.commit();
    });
  }
  worksheet.commit();
}

function writeListsSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, lists: readonly ListPlacement[]): void {
  const worksheet = workbook.addWorksheet(LISTS_SHEET_NAME);
  lists.forEach((list, i) => {
    worksheet.getColumn(i + 1).width = Math.max(14, Math.min(34, Math.max(...list.options.map((o) => o.label.length)) + 2));
  });
  const header = worksheet.addRow(lists.map((l) => l.name));
  header.font = { bold: true };
  header.commit();
  const longest = Math.max(...lists.map((l) => l.options.length));
  for (let r = 0; r < longest; r += 1) worksheet.addRow(lists.map((l) => l.options[r]?.label ?? null)).commit();
  worksheet.commit();
}

/** Write the template to a file path or a stream (e.g. an HTTP response). */
export async function writeImportTemplate(output: string | Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof output === 'string' ? { filename: output } : { stream: output }),
    useSharedStrings: true,
    useStyles: true,
  });
  workbook.creator = 'Chung Tay';
  const lists = placeLists(IMPORT_SHEETS);
  for (const sheet of IMPORT_SHEETS) writeDataSheet(workbook, sheet, lists);
  writeGuideSheet(workbook, IMPORT_SHEETS);
  writeListsSheet(workbook, lists);
  await workbook.commit();
}
