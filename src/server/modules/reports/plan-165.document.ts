// Kế hoạch 165/KH-UBND ngày 26/9/2017 of the Lạng Sơn People's Committee, as a kế hoạch document: the content comes
// from the restored text of the plan (shared/seed/plan-165-KH-UBND-2017.md): purposes and requirements (§I), the
// tasks of §V with who leads them, and the duties of each level. Rendered with the kế hoạch builder in the
// Nghị định 30/2020 layout (the plan itself followed Thông tư 01/2011/TT-BNV, visually almost the same).

import type { KeHoachInput } from '../../../documents/index.ts';

const movement = 'Phong trào thi đua "Lạng Sơn cùng cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau" giai đoạn 2016 - 2020';

export const plan165KeHoach: KeHoachInput = {
  issuingBody: 'ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN',
  number: '165/KH-UBND',
  place: 'Lạng Sơn',
  date: '2017-09-26',
  summary: `Tổ chức thực hiện ${movement}`,
  basis: [
    'Căn cứ Quyết định số 1258/QĐ-TTg ngày 21/8/2017 của Thủ tướng Chính phủ về việc phát động Phong trào thi đua "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau" giai đoạn 2016 - 2020',
    'Căn cứ Nghị quyết số 22-NQ/TU ngày 02/8/2016 của Ban Chấp hành Đảng bộ tỉnh về thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2016 - 2020',
  ],
  enactingClause: `Ủy ban nhân dân tỉnh ban hành Kế hoạch tổ chức thực hiện ${movement} (gọi tắt là Phong trào thi đua) như sau:`,
  purposes: [
    'Tạo sự chuyển biến mạnh mẽ về nhận thức của các cấp ủy đảng, chính quyền và Nhân dân về giảm nghèo bền vững; huy động cả hệ thống chính trị và toàn xã hội thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững của tỉnh Lạng Sơn giai đoạn 2016 - 2020',
    'Phát huy kết quả đã đạt được; đẩy mạnh công tác tuyên truyền; tạo khí thế thi đua sôi nổi',
    'Phấn đấu đến năm 2020 tỷ lệ hộ nghèo toàn tỉnh giảm còn khoảng 11%, bình quân giảm 3%/năm; các huyện, xã có tỷ lệ hộ nghèo từ 40% trở lên giảm từ 4%/năm trở lên; cải thiện sinh kế và chất lượng cuộc sống của người nghèo',
  ],
  requirements: [
    'Phong trào thi đua là nhiệm vụ trọng tâm, thường xuyên của các cấp, các ngành, địa phương, đơn vị từ tỉnh đến cơ sở và của các cụm thi đua đến năm 2020',
    'Hình thức thi đua phong phú, đa dạng, thiết thực, phù hợp với từng ngành, địa phương; bảo đảm tự nguyện, sáng tạo',
    'Phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến, sáng kiến, cách làm hay; kịp thời biểu dương, tôn vinh, khen thưởng tập thể, cá nhân, hộ gia đình có thành tích tiêu biểu, xuất sắc',
  ],
  tasks: [
    {
      content: 'Xây dựng kế hoạch thực hiện Phong trào thi đua của ngành, đơn vị; định kỳ báo cáo kết quả về UBND tỉnh (qua Ban Thi đua - Khen thưởng, Sở Nội vụ) cùng báo cáo công tác thi đua, khen thưởng',
      lead: 'Các sở, ban, ngành, đoàn thể tỉnh',
      partners: 'Ban Thi đua - Khen thưởng (Sở Nội vụ)',
      timeframe: 'Định kỳ hằng năm',
    },
    {
      content: 'Đẩy mạnh tuyên truyền, vận động hưởng ứng Phong trào thi đua',
      lead: 'Ủy ban MTTQ Việt Nam tỉnh và các tổ chức thành viên',
      partners: 'Các cơ quan thông tin đại chúng',
      timeframe: '2017 - 2020',
    },
    {
      content: 'Xây dựng kế hoạch thực hiện Phong trào thi đua tại địa phương; phát hiện điển hình tiên tiến để kịp thời biểu dương, khen thưởng',
      lead: 'UBND các huyện, thành phố',
      partners: 'UBND các xã, phường, thị trấn',
      timeframe: '2017 - 2020',
    },
    {
      content: 'Hưởng ứng Phong trào thi đua bằng việc làm cụ thể: ủng hộ Quỹ "Vì người nghèo", làm từ thiện, liên kết sản xuất, bao tiêu sản phẩm',
      lead: 'Các doanh nghiệp, hợp tác xã',
      partners: 'Ủy ban MTTQ Việt Nam các cấp',
      timeframe: 'Hằng năm',
    },
    {
      content: 'Phối hợp với Ban Chỉ đạo các Chương trình mục tiêu quốc gia; thành viên Hội đồng phụ trách cụm thi đua theo dõi, kiểm tra, đôn đốc các đơn vị, địa phương',
      lead: 'Hội đồng Thi đua - Khen thưởng các cấp',
      partners: 'Ban Chỉ đạo các Chương trình mục tiêu quốc gia',
      timeframe: '2017 - 2020',
    },
    {
      content: 'Sơ kết Phong trào thi đua, rút kinh nghiệm',
      lead: 'Các sở, ban, ngành, đoàn thể tỉnh; UBND các huyện, thành phố',
      timeframe: 'Năm 2018',
    },
    {
      content: 'Tổng kết Phong trào thi đua',
      lead: 'Các sở, ban, ngành, đoàn thể tỉnh; UBND các huyện, thành phố',
      timeframe: 'Năm 2020',
    },
    {
      content: 'Hướng dẫn, đôn đốc, kiểm tra, tổng hợp, báo cáo kết quả thực hiện Phong trào thi đua về UBND tỉnh',
      lead: 'Ban Thi đua - Khen thưởng (Sở Nội vụ)',
      partners: 'Sở Lao động - Thương binh và Xã hội',
      timeframe: 'Định kỳ hằng năm',
    },
  ],
  duties: [
    {
      unit: 'Các sở, ban, ngành, Mặt trận Tổ quốc và các đoàn thể tỉnh',
      duties: [
        'Xây dựng kế hoạch tổ chức Phong trào thi đua trong phạm vi ngành, đơn vị',
        'Định kỳ báo cáo kết quả về UBND tỉnh qua Ban Thi đua - Khen thưởng (Sở Nội vụ), lồng ghép trong báo cáo công tác thi đua, khen thưởng',
        'Ủy ban MTTQ Việt Nam tỉnh và các tổ chức thành viên, các cơ quan thông tin đại chúng đẩy mạnh tuyên truyền, vận động',
      ],
    },
    {
      unit: 'UBND các huyện, thành phố',
      duties: [
        'Xây dựng kế hoạch thực hiện Phong trào thi đua tại địa phương',
        'Phát hiện điển hình tiên tiến để kịp thời biểu dương, khen thưởng; năm 2018 sơ kết, năm 2020 tổng kết Phong trào thi đua',
      ],
    },
    {
      unit: 'Các doanh nghiệp, hợp tác xã',
      duties: ['Hưởng ứng Phong trào thi đua bằng việc làm cụ thể: ủng hộ Quỹ "Vì người nghèo", làm từ thiện, liên kết sản xuất, bao tiêu sản phẩm'],
    },
    {
      unit: 'Hội đồng Thi đua - Khen thưởng các cấp',
      duties: [
        'Phối hợp với Ban Chỉ đạo các Chương trình mục tiêu quốc gia cùng cấp chỉ đạo thực hiện Phong trào thi đua',
        'Thành viên Hội đồng phụ trách cụm thi đua theo dõi, kiểm tra, đôn đốc các đơn vị, địa phương',
      ],
    },
    {
      unit: 'Ban Thi đua - Khen thưởng (Sở Nội vụ)',
      duties: [
        'Là cơ quan thường trực của Hội đồng Thi đua - Khen thưởng tỉnh, chủ trì, phối hợp với Sở Lao động - Thương binh và Xã hội hướng dẫn, đôn đốc, kiểm tra việc thực hiện Kế hoạch',
        'Tổng hợp, báo cáo kết quả thực hiện Phong trào thi đua về UBND tỉnh',
      ],
    },
  ],
  signature: { authority: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Hồ Tiến Thiệu' },
  recipients: [
    'Ban Thi đua - Khen thưởng Trung ương',
    'Thường trực Tỉnh ủy',
    'Thường trực HĐND tỉnh',
    'Chủ tịch, các PCT UBND tỉnh',
    'Các thành viên Hội đồng TĐKT tỉnh',
    'Các cụm thi đua năm 2017 (theo Thông báo số 90/TB-UBND)',
    'Phòng Nội vụ các huyện, thành phố',
    'Lưu: VT',
  ],
};
