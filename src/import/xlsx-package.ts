// The .xlsx file as a zip package, read before the spreadsheet library sees it.
//
// Why not hand the file straight to ExcelJS's WorkbookReader:
// - it trusts the zip: a small file that inflates to gigabytes (a "zip bomb") is written to disk
//   and parsed; here every part is inflated once, counted against limits and checked against the
//   sizes and CRC the zip declares, so the parse that follows sees exactly the verified bytes;
// - Excel writes sheets before the shared strings, and the WorkbookReader then spools each sheet
//   to a temporary file before parsing it (so a progress bar on bytes read says 100% before the
//   first row, and a stopped import leaves the temporary files behind);
// - it names sheets only when the workbook's relationship targets have one exact form.
// So this module reads the zip's central directory, resolves the sheets by name itself, verifies
// the parts it needs, and streams them to ExcelJS as a minimal zip in the order that lets ExcelJS
// parse every sheet straight from the stream: relationships, workbook, styles, shared strings,
// then the households sheet and the members sheet.

import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';
import { formatNumber } from '../shared/vi-format.ts';
import { fileTooLargeMessage, formatMegabytes, ImportRefusal } from './import-issue.ts';

export interface ZipEntry {
  /** Path inside the zip, without a leading slash. */
  readonly name: string;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Offset of the compressed bytes in the file. */
  readonly dataOffset: number;
}

export interface WorkbookSheet {
  /** Name as written in the workbook. */
  readonly name: string;
  /** The sheet's part, null when the workbook points at a part the zip does not hold. */
  readonly entry: ZipEntry | null;
}

export interface XlsxPackage {
  readonly path: string;
  readonly fileSize: number;
  /** In the workbook's order. */
  readonly sheets: readonly WorkbookSheet[];
  readonly sharedStrings: ZipEntry | null;
  readonly styles: ZipEntry | null;
  /** Dates counted from 1904 (old Mac Excel). */
  readonly date1904: boolean;
}

export interface PackageLimits {
  /** Sum of the inflated sizes of the parts read. */
  readonly maxUncompressedBytes: number;
  /** Longest run of text between two XML tags; Excel's own limit for a cell is 32,767 characters. */
  readonly maxTextRunBytes: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const MAX_ENTRIES = 10_000;
const MAX_CENTRAL_DIRECTORY_BYTES = 16 * 1024 * 1024;
const MAX_SMALL_PART_BYTES = 8 * 1024 * 1024;

const CORRUPT_HINT = 'Hãy mở tệp bằng Excel và lưu lại, hoặc tải lại tệp gốc.';

function corrupt(detail: string): ImportRefusal {
  return new ImportRefusal('corrupt_zip', `Tệp .xlsx bị hỏng: ${detail}. ${CORRUPT_HINT}`);
}

/** Recognise what the file is from its first bytes, refusing everything that is not a zip. */
function refuseNonZip(head: Buffer): void {
  if (head.length >= 4 && head.readUInt32LE(0) === SIG_LOCAL) return;
  if (head.length >= 4 && head.readUInt32LE(0) === SIG_END) {
    throw new ImportRefusal('not_xlsx', 'Tệp nén rỗng, không chứa bảng tính nào.');
  }
  // OLE2 compound file: Excel 97–2003 (.xls), or an .xlsx protected by a password.
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw new ImportRefusal(
      'legacy_xls',
      'Tệp là định dạng Excel 97–2003 (.xls) hoặc là tệp .xlsx có đặt mật khẩu; hệ thống chỉ nhận tệp .xlsx không mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu (nếu có) và chọn Lưu thành → Sổ làm việc Excel (.xlsx).',
    );
  }
  const start = head.toString('utf8', 0, Math.min(head.length, 512)).replace(/^\uFEFF/u, '').trimStart().toLowerCase();
  if (start.startsWith('<html') || start.startsWith('<!doctype html') || start.startsWith('<table') || start.includes('<html')) {
    throw new ImportRefusal(
      'html_table',
      'Tệp là một trang HTML được đặt đuôi Excel (thường do phần mềm khác xuất ra), không phải tệp .xlsx. Hãy mở bằng Excel và chọn Lưu thành → Sổ làm việc Excel (.xlsx).',
    );
  }
  throw new ImportRefusal(
    'not_zip',
    'Tệp không phải bảng tính Excel (.xlsx). Nếu đây là tệp CSV hoặc văn bản, hãy mở bằng Excel và lưu lại dưới dạng .xlsx.',
  );
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return bytesRead === length ? buffer : buffer.subarray(0, bytesRead);
}

