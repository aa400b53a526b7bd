// Restoring a backup into a database and a files folder.
//
// 1. Read the whole archive once and check it (every sha256, the manifest, the migration): nothing is touched
//    before the archive is known to be complete and restorable by this version.
// 2. One transaction: (with --force, or when the empty target's schema is newer than the archive) drop the
//    application's objects; bring the schema to the archive's migration; insert every table in dependency order;
//    check the row counts; set the sequences; migrate forward to this version's latest migration. A failure or a
//    killed process anywhere in here leaves the database exactly as it was (PostgreSQL's and PGlite's write-ahead
//    log roll the open transaction back).
// 3. Files are unpacked into a staging folder during the transaction and swapped in after the commit.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/client.ts';
import { formatDateTime, formatNumber } from '../shared/vi-format.ts';
import { readArchiveEntries, verifyBackupArchive, BackupArchiveError, filePartName, isSafeRelativePath, manifestEntryName, type BackupManifest } from './backup-archive.ts';
import { applyMigrationsInTransaction, readAppliedMigration, readShippedMigrations, type ShippedMigration } from './migration-state.ts';
import { inTransaction, type SqlSession } from './sql-session.ts';
import { dropApplicationSchema, hasAnyRow, listTables, qualified, quoteIdent } from './table-catalog.ts';

export interface RestoreOptions {
  /** replace a database (and files folder) that already holds data */
  force: boolean;
  filesDir: string;
  log?: (line: string) => void;
  migrationsFolder?: string;
  /** rows per INSERT statement */
  batchRows?: number;
}

export interface RestoreResult {
  manifest: BackupManifest;
  archiveSha256: string;
  tables: number;
  rows: number;
  files: number;
  /** migrations applied after loading the rows (the archive came from an older version) */
  migratedForward: number;
}

/** The restore was refused before anything was changed; the message says why and what to do (Vietnamese). */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

async function folderHasFiles(dir: string): Promise<boolean> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  for (const entry of entries) {
    if (entry.isFile()) return true;
    if (entry.isDirectory() && (await folderHasFiles(path.join(dir, entry.name)))) return true;
  }
  return false;
}

function targetMigration(manifest: BackupManifest, shipped: ShippedMigration[]): ShippedMigration {
  const latest = shipped[shipped.length - 1];
  const wanted = manifest.migration;
  if (latest && wanted.createdAt > latest.createdAt) {
    throw new RestoreRefusedError(
      `Bản sao lưu được tạo bởi phiên bản phần mềm mới hơn (cấu trúc dữ liệu "${wanted.tag ?? wanted.createdAt}", phiên bản ${manifest.appVersion}). ` +
        'Hãy cài phiên bản Chung Tay bằng hoặc mới hơn phiên bản đó rồi khôi phục.',
    );
  }
  const match = shipped.find((m) => m.createdAt === wanted.createdAt && m.hash === wanted.hash);
  if (!match) {
    throw new RestoreRefusedError(
      `Cấu trúc dữ liệu của bản sao lưu ("${wanted.tag ?? wanted.createdAt}", phiên bản ${manifest.appVersion}) không thuộc lịch sử migration của phiên bản này. ` +
        'Hãy khôi phục bằng đúng phiên bản phần mềm đã tạo bản sao lưu.',
    );
  }
  return match;
}

/** Splits a stream of text chunks into lines. */
async function* lines(chunks: AsyncIterable<Buffer>, onChunk: (chunk: Buffer) => void): AsyncGenerator<string> {
  let rest = '';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of chunks) {
    onChunk(chunk);
    const text = rest + decoder.decode(chunk, { stream: true });
    const parts = text.split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) if (line !== '') yield line;
  }
  rest += decoder.decode();
  if (rest !== '') yield rest;
}

async function insertBatch(session: SqlSession, table: string, columns: string[], rows: string[]): Promise<void> {
  const list = columns.map(quoteIdent).join(', ');
  // The rows go to the server as the same JSON text the backup read: no number or date passes through JavaScript.
  await session.query(
    `insert into ${qualified(table)} (${list}) overriding system value select ${list} from json_populate_recordset(null::${qualified(table)}, $1::json)`,
    [`[${rows.join(',')}]`],
  );
}

