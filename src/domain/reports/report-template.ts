// A report template (issue 6, §1): figures pre-filled from the registry and statistics, tables the unit fills, and
// narrative sections the unit writes. The template is data the board edits; these rules keep what a unit fills in
// consistent with it, so that its tables export to Excel column for column.

import { figureFields, type FigureField } from './report-figures.ts';

/** What a table column holds; the same kinds as the document tables (src/documents/table-spec.ts). */
export const tableColumnKinds = ['text', 'integer', 'decimal', 'percent', 'money', 'date'] as const;
export type TableColumnKind = (typeof tableColumnKinds)[number];

export interface TableColumn {
  readonly header: string;
  readonly kind: TableColumnKind;
}

export type TemplateSection =
  | { readonly kind: 'figures'; readonly key: string; readonly title: string; readonly fields: readonly FigureField[] }
  | { readonly kind: 'table'; readonly key: string; readonly title: string; readonly columns: readonly TableColumn[]; readonly note?: string }
  | { readonly kind: 'narrative'; readonly key: string; readonly title: string; readonly guidance?: string; readonly required: boolean };

export interface ReportTemplate {
  readonly name: string;
  readonly sections: readonly TemplateSection[];
}

export type TableCell = string | number | null;

/** What a unit writes: the text of each narrative section and the rows of each table section, by section key. */
export interface ReportContent {
  readonly narratives: Readonly<Record<string, string>>;
  readonly tables: Readonly<Record<string, readonly (readonly TableCell[])[]>>;
}

export const emptyContent: ReportContent = { narratives: {}, tables: {} };

/** The problems of a template, in Vietnamese; empty when it can be used. */
export function validateTemplate(template: ReportTemplate): string[] {
  const problems: string[] = [];
  if (!template.name.trim()) problems.push('Mẫu báo cáo phải có tên.');
  if (template.sections.length === 0) problems.push('Mẫu báo cáo phải có ít nhất một phần.');
  const keys = new Set<string>();
  for (const s of template.sections) {
    if (!/^[a-z][a-z0-9_]{0,39}$/u.test(s.key)) problems.push(`Mã phần "${s.key}" chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới.`);
    if (keys.has(s.key)) problems.push(`Mã phần "${s.key}" bị trùng.`);
    keys.add(s.key);
    if (!s.title.trim()) problems.push(`Phần "${s.key}" phải có tiêu đề.`);
    switch (s.kind) {
      case 'figures':
        if (s.fields.length === 0) problems.push(`Phần số liệu "${s.title}" phải có ít nhất một chỉ tiêu.`);
        for (const f of s.fields) if (!figureFields.includes(f)) problems.push(`Chỉ tiêu "${f}" không có trong danh mục số liệu.`);
        break;
      case 'table':
        if (s.columns.length === 0) problems.push(`Bảng "${s.title}" phải có ít nhất một cột.`);
        for (const c of s.columns) if (!c.header.trim()) problems.push(`Bảng "${s.title}" có cột chưa đặt tên.`);
        break;
      case 'narrative':
        break;
    }
  }
  return problems;
}

function cellProblem(column: TableColumn, value: TableCell): string | null {
  if (value === null) return null;
  switch (column.kind) {
    case 'text':
      return typeof value === 'string' ? null : 'phải là chữ';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(value) ? null : 'phải là ngày dạng yyyy-MM-dd';
    case 'integer':
    case 'money':
      return typeof value === 'number' && Number.isInteger(value) ? null : 'phải là số nguyên';
    case 'decimal':
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'phải là số';
  }
}

/** The problems of a unit's content against its template: unknown sections, rows of the wrong width, cells of the wrong kind. */
export function validateContent(template: ReportTemplate, content: ReportContent): string[] {
  const problems: string[] = [];
  const byKey = new Map(template.sections.map((s) => [s.key, s]));
  for (const key of Object.keys(content.narratives)) {
    if (byKey.get(key)?.kind !== 'narrative') problems.push(`Mẫu báo cáo không có phần viết "${key}".`);
  }
  for (const [key, rows] of Object.entries(content.tables)) {
    const section = byKey.get(key);
    if (section?.kind !== 'table') {
      problems.push(`Mẫu báo cáo không có bảng "${key}".`);
      continue;
    }
    rows.forEach((row, r) => {
      if (row.length !== section.columns.length) {
        problems.push(`Bảng "${section.title}", dòng ${r + 1}: có ${row.length} ô, cần ${section.columns.length} ô.`);
        return;
      }
      section.columns.forEach((column, c) => {
        const problem = cellProblem(column, row[c] ?? null);
        if (problem) problems.push(`Bảng "${section.title}", dòng ${r + 1}, cột "${column.header}": ${problem}.`);
      });
    });
  }
  return problems;
}

/** What still stops the unit from submitting: every required narrative section must be written. */
export function missingForSubmission(template: ReportTemplate, content: ReportContent): string[] {
  return template.sections
    .filter((s) => s.kind === 'narrative' && s.required && !(content.narratives[s.key] ?? '').trim())
    .map((s) => `chưa viết phần "${s.title}"`);
}
