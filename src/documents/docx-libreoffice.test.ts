// Every ready-made document must open in LibreOffice (what many communes use) without errors:
// each builder's DOCX is converted with `soffice --headless --convert-to pdf` and the PDF checked —
// A4 pages, and the page number shown from page 2 on but not on page 1.
// LibreOffice missing is a failure with the install command, unless CHUNG_TAY_ALLOW_NO_SOFFICE=1.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBaoCao } from './builders/bao-cao.ts';
import { buildBienBan } from './builders/bien-ban.ts';
import { buildKeHoach } from './builders/ke-hoach.ts';
import { buildQuyetDinh } from './builders/quyet-dinh.ts';
import { buildToTrinh } from './builders/to-trinh.ts';
import {
  baoCaoExample,
  bienBanExample,
  keHoachExample,
  quyetDinhExample,
  toTrinhExample,
} from './document-examples.test-support.ts';
import { pdftotext, soffice } from './external-tools.test-support.ts';
import { pdfPageSizes, pdfPageText } from './pdf-inspect.test-support.ts';

const run = promisify(execFile);

const documents = [
  ['bao-cao', () => buildBaoCao(baoCaoExample)],
  ['ke-hoach', () => buildKeHoach(keHoachExample)],
  ['bien-ban', () => buildBienBan(bienBanExample)],
  ['to-trinh', () => buildToTrinh(toTrinhExample)],
  ['quyet-dinh', () => buildQuyetDinh(quyetDinhExample)],
] as const;

const A4_POINTS = { width: 595.3, height: 841.9 };

it('LibreOffice (soffice) is installed for the document tests', (context) => {
  if (soffice.skipAllowed) context.skip();
  expect(soffice.path, soffice.missingMessage).not.toBeNull();
});

describe.skipIf(soffice.path === null)('each builder’s DOCX converts to PDF in LibreOffice', () => {
  let dir = '';
  let output = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chung-tay-soffice-'));
    const files: string[] = [];
    for (const [name, build] of documents) {
      const file = join(dir, `${name}.docx`);
      await writeFile(file, await build());
      files.push(file);
    }
    // A profile of its own, so a LibreOffice the developer has open (or another test) cannot block this one.
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const result = await run(
      soffice.path ?? 'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        join(dir, 'pdf'),
        ...files,
      ],
      { timeout: 170_000, encoding: 'utf8' },
    );
    output = `${result.stdout}\n${result.stderr}`;
  }, 180_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reports no load or conversion error', () => {
    expect(output).not.toMatch(/Error:/u);
  });

  it.each(documents.map(([name]) => [name]))('%s.pdf exists and has A4 pages', async (name) => {
    const pdf = await readFile(join(dir, 'pdf', `${name}.pdf`));
    const pages = pdfPageSizes(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(A4_POINTS.width, 0);
      expect(page.height).toBeCloseTo(A4_POINTS.height, 0);
    }
  });

  it('poppler-utils (pdftotext) is installed for the page-number check', (context) => {
    if (pdftotext.skipAllowed) context.skip();
    expect(pdftotext.path, pdftotext.missingMessage).not.toBeNull();
  });

  it.skipIf(pdftotext.path === null).each(documents.map(([name]) => [name]))(
    '%s: no page number on page 1, "2" at the top of page 2',
    async (name) => {
      const file = join(dir, 'pdf', `${name}.pdf`);
      const pages = pdfPageSizes(await readFile(file)).length;
      expect(
        pages,
        `${name} should run onto a second page (it has an attached list or a long body)`,
      ).toBeGreaterThanOrEqual(2);
      const first = (await pdfPageText(pdftotext.path ?? '', file, 1))
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      const second = (await pdfPageText(pdftotext.path ?? '', file, 2))
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      expect(first[0]).not.toBe('1');
      expect(first.join(' ')).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(second[0]).toBe('2');
    },
  );
});
