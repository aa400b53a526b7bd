import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardForReviewYear } from '../../src/domain/poverty/index.ts';
import { computeAlkireFoster } from '../../src/domain/stats/alkire-foster.ts';
import type { UnitFiguresResponse } from '../../src/shared/schemas/stats.schema.ts';
import {
  amendAssessment,
  assessHouseholds,
  createRound,
  createStatsFixture,
  drawHouseholds,
  principal,
  villagesOfCommune,
  type StatsFixture,
} from './stats-factories.ts';

// The stored figures of a round (issue 4, point 1) are what a plain GROUP BY over the round's current assessments
// gives — counts, rates with two decimals over all households, transitions, breakdowns, deprivation headcounts — on the
// units in force for the round, and an amendment changes them once the round is recomputed.

const YEAR = 2019;
const DATE = '2019-12-31';
const indicators = standardForReviewYear(YEAR).indicators.map((i) => i.code);
const province = principal('poverty_office', '20');

let fx: StatsFixture;
let roundId: string;
let districts: string[];
let communes: string[];

interface SqlFigures {
  code: string;
  total: number;
  poor: number;
  near_poor: number;
  poor_rate: number;
  near_poor_rate: number;
}

const figuresSql = (groupBy: 'commune_code' | 'district_code' | 'village_code' | null) => `
  select ${groupBy ?? "'20'"} as code, count(*)::int as total,
         (count(*) filter (where category = 'poor'))::int as poor,
         (count(*) filter (where category = 'near_poor'))::int as near_poor,
         round(100.0 * count(*) filter (where category = 'poor') / count(*), 2)::float8 as poor_rate,
         round(100.0 * count(*) filter (where category = 'near_poor') / count(*), 2)::float8 as near_poor_rate
  from assessments where round_id = $1 and is_current
  ${groupBy ? `group by ${groupBy}` : ''}`;

async function sqlFigures(groupBy: 'commune_code' | 'district_code' | 'village_code' | null): Promise<Map<string, SqlFigures>> {
  const rows = await fx.testDb.database.query<SqlFigures>(figuresSql(groupBy), [roundId]);
  return new Map(rows.map((r) => [r.code, r]));
}

function expectSame(row: UnitFiguresResponse['unit'], sql: SqlFigures | undefined): void {
  const { total, poor, nearPoor, poorRate, nearPoorRate } = row.figures;
  expect({ code: row.code, total, poor, nearPoor, poorRate, nearPoorRate }).toEqual({
    code: row.code,
    total: sql?.total ?? 0,
    poor: sql?.poor ?? 0,
    nearPoor: sql?.near_poor ?? 0,
    poorRate: sql?.poor_rate ?? 0,
    nearPoorRate: sql?.near_poor_rate ?? 0,
  });
}

beforeAll(async () => {
  fx = await createStatsFixture();
  roundId = await createRound(fx, YEAR);
  const dir = await fx.directory();
  districts = dir.unitsOn(DATE, 'district').slice(0, 3).map((d) => d.code);
  communes = districts.flatMap((d) => dir.childrenOn(d, DATE).slice(0, 3).map((c) => c.code));
  const villages = communes.flatMap((c) => villagesOfCommune(dir, c, DATE, 4));
  await assessHouseholds(fx, roundId, drawHouseholds(villages, 8, indicators, 165));
  await fx.stats.recompute(roundId);
});
afterAll(async () => fx.close());

