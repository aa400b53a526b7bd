// An official document as DOCX in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I: the header
// block (issuing body and number on the left, national title and motto on the right, place and date
// in italics), the document type and summary centred, the body, the signature block with "Nơi nhận"
// beside it, and attached lists on new pages. Page numbers are centred in the top margin from
// page 2 on ("không hiển thị số trang thứ nhất").

import {
  AlignmentType,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type Table,
} from 'docx';
import { formatOfficialDateLine } from '../shared/vi-format.ts';
import {
  assertIsoDate,
  attachmentCaption,
  headerLines,
  recipientLines,
  type Attachment,
  type OfficialDocumentSpec,
  type Signer,
} from './document-spec.ts';
import {
  CONTENT_WIDTH_TWIPS,
  LAYOUT_CELL_PADDING,
  blockElements,
  layoutTable,
  line,
  shortRule,
  textRun,
} from './docx-parts.ts';
import {
  A4_MM,
  FONT_FAMILY,
  HEADER_DISTANCE_MM,
  MARGINS_MM,
  SIGNATURE_SPACE_MM,
  SIZE_PT,
  mmToPoints,
  mmToTwips,
} from './official-layout.ts';

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Header columns: the right one must hold the national title (≈ 9,5 cm at 13 pt bold) on one line. */
const HEADER_COLUMNS = [3600, CONTENT_WIDTH_TWIPS - 3600] as const;
const CLOSING_COLUMNS = [4300, CONTENT_WIDTH_TWIPS - 4300] as const;

type Element = Paragraph | Table;

function headerBlock(spec: OfficialDocumentSpec): Table {
  const issuing = headerLines(spec.issuingBody);
  const parent = spec.parentBody ? headerLines(spec.parentBody) : [];
  const leftInner = HEADER_COLUMNS[0] - 2 * LAYOUT_CELL_PADDING;
  const issuingStyle = { sizePt: SIZE_PT.issuingBody, bold: true } as const;
  const left: Element[] = [
    ...parent.map((t) => line(t, { sizePt: SIZE_PT.issuingBody })),
    ...issuing.map((t) => line(t, issuingStyle)),
    shortRule(issuing, issuingStyle, leftInner),
  ];
  const right: Element[] = [
    line(NATIONAL_TITLE, { sizePt: SIZE_PT.nationalTitle, bold: true }),
    line(MOTTO, { sizePt: SIZE_PT.motto, bold: true, underline: true }),
  ];
  const numberLine = [line(`Số: ${spec.number}`, { sizePt: SIZE_PT.number, beforePt: 6 })];
  const dateLine = [
    line(formatOfficialDateLine(spec.place, spec.date), {
      sizePt: SIZE_PT.dateLine,
      italic: true,
      beforePt: 6,
    }),
  ];
  return layoutTable(HEADER_COLUMNS, [
    [left, right],
    [numberLine, dateLine],
  ]);
}

function titleBlock(spec: OfficialDocumentSpec): Element[] {
  const summaryStyle = { sizePt: SIZE_PT.summary, bold: true } as const;
  const elements: Element[] = [
    line(spec.docType, { sizePt: SIZE_PT.docType, bold: true, beforePt: 24, keepNext: true }),
    line(spec.summary, { ...summaryStyle, keepNext: true }),
    shortRule([spec.summary], summaryStyle, CONTENT_WIDTH_TWIPS),
  ];
  const addressees = spec.addressees ?? [];
  if (addressees.length === 1) {
    elements.push(line(`Kính gửi: ${addressees[0] ?? ''}`, { sizePt: SIZE_PT.body, beforePt: 12 }));
  } else if (addressees.length > 1) {
    elements.push(line('Kính gửi:', { sizePt: SIZE_PT.body, beforePt: 12, align: AlignmentType.LEFT }));
    for (const addressee of recipientLines(addressees)) {
      elements.push(
        new Paragraph({
          children: [textRun(addressee, { sizePt: SIZE_PT.body })],
          indent: { left: mmToTwips(45) },
        }),
      );
    }
  }
  return elements;
}

