// What every PDF of ours shares: A4, the embedded Liberation Serif (Times New Roman metrics, full
// Vietnamese coverage — fonts.ts), document information in Vietnamese, and collecting the output.
// Embedding matters: a PDF that leans on the reader's Times New Roman shows broken diacritics on a
// machine without it, and a published document must look the same everywhere.

import PDFDocument from 'pdfkit';
import { fontPath, fontStyleOf, type FontStyle } from './fonts.ts';

export interface PdfSetup {
  readonly layout: 'portrait' | 'landscape';
  /** Margins in points. */
  readonly margins: {
    readonly top: number;
    readonly bottom: number;
    readonly left: number;
    readonly right: number;
  };
  readonly title: string;
  readonly subject?: string;
}

const STYLES: readonly FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

export function createPdf(setup: PdfSetup): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: setup.layout,
    margins: setup.margins,
    // The default Helvetica cannot show Vietnamese; start on the embedded font.
    font: fontPath('regular'),
    bufferPages: true,
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: setup.title,
      Subject: setup.subject ?? setup.title,
      Author: 'Chung Tay',
      Creator: 'Chung Tay',
    },
  });
  for (const style of STYLES) doc.registerFont(style, fontPath(style));
  doc.font('regular');
  return doc;
}

export function useFont(
  doc: PDFKit.PDFDocument,
  sizePt: number,
  style: { bold?: boolean; italic?: boolean } = {},
): PDFKit.PDFDocument {
  return doc.font(fontStyleOf(style.bold, style.italic)).fontSize(sizePt);
}

/** End the document and resolve with its bytes. */
export function finishPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
