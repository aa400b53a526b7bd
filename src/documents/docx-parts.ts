// Building pieces of the official DOCX: runs, paragraphs, the short rules, borderless layout tables
// and the body blocks. Every run names Times New Roman and black itself, so a document pasted into
// another file keeps its look (Nghị định 30/2020, Phụ lục I: phông Times New Roman, màu đen).

import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Block, Inline, TextContent } from './document-spec.ts';
import { fontStyleOf } from './fonts.ts';
import { measureTextPoints } from './measure-text.ts';
import {
  A4_MM,
  FIRST_LINE_INDENT_CM,
  FONT_FAMILY,
  LINE_SPACING,
  MARGINS_MM,
  PARAGRAPH_SPACING_PT,
  RULE_LENGTH_RATIO,
  SIZE_PT,
  mmToTwips,
  pointsToTwips,
} from './official-layout.ts';
import {
  alignmentOf,
  assertTableShape,
  formatCell,
  shareWidths,
  type CellAlign,
  type TableSpec,
} from './table-spec.ts';

/** Width of the text area: 210 mm less the left and right margins. */
export const CONTENT_WIDTH_TWIPS =
  mmToTwips(A4_MM.width) - mmToTwips(MARGINS_MM.left) - mmToTwips(MARGINS_MM.right);

const BLACK = '000000';
const SINGLE_LINE = 240;
const BODY_LINE = Math.round(SINGLE_LINE * LINE_SPACING);
const PARAGRAPH_GAP = pointsToTwips(PARAGRAPH_SPACING_PT);
const FIRST_LINE_INDENT = Math.round((FIRST_LINE_INDENT_CM / 2.54) * 1440);
/** Left and right padding of the cells of layout tables (1 mm), so the text area is nearly the whole cell. */
export const LAYOUT_CELL_PADDING = mmToTwips(1);

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

export interface RunStyle {
  readonly sizePt: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}

export function textRun(text: string, style: RunStyle): TextRun {
  return new TextRun({
    text,
    font: FONT_FAMILY,
    size: style.sizePt * 2,
    color: BLACK,
    bold: style.bold ?? false,
    italics: style.italic ?? false,
    ...(style.underline ? { underline: { type: UnderlineType.SINGLE, color: BLACK } } : {}),
  });
}

function runsOf(content: TextContent, style: RunStyle): TextRun[] {
  const pieces: readonly Inline[] = typeof content === 'string' ? [content] : content;
  return pieces.map((piece) =>
    typeof piece === 'string'
      ? textRun(piece, style)
      : textRun(piece.text, {
          sizePt: style.sizePt,
          bold: piece.bold ?? style.bold,
          italic: piece.italic ?? style.italic,
          underline: piece.underline ?? style.underline,
        }),
  );
}

export interface LineOptions extends RunStyle {
  readonly align?: Alignment;
  /** Space before the paragraph in points. */
  readonly beforePt?: number;
  readonly afterPt?: number;
  readonly keepNext?: boolean;
  readonly pageBreakBefore?: boolean;
}

/** A single-spaced, unindented line of a layout block (header, signature, recipients). */
export function line(content: TextContent, options: LineOptions): Paragraph {
  return new Paragraph({
    children: runsOf(content, options),
    alignment: options.align ?? AlignmentType.CENTER,
    spacing: {
      before: pointsToTwips(options.beforePt ?? 0),
      after: pointsToTwips(options.afterPt ?? 0),
      line: SINGLE_LINE,
      lineRule: LineRuleType.AUTO,
    },
    keepNext: options.keepNext ?? false,
    pageBreakBefore: options.pageBreakBefore ?? false,
  });
}

/**
 * The short solid rule under the issuing body and under the summary: an empty paragraph whose bottom
 * border spans a fraction of the text line above, centred under it (indents on both sides).
 */
export function shortRule(textLines: readonly string[], style: RunStyle, availableTwips: number): Paragraph {
  const longest = Math.max(
    ...textLines.map((t) => measureTextPoints(t, style.sizePt, fontStyleOf(style.bold, style.italic))),
  );
  const textTwips = Math.min(pointsToTwips(longest), availableTwips);
  const ruleTwips = Math.round(textTwips * RULE_LENGTH_RATIO);
  const side = Math.max(0, Math.floor((availableTwips - ruleTwips) / 2));
  return new Paragraph({
    children: [],
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: SINGLE_LINE, lineRule: LineRuleType.EXACT },
    // The paragraph mark sets the height of an empty paragraph; 2 pt keeps the rule close to the text.
    run: { size: 4, font: FONT_FAMILY },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: BLACK, space: 1 } },
  });
}