function normalizeEntryName(name: string): string {
  return name.replace(/\\/gu, '/').replace(/^\/+/u, '');
}

/** Read the central directory and the position of every entry's data. */
async function readEntries(handle: FileHandle, fileSize: number): Promise<Map<string, ZipEntry>> {
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = await readAt(handle, fileSize - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === SIG_END && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      end = i;
      break;
    }
  }
  if (end < 0) throw corrupt('không tìm thấy mục lục của tệp nén (tệp có thể bị tải về thiếu)');
  const entryCount = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  const endOffset = fileSize - tailLength + end;
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw new ImportRefusal('file_too_large', 'Tệp dùng định dạng ZIP64 dành cho tệp trên 4 GB; hệ thống không nhận tệp lớn như vậy.');
  }
  if (entryCount > MAX_ENTRIES || directorySize > MAX_CENTRAL_DIRECTORY_BYTES) {
    throw new ImportRefusal('not_xlsx', `Tệp nén chứa quá nhiều mục (${formatNumber(entryCount)}); đây không phải một bảng tính Excel thông thường.`);
  }
  if (directoryOffset + directorySize > endOffset) throw corrupt('mục lục của tệp nén trỏ ra ngoài tệp');

  const directory = await readAt(handle, directoryOffset, directorySize);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let n = 0; n < entryCount; n += 1) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== SIG_CENTRAL) throw corrupt('mục lục của tệp nén không đọc được');
    const flags = directory.readUInt16LE(p + 8);
    const method = directory.readUInt16LE(p + 10);
    const crc = directory.readUInt32LE(p + 16);
    const compressedSize = directory.readUInt32LE(p + 20);
    const uncompressedSize = directory.readUInt32LE(p + 24);
    const nameLength = directory.readUInt16LE(p + 28);
    const extraLength = directory.readUInt16LE(p + 30);
    const commentLength = directory.readUInt16LE(p + 32);
    const localOffset = directory.readUInt32LE(p + 42);
    const name = normalizeEntryName(directory.toString('utf8', p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
      throw new ImportRefusal('file_too_large', 'Tệp dùng định dạng ZIP64 dành cho tệp trên 4 GB; hệ thống không nhận tệp lớn như vậy.');
    }
    if ((flags & 0x1) !== 0) {
      throw new ImportRefusal('encrypted', 'Tệp được mã hóa bằng mật khẩu; hãy bỏ mật khẩu rồi lưu lại dưới dạng .xlsx.');
    }
    if (name.endsWith('/')) continue;
    const key = name.toLowerCase();
    if (entries.has(key)) throw corrupt(`tệp nén có hai mục cùng tên "${name}"`);
    entries.set(key, { name, method, crc32: crc, compressedSize, uncompressedSize, dataOffset: localOffset });
  }

  // Locate each entry's data from its local header; the data must lie before the directory.
  const located = new Map<string, ZipEntry>();
  for (const [key, entry] of entries) {
    const header = await readAt(handle, entry.dataOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== SIG_LOCAL) throw corrupt(`mục "${entry.name}" không đọc được`);
    const dataOffset = entry.dataOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (dataOffset + entry.compressedSize > directoryOffset) throw corrupt(`mục "${entry.name}" vượt ra ngoài dữ liệu của tệp`);
    located.set(key, { ...entry, dataOffset });
  }
  return located;
}