describe('recomputing a round', () => {
  it('gives the province the counts and two-decimal rates of a plain SQL GROUP BY', async () => {
    const [whole] = [...(await sqlFigures(null)).values()];
    const res = await fx.stats.unitFigures(province, YEAR, '20');
    expect(whole!.total).toBeGreaterThan(100);
    expectSame(res.unit, whole);
    expect(res.unit.level).toBe('province');
  });

  it('gives every district and commune of 2019 the figures of GROUP BY district and commune', async () => {
    const byDistrict = await sqlFigures('district_code');
    const byCommune = await sqlFigures('commune_code');
    const res = await fx.stats.unitFigures(province, YEAR, '20');
    expect(res.children).toHaveLength(11);
    for (const district of res.children) {
      expectSame(district, byDistrict.get(district.code));
      const inner = await fx.stats.unitFigures(province, YEAR, district.code);
      for (const commune of inner.children) expectSame(commune, byCommune.get(commune.code));
    }
  });

  it('drills down to the villages of a commune', async () => {
    const byVillage = await sqlFigures('village_code');
    const res = await fx.stats.unitFigures(province, YEAR, communes[0]!);
    expect(res.ancestors.map((a) => a.level)).toEqual(['province', 'district']);
    expect(res.children.every((c) => c.level === 'village')).toBe(true);
    for (const village of res.children) expectSame(village, byVillage.get(village.code));
  });

  it('stores transitions, breakdowns and deprivation headcounts as GROUP BY counts them', async () => {
    const commune = communes[1]!;
    const q = fx.testDb.database.query.bind(fx.testDb.database);
    const transitions = await q<{ transition: string; n: number }>(
      'select transition, count(*)::int as n from assessments where round_id = $1 and is_current and commune_code = $2 group by transition',
      [roundId, commune],
    );
    const deprivations = await q<{ code: string; n: number }>(
      'select d as code, count(*)::int as n from assessments, unnest(deprivations) as d where round_id = $1 and is_current and commune_code = $2 group by d',
      [roundId, commune],
    );
    const [ethnic] = await q<{ total: number; poor: number; near_poor: number }>(
      `select count(*)::int as total, (count(*) filter (where category = 'poor'))::int as poor,
              (count(*) filter (where category = 'near_poor'))::int as near_poor
       from assessments where round_id = $1 and is_current and commune_code = $2 and ethnic_minority`,
      [roundId, commune],
    );
    const { figures } = (await fx.stats.unitFigures(province, YEAR, commune)).unit;
    expect(figures.transitions).toEqual(Object.fromEntries(transitions.map((t) => [t.transition, t.n])));
    expect(figures.deprivations).toEqual(Object.fromEntries(deprivations.map((d) => [d.code, d.n])));
    expect(figures.breakdowns.ethnicMinority).toEqual({ total: ethnic!.total, poor: ethnic!.poor, nearPoor: ethnic!.near_poor });
    expect(figures.breakdowns.rural.total + figures.breakdowns.urban.total).toBe(figures.total);
  });

  it("stores the commune's Alkire–Foster figures (k = 3, equal weights) as computed from its households", async () => {
    const commune = communes[2]!;
    const rows = await fx.testDb.database.query<{ id: string; deprivations: string[] }>(
      'select household_id as id, deprivations from assessments where round_id = $1 and is_current and commune_code = $2',
      [roundId, commune],
    );
    const expected = computeAlkireFoster({ units: rows, indicators, k: 3 });
    const af = await fx.stats.alkireFoster(province, { year: YEAR, unitCode: commune });
    expect(af.source).toBe('stored');
    expect(af.H).toBeCloseTo(expected.H, 12);
    expect(af.A).toBeCloseTo(expected.A, 12);
    expect(af.M0).toBeCloseTo(expected.M0, 12);
    for (const code of indicators) {
      expect(af.censoredHeadcount[code]).toBeCloseTo(expected.censoredHeadcount[code]!, 12);
      expect(af.contribution[code]).toBeCloseTo(expected.contribution[code]!, 9);
    }
    expect(af.poorHouseholds).toBe(expected.poorCount);
  });

  it('serves the stored figures until the round is recomputed after an amendment', async () => {
    const commune = communes[0]!;
    const [poorHousehold] = await fx.testDb.database.query<{ household_id: string; district_code: string }>(
      "select household_id, district_code from assessments where round_id = $1 and is_current and commune_code = $2 and category = 'poor' limit 1",
      [roundId, commune],
    );
    const before = await fx.stats.unitFigures(province, YEAR, commune);
    const provinceBefore = (await fx.stats.unitFigures(province, YEAR, '20')).unit.figures;

    await amendAssessment(fx, roundId, poorHousehold!.household_id, { category: 'not_poor', transition: 'escaped' });
    // Dashboards read the store: nothing moves until the round's figures are recomputed.
    expect((await fx.stats.unitFigures(province, YEAR, commune)).unit.figures.poor).toBe(before.unit.figures.poor);

    await fx.stats.figuresChanged(roundId);
    const after = await fx.stats.unitFigures(province, YEAR, commune);
    expect(after.unit.figures.poor).toBe(before.unit.figures.poor - 1);
    expect(after.unit.figures.total).toBe(before.unit.figures.total);
    expectSame(after.unit, (await sqlFigures('commune_code')).get(commune));
    const district = (await fx.stats.unitFigures(province, YEAR, poorHousehold!.district_code)).unit;
    expectSame(district, (await sqlFigures('district_code')).get(poorHousehold!.district_code));
    const provinceAfter = (await fx.stats.unitFigures(province, YEAR, '20')).unit.figures;
    expect(provinceAfter.poor).toBe(provinceBefore.poor - 1);
    expect(provinceAfter.transitions.escaped).toBe((provinceBefore.transitions.escaped ?? 0) + 1);
  });

  it('places a household whose village is unknown in its commune, and one whose commune is unknown in the province only', async () => {
    const commune = communes[1]!;
    const [a, b] = await fx.testDb.database.query<{ id: string }>(
      'select id from assessments where round_id = $1 and is_current and commune_code = $2 order by id limit 2',
      [roundId, commune],
    );
    await fx.testDb.database.query('update assessments set village_code = $2 where id = $1', [a!.id, `${commune}-99`]);
    await fx.testDb.database.query("update assessments set village_code = '99999-01', commune_code = '99999', district_code = null where id = $1", [b!.id]);
    const summary = await fx.stats.recompute(roundId);
    expect(summary.unplaced).toBe(1);

    expectSame((await fx.stats.unitFigures(province, YEAR, commune)).unit, (await sqlFigures('commune_code')).get(commune));
    const [whole] = [...(await sqlFigures(null)).values()];
    expectSame((await fx.stats.unitFigures(province, YEAR, '20')).unit, whole);
    const onUnits = await fx.stats.onUnits(province, { year: YEAR, level: 'commune' });
    expect(onUnits.unmapped).toEqual([expect.objectContaining({ code: '20', households: 1, name: 'Hộ chưa xác định được thôn, xã' })]);
    expect(onUnits.totals.total + 1).toBe(whole!.total);
  });
});
