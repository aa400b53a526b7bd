// Certificates and published reports as PDF: the Vietnamese text must survive exactly (checked by
// extracting it with pdftotext) and the font must travel inside the file.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baoCaoSpec } from './builders/bao-cao.ts';
import { quyetDinhSpec } from './builders/quyet-dinh.ts';
import type { OfficialDocumentSpec } from './document-spec.ts';
import { baoCaoExample, districtTable, quyetDinhExample } from './document-examples.test-support.ts';
import { pdftotext } from './external-tools.test-support.ts';
import { pdfFonts, pdfPageSizes, pdfPageText, pdfText } from './pdf-inspect.test-support.ts';
import { renderCertificatePdf, renderReportPdf, type CertificateSpec } from './pdf.ts';

const certificate: CertificateSpec = {
  grantingAuthority: 'Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn',
  title: 'Bằng khen',
  awardeeName: 'Bà Nguyễn Thị Hồng Nhung',
  awardeeDetail: 'Thôn Nà Pàn, xã Hợp Thành, huyện Cao Lộc, tỉnh Lạng Sơn',
  reason:
    'Đã có thành tích xuất sắc trong phong trào thi đua "Lạng Sơn chung tay vì người nghèo" giai đoạn 2016 - 2020',
  decision: { number: '2150/QĐ-UBND', date: '2020-11-09' },
  place: 'Lạng Sơn',
  signer: { authority: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Đoàn Thu Hà' },
  registryNumber: '1.234',
};

const longTableReport: OfficialDocumentSpec = {
  ...baoCaoSpec(baoCaoExample),
  body: [
    {
      kind: 'table',
      table: {
        ...districtTable,
        rows: Array.from({ length: 70 }, (_, i) => [i + 1, `Xã số ${i + 1}`, 100 + i, 10, 9.5]),
      },
    },
  ],
};

let dir = '';
const files: Record<string, string> = {};
const buffers: Record<string, Buffer> = {};
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chung-tay-pdf-'));
  const rendered = {
    certificate: await renderCertificatePdf(certificate),
    longName: await renderCertificatePdf({
      ...certificate,
      awardeeName: 'Ủy ban Mặt trận Tổ quốc Việt Nam xã Hồng Phong, huyện Bình Gia, tỉnh Lạng Sơn',
    }),
    quyetDinh: await renderReportPdf(quyetDinhSpec(quyetDinhExample)),
    longTable: await renderReportPdf(longTableReport),
  };
  for (const [name, buffer] of Object.entries(rendered)) {
    buffers[name] = buffer;
    files[name] = join(dir, `${name}.pdf`);
    await writeFile(files[name], buffer);
  }
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const buffer = (name: string): Buffer => buffers[name] ?? Buffer.alloc(0);
const file = (name: string): string => files[name] ?? '';

describe('embedded font', () => {
  it.each(['certificate', 'quyetDinh', 'longTable'])(
    '%s uses only the embedded Liberation Serif subsets',
    (name) => {
      const { baseFonts, embeddedFiles } = pdfFonts(buffer(name));
      expect(baseFonts.length).toBeGreaterThan(0);
      // A subset prefix (six capitals and "+") means the glyphs are inside the file; no standard font is referenced.
      for (const font of baseFonts)
        expect(font).toMatch(/^[A-Z]{6}\+LiberationSerif(?:-Bold|-Italic|-BoldItalic)?$/u);
      expect(embeddedFiles).toBe(baseFonts.length);
    },
  );
});

describe('pages', () => {
  it('prints a certificate on one A4 landscape page', () => {
    const pages = pdfPageSizes(buffer('certificate'));
    expect(pages).toHaveLength(1);
    expect(pages[0]?.width).toBeCloseTo(841.89, 1);
    expect(pages[0]?.height).toBeCloseTo(595.28, 1);
  });
  it('prints a report on A4 portrait pages', () => {
    const pages = pdfPageSizes(buffer('longTable'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(page).toEqual({ width: 595.28, height: 841.89 });
  });
});

it('poppler-utils (pdftotext) is installed for the text checks', (context) => {
  if (pdftotext.skipAllowed) context.skip();
  expect(pdftotext.path, pdftotext.missingMessage).not.toBeNull();
});

describe.skipIf(pdftotext.path === null)('text round trip (pdftotext)', () => {
  const text = (name: string): Promise<string> => pdfText(pdftotext.path ?? '', file(name));

  it.each([
    'Bà Nguyễn Thị Hồng Nhung',
    'Thôn Nà Pàn, xã Hợp Thành, huyện Cao Lộc, tỉnh Lạng Sơn',
    'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN',
    'BẰNG KHEN',
    'Lạng Sơn, ngày 09 tháng 11 năm 2020',
    'Quyết định số 2150/QĐ-UBND ngày 09/11/2020',
    'Số sổ vàng: 1.234',
    'Đoàn Thu Hà',
  ])('the certificate reads "%s" exactly', async (expected) => {
    expect((await text('certificate')).split('\n')).toContain(expected);
  });

  it('keeps a long awardee name on one line', async () => {
    expect((await text('longName')).split('\n')).toContain(
      'Ủy ban Mặt trận Tổ quốc Việt Nam xã Hồng Phong, huyện Bình Gia, tỉnh Lạng Sơn',
    );
  });

  it.each([
    ['the national title', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    ['the place and date', 'Lạng Sơn, ngày 09 tháng 11 năm 2020'],
    ['the number', 'Số: 2150/QĐ-UBND'],
    ['the awardee', 'Bà Nguyễn Thị Hồng Nhung'],
    [
      'the attachment caption',
      '(Kèm theo Quyết định số 2150/QĐ-UBND ngày 09/11/2020 của Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn)',
    ],
  ])('the published quyết định shows %s', async (_case, expected) => {
    const flat = (await text('quyetDinh')).replace(/\s+/gu, ' ');
    expect(flat).toContain(expected);
  });

  it('numbers pages from 2 on, never page 1', async () => {
    const first = (await pdfPageText(pdftotext.path ?? '', file('quyetDinh'), 1))
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const second = (await pdfPageText(pdftotext.path ?? '', file('quyetDinh'), 2))
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(first[0]).not.toBe('1');
    expect(second[0]).toBe('2');
  });

  it('repeats the table header on the page a long table runs onto, with vi-VN numbers', async () => {
    const second = await pdfPageText(pdftotext.path ?? '', file('longTable'), 2);
    expect(second).toContain('Huyện, thành phố');
    expect(second).toMatch(/9,50%/u);
  });
});
