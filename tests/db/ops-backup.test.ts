// Backup → wipe → restore gives identical tables and files, on the engine named by TEST_DB (issue 8, item 1).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { createGunzip, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, migrationsFolder, type Database } from '../../src/db/client.ts';
import { createBackup } from '../../src/ops/backup.ts';
import { BackupArchiveError, verifyBackupArchive } from '../../src/ops/backup-archive.ts';
import { restoreBackup, RestoreRefusedError } from '../../src/ops/restore.ts';
import { readShippedMigrations } from '../../src/ops/migration-state.ts';
import { readTar, tarEnd, tarHeader, tarPadding } from '../../src/ops/tar.ts';
import { digestFiles, digestTables, fillProvince, tableCount } from '../../src/ops/ops-fixtures.test-support.ts';
import { command as backupCommand } from '../../src/cli/commands/backup.ts';
import { command as restoreCommand } from '../../src/cli/commands/restore.ts';
import type { CliIo } from '../../src/cli/cli-types.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { adminUrl, testEngine, urlFor } from '../support/test-db-config.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chung-tay-ops-backup-'));
const sourceFiles = path.join(work, 'source-files');
let source: TestDatabase;
let archive: string;
let sourceTables: Awaited<ReturnType<typeof digestTables>>;
const opened: TestDatabase[] = [];

/** A fresh database of the test engine: PGlite in memory, or a PostgreSQL copy of the migrated template. */
async function freshDatabase(): Promise<Database> {
  const t = await createTestDatabase();
  opened.push(t);
  return t.database;
}

