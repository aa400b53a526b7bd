import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-db.ts';
import type { Database } from '../../../db/client.ts';
import {
  classifyHousehold,
  deriveTransitions,
  standardById,
  type PovertyCategory,
} from '../../../domain/poverty/index.ts';
import {
  insertVersions,
  loadAllEvents,
  loadAllVersions,
} from '../../../server/modules/units/units.repository.ts';
import { fixedClock, randomIds } from '../../../shared/clock.ts';
import { generateDemoVillages } from '../../reference/demo-villages.ts';
import { seedReferenceData } from '../../seed-reference.ts';
import { loadDemoRegistry, type DemoRegistrySummary } from './load-demo-registry.ts';

const provinceCode = '20';
const clock = fixedClock('2026-10-01T03:00:00Z');

async function prepare(): Promise<TestDatabase> {
  const test = await createTestDatabase();
  await seedReferenceData(test.database.db, { clock, ids: randomIds, provinceCode });
  // As load-demo.ts does: the demo villages are in admin_units before the registry is loaded.
  const villages = generateDemoVillages({
    versions: await loadAllVersions(test.database.db),
    events: await loadAllEvents(test.database.db),
  });
  await insertVersions(test.database.db, provinceCode, villages);
  return test;
}

let test: TestDatabase;
let database: Database;
let summary: DemoRegistrySummary;
const logged: string[] = [];
let failure: unknown = null;
const leftAfterFailure: Record<string, number> = {};

beforeAll(async () => {
  test = await prepare();
  database = test.database;
  // All or nothing: a round of 2020 already recorded for real keeps the demo from adding its own 2020 round, so the
  // first load fails part-way; nothing of it may remain. Then the real round is removed and the demo loads.
  const realRound = randomIds.newId();
  await database.query(
    `insert into review_rounds (id, province_code, year, standard_id, standard_version, state, opened_on, is_demo, created_at)
     values ($1, $2, 2020, 'qd59-2015', 'qd59-2015@1', 'open', '2020-09-01', false, now())`,
    [realRound, provinceCode],
  );
  try {
    await loadDemoRegistry(database, { provinceCode, households: 300, log: () => {}, clock, ids: randomIds });
  } catch (error) {
    failure = error;
  }
  for (const table of [
    'review_rounds',
    'households',
    'household_members',
    'assessments',
    'round_communes',
    'social_bank_loans',
  ]) {
    const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    leftAfterFailure[table] = row?.n ?? -1;
  }
  await database.query('delete from review_rounds where id = $1', [realRound]);

  summary = await loadDemoRegistry(database, {
    provinceCode,
    households: 4000,
    seed: 2017,
    log: (line) => logged.push(line),
    clock,
    ids: randomIds,
  });
});
afterAll(async () => test?.drop());

const one = async <T>(text: string, params: unknown[] = []): Promise<T> => {
  const [row] = await database.query<T>(text, params);
  if (!row) throw new Error(`no row: ${text}`);
  return row;
};

