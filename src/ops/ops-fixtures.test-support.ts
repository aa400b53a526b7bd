// Test support for the backup, restore and crash tests (not shipped code paths): a province database with
// reference units, users, households and members, two review rounds with assessments, audit rows and evidence
// files — including the values a dump most easily gets wrong (NFD text, quotes and newlines, nested JSON, text
// arrays, a bigint above 2^53, microsecond timestamps, nulls, non-ASCII file names, binary and empty files).

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/client.ts';
import { seedReferenceData } from '../seed/seed-reference.ts';
import { createScopeChecker, createUnitsCatalog } from '../server/modules/units/units.service.ts';
import { createUsersService } from '../server/modules/users/users.service.ts';
import { recordAudit, systemActor } from '../server/modules/audit/audit.ts';
import { fixedClock, randomIds } from '../shared/clock.ts';
import { listTables, qualified } from './table-catalog.ts';

export interface FillOptions {
  households: number;
  /** audit rows added in bulk (users and the tricky rows add a few more) */
  auditRows: number;
  filesDir?: string;
  password?: string;
}

export const fixturePassword = 'MatKhau-Ops-2026';

/** Fills a migrated, empty database. Returns the admin's username. */
export async function fillProvince(database: Database, options: FillOptions): Promise<{ admin: string; officer: string }> {
  const clock = fixedClock('2026-11-29T03:00:00Z');
  const ids = randomIds;
  await seedReferenceData(database.db, { clock, ids, provinceCode: '20' });
  const catalog = createUnitsCatalog(database.db);
  const users = createUsersService({ db: database.db, clock, ids, provinceCode: '20', catalog, scope: createScopeChecker(catalog, clock) });
  const [commune] = await database.query<{ code: string }>(`select code from admin_units where level = 'commune' and valid_to is null order by code limit 1`);
  const communeCode = commune!.code;
  await users.create(systemActor, {
    username: 'quantri.ops',
    fullName: 'Quản trị hệ thống',
    password: options.password ?? fixturePassword,
    assignments: [{ role: 'admin', unitCode: '20', organisationId: null }],
  });
  await users.create(systemActor, {
    username: 'canbo.xa.ops',
    fullName: 'Cán bộ xã',
    password: options.password ?? fixturePassword,
    assignments: [{ role: 'commune_officer', unitCode: communeCode, organisationId: null }],
  });

  const q = database.query.bind(database);
  await q(
    `insert into households (id, province_code, code, head_name, head_name_folded, village_code, area, ethnic_minority, female_head,
        dwelling, is_demo, version, created_at, updated_at)
     select gen_random_uuid(), '20', 'H' || lpad(i::text, 7, '0'), 'Hoàng Văn Hộ ' || i, 'hoang van ho ' || i, $1, case when i % 5 = 0 then 'urban' else 'rural' end,
        i % 3 = 0, i % 4 = 0, jsonb_build_object('wall', 'gỗ', 'areaM2', i % 90, 'water', i % 2 = 0), false, 1,
        timestamptz '2026-01-02 03:04:05.123456+00' + i * interval '1 second', timestamptz '2026-01-02 03:04:05.123456+00' + i * interval '1 second'
       from generate_series(1, $2::int) as s(i)`,
    [communeCode, options.households],
  );
  await q(
    `insert into household_members (id, province_code, household_id, full_name, full_name_folded, birth_date, birth_year, sex, relation, citizen_id, facts, created_at)
     select gen_random_uuid(), '20', h.id, 'Thành viên ' || m || ' ' || h.code, 'thanh vien', case when m = 1 then date '1980-02-29' else null end,
        1980 + m, case when m % 2 = 0 then 'female' else 'male' end, case when m = 1 then 'chủ hộ' else 'con' end, '0' || lpad((m * 100000 + right(h.code, 5)::int)::text, 11, '0'),
        jsonb_build_object('school', m, 'insured', m % 2 = 0), h.created_at
       from households h cross join generate_series(1, 3) as s(m)`,
  );
  // The tricky rows.
  const trickyHousehold = ids.newId();
  await q(
    `insert into households (id, province_code, code, head_name, head_name_folded, village_code, area, dwelling, closed_on, closed_reason, created_at, updated_at)
     values ($1, '20', 'H-ĐẶC-BIỆT', $2, 'luc van ba', $3, 'rural', $4::jsonb, null, $5, timestamptz '2026-03-04 05:06:07.000001+07', now())`,
    [
      trickyHousehold,
      'Lục Văn Bá'.normalize('NFD') + ' "Ba" \\ O\'Neil\nxuống dòng\ttab 🌾',
      communeCode,
      `{"nested": {"list": [1, 2.5, null, "ư"], "empty": {}, "deep": [[{"a": "\\""}]]}, "big": 12345678901234567890}`,
      'lý do có ký tự đặc biệt: ; , \' " \\ %',
    ],
  );
  for (const [year, state] of [[2025, 'frozen'], [2026, 'open']] as const) {
    const roundId = ids.newId();
    await q(
      `insert into review_rounds (id, province_code, year, standard_id, standard_version, state, opened_on, decision_number, decision_date, created_at)
       values ($1, '20', $2, 'nd-07-2021', '2022-2025/v1', $3, $4, $5, $6, now())`,
      [roundId, year, state, `${year}-09-01`, state === 'frozen' ? `2426/QĐ-UBND` : null, state === 'frozen' ? `${year}-12-16` : null],
    );
    await q(
      `insert into round_communes (id, province_code, round_id, commune_code, state, steps, updated_at)
       values (gen_random_uuid(), '20', $1, $2, 'village_meeting', '{"listed": {"on": "2026-09-10"}}', now())`,
      [roundId, communeCode],
    );
    await q(
      `insert into assessments (id, province_code, round_id, household_id, revision, is_current, village_code, commune_code, district_code, area,
          ethnic_minority, female_head, merit_or_social, income_per_capita, b1_score, deprivations, detail, category, reason, standard_version,
          transition, stable_escape_years, created_at)
       select gen_random_uuid(), '20', $1, h.id, 1, true, h.village_code, $2, null, h.area, h.ethnic_minority, h.female_head, false,
          case when h.code = 'H-ĐẶC-BIỆT' then 9007199254740993 else (row_number() over (order by h.code)) * 1000 end,
          (row_number() over (order by h.code))::int % 100,
          case when h.code = 'H-ĐẶC-BIỆT' then array['nhà ở', 'nước, "sạch"', 'a\\b', '{}']::text[] else array['bhyt']::text[] end,
          jsonb_build_object('year', $3::int), case when h.code like 'H00000%' then 'poor' else 'not_poor' end, 'thu nhập', '2022-2025/v1',
          'stay', null, h.created_at
         from households h`,
      [roundId, communeCode, year],
    );
  }
  await q(
    `insert into audit_log (province_code, at, actor_user_id, actor_name, action, entity_type, entity_id, unit_code, before, after, reason, request_id)
     select '20', timestamptz '2026-06-01 00:00:00+07' + i * interval '1 millisecond', null, 'Hệ thống', 'household.updated', 'household', 'H' || i, $1,
        jsonb_build_object('headName', 'Tên cũ ' || i, 'members', 3), jsonb_build_object('headName', 'Tên mới ' || i, 'members', 4, 'note', 'bổ sung minh chứng'),
        case when i % 7 = 0 then 'sửa theo biên bản họp thôn' else null end, 'req-' || i
       from generate_series(1, $2::int) as s(i)`,
    [communeCode, options.auditRows],
  );
  await database.db.transaction(async (tx) => {
    await recordAudit(tx, { clock, provinceCode: '20' }, systemActor, {
      action: 'household.created',
      entityType: 'household',
      entityId: trickyHousehold,
      unitCode: communeCode,
      after: { note: 'hộ có dữ liệu đặc biệt' },
    });
  });
  // A gap in the audit sequence: the next id after a restore must continue after it, not reuse it.
  await q(`select setval(pg_get_serial_sequence('audit_log', 'id'), (select max(id) from audit_log) + 1000)`);

  if (options.filesDir) {
    const put = (rel: string, data: Buffer | string) => {
      const file = path.join(options.filesDir!, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, data);
    };
    put('2026/20/biên-bản-họp-thôn.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), createHash('sha512').update('a').digest(), Buffer.alloc(3000, 7)]));
    put(`2026/20/${'Giấy xác nhận hộ nghèo '.normalize('NFD')}.jpg`, Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01, 0x02]));
    put('2026/20/trống.txt', '');
    put(`${'a-very-long-folder-name-'.repeat(6)}/tệp có tên dài ${'x'.repeat(120)}.xlsx`, Buffer.alloc(70_000, 0x41));
  }
  return { admin: 'quantri.ops', officer: 'canbo.xa.ops' };
}

export interface TableDigest {
  rows: number;
  md5: string;
}

/** Per table: row count and md5 of every row's text, in a fixed order — equal digests mean equal tables. */
export async function digestTables(database: Pick<Database, 'query'>): Promise<Record<string, TableDigest>> {
  const out: Record<string, TableDigest> = {};
  for (const table of await listTables((t, p) => database.query(t, p))) {
    const [row] = await database.query<{ n: string; h: string }>(
      `select count(*)::text as n, coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') as h from ${qualified(table.name)} t`,
    );
    out[table.name] = { rows: Number(row!.n), md5: row!.h };
  }
  return out;
}

/** Every file under a folder with its sha256, by '/'-separated relative path. */
export function digestFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(dir, rel);
    if (fs.statSync(file).isFile()) out[rel.split(path.sep).join('/')] = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  return out;
}

export async function tableCount(database: Pick<Database, 'query'>): Promise<number> {
  const [row] = await database.query<{ n: string }>(
    `select count(*)::text as n from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'`,
  );
  return Number(row!.n);
}