/** A database with no schema at all (what a new server or a new data directory starts with). */
async function bareDatabase(): Promise<Database> {
  if (testEngine() === 'pglite') {
    const database = await openDatabase({ engine: 'pglite', dataDir: null });
    opened.push({ database, engine: 'pglite', drop: () => database.close() });
    return database;
  }
  const name = `chung_tay_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const database = await openDatabase({ engine: 'postgres', url: urlFor(name) });
  opened.push({
    database,
    engine: 'postgres',
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  });
  return database;
}

beforeAll(async () => {
  source = await createTestDatabase();
  await fillProvince(source.database, { households: 400, auditRows: 3000, filesDir: sourceFiles });
  archive = path.join(work, 'province.tar.gz');
  await createBackup(source.database, { file: archive, filesDir: sourceFiles, partBytes: 64 * 1024 });
  sourceTables = await digestTables(source.database);
}, 600_000);

afterAll(async () => {
  await source.drop();
  for (const t of opened) await t.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

async function readEntries(file: string): Promise<Array<{ name: string; data: Buffer; mtimeMs: number }>> {
  const out: Array<{ name: string; data: Buffer; mtimeMs: number }> = [];
  for await (const entry of readTar(fs.createReadStream(file).pipe(createGunzip()))) {
    const chunks: Buffer[] = [];
    for await (const c of entry.body()) chunks.push(c);
    out.push({ name: entry.name, data: Buffer.concat(chunks), mtimeMs: entry.mtimeMs });
  }
  return out;
}

function writeEntries(file: string, entries: Array<{ name: string; data: Buffer; mtimeMs: number }>): void {
  const blocks = entries.flatMap((e) => [tarHeader({ name: e.name, size: e.data.length, mtimeMs: e.mtimeMs }), e.data, tarPadding(e.data.length)]);
  fs.writeFileSync(file, gzipSync(Buffer.concat([...blocks, tarEnd()])));
}

function memoryIo(env: NodeJS.ProcessEnv): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  return { stdin: new PassThrough(), stdout, stderr, env, cwd: work, out: () => out, err: () => err };
}

describe(`backup and restore (${testEngine()})`, { timeout: 300_000 }, () => {
  it('the archive lists every table with its row count, the migration and a sha256 per part', async () => {
    const { manifest } = await verifyBackupArchive(archive);
    const shipped = readShippedMigrations();
    expect(manifest.migration.tag).toBe(shipped.at(-1)!.tag);
    expect(manifest.engine).toBe(testEngine());
    expect(Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]))).toEqual(
      Object.fromEntries(Object.entries(sourceTables).map(([name, d]) => [name, d.rows])),
    );
    expect(manifest.tables.find((t) => t.name === 'audit_log')!.parts.length).toBeGreaterThan(1);
    expect(manifest.files.map((f) => f.path).sort()).toEqual(Object.keys(digestFiles(sourceFiles)).sort());
    // parents before children: households before assessments, users before role assignments
    const order = manifest.tables.map((t) => t.name);
    expect(order.indexOf('households')).toBeLessThan(order.indexOf('assessments'));
    expect(order.indexOf('review_rounds')).toBeLessThan(order.indexOf('assessments'));
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('role_assignments'));
  });

  it('backup → empty database → restore gives every table and every file identical', async () => {
    const target = await bareDatabase();
    const targetFiles = path.join(work, 'restored-files');
    const result = await restoreBackup(target, archive, { force: false, filesDir: targetFiles, batchRows: 500 });
    expect(result.rows).toBe(Object.values(sourceTables).reduce((s, t) => s + t.rows, 0));
    expect(await digestTables(target)).toEqual(sourceTables);
    expect(digestFiles(targetFiles)).toEqual(digestFiles(sourceFiles));
    // Sequences continue where the source left them (past the gap): no audit id is ever reused.
    const [src] = await source.database.query<{ v: string }>(`select last_value::text as v from audit_log_id_seq`);
    const [dst] = await target.query<{ v: string }>(`select last_value::text as v from audit_log_id_seq`);
    expect(dst!.v).toBe(src!.v);
    // The restored database is a working one: drizzle sees it as migrated, inserts get fresh ids.
    await target.migrate();
    const [next] = await target.query<{ id: string }>(
      `insert into audit_log (province_code, at, actor_name, action, entity_type, entity_id) values ('20', now(), 'x', 'a', 'b', 'c') returning id::text as id`,
    );
    expect(BigInt(next!.id)).toBe(BigInt(src!.v) + 1n);
  });

  it('a restore into a migrated but empty database (a new PostgreSQL server after `db migrate`) needs no --force', async () => {
    const target = await freshDatabase();
    await target.migrate();
    await restoreBackup(target, archive, { force: false, filesDir: path.join(work, 'files-migrated-empty') });
    expect(await digestTables(target)).toEqual(sourceTables);
  });

  it('a restore into a database that has data is refused without --force and changes nothing; --force replaces it', async () => {
    const target = await freshDatabase();
    await fillProvince(target, { households: 5, auditRows: 10 });
    const before = await digestTables(target);
    const filesDir = path.join(work, 'files-nonempty-db');
    await expect(restoreBackup(target, archive, { force: false, filesDir })).rejects.toThrow(RestoreRefusedError);
    await expect(restoreBackup(target, archive, { force: false, filesDir })).rejects.toThrow(/đã có dữ liệu.*--force/u);
    expect(await digestTables(target)).toEqual(before);
    expect(fs.existsSync(filesDir)).toBe(false);

    fs.mkdirSync(filesDir, { recursive: true });
    fs.writeFileSync(path.join(filesDir, 'cũ.txt'), 'bị thay');
    await restoreBackup(target, archive, { force: true, filesDir });
    expect(await digestTables(target)).toEqual(sourceTables);
    expect(digestFiles(filesDir)).toEqual(digestFiles(sourceFiles));
  });

  it('a restore into a files folder that has files is refused without --force and leaves the files', async () => {
    const target = await bareDatabase();
    const filesDir = path.join(work, 'files-nonempty');
    fs.mkdirSync(filesDir, { recursive: true });
    fs.writeFileSync(path.join(filesDir, 'của-máy-này.pdf'), 'giữ nguyên');
    await expect(restoreBackup(target, archive, { force: false, filesDir })).rejects.toThrow(/Thư mục tệp minh chứng.*đã có tệp/u);
    expect(await tableCount(target)).toBe(0);
    expect(fs.readFileSync(path.join(filesDir, 'của-máy-này.pdf'), 'utf8')).toBe('giữ nguyên');
  });

  describe('damaged archives', () => {
    let target: Database;
    beforeAll(async () => {
      target = await bareDatabase();
    }, 300_000);

    it.each([
      ['cut in half', (buf: Buffer) => buf.subarray(0, Math.floor(buf.length / 2))],
      ['missing its last 100 bytes', (buf: Buffer) => buf.subarray(0, buf.length - 100)],
      ['with one byte flipped in the middle', (buf: Buffer) => {
        const copy = Buffer.from(buf);
        copy[Math.floor(copy.length / 2)]! ^= 0xff;
        return copy;
      }],
      ['empty', () => Buffer.alloc(0)],
      ['not gzip at all', () => Buffer.from('PK\u0003\u0004 đây là một tệp zip')],
    ])('an archive %s is refused and the target stays empty', async (_label, damage) => {
      const broken = path.join(work, `broken-${Math.random().toString(36).slice(2)}.tar.gz`);
      fs.writeFileSync(broken, damage(fs.readFileSync(archive)));
      const filesDir = path.join(work, 'files-broken');
      await expect(restoreBackup(target, broken, { force: false, filesDir })).rejects.toThrow(BackupArchiveError);
      await expect(verifyBackupArchive(broken)).rejects.toThrow(/bị hỏng hoặc không đầy đủ/u);
      expect(await tableCount(target)).toBe(0);
      expect(fs.existsSync(filesDir)).toBe(false);
    });
  });

  it('a row changed inside a well-formed archive is caught by its sha256', async () => {
    const entries = await readEntries(archive);
    const part = entries.find((e) => e.name.startsWith('db/households/'))!;
    part.data = Buffer.from(part.data.toString('utf8').replace('Hoàng Văn Hộ 1"', 'Hoàng Văn Hộ 9"'));
    const tampered = path.join(work, 'tampered.tar.gz');
    writeEntries(tampered, entries);
    await expect(verifyBackupArchive(tampered)).rejects.toThrow(/db\/households\/0001\.jsonl.*sha256/u);
  });

  it('a file path escaping the files folder is refused', async () => {
    const entries = await readEntries(archive);
    const manifestEntry = entries.find((e) => e.name === 'manifest.json')!;
    const manifest = JSON.parse(manifestEntry.data.toString('utf8'));
    const evil = Buffer.from('x');
    entries.splice(entries.length - 1, 0, { name: 'files/../../evil.sh', data: evil, mtimeMs: 0 });
    manifest.files.push({ path: '../../evil.sh', bytes: 1, mtimeMs: 0 });
    manifest.parts['files/../../evil.sh'] = { bytes: 1, sha256: '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881' };
    manifestEntry.data = Buffer.from(JSON.stringify(manifest));
    const evilArchive = path.join(work, 'evil.tar.gz');
    writeEntries(evilArchive, entries);
    await expect(verifyBackupArchive(evilArchive)).rejects.toThrow(/không an toàn/u);
  });

  it('an archive from a newer schema is refused; one from an older schema is restored and migrated forward', async () => {
    const entries = await readEntries(archive);
    const manifestEntry = entries.find((e) => e.name === 'manifest.json')!;
    const manifest = JSON.parse(manifestEntry.data.toString('utf8'));
    const newer = path.join(work, 'newer.tar.gz');
    writeEntries(newer, entries.map((e) => (e === manifestEntry ? { ...e, data: Buffer.from(JSON.stringify({ ...manifest, migration: { ...manifest.migration, tag: '0099_future', createdAt: manifest.migration.createdAt + 1 } })) } : e)));
    const target = await bareDatabase();
    await expect(restoreBackup(target, newer, { force: false, filesDir: path.join(work, 'files-newer') })).rejects.toThrow(/phiên bản phần mềm mới hơn/u);
    expect(await tableCount(target)).toBe(0);

    // A later version of the software: the shipped migrations plus one that adds a column with a default.
    const later = path.join(work, 'migrations-later');
    fs.cpSync(migrationsFolder, later, { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(later, 'meta/_journal.json'), 'utf8'));
    const last = journal.entries.at(-1);
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '0099_ops_test' });
    fs.writeFileSync(path.join(later, 'meta/_journal.json'), JSON.stringify(journal));
    fs.writeFileSync(path.join(later, '0099_ops_test.sql'), `ALTER TABLE "households" ADD COLUMN "ops_note" text DEFAULT 'sau nâng cấp' NOT NULL;`);
    const result = await restoreBackup(target, archive, { force: false, filesDir: path.join(work, 'files-later'), migrationsFolder: later });
    expect(result.migratedForward).toBe(1);
    const [row] = await target.query<{ n: string; notes: string[] }>(`select count(*)::text as n, array_agg(distinct ops_note) as notes from households`);
    expect(Number(row!.n)).toBe(sourceTables.households!.rows);
    expect(row!.notes).toEqual(['sau nâng cấp']);
    const [applied] = await target.query<{ n: string }>(`select count(*)::text as n from drizzle.__drizzle_migrations`);
    expect(Number(applied!.n)).toBe(journal.entries.length);
  });

  describe('command line', () => {
    /** The environment a province's server would have: DATABASE_URL, or the embedded engine's data directory. */
    async function target(label: string): Promise<{ env: NodeJS.ProcessEnv; filesDir: string; open: () => Promise<Database>; close: (d: Database) => Promise<void> }> {
      const filesDir = path.join(work, `${label}-files`);
      const env: NodeJS.ProcessEnv = { ...process.env, CHUNG_TAY_FILES_DIR: filesDir };
      delete env.DATABASE_URL;
      if (testEngine() === 'postgres') {
        const database = await bareDatabase();
        env.DATABASE_URL = (database.pool!.options as { connectionString: string }).connectionString;
        return { env, filesDir, open: async () => database, close: async () => undefined };
      }
      const dataDir = path.join(work, `${label}-data`);
      env.CHUNG_TAY_DATA_DIR = dataDir;
      return { env, filesDir, open: () => openDatabase({ engine: 'pglite', dataDir }), close: (d) => d.close() };
    }

    it('`restore`, `backup` and `restore` again give the same tables and files; a second restore without --force is refused', async () => {
      const first = await target('cli-first');
      const restored = memoryIo(first.env);
      expect(await restoreCommand.run([archive], restored)).toBe(0);
      expect(restored.out()).toMatch(/Đã khôi phục \d+ bảng, [\d.]+ dòng và 4 tệp minh chứng/u);

      const file = path.join(work, 'cli.tar.gz');
      const b = memoryIo(first.env);
      expect(await backupCommand.run([file], b)).toBe(0);
      expect(b.out()).toMatch(/Đã sao lưu vào .*cli\.tar\.gz/u);
      expect(b.out()).toMatch(/SHA-256 [0-9a-f]{64}/u);
      expect(fs.existsSync(`${file}.partial`)).toBe(false);
      // the archive holds every household's personal data: readable by its owner only
      expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');

      const second = await target('cli-second');
      const r = memoryIo(second.env);
      expect(await restoreCommand.run([file], r)).toBe(0);
      const again = memoryIo(second.env);
      expect(await restoreCommand.run([file], again)).toBe(1);
      expect(again.err()).toMatch(/^Không khôi phục: Cơ sở dữ liệu đích đã có dữ liệu/u);

      const database = await second.open();
      try {
        expect(await digestTables(database)).toEqual(sourceTables);
      } finally {
        await second.close(database);
      }
      expect(digestFiles(second.filesDir)).toEqual(digestFiles(sourceFiles));
    });

    it('`restore` of a damaged file explains why and exits 1', async () => {
      const broken = path.join(work, 'cli-broken.tar.gz');
      fs.writeFileSync(broken, fs.readFileSync(archive).subarray(0, 2000));
      const io = memoryIo((await target('cli-broken')).env);
      expect(await restoreCommand.run([broken], io)).toBe(1);
      expect(io.err()).toMatch(/^Không khôi phục: Tệp sao lưu bị hỏng hoặc không đầy đủ/u);
    });

    it.runIf(testEngine() === 'pglite')('`backup` and `restore` of a data directory a running server holds are refused with the way out', async () => {
      const locked = await target('cli-locked');
      fs.mkdirSync(locked.env.CHUNG_TAY_DATA_DIR!, { recursive: true });
      // Another live process holds the directory (as `npx chung-tay serve` does).
      fs.writeFileSync(path.join(locked.env.CHUNG_TAY_DATA_DIR!, 'chung-tay.lock'), String(process.ppid));
      const io = memoryIo(locked.env);
      expect(await backupCommand.run([path.join(work, 'locked.tar.gz')], io)).toBe(1);
      expect(io.err()).toMatch(/đang được một tiến trình Chung Tay khác sử dụng/u);
      expect(io.err()).toMatch(/npx chung-tay backup .* --from http:\/\/127\.0\.0\.1:\d+ --username/u);
      expect(fs.existsSync(path.join(work, 'locked.tar.gz'))).toBe(false);
      const r = memoryIo(locked.env);
      expect(await restoreCommand.run([archive], r)).toBe(1);
      expect(r.err()).toMatch(/Hãy dừng máy chủ trước khi khôi phục/u);
    });
  });
});
