// A minimal POSIX tar (ustar + pax) writer and reader on node built-ins, for backup archives.
// Only regular files are written; names that do not fit ustar (long, or not ASCII: Vietnamese file names of
// uploaded evidence) go in a pax extended header, which GNU tar, bsdtar and 7-Zip all read.

const block = 512;

export interface TarEntryHeader {
  /** path inside the archive, '/'-separated */
  name: string;
  size: number;
  /** modification time in milliseconds */
  mtimeMs: number;
}

export class TarFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarFormatError';
  }
}

function octal(value: number, width: number): string {
  // width includes the terminating NUL
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function writeString(buf: Buffer, offset: number, width: number, value: string): void {
  buf.write(value, offset, width, 'latin1');
}

function headerChecksum(header: Buffer): number {
  let sum = 0;
  for (let i = 0; i < block; i += 1) sum += i >= 148 && i < 156 ? 32 : header[i]!;
  return sum;
}

function ustarHeader(name: string, size: number, mtimeMs: number, typeflag: '0' | 'x'): Buffer {
  const header = Buffer.alloc(block);
  writeString(header, 0, 100, name);
  writeString(header, 100, 8, octal(0o644, 8));
  writeString(header, 108, 8, octal(0, 8));
  writeString(header, 116, 8, octal(0, 8));
  writeString(header, 124, 12, octal(size, 12));
  writeString(header, 136, 12, octal(Math.floor(mtimeMs / 1000), 12));
  writeString(header, 156, 1, typeflag);
  writeString(header, 257, 6, 'ustar\0');
  writeString(header, 263, 2, '00');
  writeString(header, 148, 8, `${headerChecksum(header).toString(8).padStart(6, '0')}\0 `);
  return header;
}

function paxRecord(key: string, value: string): string {
  // "<length> <key>=<value>\n" where length counts the whole record, itself included.
  const body = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(body) + 1;
  while (String(length).length + Buffer.byteLength(body) !== length) length = String(length).length + Buffer.byteLength(body);
  return `${length}${body}`;
}

const maxUstarSize = 8 ** 11 - 1;

/** Padding that completes a data area of `size` bytes to whole 512-byte blocks. */
export function tarPadding(size: number): Buffer {
  const rest = size % block;
  return rest === 0 ? Buffer.alloc(0) : Buffer.alloc(block - rest);
}

/** The header block(s) of one regular file: a pax header first when the name or size does not fit ustar. */
export function tarHeader(entry: TarEntryHeader): Buffer {
  const asciiShort = /^[\x20-\x7e]*$/u.test(entry.name) && entry.name.length <= 100;
  const records: string[] = [];
  if (!asciiShort) records.push(paxRecord('path', entry.name));
  if (entry.size > maxUstarSize) records.push(paxRecord('size', String(entry.size)));
  const plain = ustarHeader(asciiShort ? entry.name : entry.name.replace(/[^\x20-\x7e]/gu, '_').slice(-100), Math.min(entry.size, maxUstarSize), entry.mtimeMs, '0');
  if (records.length === 0) return plain;
  const pax = Buffer.from(records.join(''), 'utf8');
  return Buffer.concat([ustarHeader('PaxHeader', pax.length, entry.mtimeMs, 'x'), pax, tarPadding(pax.length), plain]);
}

/** Two zero blocks end an archive. */
export function tarEnd(): Buffer {
  return Buffer.alloc(block * 2);
}

/** Pulls exact byte counts out of an async stream of chunks. */
class ByteSource {
  private readonly iterator: AsyncIterator<Buffer>;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private done = false;

  constructor(source: AsyncIterable<Buffer | string>) {
    const inner = source[Symbol.asyncIterator]();
    this.iterator = {
      next: async () => {
        const r = await inner.next();
        if (r.done) return { done: true, value: undefined };
        return { done: false, value: typeof r.value === 'string' ? Buffer.from(r.value) : r.value };
      },
    };
  }

  private async fill(n: number): Promise<boolean> {
    while (this.pendingBytes < n && !this.done) {
      const r = await this.iterator.next();
      if (r.done) {
        this.done = true;
        break;
      }
      this.pending.push(r.value);
      this.pendingBytes += r.value.length;
    }
    return this.pendingBytes >= n;
  }

  private take(n: number): Buffer {
    const all = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
    return out;
  }

  /** Exactly n bytes, or null at a clean end of stream (no bytes left); throws when the stream ends mid-way. */
  async readExact(n: number): Promise<Buffer | null> {
    if (!(await this.fill(n))) {
      if (this.pendingBytes === 0) return null;
      throw new TarFormatError('Tệp lưu trữ bị cắt cụt (kết thúc giữa chừng).');
    }
    return this.take(n);
  }

  /** Up to n bytes (at least one), throwing when the stream has ended. */
  async readSome(n: number): Promise<Buffer> {
    if (this.pendingBytes === 0 && !(await this.fill(1))) throw new TarFormatError('Tệp lưu trữ bị cắt cụt (kết thúc giữa chừng).');
    return this.take(Math.min(n, this.pendingBytes));
  }
}

function readString(buf: Buffer, offset: number, width: number): string {
  const slice = buf.subarray(offset, offset + width);
  const nul = slice.indexOf(0);
  return slice.subarray(0, nul === -1 ? width : nul).toString('utf8');
}

function readOctal(buf: Buffer, offset: number, width: number): number {
  const text = readString(buf, offset, width).trim();
  if (!/^[0-7]*$/u.test(text)) throw new TarFormatError('Tiêu đề tệp lưu trữ không hợp lệ.');
  return text === '' ? 0 : parseInt(text, 8);
}

function parsePax(data: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    if (space === -1) break;
    const length = Number(data.subarray(offset, space).toString('latin1'));
    if (!Number.isInteger(length) || length <= 0 || offset + length > data.length) throw new TarFormatError('Tiêu đề pax không hợp lệ.');
    const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    offset += length;
  }
  return out;
}

