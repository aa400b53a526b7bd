// How well each row of langson_dvhc_lineage_2019-2025.csv is supported, and what a single row cannot say
// (a unit split between two successors). Taken from the data's notes; see reference-data/lang-son/SOURCES.md.
// The seed builder writes these into the `note` of each lineage event so that whoever re-aggregates old figures
// onto today's communes can see which links rest on a text and which were inferred.

export type EvidenceGrade = 'A' | 'B' | 'C';

export const EVIDENCE_GRADE_TEXT: Readonly<Record<EvidenceGrade, string>> = {
  A: 'Mức bằng chứng A: có trong văn bản đã đọc',
  B: 'Mức bằng chứng B: lịch sử mã của Tổng cục Thống kê, khớp với bản tổng hợp chính thức của tỉnh',
  C: 'Mức bằng chứng C: suy luận từ bản đồ, chưa tìm thấy văn bản',
};

// prettier-ignore
const GRADE_A = [
  // NQ 818/NQ-UBTVQH14 (2020)
  '06052', '06139', '06145', '06154', '06169', '06346', '06406', '06409', '06439', '06511', '06571',
  // NQ 1246/NQ-UBTVQH15 (2024): all seven rows
  '05995', '06007', '06040', '06295', '06301', '06454', '06574',
];
// prettier-ignore
const GRADE_B = [
  '06064', '06112', '06130', '06259', '06265', '06268', '06280', '06283',
  '06298', '06310', '06343', '06535', '06544', '06556', '06577', '06595',
];
// prettier-ignore
const GRADE_C = ['06229', '06262', '06271', '06289', '06304', '06334', '06538', '06568', '06580', '06583', '06586'];

/** Evidence grade by old commune code (one row per old code). */
export const LINEAGE_EVIDENCE_GRADES: ReadonlyMap<string, EvidenceGrade> = new Map<string, EvidenceGrade>([
  ...GRADE_A.map((code) => [code, 'A'] as const),
  ...GRADE_B.map((code) => [code, 'B'] as const),
  ...GRADE_C.map((code) => [code, 'C'] as const),
]);

/** The two rows whose target the maps narrow to two units only; both candidates lie in the same 2025 commune. */
export const UNRESOLVED_LINEAGE: ReadonlyMap<string, string> = new Map([
  [
    '06583',
    'Chưa xác định: đơn vị nhận có thể là Xã Minh Hiệp (06595) thay vì Xã Thống Nhất (06577); cả hai đều thuộc Xã Thống Nhất từ 01/07/2025',
  ],
  [
    '06586',
    'Chưa xác định: đơn vị nhận có thể là Xã Tú Đoạn (06562) thay vì Xã Đông Quan (06592); cả hai đều thuộc Xã Na Dương từ 01/07/2025',
  ],
]);

/** Units split between two successors: the row names the larger part or the one that kept the code. */
export const LINEAGE_SPLIT_REMARKS: ReadonlyMap<string, string> = new Map([
  [
    '06052',
    'Bị chia: 11,46 km² và 702 người về Xã Kim Đồng (dòng này); 11,00 km² và 397 người về Xã Đề Thám (06046)',
  ],
  ['06130', 'Bị chia: 14,63 km² và 714 người về Xã Bắc Hùng (06139); phần còn lại về Xã Bắc Việt'],
  [
    '06139',
    'Xã Bắc Hùng gồm toàn bộ Xã An Hùng và một phần Xã Trùng Quán (16,24 km², 1.201 người); phần còn lại của Trùng Quán về Xã Bắc Việt (suy luận)',
  ],
  ['06154', 'Một phần (4,67 km², 325 người) về Xã Bắc Hùng (06139); phần còn lại là Xã Bắc Việt'],
  ['06271', 'Khoảng 24% diện tích (theo GADM) có lẽ về Thị trấn Văn Quan; chưa kiểm chứng'],
  ['06298', 'Khoảng 11% diện tích (theo GADM) có lẽ về Thị trấn Văn Quan; chưa kiểm chứng'],
  [
    '06040',
    '18,61 km² và 8.527 người vào Thị trấn Thất Khê (giữ mã 06040); phần còn lại về Xã Đội Cấn (06025)',
  ],
  ['05995', 'Tổng cục Thống kê giữ mã 06040 cho thị trấn mở rộng và bỏ mã 05995'],
]);
