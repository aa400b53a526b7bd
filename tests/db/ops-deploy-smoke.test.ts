// Following docs/deploy.md on a clean machine brings up a server that answers /ready (issue 8, "Must show"):
// scripts/deploy-smoke.sh runs the guide's steps against the local PostgreSQL. Only with TEST_DB=postgres, which is
// how CI runs the database tier a second time.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../support/test-db-config.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe.runIf(testEngine() === 'postgres')('deployment guide, as a script', () => {
  it('creates the database, migrates, creates the administrator, serves until /ready answers 200, stops and cleans up', async () => {
    const child = spawn('bash', [path.join(root, 'scripts/deploy-smoke.sh')], { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(output).toMatch(/"status":"ready"/u);
    expect(output).toMatch(/login 200, cookie Secure/u);
    expect(output, output).toMatch(/deploy-smoke: OK/u);
    expect(code).toBe(0);
  }, 600_000);
});
