// Sizing figures for docs/deploy.md, measured on PostgreSQL: database size per 100,000 households and per review
// round, and the server's memory (RSS) serving that database.
//
//   npm run bench -- sizing [--households 100000] [--rounds 2] [--keep]
//
// Creates a database from BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), migrates it, loads
// the Lạng Sơn units, then with generate_series (shaped like the rows the app writes: same columns, same JSON keys,
// Vietnamese text of realistic length):
//   registry:  households (≈ 3,8 members each), members, one audit row per household created;
//   per round: the round, one row per commune of progress, one assessment per household, one audit row per assessment,
//              stored aggregates per unit.
// After each phase: VACUUM ANALYZE, then pg_total_relation_size per table (table + indexes + TOAST).
// Then starts `chung-tay serve` on that database and reads its RSS from /proc: idle, after list/figure requests and
// after a province-wide Excel export. Prints a JSON line and a Markdown table; drops the database unless --keep.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../src/db/client.ts';
import { seedReferenceData } from '../src/seed/seed-reference.ts';
import { generateDemoVillages } from '../src/seed/reference/demo-villages.ts';
import { insertVersions, loadAllEvents, loadAllVersions } from '../src/server/modules/units/units.repository.ts';
import { createScopeChecker, createUnitsCatalog } from '../src/server/modules/units/units.service.ts';
import { createUsersService } from '../src/server/modules/users/users.service.ts';
import { systemActor } from '../src/server/modules/audit/audit.ts';
import { randomIds, systemClock } from '../src/shared/clock.ts';
import { createBackup } from '../src/ops/backup.ts';

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
  },
});
const households = Number(values.households);
const rounds = Number(values.rounds);
if (!Number.isInteger(households) || households < 1000) throw new Error('--households phải là số nguyên ≥ 1000');
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 10) throw new Error('--rounds phải từ 1 đến 10');
const log = (line: string) => process.stderr.write(`${line}\n`);
const root = path.resolve(import.meta.dirname, '..');

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `chung_tay_sizing_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name}`);
await admin.end();
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ engine: 'postgres', url: url.toString() });

type Sizes = Record<string, number>;

