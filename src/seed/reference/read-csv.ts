// A small RFC 4180 reader for the reference CSV files (UTF-8, comma, optional double quotes, header row).
// Pure: it takes the text, so that the seed builder can be tested without files.

import { normalizeText } from '../../shared/vi-text.ts';

/** Rows keyed by the header's column names; every value is NFC-normalised and trimmed, never converted. */
export function parseCsv(text: string): Record<string, string>[] {
  const records = splitRecords(text.replace(/^\uFEFF/u, ''));
  const header = records.shift();
  if (!header) return [];
  const columns = header.map((h) => normalizeText(h));
  return records
    .filter((fields) => !(fields.length === 1 && fields[0] === ''))
    .map((fields, index) => {
      if (fields.length !== columns.length) {
        throw new Error(`Dòng ${index + 2} có ${fields.length} cột, tiêu đề có ${columns.length} cột.`);
      }
      const row: Record<string, string> = {};
      columns.forEach((column, i) => {
        row[column] = normalizeText(fields[i] ?? '');
      });
      return row;
    });
}

function splitRecords(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push(fields);
  }
  return records;
}

/** The value of a column, refusing a row where it is missing or empty (reference data has no gaps). */
export function requireField(row: Record<string, string>, column: string, file: string): string {
  const value = row[column];
  if (value === undefined || value === '') {
    throw new Error(`Tệp ${file}: thiếu giá trị cột "${column}" ở dòng ${JSON.stringify(row)}.`);
  }
  return value;
}
