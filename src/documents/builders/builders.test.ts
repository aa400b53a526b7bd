import { describe, expect, it } from 'vitest';
import type { Block, OfficialDocumentSpec } from '../document-spec.ts';
import {
  baoCaoExample,
  bienBanExample,
  keHoachExample,
  quyetDinhExample,
  toTrinhExample,
} from '../document-examples.test-support.ts';
import { paragraphsOf, paragraphWithText, readDocx, runFormat } from '../docx-reader.test-support.ts';
import { awardeeListTable } from './awardee-list.ts';
import { baoCaoSpec, buildBaoCao } from './bao-cao.ts';
import { bienBanSpec, buildBienBan, meetingTime, voteTable } from './bien-ban.ts';
import { buildKeHoach, keHoachSpec } from './ke-hoach.ts';
import { romanNumeral } from './numbering.ts';
import { buildQuyetDinh, quyetDinhSpec } from './quyet-dinh.ts';
import { buildToTrinh, toTrinhSpec } from './to-trinh.ts';

const headings = (spec: OfficialDocumentSpec, level = 1): string[] =>
  spec.body.flatMap((b) => (b.kind === 'heading' && (b.level ?? 1) === level ? [b.text] : []));

const paragraphTexts = (blocks: readonly Block[]): string[] =>
  blocks.flatMap((b) =>
    b.kind === 'paragraph'
      ? [
          typeof b.text === 'string'
            ? b.text
            : b.text.map((p) => (typeof p === 'string' ? p : p.text)).join(''),
        ]
      : [],
  );

describe('romanNumeral', () => {
  it.each([
    [1, 'I'],
    [3, 'III'],
    [4, 'IV'],
    [9, 'IX'],
    [14, 'XIV'],
  ])('%i → %s', (value, expected) => {
    expect(romanNumeral(value)).toBe(expected);
  });
  it.each([0, -1, 1.5])('refuses %s', (value) => {
    expect(() => romanNumeral(value)).toThrow('Không đánh số La Mã');
  });
});

describe('báo cáo', () => {
  const spec = baoCaoSpec(baoCaoExample);
  it('numbers parts I., II. in capitals and sub-sections 1., 2.', () => {
    expect(headings(spec)).toEqual(['I. KẾT QUẢ THỰC HIỆN', 'II. PHƯƠNG HƯỚNG NĂM 2018']);
    expect(headings(spec, 2)).toEqual(['1. Công tác tuyên truyền']);
  });
  it('opens with the introduction, before the first part', () => {
    expect(spec.body[0]).toMatchObject({
      kind: 'paragraph',
      text: expect.stringContaining('Thực hiện Kế hoạch số 165/KH-UBND'),
    });
  });
  it('keeps only the document fields (no builder input leaks into the stored spec)', () => {
    expect(Object.keys(spec)).not.toContain('sections');
    expect(spec.docType).toBe('BÁO CÁO');
  });
});

describe('kế hoạch', () => {
  it('has the four parts of a plan when funding is given', () => {
    expect(headings(keHoachSpec(keHoachExample))).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. NỘI DUNG, NHIỆM VỤ',
      'III. KINH PHÍ THỰC HIỆN',
      'IV. TỔ CHỨC THỰC HIỆN',
    ]);
  });
  it('renumbers the parts when there is no funding part', () => {
    expect(headings(keHoachSpec({ ...keHoachExample, funding: [] }))).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. NỘI DUNG, NHIỆM VỤ',
      'III. TỔ CHỨC THỰC HIỆN',
    ]);
  });
  it('lists each task with its lead unit, partners and time frame', () => {
    const table = keHoachSpec(keHoachExample).body.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' ? table.table.rows : []).toEqual([
      [
        1,
        'Rà soát hộ nghèo, hộ cận nghèo năm 2018',
        'Phòng LĐ-TB&XH',
        'UBND các xã, thị trấn',
        'Quý IV/2018',
      ],
      [2, 'Vận động ủng hộ Quỹ Vì người nghèo', 'UBMTTQ huyện', '', 'Hằng năm'],
    ]);
  });
  it.each([
    [
      'with an enacting clause the last căn cứ ends with ";"',
      keHoachExample,
      'Căn cứ Kế hoạch số 165/KH-UBND ngày 12/10/2017 của UBND tỉnh Lạng Sơn;',
    ],
    [
      'without one it ends with "."',
      { ...keHoachExample, enactingClause: undefined },
      'Căn cứ Kế hoạch số 165/KH-UBND ngày 12/10/2017 của UBND tỉnh Lạng Sơn.',
    ],
  ])('%s', (_case, input, expected) => {
    expect(paragraphTexts(keHoachSpec(input).body)[0]).toBe(expected);
  });
});

