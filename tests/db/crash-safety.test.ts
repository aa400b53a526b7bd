import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseTarget } from '../../src/db/client.ts';
import { createTestDatabase } from '../support/test-db.ts';
import { testEngine, urlFor } from '../support/test-db-config.ts';

const root = path.resolve(import.meta.dirname, '../..');

function runUntil(args: string[], marker: string, env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const reached = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(marker)) resolve();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before "${marker}": ${out} ${err}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, reached, exited, output: () => ({ out, err }) };
}

async function countOrganisations(target: DatabaseTarget): Promise<number> {
  const db = await openDatabase(target);
  try {
    const [row] = await db.query<{ n: number }>('select count(*)::int as n from organisations');
    return row!.n;
  } finally {
    await db.close();
  }
}

describe('crash safety', () => {
  it('a process killed with SIGKILL in the middle of a multi-row write leaves the database as before', async () => {
    let target: DatabaseTarget;
    let cleanup: () => Promise<void>;
    if (testEngine() === 'pglite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chung-tay-crash-'));
      target = { engine: 'pglite', dataDir: dir };
      const db = await openDatabase(target);
      await db.migrate();
      await db.close();
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    } else {
      const t = await createTestDatabase();
      const name = new URL((t.database.pool!.options as { connectionString: string }).connectionString).pathname.slice(1);
      await t.database.close();
      target = { engine: 'postgres', url: urlFor(name) };
      cleanup = async () => undefined;
    }
    const before = await countOrganisations(target);
    const run = runUntil([path.join(root, 'tests/support/crash-writer.ts'), JSON.stringify(target)], 'IN_TX');
    await run.reached;
    run.child.kill('SIGKILL');
    await run.exited;
    // Reopening takes over the stale lock of the killed process and recovers from the write-ahead log.
    expect(await countOrganisations(target)).toBe(before);
    await cleanup();
  });
});

describe.runIf(testEngine() === 'pglite')('data directory lock', () => {
  it('a second server on the same data directory refuses to start with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chung-tay-lock-'));
    const first = await openDatabase({ engine: 'pglite', dataDir: dir });
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, CHUNG_TAY_DATA_DIR: dir, PORT: '0' };
      delete env.DATABASE_URL;
      const second = runUntil([path.join(root, 'bin/chung-tay.js'), 'serve'], 'never-printed', env);
      second.reached.catch(() => undefined);
      const code = await second.exited;
      expect(code).not.toBe(0);
      expect(second.output().err).toMatch(/đang được một tiến trình Chung Tay khác sử dụng \(PID \d+\)/u);
    } finally {
      await first.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
