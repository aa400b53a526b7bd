// A published document as PDF, from the same OfficialDocumentSpec as the DOCX and laid out by the
// same measurements (official-layout.ts): header block, type and summary, body, tables with their
// header row repeated on each page, signature and recipients, attachments on new pages, and page
// numbers centred in the top margin from page 2 on.

import { formatOfficialDateLine } from '../shared/vi-format.ts';
import {
  assertIsoDate,
  attachmentCaption,
  headerLines,
  recipientLines,
  type Block,
  type Inline,
  type OfficialDocumentSpec,
  type Signer,
  type TextContent,
} from './document-spec.ts';
import { MOTTO, NATIONAL_TITLE } from './official-docx.ts';
import {
  A4_MM,
  FIRST_LINE_INDENT_CM,
  HEADER_DISTANCE_MM,
  LINE_SPACING,
  MARGINS_MM,
  PARAGRAPH_SPACING_PT,
  RULE_LENGTH_RATIO,
  SIGNATURE_SPACE_MM,
  SIZE_PT,
  mmToPoints,
} from './official-layout.ts';
import { createPdf, finishPdf, useFont } from './pdf-setup.ts';
import {
  alignmentOf,
  assertTableShape,
  formatCell,
  shareWidths,
  type CellValue,
  type TableSpec,
} from './table-spec.ts';

const LEFT = mmToPoints(MARGINS_MM.left);
const CONTENT_WIDTH = mmToPoints(A4_MM.width - MARGINS_MM.left - MARGINS_MM.right);
/** Same column split as the DOCX header table (3600 of 9355 twips on the left). */
const HEADER_LEFT_WIDTH = 180;
const CLOSING_LEFT_WIDTH = 215;
const INDENT = (FIRST_LINE_INDENT_CM / 2.54) * 72;
const CELL_PAD_X = 4;
const CELL_PAD_Y = 3;

type Doc = PDFKit.PDFDocument;
type Style = { bold?: boolean; italic?: boolean; underline?: boolean };

