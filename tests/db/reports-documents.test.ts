import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsOf, paragraphWithText, readDocx, runFormat, type DocxParts } from '../../src/documents/docx-reader.test-support.ts';
import { pdftotext, soffice } from '../../src/documents/external-tools.test-support.ts';
import { pdfPageSizes, pdfPageText, pdfText } from '../../src/documents/pdf-inspect.test-support.ts';
import type { DocumentFile } from '../../src/server/modules/reports/reports.documents.ts';
import { createReportsFixture, DISTRICTS, person, recordVillageMeeting, type Person, type ReportsFixture } from '../support/reports-fixture.ts';

// The documents of issue 6, generated from a request the province has approved: the consolidated báo cáo in the
// Nghị định 30/2020 layout (read back from the DOCX XML, then converted by LibreOffice), its PDF for publication, the
// tờ trình with the attached list, the kế hoạch of plan 165/KH-UBND, the biên bản of a village meeting, and XLSX.

const run = promisify(execFile);
const A4 = { width: 595.3, height: 841.9 };

let f: ReportsFixture;
let board: Person;
let requestId: string;
const subOf = new Map<string, string>();
const files = new Map<string, DocumentFile>();
let baoCao: DocxParts;

const attr = (xml: string, element: string, name: string) => new RegExp(`<${element} [^>]*w:${name}="([^"]+)"`, 'u').exec(xml)?.[1];

beforeAll(async () => {
  f = await createReportsFixture('2018-06-01T02:00:00Z');
  board = person('emulation_board', { unitCode: '20' }, 'Trưởng Ban Thi đua');
  const template = await f.service.createTemplate(board.principal, board.actor, {
    name: 'Báo cáo sơ kết giữa kỳ',
    sections: [
      { kind: 'figures', key: 'so_lieu', title: 'Kết quả giảm nghèo', fields: ['total', 'poor', 'poorRate', 'nearPoor', 'nearPoorRate', 'escaped'] },
      { kind: 'table', key: 'ho_tro', title: 'Kết quả hỗ trợ hộ nghèo', columns: [{ header: 'Nội dung hỗ trợ', kind: 'text' }, { header: 'Số hộ', kind: 'integer' }, { header: 'Kinh phí', kind: 'money' }] },
      { kind: 'narrative', key: 'ket_qua', title: 'Kết quả thực hiện phong trào', required: true },
    ],
  });
  const request = await f.service.createRequest(board.principal, board.actor, {
    kind: 'ad_hoc',
    title: 'Báo cáo sơ kết giữa kỳ phong trào thi đua giai đoạn 2016 - 2018',
    templateId: template.id,
    roundYear: 2017,
    issuedOn: '2018-06-01',
    deadline: '2018-06-15',
    recipients: { levels: ['district'], unitCodes: [], organisationIds: [], allOrganisations: false },
    levelDeadlines: {},
  });
  requestId = request.id;
  for (const s of (await f.service.requestDetail(board.principal, requestId)).submissions) subOf.set(s.unitCode!, s.id);
  f.setToday('2018-06-10');
  const province = person('poverty_office', { unitCode: '20' });
  for (const d of DISTRICTS.filter((x) => x !== '184')) {
    const o = person('district_officer', { unitCode: d });
    await f.service.saveContent(o.principal, o.actor, subOf.get(d)!, {
      narratives: { ket_qua: 'Triển khai phong trào đến 100% thôn, bản.\nHuy động 1.250 triệu đồng cho Quỹ "Vì người nghèo".' },
      tables: { ho_tro: [['Hỗ trợ bò giống', 25, 250_000_000]] },
      version: 1,
    });
    await f.service.submit(o.principal, o.actor, subOf.get(d)!);
  }
  f.setToday('2018-06-20');
  await f.service.approveMany(province.principal, province.actor, requestId, [...subOf.values()]);
  f.setToday('2018-06-25');
  await f.service.saveConsolidation(board.principal, board.actor, requestId, {
    narrative: (await f.service.consolidation(board.principal, requestId)).draftedNarrative,
    particulars: { number: '25/BC-BTĐKT', signerAuthority: ['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'], signerName: 'Hoàng Văn Thi', date: '2018-06-25' },
  });
  await recordVillageMeeting(f.db, f.round2017, '06526', { date: '2017-10-05', attendees: 52, chair: 'Hoàng Văn Pấu', minutes: 'Trưởng thôn quán triệt tiêu chí hộ nghèo theo Quyết định 59/2015/QĐ-TTg.\nHội nghị bình xét từng hộ, biểu quyết công khai.' });

  files.set('bao-cao', await f.documents.consolidationDocx(board.principal, requestId));
  files.set('bao-cao-pdf', await f.documents.consolidationPdf(board.principal, requestId));
  files.set('bao-cao-xlsx', await f.documents.consolidationXlsx(board.principal, requestId));
  files.set('to-trinh', await f.documents.toTrinhDocx(board.principal, requestId));
  files.set('ke-hoach', await f.documents.planDocx());
  const communeOfficer = person('commune_officer', { unitCode: '06526' });
  files.set('bien-ban', await f.documents.roundMeetingDocx(communeOfficer.principal, { roundId: f.round2017, communeCode: '06526', startTime: '08:00', endTime: '10:30', venue: 'Nhà văn hóa thôn Nà Pàn', secretaryName: 'Lăng Thị Hoa', secretaryPosition: 'Cán bộ văn hóa xã', chairPosition: 'Trưởng thôn' }));
  files.set('bao-cao-huyen', await f.documents.submissionDocx(board.principal, subOf.get('188')!));
  files.set('bang-huyen', await f.documents.submissionXlsx(board.principal, subOf.get('188')!));
  baoCao = await readDocx(files.get('bao-cao')!.buffer);
}, 180_000);
afterAll(async () => f.close());

