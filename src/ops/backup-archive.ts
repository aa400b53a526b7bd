// The backup archive: one gzip-compressed tar file.
//
//   db/<table>/<nnnn>.jsonl   the table's rows, one JSON object per line (row_to_json), in dependency order
//   files/<path>              the uploaded evidence files, byte for byte
//   manifest.json             LAST: app version, engine, migration, time, row counts, sha256 and size of every part
//
// The manifest comes last because it is written after the parts are: an archive cut short anywhere has no manifest
// (or a broken gzip stream) and is refused — a partial file is never taken for a backup.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import { readTar, TarFormatError, type TarReadEntry } from './tar.ts';

export const manifestEntryName = 'manifest.json';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/u);

export const backupManifestSchema = z.object({
  format: z.literal('chung-tay-backup'),
  formatVersion: z.literal(1),
  appVersion: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  migration: z.object({ tag: z.string().nullable(), createdAt: z.number().int(), hash: z.string() }),
  createdAt: z.string(),
  tables: z.array(
    z.object({ name: z.string().min(1), columns: z.array(z.string().min(1)).min(1), rows: z.number().int().nonnegative(), parts: z.array(z.string()) }),
  ),
  sequences: z.array(z.object({ name: z.string().min(1), lastValue: z.string().regex(/^-?\d+$/u), isCalled: z.boolean() })),
  files: z.array(z.object({ path: z.string().min(1), bytes: z.number().int().nonnegative(), mtimeMs: z.number() })),
  parts: z.record(z.string(), z.object({ bytes: z.number().int().nonnegative(), sha256: sha256Hex })),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** A backup that cannot be used: truncated, damaged, not a Chung Tay backup. The message is for the officer. */
export class BackupArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupArchiveError';
  }
}

export function tablePartName(table: string, index: number): string {
  return `db/${table}/${String(index).padStart(4, '0')}.jsonl`;
}

export function filePartName(relativePath: string): string {
  return `files/${relativePath}`;
}

/**
 * A relative path that stays inside the files folder: '/'-separated, no '..', no absolute path, no control
 * characters — an archive cannot write outside the folder it is restored into.
 */
export function isSafeRelativePath(p: string): boolean {
  if (p === '' || p.startsWith('/') || p.includes('\\') || [...p].some((c) => c.charCodeAt(0) < 0x20)) return false;
  return p.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

function damaged(detail: string): BackupArchiveError {
  return new BackupArchiveError(`Tệp sao lưu bị hỏng hoặc không đầy đủ (${detail}). Không dùng được tệp này để khôi phục.`);
}

function translate(error: unknown): unknown {
  if (error instanceof TarFormatError) return damaged(error.message);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && code.startsWith('Z_')) return damaged(code === 'Z_BUF_ERROR' ? 'tệp bị cắt cụt' : 'dữ liệu nén sai');
  return error;
}

async function* translateErrors<T>(source: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* source;
  } catch (error) {
    throw translate(error);
  }
}

/** Reads the archive's entries; gzip and tar damage become a BackupArchiveError. */
export async function* readArchiveEntries(file: string): AsyncGenerator<TarReadEntry> {
  let stream: fs.ReadStream;
  try {
    await fs.promises.access(file, fs.constants.R_OK);
    stream = fs.createReadStream(file);
  } catch {
    throw new BackupArchiveError(`Không đọc được tệp sao lưu "${file}".`);
  }
  const gunzip = createGunzip();
  stream.on('error', (error) => gunzip.destroy(error));
  stream.pipe(gunzip);
  try {
    for await (const entry of translateErrors(readTar(gunzip))) {
      // An entry's data is read by the caller: its errors need the same translation.
      yield { ...entry, body: () => translateErrors(entry.body()) };
    }
  } finally {
    stream.destroy();
    gunzip.destroy();
  }
}

export interface VerifiedArchive {
  manifest: BackupManifest;
  /** sha256 of the whole archive file, to write in the backup logbook */
  archiveSha256: string;
  archiveBytes: number;
}

/**
 * Reads the whole archive once: every part's sha256 and size must match the manifest, nothing may be missing or
 * extra, every file path must stay inside the files folder. Returns the manifest; throws BackupArchiveError.
 */
export async function verifyBackupArchive(file: string): Promise<VerifiedArchive> {
  const seen = new Map<string, { bytes: number; sha256: string }>();
  let manifestText: string | null = null;
  for await (const entry of readArchiveEntries(file)) {
    if (seen.has(entry.name) || (entry.name === manifestEntryName && manifestText !== null)) throw damaged(`phần "${entry.name}" xuất hiện hai lần`);
    if (manifestText !== null) throw damaged('có dữ liệu sau bản kê');
    if (entry.name === manifestEntryName) {
      if (entry.size > 64 * 1024 * 1024) throw damaged('bản kê quá lớn');
      const chunks: Buffer[] = [];
      for await (const chunk of entry.body()) chunks.push(chunk);
      manifestText = Buffer.concat(chunks).toString('utf8');
      continue;
    }
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of entry.body()) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    seen.set(entry.name, { bytes, sha256: hash.digest('hex') });
  }
  if (manifestText === null) throw damaged('thiếu bản kê manifest.json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifestText);
  } catch {
    throw damaged('bản kê không đọc được');
  }
  const result = backupManifestSchema.safeParse(parsed);
  if (!result.success) {
    const format = (parsed as { format?: unknown } | null)?.format;
    if (format !== 'chung-tay-backup') throw new BackupArchiveError('Tệp này không phải bản sao lưu của Chung Tay.');
    throw new BackupArchiveError('Bản sao lưu có định dạng không được phiên bản phần mềm này hỗ trợ.');
  }
  const manifest = result.data;
  for (const [name, expected] of Object.entries(manifest.parts)) {
    const got = seen.get(name);
    if (!got) throw damaged(`thiếu phần "${name}"`);
    if (got.bytes !== expected.bytes || got.sha256 !== expected.sha256) throw damaged(`phần "${name}" sai mã kiểm tra sha256`);
  }
  for (const name of seen.keys()) if (!(name in manifest.parts)) throw damaged(`phần "${name}" không có trong bản kê`);
  for (const table of manifest.tables) for (const part of table.parts) if (!(part in manifest.parts)) throw damaged(`bảng ${table.name} thiếu phần ${part}`);
  for (const f of manifest.files) {
    if (!isSafeRelativePath(f.path)) throw damaged(`đường dẫn tệp không an toàn "${f.path}"`);
    if (!(filePartName(f.path) in manifest.parts)) throw damaged(`thiếu tệp "${f.path}"`);
  }
  const whole = createHash('sha256');
  let archiveBytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    whole.update(chunk as Buffer);
    archiveBytes += (chunk as Buffer).length;
  }
  return { manifest, archiveSha256: whole.digest('hex'), archiveBytes };
}
