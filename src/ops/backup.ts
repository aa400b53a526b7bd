// Taking a backup: every table from one consistent snapshot, then the uploaded files, then the manifest.
// The archive is written to `<file>.partial`, flushed to disk and only then renamed to `<file>`: a backup killed
// mid-way leaves a .partial file (which restore refuses anyway: no manifest) and never a file that looks complete.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Database } from '../db/client.ts';
import { formatNumber } from '../shared/vi-format.ts';
import { appVersion } from './app-version.ts';
import { filePartName, manifestEntryName, tablePartName, type BackupManifest } from './backup-archive.ts';
import { readAppliedMigration, readShippedMigrations } from './migration-state.ts';
import { inTransaction, type SqlSession } from './sql-session.ts';
import { listSequences, listTables, orderByDependency, qualified, quoteIdent } from './table-catalog.ts';
import { tarEnd, tarHeader, tarPadding } from './tar.ts';

export interface BackupOptions {
  /** where the archive goes; written as `<file>.partial` first */
  file: string;
  /** the uploaded files folder (see filesDir) */
  filesDir: string;
  now?: () => Date;
  /** progress lines for the officer (Vietnamese) */
  log?: (line: string) => void;
  /** rows per fetch from the snapshot cursor */
  fetchRows?: number;
  /** a table's rows are cut into parts of about this many bytes, each with its own sha256 */
  partBytes?: number;
}

export interface BackupResult {
  file: string;
  manifest: BackupManifest;
  archiveSha256: string;
  archiveBytes: number;
}

export class BackupRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefusedError';
  }
}

interface FileToCopy {
  relative: string;
  absolute: string;
  bytes: number;
  mtimeMs: number;
}

async function listFiles(root: string): Promise<FileToCopy[]> {
  const out: FileToCopy[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const absolute = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(absolute);
      else if (entry.isFile()) {
        const stat = await fs.promises.stat(absolute);
        out.push({ relative: path.relative(root, absolute).split(path.sep).join('/'), absolute, bytes: stat.size, mtimeMs: stat.mtimeMs });
      }
      // symbolic links and special files are not evidence: they are not followed
    }
  };
  await walk(root);
  return out;
}

function entry(name: string, data: Buffer, mtimeMs: number): Buffer[] {
  return [tarHeader({ name, size: data.length, mtimeMs }), data, tarPadding(data.length)];
}

