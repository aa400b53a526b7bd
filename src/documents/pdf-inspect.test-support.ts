// Looks into a PDF without external tools: pages, their sizes and the fonts, read from the object
// dictionaries (which LibreOffice and pdfkit write uncompressed). Text is read with pdftotext.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function pdfPageSizes(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString('latin1');
  const pages = [...text.matchAll(/<<(?:(?!>>).)*?\/Type\s*\/Page(?![s\w])(?:(?!endobj).)*/gsu)].map(
    (m) => m[0],
  );
  return pages.map((page) => {
    const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/u.exec(page);
    return {
      width: Number(box?.[3] ?? 0) - Number(box?.[1] ?? 0),
      height: Number(box?.[4] ?? 0) - Number(box?.[2] ?? 0),
    };
  });
}

/** The BaseFont names of all font dictionaries, and how many embedded font files the PDF holds. */
export function pdfFonts(pdf: Buffer): { baseFonts: string[]; embeddedFiles: number } {
  const text = pdf.toString('latin1');
  const baseFonts = [
    ...new Set([...text.matchAll(/\/BaseFont\s*\/([^\s/<>[\]]+)/gu)].map((m) => m[1] ?? '')),
  ];
  const embeddedFiles = [...text.matchAll(/\/FontFile[23]?\s/gu)].length;
  return { baseFonts, embeddedFiles };
}

/** The text of one page (1-based), as pdftotext extracts it. */
export async function pdfPageText(pdftotextPath: string, file: string, page: number): Promise<string> {
  const { stdout } = await run(
    pdftotextPath,
    ['-layout', '-f', String(page), '-l', String(page), file, '-'],
    { encoding: 'utf8' },
  );
  return stdout;
}

/** The whole text, in reading order (no layout), as pdftotext extracts it. */
export async function pdfText(pdftotextPath: string, file: string): Promise<string> {
  const { stdout } = await run(pdftotextPath, [file, '-'], { encoding: 'utf8' });
  return stdout;
}
