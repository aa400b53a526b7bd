// Issue 4, benchmark (a): recomputing every stored figure of a review round — counts, rates, transitions, breakdowns,
// deprivation headcounts and Alkire–Foster counts of every unit, in one pass — ÷ one plain GROUP BY pass over the same
// rows, measured in the same run. Then the same plus reading the targets and AF views every dashboard serves from the
// store (attainment of every district and commune, the province's AF view and trend).
//
//   npx node bench/aggregates.bench.ts [--engine pglite|postgres] [--households 200000] [--repeat 3]
//   national scale (benchmark b): --engine postgres --households 27000000 --repeat 1 --parallel 2 --unlogged
//
// pglite: in memory. postgres: a fresh database created from BENCH_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/postgres), dropped afterwards. Rows are synthetic, made by the database itself
// with generate_series over the 2019 villages (two rounds: 2018 for the baselines, 2019 timed).
// Prints one JSON line on stdout; progress goes to stderr.

import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.ts';
import type { Principal } from '../src/domain/access/authorize.ts';
import { standardForReviewYear } from '../src/domain/poverty/index.ts';
import type { UnitDirectory } from '../src/domain/units/unit-directory.ts';
import { generateDemoVillages } from '../src/seed/reference/demo-villages.ts';
import { seedReferenceData } from '../src/seed/seed-reference.ts';
import { roundReferenceDate } from '../src/server/modules/rounds/rounds.service.ts';
import { recomputeRoundAggregates } from '../src/server/modules/stats/recompute-aggregates.ts';
import { createStatsService } from '../src/server/modules/stats/stats.service.ts';
import { insertVersions, loadAllEvents, loadAllVersions } from '../src/server/modules/units/units.repository.ts';
import { createScopeChecker, createUnitsCatalog } from '../src/server/modules/units/units.service.ts';
import { randomIds, systemClock } from '../src/shared/clock.ts';

export const PROVINCE = '20';
const log = (line: string) => process.stderr.write(`${line}\n`);

export interface BenchDatabase {
  database: Database;
  drop(): Promise<void>;
}

