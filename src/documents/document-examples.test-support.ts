// Realistic inputs for every builder, shared by the DOCX, LibreOffice and PDF tests. The figures are
// invented; the shapes follow the documents of the movement (Kế hoạch 165/KH-UBND 2017).

import type { BaoCaoInput } from './builders/bao-cao.ts';
import type { BienBanInput } from './builders/bien-ban.ts';
import type { KeHoachInput } from './builders/ke-hoach.ts';
import type { QuyetDinhInput } from './builders/quyet-dinh.ts';
import type { ToTrinhInput } from './builders/to-trinh.ts';
import { awardeeListTable, type Awardee } from './builders/awardee-list.ts';
import type { TableSpec } from './table-spec.ts';

export const districtTable: TableSpec = {
  title: 'Kết quả giảm nghèo năm 2018 theo huyện',
  note: 'Đơn vị tính: hộ',
  columns: [
    { header: 'TT', kind: 'integer', width: 0.6, align: 'center' },
    { header: 'Huyện, thành phố', kind: 'text', width: 2.6 },
    { header: 'Hộ nghèo đầu năm', kind: 'integer', width: 1.6 },
    { header: 'Hộ thoát nghèo', kind: 'integer', width: 1.6 },
    { header: 'Tỷ lệ hộ nghèo cuối năm', kind: 'percent', width: 1.6 },
  ],
  rows: [
    [1, 'Huyện Cao Lộc', 4_312, 1_027, 15.42],
    [2, 'Huyện Lộc Bình', 5_870, 1_203, 21.07],
    [3, 'Huyện Văn Lãng', 3_905, 812, 24.5],
    [4, 'Thành phố Lạng Sơn', 312, 98, 0.83],
  ],
  totalRow: [null, 'Tổng cộng', 14_399, 3_140, 16.31],
};

const particulars = {
  parentBody: 'UBND TỈNH LẠNG SƠN',
  issuingBody: 'BAN CHỈ ĐẠO\nGIẢM NGHÈO TỈNH',
  place: 'Lạng Sơn',
} as const;

export const baoCaoExample: BaoCaoInput = {
  ...particulars,
  number: '123/BC-BCĐ',
  date: '2018-01-05',
  summary:
    'Kết quả thực hiện phong trào thi đua "Lạng Sơn chung tay vì người nghèo - Không để ai bị bỏ lại phía sau" năm 2017',
  intro: [
    'Thực hiện Kế hoạch số 165/KH-UBND ngày 12/10/2017 của UBND tỉnh, Ban Chỉ đạo giảm nghèo tỉnh báo cáo kết quả như sau:',
  ],
  sections: [
    {
      heading: 'Kết quả thực hiện',
      blocks: [
        {
          kind: 'paragraph',
          text: 'Năm 2017, toàn tỉnh có 3.140 hộ thoát nghèo, tỷ lệ hộ nghèo giảm còn 16,31%.',
        },
        { kind: 'table', table: districtTable },
      ],
      subsections: [
        {
          heading: 'Công tác tuyên truyền',
          blocks: [{ kind: 'bullet', items: ['Tổ chức 245 buổi tuyên truyền', 'Phát hành 12.000 tờ rơi'] }],
        },
      ],
    },
    {
      heading: 'Phương hướng năm 2018',
      blocks: [{ kind: 'paragraph', text: 'Phấn đấu giảm tỷ lệ hộ nghèo từ 3% trở lên./.' }],
    },
  ],
  signature: { authority: ['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'], name: 'Nguyễn Thị Hồng Nhung' },
  recipients: ['UBND tỉnh (b/c)', 'Các thành viên BCĐ', 'Lưu: VT'],
};