export interface TarReadEntry extends TarEntryHeader {
  /** The entry's data, in chunks. Must be consumed (or skipped by moving on) before the next entry. */
  body(): AsyncGenerator<Buffer>;
}

/**
 * Reads regular-file entries from a tar stream. Checks every header's checksum and refuses an archive that ends
 * before its end-of-archive blocks: a truncated backup is never read as a complete one.
 */
export async function* readTar(source: AsyncIterable<Buffer | string>): AsyncGenerator<TarReadEntry> {
  const bytes = new ByteSource(source);
  let pax = new Map<string, string>();
  for (;;) {
    const header = await bytes.readExact(block);
    if (!header) throw new TarFormatError('Tệp lưu trữ không có phần kết thúc: có thể đã bị cắt cụt.');
    if (header.every((b) => b === 0)) return;
    if (readOctal(header, 148, 8) !== headerChecksum(header)) throw new TarFormatError('Tiêu đề tệp lưu trữ sai tổng kiểm tra: tệp bị hỏng.');
    const typeflag = String.fromCharCode(header[156]!);
    const ustarName = readString(header, 0, 100);
    const prefix = readString(header, 345, 155);
    let size = readOctal(header, 124, 12);
    const mtimeMs = readOctal(header, 136, 12) * 1000;
    if (typeflag === 'x' || typeflag === 'g') {
      const data = size > 0 ? await bytes.readExact(size + tarPadding(size).length) : Buffer.alloc(0);
      if (!data) throw new TarFormatError('Tệp lưu trữ bị cắt cụt (kết thúc giữa chừng).');
      if (typeflag === 'x') pax = parsePax(data.subarray(0, size));
      continue;
    }
    const name = pax.get('path') ?? (prefix ? `${prefix}/${ustarName}` : ustarName);
    if (pax.has('size')) size = Number(pax.get('size'));
    pax = new Map();
    let remaining = size;
    const padding = tarPadding(size).length;
    const drain = async function* (): AsyncGenerator<Buffer> {
      while (remaining > 0) {
        const chunk = await bytes.readSome(Math.min(remaining, 1 << 20));
        remaining -= chunk.length;
        yield chunk;
      }
    };
    if (typeflag === '0' || typeflag === '\0') {
      yield { name, size, mtimeMs, body: drain };
    }
    for await (const _ of drain()) {
      // skip what the consumer did not read (directories and links have no data; they are not restored)
    }
    if (padding > 0 && !(await bytes.readExact(padding))) throw new TarFormatError('Tệp lưu trữ bị cắt cụt (kết thúc giữa chừng).');
  }
}
