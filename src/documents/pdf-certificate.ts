// A certificate (Bằng khen, Giấy khen) as a one-page A4 landscape PDF, printed after a decision
// (DOMAIN.md §9). The awardee's name is the point of the page: it is set large and shrunk only as
// far as needed to stay on one line, and every diacritic comes from the embedded font.

import { formatDate, formatOfficialDateLine } from '../shared/vi-format.ts';
import type { Signer } from './document-spec.ts';
import { MOTTO, NATIONAL_TITLE } from './official-docx.ts';
import { createPdf, finishPdf, useFont } from './pdf-setup.ts';

export interface CertificateSpec {
  /** Who grants, e.g. "Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn" (printed in capitals). */
  readonly grantingAuthority: string;
  /** The form, e.g. "Bằng khen" or "Giấy khen" (printed in capitals). */
  readonly title: string;
  /** E.g. "Bà Nguyễn Thị Hồng Nhung", "Hộ ông Hoàng Văn Bình", "Ủy ban nhân dân xã Hợp Thành". */
  readonly awardeeName: string;
  /** Position, unit or address under the name. */
  readonly awardeeDetail?: string;
  /** E.g. "Đã có thành tích xuất sắc trong phong trào thi đua …". */
  readonly reason: string;
  readonly decision: { readonly number: string; readonly date: string };
  /** Địa danh of the date line, e.g. "Lạng Sơn". */
  readonly place: string;
  readonly signer: Signer;
  /** Số vào sổ khen thưởng (sổ vàng), when the registry gives one. */
  readonly registryNumber?: string;
}

const RED = '#B00000';
const BLACK = '#000000';
const NAME_MAX_PT = 34;
const NAME_MIN_PT = 18;

/** The largest size (in whole points) at which the text fits on one line of the given width. */
function fittingSize(doc: PDFKit.PDFDocument, text: string, width: number, max: number, min: number): number {
  for (let size = max; size > min; size -= 1) {
    if (useFont(doc, size, { bold: true }).widthOfString(text) <= width) return size;
  }
  return min;
}

export async function renderCertificatePdf(spec: CertificateSpec): Promise<Buffer> {
  const margin = 56;
  const doc = createPdf({
    layout: 'landscape',
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    title: `${spec.title} - ${spec.awardeeName}`,
    subject: `Quyết định số ${spec.decision.number} ngày ${formatDate(spec.decision.date)}`,
  });
  const { width, height } = doc.page;
  const contentWidth = width - 2 * margin;
  doc
    .lineWidth(3)
    .strokeColor(RED)
    .rect(20, 20, width - 40, height - 40)
    .stroke();
  doc
    .lineWidth(1)
    .rect(28, 28, width - 56, height - 56)
    .stroke();

  const centred = (
    text: string,
    size: number,
    style: { bold?: boolean; italic?: boolean; underline?: boolean; color?: string; gap?: number } = {},
  ): void => {
    useFont(doc, size, style)
      .fillColor(style.color ?? BLACK)
      .text(text, margin, doc.y, {
        width: contentWidth,
        align: 'center',
        underline: style.underline ?? false,
      });
    doc.y += style.gap ?? 0;
  };

  doc.y = margin - 6;
  centred(NATIONAL_TITLE, 14, { bold: true });
  centred(MOTTO, 15, { bold: true, underline: true, gap: 14 });
  centred(spec.grantingAuthority.toLocaleUpperCase('vi'), 17, { bold: true, gap: 2 });
  centred('TẶNG', 16, { bold: true, gap: 2 });
  centred(spec.title.toLocaleUpperCase('vi'), 44, { bold: true, color: RED, gap: 6 });
  centred(spec.awardeeName, fittingSize(doc, spec.awardeeName, contentWidth, NAME_MAX_PT, NAME_MIN_PT), {
    bold: true,
    color: RED,
    gap: 4,
  });
  if (spec.awardeeDetail) centred(spec.awardeeDetail, 16, { italic: true, gap: 6 });
  // The foot: the decision on the left, the date and the signature on the right, anchored to the bottom.
  const footTop = height - margin - 150;
  const reasonWidth = contentWidth * 0.85;
  const reasonTop = doc.y + 4;
  // A long reason is set smaller rather than run into the signature block.
  let reasonSize = 17;
  while (
    reasonSize > 12 &&
    reasonTop +
      useFont(doc, reasonSize).heightOfString(spec.reason, { width: reasonWidth, align: 'center' }) >
      footTop - 4
  ) {
    reasonSize -= 1;
  }
  useFont(doc, reasonSize)
    .fillColor(BLACK)
    .text(spec.reason, margin + (contentWidth - reasonWidth) / 2, reasonTop, {
      width: reasonWidth,
      align: 'center',
    });
  const leftX = margin + 10;
  const rightWidth = 330;
  const rightX = width - margin - rightWidth;
  useFont(doc, 13)
    .fillColor(BLACK)
    .text(
      `Quyết định số ${spec.decision.number} ngày ${formatDate(spec.decision.date)}`,
      leftX,
      footTop + 100,
      { width: 300 },
    );
  if (spec.registryNumber)
    useFont(doc, 13).text(`Số sổ vàng: ${spec.registryNumber}`, leftX, doc.y, { width: 300 });

  useFont(doc, 15, { italic: true }).text(
    formatOfficialDateLine(spec.place, spec.decision.date),
    rightX,
    footTop,
    { width: rightWidth, align: 'center' },
  );
  for (const authority of spec.signer.authority) {
    useFont(doc, 15, { bold: true }).text(authority.toLocaleUpperCase('vi'), rightX, doc.y, {
      width: rightWidth,
      align: 'center',
    });
  }
  useFont(doc, 16, { bold: true }).text(spec.signer.name, rightX, doc.y + 62, {
    width: rightWidth,
    align: 'center',
  });
  return finishPdf(doc);
}