async function* archiveChunks(session: SqlSession, options: BackupOptions, manifest: BackupManifest): AsyncGenerator<Buffer> {
  const log = options.log ?? (() => undefined);
  const fetchRows = options.fetchRows ?? 2000;
  const partBytes = options.partBytes ?? 8 * 1024 * 1024;
  const mtimeMs = Date.parse(manifest.createdAt);
  const record = (name: string, data: Buffer) => {
    manifest.parts[name] = { bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  };

  const tables = orderByDependency(await listTables(session.query));
  for (const table of tables) {
    const info = { name: table.name, columns: table.columns, rows: 0, parts: [] as string[] };
    manifest.tables.push(info);
    const order = table.primaryKey.length > 0 ? ` order by ${table.primaryKey.map((c) => `t.${quoteIdent(c)}`).join(', ')}` : '';
    await session.exec(`declare chung_tay_backup no scroll cursor for select row_to_json(t)::text as j from ${qualified(table.name)} t${order}`);
    let lines: string[] = [];
    let bytes = 0;
    const flush = function* (): Generator<Buffer> {
      if (lines.length === 0) return;
      const name = tablePartName(table.name, info.parts.length + 1);
      const data = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
      info.parts.push(name);
      record(name, data);
      lines = [];
      bytes = 0;
      yield* entry(name, data, mtimeMs);
    };
    for (;;) {
      const rows = await session.query<{ j: string }>(`fetch forward ${fetchRows} from chung_tay_backup`);
      if (rows.length === 0) break;
      for (const row of rows) {
        lines.push(row.j);
        bytes += row.j.length + 1;
      }
      info.rows += rows.length;
      if (bytes >= partBytes) {
        yield* flush();
        log(`  ${table.name}: đã đọc ${formatNumber(info.rows)} dòng…`);
      }
    }
    yield* flush();
    await session.exec('close chung_tay_backup');
    log(`Bảng ${table.name}: ${formatNumber(info.rows)} dòng.`);
  }
  // Read after the rows: a sequence is never behind a row of the snapshot (sequences are not transactional).
  manifest.sequences = await listSequences(session.query);

  for (const file of await listFiles(options.filesDir)) {
    const name = filePartName(file.relative);
    const hash = createHash('sha256');
    let copied = 0;
    let stream: fs.ReadStream | null = null;
    try {
      await fs.promises.access(file.absolute, fs.constants.R_OK);
      if (file.bytes > 0) stream = fs.createReadStream(file.absolute, { start: 0, end: file.bytes - 1 });
    } catch (error) {
      // removed between the listing and now: not part of this backup
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    yield tarHeader({ name, size: file.bytes, mtimeMs: file.mtimeMs });
    if (stream) {
      for await (const chunk of stream) {
        hash.update(chunk as Buffer);
        copied += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
    }
    if (copied !== file.bytes) throw new Error(`Tệp "${file.relative}" thay đổi trong khi sao lưu; hãy chạy lại lệnh sao lưu.`);
    yield tarPadding(file.bytes);
    manifest.parts[name] = { bytes: file.bytes, sha256: hash.digest('hex') };
    manifest.files.push({ path: file.relative, bytes: file.bytes, mtimeMs: file.mtimeMs });
  }
  if (manifest.files.length > 0) log(`Tệp minh chứng: ${formatNumber(manifest.files.length)} tệp.`);

  yield* entry(manifestEntryName, Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`, 'utf8'), mtimeMs);
  yield tarEnd();
}

async function fsyncPath(p: string): Promise<void> {
  const handle = await fs.promises.open(p, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes a backup of `database` and the files folder to `options.file`. Reads the database inside one read-only
 * REPEATABLE READ transaction: on PostgreSQL the server may keep working meanwhile and the backup is still one
 * consistent state; on PGlite (one connection) the running server's requests wait for the backup to finish.
 */
export async function createBackup(database: Database, options: BackupOptions): Promise<BackupResult> {
  const target = path.resolve(options.file);
  const partial = `${target}.partial`;
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const now = options.now ?? (() => new Date());
  const shipped = readShippedMigrations();
  try {
    const manifest = await inTransaction(database, 'snapshot', async (session) => {
      const migration = await readAppliedMigration(session.query, shipped);
      if (!migration) throw new BackupRefusedError('Cơ sở dữ liệu chưa được khởi tạo (chưa chạy migration): không có gì để sao lưu.');
      const draft: BackupManifest = {
        format: 'chung-tay-backup',
        formatVersion: 1,
        appVersion: appVersion(),
        engine: database.engine,
        migration,
        createdAt: now().toISOString(),
        tables: [],
        sequences: [],
        files: [],
        parts: {},
      };
      // Owner-only permissions: the archive holds the personal data of every household.
      await pipeline(Readable.from(archiveChunks(session, options, draft)), createGzip({ level: 6 }), fs.createWriteStream(partial, { mode: 0o600 }));
      return draft;
    });
    await fsyncPath(partial);
    const whole = createHash('sha256');
    let archiveBytes = 0;
    for await (const chunk of fs.createReadStream(partial)) {
      whole.update(chunk as Buffer);
      archiveBytes += (chunk as Buffer).length;
    }
    await fs.promises.rename(partial, target);
    await fsyncPath(path.dirname(target)).catch(() => undefined);
    return { file: target, manifest, archiveSha256: whole.digest('hex'), archiveBytes };
  } catch (error) {
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
}
