// Reads the generated DOCX back and checks the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I
// (DOMAIN.md §10) where Word and LibreOffice read it: page, margins, fonts, header block, page numbers.

import { beforeAll, describe, expect, it } from 'vitest';
import { baoCaoSpec } from './builders/bao-cao.ts';
import type { OfficialDocumentSpec } from './document-spec.ts';
import { baoCaoExample } from './document-examples.test-support.ts';
import {
  paragraphWithText,
  paragraphsOf,
  readDocx,
  runFormat,
  type DocxParts,
} from './docx-reader.test-support.ts';
import { measureTextPoints } from './measure-text.ts';
import { buildOfficialDocx } from './official-docx.ts';

const spec: OfficialDocumentSpec = {
  ...baoCaoSpec(baoCaoExample),
  attachments: [{ title: 'Phụ lục số liệu', blocks: [{ kind: 'paragraph', text: 'Số liệu chi tiết.' }] }],
};

let docx: DocxParts;
beforeAll(async () => {
  docx = await readDocx(await buildOfficialDocx(spec));
});

const attr = (xml: string, element: string, name: string): string | undefined =>
  new RegExp(`<${element} [^>]*w:${name}="([^"]+)"`, 'u').exec(xml)?.[1];

describe('page (Phụ lục I: A4 dọc, lề trên/dưới 20 mm, trái 30 mm, phải 15 mm)', () => {
  it.each([
    ['width A4 210 mm', 'w:pgSz', 'w', '11906'],
    ['height A4 297 mm', 'w:pgSz', 'h', '16838'],
    ['portrait', 'w:pgSz', 'orient', 'portrait'],
    ['top margin 20 mm', 'w:pgMar', 'top', '1134'],
    ['bottom margin 20 mm', 'w:pgMar', 'bottom', '1134'],
    ['left margin 30 mm', 'w:pgMar', 'left', '1701'],
    ['right margin 15 mm', 'w:pgMar', 'right', '850'],
  ])('%s: %s %s = %s twips', (_case, element, name, expected) => {
    expect(attr(docx.sectPr, element, name)).toBe(expected);
  });
});

describe('page numbers: centred in the top margin, none on page 1', () => {
  it('marks the first page as different (titlePg)', () => {
    expect(docx.sectPr).toMatch(/<w:titlePg\/>/u);
  });
  it('puts a centred PAGE field in the header of the other pages', () => {
    const header = docx.headers['default'] ?? '';
    expect(header).toMatch(/PAGE/u);
    expect(header).toMatch(/<w:jc w:val="center"\/>/u);
  });
  it('leaves the first-page header without a page number', () => {
    expect(docx.headers['first']).toBeDefined();
    expect(docx.headers['first']).not.toMatch(/PAGE/u);
  });
  it('does not switch on separate even-page headers, which would hide the number on even pages', () => {
    expect(docx.settings).not.toMatch(/<w:evenAndOddHeaders\/>/u);
    expect(docx.headers['even']).toBeUndefined();
  });
});

describe('Times New Roman, black, everywhere', () => {
  it.each(['document', 'styles', 'default header'] as const)(
    'every font named in the %s is Times New Roman',
    (part) => {
      const xml =
        part === 'document'
          ? docx.document
          : part === 'styles'
            ? docx.styles
            : (docx.headers['default'] ?? '');
      const fonts = [...xml.matchAll(/<w:rFonts ([^>]*)\/>/gu)].flatMap((m) =>
        [...(m[1] ?? '').matchAll(/w:\w+="([^"]+)"/gu)].map((a) => a[1]),
      );
      expect(fonts.length).toBeGreaterThan(0);
      expect(new Set(fonts)).toEqual(new Set(['Times New Roman']));
    },
  );
  it('colours every run black', () => {
    const colours = [...docx.document.matchAll(/<w:color w:val="([^"]+)"\/>/gu)].map((m) => m[1]);
    expect(new Set(colours)).toEqual(new Set(['000000']));
  });
  it('makes Times New Roman 14 pt the default of the document', () => {
    const defaults = /<w:docDefaults>.*<\/w:docDefaults>/su.exec(docx.styles)?.[0] ?? '';
    expect(defaults).toMatch(/w:ascii="Times New Roman"/u);
    expect(defaults).toMatch(/<w:sz w:val="28"\/>/u);
  });
});

