// Measurements of an official document, shared by the DOCX writer and the PDF renderer.
// Source: Nghị định 30/2020/NĐ-CP, Phụ lục I (thể thức và kỹ thuật trình bày văn bản hành chính);
// where the decree gives a range we take one value inside it and say which.

/** Khổ A4 (210 × 297 mm), trình bày theo chiều dài. */
export const A4_MM = { width: 210, height: 297 } as const;

/** Lề trên, dưới 20–25 mm; lề trái 30–35 mm; lề phải 15–20 mm — the smallest of each range, as most UBND templates use. */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

/** Distance of the page-number header from the top edge (it sits inside the 20 mm top margin). */
export const HEADER_DISTANCE_MM = 10;

/** Phông chữ tiếng Việt Times New Roman, bộ mã Unicode (TCVN 6909:2001), màu đen. */
export const FONT_FAMILY = 'Times New Roman';

/** Cỡ chữ (pt). The decree gives 12–13 or 13–14 for most parts; we use the larger value except where noted. */
export const SIZE_PT = {
  body: 14,
  /** Tên cơ quan chủ quản và tên cơ quan ban hành: 12–13. */
  issuingBody: 13,
  /** "Số: …": 13. */
  number: 13,
  /** Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": 12–13. */
  nationalTitle: 13,
  /** Tiêu ngữ "Độc lập - Tự do - Hạnh phúc": 13–14. */
  motto: 14,
  /** Địa danh và thời gian ban hành: 13–14, nghiêng. */
  dateLine: 14,
  /** Tên loại văn bản: 13–14, đứng, đậm. */
  docType: 14,
  summary: 14,
  signature: 14,
  /** "Nơi nhận:" 12, nghiêng, đậm. */
  recipientsLabel: 12,
  /** Danh sách nơi nhận: 11. */
  recipients: 11,
  /** Số trang: 13–14. */
  pageNumber: 14,
  /** Tables are not sized by the decree; 12 keeps a 6–8 column table on an A4 portrait page. */
  table: 12,
} as const;

/** Lùi đầu dòng 1–1,27 cm. */
export const FIRST_LINE_INDENT_CM = 1.27;

/** Khoảng cách giữa các dòng từ dòng đơn đến 1,5 dòng. */
export const LINE_SPACING = 1.2;

/** Khoảng cách giữa các đoạn văn tối thiểu 6 pt. */
export const PARAGRAPH_SPACING_PT = 6;

/**
 * The rule under the issuing body and under the summary is "dài từ 1/3 đến 1/2 độ dài của dòng chữ,
 * đặt cân đối so với dòng chữ" — we take 40 %.
 */
export const RULE_LENGTH_RATIO = 0.4;

/** Space left between the authority line and the signer's name for the signature and the seal. */
export const SIGNATURE_SPACE_MM = 28;

const TWIPS_PER_INCH = 1440;
const MM_PER_INCH = 25.4;
const POINTS_PER_INCH = 72;

/** Millimetres to twentieths of a point, rounded as Word stores them: 20 mm → 1134, 30 mm → 1701, 15 mm → 850. */
export function mmToTwips(mm: number): number {
  return Math.round((mm / MM_PER_INCH) * TWIPS_PER_INCH);
}

export function mmToPoints(mm: number): number {
  return (mm / MM_PER_INCH) * POINTS_PER_INCH;
}

export function pointsToTwips(points: number): number {
  return Math.round(points * 20);
}
