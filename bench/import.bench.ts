// The whole household import, as an officer runs it: read and check a workbook, classify every household under the
// round's standard, then write households, members and assessments in one transaction.
//   npm run bench -- import [--households 200000] [--engine pglite|postgres]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.ts';
import { systemClock, randomIds } from '../src/shared/clock.ts';
import { seedReferenceData } from '../src/seed/seed-reference.ts';
import { generateDemoVillages } from '../src/seed/reference/demo-villages.ts';
import { loadLangSonReference } from '../src/seed/reference/lang-son-units.ts';
import { insertVersions } from '../src/server/modules/units/units.repository.ts';
import { createUnitsCatalog } from '../src/server/modules/units/units.service.ts';
import { readHouseholdWorkbook } from '../src/import/read-household-workbook.ts';
import { writeSyntheticWorkbook } from '../src/import/write-synthetic-workbook.ts';
import { IMPORT_ROW_LIMITS, commitHouseholdImport, prepareHouseholdImport } from '../src/server/modules/imports/import-households.ts';

const { values } = parseArgs({ options: { households: { type: 'string', default: '200000' }, engine: { type: 'string', default: 'pglite' } } });
const N = Number(values.households);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-import-bench-'));
let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);

async function open(): Promise<Database> {
  if (values.engine === 'pglite') return openDatabase({ engine: 'pglite', dataDir: path.join(tmp, 'db') });
  const admin = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query('drop database if exists chung_tay_import_bench with (force)');
  await c.query('create database chung_tay_import_bench');
  await c.end();
  admin.pathname = '/chung_tay_import_bench';
  return openDatabase({ engine: 'postgres', url: admin.toString() });
}

const database = await open();
await database.migrate();
await seedReferenceData(database.db, { clock: systemClock, ids: randomIds, provinceCode: '20' });
const villages = generateDemoVillages(loadLangSonReference());
await insertVersions(database.db, '20', villages);
const year = 2021;
const roundId = randomIds.newId();
await database.query(`insert into review_rounds (id, province_code, year, standard_id, standard_version, state, opened_on, created_at) values ($1, '20', $2, 'qd59-2015', 'qd59-2015@1', 'open', '2021-09-01', now())`, [roundId, year]);
const dir = await createUnitsCatalog(database.db).directory();
const communes = dir.unitsOn(`${year}-12-31`, 'commune');
for (const c of communes) {
  await database.query(`insert into round_communes (id, province_code, round_id, commune_code, state, steps, updated_at) values ($1, '20', $2, $3, 'open', '{}', now())`, [randomIds.newId(), roundId, c.code]);
}
const villageList = dir.unitsOn(`${year}-12-31`, 'village').map((v) => ({ code: v.code, urban: dir.versionOn(v.parentCode!, `${year}-12-31`)?.kind !== 'Xã' }));

const file = path.join(tmp, 'households.xlsx');
let t = performance.now();
const written = await writeSyntheticWorkbook(file, { households: N, year, villages: villageList });
const writeSeconds = (performance.now() - t) / 1000;

t = performance.now();
const result = await readHouseholdWorkbook(file, { maxRowsPerSheet: IMPORT_ROW_LIMITS });
const readSeconds = (performance.now() - t) / 1000;
if (!result.ok) throw new Error(`workbook refused: ${result.errors.slice(0, 3).map((e) => e.message).join('; ')}`);

t = performance.now();
const prepared = await prepareHouseholdImport(database, { ids: randomIds, provinceCode: '20' }, {
  round: { id: roundId, year, standardId: 'qd59-2015', state: 'open' },
  households: result.households,
  members: result.members,
  directory: dir,
  canWrite: async () => true,
});
const checkSeconds = (performance.now() - t) / 1000;
if (prepared.issues.length) throw new Error(`issues: ${prepared.issues.slice(0, 3).map((i) => i.message).join('; ')}`);

t = performance.now();
await commitHouseholdImport(database, { ids: randomIds, clock: systemClock, provinceCode: '20' }, prepared, { userId: null, name: 'bench' }, randomIds.newId());
const commitSeconds = (performance.now() - t) / 1000;
const [counts] = await database.query<{ h: number; m: number; a: number }>('select (select count(*)::int from households) h, (select count(*)::int from household_members) m, (select count(*)::int from assessments) a');
clearInterval(timer);
console.log(JSON.stringify({
  engine: database.engine,
  cores: os.cpus().length,
  households: written.households,
  members: written.members,
  fileMB: Math.round(fs.statSync(file).size / 1048576),
  seconds: { writeWorkbook: Math.round(writeSeconds), readAndValidate: Math.round(readSeconds), checkAndClassify: Math.round(checkSeconds), commit: Math.round(commitSeconds), importTotal: Math.round(readSeconds + checkSeconds + commitSeconds) },
  inDatabase: counts,
  peakRssMB: Math.round(peak / 1048576),
}, null, 2));
await database.close();
fs.rmSync(tmp, { recursive: true, force: true });
