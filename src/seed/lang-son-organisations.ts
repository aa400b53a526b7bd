import type { OrganisationType } from '../shared/schemas/participants.schema.ts';

// Provincial bodies of Lạng Sơn (DOMAIN.md §1): the departments, the Fatherland Front and the unions, the armed
// forces and the social-policy bank. All sit in the province unit (code 20).
//
// 2025 reorganisation (Kết luận 121-KL/TW; the departments were merged from 01/03/2025): Kế hoạch và Đầu tư into
// Tài chính; Giao thông vận tải into Xây dựng; Tài nguyên và Môi trường with Nông nghiệp và Phát triển nông thôn
// into Nông nghiệp và Môi trường (which took over poverty reduction); Thông tin và Truyền thông into Khoa học và
// Công nghệ; Lao động - Thương binh và Xã hội into Nội vụ; Ban Dân tộc became Sở Dân tộc và Tôn giáo.
// The exact dates of each act are configurable data: an administrator closes or opens organisations in the app.

export interface OrganisationSeed {
  key: string;
  name: string;
  shortName?: string;
  type: OrganisationType;
  validFrom: string;
  validTo: string | null;
}

const from = '2016-01-01';
const reform = '2025-03-01';

export const langSonOrganisations: OrganisationSeed[] = [
  { key: 'vp-ubnd', name: 'Văn phòng Ủy ban nhân dân tỉnh', shortName: 'VP UBND', type: 'department', validFrom: from, validTo: null },
  { key: 'so-noi-vu', name: 'Sở Nội vụ', shortName: 'SNV', type: 'department', validFrom: from, validTo: null },
  { key: 'ban-tdkt', name: 'Ban Thi đua - Khen thưởng (Sở Nội vụ)', shortName: 'Ban TĐKT', type: 'department', validFrom: from, validTo: null },
  { key: 'so-tu-phap', name: 'Sở Tư pháp', type: 'department', validFrom: from, validTo: null },
  { key: 'so-khdt', name: 'Sở Kế hoạch và Đầu tư', type: 'department', validFrom: from, validTo: reform },
  { key: 'so-tai-chinh', name: 'Sở Tài chính', type: 'department', validFrom: from, validTo: null },
  { key: 'so-cong-thuong', name: 'Sở Công Thương', type: 'department', validFrom: from, validTo: null },
  { key: 'so-nnptnt', name: 'Sở Nông nghiệp và Phát triển nông thôn', type: 'department', validFrom: from, validTo: reform },
  { key: 'so-gtvt', name: 'Sở Giao thông vận tải', type: 'department', validFrom: from, validTo: reform },
  { key: 'so-xay-dung', name: 'Sở Xây dựng', type: 'department', validFrom: from, validTo: null },
  { key: 'so-tnmt', name: 'Sở Tài nguyên và Môi trường', type: 'department', validFrom: from, validTo: reform },
  { key: 'so-tttt', name: 'Sở Thông tin và Truyền thông', type: 'department', validFrom: from, validTo: reform },
  { key: 'so-ldtbxh', name: 'Sở Lao động - Thương binh và Xã hội', shortName: 'Sở LĐTBXH', type: 'department', validFrom: from, validTo: reform },
  { key: 'so-vhttdl', name: 'Sở Văn hóa, Thể thao và Du lịch', type: 'department', validFrom: from, validTo: null },
  { key: 'so-khcn', name: 'Sở Khoa học và Công nghệ', type: 'department', validFrom: from, validTo: null },
  { key: 'so-gddt', name: 'Sở Giáo dục và Đào tạo', type: 'department', validFrom: from, validTo: null },
  { key: 'so-y-te', name: 'Sở Y tế', type: 'department', validFrom: from, validTo: null },
  { key: 'so-ngoai-vu', name: 'Sở Ngoại vụ', type: 'department', validFrom: from, validTo: null },
  { key: 'thanh-tra', name: 'Thanh tra tỉnh', type: 'department', validFrom: from, validTo: null },
  { key: 'ban-dan-toc', name: 'Ban Dân tộc', type: 'department', validFrom: from, validTo: reform },
  { key: 'bql-kktck', name: 'Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn', type: 'department', validFrom: from, validTo: null },
  { key: 'so-nnmt', name: 'Sở Nông nghiệp và Môi trường', type: 'department', validFrom: reform, validTo: null },
  { key: 'so-dttg', name: 'Sở Dân tộc và Tôn giáo', type: 'department', validFrom: reform, validTo: null },
  { key: 'mttq', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', shortName: 'UB MTTQ tỉnh', type: 'fatherland_front', validFrom: from, validTo: null },
  { key: 'hoi-nong-dan', name: 'Hội Nông dân tỉnh', type: 'union', validFrom: from, validTo: null },
  { key: 'hoi-phu-nu', name: 'Hội Liên hiệp Phụ nữ tỉnh', type: 'union', validFrom: from, validTo: null },
  { key: 'tinh-doan', name: 'Tỉnh Đoàn', type: 'union', validFrom: from, validTo: null },
  { key: 'hoi-ccb', name: 'Hội Cựu chiến binh tỉnh', type: 'union', validFrom: from, validTo: null },
  { key: 'ldld', name: 'Liên đoàn Lao động tỉnh', type: 'union', validFrom: from, validTo: null },
  { key: 'bchqs', name: 'Bộ Chỉ huy Quân sự tỉnh', type: 'armed_forces', validFrom: from, validTo: null },
  { key: 'bdbp', name: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', type: 'armed_forces', validFrom: from, validTo: null },
  { key: 'cong-an', name: 'Công an tỉnh', type: 'armed_forces', validFrom: from, validTo: null },
  { key: 'nhcsxh', name: 'Ngân hàng Chính sách xã hội chi nhánh tỉnh Lạng Sơn', shortName: 'NHCSXH', type: 'bank', validFrom: from, validTo: null },
];
