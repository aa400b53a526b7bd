// The serif font embedded in our PDFs and used to measure DOCX text: Liberation Serif 2.1.5
// (SIL Open Font License 1.1, assets/fonts/LICENSE-LiberationSerif-OFL.txt). It is metric-compatible
// with Times New Roman — every glyph has the same advance width — so a line measured here is as
// long as the same line set in Times New Roman by Word, and it covers all Vietnamese letters.

import { fileURLToPath } from 'node:url';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FILE_NAMES: Record<FontStyle, string> = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
  boldItalic: 'LiberationSerif-BoldItalic.ttf',
};

/** The PostScript family name that appears (with a subset prefix) in the PDF's font dictionaries. */
export const EMBEDDED_FONT_NAME = 'LiberationSerif';

export function fontPath(style: FontStyle): string {
  return fileURLToPath(new URL(`../../assets/fonts/${FILE_NAMES[style]}`, import.meta.url));
}

export function fontStyleOf(bold: boolean | undefined, italic: boolean | undefined): FontStyle {
  if (bold && italic) return 'boldItalic';
  if (bold) return 'bold';
  if (italic) return 'italic';
  return 'regular';
}
