import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { checkEvidenceFile, DEFAULT_MAX_EVIDENCE_BYTES } from '../../../domain/emulation/evidence-file-rules.ts';
import type { FileDto } from '../../../shared/schemas/emulation.schema.ts';
import { AppError } from '../../errors.ts';
import type { FileRow } from './scores.repository.ts';

export interface IncomingFile {
  filename: string;
  mimetype: string;
  stream: Readable;
}

export interface StoredFile {
  storedPath: string;
  sizeBytes: number;
  sha256: string;
  mimeType: string;
}

export function toFileDto(f: FileRow): FileDto {
  return { id: f.id, originalName: f.originalName, mimeType: f.mimeType, sizeBytes: f.sizeBytes, sha256: f.sha256, uploadedBy: f.uploadedBy, uploadedAt: f.uploadedAt.toISOString() };
}

/**
 * Writes an evidence file under the files directory: streamed to a temporary file while hashing and counting (never
 * more than the limit is kept), checked against the allowed types by name, declared type and content, then moved to
 * <filesDir>/<year>/<id>.<ext>. The caller records the metadata.
 */
export async function storeEvidenceFile(filesDir: string, id: string, year: string, file: IncomingFile, maxBytes = DEFAULT_MAX_EVIDENCE_BYTES): Promise<StoredFile> {
  fs.mkdirSync(path.join(filesDir, 'tmp'), { recursive: true });
  const tmp = path.join(filesDir, 'tmp', `${id}.part`);
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const out = fs.createWriteStream(tmp, { flags: 'wx' });
  try {
    for await (const chunk of file.stream) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > maxBytes) throw new AppError('request.too_large', `Tệp "${file.filename}" vượt quá dung lượng cho phép (${Math.floor(maxBytes / 1024 / 1024)} MB).`);
      if (head.length < 16) head = Buffer.concat([head, buf.subarray(0, 16 - head.length)]);
      hash.update(buf);
      if (!out.write(buf)) await new Promise<void>((resolve) => out.once('drain', resolve));
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    if ((file.stream as Readable & { truncated?: boolean }).truncated) {
      throw new AppError('request.too_large', `Tệp "${file.filename}" vượt quá dung lượng cho phép.`);
    }
    const check = checkEvidenceFile({ name: file.filename, declaredMime: file.mimetype, head, sizeBytes: size, maxBytes });
    if (!check.ok) throw new AppError('emulation.invalid', check.message);
    const relative = path.join(year, `${id}.${check.extension}`);
    fs.mkdirSync(path.join(filesDir, year), { recursive: true });
    fs.renameSync(tmp, path.join(filesDir, relative));
    return { storedPath: relative, sizeBytes: size, sha256: hash.digest('hex'), mimeType: check.mimeType };
  } catch (error) {
    out.destroy();
    fs.rmSync(tmp, { force: true });
    // Drain what is left so the request can finish and the error reach the caller.
    file.stream.resume();
    throw error;
  }
}

export function openStoredFile(filesDir: string, storedPath: string): fs.ReadStream {
  const full = path.resolve(filesDir, storedPath);
  if (!full.startsWith(path.resolve(filesDir) + path.sep) || !fs.existsSync(full)) {
    throw new AppError('emulation.not_found', 'Không tìm thấy tệp minh chứng trên máy chủ.');
  }
  return fs.createReadStream(full);
}

export function removeStoredFile(filesDir: string, storedPath: string): void {
  fs.rmSync(path.resolve(filesDir, storedPath), { force: true });
}