function signerBlock(signer: Signer): Paragraph[] {
  const authority = signer.authority.map((t) => t.toLocaleUpperCase('vi'));
  return [
    ...authority.map((t) => line(t, { sizePt: SIZE_PT.signature, bold: true, keepNext: true })),
    line(signer.name, { sizePt: SIZE_PT.signature, bold: true, beforePt: mmToPoints(SIGNATURE_SPACE_MM) }),
  ];
}

function recipientsBlock(recipients: readonly string[]): Paragraph[] {
  if (recipients.length === 0) return [];
  return [
    line('Nơi nhận:', {
      sizePt: SIZE_PT.recipientsLabel,
      bold: true,
      italic: true,
      align: AlignmentType.LEFT,
    }),
    ...recipientLines(recipients).map((t) =>
      line(t, { sizePt: SIZE_PT.recipients, align: AlignmentType.LEFT }),
    ),
  ];
}

function closingBlock(spec: OfficialDocumentSpec): Element[] {
  const left = spec.coSignature ? signerBlock(spec.coSignature) : recipientsBlock(spec.recipients);
  const elements: Element[] = [
    line('', { sizePt: SIZE_PT.body, keepNext: true }),
    layoutTable(CLOSING_COLUMNS, [[left, signerBlock(spec.signature)]]),
  ];
  if (spec.coSignature) {
    const recipients = recipientsBlock(spec.recipients);
    if (recipients.length > 0) elements.push(line('', { sizePt: SIZE_PT.body }), ...recipients);
  }
  return elements;
}

function attachmentBlock(spec: OfficialDocumentSpec, attachment: Attachment): Element[] {
  return [
    line(attachment.title.toLocaleUpperCase('vi'), {
      sizePt: SIZE_PT.body,
      bold: true,
      pageBreakBefore: true,
      keepNext: true,
    }),
    line(attachment.caption ?? attachmentCaption(spec), {
      sizePt: SIZE_PT.body,
      italic: true,
      keepNext: true,
    }),
    line('', { sizePt: 6 }),
    ...attachment.blocks.flatMap(blockElements),
  ];
}

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
        children: [
          new TextRun({
            children: [PageNumber.CURRENT],
            font: FONT_FAMILY,
            size: SIZE_PT.pageNumber * 2,
            color: '000000',
          }),
        ],
      }),
    ],
  });
}

/** Build the DOCX file of an official document. Throws (in Vietnamese) on an impossible date or a malformed table. */
export async function buildOfficialDocx(spec: OfficialDocumentSpec): Promise<Buffer> {
  assertIsoDate(spec.date, 'Ngày ban hành');
  const children: Element[] = [
    headerBlock(spec),
    ...titleBlock(spec),
    ...spec.body.flatMap(blockElements),
    ...closingBlock(spec),
    ...(spec.attachments ?? []).flatMap((a) => attachmentBlock(spec, a)),
  ];
  const document = new Document({
    creator: 'Chung Tay',
    title: `${spec.docType} ${spec.number}`,
    description: spec.summary,
    styles: {
      default: {
        document: {
          run: { font: FONT_FAMILY, size: SIZE_PT.body * 2, color: '000000', language: { value: 'vi-VN' } },
        },
      },
    },
    sections: [
      {
        properties: {
          // Different first page: page 1 gets an empty header, so it carries no page number.
          titlePage: true,
          page: {
            size: {
              width: mmToTwips(A4_MM.width),
              height: mmToTwips(A4_MM.height),
              orientation: PageOrientation.PORTRAIT,
            },
            margin: {
              top: mmToTwips(MARGINS_MM.top),
              bottom: mmToTwips(MARGINS_MM.bottom),
              left: mmToTwips(MARGINS_MM.left),
              right: mmToTwips(MARGINS_MM.right),
              header: mmToTwips(HEADER_DISTANCE_MM),
              footer: mmToTwips(HEADER_DISTANCE_MM),
            },
          },
        },
        headers: {
          default: pageNumberHeader(),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: [...children],
      },
    ],
  });
  return Packer.toBuffer(document);
}