/** Stream an entry's inflated bytes. */
function inflateEntry(path: string, entry: ZipEntry): AsyncIterable<Buffer> {
  if (entry.method !== 0 && entry.method !== 8) {
    throw corrupt(`mục "${entry.name}" dùng phương thức nén ${entry.method} không được hỗ trợ`);
  }
  if (entry.compressedSize === 0) return Readable.from([] as Buffer[]);
  const raw = createReadStream(path, {
    start: entry.dataOffset,
    end: entry.dataOffset + entry.compressedSize - 1,
    highWaterMark: 256 * 1024,
  });
  if (entry.method === 0) return raw;
  // pipeline destroys both streams when either fails or the reader stops early; the error itself
  // reaches the reader through the inflater.
  return pipeline(raw, createInflateRaw(), () => {});
}

async function readSmallPart(path: string, entry: ZipEntry): Promise<string> {
  if (entry.uncompressedSize > MAX_SMALL_PART_BYTES) throw corrupt(`mục "${entry.name}" lớn bất thường`);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of inflateEntry(path, entry)) {
      total += chunk.length;
      if (total > MAX_SMALL_PART_BYTES) throw corrupt(`mục "${entry.name}" lớn bất thường`);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof ImportRefusal) throw error;
    throw corrupt(`không giải nén được mục "${entry.name}"`);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The text of a small part (at most 8 MB inflated), e.g. a workbook's styles. */
export function readPackagePart(pkg: XlsxPackage, entry: ZipEntry): Promise<string> {
  return readSmallPart(pkg.path, entry);
}