describe('header block', () => {
  it.each([
    [
      'parent body: capitals 13, not bold',
      'UBND TỈNH LẠNG SƠN',
      { bold: false, italic: false, underline: false, sizePt: 13 },
    ],
    [
      'issuing body: capitals 13 bold',
      'BAN CHỈ ĐẠO',
      { bold: true, italic: false, underline: false, sizePt: 13 },
    ],
    [
      'issuing body, second line',
      'GIẢM NGHÈO TỈNH',
      { bold: true, italic: false, underline: false, sizePt: 13 },
    ],
    ['number: 13', 'Số: 123/BC-BCĐ', { bold: false, italic: false, underline: false, sizePt: 13 }],
    [
      'national title: capitals 13 bold',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      { bold: true, italic: false, underline: false, sizePt: 13 },
    ],
    [
      'motto: 14 bold underlined',
      'Độc lập - Tự do - Hạnh phúc',
      { bold: true, italic: false, underline: true, sizePt: 14 },
    ],
    [
      'place and date: italic, leading zeros for day 5 and January',
      'Lạng Sơn, ngày 05 tháng 01 năm 2018',
      { bold: false, italic: true, underline: false, sizePt: 14 },
    ],
    [
      'document type: capitals 14 bold',
      'BÁO CÁO',
      { bold: true, italic: false, underline: false, sizePt: 14 },
    ],
    ['summary: bold', spec.summary, { bold: true, italic: false, underline: false, sizePt: 14 }],
  ] as const)('%s', (_case, text, expected) => {
    const format = runFormat(paragraphWithText(docx.document, text));
    expect({
      bold: format.bold,
      italic: format.italic,
      underline: format.underline,
      sizePt: format.sizePt,
    }).toEqual(expected);
    expect(format.align).toBe('center');
  });

  it('sets the issuing body on the left and the national title on the right of a borderless table', () => {
    const table = /<w:tbl>.*?<\/w:tbl>/su.exec(docx.document)?.[0] ?? '';
    const cells = [...table.matchAll(/<w:tc>.*?<\/w:tc>/gsu)].map((m) =>
      paragraphsOf(m[0])
        .map((p) => p.text)
        .join(' | '),
    );
    expect(cells[0]).toContain('BAN CHỈ ĐẠO');
    expect(cells[1]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(cells[2]).toBe('Số: 123/BC-BCĐ');
    expect(cells[3]).toBe('Lạng Sơn, ngày 05 tháng 01 năm 2018');
    const borders = /<w:tblBorders>.*?<\/w:tblBorders>/su.exec(table)?.[0] ?? '';
    expect([...borders.matchAll(/w:val="(\w+)"/gu)].map((m) => m[1])).toEqual(Array(6).fill('none'));
  });

  it('draws a centred rule under the issuing body, 1/3 to 1/2 as long as its longest line', () => {
    const paragraphs = paragraphsOf(docx.document);
    const index = paragraphs.findIndex((p) => p.text === 'GIẢM NGHÈO TỈNH');
    const rule = paragraphs[index + 1]?.xml ?? '';
    expect(rule).toMatch(/<w:pBdr><w:bottom w:val="single"/u);
    const left = Number(attr(rule, 'w:ind', 'left'));
    const right = Number(attr(rule, 'w:ind', 'right'));
    expect(left).toBe(right);
    const cellInner = 3600 - 2 * 57;
    const ruleTwips = cellInner - left - right;
    const textTwips = measureTextPoints('GIẢM NGHÈO TỈNH', 13, 'bold') * 20;
    expect(ruleTwips / textTwips).toBeGreaterThanOrEqual(1 / 3);
    expect(ruleTwips / textTwips).toBeLessThanOrEqual(1 / 2);
  });
});

describe('body', () => {
  it('sets paragraphs in 14 pt, justified, first-line indent 1,27 cm, line spacing 1,2', () => {
    const paragraph = paragraphWithText(
      docx.document,
      'Năm 2017, toàn tỉnh có 3.140 hộ thoát nghèo, tỷ lệ hộ nghèo giảm còn 16,31%.',
    );
    expect(runFormat(paragraph)).toMatchObject({ sizePt: 14, align: 'both', bold: false });
    expect(attr(paragraph.xml, 'w:ind', 'firstLine')).toBe('720');
    expect(attr(paragraph.xml, 'w:spacing', 'line')).toBe('288');
  });
  it('numbers the sections with Roman numerals in bold capitals', () => {
    expect(runFormat(paragraphWithText(docx.document, 'I. KẾT QUẢ THỰC HIỆN')).bold).toBe(true);
    expect(runFormat(paragraphWithText(docx.document, '1. Công tác tuyên truyền')).bold).toBe(true);
  });
  it.each([
    ['a count, vi-VN thousands, right-aligned', '4.312', 'right', false],
    ['a percentage with a decimal comma, right-aligned', '21,07%', 'right', false],
    ['a name, left-aligned', 'Huyện Lộc Bình', 'left', false],
    ['the total, bold', '14.399', 'right', true],
    ['a column header, bold and centred', 'Hộ thoát nghèo', 'center', true],
  ] as const)('table cell: %s', (_case, text, align, bold) => {
    const format = runFormat(paragraphWithText(docx.document, text));
    expect(format.align).toBe(align);
    expect(format.bold).toBe(bold);
  });
  it('repeats the table header row on every page', () => {
    const row = /<w:tr>(?:(?!<\/w:tr>).)*Hộ thoát nghèo.*?<\/w:tr>/su.exec(docx.document)?.[0] ?? '';
    expect(row).toMatch(/<w:tblHeader\/>/u);
  });
});

describe('signature and recipients', () => {
  it.each([
    ['authority, capitals bold', 'KT. TRƯỞNG BAN', { bold: true, italic: false, sizePt: 14 }],
    ['position', 'PHÓ TRƯỞNG BAN', { bold: true, italic: false, sizePt: 14 }],
    ['name, bold', 'Nguyễn Thị Hồng Nhung', { bold: true, italic: false, sizePt: 14 }],
    ['"Nơi nhận:" 12 bold italic', 'Nơi nhận:', { bold: true, italic: true, sizePt: 12 }],
    ['a recipient in 11, dash and ";"', '- UBND tỉnh (b/c);', { bold: false, italic: false, sizePt: 11 }],
    ['the last recipient ends with "."', '- Lưu: VT.', { bold: false, italic: false, sizePt: 11 }],
  ] as const)('%s', (_case, text, expected) => {
    expect(runFormat(paragraphWithText(docx.document, text))).toMatchObject(expected);
  });
  it('puts "Nơi nhận" on the left and the signature on the right of the same row', () => {
    const tables = [...docx.document.matchAll(/<w:tbl>.*?<\/w:tbl>/gsu)].map((m) => m[0]);
    const closing = tables.find((t) => t.includes('Nơi nhận:')) ?? '';
    const cells = [...closing.matchAll(/<w:tc>.*?<\/w:tc>/gsu)].map((m) => m[0]);
    expect(cells).toHaveLength(2);
    expect(cells[0]).toContain('Nơi nhận:');
    expect(cells[1]).toContain('KT. TRƯỞNG BAN');
  });
});

describe('attachments', () => {
  it('start on a new page with the title in capitals and the default caption in italics', () => {
    const title = paragraphWithText(docx.document, 'PHỤ LỤC SỐ LIỆU');
    expect(title.xml).toMatch(/<w:pageBreakBefore\/>/u);
    expect(runFormat(title).bold).toBe(true);
    const caption = paragraphWithText(docx.document, '(Kèm theo Báo cáo số 123/BC-BCĐ ngày 05/01/2018)');
    expect(runFormat(caption).italic).toBe(true);
  });
});

describe('addressees and refusals', () => {
  it('lists several addressees under "Kính gửi:"', async () => {
    const parts = await readDocx(
      await buildOfficialDocx({ ...spec, addressees: ['UBND tỉnh', 'Sở Nội vụ'] }),
    );
    const texts = paragraphsOf(parts.document).map((p) => p.text);
    expect(texts).toContain('Kính gửi:');
    expect(texts).toContain('- UBND tỉnh;');
    expect(texts).toContain('- Sở Nội vụ.');
  });
  it('refuses an impossible date rather than print it', async () => {
    await expect(buildOfficialDocx({ ...spec, date: '2018-02-30' })).rejects.toThrow(
      'Ngày ban hành "2018-02-30" không phải ngày hợp lệ',
    );
  });
});