/** A body paragraph: 14 pt, justified, first-line indent 1,27 cm, line spacing 1,2, 6 pt before. */
export function bodyParagraph(
  content: TextContent,
  options: {
    bold?: boolean;
    italic?: boolean;
    align?: Alignment;
    indent?: boolean;
    keepNext?: boolean;
    pageBreakBefore?: boolean;
  } = {},
): Paragraph {
  return new Paragraph({
    children: runsOf(content, { sizePt: SIZE_PT.body, bold: options.bold, italic: options.italic }),
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    indent: options.indent === false ? {} : { firstLine: FIRST_LINE_INDENT },
    spacing: { before: PARAGRAPH_GAP, after: 0, line: BODY_LINE, lineRule: LineRuleType.AUTO },
    keepNext: options.keepNext ?? false,
    pageBreakBefore: options.pageBreakBefore ?? false,
  });
}

const ALIGNMENT: Record<'justify' | 'center' | 'left' | 'right', Alignment> = {
  justify: AlignmentType.JUSTIFIED,
  center: AlignmentType.CENTER,
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
};

const CELL_ALIGNMENT: Record<CellAlign, Alignment> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

export function blockElements(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading': {
      const level = block.level ?? 1;
      return [bodyParagraph(block.text, { bold: true, italic: level === 3, keepNext: true })];
    }
    case 'paragraph':
      return [
        bodyParagraph(block.text, {
          bold: block.bold,
          italic: block.italic,
          align: ALIGNMENT[block.align ?? 'justify'],
          indent: block.indent ?? (block.align === undefined || block.align === 'justify'),
        }),
      ];
    case 'bullet':
      return block.items.map((item) =>
        bodyParagraph(typeof item === 'string' ? `- ${item}` : ['- ', ...item]),
      );
    case 'table':
      return dataTable(block.table);
    case 'pageBreak':
      return [new Paragraph({ children: [], pageBreakBefore: true })];
  }
}

const GRID_BORDER = { style: BorderStyle.SINGLE, size: 4, color: BLACK } as const;

/** A data table: header row repeated on every page, numbers right-aligned, an optional bold total row. */
export function dataTable(table: TableSpec): (Paragraph | Table)[] {
  assertTableShape(table);
  const widths = shareWidths(table.columns, CONTENT_WIDTH_TWIPS);
  const cellMargins = { top: 40, bottom: 40, left: 80, right: 80 };
  const cell = (text: string, width: number, align: Alignment, bold: boolean): TableCell =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: cellMargins,
      verticalAlign: VerticalAlignTable.CENTER,
      children: [line(text, { sizePt: SIZE_PT.table, bold, align })],
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((c, i) => cell(c.header, widths[i] ?? 0, AlignmentType.CENTER, true)),
  });
  const row = (values: readonly (string | number | null)[], bold: boolean): TableRow =>
    new TableRow({
      cantSplit: true,
      children: table.columns.map((c, i) =>
        cell(formatCell(c, values[i] ?? null), widths[i] ?? 0, CELL_ALIGNMENT[alignmentOf(c)], bold),
      ),
    });
  const rows = [
    header,
    ...table.rows.map((r) => row(r, false)),
    ...(table.totalRow ? [row(table.totalRow, true)] : []),
  ];
  const before: Paragraph[] = [];
  if (table.title)
    before.push(
      line(table.title, { sizePt: SIZE_PT.body, bold: true, beforePt: PARAGRAPH_SPACING_PT, keepNext: true }),
    );
  if (table.note)
    before.push(
      line(table.note, {
        sizePt: SIZE_PT.table,
        italic: true,
        align: AlignmentType.RIGHT,
        beforePt: 3,
        keepNext: true,
      }),
    );
  const grid = new Table({
    rows,
    width: { size: CONTENT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: GRID_BORDER,
      bottom: GRID_BORDER,
      left: GRID_BORDER,
      right: GRID_BORDER,
      insideHorizontal: GRID_BORDER,
      insideVertical: GRID_BORDER,
    },
  });
  // Word needs a paragraph between a table and whatever follows; a small gap also reads better.
  return [...before, grid, line('', { sizePt: 6, align: AlignmentType.LEFT })];
}

/** A borderless table used only to place blocks side by side (header, signature). */
export function layoutTable(
  columns: readonly number[],
  rows: readonly (readonly (Paragraph | Table)[])[][],
): Table {
  return new Table({
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...columns],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map(
            (children, i) =>
              new TableCell({
                width: { size: columns[i] ?? 0, type: WidthType.DXA },
                margins: { top: 0, bottom: 0, left: LAYOUT_CELL_PADDING, right: LAYOUT_CELL_PADDING },
                children: children.length > 0 ? [...children] : [new Paragraph({ children: [] })],
              }),
          ),
        }),
    ),
  });
}
