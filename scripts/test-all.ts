// The README's test command: every tier, the database tests on both engines.
//   unit     — pure functions
//   db       — PGlite (embedded) and then PostgreSQL (DATABASE server from TEST_DATABASE_URL)
//   browser  — journeys in Debian's Chromium
// Prints one closing line "N passed, N failed" summed over all runs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Run {
  label: string;
  project: string;
  env: Partial<Record<string, string>>;
}

const only = process.argv.slice(2);
const runs: Run[] = [
  { label: 'unit', project: 'unit', env: {} },
  { label: 'db (PGlite)', project: 'db', env: { TEST_DB: 'pglite' } },
  { label: 'db (PostgreSQL)', project: 'db', env: { TEST_DB: 'postgres' } },
  { label: 'browser (Chromium)', project: 'browser', env: {} },
].filter((r) => only.length === 0 || only.includes(r.project) || only.includes(r.label));

let passed = 0;
let failed = 0;
let skipped = 0;
const failures: string[] = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chung-tay-tests-'));

for (const run of runs) {
  process.stdout.write(`\n=== ${run.label} ===\n`);
  const out = path.join(tmp, `${run.label.replace(/\W+/gu, '-')}.json`);
  const result = spawnSync(
    process.execPath,
    [path.resolve('node_modules/vitest/vitest.mjs'), 'run', '--project', run.project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    { stdio: 'inherit', env: { ...process.env, ...run.env } },
  );
  if (fs.existsSync(out)) {
    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numTotalTests: number;
    };
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    if (report.numTotalTests === 0) {
      failed += 1;
      failures.push(`${run.label}: no test ran`);
    }
  } else {
    failed += 1;
  }
  if (result.status !== 0) failures.push(`${run.label}: exit ${result.status}`);
}

process.stdout.write(`\n${failures.length ? `Failed runs: ${failures.join('; ')}\n` : ''}`);
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failures.length || failed ? 1 : 0);