// --- the few XML facts needed, read with regular expressions (the parts are small and machine-written)

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/giu, (whole, entity: string) => {
    const e = entity.toLowerCase();
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function elements(xml: string, localName: string): Map<string, string>[] {
  const found: Map<string, string>[] = [];
  const tag = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${localName}(?=[\\s/>])([^>]*)>`, 'gu');
  for (const match of xml.matchAll(tag)) {
    const attributes = new Map<string, string>();
    for (const attr of (match[1] ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu)) {
      attributes.set(attr[1] ?? '', decodeXml(attr[2] ?? attr[3] ?? ''));
    }
    found.push(attributes);
  }
  return found;
}

function attributeEndingWith(attributes: Map<string, string>, suffix: string): string | undefined {
  for (const [name, value] of attributes) {
    if (name === suffix || name.endsWith(`:${suffix}`)) return value;
  }
  return undefined;
}

/** Resolve a relationship target against the folder of the part that holds it. */
function resolveTarget(folder: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `${folder}${target}`;
  const parts: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

function readRelationships(xml: string, folder: string): Map<string, Relationship> {
  const relationships = new Map<string, Relationship>();
  for (const attributes of elements(xml, 'Relationship')) {
    const id = attributes.get('Id');
    const target = attributes.get('Target');
    if (id === undefined || target === undefined || attributes.get('TargetMode') === 'External') continue;
    relationships.set(id, { type: attributes.get('Type') ?? '', target: resolveTarget(folder, target) });
  }
  return relationships;
}

/** Open a file that should be an .xlsx workbook: check it is one and find its sheets. */
export async function openXlsxPackage(path: string, limits: { readonly maxFileBytes?: number } = {}): Promise<XlsxPackage> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ImportRefusal('file_not_found', `Không tìm thấy tệp "${path}".`);
    throw new ImportRefusal('unreadable', `Không mở được tệp "${path}" (${code ?? 'lỗi hệ thống'}).`);
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) throw new ImportRefusal('file_empty', 'Tệp rỗng (0 byte).');
    if (limits.maxFileBytes !== undefined && size > limits.maxFileBytes) {
      throw new ImportRefusal('file_too_large', fileTooLargeMessage(size, limits.maxFileBytes));
    }
    refuseNonZip(await readAt(handle, 0, Math.min(size, 512)));
    const entries = await readEntries(handle, size);
    const entry = (name: string) => entries.get(name.toLowerCase()) ?? null;

    const rootRels = entry('_rels/.rels');
    let workbookPath = 'xl/workbook.xml';
    if (rootRels !== null) {
      for (const rel of readRelationships(await readSmallPart(path, rootRels), '').values()) {
        if (rel.type.endsWith('/officeDocument')) workbookPath = rel.target;
      }
    }
    const workbookEntry = entry(workbookPath);
    if (workbookEntry === null) {
      throw new ImportRefusal(
        'not_xlsx',
        'Tệp nén không chứa bảng tính Excel (không có phần "workbook"); có thể đây là tệp Word, OpenDocument (.ods) hoặc tệp nén khác. Hãy lưu bảng tính dưới dạng .xlsx.',
      );
    }
    const folder = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
    const relsEntry = entry(`${folder}_rels/${workbookPath.slice(folder.length)}.rels`);
    const relationships = relsEntry === null ? new Map<string, Relationship>() : readRelationships(await readSmallPart(path, relsEntry), folder);
    const workbookXml = await readSmallPart(path, workbookEntry);

    const sheets: WorkbookSheet[] = [];
    for (const attributes of elements(workbookXml, 'sheet')) {
      const name = attributes.get('name');
      if (name === undefined) continue;
      const id = attributeEndingWith(attributes, 'id');
      const target = id === undefined ? undefined : relationships.get(id)?.target;
      sheets.push({ name, entry: target === undefined ? null : entry(target) });
    }
    const partOfType = (typeSuffix: string, fallback: string) => {
      for (const rel of relationships.values()) if (rel.type.endsWith(typeSuffix)) return entry(rel.target);
      return entry(fallback);
    };
    return {
      path,
      fileSize: size,
      sheets,
      sharedStrings: partOfType('/sharedStrings', `${folder}sharedStrings.xml`),
      styles: partOfType('/styles', `${folder}styles.xml`),
      date1904: /<(?:[\w.-]+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/u.test(workbookXml),
    };
  } finally {
    await handle.close();
  }
}

export interface PartCheck {
  /** Number of <row> elements, for the progress bar. */
  readonly rows: number;
}

/**
 * Inflate a part once, counting its bytes against the limits (shared across parts through
 * `budget`), checking its size and CRC against the zip's directory, and counting its rows.
 */
export async function verifyPart(
  path: string,
  entry: ZipEntry,
  limits: PackageLimits,
  budget: { used: number },
  onCompressedBytes: (bytes: number) => void,
): Promise<PartCheck> {
  if (budget.used + entry.uncompressedSize > limits.maxUncompressedBytes) throw tooLargeUncompressed(limits);
  let total = 0;
  let crc = 0;
  let rows = 0;
  let run = 0;
  let carry: Buffer = Buffer.alloc(0);
  const compressedPerByte = entry.uncompressedSize === 0 ? 0 : entry.compressedSize / entry.uncompressedSize;
  let reported = 0;
  try {
    for await (const chunk of inflateEntry(path, entry)) {
      const buffer = chunk as Buffer;
      total += buffer.length;
      if (total > entry.uncompressedSize) throw corrupt(`mục "${entry.name}" giải nén ra nhiều hơn kích thước đã khai báo`);
      if (budget.used + total > limits.maxUncompressedBytes) throw tooLargeUncompressed(limits);
      crc = crc32(buffer, crc);
      rows += countRowTags(carry, buffer);
      carry = buffer.subarray(Math.max(0, buffer.length - 4));
      const first = buffer.indexOf(0x3c);
      if (first < 0) {
        run += buffer.length;
      } else {
        run += first;
        if (run > limits.maxTextRunBytes) throw abnormalCell(limits);
        run = buffer.length - 1 - buffer.lastIndexOf(0x3c);
      }
      if (run > limits.maxTextRunBytes) throw abnormalCell(limits);
      const compressed = Math.floor(total * compressedPerByte);
      onCompressedBytes(compressed - reported);
      reported = compressed;
    }
  } catch (error) {
    if (error instanceof ImportRefusal) throw error;
    throw corrupt(`không giải nén được mục "${entry.name}"`);
  }
  if (total !== entry.uncompressedSize) throw corrupt(`mục "${entry.name}" giải nén ra ít hơn kích thước đã khai báo`);
  if ((crc >>> 0) !== entry.crc32 >>> 0) throw corrupt(`mục "${entry.name}" sai mã kiểm tra CRC`);
  onCompressedBytes(entry.compressedSize - reported);
  budget.used += total;
  return { rows };
}

function tooLargeUncompressed(limits: PackageLimits): ImportRefusal {
  return new ImportRefusal(
    'uncompressed_too_large',
    `Nội dung giải nén của tệp vượt quá ${formatMegabytes(limits.maxUncompressedBytes)}: tệp chứa quá nhiều dữ liệu hoặc là tệp nén bất thường ("bom nén"). Hãy chia dữ liệu thành nhiều tệp nhỏ hơn.`,
  );
}

function abnormalCell(limits: PackageLimits): ImportRefusal {
  return new ImportRefusal(
    'abnormal_cell',
    `Tệp có ô chứa nội dung dài bất thường (trên ${formatNumber(limits.maxTextRunBytes)} byte, vượt giới hạn một ô của Excel); tệp không phải bảng tính hợp lệ.`,
  );
}

const ROW_TAG = Buffer.from('<row');

/** Count "<row" followed by white space, ">" or "/", including one spanning the previous chunk's end. */
function countRowTags(carry: Buffer, chunk: Buffer): number {
  let count = 0;
  if (carry.length > 0) {
    const joined = Buffer.concat([carry, chunk.subarray(0, ROW_TAG.length + 1)]);
    for (let i = joined.indexOf(ROW_TAG); i >= 0 && i < carry.length; i = joined.indexOf(ROW_TAG, i + 1)) {
      if (isRowTagEnd(joined[i + ROW_TAG.length])) count += 1;
    }
  }
  for (let i = chunk.indexOf(ROW_TAG); i >= 0; i = chunk.indexOf(ROW_TAG, i + ROW_TAG.length)) {
    if (i + ROW_TAG.length < chunk.length && isRowTagEnd(chunk[i + ROW_TAG.length])) count += 1;
  }
  return count;
}

function isRowTagEnd(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x3e || byte === 0x2f || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

// --- the minimal zip handed to ExcelJS

export interface StreamedSheet {
  /** The name ExcelJS will report for it. */
  readonly id: string;
  readonly entry: ZipEntry;
}

interface Part {
  readonly name: string;
  readonly source: ZipEntry | Buffer;
}

function storedPart(name: string, xml: string): Part {
  return { name, source: Buffer.from(xml, 'utf8') };
}

function localHeader(name: string, method: number, crc: number, compressedSize: number, uncompressedSize: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30 + nameBytes.length);
  header.writeUInt32LE(SIG_LOCAL, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6); // names in UTF-8; sizes are in this header, no data descriptor
  header.writeUInt16LE(method, 8);
  header.writeUInt32LE(crc >>> 0, 14);
  header.writeUInt32LE(compressedSize, 18);
  header.writeUInt32LE(uncompressedSize, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  nameBytes.copy(header, 30);
  return header;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

function escapeXml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

/** Length of the longest prefix of `buffer` that ends between two UTF-8 characters. */
export function utf8Boundary(buffer: Buffer): number {
  const length = buffer.length;
  for (let back = 1; back <= 4 && back <= length; back += 1) {
    const byte = buffer[length - back] as number;
    if (byte < 0x80) return length; // ASCII: complete
    if (byte >= 0xc0) {
      // Lead byte of a sequence of 2, 3 or 4 bytes: complete if all its bytes are here.
      const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return back >= size ? length : length - back;
    }
  }
  return length;
}

/**
 * The verified parts as a zip stream for ExcelJS's WorkbookReader, sheets renamed to `id` and put
 * last. `onBytes` reports the bytes of the original file as ExcelJS consumes them.
 */
/** End-of-central-directory record with no entries: the reader stops here. */
function endOfDirectory(): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG_END, 0);
  return end;
}

export function streamWorkbookParts(
  pkg: XlsxPackage,
  sheets: readonly StreamedSheet[],
  onBytes: (bytes: number) => void,
  onFailure: (error: unknown) => void = () => {},
): Readable {
  const parts: Part[] = [
    storedPart(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_REL_NS}">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}</Relationships>`,
    ),
    storedPart(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr${
        pkg.date1904 ? ' date1904="1"' : ''
      }/><sheets>${sheets
        .map((sheet, i) => `<sheet name="${escapeXml(sheet.id)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
  ];
  if (pkg.styles !== null) parts.push({ name: 'xl/styles.xml', source: pkg.styles });
  // ExcelJS parses a sheet straight from the stream only once it holds shared strings: a workbook
  // without any gets an empty table.
  parts.push(
    pkg.sharedStrings === null
      ? storedPart('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}" count="0" uniqueCount="0"/>`)
      : { name: 'xl/sharedStrings.xml', source: pkg.sharedStrings },
  );
  sheets.forEach((sheet, i) => parts.push({ name: `xl/worksheets/sheet${i + 1}.xml`, source: sheet.entry }));

  // A failure ends the stream instead of erroring it: ExcelJS pipes this stream into its unzipper,
  // and a pipe does not pass errors on, so an errored source would leave the reader waiting
  // forever. A zip cut inside an entry can also leave the unzipper waiting for the bytes its
  // header promised (it did, under load), so the broken part is padded with spaces to its
  // declared size and the zip is closed: the reader always finishes, and the caller learns the
  // cause through onFailure.
  let owed = 0;
  async function* frames(): AsyncGenerator<Buffer> {
    try {
      yield* partFrames();
      return;
    } catch (error) {
      onFailure(error);
    }
    const filler = Buffer.alloc(64 * 1024, 0x20);
    while (owed > 0) {
      const n = Math.min(owed, filler.length);
      owed -= n;
      yield filler.subarray(0, n);
    }
    yield endOfDirectory();
  }

  async function* partFrames(): AsyncGenerator<Buffer> {
    for (const part of parts) {
      if (Buffer.isBuffer(part.source)) {
        yield localHeader(part.name, 0, crc32(part.source), part.source.length, part.source.length);
        yield part.source;
        continue;
      }
      // Parts go to ExcelJS inflated ("stored"), cut only between characters: ExcelJS decodes each
      // chunk of XML on its own (TextDecoder without streaming), so a Vietnamese letter split
      // across two chunks of its own inflater would come out as "��".
      const entry = part.source;
      yield localHeader(part.name, 0, entry.crc32, entry.uncompressedSize, entry.uncompressedSize);
      owed = entry.uncompressedSize;
      const compressedPerByte = entry.uncompressedSize === 0 ? 0 : entry.compressedSize / entry.uncompressedSize;
      let inflated = 0;
      let reported = 0;
      let carry: Buffer = Buffer.alloc(0);
      for await (const chunk of inflateEntry(pkg.path, entry)) {
        const buffer: Buffer = carry.length === 0 ? (chunk as Buffer) : Buffer.concat([carry, chunk as Buffer]);
        const cut = Math.min(utf8Boundary(buffer), owed);
        carry = buffer.subarray(cut);
        inflated += (chunk as Buffer).length;
        const compressed = Math.floor(inflated * compressedPerByte);
        onBytes(compressed - reported);
        reported = compressed;
        if (cut > 0) {
          owed -= cut;
          yield buffer.subarray(0, cut);
        }
      }
      if (carry.length > owed) throw new Error('part longer than its declared size');
      if (carry.length > 0) {
        owed -= carry.length;
        yield carry;
      }
      if (owed > 0) throw new Error('part shorter than its declared size');
      onBytes(entry.compressedSize - reported);
    }
    yield endOfDirectory();
  }
  return Readable.from(frames(), { objectMode: false });
}
