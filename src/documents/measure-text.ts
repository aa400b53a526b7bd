// Width of a line of text in points, set in Times New Roman (measured with its metric twin, see fonts.ts).
// The DOCX writer needs it to draw the short rules the decree puts under the issuing body and the
// summary: their length is a fraction of the text line above them.

import PDFDocument from 'pdfkit';
import { fontPath, type FontStyle } from './fonts.ts';

let measurer: PDFKit.PDFDocument | undefined;

export function measureTextPoints(text: string, sizePt: number, style: FontStyle): number {
  // A document without pages only loads fonts; it never produces output.
  measurer ??= new PDFDocument({ autoFirstPage: false });
  return measurer.font(fontPath(style)).fontSize(sizePt).widthOfString(text);
}