describe('the consolidated báo cáo, read back from the DOCX (Nghị định 30/2020, Phụ lục I)', () => {
  it.each([
    ['A4 width 210 mm', 'w:pgSz', 'w', '11906'],
    ['A4 height 297 mm', 'w:pgSz', 'h', '16838'],
    ['portrait', 'w:pgSz', 'orient', 'portrait'],
    ['top margin 20 mm', 'w:pgMar', 'top', '1134'],
    ['bottom margin 20 mm', 'w:pgMar', 'bottom', '1134'],
    ['left margin 30 mm', 'w:pgMar', 'left', '1701'],
    ['right margin 15 mm', 'w:pgMar', 'right', '850'],
  ])('%s', (_case, element, name, value) => {
    expect(attr(baoCao.sectPr, element, name)).toBe(value);
  });

  it('is set in Times New Roman throughout', () => {
    const fonts = [...`${baoCao.document}${baoCao.styles}`.matchAll(/<w:rFonts ([^>]*)\/>/gu)].flatMap((m) => [...(m[1] ?? '').matchAll(/w:\w+="([^"]+)"/gu)].map((a) => a[1]));
    expect(fonts.length).toBeGreaterThan(0);
    expect(new Set(fonts)).toEqual(new Set(['Times New Roman']));
  });

  it('has no page number on page 1 and a centred one on the following pages', () => {
    expect(baoCao.sectPr).toMatch(/<w:titlePg\/>/u);
    expect(baoCao.headers['first']).toBeDefined();
    expect(baoCao.headers['first']).not.toMatch(/PAGE/u);
    expect(baoCao.headers['default']).toMatch(/PAGE/u);
  });

  it.each([
    ['parent body, 13 pt', 'SỞ NỘI VỤ TỈNH LẠNG SƠN', { bold: false, italic: false, underline: false, sizePt: 13 }],
    ['issuing body, 13 pt bold', 'BAN THI ĐUA - KHEN THƯỞNG', { bold: true, italic: false, underline: false, sizePt: 13 }],
    ['number', 'Số: 25/BC-BTĐKT', { bold: false, italic: false, underline: false, sizePt: 13 }],
    ['national title, bold', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, italic: false, underline: false, sizePt: 13 }],
    ['motto, bold underlined', 'Độc lập - Tự do - Hạnh phúc', { bold: true, italic: false, underline: true, sizePt: 14 }],
    ['place and date in italics', 'Lạng Sơn, ngày 25 tháng 6 năm 2018', { bold: false, italic: true, underline: false, sizePt: 14 }],
    ['document type, bold', 'BÁO CÁO', { bold: true, italic: false, underline: false, sizePt: 14 }],
    ['summary, bold', 'Tổng hợp báo cáo sơ kết giữa kỳ phong trào thi đua giai đoạn 2016 - 2018', { bold: true, italic: false, underline: false, sizePt: 14 }],
  ] as const)('header block: %s', (_case, text, expected) => {
    const format = runFormat(paragraphWithText(baoCao.document, text));
    expect({ bold: format.bold, italic: format.italic, underline: format.underline, sizePt: format.sizePt }).toEqual(expected);
  });

  it('prints the narrative the board saved and the figures table of the approved districts in vi-VN numbers', () => {
    const texts = paragraphsOf(baoCao.document).map((p) => p.text);
    expect(texts.some((t) => t.startsWith('Đến ngày 25/06/2018, 10/11 đơn vị đã được phê duyệt báo cáo. Còn 1 đơn vị chưa gửi báo cáo: Huyện Văn Quan.'))).toBe(true);
    // Thành phố Lạng Sơn has 1.050 households; the total of the ten approved districts is 1.235
    expect(texts).toContain('1.050');
    expect(texts).toContain('1.235');
    expect(texts).toContain('40,00%');
    expect(runFormat(paragraphWithText(baoCao.document, 'Tổng cộng')).bold).toBe(true);
    expect(texts).not.toContain('Huyện Văn Quan, 5');
  });

  it('lists the timeliness of every district', () => {
    const texts = paragraphsOf(baoCao.document).map((p) => p.text);
    expect(texts).toContain('Không gửi (quá hạn 10 ngày)');
    expect(texts).toContain('10/06/2018');
  });

  it('signs with the authority and the name set by the board', () => {
    const texts = paragraphsOf(baoCao.document).map((p) => p.text);
    expect(texts).toEqual(expect.arrayContaining(['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN', 'Hoàng Văn Thi', 'Nơi nhận:', '- Lưu: VT.']));
  });

  it('names the file in Vietnamese with an ASCII fallback', () => {
    const file = files.get('bao-cao')!;
    expect(file.name).toBe('Báo cáo tổng hợp - Báo cáo sơ kết giữa kỳ phong trào thi đua giai đoạn 2016 - 2018.docx');
    expect(file.asciiName).toBe('Bao-cao-tong-hop-Bao-cao-so-ket-giua-ky-phong-trao-thi-dua-giai-doan-2016-2018.docx');
  });
});