describe('biên bản', () => {
  const spec = bienBanSpec(bienBanExample);
  const texts = paragraphTexts(spec.body);
  it('states the start time in the official form', () => {
    expect(meetingTime('2020-10-15T08:00')).toBe('08 giờ 00 phút, ngày 15 tháng 10 năm 2020');
    expect(texts).toContain('Thời gian bắt đầu: 08 giờ 00 phút, ngày 15 tháng 10 năm 2020.');
  });
  it.each([
    ['a meeting ending the same day', '2020-10-15T10:30', 'Cuộc họp kết thúc vào 10 giờ 30 phút cùng ngày;'],
    [
      'a meeting ending the next day',
      '2020-10-16T00:15',
      'Cuộc họp kết thúc vào 00 giờ 15 phút, ngày 16 tháng 10 năm 2020;',
    ],
  ])('closing line for %s', (_case, endedAt, expected) => {
    const closing = paragraphTexts(bienBanSpec({ ...bienBanExample, endedAt }).body).at(-1) ?? '';
    expect(closing.startsWith(expected)).toBe(true);
    expect(closing.endsWith('./.')).toBe(true);
  });
  it('has the secretary sign on the left and the chair on the right', () => {
    expect(spec.coSignature).toEqual({ authority: ['THƯ KÝ'], name: 'Lý Thị Mai' });
    expect(spec.signature).toEqual({ authority: ['CHỦ TỌA'], name: 'Hoàng Văn Bình' });
  });
  it('counts attendees and names the absent', () => {
    expect(texts).toContain('Thành phần tham dự: 3 người, gồm:');
    expect(texts).toContain('Vắng mặt: 1 người, gồm:');
    expect(
      paragraphTexts(bienBanSpec({ ...bienBanExample, absentees: [] }).body).some((t) =>
        t.startsWith('Vắng mặt'),
      ),
    ).toBe(false);
  });
  it.each([
    ['3 of 4 members agree', { subject: 'A', agree: 3, disagree: 0 }, 75],
    ['2 of 4 members agree', { subject: 'B', agree: 2, disagree: 1 }, 50],
    ['4 of 4 members agree', { subject: 'C', agree: 4, disagree: 0 }, 100],
  ])('vote rate on the whole council: %s → %s%', (_case, item, rate) => {
    const table = voteTable({ membersTotal: 4, membersPresent: 4, items: [item] });
    expect(table.rows[0]?.[3]).toBe(rate);
  });
  it('leaves out the vote part when nothing was voted', () => {
    expect(headings(bienBanSpec({ ...bienBanExample, votes: undefined }))).toEqual([
      'I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN',
      'II. NỘI DUNG CUỘC HỌP',
      'III. KẾT LUẬN',
    ]);
  });
  it('refuses a time that is not yyyy-MM-ddTHH:mm', () => {
    expect(() => bienBanSpec({ ...bienBanExample, startedAt: '15/10/2020 8:00' })).toThrow(
      'không đúng dạng yyyy-MM-ddTHH:mm',
    );
  });
});

describe('tờ trình', () => {
  const spec = toTrinhSpec(toTrinhExample);
  it('is addressed with "Kính gửi" and closes with "Kính trình … xem xét, quyết định./."', () => {
    expect(spec.addressees).toEqual(['Ủy ban nhân dân tỉnh Lạng Sơn']);
    expect(paragraphTexts(spec.body).at(-1)).toBe(
      'Kính trình Ủy ban nhân dân tỉnh Lạng Sơn xem xét, quyết định./.',
    );
  });
  it('attaches the list with its default caption', () => {
    expect(spec.attachments?.[0]?.title).toBe('Danh sách đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh');
    expect(spec.attachments?.[0]?.caption).toBeUndefined();
  });
});