async function measure(): Promise<{ database: number; tables: Sizes }> {
  await database.query('vacuum analyze');
  const rows = await database.query<{ name: string; bytes: string }>(
    `select c.relname as name, pg_total_relation_size(c.oid)::text as bytes from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
  );
  const [db] = await database.query<{ bytes: string }>('select pg_database_size(current_database())::text as bytes');
  return { database: Number(db!.bytes), tables: Object.fromEntries(rows.map((r) => [r.name, Number(r.bytes)])) };
}

async function time<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function rssOf(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'mu').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

// Name parts typical of Lạng Sơn (Tày, Nùng, Kinh), with their accent-folded forms for head_name_folded.
const family = [['Hoàng', 'hoang'], ['Nông', 'nong'], ['Lương', 'luong'], ['Vi', 'vi'], ['Lộc', 'loc'], ['Triệu', 'trieu'], ['Hà', 'ha'], ['Lăng', 'lang'], ['Nguyễn', 'nguyen'], ['Lý', 'ly'], ['Chu', 'chu'], ['Mã', 'ma']];
const middle = [['Văn', 'van'], ['Thị', 'thi'], ['Đức', 'duc'], ['Thanh', 'thanh'], ['Minh', 'minh']];
const given = [['Hùng', 'hung'], ['Mai', 'mai'], ['Sơn', 'son'], ['Lan', 'lan'], ['Tuấn', 'tuan'], ['Hoa', 'hoa'], ['Bình', 'binh'], ['Dũng', 'dung'], ['Nga', 'nga'], ['Thắng', 'thang'], ['Phương', 'phuong'], ['Cường', 'cuong'], ['Hạnh', 'hanh']];
const arr = (list: string[][], i: 0 | 1) => `array[${list.map((p) => `'${p[i]}'`).join(',')}]`;
const nameSql = (n: string) =>
  `(${arr(family, 0)})[1 + ${n} % ${family.length}] || ' ' || (${arr(middle, 0)})[1 + (${n} / 7) % ${middle.length}] || ' ' || (${arr(given, 0)})[1 + (${n} / 3) % ${given.length}]`;
const foldedSql = (n: string) =>
  `(${arr(family, 1)})[1 + ${n} % ${family.length}] || ' ' || (${arr(middle, 1)})[1 + (${n} / 7) % ${middle.length}] || ' ' || (${arr(given, 1)})[1 + (${n} / 3) % ${given.length}]`;

let server: ReturnType<typeof spawn> | null = null;
try {
  await time('migrate + units', async () => {
    await database.migrate();
    await seedReferenceData(database.db, { clock: systemClock, ids: randomIds, provinceCode: '20' });
    // Villages (thôn) as the demo has them: households live in villages, and lists and exports walk the unit tree.
    await insertVersions(database.db, '20', generateDemoVillages({ versions: await loadAllVersions(database.db), events: await loadAllEvents(database.db) }));
  });
  // Households are spread over the villages that exist at the end of the last round's year, under their commune then.
  const onDate = `${2021 + rounds}-12-31`;
  await database.query('create temporary table bench_villages (n int primary key, code text not null, commune text not null)');
  await database.query(
    `insert into bench_villages select row_number() over (order by code) - 1, code, parent_code from admin_units
      where level = 'village' and valid_from <= $1::date and (valid_to is null or valid_to > $1::date)`,
    [onDate],
  );
  const [villageCount] = await database.query<{ n: number }>('select count(*)::int as n from bench_villages');
  const communes = (await database.query<{ code: string }>('select distinct commune as code from bench_villages order by 1')).map((c) => c.code);
  log(`${villageCount!.n} thôn trong ${communes.length} xã (ngày ${onDate})`);
  const empty = await measure();

  const batch = 25_000;
  await time(`registry: ${households} households`, async () => {
    for (let from = 1; from <= households; from += batch) {
      const to = Math.min(households, from + batch - 1);
      await database.query(
        `insert into households (id, province_code, code, head_name, head_name_folded, village_code, area, ethnic_minority, female_head,
            has_merit_person, has_social_protection, dwelling, version, created_at, updated_at)
         select gen_random_uuid(), '20', 'LS' || lpad(i::text, 8, '0'), ${nameSql('i')}, ${foldedSql('i')},
            v.code, case when i % 9 = 0 then 'urban' else 'rural' end, i % 10 < 8, i % 5 = 0, i % 50 = 0, i % 40 = 0,
            jsonb_build_object('hasHouse', true, 'wallDurable', i % 3 > 0, 'frameDurable', i % 4 > 0, 'roofDurable', i % 5 > 0,
              'wallMaterial', (array['Gạch', 'Đất trình tường', 'Gỗ', 'Tre nứa'])[1 + i % 4], 'frameMaterial', 'Gỗ', 'roofMaterial', (array['Ngói', 'Tôn', 'Fibro xi măng'])[1 + i % 3],
              'floorArea', 20 + i % 80, 'hygienicWater', i % 6 > 0, 'waterSource', (array['Nước máy', 'Giếng khoan', 'Nước khe suối'])[1 + i % 3],
              'hygienicLatrine', i % 4 > 0, 'latrineType', (array['Tự hoại', 'Hai ngăn', 'Không có'])[1 + i % 3],
              'anyMemberUsesPhone', i % 10 > 0, 'anyMemberUsesInternet', i % 3 > 0, 'informationDevices', jsonb_build_array('tv', 'smartphone'), 'hearsVillageLoudspeaker', true),
            1, now(), now()
           from generate_series($1::int, $2::int) as s(i) join bench_villages v on v.n = i % $3::int`,
        [from, to, villageCount!.n],
      );
      await database.query(
        `insert into household_members (id, province_code, household_id, full_name, full_name_folded, birth_date, birth_year, sex, relation, citizen_id, ethnicity, facts, created_at)
         select gen_random_uuid(), '20', h.id, case when m = 1 then h.head_name else ${nameSql('(k * 31 + m)')} end,
            case when m = 1 then h.head_name_folded else ${foldedSql('(k * 31 + m)')} end,
            make_date(1950 + (k + m * 7) % 60, 1 + (k + m) % 12, 1 + (k * m) % 28), 1950 + (k + m * 7) % 60, case when (k + m) % 2 = 0 then 'female' else 'male' end,
            (array['Chủ hộ', 'Vợ', 'Chồng', 'Con', 'Con', 'Cháu', 'Bố', 'Mẹ'])[least(m, 8)], '020' || lpad(((k * 7 + m) % 1000000000)::text, 9, '0'),
            (array['Tày', 'Nùng', 'Kinh', 'Dao'])[1 + k % 4],
            jsonb_build_object('hasHealthInsurance', (k + m) % 7 > 0, 'schooling', (array['primary', 'lower_secondary', 'upper_secondary', 'none'])[1 + (k + m) % 4],
              'inSchool', m > 2 and k % 2 = 0, 'employment', (array['stable', 'unstable', 'not_in_labour_force'])[1 + (k + m) % 3]),
            h.created_at
           from (select h.*, right(h.code, 8)::int as k from households h where right(h.code, 8)::int between $1 and $2) h
           cross join lateral generate_series(1, 2 + h.k % 4 + case when h.k % 3 = 0 then 1 else 0 end) as s(m)`,
        [from, to],
      );
      await database.query(
        `insert into audit_log (province_code, at, actor_user_id, actor_name, action, entity_type, entity_id, unit_code, after, request_id)
         select '20', h.created_at, null, 'Cán bộ xã', 'household.created', 'household', h.id::text, h.village_code,
            jsonb_build_object('code', h.code, 'headName', h.head_name, 'villageCode', h.village_code, 'area', h.area, 'dwelling', h.dwelling,
              'members', (select jsonb_agg(jsonb_build_object('fullName', m.full_name, 'birthYear', m.birth_year, 'sex', m.sex, 'relation', m.relation)) from household_members m where m.household_id = h.id)),
            gen_random_uuid()::text
           from households h where right(h.code, 8)::int between $1 and $2`,
        [from, to],
      );
    }
  });
  const registry = await measure();
  const [counts] = await database.query<{ members: string }>('select count(*)::text as members from household_members');

  const afterRound: Array<{ database: number; tables: Sizes }> = [];
  for (let r = 0; r < rounds; r += 1) {
    const year = 2022 + r;
    await time(`round ${year}`, async () => {
      const [round] = await database.query<{ id: string }>(
        `insert into review_rounds (id, province_code, year, standard_id, standard_version, state, opened_on, created_at)
         values (gen_random_uuid(), '20', $1, 'nd-07-2021', 'nd-07-2021/v1', 'open', make_date($1, 9, 1), now()) returning id`,
        [year],
      );
      await database.query(
        `insert into round_communes (id, province_code, round_id, commune_code, state, steps, updated_at)
         select gen_random_uuid(), '20', $1, code, 'district_checked',
            jsonb_build_object('village_meeting', jsonb_build_object('on', make_date($2, 10, 5), 'by', 'Trưởng thôn', 'minutes', 'Biên bản họp thôn số 12/BB'),
              'commune_listed', jsonb_build_object('on', make_date($2, 11, 2), 'by', 'Cán bộ giảm nghèo xã'), 'posted', jsonb_build_object('from', make_date($2, 11, 3), 'days', 7)),
            now() from unnest($3::text[]) as code`,
        [round!.id, year, communes],
      );
      for (let from = 1; from <= households; from += batch) {
        const to = Math.min(households, from + batch - 1);
        await database.query(
          `insert into assessments (id, province_code, round_id, household_id, revision, is_current, village_code, commune_code, district_code, area, ethnic_minority,
              female_head, merit_or_social, income_per_capita, b1_score, deprivations, detail, category, reason, standard_version, transition, stable_escape_years, created_at, created_by)
           select gen_random_uuid(), '20', $1, h.id, 1, true, h.village_code, v.commune, null, h.area, h.ethnic_minority, h.female_head,
              h.has_merit_person or h.has_social_protection, 400000 + (h.k * 7919 + $4::int * 104729) % 2600000, 80 + (h.k + $4::int) % 120,
              case (h.k + $4::int) % 4 when 0 then array['health_insurance', 'clean_water'] when 1 then array['housing_quality']
                when 2 then array['information_access', 'latrine', 'schooling_adults'] else array[]::text[] end,
              jsonb_build_object('deprivations', (array[
                  jsonb_build_array(jsonb_build_object('code', 'health_insurance', 'name', 'Bảo hiểm y tế', 'cause', 'Có thành viên từ 6 tuổi trở lên không có thẻ bảo hiểm y tế', 'source', 'derived'),
                                    jsonb_build_object('code', 'clean_water', 'name', 'Nguồn nước sinh hoạt', 'cause', 'Hộ không tiếp cận nguồn nước hợp vệ sinh', 'source', 'derived')),
                  jsonb_build_array(jsonb_build_object('code', 'housing_quality', 'name', 'Chất lượng nhà ở', 'cause', 'Nhà ở thiếu kiên cố', 'source', 'ticked')),
                  jsonb_build_array(jsonb_build_object('code', 'information_access', 'name', 'Tiếp cận thông tin', 'cause', null, 'source', 'derived'),
                                    jsonb_build_object('code', 'latrine', 'name', 'Nhà tiêu hợp vệ sinh', 'cause', 'Không có nhà tiêu', 'source', 'derived'),
                                    jsonb_build_object('code', 'schooling_adults', 'name', 'Trình độ giáo dục của người lớn', 'cause', null, 'source', 'derived')),
                  '[]'::jsonb])[1 + (h.k + $4::int) % 4], 'overrides', '[]'::jsonb, 'undetermined', '[]'::jsonb),
              case when (h.k + $4::int) % 100 < 11 then 'poor' when (h.k + $4::int) % 100 < 19 then 'near_poor' else 'not_poor' end,
              'Thu nhập bình quân ' || (400 + (h.k * 7919 + $4::int * 104729) % 2600) || '.000 đ/người/tháng; thiếu hụt ' || (h.k + $4::int) % 4 || ' chỉ số dịch vụ xã hội cơ bản',
              'nd-07-2021/v1', (array['stay_poor', 'stay_near_poor', 'stay_not_poor', 'escaped', 'new_poor'])[1 + (h.k + $4::int) % 5], null, now(), null
             from (select h.*, right(h.code, 8)::int as k from households h where right(h.code, 8)::int between $2 and $3) h
             join bench_villages v on v.code = h.village_code`,
          [round!.id, from, to, r],
        );
        await database.query(
          `insert into audit_log (province_code, at, actor_user_id, actor_name, action, entity_type, entity_id, unit_code, before, after, request_id)
           select '20', a.created_at, null, 'Cán bộ xã', 'assessment.recorded', 'household', a.household_id::text, a.commune_code, null,
              jsonb_build_object('year', $2::int, 'category', a.category, 'revision', a.revision, 'reason', a.reason, 'overrides', '[]'::jsonb), gen_random_uuid()::text
             from assessments a join households h on h.id = a.household_id
            where a.round_id = $1 and right(h.code, 8)::int between $3 and $4`,
          [round!.id, year, from, to],
        );
      }
      // Stored aggregates: one row per unit the round covers (villages, communes, province), with the full figures.
      await database.query(
        `insert into round_aggregates (province_code, round_id, unit_code, level, parent_code, total, poor, near_poor, data, computed_at)
         select '20', $1, unit, level, parent, total, poor, near_poor,
            jsonb_build_object('rates', jsonb_build_object('poor', round(poor * 100.0 / total, 2), 'nearPoor', round(near_poor * 100.0 / total, 2)),
              'transitions', jsonb_build_object('escaped', total / 20, 'newPoor', total / 50, 'relapsed', total / 200),
              'breakdowns', jsonb_build_object('ethnicMinority', total * 8 / 10, 'femaleHead', total / 5, 'urban', total / 9),
              'deprivations', jsonb_build_object('health_insurance', total / 4, 'clean_water', total / 4, 'housing_quality', total / 4, 'information_access', total / 4, 'latrine', total / 4, 'schooling_adults', total / 4),
              'alkireFoster', jsonb_build_object('k', 3, 'H', 0.25, 'A', 0.42, 'M0', 0.105))
              as data, now()
           from (
             select village_code as unit, 'village' as level, commune_code as parent, count(*)::int as total, count(*) filter (where category = 'poor')::int as poor,
                    count(*) filter (where category = 'near_poor')::int as near_poor from assessments where round_id = $1 group by village_code, commune_code
             union all
             select commune_code, 'commune', '20', count(*)::int, count(*) filter (where category = 'poor')::int, count(*) filter (where category = 'near_poor')::int
               from assessments where round_id = $1 group by commune_code
             union all
             select '20', 'province', null, count(*)::int, count(*) filter (where category = 'poor')::int, count(*) filter (where category = 'near_poor')::int
               from assessments where round_id = $1
           ) u`,
        [round!.id],
      );
    });
    afterRound.push(await measure());
  }

  // The backup archive of that database (what the nightly backup writes to disk).
  const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chung-tay-sizing-'));
  const backupStarted = performance.now();
  const backup = await createBackup(database, { file: path.join(backupDir, 'sizing.tar.gz'), filesDir: path.join(backupDir, 'no-files') });
  const backupSeconds = (performance.now() - backupStarted) / 1000;
  fs.rmSync(backupDir, { recursive: true, force: true });
  log(`backup: ${backupSeconds.toFixed(1)} s, ${mb(backup.archiveBytes)} MB`);

  // The server on that database: memory idle, under list and figure requests, and after a province-wide export.
  const password = 'Sizing-Bench-2026';
  const catalog = createUnitsCatalog(database.db);
  const users = createUsersService({ db: database.db, clock: systemClock, ids: randomIds, provinceCode: '20', catalog, scope: createScopeChecker(catalog, systemClock) });
  await users.create(systemActor, { username: 'sizing.admin', fullName: 'Đo kích thước', password, assignments: [{ role: 'admin', unitCode: '20', organisationId: null }] });
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url.toString(), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  server = spawn(process.execPath, [path.join(root, 'bin/chung-tay.js'), 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    if (i > 240) throw new Error('Máy chủ không sẵn sàng sau 120 giây');
    const ok = await fetch(`${base}/ready`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const pid = server.pid!;
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const idle = rssOf(pid);
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'sizing.admin', password }) });
  if (!login.ok) throw new Error(`login ${login.status}`);
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const get = async (p: string) => {
    const started = performance.now();
    const res = await fetch(`${base}${p}`, { headers: { cookie } });
    const body = Buffer.from(await res.arrayBuffer());
    if (!res.ok) throw new Error(`${p}: ${res.status} ${body.toString('utf8').slice(0, 300)}`);
    return { ms: performance.now() - started, bytes: body.length, body };
  };
  const roundList = JSON.parse((await get('/api/rounds')).body.toString('utf8')) as Array<{ id: string; year: number }>;
  const latest = roundList.sort((a, b) => b.year - a.year)[0]!;
  const timings: Record<string, number> = {};
  for (let page = 0; page < 25; page += 1) await get(`/api/households?unitCode=20&roundYear=${latest.year}&limit=200&offset=${page * 200}`);
  const page = await get(`/api/households?unitCode=20&roundYear=${latest.year}&limit=200&offset=5000`);
  timings.householdsPage200Ms = page.ms;
  const listed = (JSON.parse(page.body.toString('utf8')) as { total: number }).total;
  timings.searchMs = (await get(`/api/households?unitCode=20&q=${encodeURIComponent('hoang van hung')}&limit=50`)).ms;
  timings.provinceFiguresMs = (await get(`/api/rounds/${latest.id}/figures?unitCode=20`)).ms;
  const afterLists = rssOf(pid);
  const exported = await get(`/api/rounds/${latest.id}/export?unitCode=20&list=poor`);
  timings.provincePoorListExportMs = exported.ms;
  const afterExport = rssOf(pid);

  const perRound = afterRound.map((m, i) => m.database - (i === 0 ? registry.database : afterRound[i - 1]!.database));
  const result = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model ?? '', memoryGB: Math.round(os.totalmem() / 1073741824), node: process.version },
    postgres: (await database.query<{ server_version: string }>('show server_version'))[0]!.server_version,
    households,
    members: Number(counts!.members),
    rounds,
    databaseMB: { empty: mb(empty.database), registry: mb(registry.database), final: mb(afterRound.at(-1)!.database) },
    per100kHouseholdsMB: {
      registry: mb(((registry.database - empty.database) * 100_000) / households),
      perRound: perRound.map((b) => mb((b * 100_000) / households)),
    },
    tablesMB: Object.fromEntries(Object.entries(afterRound.at(-1)!.tables).filter(([, b]) => b > 1048576).map(([t, b]) => [t, mb(b)])),
    serverRssMB: { idle: mb(idle.rss), afterListsAndFigures: mb(afterLists.rss), afterProvinceExport: mb(afterExport.rss), peak: mb(afterExport.hwm) },
    backupArchiveMB: mb(backup.archiveBytes),
    backupSeconds: Math.round(backupSeconds),
    householdsListed: listed,
    exportBytes: exported.bytes,
    timingsMs: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  const lines = [
    `| | MB |`,
    `| --- | ---: |`,
    `| CSDL trống (chỉ danh mục đơn vị) | ${result.databaseMB.empty} |`,
    `| Sổ hộ: ${households.toLocaleString('vi-VN')} hộ, ${result.members.toLocaleString('vi-VN')} nhân khẩu, nhật ký tạo hộ | +${mb(registry.database - empty.database)} |`,
    ...perRound.map((b, i) => `| Kỳ rà soát ${2022 + i}: kết quả từng hộ, nhật ký, tổng hợp | +${mb(b)} |`),
    `| Tổng sau ${rounds} kỳ | ${result.databaseMB.final} |`,
    `| Tệp sao lưu (.tar.gz) của CSDL đó | ${result.backupArchiveMB} |`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  if (server) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server!.once('exit', resolve));
  }
  await database.close();
  if (!values.keep) {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  } else {
    log(`Giữ lại CSDL ${url.toString()}`);
  }
}