function bottomOf(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Start a new page when fewer than `needed` points are left, so a heading or a signature is not stranded. */
function ensureSpace(doc: Doc, needed: number): void {
  if (doc.y + needed > bottomOf(doc)) doc.addPage();
}

/** Extra leading so lines are LINE_SPACING times the font's own line height, as Word's "multiple" spacing. */
function lineGapFor(doc: Doc): number {
  return doc.currentLineHeight(true) * (LINE_SPACING - 1);
}

function centred(doc: Doc, text: string, x: number, width: number, size: number, style: Style = {}): void {
  useFont(doc, size, style).text(text, x, doc.y, {
    width,
    align: 'center',
    underline: style.underline ?? false,
  });
}

/** The short rule under a centred text: RULE_LENGTH_RATIO of the text's width, centred in the column. */
function shortRule(doc: Doc, lines: readonly string[], x: number, width: number, size: number): void {
  useFont(doc, size, { bold: true });
  const textWidth = Math.min(width, Math.max(...lines.map((l) => doc.widthOfString(l))));
  const length = textWidth * RULE_LENGTH_RATIO;
  const y = doc.y + 3;
  doc
    .lineWidth(0.75)
    .strokeColor('#000000')
    .moveTo(x + (width - length) / 2, y)
    .lineTo(x + (width + length) / 2, y)
    .stroke();
  doc.y = y + 3;
}

function headerBlock(doc: Doc, spec: OfficialDocumentSpec): void {
  const top = doc.page.margins.top;
  const rightX = LEFT + HEADER_LEFT_WIDTH;
  const rightWidth = CONTENT_WIDTH - HEADER_LEFT_WIDTH;
  const issuing = headerLines(spec.issuingBody);
  doc.y = top;
  for (const l of spec.parentBody ? headerLines(spec.parentBody) : [])
    centred(doc, l, LEFT, HEADER_LEFT_WIDTH, SIZE_PT.issuingBody);
  for (const l of issuing) centred(doc, l, LEFT, HEADER_LEFT_WIDTH, SIZE_PT.issuingBody, { bold: true });
  shortRule(doc, issuing, LEFT, HEADER_LEFT_WIDTH, SIZE_PT.issuingBody);
  const leftBottom = doc.y;
  doc.y = top;
  centred(doc, NATIONAL_TITLE, rightX, rightWidth, SIZE_PT.nationalTitle, { bold: true });
  centred(doc, MOTTO, rightX, rightWidth, SIZE_PT.motto, { bold: true, underline: true });
  const row2 = Math.max(leftBottom, doc.y) + PARAGRAPH_SPACING_PT;
  doc.y = row2;
  centred(doc, `Số: ${spec.number}`, LEFT, HEADER_LEFT_WIDTH, SIZE_PT.number);
  const leftEnd = doc.y;
  doc.y = row2;
  centred(doc, formatOfficialDateLine(spec.place, spec.date), rightX, rightWidth, SIZE_PT.dateLine, {
    italic: true,
  });
  doc.y = Math.max(leftEnd, doc.y);
}

function titleBlock(doc: Doc, spec: OfficialDocumentSpec): void {
  doc.y += 24;
  centred(doc, spec.docType, LEFT, CONTENT_WIDTH, SIZE_PT.docType, { bold: true });
  centred(doc, spec.summary, LEFT, CONTENT_WIDTH, SIZE_PT.summary, { bold: true });
  shortRule(doc, [spec.summary], LEFT, CONTENT_WIDTH, SIZE_PT.summary);
  const addressees = spec.addressees ?? [];
  if (addressees.length === 1) {
    doc.y += 12;
    centred(doc, `Kính gửi: ${addressees[0] ?? ''}`, LEFT, CONTENT_WIDTH, SIZE_PT.body);
  } else if (addressees.length > 1) {
    doc.y += 12;
    useFont(doc, SIZE_PT.body).text('Kính gửi:', LEFT + 60, doc.y);
    for (const l of recipientLines(addressees))
      useFont(doc, SIZE_PT.body).text(l, LEFT + 128, doc.y, { width: CONTENT_WIDTH - 128 });
  }
}

/** A paragraph of body text; styled pieces are set one after another with pdfkit's `continued`. */
function paragraph(
  doc: Doc,
  content: TextContent,
  options: Style & { align?: 'justify' | 'center' | 'left' | 'right'; indent?: boolean },
): void {
  const pieces: readonly Inline[] = typeof content === 'string' ? [content] : content;
  doc.y += PARAGRAPH_SPACING_PT;
  useFont(doc, SIZE_PT.body, options);
  const layout = {
    width: CONTENT_WIDTH,
    align: options.align ?? 'justify',
    indent: options.indent === false ? 0 : INDENT,
    lineGap: lineGapFor(doc),
  } as const;
  doc.x = LEFT;
  pieces.forEach((piece, index) => {
    const style: Style =
      typeof piece === 'string'
        ? options
        : {
            bold: piece.bold ?? options.bold,
            italic: piece.italic ?? options.italic,
            underline: piece.underline,
          };
    const text = typeof piece === 'string' ? piece : piece.text;
    useFont(doc, SIZE_PT.body, style).text(text, {
      ...layout,
      underline: style.underline ?? false,
      continued: index < pieces.length - 1,
    });
  });
  doc.x = LEFT;
}

function rowHeight(doc: Doc, widths: readonly number[], cells: readonly string[], bold: boolean): number {
  useFont(doc, SIZE_PT.table, { bold });
  const heights = cells.map((text, i) =>
    doc.heightOfString(text || ' ', { width: (widths[i] ?? 0) - 2 * CELL_PAD_X }),
  );
  return Math.max(...heights) + 2 * CELL_PAD_Y;
}

function drawRow(
  doc: Doc,
  table: TableSpec,
  widths: readonly number[],
  cells: readonly string[],
  header: boolean,
  bold: boolean,
): void {
  const height = rowHeight(doc, widths, cells, bold);
  const top = doc.y;
  let x = LEFT;
  cells.forEach((text, i) => {
    const width = widths[i] ?? 0;
    const column = table.columns[i];
    doc.lineWidth(0.5).strokeColor('#000000').rect(x, top, width, height).stroke();
    const inner = width - 2 * CELL_PAD_X;
    useFont(doc, SIZE_PT.table, { bold });
    const textHeight = doc.heightOfString(text || ' ', { width: inner });
    const align = header || !column ? 'center' : alignmentOf(column);
    doc.text(text, x + CELL_PAD_X, top + CELL_PAD_Y + (height - 2 * CELL_PAD_Y - textHeight) / 2, {
      width: inner,
      align,
    });
    x += width;
  });
  doc.x = LEFT;
  doc.y = top + height;
}

/** A data table whose header row is drawn again at the top of every page it runs onto. */
function dataTable(doc: Doc, table: TableSpec): void {
  assertTableShape(table);
  const widths = shareWidths(table.columns, CONTENT_WIDTH);
  const headers = table.columns.map((c) => c.header);
  const headerHeight = rowHeight(doc, widths, headers, true);
  doc.y += PARAGRAPH_SPACING_PT;
  if (table.title) {
    ensureSpace(doc, 3 * headerHeight);
    centred(doc, table.title, LEFT, CONTENT_WIDTH, SIZE_PT.body, { bold: true });
  }
  if (table.note) {
    useFont(doc, SIZE_PT.table, { italic: true }).text(table.note, LEFT, doc.y, {
      width: CONTENT_WIDTH,
      align: 'right',
    });
  }
  const format = (values: readonly CellValue[]): string[] =>
    table.columns.map((c, i) => formatCell(c, values[i] ?? null));
  const body = [
    ...table.rows.map((r) => ({ cells: format(r), bold: false })),
    ...(table.totalRow ? [{ cells: format(table.totalRow), bold: true }] : []),
  ];
  ensureSpace(doc, headerHeight + (body[0] ? rowHeight(doc, widths, body[0].cells, body[0].bold) : 0));
  drawRow(doc, table, widths, headers, true, true);
  for (const row of body) {
    const height = rowHeight(doc, widths, row.cells, row.bold);
    if (doc.y + height > bottomOf(doc)) {
      doc.addPage();
      drawRow(doc, table, widths, headers, true, true);
    }
    drawRow(doc, table, widths, row.cells, false, row.bold);
  }
  doc.y += PARAGRAPH_SPACING_PT;
}

function block(doc: Doc, item: Block): void {
  switch (item.kind) {
    case 'heading':
      ensureSpace(doc, 4 * SIZE_PT.body * LINE_SPACING);
      paragraph(doc, item.text, { bold: true, italic: item.level === 3 });
      return;
    case 'paragraph':
      paragraph(doc, item.text, {
        bold: item.bold,
        italic: item.italic,
        align: item.align ?? 'justify',
        indent: item.indent ?? (item.align === undefined || item.align === 'justify'),
      });
      return;
    case 'bullet':
      for (const entry of item.items)
        paragraph(doc, typeof entry === 'string' ? `- ${entry}` : ['- ', ...entry], {});
      return;
    case 'table':
      dataTable(doc, item.table);
      return;
    case 'pageBreak':
      doc.addPage();
      return;
  }
}

function signerHeight(signer: Signer): number {
  return (
    signer.authority.length * SIZE_PT.signature * 1.15 +
    mmToPoints(SIGNATURE_SPACE_MM) +
    SIZE_PT.signature * 1.15
  );
}

function drawSigner(doc: Doc, signer: Signer, x: number, width: number, top: number): number {
  doc.y = top;
  for (const l of signer.authority)
    centred(doc, l.toLocaleUpperCase('vi'), x, width, SIZE_PT.signature, { bold: true });
  doc.y += mmToPoints(SIGNATURE_SPACE_MM);
  centred(doc, signer.name, x, width, SIZE_PT.signature, { bold: true });
  return doc.y;
}

function drawRecipients(
  doc: Doc,
  recipients: readonly string[],
  x: number,
  width: number,
  top: number,
): number {
  doc.y = top;
  if (recipients.length === 0) return top;
  useFont(doc, SIZE_PT.recipientsLabel, { bold: true, italic: true }).text('Nơi nhận:', x, doc.y, { width });
  for (const l of recipientLines(recipients)) useFont(doc, SIZE_PT.recipients).text(l, x, doc.y, { width });
  return doc.y;
}

function closingBlock(doc: Doc, spec: OfficialDocumentSpec): void {
  const rightX = LEFT + CLOSING_LEFT_WIDTH;
  const rightWidth = CONTENT_WIDTH - CLOSING_LEFT_WIDTH;
  const recipientsHeight = spec.recipients.length * SIZE_PT.recipients * 1.2 + SIZE_PT.recipientsLabel * 1.2;
  ensureSpace(
    doc,
    14 +
      Math.max(
        signerHeight(spec.signature),
        spec.coSignature ? signerHeight(spec.coSignature) : recipientsHeight,
      ),
  );
  const top = doc.y + 14;
  const right = drawSigner(doc, spec.signature, rightX, rightWidth, top);
  const left = spec.coSignature
    ? drawSigner(doc, spec.coSignature, LEFT, CLOSING_LEFT_WIDTH, top)
    : drawRecipients(doc, spec.recipients, LEFT, CLOSING_LEFT_WIDTH, top);
  doc.y = Math.max(left, right);
  if (spec.coSignature && spec.recipients.length > 0) {
    ensureSpace(doc, recipientsHeight + 14);
    drawRecipients(doc, spec.recipients, LEFT, CONTENT_WIDTH, doc.y + 14);
  }
  doc.x = LEFT;
}

/** Page numbers centred in the top margin on every page but the first (Nghị định 30/2020, Phụ lục I). */
function numberPages(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start + 1; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    useFont(doc, SIZE_PT.pageNumber).text(String(index + 1), LEFT, mmToPoints(HEADER_DISTANCE_MM), {
      width: CONTENT_WIDTH,
      align: 'center',
      lineBreak: false,
    });
  }
}

export async function renderReportPdf(spec: OfficialDocumentSpec): Promise<Buffer> {
  assertIsoDate(spec.date, 'Ngày ban hành');
  const doc = createPdf({
    layout: 'portrait',
    margins: {
      top: mmToPoints(MARGINS_MM.top),
      bottom: mmToPoints(MARGINS_MM.bottom),
      left: mmToPoints(MARGINS_MM.left),
      right: mmToPoints(MARGINS_MM.right),
    },
    title: `${spec.docType} ${spec.number}`,
    subject: spec.summary,
  });
  headerBlock(doc, spec);
  titleBlock(doc, spec);
  for (const item of spec.body) block(doc, item);
  closingBlock(doc, spec);
  for (const attachment of spec.attachments ?? []) {
    doc.addPage();
    centred(doc, attachment.title.toLocaleUpperCase('vi'), LEFT, CONTENT_WIDTH, SIZE_PT.body, { bold: true });
    centred(doc, attachment.caption ?? attachmentCaption(spec), LEFT, CONTENT_WIDTH, SIZE_PT.body, {
      italic: true,
    });
    for (const item of attachment.blocks) block(doc, item);
  }
  numberPages(doc);
  return finishPdf(doc);
}
