// Crash safety of backup and restore (issue 8, item 6): the command is killed with SIGKILL in the middle of its
// work; the database is exactly as before, no half-written file passes for a backup, and the command can run again.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { createBackup } from '../../src/ops/backup.ts';
import { BackupArchiveError, verifyBackupArchive } from '../../src/ops/backup-archive.ts';
import { restoreBackup } from '../../src/ops/restore.ts';
import { digestFiles, digestTables, fillProvince, tableCount } from '../../src/ops/ops-fixtures.test-support.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { adminUrl, testEngine, urlFor } from '../support/test-db-config.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chung-tay-ops-crash-'));
const sourceFiles = path.join(work, 'source-files');
const archive = path.join(work, 'big.tar.gz');
const engine = testEngine();
const cleanups: Array<() => Promise<void>> = [];

interface Place {
  env: NodeJS.ProcessEnv;
  filesDir: string;
  open(): Promise<Database>;
  close(d: Database): Promise<void>;
}

let source: Place;
let sourceTables: Awaited<ReturnType<typeof digestTables>>;

async function emptyPostgres(): Promise<string> {
  const name = `chung_tay_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: adminUrl() });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });
  return urlFor(name);
}

/** A place to restore into, as a new server has it: an empty PostgreSQL database or a new data directory. */
async function emptyPlace(label: string): Promise<Place> {
  const filesDir = path.join(work, `${label}-files`);
  const env: NodeJS.ProcessEnv = { ...process.env, CHUNG_TAY_FILES_DIR: filesDir };
  delete env.DATABASE_URL;
  if (engine === 'postgres') {
    const url = await emptyPostgres();
    env.DATABASE_URL = url;
    return { env, filesDir, open: () => openDatabase({ engine: 'postgres', url }), close: (d) => d.close() };
  }
  const dataDir = path.join(work, `${label}-data`);
  env.CHUNG_TAY_DATA_DIR = dataDir;
  return { env, filesDir, open: () => openDatabase({ engine: 'pglite', dataDir }), close: (d) => d.close() };
}

/** Runs a CLI command in its own process, as `npx chung-tay <name> …` would. */
function runCommand(name: 'backup' | 'restore', args: string[], env: NodeJS.ProcessEnv) {
  const code = `
    import { command } from ${JSON.stringify(path.join(root, 'src/cli/commands', `${name}.ts`))};
    const status = await command.run(process.argv.slice(1), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
    process.exit(status);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code, ...args], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  const printed = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(out)) resolve();
      };
      child.stdout.on('data', check);
      child.on('exit', (c) => reject(new Error(`exited ${c} before printing ${pattern}: ${out}\n${err}`)));
    });
  return { child, exited, printed, output: () => ({ out, err }) };
}

async function digestOf(place: Place) {
  const database = await place.open();
  try {
    return { tables: await digestTables(database), count: await tableCount(database) };
  } finally {
    await place.close(database);
  }
}

beforeAll(async () => {
  // Enough rows that loading them takes seconds: the kill lands in the middle of the work.
  const fill = { households: 1000, auditRows: 80_000, filesDir: sourceFiles };
  if (engine === 'postgres') {
    const t: TestDatabase = await createTestDatabase();
    cleanups.push(() => t.drop());
    await fillProvince(t.database, fill);
    const url = (t.database.pool!.options as { connectionString: string }).connectionString;
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, CHUNG_TAY_FILES_DIR: sourceFiles };
    source = { env, filesDir: sourceFiles, open: async () => t.database, close: async () => undefined };
  } else {
    const dataDir = path.join(work, 'source-data');
    const database = await openDatabase({ engine: 'pglite', dataDir });
    await database.migrate();
    await fillProvince(database, fill);
    await database.close();
    const env: NodeJS.ProcessEnv = { ...process.env, CHUNG_TAY_DATA_DIR: dataDir, CHUNG_TAY_FILES_DIR: sourceFiles };
    delete env.DATABASE_URL;
    source = { env, filesDir: sourceFiles, open: () => openDatabase({ engine: 'pglite', dataDir }), close: (d) => d.close() };
  }
  const database = await source.open();
  try {
    await createBackup(database, { file: archive, filesDir: sourceFiles });
    sourceTables = await digestTables(database);
  } finally {
    await source.close(database);
  }
}, 900_000);

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

describe(`crash safety of backup and restore (${engine})`, { timeout: 600_000 }, () => {
  it('a restore killed with SIGKILL while loading rows leaves the target empty, and running it again succeeds', async () => {
    const target = await emptyPlace('killed-restore');
    const before = await digestOf(target);
    const run = runCommand('restore', [archive], target.env);
    await run.printed(/Đang nạp bảng audit_log/u);
    run.child.kill('SIGKILL');
    expect(await run.exited).toBe(null);
    expect(run.output().out).not.toMatch(/Đã khôi phục/u);

    // The transaction never committed: not a table, not a row, not a file.
    const after = await digestOf(target);
    expect(after).toEqual(before);
    expect(after.count).toBe(0);
    expect(fs.existsSync(target.filesDir)).toBe(false);

    // Again, to the end — no --force needed, since nothing was written.
    const again = runCommand('restore', [archive], target.env);
    expect(await again.exited).toBe(0);
    expect(again.output().out).toMatch(/Đã khôi phục/u);
    expect((await digestOf(target)).tables).toEqual(sourceTables);
    expect(digestFiles(target.filesDir)).toEqual(digestFiles(sourceFiles));
  });

  it('a backup killed with SIGKILL mid-way leaves the database unchanged and only a .partial file that restore refuses', async () => {
    const file = path.join(work, 'killed-backup.tar.gz');
    const run = runCommand('backup', [file], source.env);
    await run.printed(/audit_log: đã đọc/u);
    run.child.kill('SIGKILL');
    expect(await run.exited).toBe(null);

    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(`${file}.partial`)).toBe(true);
    await expect(verifyBackupArchive(`${file}.partial`)).rejects.toThrow(BackupArchiveError);
    const target = await emptyPlace('from-partial');
    const database = await target.open();
    try {
      await expect(restoreBackup(database, `${file}.partial`, { force: false, filesDir: target.filesDir })).rejects.toThrow(/bị hỏng hoặc không đầy đủ/u);
      expect(await tableCount(database)).toBe(0);
    } finally {
      await target.close(database);
    }

    // The killed reader changed nothing (on PGlite: the stale lock is taken over and the directory reopens).
    expect((await digestOf(source)).tables).toEqual(sourceTables);

    // Again, to the end: a complete, valid backup replaces the partial file.
    const again = runCommand('backup', [file], source.env);
    expect(await again.exited).toBe(0);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    const { manifest } = await verifyBackupArchive(file);
    expect(manifest.tables.find((t) => t.name === 'audit_log')!.rows).toBe(sourceTables.audit_log!.rows);
  });
});
