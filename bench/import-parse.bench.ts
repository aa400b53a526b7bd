// Benchmark of the household import's spreadsheet side (issue 3, "Must show"): write a synthetic
// workbook of N households (~4 members each) to a temporary folder, then read it as the import
// does, in a child process so that the peak memory measured is the reader's alone.
//
//   npx node bench/import-parse.bench.ts [--households 200000] [--no-keep-rows] [--keep-file]
//
// Prints one JSON line: {households, members, fileBytes, writeSeconds, parseSeconds,
// rowsPerSecond, peakRssMB, …}; parseCpuSeconds and the load average tell how busy the machine was.

import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readHouseholdWorkbook } from '../src/import/read-household-workbook.ts';
import { writeSyntheticWorkbook } from '../src/import/write-synthetic-workbook.ts';

// A province-wide file holds about four member rows per household: more than the default limit of
// 300,000 rows per sheet, so the benchmark allows a full Excel sheet for members.
const MAX_ROWS = { households: 300_000, members: 1_048_575 } as const;

interface ParseReport {
  ok: boolean;
  households: number;
  members: number;
  parseSeconds: number;
  parseCpuSeconds: number;
  peakRssMB: number;
  errorCount: number;
  firstErrors: string[];
}

async function parseOnly(path: string, keepRows: boolean): Promise<void> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await readHouseholdWorkbook(path, { maxRowsPerSheet: MAX_ROWS, keepRows });
  const parseSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const report: ParseReport = {
    ok: result.ok,
    households: result.counts.households,
    members: result.counts.members,
    parseSeconds,
    parseCpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    errorCount: result.ok ? 0 : result.errorCount,
    firstErrors: result.ok ? [] : result.errors.slice(0, 5).map((e) => e.message),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

function runChild(path: string, keepRows: boolean): Promise<ParseReport> {
  const args = [fileURLToPath(import.meta.url), '--parse', path, ...(keepRows ? [] : ['--no-keep-rows'])];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`parse process failed: ${error.message}\n${stderr}`));
        return;
      }
      resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ParseReport);
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      households: { type: 'string', default: '200000' },
      parse: { type: 'string' },
      'no-keep-rows': { type: 'boolean', default: false },
      'keep-file': { type: 'boolean', default: false },
      seed: { type: 'string', default: '2017' },
    },
  });
  const keepRows = !values['no-keep-rows'];
  if (values.parse !== undefined) {
    await parseOnly(values.parse, keepRows);
    return;
  }
  const households = Number(values.households);
  if (!Number.isInteger(households) || households <= 0) throw new Error('--households must be a positive integer');
  const directory = await mkdtemp(join(tmpdir(), 'chung-tay-bench-'));
  const path = join(directory, `households-${households}.xlsx`);
  try {
    const writeStarted = performance.now();
    const summary = await writeSyntheticWorkbook(path, { households, seed: Number(values.seed) });
    const writeSeconds = (performance.now() - writeStarted) / 1000;
    const fileBytes = (await stat(path)).size;
    const parsed = await runChild(path, keepRows);
    const rows = parsed.households + parsed.members;
    process.stdout.write(
      `${JSON.stringify({
        households: parsed.households,
        members: parsed.members,
        fileBytes,
        writeSeconds: Number(writeSeconds.toFixed(2)),
        parseSeconds: Number(parsed.parseSeconds.toFixed(2)),
        parseCpuSeconds: Number(parsed.parseCpuSeconds.toFixed(2)),
        rowsPerSecond: Math.round(rows / parsed.parseSeconds),
        peakRssMB: parsed.peakRssMB,
        ok: parsed.ok,
        expectedHouseholds: summary.households,
        expectedMembers: summary.members,
        keepRows,
        maxRowsPerSheet: MAX_ROWS,
        node: process.version,
        cpus: availableParallelism(),
        loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
        ...(parsed.ok ? {} : { errorCount: parsed.errorCount, firstErrors: parsed.firstErrors }),
        ...(values['keep-file'] ? { file: path } : {}),
      })}\n`,
    );
  } finally {
    if (!values['keep-file']) await rm(directory, { recursive: true, force: true });
  }
}

await main();
