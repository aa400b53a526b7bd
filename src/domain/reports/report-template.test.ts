import { describe, expect, it } from 'vitest';
import { missingForSubmission, validateContent, validateTemplate, type ReportContent, type ReportTemplate } from './report-template.ts';

const template: ReportTemplate = {
  name: 'Báo cáo sơ kết giữa kỳ',
  sections: [
    { kind: 'figures', key: 'so_lieu', title: 'Kết quả giảm nghèo', fields: ['total', 'poor', 'poorRate'] },
    {
      kind: 'table',
      key: 'ho_tro',
      title: 'Hỗ trợ hộ nghèo',
      columns: [
        { header: 'Nội dung hỗ trợ', kind: 'text' },
        { header: 'Số hộ', kind: 'integer' },
        { header: 'Kinh phí', kind: 'money' },
        { header: 'Ngày', kind: 'date' },
      ],
    },
    { kind: 'narrative', key: 'ket_qua', title: 'Kết quả thực hiện', required: true },
    { kind: 'narrative', key: 'kien_nghi', title: 'Kiến nghị', required: false },
  ],
};

describe('a report template', () => {
  it('accepts a well-formed template', () => {
    expect(validateTemplate(template)).toEqual([]);
  });

  it.each([
    ['no sections', { name: 'X', sections: [] }, /ít nhất một phần/u],
    ['two sections with one key', { name: 'X', sections: [template.sections[2]!, template.sections[2]!] }, /bị trùng/u],
    ['a key with capitals or diacritics', { name: 'X', sections: [{ kind: 'narrative', key: 'Kết_quả', title: 'A', required: false }] }, /chữ thường không dấu/u],
    ['a figures section without fields', { name: 'X', sections: [{ kind: 'figures', key: 'f', title: 'A', fields: [] }] }, /ít nhất một chỉ tiêu/u],
    ['an unknown figure field', { name: 'X', sections: [{ kind: 'figures', key: 'f', title: 'A', fields: ['income'] }] }, /"income" không có trong danh mục/u],
    ['a table without columns', { name: 'X', sections: [{ kind: 'table', key: 't', title: 'Bảng A', columns: [] }] }, /Bảng "Bảng A" phải có ít nhất một cột/u],
    ['no name', { name: ' ', sections: template.sections }, /phải có tên/u],
  ] as [string, ReportTemplate, RegExp][])('refuses %s', (_case, t, message) => {
    expect(validateTemplate(t).join(' ')).toMatch(message);
  });
});

describe('what a unit fills in', () => {
  const good: ReportContent = {
    narratives: { ket_qua: 'Đã giảm 312 hộ nghèo.', kien_nghi: '' },
    tables: { ho_tro: [['Hỗ trợ bò giống', 25, 250_000_000, '2018-03-01'], ['Hỗ trợ nhà ở', null, null, null]] },
  };

  it('accepts rows that match the columns, empty cells included', () => {
    expect(validateContent(template, good)).toEqual([]);
  });

  it.each([
    ['an unknown narrative', { narratives: { khac: 'x' }, tables: {} }, /không có phần viết "khac"/u],
    ['text written into a figures section', { narratives: { so_lieu: 'x' }, tables: {} }, /không có phần viết "so_lieu"/u],
    ['an unknown table', { narratives: {}, tables: { bang_khac: [] } }, /không có bảng "bang_khac"/u],
    ['a short row', { narratives: {}, tables: { ho_tro: [['Hỗ trợ', 1]] } }, /dòng 1: có 2 ô, cần 4 ô/u],
    ['a fraction of a household', { narratives: {}, tables: { ho_tro: [['Hỗ trợ', 2.5, 0, null]] } }, /cột "Số hộ": phải là số nguyên/u],
    ['a number as text', { narratives: {}, tables: { ho_tro: [['Hỗ trợ', '25', 0, null]] } }, /cột "Số hộ": phải là số nguyên/u],
    ['a date in dd/MM/yyyy', { narratives: {}, tables: { ho_tro: [['Hỗ trợ', 1, 0, '01/03/2018']] } }, /cột "Ngày": phải là ngày dạng yyyy-MM-dd/u],
    ['a number in a text column', { narratives: {}, tables: { ho_tro: [[12, 1, 0, null]] } }, /cột "Nội dung hỗ trợ": phải là chữ/u],
  ] as [string, ReportContent, RegExp][])('refuses %s', (_case, content, message) => {
    expect(validateContent(template, content).join(' ')).toMatch(message);
  });

  it('requires the required narratives before submission, and only those', () => {
    expect(missingForSubmission(template, good)).toEqual([]);
    expect(missingForSubmission(template, { narratives: { ket_qua: '   ' }, tables: {} })).toEqual(['chưa viết phần "Kết quả thực hiện"']);
    expect(missingForSubmission(template, { narratives: {}, tables: {} })).toEqual(['chưa viết phần "Kết quả thực hiện"']);
  });
});