export const keHoachExample: KeHoachInput = {
  parentBody: undefined,
  issuingBody: 'ỦY BAN NHÂN DÂN\nHUYỆN CAO LỘC',
  place: 'Cao Lộc',
  number: '45/KH-UBND',
  date: '2018-02-20',
  summary: 'Triển khai phong trào thi đua "Lạng Sơn chung tay vì người nghèo" năm 2018',
  basis: ['Căn cứ Kế hoạch số 165/KH-UBND ngày 12/10/2017 của UBND tỉnh Lạng Sơn'],
  enactingClause: 'UBND huyện ban hành Kế hoạch triển khai thực hiện như sau:',
  purposes: ['Huy động mọi nguồn lực cho công tác giảm nghèo'],
  requirements: ['Các cơ quan, đơn vị triển khai nghiêm túc, hiệu quả'],
  tasks: [
    {
      content: 'Rà soát hộ nghèo, hộ cận nghèo năm 2018',
      lead: 'Phòng LĐ-TB&XH',
      partners: 'UBND các xã, thị trấn',
      timeframe: 'Quý IV/2018',
    },
    { content: 'Vận động ủng hộ Quỹ Vì người nghèo', lead: 'UBMTTQ huyện', timeframe: 'Hằng năm' },
  ],
  funding: ['Kinh phí thực hiện từ ngân sách huyện và nguồn xã hội hóa.'],
  duties: [
    {
      unit: 'Phòng Lao động - Thương binh và Xã hội',
      duties: ['Là cơ quan thường trực, tham mưu tổ chức thực hiện Kế hoạch'],
    },
  ],
  signature: { authority: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Hoàng Văn Bình' },
  recipients: ['UBND tỉnh', 'TT Huyện ủy, HĐND huyện', 'Lưu: VT'],
};

export const bienBanExample: BienBanInput = {
  issuingBody: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG\nHUYỆN CAO LỘC',
  place: 'Cao Lộc',
  number: '07/BB-HĐTĐKT',
  date: '2020-10-15',
  summary: 'Họp Hội đồng Thi đua - Khen thưởng huyện xét đề nghị khen thưởng tổng kết phong trào',
  startedAt: '2020-10-15T08:00',
  endedAt: '2020-10-15T10:30',
  venue: 'Hội trường UBND huyện Cao Lộc',
  chair: { name: 'Hoàng Văn Bình', position: 'Chủ tịch UBND huyện, Chủ tịch Hội đồng' },
  secretary: { name: 'Lý Thị Mai', position: 'Phó Trưởng phòng Nội vụ' },
  attendees: [
    { name: 'Hoàng Văn Bình', position: 'Chủ tịch Hội đồng' },
    { name: 'Vi Văn Thắng', position: 'Phó Chủ tịch Hội đồng' },
    { name: 'Lý Thị Mai', position: 'Ủy viên, Thư ký' },
  ],
  absentees: [{ name: 'Nông Văn Hải', position: 'Ủy viên (đi công tác)' }],
  proceedings: [
    { kind: 'paragraph', text: 'Hội đồng nghe Phòng Nội vụ trình bày danh sách đề nghị khen thưởng.' },
  ],
  votes: {
    membersTotal: 4,
    membersPresent: 3,
    items: [
      { subject: 'Hộ ông Hoàng Văn Tư, thôn Nà Pàn', agree: 3, disagree: 0 },
      { subject: 'UBND xã Hợp Thành', agree: 2, disagree: 1 },
    ],
  },
  conclusions: ['Thống nhất đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 01 hộ gia đình'],
  recipients: ['Ban TĐ-KT tỉnh', 'Lưu: VT'],
};

export const awardees: readonly Awardee[] = [
  { name: 'Bà Nguyễn Thị Hồng Nhung', description: 'Thôn Nà Pàn, xã Hợp Thành, huyện Cao Lộc' },
  { name: 'Hộ ông Hoàng Văn Tư', description: 'Thôn Bản Ngõa, xã Hợp Thành, huyện Cao Lộc' },
  { name: 'Ủy ban nhân dân xã Thạch Đạn', description: 'Huyện Cao Lộc' },
];

export const toTrinhExample: ToTrinhInput = {
  issuingBody: 'ỦY BAN NHÂN DÂN\nHUYỆN CAO LỘC',
  place: 'Cao Lộc',
  number: '12/TTr-UBND',
  date: '2020-10-20',
  summary: 'Về việc đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh',
  addressee: 'Ủy ban nhân dân tỉnh Lạng Sơn',
  basis: [
    'Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003',
    'Căn cứ Kế hoạch số 165/KH-UBND ngày 12/10/2017 của UBND tỉnh',
  ],
  content: [
    {
      kind: 'paragraph',
      text: 'Qua 3 năm thực hiện phong trào, các tập thể, hộ gia đình dưới đây đã có thành tích xuất sắc.',
    },
  ],
  proposal:
    'UBND huyện Cao Lộc đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 01 tập thể, 02 cá nhân và hộ gia đình (có danh sách kèm theo)',
  list: {
    title: 'Danh sách đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh',
    table: awardeeListTable(awardees),
  },
  signature: { authority: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Vi Văn Thắng' },
  recipients: ['Như trên', 'Ban TĐ-KT tỉnh', 'Lưu: VT'],
};

export const quyetDinhExample: QuyetDinhInput = {
  issuingBody: 'ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN',
  place: 'Lạng Sơn',
  number: '2150/QĐ-UBND',
  date: '2020-11-09',
  summary: 'Về việc tặng Bằng khen của Chủ tịch UBND tỉnh',
  authority: 'Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn',
  basis: [
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015',
    'Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003',
  ],
  proposal:
    'Xét đề nghị của Trưởng Ban Thi đua - Khen thưởng tỉnh tại Tờ trình số 98/TTr-BTĐKT ngày 02/11/2020',
  articles: [
    'Tặng Bằng khen của Chủ tịch UBND tỉnh cho 01 tập thể, 02 cá nhân và hộ gia đình (có danh sách kèm theo), đã có thành tích xuất sắc trong phong trào thi đua "Lạng Sơn chung tay vì người nghèo - Không để ai bị bỏ lại phía sau" giai đoạn 2016 - 2020.',
    'Kèm theo Bằng khen, tập thể được thưởng 1.490.000 đồng, cá nhân và hộ gia đình được thưởng 745.000 đồng.',
    'Chánh Văn phòng UBND tỉnh, Trưởng Ban Thi đua - Khen thưởng tỉnh và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.',
  ],
  awardees: { title: 'Danh sách tập thể, cá nhân và hộ gia đình được tặng Bằng khen', list: awardees },
  signature: { authority: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Thị Hồng Nhung' },
  recipients: ['Như Điều 3', 'CT, các PCT UBND tỉnh', 'Lưu: VT'],
};
