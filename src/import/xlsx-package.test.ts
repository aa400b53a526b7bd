import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRefusal } from './import-issue.ts';
import { openXlsxPackage, streamWorkbookParts, utf8Boundary, verifyPart } from './xlsx-package.ts';
import { minimalXlsx, sheetXml } from './zip-fixtures.test-support.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chung-tay-package-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('utf8Boundary: never cut inside a character', () => {
  const bytes = (text: string) => Buffer.from(text, 'utf8');
  it.each([
    ['ASCII', bytes('abc'), 3],
    ['ends with a whole "đ" (2 bytes)', bytes('ađ'), 3],
    ['ends inside "đ"', bytes('ađ').subarray(0, 2), 1],
    ['ends with a whole "ệ" (3 bytes)', bytes('aệ'), 4],
    ['ends one byte into "ệ"', bytes('aệ').subarray(0, 2), 1],
    ['ends two bytes into "ệ"', bytes('aệ').subarray(0, 3), 1],
    ['ends inside a 4-byte emoji', bytes('a😀').subarray(0, 4), 1],
    ['ends with a whole emoji', bytes('a😀'), 5],
    ['empty', Buffer.alloc(0), 0],
  ])('%s', (_case, buffer, expected) => {
    expect(utf8Boundary(buffer)).toBe(expected);
  });
});

/** A workbook whose members part has its compressed bytes damaged after the directory was written. */
async function damagedWorkbook(): Promise<string> {
  const members = sheetXml(Array.from({ length: 2_000 }, (_, i) => [`H${i}`, `Hoàng Văn ${i}`]));
  const zip = minimalXlsx(sheetXml([['Mã hộ', 'Họ tên chủ hộ']]), members);
  const at = zip.indexOf(Buffer.from('xl/worksheets/members.xml')) + 'xl/worksheets/members.xml'.length + 200;
  zip.fill(0xff, at, at + 64);
  const path = join(dir, 'damaged.xlsx');
  await writeFile(path, zip);
  return path;
}

describe('a damaged part', () => {
  it('is refused by the check before any parsing', async () => {
    const pkg = await openXlsxPackage(await damagedWorkbook());
    const members = pkg.sheets[1]?.entry;
    expect(members).toBeDefined();
    if (members == null) return;
    const check = verifyPart(pkg.path, members, { maxUncompressedBytes: 1e9, maxTextRunBytes: 300_000 }, { used: 0 }, () => {});
    await expect(check).rejects.toBeInstanceOf(ImportRefusal);
    await expect(check).rejects.toMatchObject({ issue: { code: 'corrupt_zip' } });
  });

  it('ends the stream given to ExcelJS and reports why, rather than leave the reader waiting', async () => {
    const pkg = await openXlsxPackage(await damagedWorkbook());
    const sheets = pkg.sheets.map((s, i) => ({ id: String(i), entry: s.entry ?? (undefined as never) }));
    const failures: unknown[] = [];
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(
      streamWorkbookParts(pkg, sheets, () => {}, (error) => failures.push(error)),
      { sharedStrings: 'cache', worksheets: 'emit' },
    );
    const consume = async () => {
      for await (const worksheet of reader as AsyncIterable<AsyncIterable<unknown>>) for await (const _row of worksheet) void _row;
    };
    // ExcelJS may finish quietly on a truncated zip: the caller must look at the failure reported.
    await consume().catch(() => undefined);
    expect(failures.map(String)).toEqual(['Error: invalid distance too far back']);
  }, 10_000);
});