/** A fresh, migrated database: PGlite in memory, or a new PostgreSQL database dropped afterwards. */
export async function openBenchDatabase(engine: 'pglite' | 'postgres'): Promise<BenchDatabase> {
  if (engine === 'pglite') {
    const database = await openDatabase({ engine: 'pglite', dataDir: null });
    await database.migrate();
    return { database, drop: () => database.close() };
  }
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `chung_tay_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgres', url: url.toString() });
  await database.migrate();
  return {
    database,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** The Lạng Sơn units with their lineage and the demo villages. */
export async function seedBenchUnits(database: Database): Promise<void> {
  const db = database.db;
  await seedReferenceData(db, { clock: systemClock, ids: randomIds, provinceCode: PROVINCE });
  const [versions, events] = await Promise.all([loadAllVersions(db), loadAllEvents(db)]);
  await insertVersions(db, PROVINCE, generateDemoVillages({ versions, events }));
}

/**
 * N synthetic households spread evenly over the villages of the year, and one round per year in which each has a
 * current assessment (category, deprivations, transition and breakdowns drawn from the row number and the year).
 */
export async function insertSyntheticRounds(
  database: Database,
  dir: UnitDirectory,
  options: { households: number; years: readonly number[]; chunk?: number; parallel?: number },
): Promise<Map<number, string>> {
  const structureDate = roundReferenceDate(Math.max(...options.years));
  const villages = dir.unitsOn(structureDate, 'village');
  const chains = villages.map((v) => dir.ancestorsOn(v.code, structureDate));
  const codes = villages.map((v) => v.code);
  const communes = chains.map((c) => c.find((u) => u.level === 'commune')?.code ?? '');
  const districts = chains.map((c) => c.find((u) => u.level === 'district')?.code ?? null);
  const villageTable = `select (ord - 1)::int as i, code, commune, district
    from unnest($1::text[], $2::text[], $3::text[]) with ordinality as t(code, commune, district, ord)`;
  const chunk = options.chunk ?? 50_000;
  const n = options.households;
  // Chunks are independent inserts: at national scale several run at once on their own connections.
  const parallel = options.parallel ?? 1;
  async function eachChunk(run: (from: number, to: number) => Promise<unknown>): Promise<void> {
    const starts: number[] = [];
    for (let from = 1; from <= n; from += chunk) starts.push(from);
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(parallel, starts.length) }, async () => {
        while (next < starts.length) {
          const from = starts[next++] as number;
          await run(from, Math.min(n, from + chunk - 1));
        }
      }),
    );
  }

  await eachChunk((from, to) =>
    database.query(
      `with v as (${villageTable})
       insert into households (id, province_code, code, head_name, head_name_folded, village_code, area, ethnic_minority,
                               female_head, created_at, updated_at)
       select md5('bench-h-' || g)::uuid, '${PROVINCE}', 'BH-' || g, 'Hộ đo hiệu năng ' || g, 'ho do hieu nang ' || g,
              v.code, case when g % 5 = 0 then 'urban' else 'rural' end, g % 10 < 7, g % 4 = 0, now(), now()
       from generate_series($4::int, $5::int) as g join v on v.i = g % $6::int`,
      [codes, communes, districts, from, to, codes.length],
    ),
  );

  const rounds = new Map<number, string>();
  for (const year of options.years) {
    const standard = standardForReviewYear(year);
    const roundId = crypto.randomUUID();
    rounds.set(year, roundId);
    await database.query(
      `insert into review_rounds (id, province_code, year, standard_id, standard_version, state, opened_on, decision_number,
                                  decision_date, created_at)
       values ($1, '${PROVINCE}', $2, $3, $4, 'frozen', $5, $6, $7, now())`,
      [roundId, year, standard.id, standard.version, `${year}-09-01`, `${year}/QĐ-UBND`, `${year}-12-16`],
    );
    const indicators = standard.indicators.map((i) => i.code);
    await eachChunk((from, to) =>
      database.query(
        `with v as (${villageTable})
         insert into assessments (id, province_code, round_id, household_id, revision, is_current, village_code,
                                  commune_code, district_code, area, ethnic_minority, female_head, merit_or_social,
                                  deprivations, category, reason, standard_version, transition, created_at)
         select md5('bench-a-' || $7::int || '-' || g)::uuid, '${PROVINCE}', $8::uuid, md5('bench-h-' || g)::uuid, 1, true,
                v.code, v.commune, v.district, case when g % 5 = 0 then 'urban' else 'rural' end, g % 10 < 7, g % 4 = 0,
                g % 10 = 0,
                array(select c from unnest($9::text[]) with ordinality as d(c, k)
                      where (g * (2 * k + 7) + 31 * k + $7::int) % 100 < 28),
                case when (g * 37 + $7::int * 11) % 100 < 20 then 'poor'
                     when (g * 37 + $7::int * 11) % 100 < 32 then 'near_poor'
                     when (g * 37 + $7::int * 11) % 100 < 50 then 'middle' else 'not_poor' end,
                'Dữ liệu đo hiệu năng', $10,
                (array['first_round','stayed_poor','escaped','new_poor','relapsed','none'])[1 + (g + $7::int) % 6],
                now()
         from generate_series($4::int, $5::int) as g join v on v.i = g % $6::int`,
        [codes, communes, districts, from, to, codes.length, year, roundId, indicators, standard.version],
      ),
    );
  }
  await database.query('analyze households');
  await database.query('analyze assessments');
  return rounds;
}

export function provincePrincipal(): Principal {
  return {
    userId: crypto.randomUUID(),
    username: 'do.hieu.nang',
    fullName: 'Đo hiệu năng',
    assignments: [{ role: 'poverty_office', unitCode: PROVINCE, organisationId: null }],
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function timed<T>(run: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { seconds: (performance.now() - started) / 1000, result };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      engine: { type: 'string', default: 'pglite' },
      households: { type: 'string', default: '200000' },
      repeat: { type: 'string', default: '3' },
      /** national scale: 27000000 */
      parallel: { type: 'string', default: '1' },
      /** Bulk-load the assessments into an UNLOGGED table (no WAL while loading; the timed passes only read). Households stay logged: other tables reference them. */
      unlogged: { type: 'boolean', default: false },
    },
  });
  const engine = values.engine;
  const households = Number(values.households);
  const repeat = Number(values.repeat);
  if (engine !== 'pglite' && engine !== 'postgres') throw new Error('--engine phải là pglite hoặc postgres');
  if (!Number.isInteger(households) || households < 1) throw new Error('--households phải là số nguyên dương');
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 20) throw new Error('--repeat phải từ 1 đến 20');

  const bench = await openBenchDatabase(engine);
  try {
    const { database } = bench;
    const db = database.db;
    log(`[${engine}] nạp đơn vị hành chính và thôn, bản…`);
    await seedBenchUnits(database);
    const catalog = createUnitsCatalog(db);
    const dir = await catalog.directory();
    log(`[${engine}] tạo ${households} hộ và hai kỳ rà soát (2018, 2019)…`);
    if (values.unlogged) for (const table of ['assessments']) await database.query(`alter table ${table} set unlogged`);
    const setup = await timed(() => insertSyntheticRounds(database, dir, { households, years: [2018, 2019], parallel: Number(values.parallel) }));
    const rounds = setup.result;
    const round = rounds.get(2019) as string;
    const deps = { catalog, clock: systemClock };
    await recomputeRoundAggregates(db, deps, rounds.get(2018) as string);

    const groupBy = `select village_code, category, count(*) from assessments
                     where round_id = $1 and is_current group by village_code, category`;
    const groupBySeconds: number[] = [];
    const recomputeSeconds: number[] = [];
    const viewsSeconds: number[] = [];
    const recomputeCpuSeconds: number[] = [];
    let peakHeapMB = 0;
    let units = 0;
    const stats = createStatsService({ db, clock: systemClock, provinceCode: PROVINCE, catalog, scope: createScopeChecker(catalog, systemClock) });
    const principal = provincePrincipal();
    for (let i = 0; i < repeat; i += 1) {
      groupBySeconds.push((await timed(() => database.query(groupBy, [round]))).seconds);

      const heapBefore = process.memoryUsage().heapUsed;
      let peak = heapBefore;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }, 10);
      const cpuBefore = process.cpuUsage();
      const recompute = await timed(() => recomputeRoundAggregates(db, deps, round));
      const cpu = process.cpuUsage(cpuBefore);
      recomputeCpuSeconds.push((cpu.user + cpu.system) / 1e6);
      clearInterval(sampler);
      peakHeapMB = Math.max(peakHeapMB, (peak - heapBefore) / 1024 / 1024);
      recomputeSeconds.push(recompute.seconds);
      units = recompute.result.units;

      // Targets and AF figures as the dashboards read them from the store.
      const views = await timed(async () => {
        await stats.attainment(principal, { year: 2019, level: 'district' });
        await stats.attainment(principal, { year: 2019, level: 'commune' });
        await stats.alkireFoster(principal, { year: 2019, unitCode: PROVINCE });
        await stats.trend(principal, { unitCode: PROVINCE });
      });
      viewsSeconds.push(views.seconds);
      log(`  lượt ${i + 1}: GROUP BY ${groupBySeconds.at(-1)!.toFixed(3)} s; tính lại ${recompute.seconds.toFixed(3)} s; mục tiêu + AF ${views.seconds.toFixed(3)} s`);
    }
    const g = median(groupBySeconds);
    const r = median(recomputeSeconds);
    const v = median(viewsSeconds);
    const report = {
      bench: 'aggregates',
      engine,
      households,
      unloggedSetup: values.unlogged,
      cores: os.availableParallelism(),
      setupSeconds: Number(setup.seconds.toFixed(1)),
      unitsStored: units,
      groupBySeconds: Number(g.toFixed(4)),
      recomputeSeconds: Number(r.toFixed(4)),
      /** CPU time of this process (the fold in JavaScript) during the recompute, median. */
      recomputeNodeCpuSeconds: Number(median(recomputeCpuSeconds).toFixed(4)),
      loadAverage1m: Number(os.loadavg()[0]!.toFixed(2)),
      targetsAndAfViewsSeconds: Number(v.toFixed(4)),
      ratioRecomputeToGroupBy: Number((r / g).toFixed(2)),
      ratioAllToGroupBy: Number(((r + v) / g).toFixed(2)),
      /** JavaScript heap growth while folding (PGlite's own memory lives outside the heap). */
      peakHeapDuringRecomputeMB: Number(peakHeapMB.toFixed(1)),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      householdsPerSecond: Math.round(households / r),
    };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await bench.drop();
  }
}

if (import.meta.main) await main();
