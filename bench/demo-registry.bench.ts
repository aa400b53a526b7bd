// Loading the DEMO poverty registry: time, peak memory and database size.
//
//   npx node bench/demo-registry.bench.ts --households 190000 [--engine pglite|postgres] [--seed N]
//                                         [--chunk 2000] [--batch 5000] [--in-memory]
//
// pglite: a fresh data directory in the temporary folder (or in memory with --in-memory), removed afterwards.
// postgres: a fresh database created from BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
// dropped afterwards. Only the registry load is timed (reference units and demo villages are loaded first).
// Prints one JSON line on stdout: {engine, households, assessments, seconds, cpuSeconds, peakRssMB, dbSizeMB, …}; progress
// goes to stderr.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.ts';
import { seedReferenceData } from '../src/seed/seed-reference.ts';
import { generateDemoVillages } from '../src/seed/reference/demo-villages.ts';
import { loadDemoRegistry } from '../src/seed/demo/registry/load-demo-registry.ts';
import {
  insertVersions,
  loadAllEvents,
  loadAllVersions,
} from '../src/server/modules/units/units.repository.ts';
import { randomIds, systemClock } from '../src/shared/clock.ts';

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '20000' },
    engine: { type: 'string', default: 'pglite' },
    seed: { type: 'string' },
    chunk: { type: 'string' },
    batch: { type: 'string' },
    'in-memory': { type: 'boolean', default: false },
  },
});
const households = Number(values.households);
const engine = values.engine;
if (!Number.isInteger(households) || households < 1) throw new Error('--households phải là số nguyên dương');
if (engine !== 'pglite' && engine !== 'postgres') throw new Error('--engine phải là pglite hoặc postgres');
const provinceCode = '20';
const log = (line: string) => process.stderr.write(`${line}\n`);

let database: Database;
let cleanup: () => Promise<void>;
if (engine === 'pglite') {
  const dataDir = values['in-memory'] ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'chung-tay-bench-'));
  database = await openDatabase({ engine: 'pglite', dataDir });
  cleanup = async () => {
    await database.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
} else {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `chung_tay_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  database = await openDatabase({ engine: 'postgres', url: url.toString() });
  cleanup = async () => {
    await database.close();
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
}

try {
  await database.migrate();
  await seedReferenceData(database.db, { clock: systemClock, ids: randomIds, provinceCode });
  const villages = generateDemoVillages({
    versions: await loadAllVersions(database.db),
    events: await loadAllEvents(database.db),
  });
  await insertVersions(database.db, provinceCode, villages);

  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const summary = await loadDemoRegistry(database, {
    provinceCode,
    households,
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    ...(values.chunk ? { chunkSize: Number(values.chunk) } : {}),
    ...(values.batch ? { batchSize: Number(values.batch) } : {}),
    log,
    clock: systemClock,
    ids: randomIds,
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const [size] = await database.query<{ bytes: string | number }>(
    'select pg_database_size(current_database()) as bytes',
  );
  process.stdout.write(
    `${JSON.stringify({
      engine,
      households: summary.households,
      members: summary.members,
      assessments: summary.assessments,
      seconds: Math.round(seconds * 10) / 10,
      // CPU of this process (with PGlite, the database runs here too; PostgreSQL's own CPU is not counted).
      cpuSeconds: Math.round((cpu.user + cpu.system) / 100_000) / 10,
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      dbSizeMB: Math.round(Number(size?.bytes ?? 0) / 1048576),
      cores: os.availableParallelism(),
    })}\n`,
  );
} finally {
  await cleanup();
}