/**
 * Restores `archive` into `database` and `options.filesDir`. Throws BackupArchiveError (damaged archive) or
 * RestoreRefusedError (non-empty target without --force, newer or foreign schema) before changing anything.
 */
export async function restoreBackup(database: Database, archive: string, options: RestoreOptions): Promise<RestoreResult> {
  const log = options.log ?? (() => undefined);
  const batchRows = options.batchRows ?? 2000;
  const verified = await verifyBackupArchive(archive);
  const { manifest } = verified;
  const shipped = readShippedMigrations(options.migrationsFolder);
  const target = targetMigration(manifest, shipped);
  const latest = shipped[shipped.length - 1]!;
  log(
    `Bản sao lưu hợp lệ: tạo lúc ${formatDateTime(manifest.createdAt)}, phiên bản ${manifest.appVersion}, ${manifest.tables.length} bảng, ` +
      `${formatNumber(manifest.tables.reduce((s, t) => s + t.rows, 0))} dòng, ${formatNumber(manifest.files.length)} tệp.`,
  );

  const filesDir = path.resolve(options.filesDir);
  const refuseNonEmpty = (table: string) =>
    new RestoreRefusedError(
      `Cơ sở dữ liệu đích đã có dữ liệu (ví dụ bảng "${table}"). Khôi phục sẽ xoá toàn bộ dữ liệu hiện có và thay bằng bản sao lưu; ` +
        'nếu chắc chắn, hãy sao lưu dữ liệu hiện có trước rồi chạy lại với --force.',
    );
  if (!options.force) {
    const nonEmpty = await inTransaction(database, 'snapshot', async (session) => hasAnyRow(session.query, await listTables(session.query)));
    if (nonEmpty) throw refuseNonEmpty(nonEmpty);
  }
  if (!options.force && (await folderHasFiles(filesDir))) {
    throw new RestoreRefusedError(
      `Thư mục tệp minh chứng "${filesDir}" đã có tệp. Khôi phục sẽ thay thế toàn bộ; nếu chắc chắn, chạy lại với --force.`,
    );
  }
  const staging = `${filesDir}.restoring`;
  await fs.promises.rm(staging, { recursive: true, force: true });

  let totalRows = 0;
  let migratedForward = 0;
  try {
    await inTransaction(database, 'write', async (session) => {
      const existing = await listTables(session.query);
      const nonEmpty = await hasAnyRow(session.query, existing);
      // checked again inside the transaction: something may have written in between
      if (nonEmpty && !options.force) throw refuseNonEmpty(nonEmpty);
      let applied = await readAppliedMigration(session.query, shipped);
      const schemaAhead = applied !== null && (applied.tag === null || applied.createdAt > target.createdAt);
      if (options.force || schemaAhead || (applied === null && existing.length > 0)) {
        if (existing.length > 0 || applied) log('Xoá cấu trúc và dữ liệu cũ của cơ sở dữ liệu đích…');
        await dropApplicationSchema(session);
        applied = null;
      }
      await applyMigrationsInTransaction(session, shipped, applied, target);

      const columnsOf = new Map((await listTables(session.query)).map((t) => [t.name, new Set(t.columns)]));
      for (const table of manifest.tables) {
        const present = columnsOf.get(table.name);
        const missing = table.columns.filter((c) => !present?.has(c));
        if (!present || missing.length > 0) {
          throw new BackupArchiveError(`Bản sao lưu không khớp cấu trúc "${target.tag}": bảng ${table.name} ${present ? `thiếu cột ${missing.join(', ')}` : 'không tồn tại'}.`);
        }
      }

      const partTable = new Map<string, BackupManifest['tables'][number]>();
      for (const table of manifest.tables) for (const part of table.parts) partTable.set(part, table);
      const fileByPart = new Map(manifest.files.map((f) => [filePartName(f.path), f]));
      let position = 0;
      for await (const entry of readArchiveEntries(archive)) {
        if (entry.name === manifestEntryName) continue;
        const expected = manifest.parts[entry.name];
        if (!expected) throw new BackupArchiveError(`Phần "${entry.name}" không có trong bản kê.`);
        const hash = createHash('sha256');
        const table = partTable.get(entry.name);
        if (table) {
          const index = manifest.tables.indexOf(table);
          if (index < position) throw new BackupArchiveError(`Các bảng trong bản sao lưu không theo thứ tự phụ thuộc (${table.name}).`);
          position = index;
          if (entry.name === table.parts[0]) log(`Đang nạp bảng ${table.name} (${formatNumber(table.rows)} dòng)…`);
          let batch: string[] = [];
          for await (const line of lines(entry.body(), (c) => hash.update(c))) {
            batch.push(line);
            if (batch.length >= batchRows) {
              await insertBatch(session, table.name, table.columns, batch);
              totalRows += batch.length;
              batch = [];
            }
          }
          if (batch.length > 0) {
            await insertBatch(session, table.name, table.columns, batch);
            totalRows += batch.length;
          }
        } else {
          const file = fileByPart.get(entry.name);
          if (!file || !isSafeRelativePath(file.path)) throw new BackupArchiveError(`Phần "${entry.name}" không hợp lệ.`);
          const destination = path.join(staging, ...file.path.split('/'));
          await fs.promises.mkdir(path.dirname(destination), { recursive: true });
          const out = fs.createWriteStream(destination, { mode: 0o600 });
          for await (const chunk of entry.body()) {
            hash.update(chunk);
            if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
          }
          await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
          const seconds = file.mtimeMs / 1000;
          await fs.promises.utimes(destination, seconds, seconds);
        }
        if (hash.digest('hex') !== expected.sha256) throw new BackupArchiveError(`Phần "${entry.name}" sai mã kiểm tra sha256: tệp sao lưu đã thay đổi trong khi khôi phục.`);
      }

      for (const table of manifest.tables) {
        const [row] = await session.query<{ n: string }>(`select count(*)::text as n from ${qualified(table.name)}`);
        if (Number(row?.n) !== table.rows) {
          throw new BackupArchiveError(`Bảng ${table.name}: nạp được ${row?.n ?? 0} dòng, bản kê ghi ${table.rows} dòng.`);
        }
        log(`Bảng ${table.name}: ${formatNumber(table.rows)} dòng.`);
      }
      const sequences = new Set((await session.query<{ name: string }>(
        `select c.relname as name from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'S'`,
      )).map((s) => s.name));
      for (const s of manifest.sequences) {
        if (sequences.has(s.name)) await session.query('select setval($1::regclass, $2::bigint, $3)', [qualified(s.name), s.lastValue, s.isCalled]);
      }
      if (target.createdAt < latest.createdAt) {
        migratedForward = await applyMigrationsInTransaction(session, shipped, target, latest);
        log(`Đã cập nhật cấu trúc dữ liệu lên "${latest.tag}" (${migratedForward} migration).`);
      }
    });
  } catch (error) {
    await fs.promises.rm(staging, { recursive: true, force: true });
    throw error;
  }

  // The database is committed; swap the files folder in (rename is atomic within one file system).
  await fs.promises.mkdir(staging, { recursive: true });
  const previous = `${filesDir}.before-restore`;
  await fs.promises.rm(previous, { recursive: true, force: true });
  await fs.promises.mkdir(path.dirname(filesDir), { recursive: true });
  if (fs.existsSync(filesDir)) await fs.promises.rename(filesDir, previous);
  await fs.promises.rename(staging, filesDir);
  await fs.promises.rm(previous, { recursive: true, force: true });

  return {
    manifest,
    archiveSha256: verified.archiveSha256,
    tables: manifest.tables.length,
    rows: totalRows,
    files: manifest.files.length,
    migratedForward,
  };
}
