// Reads a generated DOCX back for tests: the XML parts, the paragraphs with their text, and the
// header part that each headerReference of the section points to.

import JSZip from 'jszip';

export interface DocxParts {
  readonly document: string;
  readonly settings: string;
  readonly styles: string;
  /** The section properties of the (single) section. */
  readonly sectPr: string;
  /** Header XML by reference type ("default", "first", "even"). */
  readonly headers: Readonly<Record<string, string>>;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&');
}

export async function readDocx(buffer: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  const part = async (name: string): Promise<string> => {
    const file = zip.file(name);
    if (!file) throw new Error(`The DOCX has no part ${name}`);
    return file.async('string');
  };
  const document = await part('word/document.xml');
  const rels = await part('word/_rels/document.xml.rels');
  const sectPr = /<w:sectPr>.*<\/w:sectPr>/su.exec(document)?.[0] ?? '';
  const headers: Record<string, string> = {};
  for (const ref of sectPr.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/gu)) {
    const target = new RegExp(`Id="${ref[2]}"[^>]*Target="([^"]+)"`, 'u').exec(rels)?.[1];
    if (target && ref[1]) headers[ref[1]] = await part(`word/${target}`);
  }
  return {
    document,
    settings: await part('word/settings.xml'),
    styles: await part('word/styles.xml'),
    sectPr,
    headers,
  };
}

export interface DocxParagraph {
  readonly xml: string;
  readonly text: string;
}

/** Paragraphs in document order (including those inside table cells), with their visible text. */
export function paragraphsOf(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>|<w:p\/>/gsu)].map((m) => ({
    xml: m[0],
    text: decodeXml([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((t) => t[1] ?? '').join('')),
  }));
}

export function paragraphWithText(xml: string, text: string): DocxParagraph {
  const found = paragraphsOf(xml).find((p) => p.text === text);
  if (!found) throw new Error(`No paragraph reads exactly "${text}"`);
  return found;
}

/** The run formatting a reader sees in a paragraph of one uniform style. */
export function runFormat(paragraph: DocxParagraph): {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  sizePt: number | null;
  align: string | null;
} {
  const size = /<w:sz w:val="(\d+)"\/>/u.exec(paragraph.xml)?.[1];
  return {
    bold: /<w:b\/>/u.test(paragraph.xml),
    italic: /<w:i\/>/u.test(paragraph.xml),
    underline: /<w:u w:val="single"/u.test(paragraph.xml),
    sizePt: size ? Number(size) / 2 : null,
    align: /<w:jc w:val="(\w+)"\/>/u.exec(paragraph.xml)?.[1] ?? null,
  };
}
