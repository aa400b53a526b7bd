import { describe, expect, it } from 'vitest';
import { formatCell } from '../../../documents/index.ts';
import { figureValuesFromCounts } from '../../../domain/reports/report-figures.ts';
import { asciiFileStem, contentDisposition, documentFile, figureRowsTable, figuresByUnitTable } from './reports.documents.ts';

describe('file names of downloaded documents', () => {
  it.each([
    ['Báo cáo tổng hợp - Sơ kết 2018', 'Bao-cao-tong-hop-So-ket-2018'],
    ['Biên bản họp dân bình xét năm 2017 - Thị trấn Na Dương', 'Bien-ban-hop-dan-binh-xet-nam-2017-Thi-tran-Na-Duong'],
    ['Đề án "Đồng bào" / Đình Lập', 'De-an-Dong-bao-Dinh-Lap'],
    ['Kế hoạch 165/KH-UBND', 'Ke-hoach-165-KH-UBND'],
  ])('%s → %s', (title, stem) => {
    expect(asciiFileStem(title)).toBe(stem);
  });

  it('keeps the Vietnamese name, without characters a file system refuses', () => {
    const file = documentFile(Buffer.from('x'), 'Kế hoạch 165/KH-UBND: "Chung tay"', 'docx');
    expect(file.name).toBe('Kế hoạch 165 KH-UBND Chung tay.docx');
    expect(file.asciiName).toBe('Ke-hoach-165-KH-UBND-Chung-tay.docx');
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('sends both an ASCII filename and the UTF-8 filename* (RFC 6266)', () => {
    expect(contentDisposition({ name: "Báo cáo (tỉnh) 'sơ kết'.pdf", asciiName: 'Bao-cao-tinh-so-ket.pdf' })).toBe(
      "attachment; filename=\"Bao-cao-tinh-so-ket.pdf\"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%28t%E1%BB%89nh%29%20%27s%C6%A1%20k%E1%BA%BFt%27.pdf",
    );
  });
});

describe('figure tables', () => {
  const values = figureValuesFromCounts({ total: 1050, poor: 9, nearPoor: 20, transitions: { escaped: 3 } });

  it('puts each rate beside its count, in the order of the template', () => {
    const table = figureRowsTable(['total', 'poor', 'poorRate', 'escaped'], values);
    expect(table.rows).toEqual([
      [1, 'Tổng số hộ', 1050, null],
      [2, 'Số hộ nghèo', 9, 0.86],
      [3, 'Số hộ thoát nghèo', 3, null],
    ]);
    expect(formatCell(table.columns[2]!, 1050)).toBe('1.050');
    expect(formatCell(table.columns[3]!, 0.86)).toBe('0,86%');
  });

  it('shows a rate alone on its own row when its count is not in the template', () => {
    expect(figureRowsTable(['nearPoorRate'], values).rows).toEqual([[1, 'Tỷ lệ hộ cận nghèo', null, 1.9]]);
  });

  it('numbers the units and closes with the total when there is one', () => {
    const table = figuresByUnitTable('Kết quả', [{ name: 'Thành phố Lạng Sơn', values }], values);
    expect(table.rows[0]?.slice(0, 5)).toEqual([1, 'Thành phố Lạng Sơn', 1050, 9, 0.86]);
    expect(table.totalRow?.slice(0, 3)).toEqual([null, 'Tổng cộng', 1050]);
    expect(figuresByUnitTable('Kết quả', [], null).totalRow).toBeUndefined();
  });
});