describe('the other documents', () => {
  it('the kế hoạch carries plan 165/KH-UBND: issuer, number, date, the tasks of §V and the signer', async () => {
    const texts = paragraphsOf((await readDocx(files.get('ke-hoach')!.buffer)).document).map((p) => p.text);
    expect(texts).toEqual(expect.arrayContaining(['ỦY BAN NHÂN DÂN', 'TỈNH LẠNG SƠN', 'Số: 165/KH-UBND', 'Lạng Sơn, ngày 26 tháng 9 năm 2017', 'KẾ HOẠCH', 'Sơ kết Phong trào thi đua, rút kinh nghiệm', 'Năm 2018', 'Tổng kết Phong trào thi đua', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Hồ Tiến Thiệu']));
  });

  it('the biên bản is made from the meeting recorded in the round, with its head count', async () => {
    const texts = paragraphsOf((await readDocx(files.get('bien-ban')!.buffer)).document).map((p) => p.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'BIÊN BẢN',
        'Họp dân bình xét hộ nghèo, hộ cận nghèo năm 2017',
        'UBND THỊ TRẤN NA DƯƠNG',
        'Na Dương, ngày 05 tháng 10 năm 2017',
        'Thời gian bắt đầu: 08 giờ 00 phút, ngày 05 tháng 10 năm 2017.',
        'Địa điểm: Nhà văn hóa thôn Nà Pàn.',
        'Chủ trì: Ông (bà) Hoàng Văn Pấu - Trưởng thôn.',
        'Thành phần tham dự: 52 người, gồm đại diện các hộ gia đình trong thôn, cán bộ thôn và cán bộ xã.',
        'Hội nghị bình xét từng hộ, biểu quyết công khai.',
        'THƯ KÝ',
        'Lăng Thị Hoa',
      ]),
    );
  });

  it('refuses the biên bản of a commune outside the caller’s scope, and of a commune without a recorded meeting', async () => {
    const other = person('commune_officer', { unitCode: '06529' });
    const q = { roundId: f.round2017, communeCode: '06526', startTime: '08:00', endTime: '10:00', venue: 'Nhà văn hóa', secretaryName: 'A', secretaryPosition: 'B', chairPosition: 'C' };
    await expect(f.documents.roundMeetingDocx(other.principal, q)).rejects.toMatchObject({ code: 'auth.out_of_scope' });
    await expect(f.documents.roundMeetingDocx(other.principal, { ...q, communeCode: '06529' })).rejects.toMatchObject({ code: 'reports.not_found' });
  });

  it('the tờ trình attaches the list of approved districts on a new page', async () => {
    const parts = await readDocx(files.get('to-trinh')!.buffer);
    const title = paragraphWithText(parts.document, 'DANH SÁCH ĐƠN VỊ VÀ SỐ LIỆU ĐÃ ĐƯỢC PHÊ DUYỆT');
    expect(title.xml).toMatch(/<w:pageBreakBefore\/>/u);
    const texts = paragraphsOf(parts.document).map((p) => p.text);
    expect(texts).toEqual(expect.arrayContaining(['TỜ TRÌNH', 'Số: 25/TTr-BTĐKT', 'Kính gửi: Ủy ban nhân dân tỉnh', '(Kèm theo Tờ trình số 25/TTr-BTĐKT ngày 25/06/2018)', 'Huyện Lộc Bình']));
  });

  it('a district’s own báo cáo shows its locked figures and its table', async () => {
    const texts = paragraphsOf((await readDocx(files.get('bao-cao-huyen')!.buffer)).document).map((p) => p.text);
    expect(texts).toEqual(expect.arrayContaining(['UBND HUYỆN LỘC BÌNH', 'Lộc Bình, ngày 10 tháng 6 năm 2018', 'I. KẾT QUẢ GIẢM NGHÈO', 'Số hộ nghèo', '8', '40,00%', 'Hỗ trợ bò giống', '250.000.000 đ']));
    expect(texts.some((t) => t.startsWith('Số liệu đã khoá khi phê duyệt (kết quả rà soát năm 2017, lấy ngày 20/06/2018)'))).toBe(true);
  });
});

describe('XLSX of every report table', () => {
  async function sheets(file: DocumentFile) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.buffer as unknown as ArrayBuffer);
    return wb.worksheets;
  }

  it('the consolidation: the figures by district as numbers, and the timeliness', async () => {
    const [figures, status] = await sheets(files.get('bao-cao-xlsx')!);
    expect(figures?.name).toBe('Số liệu tổng hợp');
    expect(status?.name).toBe('Tình hình gửi báo cáo');
    const total = figures!.getRow(figures!.rowCount);
    expect(total.getCell(2).value).toBe('Tổng cộng');
    expect(total.getCell(3).value).toBe(1235);
    expect(files.get('bao-cao-xlsx')!.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('a district’s report: its figures and the table it filled, one sheet each', async () => {
    const ws = await sheets(files.get('bang-huyen')!);
    expect(ws.map((w) => w.name)).toEqual(['Kết quả giảm nghèo', 'Kết quả hỗ trợ hộ nghèo']);
    expect(ws[1]!.getRow(2).getCell(3).value).toBe(250_000_000);
  });
});

describe('the published PDF of the consolidated report', () => {
  it('is an A4 PDF', () => {
    const pdf = files.get('bao-cao-pdf')!;
    expect(pdf.buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdfPageSizes(pdf.buffer);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(A4.width, 0);
      expect(page.height).toBeCloseTo(A4.height, 0);
    }
  });

  it.skipIf(pdftotext.path === null)('carries the header block and the figures in its text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chung-tay-pdf-'));
    try {
      const file = join(dir, 'bao-cao.pdf');
      await writeFile(file, files.get('bao-cao-pdf')!.buffer);
      const text = await pdfText(pdftotext.path ?? '', file);
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('BÁO CÁO');
      expect(text).toContain('1.235');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(soffice.path === null)('LibreOffice opens every DOCX and converts it to PDF without errors', () => {
  const docs = ['bao-cao', 'to-trinh', 'ke-hoach', 'bien-ban', 'bao-cao-huyen'];
  let dir = '';
  let output = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chung-tay-reports-soffice-'));
    const paths: string[] = [];
    for (const name of docs) {
      const path = join(dir, `${name}.docx`);
      await writeFile(path, files.get(name)!.buffer);
      paths.push(path);
    }
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const result = await run(soffice.path ?? 'soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), ...paths], { timeout: 170_000, encoding: 'utf8' });
    output = `${result.stdout}\n${result.stderr}`;
  }, 180_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reports no load or conversion error', () => {
    expect(output).not.toMatch(/Error:/u);
  });

  it.each(docs.map((d) => [d]))('%s.pdf has A4 pages', async (name) => {
    const pages = pdfPageSizes(await readFile(join(dir, 'pdf', `${name}.pdf`)));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(A4.width, 0);
      expect(page.height).toBeCloseTo(A4.height, 0);
    }
  });

  it.skipIf(pdftotext.path === null)('the báo cáo has no page number on page 1 and "2" atop page 2', async () => {
    const file = join(dir, 'pdf', 'bao-cao.pdf');
    const lines = async (page: number) =>
      (await pdfPageText(pdftotext.path ?? '', file, page))
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    const first = await lines(1);
    expect(first[0]).not.toBe('1');
    expect(first.join(' ')).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(pdfPageSizes(await readFile(file)).length).toBeGreaterThanOrEqual(2);
    expect((await lines(2))[0]).toBe('2');
  });
});