describe('the demo registry in the database (4,000 households)', () => {
  it('shows the 2017 round at 19.07 % poor and 11.9 % near-poor (± 0.3), counted over all households', async () => {
    const row = await one<{ poor: number; near: number; total: number }>(
      `select 100.0 * count(*) filter (where a.category = 'poor') / count(*) as poor,
              100.0 * count(*) filter (where a.category = 'near_poor') / count(*) as near,
              count(*)::int as total
         from assessments a join review_rounds r on r.id = a.round_id
        where r.year = 2017 and a.is_current`,
    );
    expect(Math.abs(Number(row.poor) - 19.07)).toBeLessThanOrEqual(0.3);
    expect(Math.abs(Number(row.near) - 11.9)).toBeLessThanOrEqual(0.3);
    expect(row.total).toBeGreaterThan(3700);
    expect(summary.rounds.find((r) => r.year === 2017)?.poor).toBeGreaterThan(0);
    expect(logged.join('\n')).toMatch(/MẪU/u);
  });

  it.each([
    { year: 2016, poor: 22.37 },
    { year: 2021, poor: 12.2 },
    { year: 2024, poor: 3.36 },
    { year: 2025, poor: 2.32 },
  ])('shows the $year round at $poor % poor (± 0.3)', async ({ year, poor }) => {
    const row = await one<{ rate: number }>(
      `select 100.0 * count(*) filter (where a.category = 'poor') / count(*) as rate
         from assessments a join review_rounds r on r.id = a.round_id where r.year = $1`,
      [year],
    );
    expect(Math.abs(Number(row.rate) - poor)).toBeLessThanOrEqual(0.3);
  });

  it('stores, for every assessment, the category, reason and version classifyHousehold gives for the stored facts', async () => {
    const rows = await database.query<{
      area: 'rural' | 'urban';
      income: string | number;
      deprivations: string[];
      category: PovertyCategory;
      reason: string;
      version: string;
      standard_id: string;
    }>(
      `select a.area, a.income_per_capita as income, a.deprivations, a.category, a.reason,
              a.standard_version as version, r.standard_id
         from assessments a join review_rounds r on r.id = a.round_id`,
    );
    expect(rows.length).toBe(summary.assessments);
    let wrong = 0;
    for (const row of rows) {
      const result = classifyHousehold(standardById(row.standard_id), {
        area: row.area,
        incomePerCapita: Number(row.income),
        deprivations: row.deprivations,
      });
      if (result.category !== row.category || result.reason !== row.reason || result.version !== row.version)
        wrong += 1;
    }
    expect(wrong).toBe(0);
  });

  it('stores the transitions and stable-escape years deriveTransitions gives over each household’s rounds', async () => {
    const rows = await database.query<{
      household_id: string;
      year: number;
      category: PovertyCategory;
      transition: string;
      stable: number | null;
    }>(
      `select a.household_id, r.year, a.category, a.transition, a.stable_escape_years as stable
         from assessments a join review_rounds r on r.id = a.round_id
        order by a.household_id, r.year`,
    );
    const byHousehold = new Map<string, typeof rows>();
    for (const row of rows)
      byHousehold.set(row.household_id, [...(byHousehold.get(row.household_id) ?? []), row]);
    let wrong = 0;
    for (const list of byHousehold.values()) {
      const expected = deriveTransitions(list.map((r) => ({ round: r.year, category: r.category })));
      list.forEach((r, i) => {
        if (expected[i]?.transition !== r.transition || expected[i]?.stableEscapeYears !== r.stable)
          wrong += 1;
      });
    }
    expect(byHousehold.size).toBe(4000);
    expect(wrong).toBe(0);
    const kinds = await database.query<{ transition: string }>('select distinct transition from assessments');
    expect(kinds.map((k) => k.transition)).toEqual(
      expect.arrayContaining(['escaped', 'new_poor', 'relapsed', 'stayed_poor']),
    );
  });

  it('marks everything it made as demo', async () => {
    for (const table of [
      'households',
      'review_rounds',
      'assessments',
      'social_bank_loans',
      'escape_registrations',
      'in_year_applications',
    ]) {
      const row = await one<{ all: number; demo: number }>(
        `select count(*)::int as all, count(*) filter (where is_demo)::int as demo from ${table}`,
      );
      expect(row.all, table).toBeGreaterThan(0);
      expect(row.demo, table).toBe(row.all);
    }
    const members = await one<{ n: number }>(
      'select count(*)::int as n from household_members m join households h on h.id = m.household_id where h.is_demo',
    );
    expect(members.n).toBe(summary.members);
  });

  it('places each assessment on the units of its round: districts until 2024, none after 01/07/2025', async () => {
    const rows = await database.query<{
      year: number;
      with_district: number;
      communes: number;
      total: number;
    }>(
      `select r.year, count(a.district_code)::int as with_district, count(distinct a.commune_code)::int as communes,
              count(*)::int as total
         from assessments a join review_rounds r on r.id = a.round_id group by r.year order by r.year`,
    );
    for (const row of rows) {
      if (row.year <= 2024) expect(row.with_district).toBe(row.total);
      else expect(row.with_district).toBe(0);
    }
    expect(rows.find((r) => r.year === 2017)?.communes).toBe(226);
    expect(rows.find((r) => r.year === 2025)?.communes).toBe(65);
    const stray = await one<{ n: number }>(
      `select count(*)::int as n
         from assessments a join review_rounds r on r.id = a.round_id
         left join admin_units c on c.code = a.commune_code and c.level = 'commune'
              and c.valid_from <= (r.year || '-12-31')::date and (c.valid_to is null or c.valid_to > (r.year || '-12-31')::date)
        where c.code is null`,
    );
    expect(stray.n).toBe(0);
  });

  it('freezes the rounds 2016–2025 with their decisions and every commune of the round', async () => {
    const rounds = await database.query<{
      year: number;
      standard_id: string;
      state: string;
      decision_number: string | null;
      decision_date: string | null;
      communes: number;
      frozen: number;
      with_meeting: number;
    }>(
      `select r.year, r.standard_id, r.state, r.decision_number, r.decision_date::text as decision_date,
              count(c.id)::int as communes, count(c.id) filter (where c.state = 'frozen')::int as frozen,
              count(c.id) filter (where c.steps ? 'meeting' and c.steps ? 'posting')::int as with_meeting
         from review_rounds r left join round_communes c on c.round_id = r.id
        where r.state = 'frozen' group by r.id order by r.year`,
    );
    expect(rounds.map((r) => r.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    const expectedCommunes: Record<number, number> = {
      2016: 226,
      2019: 226,
      2020: 200,
      2023: 200,
      2024: 194,
      2025: 65,
    };
    for (const r of rounds) {
      expect(r.standard_id).toBe(r.year <= 2021 ? 'qd59-2015' : 'nd07-2021');
      expect(r.decision_number).toBeTruthy();
      expect(r.decision_date?.slice(0, 7)).toBe(`${r.year}-12`);
      expect(r.frozen).toBe(r.communes);
      expect(r.with_meeting).toBe(r.communes);
      if (expectedCommunes[r.year] !== undefined) expect(r.communes).toBe(expectedCommunes[r.year]);
    }
    const r2017 = rounds.find((r) => r.year === 2017);
    expect(r2017?.decision_number).toBe('2426/QĐ-UBND');
    expect(r2017?.decision_date).toBe('2017-12-16');
  });

  it('opens the 2026 round (NĐ 07/2021) on 01/09/2026 with its 65 communes open and no assessments', async () => {
    const round = await one<{
      id: string;
      state: string;
      standard_id: string;
      standard_version: string;
      opened_on: string;
    }>(
      `select id, state, standard_id, standard_version, opened_on::text as opened_on from review_rounds where year = 2026`,
    );
    expect(round).toMatchObject({
      state: 'open',
      standard_id: 'nd07-2021',
      standard_version: 'nd07-2021@1',
      opened_on: '2026-09-01',
    });
    const communes = await one<{ n: number; open: number }>(
      `select count(*)::int as n, count(*) filter (where state = 'open')::int as open from round_communes where round_id = $1`,
      [round.id],
    );
    expect(communes).toEqual({ n: 65, open: 65 });
    expect(
      (await one<{ n: number }>('select count(*)::int as n from assessments where round_id = $1', [round.id]))
        .n,
    ).toBe(0);
  });

  it('keeps citizen IDs unique and loans within 20–100 million đ', async () => {
    const ids = await one<{ n: number; distinct: number }>(
      'select count(citizen_id)::int as n, count(distinct citizen_id)::int as distinct from household_members',
    );
    expect(ids.n).toBeGreaterThan(0);
    expect(ids.distinct).toBe(ids.n);
    const loans = await one<{ min: string | number; max: string | number }>(
      'select min(amount) as min, max(amount) as max from social_bank_loans',
    );
    expect(Number(loans.min)).toBeGreaterThanOrEqual(20_000_000);
    expect(Number(loans.max)).toBeLessThanOrEqual(100_000_000);
  });

  it('does not load twice', async () => {
    const again = await loadDemoRegistry(database, {
      provinceCode,
      households: 10,
      log: () => {},
      clock,
      ids: randomIds,
    });
    expect(again.loaded).toBe(false);
    expect((await one<{ n: number }>('select count(*)::int as n from households')).n).toBe(4000);
  });
});

describe('all or nothing', () => {
  it('leaves no demo row behind when the load fails part-way', () => {
    expect(failure).toBeInstanceOf(Error);
    expect(leftAfterFailure).toEqual({
      review_rounds: 1,
      households: 0,
      household_members: 0,
      assessments: 0,
      round_communes: 0,
      social_bank_loans: 0,
    });
  });
});
