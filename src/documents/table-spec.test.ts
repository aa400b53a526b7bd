import { describe, expect, it } from 'vitest';
import { alignmentOf, assertTableShape, formatCell, shareWidths, type ColumnSpec } from './table-spec.ts';

const col = (kind: ColumnSpec['kind'], extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  header: 'Cột',
  kind,
  ...extra,
});

describe('formatCell: what a reader sees in a DOCX or PDF cell (vi-VN)', () => {
  it.each([
    ['integer with thousands', col('integer'), 1_234_567, '1.234.567'],
    ['integer below a thousand', col('integer'), 999, '999'],
    ['decimal, 2 digits by default', col('decimal'), 3.5, '3,50'],
    ['decimal with 1 digit', col('decimal', { fractionDigits: 1 }), 1234.56, '1.234,6'],
    ['percent in percentage points', col('percent'), 19.07, '19,07%'],
    ['percent with no decimals', col('percent', { fractionDigits: 0 }), 3, '3%'],
    ['money in đồng', col('money'), 850_000, '850.000 đ'],
    ['date as dd/MM/yyyy', col('date'), '2018-01-05', '05/01/2018'],
    ['date text that is not ISO stays as written', col('date'), 'Quý IV/2018', 'Quý IV/2018'],
    ['text as written', col('text'), 'Huyện Cao Lộc', 'Huyện Cao Lộc'],
    ['empty cell', col('integer'), null, ''],
    ['text in a numeric column stays as written', col('integer'), '—', '—'],
  ] as const)('%s', (_case, column, value, expected) => {
    expect(formatCell(column, value)).toBe(expected);
  });
});

describe('alignmentOf: numbers line up on the right', () => {
  it.each([
    ['integer', col('integer'), 'right'],
    ['decimal', col('decimal'), 'right'],
    ['percent', col('percent'), 'right'],
    ['money', col('money'), 'right'],
    ['text', col('text'), 'left'],
    ['date', col('date'), 'center'],
    ['an explicit choice wins (a centred TT column)', col('integer', { align: 'center' }), 'center'],
  ] as const)('%s → %s', (_case, column, expected) => {
    expect(alignmentOf(column)).toBe(expected);
  });
});

describe('shareWidths', () => {
  it('shares the whole width by weight, the rounding rest going to the last column', () => {
    expect(shareWidths([col('text', { width: 1 }), col('text', { width: 2 })], 1000)).toEqual([333, 667]);
  });
  it('counts a column without weight as 1', () => {
    expect(shareWidths([col('text'), col('text')], 100)).toEqual([50, 50]);
  });
});

describe('assertTableShape', () => {
  const columns = [col('text'), col('integer')];
  it('accepts rows with one cell per column', () => {
    expect(() => assertTableShape({ columns, rows: [['a', 1]], totalRow: ['Tổng', 1] })).not.toThrow();
  });
  it('refuses a short row, naming the table and the row', () => {
    expect(() => assertTableShape({ title: 'Hộ nghèo', columns, rows: [['a', 1], ['b']] })).toThrow(
      'Bảng "Hộ nghèo": dòng 2 có 1 ô, cần đúng 2 ô',
    );
  });
  it('refuses a total row of the wrong length', () => {
    expect(() => assertTableShape({ columns, rows: [], totalRow: ['Tổng'] })).toThrow('dòng tổng có 1 ô');
  });
  it('refuses a table without columns', () => {
    expect(() => assertTableShape({ columns: [], rows: [] })).toThrow('không có cột nào');
  });
});