describe('quyết định', () => {
  const spec = quyetDinhSpec(quyetDinhExample);
  it('states the deciding authority in capitals, centred and bold', () => {
    expect(spec.body[0]).toEqual({
      kind: 'paragraph',
      text: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN',
      bold: true,
      align: 'center',
    });
  });
  it('sets the grounds in italics, ";" between them and "." after the proposal', () => {
    const grounds = spec.body.filter((b) => b.kind === 'paragraph' && b.italic === true);
    expect(paragraphTexts(grounds)).toEqual([
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
      'Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003;',
      'Xét đề nghị của Trưởng Ban Thi đua - Khen thưởng tỉnh tại Tờ trình số 98/TTr-BTĐKT ngày 02/11/2020.',
    ]);
  });
  it('numbers the articles "Điều 1.", "Điều 2.", … in bold and closes the last with "./."', () => {
    const articles = spec.body.filter((b) => b.kind === 'paragraph' && typeof b.text !== 'string');
    expect(
      articles.map((a) => (a.kind === 'paragraph' && typeof a.text !== 'string' ? a.text[0] : null)),
    ).toEqual([
      { text: 'Điều 1. ', bold: true },
      { text: 'Điều 2. ', bold: true },
      { text: 'Điều 3. ', bold: true },
    ]);
    expect(paragraphTexts(articles).at(-1)?.endsWith('thi hành Quyết định này./.')).toBe(true);
  });
  it('attaches the awardees with a caption naming the decision and its signer', () => {
    const attachment = spec.attachments?.[0];
    expect(attachment?.caption).toBe(
      '(Kèm theo Quyết định số 2150/QĐ-UBND ngày 09/11/2020 của Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn)',
    );
    const table = attachment?.blocks[0];
    expect(table?.kind === 'table' ? table.table.rows.map((r) => r[1]) : []).toEqual([
      'Bà Nguyễn Thị Hồng Nhung',
      'Hộ ông Hoàng Văn Tư',
      'Ủy ban nhân dân xã Thạch Đạn',
    ]);
  });
});

describe('awardeeListTable', () => {
  it.each([
    ['no achievements given: three columns', [{ name: 'A' }], 3],
    [
      'an achievement given: a fourth column',
      [{ name: 'A' }, { name: 'B', achievement: 'Thoát nghèo bền vững' }],
      4,
    ],
  ])('%s', (_case, awardees, columns) => {
    const table = awardeeListTable(awardees);
    expect(table.columns).toHaveLength(columns);
    expect(table.rows.every((r) => r.length === columns)).toBe(true);
  });
});

describe('each builder writes a DOCX that reads back with its type, header and closing', () => {
  it.each([
    ['báo cáo', () => buildBaoCao(baoCaoExample), 'BÁO CÁO', 'I. KẾT QUẢ THỰC HIỆN'],
    ['kế hoạch', () => buildKeHoach(keHoachExample), 'KẾ HOẠCH', 'I. MỤC ĐÍCH, YÊU CẦU'],
    ['biên bản', () => buildBienBan(bienBanExample), 'BIÊN BẢN', 'III. KẾT QUẢ BIỂU QUYẾT'],
    ['tờ trình', () => buildToTrinh(toTrinhExample), 'TỜ TRÌNH', 'Kính gửi: Ủy ban nhân dân tỉnh Lạng Sơn'],
    ['quyết định', () => buildQuyetDinh(quyetDinhExample), 'QUYẾT ĐỊNH', 'QUYẾT ĐỊNH:'],
  ] as const)('%s', async (_case, build, docType, marker) => {
    const parts = await readDocx(await build());
    const texts = paragraphsOf(parts.document).map((p) => p.text);
    expect(runFormat(paragraphWithText(parts.document, docType))).toMatchObject({
      bold: true,
      sizePt: 14,
      align: 'center',
    });
    expect(texts).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(texts).toContain(marker);
  });
  it('sets "Điều 1." bold and the rest of the article plain in the quyết định', async () => {
    const parts = await readDocx(await buildQuyetDinh(quyetDinhExample));
    const article = paragraphsOf(parts.document).find((p) => p.text.startsWith('Điều 1. '));
    const runs = [...(article?.xml ?? '').matchAll(/<w:r>.*?<\/w:r>/gsu)].map((m) => /<w:b\/>/u.test(m[0]));
    expect(runs).toEqual([true, false]);
  });
});
